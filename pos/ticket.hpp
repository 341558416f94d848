// A ticket: lines, payments and totals that always add up.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "pos/customer.hpp"
#include "pos/money.hpp"
#include "pos/permissions.hpp"
#include "pos/pricing.hpp"
#include "pos/product.hpp"
#include "pos/promotions.hpp"
#include "pos/return_terms.hpp"
#include "pos/tax.hpp"

namespace pos {

enum class TicketState { open, tendering, completed, voided };
std::string_view to_string(TicketState state);

// What a completed ticket is, from its lines: only sale lines, a sale; only return lines, a
// refund (a "return" to people); both, an exchange. A post-void reverses a whole completed ticket.
enum class TicketKind { sale, refund, exchange, post_void };
std::string_view to_string(TicketKind kind);  // "sale", "return", "exchange", "post_void"
std::optional<TicketKind> ticket_kind_from(std::string_view name);

struct TicketLine {
    std::string id;  // UUID minted on the terminal
    std::int64_t product_id = 0;
    // A snapshot of the product as sold: later catalogue edits do not change a sold line.
    std::string code;
    std::string name;
    std::string department;
    TaxRate tax;
    UnitOfSale unit = UnitOfSale::each;
    Money list_price;  // the price book's unit price when the item was scanned
    std::optional<PriceOverride> price_override;
    Quantity quantity;
    Discount discount;    // keyed for this line
    bool voided = false;  // kept on the ticket (and the receipt) but worth nothing
    // Set on a return line (see ReturnOf): amounts negative and fixed, never re-priced.
    std::optional<ReturnOf> returned;
    // A special order's deposit line (pos/special_order.hpp): the order number. No stock moves,
    // no promotion or discount applies, and its tax rate is the zero "deposit" rate.
    std::string special_order{};

    // Computed by the pricing engine after every change; never set by hand.
    Money unit_price;        // the override's price, or list_price
    Money extended;          // unit_price x quantity, rounded half-up to the minor unit
    Money promotion_saving;  // >= 0, from promotions
    std::string promotion;   // names of the promotions behind the saving, "; "-separated
    Money discount_amount;   // >= 0: this line's discount plus its share of the ticket's
    LineAmounts amounts;     // what the line costs after savings and discounts
};

// A line of `quantity` x `product`, the product copied in as the line's snapshot. Its computed
// fields are left to the pricing engine (or, on a return line, to pos/returns.hpp).
TicketLine line_for(std::string id, const Product& product, Quantity quantity);
// The product as a line sold it: its snapshot, at the price book's price of the time.
Product product_of(const TicketLine& line);

// loyalty_points: the attached customer's points (reference: the customer id); deposit: a special
// order's deposit held since it was paid (reference: the order number), used at pick-up.
enum class PaymentMethod {
    cash,
    card,
    gift_card,
    store_credit,
    cash_rounding,
    loyalty_points,
    deposit
};
std::string_view to_string(PaymentMethod method);
std::optional<PaymentMethod> payment_method_from(std::string_view name);

struct Payment {
    std::string id;  // UUID minted on the terminal
    PaymentMethod method = PaymentMethod::cash;
    Money amount;  // change given back is a negative cash payment
    // card: the payment terminal's reference; gift card / store credit: the account number.
    std::string reference;
    std::string card_last4;  // card only; a full card number is never taken or stored
    // A refund (negative amount) back to a tender of an earlier sale: that sale's ticket id.
    // Empty for money taken, change, and refunds of returns without a receipt.
    std::string refund_of{};  // {}: older five-field initialisers stay warning-free
    // loyalty_points: the points, signed like amount: positive when the payment took points
    // from the customer's balance, negative when a refund gave them back (amount negative too).
    std::int64_t points{};
};

// How a payment is named to people, on screen and on receipts: "Cash", "Change",
// "Card ending 4242", "Gift card ending 0001", "Cash rounding".
std::string payment_label(const Payment& payment);

struct TaxSummaryRow {
    TaxRate tax;
    Money net;
    Money tax_amount;
    Money gross;
};

struct Totals {
    Money savings;    // from promotions, included in the lines (shown, not subtracted again)
    Money discounts;  // keyed discounts, likewise
    Money net;
    Money tax;
    Money total;  // what the customer owes: net + tax, and the sum of line grosses
    Money paid;   // sum of payments, change included (so it equals total once completed)
    Money due;    // total - paid
    std::vector<TaxSummaryRow> tax_summary;  // one row per rate, in order of first use
};

// An approval given on this ticket: printed on its receipt and stored with it.
struct ApprovalGrant {
    std::string id;  // the journal event's id
    Permission permission = Permission::price_override;
    std::int64_t requested_by = 0;
    std::int64_t approved_by = 0;
    std::string approver_name;
    std::int64_t amount_minor = 0;
    std::string reason;
    std::int64_t at_ms = 0;
    friend bool operator==(const ApprovalGrant&, const ApprovalGrant&) = default;
};

struct Clerk {
    std::int64_t id = 0;
    std::string name;
};

class Ticket {
  public:
    Ticket(std::string id, std::string terminal_id, Clerk clerk, Currency currency,
           TaxPolicy policy, std::int64_t opened_at_ms);

