// SyncStore over SQLite: the enrolment and cursor (the one sync_state row), the outbox read in
// batches and acknowledged, reference data applied with its cursor in one transaction, and the
// stock snapshot.
#include <algorithm>
#include <chrono>
#include <functional>
#include <memory>
#include <utility>

#include "db/format.hpp"
#include "db/journal.hpp"
#include "db/policy_settings.hpp"
#include "db/record_queue.hpp"
#include "db/sqlite_store.hpp"
#include "db/sync_rows.hpp"

namespace db {

namespace {

std::int64_t wall_clock_ms() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

bool valid_code(const std::string& code) {
    return !code.empty() && code.size() <= 16 &&
           std::all_of(code.begin(), code.end(), is_ascii_alnum);
}

std::optional<std::string> enrolment_problem(const Enrolment& enrolment) {
    if (is_blank(enrolment.server_url) || has_control_character(enrolment.server_url))
        return "the head office address is empty";
    if (!valid_code(enrolment.store_code))
        return "store code " + in_quotes(enrolment.store_code) +
               " is not 1 to 16 letters or digits";
    if (!valid_code(enrolment.terminal_id)) {
        return "terminal id " + in_quotes(enrolment.terminal_id) +
               " is not 1 to 16 letters or digits";
    }
    if (has_control_character(enrolment.store_name))
        return "the store name holds a control character";
    if (enrolment.token.empty() || has_control_character(enrolment.token))
        return "head office sent no usable token";
    return std::nullopt;
}

class SqliteSyncStore final : public SyncStore {
  public:
    SqliteSyncStore(Database& db, SyncHooks hooks) : db_(db), hooks_(std::move(hooks)) {}

    SyncState state() override {
        Statement row(db_,
                      "SELECT server_url, store_code, store_name, terminal_id, token, cursor,"
                      " first_load_done, last_success_ms, stock_as_of_ms FROM sync_state");
        SyncState state;
        if (!row.step())
            return state;
        if (!row.column_text(4).empty()) {
            state.enrolment = Enrolment{row.column_text(0), row.column_text(1), row.column_text(2),
                                        row.column_text(3), row.column_text(4)};
        }
        state.cursor = row.column_int64(5);
        state.first_load_done = row.column_int(6) != 0;
        state.last_success_ms = row.column_int64(7);
        state.stock_as_of_ms = row.column_int64(8);
        return state;
    }

    pos::Status save_enrolment(const Enrolment& enrolment) override {
        if (auto problem = enrolment_problem(enrolment))
            return pos::bad_input("The enrolment was not saved: " + *problem);
        try {
            Transaction transaction(db_);
            if (auto other = other_terminal(enrolment.terminal_id)) {
                return pos::not_allowed(
                    "This terminal already has tickets or journal entries as terminal " + *other +
                    "; enrolling it as " + enrolment.terminal_id +
                    " would give head office receipt numbers and journal entries it cannot "
                    "match. Enrol it as " +
                    *other + " (or start a new store file); nothing was changed");
            }
            save_credentials(enrolment);
            std::vector<std::pair<std::string_view, std::string>> settings = {
                {"store_code", enrolment.store_code}, {"terminal_id", enrolment.terminal_id}};
            if (!is_blank(enrolment.store_name))
                settings.emplace_back("store_name", enrolment.store_name);
            upsert_settings(db_, settings);
            transaction.commit();
        } catch (const std::exception& error) {
            return pos::store_failure(std::string("The enrolment could not be saved (") +
                                      error.what() + "); nothing was changed");
        }
        return pos::ok();
    }

    pos::Status forget_enrolment() override {
        return write("forgetting the enrolment",
                     [&] { db_.exec("UPDATE sync_state SET token = ''", "forgetting the token"); });
    }

    std::vector<OutboxEntry> pending(std::size_t limit) override {
        Statement rows(db_,
                       "SELECT journal.terminal_id, journal.sequence, journal.kind,"
                       " journal.entity_id, journal.ticket_id, journal.at_ms, journal.payload,"
                       " journal.prev_hash, journal.hash FROM outbox"
                       " JOIN journal ON journal.id = outbox.journal_id"
                       " WHERE outbox.acknowledged_at_ms IS NULL ORDER BY outbox.id LIMIT ?");
        rows.bind_all(static_cast<std::int64_t>(std::min<std::size_t>(limit, 1'000'000)));
        std::vector<OutboxEntry> entries;
        while (rows.step()) {
            entries.push_back({rows.column_text(0), rows.column_int64(1), rows.column_text(2),
                               rows.column_text(3), rows.column_text(4), rows.column_int64(5),
                               rows.column_text(6), rows.column_text(7), rows.column_text(8)});
        }
        return entries;
    }

    std::int64_t pending_count() override { return pending_outbox_count(db_); }

