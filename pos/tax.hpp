// Tax on a line: one pure function from price, quantity and rate to net, tax and gross.
#pragma once

#include <string>

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

struct LineAmounts {
    Money net;
    Money tax;
    Money gross;  // always net + tax
};

// Extended price = unit price x quantity (milli-units), rounded half-up to the minor unit; tax is
// then taken out of (inclusive) or added to (exclusive) that amount, rounded half-up per line.
LineAmounts price_line(const Money& unit_price, Quantity quantity, const TaxRate& tax,
                       PricingMode mode);

}  // namespace pos
