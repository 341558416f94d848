// The queue of service records for head office and the chain's stores, for SyncStore.
// Internal to db/.
#pragma once

#include <cstdint>
#include <vector>

#include "db/sqlite.hpp"
#include "db/sync.hpp"

namespace db {

// Oldest first, queue ids above `after`, each record as it is now.
std::vector<PendingRecord> read_pending_records(Database& db, std::size_t limit,
                                                std::int64_t after);
std::int64_t count_pending_records(Database& db);
// In the caller's transaction.
void remove_acknowledged(Database& db, const std::vector<std::int64_t>& queue_ids);
void write_stores(Database& db, const std::vector<pos::StoreInfo>& stores);
std::vector<pos::StoreInfo> read_stores(Database& db);

}  // namespace db
