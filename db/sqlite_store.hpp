// The SQLite implementation of db::Store. Most code wants open_store() from db/store.hpp; this
// header is for the tests that look at the connection itself (PRAGMAs, raw rows).
#pragma once

#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "db/repositories.hpp"
#include "db/sqlite.hpp"
#include "db/store.hpp"

namespace db {

class JournalWriter;

class SqliteStore final : public Store {
  public:
    explicit SqliteStore(Database db);
    ~SqliteStore() override;

    pos::Catalogue& catalogue() override;
    pos::SaleStore& sales() override;
    pos::UserDirectory& users() override;
    pos::PromotionSource& promotions() override;
    pos::EventLog& events() override;
    pos::SuspendedTickets& suspended() override;
    pos::StoredValue& stored_value() override;
    pos::TicketArchive& archive() override;
    PrintJobs& print_jobs() override;
    SyncStore& sync() override;
    CustomerBook& customers() override;
    InteractionLog& interactions() override;
    SpecialOrders& special_orders() override;
    StockRequests& stock_requests() override;
    ProductLookup& lookup() override;
    Till& till() override;        // till.cpp
    Reports& reports() override;  // reports.cpp
    DeviceSettings device_settings() override;
    pos::Status save_device_settings(const DeviceSettings& settings) override;

    JournalReport verify_journal() override;
    std::int64_t pending_outbox_count() override;

    pos::StoreSettings settings() override;
    pos::Status save_settings(const pos::StoreSettings& settings) override;

    std::optional<pos::Ticket> find_ticket(const std::string& receipt_number) override;
    std::int64_t completed_ticket_count() override;
    std::vector<StockMovement> stock_movements(const std::string& ticket_id) override;
    std::int64_t product_count() override;
    int schema_version() override;

    pos::Status add_tax_rate(const pos::TaxRate& rate) override;
    pos::Status add_products(const std::vector<NewProduct>& products) override;
    pos::Status add_user(const NewUser& user) override;
    pos::Status add_price(const std::string& product_code, std::int64_t unit_price_minor,
                          std::int64_t effective_from_ms) override;
    pos::Status add_prices(const std::vector<NewPrice>& prices) override;
    pos::Status add_promotion(const pos::Promotion& promotion) override;
    pos::Status issue_stored_value(pos::PaymentMethod kind, const std::string& account,
                                   std::int64_t amount_minor, std::int64_t at_ms) override;

    // The store's own connection, with the PRAGMAs open_store set on it.
    Database& database() { return db_; }

  private:
    // Rereads the currency when another connection (the sync thread) committed since last time:
    // a terminal started before its first load sells in the currency head office then sets.
    void follow_currency();
    // The settings as stored, touching nothing cached.
    pos::StoreSettings stored_settings();

    Database db_;
    pos::Currency currency_;  // the store's currency, from settings; prices are in it
    Statement data_version_;
    std::int64_t seen_data_version_ = -1;
    std::unique_ptr<JournalWriter> journal_;
    std::unique_ptr<pos::Catalogue> catalogue_;
    std::unique_ptr<pos::SaleStore> sales_;
    std::unique_ptr<pos::UserDirectory> users_;
    std::unique_ptr<PromotionCache> promotions_;
    std::unique_ptr<pos::EventLog> events_;
    std::unique_ptr<pos::SuspendedTickets> suspended_;
    std::unique_ptr<pos::StoredValue> stored_value_;
    std::unique_ptr<pos::TicketArchive> archive_;
    std::unique_ptr<PrintJobs> print_jobs_;
    std::unique_ptr<SyncStore> sync_;
    std::unique_ptr<CustomerBook> customers_;
    std::unique_ptr<InteractionLog> interactions_;
    std::unique_ptr<SpecialOrders> special_orders_;
    std::unique_ptr<StockRequests> stock_requests_;
    std::unique_ptr<ProductLookup> lookup_;
    std::unique_ptr<Till> till_;
    std::unique_ptr<Reports> reports_;
};

// print_jobs.cpp: the durable print queue's rows.
std::unique_ptr<PrintJobs> make_print_jobs(Database& db);
// sync_store.cpp: head-office sync over this connection.
struct SyncHooks {
    // Reads the settings back inside the batch's transaction; throws pos::StoreFailure naming
    // the key when a value from head office makes no sense (the batch is then rolled back).
    std::function<void()> check_settings;
    // After a batch was committed: the store forgets what it cached (promotions, currency).
    std::function<void()> reference_changed;
};
std::unique_ptr<SyncStore> make_sync_store(Database& db, SyncHooks hooks);
// device_settings.cpp: the "devices.*" settings; writing checks them first and writes nothing
// when one is bad.
DeviceSettings read_device_settings(Database& db);
pos::Status write_device_settings(Database& db, const DeviceSettings& settings);

// The statement Catalogue::find_by_code runs (?1: the moment, ?2: the code), for tests that check
// its query plan.
std::string find_by_code_sql();
// The statements ProductLookup::search and bought_together run (code start, brand start, what
// sold together), for tests that check their query plans.
std::vector<std::string> lookup_search_sql();

// open_store() without the conversion to the interface.
pos::Result<std::unique_ptr<SqliteStore>> open_sqlite_store(const std::filesystem::path& file);

// Typed text -> an FTS5 query in which every word is a quoted prefix ("choc dig" ->
// "\"choc\"* \"dig\"*"). Punctuation separates words and is dropped, so quotes, *, -, brackets
// and words such as AND/OR/NOT/NEAR are searched for as text and never reach FTS5 as syntax.
// Blank input gives an empty string.
std::string fts_prefix_query(std::string_view text);

}  // namespace db
