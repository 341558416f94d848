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
#include "golden.hpp"
#include "receipts/text_receipt.hpp"
#include "samples.hpp"

namespace {

std::size_t code_points(const std::string& s) {
    std::size_t n = 0;
    for (unsigned char c : s)
        n += (c & 0xC0) != 0x80;
    return n;
}

// Renders the ticket, compares it with its golden file (COUNTER_UPDATE_GOLDEN=1 rewrites it),
// and checks that every line fits the paper with no trailing space.
std::string rendered(const pos::Ticket& ticket, const std::string& golden_name) {
    const std::string text = receipts::render_text(ticket, fakes::settings(), {42, 60});
    CHECK(text == golden::expected(golden_name, text));
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
    const auto ticket = samples::a_return();
    REQUIRE(ticket.kind() == pos::TicketKind::refund);
    REQUIRE(ticket.totals().due.is_zero());
    const std::string text = rendered(ticket, "return_receipt.txt");
    CHECK(has(text, "RETURN"));
    CHECK(has(text, "Original receipt T01-000004"));
    CHECK(has(text, "Returned without a receipt"));
    CHECK(has(text, "Rioja Red 75 cl        1 x 8.99    -8.99 A"));
    CHECK(has(text, "Whole Milk 1 L         2 x 1.19    -2.38 B"));
    CHECK(has(text, "  Faulty · Damaged"));
    CHECK(has(text, "  Changed mind · Back to stock"));
    CHECK(has(text, "\nTOTAL      EUR -13.86\n"));
    CHECK(has(text, "Refund to card ending 4242          -11.37"));
    CHECK(has(text, "Store credit SC1A2B3C4D5E            +2.49"));
    CHECK_FALSE(has(text, "\nChange"));  // never change on a refund
    CHECK(has(text,
              "Approved by Jordan Diaz: a return without\n  a receipt - Customer satisfaction"));
}

TEST_CASE("an exchange shows what came back and what is new, then what the customer pays") {
    const std::string text = rendered(samples::exchange_customer_pays(), "exchange_receipt.txt");
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
    CHECK(has(text, "\nCUSTOMER PAYS\n             EUR 4.00\n"));
    CHECK(has(text, "Change                                1.00"));
}

TEST_CASE("an exchange worth less than what came back ends with the refund and its approval") {
    const std::string text = rendered(samples::exchange_refund(), "exchange_refund_receipt.txt");
    CHECK(has(text, "\nREFUND       EUR 7.80\n"));
    CHECK_FALSE(has(text, "CUSTOMER PAYS"));
    CHECK(has(text, "Refund to card ending 4242           -7.80"));
    CHECK(has(text, "Approved by Morgan Lee: a refund over the\n  limit - Manager discretion"));
}

TEST_CASE("a post-void names the sale it reverses and why, and gives back its cash net") {
    const auto ticket = samples::post_void();
    REQUIRE(ticket.kind() == pos::TicketKind::post_void);
    const std::string text = rendered(ticket, "post_void_receipt.txt");
    CHECK(has(text, "\n                POST-VOID\n"));
    CHECK(has(text, "Reverses receipt T01-000004"));
    CHECK(has(text, "Reason: Keyed in error"));
    CHECK(has(text, "Refund in cash                      -16.46"));  // 20.00 less 3.54 change
    CHECK(has(text, "             0.455 kg x 1.99/kg    -0.91 B"));
    CHECK_FALSE(has(text, "Other · Back to stock"));  // the reason is said once, at the top
    CHECK_FALSE(has(text, "Keep this receipt for returns"));
}

TEST_CASE("a long approval wraps within the paper rather than being cut") {
    auto ticket = samples::exchange_refund();
    const std::string text = receipts::render_text(ticket, fakes::settings(), {32, 0});
    CHECK(has(text, "Approved by Morgan Lee: a"));
    CHECK(
        has(text, "Approved by Morgan Lee: a refund\n  over the limit - Manager\n  discretion\n"));
    std::istringstream lines(text);
    for (std::string l; std::getline(lines, l);)
        CHECK(code_points(l) <= 32);
}
