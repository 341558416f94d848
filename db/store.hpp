// The terminal's local store: one SQLite file (plus its WAL). Opening it applies migrations;
// the repositories it hands out implement pos/ ports.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "pos/ports.hpp"
#include "pos/result.hpp"
#include "pos/store_settings.hpp"
#include "pos/ticket.hpp"

namespace db {

inline constexpr int current_schema_version = 2;

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
    virtual pos::Status add_promotion(const pos::Promotion& promotion) = 0;
    // Opens a gift card or store credit account with a first balance (a ledger movement).
    virtual pos::Status issue_stored_value(pos::PaymentMethod kind, const std::string& account,
                                           std::int64_t amount_minor, std::int64_t at_ms) = 0;
};

// Fills an empty store with the deterministic demo catalogue (>= 5,000 products, two tax rates,
// a few weighed items), the demo settings and the two demo accounts the README lists.
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
