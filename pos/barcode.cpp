#include "pos/barcode.hpp"

#include <algorithm>
#include <limits>

namespace pos {

char gtin_check_digit(std::string_view digits) {
    // Weights alternate 3,1,3,... starting from the digit next to the check digit.
    int sum = 0;
    int weight = 3;
    for (auto it = digits.rbegin(); it != digits.rend(); ++it) {
        sum += (*it - '0') * weight;
        weight = weight == 3 ? 1 : 3;
    }
    return static_cast<char>('0' + (10 - sum % 10) % 10);
}

bool is_gtin_length(std::size_t length) {
    return length == 8 || length == 12 || length == 13 || length == 14;
}

namespace {

bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

std::string wrong_check_digit(std::string_view what, std::string_view code, char expected) {
    return std::string(what) + " " + std::string(code) +
           " has a wrong check digit (the last digit should be " + expected +
           "): it was misread or mistyped. Scan it again";
}

}  // namespace

std::string_view trim_scan(std::string_view raw) {
    while (!raw.empty() && is_space(raw.front()))
        raw.remove_prefix(1);
    while (!raw.empty() && is_space(raw.back()))
        raw.remove_suffix(1);
    return raw;
}

bool is_all_digits(std::string_view text) {
    return !text.empty() &&
           std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::string printable_scan(std::string_view raw) {
    std::string out;
    for (unsigned char c : raw) {
        if (c >= 0x20 && c < 0x7f) {
            out += static_cast<char>(c);
        } else {
            static const char* hex = "0123456789ABCDEF";
            out += "\\x";
            out += hex[c >> 4];
            out += hex[c & 0xF];
        }
    }
    return out;
}

Result<std::string> normalise_scanned_code(std::string_view raw) {
    raw = trim_scan(raw);
    if (raw.empty())
        return bad_input("Nothing was scanned: the code is empty");
    if (!is_all_digits(raw)) {
        return bad_input("Barcode '" + printable_scan(raw) +
                         "' is not readable: it should contain digits only. Scan it again or key "
                         "the digits");
    }
    if (raw.size() > 14) {
        return bad_input("Barcode " + std::string(raw) + " is too long (" +
                         std::to_string(raw.size()) + " digits; at most 14)");
    }
    if (is_gtin_length(raw.size())) {
        const char expected = gtin_check_digit(raw.substr(0, raw.size() - 1));
        if (raw.back() != expected)
            return bad_input(wrong_check_digit("Barcode", raw, expected));
    }
    return std::string(raw);
}

std::string to_string(Decimal number) {
    const bool negative = number.value < 0;
    std::string digits = std::to_string(negative ? -number.value : number.value);
    if (number.decimals > 0) {
        const auto decimals = static_cast<std::size_t>(number.decimals);
        if (digits.size() <= decimals)
            digits.insert(0, decimals + 1 - digits.size(), '0');
        digits.insert(digits.size() - decimals, ".");
    }
    return negative ? "-" + digits : digits;
}

Result<std::int64_t> to_minor_units(Decimal amount, int exponent) {
    constexpr std::int64_t max = std::numeric_limits<std::int64_t>::max();
    std::int64_t value = amount.value;
    for (int d = amount.decimals; d < exponent; ++d) {
        if (value > max / 10 || value < -max / 10)
            return bad_input("Amount " + to_string(amount) + " is too large");
        value *= 10;
    }
    for (int d = amount.decimals; d > exponent; --d) {
        if (value % 10 != 0) {
            return bad_input("Amount " + to_string(amount) + " has more decimals than the " +
                             "currency (" + std::to_string(exponent) + ")");
        }
        value /= 10;
    }
    return value;
}

Result<std::string> expand_upc_e(std::string_view upc_e) {
    if (upc_e.size() != 8 || !is_all_digits(upc_e)) {
        return bad_input("UPC-E code '" + printable_scan(upc_e) +
                         "' has a bad length: it should be 8 digits (number system, six digits, "
                         "check digit)");
    }
    if (upc_e[0] != '0' && upc_e[0] != '1') {
        return bad_input("UPC-E code " + std::string(upc_e) + " has number system " + upc_e[0] +
                         ": a UPC-E starts with 0 or 1");
    }
    const std::string_view d = upc_e.substr(1, 6);  // d[0..5] are the six encoded digits
    std::string manufacturer;
    std::string item;
    switch (d[5]) {
        case '0':
        case '1':
        case '2':
            manufacturer = {d[0], d[1], d[5], '0', '0'};
            item = {'0', '0', d[2], d[3], d[4]};
            break;
        case '3':
            manufacturer = {d[0], d[1], d[2], '0', '0'};
            item = {'0', '0', '0', d[3], d[4]};
            break;
        case '4':
            manufacturer = {d[0], d[1], d[2], d[3], '0'};
            item = {'0', '0', '0', '0', d[4]};
            break;
        default:
            manufacturer = {d[0], d[1], d[2], d[3], d[4]};
            item = {'0', '0', '0', '0', d[5]};
            break;
    }
    std::string upc_a = std::string(1, upc_e[0]) + manufacturer + item;
    const char expected = gtin_check_digit(upc_a);
    if (upc_e[7] != expected)
        return bad_input(wrong_check_digit("UPC-E barcode", upc_e, expected));
    return upc_a + expected;
}

Result<std::string> canonical_gtin(std::string_view digits) {
    if (!is_all_digits(digits) || !is_gtin_length(digits.size())) {
        return bad_input("GTIN '" + printable_scan(digits) +
                         "' has a bad length: a GTIN is 8, 12, 13 or 14 digits");
    }
    const char expected = gtin_check_digit(digits.substr(0, digits.size() - 1));
    if (digits.back() != expected)
        return bad_input(wrong_check_digit("Barcode", digits, expected));
    if (digits.size() == 8)
        return std::string(digits);
    // Leading zeros do not change a GTIN (nor its check digit): compare in the 14-digit form.
    const std::string gtin14 = std::string(14 - digits.size(), '0') + std::string(digits);
    if (gtin14[0] != '0')
        return gtin14;
    const bool gtin8_prefix = gtin14.compare(0, 6, "000000") == 0 &&
                              gtin14.compare(0, 8, "00000000") != 0;  // see the header
    if (gtin8_prefix)
        return gtin14.substr(6);
    return gtin14.substr(1);
}

}  // namespace pos
