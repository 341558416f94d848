// Stock per store: movements from uploaded journal entries and from admin adjustments, each with a
// unique reference (a repeat never counts twice), folded into sellable levels per (store,
// product). Level rows are always locked in (product code, store) order, so two transactions on
// PostgreSQL never wait on each other in a circle.
#include <algorithm>
#include <tuple>

#include "headoffice/server/head_office.hpp"
#include "headoffice/server/internal.hpp"

namespace headoffice {

namespace detail {

std::string product_code_of(sql::Connection& connection, const std::string& code) {
    const auto found =
        connection.query("SELECT product_code FROM product_barcodes WHERE barcode = $1", {code});
    return found.empty() ? code : found.front().text(0);
}

std::int64_t apply_movements(sql::Connection& connection, std::vector<Movement> movements,
                             std::int64_t at_ms) {
    for (Movement& movement : movements)
        movement.product_code = product_code_of(connection, movement.product_code);
    std::sort(movements.begin(), movements.end(), [](const Movement& a, const Movement& b) {
        return std::tie(a.product_code, a.store_code, a.reference) <
               std::tie(b.product_code, b.store_code, b.reference);
    });
    std::int64_t recorded = 0;
    for (const Movement& movement : movements) {
        const std::int64_t inserted = connection.execute(
            "INSERT INTO stock_movements (reference, store_code, product_code, bucket,"
            " quantity_milli, source, at_ms) VALUES ($1, $2, $3, $4, $5, $6, $7)"
            " ON CONFLICT (reference) DO NOTHING",
            {movement.reference, movement.store_code, movement.product_code, movement.bucket,
             movement.quantity_milli, movement.source, at_ms});
        if (inserted == 0)
            continue;
        ++recorded;
        if (movement.bucket != "sellable")
            continue;
        connection.execute(
            "INSERT INTO stock_levels (store_code, product_code, quantity_milli, updated_at_ms)"
            " VALUES ($1, $2, $3, $4) ON CONFLICT (store_code, product_code) DO UPDATE"
            " SET quantity_milli = stock_levels.quantity_milli + excluded.quantity_milli,"
            " updated_at_ms = excluded.updated_at_ms",
            {movement.store_code, movement.product_code, movement.quantity_milli, at_ms});
    }
    return recorded;
}

}  // namespace detail

namespace {

// A level with its on-order figures and shelf location (either table may lack the row).
constexpr std::string_view full_level_columns =
    "SELECT k.store_code, k.product_code, COALESCE(l.quantity_milli, 0),"
    " COALESCE(d.on_order_milli, 0), COALESCE(d.expected_day, 0), COALESCE(d.location, '')";
constexpr std::string_view full_level_joins =
    " LEFT JOIN stock_levels l ON l.store_code = k.store_code AND l.product_code = k.product_code"
    " LEFT JOIN stock_details d ON d.store_code = k.store_code"
    " AND d.product_code = k.product_code";

std::vector<pos::StockLevel> levels_of(const std::vector<sql::Row>& rows) {
    std::vector<pos::StockLevel> levels;
    levels.reserve(rows.size());
    for (const sql::Row& row : rows) {
        pos::StockLevel level{row.text(0), row.text(1), row.integer(2)};
        if (row.values.size() > 3) {
            level.on_order_milli = row.integer(3);
            level.expected_day = row.integer(4);
            level.location = row.text(5);
        }
        levels.push_back(std::move(level));
    }
    return levels;
}

std::vector<pos::StoreInfo> read_stores(sql::Connection& connection) {
    std::vector<pos::StoreInfo> stores;
    for (const sql::Row& row : connection.query("SELECT code, name FROM stores ORDER BY code"))
        stores.push_back({row.text(0), row.text(1)});
    return stores;
}

bool store_exists(sql::Connection& connection, const std::string& code) {
    return !connection.query("SELECT code FROM stores WHERE code = $1", {code}).empty();
}

// The sellable level now, its row created (at 0) and locked until the caller commits.
std::int64_t locked_level(sql::Connection& connection, const std::string& store_code,
                          const std::string& product_code, std::int64_t at_ms) {
    connection.execute(
        "INSERT INTO stock_levels (store_code, product_code, quantity_milli, updated_at_ms)"
        " VALUES ($1, $2, 0, $3) ON CONFLICT (store_code, product_code) DO NOTHING",
        {store_code, product_code, at_ms});
    const std::string lock = connection.dialect() == sql::Dialect::postgresql ? " FOR UPDATE" : "";
    return connection
        .query(
            "SELECT quantity_milli FROM stock_levels WHERE store_code = $1"
            " AND product_code = $2" +
                lock,
            {store_code, product_code})
        .at(0)
        .integer(0);
}

pos::Status check_adjustment(const StockAdjustment& adjustment) {
    using Kind = StockAdjustment::Kind;
    if (adjustment.reference.empty())
        return pos::bad_input("A stock adjustment needs a reference (delivery note, count sheet)");
    if (adjustment.kind == Kind::count && adjustment.quantity_milli < 0)
        return pos::bad_input("A count cannot be below zero");
    if (adjustment.kind != Kind::count && adjustment.quantity_milli <= 0)
        return pos::bad_input("The quantity received or moved must be above zero");
    if (adjustment.kind == Kind::transfer && adjustment.to_store_code == adjustment.store_code)
        return pos::bad_input("A transfer goes to another store");
    return pos::ok();
}

}  // namespace

namespace detail {

pos::Status adjust_in(sql::Connection& connection, const StockAdjustment& adjustment,
                      std::int64_t now) {
    if (auto checked = check_adjustment(adjustment); !checked)
        return checked;
    using Kind = StockAdjustment::Kind;
    if (!store_exists(connection, adjustment.store_code))
        return pos::not_found("There is no store '" + adjustment.store_code + "'");
    if (adjustment.kind == Kind::transfer && !store_exists(connection, adjustment.to_store_code))
        return pos::not_found("There is no store '" + adjustment.to_store_code + "'");
    if (connection.query("SELECT code FROM products WHERE code = $1", {adjustment.product_code})
            .empty())
        return pos::not_found("There is no product " + adjustment.product_code);
    if (!connection
             .query("SELECT id FROM stock_movements WHERE reference = $1", {adjustment.reference})
             .empty())
        return pos::ok();  // a repeat: counted once already
    std::vector<Movement> movements;
    const auto move = [&](std::string reference, const std::string& store, std::int64_t milli,
                          const char* source) {
        movements.push_back(
            {std::move(reference), store, adjustment.product_code, "sellable", milli, source});
    };
    switch (adjustment.kind) {
        case Kind::supplier_receipt:
            move(adjustment.reference, adjustment.store_code, adjustment.quantity_milli,
                 "supplier_receipt");
            take_off_order(connection, adjustment.store_code, adjustment.product_code,
                           adjustment.quantity_milli, now);
            break;
        case Kind::transfer:
            move(adjustment.reference, adjustment.store_code, -adjustment.quantity_milli,
                 "transfer");
            move(adjustment.reference + "/to", adjustment.to_store_code, adjustment.quantity_milli,
                 "transfer");
            break;
        case Kind::count: {
            const std::int64_t held =
                locked_level(connection, adjustment.store_code, adjustment.product_code, now);
            move(adjustment.reference, adjustment.store_code, adjustment.quantity_milli - held,
                 "count");
            break;
        }
    }
    apply_movements(connection, std::move(movements), now);
    return pos::ok();
}

}  // namespace detail

pos::Status HeadOffice::adjust_stock(const StockAdjustment& adjustment) {
    if (auto checked = check_adjustment(adjustment); !checked)
        return checked;
    return detail::guarded<pos::Done>("Adjusting stock", [&]() -> pos::Status {
        auto connection = pool_.acquire();
        sql::Transaction transaction(*connection);
        auto adjusted = detail::adjust_in(*connection, adjustment, clock_.now_ms());
        if (adjusted)
            transaction.commit();
        return adjusted;
    });
}

pos::Result<StockReply> HeadOffice::stock_since(std::int64_t since_ms) {
    return detail::guarded<StockReply>("Reading stock levels", [&]() -> pos::Result<StockReply> {
        auto connection = pool_.acquire();
        StockReply reply;
        reply.as_of_ms = clock_.now_ms();
        // A row counts as changed when its level or its on-order/location changed.
        reply.levels = levels_of(connection->query(
            std::string(full_level_columns) +
                " FROM (SELECT store_code, product_code FROM stock_levels WHERE updated_at_ms >= $1"
                " UNION SELECT store_code, product_code FROM stock_details"
                " WHERE updated_at_ms >= $1) k" +
                std::string(full_level_joins) + " ORDER BY k.store_code, k.product_code",
            {since_ms}));
        reply.stores = read_stores(*connection);
        return reply;
    });
}

pos::Result<StockReply> HeadOffice::stock_of(const std::string& product_code) {
    return detail::guarded<
        StockReply>("Reading stock of " + product_code, [&]() -> pos::Result<StockReply> {
        auto connection = pool_.acquire();
        const std::string code = detail::product_code_of(*connection, product_code);
        StockReply reply;
        reply.as_of_ms = clock_.now_ms();
        reply.levels = levels_of(connection->query(
            std::string(full_level_columns) +
                " FROM (SELECT store_code, product_code FROM stock_levels WHERE product_code = $1"
                " UNION SELECT store_code, product_code FROM stock_details"
                " WHERE product_code = $1) k" +
                std::string(full_level_joins) + " ORDER BY k.store_code",
            {code}));
        if (reply.levels.empty() &&
            connection->query("SELECT code FROM products WHERE code = $1", {code}).empty())
            return pos::not_found("Head office has no product " + product_code);
        reply.stores = read_stores(*connection);
        return reply;
    });
}

std::vector<pos::StockLevel> HeadOffice::store_stock(const std::string& store_code) {
    try {
        auto connection = pool_.acquire();
        return levels_of(connection->query(
            std::string(full_level_columns) +
                " FROM (SELECT store_code, product_code FROM stock_levels WHERE store_code = $1"
                " UNION SELECT store_code, product_code FROM stock_details"
                " WHERE store_code = $1) k" +
                std::string(full_level_joins) + " ORDER BY k.product_code",
            {store_code}));
    } catch (const std::exception&) {
        return {};  // a report: an unreachable database shows as no stock
    }
}

}  // namespace headoffice
