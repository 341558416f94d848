// The Terminal's state for the reports and dashboard screens (terminal_reports.cpp). Internal to
// counter_ui.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "db/till.hpp"
#include "pos/till_report.hpp"

namespace ui {

struct ReportsDesk {
    std::optional<pos::ReportFigures> shown;  // the X or Z report on screen
    std::string shown_text;                   // as printed (receipts::to_text)
    std::vector<db::ZSummary> past;           // this terminal's Z reports, newest first
    std::string z_blocked;  // why a Z cannot run now ("Close the till first ..."); empty: it can
    std::optional<pos::DashboardFigures> dashboard;  // today's, as last read
    std::string exported;                            // the last CSV export's path
};

}  // namespace ui
