// The head-office sync protocol: the messages terminals and head office exchange, and their JSON.
// Shared by the server and the terminal's sync client; nlohmann-json stays inside protocol.cpp.
//
// Paths (all under /v1; every request but enrol carries "Authorization: Bearer TOKEN"):
//   POST /v1/enrol                  EnrolRequest  -> EnrolReply
//   POST /v1/journal                UploadRequest -> UploadReply
//   GET  /v1/changes?after=N&limit=M              -> ChangesReply
//   GET  /v1/stock?since_ms=T                     -> StockReply (levels changed since T)
//   GET  /v1/stock/CODE                           -> StockReply (live, every store, one product)
//   GET  /v1/tickets/RECEIPT                      -> TicketReply (a ticket sold anywhere)
//   POST /v1/records                RecordsUpload -> RecordsReply (customers, interactions, ...)
//   GET  /v1/health                               -> HealthReply (no token needed)
// A refusal is an HTTP status (400 bad input, 401 unknown or revoked credentials, 403 not allowed,
// 404 not found, 409 conflict, 500 server fault) with ErrorReply as its body.
// Money is integer minor units and quantities integer milli-units, as everywhere.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "pos/reference_data.hpp"
#include "pos/result.hpp"
#include "pos/tax.hpp"

namespace headoffice {

inline constexpr std::string_view protocol_version = "counter-sync-1";

// ---- enrolment -------------------------------------------------------------------------------

struct EnrolRequest {
    std::string code;           // the one-time code head office issued for this terminal
    std::string terminal_name;  // free text for the admin's list ("till by the door")
};

struct EnrolReply {
    std::string store_code;  // "S001"
    std::string store_name;
    std::string terminal_id;  // "T01": unique across the chain, so receipt numbers never collide
    std::string token;        // the bearer token; head office keeps only its hash
};

// ---- up: journal entries ---------------------------------------------------------------------

// A journal entry exactly as the terminal wrote it (see db/README.md, "Journal").
struct JournalEntry {
    std::string terminal_id;
    std::int64_t sequence = 0;
    std::string kind;       // sale, return, exchange, post_void, ticket_void, ...
    std::string entity_id;  // UUID of the ticket or event
    std::string ticket_id;
    std::int64_t at_ms = 0;
    std::string payload;  // canonical text, hashed
    std::string prev_hash;
    std::string hash;
    friend bool operator==(const JournalEntry&, const JournalEntry&) = default;
};

struct UploadRequest {
    std::vector<JournalEntry> entries;  // ascending sequence, at most max_upload_batch
};
inline constexpr std::size_t max_upload_batch = 500;

enum class EntryOutcome {
    stored,   // new, applied
    repeat,   // already held with the same content: nothing changed
    anomaly,  // held for review (content differs from what is held, broken chain, bad payload);
              // still counts as received: the terminal may mark it acknowledged
    refused,  // not accepted at all (names another terminal): the terminal keeps it
};
std::string_view to_string(EntryOutcome outcome);

struct EntryResult {
    std::int64_t sequence = 0;
    EntryOutcome outcome = EntryOutcome::stored;
    std::string message;  // why, for anomaly and refused
};

struct UploadReply {
    std::vector<EntryResult> results;  // one per entry sent, in the same order
    // The highest N such that head office holds entries 1..N of this terminal (0: none).
    std::int64_t contiguous_through = 0;
};

// ---- up: service records (customers, interactions, loyalty, stock requests, special orders) ----

// The latest state of each record; head office keeps the newest by updated_at_ms (a loyalty
// movement never changes: a repeat is held already).
struct RecordsUpload {
    std::vector<pos::ServiceRecord> records;
};
inline constexpr std::size_t max_records_batch = 200;

enum class RecordOutcome {
    stored,   // written (or the same state was held already)
    stale,    // head office holds a newer state of it: nothing written, the terminal may forget it
    refused,  // malformed or not this terminal's to write (message says why); kept at the terminal
};
std::string_view to_string(RecordOutcome outcome);

struct RecordResult {
    std::string kind;
    std::string key;
    RecordOutcome outcome = RecordOutcome::stored;
    std::string message;  // for refused
};

struct RecordsReply {
    std::vector<RecordResult> results;  // one per record sent, in order
};

// ---- down: reference data --------------------------------------------------------------------

struct ChangesReply {
    // The whole tax table, in every reply: products name their rate by code, and a rate changed
    // after a product would otherwise reach a new terminal after it.
    std::vector<pos::TaxRate> tax_rates;
    std::vector<pos::ReferenceChange> changes;  // ascending sequence, all > the cursor asked for
    std::int64_t next_cursor = 0;               // the last change's sequence (or the cursor asked)
    std::int64_t remaining = 0;                 // changes after next_cursor at the time of reading
};
inline constexpr std::int64_t max_changes_batch = 5000;

// ---- stock and tickets -----------------------------------------------------------------------

struct StockReply {
    std::int64_t as_of_ms = 0;  // head office's clock when it read the levels
    std::vector<pos::StockLevel> levels;
    std::vector<pos::StoreInfo> stores{};  // every store of the chain, code and name
};

// A completed ticket sold at any store, for a return: its journal entry, and what later returns
// (anywhere in the chain) already took from each of its lines.
struct TicketReply {
    std::string store_code;
    JournalEntry entry;
    std::map<std::string, std::int64_t> returned_milli;  // by original line id
    std::string post_voided_by;                          // receipt number; empty when none
};

struct HealthReply {
    std::string version;  // protocol_version
    std::int64_t server_time_ms = 0;
    std::string storage;  // "sqlite" or "postgresql"
};

struct ErrorReply {
    std::string error;  // says what was wrong, for the terminal's log and status line
};

// ---- JSON ------------------------------------------------------------------------------------
// encode() never fails. decode<T>() checks every field's presence and type and says which one is
// wrong ("changes[3].record.unit_price_minor: expected an integer"); it never throws.

std::string encode(const EnrolRequest& message);
std::string encode(const EnrolReply& message);
std::string encode(const UploadRequest& message);
std::string encode(const UploadReply& message);
std::string encode(const ChangesReply& message);
std::string encode(const StockReply& message);
std::string encode(const TicketReply& message);
std::string encode(const HealthReply& message);
std::string encode(const RecordsUpload& message);
std::string encode(const RecordsReply& message);
std::string encode(const ErrorReply& message);

template <typename T>
pos::Result<T> decode(std::string_view json);

// One reference record's JSON object, exactly as it appears in a change's "record" field (head
// office also stores this text in its change log), and back. kind is "product", "promotion",
// "user", "setting", "customer", "interaction", "loyalty" or "stock_request"; decode_record names
// the wrong field ("unit_price_minor: expected an integer") and never throws.
std::string encode_record(const pos::ReferenceRecord& record);
pos::Result<pos::ReferenceRecord> decode_record(std::string_view kind, std::string_view json);

template <>
pos::Result<EnrolRequest> decode<EnrolRequest>(std::string_view json);
template <>
pos::Result<EnrolReply> decode<EnrolReply>(std::string_view json);
template <>
pos::Result<UploadRequest> decode<UploadRequest>(std::string_view json);
template <>
pos::Result<UploadReply> decode<UploadReply>(std::string_view json);
template <>
pos::Result<ChangesReply> decode<ChangesReply>(std::string_view json);
template <>
pos::Result<StockReply> decode<StockReply>(std::string_view json);
template <>
pos::Result<TicketReply> decode<TicketReply>(std::string_view json);
template <>
pos::Result<HealthReply> decode<HealthReply>(std::string_view json);
template <>
pos::Result<ErrorReply> decode<ErrorReply>(std::string_view json);
template <>
pos::Result<RecordsUpload> decode<RecordsUpload>(std::string_view json);
template <>
pos::Result<RecordsReply> decode<RecordsReply>(std::string_view json);

// A service record's JSON object (as in RecordsUpload) and back; kind as pos::service_kind.
std::string encode_service_record(const pos::ServiceRecord& record);
pos::Result<pos::ServiceRecord> decode_service_record(std::string_view kind, std::string_view json);

}  // namespace headoffice
