// Fakes for the sync client's tests, with no network and no head office: a scripted transport
// that answers like head office (or with canned failures), and an in-memory SyncStore.
#pragma once

#include <deque>
#include <functional>
#include <map>
#include <mutex>
#include <set>
#include <string>
#include <vector>

#include "db/sync.hpp"
#include "headoffice/client/transport.hpp"
#include "headoffice/protocol/protocol.hpp"

namespace client_test {

struct Request {
    std::string method;
    std::string path;
    std::string body;
    std::string token;
};

// Answers like head office: journal entries are stored (or answered as scripted per sequence),
// the change log is read after a cursor, stock levels are served. A queued canned reply is used
// first, for the next request whatever it is.
class FakeHeadOffice : public headoffice::Transport {
  public:
    headoffice::HttpReply send(const std::string& method, const std::string& path,
                               const std::string& body, const std::string& token) override;

    std::vector<Request> requests() const;
    std::vector<std::string> paths() const;
    // Entries held, by sequence, and how many times each arrived.
    std::map<std::int64_t, int> received() const;

    std::mutex mutex;
    std::string token = "good-token";
    std::deque<headoffice::HttpReply> canned;                     // answered first, in order
    std::map<std::int64_t, headoffice::EntryOutcome> outcome_of;  // default: stored / repeat
    std::vector<pos::ReferenceChange> change_log;                 // sequences 1, 2, 3 ...
    std::vector<pos::TaxRate> tax_rates;
    std::vector<pos::StockLevel> stock;
    std::int64_t stock_as_of_ms = 0;
    headoffice::EnrolReply enrol_reply{"S001", "High Street", "T01", "good-token"};
    std::vector<pos::StoreInfo> stores;  // sent with every stock reply
    // POST /v1/records: by record id; default stored. Every record that arrived, in order.
    std::map<std::string, headoffice::RecordOutcome> record_outcome_of;
    std::vector<pos::ServiceRecord> records_received;
    std::vector<std::size_t> records_batches;  // how many records each POST carried
    // Called before each answer (outside the lock): lets a test act "meanwhile".
    std::function<void(const Request&)> before_answer;

  private:
    headoffice::HttpReply answer(const Request& request);
    headoffice::HttpReply upload(const std::string& body);
    headoffice::HttpReply changes(const std::string& path);
    headoffice::HttpReply records(const std::string& body);
    headoffice::HttpReply live_stock(const std::string& path);
    std::vector<Request> requests_;
    std::map<std::int64_t, int> received_;
};

// The fake's change log: n products, sequences 1..n.
std::vector<pos::ReferenceChange> products(int n);

// The terminal's sync store in memory.
class MemorySyncStore : public db::SyncStore {
  public:
    db::SyncState state() override;
    pos::Status save_enrolment(const db::Enrolment& enrolment) override;
    pos::Status forget_enrolment() override;
    std::vector<db::OutboxEntry> pending(std::size_t limit) override;
    std::int64_t pending_count() override;
    pos::Result<std::int64_t> acknowledge(const std::string& terminal_id,
                                          const std::vector<std::int64_t>& sequences,
                                          std::int64_t at_ms) override;
    pos::Result<bool> apply_changes(const db::ChangeBatch& batch) override;
    pos::Status reset_cursor() override;
    pos::Status record_success(std::int64_t at_ms) override;
    pos::Status save_stock(const std::vector<pos::StockLevel>& levels,
                           std::int64_t as_of_ms) override;
    std::vector<db::StockSnapshotRow> stock_of(const std::string& product_code) override;
    std::vector<db::PendingRecord> pending_records(std::size_t limit, std::int64_t after) override;
    std::int64_t pending_record_count() override;
    pos::Status acknowledge_records(const std::vector<std::int64_t>& queue_ids,
                                    std::int64_t at_ms) override;
    pos::Status save_stores(const std::vector<pos::StoreInfo>& stores) override;
    pos::Status save_live_stock(const std::vector<pos::StockLevel>& levels,
                                std::int64_t as_of_ms) override;
    std::vector<pos::StoreInfo> stores() override;

    // Queues a record's latest state, as the store does on each write: a record already queued
    // gets a new queue id (so acknowledging the id read before the edit leaves it queued).
    void queue_record(const pos::ServiceRecord& record);

    void add_entries(int n);  // journal entries 1..n of T01 waiting in the outbox
    std::set<std::int64_t> acknowledged;
    std::vector<db::OutboxEntry> outbox;
    db::SyncState sync;
    std::vector<db::ChangeBatch> applied;                   // batches written, in order
    std::map<std::string, pos::ReferenceChange> reference;  // by kind/key
    std::vector<db::StockSnapshotRow> snapshot;
    std::function<void(const db::ChangeBatch&)> before_apply;  // another worker, meanwhile
    std::vector<db::PendingRecord> record_queue;               // ascending queue id
    std::int64_t last_queue_id = 0;
    std::vector<pos::StoreInfo> saved_stores;
};

db::Enrolment enrolment(const std::string& token = "good-token");

}  // namespace client_test
