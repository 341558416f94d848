// Internal to headoffice/server: folding the terminals' z_report and shift_close journal entries
// into head office's z_reports and till_closes (till_ingest.cpp), called by journal_ingest.cpp
// inside the transaction that stores the entry, and when head office starts for entries it held
// from before.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "headoffice/protocol/protocol.hpp"
#include "headoffice/server/head_office.hpp"
#include "headoffice/sql/connection.hpp"

namespace headoffice::detail {

// The journal kinds fold_till_entry reads: "z_report" and "shift_close".
bool is_till_report_kind(std::string_view kind);

// Reads the whole entry first, then writes its Z report or till close (with its rows) beside the
// journal entry entry_id. Returns what is wrong but was folded anyway, or why nothing was folded
// ("Z report No. 4 of T01 is held already ..."). Throws std::runtime_error naming the field when
// the body cannot be read (nothing written), sql::SqlError on a database fault.
std::vector<std::string> fold_till_entry(sql::Connection& connection, const Identity& who,
                                         const JournalEntry& entry, std::int64_t entry_id);

// Folds the z_report and shift_close entries head office holds but has not folded (stored before
// it knew Z reports), each in its own transaction; one it cannot read is left as it is. Returns
// how many were read.
std::int64_t fold_held_till_entries(sql::Connection& connection);

}  // namespace headoffice::detail
