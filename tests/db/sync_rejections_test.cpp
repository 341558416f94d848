// Changes from head office the terminal refuses: skipped and listed, while the rest of their batch
// and the cursor apply; a store failure still writes nothing.
#include <doctest/doctest.h>

#include "sync_helpers.hpp"

using db_test::TempDir;
using namespace sync_test;

namespace {

// The batch every case sends: good changes around the bad one (sequence 7).
db::ChangeBatch around(const pos::ReferenceChange& bad) {
    pos::UserRecord other = synced_user("1111");
    other.code = "S200";
    std::vector<pos::ReferenceChange> changes = {
        change(5, product("20002", "Oat Drink Chocolate", 220)), change(6, other)};
    if (bad.sequence != 0)
        changes.push_back(bad);
    changes.push_back(change(8, pos::SettingRecord{"receipt_header", "Hello"}));
    db::ChangeBatch b = batch(3, changes);
    b.next_cursor = 8;
    return b;
}

std::unique_ptr<db::SqliteStore> store_at_cursor_3(const std::filesystem::path& file) {
    auto store = db_test::small_store(file);
    apply(*store, batch(0, {change(3, product("20001", "Oat Drink", 200))}));
    return store;
}

}  // namespace

TEST_CASE("A change the terminal refuses is skipped and listed; the rest of its batch applies") {
    struct Case {
        const char* what;
        pos::ReferenceChange bad;
        std::string problem;
    };
    pos::UserRecord bad_pin = synced_user("4321");
    bad_pin.pin_hash = "1234";
    pos::ProductRecord bad_barcode = product("20003", "Rice", 150);
    bad_barcode.barcodes.push_back("5000000000010");
    pos::PromotionRecord no_products = oat_deal();
    no_products.product_codes.clear();
    pos::ReferenceChange wrong_record = change(7, pos::SettingRecord{"x", "y"});
    wrong_record.kind = "product";
    wrong_record.key = "20004";
    const Case cases[] = {
        {"a product naming an unknown tax rate", change(7, product("20003", "Rice", 150, "Z")),
         "product \"20003\" (change 7): tax code \"Z\" is not a known tax rate"},
        {"a product with a bad check digit", change(7, bad_barcode),
         "product \"20003\" (change 7): barcode 5000000000010 has a wrong check digit (the last "
         "digit should be 2)"},
        {"a deleted product", deletion(7, "product", "20001"),
         "product \"20001\" (change 7): products are never deleted (old tickets name them)"},
        {"a record that does not match its kind", wrong_record,
         "product \"20004\" (change 7): the record is not a product"},
        {"a user whose PIN hash is not Argon2", change(7, bad_pin),
         "user \"S100\" (change 7): the PIN hash is not an Argon2 hash string"},
        {"a promotion naming no products", change(7, no_products),
         "promotion \"oat-2-for-3\" (change 7): it names no products"},
        {"an unknown kind", deletion(7, "coupon", "C1"),
         "coupon \"C1\" (change 7): the kind \"coupon\" is unknown to this terminal"},
        {"a setting that makes the settings unreadable",
         change(7, pos::SettingRecord{"currency_exponent", "9"}),
         "setting \"currency_exponent\" (change 7): the settings would not be readable: the "
         "store's currency setting is damaged: 'EUR' with exponent '9'"},
    };
    for (const Case& c : cases) {
        CAPTURE(std::string(c.what));
        TempDir dir;
        auto store = store_at_cursor_3(dir.file("terminal.db"));
        const auto applied = store->sync().apply_changes(around(c.bad));
        REQUIRE_MESSAGE(applied.ok(), applied.error().message);
        CHECK(applied.value());
        CHECK(store->sync().state().cursor == 8);
        CHECK(store->catalogue().find_by_code("20002", db_test::at).has_value());
        CHECK(store->users().find_by_code("S200").has_value());
        CHECK(store->settings().receipt_header == std::vector<std::string>{"Hello"});
        CHECK(store->settings().currency == db_test::eur());

        // Exactly what the same batch without the bad change leaves.
        auto without = store_at_cursor_3(dir.file("without.db"));
        apply(*without, around({}));
        CHECK(reference_rows(*store) == reference_rows(*without));

        REQUIRE(store->sync().rejected_count() == 1);
        const auto rejected = store->sync().rejected_changes(10);
        REQUIRE(rejected.size() == 1);
        CHECK(rejected[0].sequence == 7);
        CHECK(rejected[0].kind == c.bad.kind);
        CHECK(rejected[0].key == c.bad.key);
        CHECK(rejected[0].message == c.problem);
        CHECK(rejected[0].at_ms > 0);
    }
}

