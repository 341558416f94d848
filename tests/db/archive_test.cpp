#include <doctest/doctest.h>

#include "helpers.hpp"

using db_test::TempDir;

namespace {

constexpr const char* milk = "4000000000013";   // 1.19 B, also 4000000000020
constexpr const char* bread = "4000000000037";  // 3.49 B
constexpr const char* wine = "4000000000044";   // 8.99 A
constexpr std::int64_t hour = 3'600'000;
constexpr std::int64_t day = 24 * hour;

std::vector<std::string> receipts(const std::vector<pos::TicketSummary>& found) {
    std::vector<std::string> out;
    for (const auto& summary : found)
        out.push_back(summary.receipt_number);
    return out;
}

// Three sales an hour apart and, an hour later, a return of the first:
// T01-000001 bread (cash 5.00), T01-000002 wine (card REF-77 ending 1234),
// T01-000003 2 milk and a bread (cash), T01-000004 the bread of the first back.
struct History {
    TempDir dir;
    std::unique_ptr<db::SqliteStore> store = db_test::small_store(dir.file("terminal.db"));
    pos::Ticket first = db_test::paid_ticket(*store, "T01", {{bread, 1000}}, 500);
    pos::Ticket second = [&] {
        pos::Ticket ticket = db_test::open_ticket(*store, "T01", {{wine, 1000}});
        ticket.begin_tender();
        ticket.add_payment(db_test::payment(pos::PaymentMethod::card, 899, "REF-77", "1234"));
        return ticket;
    }();
    pos::Ticket third = db_test::paid_ticket(*store, "T01", {{milk, 2000}, {bread, 1000}}, 1000);

    History() {
        db_test::complete(*store, first, db_test::at);
        db_test::complete(*store, second, db_test::at + hour);
        db_test::complete(*store, third, db_test::at + 2 * hour);
        pos::Ticket back = db_test::empty_ticket();
        db_test::add_returns(*store, back, "T01-000001", {{0, 1000}});
        db_test::refund_to_original(*store, back, "T01-000001");
        db_test::complete(*store, back, db_test::at + 3 * hour);
    }

    std::vector<std::string> find(const pos::TicketQuery& query) {
        return receipts(store->archive().find_tickets(query));
    }
};

using Receipts = std::vector<std::string>;

// A return without a receipt for `customer`, refunded in cash.
void return_without_receipt(db::Store& store, const std::string& customer, const char* code,
                            std::int64_t at_ms) {
    const auto product = store.catalogue().find_by_code(code, at_ms);
    REQUIRE(product.has_value());
    pos::Ticket back = db_test::empty_ticket();
    back.add_return_line(pos::make_unreceipted_return_line(
        *product, product->unit_price, pos::Quantity{1000}, pos::ReturnReason::faulty,
        pos::Disposition::damaged, customer, pos::PricingMode::tax_inclusive, db_test::new_id()));
    back.begin_tender();
    back.add_payment(db_test::payment(pos::PaymentMethod::cash, back.totals().due.minor()));
    const std::string receipt = db_test::complete(store, back, at_ms);
    const auto read = store.find_ticket(receipt);
    REQUIRE(read.has_value());
    db_test::check_same_content(*read, back);
}

}  // namespace

TEST_CASE("Finding tickets without a receipt: newest first, every criterion must hold") {
    History history;
    const auto& at = db_test::at;
    CHECK(history.find({}) == Receipts{"T01-000004", "T01-000003", "T01-000002", "T01-000001"});
    CHECK(history.find({at + hour, at + 2 * hour + 1, {}, {}, {}, 50}) ==
          Receipts{"T01-000003", "T01-000002"});
    CHECK(history.find({at + hour, at + 2 * hour, {}, {}, {}, 50}) == Receipts{"T01-000002"});
    CHECK(history.find({0, 0, 899, {}, {}, 50}) == Receipts{"T01-000002"});
    CHECK(history.find({0, 0, -349, {}, {}, 50}) == Receipts{"T01-000004"});
    CHECK(history.find({0, 0, {}, "1234", {}, 50}) == Receipts{"T01-000002"});
    CHECK(history.find({0, 0, {}, "REF-77", {}, 50}) == Receipts{"T01-000002"});
    CHECK(history.find({0, 0, {}, "9999", {}, 50}).empty());
    CHECK(history.find({0, 0, {}, {}, bread, 50}) ==
          Receipts{"T01-000004", "T01-000003", "T01-000001"});
    CHECK(history.find({0, 0, {}, {}, "4000000000020", 50}) == Receipts{"T01-000003"});
    CHECK(history.find({0, 0, {}, {}, "sour BR", 50}) ==
          Receipts{"T01-000004", "T01-000003", "T01-000001"});
    CHECK(history.find({0, 0, {}, {}, "rioja", 50}) == Receipts{"T01-000002"});
    CHECK(history.find({0, 0, {}, {}, "rioja sour", 50}).empty());  // one line must hold both
    CHECK(history.find({0, 0, {}, {}, "100%_", 50}).empty());       // LIKE wildcards are text
    CHECK(history.find({0, 0, 349, {}, "bread", 50}) == Receipts{"T01-000001"});
    CHECK(history.find({0, 0, {}, {}, {}, 2}) == Receipts{"T01-000004", "T01-000003"});
}

