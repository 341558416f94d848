// Service records terminals send up (POST /v1/records): customers, interactions, loyalty
// movements, stock requests and special orders. Each record is stored on its own transaction;
// the newest updated_at_ms wins. Customers, interactions, loyalty movements and stock requests
// also go into the change log chain-wide (scope ''), so every store's terminals receive them.
#include <optional>
#include <string>
#include <type_traits>
#include <variant>

#include "headoffice/server/head_office.hpp"
#include "headoffice/server/internal.hpp"
#include "headoffice/server/records_internal.hpp"

namespace headoffice {

namespace detail {

namespace {

// Each kind's table, with the columns head office searches and checks beside the JSON.
TableRow row_of(const pos::Customer& c, const std::string& data) {
    return {"customers",
            {"id", "name", "phone", "email", "card", "merged_into", "home_store", "updated_at_ms",
             "data"},
            {c.id, c.name, c.phone, c.email, c.card, c.merged_into, c.home_store, c.updated_at_ms,
             data}};
}
TableRow row_of(const pos::Interaction& i, const std::string& data) {
    return {"interactions",
            {"id", "store_code", "number", "status", "customer_id", "opened_at_ms", "updated_at_ms",
             "data"},
            {i.id, i.store_code, i.number, std::string(pos::to_string(i.status)), i.customer_id,
             i.opened_at_ms, i.updated_at_ms, data}};
}
TableRow row_of(const pos::LoyaltyMovement& m, const std::string& data) {
    return {"loyalty_movements",
            {"id", "customer_id", "points", "store_code", "at_ms", "data"},
            {m.id, m.customer_id, m.points, m.store_code, m.at_ms, data}};
}
TableRow row_of(const pos::StockRequest& r, const std::string& data) {
    return {"stock_requests",
            {"id", "from_store", "to_store", "status", "created_at_ms", "updated_at_ms", "data"},
            {r.id, r.from_store, r.to_store, std::string(pos::to_string(r.status)), r.created_at_ms,
             r.updated_at_ms, data}};
}
TableRow row_of(const pos::SpecialOrder& o, const std::string& data) {
    return {"special_orders",
            {"id", "store_code", "number", "status", "customer_id", "created_at_ms",
             "updated_at_ms", "data"},
            {o.id, o.store_code, o.number, std::string(pos::to_string(o.status)), o.customer_id,
             o.created_at_ms, o.updated_at_ms, data}};
}

}  // namespace

TableRow table_row(const pos::ServiceRecord& record, const std::string& data) {
    return std::visit([&](const auto& r) { return row_of(r, data); }, record);
}

void upsert(sql::Connection& connection, const TableRow& row) {
    std::string columns, slots, updates;
    for (std::size_t i = 0; i < row.columns.size(); ++i) {
        columns += (i == 0 ? "" : ", ") + row.columns[i];
        slots += (i == 0 ? "$" : ", $") + std::to_string(i + 1);
        if (i > 0)
            updates += (i == 1 ? "" : ", ") + row.columns[i] + " = excluded." + row.columns[i];
    }
    // A concurrent upload of a newer state (PostgreSQL, two servers) is never overwritten.
    const bool loyalty = row.table == "loyalty_movements";
    const std::string time = row.table + (loyalty ? ".at_ms" : ".updated_at_ms");
    connection.execute("INSERT INTO " + row.table + " (" + columns + ") VALUES (" + slots +
                           ") ON CONFLICT (id) DO UPDATE SET " + updates + " WHERE " + time +
                           " < excluded." + (loyalty ? "at_ms" : "updated_at_ms"),
                       row.values);
}

bool chain_wide(const pos::ServiceRecord& record) {
    return !std::holds_alternative<pos::SpecialOrder>(record);
}

void write_record_change(sql::Connection& connection, const pos::ServiceRecord& record) {
    std::visit(
        [&](const auto& r) {
            using T = std::decay_t<decltype(r)>;
            if constexpr (!std::is_same_v<T, pos::SpecialOrder>)
                write_change(connection, pos::service_kind(record), r.id, "", false,
                             pos::ReferenceRecord(r));
        },
        record);
}

}  // namespace detail

namespace {

struct Held {
    std::int64_t updated_at_ms = 0;
    std::string data;
};

std::int64_t updated_at(const pos::ServiceRecord& record) {
    return std::visit(
        [](const auto& r) -> std::int64_t {
            if constexpr (std::is_same_v<std::decay_t<decltype(r)>, pos::LoyaltyMovement>)
                return r.at_ms;
            else
                return r.updated_at_ms;
        },
        record);
}

std::optional<Held> held_record(sql::Connection& connection, const std::string& table,
                                const std::string& id) {
    const bool loyalty = table == "loyalty_movements";
    const std::string lock = connection.dialect() == sql::Dialect::postgresql ? " FOR UPDATE" : "";
    const auto found =
        connection.query("SELECT " + std::string(loyalty ? "at_ms" : "updated_at_ms") +
                             ", data FROM " + table + " WHERE id = $1" + lock,
                         {id});
    if (found.empty())
        return std::nullopt;
    return Held{found.front().integer(0), found.front().text(1)};
}

// For a stock request: the state head office holds may only move along pos::allowed_transition.
std::string transition_problem(const pos::ServiceRecord& record, const Held& held) {
    const auto* request = std::get_if<pos::StockRequest>(&record);
    if (!request)
        return {};
    const auto before = decode_service_record("stock_request", held.data);
    if (!before)
        return {};
    const auto& was = std::get<pos::StockRequest>(before.value());
    if (was.status == request->status || pos::allowed_transition(was.status, request->status))
        return {};
    return "stock request " + request->id + " is " + std::string(pos::to_string(was.status)) +
           " at head office; it cannot become " + std::string(pos::to_string(request->status));
}

RecordResult store_one(sql::Connection& connection, const pos::ServiceRecord& record) {
    RecordResult result{std::string(pos::service_kind(record)), pos::service_key(record),
                        RecordOutcome::stored, ""};
    const std::string data = encode_service_record(record);
    const detail::TableRow row = detail::table_row(record, data);
    sql::Transaction transaction(connection);
    if (const auto held = held_record(connection, row.table, result.key)) {
        if (held->data == data)
            return result;  // the same state again
        if (std::holds_alternative<pos::LoyaltyMovement>(record)) {
            result.outcome = RecordOutcome::refused;
            result.message = "loyalty movement " + result.key +
                             " is held already with other points; a movement never changes";
            return result;
        }
        if (updated_at(record) <= held->updated_at_ms) {
            result.outcome = RecordOutcome::stale;
            result.message = "head office holds a newer state of " + result.kind + " " + result.key;
            return result;
        }
        if (auto problem = transition_problem(record, *held); !problem.empty()) {
            result.outcome = RecordOutcome::refused;
            result.message = std::move(problem);
            return result;
        }
    }
    detail::upsert(connection, row);
    if (detail::chain_wide(record))
        detail::write_record_change(connection, record);
    transaction.commit();
    return result;
}

}  // namespace

pos::Result<RecordsReply> HeadOffice::upload_records(const Identity& who,
                                                     const RecordsUpload& request) {
    if (request.records.size() > max_records_batch)
        return pos::bad_input("An upload holds at most " + std::to_string(max_records_batch) +
                              " records, not " + std::to_string(request.records.size()));
    return detail::guarded<RecordsReply>(
        "Storing service records", [&]() -> pos::Result<RecordsReply> {
            auto connection = pool_.acquire();
            RecordsReply reply;
            for (const pos::ServiceRecord& record : request.records) {
                RecordResult result{std::string(pos::service_kind(record)),
                                    pos::service_key(record), RecordOutcome::refused, ""};
                result.message = detail::record_problem(*connection, who, record);
                if (result.message.empty()) {
                    try {
                        result = store_one(*connection, record);
                    } catch (const sql::SqlError& error) {
                        if (!detail::is_sql_unique_violation(error))
                            throw;
                        result.message = detail::duplicate_message(record);
                    }
                }
                reply.results.push_back(std::move(result));
            }
            return reply;
        });
}

}  // namespace headoffice
