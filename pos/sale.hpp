// The sale use cases: what a clerk does to ring up a basket and take payment for it.
#pragma once

#include <optional>
#include <string_view>

#include "pos/approvals.hpp"
#include "pos/login.hpp"
#include "pos/ports.hpp"
#include "pos/result.hpp"
#include "pos/returns.hpp"
#include "pos/scan_decode.hpp"
#include "pos/special_order.hpp"
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
    UserDirectory& users;    // approvers
    TicketArchive& archive;  // completed tickets, for returns and post-voids
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

// Approvals in the use cases: a method that may need one takes an Approval (empty by default).
// When the clerk's role does not allow the action and no approval is given, it fails with
// not_allowed, leaves everything as it was, and pending_approval() says what must be approved
// (the UI shows the approval dialog and calls the method again with the approver's details).
// An approval given is journaled (EventKind::approval) and kept on the ticket; a wrong PIN or an
// approver without the role changes nothing. decline() journals a refusal.
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
    // Over the store's discount limit needs Permission::discount_over_limit.
    Status set_line_discount(std::size_t line, const Discount& discount,
                             const Approval& approval = {});
    Status set_ticket_discount(const Discount& discount, const Approval& approval = {});
    // Needs Permission::price_override; journaled with the clerk and the approver.
    Status override_price(std::size_t line, std::string_view unit_price, const Approval& approval,
                          std::string_view reason);
    // Re-evaluates promotions for the current time (a happy hour may have started or ended).
    void refresh_promotions();

    // Before any payment; journaled; starts anew. Permission::ticket_void.
    Status void_ticket(std::string_view reason, const Approval& approval = {});
    // Opens the drawer with no sale; journaled. Permission::no_sale.
    Status no_sale(std::string_view reason, const Approval& approval = {});
    Status suspend(std::string_view label);       // parks the ticket; starts a new one
    Status resume(const std::string& ticket_id);  // only onto an empty ticket

    // Needs at least one live line. A refund (total below zero) over the store's refund limit
    // needs Permission::refund_over_limit here, before any money goes back.
    Status begin_tender(const Approval& approval = {});
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

    // --- Customers, loyalty and special orders ---
    // The customer the ticket is for; replaces any other; refused once completed. A merged
    // record is refused with the id it was merged into.
    Status attach_customer(const Customer& customer);
    void detach_customer();
    // The attached customer's points as a tender: `amount` in money ("2.50"; empty: as much as
    // the points cover, up to what is due), refused over the balance (check_redemption).
    Result<TenderOutcome> tender_points(std::string_view amount);
    // On an empty ticket: the order's deposit as the ticket's one line (zero-rated, no stock);
    // the ticket then takes no other items. Refused unless the order awaits its deposit.
    Result<std::size_t> add_deposit(const SpecialOrder& order);
    // Pick-up: the order's product at its agreed price; its held deposit is then taken as a tender
    // with tender_deposit (the terminal does so on Pay). Refused unless the order has arrived (or
    // is ordered) and is not collected or cancelled; one order per ticket.
    Result<std::size_t> add_pickup(const SpecialOrder& order, const Product& product);
    const std::optional<SpecialOrder>& pickup_order() const { return pickup_; }
    // The pick-up order's held deposit as a tender, up to what is due.
    Result<TenderOutcome> tender_deposit();

    // Starts the next ticket; only once the current one is completed or empty.
    Status start_new_ticket();

    // --- Returns and exchanges: return lines go on the open ticket beside any new items. ---

    // Finds a completed ticket of this store by receipt number (typed or scanned) for a return:
    // bad_input for a malformed number, not_allowed for another store's receipt ("look it up at
    // head office" comes with sync), not_found when there is no such receipt here.
    Result<OriginalTicket> open_original(std::string_view receipt_reference);
    // The original's lines with what can still be returned, counting this ticket's return lines.
    std::vector<ReturnableLine> returnable(const OriginalTicket& original) const;
    // Adds a return line for `quantity` of the original's line `index` ("1", or kg "0.450").
    Result<std::size_t> add_return(const OriginalTicket& original, std::size_t index,
                                   std::string_view quantity, ReturnReason reason,
                                   Disposition disposition);
    // A return without a receipt: Permission::return_without_receipt; refunded at the lowest
    // price of the last ReturnPolicy::lowest_price_days; the customer's phone or ID is required
    // and the per-customer limits apply.
    Result<std::size_t> add_return_without_receipt(std::string_view code, std::string_view quantity,
                                                   ReturnReason reason, Disposition disposition,
                                                   std::string_view customer,
                                                   const Approval& approval = {});
    // What the refund may go back to: the originals' tenders with what is still available, then
    // (always) store credit, and cash for no-receipt returns when the store allows it.
    std::vector<RefundTender> refund_tenders() const;
    // While tendering a refund (due below zero): the whole refund back to the original tenders
    // by the default plan, and no-receipt refunds as store credit (or cash when allowed).
    Result<TenderOutcome> refund_to_original();
    // A refund of `amount` (empty: all that is due, up to the tender's cap) to one tender:
    // cash, card (reference names the original card payment), gift card / store credit (the
    // account). Store credit with an empty account opens a new account. Never more to a tender
    // than it paid less earlier refunds.
    Result<TenderOutcome> refund(PaymentMethod method, std::string_view amount,
                                 std::string_view reference);
    // Post-void: reverses a completed sale of this terminal, sold today, with nothing returned
    // from it yet, as a new document pointing at it (every line returned, every payment given
    // back to its tender). Permission::post_void. Completes at once; the session's ticket
    // becomes the post-void (completed), as after a sale.
    Result<CompletedSale> post_void(const OriginalTicket& original, std::string_view reason,
                                    const Approval& approval = {});

    // --- Approvals ---
    const std::optional<ApprovalRequest>& pending_approval() const { return pending_approval_; }
    // The approver refuses what is pending: authenticated like an approval, journaled as
    // approval_declined with the reason; the ticket stays as it was.
    Status decline(const Approval& approval);
    void cancel_approval() { pending_approval_.reset(); }
    // ok(nullopt) when the clerk may do it alone; ok(grant) once approved and journaled;
    // not_allowed with pending_approval() set when an approval is needed and none was given.
    // Also for what is done at the till outside a ticket (paid-outs, closing the till, an
    // over/short): those approvals are journaled with no ticket.
    Result<std::optional<ApprovalGrant>> require_permission(Permission permission,
                                                            std::int64_t amount_minor,
                                                            std::string what,
                                                            const Approval& approval);

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

    // Keeps an approval on the ticket it was given for (nothing when none was needed).
    void keep_grant(const std::optional<ApprovalGrant>& grant);
    // Someone whose role allows the action alone still states why (a post-void): journaled and
    // kept like an approval they gave themselves.
    Result<ApprovalGrant> record_own_authority(Permission permission, std::int64_t amount_minor,
                                               std::string_view reason);
    // Asks for discount_over_limit when `discount` is over the store's limit on `value`.
    Result<std::optional<ApprovalGrant>> approve_discount(const Discount& discount, Money value,
                                                          const std::string& on,
                                                          const Approval& approval);
    // A new ticket, forgetting the originals of the last one and any pending approval.
    void start_fresh();
    // Refuses money taken while the ticket owes the customer a refund.
    Status require_payment_due() const;

    // What still goes back to the customer: to the originals' tenders (items with a receipt)
    // and without a receipt (store credit, or cash where allowed). New items on the ticket are
    // paid first from the no-receipt value, then from the receipted value.
    struct RefundDue {
        Money receipted;
        Money unreceipted;
    };
    RefundDue refund_due() const;
    // Every original's tenders, cards first, then gift cards and store credit, then cash.
    std::vector<RefundTender> original_tenders() const;
    // The cash payments for a cash refund (empty: as much as cash may take of `back`), back to
    // the originals' cash first, then no-receipt cash where the store allows it.
    Result<std::vector<Payment>> cash_refund(std::optional<Money> amount, Money back) const;
    // A refund back to one of the originals' cards, gift cards or store credit accounts.
    Result<std::vector<Payment>> tender_refund(PaymentMethod method, std::optional<Money> amount,
                                               std::string_view reference, Money back);
    Status check_no_receipt_limits(const std::string& customer, Money refund) const;
    std::string new_store_credit_account();

    SaleServices services_;
    StoreSettings settings_;
    User clerk_;
    Ticket ticket_;
    std::vector<OriginalTicket> originals_;  // the sales this ticket's return lines come from
    std::optional<ApprovalRequest> pending_approval_;
    std::optional<SpecialOrder> pickup_;  // the special order this ticket collects
};

}  // namespace pos
