#include <doctest/doctest.h>

#include "db/demo_store.hpp"
#include "db/journal.hpp"
#include "helpers.hpp"

using db_test::TempDir;

namespace {

std::string badge_hash(db::SqliteStore& store, const std::string& code) {
    return db_test::text_for(store, "SELECT coalesce(badge_hash, 'NULL') FROM users WHERE code = ?",
                             code);
}

}  // namespace

TEST_CASE("A badge is stored only as its SHA-256 and finds its active owner") {
    TempDir dir;
    auto store = db_test::open(dir.file("terminal.db"));
    REQUIRE(
        store->add_user({"5001", "Jordan Diaz", pos::Role::supervisor, "5555", "BADGE-5001-JD"}));
    REQUIRE(store->add_user({"1001", "Alex Martin", pos::Role::clerk, "1234"}));

    CHECK(badge_hash(*store, "5001") == db::sha256_hex("BADGE-5001-JD"));
    CHECK(badge_hash(*store, "1001") == "NULL");
    const auto found = store->users().find_by_badge("BADGE-5001-JD");
    REQUIRE(found.has_value());
    CHECK(found->code == "5001");
    CHECK(found->role == pos::Role::supervisor);
    CHECK_FALSE(store->users().find_by_badge("BADGE-5001-XX").has_value());
    CHECK_FALSE(store->users().find_by_badge("").has_value());

    SUBCASE("a badge cannot belong to two people") {
        const auto refused =
            store->add_user({"5002", "Sam Ortiz", pos::Role::manager, "5556", "BADGE-5001-JD"});
        REQUIRE_FALSE(refused.ok());
        CHECK(refused.error().message ==
              "Staff member \"5002\" (Sam Ortiz): the badge already "
              "belongs to Jordan Diaz; they were not added");
        CHECK_FALSE(store->users().find_by_code("5002").has_value());
    }
    SUBCASE("an inactive user's badge finds no one") {
        store->database().exec("UPDATE users SET active = 0 WHERE code = '5001'", "test");
        CHECK_FALSE(store->users().find_by_badge("BADGE-5001-JD").has_value());
    }
    SUBCASE("a badge with a control character is refused") {
        const auto refused =
            store->add_user({"5003", "Kim Lee", pos::Role::clerk, "5557", "BAD\nGE"});
        REQUIRE_FALSE(refused.ok());
        CHECK(refused.error().message.find("a badge must be 4 to 64 printable characters") !=
              std::string::npos);
    }
}

TEST_CASE("All four roles are stored and read back") {
    TempDir dir;
    auto store = db_test::open(dir.file("terminal.db"));
    const pos::Role roles[] = {pos::Role::clerk, pos::Role::supervisor, pos::Role::manager,
                               pos::Role::administrator};
    int code = 2000;
    for (const pos::Role role : roles) {
        const std::string staff = std::to_string(++code);
        REQUIRE(store->add_user({staff, "Person " + staff, role, "2468"}));
        CHECK(store->users().find_by_code(staff)->role == role);
    }
    CHECK(store->database().query_text("SELECT role FROM users WHERE code = '2004'", "test") ==
          "administrator");
}

