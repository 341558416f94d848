// The customer-service repositories of SqliteStore, made on first use over its connection.
#include "db/service_repositories.hpp"
#include "db/sqlite_store.hpp"

namespace db {

CustomerBook& SqliteStore::customers() {
    if (!customers_)
        customers_ = make_customer_book(db_, currency_);
    return *customers_;
}

InteractionLog& SqliteStore::interactions() {
    if (!interactions_)
        interactions_ = make_interaction_log(db_);
    return *interactions_;
}

SpecialOrders& SqliteStore::special_orders() {
    if (!special_orders_)
        special_orders_ = make_special_orders(db_, currency_);
    return *special_orders_;
}

StockRequests& SqliteStore::stock_requests() {
    if (!stock_requests_)
        stock_requests_ = make_stock_requests(db_);
    return *stock_requests_;
}

ProductLookup& SqliteStore::lookup() {
    if (!lookup_)
        lookup_ = make_product_lookup(db_, *catalogue_);
    return *lookup_;
}

}  // namespace db
