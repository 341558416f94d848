// Finding a ticket without its receipt through Terminal::apply. The fake clock starts at
// 2026-09-21 14:13:20 UTC and the terminal runs at UTC.
#include <doctest/doctest.h>

#include "terminal_fixture.hpp"

namespace {

constexpr std::int64_t two_hours_ms = 2LL * 60 * 60 * 1000;

std::vector<std::string> receipts_of(const ui::TicketSearchVm& vm) {
    std::vector<std::string> receipts;
    for (const auto& row : vm.results)
        receipts.push_back(row.receipt);
    return receipts;
}

using Receipts = std::vector<std::string>;

}  // namespace

TEST_CASE_FIXTURE(TerminalFixture, "tickets are found by time, amount, card and item") {
    log_in();
    sell({demo::wine}, "10");  // T01-000001 at 14:13, 8.99
    clock.now += two_hours_ms;
    REQUIRE(terminal.apply(ui::Scan{demo::chocolate, ""}).ok());
    REQUIRE(terminal.apply(ui::TenderCard{"1.29", "AUTH-77", "4242"}).ok());  // T01-000002, 16:13

    REQUIRE(terminal.apply(ui::ShowTicketSearch{}).ok());
    CHECK(terminal.screen() == ui::Screen::ticket_search);
    REQUIRE(terminal.apply(ui::FindTickets{}).ok());
    auto vm = screen<ui::TicketSearchVm>();
    CHECK(receipts_of(vm) == Receipts{"T01-000002", "T01-000001"});  // newest first
    CHECK(vm.summary == "2 tickets found");
    CHECK(vm.results[1].when == "2026-09-21 14:13");
    CHECK(vm.results[1].total == "EUR 8.99");
    CHECK(vm.results[1].kind == "Sale");
    CHECK(vm.results[1].clerk == "Alex Martin");

    struct Case {
        ui::FindTickets find;
        Receipts found;
    };
    const std::vector<Case> cases = {
        {{"15:00", "", "", "", ""}, {"T01-000002"}},
        {{"", "15:00", "", "", ""}, {"T01-000001"}},
        {{"2026-09-21 14:00", "2026-09-21 14:13", "", "", ""}, {"T01-000001"}},
        {{"2026-09-21", "2026-09-21", "", "", ""}, {"T01-000002", "T01-000001"}},
        {{"2026-09-22", "", "", "", ""}, {}},
        {{"", "", "8.99", "", ""}, {"T01-000001"}},
        {{"", "", "", "4242", ""}, {"T01-000002"}},
        {{"", "", "", "AUTH-77", ""}, {"T01-000002"}},
        {{"", "", "", "", demo::chocolate}, {"T01-000002"}},
    };
    for (const auto& c : cases) {
        CAPTURE(c.find.from);
        CAPTURE(c.find.to);
        CAPTURE(c.find.amount);
        CAPTURE(c.find.card);
        CAPTURE(c.find.item);
        REQUIRE(terminal.apply(c.find).ok());
        CHECK(receipts_of(screen<ui::TicketSearchVm>()) == c.found);
    }
    REQUIRE(terminal.apply(ui::FindTickets{"", "", "9.00", "", ""}).ok());
    CHECK(screen<ui::TicketSearchVm>().summary == "No ticket matches: amount 9.00");
}

TEST_CASE_FIXTURE(TerminalFixture, "malformed search criteria say what was wrong") {
    log_in();
    sell({demo::wine}, "10");
    REQUIRE(terminal.apply(ui::FindTickets{}).ok());
    struct Case {
        ui::FindTickets find;
        std::string says;
    };
    const std::vector<Case> cases = {
        {{"25:00", "", "", "", ""}, "'25:00' is not a time"},
        {{"2026-02-30", "", "", "", ""}, "'2026-02-30' is not a time"},
        {{"yesterday", "", "", "", ""}, "'yesterday' is not a time"},
        {{"", "", "12,50", "", ""}, "12,50"},
        {{"16:00", "15:00", "", "", ""}, "The search ends (15:00) before it starts (16:00)"},
    };
    for (const auto& c : cases) {
        CAPTURE(c.says);
        const auto message = refusal(c.find);
        CAPTURE(message);
        CHECK(message.find(c.says) != std::string::npos);
        CHECK(receipts_of(screen<ui::TicketSearchVm>()) == Receipts{"T01-000001"});
    }
    CHECK(refusal(ui::OpenFound{5}) == "There is no found ticket 6 (there are 1)");
}

TEST_CASE_FIXTURE(TerminalFixture, "a found ticket is shown as printed and opened for a return") {
    log_in();
    sell({demo::wine}, "10");
    REQUIRE(terminal.apply(ui::FindTickets{"", "", "8.99", "", ""}).ok());
    REQUIRE(terminal.apply(ui::OpenFound{0}).ok());
    const auto vm = screen<ui::TicketSearchVm>();
    CHECK(vm.shown_receipt == "T01-000001");
    CHECK(vm.shown_text.find("Receipt T01-000001") != std::string::npos);
    CHECK(vm.shown_text.find("Valbrook Rioja") != std::string::npos);
    CHECK(vm.can_return);

    REQUIRE(terminal.apply(ui::StartReturn{}).ok());
    CHECK(terminal.screen() == ui::Screen::returns);
    CHECK(screen<ui::ReturnVm>().receipt == "T01-000001");
    REQUIRE(terminal.apply(ui::BackToSale{}).ok());
    CHECK(terminal.screen() == ui::Screen::sale);
}