TEST_CASE("A found ticket's summary says what a clerk needs to recognise it") {
    History history;
    const auto found = history.store->archive().find_tickets({});
    REQUIRE(found.size() == 4);
    const pos::TicketSummary& card = found[2];
    CHECK(card.receipt_number == "T01-000002");
    CHECK(card.ticket_id == history.second.id());
    CHECK(card.terminal_id == "T01");
    CHECK(card.kind == pos::TicketKind::sale);
    CHECK(card.completed_at_ms == db_test::at + hour);
    CHECK(card.clerk_name == "Alex Martin");
    CHECK(card.total.minor() == 899);
    CHECK(card.item_count == 1);
    CHECK(card.tenders == "Card ending 1234 8.99");
    CHECK(found[1].item_count == 3);
    CHECK(found[1].tenders == "Cash 10.00");  // change is not a tender
    CHECK(found[0].kind == pos::TicketKind::refund);
    CHECK(found[0].tenders == "Cash refund -3.49");
}

TEST_CASE("A ticket of any kind is found by receipt number; an unknown one is not") {
    History history;
    auto& archive = history.store->archive();
    const auto sale = archive.find_ticket("T01-000002");
    REQUIRE(sale.has_value());
    db_test::check_same_content(*sale, history.second);
    CHECK(archive.find_ticket("T01-000004")->kind() == pos::TicketKind::refund);
    CHECK_FALSE(archive.find_ticket("T01-000099").has_value());
    CHECK_FALSE(archive.open_for_return("T01-000099").has_value());
}

TEST_CASE("The lowest price of a period includes the price in effect when it began") {
    TempDir dir;
    auto store = db_test::small_store(dir.file("terminal.db"));
    const std::int64_t id = store->catalogue().find_by_code(bread, db_test::at)->id;
    const auto& at = db_test::at;
    REQUIRE(store->add_price(bread, 299, at + 10 * day));
    REQUIRE(store->add_price(bread, 399, at + 20 * day));
    auto& archive = store->archive();
    const auto lowest = [&](std::int64_t from, std::int64_t to) {
        const auto price = archive.lowest_price(id, from, to);
        REQUIRE(price.has_value());
        return price->minor();
    };
    CHECK(lowest(at, at + 5 * day) == 349);              // no entry yet: the product's own price
    CHECK(lowest(at, at + 10 * day) == 299);             // an entry taking effect at the end counts
    CHECK(lowest(at + 15 * day, at + 25 * day) == 299);  // in effect at the start
    CHECK(lowest(at + 21 * day, at + 30 * day) == 399);
    CHECK(lowest(at - 30 * day, at + 30 * day) == 299);
    CHECK_FALSE(archive.lowest_price(9999, at, at + day).has_value());
}

TEST_CASE("Returns without a receipt are counted per customer since a moment") {
    TempDir dir;
    auto store = db_test::small_store(dir.file("terminal.db"));
    const auto& at = db_test::at;
    return_without_receipt(*store, "0612345678", bread, at - 40 * day);  // too long ago
    return_without_receipt(*store, "0612345678", bread, at - 2 * day);
    return_without_receipt(*store, "0612345678", wine, at - day);
    return_without_receipt(*store, "ID99887766", wine, at - day);
    auto& archive = store->archive();
    const pos::NoReceiptHistory history = archive.no_receipt_returns("0612345678", at - 30 * day);
    CHECK(history.returns == 2);
    CHECK(history.amount_minor == 349 + 899);
    CHECK(archive.no_receipt_returns("0000000000", at - 30 * day).returns == 0);
    CHECK(archive.no_receipt_returns("0000000000", at - 30 * day).amount_minor == 0);
    const auto moved = store->stock_movements(store->find_ticket("T01-000001")->id());
    REQUIRE(moved.size() == 1);
    CHECK(moved[0].bucket == "damaged");
    CHECK(store->verify_journal().message == "journal OK: 4 entries");
}

TEST_CASE("The return and search lookups are index seeks, not table scans") {
    TempDir dir;
    auto store = db_test::small_store(dir.file("terminal.db"));
    const auto plan = [&](const std::string& sql) {
        db::Statement rows(store->database(), "EXPLAIN QUERY PLAN " + sql);
        std::string steps;
        while (rows.step())
            steps += rows.column_text(3) + "\n";
        return steps;
    };
    for (const std::string& sql : std::vector<std::string>{
             // what was returned of an original line, across every completed ticket
             "SELECT sum(lines.quantity_milli) FROM ticket_lines AS lines JOIN tickets ON"
             " tickets.id = lines.ticket_id WHERE lines.original_line_id = ?"
             " AND tickets.state = 'completed'",
             // refunds against an original ticket
             "SELECT sum(payments.amount) FROM payments JOIN tickets ON tickets.id ="
             " payments.ticket_id WHERE payments.refund_of = ? AND tickets.state = 'completed'",
             // card payments by last four digits or reference
             "SELECT ticket_id FROM payments WHERE method = 'card' AND card_last4 = ?",
             "SELECT ticket_id FROM payments WHERE method = 'card' AND reference = ?",
             // tickets in a time range, newest first
             "SELECT id FROM tickets WHERE state = 'completed' AND completed_at_ms >= ?"
             " ORDER BY completed_at_ms DESC",
             // no-receipt returns of a customer
             "SELECT count(*) FROM ticket_lines WHERE customer = ?",
             // stock movements of a ticket
             "SELECT id FROM stock_movements WHERE ticket_id = ? ORDER BY id"}) {
        const std::string steps = plan(sql);
        INFO(sql << "\n" << steps);
        CHECK(steps.find("SCAN") == std::string::npos);
    }
}
