// The interactions and special orders screens: their buttons send the right intents.
#include <doctest/doctest.h>

#include "headless_ui.hpp"
#include "service_vms.hpp"

using headless::all_of;

TEST_CASE("Tapping an interaction picks it; Resolve with return names the one shown") {
    headless::Ui ui;
    const auto vm = service_vms::frame(service_vms::interactions());
    const auto picked = all_of<ui::PickInteraction>(ui.click(vm, "interaction:2##interactions"));
    REQUIRE(picked.size() == 1);
    CHECK(picked[0].index == 2);
    const auto resolve =
        all_of<ui::ResolveWithReturn>(ui.click(vm, "Resolve with return##interactions"));
    REQUIRE(resolve.size() == 1);
    CHECK(resolve[0].id == "i2");
    CHECK(all_of<ui::BackToSale>(ui.click(vm, "Back##interactions")).size() == 1);
}

TEST_CASE("New, a kind and a category, then Save sends a new interaction with what was typed") {
    headless::Ui ui;
    const auto vm = service_vms::frame(service_vms::interactions());
    ui.click(vm, "New##interactions");
    ui.click(vm, "kind:inquiry##interactions");
    ui.click(vm, "category:price##interactions");
    ui.state.interaction.said = "Is the kettle on offer?";
    const auto saved = all_of<ui::SaveInteraction>(ui.click(vm, "Save##interactions"));
    REQUIRE(saved.size() == 1);
    CHECK(saved[0].id.empty());
    CHECK(saved[0].kind == "inquiry");
    CHECK(saved[0].category == "price");
    CHECK(saved[0].said == "Is the kettle on offer?");
}

namespace {

bool overlap(const ui::Rect& a, const ui::Rect& b) {
    return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
}

}  // namespace

TEST_CASE("The interaction form fits above the letter keyboard: nothing covers Save or a field") {
    headless::Ui ui;
    const auto vm = service_vms::frame(service_vms::interactions());
    ui.click(vm, "New##interactions");
    const std::vector<std::string> taps = {"Save##interactions",
                                           "Cancel##interactions",
                                           "kind:request##interactions",
                                           "status:open##interactions",
                                           "category:other##interactions",
                                           "category##interactions",
                                           "said##interactions",
                                           "done##interactions",
                                           "follow-up##interactions",
                                           "receipt##interactions",
                                           "Q##letters",
                                           "Enter##letters"};
    for (std::size_t i = 0; i < taps.size(); ++i) {
        INFO(taps[i]);
        REQUIRE(ui.has(taps[i]));
        const ui::Rect r = ui.state.widgets.at(taps[i]);
        CHECK(r.y1 <= headless::display_h);
        CHECK(r.x1 <= headless::display_w);
        for (std::size_t j = i + 1; j < taps.size(); ++j) {
            INFO(taps[j]);
            CHECK_FALSE(overlap(r, ui.state.widgets.at(taps[j])));
        }
    }
    // Save sends what was typed and closes the form: the list is back.
    ui.state.interaction.said = "Call when the kettles arrive";
    ui.click(vm, "category:stock##interactions");
    CHECK(all_of<ui::SaveInteraction>(ui.click(vm, "Save##interactions")).size() == 1);
    CHECK_FALSE(ui.state.interaction.open);
    ui.frame(vm);
    CHECK(ui.has("New##interactions"));
}

TEST_CASE("Edit then Save updates the interaction shown with its new status") {
    headless::Ui ui;
    const auto vm = service_vms::frame(service_vms::interactions());
    ui.click(vm, "Edit##interactions");
    ui.click(vm, "status:waiting##interactions");
    const auto saved = all_of<ui::SaveInteraction>(ui.click(vm, "Save##interactions"));
    REQUIRE(saved.size() == 1);
    CHECK(saved[0].id == "i2");
    CHECK(saved[0].kind.empty());
    CHECK(saved[0].status == "waiting");
}

TEST_CASE("Each special order's buttons send their intent with its number, when allowed") {
    headless::Ui ui;
    const auto vm = service_vms::frame(service_vms::orders());
    const auto deposit = all_of<ui::TakeDeposit>(ui.click(vm, "Deposit:SO-T01-000002##orders"));
    REQUIRE(deposit.size() == 1);
    CHECK(deposit[0].number == "SO-T01-000002");
    const auto pickup = all_of<ui::PickUpOrder>(ui.click(vm, "Pick up:SO-T01-000001##orders"));
    REQUIRE(pickup.size() == 1);
    CHECK(pickup[0].number == "SO-T01-000001");
    CHECK(all_of<ui::CancelOrder>(ui.click(vm, "Cancel:SO-T01-000001##orders")).size() == 1);
    // Arrived is disabled for an order that has arrived already.
    CHECK(all_of<ui::OrderArrived>(ui.click(vm, "Arrived:SO-T01-000001##orders")).empty());
}

TEST_CASE("The order form sends a special order with the code, quantity and deposit keyed") {
    headless::Ui ui;
    const auto vm = service_vms::frame(service_vms::orders());
    ui.state.order.code = "5012345000053";
    ui.state.order.quantity = "2";
    ui.state.order.deposit = "5.00";
    const auto created = all_of<ui::CreateSpecialOrder>(ui.click(vm, "Create##orders"));
    REQUIRE(created.size() == 1);
    CHECK(created[0].code == "5012345000053");
    CHECK(created[0].quantity == "2");
    CHECK(created[0].deposit == "5.00");
}
