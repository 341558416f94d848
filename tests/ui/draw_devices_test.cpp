// Headless frame tests of the devices screen, the print banner over every screen, the drawer
// indicator, and codes a keyboard-wedge scanner typed.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "device_vms.hpp"
#include "headless_ui.hpp"
#include "layout_check.hpp"
#include "return_vms.hpp"

namespace {

using headless::all_of;
using headless::Intents;
using headless::Ui;

ui::FrameVm devices_screen() {
    return device_vms::frame(device_vms::devices());
}

ui::FrameVm virtual_screen() {
    return device_vms::frame(device_vms::virtual_devices());
}

ui::FrameVm with_banner(ui::FrameVm vm) {
    vm.print_banner = device_vms::paper_out_banner();
    return vm;
}

ui::FrameVm with_drawer_open(ui::FrameVm vm) {
    vm.drawer_open = true;
    return vm;
}

ui::TenderVm cash_tender() {
    ui::TenderVm tender;
    tender.total = "EUR 12.34";
    tender.due = "EUR 2.34";
    tender.cash_due = "EUR 2.35";
    tender.due_amount = "2.34";
    tender.quick_cash = {"2.35", "5.00"};
    tender.payments = {{"Cash", "10.00"}};
    tender.can_go_back = false;
    return tender;
}

ui::SaleVm small_sale() {
    ui::SaleVm sale;
    sale.lines = {{"Sparkling water 1.5 l", "2", "0.89", "1.78", "A", "", false, true, false, ""}};
    sale.item_count = "1 item";
    sale.subtotal = "1.63";
    sale.tax = "0.15";
    sale.total = "EUR 1.78";
    sale.can_pay = true;
    sale.can_edit_line = true;
    return sale;
}

// The bottom of the lowest widget: what a banner pushes down must stay on the display.
float lowest(const Ui& app) {
    float y = 0;
    for (const auto& [label, r] : app.state.widgets) {
        y = std::max(y, r.y1);
    }
    return y;
}

}  // namespace

TEST_CASE("the devices screen lists each device with its status and last error") {
    Ui app;
    const auto vm = devices_screen();
    app.frame(vm);
    // Only the rows with an error have "Clear error"; every job that may be retried has Retry.
    CHECK(app.has("Clear error:usb:1-2:04b8:0e15##devices"));
    CHECK_FALSE(app.has("Clear error:usb:1-3:05e0:1200##devices"));
    CHECK_FALSE(app.has("Clear error:spool##devices"));
    CHECK(app.has("Retry:44##devices"));
    CHECK(app.has("Retry:43##devices"));
    CHECK_FALSE(app.has("Retry:42##devices"));
    CHECK(app.has("Reprint:42##devices"));
    CHECK_FALSE(app.has("Reprint:44##devices"));
    CHECK(app.has("Test print##devices"));
    CHECK(app.has("Open drawer##devices"));
    CHECK(app.has("Back##devices"));
    // The hardware printer is in use: no virtual paper or cover switches.
    CHECK_FALSE(app.has("Paper out##devices"));
    CHECK_FALSE(app.has("Cover open##devices"));
    REQUIRE(app.state.texts.count("drawer##devices") == 1);
}

TEST_CASE("Clear error on a device's row clears that device's error") {
    Ui app;
    const Intents out = app.click(devices_screen(), "Clear error:usb:1-2:04b8:0e15##devices");
    const auto cleared = all_of<ui::ClearDeviceError>(out);
    REQUIRE(cleared.size() == 1);
    CHECK(cleared[0].device_id == "usb:1-2:04b8:0e15");
    CHECK(out.size() == 1);
}

TEST_CASE("Retry and Reprint in the print queue name their job") {
    Ui app;
    const auto vm = devices_screen();
    const auto retried = all_of<ui::RetryPrint>(app.click(vm, "Retry:43##devices"));
    REQUIRE(retried.size() == 1);
    CHECK(retried[0].job_id == "43");
    const auto reprinted = all_of<ui::ReprintJob>(app.click(vm, "Reprint:42##devices"));
    REQUIRE(reprinted.size() == 1);
    CHECK(reprinted[0].job_id == "42");
}

TEST_CASE("Test print asks for a test page, and Back returns to the sale") {
    Ui app;
    const auto vm = devices_screen();
    CHECK(all_of<ui::TestPrint>(app.click(vm, "Test print##devices")).size() == 1);
    CHECK(all_of<ui::BackToSale>(app.click(vm, "Back##devices")).size() == 1);
}

