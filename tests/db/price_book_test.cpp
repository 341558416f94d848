#include <doctest/doctest.h>

#include "helpers.hpp"

using db_test::TempDir;

namespace {

constexpr std::int64_t day_ms = 24LL * 60 * 60 * 1000;
constexpr std::int64_t june_2024 = 1'717'200'000'000;  // 2024-06-01T00:00Z
constexpr std::string_view milk = "4000000000013";

std::int64_t milk_price(db::Store& store, std::int64_t at_ms) {
    const auto found = store.catalogue().find_by_code(milk, at_ms);
    REQUIRE(found.has_value());
    return found->unit_price.minor();
}

}  // namespace

TEST_CASE("A price change waits in the price book until its date; then the latest in effect wins") {
    TempDir dir;
    auto store = db_test::small_store(dir.file("terminal.db"));
    REQUIRE(store->add_price(std::string(milk), 129, june_2024));
    REQUIRE(store->add_price(std::string(milk), 99, june_2024 + 7 * day_ms));    // a week's offer
    REQUIRE(store->add_price(std::string(milk), 139, june_2024 + 14 * day_ms));  // and after it

    CHECK(milk_price(*store, db_test::at) == 119);  // the base price, before any entry
    CHECK(milk_price(*store, june_2024 - 1) == 119);
    CHECK(milk_price(*store, june_2024) == 129);  // from the first millisecond of its date
    CHECK(milk_price(*store, june_2024 + 7 * day_ms - 1) == 129);
    CHECK(milk_price(*store, june_2024 + 7 * day_ms) == 99);
    CHECK(milk_price(*store, june_2024 + 14 * day_ms) == 139);
    CHECK(milk_price(*store, june_2024 + 365 * day_ms) == 139);

    SUBCASE("the same price whichever of the product's barcodes is scanned") {
        CHECK(store->catalogue().find_by_code("4000000000020", june_2024)->unit_price.minor() ==
              129);
    }
    SUBCASE("name search shows the price in effect too") {
        const auto found = store->catalogue().search("whole milk", 5, june_2024 + 8 * day_ms);
        REQUIRE(found.size() == 1);
        CHECK(found.front().unit_price.minor() == 99);
    }
    SUBCASE("other products keep their own prices") {
        CHECK(store->catalogue().find_by_code("4000000000044", june_2024)->unit_price.minor() ==
              899);
    }
    SUBCASE("and all of it after reopening the file") {
        store.reset();
        auto reopened = db_test::open(dir.file("terminal.db"));
        CHECK(milk_price(*reopened, june_2024 + 7 * day_ms) == 99);
    }
}

TEST_CASE("A price sent again for the same moment corrects it; a bad price is refused") {
    TempDir dir;
    auto store = db_test::small_store(dir.file("terminal.db"));
    REQUIRE(store->add_price(std::string(milk), 129, june_2024));
    REQUIRE(store->add_price(std::string(milk), 125, june_2024));
    CHECK(milk_price(*store, june_2024) == 125);

    const auto negative = store->add_price(std::string(milk), -5, june_2024 + day_ms);
    REQUIRE_FALSE(negative.ok());
    CHECK(negative.error().code == pos::ErrorCode::bad_input);
    CHECK(negative.error().message ==
          "The price for \"4000000000013\" is negative (-0.05); it was not added");

    const auto unknown = store->add_price("4000000000051", 100, june_2024);
    REQUIRE_FALSE(unknown.ok());
    CHECK(unknown.error().code == pos::ErrorCode::not_found);
    CHECK(unknown.error().message ==
          "No product has the code \"4000000000051\"; the price was not added");
    CHECK(milk_price(*store, june_2024 + 2 * day_ms) == 125);
}

TEST_CASE("Looking a code up is index seeks only, so it stays fast with a million products") {
    TempDir dir;
    auto store = db_test::small_store(dir.file("terminal.db"));
    db::Statement plan(store->database(), "EXPLAIN QUERY PLAN " + db::find_by_code_sql());
    std::string steps;
    while (plan.step())
        steps += plan.column_text(3) + "\n";
    INFO(steps);
    CHECK(steps.find("SCAN") == std::string::npos);  // no step reads a whole table
    CHECK(steps.find("SEARCH prices USING PRIMARY KEY (product_id=? AND effective_from_ms<?)") !=
          std::string::npos);
}