    pos::Result<std::int64_t> acknowledge(const std::string& terminal_id,
                                          const std::vector<std::int64_t>& sequences,
                                          std::int64_t at_ms) override {
        std::int64_t marked = 0;
        try {
            Transaction transaction(db_);
            // Rows already marked (by another worker) are left alone: the trigger refuses a
            // second mark, and the first one stands.
            Statement mark(db_,
                           "UPDATE outbox SET acknowledged_at_ms = ? WHERE terminal_id = ?"
                           " AND sequence = ? AND acknowledged_at_ms IS NULL");
            for (const std::int64_t sequence : sequences) {
                auto use = mark.use();
                mark.bind_all(at_ms, terminal_id, sequence).run();
                marked += db_.changes();
            }
            transaction.commit();
        } catch (const std::exception& error) {
            return pos::store_failure(std::string("The acknowledgement could not be saved (") +
                                      error.what() + "); the entries will be sent again");
        }
        return marked;
    }

    pos::Result<bool> apply_changes(const ChangeBatch& batch) override;
    // One attempt in one transaction; throws ApplyCarefully (rolled back) when a change needs
    // its own savepoint after all.
    pos::Result<bool> apply_once(const ChangeBatch& batch, bool careful);

    std::vector<RejectedChange> rejected_changes(std::size_t limit) override {
        Statement rows(db_,
                       "SELECT sequence, kind, key, message, at_ms FROM sync_rejections"
                       " ORDER BY sequence DESC, kind, key LIMIT ?");
        rows.bind_all(static_cast<std::int64_t>(std::min<std::size_t>(limit, 1'000'000)));
        std::vector<RejectedChange> found;
        while (rows.step()) {
            found.push_back({rows.column_int64(0), rows.column_text(1), rows.column_text(2),
                             rows.column_text(3), rows.column_int64(4)});
        }
        return found;
    }

    std::int64_t rejected_count() override {
        return db_.query_int("SELECT count(*) FROM sync_rejections", "counting refused changes");
    }

    pos::Status reset_cursor() override {
        return write("starting the download over",
                     [&] { db_.exec("UPDATE sync_state SET cursor = 0", "resetting the cursor"); });
    }

    pos::Status record_success(std::int64_t at_ms) override {
        return write("recording the sync time", [&] {
            Statement update(db_, "UPDATE sync_state SET last_success_ms = ?");
            update.bind_all(at_ms).run();
        });
    }

    pos::Status save_stock(const std::vector<pos::StockLevel>& levels,
                           std::int64_t as_of_ms) override {
        return write("saving the stock snapshot", [&] {
            upsert_stock(levels, as_of_ms);
            Statement as_of(db_, "UPDATE sync_state SET stock_as_of_ms = max(stock_as_of_ms, ?)");
            as_of.bind_all(as_of_ms).run();
        });
    }

    pos::Status save_live_stock(const std::vector<pos::StockLevel>& levels,
                                std::int64_t as_of_ms) override {
        return write("saving live stock levels", [&] { upsert_stock(levels, as_of_ms); });
    }

    // An older reading never replaces a newer one.
    void upsert_stock(const std::vector<pos::StockLevel>& levels, std::int64_t as_of_ms) {
        {
            Statement upsert(db_,
                             "INSERT INTO stock_snapshot (store_code, product_code,"
                             " quantity_milli, as_of_ms, on_order_milli, expected_day, location)"
                             " VALUES (?, ?, ?, ?, ?, ?, ?)"
                             " ON CONFLICT (store_code, product_code) DO UPDATE SET"
                             " quantity_milli = excluded.quantity_milli,"
                             " as_of_ms = excluded.as_of_ms,"
                             " on_order_milli = excluded.on_order_milli,"
                             " expected_day = excluded.expected_day, location = excluded.location"
                             " WHERE excluded.as_of_ms >= stock_snapshot.as_of_ms");
            for (const pos::StockLevel& level : levels) {
                auto use = upsert.use();
                upsert
                    .bind_all(level.store_code, level.product_code, level.quantity_milli, as_of_ms,
                              level.on_order_milli, level.expected_day, level.location)
                    .run();
            }
        }
    }

    std::vector<StockSnapshotRow> stock_of(const std::string& product_code) override {
        Statement rows(db_,
                       "SELECT store_code, quantity_milli, as_of_ms, on_order_milli,"
                       " expected_day, location FROM stock_snapshot"
                       " WHERE product_code = ? ORDER BY store_code");
        rows.bind_all(product_code);
        std::vector<StockSnapshotRow> found;
        while (rows.step()) {
            pos::StockLevel level{rows.column_text(0),  product_code,         rows.column_int64(1),
                                  rows.column_int64(3), rows.column_int64(4), rows.column_text(5)};
            found.push_back({std::move(level), rows.column_int64(2)});
        }
        return found;
    }

