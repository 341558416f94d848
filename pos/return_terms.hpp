// The words of a return line: why the item came back, where it goes, and what it refunds.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace pos {

enum class ReturnReason { changed_mind, faulty, damaged, wrong_item, not_as_described, other };
inline constexpr ReturnReason all_return_reasons[] = {
    ReturnReason::changed_mind, ReturnReason::faulty,           ReturnReason::damaged,
    ReturnReason::wrong_item,   ReturnReason::not_as_described, ReturnReason::other};
std::string_view to_string(ReturnReason reason);  // "changed_mind": stored and scripted
std::string_view label(ReturnReason reason);      // "Changed mind": on screen and receipts
std::optional<ReturnReason> return_reason_from(std::string_view name);

// Where a returned item goes; each becomes a stock movement into that bucket.
enum class Disposition { restock, damaged, return_to_vendor };
inline constexpr Disposition all_dispositions[] = {Disposition::restock, Disposition::damaged,
                                                   Disposition::return_to_vendor};
std::string_view to_string(Disposition disposition);  // "restock"
std::string_view label(Disposition disposition);      // "Back to stock"
std::optional<Disposition> disposition_from(std::string_view name);

// Set on a ticket line that returns goods. Its quantity is what comes back (positive); its
// computed amounts are negative (the refund) and fixed when the line is added: the pricing
// engine never re-prices a return line, and promotions and ticket discounts skip it.
struct ReturnOf {
    std::string original_ticket_id;  // empty: a return without a receipt
    std::string original_receipt;    // "T01-000042"; empty without a receipt
    std::string original_line_id;    // empty without a receipt
    ReturnReason reason = ReturnReason::changed_mind;
    Disposition disposition = Disposition::restock;
    // Without a receipt: the customer's phone number or ID as keyed, normalised (digits and
    // upper-case letters only), against which the store's per-customer limits are counted.
    std::string customer;
    friend bool operator==(const ReturnOf&, const ReturnOf&) = default;
};

}  // namespace pos
