// Tills: a clerk's shift at one terminal's cash drawer, from the opening cash counted by note and
// coin, through paid-ins, paid-outs, drops and pickups, to the blind close with its over/short per
// tender. Pure rules; db/ keeps the shifts and their running totals.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "pos/money.hpp"
#include "pos/result.hpp"
#include "pos/ticket.hpp"

namespace pos {

// The notes and coins of a currency, largest first, in minor units (EUR: 500.00 down to 0.01;
// GBP, USD and a plain decimal set for others).
std::vector<std::int64_t> denominations(const Currency& currency);

struct DenominationCount {
    std::int64_t value_minor = 0;  // one of denominations(currency)
    std::int64_t count = 0;        // > 0
    friend bool operator==(const DenominationCount&, const DenominationCount&) = default;
};

// Cash counted by denomination: only denominations with a count, largest first.
struct CashCount {
    std::vector<DenominationCount> counts;
    std::int64_t total_minor() const;
    friend bool operator==(const CashCount&, const CashCount&) = default;
};

// "50.00x2 20.00x5 0.50x10" (value x how many, any order, separated by spaces) -> a count,
// sorted largest first; "0" or empty text is an empty drawer. Bad input names the word:
// "'20x' is not a count: write VALUExHOW-MANY, like 20.00x5", "2.50 is not a EUR note or coin",
// "20.00 is counted twice", "'20.00x-1': a count is a whole number of at least 1".
Result<CashCount> parse_cash_count(std::string_view text, const Currency& currency);
// The same text form, largest first ("50.00x2 20.00x5"); "" for an empty count.
std::string cash_count_text(const CashCount& count, const Currency& currency);

enum class CashMovementKind { paid_in, paid_out, drop, pickup };
std::string_view to_string(CashMovementKind kind);  // "paid_in", "paid_out", "drop", "pickup"
std::string_view describe(CashMovementKind kind);   // "Paid in", "Paid out", "Drop", "Pickup"
std::optional<CashMovementKind> cash_movement_from(std::string_view name);
// The journal entry kind: "paid_in", "paid_out", "cash_drop", "cash_pickup".
std::string_view journal_kind(CashMovementKind kind);
// +1 when the movement puts cash into the drawer (paid in), -1 when it takes cash out.
int drawer_sign(CashMovementKind kind);

struct Shift {
    std::string id;  // UUID minted on the terminal
    std::string terminal_id;
    std::int64_t number = 0;  // per terminal, gap-free from 1
    std::int64_t opened_by = 0;
    std::string opened_by_name;
    std::int64_t opened_at_ms = 0;
    CashCount opening_float;
    Money float_amount;             // opening_float's total
    std::int64_t closed_at_ms = 0;  // 0 while open
    bool is_open() const { return closed_at_ms == 0; }
};

struct CashMovement {
    std::string id;  // UUID minted on the terminal
    std::string shift_id;
    std::string terminal_id;
    CashMovementKind kind = CashMovementKind::paid_in;
    Money amount;  // positive
    std::string reason;
    std::int64_t user_id = 0;
    std::string user_name;
    std::int64_t approved_by = 0;  // 0 when the user's role allowed it alone
    std::string approver_name;
    std::int64_t at_ms = 0;
};

// One tender's running figure: payments taken (count of positive payments) and the net amount
// (change given and refunds paid out subtract).
struct TenderTotal {
    PaymentMethod method = PaymentMethod::cash;
    std::int64_t count = 0;
    Money amount;
    friend bool operator==(const TenderTotal&, const TenderTotal&) = default;
};

// What a shift has taken so far, kept running by db/ as tickets and movements are stored.
struct ShiftTotals {
    Money opening_float;
    std::vector<TenderTotal> tenders;  // in PaymentMethod order, only methods used
    Money paid_in;
    Money paid_out;
    Money drops;
    Money pickups;
    std::int64_t tickets = 0;  // completed tickets recorded against the shift
    // opening cash + net cash tendered + paid in - paid out - drops - pickups.
    Money expected_cash() const;
    // expected_cash() for cash, else the tender's net (zero when unused).
    Money expected(PaymentMethod method) const;
};

// A movement the clerk asks for: a positive amount; a reason for paid in and paid out; and
// what takes cash out no more than the drawer should hold ("60.00 is more than the drawer should
// hold, so it cannot be taken out": the expected figure itself is never said, as the close is
// blind). Nothing else is checked here (approval is the caller's).
Status check_movement(CashMovementKind kind, const Money& amount, std::string_view reason,
                      const ShiftTotals& totals);

// The blind count at the close: the cash by denomination and the card terminal's batch total.
struct CloseCount {
    CashCount cash;
    Money card;
};

struct TenderDifference {
    PaymentMethod method = PaymentMethod::cash;
    Money expected;
    Money counted;
    Money difference() const { return counted - expected; }  // > 0 over, < 0 short
    friend bool operator==(const TenderDifference&, const TenderDifference&) = default;
};

// Cash and card, counted against what the shift expects (card always listed, even at zero);
// other tenders are not in the drawer and are not counted.
std::vector<TenderDifference> over_short(const ShiftTotals& totals, const CloseCount& count);
// Whether any difference is beyond the store's threshold (its absolute value > threshold_minor):
// then the close needs Permission::over_short with a reason.
bool beyond_threshold(const std::vector<TenderDifference>& differences,
                      std::int64_t threshold_minor);
// "Cash short by 12.30 (expected 245.60, counted 233.30); card over by 1.00 (...)", or
// "Cash and card balance" when nothing differs. Only tenders that differ are named.
std::string describe_differences(const std::vector<TenderDifference>& differences);

struct ShiftClose {
    std::string shift_id;
    std::string terminal_id;
    std::int64_t shift_number = 0;
    std::int64_t closed_by = 0;
    std::string closed_by_name;
    std::int64_t closed_at_ms = 0;
    CashCount cash_count;
    std::vector<TenderDifference> tenders;  // over_short(...) at the close
    std::int64_t approved_by = 0;  // who accepted an over/short beyond the threshold; else 0
    std::string approver_name;
    std::string reason;  // why it is over or short (given with the approval)
};

}  // namespace pos
