// The change log terminals pull reference data from. One row per (kind, key, scope) holds the
// current state as JSON text; writing a row again moves it to a new sequence, taken from a counter
// row inside the writing transaction, so sequences follow commit order and reading from cursor 0
// is a full resync.
#include <stdexcept>
#include <string>

#include "headoffice/server/head_office.hpp"
#include "headoffice/server/internal.hpp"

namespace headoffice {

namespace detail {

namespace {

pos::UnitOfSale unit_from(const std::string& text) {
    if (text == pos::to_string(pos::UnitOfSale::kilogram))
        return pos::UnitOfSale::kilogram;
    if (text == pos::to_string(pos::UnitOfSale::each))
        return pos::UnitOfSale::each;
    throw std::runtime_error("unknown unit of sale '" + text + "'");
}

}  // namespace

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
         encode_record(record)});
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
            auto record = decode_record(change.kind, row.text(4));
            if (!record) {
                return pos::store_failure("a change-log row of kind " + change.kind +
                                          " could not be read: " + record.error().message);
            }
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
