// A ticket: lines, payments and totals that always add up.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "pos/money.hpp"
#include "pos/product.hpp"
#include "pos/tax.hpp"

namespace pos {

enum class TicketState { open, tendering, completed };
std::string_view to_string(TicketState state);

struct TicketLine {
    std::string id;  // UUID minted on the terminal
    std::int64_t product_id = 0;
    // A snapshot of the product as sold: later catalogue edits do not change a sold line.
    std::string code;
    std::string name;
    std::string department;
    TaxRate tax;
    UnitOfSale unit = UnitOfSale::each;
    Money unit_price;
    Quantity quantity;
    LineAmounts amounts;
};

enum class PaymentMethod { cash };
std::string_view to_string(PaymentMethod method);

struct Payment {
    std::string id;  // UUID minted on the terminal
    PaymentMethod method = PaymentMethod::cash;
    Money amount;  // change given back is a negative cash payment
};

struct TaxSummaryRow {
    TaxRate tax;
    Money net;
    Money tax_amount;
    Money gross;
};

struct Totals {
    Money net;
    Money tax;
    Money total;  // what the customer owes: net + tax, and the sum of line grosses
    Money paid;   // sum of payments, change included (so it equals total once completed)
    Money due;    // total - paid
    std::vector<TaxSummaryRow> tax_summary;  // one row per rate, in order of first use
};

struct Clerk {
    std::int64_t id = 0;
    std::string name;
};

class Ticket {
  public:
    Ticket(std::string id, std::string terminal_id, Clerk clerk, Currency currency,
           PricingMode pricing, std::int64_t opened_at_ms);

    const std::string& id() const { return id_; }
    const std::string& terminal_id() const { return terminal_id_; }
    const Clerk& clerk() const { return clerk_; }
    const Currency& currency() const { return currency_; }
    PricingMode pricing() const { return pricing_; }
    TicketState state() const { return state_; }
    std::int64_t opened_at_ms() const { return opened_at_ms_; }
    std::int64_t completed_at_ms() const { return completed_at_ms_; }
    const std::string& receipt_number() const { return receipt_number_; }
    std::int64_t sequence() const { return sequence_; }
    const std::vector<TicketLine>& lines() const { return lines_; }
    const std::vector<Payment>& payments() const { return payments_; }
    Totals totals() const;
    // Change handed back: the negated sum of negative cash payments.
    Money change_given() const;

    // Editing; only while open. Callers (the use cases) check state and input first.
    std::size_t add_line(std::string line_id, const Product& product, Quantity quantity);
    void set_quantity(std::size_t index, Quantity quantity);
    void remove_line(std::size_t index);

    void begin_tender();
    void resume_editing();  // tendering -> open, dropping nothing (no payments taken yet)
    void add_payment(Payment payment);
    void clear_payments();
    void mark_completed(std::string receipt_number, std::int64_t sequence,
                        std::int64_t completed_at_ms);

    // Used by stores to rebuild a completed ticket exactly as it was written.
    static Ticket restore(std::string id, std::string terminal_id, Clerk clerk, Currency currency,
                          PricingMode pricing, std::int64_t opened_at_ms,
                          std::int64_t completed_at_ms, std::string receipt_number,
                          std::int64_t sequence, std::vector<TicketLine> lines,
                          std::vector<Payment> payments);

  private:
    void reprice(TicketLine& line) const;

    std::string id_;
    std::string terminal_id_;
    Clerk clerk_;
    Currency currency_;
    PricingMode pricing_;
    TicketState state_ = TicketState::open;
    std::int64_t opened_at_ms_ = 0;
    std::int64_t completed_at_ms_ = 0;
    std::string receipt_number_;
    std::int64_t sequence_ = 0;
    std::vector<TicketLine> lines_;
    std::vector<Payment> payments_;
};

}  // namespace pos
