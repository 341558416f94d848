#include <doctest/doctest.h>

#include "service_helpers.hpp"

using db_test::customer;
using db_test::saved;
using db_test::TempDir;

namespace {

// Gives the customer points as if another store's sale earned them (through sync).
void give_points(db::Store& store, const std::string& customer_id, std::int64_t points) {
    const auto moved = db_test::movement(customer_id, points);
    pos::ReferenceChange change;
    change.sequence = 1;
    change.kind = "loyalty";
    change.key = moved.id;
    change.record = moved;
    db::ChangeBatch batch;
    batch.from_cursor = store.sync().state().cursor;
    batch.next_cursor = batch.from_cursor + 1;
    batch.changes = {change};
    REQUIRE(store.sync().apply_changes(batch));
}

// Bread (3.49) for the customer, paid with `points` worth points_value and the rest in cash.
pos::Ticket bread_with_points(db::Store& store, const pos::Customer& c, std::int64_t points,
                              std::int64_t earned) {
    pos::Ticket ticket = db_test::open_ticket(store, "T01", {{"4000000000037", 1000}});
    ticket.set_customer(pos::ref_of(c));
    ticket.begin_tender();
    if (points > 0) {
        pos::Payment by_points = db_test::payment(pos::PaymentMethod::loyalty_points, points, c.id);
        by_points.points = points;
        ticket.add_payment(by_points);
    }
    ticket.add_payment(db_test::payment(pos::PaymentMethod::cash, 349 - points));
    ticket.set_points_earned(earned);
    return ticket;
}

}  // namespace

TEST_CASE("A sale for a customer earns points and redeems them, each movement queued once") {
    TempDir dir;
    auto store = db_test::service_store(dir.file("t.db"));
    const auto ann = saved(*store, customer("Ann Smith", "+442079460958"));
    give_points(*store, ann.id, 500);
    CHECK(store->stored_value().points_balance(ann.id) == 500);

    const auto ticket = bread_with_points(*store, ann, 200, 1);
    const std::string receipt = db_test::complete(*store, ticket, db_test::at + 1000);
    CHECK(store->customers().points_balance(ann.id) == 500 - 200 + 1);
    const auto history = store->customers().points_history(ann.id, 10);
    REQUIRE(history.size() == 3);
    CHECK(history[0].receipt_number == receipt);
    CHECK(history[0].store_code == "S001");

    const auto purchases = store->customers().purchases(ann.id, 10);
    REQUIRE(purchases.size() == 1);
    CHECK(purchases[0].receipt_number == receipt);
    CHECK(purchases[0].total == db_test::cents(349));

    // customer (saved) + redemption + earned movement
    const auto pending = store->sync().pending_records(10);
    CHECK(pending.size() == 3);
    int loyalty = 0;
    for (const auto& record : pending)
        loyalty += pos::service_kind(record.record) == "loyalty" ? 1 : 0;
    CHECK(loyalty == 2);
}

TEST_CASE("Points over the balance refuse the whole sale and write nothing") {
    TempDir dir;
    auto store = db_test::service_store(dir.file("t.db"));
    const auto ann = saved(*store, customer("Ann Smith", "+442079460958"));
    give_points(*store, ann.id, 150);
    const auto queued = store->sync().pending_record_count();

    const auto done =
        store->sales().complete_sale(bread_with_points(*store, ann, 200, 1), db_test::at);
    REQUIRE_FALSE(done.ok());
    CHECK(done.error().message.find("Ann Smith has 150 points; this sale takes 200") !=
          std::string::npos);
    CHECK(store->completed_ticket_count() == 0);
    CHECK(store->customers().points_balance(ann.id) == 150);
    CHECK(db_test::count_rows(*store, "ticket_customers") == 0);
    CHECK(store->sync().pending_record_count() == queued);
    CHECK(db_test::count_rows(*store, "receipt_sequences") == 0);
}

TEST_CASE("A restored ticket keeps its customer, points earned and points paid") {
    TempDir dir;
    auto store = db_test::service_store(dir.file("t.db"));
    const auto ann =
        saved(*store, customer("Ann Smith", "+442079460958", "", pos::new_loyalty_card(4)));
    give_points(*store, ann.id, 400);
    const auto ticket = bread_with_points(*store, ann, 100, 2);
    const std::string receipt = db_test::complete(*store, ticket, db_test::at + 1000);

    const auto read = store->find_ticket(receipt);
    REQUIRE(read);
    REQUIRE(read->customer());
    CHECK(*read->customer() == pos::ref_of(ann));
    CHECK(read->points_earned() == 2);
    CHECK(read->payments()[0].points == 100);
    CHECK(read->payments()[0].method == pos::PaymentMethod::loyalty_points);

    // The journal names the customer's id only, and verifies.
    const std::string payload =
        db_test::text_for(*store, "SELECT payload FROM journal WHERE entity_id = ?", ticket.id());
    CHECK(payload.find("ticket.customer_id=" + ann.id + "\n") != std::string::npos);
    CHECK(payload.find("ticket.points_earned=2\n") != std::string::npos);
    CHECK(payload.find("payment.1.points=100\n") != std::string::npos);
    CHECK(payload.find("Ann Smith") == std::string::npos);
    CHECK(store->verify_journal().ok);
}

TEST_CASE("A sale without a customer journals exactly as before") {
    TempDir dir;
    auto store = db_test::service_store(dir.file("t.db"));
    const auto ticket = db_test::paid_ticket(*store, "T01", {{"4000000000037", 1000}}, 500);
    db_test::complete(*store, ticket, db_test::at);
    const std::string payload =
        db_test::text_for(*store, "SELECT payload FROM journal WHERE entity_id = ?", ticket.id());
    CHECK(payload.find("ticket.customer_id") == std::string::npos);
    CHECK(payload.find("points_earned") == std::string::npos);
    CHECK(payload.find("special_order") == std::string::npos);
}
