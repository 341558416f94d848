// Tax on a line: one pure function from price, quantity and rate to net, tax and gross.
#pragma once

#include <string>
#include <string_view>

#include "pos/money.hpp"
#include "pos/quantity.hpp"

namespace pos {

struct TaxRate {
    std::string code;  // short letter printed beside each receipt line: "A"
    std::string name;  // "VAT 20%"
    Rate rate;
    friend bool operator==(const TaxRate&, const TaxRate&) = default;
};

// Inclusive: shelf prices include tax (Europe). Exclusive: tax is added at the till (US).
enum class PricingMode { tax_inclusive, tax_exclusive };
std::string_view to_string(PricingMode mode);  // "tax_inclusive", "tax_exclusive"

struct LineAmounts {
    Money net;
    Money tax;
    Money gross;  // always net + tax
};

// Tax on an amount: taken out of it (inclusive: the amount is the gross) or added to it
// (exclusive: the amount is the net), rounded half-up.
LineAmounts split_tax(const Money& amount, const TaxRate& tax, PricingMode mode);

// Extended price = unit price x quantity (milli-units), rounded half-up to the minor unit, then
// split_tax on that.
LineAmounts price_line(const Money& unit_price, Quantity quantity, const TaxRate& tax,
                       PricingMode mode);

}  // namespace pos
