#include "pos/variable_measure.hpp"

#include <algorithm>
#include <array>
#include <stdexcept>

namespace pos {

namespace layouts {

VariableMeasureLayout price_in_cents() {
    return {"price in cents", {"21", "22"}, EmbeddedValue::price, 2, 5, 7, 5, 2, std::nullopt};
}

VariableMeasureLayout weight_in_grams() {
    return {"weight in grams", {"23", "24", "25", "26", "27"}, EmbeddedValue::weight, 2, 5, 7, 5, 3,
            std::nullopt};
}

VariableMeasureLayout price_with_check_digit() {
    return {"price with check digit", {"20"}, EmbeddedValue::price, 2, 5, 8, 4, 2, 7};
}

VariableMeasureLayout weight_with_check_digit() {
    return {"weight with check digit", {"28", "29"}, EmbeddedValue::weight, 2, 4, 7, 5, 3, 6};
}

VariableMeasureLayout upc_price_with_check_digit() {
    return {"UPC-A price with check digit", {"02"}, EmbeddedValue::price, 2, 5, 8, 4, 2, 7};
}

std::vector<VariableMeasureLayout> presets() {
    return {price_with_check_digit(), price_in_cents(), weight_in_grams(),
            weight_with_check_digit(), upc_price_with_check_digit()};
}

}  // namespace layouts

namespace {

// The weighting factors of GS1 General Specifications 7.9.3: the digit times 2 or 5, then the
// units digit of the product minus ("-") or plus ("+") its tens digit, modulo 10.
int two_minus(int d) {
    return (d * 2 % 10 - d * 2 / 10 + 10) % 10;
}
int three(int d) {
    return d * 3 % 10;
}
int five_plus(int d) {
    return (d * 5 % 10 + d * 5 / 10) % 10;
}
int five_minus(int d) {
    return (d * 5 % 10 - d * 5 / 10 + 10) % 10;
}

std::size_t at(int position) {
    return static_cast<std::size_t>(position);
}

std::string describe_value(const VariableMeasureLayout& layout, std::int64_t value) {
    const Decimal number{value, layout.value_decimals};
    return layout.value_kind == EmbeddedValue::price ? "price " + to_string(number)
                                                     : "weight " + to_string(number) + " kg";
}

std::string_view kind_word(const VariableMeasureLayout& layout) {
    return layout.value_kind == EmbeddedValue::price ? "price" : "weight";
}

std::int64_t to_int(std::string_view digits) {
    std::int64_t value = 0;
    for (char c : digits)
        value = value * 10 + (c - '0');
    return value;
}

bool has_prefix(const VariableMeasureLayout& layout, std::string_view prefix) {
    for (const std::string& p : layout.prefixes) {
        if (p == prefix)
            return true;
    }
    return false;
}

// A code with the prefix and item reference in place and every other digit but the check
// digit zero; the caller fills in the value and then the check digits.
Result<std::string> start_code(const VariableMeasureLayout& layout, std::string_view prefix,
                               std::string_view item_reference) {
    if (auto s = check_layout(layout); !s)
        return s.error();
    if (!has_prefix(layout, prefix)) {
        return bad_input("Prefix '" + printable_scan(prefix) + "' is not one of layout '" +
                         layout.name + "'");
    }
    const auto item_length = at(layout.item_length);
    if (!is_all_digits(item_reference) || item_reference.size() > item_length) {
        return bad_input("Item reference '" + printable_scan(item_reference) +
                         "' does not fit layout '" + layout.name + "': it takes up to " +
                         std::to_string(item_length) + " digits");
    }
    std::string code(13, '0');
    code.replace(0, prefix.size(), prefix);
    code.replace(at(layout.item_start) + item_length - item_reference.size(), item_reference.size(),
                 item_reference);
    return code;
}

void finish_code(const VariableMeasureLayout& layout, std::string& code) {
    if (layout.value_check_position) {
        code[at(*layout.value_check_position)] = price_check_digit(
            std::string_view(code).substr(at(layout.value_start), at(layout.value_length)));
    }
    code[12] = gtin_check_digit(std::string_view(code).substr(0, 12));
}

}  // namespace

char price_check_digit(std::string_view value_digits) {
    if (!is_all_digits(value_digits) || (value_digits.size() != 4 && value_digits.size() != 5))
        throw std::invalid_argument("price_check_digit takes 4 or 5 digits");
    std::array<int, 5> d{};
    for (std::size_t i = 0; i < value_digits.size(); ++i)
        d[i] = value_digits[i] - '0';
    if (value_digits.size() == 4) {
        const int sum = two_minus(d[0]) + two_minus(d[1]) + three(d[2]) + five_minus(d[3]);
        return static_cast<char>('0' + sum * 3 % 10);
    }
    const int sum =
        five_plus(d[0]) + two_minus(d[1]) + five_minus(d[2]) + five_plus(d[3]) + two_minus(d[4]);
    const int target = (10 - sum % 10) % 10;
    // The check digit is the one whose 5- product is that difference.
    for (int digit = 0; digit < 10; ++digit) {
        if (five_minus(digit) == target)
            return static_cast<char>('0' + digit);
    }
    return '0';  // not reached: 5- is a permutation of 0-9
}

Status check_layout(const VariableMeasureLayout& layout) {
    auto refuse = [&](const std::string& why) {
        return bad_input("Barcode layout '" + layout.name + "' cannot be used: " + why);
    };
    if (layout.prefixes.empty())
        return refuse("it has no prefix");
    std::size_t longest_prefix = 0;
    for (const std::string& p : layout.prefixes) {
        if (!is_all_digits(p))
            return refuse("prefix '" + printable_scan(p) + "' is not digits");
        longest_prefix = std::max(longest_prefix, p.size());
    }
    // Each digit of the 12 before the check digit belongs to at most one field.
    std::string owner(12, ' ');
    auto claim = [&](int start, int length, char who) {
        if (length < 1 || start < 0 || start + length > 12)
            return false;
        for (int i = start; i < start + length; ++i) {
            if (owner[at(i)] != ' ')
                return false;
            owner[at(i)] = who;
        }
        return true;
    };
    if (!claim(0, static_cast<int>(longest_prefix), 'p'))
        return refuse("the prefix is longer than 12 digits");
    if (!claim(layout.item_start, layout.item_length, 'i'))
        return refuse("the item reference is outside digits 1-12 or overlaps the prefix");
    if (!claim(layout.value_start, layout.value_length, 'v'))
        return refuse("the value is outside digits 1-12 or overlaps another field");
    if (layout.value_check_position) {
        if (!claim(*layout.value_check_position, 1, 'c'))
            return refuse("the value check digit is outside digits 1-12 or overlaps a field");
        if (layout.value_length != 4 && layout.value_length != 5)
            return refuse("a value check digit needs a value of 4 or 5 digits");
    }
    if (layout.value_length > 15)
        return refuse("the value has more than 15 digits");
    const int max_decimals = layout.value_kind == EmbeddedValue::weight ? 3 : 9;
    if (layout.value_decimals < 0 || layout.value_decimals > max_decimals) {
        return refuse("the value has " + std::to_string(layout.value_decimals) +
                      " decimals (0 to " + std::to_string(max_decimals) + ")");
    }
    return ok();
}

const VariableMeasureLayout* find_layout(std::span<const VariableMeasureLayout> layouts,
                                         std::string_view code13) {
    for (const VariableMeasureLayout& layout : layouts) {
        for (const std::string& prefix : layout.prefixes) {
            if (code13.substr(0, prefix.size()) == prefix)
                return &layout;
        }
    }
    return nullptr;
}

Result<VariableMeasure> decode_variable_measure(std::string_view code13,
                                                const VariableMeasureLayout& layout) {
    if (auto s = check_layout(layout); !s)
        return s.error();
    if (code13.size() != 13 || !is_all_digits(code13)) {
        return bad_input("Barcode '" + printable_scan(code13) +
                         "' has a bad length for an in-store label: it should be 13 digits");
    }
    const char expected = gtin_check_digit(code13.substr(0, 12));
    if (code13[12] != expected) {
        return bad_input("Barcode " + std::string(code13) +
                         " has a wrong check digit (the last digit should be " + expected +
                         "): it was misread or mistyped. Scan it again");
    }
    const std::string_view value_digits =
        code13.substr(at(layout.value_start), at(layout.value_length));
    const std::int64_t value = to_int(value_digits);
    if (layout.value_check_position) {
        const auto position = at(*layout.value_check_position);
        const char verifier = price_check_digit(value_digits);
        if (code13[position] != verifier) {
            return bad_input("Barcode " + std::string(code13) + " has a wrong " +
                             std::string(kind_word(layout)) + " check digit (digit " +
                             std::to_string(position + 1) + " should be " + verifier + " for " +
                             describe_value(layout, value) +
                             "): the label is misprinted or was misread. Scan it again");
        }
    }
    VariableMeasure result;
    result.layout_name = layout.name;
    result.item_reference =
        std::string(code13.substr(at(layout.item_start), at(layout.item_length)));
    result.lookup_code = std::string(code13);
    result.lookup_code.replace(at(layout.value_start), at(layout.value_length),
                               at(layout.value_length), '0');
    finish_code(layout, result.lookup_code);
    if (layout.value_kind == EmbeddedValue::price) {
        result.price = Decimal{value, layout.value_decimals};
    } else {
        std::int64_t grams = value;
        for (int d = layout.value_decimals; d < 3; ++d)
            grams *= 10;
        result.weight_grams = grams;
    }
    return result;
}

Result<std::string> variable_measure_base_code(const VariableMeasureLayout& layout,
                                               std::string_view prefix,
                                               std::string_view item_reference) {
    auto code = start_code(layout, prefix, item_reference);
    if (!code)
        return code;
    finish_code(layout, code.value());
    return code;
}

Result<std::string> make_variable_measure_code(const VariableMeasureLayout& layout,
                                               std::string_view prefix,
                                               std::string_view item_reference,
                                               std::int64_t value) {
    auto code = start_code(layout, prefix, item_reference);
    if (!code)
        return code;
    const std::string digits = value < 0 ? std::string() : std::to_string(value);
    const auto length = at(layout.value_length);
    if (digits.empty() || digits.size() > length) {
        return bad_input("The " + describe_value(layout, value) + " does not fit layout '" +
                         layout.name + "': it has " + std::to_string(length) + " value digits");
    }
    code.value().replace(at(layout.value_start) + length - digits.size(), digits.size(), digits);
    finish_code(layout, code.value());
    return code;
}

}  // namespace pos
