// The terminal's local store: one SQLite file (plus its WAL). Opening it applies migrations;
// the repositories it hands out implement pos/ ports.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "db/customer_service.hpp"
#include "db/print_jobs.hpp"
#include "db/sync.hpp"
#include "db/till.hpp"
#include "pos/ports.hpp"
#include "pos/result.hpp"
#include "pos/store_settings.hpp"
#include "pos/ticket.hpp"

namespace db {

inline constexpr int current_schema_version = 7;

struct NewProduct {
    std::vector<std::string> barcodes;  // the first is the primary code; GTINs or in-store PLUs
    std::string name;
    std::string department;
    std::string tax_code;  // must name a tax rate already added
    std::int64_t unit_price_minor = 0;
    pos::UnitOfSale unit = pos::UnitOfSale::each;
};

struct NewUser {
    std::string code;
    std::string name;
    pos::Role role = pos::Role::clerk;
    std::string pin;  // hashed with crypto_pwhash before it is stored; never stored plain
    // Optional badge barcode for approvals; stored as a SHA-256 hash, never plain.
    std::string badge = {};
};

// Where goods went: a sale takes from sellable stock; a return line puts the goods into its
// disposition's bucket. Head office folds these into stock per store (issue 7).
struct StockMovement {
    std::string ticket_id;
    std::string line_id;
    std::int64_t product_id = 0;
    std::string bucket;               // "sellable", "damaged", "vendor_return"
    std::int64_t quantity_milli = 0;  // negative out of the bucket, positive into it
    std::int64_t at_ms = 0;
};

// A price book entry for add_prices.
struct NewPrice {
    std::string product_code;  // the product's primary (or any) code
    std::int64_t unit_price_minor = 0;
    std::int64_t effective_from_ms = 0;
};

struct JournalReport {
    bool ok = true;
    std::int64_t entries_checked = 0;
    std::string message;  // "journal OK: 42 entries" or which entry is wrong and how
};

// Opens (creating if absent) the store file and migrates it to current_schema_version.
// A file that is not a SQLite database, or was written by a newer version of the terminal,
// is refused with a message that says so, and the file is left untouched.
class Store;
pos::Result<std::unique_ptr<Store>> open_store(const std::filesystem::path& file);

class Store {
  public:
    virtual ~Store() = default;

    virtual pos::Catalogue& catalogue() = 0;
    virtual pos::SaleStore& sales() = 0;
    virtual pos::UserDirectory& users() = 0;
    virtual pos::PromotionSource& promotions() = 0;
    virtual pos::EventLog& events() = 0;
    virtual pos::SuspendedTickets& suspended() = 0;
    virtual pos::StoredValue& stored_value() = 0;
    virtual pos::TicketArchive& archive() = 0;
    virtual PrintJobs& print_jobs() = 0;
    // Head-office sync state, outbox batches, reference data and the stock snapshot (db/sync.hpp).
    virtual SyncStore& sync() = 0;
    // Customer service (db/customer_service.hpp).
    virtual CustomerBook& customers() = 0;
    virtual InteractionLog& interactions() = 0;
    virtual SpecialOrders& special_orders() = 0;
    virtual StockRequests& stock_requests() = 0;
    virtual ProductLookup& lookup() = 0;
    // Tills, cash movements and reports (db/till.hpp).
    virtual Till& till() = 0;
    virtual Reports& reports() = 0;
    // This terminal's devices (defaults when never saved). Saving checks the values (pin 0 or 1,
    // pulse times 10..510 ms, "usb:vvvv:pppp" forms) and refuses bad ones with a message.
    virtual DeviceSettings device_settings() = 0;
    virtual pos::Status save_device_settings(const DeviceSettings& settings) = 0;

    // Walks this store's journal for every terminal: each entry's hash must match a recomputation
    // over the previous hash and the entry's canonical encoding, and sequences must run 1, 2, 3...
    // without gaps. ok() says so; otherwise the report names the first entry that was edited,
    // deleted, reordered or is missing.
    virtual JournalReport verify_journal() = 0;
    virtual std::int64_t pending_outbox_count() = 0;

    virtual pos::StoreSettings settings() = 0;
    virtual pos::Status save_settings(const pos::StoreSettings& settings) = 0;

    // A completed ticket exactly as written, by its receipt number ("T01-000042").
    virtual std::optional<pos::Ticket> find_ticket(const std::string& receipt_number) = 0;
    virtual std::int64_t completed_ticket_count() = 0;
    // The stock movements a completed ticket made, in line order.
    virtual std::vector<StockMovement> stock_movements(const std::string& ticket_id) = 0;
    virtual std::int64_t product_count() = 0;
    virtual int schema_version() = 0;

    // Writing reference data (demo store now, head-office sync and CSV import later).
    // Each call is one transaction; bad rows are refused with a message and nothing is written.
    virtual pos::Status add_tax_rate(const pos::TaxRate& rate) = 0;
    virtual pos::Status add_products(const std::vector<NewProduct>& products) = 0;
    virtual pos::Status add_user(const NewUser& user) = 0;
    // A price book entry: from effective_from_ms on, the product (by its primary code) sells at
    // unit_price_minor. Entries with a later date wait for it; the latest one in effect wins.
    virtual pos::Status add_price(const std::string& product_code, std::int64_t unit_price_minor,
                                  std::int64_t effective_from_ms) = 0;
    // Many price book entries in one transaction: all are written, or (one bad) none.
    virtual pos::Status add_prices(const std::vector<NewPrice>& prices) = 0;
    virtual pos::Status add_promotion(const pos::Promotion& promotion) = 0;
    // Opens a gift card or store credit account with a first balance (a ledger movement).
    virtual pos::Status issue_stored_value(pos::PaymentMethod kind, const std::string& account,
                                           std::int64_t amount_minor, std::int64_t at_ms) = 0;
};

// Fills an empty store with the deterministic demo catalogue (>= 5,000 products, two tax rates,
// a few weighed items, a price history with weekly deals), the demo settings (store S001,
// default permissions and returns policy), the four demo staff with their badges and the demo
// gift card and store credit accounts the README lists.
pos::Status create_demo_store(Store& store);

// Real clock and UUIDv7 ids (time-ordered, so they index well), for the terminal.
class SystemClock : public pos::Clock {
  public:
    std::int64_t now_ms() override;
};
class RandomIds : public pos::IdSource {
  public:
    explicit RandomIds(pos::Clock& clock) : clock_(clock) {}
    std::string new_id() override;

  private:
    pos::Clock& clock_;
};

}  // namespace db
