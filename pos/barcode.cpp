#include "pos/barcode.hpp"

#include <algorithm>

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

std::string printable(std::string_view raw) {
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

}  // namespace

Result<std::string> normalise_scanned_code(std::string_view raw) {
    while (!raw.empty() && is_space(raw.front()))
        raw.remove_prefix(1);
    while (!raw.empty() && is_space(raw.back()))
        raw.remove_suffix(1);
    if (raw.empty())
        return bad_input("Nothing was scanned: the code is empty");
    const bool all_digits =
        std::all_of(raw.begin(), raw.end(), [](char c) { return c >= '0' && c <= '9'; });
    if (!all_digits) {
        return bad_input("Barcode '" + printable(raw) +
                         "' is not readable: it should contain digits only. Scan it again or key "
                         "the digits");
    }
    if (raw.size() > 14) {
        return bad_input("Barcode " + std::string(raw) + " is too long (" +
                         std::to_string(raw.size()) + " digits; at most 14)");
    }
    if (is_gtin_length(raw.size())) {
        const char expected = gtin_check_digit(raw.substr(0, raw.size() - 1));
        if (raw.back() != expected) {
            return bad_input("Barcode " + std::string(raw) +
                             " has a wrong check digit (the last digit should be " + expected +
                             "): it was misread or mistyped. Scan it again");
        }
    }
    return std::string(raw);
}

}  // namespace pos
