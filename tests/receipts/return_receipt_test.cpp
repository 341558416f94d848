// Receipts of returns, exchanges and post-voids, from hand-made completed tickets (as the store
// restores them), so that the layout is checked apart from the use cases that build them.
#include <doctest/doctest.h>

#include <cstdlib>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "fakes.hpp"
#include "receipts/text_receipt.hpp"

namespace {

const pos::TaxRate vat_a{"A", "VAT 20%", {200'000}};
const pos::TaxRate vat_b{"B", "VAT 5%", {50'000}};
constexpr std::int64_t sold_at = 1'790'000'000'000;  // 2026-09-21 14:13 UTC
constexpr std::int64_t back_at = 1'790'090'000'000;  // the next day
const char* const original_id = "t-original";

// A line as the pricing engine leaves it: `gross` and `tax` are what it costs (negative for a
// return line, whose ReturnOf is given).
pos::TicketLine line(const std::string& id, const std::string& name, const pos::TaxRate& tax,
                     std::int64_t unit_cents, std::int64_t quantity_milli, std::int64_t gross,
                     std::int64_t tax_cents, std::optional<pos::ReturnOf> returned = {}) {
    pos::TicketLine l;
    l.id = id;
    l.code = "400000000" + id;
    l.name = name;
    l.tax = tax;
    l.list_price = fakes::eur_cents(unit_cents);
    l.unit_price = l.list_price;
    l.quantity = {quantity_milli};
    l.extended = fakes::eur_cents(gross);
    l.promotion_saving = fakes::eur_cents(0);
    l.discount_amount = fakes::eur_cents(0);
    l.amounts = {fakes::eur_cents(gross - tax_cents), fakes::eur_cents(tax_cents),
                 fakes::eur_cents(gross)};
    l.returned = std::move(returned);
    return l;
}

pos::ReturnOf from_original(const std::string& line_id, pos::ReturnReason reason,
                            pos::Disposition disposition) {
    return {original_id, "T01-000004", line_id, reason, disposition, ""};
}

pos::Payment pay(const std::string& id, pos::PaymentMethod method, std::int64_t cents,
                 const std::string& reference = "", const std::string& last4 = "",
                 const std::string& refund_of = "") {
    return {id, method, fakes::eur_cents(cents), reference, last4, refund_of};
}

pos::ApprovalGrant approval(pos::Permission permission, const std::string& approver,
                            std::int64_t amount, const std::string& reason) {
    return {"e-" + approver, permission, 1, 9001, approver, amount, reason, back_at};
}

pos::Ticket completed(const std::string& receipt, std::vector<pos::TicketLine> lines,
                      std::vector<pos::Payment> payments,
                      std::vector<pos::ApprovalGrant> approvals = {},
                      const std::string& post_void_of = "") {
    return pos::Ticket::restore("t-" + receipt, "T01", {1, "Alex Martin"}, fakes::eur,
                                pos::TaxPolicy{}, back_at, back_at + 60'000, receipt, 5,
                                std::move(lines), std::move(payments), {}, std::move(approvals),
                                post_void_of.empty() ? "" : original_id, post_void_of);
}

// Two lines of T01-000004 back (one faulty, to the damaged bin) and one item without a receipt;
// part to the card it was paid with, the rest as new store credit.
pos::Ticket a_return() {
    auto no_receipt = pos::ReturnOf{
        "", "", "", pos::ReturnReason::changed_mind, pos::Disposition::restock, "447700900123"};
    return completed(
        "T01-000005",
        {line("r1", "Rioja Red 75 cl", vat_a, 899, 1000, -899, -150,
              from_original("l2", pos::ReturnReason::faulty, pos::Disposition::damaged)),
         line("r2", "Whole Milk 1 L", vat_b, 119, 2000, -238, -11,
              from_original("l1", pos::ReturnReason::changed_mind, pos::Disposition::restock)),
         line("r3", "Sourdough Bread", vat_b, 249, 1000, -249, -12, no_receipt)},
        {pay("p1", pos::PaymentMethod::card, -1137, "AUTH-77", "4242", original_id),
         pay("p2", pos::PaymentMethod::store_credit, -249, "SC1A2B3C4D5E")},
        {approval(pos::Permission::return_without_receipt, "Jordan Diaz", 249,
                  "Customer satisfaction")});
}

// A faulty bottle back for a dearer one: the customer pays the difference in cash.
pos::Ticket an_exchange_customer_pays() {
    return completed(
        "T01-000006",
        {line("r1", "Rioja Red 75 cl", vat_a, 899, 1000, -899, -150,
              from_original("l2", pos::ReturnReason::faulty, pos::Disposition::return_to_vendor)),
         line("n1", "Rioja Reserva 75 cl", vat_a, 1299, 1000, 1299, 217)},
        {pay("p1", pos::PaymentMethod::cash, 500), pay("p2", pos::PaymentMethod::cash, -100)});
}

// A bottle back for a carton of milk: the difference goes back to the card, over the limit.
pos::Ticket an_exchange_refund() {
    return completed(
        "T01-000007",
        {line("r1", "Rioja Red 75 cl", vat_a, 899, 1000, -899, -150,
              from_original("l2", pos::ReturnReason::wrong_item, pos::Disposition::restock)),
         line("n1", "Whole Milk 1 L", vat_b, 119, 1000, 119, 6)},
        {pay("p1", pos::PaymentMethod::card, -780, "AUTH-77", "4242", original_id)},
        {approval(pos::Permission::refund_over_limit, "Morgan Lee", 780, "Manager discretion")});
}

// T01-000004 reversed: every line back, its 20.00 cash and 3.54 change negated exactly.
pos::Ticket a_post_void() {
    auto bananas = line("r4", "Bananas loose", vat_b, 199, 455, -91, -4,
                        from_original("l4", pos::ReturnReason::other, pos::Disposition::restock));
    bananas.unit = pos::UnitOfSale::kilogram;
    return completed(
        "T01-000008",
        {line("r1", "Whole Milk 1 L", vat_b, 119, 3000, -357, -17,
              from_original("l1", pos::ReturnReason::other, pos::Disposition::restock)),
         line("r2", "Rioja Red 75 cl", vat_a, 899, 1000, -899, -150,
              from_original("l2", pos::ReturnReason::other, pos::Disposition::restock)),
         line("r3", "Sourdough Bread", vat_b, 299, 1000, -299, -14,
              from_original("l3", pos::ReturnReason::other, pos::Disposition::restock)),
         bananas},
        {pay("p1", pos::PaymentMethod::cash, -2000, "", "", original_id),
         pay("p2", pos::PaymentMethod::cash, 354, "", "", original_id)},
        {approval(pos::Permission::post_void, "Morgan Lee", 1646, "Keyed in error")}, "T01-000004");
}

std::string read_file(const std::string& path) {
    std::ifstream in(path);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

std::size_t code_points(const std::string& s) {
    std::size_t n = 0;
    for (unsigned char c : s)
        n += (c & 0xC0) != 0x80;
    return n;
}

// Renders the ticket, compares it with its golden file (COUNTER_UPDATE_GOLDEN=1 rewrites it),
// and checks that every line fits the paper with no trailing space.
std::string rendered(const pos::Ticket& ticket, const std::string& golden) {
    const std::string text = receipts::render_text(ticket, fakes::settings(), {42, 60});
    const std::string path = std::string(COUNTER_SOURCE_DIR "/tests/golden/") + golden;
    if (std::getenv("COUNTER_UPDATE_GOLDEN")) {
        std::ofstream(path) << text;
    }
    CHECK(text == read_file(path));
    std::istringstream lines(text);
    for (std::string l; std::getline(lines, l);) {
        CAPTURE(l);
        CHECK(code_points(l) <= 42);
        CHECK((l.empty() || l.back() != ' '));
    }
    return text;
}

bool has(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

}  // namespace

TEST_CASE("a return receipt names the original receipt, each line's reason, and the refunds") {
    const auto ticket = a_return();
    REQUIRE(ticket.kind() == pos::TicketKind::refund);
    REQUIRE(ticket.totals().due.is_zero());
    const std::string text = rendered(ticket, "return_receipt.txt");
    CHECK(has(text, "RETURN"));
    CHECK(has(text, "Original receipt T01-000004"));
    CHECK(has(text, "Returned without a receipt"));
    CHECK(has(text, "  1 x 8.99                         -8.99 A"));
    CHECK(has(text, "  2 x 1.19                         -2.38 B"));
    CHECK(has(text, "  Faulty · Damaged"));
    CHECK(has(text, "  Changed mind · Back to stock"));
    CHECK(has(text, "TOTAL                           EUR -13.86"));
    CHECK(has(text, "Refund to card ending 4242          -11.37"));
    CHECK(has(text, "Store credit SC1A2B3C4D5E            +2.49"));
    CHECK_FALSE(has(text, "\nChange"));  // never change on a refund
    CHECK(has(text,
              "Approved by Jordan Diaz: a return without\n  a receipt — Customer satisfaction"));
}

TEST_CASE("an exchange shows what came back and what is new, then what the customer pays") {
    const std::string text = rendered(an_exchange_customer_pays(), "exchange_receipt.txt");
    CHECK(has(text, "EXCHANGE"));
    const auto returned = text.find("RETURNED");
    const auto fresh = text.find("NEW ITEMS");
    REQUIRE(returned != std::string::npos);
    REQUIRE(fresh != std::string::npos);
    CHECK(returned < text.find("Rioja Red 75 cl"));
    CHECK(fresh < text.find("Rioja Reserva 75 cl"));
    CHECK(has(text, "  Faulty · Return to vendor"));
    CHECK(has(text, "Returned                             -8.99"));
    CHECK(has(text, "New items                            12.99"));
    CHECK(has(text, "CUSTOMER PAYS                     EUR 4.00"));
    CHECK(has(text, "Change                                1.00"));
}

TEST_CASE("an exchange worth less than what came back ends with the refund and its approval") {
    const std::string text = rendered(an_exchange_refund(), "exchange_refund_receipt.txt");
    CHECK(has(text, "REFUND                            EUR 7.80"));
    CHECK_FALSE(has(text, "CUSTOMER PAYS"));
    CHECK(has(text, "Refund to card ending 4242           -7.80"));
    CHECK(has(text, "Approved by Morgan Lee: a refund over the\n  limit — Manager discretion"));
}

TEST_CASE("a post-void names the sale it reverses and why, and gives back its cash net") {
    const auto ticket = a_post_void();
    REQUIRE(ticket.kind() == pos::TicketKind::post_void);
    const std::string text = rendered(ticket, "post_void_receipt.txt");
    CHECK(has(text, "POST-VOID of T01-000004"));
    CHECK(has(text, "Reason: Keyed in error"));
    CHECK(has(text, "Refund in cash                      -16.46"));  // 20.00 less 3.54 change
    CHECK(has(text, "  0.455 kg x 1.99/kg               -0.91 B"));
    CHECK_FALSE(has(text, "Other · Back to stock"));  // the reason is said once, at the top
    CHECK_FALSE(has(text, "Keep this receipt for returns"));
}

TEST_CASE("a long approval wraps within the paper rather than being cut") {
    auto ticket = an_exchange_refund();
    const std::string text = receipts::render_text(ticket, fakes::settings(), {32, 0});
    CHECK(has(text, "Approved by Morgan Lee: a"));
    CHECK(
        has(text, "Approved by Morgan Lee: a refund\n  over the limit — Manager\n  discretion\n"));
    std::istringstream lines(text);
    for (std::string l; std::getline(lines, l);)
        CHECK(code_points(l) <= 32);
}
