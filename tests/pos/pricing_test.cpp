// Discounts, overrides and tax rounding policies, including worked examples and the classic
// failures other tills have had.
#include <doctest/doctest.h>

#include "fakes.hpp"
#include "pos/ticket.hpp"

using fakes::eur_cents;

namespace {

pos::Product item(std::int64_t id, std::int64_t cents, const pos::TaxRate& tax) {
    return {id,  std::to_string(id), "Item " + std::to_string(id), "Grocery",
            tax, eur_cents(cents),   pos::UnitOfSale::each};
}

pos::Ticket ticket(pos::PricingMode mode, pos::TaxRounding rounding) {
    return pos::Ticket("t", "T01", {1, "Alex"}, fakes::eur, {mode, rounding}, 0);
}

std::int64_t sum_line_tax(const pos::Ticket& t) {
    std::int64_t sum = 0;
    for (const auto& l : t.lines())
        sum += l.amounts.tax.minor();
    return sum;
}

}  // namespace

TEST_CASE("a VAT-inclusive basket at 20% holds one sixth of the price as VAT") {
    // HMRC's VAT fraction for 20% is 1/6: 120.00 including VAT holds 20.00 of VAT.
    auto t = ticket(pos::PricingMode::tax_inclusive, pos::TaxRounding::per_line);
    t.add_line("a", item(1, 12000, fakes::vat20), pos::Quantity::units(1));
    CHECK(t.totals().tax.minor() == 2000);
    CHECK(t.totals().net.minor() == 10000);
}

TEST_CASE("per-line and per-ticket rounding differ by a cent, and each adds up to its own total") {
    // Three items at 0.99 including 20%: per line 0.165 -> 0.17 each = 0.51; per ticket
    // 2.97 / 6 = 0.495 -> 0.50. Both are legitimate; what must never happen is a receipt whose
    // lines add up to one and whose summary says the other.
    for (auto [rounding, expected] :
         {std::pair{pos::TaxRounding::per_line, 51}, {pos::TaxRounding::per_ticket, 50}}) {
        auto t = ticket(pos::PricingMode::tax_inclusive, rounding);
        for (int i = 0; i < 3; ++i) {
            t.add_line("l" + std::to_string(i), item(i, 99, fakes::vat20), pos::Quantity::units(1));
        }
        const auto totals = t.totals();
        CHECK(totals.tax.minor() == expected);
        CHECK(sum_line_tax(t) == totals.tax.minor());
        CHECK(totals.tax_summary[0].tax_amount.minor() == expected);
        CHECK(totals.net.minor() + totals.tax.minor() == totals.total.minor());
        CHECK(totals.total.minor() == 297);
    }
}

TEST_CASE("mixed rates are rounded per rate when rounding per ticket") {
    auto t = ticket(pos::PricingMode::tax_exclusive, pos::TaxRounding::per_ticket);
    t.add_line("a", item(1, 333, fakes::vat20), pos::Quantity::units(1));
    t.add_line("b", item(2, 333, fakes::vat20), pos::Quantity::units(1));
    t.add_line("c", item(3, 1999, fakes::vat5), pos::Quantity::units(1));
    const auto totals = t.totals();
    REQUIRE(totals.tax_summary.size() == 2);
    CHECK(totals.tax_summary[0].tax_amount.minor() == 133);  // 6.66 * 20% = 1.332
    CHECK(totals.tax_summary[1].tax_amount.minor() == 100);  // 19.99 * 5% = 0.9995
    CHECK(sum_line_tax(t) == 233);
    CHECK(totals.total.minor() == 333 + 333 + 1999 + 233);
}

TEST_CASE("a 9.975% tax is kept exactly, not as 9.98%") {
    // Quebec's QST is 9.975%. Stored as 9.98% a 1,000.00 sale would be taxed 99.80, not 99.75.
    const pos::TaxRate qst{"Q", "QST 9.975%", *pos::parse_percent("9.975")};
    CHECK(qst.rate.ppm == 99'750);
    auto t = ticket(pos::PricingMode::tax_exclusive, pos::TaxRounding::per_line);
    t.add_line("a", item(1, 100000, qst), pos::Quantity::units(1));
    CHECK(t.totals().tax.minor() == 9975);
    CHECK(pos::format_percent(qst.rate) == "9.975%");
}

TEST_CASE("a line discount comes off after promotions, in percent or amount") {
    auto t = ticket(pos::PricingMode::tax_inclusive, pos::TaxRounding::per_line);
    t.add_line("a", item(1, 1000, fakes::vat20), pos::Quantity::units(2));
    t.set_line_discount(0, {pos::DiscountKind::percent, {150'000}, 0, "damaged box"});
    CHECK(t.lines()[0].discount_amount.minor() == 300);
    CHECK(t.totals().total.minor() == 1700);
    t.set_line_discount(0, {pos::DiscountKind::amount, {}, 5000, "too much"});
    CHECK(t.lines()[0].discount_amount.minor() == 2000);  // never below zero
    CHECK(t.totals().total.minor() == 0);
}

TEST_CASE("a ticket discount is allocated to the lines so they still add up") {
    auto t = ticket(pos::PricingMode::tax_inclusive, pos::TaxRounding::per_line);
    t.add_line("a", item(1, 1000, fakes::vat20), pos::Quantity::units(1));
    t.add_line("b", item(2, 333, fakes::vat5), pos::Quantity::units(1));
    t.add_line("c", item(3, 667, fakes::vat5), pos::Quantity::units(1));
    t.set_discount({pos::DiscountKind::amount, {}, 100, "loyalty"});
    std::int64_t discounts = 0;
    std::int64_t grosses = 0;
    for (const auto& l : t.lines()) {
        discounts += l.discount_amount.minor();
        grosses += l.amounts.gross.minor();
    }
    CHECK(discounts == 100);
    CHECK(t.lines()[0].discount_amount.minor() == 50);  // half the value, half the discount
    CHECK(grosses == 2000 - 100);
    CHECK(t.totals().total.minor() == 1900);
    CHECK(t.totals().discounts.minor() == 100);

    t.set_discount({pos::DiscountKind::percent, {100'000}, 0, "staff"});
    CHECK(t.totals().total.minor() == 1800);
}

TEST_CASE("a price override replaces the price book's price and reprices the line") {
    auto t = ticket(pos::PricingMode::tax_inclusive, pos::TaxRounding::per_line);
    t.add_line("a", item(1, 1000, fakes::vat20), pos::Quantity::units(3));
    t.set_price_override(0, pos::PriceOverride{750, 2, "price match"});
    CHECK(t.lines()[0].unit_price.minor() == 750);
    CHECK(t.lines()[0].list_price.minor() == 1000);
    CHECK(t.totals().total.minor() == 2250);
}
