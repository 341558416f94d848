#include <doctest/doctest.h>

#include "pos/quantity.hpp"

using pos::UnitOfSale;

TEST_CASE("counted quantities are whole numbers in milli-units") {
    CHECK(pos::parse_quantity("3", UnitOfSale::each)->milli == 3000);
    auto fraction = pos::parse_quantity("1.5", UnitOfSale::each);
    REQUIRE_FALSE(fraction.ok());
    CHECK(fraction.error().message.find("whole number") != std::string::npos);
}

TEST_CASE("weights are kilograms with up to three decimals") {
    CHECK(pos::parse_quantity("0.450", UnitOfSale::kilogram)->milli == 450);
    CHECK(pos::parse_quantity("1.2", UnitOfSale::kilogram)->milli == 1200);
    CHECK(pos::format_quantity({450}, UnitOfSale::kilogram) == "0.450");
    CHECK_FALSE(pos::parse_quantity("0.4505", UnitOfSale::kilogram).ok());
}

TEST_CASE("zero, negative, absurd and garbled quantities are refused with a reason") {
    struct Case {
        const char* text;
        const char* says;
    };
    for (auto c : {Case{"0", "more than zero"}, Case{"-2", "more than zero"},
                   Case{"10000", "too large"}, Case{"99999999999", "too large"},
                   Case{"2x", "not a quantity"}, Case{"", "Enter a quantity"}}) {
        CAPTURE(c.text);
        auto q = pos::parse_quantity(c.text, UnitOfSale::each);
        REQUIRE_FALSE(q.ok());
        CHECK(q.error().code == pos::ErrorCode::bad_input);
        CHECK(q.error().message.find(c.says) != std::string::npos);
    }
    CHECK(pos::parse_quantity("9999", UnitOfSale::each).ok());
    CHECK_FALSE(pos::parse_quantity("100", UnitOfSale::kilogram).ok());
}
