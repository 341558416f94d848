#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

#include "terminal_fixture.hpp"

TEST_CASE_FIXTURE(TerminalFixture, "the login screen lists the demo staff") {
    const auto vm = screen<ui::LoginVm>();
    CHECK(vm.store_name == "Counter Demo Market");
    REQUIRE(vm.users.size() == 4);
    CHECK(vm.users[0].name == "Alex Martin");
    CHECK(vm.users[0].role == "Clerk");
    CHECK(vm.users[1].role == "Supervisor");
    CHECK(vm.users[2].role == "Manager");
    CHECK(vm.users[3].name == "Riley Quinn");
    CHECK(vm.users[3].role == "Administrator");
}

TEST_CASE_FIXTURE(TerminalFixture, "a wrong PIN stays on the login screen with a message") {
    auto r = terminal.apply(ui::LogIn{"1001", "0000"});
    CHECK_FALSE(r.ok());
    CHECK(terminal.screen() == ui::Screen::login);
    const auto frame = terminal.view();
    CHECK(frame.message.kind == ui::MessageKind::error);
    CHECK(frame.message.text == "Wrong PIN for Alex Martin: 9 tries left before the account locks");
}

TEST_CASE_FIXTURE(TerminalFixture,
                  "ten wrong PINs lock the clerk out, and the lock survives a restart") {
    for (int i = 0; i < 10; ++i)
        terminal.apply(ui::LogIn{"1001", "0000"});
    ui::Terminal restarted({*store, clock, ids, printer, 0});
    auto r = restarted.apply(ui::LogIn{"1001", "1234"});
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().message.find("locked out") != std::string::npos);
    clock.now += 30 * 60 * 1000;
    CHECK(restarted.apply(ui::LogIn{"1001", "1234"}).ok());
}

TEST_CASE_FIXTURE(TerminalFixture,
                  "scanning adds lines and the sale screen shows them with the total") {
    log_in();
    REQUIRE(terminal.apply(ui::Scan{demo::milk, ""}).ok());
    REQUIRE(terminal.apply(ui::Scan{demo::wine, "2"}).ok());
    REQUIRE(terminal.apply(ui::Scan{demo::bananas, "0.455"}).ok());
    const auto vm = screen<ui::SaleVm>();
    REQUIRE(vm.lines.size() == 3);
    CHECK(vm.lines[0].name == "Hillcrest Whole Milk 1 L");
    CHECK(vm.lines[1].quantity == "2");
    CHECK(vm.lines[1].amount == "17.98");
    CHECK(vm.lines[2].quantity == "0.455 kg");
    CHECK(vm.lines[2].unit_price == "1.99/kg");
    CHECK(vm.lines[2].amount == "0.91");
    CHECK(vm.lines[2].selected);
    CHECK(vm.total == "EUR 20.08");
    CHECK(vm.item_count == "4 items");
    CHECK(vm.can_pay);
}

TEST_CASE_FIXTURE(TerminalFixture, "each bad input shows a message and leaves the sale unchanged") {
    log_in();
    REQUIRE(terminal.apply(ui::Scan{demo::milk, ""}).ok());
    struct Case {
        ui::Intent intent;
        std::string says;
    };
    const std::vector<Case> cases = {
        {ui::Scan{"4009999999995", ""}, "No product has the code 4009999999995"},
        {ui::Scan{"5012345000016", ""}, "wrong check digit"},
        {ui::Scan{"50123X5000015", ""}, "digits only"},
        {ui::Scan{demo::milk, "0"}, "more than zero"},
        {ui::Scan{demo::milk, "100000"}, "too large"},
        {ui::Scan{demo::bananas, ""}, "sold by weight"},
        {ui::SetQuantity{"0"}, "more than zero"},
        {ui::SetQuantity{"1.5"}, "whole number"},
        {ui::PickResult{3, ""}, "no search result 4"},
    };
    for (const auto& c : cases) {
        CAPTURE(c.says);
        auto r = terminal.apply(c.intent);
        REQUIRE_FALSE(r.ok());
        CAPTURE(r.error().message);
        CHECK(r.error().message.find(c.says) != std::string::npos);
        const auto frame = terminal.view();
        CHECK(frame.message.kind == ui::MessageKind::error);
        CHECK(frame.message.text == r.error().message);
        const auto vm = screen<ui::SaleVm>();
        REQUIRE(vm.lines.size() == 1);
        CHECK(vm.lines[0].quantity == "1");
        CHECK(vm.total == "EUR 1.19");
    }
}

