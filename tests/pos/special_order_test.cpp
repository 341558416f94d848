// Special orders: the deposit rule and what is left to pay at pick-up.
#include <doctest/doctest.h>

#include "fakes.hpp"
#include "pos/special_order.hpp"

using fakes::eur_cents;

TEST_CASE("an empty deposit means the minimum share, rounded up to the cent") {
    CHECK(*pos::check_deposit("", eur_cents(4000), 200'000) == eur_cents(800));
    CHECK(*pos::check_deposit("", eur_cents(4001), 200'000) == eur_cents(801));  // 800.2 -> 801
    CHECK(*pos::check_deposit("", eur_cents(4000), 0) == eur_cents(0));
}

TEST_CASE("a deposit between the minimum and the total is taken as keyed") {
    CHECK(*pos::check_deposit("8", eur_cents(4000), 200'000) == eur_cents(800));
    CHECK(*pos::check_deposit("25.50", eur_cents(4000), 200'000) == eur_cents(2550));
    CHECK(*pos::check_deposit("40.00", eur_cents(4000), 200'000) == eur_cents(4000));
}

TEST_CASE("a deposit below the minimum, over the total or not an amount is refused") {
    auto low = pos::check_deposit("5.00", eur_cents(4000), 200'000);
    REQUIRE_FALSE(low.ok());
    CHECK(low.error().code == pos::ErrorCode::bad_input);
    CHECK(low.error().message == "Deposit 5.00 is below the minimum 8.00 (20% of 40.00)");
    CHECK(pos::check_deposit("50", eur_cents(4000), 200'000).error().message ==
          "Deposit 50.00 is more than the order's total 40.00");
    CHECK(pos::check_deposit("0", eur_cents(4000), 0).error().message ==
          "Deposit 0.00: it must be more than zero");
    CHECK(pos::check_deposit("ten", eur_cents(4000), 200'000).error().message.find("deposit: ") ==
          0);
    CHECK(pos::check_deposit("10", eur_cents(0), 200'000).error().message ==
          "The order has no total yet: set the item and quantity first");
    CHECK(pos::check_deposit("1", eur_cents(4000), 125'000).error().message ==
          "Deposit 1.00 is below the minimum 5.00 (12.5% of 40.00)");
}

TEST_CASE("the balance due at pick-up is the total less the deposit held") {
    pos::SpecialOrder order;
    order.total = eur_cents(4000);
    order.deposit = eur_cents(800);
    order.deposit_held = eur_cents(800);
    CHECK(pos::balance_due(order) == eur_cents(3200));
    order.deposit_held = eur_cents(0);  // not paid yet, or used up
    CHECK(pos::balance_due(order) == eur_cents(4000));
    order.deposit_held = eur_cents(5000);
    CHECK(pos::balance_due(order) == eur_cents(0));
}

TEST_CASE("special order statuses have stored names and titles") {
    using S = pos::SpecialOrderStatus;
    CHECK(pos::to_string(S::awaiting_deposit) == "awaiting_deposit");
    CHECK(pos::title(S::awaiting_deposit) == "Awaiting deposit");
    CHECK(pos::special_order_status_from("arrived") == S::arrived);
    CHECK_FALSE(pos::special_order_status_from("lost").has_value());
}
