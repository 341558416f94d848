#include <doctest/doctest.h>

#include "service_helpers.hpp"

using db_test::customer;
using db_test::saved;
using db_test::TempDir;

namespace {

template <typename Record>
pos::ReferenceChange change_of(std::int64_t sequence, std::string kind, const Record& record) {
    pos::ReferenceChange change;
    change.sequence = sequence;
    change.kind = std::move(kind);
    change.key = record.id;
    change.record = record;
    return change;
}

void apply(db::Store& store, std::vector<pos::ReferenceChange> changes) {
    db::ChangeBatch batch;
    batch.from_cursor = store.sync().state().cursor;
    batch.next_cursor = batch.from_cursor + static_cast<std::int64_t>(changes.size());
    batch.changes = std::move(changes);
    const auto applied = store.sync().apply_changes(batch);
    REQUIRE_MESSAGE(applied.ok(), (applied.ok() ? std::string() : applied.error().message));
    CHECK(applied.value());
}

}  // namespace

TEST_CASE("A customer from head office is taken when newer, never over a newer local edit") {
    TempDir dir;
    auto store = db_test::service_store(dir.file("t.db"));
    auto ann = saved(*store, customer("Ann Smith", "+442079460958"));
    ann.updated_at_ms = db_test::at + 100;
    ann.note = "local edit";
    saved(*store, ann);

    pos::Customer older = ann;
    older.updated_at_ms = db_test::at + 50;
    older.note = "older at head office";
    apply(*store, {change_of(1, "customer", older)});
    CHECK(store->customers().find(ann.id)->note == "local edit");

    pos::Customer newer = ann;
    newer.updated_at_ms = db_test::at + 200;
    newer.note = "newer at head office";
    pos::Customer other = customer("Dee Park", "+441632960009");
    other.home_store = "S002";
    apply(*store, {change_of(2, "customer", newer), change_of(3, "customer", other)});
    CHECK(store->customers().find(ann.id)->note == "newer at head office");
    CHECK(store->customers().search("dee", 5).size() == 1);
    // What came from head office is not sent back.
    CHECK(store->sync().pending_record_count() == 1);
}

TEST_CASE("Interactions and stock requests from head office: the newer state wins") {
    TempDir dir;
    auto store = db_test::service_store(dir.file("t.db"));
    pos::StockRequest request;
    request.id = db_test::new_id();
    request.product_code = "4000000000044";
    request.product_name = "Rioja Red 75 cl";
    request.from_store = "S002";
    request.to_store = "S001";
    request.created_at_ms = db_test::at;
    request.updated_at_ms = db_test::at;
    REQUIRE(store->stock_requests().submit(request));

    pos::StockRequest answered = request;
    answered.status = pos::StockRequestStatus::accepted;
    answered.status_note = "Held until Saturday";
    answered.updated_at_ms = db_test::at + 500;
    pos::StockRequest stale = request;
    stale.status = pos::StockRequestStatus::declined;
    stale.updated_at_ms = db_test::at - 1;

    pos::Interaction elsewhere;
    elsewhere.id = db_test::new_id();
    elsewhere.number = "S002-000007";
    elsewhere.category = "price";
    elsewhere.said = "Asked about a price";
    elsewhere.customer_id = "c-1";
    elsewhere.store_code = "S002";
    elsewhere.opened_at_ms = db_test::at;
    elsewhere.updated_at_ms = db_test::at;
    apply(*store, {change_of(1, "stock_request", answered), change_of(2, "stock_request", stale),
                   change_of(3, "interaction", elsewhere)});
    const auto now = store->stock_requests().recent(5);
    REQUIRE(now.size() == 1);
    CHECK(now[0].status == pos::StockRequestStatus::accepted);
    CHECK(now[0].status_note == "Held until Saturday");
    CHECK(store->interactions().for_customer("c-1", 5).size() == 1);
    CHECK(store->interactions().open_for_store("S001", 5).empty());
}

TEST_CASE("A loyalty movement counts once however often it arrives") {
    TempDir dir;
    auto store = db_test::service_store(dir.file("t.db"));
    const auto moved = db_test::movement("c-1", 120);
    apply(*store, {change_of(1, "loyalty", moved), change_of(2, "loyalty", moved)});
    apply(*store, {change_of(3, "loyalty", moved)});
    CHECK(store->customers().points_balance("c-1") == 120);
    CHECK(store->sync().rejected_count() == 0);
}

TEST_CASE("A service record that makes no sense is skipped and reported") {
    TempDir dir;
    auto store = db_test::service_store(dir.file("t.db"));
    pos::Customer nameless = customer("", "+441632960009");
    auto change = change_of(1, "customer", nameless);
    apply(*store, {change});
    CHECK(store->sync().rejected_count() == 1);
    CHECK(store->sync().rejected_changes(1)[0].message.find("no name") != std::string::npos);
    CHECK_FALSE(store->customers().find(nameless.id));
}

TEST_CASE("The stock snapshot keeps on order, expected day and location; stores are named") {
    TempDir dir;
    auto store = db_test::service_store(dir.file("t.db"));
    auto& sync = store->sync();
    REQUIRE(sync.save_stores({{"S001", "High Street"}, {"S002", "Riverside"}}));
    REQUIRE(sync.save_stores({{"S002", "Riverside Mall"}}));
    CHECK(sync.stores() ==
          std::vector<pos::StoreInfo>{{"S001", "High Street"}, {"S002", "Riverside Mall"}});
    REQUIRE(sync.save_stock({{"S001", "4000000000044", 3000, 12000, 20'500, "Aisle 4, bay 2"},
                             {"S002", "4000000000044", 0, 0, 0, ""}},
                            db_test::at));
    const auto rows = sync.stock_of("4000000000044");
    REQUIRE(rows.size() == 2);
    CHECK(rows[0].level.on_order_milli == 12000);
    CHECK(rows[0].level.expected_day == 20'500);
    CHECK(rows[0].level.location == "Aisle 4, bay 2");
    CHECK(rows[0].as_of_ms == db_test::at);
}

TEST_CASE("Live stock levels are kept without moving the snapshot's refresh point") {
    TempDir dir;
    auto store = db_test::service_store(dir.file("t.db"));
    auto& sync = store->sync();
    REQUIRE(sync.save_stock({{"S002", "4000000000044", 1000, 0, 0, ""}}, db_test::at));
    REQUIRE(sync.save_live_stock({{"S002", "4000000000044", 4000, 2000, 20'600, "Back room"}},
                                 db_test::at + 60'000));
    CHECK(sync.state().stock_as_of_ms == db_test::at);
    const auto rows = sync.stock_of("4000000000044");
    REQUIRE(rows.size() == 1);
    CHECK(rows[0].level.quantity_milli == 4000);
    CHECK(rows[0].level.location == "Back room");
    CHECK(rows[0].as_of_ms == db_test::at + 60'000);
    // An older live reading never replaces a newer one.
    REQUIRE(sync.save_live_stock({{"S002", "4000000000044", 9000, 0, 0, ""}}, db_test::at));
    CHECK(sync.stock_of("4000000000044")[0].level.quantity_milli == 4000);
}
