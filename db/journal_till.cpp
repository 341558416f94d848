// The till's journal bodies. Field order is part of the format (the hash covers the text), so
// fields are only ever added at the end, as db/README.md describes.
#include "db/journal_till.hpp"

#include "db/format.hpp"
#include "pos/canonical_text.hpp"

namespace db {

std::string shift_open_body(const pos::Shift& shift, const pos::Currency& currency) {
    pos::Canonical out;
    out.field("shift.number", shift.number)
        .field("shift.user_id", shift.opened_by)
        .field("shift.user_name", shift.opened_by_name)
        .field("shift.currency", currency_text(currency))
        .field("shift.float", shift.opening_float.total_minor())
        .field("shift.float_count", pos::cash_count_text(shift.opening_float, currency));
    return out.text();
}

std::string cash_movement_body(const pos::CashMovement& movement, std::int64_t shift_number) {
    pos::Canonical out;
    out.field("cash.shift_id", movement.shift_id)
        .field("cash.shift_number", shift_number)
        .field("cash.amount", movement.amount.minor())
        .field("cash.reason", movement.reason)
        .field("cash.user_id", movement.user_id)
        .field("cash.user_name", movement.user_name)
        .field("cash.approved_by", movement.approved_by)
        .field("cash.approver_name", movement.approver_name);
    return out.text();
}

std::string shift_close_body(const pos::ShiftClose& close, const pos::Currency& currency) {
    pos::Canonical out;
    out.field("close.shift_number", close.shift_number)
        .field("close.user_id", close.closed_by)
        .field("close.user_name", close.closed_by_name)
        .field("close.cash_count", pos::cash_count_text(close.cash_count, currency))
        .field("close.approved_by", close.approved_by)
        .field("close.approver_name", close.approver_name)
        .field("close.reason", close.reason)
        .field("close.tenders", static_cast<std::int64_t>(close.tenders.size()));
    std::int64_t number = 0;
    for (const pos::TenderDifference& tender : close.tenders) {
        const std::string p = "close.tenders." + std::to_string(++number) + ".";
        out.field(p + "method", pos::to_string(tender.method))
            .field(p + "expected", tender.expected.minor())
            .field(p + "counted", tender.counted.minor())
            .field(p + "difference", tender.difference().minor());
    }
    return out.text();
}

}  // namespace db
