// Batches of head office's reference data applied by the terminal: all or nothing, with their
// cursor, products matched by code, promotions resolved when read.
#include <doctest/doctest.h>

#include "sync_helpers.hpp"

using db_test::TempDir;
using namespace sync_test;

TEST_CASE(
    "Products from head office are matched by code: a sold product keeps its id and its "
    "new prices apply from their dates") {
    TempDir dir;
    auto store = db_test::small_store(dir.file("terminal.db"));
    const std::string receipt = db_test::complete(
        *store, db_test::paid_ticket(*store, "T01", {{milk, 1000}}, 200), db_test::at);
    const auto milk_before = store->catalogue().find_by_code(milk, db_test::at);
    REQUIRE(milk_before.has_value());

    pos::ProductRecord new_milk = product(milk, "Organic Whole Milk 1 L", 129);
    new_milk.brand = "Meadow";
    new_milk.prices = {{db_test::at + day_ms, 99}, {db_test::at + 2 * day_ms, 139}};
    const std::string oat = gtin("500000000001");
    pos::ProductRecord oat_drink = product(oat, "Oat Drink 1 L", 250, "C");
    oat_drink.barcodes = {oat, "20009"};
    apply(*store, batch(0, {change(4, new_milk), change(9, oat_drink)}, false));

    const auto milk_now = store->catalogue().find_by_code(milk, db_test::at);
    REQUIRE(milk_now.has_value());
    CHECK(milk_now->id == milk_before->id);
    CHECK(milk_now->name == "Organic Whole Milk 1 L");
    CHECK(milk_now->unit_price.minor() == 129);
    CHECK(store->catalogue().find_by_code(milk, db_test::at + day_ms)->unit_price.minor() == 99);
    CHECK(store->catalogue().find_by_code(milk, db_test::at + 3 * day_ms)->unit_price.minor() ==
          139);
    CHECK_FALSE(store->catalogue().find_by_code("4000000000020", db_test::at).has_value());
    CHECK(store->database().query_text("SELECT brand FROM products WHERE id = 1", "test") ==
          "Meadow");

    const auto scanned = store->catalogue().find_by_code("20009", db_test::at);
    REQUIRE(scanned.has_value());
    CHECK(scanned->code == oat);
    CHECK(scanned->tax.rate.ppm == 100'000);
    CHECK(scanned->unit_price.minor() == 250);
    const auto found = store->catalogue().search("oat dri", 10, db_test::at);
    REQUIRE(found.size() == 1);
    CHECK(found[0].code == oat);
    CHECK(store->catalogue().search("organic", 10, db_test::at).size() == 1);
    CHECK(store->catalogue().search("whole", 10, db_test::at)[0].name == "Organic Whole Milk 1 L");

    // The sale made before keeps what it sold.
    CHECK(store->find_ticket(receipt)->lines()[0].name == "Whole Milk 1 L");
    const auto state = store->sync().state();
    CHECK(state.cursor == 9);
    CHECK_FALSE(state.first_load_done);

    SUBCASE("the same product sent again changes nothing") {
        const std::string before = reference_rows(*store);
        apply(*store, batch(9, {change(12, new_milk)}));
        CHECK(reference_rows(*store) == before);
        CHECK(store->sync().state().first_load_done);
    }
}

TEST_CASE("A promotion that arrives before its products applies once they arrive") {
    TempDir dir;
    auto store = db_test::small_store(dir.file("terminal.db"));
    apply(*store, batch(0, {change(1, oat_deal())}));
    auto promotions = store->promotions().promotions_at(db_test::at);
    REQUIRE(promotions.size() == 1);
    CHECK(promotions[0].name == "Any 2 oat drinks for 3.00");
    CHECK(promotions[0].product_ids.empty());  // the codes are not in the catalogue yet

    apply(*store, batch(1, {change(2, product("20001", "Oat Drink Barista", 200)),
                            change(3, product("20002", "Oat Drink Chocolate", 220))}));
    promotions = store->promotions().promotions_at(db_test::at);
    REQUIRE(promotions.size() == 1);
    const auto barista = store->catalogue().find_by_code("20001", db_test::at);
    const auto chocolate = store->catalogue().find_by_code("20002", db_test::at);
    CHECK(promotions[0].product_ids == std::vector<std::int64_t>{barista->id, chocolate->id});
    const auto outcome = pos::evaluate_promotions({{barista->id, "Grocery", 1, 200, 200, true},
                                                   {chocolate->id, "Grocery", 1, 220, 220, true}},
                                                  promotions);
    CHECK(outcome.saving_minor[0] + outcome.saving_minor[1] == 120);  // 4.20 -> 3.00

    SUBCASE("and is gone once head office deletes it") {
        apply(*store, batch(3, {deletion(4, "promotion", "oat-2-for-3")}));
        CHECK(store->promotions().promotions_at(db_test::at).empty());
        CHECK(db_test::count_rows(*store, "promotion_products") == 0);
    }
}

TEST_CASE("Staff from head office log in with their synced PIN; lockouts in progress are kept") {
    TempDir dir;
    auto store = db_test::small_store(dir.file("terminal.db"));
    pos::UserRecord sam = synced_user("4321");
    apply(*store, batch(0, {change(1, sam)}));

    const auto user = store->users().find_by_code("S100");
    REQUIRE(user.has_value());
    CHECK(user->name == "Sam Supervisor");
    CHECK(user->role == pos::Role::supervisor);
    CHECK(store->users().pin_matches(user->id, "4321"));
    CHECK_FALSE(store->users().pin_matches(user->id, "1234"));
    CHECK(store->users().find_by_badge("BADGE-0100")->code == "S100");

    store->users().save_login_state(user->id, {3, db_test::at + 60'000});
    sam.name = "Sam Senior";
    apply(*store, batch(1, {change(2, sam)}));
    CHECK(store->users().find_by_code("S100")->name == "Sam Senior");
    CHECK(store->users().login_state(user->id).failed_attempts == 3);
    CHECK(store->users().login_state(user->id).locked_until_ms == db_test::at + 60'000);

    sam.active = false;
    apply(*store, batch(2, {change(3, sam)}));
    CHECK_FALSE(store->users().find_by_code("S100").has_value());
    CHECK_FALSE(store->users().find_by_badge("BADGE-0100").has_value());
}

TEST_CASE("Settings from head office are stored by key, never the terminal id or store code") {
    TempDir dir;
    auto store = db_test::small_store(dir.file("terminal.db"));
    pos::StoreSettings before = store->settings();
    before.store_code = "S001";
    REQUIRE(store->save_settings(before));

    apply(*store, batch(0, {change(1, pos::SettingRecord{"receipt_footer", "Thank you\nSee you"}),
                            change(2, pos::SettingRecord{"store_code", "S999"}),
                            change(3, pos::SettingRecord{"terminal_id", "T99"}),
                            deletion(4, "setting", "tax_id")}));
    const pos::StoreSettings after = store->settings();
    CHECK(after.receipt_footer == std::vector<std::string>{"Thank you", "See you"});
    CHECK(after.store_code == "S001");
    CHECK(after.terminal_id == "T01");
    CHECK(after.tax_id.empty());
}

TEST_CASE("A batch read from a cursor that has moved on writes nothing") {
    TempDir dir;
    const auto file = dir.file("terminal.db");
    auto store = db_test::small_store(file);
    auto other_worker = db_test::open(file);
    const db::ChangeBatch first = batch(0, {change(2, product("20001", "Oat Drink", 200))});
    apply(*other_worker, first);

    const std::string rows = reference_rows(*store);
    pos::ProductRecord renamed = product("20001", "Oat Drink Renamed", 200);
    const auto stale = store->sync().apply_changes(batch(0, {change(2, renamed)}));
    REQUIRE(stale.ok());
    CHECK_FALSE(stale.value());
    CHECK(reference_rows(*store) == rows);
    CHECK(store->catalogue().find_by_code("20001", db_test::at)->name == "Oat Drink");
    CHECK(store->sync().state().cursor == 2);

    SUBCASE("and after a reset the next full load starts from 0 and replaces it") {
        REQUIRE(store->sync().reset_cursor());
        CHECK(store->sync().state().cursor == 0);
        apply(*store, batch(0, {change(5, renamed)}));
        CHECK(store->catalogue().find_by_code("20001", db_test::at)->name == "Oat Drink Renamed");
        CHECK(store->product_count() == 5);
    }
}

TEST_CASE("A till opened before its first load sells in the currency the sync connection brings") {
    TempDir dir;
    const auto file = dir.file("terminal.db");
    auto selling = db_test::open(file);  // a new terminal: no settings yet
    auto syncing = db_test::open(file);
    db::ChangeBatch first = batch(0, {change(1, pos::SettingRecord{"currency_code", "EUR"}),
                                      change(2, pos::SettingRecord{"currency_exponent", "2"}),
                                      change(3, product("20001", "Oat Drink", 200))});
    apply(*syncing, first);

    const auto found = selling->catalogue().find_by_code("20001", db_test::at);
    REQUIRE(found.has_value());
    CHECK(found->unit_price.currency() == pos::Currency::of("EUR", 2));
    CHECK(selling->settings().currency == pos::Currency::of("EUR", 2));
    CHECK(selling->catalogue().search("oat", 5, db_test::at)[0].unit_price ==
          pos::Money(200, pos::Currency::of("EUR", 2)));
}
