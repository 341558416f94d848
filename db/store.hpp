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

inline constexpr int current_schema_version = 1;

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
