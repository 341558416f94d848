// The till screen at the Terminal level: opening with a counted float, cash movements with their
// checks and approvals, the blind close (approval to close, a manager for an over/short beyond
// the threshold), its slip, and the store setting that refuses selling with the till closed.
#include <doctest/doctest.h>

#include <algorithm>

#include "terminal_fixture.hpp"
#include "ui/script.hpp"

namespace {

struct TillFixture : TerminalFixture {
    ui::TillVm till() { return screen<ui::TillVm>(); }

    std::optional<pos::Shift> open_shift() {
        return store->till().current_shift(store->settings().terminal_id);
    }

    // Opens the till with 100.00 in notes and 10.00 in coins (110.00).
    void open_till() {
        REQUIRE(terminal.apply(ui::ShowTill{}).ok());
        REQUIRE(terminal.apply(ui::OpenTill{"50.00x1 20.00x2 10.00x1 1.00x10"}).ok());
        REQUIRE(open_shift());
    }

    bool printed(const std::string& name) {
        const auto jobs = devices.print_queue().recent(20);
        return std::any_of(jobs.begin(), jobs.end(), [&](const auto& j) { return j.name == name; });
    }

    // Every text of the till screen, to show that none of it gives the expected cash away.
    static std::string all_text(const ui::TillVm& vm) {
        std::string text = vm.title + "|" + vm.opened + "|" + vm.activity;
        for (const auto& m : vm.movements)
            text += "|" + m.kind + " " + m.amount + " " + m.reason + " " + m.who;
        return text;
    }

    void set_require_open_till() {
        auto settings = store->settings();
        settings.require_open_till = true;
        REQUIRE(store->save_settings(settings).ok());
    }
};

}  // namespace

TEST_CASE_FIXTURE(TillFixture, "The till opens with a float counted by denomination") {
    log_in();
    REQUIRE(terminal.apply(ui::ShowTill{}).ok());
    CHECK(terminal.screen() == ui::Screen::till);
    auto vm = till();
    CHECK_FALSE(vm.open);
    CHECK(vm.title == "Till closed");
    CHECK(vm.can_open);
    REQUIRE(vm.denominations.size() == 15);  // EUR: 500.00 down to 0.01
    CHECK(vm.denominations.front().label == "500.00");
    CHECK_FALSE(vm.denominations.front().coin);
    CHECK(vm.denominations[7].label == "2.00");
    CHECK(vm.denominations[7].coin);

    SUBCASE("a count that cannot be read is refused, naming the word, and nothing opens") {
        const std::string said = refusal(ui::OpenTill{"20.00x5 2.50x1"});
        CHECK(said.find("2.50") != std::string::npos);
        CHECK(terminal.message().text == said);
        CHECK_FALSE(open_shift());
        CHECK_FALSE(till().open);
    }
    SUBCASE("the shift is opened, numbered, shown and the drawer opens for the float") {
        REQUIRE(terminal.apply(ui::OpenTill{"50.00x1 20.00x2 10.00x1 1.00x10"}).ok());
        CHECK(terminal.message().text == "Till open: shift 1 with a float of EUR 110.00");
        CHECK(terminal.view().drawer_open);
        vm = till();
        CHECK(vm.open);
        CHECK(vm.title == "Till open: shift 1");
        CHECK(vm.opened.find("Opened by Alex Martin at ") == 0);
        CHECK(vm.opened.find("with a float of EUR 110.00") != std::string::npos);
        CHECK(vm.activity == "0 tickets");
        CHECK(vm.can_move);
        CHECK(vm.can_close);
        CHECK_FALSE(vm.can_open);
        const auto shift = open_shift();
        REQUIRE(shift);
        CHECK(shift->number == 1);
        CHECK(shift->float_amount.minor() == 11000);
        CHECK(shift->opened_by_name == "Alex Martin");
        // A second open is the store's refusal; the first shift stays.
        const std::string again = refusal(ui::OpenTill{"10.00x1"});
        CHECK(again.find("already open") != std::string::npos);
        CHECK(open_shift()->float_amount.minor() == 11000);
    }
    SUBCASE("Back leaves for the sale") {
        REQUIRE(terminal.apply(ui::BackToSale{}).ok());
        CHECK(terminal.screen() == ui::Screen::sale);
    }
}

