// Return lines on a ticket: returns, exchanges and post-voids, and how they add up.
#include <doctest/doctest.h>

#include <stdexcept>

#include "pos/returns.hpp"
#include "returns_fixture.hpp"

using namespace returns_fixture;

namespace {

// One of each: chocolate x3 (3 for 2: 3.00), wine 8.99, bread 3.49; paid by card.
pos::OriginalTicket original_sale(pos::TaxPolicy policy = {pos::PricingMode::tax_inclusive,
                                                           pos::TaxRounding::per_line}) {
    auto sale = open_ticket("s1", policy);
    sale.set_promotions({three_for_two(chocolate.id)});
    sale.add_line("choc", chocolate, pos::Quantity::units(3));
    sale.add_line("wine", wine, pos::Quantity::units(1));
    sale.add_line("bread", bread, pos::Quantity::units(1));
    return paid_by_card(std::move(sale));
}

// Adds the return of `units` of the original's line `index` to `ticket`.
std::size_t bring_back(pos::Ticket& ticket, const pos::OriginalTicket& original, std::size_t index,
                       std::int64_t units) {
    auto line = pos::make_return_line(original, index, pos::Quantity::units(units),
                                      pos::ReturnReason::changed_mind, pos::Disposition::restock,
                                      ticket, "ret" + std::to_string(ticket.lines().size()));
    REQUIRE(line.ok());
    return ticket.add_return_line(std::move(*line));
}

}  // namespace

TEST_CASE("a ticket's kind comes from its lines") {
    const auto original = original_sale();
    auto t = open_ticket("t1");
    CHECK(t.kind() == pos::TicketKind::sale);
    CHECK_FALSE(t.has_return_lines());
    bring_back(t, original, 1, 1);
    CHECK(t.kind() == pos::TicketKind::refund);
    CHECK(t.has_return_lines());
    t.add_line("new", bread, pos::Quantity::units(1));
    CHECK(t.kind() == pos::TicketKind::exchange);

    auto post_void = open_ticket("t2");
    post_void.set_post_void_of("s1", "T01-000042");
    bring_back(post_void, original, 1, 1);
    CHECK(post_void.kind() == pos::TicketKind::post_void);
    CHECK(post_void.post_void_of() == "s1");
    CHECK(post_void.post_void_of_receipt() == "T01-000042");
}

TEST_CASE("ticket kinds are named as stored and journaled") {
    for (auto kind : {pos::TicketKind::sale, pos::TicketKind::refund, pos::TicketKind::exchange,
                      pos::TicketKind::post_void}) {
        CHECK(pos::ticket_kind_from(pos::to_string(kind)) == kind);
    }
    CHECK(pos::to_string(pos::TicketKind::refund) == "return");
    CHECK(pos::to_string(pos::TicketKind::post_void) == "post_void");
    CHECK_FALSE(pos::ticket_kind_from("refund").has_value());
}

TEST_CASE("a return's total is negative and a refund payment brings what is due to zero") {
    const auto original = original_sale();
    auto t = open_ticket("r1");
    bring_back(t, original, 1, 1);
    bring_back(t, original, 0, 2);
    const auto totals = t.totals();
    CHECK(totals.total.minor() == -(899 + 200));
    CHECK(totals.net + totals.tax == totals.total);
    CHECK(t.item_count() == 3);
    CHECK(t.live_line_count() == 2);

    t.begin_tender();
    t.add_payment(refund(card(1099), "s1"));
    CHECK(t.totals().due.is_zero());
    CHECK(t.change_given().is_zero());  // a refund is not change
    CHECK(t.tendered().is_zero());      // the customer handed nothing over
}

TEST_CASE("a cash refund without a receipt is not change either") {
    auto t = open_ticket("r1");
    t.add_return_line(pos::make_unreceipted_return_line(
        wine, fakes::eur_cents(799), pos::Quantity::units(1), pos::ReturnReason::faulty,
        pos::Disposition::damaged, "07700900123", pos::PricingMode::tax_inclusive, "ret"));
    t.begin_tender();
    t.add_payment(cash(-799));
    CHECK(t.totals().due.is_zero());
    CHECK(t.change_given().is_zero());
}