TEST_CASE("Open drawer sends the reason picked, a drawer check unless another is chosen") {
    Ui app;
    const auto vm = devices_screen();
    auto opened = all_of<ui::OpenDrawer>(app.click(vm, "Open drawer##devices"));
    REQUIRE(opened.size() == 1);
    CHECK(opened[0].reason == "Drawer check");
    CHECK(app.click(vm, "reason:Give change##devices").empty());  // choosing sends nothing
    opened = all_of<ui::OpenDrawer>(app.click(vm, "Open drawer##devices"));
    REQUIRE(opened.size() == 1);
    CHECK(opened[0].reason == "Give change");
}

TEST_CASE("Test print and Open drawer do nothing when the terminal says they cannot") {
    Ui app;
    auto vm = devices_screen();
    auto& d = std::get<ui::DevicesVm>(vm.screen);
    d.can_test_print = false;
    d.can_open_drawer = false;
    CHECK(app.click(vm, "Test print##devices").empty());
    CHECK(app.click(vm, "Open drawer##devices").empty());
    CHECK_FALSE(app.has("reason:Drawer check##devices"));
}

TEST_CASE("the virtual printer's switches turn paper out and cover open on and off") {
    Ui app;
    const auto vm = virtual_screen();  // paper out is on
    auto set = all_of<ui::SetVirtualPrinter>(app.click(vm, "Paper out##devices"));
    REQUIRE(set.size() == 1);
    CHECK_FALSE(set[0].paper_out);
    CHECK_FALSE(set[0].cover_open);
    set = all_of<ui::SetVirtualPrinter>(app.click(vm, "Cover open##devices"));
    REQUIRE(set.size() == 1);
    CHECK(set[0].paper_out);  // left as it is
    CHECK(set[0].cover_open);
}

TEST_CASE("why USB is unavailable is shown on the devices screen") {
    Ui app;
    app.frame(virtual_screen());
    REQUIRE(app.state.texts.count("usb##devices") == 1);
    app.frame(devices_screen());
    CHECK(app.state.texts.count("usb##devices") == 0);
}

TEST_CASE("an empty devices screen says so and still offers Back") {
    Ui app;
    const auto vm = device_vms::frame(ui::DevicesVm{});
    app.frame(vm);
    CHECK(app.has("Back##devices"));
    CHECK(app.click(vm, "Test print##devices").empty());
}

TEST_CASE("the sale screen reaches the devices screen under More") {
    Ui app;
    const auto vm = return_vms::frame(small_sale());
    app.click(vm, "More##sale");
    CHECK(all_of<ui::ShowDevices>(app.click(vm, "Devices##sale")).size() == 1);
}

TEST_CASE("the print banner's Retry sends its job again and Dismiss hides it") {
    Ui app;
    const auto vm = with_banner(return_vms::frame(small_sale()));
    app.frame(vm);
    REQUIRE(app.state.texts.count("message##printbanner") == 1);
    const auto retried = all_of<ui::RetryPrint>(app.click(vm, "Retry##printbanner"));
    REQUIRE(retried.size() == 1);
    CHECK(retried[0].job_id == "44");
    CHECK(all_of<ui::DismissPrintProblem>(app.click(vm, "Dismiss##printbanner")).size() == 1);
}

TEST_CASE("a print that cannot be retried has no Retry on its banner") {
    Ui app;
    auto vm = with_banner(return_vms::frame(small_sale()));
    vm.print_banner->can_retry = false;
    app.frame(vm);
    CHECK_FALSE(app.has("Retry##printbanner"));
    CHECK(app.has("Dismiss##printbanner"));
}

TEST_CASE("the print banner is over every screen, with the message banner, keeping totals") {
    const ui::Message error{ui::MessageKind::error, "Unknown barcode 4006381333932."};
    const std::vector<ui::FrameVm> screens = {
        return_vms::frame(small_sale()), return_vms::frame(cash_tender()),
        return_vms::frame(device_vms::cash_sale_done()), devices_screen()};
    for (ui::FrameVm vm : screens) {
        vm.message = error;
        vm.print_banner = device_vms::paper_out_banner();
        Ui app;
        app.frame(vm);
        INFO("screen " << vm.screen.index());
        CHECK(app.has("Retry##printbanner"));
        CHECK(app.has("Dismiss##printbanner"));
        CHECK(app.has("Dismiss##message"));
        CHECK(lowest(app) <= headless::display_h);
        const ui::Rect banner = app.state.widgets.at("Dismiss##printbanner");
        const ui::Rect message = app.state.widgets.at("Dismiss##message");
        CHECK(banner.y0 > message.y1);  // under the message, not on it
    }
    Ui app;
    auto sale = with_banner(return_vms::frame(small_sale()));
    sale.message = error;
    app.frame(sale);
    REQUIRE(app.state.texts.count("total##sale") == 1);
    CHECK(app.state.texts.at("total##sale").y1 <= headless::display_h);
}

