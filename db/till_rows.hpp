// Internal to db/till*.cpp: the shift's running totals, the till settings read inside a
// transaction, and the small texts the till's messages use.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "db/sqlite.hpp"
#include "pos/result.hpp"
#include "pos/till.hpp"

namespace db {

// A shift's figures: its float, the running tender and ticket totals add_ticket_to_shift keeps,
// and its movements summed (an index range, never a scan of tickets).
pos::ShiftTotals shift_totals_of(Database& db, const std::string& shift_id,
                                 std::int64_t float_minor, const pos::Currency& currency);

struct TillSettings {
    int utc_offset_minutes = 0;
    std::int64_t over_short_threshold_minor = 0;
};
// Read from the settings table as it is now (inside the caller's transaction).
TillSettings till_settings(Database& db);

// "08:02" in the store's local time, "2026-11-22 08:02" when not on today_ms's day.
std::string when_text(std::int64_t at_ms, std::int64_t today_ms, int utc_offset_minutes);
// "Paid out" -> "paid out", for the middle of a sentence.
std::string lower_first(std::string text);
// The count as its text form would read back: a bad denomination, a count below 1 or a
// denomination counted twice is bad_input starting with `what` ("The float: ...").
pos::Result<pos::CashCount> checked_count(const pos::CashCount& count,
                                          const pos::Currency& currency, std::string_view what);

// The statements a sale and shift_totals run (the open shift, its running totals, its movements
// summed), for a test that checks their query plans use indexes.
std::vector<std::string> till_hot_sql();

}  // namespace db
