// What complete_sale does for customer service, inside its transaction: the ticket's customer
// link, loyalty movements (checked against the balance), special order deposits and pick-ups,
// and the bought-together counts. Every record it changes is queued for head office.
// Internal to db/.
#pragma once

#include <map>
#include <string>

#include "db/service_rows.hpp"
#include "db/sqlite.hpp"
#include "pos/result.hpp"
#include "pos/ticket.hpp"

namespace db {

class SaleServiceWrites {
  public:
    explicit SaleServiceWrites(Database& db);
    // Before anything is written: points taken within the customer's balance, each deposit
    // line's order open, each deposit payment within what its order holds. A refusal says why
    // and that the sale was not saved.
    pos::Status check(const pos::Ticket& ticket);
    // After the ticket's rows are written.
    void write(const pos::Ticket& ticket, const std::string& receipt, std::int64_t at_ms);

  private:
    pos::Status check_points(const pos::Ticket& ticket);
    pos::Status check_deposits(const pos::Ticket& ticket);
    void write_loyalty(const pos::Ticket& ticket, const std::string& receipt, std::int64_t at_ms);
    void write_orders(const pos::Ticket& ticket, const std::string& receipt, std::int64_t at_ms);
    void count_bought_together(const pos::Ticket& ticket);

    Database& db_;
    ServiceRows rows_;
    Statement link_customer_;
    Statement count_pair_;
    std::string store_code_;
};

// At most this many distinct products of one ticket are counted together (20 x 19 pairs).
inline constexpr std::size_t bought_together_max_products = 20;

}  // namespace db
