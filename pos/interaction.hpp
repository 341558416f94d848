// The record of what a customer asked or complained about at the counter, and what was done:
// an inquiry, a complaint or a request, from open through waiting to resolved. Synced to head
// office; the store keeps a list of open ones with their follow-up dates.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "pos/result.hpp"

namespace pos {

enum class InteractionKind { inquiry, complaint, request };
std::string_view to_string(InteractionKind kind);  // "complaint": stored and synced
std::string_view title(InteractionKind kind);      // "Complaint": shown
std::optional<InteractionKind> interaction_kind_from(std::string_view name);

enum class InteractionStatus { open, waiting, resolved };
std::string_view to_string(InteractionStatus status);  // "waiting"
std::string_view title(InteractionStatus status);      // "Waiting"
std::optional<InteractionStatus> interaction_status_from(std::string_view name);

// Categories offered on the form (the clerk may also type another, 1..40 characters).
const std::vector<std::string>& interaction_categories();  // "product quality", "price", ...

struct Interaction {
    std::string id;      // UUID minted at the terminal
    std::string number;  // "S001-000042": told to the customer, per store, gap-free
    InteractionKind kind = InteractionKind::inquiry;
    std::string category;
    std::string customer_id;  // may be empty: an anonymous inquiry
    std::string customer_name;
    std::string receipt_number;  // the ticket it is about; may be empty
    std::string said;            // what the customer said
    std::string done;            // what was done (required to resolve)
    InteractionStatus status = InteractionStatus::open;
    std::string store_code;
    std::int64_t handled_by = 0;  // user id of whoever last worked on it
    std::string handled_by_name;
    std::int64_t opened_at_ms = 0;
    std::int64_t updated_at_ms = 0;
    std::int64_t resolved_at_ms = 0;  // 0 until resolved
    // The local date (days since 1970-01-01 in the store's time) to follow up by; 0: none.
    std::int64_t follow_up_day = 0;
    // Tickets that came of it (an exchange for a complaint), newest last.
    std::vector<std::string> outcome_receipts;
    friend bool operator==(const Interaction&, const Interaction&) = default;
};

// What the clerk typed to open or update one. Empty strings leave fields as they were on update.
struct InteractionDraft {
    std::string kind;      // "inquiry", "complaint", "request"
    std::string category;  // required on open
    std::string said;      // required on open, at most 2000 characters
    std::string done;
    std::string status;  // "" keeps it ("open" on open)
    // "2026-11-30", "+3" (days from today) or "" (none / unchanged); "-" clears it.
    std::string follow_up;
    std::string receipt_number;
};

// A new interaction from the draft: kind and category known, what was said given, status not
// "resolved" without what was done, a follow-up not in the past. `today` is the store's local day.
Result<Interaction> open_interaction(const InteractionDraft& draft, std::int64_t today,
                                     std::int64_t now_ms);
// Applies an update: status moves open <-> waiting -> resolved (a resolved one may be reopened,
// which clears resolved_at); resolving needs `done` (given now or before). The handler becomes
// whoever made the update. Nothing changes on error.
Status update_interaction(Interaction& interaction, const InteractionDraft& draft,
                          std::int64_t today, std::int64_t now_ms);

// Days since 1970-01-01 from "YYYY-MM-DD" (checked: a real date), or "+N" days after today.
Result<std::int64_t> parse_day(std::string_view text, std::int64_t today);
std::string format_day(std::int64_t day);  // "2026-11-30"
// The local day of a UTC time in milliseconds, for a store utc_offset_minutes from UTC.
std::int64_t local_day(std::int64_t at_ms, int utc_offset_minutes);

// Open and waiting ones first by follow-up day (overdue first, none last), then oldest first.
void sort_for_follow_up(std::vector<Interaction>& interactions);

}  // namespace pos
