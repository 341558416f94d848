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
    CHECK(std::get<ui::Search>(intent_of("search   choc dig \r")).text == "choc dig");
    CHECK(std::get<ui::PickResult>(intent_of("pick 2")).index == 1);
    CHECK(std::get<ui::SelectLine>(intent_of("select 1")).index == 0);
    CHECK(std::get<ui::SetQuantity>(intent_of("qty 3")).quantity == "3");
    CHECK(std::get<ui::TenderCash>(intent_of("pay cash 20.00")).amount == "20.00");
    CHECK(std::holds_alternative<ui::Pay>(intent_of("pay")));
    CHECK(std::holds_alternative<ui::VoidLine>(intent_of("remove")));
    CHECK(std::get<ui::VoidLine>(intent_of("void wrong item")).reason == "wrong item");
    CHECK(std::get<ui::VoidTicket>(intent_of("void sale walked out")).reason == "walked out");
    CHECK(std::get<ui::DiscountLine>(intent_of("discount 10%")).discount == "10%");
    CHECK(std::get<ui::DiscountTicket>(intent_of("discount sale 2.00")).discount == "2.00");
    auto price = std::get<ui::OverridePrice>(intent_of("price 5.00 approve 9001 4321 price match"));
    CHECK(price.unit_price == "5.00");
    CHECK(price.approver_code == "9001");
    CHECK(price.approver_pin == "4321");
    CHECK(price.reason == "price match");
    CHECK(std::get<ui::TenderCash>(intent_of("pay cash 10 part")).part_payment);
    auto card = std::get<ui::TenderCard>(intent_of("pay card 7.48 AUTH-1 4242"));
    CHECK(card.amount == "7.48");
    CHECK(card.reference == "AUTH-1");
    CHECK(card.last4 == "4242");
    CHECK(std::get<ui::TenderGiftCard>(intent_of("pay gift 6006000000001")).amount.empty());
    CHECK(std::get<ui::TenderStoreCredit>(intent_of("pay credit 7007000000001 5")).amount == "5");
    CHECK(std::get<ui::Suspend>(intent_of("suspend blue coat")).label == "blue coat");
    CHECK(std::get<ui::NoSale>(intent_of("nosale float check")).reason == "float check");
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
    CHECK(error_of("pay card 10").find("pay card AMOUNT REFERENCE LAST4") != std::string::npos);
    CHECK(error_of("logout now").find("'logout' needs the form: logout") != std::string::npos);
    CHECK(error_of("new x").find("'new' needs the form: new") != std::string::npos);
    CHECK(error_of("resume first").find("number from 1") != std::string::npos);
    CHECK(error_of("expect 10").find("expect total AMOUNT") != std::string::npos);
}
