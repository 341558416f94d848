// In-memory implementations of the pos/ ports, for domain tests.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "pos/ports.hpp"
#include "pos/sale.hpp"
#include "pos/store_settings.hpp"

namespace fakes {

inline const pos::Currency eur = pos::Currency::of("EUR", 2);
inline pos::Money eur_cents(std::int64_t cents) {
    return {cents, eur};
}

inline const pos::TaxRate vat20{"A", "VAT 20%", {200'000}};
inline const pos::TaxRate vat5{"B", "VAT 5%", {50'000}};

pos::StoreSettings settings();

class Clock : public pos::Clock {
  public:
    std::int64_t now = 1'790'000'000'000;
    std::int64_t now_ms() override { return now; }
};

class Ids : public pos::IdSource {
  public:
    int next = 0;
    std::string new_id() override;
};

class Catalogue : public pos::Catalogue {
  public:
    Catalogue();  // milk, bread, wine, bananas (by weight)
    std::map<std::string, pos::Product> by_code;
    std::optional<pos::Product> find_by_code(std::string_view code, std::int64_t at_ms) override;
    std::vector<pos::Product> search(std::string_view text, std::size_t limit,
                                     std::int64_t at_ms) override;
};

class Promotions : public pos::PromotionSource {
  public:
    std::vector<pos::Promotion> all;
    std::vector<pos::Promotion> promotions_at(std::int64_t at_ms) override;
};

class Events : public pos::EventLog {
  public:
    bool fail_next = false;
    std::vector<pos::TicketEvent> recorded;
    pos::Status record(const pos::TicketEvent& event) override;
};

class Suspended : public pos::SuspendedTickets {
  public:
    std::vector<std::pair<pos::Ticket, std::string>> parked;
    pos::Status suspend(const pos::Ticket& ticket, const std::string& label,
                        std::int64_t at_ms) override;
    std::vector<pos::SuspendedTicket> list() override;
    pos::Result<pos::Ticket> resume(const std::string& ticket_id, const pos::Clerk& by,
                                    std::int64_t at_ms) override;
};

class StoredValue : public pos::StoredValue {
  public:
    std::map<std::string, pos::Money> balances;  // by account
    std::map<std::string, std::int64_t> points;  // loyalty points by customer id
    std::map<std::string, pos::Money> deposits;  // deposit held by special order number
    std::optional<pos::Money> balance(pos::PaymentMethod kind, std::string_view account) override;
    std::int64_t points_balance(const std::string& customer_id) override;
    std::optional<pos::Money> deposit_held(std::string_view order_number) override;
};

inline const pos::User clerk{1, "1001", "Alex Martin", pos::Role::clerk};
inline const pos::User manager{2, "9001", "Morgan Lee", pos::Role::manager};
inline const pos::User supervisor{3, "5001", "Jordan Diaz", pos::Role::supervisor};
inline const pos::User administrator{4, "9901", "Riley Quinn", pos::Role::administrator};

// Completed tickets, fed by SaleStore as it completes them, read back for returns.
class Archive : public pos::TicketArchive {
  public:
    std::vector<pos::Ticket> completed;  // as written, receipt numbers set
    // Price book history per product id: (effective from, unit price), in time order.
    std::map<std::int64_t, std::vector<std::pair<std::int64_t, pos::Money>>> prices;

    std::optional<pos::OriginalTicket> open_for_return(const std::string& receipt_number) override;
    std::optional<pos::Ticket> find_ticket(const std::string& receipt_number) override;
    std::vector<pos::TicketSummary> find_tickets(const pos::TicketQuery& query) override;
    std::optional<pos::Money> lowest_price(std::int64_t product_id, std::int64_t from_ms,
                                           std::int64_t to_ms) override;
    pos::NoReceiptHistory no_receipt_returns(const std::string& customer,
                                             std::int64_t since_ms) override;

    const pos::Ticket* by_id(const std::string& ticket_id) const;
    pos::OriginalTicket original(const pos::Ticket& sale) const;
    pos::Status check_returns(const pos::Ticket& ticket) const;
};

class SaleStore : public pos::SaleStore {
  public:
    explicit SaleStore(Archive* fed = nullptr) : archive(fed) {}
    bool fail_next = false;
    Archive* archive;  // fed with every completed ticket when set
    std::vector<pos::Ticket> written;
    // Like the db, refuses a return of more than remains returnable, or a refund of more than a
    // tender paid, counting what other completed tickets already took back.
    pos::Result<pos::CompletedSale> complete_sale(const pos::Ticket& ticket,
                                                  std::int64_t completed_at_ms) override;
};

class Users : public pos::UserDirectory {
  public:
    // 1001 Alex (clerk, PIN 1234), 5001 Jordan (supervisor, PIN 5555, badge BADGE-5001-JD),
    // 9001 Morgan (manager, PIN 4321, badge BADGE-9001-ML), 9901 Riley (administrator, 2468).
    Users();
    std::map<std::int64_t, std::string> pins;
    std::map<std::int64_t, std::string> badges;
    std::map<std::int64_t, pos::LoginState> states;
    std::vector<pos::User> users;
    std::vector<pos::User> active_users() override { return users; }
    std::optional<pos::User> find_by_code(std::string_view code) override;
    std::optional<pos::User> find_by_badge(std::string_view badge) override;
    bool pin_matches(std::int64_t user_id, std::string_view pin) override;
    pos::LoginState login_state(std::int64_t user_id) override { return states[user_id]; }
    void save_login_state(std::int64_t user_id, const pos::LoginState& state) override {
        states[user_id] = state;
    }
};

// Everything a SaleSession needs, in memory.
struct Services {
    Archive archive;
    Catalogue catalogue;
    SaleStore store{&archive};
    Clock clock;
    Ids ids;
    Promotions promotions;
    Events events;
    Suspended suspended;
    StoredValue stored_value;
    Users users;
    pos::SaleServices sale() {
        return {catalogue, store,     clock,        ids,   promotions,
                events,    suspended, stored_value, users, archive};
    }
};

}  // namespace fakes
