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

TEST_CASE("return, exchange, search and approval lines become their intents") {
    CHECK(std::holds_alternative<ui::StartReturn>(intent_of("return")));
    CHECK(std::get<ui::OpenReceipt>(intent_of("receipt S001-T01-000042")).receipt ==
          "S001-T01-000042");
    auto line = std::get<ui::ReturnItem>(intent_of("return line 2 faulty damaged"));
    CHECK(line.index == 1);
    CHECK(line.quantity.empty());
    CHECK(line.reason == "faulty");
    CHECK(line.disposition == "damaged");
    CHECK(std::get<ui::ReturnItem>(intent_of("return line 1 0.250 other restock")).quantity ==
          "0.250");
    auto item = std::get<ui::ReturnWithoutReceipt>(
        intent_of("return item 4011 0.5 faulty restock 5551234"));
    CHECK(item.code == "4011");
    CHECK(item.quantity == "0.5");
    CHECK(item.customer == "5551234");
    CHECK(std::get<ui::ReturnWithoutReceipt>(intent_of("return item 4011 faulty restock 555123"))
              .quantity.empty());

    auto find = std::get<ui::FindTickets>(
        intent_of("find from=2026-11-23 14:00 to=15:30 amount=12.34 card=4242 item=whole milk"));
    CHECK(find.from == "2026-11-23 14:00");
    CHECK(find.to == "15:30");
    CHECK(find.amount == "12.34");
    CHECK(find.card == "4242");
    CHECK(find.item == "whole milk");
    CHECK(std::get<ui::FindTickets>(intent_of("find")).from.empty());
    CHECK(std::get<ui::OpenFound>(intent_of("open 3")).index == 2);
    CHECK(std::get<ui::PostVoid>(intent_of("postvoid rang up twice")).reason == "rang up twice");

    CHECK(std::get<ui::Refund>(intent_of("refund")).method.empty());
    auto cash = std::get<ui::Refund>(intent_of("refund cash 5.00"));
    CHECK(cash.method == "cash");
    CHECK(cash.amount == "5.00");
    auto card = std::get<ui::Refund>(intent_of("refund card AUTH-1 3.00"));
    CHECK(card.reference == "AUTH-1");
    CHECK(card.amount == "3.00");
    auto fresh = std::get<ui::Refund>(intent_of("refund credit new 2.00"));
    CHECK(fresh.method == "credit");
    CHECK(fresh.reference.empty());
    CHECK(fresh.amount == "2.00");
    CHECK(std::get<ui::Refund>(intent_of("refund credit SC1001")).reference == "SC1001");

    auto approve = std::get<ui::Approve>(intent_of("approve 9001 4321 price match"));
    CHECK(approve.staff_code == "9001");
    CHECK(approve.pin == "4321");
    CHECK(approve.reason == "price match");
    auto badge = std::get<ui::Approve>(intent_of("approve badge BADGE-9001-ML known customer"));
    CHECK(badge.badge == "BADGE-9001-ML");
    CHECK(badge.staff_code.empty());
    CHECK(badge.reason == "known customer");
    CHECK(std::get<ui::Decline>(intent_of("decline 5001 5555 no proof")).reason == "no proof");
    CHECK(std::holds_alternative<ui::CancelApproval>(intent_of("cancel")));

    auto expect = ui::parse_script_line("expect refund 4.00");
    REQUIRE(expect.ok());
    CHECK(std::get<ui::ExpectRefund>(**expect).amount == "4.00");
}

TEST_CASE("a malformed return, search or approval line says what form it needs") {
    CHECK(error_of("return line 1 faulty").find("return line N [QUANTITY] REASON DISPOSITION") !=
          std::string::npos);
    CHECK(error_of("return item 4011 faulty restock").find("return item CODE") !=
          std::string::npos);
    CHECK(error_of("return line x faulty restock").find("number from 1, not 'x'") !=
          std::string::npos);
    CHECK(error_of("receipt").find("receipt RECEIPT_NUMBER") != std::string::npos);
    CHECK(error_of("find when=today").find("'find' does not know 'when=today'") !=
          std::string::npos);
    CHECK(error_of("find today").find("'find' does not know 'today'") != std::string::npos);
    CHECK(error_of("open").find("open N") != std::string::npos);
    CHECK(error_of("refund cheque").find("refund cash [AMOUNT]") != std::string::npos);
    CHECK(error_of("refund card").find("refund card REFERENCE [AMOUNT]") != std::string::npos);
    CHECK(error_of("approve 9001 4321").find("approve STAFF_CODE PIN REASON") != std::string::npos);
    CHECK(error_of("decline badge B1").find("decline badge BADGE REASON") != std::string::npos);
    CHECK(error_of("expect change 1").find("expect refund AMOUNT") != std::string::npos);
}
