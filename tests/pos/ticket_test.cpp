#include <doctest/doctest.h>

#include "fakes.hpp"
#include "pos/ticket.hpp"

using fakes::eur_cents;

namespace {

pos::Ticket ticket_with(pos::PricingMode mode) {
    fakes::Catalogue catalogue;
    pos::Ticket t("t1", "T01", {1, "Alex"}, fakes::eur, {mode, pos::TaxRounding::per_line}, 0);
    t.add_line("l1", *catalogue.find_by_code("4000000000013", 0), pos::Quantity::units(3));  // milk
    t.add_line("l2", *catalogue.find_by_code("4000000000037", 0), pos::Quantity::units(1));  // wine
    t.add_line("l3", *catalogue.find_by_code("4011", 0), {455});  // bananas
    return t;
}

}  // namespace

TEST_CASE("ticket totals are the sums of the lines and the tax summary adds up") {
    for (auto mode : {pos::PricingMode::tax_inclusive, pos::PricingMode::tax_exclusive}) {
        CAPTURE(static_cast<int>(mode));
        const auto t = ticket_with(mode);
        const auto totals = t.totals();
        std::int64_t gross = 0;
        for (const auto& line : t.lines())
            gross += line.amounts.gross.minor();
        CHECK(totals.total.minor() == gross);
        CHECK(totals.net.minor() + totals.tax.minor() == totals.total.minor());
        REQUIRE(totals.tax_summary.size() == 2);  // 5% (milk, bananas) and 20% (wine)
        std::int64_t summary_tax = 0;
        std::int64_t summary_gross = 0;
        for (const auto& row : totals.tax_summary) {
            summary_tax += row.tax_amount.minor();
            summary_gross += row.gross.minor();
        }
        CHECK(summary_tax == totals.tax.minor());
        CHECK(summary_gross == totals.total.minor());
    }
}

TEST_CASE("inclusive totals match the shelf prices the customer saw") {
    const auto totals = ticket_with(pos::PricingMode::tax_inclusive).totals();
    CHECK(totals.total.minor() == 3 * 119 + 899 + 91);
    CHECK(totals.due == totals.total);
}

TEST_CASE("change is a negative cash payment, so paid equals total once settled") {
    auto t = ticket_with(pos::PricingMode::tax_inclusive);
    const auto total = t.totals().total;
    t.begin_tender();
    t.add_payment({"p1", pos::PaymentMethod::cash, eur_cents(5000), "", ""});
    t.add_payment({"p2", pos::PaymentMethod::cash, total - eur_cents(5000), "", ""});
    CHECK(t.totals().paid == total);
    CHECK(t.totals().due.is_zero());
    CHECK(t.change_given() == eur_cents(5000) - total);
}

TEST_CASE("changing a quantity reprices the line and voiding drops it from the totals") {
    auto t = ticket_with(pos::PricingMode::tax_inclusive);
    t.set_quantity(0, pos::Quantity::units(1));
    CHECK(t.lines()[0].amounts.gross.minor() == 119);
    t.void_line(1);
    CHECK(t.lines().size() == 3);  // kept, for the receipt and the journal
    CHECK(t.live_line_count() == 2);
    CHECK(t.totals().total.minor() == 119 + 91);
}
