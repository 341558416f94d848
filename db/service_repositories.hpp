// The customer-service repositories SqliteStore hands out (db/customer_service.hpp), and what
// complete_sale and sync use of them. Internal to db/.
#pragma once

#include <memory>

#include "db/customer_service.hpp"
#include "db/sqlite.hpp"
#include "pos/ports.hpp"

namespace db {

// customers.cpp
std::unique_ptr<CustomerBook> make_customer_book(Database& db, const pos::Currency& currency);
// interactions.cpp
std::unique_ptr<InteractionLog> make_interaction_log(Database& db);
// special_orders.cpp
std::unique_ptr<SpecialOrders> make_special_orders(Database& db, const pos::Currency& currency);
// stock_requests.cpp
std::unique_ptr<StockRequests> make_stock_requests(Database& db);
// product_lookup.cpp: products through `catalogue` (the price in effect, the store's currency).
std::unique_ptr<ProductLookup> make_product_lookup(Database& db, pos::Catalogue& catalogue);

}  // namespace db
