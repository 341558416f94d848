// View-models of the reports screen (X and Z) and the manager's dashboard. Plain data; see
// ui/view_models.hpp.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace ui {

struct ZSummaryVm {
    std::int64_t number = 0;
    std::string text;    // "2026-11-23 21:05 · Mia Manager": when, by whom
    std::string net;     // "EUR 1234.56"
    bool shown = false;  // the report on screen
};

struct ReportsVm {
    std::string title;  // "X report (changes nothing)", "Z report No. 4", "" before one is run
    std::string text;   // the report as printed (monospace)
    std::vector<ZSummaryVm> past;  // earlier Z reports, newest first
    bool can_z = false;
    std::string z_note;  // why Z cannot run now, or what it does
    bool can_print = false;
};

// One bar of a chart.
struct ChartBarVm {
    std::string label;              // "14:00", "Cash", "Milk 1L"
    std::string value;              // "EUR 123.45 (12)"
    std::string figure;             // "123.45": over a narrow bar
    std::int64_t amount_minor = 0;  // bar length, relative to the chart's largest
};

struct DashboardVm {
    std::string title;  // "Today, 2026-11-23"
    std::vector<ChartBarVm> by_hour;
    std::vector<ChartBarVm> tenders;
    std::vector<ChartBarVm> top_items;
    std::string sales;         // "42 sales, EUR 1234.56"
    std::string returns;       // "3 returns, EUR 45.60"
    std::string returns_rate;  // "7.1% of sales"
    std::int64_t returns_rate_ppm = 0;
    std::string exported;  // where the last export went, "" before one
};

}  // namespace ui
