// The terminal's sync with head office. SyncClient does one round (send the outbox, fetch and
// apply reference changes, refresh the stock snapshot) over a Transport and the terminal's own
// SyncStore; SyncWorker runs rounds on a background thread with backoff and jitter. Selling
// never waits for either: the sale is durable in the store before sync ever sees it.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>

#include "db/sync.hpp"
#include "headoffice/client/transport.hpp"
#include "headoffice/protocol/protocol.hpp"
#include "pos/ports.hpp"
#include "pos/result.hpp"

namespace headoffice {

// What the terminal's status bar and sync screen show. Copied out under a lock.
struct SyncStatus {
    bool enrolled = false;
    bool online = false;                // the last attempt reached head office
    std::int64_t queue_depth = 0;       // journal entries not yet acknowledged
    std::int64_t records_waiting = 0;   // service records (customers, ...) not yet sent
    std::int64_t records_refused = 0;   // of those, refused by head office in the last round
    std::string last_record_refusal;    // the first such refusal, in words
    std::int64_t last_success_ms = 0;   // wall clock; 0: never
    std::string last_error;             // the last failure, in words; empty after a success
    bool loading_catalogue = false;     // a first (or full) load is under way
    std::int64_t changes_loaded = 0;    // during a load: applied so far ...
    std::int64_t changes_total = 0;     // ... of about this many
    std::int64_t anomalies = 0;         // entries head office held for review (still acknowledged)
    std::int64_t rejected_changes = 0;  // changes this terminal could not apply (skipped)
    std::string last_rejection;         // the newest of them, in words
    std::int64_t retry_in_ms = 0;       // until the next attempt after a failure
    // Head office answered 401: the token is refused. Sync stops until the terminal is enrolled
    // again (the enrolment is kept, so the clerk keeps seeing why).
    bool credentials_revoked = false;
};

struct RoundResult {
    std::int64_t sent = 0;             // entries head office confirmed (stored, repeat or anomaly)
    std::int64_t refused = 0;          // entries head office refused (kept for the next round)
    std::int64_t records_sent = 0;     // service records head office holds now
    std::int64_t records_refused = 0;  // kept at the terminal, paged past
    std::int64_t changes_applied = 0;
    bool catalogue_complete = false;  // the change log was read to its end
};

struct SyncOptions {
    std::size_t upload_batch = 200;            // <= max_upload_batch
    std::size_t records_batch = 100;           // <= max_records_batch
    std::int64_t changes_batch = 5000;         // <= max_changes_batch
    std::int64_t stock_every_ms = 5 * 60'000;  // snapshot refresh interval
    std::int64_t idle_every_ms = 30'000;       // a round this often even with nothing queued
    std::int64_t backoff_first_ms = 1'000;     // after the first failure ...
    std::int64_t backoff_max_ms = 5 * 60'000;  // ... doubling up to this, with +-25% jitter
};

// Turns an HTTP reply into the decoded message or an error that names what was wrong
// ("head office answered 500: database unavailable", "no answer: connection reset").
template <typename T>
pos::Result<T> read_reply(const HttpReply& reply);

class SyncClient {
  public:
    // store: the terminal's sync store on a connection of the sync thread's own.
    SyncClient(db::SyncStore& store, Transport& transport, pos::Clock& clock, SyncOptions options);

    // Enrols with a one-time code and saves the credentials; server_url is kept for next starts.
    pos::Result<db::Enrolment> enrol(const std::string& server_url, const std::string& code,
                                     const std::string& terminal_name);

    // One full round. Stops at the first failure that is not about one entry, returning it;
    // everything done before it stays done (acknowledged entries, applied batches).
    pos::Result<RoundResult> run_round();
    pos::Result<std::int64_t> upload_pending();  // entries confirmed
    // Service records queued in the store, in batches; returns how many head office holds now.
    pos::Result<std::int64_t> upload_records();
    pos::Result<std::int64_t> download_changes();  // changes applied (all batches until the end)
    pos::Status refresh_stock();
    // A ticket sold anywhere in the chain, for a return (online only).
    pos::Result<TicketReply> lookup_ticket(const std::string& receipt_number);
    // Every store's figures for one product now (online only); the stores' names are saved.
    pos::Result<StockReply> live_stock(const std::string& product_code);

    SyncStatus status() const;
    // Called after each applied batch during a load (from the calling thread).
    void on_progress(std::function<void(const SyncStatus&)> callback);
    // Asks a round in progress (on another thread) to end after its current request.
    void request_stop() { stop_requested_ = true; }

  private:
    void note_rejections();
    pos::Status save_stores(const std::vector<pos::StoreInfo>& stores);
    void update(const std::function<void(SyncStatus&)>& change);
    template <typename T>
    pos::Result<T> call(const std::string& method, const std::string& path, const std::string& body,
                        const std::string& token);
    pos::Result<std::string> token();  // the saved token, unless not enrolled or refused
    void failed(const pos::Error& error);

    db::SyncStore& store_;
    Transport& transport_;
    pos::Clock& clock_;
    SyncOptions options_;
    mutable std::mutex mutex_;
    SyncStatus status_;
    std::function<void(const SyncStatus&)> progress_;
    std::atomic<bool> stop_requested_{false};
    std::string refused_token_;         // the token head office answered 401 to
    std::int64_t refused_entries_ = 0;  // by the last upload_pending
    std::string refused_message_;
    std::int64_t refused_records_ = 0;  // by the last upload_records
    std::string refused_record_message_;
    std::int64_t stock_refreshed_at_ms_ = -1;  // our clock; -1: not this run
};

// Runs SyncClient rounds on its own thread: at once on start, again after idle_every_ms, at once
// when woken (a sale was completed), and after a failure with exponential backoff and jitter
// (steady clock, so a wall clock moved backwards changes nothing).
class SyncWorker {
  public:
    // make_client builds the client on the worker's thread (its own store connection).
    using ClientFactory = std::function<std::unique_ptr<SyncClient>()>;
    SyncWorker(ClientFactory make_client, SyncOptions options);
    ~SyncWorker();  // stops and joins
    SyncWorker(const SyncWorker&) = delete;
    SyncWorker& operator=(const SyncWorker&) = delete;

    void start();
    void wake();  // run a round soon (a sale is waiting in the outbox)
    void stop();
    SyncStatus status() const;

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace headoffice
