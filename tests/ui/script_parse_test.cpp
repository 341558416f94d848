#include <doctest/doctest.h>

#include "ui/script.hpp"

namespace {

ui::Intent intent_of(const std::string& line) {
    auto parsed = ui::parse_script_line(line);
    REQUIRE(parsed.ok());
    REQUIRE(parsed->has_value());
    REQUIRE(std::holds_alternative<ui::Intent>(**parsed));
    return std::get<ui::Intent>(**parsed);
}

std::string error_of(const std::string& line) {
    auto parsed = ui::parse_script_line(line);
    REQUIRE_FALSE(parsed.ok());
    return parsed.error().message;
}

}  // namespace

TEST_CASE("script lines become the intents the screens send") {
    auto login = std::get<ui::LogIn>(intent_of("login 1001 1234"));
    CHECK(login.staff_code == "1001");
    CHECK(login.pin == "1234");
    auto scan = std::get<ui::Scan>(intent_of("  scan 4011 0.450"));
    CHECK(scan.code == "4011");
    CHECK(scan.quantity == "0.450");
    CHECK(std::get<ui::Search>(intent_of("search choc dig")).text == "choc dig");
    CHECK(std::get<ui::PickResult>(intent_of("pick 2")).index == 1);
    CHECK(std::get<ui::SelectLine>(intent_of("select 1")).index == 0);
    CHECK(std::get<ui::SetQuantity>(intent_of("qty 3")).quantity == "3");
    CHECK(std::get<ui::TenderCash>(intent_of("pay cash 20.00")).amount == "20.00");
    CHECK(std::holds_alternative<ui::Pay>(intent_of("pay")));
    CHECK(std::holds_alternative<ui::RemoveLine>(intent_of("remove")));
    CHECK(std::holds_alternative<ui::NewSale>(intent_of("new")));
}

TEST_CASE("comments and blank lines are skipped") {
    for (const char* line : {"", "   ", "# sell three items", "#"}) {
        auto parsed = ui::parse_script_line(line);
        REQUIRE(parsed.ok());
        CHECK_FALSE(parsed->has_value());
    }
}

TEST_CASE("a malformed line says what form it needs") {
    CHECK(error_of("scna 123").find("unknown command 'scna 123'") != std::string::npos);
    CHECK(error_of("login 1001").find("login STAFF_CODE PIN") != std::string::npos);
    CHECK(error_of("scan").find("scan CODE [QUANTITY]") != std::string::npos);
    CHECK(error_of("pick 0").find("number from 1") != std::string::npos);
    CHECK(error_of("pick two").find("number from 1, not 'two'") != std::string::npos);
    CHECK(error_of("pay card 10").find("pay cash AMOUNT") != std::string::npos);
    CHECK(error_of("expect 10").find("expect total AMOUNT") != std::string::npos);
}
