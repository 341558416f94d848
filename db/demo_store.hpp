// The demo store: a deterministic catalogue, settings and staff for trying the terminal, for
// screenshots and for tests. The same program always writes the same store.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "db/store.hpp"
#include "pos/ports.hpp"
#include "pos/promotions.hpp"
#include "pos/store_settings.hpp"
#include "pos/tax.hpp"

namespace db {

pos::StoreSettings demo_settings();
std::vector<pos::TaxRate> demo_tax_rates();
// The fixed products first (see db/README.md, "Demo store"), then the weighed items, then the
// generated catalogue. Every call returns exactly the same list.
std::vector<NewProduct> demo_products();
std::vector<NewUser> demo_users();

// 2024-01-01T00:00Z: when the demo's promotions start and its gift cards were issued.
inline constexpr std::int64_t demo_opened_at_ms = 1'704'067'200'000;
// 2028-01-01T00:00Z: Hillcrest Whole Milk 1 L goes from 1.19 to 1.25 (a price change waiting in
// the price book).
inline constexpr std::int64_t demo_milk_price_change_ms = 1'830'297'600'000;

// The weekly deals (see demo_prices): a 28-day cycle whose last 7 days are the deal, until
// 2032-01-01T00:00Z.
inline constexpr std::int64_t demo_deal_cycle_ms = 28LL * 86'400'000;
inline constexpr std::int64_t demo_deal_length_ms = 7LL * 86'400'000;
inline constexpr std::int64_t demo_deals_end_ms = 1'956'528'000'000;

struct DemoPrice {
    std::string code;
    std::int64_t unit_price_minor = 0;
    std::int64_t effective_from_ms = 0;
};
std::vector<DemoPrice> demo_prices();

struct DemoAccount {
    pos::PaymentMethod kind = pos::PaymentMethod::gift_card;
    std::string account;
    std::int64_t amount_minor = 0;
};
// Gift cards 6006000000001 (50.00) and 6006000000002 (5.00), store credit SC1001 (15.00).
std::vector<DemoAccount> demo_accounts();

// The demo promotions (see db/README.md), with product ids looked up in the catalogue.
pos::Result<std::vector<pos::Promotion>> demo_promotions(pos::Catalogue& catalogue);

// demo_service.cpp: the demo customers (see db/README.md), the stores S002 Riverside and S003
// Old Town with a stock snapshot two hours old, bought-together counts, an open complaint and a
// special order. Does nothing on a store that is not SQLite.
pos::Status add_demo_service_records(Store& store);

}  // namespace db
