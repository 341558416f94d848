// Private to the protocol's .cpp files: the JSON of the customer-service records (customers,
// interactions, loyalty movements, stock requests, special orders). The same object travels up in
// a RecordsUpload and down in a change-log row. Enums travel as their pos to_string words.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "headoffice/protocol/json_reader.hpp"
#include "pos/reference_data.hpp"

namespace headoffice::service_json {

using nlohmann::json;
using namespace json_reader;

// ---- enum words (the same words pos's to_string gives, in enum order) -------------------------

constexpr std::string_view interaction_kind_words[] = {"inquiry", "complaint", "request"};
constexpr std::string_view interaction_status_words[] = {"open", "waiting", "resolved"};
constexpr std::string_view request_kind_words[] = {"hold", "transfer"};
constexpr std::string_view request_status_words[] = {"requested", "accepted",  "declined",
                                                     "ready",     "completed", "cancelled"};
constexpr std::string_view order_status_words[] = {"awaiting_deposit", "ordered", "arrived",
                                                   "collected", "cancelled"};

template <std::size_t N, typename Enum>
std::string word_of(const std::string_view (&words)[N], Enum value) {
    return std::string(words[static_cast<std::size_t>(value)]);
}

// The enum named by the string field `name`, or a failure listing the words it may be.
template <typename Enum, std::size_t N>
Enum enum_field(const ObjectReader& in, std::string_view name, const std::string_view (&words)[N]) {
    const Path path = in.path().field(name);
    const std::string word = in.string(name);
    for (std::size_t i = 0; i < N; ++i) {
        if (words[i] == word)
            return static_cast<Enum>(i);
    }
    std::string expected;
    for (std::size_t i = 0; i < N; ++i)
        expected += (i == 0 ? "" : i + 1 == N ? " or " : ", ") + std::string(words[i]);
    fail(path, "unknown value '" + word + "' (expected " + expected + ")");
}

// ---- customers -------------------------------------------------------------------------------

inline json customer_json(const pos::Customer& c) {
    json out = {{"id", c.id},
                {"card", c.card},
                {"name", c.name},
                {"phone", c.phone},
                {"email", c.email},
                {"store_credit_account", c.store_credit_account},
                {"note", c.note},
                {"home_store", c.home_store},
                {"created_at_ms", c.created_at_ms},
                {"updated_at_ms", c.updated_at_ms},
                {"merged_into", c.merged_into}};
    out["consent"] = {{"email", c.consent.email}, {"sms", c.consent.sms}, {"post", c.consent.post}};
    return out;
}
inline pos::Customer read_customer(const json& value, const Path& path) {
    const ObjectReader in(value, path);
    pos::Customer c;
    c.id = in.string("id");
    c.card = in.string("card");
    c.name = in.string("name");
    c.phone = in.string("phone");
    c.email = in.string("email");
    const ObjectReader consent(in.raw("consent"), path.field("consent"));
    c.consent = {consent.boolean("email"), consent.boolean("sms"), consent.boolean("post")};
    c.store_credit_account = in.string("store_credit_account");
    c.note = in.string("note");
    c.home_store = in.string("home_store");
    c.created_at_ms = in.integer("created_at_ms");
    c.updated_at_ms = in.integer("updated_at_ms");
    c.merged_into = in.string("merged_into");
    return c;
}

// ---- interactions ----------------------------------------------------------------------------

inline json interaction_json(const pos::Interaction& i) {
    json out = {{"id", i.id},
                {"number", i.number},
                {"kind", word_of(interaction_kind_words, i.kind)},
                {"category", i.category},
                {"customer_id", i.customer_id},
                {"customer_name", i.customer_name},
                {"receipt_number", i.receipt_number},
                {"said", i.said},
                {"done", i.done},
                {"status", word_of(interaction_status_words, i.status)},
                {"store_code", i.store_code},
                {"handled_by", i.handled_by},
                {"handled_by_name", i.handled_by_name},
                {"opened_at_ms", i.opened_at_ms},
                {"updated_at_ms", i.updated_at_ms},
                {"resolved_at_ms", i.resolved_at_ms},
                {"follow_up_day", i.follow_up_day}};
    out["outcome_receipts"] = i.outcome_receipts;
    return out;
}
inline pos::Interaction read_interaction(const json& value, const Path& path) {
    const ObjectReader in(value, path);
    pos::Interaction i;
    i.id = in.string("id");
    i.number = in.string("number");
    i.kind = enum_field<pos::InteractionKind>(in, "kind", interaction_kind_words);
    i.category = in.string("category");
    i.customer_id = in.string("customer_id");
    i.customer_name = in.string("customer_name");
    i.receipt_number = in.string("receipt_number");
    i.said = in.string("said");
    i.done = in.string("done");
    i.status = enum_field<pos::InteractionStatus>(in, "status", interaction_status_words);
    i.store_code = in.string("store_code");
    i.handled_by = in.integer("handled_by");
    i.handled_by_name = in.string("handled_by_name");
    i.opened_at_ms = in.integer("opened_at_ms");
    i.updated_at_ms = in.integer("updated_at_ms");
    i.resolved_at_ms = in.integer("resolved_at_ms");
    i.follow_up_day = in.integer("follow_up_day");
    i.outcome_receipts = in.strings("outcome_receipts");
    return i;
}

// ---- loyalty movements -----------------------------------------------------------------------

inline json loyalty_json(const pos::LoyaltyMovement& m) {
    return {{"id", m.id},
            {"customer_id", m.customer_id},
            {"points", m.points},
            {"ticket_id", m.ticket_id},
            {"receipt_number", m.receipt_number},
            {"store_code", m.store_code},
            {"at_ms", m.at_ms}};
}
inline pos::LoyaltyMovement read_loyalty(const json& value, const Path& path) {
    const ObjectReader in(value, path);
    pos::LoyaltyMovement m;
    m.id = in.string("id");
    m.customer_id = in.string("customer_id");
    m.points = in.integer("points");
    m.ticket_id = in.string("ticket_id");
    m.receipt_number = in.string("receipt_number");
    m.store_code = in.string("store_code");
    m.at_ms = in.integer("at_ms");
    return m;
}

// ---- stock requests --------------------------------------------------------------------------

inline json stock_request_json(const pos::StockRequest& r) {
    return {{"id", r.id},
            {"kind", word_of(request_kind_words, r.kind)},
            {"product_code", r.product_code},
            {"product_name", r.product_name},
            {"quantity_milli", r.quantity_milli},
            {"from_store", r.from_store},
            {"to_store", r.to_store},
            {"customer_id", r.customer_id},
            {"customer_name", r.customer_name},
            {"note", r.note},
            {"status", word_of(request_status_words, r.status)},
            {"status_note", r.status_note},
            {"requested_by", r.requested_by},
            {"requested_by_name", r.requested_by_name},
            {"created_at_ms", r.created_at_ms},
            {"updated_at_ms", r.updated_at_ms}};
}
inline pos::StockRequest read_stock_request(const json& value, const Path& path) {
    const ObjectReader in(value, path);
    pos::StockRequest r;
    r.id = in.string("id");
    r.kind = enum_field<pos::StockRequestKind>(in, "kind", request_kind_words);
    r.product_code = in.string("product_code");
    r.product_name = in.string("product_name");
    r.quantity_milli = in.integer("quantity_milli");
    r.from_store = in.string("from_store");
    r.to_store = in.string("to_store");
    r.customer_id = in.string("customer_id");
    r.customer_name = in.string("customer_name");
    r.note = in.string("note");
    r.status = enum_field<pos::StockRequestStatus>(in, "status", request_status_words);
    r.status_note = in.string("status_note");
    r.requested_by = in.integer("requested_by");
    r.requested_by_name = in.string("requested_by_name");
    r.created_at_ms = in.integer("created_at_ms");
    r.updated_at_ms = in.integer("updated_at_ms");
    return r;
}

// ---- special orders --------------------------------------------------------------------------

// The order's amounts share one currency: its ISO code ("" when none was set) and exponent.
inline std::string currency_code(const pos::Currency& currency) {
    return currency.code[0] == '\0' ? std::string{} : std::string(currency.iso());
}
inline pos::Currency read_currency(const ObjectReader& in) {
    const std::string code = in.string("currency");
    const std::int64_t exponent = in.integer("currency_exponent");
    if (exponent < 0 || exponent > 4)
        fail(in.path().field("currency_exponent"), "expected 0 to 4");
    if (code.empty())
        return pos::Currency{{}, static_cast<int>(exponent)};
    if (code.size() != 3)
        fail(in.path().field("currency"), "expected a 3-letter code, got '" + code + "'");
    return pos::Currency::of(code, static_cast<int>(exponent));
}

inline json special_order_json(const pos::SpecialOrder& o) {
    const pos::Currency& currency = o.total.currency();
    return {{"id", o.id},
            {"number", o.number},
            {"customer_id", o.customer_id},
            {"customer_name", o.customer_name},
            {"product_code", o.product_code},
            {"product_name", o.product_name},
            {"quantity_milli", o.quantity.milli},
            {"currency", currency_code(currency)},
            {"currency_exponent", currency.exponent},
            {"unit_price_minor", o.unit_price.minor()},
            {"total_minor", o.total.minor()},
            {"deposit_minor", o.deposit.minor()},
            {"deposit_held_minor", o.deposit_held.minor()},
            {"status", word_of(order_status_words, o.status)},
            {"store_code", o.store_code},
            {"deposit_receipt", o.deposit_receipt},
            {"pickup_receipt", o.pickup_receipt},
            {"expected_day", o.expected_day},
            {"note", o.note},
            {"created_at_ms", o.created_at_ms},
            {"updated_at_ms", o.updated_at_ms}};
}
inline pos::SpecialOrder read_special_order(const json& value, const Path& path) {
    const ObjectReader in(value, path);
    pos::SpecialOrder o;
    o.id = in.string("id");
    o.number = in.string("number");
    o.customer_id = in.string("customer_id");
    o.customer_name = in.string("customer_name");
    o.product_code = in.string("product_code");
    o.product_name = in.string("product_name");
    o.quantity = pos::Quantity{in.integer("quantity_milli")};
    const pos::Currency currency = read_currency(in);
    o.unit_price = pos::Money(in.integer("unit_price_minor"), currency);
    o.total = pos::Money(in.integer("total_minor"), currency);
    o.deposit = pos::Money(in.integer("deposit_minor"), currency);
    o.deposit_held = pos::Money(in.integer("deposit_held_minor"), currency);
    o.status = enum_field<pos::SpecialOrderStatus>(in, "status", order_status_words);
    o.store_code = in.string("store_code");
    o.deposit_receipt = in.string("deposit_receipt");
    o.pickup_receipt = in.string("pickup_receipt");
    o.expected_day = in.integer("expected_day");
    o.note = in.string("note");
    o.created_at_ms = in.integer("created_at_ms");
    o.updated_at_ms = in.integer("updated_at_ms");
    return o;
}

// ---- service records (up) --------------------------------------------------------------------

// In pos::ServiceRecord's alternative order.
constexpr std::string_view service_kinds[] = {"customer", "interaction", "loyalty", "stock_request",
                                              "special_order"};

inline std::string_view kind_of(const pos::ServiceRecord& record) {
    return service_kinds[record.index()];
}

inline json service_record_json(const pos::ServiceRecord& record) {
    return std::visit(
        [](const auto& r) -> json {
            using T = std::decay_t<decltype(r)>;
            if constexpr (std::is_same_v<T, pos::Customer>)
                return customer_json(r);
            else if constexpr (std::is_same_v<T, pos::Interaction>)
                return interaction_json(r);
            else if constexpr (std::is_same_v<T, pos::LoyaltyMovement>)
                return loyalty_json(r);
            else if constexpr (std::is_same_v<T, pos::StockRequest>)
                return stock_request_json(r);
            else
                return special_order_json(r);
        },
        record);
}

inline pos::ServiceRecord read_service_record(std::size_t kind, const json& value,
                                              const Path& path) {
    switch (kind) {
        case 0:
            return read_customer(value, path);
        case 1:
            return read_interaction(value, path);
        case 2:
            return read_loyalty(value, path);
        case 3:
            return read_stock_request(value, path);
        default:
            return read_special_order(value, path);
    }
}

}  // namespace headoffice::service_json