TEST_CASE("an exchange adds the return and the new goods") {
    const auto original = original_sale();
    auto t = open_ticket("x1");

    SUBCASE("even: a bottle for the same bottle") {
        bring_back(t, original, 1, 1);
        t.add_line("new", wine, pos::Quantity::units(1));
        CHECK(t.totals().total.is_zero());
        CHECK(t.totals().due.is_zero());
        CHECK(t.item_count() == 2);
    }
    SUBCASE("the customer pays the difference and gets change") {
        bring_back(t, original, 2, 1);  // bread, 3.49
        t.add_line("new", wine, pos::Quantity::units(1));
        CHECK(t.totals().total.minor() == 550);
        t.begin_tender();
        t.add_payment(cash(1000));
        t.add_payment(cash(-450));
        CHECK(t.totals().due.is_zero());
        CHECK(t.change_given().minor() == 450);
        CHECK(t.tendered().minor() == 1000);
    }
    SUBCASE("money back to the card") {
        bring_back(t, original, 1, 1);
        t.add_line("new", bread, pos::Quantity::units(1));
        CHECK(t.totals().total.minor() == -550);
        t.begin_tender();
        t.add_payment(refund(card(550), "s1"));
        CHECK(t.totals().due.is_zero());
        CHECK(t.change_given().is_zero());
        CHECK(t.tendered().is_zero());
    }
    SUBCASE("the tax summary nets the return against the sale per rate") {
        bring_back(t, original, 1, 1);  // wine at 20%: 8.99, VAT 1.50
        t.add_line("new", wine, pos::Quantity::units(2));
        const auto totals = t.totals();
        REQUIRE(totals.tax_summary.size() == 1);
        CHECK(totals.tax_summary[0].gross.minor() == 899);
        CHECK(totals.tax_summary[0].tax_amount.minor() == 300 - 150);
        CHECK(totals.tax == totals.tax_summary[0].tax_amount);
    }
}

TEST_CASE("promotions count only the goods sold, never those coming back") {
    const auto original = original_sale();
    auto t = open_ticket("x1");
    t.set_promotions({three_for_two(chocolate.id)});
    const auto back = bring_back(t, original, 0, 1);  // refunds 1.00
    t.add_line("new", chocolate, pos::Quantity::units(2));
    CHECK(t.lines()[1].promotion_saving.is_zero());  // 2 sold: no deal, whatever came back
    CHECK(t.totals().total.minor() == 300 - 100);

    t.set_quantity(1, pos::Quantity::units(3));
    CHECK(t.lines()[1].promotion_saving.minor() == 150);
    CHECK(t.lines()[back].promotion_saving.is_zero());
    CHECK(gross(t.lines()[back]) == -100);
    CHECK(t.totals().total.minor() == 300 - 100);
    CHECK(t.totals().savings.minor() == 150);
}