TEST_CASE_FIXTURE(TillFixture, "With require_open_till on, selling waits for the till") {
    set_require_open_till();
    log_in();
    CHECK(refusal(ui::Scan{demo::milk, ""}) == "Open the till first: More → Till");
    CHECK(terminal.ticket()->lines().empty());
    REQUIRE(terminal.apply(ui::Search{"milk"}).ok());
    CHECK(refusal(ui::PickResult{0, ""}) == "Open the till first: More → Till");
    open_till();
    REQUIRE(terminal.apply(ui::BackToSale{}).ok());
    REQUIRE(terminal.apply(ui::Scan{demo::milk, ""}).ok());
    CHECK(terminal.ticket()->lines().size() == 1);
}

TEST_CASE_FIXTURE(TillFixture, "Without the setting, selling with the till closed goes on") {
    log_in();
    REQUIRE(terminal.apply(ui::Scan{demo::milk, ""}).ok());
    REQUIRE(terminal.apply(ui::Pay{}).ok());
}

TEST_CASE_FIXTURE(TillFixture, "Cash movements are checked, approved when needed and listed") {
    log_in();
    open_till();
    SUBCASE("a paid-in without a reason, or a bad amount, is refused and nothing is recorded") {
        CHECK(refusal(ui::MoveCash{pos::CashMovementKind::paid_in, "10.00", ""}).size() > 0);
        const std::string bad = refusal(ui::MoveCash{pos::CashMovementKind::paid_in, "1O", "x"});
        CHECK(bad.find("Paid in") == 0);
        CHECK(store->till().movements(open_shift()->id).empty());
        CHECK(till().movements.empty());
    }
    SUBCASE("a drop of more than the drawer should hold is refused") {
        const std::string said = refusal(ui::MoveCash{pos::CashMovementKind::drop, "500.00", ""});
        CHECK(said == "500.00 is more than the drawer should hold, so it cannot be taken out");
        CHECK(said.find("110.00") == std::string::npos);  // blind: the expected cash is not said
        CHECK(store->till().movements(open_shift()->id).empty());
    }
    SUBCASE("a clerk's paid-out waits for a supervisor; Approve records it with the approver") {
        const auto out = ui::MoveCash{pos::CashMovementKind::paid_out, "5.00", "Window cleaner"};
        CHECK_FALSE(terminal.apply(out).ok());
        CHECK(terminal.approval_pending());
        CHECK(store->till().movements(open_shift()->id).empty());
        REQUIRE(terminal.apply(ui::Approve{"5001", "5555", "", "receipt kept"}).ok());
        CHECK_FALSE(terminal.approval_pending());
        CHECK(terminal.message().text.find("Approved by Jordan Diaz") == 0);
        CHECK(terminal.message().text.find("Paid out EUR 5.00: Window cleaner recorded") !=
              std::string::npos);
        const auto moved = store->till().movements(open_shift()->id);
        REQUIRE(moved.size() == 1);
        CHECK(moved[0].approver_name == "Jordan Diaz");
        CHECK(moved[0].amount.minor() == 500);
        const auto vm = till();
        REQUIRE(vm.movements.size() == 1);
        CHECK(vm.movements[0].kind == "Paid out");
        CHECK(vm.movements[0].amount == "5.00");
        CHECK(vm.movements[0].reason == "Window cleaner");
        CHECK(vm.movements[0].who == "Alex Martin, approved by Jordan Diaz");
        CHECK(vm.activity == "0 tickets · paid out 5.00");
    }
    SUBCASE("a paid-in, a drop and a pickup need no approval") {
        REQUIRE(terminal.apply(ui::MoveCash{pos::CashMovementKind::paid_in, "20", "Float top-up"})
                    .ok());
        REQUIRE(terminal.apply(ui::MoveCash{pos::CashMovementKind::drop, "100.00", ""}).ok());
        REQUIRE(terminal.apply(ui::MoveCash{pos::CashMovementKind::pickup, "10.00", ""}).ok());
        CHECK(terminal.message().text == "Pickup EUR 10.00 recorded");
        CHECK(till().movements.size() == 3);
        CHECK(till().activity == "0 tickets · paid in 20.00 · drops 100.00 · pickups 10.00");
    }
}

TEST_CASE_FIXTURE(TillFixture, "Cash movements and the close need an open till") {
    log_in();
    const std::string said = refusal(ui::MoveCash{pos::CashMovementKind::drop, "5.00", ""});
    CHECK(said.find("The till is not open") == 0);
    CHECK(refusal(ui::CloseTill{"0", ""}).find("The till is not open") == 0);
    CHECK(refusal(ui::PrintTillClose{}) ==
          "No till has closed on this terminal yet: nothing to print");
}

