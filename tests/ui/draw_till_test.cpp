// The till screen from hand-built view-models: counting the float and the blind close on the
// denomination grid, a movement with its amount and reason, the close's figures, and the layout
// rule on every panel (and the sale screen's More panel with Till, Reports and Dashboard).
#include <doctest/doctest.h>

#include "headless_ui.hpp"
#include "layout_check.hpp"

using headless::all_of;

namespace {

ui::FrameVm frame(ui::TillVm till) {
    ui::FrameVm vm;
    vm.screen = std::move(till);
    vm.status_line = "Demo Store  ·  Terminal T01  ·  Alex Martin  ·  10:15";
    return vm;
}

std::vector<ui::DenominationVm> euros() {
    std::vector<ui::DenominationVm> d;
    const std::pair<const char*, std::int64_t> values[] = {
        {"500.00", 50000}, {"200.00", 20000}, {"100.00", 10000}, {"50.00", 5000}, {"20.00", 2000},
        {"10.00", 1000},   {"5.00", 500},     {"2.00", 200},     {"1.00", 100},   {"0.50", 50},
        {"0.20", 20},      {"0.10", 10},      {"0.05", 5},       {"0.02", 2},     {"0.01", 1}};
    for (const auto& [label, value] : values)
        d.push_back({label, value, value < 500});
    return d;
}

ui::TillVm closed_till() {
    ui::TillVm vm;
    vm.title = "Till closed";
    vm.denominations = euros();
    vm.can_open = true;
    return vm;
}

ui::TillVm open_till() {
    ui::TillVm vm;
    vm.open = true;
    vm.title = "Till open: shift 3";
    vm.opened = "Opened by Alex Martin at 08:02 with a float of EUR 150.00";
    vm.activity = "14 tickets · paid out 5.00 · drops 200.00";
    vm.denominations = euros();
    vm.movements = {
        {"11:20", "Paid out", "5.00", "Window cleaner", "Alex Martin, approved by Jordan Diaz"},
        {"14:05", "Drop", "200.00", "", "Alex Martin"}};
    vm.can_move = true;
    vm.can_close = true;
    return vm;
}

ui::TillVm closed_short() {
    ui::TillVm vm = closed_till();
    ui::TillCloseVm c;
    c.title = "Shift 3 closed at 18:02 by Jordan Diaz";
    c.summary = "Cash short by 12.30 (expected 245.60, counted 233.30)";
    c.tenders = {{"Cash", "245.60", "233.30", "-12.30", false, true},
                 {"Card", "310.45", "310.45", "0.00", false, false}};
    c.approval = "Short accepted by Morgan Lee: float miscounted";
    c.count = "100.00x1 50.00x2 20.00x1 10.00x1 2.00x1 1.00x1 0.10x3";
    vm.last_close = c;
    return vm;
}

}  // namespace

TEST_CASE("Open till: the float counted on the denomination grid is sent as a count") {
    headless::Ui ui;
    const auto vm = frame(closed_till());
    ui.click(vm, "Open till##till");
    CHECK(ui.state.till.panel == "open");
    ui.click_all(vm, {"denom:2000##till", "5##till-keys"});
    ui.click_all(vm, {"denom:100##till", "2##till-keys", "0##till-keys"});
    ui.click_all(vm, {"denom:5##till", "4##till-keys"});
    ui.frame(vm);
    CHECK(ui.state.till.counts[2000] == "5");
    CHECK(ui.state.till.counts[100] == "20");
    const auto sent = all_of<ui::OpenTill>(ui.click(vm, "Open till##till-form"));
    REQUIRE(sent.size() == 1);
    CHECK(sent[0].count == "20.00x5 1.00x20 0.05x4");
    // Refused (the view still shows the till closed): what was keyed stays for another try.
    CHECK(ui.state.till.panel == "open");
    // Once the view shows the till open, the panel is gone.
    ui.frame(frame(open_till()));
    CHECK(ui.state.till.panel.empty());
}

