// The real screens driving the real Terminal on a demo store: taps and keystrokes are injected
// into a headless ImGui frame, the intents it returns are applied, and the test checks what the
// clerk would see and what the store holds.
#include <doctest/doctest.h>

#include "headless_ui.hpp"
#include "terminal_fixture.hpp"

namespace {

struct FrameFixture : TerminalFixture {
    headless::Ui ui;

    void apply(const headless::Intents& intents) {
        for (const auto& intent : intents)
            terminal.apply(intent);
    }
    void tap(const std::string& label) { apply(ui.click(terminal.view(), label)); }
    void type(const std::string& text) { apply(ui.type(terminal.view(), text)); }
    void enter() { apply(ui.press(terminal.view(), headless::key_enter)); }
    void scan(const std::string& text) { apply(ui.scan_burst(terminal.view(), text)); }
    void tap_digits(const std::string& digits, const char* suffix) {
        for (const char c : digits)
            tap(std::string(1, c) + suffix);
    }

    // The no-receipt form filled in for a carton of milk, sent: a clerk needs a supervisor.
    void return_milk_without_receipt() {
        tap("More##sale");
        tap("Return##sale");
        REQUIRE(terminal.screen() == ui::Screen::returns);
        tap("No receipt##return");
        scan(demo::milk);
        tap("customer##noreceipt");
        type("01514960000");
        tap("reason:changed_mind##return");
        tap("goes:restock##return");
        tap("Return it##noreceipt");
        REQUIRE(terminal.view().approval.has_value());
    }
};

}  // namespace

TEST_CASE_FIXTURE(FrameFixture,
                  "a clerk logs in, scans, pays cash by tapping, and the sale is stored") {
    tap("user:1001##login");
    for (const char* key : {"1##keypad", "2##keypad", "3##keypad", "4##keypad"})
        tap(key);
    tap("OK##login");
    REQUIRE(terminal.screen() == ui::Screen::sale);

    // A keyboard-wedge scanner types the digits and Enter into the scan field.
    type(demo::milk);
    enter();
    type(demo::wine);
    enter();
    REQUIRE(terminal.ticket() != nullptr);
    CHECK(terminal.ticket()->lines().size() == 2);
    CHECK(terminal.ticket()->totals().total.minor() == 119 + 899);

    // Key 3 on the keypad, then Qty: the selected (newest) line becomes 3 bottles.
    tap("3##keypad");
    tap("Qty##sale");
    CHECK(terminal.ticket()->lines()[1].quantity.milli == 3000);

    tap("Pay##sale");
    REQUIRE(terminal.screen() == ui::Screen::tender);
    tap("cash:50.00##tender");
    REQUIRE(terminal.screen() == ui::Screen::completed);
    CHECK(store->completed_ticket_count() == 1);
    const auto stored = store->find_ticket("T01-000001");
    REQUIRE(stored.has_value());
    // Three bottles of red make "Any 3 red wines for 20.00".
    CHECK(stored->totals().total.minor() == 119 + 2000);
    CHECK(stored->change_given().minor() == 5000 - (119 + 2000));

    tap("New sale##done");
    CHECK(terminal.screen() == ui::Screen::sale);
    CHECK(terminal.ticket()->lines().empty());
}

TEST_CASE_FIXTURE(FrameFixture, "a mistyped barcode shows the error banner and adds nothing") {
    REQUIRE(terminal.apply(ui::LogIn{"1001", "1234"}).ok());
    type("5012345000016");
    enter();
    CHECK(terminal.ticket()->lines().empty());
    CHECK(terminal.message().kind == ui::MessageKind::error);
    CHECK(terminal.message().text.find("wrong check digit") != std::string::npos);
    tap("Dismiss##message");
    CHECK(terminal.message().kind == ui::MessageKind::none);
}

TEST_CASE_FIXTURE(FrameFixture, "typing a name searches and tapping a result adds it") {
    REQUIRE(terminal.apply(ui::LogIn{"1001", "1234"}).ok());
    type("nordvik digest");
    tap("result:0##sale");
    REQUIRE(terminal.ticket()->lines().size() == 1);
    CHECK(terminal.ticket()->lines()[0].name == "Nordvik Chocolate Digestives 300 g");
}

TEST_CASE_FIXTURE(FrameFixture, "a wrong PIN keyed on the pad keeps the login screen and says so") {
    tap("user:1001##login");
    for (const char* key : {"9##keypad", "9##keypad", "9##keypad", "9##keypad"})
        tap(key);
    tap("OK##login");
    CHECK(terminal.screen() == ui::Screen::login);
    CHECK(terminal.message().text.find("Wrong PIN for Alex Martin") != std::string::npos);
}

