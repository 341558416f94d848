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
    std::optional<pos::Money> balance(pos::PaymentMethod kind, std::string_view account) override;
};

inline const pos::User clerk{1, "1001", "Alex Martin", pos::Role::clerk};
inline const pos::User manager{2, "9001", "Morgan Lee", pos::Role::manager};

class SaleStore : public pos::SaleStore {
  public:
    bool fail_next = false;
    std::vector<pos::Ticket> written;
    pos::Result<pos::CompletedSale> complete_sale(const pos::Ticket& ticket,
                                                  std::int64_t completed_at_ms) override;
};

class Users : public pos::UserDirectory {
  public:
    Users();  // 1001 Alex (clerk, PIN 1234), 9001 Morgan (manager, PIN 4321)
    std::map<std::int64_t, std::string> pins;
    std::map<std::int64_t, pos::LoginState> states;
    std::vector<pos::User> users;
    std::vector<pos::User> active_users() override { return users; }
    std::optional<pos::User> find_by_code(std::string_view code) override;
    bool pin_matches(std::int64_t user_id, std::string_view pin) override;
    pos::LoginState login_state(std::int64_t user_id) override { return states[user_id]; }
    void save_login_state(std::int64_t user_id, const pos::LoginState& state) override {
        states[user_id] = state;
    }
};

// Everything a SaleSession needs, in memory.
struct Services {
    Catalogue catalogue;
    SaleStore store;
    Clock clock;
    Ids ids;
    Promotions promotions;
    Events events;
    Suspended suspended;
    StoredValue stored_value;
    Users users;
    pos::SaleServices sale() {
        return {catalogue, store, clock, ids, promotions, events, suspended, stored_value, users};
    }
};

}  // namespace fakes
