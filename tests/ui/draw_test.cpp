// Headless frame tests: a real ImGui context with the real fonts, input injected the way the SDL
// backend of ImGui 1.86 does (mouse position and button, key-down array, character queue).
#include <doctest/doctest.h>
#include <imgui.h>

#include <algorithm>
#include <functional>
#include <initializer_list>
#include <iterator>
#include <map>
#include <string>
#include <vector>

#include "headless_ui.hpp"
#include "layout_check.hpp"
#include "ui/draw.hpp"

namespace {

using headless::all_of;
using headless::display_h;
using headless::display_w;
using headless::Intents;
using headless::key_backspace;
using headless::key_enter;
using headless::Layout;
using headless::taps;
using headless::Ui;

ui::FrameVm login_vm() {
    ui::LoginVm login;
    login.store_name = "Corner Shop";
    login.users = {{"1001", "Anna Berg", "Clerk"}, {"2001", "Marco Rossi", "Manager"}};
    return {login, {}, "Corner Shop · T01", {}};
}

ui::FrameVm sale_vm(std::size_t lines = 3, bool can_pay = true) {
    ui::SaleVm sale;
    for (std::size_t i = 0; i < lines; ++i) {
        ui::TicketLineVm line;
        line.name = "Sparkling water 1.5 l";
        line.quantity = "2";
        line.unit_price = "0.89";
        line.amount = "1.78";
        line.tax_code = "A";
        line.selected = i + 1 == lines;  // the newest line is selected
        sale.lines.push_back(line);
    }
    sale.item_count = std::to_string(lines) + " items";
    sale.subtotal = "10.00";
    sale.tax = "0.95";
    sale.total = "EUR 10.95";
    sale.can_pay = can_pay;
    sale.can_edit_line = lines > 0;
    sale.can_suspend = can_pay;
    return {sale, {}, "Corner Shop · T01 · Anna Berg", {}};
}

ui::SaleVm& sale_of(ui::FrameVm& vm) {
    return std::get<ui::SaleVm>(vm.screen);
}

// A line on a "3 for 2", a voided line, and the savings in the totals.
ui::FrameVm sale_with_savings() {
    auto vm = sale_vm(3);
    auto& sale = sale_of(vm);
    sale.lines[0] = {"Yoghurt 500 g",  "3",   "1.29", "2.58", "B",
                     "3 for 2  -1.29", false, false,  false,  ""};
    sale.lines[1] = {"Sparkling water 1.5 l", "1", "0.89", "VOID", "A", "", true, false, false, ""};
    sale.savings = "-1.29";
    return vm;
}

// An empty sale after two were suspended.
ui::FrameVm empty_sale_with_suspended() {
    auto vm = sale_vm(0, false);
    auto& sale = sale_of(vm);
    sale.can_resume = true;
    sale.suspended_count = "2 suspended";
    return vm;
}

ui::FrameVm with_results(ui::FrameVm vm) {
    auto& sale = sale_of(vm);
    sale.search_text = "col";
    sale.search_results = {{"5449000000996", "Cola 0.33 l", "1.20"},
                           {"5449000131805", "Cola Zero 0.33 l", "1.20"},
                           {"2000000000015", "Cola cake", "2.49/kg"}};
    return vm;
}

ui::FrameVm with_one_result(ui::FrameVm vm, const std::string& text) {
    auto& sale = sale_of(vm);
    sale.search_text = text;
    sale.search_results = {{"4000000000011", "Whole milk 1 l", "1.19"}};
    return vm;
}

ui::FrameVm tender_vm() {
    ui::TenderVm tender;
    tender.total = "EUR 12.34";
    tender.due = "EUR 12.34";
    tender.cash_due = "EUR 12.35";
    tender.due_amount = "12.34";
    tender.quick_cash = {"12.35", "15.00", "20.00", "50.00"};
    return {tender, {}, "Corner Shop · T01 · Anna Berg", {}};
}

// Part paid: a gift card and some cash taken, the rest still due.
ui::FrameVm tender_part_paid() {
    auto vm = tender_vm();
    auto& tender = std::get<ui::TenderVm>(vm.screen);
    tender.due = "EUR 4.34";
    tender.cash_due = "EUR 4.35";
    tender.due_amount = "4.34";
    tender.quick_cash = {"4.35", "5.00", "10.00", "20.00"};
    tender.payments = {{"Gift card ••0001", "5.00"}, {"Cash", "3.00"}};
    tender.can_go_back = false;
    return vm;
}

ui::FrameVm completed_vm() {
    ui::CompletedVm done;
    done.receipt_number = "T01-000042";
    done.total = "EUR 12.34";
    done.paid = "EUR 20.00";
    done.change = "EUR 7.66";
    done.receipt_text = "Corner Shop\nSparkling water 1.5 l   2 x 0.89   1.78 A\nTOTAL EUR 12.34\n";
    done.print_status = "Printed to spool/T01-000042.txt";
    return {done, {}, "Corner Shop · T01 · Anna Berg", {}};
}

ui::FrameVm suspended_vm(std::size_t rows = 2) {
    ui::SuspendedListVm list;
    for (std::size_t i = 0; i < rows; ++i) {
        list.tickets.push_back({"ticket-" + std::to_string(i), i == 0 ? "blue coat" : "",
                                "Anna Berg · 14:02 · 3 items · EUR 12.34"});
    }
    return {list, {}, "Corner Shop · T01 · Anna Berg", {}};
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

TEST_CASE("Qty sets the quantity keyed on the selected line, and Void voids it") {
    Ui app;
    const auto vm = sale_vm();
    const auto quantities = all_of<ui::SetQuantity>(app.click_all(vm, {"5##keypad", "Qty##sale"}));
    REQUIRE(quantities.size() == 1);
    CHECK(quantities[0].quantity == "5");
    CHECK(app.state.scan_text.empty());
    CHECK(all_of<ui::VoidLine>(app.click(vm, "Void##sale")).size() == 1);
}

TEST_CASE("Disc. discounts the selected line by the percentage or amount keyed") {
    Ui app;
    const auto vm = sale_vm();
    SUBCASE("10% on the keypad, with its % key, which Enter does not take for a barcode") {
        CHECK(app.click_all(vm, {"1##keypad", "0##keypad", "%##keypad", "Enter##keypad"}).empty());
        app.click(vm, "Clear##keypad");
        const auto discounts = all_of<ui::DiscountLine>(
            app.click_all(vm, {"1##keypad", "0##keypad", "%##keypad", "%##keypad", "Disc.##sale"}));
        REQUIRE(discounts.size() == 1);
        CHECK(discounts[0].discount == "10%");
    }
    SUBCASE("an amount typed on a keyboard") {
        app.type(vm, "2.00");
        const auto discounts = all_of<ui::DiscountLine>(app.click(vm, "Disc.##sale"));
        REQUIRE(discounts.size() == 1);
        CHECK(discounts[0].discount == "2.00");
    }
    CHECK(app.state.scan_text.empty());
    CHECK(app.click(vm, "Disc.##sale").empty());  // nothing keyed: nothing to discount by
}

TEST_CASE("the line actions do nothing while no live line is selected") {
    Ui app;
    auto vm = sale_vm();
    sale_of(vm).can_edit_line = false;  // say the selected line was voided
    app.type(vm, "5");
    const Intents out =
        app.click_all(vm, {"Qty##sale", "Void##sale", "Disc.##sale", "Price##sale"});
    CHECK(all_of<ui::SetQuantity>(out).empty());
    CHECK(all_of<ui::VoidLine>(out).empty());
    CHECK(all_of<ui::DiscountLine>(out).empty());
    CHECK_FALSE(app.state.price.open);
    CHECK(app.state.scan_text == "5");  // still there for the next scan
}

TEST_CASE("a price override is sent with the price keyed; the approval comes in its own dialog") {
    Ui app;
    const auto vm = sale_vm();
    app.click_all(vm, {"7##keypad", ".##keypad", "5##keypad", "0##keypad", "Price##sale"});
    REQUIRE(app.state.price.open);
    CHECK(app.has("Set price##price"));
    CHECK_FALSE(app.has("Pay##sale"));  // the panel takes the right side until done
    CHECK_FALSE(app.has("7##keypad"));
    CHECK(app.state.price.price == "7.50");  // what was keyed before Price
    SUBCASE("on the panel's keypad") {
        app.click_all(vm, {"⌫##price", "⌫##price", "9##price", "9##price"});
    }
    SUBCASE("on a keyboard") {
        app.press(vm, key_backspace);
        app.press(vm, key_backspace);
        app.type(vm, "99");
    }
    const auto overrides = all_of<ui::OverridePrice>(app.click(vm, "Set price##price"));
    REQUIRE(overrides.size() == 1);
    CHECK(overrides[0].unit_price == "7.99");
    CHECK(overrides[0].approver_code.empty());  // asked for by the Terminal when needed
    CHECK(overrides[0].approver_pin.empty());
    CHECK_FALSE(app.state.price.open);
    CHECK(app.has("Pay##sale"));
}

TEST_CASE("the price panel: the price can be keyed there, and Cancel sends nothing") {
    Ui app;
    const auto vm = sale_vm();
    app.click(vm, "Price##sale");
    CHECK(app.click(vm, "Set price##price").empty());  // nothing keyed yet
    app.click_all(vm, {"3##price", ".##price", "9##price", "9##price"});
    CHECK(app.state.price.price == "3.99");
    const Intents out = app.click(vm, "Cancel##price");
    CHECK(all_of<ui::OverridePrice>(out).empty());
    CHECK_FALSE(app.state.price.open);
    CHECK(app.state.price.price.empty());
}

TEST_CASE("the price holds 9 characters: a barcode scanned into it is dropped") {
    Ui app;
    const auto vm = sale_vm();
    app.click_all(vm, {"Price##sale"});
    const Intents out = app.scan_burst(vm, "4006381333931");
    CHECK(out.empty());
    CHECK(app.state.price.price.empty());
    CHECK_FALSE(app.state.notice.empty());
}

TEST_CASE("More swaps the keypad for the less frequent actions, and back") {
    Ui app;
    const auto vm = sale_vm();
    app.click(vm, "More##sale");
    for (const char* label : {"Sale disc.##sale", "Suspend##sale", "Resume##sale",
                              "Void sale##sale", "No sale##sale", "Log out##sale"}) {
        CHECK_MESSAGE(app.has(label), label);
    }
    CHECK_FALSE(app.has("7##keypad"));
    CHECK(app.has("Pay##sale"));  // Pay and the line actions stay where they were
    CHECK(app.has("Qty##sale"));
    app.click(vm, "More##sale");
    CHECK(app.has("7##keypad"));
    CHECK_FALSE(app.has("Suspend##sale"));
}

TEST_CASE("Sale disc. discounts the whole sale by what was keyed before More") {
    Ui app;
    const auto vm = sale_vm();
    // Nothing keyed: nothing to discount by.
    CHECK(app.click_all(vm, {"More##sale", "Sale disc.##sale", "More##sale"}).empty());
    app.click_all(vm, {"5##keypad", "%##keypad", "More##sale"});
    const auto discounts = all_of<ui::DiscountTicket>(app.click(vm, "Sale disc.##sale"));
    REQUIRE(discounts.size() == 1);
    CHECK(discounts[0].discount == "5%");
    CHECK_FALSE(app.state.more);  // done: back to the keypad
}

TEST_CASE("Suspend parks the sale under the name typed for it") {
    Ui app;
    const auto vm = sale_vm();
    app.click(vm, "More##sale");
    app.type(vm, "blue coat");
    const auto suspends = all_of<ui::Suspend>(app.click(vm, "Suspend##sale"));
    REQUIRE(suspends.size() == 1);
    CHECK(suspends[0].label == "blue coat");
    CHECK(app.state.scan_text.empty());
    const auto empty = sale_vm(0, false);  // nothing to suspend
    app.click(empty, "More##sale");
    CHECK(app.click(empty, "Suspend##sale").empty());
}

TEST_CASE("Resume lists the suspended sales, and only when the sale is empty") {
    Ui app;
    const auto busy = sale_vm();
    app.click(busy, "More##sale");
    CHECK(app.click(busy, "Resume##sale").empty());
    CHECK(
        all_of<ui::ShowSuspended>(app.click(empty_sale_with_suspended(), "Resume##sale")).size() ==
        1);
}

TEST_CASE("No sale opens the drawer only when the sale has no lines") {
    Ui app;
    const auto busy = sale_vm();
    app.click(busy, "More##sale");
    CHECK(app.click(busy, "No sale##sale").empty());
    CHECK(all_of<ui::NoSale>(app.click(sale_vm(0, false), "No sale##sale")).size() == 1);
}

TEST_CASE("Void sale asks for a second tap on Confirm void before voiding the sale") {
    Ui app;
    const auto vm = sale_vm();
    app.click(vm, "More##sale");
    CHECK(app.click(vm, "Void sale##sale").empty());
    CHECK(app.has("Confirm void##sale"));
    CHECK_FALSE(app.has("Void sale##sale"));
    SUBCASE("confirmed") {
        CHECK(all_of<ui::VoidTicket>(app.click(vm, "Confirm void##sale")).size() == 1);
        CHECK_FALSE(app.state.more);
    }
    SUBCASE("or not: closing More forgets the first tap") {
        app.click_all(vm, {"More##sale", "More##sale"});
        CHECK(app.has("Void sale##sale"));
        CHECK_FALSE(app.has("Confirm void##sale"));
    }
}

TEST_CASE("Void sale is disabled on an empty sale") {
    Ui app;
    const auto empty = sale_vm(0, false);
    app.click(empty, "More##sale");
    CHECK(app.click(empty, "Void sale##sale").empty());
    CHECK_FALSE(app.has("Confirm void##sale"));
}

TEST_CASE("Log out is under More") {
    Ui app;
    const auto vm = sale_vm();
    app.click(vm, "More##sale");
    CHECK(all_of<ui::LogOut>(app.click(vm, "Log out##sale")).size() == 1);
}

TEST_CASE("savings show in the totals only when there are some") {
    Ui app;
    app.frame(sale_with_savings());
    CHECK(app.state.texts.count("savings##sale") == 1);
    app.frame(sale_vm());
    CHECK(app.state.texts.count("savings##sale") == 0);
}

TEST_CASE("a line with a saving is taller, to show the saving under it") {
    Ui app;
    const auto vm = sale_with_savings();
    app.idle(vm, 2);
    const ui::Rect with = app.state.widgets.at("line:0##sale");
    const ui::Rect without = app.state.widgets.at("line:2##sale");
    CHECK(with.y1 - with.y0 > without.y1 - without.y0);
}

TEST_CASE("the letter keyboard types a search into the scan field") {
    Ui app;
    const auto vm = sale_vm();
    app.click(vm, "ABC##sale");
    REQUIRE(app.has("Q##letters"));
    CHECK_FALSE(app.has("7##keypad"));
    auto searches = all_of<ui::Search>(
        app.click_all(vm, {"M##letters", "I##letters", "L##letters", "K##letters"}));
    REQUIRE(!searches.empty());
    CHECK(searches.back().text == "milk");
    searches = all_of<ui::Search>(
        app.click_all(vm, {"Space##letters", "Space##letters", "Z##letters", "⌫##letters"}));
    REQUIRE(!searches.empty());
    CHECK(searches.back().text == "milk ");  // one space, however often it is tapped
    app.click(vm, "Clear##letters");
    CHECK(app.state.scan_text.empty());
    app.click(vm, "ABC##sale");
    CHECK_FALSE(app.has("Q##letters"));
    CHECK(app.has("7##keypad"));
}

TEST_CASE("Enter after a name adds the product when it is the only match, and never scans it") {
    Ui app;
    auto vm = sale_vm();
    SUBCASE("one match") {
        app.type(vm, "milk");
        vm = with_one_result(vm, "milk");
        const Intents out = app.press(vm, key_enter);
        CHECK(all_of<ui::Scan>(out).empty());
        const auto picks = all_of<ui::PickResult>(out);
        REQUIRE(picks.size() == 1);
        CHECK(picks[0].index == 0);
        CHECK(picks[0].quantity.empty());
        CHECK(app.state.scan_text.empty());
    }
    SUBCASE("one match, with a quantity keyed before") {
        app.click_all(vm, {"2##keypad", "×##keypad"});
        app.type(vm, "milk");
        vm = with_one_result(vm, "milk");
        const auto picks = all_of<ui::PickResult>(app.press(vm, key_enter));
        REQUIRE(picks.size() == 1);
        CHECK(picks[0].quantity == "2");
    }
    SUBCASE("several matches: nothing, the clerk taps one") {
        app.type(vm, "col");
        vm = with_results(vm);
        const Intents out = app.press(vm, key_enter);
        CHECK(all_of<ui::Scan>(out).empty());
        CHECK(all_of<ui::PickResult>(out).empty());
        CHECK(app.state.scan_text == "col");
    }
    SUBCASE("no match: nothing") {
        app.type(vm, "milk");
        const Intents out = app.press(vm, key_enter);
        CHECK(all_of<ui::Scan>(out).empty());
        CHECK(all_of<ui::PickResult>(out).empty());
    }
    SUBCASE("the one match is for other letters than those in the field: nothing") {
        app.type(vm, "milk");
        vm = with_one_result(vm, "mil");
        CHECK(all_of<ui::PickResult>(app.press(vm, key_enter)).empty());
    }
    SUBCASE("the letter keyboard's Enter does the same") {
        app.type(vm, "milk");
        vm = with_one_result(vm, "milk");
        app.click(vm, "ABC##sale");
        CHECK(all_of<ui::PickResult>(app.click(vm, "Enter##letters")).size() == 1);
    }
}

TEST_CASE("a scanner's codes with letters in them are still scanned") {
    Ui app;
    const auto vm = sale_vm();
    SUBCASE("an AIM symbology identifier in front") {
        CHECK(all_of<ui::Search>(app.type(vm, "]E04006381333931")).empty());
        const auto scans = all_of<ui::Scan>(app.press(vm, key_enter));
        REQUIRE(scans.size() == 1);
        CHECK(scans[0].code == "]E04006381333931");
    }
    SUBCASE("a Code 39 label, sent with its Enter faster than anyone types") {
        const auto scans = all_of<ui::Scan>(app.scan_burst(vm, "ABC-1234"));
        REQUIRE(scans.size() == 1);
        CHECK(scans[0].code == "ABC-1234");
    }
}

TEST_CASE("a new line scrolls the ticket so that it is in view") {
    Ui app;
    app.frame(sale_vm(3));
    app.frame(sale_vm(40));
    app.frame(sale_vm(40));
    CHECK(app.state.widgets.count("line:39##sale") == 1);
    CHECK(app.state.widgets.count("line:0##sale") == 0);
}

TEST_CASE("tapping a suspended sale resumes it, and Back returns to the sale") {
    Ui app;
    const auto vm = suspended_vm();
    const auto resumes = all_of<ui::ResumeTicket>(app.click(vm, "suspended:1##suspended"));
    REQUIRE(resumes.size() == 1);
    CHECK(resumes[0].ticket_id == "ticket-1");
    CHECK(all_of<ui::BackToSale>(app.click(vm, "Back##suspended")).size() == 1);
}

TEST_CASE("with no suspended sales the list offers only Back") {
    Ui app;
    app.idle(suspended_vm(0), 2);
    CHECK(app.state.widgets.size() == 1);
    CHECK(app.has("Back##suspended"));
}

TEST_CASE("a quick-cash button tenders exactly that amount") {
    Ui app;
    const auto cash = all_of<ui::TenderCash>(app.click(tender_vm(), "cash:20.00##tender"));
    REQUIRE(cash.size() == 1);
    CHECK(cash[0].amount == "20.00");
    CHECK_FALSE(cash[0].part_payment);
}

TEST_CASE("an amount keyed on the tender keypad is tendered, and Back returns to the sale") {
    Ui app;
    const auto vm = tender_vm();
    CHECK(app.click(vm, "Tender##tender").empty());  // nothing keyed yet
    const auto cash = all_of<ui::TenderCash>(app.click_all(
        vm, {"1##keypad", "5##keypad", ".##keypad", ".##keypad", "5##keypad", "Tender##tender"}));
    REQUIRE(cash.size() == 1);
    CHECK(cash[0].amount == "15.5");
    CHECK_FALSE(cash[0].part_payment);
    CHECK(app.state.tender_amount.empty());
    CHECK(all_of<ui::BackToSale>(app.click(vm, "Back##tender")).size() == 1);
}

TEST_CASE("Part cash takes less than is due, to pay the rest another way") {
    Ui app;
    const auto vm = tender_vm();
    CHECK(app.click(vm, "Part cash##tender").empty());  // nothing keyed yet
    const auto cash = all_of<ui::TenderCash>(app.click_all(vm, {"5##keypad", "Part cash##tender"}));
    REQUIRE(cash.size() == 1);
    CHECK(cash[0].amount == "5");
    CHECK(cash[0].part_payment);
}

TEST_CASE("Back is disabled once a payment has been taken") {
    Ui app;
    CHECK(app.click(tender_part_paid(), "Back##tender").empty());
}

TEST_CASE("the amounts still due: in cash only when cash rounding makes it differ") {
    Ui app;
    auto vm = tender_vm();
    app.frame(vm);
    CHECK(app.state.texts.count("cash due##tender") == 1);
    std::get<ui::TenderVm>(vm.screen).cash_due = "EUR 12.34";
    app.frame(vm);
    CHECK(app.state.texts.count("cash due##tender") == 0);
}

TEST_CASE("a card is taken with the amount due, the terminal's reference and the last 4 digits") {
    Ui app;
    const auto vm = tender_vm();
    app.click(vm, "Card##tender");
    REQUIRE(app.state.tender.panel == ui::TenderPanel::card);
    CHECK(app.state.tender.amount == "12.34");  // prefilled with what is due
    CHECK(app.click(vm, "Take card##tender").empty());
    SUBCASE("typed on a keyboard, Enter moving on and taking the card at the end") {
        app.type(vm, "AUTH-0042");
        app.press(vm, key_enter);
        app.type(vm, "4242");
        const auto cards = all_of<ui::TenderCard>(app.press(vm, key_enter));
        REQUIRE(cards.size() == 1);
        CHECK(cards[0].amount == "12.34");
        CHECK(cards[0].reference == "AUTH-0042");
        CHECK(cards[0].last4 == "4242");
    }
    SUBCASE("keyed on the panel's keypad, for part of the amount") {
        app.click_all(vm, {"card amount##tender", "Clear##keypad", "5##keypad"});
        app.click_all(vm, {"reference##tender", "8##keypad", "8##keypad", "1##keypad"});
        app.click_all(
            vm, {"last4##tender", "1##keypad", "2##keypad", "3##keypad", "4##keypad", "5##keypad"});
        const auto cards = all_of<ui::TenderCard>(app.click(vm, "Take card##tender"));
        REQUIRE(cards.size() == 1);
        CHECK(cards[0].amount == "5");
        CHECK(cards[0].reference == "881");
        CHECK(cards[0].last4 == "1234");  // a fifth tap is ignored
    }
    CHECK(app.state.tender.panel == ui::TenderPanel::cash);  // done: back to cash
    CHECK(app.state.tender.last4.empty());
}

TEST_CASE("a gift card's number can be scanned into its field, and the amount left empty") {
    Ui app;
    const auto vm = tender_vm();
    app.click(vm, "Gift card##tender");
    CHECK(app.scan_burst(vm, "6280000000001").empty());  // the scan fills the field, no more
    CHECK(app.state.tender.account == "6280000000001");
    CHECK(app.state.tender.field == 1);  // on to the optional amount
    const auto gifts = all_of<ui::TenderGiftCard>(app.click(vm, "Take gift card##tender"));
    REQUIRE(gifts.size() == 1);
    CHECK(gifts[0].account == "6280000000001");
    CHECK(gifts[0].amount.empty());  // as much as it holds, up to what is due
}

TEST_CASE("store credit is taken from the account keyed, for the amount keyed") {
    Ui app;
    const auto vm = tender_vm();
    app.click(vm, "Store credit##tender");
    CHECK(app.click(vm, "Take credit##tender").empty());  // no account yet
    app.click_all(vm, {"7##keypad", "7##keypad", "account amount##tender", "3##keypad"});
    const auto credits = all_of<ui::TenderStoreCredit>(app.click(vm, "Take credit##tender"));
    REQUIRE(credits.size() == 1);
    CHECK(credits[0].account == "77");
    CHECK(credits[0].amount == "3");
}

TEST_CASE("a barcode scanned on the tender screen is not taken as cash") {
    Ui app;
    const auto vm = tender_vm();
    SUBCASE("13 digits and Enter in one burst") {
        CHECK(all_of<ui::TenderCash>(app.scan_burst(vm, "5012345000010")).empty());
    }
    SUBCASE("the digits and the Enter in separate frames") {
        app.type(vm, "5012345000010");
        CHECK(all_of<ui::TenderCash>(app.press(vm, key_enter)).empty());
    }
    SUBCASE("the digits spread over two frames") {
        app.type(vm, "50123450");
        app.type(vm, "00010");
        CHECK(all_of<ui::TenderCash>(app.press(vm, key_enter)).empty());
    }
    CHECK(app.state.tender_amount.empty());
    CHECK(app.state.notice.find("Nothing was sent") != std::string::npos);
    // After a pause, a person keying an amount is heard again.
    app.idle(vm, 30);
    app.type(vm, "20");
    const auto cash = all_of<ui::TenderCash>(app.press(vm, key_enter));
    REQUIRE(cash.size() == 1);
    CHECK(cash[0].amount == "20");
    CHECK(app.state.notice.empty());
}

TEST_CASE("a barcode scanned on the login screen is not tried as a PIN") {
    Ui app;
    const auto vm = login_vm();
    app.click(vm, "user:1001##login");
    CHECK(all_of<ui::LogIn>(app.scan_burst(vm, "4006381333931")).empty());
    CHECK(app.state.pin.empty());
    CHECK_FALSE(app.state.notice.empty());
    app.idle(vm, 30);
    app.type(vm, "12345678");
    const auto logins = all_of<ui::LogIn>(app.press(vm, key_enter));
    REQUIRE(logins.size() == 1);
    CHECK(logins[0].pin == "12345678");  // 8 digits is still a PIN
}

TEST_CASE("the tender amount and the PIN stop at their lengths on the keypad") {
    Ui app;
    const auto tender = tender_vm();
    for (int i = 0; i < 11; ++i) {
        app.click(tender, "9##keypad");
    }
    CHECK(app.state.tender_amount == "999999999");
    const auto login = login_vm();
    app.click(login, "user:1001##login");
    for (int i = 0; i < 10; ++i) {
        app.click(login, "1##keypad");
    }
    CHECK(app.state.pin == "11111111");
}

TEST_CASE("panels and keyed text do not follow the clerk to another screen") {
    Ui app;
    app.click_all(tender_vm(), {"5##keypad", "Card##tender"});
    app.frame(sale_vm());
    app.frame(tender_vm());
    CHECK(app.state.tender.panel == ui::TenderPanel::cash);
    CHECK(app.state.tender_amount.empty());
    app.click_all(sale_vm(), {"More##sale", "ABC##sale"});
    app.frame(suspended_vm());
    app.frame(sale_vm());
    CHECK_FALSE(app.state.more);
    CHECK_FALSE(app.state.letters);
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

namespace {

std::vector<Layout> layouts() {
    auto many_suspended = suspended_vm(12);
    return {
        {"login", login_vm()},
        {"login after a scan burst", login_vm(),
         [](Ui& app, const ui::FrameVm& vm) {
             app.click(vm, "user:2001##login");
             app.scan_burst(vm, "4006381333931");
         }},
        {"sale", sale_vm()},
        {"sale with search results", with_results(sale_vm())},
        {"sale with savings and a voided line", sale_with_savings()},
        {"sale, More", sale_vm(), taps({"More##sale"})},
        {"sale, More, Void sale tapped once", sale_vm(), taps({"More##sale", "Void sale##sale"})},
        {"empty sale, More, with suspended sales", empty_sale_with_suspended(),
         taps({"More##sale"})},
        {"sale, price override", sale_vm(), taps({"Price##sale"})},
        {"sale, price override after a scan burst", sale_vm(),
         [](Ui& app, const ui::FrameVm& vm) {
             app.click(vm, "Price##sale");
             app.scan_burst(vm, "4006381333931");
         }},
        {"sale, letters", sale_vm(), taps({"ABC##sale"})},
        {"sale, letters and results", with_results(sale_vm()), taps({"ABC##sale"})},
        {"sale, letters and More", sale_vm(), taps({"ABC##sale", "More##sale"})},
        {"tender", tender_vm()},
        {"tender after a scan burst", tender_vm(),
         [](Ui& app, const ui::FrameVm& vm) { app.scan_burst(vm, "5012345000010"); }},
        {"tender, part paid", tender_part_paid()},
        {"tender, card", tender_part_paid(), taps({"Card##tender"})},
        {"tender, gift card", tender_part_paid(), taps({"Gift card##tender"})},
        {"tender, store credit", tender_vm(), taps({"Store credit##tender"})},
        {"completed", completed_vm()},
        {"suspended sales", suspended_vm()},
        {"many suspended sales", many_suspended},
        {"no suspended sales", suspended_vm(0)},
    };
}

}  // namespace

TEST_CASE("every widget on every screen and panel is finger-sized, on the display, and apart") {
    for (const Layout& layout : layouts()) {
        check_layout(layout.name, layout.vm, layout.act);
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
    for (const auto& vm : {tender_vm(), tender_part_paid()}) {
        app.frame(vm);
        const ui::Rect due = app.state.texts.at("due##tender");
        CHECK(due.y1 - due.y0 >= 2 * body);
    }
}

TEST_CASE("the store problem screen offers only Quit, and it is touch-sized") {
    Ui ui;
    const ui::FrameVm vm{
        ui::StoreProblemVm{"This terminal's store cannot be opened",
                           "/data/terminal.db is not a Counter database", "Nothing was changed."},
        {},
        "Counter",
        {}};
    const Intents intents = ui.click(vm, "Quit##problem");
    CHECK(all_of<ui::Quit>(intents).size() == 1);
    CHECK(ui.state.widgets.size() == 1);
    const ui::Rect quit = ui.state.widgets.at("Quit##problem");
    CHECK(quit.y1 - quit.y0 >= 38);
}
