#include <doctest/doctest.h>

#include "fakes.hpp"
#include "pos/tax.hpp"

using fakes::eur_cents;
using pos::PricingMode;

TEST_CASE("inclusive pricing takes the tax out of the shelf price") {
    // 12.00 at 20% inclusive: net 10.00, tax 2.00.
    auto a = pos::price_line(eur_cents(1200), pos::Quantity::units(1), fakes::vat20,
                             PricingMode::tax_inclusive);
    CHECK(a.gross.minor() == 1200);
    CHECK(a.tax.minor() == 200);
    CHECK(a.net.minor() == 1000);
    // 1.19 at 5%: tax = 1.19 * 5/105 = 0.0567 -> 0.06
    auto b = pos::price_line(eur_cents(119), pos::Quantity::units(1), fakes::vat5,
                             PricingMode::tax_inclusive);
    CHECK(b.tax.minor() == 6);
    CHECK(b.net.minor() + b.tax.minor() == b.gross.minor());
}

TEST_CASE("exclusive pricing adds the tax at the till") {
    auto a = pos::price_line(eur_cents(1000), pos::Quantity::units(3), fakes::vat20,
                             PricingMode::tax_exclusive);
    CHECK(a.net.minor() == 3000);
    CHECK(a.tax.minor() == 600);
    CHECK(a.gross.minor() == 3600);
}

TEST_CASE("a weighed line prices the weight and rounds to the cent") {
    // 0.455 kg at 1.99/kg = 0.90545 -> 0.91
    auto a = pos::price_line(eur_cents(199), {455}, fakes::vat5, PricingMode::tax_inclusive);
    CHECK(a.gross.minor() == 91);
    CHECK(a.net.minor() + a.tax.minor() == 91);
}