TEST_CASE_FIXTURE(TillFixture, "The blind close: nothing expected shows until the count is in") {
    log_in();
    open_till();
    REQUIRE(terminal.apply(ui::BackToSale{}).ok());
    sell({demo::wine}, "20.00");  // 8.99 cash: 118.99 expected in the drawer
    REQUIRE(terminal.apply(ui::ShowTill{}).ok());
    auto vm = till();
    CHECK(vm.activity == "1 ticket");
    CHECK(all_text(vm).find("118.99") == std::string::npos);
    CHECK_FALSE(vm.last_close);

    SUBCASE("a count that balances: a supervisor approves the close; the slip prints") {
        const ui::CloseTill close{
            "100.00x1 10.00x1 5.00x1 2.00x1 1.00x1 0.50x1 0.20x2 0.05x1 0.02x2", "0.00"};
        CHECK_FALSE(terminal.apply(close).ok());  // a clerk: close_till needs a supervisor
        CHECK(terminal.approval_pending());
        CHECK(open_shift());
        REQUIRE(terminal.apply(ui::Approve{"5001", "5555", "", "end of shift"}).ok());
        CHECK_FALSE(open_shift());
        CHECK(terminal.message().text.find("Shift 1 closed: Cash and card balance") !=
              std::string::npos);
        vm = till();
        CHECK_FALSE(vm.open);
        REQUIRE(vm.last_close);
        CHECK(vm.last_close->title.find("Shift 1 closed at ") == 0);
        CHECK(vm.last_close->summary == "Cash and card balance");
        REQUIRE(vm.last_close->tenders.size() == 2);
        CHECK(vm.last_close->tenders[0].tender == "Cash");
        CHECK(vm.last_close->tenders[0].expected == "118.99");
        CHECK(vm.last_close->tenders[0].counted == "118.99");
        CHECK(vm.last_close->tenders[0].difference == "0.00");
        CHECK(vm.last_close->approval.empty());
        CHECK(printed("T01-shift1-close"));
        REQUIRE(terminal.apply(ui::PrintTillClose{}).ok());
        CHECK(printed("T01-shift1-close-copy1"));
        // The next shift opens clean; the last close's slip is still there to print.
        REQUIRE(terminal.apply(ui::OpenTill{"10.00x1"}).ok());
        CHECK_FALSE(till().last_close);
        CHECK(till().title == "Till open: shift 2");
        REQUIRE(terminal.apply(ui::PrintTillClose{}).ok());
        CHECK(printed("T01-shift1-close-copy2"));
    }
    SUBCASE("short beyond the threshold: a supervisor may close, a manager accepts the short") {
        terminal.apply(ui::LogOut{});  // nothing open on the ticket
        REQUIRE(terminal.apply(ui::LogIn{"5001", "5555"}).ok());
        REQUIRE(terminal.apply(ui::ShowTill{}).ok());
        const ui::CloseTill close{"100.00x1 5.00x1", ""};  // 105.00: short by 13.99
        CHECK_FALSE(terminal.apply(close).ok());
        CHECK(terminal.approval_pending());
        const auto approval = terminal.view().approval;
        REQUIRE(approval);
        CHECK(approval->what.find("Cash short by 13.99") != std::string::npos);
        CHECK(open_shift());
        // Another supervisor cannot accept it; the dialog stays.
        CHECK_FALSE(terminal.apply(ui::Approve{"5001", "5555", "", "counted twice"}).ok());
        CHECK(terminal.approval_pending());
        CHECK(open_shift());
        REQUIRE(terminal.apply(ui::Approve{"9001", "4321", "", "float miscounted"}).ok());
        CHECK_FALSE(open_shift());
        vm = till();
        REQUIRE(vm.last_close);
        CHECK(vm.last_close->summary.find("Cash short by 13.99") == 0);
        CHECK(vm.last_close->tenders[0].difference == "-13.99");
        CHECK(vm.last_close->tenders[0].short_);
        CHECK(vm.last_close->approval == "Short accepted by Morgan Lee: float miscounted");
        const auto shifts = store->till().shifts(store->settings().terminal_id, 1);
        REQUIRE(shifts.size() == 1);
        const auto stored = store->till().shift_close(shifts[0].id);
        REQUIRE(stored);
        CHECK(stored->approver_name == "Morgan Lee");
        CHECK(stored->reason == "float miscounted");
        CHECK(stored->closed_by_name == "Jordan Diaz");
    }
    SUBCASE(
        "once the dialog showed the difference, a recount that balances still needs a manager") {
        terminal.apply(ui::LogOut{});
        REQUIRE(terminal.apply(ui::LogIn{"5001", "5555"}).ok());
        REQUIRE(terminal.apply(ui::ShowTill{}).ok());
        CHECK_FALSE(terminal.apply(ui::CloseTill{"100.00x1 5.00x1", ""}).ok());
        REQUIRE(terminal.view().approval);
        CHECK(terminal.view().approval->what.find("expected 118.99") != std::string::npos);
        REQUIRE(terminal.apply(ui::CancelApproval{}).ok());
        // The expected figure is known now: keying it as the count does not close the till alone.
        CHECK_FALSE(terminal
                        .apply(ui::CloseTill{"100.00x1 10.00x1 5.00x1 2.00x1 1.00x1 0.50x1 0.20x2 "
                                             "0.05x1 0.02x2",
                                             ""})
                        .ok());
        CHECK(terminal.approval_pending());
        const auto recount = terminal.view().approval;
        REQUIRE(recount);
        CHECK(recount->what.find("a recount; first counted 100.00x1 5.00x1") != std::string::npos);
        CHECK(open_shift());
        REQUIRE(terminal.apply(ui::Approve{"9001", "4321", "", "recounted with the manager"}).ok());
        CHECK_FALSE(open_shift());
        CHECK(till().last_close->approval ==
              "Recount accepted by Morgan Lee: recounted with the manager");
    }
    SUBCASE("a count that cannot be read is refused and the shift stays open") {
        CHECK(refusal(ui::CloseTill{"20x", ""}).find("20x") != std::string::npos);
        CHECK(refusal(ui::CloseTill{"0", "abc"}).find("card") != std::string::npos);
        CHECK_FALSE(terminal.approval_pending());
        CHECK(open_shift());
    }
}

