// One sync round: the outbox up in batches (a refused entry is kept and paged past), the service
// records up (sync_records.cpp), the change log down batch by batch (each batch and its cursor in
// one store transaction), and the stock snapshot (sync_stock.cpp). Every failure becomes a
// pos::Error whose message says what happened, and the status the terminal shows.
#include "headoffice/client/sync_client.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <utility>

namespace headoffice {

namespace {

constexpr std::size_t quoted_body_max = 200;

pos::Error refusal(int status, const std::string& why) {
    std::string message = "head office answered " + std::to_string(status) + ": " + why;
    switch (status) {
        case 401:
        case 403:
            return pos::not_allowed(std::move(message));
        case 404:
            return pos::not_found(std::move(message));
        case 400:
        case 409:
            return pos::bad_input(std::move(message));
        default:
            return pos::store_failure(std::move(message));
    }
}

// What a refusal says: its ErrorReply, else the start of its body, else the bare status.
std::string refusal_reason(const HttpReply& reply) {
    if (auto error = decode<ErrorReply>(reply.body); error && !error->error.empty())
        return error->error;
    if (reply.body.empty())
        return "no reason given";
    return reply.body.substr(0, quoted_body_max);
}

JournalEntry to_wire(const db::OutboxEntry& e) {
    return {e.terminal_id, e.sequence, e.kind,      e.entity_id, e.ticket_id,
            e.at_ms,       e.payload,  e.prev_hash, e.hash};
}

bool confirmed(EntryOutcome outcome) {
    return outcome != EntryOutcome::refused;
}

}  // namespace

template <typename T>
pos::Result<T> read_reply(const HttpReply& reply) {
    if (reply.status == 0) {
        const std::string why = reply.failure.empty() ? "no reason known" : reply.failure;
        return pos::store_failure("no answer from head office: " + why);
    }
    if (reply.status < 200 || reply.status > 299)
        return refusal(reply.status, refusal_reason(reply));
    auto decoded = decode<T>(reply.body);
    if (!decoded) {
        return pos::store_failure("head office's answer could not be read: " +
                                  decoded.error().message);
    }
    return decoded;
}

template pos::Result<EnrolReply> read_reply<EnrolReply>(const HttpReply&);
template pos::Result<UploadReply> read_reply<UploadReply>(const HttpReply&);
template pos::Result<ChangesReply> read_reply<ChangesReply>(const HttpReply&);
template pos::Result<StockReply> read_reply<StockReply>(const HttpReply&);
template pos::Result<TicketReply> read_reply<TicketReply>(const HttpReply&);
template pos::Result<HealthReply> read_reply<HealthReply>(const HttpReply&);
template pos::Result<ErrorReply> read_reply<ErrorReply>(const HttpReply&);
template pos::Result<RecordsReply> read_reply<RecordsReply>(const HttpReply&);

SyncClient::SyncClient(db::SyncStore& store, Transport& transport, pos::Clock& clock,
                       SyncOptions options)
    : store_(store), transport_(transport), clock_(clock), options_(options) {
    options_.upload_batch = std::clamp<std::size_t>(options_.upload_batch, 1, max_upload_batch);
    options_.changes_batch = std::clamp<std::int64_t>(options_.changes_batch, 1, max_changes_batch);
    const db::SyncState state = store_.state();
    status_.enrolled = state.enrolment.has_value();
    status_.last_success_ms = state.last_success_ms;
    status_.queue_depth = store_.pending_count();
    status_.records_waiting = store_.pending_record_count();
}

SyncStatus SyncClient::status() const {
    std::lock_guard lock(mutex_);
    return status_;
}

void SyncClient::on_progress(std::function<void(const SyncStatus&)> callback) {
    progress_ = std::move(callback);
}

void SyncClient::update(const std::function<void(SyncStatus&)>& change) {
    std::lock_guard lock(mutex_);
    change(status_);
}

template <typename T>
pos::Result<T> SyncClient::call(const std::string& method, const std::string& path,
                                const std::string& body, const std::string& token) {
    const HttpReply reply = transport_.send(method, path, body, token);
    if (reply.status == 401 && !token.empty()) {
        refused_token_ = token;
        update([](SyncStatus& s) { s.credentials_revoked = true; });
    }
    return read_reply<T>(reply);
}

// The requests made from sync_records.cpp and sync_stock.cpp.
template pos::Result<StockReply> SyncClient::call<StockReply>(const std::string&,
                                                              const std::string&,
                                                              const std::string&,
                                                              const std::string&);
template pos::Result<TicketReply> SyncClient::call<TicketReply>(const std::string&,
                                                                const std::string&,
                                                                const std::string&,
                                                                const std::string&);
template pos::Result<RecordsReply> SyncClient::call<RecordsReply>(const std::string&,
                                                                  const std::string&,
                                                                  const std::string&,
                                                                  const std::string&);

pos::Result<std::string> SyncClient::token() {
    const db::SyncState state = store_.state();
    update([&](SyncStatus& s) { s.enrolled = state.enrolment.has_value(); });
    if (!state.enrolment)
        return pos::not_allowed("this terminal is not enrolled with head office");
    if (state.enrolment->token == refused_token_) {
        return pos::not_allowed(
            "head office refused this terminal's credentials (revoked); it must be enrolled "
            "again");
    }
    update([](SyncStatus& s) { s.credentials_revoked = false; });
    return state.enrolment->token;
}

void SyncClient::failed(const pos::Error& error) {
    const std::int64_t depth = store_.pending_count();
    const std::int64_t waiting = store_.pending_record_count();
    update([&](SyncStatus& s) {
        s.online = false;
        s.last_error = error.message;
        s.loading_catalogue = false;
        s.queue_depth = depth;
        s.records_waiting = waiting;
    });
}

pos::Result<db::Enrolment> SyncClient::enrol(const std::string& server_url, const std::string& code,
                                             const std::string& terminal_name) {
    auto reply =
        call<EnrolReply>("POST", "/v1/enrol", encode(EnrolRequest{code, terminal_name}), "");
    if (!reply)
        return reply.error();
    const db::Enrolment enrolment{server_url, reply->store_code, reply->store_name,
                                  reply->terminal_id, reply->token};
    if (auto saved = store_.save_enrolment(enrolment); !saved)
        return saved.error();
    refused_token_.clear();
    update([](SyncStatus& s) {
        s.enrolled = true;
        s.credentials_revoked = false;
        s.last_error.clear();
    });
    return enrolment;
}

pos::Result<RoundResult> SyncClient::run_round() {
    RoundResult result;
    auto fail = [this](const pos::Error& error) -> pos::Result<RoundResult> {
        failed(error);
        return error;
    };
    auto sent = upload_pending();
    if (!sent)
        return fail(sent.error());
    result.sent = *sent;
    result.refused = refused_entries_;
    auto records = upload_records();
    if (!records)
        return fail(records.error());
    result.records_sent = *records;
    result.records_refused = refused_records_;
    auto applied = download_changes();
    if (!applied)
        return fail(applied.error());
    result.changes_applied = *applied;
    if (stop_requested_)  // the terminal is closing: what was done stays done
        return pos::store_failure("sync was stopped before the round ended");
    result.catalogue_complete = true;
    const std::int64_t now = clock_.now_ms();
    // A clock moved backwards counts as due: the snapshot is refreshed rather than left stale.
    const bool stock_due = stock_refreshed_at_ms_ < 0 || now < stock_refreshed_at_ms_ ||
                           now - stock_refreshed_at_ms_ >= options_.stock_every_ms;
    if (stock_due) {
        if (auto stock = refresh_stock(); !stock)
            return fail(stock.error());
    }
    if (auto recorded = store_.record_success(now); !recorded)
        return fail(recorded.error());
    const std::int64_t depth = store_.pending_count();
    const std::int64_t waiting = store_.pending_record_count();
    // A refused entry or record leaves the round successful; the status still says why it stays.
    const std::string& refusal = refused_entries_ != 0 ? refused_message_ : refused_record_message_;
    update([&](SyncStatus& s) {
        s.online = true;
        s.last_success_ms = now;
        s.queue_depth = depth;
        s.records_waiting = waiting;
        s.loading_catalogue = false;
        s.retry_in_ms = 0;
        s.last_error = refusal;
    });
    return result;
}

pos::Result<std::int64_t> SyncClient::upload_pending() {
    refused_entries_ = 0;
    refused_message_.clear();
    auto bearer = token();
    if (!bearer)
        return bearer.error();
    std::set<std::int64_t> refused;  // this round's refused sequences: paged past, kept
    std::set<std::int64_t> done;     // confirmed this round: never pending again
    std::int64_t acknowledged = 0;
    std::int64_t anomalies = 0;
    while (!stop_requested_) {
        std::vector<db::OutboxEntry> batch;
        for (auto& entry : store_.pending(refused.size() + options_.upload_batch)) {
            if (!refused.contains(entry.sequence) && batch.size() < options_.upload_batch)
                batch.push_back(std::move(entry));
        }
        if (batch.empty())
            break;
        if (done.contains(batch.front().sequence)) {
            return pos::store_failure("journal entry " + std::to_string(batch.front().sequence) +
                                      " stays in the outbox after head office confirmed it");
        }
        UploadRequest request;
        for (const auto& entry : batch)
            request.entries.push_back(to_wire(entry));
        auto reply = call<UploadReply>("POST", "/v1/journal", encode(request), *bearer);
        if (!reply)
            return reply.error();
        if (reply->results.size() != batch.size()) {
            return pos::store_failure("head office answered " +
                                      std::to_string(reply->results.size()) + " results for " +
                                      std::to_string(batch.size()) + " journal entries sent");
        }
        std::map<std::string, std::vector<std::int64_t>> confirmed_by_terminal;
        for (std::size_t i = 0; i < batch.size(); ++i) {
            const EntryResult& r = reply->results[i];
            if (r.sequence != batch[i].sequence) {
                return pos::store_failure("head office answered for entry " +
                                          std::to_string(r.sequence) + " where entry " +
                                          std::to_string(batch[i].sequence) + " was sent");
            }
            if (confirmed(r.outcome)) {
                confirmed_by_terminal[batch[i].terminal_id].push_back(r.sequence);
                done.insert(r.sequence);
                anomalies += r.outcome == EntryOutcome::anomaly ? 1 : 0;
                continue;
            }
            refused.insert(r.sequence);
            if (refused_message_.empty()) {
                refused_message_ = "head office refused journal entry " +
                                   std::to_string(r.sequence) +
                                   " (kept here to send again): " + r.message;
            }
        }
        for (const auto& [terminal, sequences] : confirmed_by_terminal) {
            auto marked = store_.acknowledge(terminal, sequences, clock_.now_ms());
            if (!marked)
                return marked.error();
            acknowledged += static_cast<std::int64_t>(sequences.size());
        }
        const std::int64_t depth = store_.pending_count();
        update([&](SyncStatus& s) { s.queue_depth = depth; });
    }
    refused_entries_ = static_cast<std::int64_t>(refused.size());
    update([&](SyncStatus& s) { s.anomalies += anomalies; });
    return acknowledged;
}

// Changes the store skipped (head office sends them again once it corrects them).
void SyncClient::note_rejections() {
    const std::int64_t count = store_.rejected_count();
    const auto newest = store_.rejected_changes(1);
    update([&](SyncStatus& s) {
        s.rejected_changes = count;
        s.last_rejection = newest.empty() ? "" : newest.front().message;
    });
}

pos::Result<std::int64_t> SyncClient::download_changes() {
    auto bearer = token();
    if (!bearer)
        return bearer.error();
    db::SyncState state = store_.state();
    const bool full_load = !state.first_load_done || state.cursor == 0;
    std::int64_t cursor = state.cursor;
    std::int64_t applied_total = 0;
    std::int64_t loaded = 0;
    update([&](SyncStatus& s) {
        s.loading_catalogue = full_load;
        s.changes_loaded = 0;
        s.changes_total = 0;
    });
    while (!stop_requested_) {
        const std::string path = "/v1/changes?after=" + std::to_string(cursor) +
                                 "&limit=" + std::to_string(options_.changes_batch);
        auto reply = call<ChangesReply>("GET", path, "", *bearer);
        if (!reply)
            return reply.error();
        const auto count = static_cast<std::int64_t>(reply->changes.size());
        if (count > 0 && reply->next_cursor <= cursor) {
            return pos::store_failure("head office's change log did not move past " +
                                      std::to_string(cursor));
        }
        db::ChangeBatch batch{cursor, std::max(cursor, reply->next_cursor), reply->remaining == 0,
                              std::move(reply->tax_rates), std::move(reply->changes)};
        auto applied = store_.apply_changes(batch);
        if (!applied)
            return applied.error();
        if (*applied) {
            applied_total += count;
            loaded += count;
            cursor = batch.next_cursor;
        } else {
            cursor = store_.state().cursor;  // another worker applied it: go on from there
        }
        const std::int64_t remaining = reply->remaining;
        update([&](SyncStatus& s) {
            s.changes_loaded = loaded;
            s.changes_total = loaded + remaining;
        });
        if (progress_)
            progress_(status());
        if (*applied && remaining == 0)
            break;
        if (!*applied && count == 0 && remaining == 0)
            break;
    }
    note_rejections();
    update([](SyncStatus& s) { s.loading_catalogue = false; });
    return applied_total;
}

}  // namespace headoffice
