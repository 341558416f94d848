#include "headoffice/protocol/protocol.hpp"

#include <nlohmann/json.hpp>

#include "headoffice/protocol/json_reader.hpp"
#include "headoffice/protocol/reference_json.hpp"

namespace headoffice {

namespace {

using nlohmann::json;
using namespace json_reader;
using namespace reference_json;

constexpr std::string_view outcome_words[] = {"stored", "repeat", "anomaly", "refused"};

// ---- journal entries -------------------------------------------------------------------------

json entry_json(const JournalEntry& entry) {
    return {
        {"terminal_id", entry.terminal_id}, {"sequence", entry.sequence},   {"kind", entry.kind},
        {"entity_id", entry.entity_id},     {"ticket_id", entry.ticket_id}, {"at_ms", entry.at_ms},
        {"payload", entry.payload},         {"prev_hash", entry.prev_hash}, {"hash", entry.hash}};
}
JournalEntry read_entry(const json& value, const Path& path) {
    const ObjectReader in(value, path);
    JournalEntry entry;
    entry.terminal_id = in.string("terminal_id");
    entry.sequence = in.integer("sequence");
    entry.kind = in.string("kind");
    entry.entity_id = in.string("entity_id");
    entry.ticket_id = in.string("ticket_id");
    entry.at_ms = in.integer("at_ms");
    entry.payload = in.string("payload");
    entry.prev_hash = in.string("prev_hash");
    entry.hash = in.string("hash");
    return entry;
}

json level_json(const pos::StockLevel& level) {
    return {{"store_code", level.store_code},         {"product_code", level.product_code},
            {"quantity_milli", level.quantity_milli}, {"on_order_milli", level.on_order_milli},
            {"expected_day", level.expected_day},     {"location", level.location}};
}
// on_order_milli, expected_day and location came later: absent from an older head office.
pos::StockLevel read_level(const json& value, const Path& path) {
    const ObjectReader in(value, path);
    pos::StockLevel level;
    level.store_code = in.string("store_code");
    level.product_code = in.string("product_code");
    level.quantity_milli = in.integer("quantity_milli");
    level.on_order_milli = in.integer_or("on_order_milli", 0);
    level.expected_day = in.integer_or("expected_day", 0);
    level.location = in.string_or("location", "");
    return level;
}

json store_json(const pos::StoreInfo& store) {
    return {{"code", store.code}, {"name", store.name}};
}
pos::StoreInfo read_store(const json& value, const Path& path) {
    const ObjectReader in(value, path);
    return {in.string("code"), in.string("name")};
}

}  // namespace

std::string_view to_string(EntryOutcome outcome) {
    return outcome_words[static_cast<std::size_t>(outcome)];
}

// ---- encode ----------------------------------------------------------------------------------

std::string encode(const EnrolRequest& message) {
    return dump({{"code", message.code}, {"terminal_name", message.terminal_name}});
}

std::string encode(const EnrolReply& message) {
    return dump({{"store_code", message.store_code},
                 {"store_name", message.store_name},
                 {"terminal_id", message.terminal_id},
                 {"token", message.token}});
}

std::string encode(const UploadRequest& message) {
    json entries = json::array();
    for (const auto& entry : message.entries)
        entries.push_back(entry_json(entry));
    json out = json::object();  // nested values are moved in below: braces would copy them
    out["entries"] = std::move(entries);
    return dump(out);
}

std::string encode(const UploadReply& message) {
    json results = json::array();
    for (const auto& result : message.results) {
        results.push_back({{"sequence", result.sequence},
                           {"outcome", to_string(result.outcome)},
                           {"message", result.message}});
    }
    json out = {{"contiguous_through", message.contiguous_through}};
    out["results"] = std::move(results);
    return dump(out);
}

std::string encode(const ChangesReply& message) {
    json rates = json::array();
    for (const auto& rate : message.tax_rates)
        rates.push_back(tax_rate_json(rate));
    json changes = json::array();
    for (const auto& change : message.changes)
        changes.push_back(change_json(change));
    json out = {{"next_cursor", message.next_cursor}, {"remaining", message.remaining}};
    out["tax_rates"] = std::move(rates);
    out["changes"] = std::move(changes);
    return dump(out);
}

std::string encode(const StockReply& message) {
    json levels = json::array();
    for (const auto& level : message.levels)
        levels.push_back(level_json(level));
    json stores = json::array();
    for (const auto& store : message.stores)
        stores.push_back(store_json(store));
    json out = {{"as_of_ms", message.as_of_ms}};
    out["levels"] = std::move(levels);
    out["stores"] = std::move(stores);
    return dump(out);
}

std::string encode(const TicketReply& message) {
    json returned = json::object();
    for (const auto& [line_id, milli] : message.returned_milli)
        returned[line_id] = milli;
    json out = {{"store_code", message.store_code}, {"post_voided_by", message.post_voided_by}};
    out["entry"] = entry_json(message.entry);
    out["returned_milli"] = std::move(returned);
    return dump(out);
}

std::string encode(const HealthReply& message) {
    return dump({{"version", message.version},
                 {"server_time_ms", message.server_time_ms},
                 {"storage", message.storage}});
}

std::string encode(const ErrorReply& message) {
    return dump({{"error", message.error}});
}

std::string encode_record(const pos::ReferenceRecord& record) {
    return dump(record_json(record));
}

// ---- decode ----------------------------------------------------------------------------------

pos::Result<pos::ReferenceRecord> decode_record(std::string_view kind, std::string_view json_text) {
    std::size_t index = 0;
    while (index < std::size(change_kinds) && change_kinds[index] != kind)
        ++index;
    if (index == std::size(change_kinds)) {
        return pos::bad_input(
            "unknown record kind '" + std::string(kind) +
            "' (expected product, promotion, user, setting, customer, interaction, loyalty or "
            "stock_request)");
    }
    return decode_document<pos::ReferenceRecord>(
        json_text, std::string(kind) + " record",
        [index](const json& document) { return read_record(index, document, Path{}); });
}

template <>
pos::Result<EnrolRequest> decode<EnrolRequest>(std::string_view json_text) {
    return decode_with<EnrolRequest>(json_text, "enrol request", [](const ObjectReader& in) {
        return EnrolRequest{in.string("code"), in.string("terminal_name")};
    });
}

template <>
pos::Result<EnrolReply> decode<EnrolReply>(std::string_view json_text) {
    return decode_with<EnrolReply>(json_text, "enrol reply", [](const ObjectReader& in) {
        return EnrolReply{in.string("store_code"), in.string("store_name"),
                          in.string("terminal_id"), in.string("token")};
    });
}

template <>
pos::Result<UploadRequest> decode<UploadRequest>(std::string_view json_text) {
    return decode_with<UploadRequest>(json_text, "upload", [](const ObjectReader& in) {
        return UploadRequest{in.list<JournalEntry>("entries", read_entry)};
    });
}

template <>
pos::Result<UploadReply> decode<UploadReply>(std::string_view json_text) {
    return decode_with<UploadReply>(json_text, "upload reply", [](const ObjectReader& in) {
        UploadReply reply;
        reply.results = in.list<EntryResult>("results", [](const json& item, const Path& at) {
            const ObjectReader result(item, at);
            const auto outcome =
                word_index(outcome_words, result.string("outcome"), at.field("outcome"));
            return EntryResult{result.integer("sequence"), static_cast<EntryOutcome>(outcome),
                               result.string("message")};
        });
        reply.contiguous_through = in.integer("contiguous_through");
        return reply;
    });
}

template <>
pos::Result<ChangesReply> decode<ChangesReply>(std::string_view json_text) {
    return decode_with<ChangesReply>(json_text, "changes", [](const ObjectReader& in) {
        ChangesReply reply;
        reply.tax_rates = in.list<pos::TaxRate>("tax_rates", read_tax_rate);
        reply.changes = in.list<pos::ReferenceChange>("changes", read_change);
        reply.next_cursor = in.integer("next_cursor");
        reply.remaining = in.integer("remaining");
        return reply;
    });
}

template <>
pos::Result<StockReply> decode<StockReply>(std::string_view json_text) {
    return decode_with<StockReply>(json_text, "stock", [](const ObjectReader& in) {
        StockReply reply{in.integer("as_of_ms"), in.list<pos::StockLevel>("levels", read_level)};
        if (in.has("stores"))  // absent from an older head office
            reply.stores = in.list<pos::StoreInfo>("stores", read_store);
        return reply;
    });
}

template <>
pos::Result<TicketReply> decode<TicketReply>(std::string_view json_text) {
    return decode_with<TicketReply>(json_text, "ticket", [](const ObjectReader& in) {
        TicketReply reply;
        reply.store_code = in.string("store_code");
        reply.entry = read_entry(in.raw("entry"), in.path().field("entry"));
        const Path returned_path = in.path().field("returned_milli");
        const json& returned = object_at(in.raw("returned_milli"), returned_path);
        for (const auto& [line_id, milli] : returned.items())
            reply.returned_milli[line_id] = integer_at(milli, returned_path.field(line_id));
        reply.post_voided_by = in.string("post_voided_by");
        return reply;
    });
}

template <>
pos::Result<HealthReply> decode<HealthReply>(std::string_view json_text) {
    return decode_with<HealthReply>(json_text, "health", [](const ObjectReader& in) {
        return HealthReply{in.string("version"), in.integer("server_time_ms"),
                           in.string("storage")};
    });
}

template <>
pos::Result<ErrorReply> decode<ErrorReply>(std::string_view json_text) {
    return decode_with<ErrorReply>(json_text, "error reply", [](const ObjectReader& in) {
        return ErrorReply{in.string("error")};
    });
}

}  // namespace headoffice