TEST_CASE("under the approval dialog the print banner cannot be tapped, and it is back after") {
    Ui app;
    auto vm = with_banner(return_vms::frame(return_vms::refund_tender()));
    vm.approval = return_vms::refund_approval();
    app.frame(vm);
    CHECK_FALSE(app.has("Retry##printbanner"));
    vm.approval.reset();
    app.frame(vm);
    CHECK(app.has("Retry##printbanner"));
}

TEST_CASE("an open drawer is shown on the tender and completed screens and in the status bar") {
    struct Case {
        ui::FrameVm vm;
        const char* key;
    };
    const std::vector<Case> cases = {
        {return_vms::frame(cash_tender()), "drawer##tender"},
        {return_vms::frame(return_vms::refund_tender()), "drawer##tender"},
        {return_vms::frame(device_vms::cash_sale_done()), "drawer##done"},
    };
    for (const Case& c : cases) {
        INFO(c.key);
        Ui app;
        app.frame(c.vm);
        CHECK(app.state.texts.count(c.key) == 0);
        CHECK(app.state.texts.count("drawer##status") == 0);
        app.frame(with_drawer_open(c.vm));
        CHECK(app.state.texts.count(c.key) == 1);
        CHECK(app.state.texts.count("drawer##status") == 1);
    }
    Ui app;
    app.frame(with_drawer_open(return_vms::frame(small_sale())));
    CHECK(app.state.texts.count("drawer##status") == 1);  // the sale screen: the status bar only
}

TEST_CASE("a keyboard scanner's code is a Scanned, or with a keyed quantity on the sale a Scan") {
    Ui app;
    const auto sale = return_vms::frame(small_sale());
    app.state.keyboard_scans = {"4006381333931"};
    auto out = app.frame(sale);
    auto scanned = all_of<ui::Scanned>(out);
    REQUIRE(scanned.size() == 1);
    CHECK(scanned[0].code == "4006381333931");
    CHECK(scanned[0].device == "keyboard");
    CHECK(app.state.keyboard_scans.empty());

    app.click_all(sale, {"3##keypad", "×##keypad"});
    REQUIRE(app.state.keypad_quantity == "3");
    app.state.keyboard_scans = {"5449000000996"};
    out = app.frame(sale);
    const auto scans = all_of<ui::Scan>(out);
    REQUIRE(scans.size() == 1);
    CHECK(scans[0].code == "5449000000996");
    CHECK(scans[0].quantity == "3");
    CHECK(all_of<ui::Scanned>(out).empty());
    CHECK(app.state.keypad_quantity.empty());

    const auto approval = [] {
        auto vm = return_vms::frame(return_vms::refund_tender());
        vm.approval = return_vms::refund_approval();
        return vm;
    }();
    app.state.keyboard_scans = {"BADGE-5001-JD"};
    scanned = all_of<ui::Scanned>(app.frame(approval));
    REQUIRE(scanned.size() == 1);  // the Terminal gives it to the dialog
    CHECK(scanned[0].code == "BADGE-5001-JD");
}

TEST_CASE("the devices screen and the banners are finger-sized, on the display, and apart") {
    using headless::Layout;
    using headless::taps;
    const std::vector<Layout> layouts = {
        {"devices", devices_screen()},
        {"devices, virtual printer, USB problem", virtual_screen()},
        {"devices, a reason picked", devices_screen(), taps({"reason:Count float##devices"})},
        {"devices under a print banner", with_banner(devices_screen())},
        {"sale under a print banner", with_banner(return_vms::frame(small_sale()))},
        {"sale, More, under a print banner", with_banner(return_vms::frame(small_sale())),
         taps({"More##sale"})},
        {"tender, drawer open, print banner",
         with_banner(with_drawer_open(return_vms::frame(cash_tender())))},
        {"completed, drawer open, print banner",
         with_banner(with_drawer_open(return_vms::frame(device_vms::cash_sale_done())))},
        {"return screen under a print banner",
         with_banner(return_vms::frame(return_vms::receipt_open()))},
    };
    for (const Layout& layout : layouts) {
        headless::check_layout(layout.name, layout.vm, layout.act);
    }
}
