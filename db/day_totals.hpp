// Internal to db/: reading and clearing a terminal's running day totals (the rows the hooks in
// till_internal.hpp add to), for X and Z reports.
#pragma once

#include <string>

#include "db/sqlite.hpp"
#include "pos/money.hpp"
#include "pos/till_report.hpp"

namespace db {

// running_totals.scope of a terminal's figures since its last Z.
std::string day_scope(const std::string& terminal_id);

// Every section of the terminal's figures since its last Z, rows as pos/till_report.hpp orders
// them (all sales labels present, zero when nothing happened); hours at the store's offset.
// Only the sections: the caller fills in the report's header fields.
pos::ReportFigures read_day_totals(Database& db, const std::string& terminal_id,
                                   const pos::Currency& currency, int utc_offset_minutes);

// Deletes the terminal's day rows (inside the caller's Z transaction).
void clear_day_totals(Database& db, const std::string& terminal_id);

}  // namespace db
