// Receipt lines of customer service: the customer and the points a ticket earned when a customer
// is attached (a ticket without one prints as before: see the golden files), and a special
// order's deposit receipt.
#include <doctest/doctest.h>

#include <string>

#include "fakes.hpp"
#include "receipts/text_receipt.hpp"
#include "samples.hpp"

namespace {

constexpr std::int64_t at = 1'790'000'000'000;

std::string text_of(const pos::Ticket& ticket) {
    return receipts::render_text(ticket, fakes::settings(), {42, 60});
}

bool has(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

}  // namespace

TEST_CASE("A receipt names the attached customer and the points the ticket earned") {
    const auto sale = samples::sale();
    CHECK_FALSE(has(text_of(sale), "Customer:"));
    CHECK_FALSE(has(text_of(sale), "Points"));
    // The same completed sale, as written with a customer attached.
    const auto ticket = pos::Ticket::restore(
        sale.id(), sale.terminal_id(), sale.clerk(), sale.currency(), sale.policy(),
        sale.opened_at_ms(), sale.completed_at_ms(), sale.receipt_number(), sale.sequence(),
        sale.lines(), sale.payments(), sale.discount(), sale.approvals(), {}, {},
        pos::CustomerRef{"c1", "Ada Lovelace", "LC0000012"}, 17);
    const std::string text = text_of(ticket);
    CHECK(has(text, "Customer: Ada Lovelace"));
    CHECK(has(text, "LC0000012"));
    CHECK(has(text, "Points earned"));
    CHECK(has(text, "17"));
}

TEST_CASE("A deposit receipt names the special order and says the balance is due on pick-up") {
    pos::Ticket t("t-dep", "T01", {1, "Alex Martin"}, fakes::eur, pos::TaxPolicy{}, at);
    const pos::Product deposit{0,
                               "SO-T01-000007",
                               "Deposit: Kettle (SO-T01-000007)",
                               "Special orders",
                               {"DEP", "Deposit", {0}},
                               fakes::eur_cents(800),
                               pos::UnitOfSale::each};
    auto line = pos::line_for("l1", deposit, pos::Quantity::units(1));
    line.special_order = "SO-T01-000007";
    t.add_deposit_line(line);
    t.set_customer(pos::CustomerRef{"c1", "Ada Lovelace", ""});
    t.begin_tender();
    t.add_payment({"p1", pos::PaymentMethod::cash, fakes::eur_cents(800), "", ""});
    t.mark_completed("T01-000050", 50, at + 60'000);
    const std::string text = text_of(t);
    CHECK(has(text, "Special order SO-T01-000007"));
    CHECK(has(text, "Deposit paid"));
    CHECK(has(text, "8.00"));
    CHECK(has(text, "Balance due on pick-up"));
    CHECK(has(text, "Customer: Ada Lovelace"));
}
