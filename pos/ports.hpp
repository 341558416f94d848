// Ports: the small interfaces the use cases need from the outside world. db/, ui/ and the tests
// implement them; pos/ never knows which implementation it has.
#pragma once

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "pos/permissions.hpp"
#include "pos/product.hpp"
#include "pos/promotions.hpp"
#include "pos/result.hpp"
#include "pos/returns.hpp"
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
    // Returns, exchanges and post-voids go the same way. Inside the transaction it re-checks
    // that no line returns more than remains returnable and no refund gives a tender more than
    // remains of what it paid (another terminal may have returned it meanwhile), credits refunds
    // to gift card / store credit accounts (opening a store credit account that does not exist
    // yet), writes a stock movement per return line into its disposition's bucket, and stores the
    // ticket's approvals. The journal entry's kind is to_string(ticket.kind()).
    virtual Result<CompletedSale> complete_sale(const Ticket& ticket,
                                                std::int64_t completed_at_ms) = 0;
};

// What happens at the till besides completed sales, each journaled with who and when.
enum class EventKind {
    line_void,
    ticket_void,
    no_sale,
    price_override,
    suspend,
    resume,
    approval,           // an approver allowed something the clerk may not do alone
    approval_declined,  // an approver refused it; the ticket stayed as it was
};
std::string_view to_string(EventKind kind);

struct TicketEvent {
    std::string id;  // UUID minted on the terminal
    EventKind kind = EventKind::no_sale;
    std::string terminal_id;
    std::string ticket_id;  // empty for a no-sale
    std::string line_id;    // line_void and price_override
    std::int64_t user_id = 0;
    std::string user_name;
    std::int64_t approved_by = 0;  // approver's user id when an approval was needed, else 0
    std::string approver_name;     // approval / approval_declined: who approved or declined
    std::string rule;  // approval / approval_declined: the Permission, as to_string names it
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
    // A customer's loyalty points (every store's movements the terminal holds); 0 when none.
    virtual std::int64_t points_balance(const std::string& /*customer_id*/) { return 0; }
    // A special order's deposit paid and not yet used; nullopt when there is no such order.
    virtual std::optional<Money> deposit_held(std::string_view /*order_number*/) {
        return std::nullopt;
    }
};

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
    // The user whose badge barcode this is; nullopt for an unknown badge or an inactive user.
    virtual std::optional<User> find_by_badge(std::string_view badge) = 0;
    virtual bool pin_matches(std::int64_t user_id, std::string_view pin) = 0;
    virtual LoginState login_state(std::int64_t user_id) = 0;
    virtual void save_login_state(std::int64_t user_id, const LoginState& state) = 0;
};

// A completed ticket as a search lists it.
struct TicketSummary {
    std::string ticket_id;
    std::string receipt_number;
    std::string terminal_id;
    TicketKind kind = TicketKind::sale;
    std::int64_t completed_at_ms = 0;
    std::string clerk_name;
    Money total;
    std::int64_t item_count = 0;
    std::string tenders;  // "Card ending 4242 12.34, Cash 5.00", in payment order
};

// Finding a ticket without its receipt. Every given criterion must hold; none given finds the
// newest. Results newest first.
struct TicketQuery {
    std::int64_t from_ms = 0;  // completed at or after; 0: no lower bound
    std::int64_t to_ms = 0;    // completed before; 0: no upper bound
    std::optional<std::int64_t> total_minor;  // the ticket's total exactly
    std::string card;   // a card payment's reference, or its last four digits
    std::string item;   // a product code on the ticket, or words of a line's name (prefixes)
    std::size_t limit = 50;
};

struct NoReceiptHistory {
    std::int64_t returns = 0;       // completed tickets with no-receipt return lines
    std::int64_t amount_minor = 0;  // what they refunded, positive
};

// Completed tickets, read for returns, post-voids and payment inquiries.
class TicketArchive {
  public:
    virtual ~TicketArchive() = default;
    // A completed sale (or exchange) of this store by receipt number, with its earlier returns
    // and refunds; nullopt when there is none.
    virtual std::optional<OriginalTicket> open_for_return(const std::string& receipt_number) = 0;
    // Any completed ticket, exactly as written (for showing it as printed).
    virtual std::optional<Ticket> find_ticket(const std::string& receipt_number) = 0;
    virtual std::vector<TicketSummary> find_tickets(const TicketQuery& query) = 0;
    // The lowest unit price the product had at any moment in [from_ms, to_ms] per the price book.
    virtual std::optional<Money> lowest_price(std::int64_t product_id, std::int64_t from_ms,
                                              std::int64_t to_ms) = 0;
    // No-receipt returns for a customer key (see normalise_customer_key) completed since since_ms.
    virtual NoReceiptHistory no_receipt_returns(const std::string& customer,
                                                std::int64_t since_ms) = 0;
};

// Thrown by adapters when the store cannot be read at all (disk error, corrupt file).
class StoreFailure : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

}  // namespace pos