    std::vector<PendingRecord> pending_records(std::size_t limit, std::int64_t after) override {
        return read_pending_records(db_, limit, after);
    }

    std::int64_t pending_record_count() override { return count_pending_records(db_); }

    pos::Status acknowledge_records(const std::vector<std::int64_t>& queue_ids,
                                    std::int64_t /*at_ms*/) override {
        return write("acknowledging records", [&] { remove_acknowledged(db_, queue_ids); });
    }

    pos::Status save_stores(const std::vector<pos::StoreInfo>& stores) override {
        return write("saving the chain's stores", [&] { write_stores(db_, stores); });
    }

    std::vector<pos::StoreInfo> stores() override { return read_stores(db_); }

  private:
    // Runs body in one transaction; a failure becomes a store_failure naming what.
    template <typename Body>
    pos::Status write(std::string_view what, Body body) {
        try {
            Transaction transaction(db_);
            body();
            transaction.commit();
        } catch (const std::exception& error) {
            return pos::store_failure(std::string(what) + " failed (" + error.what() + ")");
        }
        return pos::ok();
    }

    // A terminal id other than `terminal_id` that tickets or the journal already use.
    std::optional<std::string> other_terminal(const std::string& terminal_id) {
        Statement other(db_,
                        "SELECT terminal_id FROM tickets WHERE terminal_id <> ?1"
                        " UNION SELECT terminal_id FROM journal_heads WHERE terminal_id <> ?1"
                        " LIMIT 1");
        other.bind_all(terminal_id);
        if (!other.step())
            return std::nullopt;
        return other.column_text(0);
    }

    // Another head office or store starts the download over.
    void save_credentials(const Enrolment& enrolment) {
        Statement update(db_,
                         "UPDATE sync_state SET"
                         " cursor = CASE WHEN server_url = ?1 AND store_code = ?2"
                         "   THEN cursor ELSE 0 END,"
                         " first_load_done = CASE WHEN server_url = ?1 AND store_code = ?2"
                         "   THEN first_load_done ELSE 0 END,"
                         " server_url = ?1, store_code = ?2, store_name = ?3, terminal_id = ?4,"
                         " token = ?5");
        update
            .bind_all(enrolment.server_url, enrolment.store_code, enrolment.store_name,
                      enrolment.terminal_id, enrolment.token)
            .run();
    }

    // What makes the settings unreadable, read back inside the batch's transaction.
    std::optional<std::string> settings_problem() {
        try {
            hooks_.check_settings();
        } catch (const pos::StoreFailure& error) {
            return std::string(error.what());
        }
        return std::nullopt;
    }

    std::int64_t stored_cursor() {
        return db_.query_int("SELECT cursor FROM sync_state", "reading the sync cursor");
    }

    Database& db_;
    SyncHooks hooks_;
};

pos::Result<bool> SqliteSyncStore::apply_changes(const ChangeBatch& batch) {
    if (batch.next_cursor < batch.from_cursor) {
        return pos::bad_input("The batch from head office runs backwards (from " +
                              std::to_string(batch.from_cursor) + " to " +
                              std::to_string(batch.next_cursor) + "); nothing was applied");
    }
    pos::Result<bool> applied = false;
    try {
        applied = apply_once(batch, false);
    } catch (const ApplyCarefully&) {
        applied = apply_once(batch, true);  // the first attempt was rolled back
    }
    if (applied.ok() && applied.value())
        hooks_.reference_changed();
    return applied;
}

pos::Result<bool> SqliteSyncStore::apply_once(const ChangeBatch& batch, bool careful) {
    std::string doing = "the tax rates";
    try {
        Transaction transaction(db_);
        if (stored_cursor() != batch.from_cursor)
            return false;  // another worker applied it (or an older batch) already
        ChangeApplier applier(
            db_, [this] { return settings_problem(); }, wall_clock_ms(), careful);
        applier.write_tax_rates(batch.tax_rates);
        for (const pos::ReferenceChange& change : batch.changes) {
            doing = describe(change);
            applier.apply(change);  // a refused change is recorded and skipped
        }
        doing = "moving the download on";
        Statement move(db_,
                       "UPDATE sync_state SET cursor = ?,"
                       " first_load_done = max(first_load_done, ?)");
        move.bind_all(batch.next_cursor, batch.reached_end ? 1 : 0).run();
        transaction.commit();
    } catch (const std::exception& error) {
        return pos::store_failure(doing + " could not be applied (" + error.what() +
                                  "); nothing from the batch was applied");
    }
    return true;
}

}  // namespace

std::unique_ptr<SyncStore> make_sync_store(Database& db, SyncHooks hooks) {
    return std::make_unique<SqliteSyncStore>(db, std::move(hooks));
}

}  // namespace db
