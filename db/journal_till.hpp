// The till's journal bodies: shift_open, the cash movements (paid_in, paid_out, cash_drop,
// cash_pickup) and shift_close, in the canonical text of db/journal.cpp (db/README.md, "Journal").
// Head office folds shift_close entries into its over/short list. Internal to db/.
#pragma once

#include <cstdint>
#include <string>

#include "pos/money.hpp"
#include "pos/till.hpp"

namespace db {

// shift.number, shift.user_id, shift.user_name, shift.currency, shift.float, shift.float_count.
std::string shift_open_body(const pos::Shift& shift, const pos::Currency& currency);
// cash.shift_id, cash.shift_number, cash.amount (positive), cash.reason, cash.user_id,
// cash.user_name, cash.approved_by, cash.approver_name.
std::string cash_movement_body(const pos::CashMovement& movement, std::int64_t shift_number);
// close.shift_number, close.user_id, close.user_name, close.cash_count, close.approved_by,
// close.approver_name, close.reason, close.tenders=N and per tender close.tenders.K.method,
// .expected, .counted, .difference.
std::string shift_close_body(const pos::ShiftClose& close, const pos::Currency& currency);

}  // namespace db