TEST_CASE("a ticket discount applies to the goods sold, not to the refund") {
    const auto original = original_sale();
    auto t = open_ticket("x1");
    const auto back = bring_back(t, original, 1, 1);
    t.add_line("new", bread, pos::Quantity::units(1));

    t.set_discount({pos::DiscountKind::percent, {100'000}, 0, "loyalty"});
    CHECK(t.lines()[1].discount_amount.minor() == 35);
    CHECK(t.lines()[back].discount_amount.is_zero());
    CHECK(gross(t.lines()[back]) == -899);
    CHECK(t.totals().discounts.minor() == 35);
    CHECK(t.totals().total.minor() == 314 - 899);

    // An amount discount larger than the goods sold stops at their value: it never eats the refund.
    t.set_discount({pos::DiscountKind::amount, {}, 2000, "goodwill"});
    CHECK(t.lines()[1].amounts.gross.is_zero());
    CHECK(t.totals().total.minor() == -899);
}

TEST_CASE("per-ticket tax rounding rounds the goods sold and leaves the refund's tax as it was") {
    const pos::TaxPolicy per_ticket{pos::PricingMode::tax_inclusive, pos::TaxRounding::per_ticket};
    auto sale = open_ticket("s1", per_ticket);
    for (int i = 0; i < 3; ++i)
        sale.add_line("l" + std::to_string(i), item(20 + i, "Gum", 99), pos::Quantity::units(1));
    const auto original = paid_by_card(std::move(sale));

    auto t = open_ticket("x1", per_ticket);
    const auto back = bring_back(t, original, 2, 1);
    const auto refund_tax = tax(t.lines()[back]);
    CHECK(refund_tax == -tax(original.ticket.lines()[2]));
    for (int i = 0; i < 3; ++i)
        t.add_line("n" + std::to_string(i), item(30 + i, "Mint", 99), pos::Quantity::units(1));
    CHECK(tax(t.lines()[back]) == refund_tax);
    std::int64_t sold_tax = 0;
    for (std::size_t i = 1; i < t.lines().size(); ++i)
        sold_tax += tax(t.lines()[i]);
    CHECK(sold_tax == 50);  // 2.97 at 20% rounded once, as if the refund were not there
    CHECK(t.totals().tax.minor() == 50 + refund_tax);
    CHECK(t.totals().tax_summary[0].tax_amount == t.totals().tax);
}

TEST_CASE("a voided return line refunds nothing") {
    const auto original = original_sale();
    auto t = open_ticket("x1");
    const auto back = bring_back(t, original, 1, 1);
    t.add_line("new", bread, pos::Quantity::units(1));
    t.void_line(back);
    CHECK(gross(t.lines()[back]) == 0);
    CHECK(tax(t.lines()[back]) == 0);
    CHECK(t.lines()[back].unit_price == wine.unit_price);  // still shown on the receipt
    CHECK(t.totals().total.minor() == 349);
    CHECK(t.kind() == pos::TicketKind::sale);
    CHECK_FALSE(t.has_return_lines());
    CHECK(t.item_count() == 1);

    // Nor does it count as returned when the same line is returned again.
    const auto again =
        pos::make_return_line(original, 1, pos::Quantity::units(1), pos::ReturnReason::faulty,
                              pos::Disposition::damaged, t, "again");
    REQUIRE(again.ok());
    CHECK(gross(*again) == -899);
}

TEST_CASE("return lines are fixed once added, and only open tickets take them") {
    const auto original = original_sale();
    auto t = open_ticket("r1");
    const auto back = bring_back(t, original, 0, 1);
    CHECK_THROWS_AS(t.set_quantity(back, pos::Quantity::units(2)), std::logic_error);
    CHECK_THROWS_AS(t.set_line_discount(back, {pos::DiscountKind::percent, {100'000}, 0, ""}),
                    std::logic_error);
    CHECK_THROWS_AS(t.set_price_override(back, pos::PriceOverride{1, 2, "x"}), std::logic_error);
    CHECK(gross(t.lines()[back]) == -100);

    pos::TicketLine plain = t.lines()[back];
    plain.returned.reset();
    CHECK_THROWS_AS(t.add_return_line(plain), std::logic_error);

    t.begin_tender();
    const auto late =
        pos::make_return_line(original, 1, pos::Quantity::units(1), pos::ReturnReason::faulty,
                              pos::Disposition::damaged, t, "late");
    REQUIRE(late.ok());
    CHECK_THROWS_AS(t.add_return_line(*late), std::logic_error);
    CHECK(t.lines().size() == 1);
}

TEST_CASE("a post-void holds only return lines") {
    auto t = open_ticket("v1");
    t.add_line("new", bread, pos::Quantity::units(1));
    CHECK_THROWS_AS(t.set_post_void_of("s1", "T01-000042"), std::logic_error);
    CHECK(t.post_void_of().empty());
}

TEST_CASE("a post-void negates the sale's change, which is neither change nor tendered") {
    auto sale = open_ticket("s1");
    sale.add_line("wine", wine, pos::Quantity::units(1));
    complete(sale, {cash(1000), cash(-101)});
    const pos::OriginalTicket original{std::move(sale), {}, {}, {}};

    auto t = open_ticket("v1");
    t.set_post_void_of("s1", "T01-000042");
    bring_back(t, original, 0, 1);
    t.begin_tender();
    t.add_payment(refund(cash(1000), "s1"));
    t.add_payment(refund(cash(-101), "s1"));
    CHECK(t.totals().due.is_zero());
    CHECK(t.change_given().is_zero());
    CHECK(t.tendered().is_zero());
    CHECK(pos::payment_label(t.payments()[0]) == "Cash refund");
}

TEST_CASE("approvals stay on the ticket and a restored ticket keeps them and what it voids") {
    const auto original = original_sale();
    auto t = open_ticket("v1");
    t.set_post_void_of("s1", "T01-000042");
    bring_back(t, original, 1, 1);
    const pos::ApprovalGrant grant{"ev1", pos::Permission::post_void, 1,    2, "Morgan Lee",
                                   899,   "customer changed mind",    5'000};
    t.add_approval(grant);
    REQUIRE(t.approvals().size() == 1);
    complete(t, {refund(card(899), "s1")}, "T01-000050");
    CHECK_THROWS_AS(t.add_approval(grant), std::logic_error);

    const auto restored = pos::Ticket::restore(
        t.id(), t.terminal_id(), t.clerk(), t.currency(), t.policy(), t.opened_at_ms(),
        t.completed_at_ms(), t.receipt_number(), t.sequence(), t.lines(), t.payments(),
        t.discount(), t.approvals(), t.post_void_of(), t.post_void_of_receipt());
    CHECK(restored.kind() == pos::TicketKind::post_void);
    CHECK(restored.post_void_of_receipt() == "T01-000042");
    CHECK(restored.approvals() == std::vector<pos::ApprovalGrant>{grant});
    CHECK(restored.totals().total.minor() == -899);
    CHECK(restored.totals().due.is_zero());
}

TEST_CASE("a suspended exchange comes back with its refund as it was") {
    const auto original = original_sale();
    auto t = open_ticket("x1");
    const auto back = bring_back(t, original, 0, 1);
    t.add_line("new", chocolate, pos::Quantity::units(3));

    auto resumed = pos::Ticket::restore_open("x1", "T01", {1, "Alex"}, fakes::eur, t.policy(),
                                             1'000, t.lines(), t.discount());
    resumed.set_promotions({three_for_two(chocolate.id)});
    CHECK(gross(resumed.lines()[back]) == -100);
    CHECK(tax(resumed.lines()[back]) == tax(t.lines()[back]));
    CHECK(resumed.lines()[back].extended == t.lines()[back].extended);
    CHECK(resumed.lines()[back].returned == t.lines()[back].returned);
    CHECK(resumed.lines()[1].promotion_saving.minor() == 150);
    CHECK(resumed.totals().total.minor() == 300 - 100);
}

TEST_CASE("an exchange with tax added at the till refunds the tax that was added") {
    const auto original =
        original_sale({pos::PricingMode::tax_exclusive, pos::TaxRounding::per_line});
    auto t = open_ticket("x1", {pos::PricingMode::tax_exclusive, pos::TaxRounding::per_line});
    const auto back = bring_back(t, original, 1, 1);  // 8.99 + 1.80 VAT
    CHECK(t.lines()[back].amounts.net.minor() == -899);
    CHECK(tax(t.lines()[back]) == -180);
    CHECK(t.lines()[back].extended.minor() == -899);
    t.add_line("new", bread, pos::Quantity::units(1));  // 3.49 + 0.17 VAT
    const auto totals = t.totals();
    CHECK(totals.net.minor() == 349 - 899);
    CHECK(totals.tax.minor() == 17 - 180);
    CHECK(totals.total.minor() == 366 - 1079);
    REQUIRE(totals.tax_summary.size() == 2);
    CHECK(totals.tax_summary[0].tax_amount.minor() == -180);
    CHECK(totals.tax_summary[1].tax_amount.minor() == 17);
}