TEST_CASE_FIXTURE(TerminalFixture, "search as you type and pick a result") {
    log_in();
    REQUIRE(terminal.apply(ui::Search{"nordv choc dig"}).ok());
    auto vm = screen<ui::SaleVm>();
    REQUIRE(vm.search_results.size() == 1);
    CHECK(vm.search_results[0].name == "Nordvik Chocolate Digestives 300 g");
    CHECK(vm.search_results[0].price == "1.39");
    REQUIRE(terminal.apply(ui::PickResult{0, "2"}).ok());
    vm = screen<ui::SaleVm>();
    REQUIRE(vm.lines.size() == 1);
    CHECK(vm.lines[0].quantity == "2");
    CHECK(vm.search_results.empty());  // picking clears the search
}

TEST_CASE_FIXTURE(TerminalFixture, "quantity changes and voids act on the selected line") {
    log_in();
    terminal.apply(ui::Scan{demo::milk, ""});
    terminal.apply(ui::Scan{demo::sourdough, ""});
    REQUIRE(terminal.apply(ui::SelectLine{0}).ok());
    REQUIRE(terminal.apply(ui::SetQuantity{"3"}).ok());
    CHECK(screen<ui::SaleVm>().lines[0].amount == "3.19");  // "2 for 2.00" + 1.19
    CHECK(screen<ui::SaleVm>().lines[0].saving == "2 for 2.00  -0.38");
    REQUIRE(terminal.apply(ui::VoidLine{"wrong item"}).ok());
    const auto vm = screen<ui::SaleVm>();
    REQUIRE(vm.lines.size() == 2);
    CHECK(vm.lines[0].voided);
    CHECK(vm.lines[0].amount == "VOID");
    CHECK(vm.total == "EUR 2.24");  // 10% off Bakery
    CHECK_FALSE(vm.can_edit_line);  // the voided line is still selected
    CHECK_FALSE(terminal.apply(ui::SelectLine{5}).ok());
}

TEST_CASE_FIXTURE(TerminalFixture,
                  "too little cash is refused, enough completes, prints and stores the sale") {
    log_in();
    terminal.apply(ui::Scan{demo::milk, ""});
    terminal.apply(ui::Scan{demo::sourdough, ""});
    terminal.apply(ui::Scan{demo::wine, ""});
    REQUIRE(terminal.apply(ui::Pay{}).ok());
    const auto tender = screen<ui::TenderVm>();
    // Milk 1.19 + sourdough 2.49 less 10% off Bakery (2.24) + wine 8.99.
    CHECK(tender.due == "EUR 12.42");
    CHECK(tender.quick_cash == std::vector<std::string>{"12.42", "20.00", "50.00", "100.00"});

    auto short_cash = terminal.apply(ui::TenderCash{"10"});
    REQUIRE_FALSE(short_cash.ok());
    CHECK(short_cash.error().message ==
          "Cash 10.00 is less than the 12.42 due: key the amount received");
    CHECK(terminal.screen() == ui::Screen::tender);
    CHECK(store->completed_ticket_count() == 0);

    REQUIRE(terminal.apply(ui::TenderCash{"20"}).ok());
    const auto done = screen<ui::CompletedVm>();
    CHECK(done.receipt_number == "T01-000001");
    CHECK(done.change == "EUR 7.58");
    CHECK(done.receipt_text.find("Receipt T01-000001") != std::string::npos);
    CHECK(done.print_status.find("Printed to") != std::string::npos);

    auto stored = store->find_ticket("T01-000001");
    REQUIRE(stored.has_value());
    CHECK(stored->lines().size() == 3);
    CHECK(stored->totals().total.minor() == 1242);
    CHECK(stored->totals().savings.minor() == 25);
    CHECK(stored->change_given().minor() == 758);

    std::ifstream printed(dir.path() / "spool" / "T01-000001.txt");
    std::stringstream text;
    text << printed.rdbuf();
    CHECK(text.str() == done.receipt_text);
}

