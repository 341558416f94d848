// What is on order for each store and where a product sits on its shelves: set by head office's
// admin commands, shown by the terminals' stock lookups next to the level. Kept in stock_details
// beside stock_levels, with its own updated_at_ms so a lookup's "changed since" sees it.
#include "headoffice/server/head_office.hpp"
#include "headoffice/server/internal.hpp"

namespace headoffice {

namespace detail {

void take_off_order(sql::Connection& connection, const std::string& store_code,
                    const std::string& product_code, std::int64_t received_milli,
                    std::int64_t now) {
    connection.execute(
        "UPDATE stock_details SET"
        " expected_day = CASE WHEN on_order_milli > $3 THEN expected_day ELSE 0 END,"
        " on_order_milli = CASE WHEN on_order_milli > $3 THEN on_order_milli - $3 ELSE 0 END,"
        " updated_at_ms = $4 WHERE store_code = $1 AND product_code = $2 AND on_order_milli > 0",
        {store_code, product_code, received_milli, now});
}

}  // namespace detail

namespace {

// Checks the store and product exist; the product's primary code when a barcode was given.
pos::Result<std::string> known_pair(sql::Connection& connection, const std::string& store_code,
                                    const std::string& product_code) {
    if (connection.query("SELECT code FROM stores WHERE code = $1", {store_code}).empty())
        return pos::not_found("There is no store '" + store_code + "'");
    const std::string code = detail::product_code_of(connection, product_code);
    if (connection.query("SELECT code FROM products WHERE code = $1", {code}).empty())
        return pos::not_found("There is no product " + product_code);
    return code;
}

// Creates the row (nothing on order, no location) when absent.
void ensure_details(sql::Connection& connection, const std::string& store_code,
                    const std::string& product_code, std::int64_t now) {
    connection.execute(
        "INSERT INTO stock_details (store_code, product_code, on_order_milli, expected_day,"
        " location, updated_at_ms) VALUES ($1, $2, 0, 0, '', $3)"
        " ON CONFLICT (store_code, product_code) DO NOTHING",
        {store_code, product_code, now});
}

}  // namespace

pos::Status HeadOffice::set_on_order(const std::string& store_code, const std::string& product_code,
                                     std::int64_t quantity_milli, std::int64_t expected_day) {
    if (quantity_milli < 0)
        return pos::bad_input("The quantity on order cannot be below zero");
    if (quantity_milli > 0 && expected_day <= 0)
        return pos::bad_input("An order needs the day it is expected");
    return detail::guarded<pos::Done>("Recording an order", [&]() -> pos::Status {
        auto connection = pool_.acquire();
        sql::Transaction transaction(*connection);
        const auto code = known_pair(*connection, store_code, product_code);
        if (!code)
            return code.error();
        const std::int64_t now = clock_.now_ms();
        ensure_details(*connection, store_code, *code, now);
        connection->execute(
            "UPDATE stock_details SET on_order_milli = $3, expected_day = $4, updated_at_ms = $5"
            " WHERE store_code = $1 AND product_code = $2",
            {store_code, *code, quantity_milli, quantity_milli > 0 ? expected_day : 0, now});
        transaction.commit();
        return pos::ok();
    });
}

pos::Status HeadOffice::set_location(const std::string& store_code, const std::string& product_code,
                                     const std::string& location) {
    if (location.size() > 80)
        return pos::bad_input("A shelf location is at most 80 characters");
    return detail::guarded<pos::Done>("Recording a shelf location", [&]() -> pos::Status {
        auto connection = pool_.acquire();
        sql::Transaction transaction(*connection);
        const auto code = known_pair(*connection, store_code, product_code);
        if (!code)
            return code.error();
        const std::int64_t now = clock_.now_ms();
        ensure_details(*connection, store_code, *code, now);
        connection->execute(
            "UPDATE stock_details SET location = $3, updated_at_ms = $4"
            " WHERE store_code = $1 AND product_code = $2",
            {store_code, *code, location, now});
        transaction.commit();
        return pos::ok();
    });
}

}  // namespace headoffice