TEST_CASE_FIXTURE(TillFixture, "The close waits while a sale is open") {
    log_in();
    open_till();
    REQUIRE(terminal.apply(ui::BackToSale{}).ok());
    REQUIRE(terminal.apply(ui::Scan{demo::milk, ""}).ok());
    REQUIRE(terminal.apply(ui::ShowTill{}).ok());
    CHECK_FALSE(till().can_close);
    CHECK(refusal(ui::CloseTill{"0", ""}).find("A sale is open") == 0);
    CHECK(open_shift());
}

TEST_CASE("Till script lines become the till intents; malformed ones say the form") {
    auto intent = [](const std::string& line) {
        auto parsed = ui::parse_script_line(line);
        REQUIRE(parsed.ok());
        REQUIRE(parsed.value());
        return std::get<ui::Intent>(**parsed);
    };
    CHECK(std::holds_alternative<ui::ShowTill>(intent("till")));
    CHECK(std::get<ui::OpenTill>(intent("till open 20.00x5 1.00x20")).count == "20.00x5 1.00x20");
    const auto out = std::get<ui::MoveCash>(intent("till out 5.00 window cleaner"));
    CHECK(out.kind == pos::CashMovementKind::paid_out);
    CHECK(out.amount == "5.00");
    CHECK(out.reason == "window cleaner");
    CHECK(std::get<ui::MoveCash>(intent("till drop 100")).kind == pos::CashMovementKind::drop);
    CHECK(std::get<ui::MoveCash>(intent("till pickup 10")).kind == pos::CashMovementKind::pickup);
    const auto close = std::get<ui::CloseTill>(intent("till close 50.00x2 0.50x3 card 12.40"));
    CHECK(close.cash_count == "50.00x2 0.50x3");
    CHECK(close.card_total == "12.40");
    CHECK(std::get<ui::CloseTill>(intent("till close 0")).card_total.empty());
    CHECK(std::holds_alternative<ui::PrintTillClose>(intent("till print")));
    for (const char* bad : {"till in 5.00", "till out", "till close card 3", "till close 0 card",
                            "till fly", "till open"}) {
        INFO(bad);
        const auto parsed = ui::parse_script_line(bad);
        REQUIRE_FALSE(parsed.ok());
        CHECK(parsed.error().message.find("needs") != std::string::npos);
    }
}
