#include <doctest/doctest.h>

#include "helpers.hpp"

using db_test::TempDir;

namespace {

constexpr const char* milk = "4000000000013";
constexpr const char* bread = "4000000000037";
constexpr const char* wine = "4000000000044";
constexpr const char* bananas = "4011";

const pos::Clerk manager{9, "Morgan Lee"};

// An open ticket rung up on another terminal (T07) that shares this store, with everything a
// clerk can key: an override, a line discount, a voided line and a ticket discount.
pos::Ticket keyed_ticket(db::Store& store) {
    pos::Ticket ticket = db_test::open_ticket(
        store, "T07", {{milk, 2000}, {wine, 1000}, {bananas, 450}, {bread, 1000}});
    ticket.set_price_override(1, pos::PriceOverride{799, 9, "label damaged"});
    ticket.set_line_discount(
        0, pos::Discount{pos::DiscountKind::percent, pos::Rate{100'000}, 0, "short date"});
    ticket.void_line(3);
    ticket.set_discount(
        pos::Discount{pos::DiscountKind::amount, pos::Rate{}, 50, "loyal customer"});
    return ticket;
}

std::vector<std::string> kinds(db::SqliteStore& store) {
    db::Statement rows(store.database(),
                       "SELECT terminal_id || ' ' || kind FROM journal ORDER BY id");
    std::vector<std::string> out;
    while (rows.step())
        out.push_back(rows.column_text(0));
    return out;
}

}  // namespace

TEST_CASE("A suspended ticket is listed, then resumed here exactly as it was keyed") {
    TempDir dir;
    auto store = db_test::small_store(dir.file("terminal.db"));  // this terminal is T01
    const pos::Ticket ticket = keyed_ticket(*store);
    REQUIRE(store->suspended().suspend(ticket, "blue coat lady", db_test::at + 1000));

    const auto listed = store->suspended().list();
    REQUIRE(listed.size() == 1);
    CHECK(listed[0].ticket_id == ticket.id());
    CHECK(listed[0].terminal_id == "T07");
    CHECK(listed[0].clerk_name == "Alex Martin");
    CHECK(listed[0].suspended_at_ms == db_test::at + 1000);
    CHECK(listed[0].line_count == 3);  // the voided line does not count
    CHECK(listed[0].total == ticket.totals().total);
    CHECK(listed[0].label == "blue coat lady");

    const auto resumed = store->suspended().resume(ticket.id(), manager, db_test::at + 5000);
    REQUIRE_MESSAGE(resumed.ok(), resumed.error().message);
    CHECK(resumed->id() == ticket.id());
    CHECK(resumed->state() == pos::TicketState::open);
    CHECK(resumed->terminal_id() == "T01");  // it carries on, and will be completed, here
    CHECK(resumed->clerk().id == manager.id);
    CHECK(resumed->clerk().name == manager.name);
    CHECK(resumed->opened_at_ms() == ticket.opened_at_ms());
    CHECK(resumed->currency() == ticket.currency());
    CHECK(resumed->discount() == ticket.discount());
    REQUIRE(resumed->lines().size() == ticket.lines().size());
    for (std::size_t i = 0; i < ticket.lines().size(); ++i) {
        const pos::TicketLine& a = resumed->lines()[i];
        const pos::TicketLine& b = ticket.lines()[i];
        INFO("line " << i << ": " << b.name);
        db_test::check_same_line_inputs(a, b);
        CHECK(a.amounts.gross == b.amounts.gross);  // priced again, the same
    }
    CHECK(resumed->totals().total == ticket.totals().total);
    CHECK(store->suspended().list().empty());
    CHECK(db_test::count_rows(*store, "suspended_lines") == 0);
}

TEST_CASE("A ticket resumed once cannot be resumed again; the message says where it went") {
    TempDir dir;
    auto store = db_test::small_store(dir.file("terminal.db"));
    const pos::Ticket ticket = keyed_ticket(*store);
    REQUIRE(store->suspended().suspend(ticket, "", db_test::at));
    REQUIRE(store->suspended().resume(ticket.id(), manager, db_test::at + 1).ok());

    const auto twice = store->suspended().resume(ticket.id(), manager, db_test::at + 2);
    REQUIRE_FALSE(twice.ok());
    CHECK(twice.error().code == pos::ErrorCode::not_found);
    CHECK(twice.error().message ==
          "This ticket was already resumed, on T01 by Morgan Lee; it is no longer suspended");

    const auto unknown = store->suspended().resume("no-such-ticket", manager, db_test::at);
    REQUIRE_FALSE(unknown.ok());
    CHECK(unknown.error().code == pos::ErrorCode::not_found);
    CHECK(unknown.error().message == "There is no suspended ticket no-such-ticket");
    CHECK(kinds(*store) == std::vector<std::string>{"T07 suspend", "T01 resume"});
}

TEST_CASE("Suspended tickets are listed oldest first") {
    TempDir dir;
    auto store = db_test::small_store(dir.file("terminal.db"));
    std::vector<std::string> expected;
    for (const std::int64_t at : {db_test::at + 300, db_test::at + 100, db_test::at + 200}) {
        const pos::Ticket ticket = db_test::open_ticket(*store, "T01", {{bread, 1000}});
        REQUIRE(store->suspended().suspend(ticket, "at " + std::to_string(at), at));
    }
    std::vector<std::string> labels;
    for (const auto& suspended : store->suspended().list())
        labels.push_back(suspended.label);
    CHECK(labels ==
          std::vector<std::string>{"at 1700000000100", "at 1700000000200", "at 1700000000300"});
}

TEST_CASE("Suspending and resuming are journaled, each with its outbox row, and the sale follows") {
    TempDir dir;
    auto store = db_test::small_store(dir.file("terminal.db"));
    const pos::Ticket ticket = db_test::open_ticket(*store, "T01", {{wine, 1000}});
    // Suspended, resumed, suspended again and resumed again: every step is its own entry.
    REQUIRE(store->suspended().suspend(ticket, "first", db_test::at));
    REQUIRE(store->suspended().resume(ticket.id(), manager, db_test::at + 1).ok());
    REQUIRE(store->suspended().suspend(ticket, "second", db_test::at + 2));
    auto resumed = store->suspended().resume(ticket.id(), manager, db_test::at + 3);
    REQUIRE(resumed.ok());

    pos::Ticket sale = std::move(resumed).value();
    sale.begin_tender();
    sale.add_payment(db_test::payment(pos::PaymentMethod::cash, sale.totals().due.minor()));
    const auto completed = store->sales().complete_sale(sale, db_test::at + 4);
    REQUIRE_MESSAGE(completed.ok(), completed.error().message);
    CHECK(completed->receipt_number == "T01-000001");

    CHECK(kinds(*store) == std::vector<std::string>{"T01 suspend", "T01 resume", "T01 suspend",
                                                    "T01 resume", "T01 sale"});
    CHECK(store->pending_outbox_count() == 5);
    CHECK(store->verify_journal().message == "journal OK: 5 entries");
    const std::string suspend_payload = store->database().query_text(
        "SELECT payload FROM journal WHERE kind = 'suspend' ORDER BY id LIMIT 1", "test");
    CHECK(suspend_payload.find("\nsuspend.label=first\n") != std::string::npos);
    CHECK(suspend_payload.find("\nline.1.code=4000000000044\n") != std::string::npos);
    const std::string resume_payload = store->database().query_text(
        "SELECT payload FROM journal WHERE kind = 'resume' ORDER BY id LIMIT 1", "test");
    CHECK(resume_payload.find("\nresume.by_name=Morgan Lee\n") != std::string::npos);
}

TEST_CASE("Only an open ticket with items and no payments is suspended, and only once") {
    TempDir dir;
    auto store = db_test::small_store(dir.file("terminal.db"));
    auto& suspended = store->suspended();
    SUBCASE("an empty ticket") {
        const pos::Ticket empty = db_test::open_ticket(*store, "T01", {});
        const auto refused = suspended.suspend(empty, "", db_test::at);
        REQUIRE_FALSE(refused.ok());
        CHECK(refused.error().message == "There is nothing to suspend: the ticket has no items");
    }
    SUBCASE("a ticket with a payment taken") {
        pos::Ticket paying = db_test::open_ticket(*store, "T01", {{wine, 1000}});
        paying.begin_tender();
        paying.add_payment(db_test::payment(pos::PaymentMethod::card, 500, "AUTH 1", "4242"));
        const auto refused = suspended.suspend(paying, "", db_test::at);
        REQUIRE_FALSE(refused.ok());
        CHECK(refused.error().message ==
              "A ticket with payments taken cannot be suspended; it was not suspended");
    }
    SUBCASE("a ticket already suspended") {
        const pos::Ticket ticket = db_test::open_ticket(*store, "T01", {{wine, 1000}});
        REQUIRE(suspended.suspend(ticket, "", db_test::at));
        const auto refused = suspended.suspend(ticket, "", db_test::at);
        REQUIRE_FALSE(refused.ok());
        CHECK(refused.error().message == "This ticket is already suspended (on T01)");
        CHECK(suspended.list().size() == 1);
        CHECK(db_test::count_rows(*store, "journal") == 1);
        return;
    }
    CHECK(suspended.list().empty());
    CHECK(db_test::count_rows(*store, "journal") == 0);
}
