#include "pos/ticket.hpp"

#include <algorithm>
#include <stdexcept>

namespace pos {

std::string_view to_string(TicketState state) {
    switch (state) {
        case TicketState::open:
            return "open";
        case TicketState::tendering:
            return "tendering";
        case TicketState::completed:
            return "completed";
    }
    return "?";
}

std::string_view to_string(PaymentMethod method) {
    switch (method) {
        case PaymentMethod::cash:
            return "cash";
    }
    return "?";
}

Ticket::Ticket(std::string id, std::string terminal_id, Clerk clerk, Currency currency,
               PricingMode pricing, std::int64_t opened_at_ms)
    : id_(std::move(id)),
      terminal_id_(std::move(terminal_id)),
      clerk_(std::move(clerk)),
      currency_(currency),
      pricing_(pricing),
      opened_at_ms_(opened_at_ms) {}

Totals Ticket::totals() const {
    const Money zero(0, currency_);
    Totals t{zero, zero, zero, zero, zero, {}};
    for (const auto& line : lines_) {
        t.net += line.amounts.net;
        t.tax += line.amounts.tax;
        t.total += line.amounts.gross;
        auto row = std::find_if(t.tax_summary.begin(), t.tax_summary.end(),
                                [&](const TaxSummaryRow& r) { return r.tax == line.tax; });
        if (row == t.tax_summary.end()) {
            t.tax_summary.push_back({line.tax, zero, zero, zero});
            row = std::prev(t.tax_summary.end());
        }
        row->net += line.amounts.net;
        row->tax_amount += line.amounts.tax;
        row->gross += line.amounts.gross;
    }
    for (const auto& payment : payments_)
        t.paid += payment.amount;
    t.due = t.total - t.paid;
    return t;
}

Money Ticket::change_given() const {
    Money change(0, currency_);
    for (const auto& p : payments_) {
        if (p.method == PaymentMethod::cash && p.amount.is_negative())
            change -= p.amount;
    }
    return change;
}

void Ticket::reprice(TicketLine& line) const {
    line.amounts = price_line(line.unit_price, line.quantity, line.tax, pricing_);
}

std::size_t Ticket::add_line(std::string line_id, const Product& product, Quantity quantity) {
    if (state_ != TicketState::open)
        throw std::logic_error("lines change only while open");
    TicketLine line{std::move(line_id), product.id,   product.code, product.name,
                    product.department, product.tax,  product.unit, product.unit_price,
                    quantity,           LineAmounts{}};
    reprice(line);
    lines_.push_back(std::move(line));
    return lines_.size() - 1;
}

void Ticket::set_quantity(std::size_t index, Quantity quantity) {
    if (state_ != TicketState::open)
        throw std::logic_error("lines change only while open");
    auto& line = lines_.at(index);
    line.quantity = quantity;
    reprice(line);
}

void Ticket::remove_line(std::size_t index) {
    if (state_ != TicketState::open)
        throw std::logic_error("lines change only while open");
    lines_.erase(lines_.begin() + static_cast<std::ptrdiff_t>(index));
}

void Ticket::begin_tender() {
    if (state_ != TicketState::open)
        throw std::logic_error("tender starts from an open ticket");
    state_ = TicketState::tendering;
}

void Ticket::resume_editing() {
    if (state_ != TicketState::tendering || !payments_.empty()) {
        throw std::logic_error("only a tendering ticket with no payments goes back to open");
    }
    state_ = TicketState::open;
}

void Ticket::add_payment(Payment payment) {
    if (state_ != TicketState::tendering)
        throw std::logic_error("payments need tendering");
    payments_.push_back(std::move(payment));
}

void Ticket::clear_payments() {
    if (state_ == TicketState::completed)
        throw std::logic_error("a completed ticket is final");
    payments_.clear();
}

void Ticket::mark_completed(std::string receipt_number, std::int64_t sequence,
                            std::int64_t completed_at_ms) {
    if (state_ != TicketState::tendering)
        throw std::logic_error("only a tendering ticket completes");
    state_ = TicketState::completed;
    receipt_number_ = std::move(receipt_number);
    sequence_ = sequence;
    completed_at_ms_ = completed_at_ms;
}

Ticket Ticket::restore(std::string id, std::string terminal_id, Clerk clerk, Currency currency,
                       PricingMode pricing, std::int64_t opened_at_ms, std::int64_t completed_at_ms,
                       std::string receipt_number, std::int64_t sequence,
                       std::vector<TicketLine> lines, std::vector<Payment> payments) {
    Ticket t(std::move(id), std::move(terminal_id), std::move(clerk), currency, pricing,
             opened_at_ms);
    t.lines_ = std::move(lines);
    t.payments_ = std::move(payments);
    t.state_ = TicketState::completed;
    t.completed_at_ms_ = completed_at_ms;
    t.receipt_number_ = std::move(receipt_number);
    t.sequence_ = sequence;
    return t;
}

}  // namespace pos