TEST_CASE_FIXTURE(TerminalFixture, "a failed print does not undo the sale") {
    drivers::SpoolPrinter broken(dir.path() / "terminal.db" / "not-a-folder");
    ui::Terminal t({*store, clock, ids, broken, 0});
    REQUIRE(t.apply(ui::LogIn{"1001", "1234"}).ok());
    t.apply(ui::Scan{demo::milk, ""});
    REQUIRE(t.apply(ui::TenderCash{"5"}).ok());
    const auto frame = t.view();
    const auto& done = std::get<ui::CompletedVm>(frame.screen);
    CHECK(done.print_status.find("Not printed") != std::string::npos);
    CHECK(store->completed_ticket_count() == 1);
}

TEST_CASE_FIXTURE(TerminalFixture, "scanning after a completed sale starts the next one") {
    log_in();
    terminal.apply(ui::Scan{demo::milk, ""});
    REQUIRE(terminal.apply(ui::TenderCash{"1.19"}).ok());
    REQUIRE(terminal.apply(ui::Scan{demo::chocolate, ""}).ok());
    CHECK(terminal.screen() == ui::Screen::sale);
    const auto vm = screen<ui::SaleVm>();
    REQUIRE(vm.lines.size() == 1);
    CHECK(vm.total == "EUR 1.29");
    REQUIRE(terminal.apply(ui::TenderCash{"2"}).ok());
    CHECK(screen<ui::CompletedVm>().receipt_number == "T01-000002");
}

TEST_CASE_FIXTURE(TerminalFixture, "the clerk cannot log out in the middle of a sale") {
    log_in();
    terminal.apply(ui::Scan{demo::milk, ""});
    CHECK_FALSE(terminal.apply(ui::LogOut{}).ok());
    terminal.apply(ui::VoidLine{});
    CHECK(terminal.apply(ui::LogOut{}).ok());
    CHECK(terminal.screen() == ui::Screen::login);
}

TEST_CASE_FIXTURE(TerminalFixture, "nothing can be sold before logging in") {
    auto r = terminal.apply(ui::Scan{demo::milk, ""});
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().message.find("Log in first") != std::string::npos);
    CHECK(terminal.screen() == ui::Screen::login);
}

TEST_CASE_FIXTURE(TerminalFixture,
                  "the sale screen counts suspended sales as they are parked and resumed") {
    log_in();
    CHECK(screen<ui::SaleVm>().suspended_count.empty());
    terminal.apply(ui::Scan{demo::milk, ""});
    REQUIRE(terminal.apply(ui::Suspend{"blue coat"}).ok());
    auto vm = screen<ui::SaleVm>();
    CHECK(vm.suspended_count == "1 suspended");
    CHECK(vm.can_resume);
    REQUIRE(terminal.apply(ui::ShowSuspended{}).ok());
    const auto list = screen<ui::SuspendedListVm>();
    REQUIRE(list.tickets.size() == 1);
    CHECK(list.tickets[0].label == "blue coat");
    REQUIRE(terminal.apply(ui::ResumeTicket{list.tickets[0].ticket_id}).ok());
    vm = screen<ui::SaleVm>();
    CHECK(vm.suspended_count.empty());
    CHECK(vm.total == "EUR 1.19");
}
