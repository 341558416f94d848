#include <doctest/doctest.h>

#include "helpers.hpp"

using db_test::TempDir;

namespace {

constexpr std::int64_t day_ms = 24LL * 60 * 60 * 1000;

// Product ids of the small store, in the order added: milk, bread, wine, bananas.
constexpr std::int64_t milk = 1;
constexpr std::int64_t bread = 2;
constexpr std::int64_t wine = 3;

pos::Promotion promotion(std::string id, std::string name, pos::PromotionKind kind) {
    pos::Promotion p;
    p.id = std::move(id);
    p.name = std::move(name);
    p.kind = kind;
    return p;
}

pos::Promotion three_for_two() {
    pos::Promotion p = promotion("milk-3-for-2", "3 for 2", pos::PromotionKind::quantity_break);
    p.product_ids = {milk};
    p.buy_quantity = 3;
    p.pay_quantity = 2;
    p.priority = 30;
    return p;
}

pos::Promotion any_three_for_ten() {
    pos::Promotion p =
        promotion("any-3-for-10", "Any 3 for 10.00", pos::PromotionKind::mix_and_match);
    p.product_ids = {wine, bread, milk};  // order kept as given
    p.buy_quantity = 3;
    p.deal_price_minor = 1000;
    p.priority = 20;
    p.starts_at_ms = db_test::at - day_ms;
    p.ends_at_ms = db_test::at + 7 * day_ms;
    return p;
}

pos::Promotion bread_with_wine() {
    pos::Promotion p =
        promotion("wine-bread-half", "Buy wine, bread half price", pos::PromotionKind::buy_x_get_y);
    p.product_ids = {wine};
    p.buy_quantity = 1;
    p.get_product_ids = {bread};
    p.get_quantity = 1;
    p.get_percent_off = pos::Rate{500'000};
    p.priority = 20;
    return p;
}

pos::Promotion grocery_happy_hour() {
    pos::Promotion p =
        promotion("grocery-hh", "Happy hour 15% off", pos::PromotionKind::department_percent);
    p.department = "Grocery";
    p.percent_off = pos::Rate{150'000};
    p.daily_from_minute = 17 * 60;
    p.daily_to_minute = 19 * 60 + 30;
    p.priority = -5;
    return p;
}

void check_same(const pos::Promotion& a, const pos::Promotion& b) {
    INFO("promotion " << b.id);
    CHECK(a.id == b.id);
    CHECK(a.name == b.name);
    CHECK(a.kind == b.kind);
    CHECK(a.priority == b.priority);
    CHECK(a.product_ids == b.product_ids);
    CHECK(a.department == b.department);
    CHECK(a.buy_quantity == b.buy_quantity);
    CHECK(a.pay_quantity == b.pay_quantity);
    CHECK(a.deal_price_minor == b.deal_price_minor);
    CHECK(a.get_product_ids == b.get_product_ids);
    CHECK(a.get_quantity == b.get_quantity);
    CHECK(a.get_percent_off == b.get_percent_off);
    CHECK(a.percent_off == b.percent_off);
    CHECK(a.starts_at_ms == b.starts_at_ms);
    CHECK(a.ends_at_ms == b.ends_at_ms);
    CHECK(a.daily_from_minute == b.daily_from_minute);
    CHECK(a.daily_to_minute == b.daily_to_minute);
}

std::vector<std::string> ids(const std::vector<pos::Promotion>& promotions) {
    std::vector<std::string> out;
    for (const auto& p : promotions)
        out.push_back(p.id);
    return out;
}

}  // namespace

TEST_CASE("Promotions of every kind read back exactly as they were added, highest priority first") {
    TempDir dir;
    const auto file = dir.file("terminal.db");
    const std::vector<pos::Promotion> added{grocery_happy_hour(), bread_with_wine(),
                                            three_for_two(), any_three_for_ten()};
    {
        auto store = db_test::small_store(file);
        for (const auto& p : added)
            REQUIRE(store->add_promotion(p));
    }
    auto store = db_test::open(file);
    const auto active = store->promotions().promotions_at(db_test::at);
    // Priority 30, then the two at 20 by id, then -5.
    REQUIRE(ids(active) == std::vector<std::string>{"milk-3-for-2", "any-3-for-10",
                                                    "wine-bread-half", "grocery-hh"});
    check_same(active[0], three_for_two());
    check_same(active[1], any_three_for_ten());
    check_same(active[2], bread_with_wine());
    check_same(active[3], grocery_happy_hour());
}

TEST_CASE(
    "Only promotions whose window holds the moment are active: from its start, until its end") {
    TempDir dir;
    auto store = db_test::small_store(dir.file("terminal.db"));
    REQUIRE(store->add_promotion(three_for_two()));      // always
    REQUIRE(store->add_promotion(any_three_for_ten()));  // a week from yesterday
    auto& promotions = store->promotions();
    const pos::Promotion week = any_three_for_ten();
    CHECK(ids(promotions.promotions_at(week.starts_at_ms - 1)) ==
          std::vector<std::string>{"milk-3-for-2"});
    CHECK(ids(promotions.promotions_at(week.starts_at_ms)) ==
          std::vector<std::string>{"milk-3-for-2", "any-3-for-10"});
    CHECK(ids(promotions.promotions_at(week.ends_at_ms - 1)) ==
          std::vector<std::string>{"milk-3-for-2", "any-3-for-10"});
    CHECK(ids(promotions.promotions_at(week.ends_at_ms)) ==
          std::vector<std::string>{"milk-3-for-2"});
}

TEST_CASE("A promotion added again under its id replaces it: how head office ends one early") {
    TempDir dir;
    auto store = db_test::small_store(dir.file("terminal.db"));
    REQUIRE(store->add_promotion(any_three_for_ten()));
    pos::Promotion changed = any_three_for_ten();
    changed.name = "Any 3 for 9.00";
    changed.deal_price_minor = 900;
    changed.product_ids = {bread, milk};
    changed.ends_at_ms = db_test::at + 1;
    REQUIRE(store->add_promotion(changed));
    const auto active = store->promotions().promotions_at(db_test::at);
    REQUIRE(active.size() == 1);
    check_same(active[0], changed);
    CHECK(store->promotions().promotions_at(db_test::at + 1).empty());
}

TEST_CASE("Promotions kept in memory are read again once anyone changes them") {
    TempDir dir;
    const auto file = dir.file("terminal.db");
    auto store = db_test::small_store(file);
    REQUIRE(store->add_promotion(three_for_two()));
    REQUIRE(store->promotions().promotions_at(db_test::at).size() == 1);  // now cached

    SUBCASE("a change written through this store") {
        pos::Promotion changed = three_for_two();
        changed.name = "3 for 2 (changed)";
        REQUIRE(store->add_promotion(changed));
        const auto active = store->promotions().promotions_at(db_test::at);
        REQUIRE(active.size() == 1);
        CHECK(active[0].name == "3 for 2 (changed)");
    }
    SUBCASE("a promotion added by another connection, as sync will") {
        {
            auto other = db_test::open(file);
            REQUIRE(other->add_promotion(any_three_for_ten()));
        }
        CHECK(store->promotions().promotions_at(db_test::at).size() == 2);
    }
}

TEST_CASE("A promotion that cannot work is refused with the reason, and nothing is written") {
    TempDir dir;
    auto store = db_test::small_store(dir.file("terminal.db"));
    pos::Promotion bad = three_for_two();
    std::string problem;
    SUBCASE("a product that is not in the catalogue") {
        bad.product_ids = {milk, 999};
        problem =
            "Promotion \"milk-3-for-2\" (3 for 2): product 999 is not in the catalogue; "
            "it was not added";
    }
    SUBCASE("both a deal price and a quantity to pay for") {
        bad.deal_price_minor = 200;
        problem =
            "Promotion \"milk-3-for-2\" (3 for 2): it needs either a deal price or a "
            "quantity to pay for, not both or neither; it was not added";
    }
    SUBCASE("an end before its start") {
        bad.starts_at_ms = db_test::at;
        bad.ends_at_ms = db_test::at - 1;
        problem =
            "Promotion \"milk-3-for-2\" (3 for 2): it ends before it starts; it was not added";
    }
    SUBCASE("a department percent with no department") {
        bad = grocery_happy_hour();
        bad.department = "";
        problem =
            "Promotion \"grocery-hh\" (Happy hour 15% off): it names no department; it was "
            "not added";
    }
    SUBCASE("a percent over 100") {
        bad = grocery_happy_hour();
        bad.percent_off = pos::Rate{1'500'000};
        problem =
            "Promotion \"grocery-hh\" (Happy hour 15% off): the percent off must be more "
            "than 0% and at most 100%; it was not added";
    }
    const auto added = store->add_promotion(bad);
    REQUIRE_FALSE(added.ok());
    CHECK(added.error().code == pos::ErrorCode::bad_input);
    CHECK(added.error().message == problem);
    CHECK(store->promotions().promotions_at(db_test::at).empty());
    CHECK(store->database().query_int("SELECT count(*) FROM promotion_products", "test") == 0);
}
