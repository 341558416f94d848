// Internal to headoffice/server: how service records are checked, stored and read back
// (records.cpp, record_checks.cpp, service_admin.cpp).
#pragma once

#include <string>
#include <vector>

#include "headoffice/server/head_office.hpp"
#include "headoffice/sql/connection.hpp"
#include "pos/reference_data.hpp"

namespace headoffice::detail {

// A record's row: its table, the column names (id first) and their values.
struct TableRow {
    std::string table;
    std::vector<std::string> columns;
    sql::Params values;
};
TableRow table_row(const pos::ServiceRecord& record, const std::string& data);
// Inserts the row, or replaces every column of the row with its id.
void upsert(sql::Connection& connection, const TableRow& row);

// Customers, interactions, loyalty movements and stock requests travel down to every store.
bool chain_wide(const pos::ServiceRecord& record);
// Writes the record's change-log row (kind as pos::service_kind, key its id, chain-wide).
void write_record_change(sql::Connection& connection, const pos::ServiceRecord& record);

// What is wrong with a record sent by `who` (malformed, or naming another store as its own);
// empty when it may be stored.
std::string record_problem(sql::Connection& connection, const Identity& who,
                           const pos::ServiceRecord& record);
// The refusal when the database finds a second record with the same number.
std::string duplicate_message(const pos::ServiceRecord& record);

}  // namespace headoffice::detail
