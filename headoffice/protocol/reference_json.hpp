// Private to protocol.cpp: the JSON of the reference records that travel in the change log
// (products, promotions, users, settings, and the customer-service records of service_json.hpp)
// and of its rows. Included once, by protocol.cpp.
#pragma once

#include <limits>
#include <nlohmann/json.hpp>
#include <string>
#include <type_traits>
#include <variant>

#include "headoffice/protocol/json_reader.hpp"
#include "headoffice/protocol/service_json.hpp"
#include "pos/reference_data.hpp"

namespace headoffice::reference_json {

using nlohmann::json;
using namespace json_reader;
using namespace service_json;

// ---- enum words ------------------------------------------------------------------------------

constexpr std::string_view promotion_kind_words[] = {"quantity_break", "mix_and_match",
                                                     "buy_x_get_y", "department_percent"};

template <std::size_t N>
inline std::size_t word_index(const std::string_view (&words)[N], const std::string& word,
                              const Path& path) {
    for (std::size_t i = 0; i < N; ++i) {
        if (words[i] == word)
            return i;
    }
    std::string expected;
    for (std::size_t i = 0; i < N; ++i)
        expected += (i == 0 ? "" : i + 1 == N ? " or " : ", ") + std::string(words[i]);
    fail(path, "unknown value '" + word + "' (expected " + expected + ")");
}

inline pos::UnitOfSale unit_from(const std::string& word, const Path& path) {
    constexpr std::string_view words[] = {"each", "kg"};
    return word_index(words, word, path) == 0 ? pos::UnitOfSale::each : pos::UnitOfSale::kilogram;
}

inline pos::Role role_from(const std::string& word, const Path& path) {
    const auto role = pos::role_from(word);
    if (!role)
        fail(path,
             "unknown value '" + word + "' (expected clerk, supervisor, manager or administrator)");
    return *role;
}

// ---- reference records -----------------------------------------------------------------------

inline json tax_rate_json(const pos::TaxRate& rate) {
    return {{"code", rate.code}, {"name", rate.name}, {"rate_ppm", rate.rate.ppm}};
}
inline pos::TaxRate read_tax_rate(const json& value, const Path& path) {
    const ObjectReader in(value, path);
    return {in.string("code"), in.string("name"), pos::Rate{in.integer("rate_ppm")}};
}

inline json product_json(const pos::ProductRecord& product) {
    json prices = json::array();  // assigned below, not in the braces: those would copy it
    for (const auto& price : product.prices) {
        prices.push_back({{"effective_from_ms", price.effective_from_ms},
                          {"unit_price_minor", price.unit_price_minor}});
    }
    json out = {{"code", product.code},
                {"barcodes", product.barcodes},
                {"name", product.name},
                {"department", product.department},
                {"brand", product.brand},
                {"tax_code", product.tax_code},
                {"unit_price_minor", product.unit_price_minor},
                {"unit", pos::to_string(product.unit)}};
    out["prices"] = std::move(prices);
    return out;
}
inline pos::ProductRecord read_product(const json& value, const Path& path) {
    const ObjectReader in(value, path);
    pos::ProductRecord product;
    product.code = in.string("code");
    product.barcodes = in.strings("barcodes");
    product.name = in.string("name");
    product.department = in.string("department");
    product.brand = in.string("brand");
    product.tax_code = in.string("tax_code");
    product.unit_price_minor = in.integer("unit_price_minor");
    product.unit = unit_from(in.string("unit"), path.field("unit"));
    product.prices = in.list<pos::PriceEntry>("prices", [](const json& item, const Path& at) {
        const ObjectReader entry(item, at);
        return pos::PriceEntry{entry.integer("effective_from_ms"),
                               entry.integer("unit_price_minor")};
    });
    return product;
}

inline json promotion_json(const pos::PromotionRecord& record) {
    const pos::Promotion& p = record.promotion;
    return {{"id", p.id},
            {"name", p.name},
            {"kind", promotion_kind_words[static_cast<std::size_t>(p.kind)]},
            {"priority", p.priority},
            {"department", p.department},
            {"buy_quantity", p.buy_quantity},
            {"pay_quantity", p.pay_quantity},
            {"deal_price_minor", p.deal_price_minor},
            {"get_quantity", p.get_quantity},
            {"get_percent_off_ppm", p.get_percent_off.ppm},
            {"percent_off_ppm", p.percent_off.ppm},
            {"starts_at_ms", p.starts_at_ms},
            {"ends_at_ms", p.ends_at_ms},
            {"daily_from_minute", p.daily_from_minute},
            {"daily_to_minute", p.daily_to_minute},
            {"product_codes", record.product_codes},
            {"get_product_codes", record.get_product_codes}};
}

inline int small_integer(const ObjectReader& in, std::string_view name) {
    const std::int64_t value = in.integer(name);
    if (value < std::numeric_limits<int>::min() || value > std::numeric_limits<int>::max())
        fail(in.path().field(name), "integer out of range");
    return static_cast<int>(value);
}

inline pos::PromotionRecord read_promotion(const json& value, const Path& path) {
    const ObjectReader in(value, path);
    pos::PromotionRecord record;
    pos::Promotion& p = record.promotion;
    p.id = in.string("id");
    p.name = in.string("name");
    p.kind = static_cast<pos::PromotionKind>(
        word_index(promotion_kind_words, in.string("kind"), path.field("kind")));
    p.priority = small_integer(in, "priority");
    p.department = in.string("department");
    p.buy_quantity = in.integer("buy_quantity");
    p.pay_quantity = in.integer("pay_quantity");
    p.deal_price_minor = in.integer("deal_price_minor");
    p.get_quantity = in.integer("get_quantity");
    p.get_percent_off = pos::Rate{in.integer("get_percent_off_ppm")};
    p.percent_off = pos::Rate{in.integer("percent_off_ppm")};
    p.starts_at_ms = in.integer("starts_at_ms");
    p.ends_at_ms = in.integer("ends_at_ms");
    p.daily_from_minute = small_integer(in, "daily_from_minute");
    p.daily_to_minute = small_integer(in, "daily_to_minute");
    record.product_codes = in.strings("product_codes");
    record.get_product_codes = in.strings("get_product_codes");
    return record;
}

inline json user_json(const pos::UserRecord& user) {
    return {{"code", user.code},
            {"name", user.name},
            {"role", pos::to_string(user.role)},
            {"pin_hash", user.pin_hash},
            {"badge_hash", user.badge_hash},
            {"active", user.active}};
}
inline pos::UserRecord read_user(const json& value, const Path& path) {
    const ObjectReader in(value, path);
    pos::UserRecord user;
    user.code = in.string("code");
    user.name = in.string("name");
    user.role = role_from(in.string("role"), path.field("role"));
    user.pin_hash = in.string("pin_hash");
    user.badge_hash = in.string("badge_hash");
    user.active = in.boolean("active");
    return user;
}

inline json setting_json(const pos::SettingRecord& setting) {
    return {{"key", setting.key}, {"value", setting.value}};
}
inline pos::SettingRecord read_setting(const json& value, const Path& path) {
    const ObjectReader in(value, path);
    return {in.string("key"), in.string("value")};
}

// ---- change log rows -------------------------------------------------------------------------

// In pos::ReferenceRecord's alternative order.
constexpr std::string_view change_kinds[] = {"product",  "promotion",   "user",    "setting",
                                             "customer", "interaction", "loyalty", "stock_request"};

inline json record_json(const pos::ReferenceRecord& record) {
    return std::visit(
        [](const auto& r) -> json {
            using T = std::decay_t<decltype(r)>;
            if constexpr (std::is_same_v<T, pos::ProductRecord>)
                return product_json(r);
            else if constexpr (std::is_same_v<T, pos::PromotionRecord>)
                return promotion_json(r);
            else if constexpr (std::is_same_v<T, pos::UserRecord>)
                return user_json(r);
            else if constexpr (std::is_same_v<T, pos::SettingRecord>)
                return setting_json(r);
            else if constexpr (std::is_same_v<T, pos::Customer>)
                return customer_json(r);
            else if constexpr (std::is_same_v<T, pos::Interaction>)
                return interaction_json(r);
            else if constexpr (std::is_same_v<T, pos::LoyaltyMovement>)
                return loyalty_json(r);
            else
                return stock_request_json(r);
        },
        record);
}

inline json change_json(const pos::ReferenceChange& change) {
    json out = {{"sequence", change.sequence},
                {"kind", change.kind},
                {"key", change.key},
                {"deleted", change.deleted}};
    out["record"] = change.deleted ? json(nullptr) : record_json(change.record);  // moved in
    return out;
}

// The record's shape is chosen by kind; a deleted row carries no record (null).
inline pos::ReferenceRecord read_record(std::size_t kind, const json& value, const Path& path) {
    switch (kind) {
        case 0:
            return read_product(value, path);
        case 1:
            return read_promotion(value, path);
        case 2:
            return read_user(value, path);
        case 3:
            return read_setting(value, path);
        case 4:
            return read_customer(value, path);
        case 5:
            return read_interaction(value, path);
        case 6:
            return read_loyalty(value, path);
        default:
            return read_stock_request(value, path);
    }
}
inline pos::ReferenceRecord empty_record(std::size_t kind, const std::string& key) {
    switch (kind) {
        case 0: {
            pos::ProductRecord product;
            product.code = key;
            return product;
        }
        case 1: {
            pos::PromotionRecord promotion;
            promotion.promotion.id = key;
            return promotion;
        }
        case 2: {
            pos::UserRecord user;
            user.code = key;
            return user;
        }
        case 3: {
            pos::SettingRecord setting;
            setting.key = key;
            return setting;
        }
        case 4: {
            pos::Customer customer;
            customer.id = key;
            return customer;
        }
        case 5: {
            pos::Interaction interaction;
            interaction.id = key;
            return interaction;
        }
        case 6: {
            pos::LoyaltyMovement movement;
            movement.id = key;
            return movement;
        }
        default: {
            pos::StockRequest request;
            request.id = key;
            return request;
        }
    }
}

inline pos::ReferenceChange read_change(const json& value, const Path& path) {
    const ObjectReader in(value, path);
    pos::ReferenceChange change;
    change.sequence = in.integer("sequence");
    change.kind = in.string("kind");
    const std::size_t kind = word_index(change_kinds, change.kind, path.field("kind"));
    change.key = in.string("key");
    change.deleted = in.boolean("deleted");
    const Path record_path = path.field("record");
    const json& record = in.raw("record");
    if (change.deleted) {
        change.record = empty_record(kind, change.key);
    } else if (record.is_null()) {
        fail(record_path, "missing (only a deleted change has no record)");
    } else {
        change.record = read_record(kind, record, record_path);
    }
    return change;
}

}  // namespace headoffice::reference_json
