#include "pos/tax.hpp"

namespace pos {

std::string_view to_string(PricingMode mode) {
    return mode == PricingMode::tax_inclusive ? "tax_inclusive" : "tax_exclusive";
}

LineAmounts split_tax(const Money& amount, const TaxRate& tax, PricingMode mode) {
    if (mode == PricingMode::tax_inclusive) {
        // tax = gross * rate / (1 + rate), taken out of the shelf price.
        const Money tax_amount =
            amount.scaled(tax.rate.ppm, Rate::one + tax.rate.ppm, RoundingMode::half_up);
        return {amount - tax_amount, tax_amount, amount};
    }
    const Money tax_amount = amount.apply_rate(tax.rate, RoundingMode::half_up);
    return {amount, tax_amount, amount + tax_amount};
}

LineAmounts price_line(const Money& unit_price, Quantity quantity, const TaxRate& tax,
                       PricingMode mode) {
    return split_tax(unit_price.scaled(quantity.milli, 1000, RoundingMode::half_up), tax, mode);
}

}  // namespace pos
