// The Terminal's state for the till screen (terminal_till.cpp). Internal to counter_ui.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "pos/till.hpp"

namespace ui {

struct TillDesk {
    std::optional<pos::Shift> shift;           // this terminal's open shift, as last read
    std::vector<pos::CashMovement> movements;  // the open shift's, oldest first
    pos::ShiftTotals totals;  // its running totals (the screen never shows the expected cash)
    std::optional<pos::ShiftClose> close;  // the close just done, shown with its figures
    std::optional<pos::Shift> closed;      // the shift it closed
    // The count whose over/short the approval dialog showed (shift id, count as text): it
    // stands, and a different recount of that shift needs Permission::over_short too.
    std::optional<std::pair<std::string, std::string>> revealed_count;
};

}  // namespace ui
