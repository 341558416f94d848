// Draw-side state of the reports and dashboard screens (screens_reports.cpp,
// screens_dashboard.cpp). Internal to counter_ui.
#pragma once

namespace ui {

struct ReportsForm {
    bool confirm_z = false;  // "Z report" tapped once; "Confirm Z" runs it
    int drawn_frame = -1;    // the ImGui frame the reports screen was last drawn in
};

}  // namespace ui
