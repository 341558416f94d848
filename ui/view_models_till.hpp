// View-model of the till screen: open with a counted float, cash movements, the blind close and
// its result. Plain data; see ui/view_models.hpp.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace ui {

// A note or coin on the count forms.
struct DenominationVm {
    std::string label;  // "50.00"
    std::int64_t value_minor = 0;
    bool coin = false;
};

struct CashMovementVm {
    std::string time;    // "14:05"
    std::string kind;    // "Paid out"
    std::string amount;  // "5.00"
    std::string reason;
    std::string who;  // "Sam Clerk, approved by Mia Manager"
};

// A tender at the close: shown only once the count is in (blind close).
struct TillDifferenceVm {
    std::string tender;  // "Cash"
    std::string expected;
    std::string counted;
    std::string difference;  // "-12.30", "0.00"
    bool over = false;
    bool short_ = false;
};

struct TillCloseVm {
    std::string title;    // "Shift 3 closed at 18:02 by Sam Clerk"
    std::string summary;  // pos::describe_differences
    std::vector<TillDifferenceVm> tenders;
    std::string approval;  // "Short accepted by Mia Manager: till float miscounted", or ""
    std::string count;     // the cash counted: "50.00x2 20.00x5"
};

struct TillVm {
    bool open = false;
    std::string title;   // "Till open: shift 3" / "Till closed"
    std::string opened;  // "Opened by Sam Clerk at 08:02 with a float of 150.00"
    std::vector<DenominationVm> denominations;  // for the open and close forms, largest first
    std::vector<CashMovementVm> movements;      // this shift's, oldest first
    // "12 tickets · paid in 10.00 · paid out 5.00 · drops 100.00": never the expected cash
    // (the close is blind).
    std::string activity;
    std::optional<TillCloseVm> last_close;  // after a close: its figures
    bool can_open = false;
    bool can_move = false;
    bool can_close = false;
};

}  // namespace ui