TEST_CASE_FIXTURE(FrameFixture, "a clerk returns an item by tapping and refunds it to its cash") {
    log_in();
    const std::string receipt = sell({demo::wine, demo::milk}, "20");
    tap("More##sale");
    tap("Return##sale");
    REQUIRE(terminal.screen() == ui::Screen::returns);
    type(receipt);
    enter();
    REQUIRE(screen<ui::ReturnVm>().receipt == receipt);
    tap("reason:faulty##return");
    tap("goes:return_to_vendor##return");
    tap("return:0##return");
    REQUIRE(terminal.ticket()->lines().size() == 1);
    CHECK(terminal.ticket()->lines()[0].returned.has_value());
    tap("Back##return");
    REQUIRE(terminal.screen() == ui::Screen::sale);
    CHECK(screen<ui::SaleVm>().refund_due);
    tap("Pay##sale");
    REQUIRE(terminal.screen() == ui::Screen::tender);
    REQUIRE(screen<ui::TenderVm>().refund);
    tap("Refund all##tender");
    REQUIRE(terminal.screen() == ui::Screen::completed);
    const auto stored = store->find_ticket("T01-000002");
    REQUIRE(stored.has_value());
    CHECK(stored->kind() == pos::TicketKind::refund);
    CHECK(stored->totals().total.minor() == -899);
    CHECK(screen<ui::CompletedVm>().receipt_text.find("Original receipt " + receipt) !=
          std::string::npos);
}

TEST_CASE_FIXTURE(FrameFixture,
                  "a supervisor approves a return without a receipt on the dialog's keypad") {
    log_in();
    return_milk_without_receipt();
    CHECK(terminal.ticket()->lines().empty());  // nothing until approved
    tap_digits("5001", "##approve");
    tap("pin##approve");
    tap_digits("5555", "##approve");
    tap("reason:0##approve");
    tap("Approve##approve");
    CHECK_FALSE(terminal.view().approval.has_value());
    REQUIRE(terminal.ticket()->lines().size() == 1);
    CHECK(terminal.ticket()->lines()[0].name.find("Milk") != std::string::npos);
    REQUIRE(terminal.ticket()->approvals().size() == 1);
    CHECK(terminal.ticket()->approvals()[0].approver_name == "Jordan Diaz");
    CHECK(terminal.ticket()->approvals()[0].reason == "Customer satisfaction");
}

TEST_CASE_FIXTURE(FrameFixture,
                  "a wrong PIN on the dialog changes nothing and says so; a badge then approves") {
    log_in();
    return_milk_without_receipt();
    tap_digits("5001", "##approve");
    tap("pin##approve");
    tap_digits("9999", "##approve");
    tap("reason:2##approve");
    tap("Approve##approve");
    CHECK(terminal.view().approval.has_value());  // still waiting
    CHECK(terminal.message().kind == ui::MessageKind::error);
    CHECK(terminal.message().text.find("PIN") != std::string::npos);
    CHECK(terminal.ticket()->lines().empty());

    scan("BADGE-5001-JD");
    tap("Approve##approve");
    CHECK_FALSE(terminal.view().approval.has_value());
    REQUIRE(terminal.ticket()->lines().size() == 1);
    REQUIRE(terminal.ticket()->approvals().size() == 1);
    CHECK(terminal.ticket()->approvals()[0].approver_name == "Jordan Diaz");
    CHECK(terminal.ticket()->approvals()[0].reason == "Damaged goods");
}

TEST_CASE_FIXTURE(FrameFixture, "Cancel on the dialog leaves the ticket as it was") {
    log_in();
    return_milk_without_receipt();
    tap("Cancel##approve");
    CHECK_FALSE(terminal.view().approval.has_value());
    CHECK(terminal.ticket()->lines().empty());
}

TEST_CASE_FIXTURE(FrameFixture, "a price keyed on the price panel is approved by a manager") {
    log_in();
    type(demo::wine);
    enter();
    tap_digits("7.50", "##keypad");
    tap("Price##sale");
    tap("Set price##price");
    REQUIRE(terminal.view().approval.has_value());
    CHECK(terminal.ticket()->lines()[0].unit_price.minor() == 899);
    tap_digits("9001", "##approve");
    tap("pin##approve");
    tap_digits("4321", "##approve");
    tap("reason:1##approve");
    tap("Approve##approve");
    CHECK_FALSE(terminal.view().approval.has_value());
    CHECK(terminal.ticket()->lines()[0].unit_price.minor() == 750);
}
