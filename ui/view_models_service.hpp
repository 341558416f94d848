// View-models of the interactions (inquiries, complaints, requests) and special orders screens.
// Plain data; see ui/view_models.hpp.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace ui {

// A row of the store's open and waiting interactions, follow-ups first.
struct InteractionRowVm {
    std::string id;
    std::string number;     // "S001-000042"
    std::string kind;       // "Complaint"
    std::string category;   // "product quality"
    std::string customer;   // "Ada Lovelace", or "No customer"
    std::string status;     // "Open", "Waiting"
    std::string follow_up;  // "Follow up 2026-11-26", "" when none
    std::string age;        // "opened 3 days ago", "opened today"
    bool overdue = false;   // its follow-up day has passed
    bool shown = false;     // the one open in the detail panel
};

// Everything about the interaction picked, and what its edit form starts with.
struct InteractionDetailVm {
    std::string id;
    std::string number;
    std::string kind;  // "Complaint"
    std::string category;
    std::string customer;
    std::string status;       // "Waiting"
    std::string status_code;  // "waiting": the edit form's choice
    std::string said;
    std::string done;
    std::string receipt;     // "T01-000001", "" when none
    std::string outcomes;    // "T01-000004, T01-000005", "" when none
    std::string handled_by;  // "Handled by Sam Clerk"
    std::string opened;      // "Opened 2026-11-23 10:04"
    std::string follow_up;   // "2026-11-26", "" when none
    bool overdue = false;
    bool resolved = false;
    bool can_resolve_with_return = false;  // it names a receipt and is not resolved
};

struct InteractionsVm {
    std::string title;    // "Open interactions"
    std::string summary;  // "3 open · 1 overdue"
    std::vector<InteractionRowVm> rows;
    std::optional<InteractionDetailVm> shown;
    std::string customer;                 // who a new one is linked to ("" none)
    std::string receipt;                  // the ticket on show, offered for a new one
    std::vector<std::string> categories;  // offered on the form; another may be typed
};

// A row of the open special orders, newest first, with what may be done to it now.
struct SpecialOrderRowVm {
    std::string number;  // "SO-T01-000007"
    std::string customer;
    std::string item;      // "Espresso machine"
    std::string quantity;  // "1"
    std::string total;
    std::string deposit_held;
    std::string balance_due;
    std::string status;             // "Ordered"
    std::string expected;           // "2026-12-01", "" when not known
    bool can_take_deposit = false;  // awaiting its deposit
    bool can_arrive = false;        // ordered
    bool can_pick_up = false;       // ordered or arrived
    bool can_cancel = false;        // not collected or cancelled
};

struct SpecialOrdersVm {
    std::string title;  // "Special orders"
    std::vector<SpecialOrderRowVm> rows;
    std::string customer;     // the attached customer a new order is for ("" none)
    bool can_create = false;  // a customer attached and nothing on the ticket
    std::string create_hint;  // why not, or what the deposit will be
    std::string min_deposit;  // "20% of the total"
};

}  // namespace ui