    const std::string& id() const { return id_; }
    const std::string& terminal_id() const { return terminal_id_; }
    const Clerk& clerk() const { return clerk_; }
    const Currency& currency() const { return currency_; }
    const TaxPolicy& policy() const { return policy_; }
    PricingMode pricing() const { return policy_.pricing; }
    TicketState state() const { return state_; }
    std::int64_t opened_at_ms() const { return opened_at_ms_; }
    std::int64_t completed_at_ms() const { return completed_at_ms_; }
    const std::string& receipt_number() const { return receipt_number_; }
    std::int64_t sequence() const { return sequence_; }
    const std::vector<TicketLine>& lines() const { return lines_; }
    const std::vector<Payment>& payments() const { return payments_; }
    const Discount& discount() const { return discount_; }  // on the whole ticket
    const std::vector<ApprovalGrant>& approvals() const { return approvals_; }
    TicketKind kind() const;
    // A post-void: the ticket id and receipt number of the completed ticket it reverses.
    const std::string& post_void_of() const { return post_void_of_; }
    const std::string& post_void_of_receipt() const { return post_void_of_receipt_; }
    bool has_return_lines() const;
    Totals totals() const;
    // Change handed back: the negated sum of negative cash payments that are not refunds, on a
    // ticket whose total is positive (on a return, negative cash is the refund, not change).
    Money change_given() const;
    // Lines that count (not voided).
    std::size_t live_line_count() const;
    // Items as a customer counts them: units of counted lines, one per weighed line.
    std::int64_t item_count() const;
    // What the customer handed over: every payment but change, cash rounding and refunds.
    Money tendered() const;

    // Editing; only while open. Every edit re-prices the whole ticket: promotions, discounts and
    // tax. Callers (the use cases) check permissions and input first.
    void set_promotions(std::vector<Promotion> active);  // those active now, re-priced at once
    std::size_t add_line(std::string line_id, const Product& product, Quantity quantity);
    void set_quantity(std::size_t index, Quantity quantity);
    void void_line(std::size_t index);
    void set_line_discount(std::size_t index, Discount discount);
    void set_price_override(std::size_t index, std::optional<PriceOverride> price_override);
    void set_discount(Discount discount);
    // A return line built by pos/returns.hpp, its amounts already computed (negative).
    std::size_t add_return_line(TicketLine line);
    // A special order's deposit line (line.special_order set): priced as it is, no promotion,
    // discount or tax but the zero deposit rate applies to it.
    std::size_t add_deposit_line(TicketLine line);
    // Whether a live deposit line is on the ticket: such a ticket holds nothing else.
    bool has_deposit_line() const;
    void add_approval(ApprovalGrant grant);  // any state before completion
    // The customer the ticket is for (loyalty, history); any state before completion.
    const std::optional<CustomerRef>& customer() const { return customer_; }
    void set_customer(std::optional<CustomerRef> customer);
    // Loyalty points the ticket earns (negative: a refund takes them back); set by the session
    // just before completion.
    std::int64_t points_earned() const { return points_earned_; }
    void set_points_earned(std::int64_t points);
    // Makes this (empty, open) ticket the post-void of a completed one.
    void set_post_void_of(std::string ticket_id, std::string receipt_number);

    void begin_tender();
    void resume_editing();  // tendering -> open; only with no payments taken
    void add_payment(Payment payment);
    void clear_payments();
    void mark_completed(std::string receipt_number, std::int64_t sequence,
                        std::int64_t completed_at_ms);
    void mark_voided();  // the whole ticket, before any payment

    // Rebuilds a completed ticket exactly as it was written (computed fields included).
    static Ticket restore(std::string id, std::string terminal_id, Clerk clerk, Currency currency,
                          TaxPolicy policy, std::int64_t opened_at_ms, std::int64_t completed_at_ms,
                          std::string receipt_number, std::int64_t sequence,
                          std::vector<TicketLine> lines, std::vector<Payment> payments,
                          Discount discount = {}, std::vector<ApprovalGrant> approvals = {},
                          std::string post_void_of = {}, std::string post_void_of_receipt = {},
                          std::optional<CustomerRef> customer = {}, std::int64_t points_earned = 0);
    // Rebuilds an open (suspended) ticket from its inputs; call set_promotions to price it.
    static Ticket restore_open(std::string id, std::string terminal_id, Clerk clerk,
                               Currency currency, TaxPolicy policy, std::int64_t opened_at_ms,
                               std::vector<TicketLine> lines, Discount discount);

  private:
    void require_open() const;
    void reprice();

    std::string id_;
    std::string terminal_id_;
    Clerk clerk_;
    Currency currency_;
    TaxPolicy policy_;
    TicketState state_ = TicketState::open;
    std::int64_t opened_at_ms_ = 0;
    std::int64_t completed_at_ms_ = 0;
    std::string receipt_number_;
    std::int64_t sequence_ = 0;
    std::vector<TicketLine> lines_;
    std::vector<Payment> payments_;
    Discount discount_;
    std::vector<Promotion> promotions_;
    std::vector<ApprovalGrant> approvals_;
    std::string post_void_of_;
    std::string post_void_of_receipt_;
    std::optional<CustomerRef> customer_;
    std::int64_t points_earned_ = 0;
};

}  // namespace pos
