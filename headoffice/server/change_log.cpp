// The change log terminals pull reference data from. One row per (kind, key, scope) holds the
// current state as JSON text; writing a row again moves it to a new sequence, taken from a counter
// row inside the writing transaction, so sequences follow commit order and reading from cursor 0
// is a full resync.
#include <nlohmann/json.hpp>

#include "headoffice/server/head_office.hpp"
#include "headoffice/server/internal.hpp"

namespace headoffice {

namespace detail {

namespace {

using nlohmann::json;

constexpr std::array<std::pair<pos::PromotionKind, std::string_view>, 4> promotion_kinds{{
    {pos::PromotionKind::quantity_break, "quantity_break"},
    {pos::PromotionKind::mix_and_match, "mix_and_match"},
    {pos::PromotionKind::buy_x_get_y, "buy_x_get_y"},
    {pos::PromotionKind::department_percent, "department_percent"},
}};

std::string promotion_kind_text(pos::PromotionKind kind) {
    for (const auto& [value, text] : promotion_kinds) {
        if (value == kind)
            return std::string(text);
    }
    return "quantity_break";
}

pos::PromotionKind promotion_kind_from(const std::string& text) {
    for (const auto& [value, word] : promotion_kinds) {
        if (word == text)
            return value;
    }
    throw std::runtime_error("unknown promotion kind '" + text + "'");
}

pos::UnitOfSale unit_from(const std::string& text) {
    if (text == pos::to_string(pos::UnitOfSale::kilogram))
        return pos::UnitOfSale::kilogram;
    if (text == pos::to_string(pos::UnitOfSale::each))
        return pos::UnitOfSale::each;
    throw std::runtime_error("unknown unit of sale '" + text + "'");
}

json to_json(const pos::ProductRecord& product) {
    json prices = json::array();
    for (const pos::PriceEntry& price : product.prices)
        prices.push_back({{"effective_from_ms", price.effective_from_ms},
                          {"unit_price_minor", price.unit_price_minor}});
    return {{"code", product.code},
            {"barcodes", product.barcodes},
            {"name", product.name},
            {"department", product.department},
            {"brand", product.brand},
            {"tax_code", product.tax_code},
            {"unit_price_minor", product.unit_price_minor},
            {"unit", pos::to_string(product.unit)},
            {"prices", prices}};
}

json to_json(const pos::PromotionRecord& record) {
    const pos::Promotion& p = record.promotion;
    return {{"id", p.id},
            {"name", p.name},
            {"kind", promotion_kind_text(p.kind)},
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

json to_json(const pos::UserRecord& user) {
    return {{"code", user.code},
            {"name", user.name},
            {"role", pos::to_string(user.role)},
            {"pin_hash", user.pin_hash},
            {"badge_hash", user.badge_hash},
            {"active", user.active}};
}

json to_json(const pos::SettingRecord& setting) {
    return {{"key", setting.key}, {"value", setting.value}};
}

pos::ProductRecord product_from(const json& j) {
    pos::ProductRecord product;
    product.code = j.at("code").get<std::string>();
    product.barcodes = j.at("barcodes").get<std::vector<std::string>>();
    product.name = j.at("name").get<std::string>();
    product.department = j.at("department").get<std::string>();
    product.brand = j.at("brand").get<std::string>();
    product.tax_code = j.at("tax_code").get<std::string>();
    product.unit_price_minor = j.at("unit_price_minor").get<std::int64_t>();
    product.unit = unit_from(j.at("unit").get<std::string>());
    for (const json& price : j.at("prices"))
        product.prices.push_back({price.at("effective_from_ms").get<std::int64_t>(),
                                  price.at("unit_price_minor").get<std::int64_t>()});
    return product;
}

pos::PromotionRecord promotion_from(const json& j) {
    pos::PromotionRecord record;
    pos::Promotion& p = record.promotion;
    p.id = j.at("id").get<std::string>();
    p.name = j.at("name").get<std::string>();
    p.kind = promotion_kind_from(j.at("kind").get<std::string>());
    p.priority = j.at("priority").get<int>();
    p.department = j.at("department").get<std::string>();
    p.buy_quantity = j.at("buy_quantity").get<std::int64_t>();
    p.pay_quantity = j.at("pay_quantity").get<std::int64_t>();
    p.deal_price_minor = j.at("deal_price_minor").get<std::int64_t>();
    p.get_quantity = j.at("get_quantity").get<std::int64_t>();
    p.get_percent_off = pos::Rate{j.at("get_percent_off_ppm").get<std::int64_t>()};
    p.percent_off = pos::Rate{j.at("percent_off_ppm").get<std::int64_t>()};
    p.starts_at_ms = j.at("starts_at_ms").get<std::int64_t>();
    p.ends_at_ms = j.at("ends_at_ms").get<std::int64_t>();
    p.daily_from_minute = j.at("daily_from_minute").get<int>();
    p.daily_to_minute = j.at("daily_to_minute").get<int>();
    record.product_codes = j.at("product_codes").get<std::vector<std::string>>();
    record.get_product_codes = j.at("get_product_codes").get<std::vector<std::string>>();
    return record;
}

pos::UserRecord user_from(const json& j) {
    const auto role = pos::role_from(j.at("role").get<std::string>());
    if (!role)
        throw std::runtime_error("unknown role '" + j.at("role").get<std::string>() + "'");
    return {j.at("code").get<std::string>(),
            j.at("name").get<std::string>(),
            *role,
            j.at("pin_hash").get<std::string>(),
            j.at("badge_hash").get<std::string>(),
            j.at("active").get<bool>()};
}

}  // namespace

std::string record_json(const pos::ReferenceRecord& record) {
    return std::visit([](const auto& value) { return to_json(value).dump(); }, record);
}

pos::Result<pos::ReferenceRecord> record_from_json(std::string_view kind, const std::string& text) {
    try {
        const json j = json::parse(text);
        if (kind == "product")
            return pos::ReferenceRecord(product_from(j));
        if (kind == "promotion")
            return pos::ReferenceRecord(promotion_from(j));
        if (kind == "user")
            return pos::ReferenceRecord(user_from(j));
        if (kind == "setting")
            return pos::ReferenceRecord(pos::SettingRecord{j.at("key").get<std::string>(),
                                                           j.at("value").get<std::string>()});
        return pos::store_failure("the change log holds an unknown kind '" + std::string(kind) +
                                  "'");
    } catch (const std::exception& fault) {
        return pos::store_failure("a change-log row of kind " + std::string(kind) +
                                  " could not be read: " + fault.what());
    }
}

void write_change(sql::Connection& connection, std::string_view kind, const std::string& key,
                  const std::string& scope, bool deleted, const pos::ReferenceRecord& record) {
    const std::int64_t sequence =
        connection
            .query(
                "UPDATE counters SET value = value + 1 WHERE name = 'change_log' RETURNING value")
            .at(0)
            .integer(0);
    connection.execute(
        "INSERT INTO change_log (sequence, kind, key, scope, deleted, data)"
        " VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (kind, key, scope) DO UPDATE"
        " SET sequence = excluded.sequence, deleted = excluded.deleted, data = excluded.data",
        {sequence, std::string(kind), key, scope, std::int64_t{deleted ? 1 : 0},
         record_json(record)});
}

std::vector<pos::TaxRate> read_tax_rates(sql::Connection& connection) {
    std::vector<pos::TaxRate> rates;
    for (const sql::Row& row :
         connection.query("SELECT code, name, rate_ppm FROM tax_rates ORDER BY code"))
        rates.push_back({row.text(0), row.text(1), pos::Rate{row.integer(2)}});
    return rates;
}

pos::ProductRecord read_product(sql::Connection& connection, const std::string& code) {
    const auto found = connection.query(
        "SELECT code, name, department, brand, tax_code, unit_price_minor, unit FROM products"
        " WHERE code = $1",
        {code});
    const sql::Row& row = found.at(0);
    pos::ProductRecord product;
    product.code = row.text(0);
    product.name = row.text(1);
    product.department = row.text(2);
    product.brand = row.text(3);
    product.tax_code = row.text(4);
    product.unit_price_minor = row.integer(5);
    product.unit = unit_from(row.text(6));
    for (const sql::Row& barcode : connection.query("SELECT barcode FROM product_barcodes WHERE "
                                                    "product_code = $1 ORDER BY ordinal, barcode",
                                                    {code}))
        product.barcodes.push_back(barcode.text(0));
    for (const sql::Row& price :
         connection.query("SELECT effective_from_ms, unit_price_minor FROM product_prices"
                          " WHERE product_code = $1 ORDER BY effective_from_ms",
                          {code}))
        product.prices.push_back({price.integer(0), price.integer(1)});
    return product;
}

int chain_exponent(sql::Connection& connection) {
    const auto found = connection.query(
        "SELECT value FROM settings WHERE scope = '' AND key = 'currency_exponent'");
    if (found.empty())
        return 2;
    try {
        const int exponent = std::stoi(found.front().text(0));
        return exponent >= 0 && exponent <= 4 ? exponent : 2;
    } catch (const std::exception&) {
        return 2;
    }
}

}  // namespace detail

pos::Result<ChangesReply> HeadOffice::changes(const Identity& who, std::int64_t after,
                                              std::int64_t limit) {
    if (after < 0)
        return pos::bad_input("The cursor cannot be below 0");
    if (limit < 1)
        return pos::bad_input("Ask for at least one change");
    limit = std::min(limit, max_changes_batch);
    // A chain-wide setting the store overrides is left out for that store.
    static constexpr std::string_view visible =
        " FROM change_log c WHERE c.sequence > $1 AND (c.scope = $2 OR (c.scope = '' AND NOT"
        " (c.kind = 'setting' AND EXISTS (SELECT 1 FROM change_log o WHERE o.kind = 'setting'"
        " AND o.key = c.key AND o.scope = $2 AND o.deleted = 0))))";
    return detail::guarded<ChangesReply>("Reading changes", [&]() -> pos::Result<ChangesReply> {
        auto connection = pool_.acquire();
        ChangesReply reply;
        reply.tax_rates = detail::read_tax_rates(*connection);
        reply.next_cursor = after;
        for (const sql::Row& row :
             connection->query("SELECT c.sequence, c.kind, c.key, c.deleted, c.data" +
                                   std::string(visible) + " ORDER BY c.sequence LIMIT $3",
                               {after, who.store_code, limit})) {
            pos::ReferenceChange change;
            change.sequence = row.integer(0);
            change.kind = row.text(1);
            change.key = row.text(2);
            change.deleted = row.integer(3) != 0;
            auto record = detail::record_from_json(change.kind, row.text(4));
            if (!record)
                return record.error();
            change.record = std::move(record).value();
            reply.next_cursor = change.sequence;
            reply.changes.push_back(std::move(change));
        }
        reply.remaining = connection
                              ->query("SELECT CAST(COUNT(*) AS BIGINT)" + std::string(visible),
                                      {reply.next_cursor, who.store_code})
                              .at(0)
                              .integer(0);
        return reply;
    });
}

}  // namespace headoffice
