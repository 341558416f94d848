// Hand-built view-models of the reports screen and the dashboard, for the draw tests.
#pragma once

#include "ui/view_models.hpp"

namespace report_vms {

inline ui::ReportsVm reports() {
    ui::ReportsVm vm;
    vm.title = "Z report No. 3";
    vm.text =
        "Demo Store\n          Z REPORT No. 3\nTerminal T01\n------------------------\n"
        "Sales                  4      33.30\nReturns                1      -1.19\n";
    vm.past = {{4, "2026-11-23 21:05 · Mia Manager", "EUR 1234.56", false},
               {3, "2026-11-22 21:02 · Mia Manager", "EUR 32.11", true},
               {2, "2026-11-21 20:58 · Max Super", "EUR 0.00", false}};
    vm.can_z = true;
    vm.z_note = "Z ends the day: numbered, printed, totals back to zero";
    vm.can_print = true;
    return vm;
}

inline ui::DashboardVm dashboard() {
    ui::DashboardVm vm;
    vm.title = "Today, 2026-11-23";
    vm.by_hour = {{"08:00", "EUR 20.00 (2)", "20.00", 2000},
                  {"09:00", "EUR 40.00 (5)", "40.00", 4000},
                  {"10:00", "EUR 10.00 (1)", "10.00", 1000},
                  {"11:00", "EUR -5.00 (1)", "-5.00", -500}};
    vm.tenders = {{"Cash", "EUR 50.00 (6)", "50.00", 5000},
                  {"Card", "EUR 25.00 (2)", "25.00", 2500}};
    vm.top_items = {{"Red wine 75 cl", "3 · EUR 26.97", "26.97", 2697},
                    {"Bananas", "1.500 · EUR 2.99", "2.99", 299}};
    vm.sales = "8 sales, EUR 75.00";
    vm.returns = "1 return, EUR 5.00";
    vm.returns_rate = "12.5% of sales";
    vm.returns_rate_ppm = 125'000;
    return vm;
}

inline ui::FrameVm frame(ui::ScreenVm screen) {
    ui::FrameVm vm;
    vm.screen = std::move(screen);
    vm.status_line = "Demo Store  ·  Terminal T01  ·  Mia Manager  ·  21:15";
    return vm;
}

}  // namespace report_vms
