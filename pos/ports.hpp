// Ports: the small interfaces the use cases need from the outside world. db/, ui/ and the tests
// implement them; pos/ never knows which implementation it has.
#pragma once

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "pos/product.hpp"
#include "pos/promotions.hpp"
#include "pos/result.hpp"
#include "pos/ticket.hpp"

namespace pos {

class Clock {
  public:
    virtual ~Clock() = default;
    virtual std::int64_t now_ms() = 0;  // milliseconds since the Unix epoch, UTC
};

class IdSource {
  public:
    virtual ~IdSource() = default;
    virtual std::string new_id() = 0;  // a UUID, lower-case hex with dashes
};

// Catalogue reads. An I/O failure throws pos::StoreFailure; a missing code is just nullopt.
// Prices come from the price book: the price in effect at at_ms (a price change can arrive
// before it takes effect).
class Catalogue {
  public:
    virtual ~Catalogue() = default;
    virtual std::optional<Product> find_by_code(std::string_view code, std::int64_t at_ms) = 0;
    // Name search as you type: every word is a prefix ("choc dig" finds "Chocolate Digestives").
    virtual std::vector<Product> search(std::string_view text, std::size_t limit,
                                        std::int64_t at_ms) = 0;
};

// Promotions whose [starts_at, ends_at) window contains at_ms (daily hours are checked by pos/).
class PromotionSource {
  public:
    virtual ~PromotionSource() = default;
    virtual std::vector<Promotion> promotions_at(std::int64_t at_ms) = 0;
};

struct CompletedSale {
    std::string receipt_number;  // "T01-000042"
    std::int64_t sequence = 0;   // gap-free per terminal
};

class SaleStore {
  public:
    virtual ~SaleStore() = default;
    // In one transaction: takes the next receipt number, writes ticket, lines and payments,
    // debits gift card / store credit payments from their accounts (refusing the whole sale if
    // one has too little), appends the journal entry and its outbox row. When it returns a value
    // the sale is on disk; on error nothing was written.
    virtual Result<CompletedSale> complete_sale(const Ticket& ticket,
                                                std::int64_t completed_at_ms) = 0;
};

// What happens at the till besides completed sales, each journaled with who and when.
enum class EventKind { line_void, ticket_void, no_sale, price_override, suspend, resume };
std::string_view to_string(EventKind kind);

struct TicketEvent {
    std::string id;  // UUID minted on the terminal
    EventKind kind = EventKind::no_sale;
    std::string terminal_id;
    std::string ticket_id;  // empty for a no-sale
    std::string line_id;    // line_void and price_override
    std::int64_t user_id = 0;
    std::string user_name;
    std::int64_t approved_by = 0;  // manager's user id when an approval was needed, else 0
    std::int64_t at_ms = 0;
    std::int64_t amount_minor = 0;  // value voided, or the new unit price for an override
    std::string reason;
};

class EventLog {
  public:
    virtual ~EventLog() = default;
    // Appends the event to the journal (and the outbox) durably, in one transaction.
    virtual Status record(const TicketEvent& event) = 0;
};

struct SuspendedTicket {
    std::string ticket_id;
    std::string terminal_id;  // where it was suspended
    std::string clerk_name;
    std::int64_t suspended_at_ms = 0;
    std::size_t line_count = 0;
    Money total;
    std::string label;  // what the clerk typed to find it again ("blue coat lady")
};

// Suspended tickets, visible to every terminal that shares the store.
class SuspendedTickets {
  public:
    virtual ~SuspendedTickets() = default;
    // Stores an open ticket's lines (inputs: product snapshot, list price, overrides, discounts,
    // voids) and its ticket discount, and journals a suspend event, in one transaction.
    virtual Status suspend(const Ticket& ticket, const std::string& label, std::int64_t at_ms) = 0;
    virtual std::vector<SuspendedTicket> list() = 0;  // oldest first
    // Removes and returns it (as Ticket::restore_open), journaling a resume event; a ticket
    // already resumed elsewhere is not_found.
    virtual Result<Ticket> resume(const std::string& ticket_id, const Clerk& by,
                                  std::int64_t at_ms) = 0;
};

// Gift cards and store credit: accounts with a balance kept as a ledger of movements.
class StoredValue {
  public:
    virtual ~StoredValue() = default;
    // nullopt when no such account exists.
    virtual std::optional<Money> balance(PaymentMethod kind, std::string_view account) = 0;
};

enum class Role { clerk, manager };
std::string_view to_string(Role role);

struct User {
    std::int64_t id = 0;
    std::string code;  // staff number typed or scanned at login
    std::string name;
    Role role = Role::clerk;
};

struct LoginState {
    int failed_attempts = 0;
    std::int64_t locked_until_ms = 0;  // 0 when not locked
};

class UserDirectory {
  public:
    virtual ~UserDirectory() = default;
    virtual std::vector<User> active_users() = 0;
    virtual std::optional<User> find_by_code(std::string_view code) = 0;
    virtual bool pin_matches(std::int64_t user_id, std::string_view pin) = 0;
    virtual LoginState login_state(std::int64_t user_id) = 0;
    virtual void save_login_state(std::int64_t user_id, const LoginState& state) = 0;
};

// Thrown by adapters when the store cannot be read at all (disk error, corrupt file).
class StoreFailure : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

}  // namespace pos