TEST_CASE("The blind close sends the count and the card total; it shows nothing expected") {
    headless::Ui ui;
    const auto vm = frame(open_till());
    ui.click(vm, "Close till##till");
    CHECK(ui.state.till.panel == "close");
    ui.click_all(vm, {"denom:5000##till", "3##till-keys"});
    ui.click_all(vm,
                 {"card##till", "1##till-keys", "2##till-keys", ".##till-keys", "4##till-keys"});
    CHECK(ui.state.texts.count("counted##till") == 1);
    const auto sent = all_of<ui::CloseTill>(ui.click(vm, "Close till##till-form"));
    REQUIRE(sent.size() == 1);
    CHECK(sent[0].cash_count == "50.00x3");
    CHECK(sent[0].card_total == "12.4");
    ui.frame(frame(closed_short()));
    CHECK(ui.state.till.panel.empty());
    CHECK(ui.state.texts.count("difference:Cash##till") == 1);
    CHECK(all_of<ui::PrintTillClose>(ui.click(frame(closed_short()), "Print slip##till")).size() ==
          1);
}

TEST_CASE("Paid out: an amount on the keypad and a reason from the presets or the keyboard") {
    headless::Ui ui;
    const auto vm = frame(open_till());
    ui.click(vm, "Paid out##till");
    ui.click_all(vm, {"5##till-keys", "reason:Postage##till"});
    auto sent = all_of<ui::MoveCash>(ui.click(vm, "Record##till-form"));
    REQUIRE(sent.size() == 1);
    CHECK(sent[0].kind == pos::CashMovementKind::paid_out);
    CHECK(sent[0].amount == "5");
    CHECK(sent[0].reason == "Postage");

    SUBCASE("the reason typed on the letter keyboard; the kind changed to a paid-in") {
        ui.click_all(
            vm, {"kind:paid_in##till", "reason##till", "T##letters", "I##letters", "P##letters"});
        sent = all_of<ui::MoveCash>(ui.click(vm, "Record##till-form"));
        REQUIRE(sent.size() == 1);
        CHECK(sent[0].kind == pos::CashMovementKind::paid_in);
        CHECK(sent[0].reason == "tip");
    }
    SUBCASE("Cancel leaves the form with nothing sent") {
        CHECK(ui.click(vm, "Cancel##till").empty());
        CHECK(ui.state.till.panel.empty());
        CHECK(ui.has("Close till##till"));
    }
}

TEST_CASE("A closed till offers only Open till; an open one no Open till") {
    headless::Ui ui;
    ui.frame(frame(closed_till()));
    CHECK(ui.has("Open till##till"));
    CHECK_FALSE(ui.has("Paid out##till"));
    CHECK(all_of<ui::BackToSale>(ui.click(frame(closed_till()), "Back##till")).size() == 1);
    ui.frame(frame(open_till()));
    CHECK_FALSE(ui.has("Open till##till"));
    CHECK(ui.state.texts.count("movement:1##till") == 1);
}

TEST_CASE("The till screen's panels are finger-sized, on the display and apart") {
    using headless::Layout;
    using headless::taps;
    ui::FrameVm sale;
    sale.screen = ui::SaleVm{};
    const std::vector<Layout> layouts = {
        {"till closed", frame(closed_till())},
        {"till open", frame(open_till())},
        {"counting the float", frame(closed_till()), taps({"Open till##till"})},
        {"the blind close", frame(open_till()), taps({"Close till##till"})},
        {"paid out", frame(open_till()), taps({"Paid out##till"})},
        {"paid out, typing the reason", frame(open_till()),
         taps({"Paid out##till", "reason##till"})},
        {"drop", frame(open_till()), taps({"Drop##till"})},
        {"the close's figures", frame(closed_short())},
        {"sale, More with Till, Reports and Dashboard", sale, taps({"More##sale"})},
        {"sale, More and letters", sale, taps({"ABC##sale", "More##sale"})},
    };
    for (const Layout& layout : layouts)
        headless::check_layout(layout.name, layout.vm, layout.act);
}

TEST_CASE("More on the sale screen opens the till, the reports and the dashboard") {
    headless::Ui ui;
    ui::FrameVm sale;
    sale.screen = ui::SaleVm{};
    CHECK(all_of<ui::ShowTill>(ui.click_all(sale, {"More##sale", "Till##sale"})).size() == 1);
    CHECK(all_of<ui::ShowReports>(ui.click_all(sale, {"More##sale", "Reports##sale"})).size() == 1);
    CHECK(all_of<ui::ShowDashboard>(ui.click_all(sale, {"More##sale", "Dashboard##sale"})).size() ==
          1);
}
