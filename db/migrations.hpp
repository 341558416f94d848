// The schema, as numbered migrations. Each step runs in its own transaction and sets
// PRAGMA user_version to its number, so a file is always at exactly one known version.
#pragma once

#include <string_view>

#include "db/sqlite.hpp"
#include "db/store.hpp"
#include "pos/result.hpp"

namespace db {

// Stored in the file header (PRAGMA application_id) so a Counter file can be told from others.
inline constexpr std::int64_t counter_application_id = 0x434E5452;  // "CNTR"

// Reads the header of a freshly opened file, writing nothing. Refuses (bad_input) a file that is
// not a SQLite database, belongs to another application, or was written by a newer Counter.
pos::Status check_openable(Database& db);

// Applies every migration above the file's user_version up to target_version, one transaction
// each. (A lower target is for tests that build a file as an older terminal left it.)
pos::Status migrate(Database& db, int target_version = current_schema_version);

int schema_version(Database& db);

// The SQL of migration 3 (returns, exchanges, approvals), kept in db/migration_3.cpp.
std::string_view schema_3_sql();
// The SQL of migration 4 (the durable print queue), kept in db/migration_4.cpp.
std::string_view schema_4_sql();
// The SQL of migration 5 (head-office sync), kept in db/migration_5.cpp.
std::string_view schema_5_sql();
// The SQL of migration 6 (customer service), kept in db/migration_6.cpp.
std::string_view schema_6_sql();
// The SQL of migration 7 (tills, cash movements, running totals, Z reports), db/migration_7.cpp.
std::string_view schema_7_sql();

}  // namespace db
