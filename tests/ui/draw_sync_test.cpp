// Headless frame tests of head-office sync on screen: the status bar's line (tapping it opens the
// sync screen), the catalogue load's progress bar, and the sync screen with Sync now.
#include <doctest/doctest.h>

#include "headless_ui.hpp"
#include "layout_check.hpp"
#include "return_vms.hpp"
#include "sync_vms.hpp"

namespace {

using headless::all_of;
using headless::Ui;

ui::FrameVm sync_screen() {
    return sync_vms::frame(sync_vms::offline_screen(), sync_vms::offline_bar());
}

ui::FrameVm sale_while_loading() {
    return sync_vms::frame(return_vms::exchange_sale(), sync_vms::loading_bar());
}

}  // namespace

TEST_CASE("the status bar shows head office's state on every screen, and a tap opens sync") {
    Ui app;
    const auto vm = sync_vms::frame(return_vms::exchange_sale(), sync_vms::offline_bar());
    app.frame(vm);
    REQUIRE(app.state.texts.count("sync##status") == 1);
    CHECK(app.state.texts.at("sync##status").y0 < 40);  // in the bar at the top
    CHECK(all_of<ui::ShowSync>(app.click(vm, "Sync##status")).size() == 1);
}

TEST_CASE(
    "while the catalogue loads a progress bar runs under the status bar, and selling goes on") {
    {
        Ui app;
        app.frame(sale_while_loading());
        REQUIRE(app.state.texts.count("progress##status") == 1);
        CHECK(app.has("Pay##sale"));
    }
    Ui app;  // one ImGui context at a time
    app.frame(sync_vms::frame(return_vms::exchange_sale(), sync_vms::offline_bar()));
    CHECK(app.state.texts.count("progress##status") == 0);
}

TEST_CASE("the sync screen has Sync now and Back, and shows the details") {
    Ui app;
    const auto vm = sync_screen();
    app.frame(vm);
    CHECK(app.state.texts.count("headline##sync") == 1);
    CHECK(app.state.texts.count("Last error##sync") == 1);
    CHECK(app.state.texts.count("Waiting to send##sync") == 1);
    CHECK(all_of<ui::SyncNow>(app.click(vm, "Sync now##sync")).size() == 1);
    CHECK(all_of<ui::BackToSale>(app.click(vm, "Back##sync")).size() == 1);
}

TEST_CASE("Sync now does nothing when the terminal says it cannot") {
    Ui app;
    auto vm = sync_screen();
    std::get<ui::SyncVm>(vm.screen).can_sync_now = false;
    CHECK(app.click(vm, "Sync now##sync").empty());
}

TEST_CASE("the sync screen shows the load's progress itself, not a second bar under the status") {
    Ui app;
    app.frame(sync_vms::frame(sync_vms::loading_screen(), sync_vms::loading_bar()));
    CHECK(app.state.texts.count("progress##sync") == 1);
    CHECK(app.state.texts.count("progress##status") == 0);
}

TEST_CASE("the sync screen and the status bar keep the touch layout rules") {
    headless::check_layout("sync screen", sync_screen(), [](Ui&, const ui::FrameVm&) {});
    headless::check_layout("loading",
                           sync_vms::frame(sync_vms::loading_screen(), sync_vms::loading_bar()),
                           [](Ui&, const ui::FrameVm&) {});
    headless::check_layout("sale while loading", sale_while_loading(),
                           [](Ui&, const ui::FrameVm&) {});
}
