#include <doctest/doctest.h>

#include "fakes.hpp"
#include "pos/ticket.hpp"

using fakes::eur_cents;

namespace {

pos::Product product(std::int64_t id, const char* name, const char* dept, std::int64_t cents) {
    return {
        id, std::to_string(id), name, dept, fakes::vat5, eur_cents(cents), pos::UnitOfSale::each};
}

const pos::Product chocolate = product(10, "Chocolate bar", "Sweets", 129);
const pos::Product milk = product(11, "Milk 1 L", "Dairy", 279);
const pos::Product rioja = product(20, "Rioja", "Wine", 899);
const pos::Product merlot = product(21, "Merlot", "Wine", 749);
const pos::Product rose = product(22, "Rosé", "Wine", 699);
const pos::Product cava = product(23, "Cava", "Wine", 599);
const pos::Product coffee = product(30, "Coffee", "Grocery", 449);
const pos::Product shampoo = product(31, "Shampoo", "Toiletries", 349);
const pos::Product loaf = product(40, "Sourdough", "Bakery", 249);
const pos::Product bananas{
    41, "4011", "Bananas", "Produce", fakes::vat5, eur_cents(199), pos::UnitOfSale::kilogram};

pos::Promotion three_for_two() {
    pos::Promotion p;
    p.id = "P1";
    p.name = "3 for 2";
    p.kind = pos::PromotionKind::quantity_break;
    p.product_ids = {chocolate.id};
    p.buy_quantity = 3;
    p.pay_quantity = 2;
    return p;
}

pos::Promotion two_for_five() {
    pos::Promotion p;
    p.id = "P2";
    p.name = "2 for 5.00";
    p.kind = pos::PromotionKind::quantity_break;
    p.product_ids = {milk.id};
    p.buy_quantity = 2;
    p.deal_price_minor = 500;
    return p;
}

pos::Promotion any_three_wines() {
    pos::Promotion p;
    p.id = "P3";
    p.name = "Any 3 wines for 20.00";
    p.kind = pos::PromotionKind::mix_and_match;
    p.product_ids = {rioja.id, merlot.id, rose.id, cava.id};
    p.buy_quantity = 3;
    p.deal_price_minor = 2000;
    return p;
}

pos::Promotion coffee_gets_shampoo() {
    pos::Promotion p;
    p.id = "P4";
    p.name = "Buy coffee, shampoo free";
    p.kind = pos::PromotionKind::buy_x_get_y;
    p.product_ids = {coffee.id};
    p.get_product_ids = {shampoo.id};
    p.buy_quantity = 1;
    p.get_quantity = 1;
    return p;
}

pos::Promotion bakery_ten_percent() {
    pos::Promotion p;
    p.id = "P5";
    p.name = "10% off bakery";
    p.kind = pos::PromotionKind::department_percent;
    p.department = "Bakery";
    p.percent_off = {100'000};
    return p;
}

struct Basket {
    pos::Ticket ticket{"t", "T01", {1, "Alex"}, fakes::eur, {}, 0};
    explicit Basket(std::vector<pos::Promotion> promotions) {
        ticket.set_promotions(std::move(promotions));
    }
    Basket& add(const pos::Product& p, std::int64_t units) {
        ticket.add_line("l" + std::to_string(ticket.lines().size()), p,
                        pos::Quantity::units(units));
        return *this;
    }
    std::int64_t saving(std::size_t line) const {
        return ticket.lines()[line].promotion_saving.minor();
    }
    std::int64_t total() const { return ticket.totals().total.minor(); }
    std::int64_t savings() const { return ticket.totals().savings.minor(); }
};

}  // namespace

TEST_CASE("3 for 2 makes every third unit free, and only whole deals count") {
    for (auto [units, expected] : {std::pair{2, 0}, {3, 129}, {5, 129}, {6, 258}}) {
        CAPTURE(units);
        Basket b({three_for_two()});
        b.add(chocolate, units);
        CHECK(b.saving(0) == expected);
        CHECK(b.total() == units * 129 - expected);
    }
    Basket b({three_for_two()});
    b.add(chocolate, 3);
    CHECK(b.ticket.lines()[0].promotion == "3 for 2");
}

TEST_CASE("3 for 2 counts units across separate lines of the same product") {
    Basket b({three_for_two()});
    b.add(chocolate, 1).add(milk, 1).add(chocolate, 1).add(chocolate, 1);
    CHECK(b.savings() == 129);
    CHECK(b.saving(1) == 0);  // milk is not in the deal
    CHECK(b.saving(0) + b.saving(2) + b.saving(3) == 129);
}

TEST_CASE("2 for 5.00 saves the difference and never costs more than the regular price") {
    Basket b({two_for_five()});
    b.add(milk, 3);
    CHECK(b.saving(0) == 2 * 279 - 500);
    CHECK(b.total() == 500 + 279);

    pos::Promotion dearer = two_for_five();
    dearer.deal_price_minor = 600;  // more than two at 2.79
    Basket c({dearer});
    c.add(milk, 2);
    CHECK(c.savings() == 0);
}

TEST_CASE("mix and match takes the dearest wines into the deal and spreads the saving") {
    Basket b({any_three_wines()});
    b.add(cava, 1).add(rioja, 1).add(rose, 1).add(merlot, 1);
    // Rioja 8.99 + Merlot 7.49 + Rosé 6.99 = 23.47 for 20.00; the cava stays at full price.
    CHECK(b.savings() == 347);
    CHECK(b.saving(0) == 0);
    CHECK(b.saving(1) + b.saving(2) + b.saving(3) == 347);
    CHECK(b.saving(1) > b.saving(3));  // dearer wine, bigger share
    CHECK(b.total() == 2000 + 599);
}

TEST_CASE("buy X get Y gives the Y item free, once per X") {
    Basket b({coffee_gets_shampoo()});
    b.add(coffee, 1).add(shampoo, 2);
    CHECK(b.savings() == 349);
    CHECK(b.saving(0) == 0);    // the coffee is bought at full price
    CHECK(b.saving(1) == 349);  // the saving shows on the shampoo
    CHECK(b.total() == 449 + 349);

    pos::Promotion half = coffee_gets_shampoo();
    half.get_percent_off = {500'000};
    Basket c({half});
    c.add(coffee, 1).add(shampoo, 1);
    CHECK(c.savings() == 175);  // 3.49 / 2, rounded half-up

    Basket none({coffee_gets_shampoo()});
    none.add(shampoo, 1);
    CHECK(none.savings() == 0);
}

TEST_CASE("buy 2 get 1 free within one set discounts the cheapest unit") {
    pos::Promotion p;
    p.id = "P6";
    p.name = "Buy 2 get 1 free";
    p.kind = pos::PromotionKind::buy_x_get_y;
    p.product_ids = {rioja.id, cava.id};
    p.buy_quantity = 2;
    p.get_quantity = 1;
    Basket b({p});
    b.add(rioja, 2).add(cava, 1);
    CHECK(b.savings() == 599);
}

TEST_CASE("percent off a department applies to weighed and counted lines of it") {
    pos::Promotion produce = bakery_ten_percent();
    produce.department = "Produce";
    Basket b({bakery_ten_percent(), produce});
    b.add(loaf, 2).add(coffee, 1);
    b.ticket.add_line("w", bananas, {1250});  // 1.250 kg at 1.99 = 2.49 (2.4875)
    CHECK(b.saving(0) == 50);                 // 10% of 4.98 = 0.498
    CHECK(b.saving(1) == 0);
    CHECK(b.saving(2) == 25);  // 10% of 2.49
}

TEST_CASE("a unit takes part in one promotion only, the higher priority first") {
    pos::Promotion percent;
    percent.id = "P7";
    percent.name = "20% off sweets";
    percent.kind = pos::PromotionKind::department_percent;
    percent.department = "Sweets";
    percent.percent_off = {200'000};
    auto multibuy = three_for_two();
    multibuy.priority = 10;
    Basket b({percent, multibuy});
    b.add(chocolate, 4);
    // Three bars go to 3 for 2 (1.29 off); the fourth gets 20% (0.26).
    CHECK(b.savings() == 129 + 26);
}

TEST_CASE("promotions follow their time window and happy hours") {
    auto p = three_for_two();
    p.starts_at_ms = 1000;
    p.ends_at_ms = 2000;
    CHECK_FALSE(pos::is_active(p, 999, 0));
    CHECK(pos::is_active(p, 1000, 0));
    CHECK_FALSE(pos::is_active(p, 2000, 0));

    auto happy = three_for_two();
    happy.daily_from_minute = 17 * 60;
    happy.daily_to_minute = 19 * 60;
    const std::int64_t day = 1'790'000'000'000 / 86'400'000 * 86'400'000;  // a UTC midnight
    CHECK_FALSE(pos::is_active(happy, day + 16 * 3'600'000, 0));
    CHECK(pos::is_active(happy, day + 17 * 3'600'000, 0));
    CHECK_FALSE(pos::is_active(happy, day + 17 * 3'600'000, 120));  // 19:00 local at UTC+2
}

TEST_CASE("evaluation is deterministic: the same basket always gives the same savings") {
    Basket a({any_three_wines(), three_for_two(), coffee_gets_shampoo()});
    a.add(rioja, 2).add(chocolate, 4).add(merlot, 1).add(coffee, 1).add(shampoo, 1).add(cava, 3);
    Basket b({coffee_gets_shampoo(), three_for_two(), any_three_wines()});  // listed differently
    b.add(rioja, 2).add(chocolate, 4).add(merlot, 1).add(coffee, 1).add(shampoo, 1).add(cava, 3);
    for (std::size_t i = 0; i < a.ticket.lines().size(); ++i)
        CHECK(a.saving(i) == b.saving(i));
    CHECK(a.total() == b.total());
}

TEST_CASE("voided lines take no part in promotions") {
    Basket b({three_for_two()});
    b.add(chocolate, 1).add(chocolate, 1).add(chocolate, 1);
    CHECK(b.savings() == 129);
    b.ticket.void_line(2);
    CHECK(b.savings() == 0);
    CHECK(b.total() == 258);
}
