#include "client_fakes.hpp"

#include <algorithm>
#include <variant>

namespace client_test {

using headoffice::EntryOutcome;
using headoffice::HttpReply;

namespace {

HttpReply json(int status, std::string body) {
    return {status, std::move(body), ""};
}

std::int64_t query_number(const std::string& path, const std::string& name) {
    const auto at = path.find(name + "=");
    if (at == std::string::npos)
        return -1;
    return std::stoll(path.substr(at + name.size() + 1));
}

}  // namespace

std::vector<pos::ReferenceChange> products(int n) {
    std::vector<pos::ReferenceChange> log;
    for (int i = 1; i <= n; ++i) {
        pos::ProductRecord p;
        p.code = std::to_string(20000000 + i);
        p.barcodes = {p.code};
        p.name = "Product " + std::to_string(i);
        p.tax_code = "A";
        p.unit_price_minor = 100 + i;
        log.push_back({i, "product", p.code, false, p});
    }
    return log;
}

HttpReply FakeHeadOffice::send(const std::string& method, const std::string& path,
                               const std::string& body, const std::string& bearer) {
    const Request request{method, path, body, bearer};
    if (before_answer)
        before_answer(request);
    std::lock_guard lock(mutex);
    requests_.push_back(request);
    if (!canned.empty()) {
        HttpReply reply = canned.front();
        canned.pop_front();
        return reply;
    }
    return answer(request);
}

HttpReply FakeHeadOffice::answer(const Request& request) {
    if (request.path == "/v1/enrol")
        return json(200, headoffice::encode(enrol_reply));
    if (request.token != token)
        return json(401, headoffice::encode(headoffice::ErrorReply{"credentials revoked"}));
    if (request.path == "/v1/journal")
        return upload(request.body);
    if (request.path.rfind("/v1/changes", 0) == 0)
        return changes(request.path);
    if (request.path.rfind("/v1/stock?", 0) == 0) {
        headoffice::StockReply reply{stock_as_of_ms, stock, stores};
        return json(200, headoffice::encode(reply));
    }
    if (request.path.rfind("/v1/stock/", 0) == 0)
        return live_stock(request.path);
    if (request.path == "/v1/records")
        return records(request.body);
    return json(404, headoffice::encode(headoffice::ErrorReply{"no such thing"}));
}

HttpReply FakeHeadOffice::upload(const std::string& body) {
    auto request = headoffice::decode<headoffice::UploadRequest>(body);
    if (!request)
        return json(400, headoffice::encode(headoffice::ErrorReply{request.error().message}));
    headoffice::UploadReply reply;
    for (const auto& entry : request->entries) {
        EntryOutcome outcome =
            received_.contains(entry.sequence) ? EntryOutcome::repeat : EntryOutcome::stored;
        if (auto scripted = outcome_of.find(entry.sequence); scripted != outcome_of.end())
            outcome = scripted->second;
        if (outcome != EntryOutcome::refused)
            ++received_[entry.sequence];
        const std::string why = outcome == EntryOutcome::refused   ? "names another terminal"
                                : outcome == EntryOutcome::anomaly ? "content differs"
                                                                   : "";
        reply.results.push_back({entry.sequence, outcome, why});
    }
    while (received_.contains(reply.contiguous_through + 1))
        ++reply.contiguous_through;
    return json(200, headoffice::encode(reply));
}

HttpReply FakeHeadOffice::changes(const std::string& path) {
    const std::int64_t after = query_number(path, "after");
    const std::int64_t limit = query_number(path, "limit");
    headoffice::ChangesReply reply;
    reply.tax_rates = tax_rates;
    reply.next_cursor = after;
    for (const auto& change : change_log) {
        if (change.sequence <= after)
            continue;
        if (static_cast<std::int64_t>(reply.changes.size()) < limit) {
            reply.changes.push_back(change);
            reply.next_cursor = change.sequence;
        } else {
            ++reply.remaining;
        }
    }
    return json(200, headoffice::encode(reply));
}

namespace {
const std::string& id_of(const pos::ServiceRecord& record) {
    return std::visit([](const auto& r) -> const std::string& { return r.id; }, record);
}
}  // namespace

HttpReply FakeHeadOffice::records(const std::string& body) {
    auto upload = headoffice::decode<headoffice::RecordsUpload>(body);
    if (!upload)
        return json(400, headoffice::encode(headoffice::ErrorReply{upload.error().message}));
    records_batches.push_back(upload->records.size());
    headoffice::RecordsReply reply;
    for (const auto& record : upload->records) {
        const std::string& id = id_of(record);
        auto outcome = headoffice::RecordOutcome::stored;
        if (auto scripted = record_outcome_of.find(id); scripted != record_outcome_of.end())
            outcome = scripted->second;
        const bool refused = outcome == headoffice::RecordOutcome::refused;
        if (!refused)
            records_received.push_back(record);
        reply.results.push_back({std::string(pos::service_kind(record)), id, outcome,
                                 refused ? "belongs to another store" : ""});
    }
    return json(200, headoffice::encode(reply));
}

HttpReply FakeHeadOffice::live_stock(const std::string& path) {
    const std::string code = path.substr(std::string("/v1/stock/").size());
    headoffice::StockReply reply{stock_as_of_ms, {}, stores};
    for (const auto& level : stock) {
        if (level.product_code == code)
            reply.levels.push_back(level);
    }
    return json(200, headoffice::encode(reply));
}

std::vector<Request> FakeHeadOffice::requests() const {
    auto& self = const_cast<FakeHeadOffice&>(*this);
    std::lock_guard lock(self.mutex);
    return requests_;
}

std::vector<std::string> FakeHeadOffice::paths() const {
    std::vector<std::string> out;
    for (const auto& r : requests())
        out.push_back(r.method + " " + r.path);
    return out;
}

std::map<std::int64_t, int> FakeHeadOffice::received() const {
    auto& self = const_cast<FakeHeadOffice&>(*this);
    std::lock_guard lock(self.mutex);
    return received_;
}

db::Enrolment enrolment(const std::string& token) {
    return {"http://127.0.0.1:9", "S001", "High Street", "T01", token};
}

db::SyncState MemorySyncStore::state() {
    return sync;
}

pos::Status MemorySyncStore::save_enrolment(const db::Enrolment& e) {
    sync.enrolment = e;
    return pos::ok();
}

pos::Status MemorySyncStore::forget_enrolment() {
    sync.enrolment.reset();
    return pos::ok();
}

std::vector<db::OutboxEntry> MemorySyncStore::pending(std::size_t limit) {
    std::vector<db::OutboxEntry> out;
    for (const auto& e : outbox) {
        if (out.size() < limit && !acknowledged.contains(e.sequence))
            out.push_back(e);
    }
    return out;
}

std::int64_t MemorySyncStore::pending_count() {
    return static_cast<std::int64_t>(pending(outbox.size()).size());
}

pos::Result<std::int64_t> MemorySyncStore::acknowledge(const std::string&,
                                                       const std::vector<std::int64_t>& sequences,
                                                       std::int64_t) {
    std::int64_t marked = 0;
    for (const auto s : sequences)
        marked += acknowledged.insert(s).second ? 1 : 0;
    return marked;
}

pos::Result<bool> MemorySyncStore::apply_changes(const db::ChangeBatch& batch) {
    if (before_apply)
        before_apply(batch);
    if (batch.from_cursor != sync.cursor)
        return false;
    for (const auto& change : batch.changes)
        reference[change.kind + "/" + change.key] = change;
    sync.cursor = batch.next_cursor;
    sync.first_load_done = sync.first_load_done || batch.reached_end;
    applied.push_back(batch);
    return true;
}

pos::Status MemorySyncStore::reset_cursor() {
    sync.cursor = 0;
    return pos::ok();
}

pos::Status MemorySyncStore::record_success(std::int64_t at_ms) {
    sync.last_success_ms = at_ms;
    return pos::ok();
}

pos::Status MemorySyncStore::save_stock(const std::vector<pos::StockLevel>& levels,
                                        std::int64_t as_of_ms) {
    for (const auto& level : levels)
        snapshot.push_back({level, as_of_ms});
    sync.stock_as_of_ms = as_of_ms;
    return pos::ok();
}

std::vector<db::StockSnapshotRow> MemorySyncStore::stock_of(const std::string& code) {
    std::vector<db::StockSnapshotRow> out;
    for (const auto& row : snapshot) {
        if (row.level.product_code == code)
            out.push_back(row);
    }
    return out;
}

std::vector<db::PendingRecord> MemorySyncStore::pending_records(std::size_t limit,
                                                                std::int64_t after) {
    std::vector<db::PendingRecord> out;
    for (const auto& pending : record_queue) {
        if (pending.queue_id > after && out.size() < limit)
            out.push_back(pending);
    }
    return out;
}

std::int64_t MemorySyncStore::pending_record_count() {
    return static_cast<std::int64_t>(record_queue.size());
}

pos::Status MemorySyncStore::acknowledge_records(const std::vector<std::int64_t>& queue_ids,
                                                 std::int64_t) {
    std::erase_if(record_queue, [&](const db::PendingRecord& pending) {
        return std::find(queue_ids.begin(), queue_ids.end(), pending.queue_id) != queue_ids.end();
    });
    return pos::ok();
}

pos::Status MemorySyncStore::save_stores(const std::vector<pos::StoreInfo>& stores) {
    saved_stores = stores;
    return pos::ok();
}

pos::Status MemorySyncStore::save_live_stock(const std::vector<pos::StockLevel>& levels,
                                             std::int64_t as_of_ms) {
    for (const auto& level : levels)
        snapshot.push_back({level, as_of_ms});  // the refresh point stays where it was
    return pos::ok();
}

std::vector<pos::StoreInfo> MemorySyncStore::stores() {
    return saved_stores;
}

void MemorySyncStore::queue_record(const pos::ServiceRecord& record) {
    const std::string& id = id_of(record);
    std::erase_if(record_queue, [&](const db::PendingRecord& pending) {
        return pending.record.index() == record.index() && id_of(pending.record) == id;
    });
    record_queue.push_back({++last_queue_id, record});
}

void MemorySyncStore::add_entries(int n) {
    for (int i = 1; i <= n; ++i) {
        const auto seq = static_cast<std::int64_t>(outbox.size()) + 1;
        outbox.push_back({"T01", seq, "sale", "entity-" + std::to_string(seq),
                          "ticket-" + std::to_string(seq), 1'700'000'000'000 + seq,
                          "payload " + std::to_string(seq), "prev", "hash"});
    }
}

}  // namespace client_test
