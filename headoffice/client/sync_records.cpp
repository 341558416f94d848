// Service records (customers, interactions, loyalty movements, stock requests, special orders) up
// to head office: POST /v1/records in batches, oldest first. Stored and stale ones leave the queue;
// a refused one stays queued and is paged past, so it never blocks those after it.
#include <algorithm>
#include <string>
#include <variant>
#include <vector>

#include "headoffice/client/sync_client.hpp"

namespace headoffice {

namespace {

const std::string& key_of(const pos::ServiceRecord& record) {
    return std::visit([](const auto& r) -> const std::string& { return r.id; }, record);
}

bool held_by_head_office(RecordOutcome outcome) {
    return outcome != RecordOutcome::refused;
}

// The reply must answer each record sent, in order: anything else is head office's fault, and
// acknowledging on it could drop a record head office never took.
pos::Status check_answers(const std::vector<db::PendingRecord>& batch, const RecordsReply& reply) {
    if (reply.results.size() != batch.size()) {
        return pos::store_failure("head office answered " + std::to_string(reply.results.size()) +
                                  " results for " + std::to_string(batch.size()) + " records sent");
    }
    for (std::size_t i = 0; i < batch.size(); ++i) {
        const std::string& sent = key_of(batch[i].record);
        if (reply.results[i].key != sent) {
            return pos::store_failure("head office answered for record '" + reply.results[i].key +
                                      "' where '" + sent + "' was sent");
        }
    }
    return pos::ok();
}

}  // namespace

pos::Result<std::int64_t> SyncClient::upload_records() {
    refused_records_ = 0;
    refused_record_message_.clear();
    auto bearer = token();
    if (!bearer)
        return bearer.error();
    const std::size_t limit = std::clamp<std::size_t>(options_.records_batch, 1, max_records_batch);
    std::int64_t after = 0;  // the last queue id read: refused ones stay behind it
    std::int64_t held = 0;
    while (!stop_requested_) {
        std::vector<db::PendingRecord> batch = store_.pending_records(limit, after);
        if (batch.empty())
            break;
        if (batch.front().queue_id <= after) {
            return pos::store_failure("the record queue went back to entry " +
                                      std::to_string(batch.front().queue_id) + " after " +
                                      std::to_string(after));
        }
        RecordsUpload request;
        for (const auto& pending : batch)
            request.records.push_back(pending.record);
        auto reply = call<RecordsReply>("POST", "/v1/records", encode(request), *bearer);
        if (!reply)
            return reply.error();
        if (auto answered = check_answers(batch, *reply); !answered)
            return answered.error();
        std::vector<std::int64_t> acknowledged;
        for (std::size_t i = 0; i < batch.size(); ++i) {
            const RecordResult& result = reply->results[i];
            if (held_by_head_office(result.outcome)) {
                acknowledged.push_back(batch[i].queue_id);
                continue;
            }
            ++refused_records_;
            if (refused_record_message_.empty()) {
                refused_record_message_ = "head office refused " + result.kind + " '" + result.key +
                                          "' (kept here to send again): " + result.message;
            }
        }
        if (!acknowledged.empty()) {
            if (auto removed = store_.acknowledge_records(acknowledged, clock_.now_ms()); !removed)
                return removed.error();
            held += static_cast<std::int64_t>(acknowledged.size());
        }
        after = batch.back().queue_id;
        const std::int64_t waiting = store_.pending_record_count();
        update([&](SyncStatus& s) { s.records_waiting = waiting; });
    }
    update([&](SyncStatus& s) {
        s.records_refused = refused_records_;
        s.last_record_refusal = refused_record_message_;
    });
    return held;
}

}  // namespace headoffice
