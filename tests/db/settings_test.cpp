#include <doctest/doctest.h>

#include "helpers.hpp"

using db_test::TempDir;

TEST_CASE("Store settings read back as they were saved, also after reopening") {
    TempDir dir;
    const auto file = dir.file("terminal.db");
    pos::StoreSettings saved = db_test::test_settings();
    saved.address_lines = {"Hauptstraße 12", "", "10115 Berlin"};
    saved.receipt_header = {"Open 8-20 daily"};
    saved.receipt_footer = {"Thank you", "Returns within 30 days"};
    saved.receipt_logo = "/srv/counter/logo.png";
    saved.pricing = pos::PricingMode::tax_exclusive;
    saved.currency = pos::Currency::of("JPY", 0);
    {
        auto store = db_test::open(file);
        REQUIRE(store->save_settings(saved));
    }
    auto store = db_test::open(file);
    const pos::StoreSettings read = store->settings();
    CHECK(read.store_name == saved.store_name);
    CHECK(read.address_lines == saved.address_lines);
    CHECK(read.tax_id == saved.tax_id);
    CHECK(read.receipt_header == saved.receipt_header);
    CHECK(read.receipt_footer == saved.receipt_footer);
    CHECK(read.receipt_logo == saved.receipt_logo);
    CHECK(read.terminal_id == saved.terminal_id);
    CHECK(read.currency == saved.currency);
    CHECK(read.pricing == saved.pricing);

    SUBCASE("prices come out in the store's currency") {
        REQUIRE(store->add_tax_rate({"A", "Tax 10%", pos::Rate{100'000}}));
        REQUIRE(store->add_products({db_test::product("4011", "Bananas", 250, "A")}));
        CHECK(store->catalogue().find_by_code("4011", db_test::at)->unit_price ==
              pos::Money(250, pos::Currency::of("JPY", 0)));
    }
    SUBCASE("saving again replaces the previous settings") {
        saved.address_lines = {"Only line"};
        REQUIRE(store->save_settings(saved));
        CHECK(store->settings().address_lines == std::vector<std::string>{"Only line"});
    }
}

TEST_CASE("Settings that would spoil receipts are refused and the old ones kept") {
    TempDir dir;
    auto store = db_test::open(dir.file("terminal.db"));
    REQUIRE(store->save_settings(db_test::test_settings()));
    pos::StoreSettings bad = db_test::test_settings();
    std::string problem;
    SUBCASE("terminal id with a dash") {
        bad.terminal_id = "T-1";
        problem = "Terminal id \"T-1\" must be 1 to 16 letters or digits";
    }
    SUBCASE("empty terminal id") {
        bad.terminal_id = "";
        problem = "Terminal id \"\" must be";
    }
    SUBCASE("no currency") {
        bad.currency = pos::Currency{};
        problem = "is not a 3-letter ISO code";
    }
    SUBCASE("empty store name") {
        bad.store_name = " ";
        problem = "The store name";
    }
    SUBCASE("address line with a line break") {
        bad.address_lines = {"1 High Street\nTestville"};
        problem = "holds a line break";
    }
    SUBCASE("receipt footer line with a line break") {
        bad.receipt_footer = {"Thanks\nBye"};
        problem = "Receipt footer line \"Thanks\nBye\" holds a line break";
    }
    const auto saved = store->save_settings(bad);
    REQUIRE_FALSE(saved.ok());
    CHECK(saved.error().code == pos::ErrorCode::bad_input);
    CHECK(saved.error().message.find(problem) != std::string::npos);
    CHECK(store->settings().terminal_id == "T01");
    CHECK(store->settings().store_name == "Test Market");
}

TEST_CASE("Tax rounding, cash rounding, the overtender limit and the UTC offset are kept") {
    TempDir dir;
    const auto file = dir.file("terminal.db");
    pos::StoreSettings saved = db_test::test_settings();
    saved.tax_rounding = pos::TaxRounding::per_ticket;
    saved.cash_rounding = {5, pos::RoundingMode::half_even};
    saved.cash_overtender_limit_minor = 10'000;
    saved.utc_offset_minutes = -300;
    {
        auto store = db_test::open(file);
        CHECK(store->settings().tax_rounding == pos::TaxRounding::per_line);  // before any
        CHECK(store->settings().cash_rounding.increment_minor == 0);
        REQUIRE(store->save_settings(saved));
    }
    auto store = db_test::open(file);
    const pos::StoreSettings read = store->settings();
    CHECK(read.tax_rounding == pos::TaxRounding::per_ticket);
    CHECK(read.tax_policy().rounding == pos::TaxRounding::per_ticket);
    CHECK(read.cash_rounding.increment_minor == 5);
    CHECK(read.cash_rounding.mode == pos::RoundingMode::half_even);
    CHECK(read.cash_overtender_limit_minor == 10'000);
    CHECK(read.utc_offset_minutes == -300);

    pos::StoreSettings bad = saved;
    bad.cash_rounding.increment_minor = -5;
    auto refused = store->save_settings(bad);
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().message ==
          "The cash rounding step -0.05 is negative (0 means no cash rounding); nothing was saved");
    bad = saved;
    bad.utc_offset_minutes = 15 * 60;
    refused = store->save_settings(bad);
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().message.starts_with("The store's UTC offset of 900 minutes"));
    CHECK(store->settings().utc_offset_minutes == -300);
}
