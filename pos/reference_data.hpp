// Reference data as head office keeps it for every store, and as it travels down to terminals:
// everything is keyed by stable codes (product code, promotion id, user code), never by a
// terminal's local row ids. Plain data; head office, the sync client and the store all use it.
#pragma once

#include <cstdint>
#include <string>
#include <variant>
#include <vector>

#include "pos/customer.hpp"
#include "pos/interaction.hpp"
#include "pos/permissions.hpp"
#include "pos/promotions.hpp"
#include "pos/quantity.hpp"
#include "pos/special_order.hpp"
#include "pos/stock_lookup.hpp"
#include "pos/tax.hpp"

namespace pos {

// One price book entry of a product: from effective_from_ms on, it sells at unit_price_minor.
struct PriceEntry {
    std::int64_t effective_from_ms = 0;
    std::int64_t unit_price_minor = 0;
    friend bool operator==(const PriceEntry&, const PriceEntry&) = default;
};

// A product of the chain's catalogue. code is its primary barcode or PLU (digits, 1..14);
// barcodes lists every code it scans as, the primary first. Its price book entries travel with
// it, so a price never reaches a terminal before its product.
struct ProductRecord {
    std::string code;
    std::vector<std::string> barcodes;
    std::string name;
    std::string department;
    std::string brand;
    std::string tax_code;
    std::int64_t unit_price_minor = 0;  // the base price when no price book entry applies
    UnitOfSale unit = UnitOfSale::each;
    std::vector<PriceEntry> prices;  // ascending effective_from_ms
    friend bool operator==(const ProductRecord&, const ProductRecord&) = default;
};

// A price book entry as imported (CSV) or entered at head office.
struct PriceRecord {
    std::string product_code;
    std::int64_t effective_from_ms = 0;
    std::int64_t unit_price_minor = 0;
    friend bool operator==(const PriceRecord&, const PriceRecord&) = default;
};

// A promotion with its products named by code (promotion.product_ids and get_product_ids are
// not used here; a terminal resolves the codes when it reads its promotions, so a promotion may
// arrive before a product it names).
struct PromotionRecord {
    Promotion promotion;
    std::vector<std::string> product_codes;
    std::vector<std::string> get_product_codes;
};

// A member of staff. The PIN and badge travel only as hashes (argon2id PHC string for the PIN,
// lower-case hex SHA-256 for the badge, empty when none).
struct UserRecord {
    std::string code;
    std::string name;
    Role role = Role::clerk;
    std::string pin_hash;
    std::string badge_hash;
    bool active = true;
    friend bool operator==(const UserRecord&, const UserRecord&) = default;
};

// One store setting, stored by the terminal as it comes (key as in the terminal's settings
// table; the store's own code and the terminal id are never sent this way).
struct SettingRecord {
    std::string key;
    std::string value;
    friend bool operator==(const SettingRecord&, const SettingRecord&) = default;
};

// What travels in the change log. Tax rates do not: every batch carries the whole tax table.
// Customers, interactions, loyalty movements and stock requests (with head office's status) come
// down chain-wide too, so every store sees them (kinds "customer", "interaction", "loyalty",
// "stock_request"; keys: the record's id).
using ReferenceRecord =
    std::variant<ProductRecord, PromotionRecord, UserRecord, SettingRecord, Customer, Interaction,
                 LoyaltyMovement, StockRequest>;

// What a terminal sends up besides its journal: records of customer service, keyed by id, the
// latest state of each (an edit sends the whole record again). Kinds "customer", "interaction",
// "loyalty", "stock_request", "special_order". Personal data stays out of the hash-chained journal
// (it must be correctable and erasable); a sale's journal entry names only the customer's id.
using ServiceRecord =
    std::variant<Customer, Interaction, LoyaltyMovement, StockRequest, SpecialOrder>;
std::string_view service_kind(const ServiceRecord& record);  // "customer", ...
const std::string& service_key(const ServiceRecord& record);  // the record's id

// One row of head office's change log. A row says "this is now the state of KEY" (or that KEY
// is gone when deleted); sequence is the cursor position, strictly increasing in commit order.
struct ReferenceChange {
    std::int64_t sequence = 0;
    std::string kind;  // "product", "promotion", "user", "setting"
    std::string key;   // product code, promotion id, user code, setting key
    // Only promotions and settings are ever deleted; products stay (old tickets name them) and
    // users are made inactive instead.
    bool deleted = false;
    ReferenceRecord record;  // meaningful only when !deleted
};

// Stock of one product at one store, in milli-units of sale, as head office last folded it.
struct StockLevel {
    std::string store_code;
    std::string product_code;
    std::int64_t quantity_milli = 0;
    std::int64_t on_order_milli = 0;  // ordered for that store, not yet received
    std::int64_t expected_day = 0;    // local day the order is due (pos/interaction.hpp); 0
    std::string location{};           // shelf location in that store
    friend bool operator==(const StockLevel&, const StockLevel&) = default;
};

// A store of the chain, as lookups name it.
struct StoreInfo {
    std::string code;
    std::string name;
    friend bool operator==(const StoreInfo&, const StoreInfo&) = default;
};

}  // namespace pos
