// Headless frame tests: a real ImGui context with the real fonts, input injected the way the SDL
// backend of ImGui 1.86 does (mouse position and button, key-down array, character queue).
#include <doctest/doctest.h>
#include <imgui.h>

#include <string>
#include <vector>

#include "headless_ui.hpp"
#include "ui/draw.hpp"

namespace {

using headless::display_h;
using headless::display_w;
using headless::Intents;
using headless::key_backspace;
using headless::key_enter;
using headless::Ui;
using ui::Intent;

template <class T>
std::vector<T> all_of(const Intents& intents) {
    std::vector<T> found;
    for (const Intent& i : intents) {
        if (const T* t = std::get_if<T>(&i)) {
            found.push_back(*t);
        }
    }
    return found;
}

ui::FrameVm login_vm() {
    ui::LoginVm login;
    login.store_name = "Corner Shop";
    login.users = {{"1001", "Anna Berg", "Clerk"}, {"2001", "Marco Rossi", "Manager"}};
    return {login, {}, "Corner Shop · T01"};
}

ui::FrameVm sale_vm(std::size_t lines = 3, bool can_pay = true) {
    ui::SaleVm sale;
    sale.clerk_name = "Anna Berg";
    sale.terminal_id = "T01";
    for (std::size_t i = 0; i < lines; ++i) {
        sale.lines.push_back({"400638133393" + std::to_string(i % 10), "Sparkling water 1.5 l", "2",
                              "0.89", "1.78", "A", false});
    }
    sale.item_count = std::to_string(lines) + " items";
    sale.subtotal = "10.00";
    sale.tax = "0.95";
    sale.total = "EUR 10.95";
    sale.can_pay = can_pay;
    return {sale, {}, "Corner Shop · T01 · Anna Berg"};
}

ui::FrameVm with_results(ui::FrameVm vm) {
    auto& sale = std::get<ui::SaleVm>(vm.screen);
    sale.search_text = "col";
    sale.search_results = {{"5449000000996", "Cola 0.33 l", "1.20"},
                           {"5449000131805", "Cola Zero 0.33 l", "1.20"},
                           {"2000000000015", "Cola cake", "2.49/kg"}};
    return vm;
}

ui::FrameVm tender_vm() {
    ui::TenderVm tender{"EUR 12.34", "EUR 12.34", {"12.34", "15.00", "20.00", "50.00"}};
    return {tender, {}, "Corner Shop · T01 · Anna Berg"};
}

ui::FrameVm completed_vm() {
    ui::CompletedVm done;
    done.receipt_number = "T01-000042";
    done.total = "EUR 12.34";
    done.paid = "EUR 20.00";
    done.change = "EUR 7.66";
    done.receipt_text = "Corner Shop\nSparkling water 1.5 l   2 x 0.89   1.78 A\nTOTAL EUR 12.34\n";
    done.print_status = "Printed to spool/T01-000042.txt";
    return {done, {}, "Corner Shop · T01 · Anna Berg"};
}

}  // namespace

TEST_CASE("the base font is 24 px on a 768 px tall screen and stays legible on small ones") {
    CHECK(ui::base_font_px(768) == doctest::Approx(24));
    CHECK(ui::base_font_px(300) >= 16);
}

TEST_CASE("a clerk who taps their name, keys 1 2 3 4 and OK logs in with that PIN") {
    Ui app;
    const auto vm = login_vm();
    app.click(vm, "user:1001##login");
    const Intents out =
        app.click_all(vm, {"1##keypad", "2##keypad", "3##keypad", "4##keypad", "OK##login"});
    const auto logins = all_of<ui::LogIn>(out);
    REQUIRE(logins.size() == 1);
    CHECK(logins[0].staff_code == "1001");
    CHECK(logins[0].pin == "1234");
    CHECK(app.state.pin.empty());
}

TEST_CASE("OK with no user selected sends nothing") {
    Ui app;
    const auto vm = login_vm();
    const Intents out = app.click_all(vm, {"1##keypad", "2##keypad", "OK##login"});
    CHECK(out.empty());
}

TEST_CASE("a PIN keyed for one user is not sent when another user is tapped") {
    Ui app;
    const auto vm = login_vm();
    app.click_all(vm, {"user:1001##login", "1##keypad", "2##keypad", "user:2001##login"});
    CHECK(app.state.pin.empty());
    CHECK(app.state.selected_staff == "2001");
}

TEST_CASE("a physical keyboard keys the PIN: digits, Backspace and Enter") {
    Ui app;
    const auto vm = login_vm();
    app.click(vm, "user:2001##login");
    app.type(vm, "12x35");
    app.press(vm, key_backspace);
    app.type(vm, "4");
    const auto logins = all_of<ui::LogIn>(app.press(vm, key_enter));
    REQUIRE(logins.size() == 1);
    CHECK(logins[0].staff_code == "2001");
    CHECK(logins[0].pin == "1234");
}

