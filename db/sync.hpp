// The terminal's side of head-office sync, in its SQLite store: enrolment credentials, the outbox
// read in batches and marked acknowledged, reference data applied with its cursor in one
// transaction, and the dated snapshot of every store's stock. The sync thread opens its own
// Store (its own connection to the same file) and uses store.sync(); nothing here blocks selling
// for longer than one batch's transaction.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "pos/reference_data.hpp"
#include "pos/result.hpp"
#include "pos/tax.hpp"

namespace db {

// A journal entry waiting for head office, exactly as written.
struct OutboxEntry {
    std::string terminal_id;
    std::int64_t sequence = 0;
    std::string kind;
    std::string entity_id;
    std::string ticket_id;
    std::int64_t at_ms = 0;
    std::string payload;
    std::string prev_hash;
    std::string hash;
};

struct Enrolment {
    std::string server_url;  // "https://ho.example.com"
    std::string store_code;
    std::string store_name;
    std::string terminal_id;
    std::string token;
};

struct SyncState {
    std::optional<Enrolment> enrolment;  // none: not enrolled, sync stays off
    std::int64_t cursor = 0;             // last change-log sequence applied
    bool first_load_done = false;        // a full load has reached the end of the log once
    std::int64_t last_success_ms = 0;    // wall clock of the last round that reached head office
    std::int64_t stock_as_of_ms = 0;     // head office's clock at the last stock snapshot
};

// One downloaded batch. Applied only if the stored cursor still equals from_cursor (another sync
// worker may have applied it already: then nothing is written and applied() says false).
struct ChangeBatch {
    std::int64_t from_cursor = 0;
    std::int64_t next_cursor = 0;
    bool reached_end = false;  // nothing remained after next_cursor when it was read
    std::vector<pos::TaxRate> tax_rates;
    std::vector<pos::ReferenceChange> changes;
};

// A service record waiting for head office (pos::ServiceRecord), read in its latest state.
struct PendingRecord {
    std::int64_t queue_id = 0;  // the queue row; acknowledge_records takes these
    pos::ServiceRecord record;
};

struct StockSnapshotRow {
    pos::StockLevel level;
    std::int64_t as_of_ms = 0;  // when head office read it
};

// A change from head office this terminal refused: skipped, while the rest of its batch and the
// cursor were applied. Listed until the same kind and key arrive again and apply (head office
// fixed it, which moves the row to a new sequence).
struct RejectedChange {
    std::int64_t sequence = 0;
    std::string kind;
    std::string key;
    std::string message;  // "product \"20003\" (change 7): tax code \"Z\" is not a known tax rate"
    std::int64_t at_ms = 0;  // the terminal's wall clock when it was refused
};

class SyncStore {
  public:
    virtual ~SyncStore() = default;

    virtual SyncState state() = 0;
    // Stores the credentials (and the store code and terminal id into the store settings, so
    // receipts carry them). Refused when tickets were already completed under another terminal
    // id: receipt numbers would collide.
    virtual pos::Status save_enrolment(const Enrolment& enrolment) = 0;
    virtual pos::Status forget_enrolment() = 0;  // after head office revoked the credentials

    // Unacknowledged entries, oldest first, at most limit.
    virtual std::vector<OutboxEntry> pending(std::size_t limit) = 0;
    virtual std::int64_t pending_count() = 0;
    // Marks these sequences of this terminal acknowledged (those already marked are left as they
    // are, so two workers may acknowledge the same entry). Returns how many were newly marked.
    virtual pos::Result<std::int64_t> acknowledge(const std::string& terminal_id,
                                                  const std::vector<std::int64_t>& sequences,
                                                  std::int64_t at_ms) = 0;

    // Applies the batch (tax rates first, then each change in order) and moves the cursor, in one
    // transaction. Products are matched by code, promotions by id, users by code, settings by
    // key. A change this terminal refuses (unknown tax code, bad barcode, ...) is skipped and
    // recorded (rejected_changes); a store failure writes nothing. Returns false when the cursor
    // had moved on (nothing written).
    virtual pos::Result<bool> apply_changes(const ChangeBatch& batch) = 0;
    // The refused changes still outstanding, newest first, at most limit.
    virtual std::vector<RejectedChange> rejected_changes(std::size_t /*limit*/) { return {}; }
    virtual std::int64_t rejected_count() { return 0; }
    // Starts over from cursor 0 (a full resync); what is stored stays until replaced.
    virtual pos::Status reset_cursor() = 0;
    virtual pos::Status record_success(std::int64_t at_ms) = 0;

    // Upserts levels (by store and product) with their as_of time, and remembers as_of_ms.
    virtual pos::Status save_stock(const std::vector<pos::StockLevel>& levels,
                                   std::int64_t as_of_ms) = 0;
    // Every store's last known level of a product, with its age.
    virtual std::vector<StockSnapshotRow> stock_of(const std::string& product_code) = 0;

    // Service records queued for head office (customers, interactions, loyalty movements, stock
    // requests, special orders), oldest first, those after queue id `after` (so a refused one is
    // paged past, never lost). A record edited twice before sending is sent once, as it is now.
    virtual std::vector<PendingRecord> pending_records(std::size_t /*limit*/,
                                                       std::int64_t /*after*/ = 0) {
        return {};
    }
    virtual std::int64_t pending_record_count() { return 0; }
    // Head office holds these (stored, or held a newer state): removed from the queue, unless the
    // record was queued again since it was read (then it stays, to send the newer state).
    virtual pos::Status acknowledge_records(const std::vector<std::int64_t>& /*queue_ids*/,
                                            std::int64_t /*at_ms*/) {
        return pos::ok();
    }
    // The chain's stores, as head office names them (sent with the stock snapshot).
    virtual pos::Status save_stores(const std::vector<pos::StoreInfo>& /*stores*/) {
        return pos::ok();
    }
    virtual std::vector<pos::StoreInfo> stores() { return {}; }
    // Levels read live from head office for one lookup: stored like save_stock (an older reading
    // never replaces a newer one), but the snapshot's refresh point (stock_as_of_ms) is left
    // alone, so the next refresh still fetches every other product's changes.
    virtual pos::Status save_live_stock(const std::vector<pos::StockLevel>& levels,
                                        std::int64_t as_of_ms) {
        return save_stock(levels, as_of_ms);
    }
};

}  // namespace db