TEST_CASE("A refused change that head office corrects applies and leaves the list") {
    TempDir dir;
    auto store = store_at_cursor_3(dir.file("terminal.db"));
    apply(*store, around(change(7, product("20003", "Rice", 150, "Z"))));
    REQUIRE(store->sync().rejected_count() == 1);

    apply(*store, batch(8, {change(9, product("20003", "Rice", 150, "B"))}));
    CHECK(store->sync().rejected_count() == 0);
    CHECK(store->catalogue().find_by_code("20003", db_test::at)->name == "Rice");
}

TEST_CASE("A bad tax rate is skipped and listed; products naming it are refused with it") {
    TempDir dir;
    auto store = store_at_cursor_3(dir.file("terminal.db"));
    db::ChangeBatch b = batch(3, {change(5, product("20002", "Oat Drink Chocolate", 220)),
                                  change(6, product("20005", "Gin 70 cl", 2500, "D"))});
    b.tax_rates.push_back({"D", "VAT 150%", pos::Rate{1'500'000}});
    apply(*store, b);

    CHECK(store->catalogue().find_by_code("20002", db_test::at).has_value());
    CHECK_FALSE(store->catalogue().find_by_code("20005", db_test::at).has_value());
    const auto rejected = store->sync().rejected_changes(10);
    REQUIRE(rejected.size() == 2);
    CHECK(rejected[0].message ==
          "product \"20005\" (change 6): tax code \"D\" is not a known tax rate");
    CHECK(rejected[1].kind == "tax_rate");
    CHECK(rejected[1].message == "tax rate \"D\": the rate must be between 0% and 100%");
    CHECK(store->database().query_int("SELECT count(*) FROM tax_rates WHERE code = 'D'", "test") ==
          0);
}

TEST_CASE("A store failure while applying a batch writes nothing and the download stays put") {
    TempDir dir;
    const auto file = dir.file("terminal.db");
    auto store = store_at_cursor_3(file);
    const std::string rows = reference_rows(*store);
    {
        auto raw = db::Database::open(file);
        raw.exec(
            "CREATE TRIGGER broken BEFORE UPDATE ON sync_state BEGIN"
            " SELECT RAISE (ABORT, 'the disk is full'); END",
            "test");
    }
    const auto applied =
        store->sync().apply_changes(around(change(7, product("20003", "Rice", 150, "Z"))));
    REQUIRE_FALSE(applied.ok());
    CHECK(applied.error().code == pos::ErrorCode::store_failure);
    CHECK(applied.error().message.find("moving the download on could not be applied") !=
          std::string::npos);
    CHECK(applied.error().message.find("the disk is full") != std::string::npos);
    CHECK(applied.error().message.find("nothing from the batch was applied") != std::string::npos);
    CHECK(reference_rows(*store) == rows);
    CHECK(store->sync().rejected_count() == 0);
    CHECK(store->sync().state().cursor == 3);
}

TEST_CASE("A change SQLite refuses half-way is undone alone; the rest of its batch applies") {
    TempDir dir;
    const auto file = dir.file("terminal.db");
    auto store = store_at_cursor_3(file);
    {
        // A row the checks let through but the file refuses, after the product row was updated.
        auto raw = db::Database::open(file);
        raw.exec(
            "CREATE TRIGGER refuse_code BEFORE INSERT ON barcodes WHEN new.code = '20001'"
            " BEGIN SELECT RAISE (ABORT, 'code 20001 is reserved'); END",
            "test");
    }
    apply(*store, around(change(7, product("20001", "Oat Drink Renamed", 250))));

    CHECK(store->catalogue().find_by_code("20002", db_test::at).has_value());
    CHECK(store->settings().receipt_header == std::vector<std::string>{"Hello"});
    CHECK(store->sync().state().cursor == 8);
    // The product row updated before the refusal is back as it was, with its barcode.
    const auto oat = store->catalogue().find_by_code("20001", db_test::at);
    REQUIRE(oat.has_value());
    CHECK(oat->name == "Oat Drink");
    CHECK(oat->unit_price.minor() == 200);
    const auto rejected = store->sync().rejected_changes(10);
    REQUIRE(rejected.size() == 1);
    CHECK(rejected[0].key == "20001");
    CHECK(rejected[0].message.find("product \"20001\" (change 7): ") == 0);
    CHECK(rejected[0].message.find("code 20001 is reserved") != std::string::npos);
}
