// The queue of service records for head office, read in each record's current state, and the
// chain's stores. Used by SyncStore (sync_store.cpp).
#include "db/record_queue.hpp"

#include <algorithm>
#include <charconv>

#include "db/service_rows.hpp"

namespace db {

namespace {

// The store's currency, for a special order's amounts (empty before the first load).
pos::Currency stored_currency(Database& db) {
    const std::string code = setting_text(db, "currency_code");
    const std::string exponent = setting_text(db, "currency_exponent");
    int digits = 0;
    const auto [end, error] =
        std::from_chars(exponent.data(), exponent.data() + exponent.size(), digits);
    if (code.size() != 3 || error != std::errc() || digits < 0 || digits > 4)
        return {};
    return pos::Currency::of(code, digits);
}

std::optional<pos::ServiceRecord> current_state(ServiceRows& rows, const std::string& kind,
                                                const std::string& key,
                                                const pos::Currency& currency) {
    const auto as_record = [](auto found) -> std::optional<pos::ServiceRecord> {
        if (!found)
            return std::nullopt;
        return pos::ServiceRecord(std::move(*found));
    };
    if (kind == "customer")
        return as_record(rows.customer(key));
    if (kind == "interaction")
        return as_record(rows.interaction(key));
    if (kind == "loyalty")
        return as_record(rows.loyalty(key));
    if (kind == "stock_request")
        return as_record(rows.stock_request(key));
    if (kind == "special_order")
        return as_record(rows.special_order(key, currency));
    return std::nullopt;
}

}  // namespace

std::vector<PendingRecord> read_pending_records(Database& db, std::size_t limit,
                                                std::int64_t after) {
    ServiceRows rows(db);
    const pos::Currency currency = stored_currency(db);
    Statement queue(db, "SELECT id, kind, key FROM record_queue WHERE id > ? ORDER BY id LIMIT ?");
    queue.bind_all(after, static_cast<std::int64_t>(std::min<std::size_t>(limit, 100'000)));
    std::vector<PendingRecord> found;
    while (queue.step()) {
        // A queued key whose record is gone (never expected) is left queued, not sent.
        if (auto record =
                current_state(rows, queue.column_text(1), queue.column_text(2), currency)) {
            found.push_back({queue.column_int64(0), std::move(*record)});
        }
    }
    return found;
}

std::int64_t count_pending_records(Database& db) {
    return db.query_int("SELECT count(*) FROM record_queue", "counting queued records");
}

void remove_acknowledged(Database& db, const std::vector<std::int64_t>& queue_ids) {
    // A record queued again since it was read has a new id: it stays for its newer state.
    Statement remove(db, "DELETE FROM record_queue WHERE id = ?");
    for (const std::int64_t id : queue_ids) {
        auto use = remove.use();
        remove.bind_all(id).run();
    }
}

void write_stores(Database& db, const std::vector<pos::StoreInfo>& stores) {
    Statement upsert(db,
                     "INSERT INTO stores (code, name) VALUES (?, ?)"
                     " ON CONFLICT (code) DO UPDATE SET name = excluded.name");
    for (const pos::StoreInfo& store : stores) {
        if (store.code.empty())
            throw pos::StoreFailure("a store without a code");
        auto use = upsert.use();
        upsert.bind_all(store.code, store.name).run();
    }
}

std::vector<pos::StoreInfo> read_stores(Database& db) {
    Statement rows(db, "SELECT code, name FROM stores ORDER BY code");
    std::vector<pos::StoreInfo> found;
    while (rows.step())
        found.push_back({rows.column_text(0), rows.column_text(1)});
    return found;
}

}  // namespace db
