// The messages of POST /v1/records (customer-service records going up) and their JSON.
#include <nlohmann/json.hpp>

#include "headoffice/protocol/json_reader.hpp"
#include "headoffice/protocol/protocol.hpp"
#include "headoffice/protocol/service_json.hpp"

namespace headoffice {

namespace {

using nlohmann::json;
using namespace json_reader;
using namespace service_json;

constexpr std::string_view record_outcome_words[] = {"stored", "stale", "refused"};

// The index of `kind` in service_kinds, or service_kinds' size when it is none of them.
std::size_t service_kind_index(std::string_view kind) {
    std::size_t index = 0;
    while (index < std::size(service_kinds) && service_kinds[index] != kind)
        ++index;
    return index;
}

const std::string unknown_kind_text =
    "(expected customer, interaction, loyalty, stock_request or special_order)";

// An upload's element: {"kind": "customer", "record": {...}}.
json upload_item_json(const pos::ServiceRecord& record) {
    json out = {{"kind", kind_of(record)}};
    out["record"] = service_record_json(record);
    return out;
}
pos::ServiceRecord read_upload_item(const json& value, const Path& path) {
    const ObjectReader in(value, path);
    const std::string kind = in.string("kind");
    const std::size_t index = service_kind_index(kind);
    if (index == std::size(service_kinds))
        fail(path.field("kind"), "unknown value '" + kind + "' " + unknown_kind_text);
    return read_service_record(index, in.raw("record"), path.field("record"));
}

RecordResult read_result(const json& value, const Path& path) {
    const ObjectReader in(value, path);
    RecordResult result;
    result.kind = in.string("kind");
    result.key = in.string("key");
    result.outcome = enum_field<RecordOutcome>(in, "outcome", record_outcome_words);
    result.message = in.string("message");
    return result;
}

}  // namespace

std::string_view to_string(RecordOutcome outcome) {
    return record_outcome_words[static_cast<std::size_t>(outcome)];
}

std::string encode(const RecordsUpload& message) {
    json records = json::array();
    for (const auto& record : message.records)
        records.push_back(upload_item_json(record));
    json out = json::object();  // moved in: braces would copy it
    out["records"] = std::move(records);
    return dump(out);
}

std::string encode(const RecordsReply& message) {
    json results = json::array();
    for (const auto& result : message.results) {
        results.push_back({{"kind", result.kind},
                           {"key", result.key},
                           {"outcome", to_string(result.outcome)},
                           {"message", result.message}});
    }
    json out = json::object();
    out["results"] = std::move(results);
    return dump(out);
}

std::string encode_service_record(const pos::ServiceRecord& record) {
    return dump(service_record_json(record));
}

pos::Result<pos::ServiceRecord> decode_service_record(std::string_view kind,
                                                      std::string_view json_text) {
    const std::size_t index = service_kind_index(kind);
    if (index == std::size(service_kinds)) {
        return pos::bad_input("unknown record kind '" + std::string(kind) + "' " +
                              unknown_kind_text);
    }
    return decode_document<pos::ServiceRecord>(
        json_text, std::string(kind) + " record",
        [index](const json& document) { return read_service_record(index, document, Path{}); });
}

template <>
pos::Result<RecordsUpload> decode<RecordsUpload>(std::string_view json_text) {
    return decode_with<RecordsUpload>(json_text, "records upload", [](const ObjectReader& in) {
        return RecordsUpload{in.list<pos::ServiceRecord>("records", read_upload_item)};
    });
}

template <>
pos::Result<RecordsReply> decode<RecordsReply>(std::string_view json_text) {
    return decode_with<RecordsReply>(json_text, "records reply", [](const ObjectReader& in) {
        return RecordsReply{in.list<RecordResult>("results", read_result)};
    });
}

}  // namespace headoffice
