// The sale use cases: what a clerk does to ring up a basket and take payment for it.
#pragma once

#include <optional>
#include <string_view>

#include "pos/login.hpp"
#include "pos/ports.hpp"
#include "pos/result.hpp"
#include "pos/scan_decode.hpp"
#include "pos/store_settings.hpp"
#include "pos/ticket.hpp"

namespace pos {

struct SaleServices {
    Catalogue& catalogue;
    SaleStore& store;
    Clock& clock;
    IdSource& ids;
    PromotionSource& promotions;
    EventLog& events;
    SuspendedTickets& suspended;
    StoredValue& stored_value;
    UserDirectory& users;  // approvers
};

// A tender taken from the customer: what it was, and whether it finished the sale.
struct TenderOutcome {
    Money still_due;                         // zero once completed
    std::optional<CompletedSale> completed;  // set when this tender completed the sale
};

struct CardTender {
    std::string amount;     // as charged on the external payment terminal
    std::string reference;  // the payment terminal's reference for the charge
    std::string last4;      // the last four digits it printed; never a full card number
};

class SaleSession {
  public:
    SaleSession(SaleServices services, StoreSettings settings, User clerk);

    const Ticket& ticket() const { return ticket_; }
    const StoreSettings& settings() const { return settings_; }
    const User& clerk() const { return clerk_; }

    // Looks the code up (after checking it, see normalise_scanned_code) and adds a line.
    // quantity is "3" or, for weighed items, kilograms "0.450"; weighed items need one.
    // Returns the index of the new line.
    Result<std::size_t> add_item(std::string_view code, std::string_view quantity = {});
    Result<std::size_t> add_product(const Product& product, std::string_view quantity = {});
    Status change_quantity(std::size_t line, std::string_view quantity);
    // The line stays on the ticket (and the receipt), worth nothing; journaled with who and when.
    Status void_line(std::size_t line, std::string_view reason = {});
    Status set_line_discount(std::size_t line, const Discount& discount);
    Status set_ticket_discount(const Discount& discount);
    // A manager approves unless the clerk is one; journaled with both.
    Status override_price(std::size_t line, std::string_view unit_price, const Approval& approval,
                          std::string_view reason);
    // Re-evaluates promotions for the current time (a happy hour may have started or ended).
    void refresh_promotions();

    Status void_ticket(std::string_view reason);  // before any payment; journaled; starts anew
    Status no_sale(std::string_view reason);      // opens the drawer with no sale; journaled
    Status suspend(std::string_view label);       // parks the ticket; starts a new one
    Status resume(const std::string& ticket_id);  // only onto an empty ticket

    Status begin_tender();  // needs at least one live line
    Status back_to_sale();  // leave the tender screen; only before any payment
    // What cash settles the ticket now: the amount due rounded to the cash increment.
    Money cash_due() const;
    // Cash: at least cash_due() (change is a negative cash payment, bounded by the store's
    // overtender limit), or less with `part_payment` to split with another tender.
    Result<TenderOutcome> tender_cash(std::string_view amount, bool part_payment = false);
    // Card on an external terminal: never more than is due (no change on cards).
    Result<TenderOutcome> tender_card(const CardTender& card);
    // Gift card or store credit: at most the balance and at most what is due.
    Result<TenderOutcome> tender_stored_value(PaymentMethod kind, std::string_view account,
                                              std::string_view amount);

    // Starts the next ticket; only once the current one is completed or empty.
    Status start_new_ticket();

  private:
    Status require_state(TicketState wanted, std::string_view action) const;
    Status require_line(std::size_t line) const;
    Ticket fresh_ticket();
    Result<std::size_t> add_labelled(Product product, const ScannedCode& scanned,
                                     std::string_view quantity);
    std::vector<Promotion> active_promotions(std::int64_t now);
    Result<Money> parse_money(std::string_view amount) const;
    Status record(EventKind kind, const std::string& line_id, std::int64_t amount_minor,
                  std::string_view reason, std::int64_t approved_by = 0);
    // Adds the payments of one tender; completes the sale when nothing is left to pay. If the
    // store refuses the completion, this tender's payments are taken back off.
    Result<TenderOutcome> take(std::vector<Payment> payments);

    SaleServices services_;
    StoreSettings settings_;
    User clerk_;
    Ticket ticket_;
};

}  // namespace pos