TEST_CASE("The permission table, the limits, the returns policy and the store code are kept") {
    TempDir dir;
    const auto file = dir.file("terminal.db");
    pos::StoreSettings saved = db_test::test_settings();
    saved.store_code = "S042";
    saved.permissions.set(pos::Permission::no_sale, pos::Role::supervisor);
    saved.permissions.set(pos::Permission::post_void, pos::Role::administrator);
    saved.permissions.discount_limit = pos::Rate{150'000};
    saved.permissions.refund_limit_minor = 12'500;
    saved.returns.lowest_price_days = 14;
    saved.returns.no_receipt_cash_allowed = true;
    saved.returns.limit_days = 60;
    saved.returns.limit_count = 2;
    saved.returns.limit_minor = 4'000;
    {
        auto store = db_test::open(file);
        REQUIRE(store->save_settings(saved));
    }
    auto store = db_test::open(file);
    const pos::StoreSettings read = store->settings();
    CHECK(read.store_code == "S042");
    CHECK(read.permissions.minimum == saved.permissions.minimum);
    CHECK(read.permissions.required(pos::Permission::post_void) == pos::Role::administrator);
    CHECK(read.permissions.discount_limit.ppm == 150'000);
    CHECK(read.permissions.refund_limit_minor == 12'500);
    CHECK(read.returns.lowest_price_days == 14);
    CHECK(read.returns.no_receipt_cash_allowed);
    CHECK(read.returns.limit_days == 60);
    CHECK(read.returns.limit_count == 2);
    CHECK(read.returns.limit_minor == 4'000);
    CHECK(store->database().query_text(
              "SELECT value FROM settings WHERE key = 'permission.no_sale'", "test") ==
          "supervisor");

    SUBCASE("a store from before these settings reads the defaults") {
        store->database().exec(
            "DELETE FROM settings WHERE key LIKE 'permission.%'"
            " OR key LIKE 'returns.%' OR key LIKE '%_limit_%'",
            "test");
        const pos::StoreSettings defaults = store->settings();
        CHECK(defaults.permissions.minimum == pos::default_permissions().minimum);
        CHECK(defaults.permissions.refund_limit_minor == 5'000);
        CHECK(defaults.returns.lowest_price_days == 30);
        CHECK_FALSE(defaults.returns.no_receipt_cash_allowed);
    }
    SUBCASE("a damaged value is an error naming the key") {
        store->database().exec(
            "UPDATE settings SET value = 'boss' WHERE key = 'permission.post_void'", "test");
        CHECK_THROWS_WITH_AS(store->settings(),
                             "the store's setting permission.post_void is damaged: 'boss' is not "
                             "a role (clerk, supervisor, manager, administrator)",
                             pos::StoreFailure);
        store->database().exec(
            "UPDATE settings SET value = 'manager'"
            " WHERE key = 'permission.post_void'",
            "test");
        store->database().exec(
            "UPDATE settings SET value = '-3' WHERE key = 'returns.lowest_price_days'", "test");
        CHECK_THROWS_WITH_AS(store->settings(),
                             "the store's setting returns.lowest_price_days is damaged: '-3' is "
                             "not between 1 and 3650",
                             pos::StoreFailure);
    }
    SUBCASE("invalid values are refused before anything is saved") {
        pos::StoreSettings bad = saved;
        bad.store_code = "S-1";
        CHECK(store->save_settings(bad).error().message.starts_with("Store code \"S-1\" must be"));
        bad = saved;
        bad.returns.limit_count = -1;
        CHECK(store->save_settings(bad).error().message ==
              "The no-receipt return limits must not be negative; nothing was saved");
        CHECK(store->settings().returns.limit_count == 2);
    }
}

TEST_CASE("The demo store has four staff with roles and badges, a store code and price deals") {
    TempDir dir;
    auto store = db_test::open(dir.file("demo.db"));
    REQUIRE(db::create_demo_store(*store));
    auto& users = store->users();
    CHECK(users.find_by_code("1001")->role == pos::Role::clerk);
    CHECK(users.find_by_code("5001")->role == pos::Role::supervisor);
    CHECK(users.find_by_code("9001")->role == pos::Role::manager);
    CHECK(users.find_by_code("9901")->role == pos::Role::administrator);
    CHECK(users.find_by_code("9901")->name == "Riley Quinn");
    CHECK(users.pin_matches(users.find_by_code("5001")->id, "5555"));
    CHECK(users.pin_matches(users.find_by_code("9901")->id, "2468"));
    CHECK(users.find_by_badge("BADGE-5001-JD")->name == "Jordan Diaz");
    CHECK(users.find_by_badge("BADGE-9001-ML")->name == "Morgan Lee");
    CHECK(store->database().query_int("SELECT count(*) FROM users WHERE badge_hash LIKE '%BADGE%'",
                                      "test") == 0);

    const pos::StoreSettings settings = store->settings();
    CHECK(settings.store_code == "S001");
    CHECK(settings.permissions.minimum == pos::default_permissions().minimum);
    CHECK(settings.returns.lowest_price_days == 30);

    // Whenever a return without a receipt happens (2024 to 2031), the shampoo's and the
    // tomatoes' lowest price of the last 30 days is the deal price.
    const auto shampoo = store->catalogue().find_by_code("5012345000060", db_test::at);
    const auto tomatoes = store->catalogue().find_by_code("4664", db_test::at);
    REQUIRE(shampoo.has_value());
    REQUIRE(tomatoes.has_value());
    constexpr std::int64_t day = 86'400'000;
    for (std::int64_t now = db::demo_opened_at_ms + 30 * day; now < db::demo_deals_end_ms;
         now += 11 * day) {
        INFO("at " << now);
        CHECK(store->archive().lowest_price(shampoo->id, now - 30 * day, now)->minor() == 299);
        CHECK(store->archive().lowest_price(tomatoes->id, now - 30 * day, now)->minor() == 299);
        const auto price = store->catalogue().find_by_code("5012345000060", now)->unit_price;
        CHECK((price.minor() == 349 || price.minor() == 299));
    }
    CHECK(store->catalogue().find_by_code("5012345000060", db_test::at)->unit_price.minor() == 349);
}
