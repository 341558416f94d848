#include "pos/quantity.hpp"

#include <algorithm>
#include <charconv>

namespace pos {

namespace {

std::string limit_text(UnitOfSale unit) {
    return unit == UnitOfSale::each ? std::to_string(max_units_per_line) + " per line"
                                    : "99.999 kg per line";
}

}  // namespace

std::string_view to_string(UnitOfSale unit) {
    return unit == UnitOfSale::kilogram ? "kg" : "each";
}

Status check_quantity(Quantity quantity, UnitOfSale unit) {
    if (quantity.milli <= 0) {
        return bad_input("Quantity must be more than zero; to take an item off, remove the line");
    }
    if (unit == UnitOfSale::each && !quantity.is_whole()) {
        return bad_input("This item is sold by the piece: enter a whole number");
    }
    const std::int64_t limit =
        unit == UnitOfSale::each ? max_units_per_line * 1000 : max_grams_per_line;
    if (quantity.milli > limit) {
        return bad_input("Quantity " + format_quantity(quantity, unit) + " is too large (at most " +
                         limit_text(unit) + ")");
    }
    return ok();
}

Result<Quantity> parse_quantity(std::string_view text, UnitOfSale unit) {
    const std::string shown(text);
    if (text.empty())
        return bad_input("Enter a quantity");
    if (text.front() == '-') {
        return bad_input("Quantity must be more than zero; to take an item off, remove the line");
    }
    const auto dot = text.find('.');
    const std::string_view whole = text.substr(0, dot);
    const std::string_view fraction =
        dot == std::string_view::npos ? std::string_view{} : text.substr(dot + 1);
    const auto digits = [](std::string_view s) {
        return std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
    };
    if ((whole.empty() && fraction.empty()) || !digits(whole) || !digits(fraction)) {
        return bad_input("'" + shown + "' is not a quantity: use digits" +
                         (unit == UnitOfSale::kilogram ? " and at most one '.'" : ""));
    }
    if (fraction.size() > 3) {
        return bad_input("'" + shown + "' has more than 3 decimals");
    }
    if (whole.size() > 9) {
        return bad_input("Quantity " + shown + " is too large (at most " + limit_text(unit) + ")");
    }
    std::int64_t major = 0;
    if (!whole.empty())
        std::from_chars(whole.data(), whole.data() + whole.size(), major);
    std::int64_t milli = major * 1000;
    std::int64_t scale = 100;
    for (char c : fraction) {
        milli += (c - '0') * scale;
        scale /= 10;
    }
    const Quantity quantity{milli};
    if (auto checked = check_quantity(quantity, unit); !checked)
        return checked.error();
    return quantity;
}

std::string format_quantity(Quantity quantity, UnitOfSale unit) {
    if (unit == UnitOfSale::each && quantity.is_whole()) {
        return std::to_string(quantity.milli / 1000);
    }
    const std::int64_t magnitude = quantity.milli < 0 ? -quantity.milli : quantity.milli;
    std::string frac = std::to_string(magnitude % 1000);
    frac.insert(0, 3 - frac.size(), '0');
    return (quantity.milli < 0 ? "-" : "") + std::to_string(magnitude / 1000) + "." + frac;
}

}  // namespace pos