TEST_CASE("a barcode typed by a keyboard-wedge scanner and Enter is scanned") {
    Ui app;
    const auto vm = sale_vm();
    SUBCASE("one of each") {
        app.type(vm, "4006381333931");
        const auto scans = all_of<ui::Scan>(app.press(vm, key_enter));
        REQUIRE(scans.size() == 1);
        CHECK(scans[0].code == "4006381333931");
        CHECK(scans[0].quantity.empty());
    }
    SUBCASE("with a quantity keyed first on the keypad") {
        app.click_all(vm, {"3##keypad", "×##keypad"});
        app.type(vm, "4006381333931");
        const auto scans = all_of<ui::Scan>(app.press(vm, key_enter));
        REQUIRE(scans.size() == 1);
        CHECK(scans[0].code == "4006381333931");
        CHECK(scans[0].quantity == "3");
        CHECK(app.state.keypad_quantity.empty());
    }
    SUBCASE("even right after a button was tapped") {
        app.click(vm, "7##keypad");
        app.type(vm, "1");
        const auto scans = all_of<ui::Scan>(app.press(vm, key_enter));
        REQUIRE(scans.size() == 1);
        CHECK(scans[0].code == "71");
    }
    CHECK(app.state.scan_text.empty());
    CHECK(all_of<ui::Search>(app.frame(vm)).empty());
}

TEST_CASE("a code keyed on the on-screen keypad is scanned with its Enter key") {
    Ui app;
    const auto vm = sale_vm();
    const auto scans =
        all_of<ui::Scan>(app.click_all(vm, {"4##keypad", "2##keypad", "Enter##keypad"}));
    REQUIRE(scans.size() == 1);
    CHECK(scans[0].code == "42");
}

TEST_CASE("typing letters searches as the clerk types, and clearing the text clears the search") {
    Ui app;
    const auto vm = sale_vm();
    auto searches = all_of<ui::Search>(app.type(vm, "co"));
    REQUIRE(searches.size() == 1);
    CHECK(searches[0].text == "co");
    searches = all_of<ui::Search>(app.type(vm, "l"));
    REQUIRE(searches.size() == 1);
    CHECK(searches[0].text == "col");
    CHECK(all_of<ui::Search>(app.frame(vm)).empty());  // sent once per change, not every frame
    for (int i = 0; i < 3; ++i) {
        searches = all_of<ui::Search>(app.press(vm, key_backspace));
    }
    REQUIRE(searches.size() == 1);
    CHECK(searches[0].text.empty());
}

TEST_CASE("tapping a search result picks that row") {
    Ui app;
    const auto vm = with_results(sale_vm());
    const auto picks = all_of<ui::PickResult>(app.click(vm, "result:1##sale"));
    REQUIRE(picks.size() == 1);
    CHECK(picks[0].index == 1);
}

TEST_CASE("Pay does nothing while the sale cannot be paid, and asks to pay when it can") {
    Ui app;
    CHECK(all_of<ui::Pay>(app.click(sale_vm(0, false), "Pay##sale")).empty());
    CHECK(all_of<ui::Pay>(app.click(sale_vm(3, true), "Pay##sale")).size() == 1);
}

TEST_CASE("tapping a ticket line selects it") {
    Ui app;
    const auto selects = all_of<ui::SelectLine>(app.click(sale_vm(), "line:1##sale"));
    REQUIRE(selects.size() == 1);
    CHECK(selects[0].index == 1);
}

TEST_CASE("Qty sets the quantity keyed on the selected line, and Remove removes it") {
    Ui app;
    const auto vm = sale_vm();
    const auto quantities = all_of<ui::SetQuantity>(app.click_all(vm, {"5##keypad", "Qty##sale"}));
    REQUIRE(quantities.size() == 1);
    CHECK(quantities[0].quantity == "5");
    CHECK(app.state.scan_text.empty());
    CHECK(all_of<ui::RemoveLine>(app.click(vm, "Remove##sale")).size() == 1);
    CHECK(all_of<ui::LogOut>(app.click(vm, "Log out##sale")).size() == 1);
}

TEST_CASE("a new line scrolls the ticket so that it is in view") {
    Ui app;
    app.frame(sale_vm(3));
    app.frame(sale_vm(40));
    app.frame(sale_vm(40));
    CHECK(app.state.widgets.count("line:39##sale") == 1);
    CHECK(app.state.widgets.count("line:0##sale") == 0);
}

