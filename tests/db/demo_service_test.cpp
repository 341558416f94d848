#include <doctest/doctest.h>

#include "db/demo_store.hpp"
#include "helpers.hpp"
#include "pos/suggestions.hpp"

using db_test::TempDir;

TEST_CASE(
    "The demo store has customers, other stores' stock, suggestions, a complaint and an order") {
    TempDir dir;
    auto store = db_test::open(dir.file("demo.db"));
    const auto created = db::create_demo_store(*store);
    REQUIRE_MESSAGE(created.ok(), (created.ok() ? std::string() : created.error().message));

    const auto ann = store->customers().search("ann smi", 5);
    REQUIRE(ann.size() == 1);
    CHECK(ann[0].card == pos::new_loyalty_card(1));
    CHECK(store->customers().points_balance(ann[0].id) == 1250);
    CHECK(store->customers().find_by_card(pos::new_loyalty_card(2))->name == "Bob Jones");
    // The demo's three cards came from the sequence; the next is T01's fourth.
    CHECK(store->customers().next_card_sequence() == 1'000'004);

    CHECK(store->sync().stores().size() == 3);
    const auto rioja = store->sync().stock_of("5012345000053");
    REQUIRE(rioja.size() == 3);
    CHECK(rioja[0].level.location == "Aisle 9, wine wall");
    CHECK(rioja[0].level.on_order_milli == 12000);

    const auto milk = store->lookup().find("5012345000015", db_test::at);
    REQUIRE(milk);
    const auto counts = store->lookup().bought_together({milk->product.id}, 5);
    const auto ranked = pos::rank_suggestions({milk->product.id}, counts, 3);
    REQUIRE_FALSE(ranked.empty());
    CHECK(store->lookup().product_by_id(ranked[0].product_id, db_test::at)->code ==
          "5012345000022");

    const auto open = store->interactions().open_for_store("S001", 5);
    REQUIRE(open.size() == 1);
    CHECK(open[0].number == "S001-000001");
    const auto orders = store->special_orders().open_orders(5);
    REQUIRE(orders.size() == 1);
    CHECK(orders[0].number == "SO-T01-000001");
    CHECK(orders[0].customer_name == "Bob Jones");
    CHECK(store->sync().pending_record_count() == 0);  // demo records are never sent
}
