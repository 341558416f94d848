#include <doctest/doctest.h>

#include <numeric>
#include <vector>

#include "fakes.hpp"
#include "pos/money.hpp"

using fakes::eur;
using fakes::eur_cents;
using pos::RoundingMode;

TEST_CASE("amounts add and subtract in minor units and refuse mixed currencies") {
    CHECK((eur_cents(1999) + eur_cents(1)).minor() == 2000);
    CHECK((eur_cents(100) - eur_cents(250)).minor() == -150);
    const pos::Money usd(100, pos::Currency::of("USD", 2));
    CHECK_THROWS_AS(eur_cents(100) + usd, std::invalid_argument);
}

TEST_CASE("multiplying by a quantity is exact and overflow is caught, not wrapped") {
    CHECK(eur_cents(199).times(3).minor() == 597);
    CHECK_THROWS_AS(eur_cents(INT64_MAX / 2).times(3), std::overflow_error);
}

TEST_CASE("each rounding mode rounds ties and non-ties as named") {
    struct Row {
        std::int64_t n;
        RoundingMode mode;
        std::int64_t expected;
    };
    // 25/10 = 2.5 (a tie), 27/10 = 2.7, and their negatives.
    const std::vector<Row> rows = {
        {25, RoundingMode::half_up, 3},     {-25, RoundingMode::half_up, -3},
        {25, RoundingMode::half_down, 2},   {-25, RoundingMode::half_down, -2},
        {25, RoundingMode::half_even, 2},   {35, RoundingMode::half_even, 4},
        {-25, RoundingMode::half_even, -2}, {27, RoundingMode::half_down, 3},
        {21, RoundingMode::up, 3},          {-21, RoundingMode::up, -3},
        {29, RoundingMode::down, 2},        {-29, RoundingMode::down, -2},
        {-21, RoundingMode::floor, -3},     {21, RoundingMode::floor, 2},
        {-29, RoundingMode::ceiling, -2},   {21, RoundingMode::ceiling, 3},
        {30, RoundingMode::half_up, 3},
    };
    for (const auto& row : rows) {
        CAPTURE(row.n);
        CAPTURE(pos::to_string(row.mode));
        CHECK(pos::divide_rounded(row.n, 10, row.mode) == row.expected);
    }
}

TEST_CASE("a rate applies with the named rounding mode") {
    // 20% of 0.125 EUR = 0.025: a tie at the cent.
    const pos::Money amount(125, pos::Currency::of("EUR", 3));  // 0.125 in a 3-decimal currency
    CHECK(amount.apply_rate({200'000}, RoundingMode::half_up).minor() == 25);
    CHECK(eur_cents(1234).apply_rate({88'750}, RoundingMode::half_up).minor() == 110);  // 109.5175
    CHECK(eur_cents(1234).apply_rate({88'750}, RoundingMode::down).minor() == 109);
    // Large amounts do not overflow in the intermediate product.
    CHECK(eur_cents(900'000'000'000'000).apply_rate({200'000}, RoundingMode::half_up).minor() ==
          180'000'000'000'000);
}

TEST_CASE("allocation hands out the remainder so the parts always add up") {
    SUBCASE("three equal shares of 1.00") {
        const std::vector<std::int64_t> w{1, 1, 1};
        auto parts = eur_cents(100).allocate(w);
        CHECK(parts[0].minor() == 34);
        CHECK(parts[1].minor() == 33);
        CHECK(parts[2].minor() == 33);
    }
    SUBCASE("weighted shares, negative amount") {
        const std::vector<std::int64_t> w{70, 20, 10};
        auto parts = eur_cents(-1001).allocate(w);
        std::int64_t sum = 0;
        for (auto& p : parts)
            sum += p.minor();
        CHECK(sum == -1001);
        CHECK(parts[0].minor() == -701);  // 700.7 has the largest remainder
        CHECK(parts[1].minor() == -200);
        CHECK(parts[2].minor() == -100);
    }
    SUBCASE("many odd weights") {
        const std::vector<std::int64_t> w{3, 7, 11, 13, 17, 19, 23};
        for (std::int64_t amount : {1, 99, 12345, 999'999'999}) {
            auto parts = eur_cents(amount).allocate(w);
            std::int64_t sum = 0;
            for (auto& p : parts)
                sum += p.minor();
            CHECK(sum == amount);
        }
    }
    SUBCASE("a zero weight gets nothing") {
        const std::vector<std::int64_t> w{1, 0, 1};
        auto parts = eur_cents(5).allocate(w);
        CHECK(parts[1].minor() == 0);
        CHECK(parts[0].minor() + parts[2].minor() == 5);
    }
    CHECK_THROWS(eur_cents(5).allocate(std::vector<std::int64_t>{0, 0}));
}

TEST_CASE("amounts format and parse without floating point") {
    CHECK(pos::format_amount(eur_cents(1234)) == "12.34");
    CHECK(pos::format_amount(eur_cents(-5)) == "-0.05");
    CHECK(pos::format_amount(pos::Money(500, pos::Currency::of("JPY", 0))) == "500");
    CHECK(pos::format_amount(pos::Money(1, pos::Currency::of("KWD", 3))) == "0.001");

    CHECK(pos::parse_amount("20", eur)->minor() == 2000);
    CHECK(pos::parse_amount("20.5", eur)->minor() == 2050);
    CHECK(pos::parse_amount("0.05", eur)->minor() == 5);
    CHECK(pos::parse_amount(".50", eur)->minor() == 50);

    for (const char* bad : {"", "abc", "1.2.3", "12,50", "1.234", "."}) {
        CAPTURE(bad);
        auto parsed = pos::parse_amount(bad, eur);
        REQUIRE_FALSE(parsed.ok());
        CHECK(parsed.error().code == pos::ErrorCode::bad_input);
    }
    CHECK(pos::parse_amount("1.234", eur).error().message.find("more decimals") !=
          std::string::npos);
}

TEST_CASE("percent rates parse and print") {
    CHECK(pos::parse_percent("20")->ppm == 200'000);
    CHECK(pos::parse_percent("8.875")->ppm == 88'750);
    CHECK(pos::format_percent({88'750}) == "8.875%");
    CHECK(pos::format_percent({200'000}) == "20%");
    CHECK_FALSE(pos::parse_percent("-5").ok());
}