TEST_CASE("a quick-cash button tenders exactly that amount") {
    Ui app;
    const auto cash = all_of<ui::TenderCash>(app.click(tender_vm(), "cash:20.00##tender"));
    REQUIRE(cash.size() == 1);
    CHECK(cash[0].amount == "20.00");
}

TEST_CASE("an amount keyed on the tender keypad is tendered, and Back returns to the sale") {
    Ui app;
    const auto vm = tender_vm();
    CHECK(app.click(vm, "Tender##tender").empty());  // nothing keyed yet
    const auto cash = all_of<ui::TenderCash>(app.click_all(
        vm, {"1##keypad", "5##keypad", ".##keypad", ".##keypad", "5##keypad", "Tender##tender"}));
    REQUIRE(cash.size() == 1);
    CHECK(cash[0].amount == "15.5");
    CHECK(app.state.tender_amount.empty());
    CHECK(all_of<ui::BackToSale>(app.click(vm, "Back##tender")).size() == 1);
}

TEST_CASE("New sale starts the next sale") {
    Ui app;
    CHECK(all_of<ui::NewSale>(app.click(completed_vm(), "New sale##done")).size() == 1);
}

TEST_CASE("scanning on the completed screen scans the first item of the next sale") {
    Ui app;
    const auto vm = completed_vm();
    app.type(vm, "4006381333931");
    const auto scans = all_of<ui::Scan>(app.press(vm, key_enter));
    REQUIRE(scans.size() == 1);
    CHECK(scans[0].code == "4006381333931");
}

TEST_CASE("the message banner's Dismiss button dismisses it") {
    Ui app;
    auto vm = sale_vm();
    SUBCASE("an error") {
        vm.message = {ui::MessageKind::error, "Unknown barcode 123"};
    }
    SUBCASE("a note") {
        vm.message = {ui::MessageKind::info, "Printer back online"};
    }
    CHECK(all_of<ui::DismissMessage>(app.click(vm, "Dismiss##message")).size() == 1);
    vm.message = {};
    app.frame(vm);
    CHECK(app.state.widgets.count("Dismiss##message") == 0);
}

TEST_CASE("every widget on every screen is big enough for a finger and inside the display") {
    Ui app;
    ui::FrameVm vm;
    SUBCASE("login") {
        vm = login_vm();
    }
    SUBCASE("sale") {
        vm = sale_vm();
    }
    SUBCASE("sale with search results and an error") {
        vm = with_results(sale_vm());
        vm.message = {ui::MessageKind::error,
                      "Unknown barcode 4006381333932: no product has this code. Check the "
                      "number or search by name."};
    }
    SUBCASE("tender") {
        vm = tender_vm();
    }
    SUBCASE("completed") {
        vm = completed_vm();
    }
    app.frame(vm);
    app.frame(vm);
    REQUIRE(!app.state.widgets.empty());
    for (const auto& [label, r] : app.state.widgets) {
        INFO(label);
        CHECK(r.y1 - r.y0 >= 38);  // ~10 mm at 96 dpi
        CHECK(r.x1 - r.x0 >= 38);
        CHECK(r.x0 >= 0);
        CHECK(r.y0 >= 0);
        CHECK(r.x1 <= display_w);
        CHECK(r.y1 <= display_h);
    }
}

TEST_CASE("the figures a clerk reads across the counter are drawn in the large fonts") {
    Ui app;
    const float body = ui::base_font_px(static_cast<int>(display_h));
    app.frame(sale_vm());
    REQUIRE(app.state.texts.count("total##sale") == 1);
    const ui::Rect total = app.state.texts.at("total##sale");
    CHECK(total.y1 - total.y0 >= 2 * body);
    app.frame(completed_vm());
    REQUIRE(app.state.texts.count("change##done") == 1);
    const ui::Rect change = app.state.texts.at("change##done");
    CHECK(change.y1 - change.y0 >= 3 * body);
    app.frame(tender_vm());
    const ui::Rect due = app.state.texts.at("due##tender");
    CHECK(due.y1 - due.y0 >= 2 * body);
}

TEST_CASE("the store problem screen offers only Quit, and it is touch-sized") {
    Ui ui;
    const ui::FrameVm vm{ui::StoreProblemVm{"This terminal's store cannot be opened",
                                            "/data/terminal.db is not a Counter database",
                                            "Nothing was changed."},
                         {},
                         "Counter"};
    const Intents intents = ui.click(vm, "Quit##problem");
    CHECK(all_of<ui::Quit>(intents).size() == 1);
    CHECK(ui.state.widgets.size() == 1);
    const ui::Rect quit = ui.state.widgets.at("Quit##problem");
    CHECK(quit.y1 - quit.y0 >= 38);
}
