// Approvals: when the clerk's role may not do something alone, someone who may approves it at
// the same terminal, with their staff code and PIN or by scanning their badge, and gives a
// reason. Every approval and every decline is journaled (EventKind::approval / approval_declined)
// with who asked, who approved, the rule, the amount, the reason and the time.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "pos/login.hpp"
#include "pos/permissions.hpp"
#include "pos/ports.hpp"
#include "pos/result.hpp"

namespace pos {

// What an approver keys or scans. Either a badge, or a staff code and PIN.
struct Approval {
    std::string staff_code;
    std::string pin;
    std::string badge;   // the approver's badge barcode, scanned; stands for code and PIN
    std::string reason;  // required: why it is approved (or declined)

    bool empty() const { return staff_code.empty() && badge.empty(); }
};

// What the terminal asks an approver for: shown in the approval dialog.
struct ApprovalRequest {
    Permission permission = Permission::price_override;
    Role needed = Role::manager;      // the least role that may approve it
    std::int64_t amount_minor = 0;    // the money at stake (refund, discount, new price); 0: none
    std::string what;                 // "Refund EUR 62.00 to card ending 4242 (over EUR 50.00)"
    std::int64_t requested_by = 0;    // the clerk's user id
    std::string requested_by_name;
};

// Checks the approver like a login (wrong PINs count toward the same lockout; a badge needs no
// PIN), then that they hold request.needed, then that a reason was given. The approver is
// returned; the caller journals the approval and applies what was approved. On any error
// nothing is approved and the message says why: unknown code or badge, wrong PIN, locked out,
// "Jordan Diaz is a supervisor; a manager must approve a price override", no reason.
Result<User> authorise(UserDirectory& users, Clock& clock, const Approval& approval,
                       const ApprovalRequest& request);

// "A supervisor must approve: Refund EUR 62.00 (the limit is EUR 50.00)".
std::string approval_needed_message(const ApprovalRequest& request);

}  // namespace pos
