// The reports screen and the dashboard: their buttons send the right intents, a Z needs a second
// tap, the charts' bars are as long as their figures, and everything fits the display.
#include <doctest/doctest.h>

#include <cmath>

#include "headless_ui.hpp"
#include "layout_check.hpp"
#include "report_vms.hpp"

using headless::all_of;

namespace {

float height(const ui::Rect& r) {
    return r.y1 - r.y0;
}
float width(const ui::Rect& r) {
    return r.x1 - r.x0;
}

}  // namespace

TEST_CASE("X report runs at once; Z report asks Confirm Z first, and Cancel sends nothing") {
    headless::Ui ui;
    const auto vm = report_vms::frame(report_vms::reports());
    CHECK(all_of<ui::RunXReport>(ui.click(vm, "X report##reports")).size() == 1);
    // The first tap on Z only asks.
    CHECK(all_of<ui::RunZReport>(ui.click(vm, "Z report##reports")).empty());
    CHECK(ui.has("Confirm Z##reports"));
    CHECK_FALSE(ui.has("Z report##reports"));
    SUBCASE("Confirm runs it") {
        CHECK(all_of<ui::RunZReport>(ui.click(vm, "Confirm Z##reports")).size() == 1);
        CHECK_FALSE(ui.state.reports.confirm_z);
        CHECK(ui.has("Z report##reports"));
    }
    SUBCASE("Cancel leaves it") {
        CHECK(all_of<ui::RunZReport>(ui.click(vm, "Cancel Z##reports")).empty());
        CHECK(ui.has("Z report##reports"));
        CHECK_FALSE(ui.has("Confirm Z##reports"));
    }
}

TEST_CASE("A Z asked for, then the screen left, needs asking again on return") {
    headless::Ui ui;
    const auto vm = report_vms::frame(report_vms::reports());
    ui.click(vm, "Z report##reports");
    REQUIRE(ui.has("Confirm Z##reports"));
    ui.frame(report_vms::frame(report_vms::dashboard()));
    ui.frame(vm);
    CHECK_FALSE(ui.has("Confirm Z##reports"));
    CHECK(ui.has("Z report##reports"));
}

TEST_CASE("Z report cannot be tapped when the terminal may not run one") {
    headless::Ui ui;
    auto reports = report_vms::reports();
    reports.can_z = false;
    reports.z_note = "Close the till first: shift 3 is open (Sam Clerk since 08:02)";
    const auto vm = report_vms::frame(reports);
    CHECK(ui.click(vm, "Z report##reports").empty());
    CHECK_FALSE(ui.state.reports.confirm_z);
    CHECK_FALSE(ui.has("Confirm Z##reports"));
}

TEST_CASE("An earlier Z is shown again by its number; Print, Back and Dashboard send theirs") {
    headless::Ui ui;
    auto reports = report_vms::reports();
    const auto vm = report_vms::frame(reports);
    const auto shown = all_of<ui::ShowZReport>(ui.click(vm, "z:2##reports"));
    REQUIRE(shown.size() == 1);
    CHECK(shown[0].number == 2);
    CHECK(all_of<ui::PrintReport>(ui.click(vm, "Print##reports")).size() == 1);
    CHECK(all_of<ui::BackToSale>(ui.click(vm, "Back##reports")).size() == 1);
    CHECK(all_of<ui::ShowDashboard>(ui.click(vm, "Dashboard##reports")).size() == 1);
    // Before a report is on screen there is nothing to print.
    reports.can_print = false;
    reports.title.clear();
    reports.text.clear();
    CHECK(all_of<ui::PrintReport>(ui.click(report_vms::frame(reports), "Print##reports")).empty());
}

TEST_CASE("Each hour's column is as tall as its sales, relative to the best hour") {
    headless::Ui ui;
    const auto vm = report_vms::frame(report_vms::dashboard());
    ui.frame(vm);
    const auto& t = ui.state.texts;
    const float best = height(t.at("bar:hour:1##dashboard"));  // 40.00, the best hour
    CHECK(best > 100);
    CHECK(std::abs(height(t.at("bar:hour:0##dashboard")) - best / 2) <= 1);
    CHECK(std::abs(height(t.at("bar:hour:2##dashboard")) - best / 4) <= 1);
    CHECK(height(t.at("bar:hour:3##dashboard")) == 0);  // refunds outweighed sales
    // The columns stand on one baseline, left to right in hour order.
    CHECK(t.at("bar:hour:0##dashboard").y1 == t.at("bar:hour:1##dashboard").y1);
    CHECK(t.at("bar:hour:0##dashboard").x1 < t.at("bar:hour:1##dashboard").x0);
    // Tenders and top items are bars as long as their amounts.
    const float cash = width(t.at("bar:tender:0##dashboard"));
    CHECK(std::abs(width(t.at("bar:tender:1##dashboard")) - cash / 2) <= 1);
    const float wine = width(t.at("bar:item:0##dashboard"));
    CHECK(std::abs(width(t.at("bar:item:1##dashboard")) - wine * 299 / 2697) <= 1);
    CHECK(t.count("sales##dashboard") == 1);
    CHECK(t.count("rate##dashboard") == 1);
}

TEST_CASE("Export sends ExportDashboard and the dashboard then says where the file went") {
    headless::Ui ui;
    auto dashboard = report_vms::dashboard();
    auto vm = report_vms::frame(dashboard);
    CHECK(all_of<ui::ExportDashboard>(ui.click(vm, "Export##dashboard")).size() == 1);
    CHECK(ui.state.texts.count("exported##dashboard") == 0);
    CHECK(all_of<ui::ShowDashboard>(ui.click(vm, "Refresh##dashboard")).size() == 1);
    CHECK(all_of<ui::ShowReports>(ui.click(vm, "Reports##dashboard")).size() == 1);
    CHECK(all_of<ui::BackToSale>(ui.click(vm, "Back##dashboard")).size() == 1);
    dashboard.exported = "/data/exports/dashboard-2026-11-23.csv";
    vm = report_vms::frame(dashboard);
    ui.frame(vm);
    CHECK(ui.state.texts.count("exported##dashboard") == 1);
}

TEST_CASE("A day with no sales draws no bars, only what is missing") {
    headless::Ui ui;
    ui::DashboardVm empty;
    empty.title = "Today, 2026-11-23";
    empty.sales = "0 sales, EUR 0.00";
    empty.returns = "0 returns, EUR 0.00";
    empty.returns_rate = "0.0% of sales";
    ui.frame(report_vms::frame(empty));
    for (const auto& [key, rect] : ui.state.texts)
        CHECK(key.rfind("bar:", 0) != 0);
    CHECK(ui.has("Export##dashboard"));
}

TEST_CASE("The reports screen and the dashboard keep the layout rules") {
    headless::check_layout("reports", report_vms::frame(report_vms::reports()),
                           [](headless::Ui&, const ui::FrameVm&) {});
    headless::check_layout("reports, confirming Z", report_vms::frame(report_vms::reports()),
                           headless::taps({"Z report##reports"}));
    headless::check_layout("dashboard", report_vms::frame(report_vms::dashboard()),
                           [](headless::Ui&, const ui::FrameVm&) {});
}
