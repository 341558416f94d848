// Rows of the customer-service tables (migration 6): each record read and written whole, and the
// queue of records for head office. Shared by the repositories, complete_sale, sync apply and
// pending_records. Internal to db/.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "db/sqlite.hpp"
#include "pos/customer.hpp"
#include "pos/interaction.hpp"
#include "pos/reference_data.hpp"
#include "pos/special_order.hpp"
#include "pos/stock_lookup.hpp"

namespace db {

// The column lists each reader expects, in order (SELECT <columns> FROM <table> ...).
extern const std::string_view customer_columns;
extern const std::string_view interaction_columns;
extern const std::string_view loyalty_columns;
extern const std::string_view special_order_columns;
extern const std::string_view stock_request_columns;

pos::Customer read_customer(const Statement& row);
pos::Interaction read_interaction(const Statement& row);
pos::LoyaltyMovement read_loyalty(const Statement& row);
pos::SpecialOrder read_special_order(const Statement& row, const pos::Currency& currency);
pos::StockRequest read_stock_request(const Statement& row);

// The digits of a phone number ("+44 20 7946" -> "4420 7946" without the space).
std::string digits_of(std::string_view text);

// Every write statement of the service tables, prepared once per connection.
class ServiceRows {
  public:
    explicit ServiceRows(Database& db);

    void write_customer(const pos::Customer& customer);
    void write_interaction(const pos::Interaction& interaction);
    // false when a movement with that id was already there (it counts once).
    bool write_loyalty(const pos::LoyaltyMovement& movement);
    void write_special_order(const pos::SpecialOrder& order);
    void write_stock_request(const pos::StockRequest& request);
    // Queues (or queues again, with a new queue id) the record for head office.
    void queue(std::string_view kind, const std::string& key, std::int64_t at_ms);

    std::optional<pos::Customer> customer(const std::string& id);
    std::optional<pos::Interaction> interaction(const std::string& id);
    std::optional<pos::LoyaltyMovement> loyalty(const std::string& id);
    std::optional<pos::SpecialOrder> special_order(const std::string& id_or_number,
                                                   const pos::Currency& currency);
    std::optional<pos::StockRequest> stock_request(const std::string& id);
    // Sum of the customer's movements and those of every record merged into it.
    std::int64_t points_balance(const std::string& customer_id);

  private:
    Database& db_;
    Statement upsert_customer_;
    Statement upsert_interaction_;
    Statement insert_loyalty_;
    Statement upsert_order_;
    Statement upsert_request_;
    Statement queue_;
    Statement customer_;
    Statement interaction_;
    Statement loyalty_;
    Statement order_;
    Statement request_;
    Statement balance_;
};

// The next number of the named sequence (service_sequences: "interaction:S001", ...), in the
// caller's transaction.
std::int64_t next_sequence(Database& db, const std::string& name);

// A setting's value, "" when absent.
std::string setting_text(Database& db, std::string_view key);

}  // namespace db
