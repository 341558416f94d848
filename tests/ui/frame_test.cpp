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
