// Headless frame tests of the approval dialog, drawn over whatever screen asked for it.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "headless_ui.hpp"
#include "layout_check.hpp"
#include "return_vms.hpp"

namespace {

using headless::all_of;
using headless::Intents;
using headless::key_enter;
using headless::Ui;
using namespace return_vms;

ui::FrameVm over_refund() {
    ui::FrameVm vm = frame(refund_tender());
    vm.approval = refund_approval();
    return vm;
}

void key(Ui& app, const ui::FrameVm& vm, const std::string& digits) {
    for (const char c : digits) {
        app.click(vm, std::string(1, c) + "##approve");
    }
}

// The approver's staff code on the dialog's keypad, then their PIN in the PIN field.
void key_code_and_pin(Ui& app, const ui::FrameVm& vm, const std::string& code,
                      const std::string& pin) {
    key(app, vm, code);
    app.click(vm, "pin##approve");
    key(app, vm, pin);
}

}  // namespace

TEST_CASE("the approver keys their code and PIN on the keypad, taps a reason and approves") {
    Ui app;
    const auto vm = over_refund();
    key_code_and_pin(app, vm, "5001", "5555");
    app.click(vm, "reason:0##approve");
    const auto approved = all_of<ui::Approve>(app.click(vm, "Approve##approve"));
    REQUIRE(approved.size() == 1);
    CHECK(approved[0].staff_code == "5001");
    CHECK(approved[0].pin == "5555");
    CHECK(approved[0].badge.empty());
    CHECK(approved[0].reason == "Customer satisfaction");
    CHECK(app.state.approval.pin.empty());  // not kept once sent
}

TEST_CASE("Approve and Decline wait for an approver and a reason") {
    Ui app;
    const auto vm = over_refund();
    key_code_and_pin(app, vm, "5001", "5555");
    CHECK(app.click_all(vm, {"Approve##approve", "Decline##approve"}).empty());  // no reason
    app.click(vm, "reason:2##approve");
    app.click(vm, "pin##approve");
    app.click(vm, "Clear##approve");
    CHECK(app.click_all(vm, {"Approve##approve", "Decline##approve"}).empty());  // no PIN
}

TEST_CASE("a badge scanned at the dialog stands for the code and PIN") {
    Ui app;
    const auto vm = over_refund();
    key(app, vm, "12");
    app.scan_burst(vm, "BADGE-9001-ML");
    CHECK(app.state.approval.badge == "BADGE-9001-ML");
    CHECK(app.state.approval.staff_code.empty());
    app.click(vm, "reason:1##approve");
    const auto approved = all_of<ui::Approve>(app.click(vm, "Approve##approve"));
    REQUIRE(approved.size() == 1);
    CHECK(approved[0].badge == "BADGE-9001-ML");
    CHECK(approved[0].staff_code.empty());
    CHECK(approved[0].pin.empty());
    CHECK(approved[0].reason == "Manager discretion");
}

TEST_CASE("on a keyboard, Enter moves from the code to the PIN to the reason, then approves") {
    Ui app;
    const auto vm = over_refund();
    app.type(vm, "9001");
    app.press(vm, key_enter);
    app.type(vm, "4321");
    app.press(vm, key_enter);
    app.type(vm, "Regular customer");
    const auto approved = all_of<ui::Approve>(app.press(vm, key_enter));
    REQUIRE(approved.size() == 1);
    CHECK(approved[0].staff_code == "9001");
    CHECK(approved[0].pin == "4321");
    CHECK(approved[0].reason == "Regular customer");
}

TEST_CASE("the approver may decline, and the clerk may cancel") {
    Ui app;
    const auto vm = over_refund();
    SUBCASE("decline") {
        key_code_and_pin(app, vm, "5001", "5555");
        app.click(vm, "reason:0##approve");
        const auto declined = all_of<ui::Decline>(app.click(vm, "Decline##approve"));
        REQUIRE(declined.size() == 1);
        CHECK(declined[0].staff_code == "5001");
        CHECK(declined[0].pin == "5555");
        CHECK(declined[0].reason == "Customer satisfaction");
    }
    SUBCASE("cancel") {
        key(app, vm, "5001");
        CHECK(all_of<ui::CancelApproval>(app.click(vm, "Cancel##approve")).size() == 1);
        CHECK(app.state.approval.staff_code.empty());
    }
}

TEST_CASE("nothing under the dialog can be used while it is up") {
    Ui app;
    ui::FrameVm vm = frame(exchange_sale());
    app.frame(vm);
    const ui::Rect pay = app.state.widgets.at("Pay##sale");
    vm.approval = refund_approval();
    app.frame(vm);
    CHECK_FALSE(app.has("Pay##sale"));
    ImGuiIO& io = ImGui::GetIO();
    io.MousePos = {pay.cx(), pay.cy()};
    io.MouseDown[0] = true;
    Intents out = app.frame(vm);
    io.MouseDown[0] = false;
    const Intents more = app.frame(vm);
    out.insert(out.end(), more.begin(), more.end());
    CHECK(all_of<ui::Pay>(out).empty());
    // A scan goes to the dialog, not to the sale under it.
    CHECK(all_of<ui::Scan>(app.scan_burst(vm, "4000000000013")).empty());
}

TEST_CASE("the PIN keys are large: at least 15 mm at 96 dpi") {
    Ui app;
    app.frame(over_refund());
    for (const char* key_label : {"1##approve", "5##approve", "9##approve", "Clear##approve"}) {
        INFO(key_label);
        const ui::Rect r = app.state.widgets.at(key_label);
        CHECK(r.y1 - r.y0 >= 57);
        CHECK(r.x1 - r.x0 >= 57);
    }
}

TEST_CASE("what was keyed in the dialog is gone when the dialog goes") {
    Ui app;
    auto vm = over_refund();
    key(app, vm, "5001");
    app.click(vm, "reason:0##approve");
    vm.approval.reset();
    app.frame(vm);
    CHECK(app.state.approval.staff_code.empty());
    CHECK(app.state.approval.reason.empty());
}

TEST_CASE("a second approval asked for at once starts with an empty form") {
    Ui app;
    auto vm = over_refund();
    key(app, vm, "5001");
    app.click(vm, "reason:0##approve");
    vm.approval->rule = "a return without a receipt";
    app.frame(vm);
    CHECK(app.state.approval.staff_code.empty());
    CHECK(app.state.approval.reason.empty());
}

TEST_CASE("the approval dialog is finger-sized, on the display, and apart over every screen") {
    using headless::Layout;
    using headless::taps;
    auto with = [](ui::FrameVm vm) {
        vm.approval = refund_approval();
        return vm;
    };
    auto wrong_pin = over_refund();
    wrong_pin.message = {ui::MessageKind::error,
                         "Wrong PIN for Jordan Diaz. 9 tries left before the account locks."};
    const std::vector<Layout> layouts = {
        {"over the refund tender", over_refund()},
        {"over the sale", with(frame(exchange_sale()))},
        {"over the return screen", with(frame(receipt_open()))},
        {"after a wrong PIN", wrong_pin},
        {"with a badge scanned", over_refund(),
         [](Ui& app, const ui::FrameVm& vm) { app.scan_burst(vm, "BADGE-5001-JD"); }},
        {"with a reason", over_refund(), taps({"reason:2##approve"})},
    };
    for (const Layout& layout : layouts) {
        headless::check_layout(layout.name, layout.vm, layout.act);
    }
}
