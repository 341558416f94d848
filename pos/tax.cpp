#include "pos/tax.hpp"

namespace pos {

LineAmounts price_line(const Money& unit_price, Quantity quantity, const TaxRate& tax,
                       PricingMode mode) {
    const Money extended = unit_price.scaled(quantity.milli, 1000, RoundingMode::half_up);
    if (mode == PricingMode::tax_inclusive) {
        // tax = gross * rate / (1 + rate), taken out of the shelf price.
        const Money tax_amount =
            extended.scaled(tax.rate.ppm, Rate::one + tax.rate.ppm, RoundingMode::half_up);
        return {extended - tax_amount, tax_amount, extended};
    }
    const Money tax_amount = extended.apply_rate(tax.rate, RoundingMode::half_up);
    return {extended, tax_amount, extended + tax_amount};
}

}  // namespace pos
