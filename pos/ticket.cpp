#include "pos/ticket.hpp"

#include <algorithm>
#include <stdexcept>

#include "pos/enum_names.hpp"

namespace pos {

std::string_view to_string(TicketState state) {
    switch (state) {
        case TicketState::open:
            return "open";
        case TicketState::tendering:
            return "tendering";
        case TicketState::completed:
            return "completed";
        case TicketState::voided:
            return "voided";
    }
    return "?";
}

namespace {

constexpr EnumName<TicketKind> kind_names[] = {
    {TicketKind::sale, "sale"},
    {TicketKind::refund, "return"},
    {TicketKind::exchange, "exchange"},
    {TicketKind::post_void, "post_void"},
};

constexpr EnumName<PaymentMethod> method_names[] = {
    {PaymentMethod::cash, "cash"},
    {PaymentMethod::card, "card"},
    {PaymentMethod::gift_card, "gift_card"},
    {PaymentMethod::store_credit, "store_credit"},
    {PaymentMethod::cash_rounding, "cash_rounding"},
    {PaymentMethod::loyalty_points, "loyalty_points"},
    {PaymentMethod::deposit, "deposit"},
};

bool is_return(const TicketLine& line) {
    return line.returned.has_value();
}

// Callers check first; a return line's quantity and amounts are fixed when it is added.
void require_sale_line(const TicketLine& line) {
    if (is_return(line))
        throw std::logic_error("a return line's amounts are fixed; void it and return again");
}

}  // namespace

TicketLine line_for(std::string id, const Product& product, Quantity quantity) {
    TicketLine line;
    line.id = std::move(id);
    line.product_id = product.id;
    line.code = product.code;
    line.name = product.name;
    line.department = product.department;
    line.tax = product.tax;
    line.unit = product.unit;
    line.list_price = product.unit_price;
    line.quantity = quantity;
    return line;
}

Product product_of(const TicketLine& line) {
    return {line.product_id, line.code,       line.name, line.department,
            line.tax,        line.list_price, line.unit};
}

std::string_view to_string(TicketKind kind) {
    return name_of(kind_names, kind);
}

std::optional<TicketKind> ticket_kind_from(std::string_view name) {
    return value_named(kind_names, name);
}

std::string_view to_string(PaymentMethod method) {
    return name_of(method_names, method);
}

std::optional<PaymentMethod> payment_method_from(std::string_view name) {
    return value_named(method_names, name);
}

std::string payment_label(const Payment& p) {
    const auto ending = [](const std::string& s) {
        return " ending " + (s.size() <= 4 ? s : s.substr(s.size() - 4));
    };
    switch (p.method) {
        case PaymentMethod::cash:
            if (!p.amount.is_negative())
                return "Cash";
            return p.refund_of.empty() ? "Change" : "Cash refund";
        case PaymentMethod::card:
            return "Card" + ending(p.card_last4);
        case PaymentMethod::gift_card:
            return "Gift card" + ending(p.reference);
        case PaymentMethod::store_credit:
            return "Store credit" + ending(p.reference);
        case PaymentMethod::cash_rounding:
            return "Cash rounding";
        case PaymentMethod::loyalty_points: {
            const std::int64_t points = p.points < 0 ? -p.points : p.points;
            return (p.amount.is_negative() ? "Points given back (" : "Loyalty points (") +
                   std::to_string(points) + (points == 1 ? " point)" : " points)");
        }
        case PaymentMethod::deposit:
            return "Deposit paid on " + p.reference;
    }
    return "?";
}

Ticket::Ticket(std::string id, std::string terminal_id, Clerk clerk, Currency currency,
               TaxPolicy policy, std::int64_t opened_at_ms)
    : id_(std::move(id)),
      terminal_id_(std::move(terminal_id)),
      clerk_(std::move(clerk)),
      currency_(currency),
      policy_(policy),
      opened_at_ms_(opened_at_ms) {}

TicketKind Ticket::kind() const {
    if (!post_void_of_.empty())
        return TicketKind::post_void;
    bool returns = false;
    bool sales = false;
    for (const auto& line : lines_) {
        if (line.voided)
            continue;
        (is_return(line) ? returns : sales) = true;
    }
    if (returns)
        return sales ? TicketKind::exchange : TicketKind::refund;
    return TicketKind::sale;
}

bool Ticket::has_return_lines() const {
    return std::any_of(lines_.begin(), lines_.end(),
                       [](const TicketLine& l) { return !l.voided && is_return(l); });
}

Totals Ticket::totals() const {
    const Money zero(0, currency_);
    Totals t{zero, zero, zero, zero, zero, zero, zero, {}};
    for (const auto& line : lines_) {
        if (line.voided)
            continue;
        t.savings += line.promotion_saving;
        t.discounts += line.discount_amount;
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
    // Change exists only when the customer owes money; when the store owes (a return, or an
    // exchange that gives money back) negative cash is the refund itself.
    Money change(0, currency_);
    if (totals().total <= change)
        return change;
    for (const auto& p : payments_) {
        if (p.method == PaymentMethod::cash && p.amount.is_negative() && p.refund_of.empty())
            change -= p.amount;
    }
    return change;
}

std::size_t Ticket::live_line_count() const {
    return static_cast<std::size_t>(
        std::count_if(lines_.begin(), lines_.end(), [](const TicketLine& l) { return !l.voided; }));
}

std::int64_t Ticket::item_count() const {
    std::int64_t items = 0;
    // Returned items count too: the customer hands them over.
    for (const auto& line : lines_) {
        if (line.voided)
            continue;
        items += line.unit == UnitOfSale::each ? line.quantity.milli / 1000 : 1;
    }
    return items;
}

Money Ticket::tendered() const {
    // A post-void's positive payments give back an earlier sale's change: not handed over now.
    Money sum(0, currency_);
    for (const auto& p : payments_) {
        if (p.method != PaymentMethod::cash_rounding && !p.amount.is_negative() &&
            p.refund_of.empty())
            sum += p.amount;
    }
    return sum;
}

void Ticket::require_open() const {
    if (state_ != TicketState::open)
        throw std::logic_error("lines change only while open");
}

void Ticket::set_promotions(std::vector<Promotion> active) {
    require_open();
    promotions_ = std::move(active);
    reprice();
}

std::size_t Ticket::add_line(std::string line_id, const Product& product, Quantity quantity) {
    require_open();
    lines_.push_back(line_for(std::move(line_id), product, quantity));
    reprice();
    return lines_.size() - 1;
}

void Ticket::set_quantity(std::size_t index, Quantity quantity) {
    require_open();
    require_sale_line(lines_.at(index));
    lines_.at(index).quantity = quantity;
    reprice();
}

void Ticket::void_line(std::size_t index) {
    require_open();
    lines_.at(index).voided = true;
    reprice();
}

void Ticket::set_line_discount(std::size_t index, Discount discount) {
    require_open();
    require_sale_line(lines_.at(index));
    lines_.at(index).discount = std::move(discount);
    reprice();
}

void Ticket::set_price_override(std::size_t index, std::optional<PriceOverride> price_override) {
    require_open();
    require_sale_line(lines_.at(index));
    lines_.at(index).price_override = std::move(price_override);
    reprice();
}

void Ticket::set_discount(Discount discount) {
    require_open();
    discount_ = std::move(discount);
    reprice();
}

std::size_t Ticket::add_return_line(TicketLine line) {
    require_open();
    if (!is_return(line))
        throw std::logic_error("a return line needs its ReturnOf");
    lines_.push_back(std::move(line));
    reprice();
    return lines_.size() - 1;
}

std::size_t Ticket::add_deposit_line(TicketLine line) {
    require_open();
    if (line.special_order.empty() || is_return(line))
        throw std::logic_error("a deposit line names its special order");
    lines_.push_back(std::move(line));
    reprice();
    return lines_.size() - 1;
}

bool Ticket::has_deposit_line() const {
    return std::any_of(lines_.begin(), lines_.end(), [](const TicketLine& l) {
        return !l.voided && !l.special_order.empty() && !is_return(l);
    });
}

void Ticket::add_approval(ApprovalGrant grant) {
    if (state_ == TicketState::completed)
        throw std::logic_error("a completed ticket is final");
    approvals_.push_back(std::move(grant));
}

void Ticket::set_post_void_of(std::string ticket_id, std::string receipt_number) {
    require_open();
    if (std::any_of(lines_.begin(), lines_.end(),
                    [](const TicketLine& l) { return !is_return(l); }))
        throw std::logic_error("a post-void holds only the returned lines of its original");
    post_void_of_ = std::move(ticket_id);
    post_void_of_receipt_ = std::move(receipt_number);
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

void Ticket::mark_voided() {
    if (state_ == TicketState::completed || !payments_.empty()) {
        throw std::logic_error("only a ticket with no payments can be voided");
    }
    state_ = TicketState::voided;
}

Ticket Ticket::restore(std::string id, std::string terminal_id, Clerk clerk, Currency currency,
                       TaxPolicy policy, std::int64_t opened_at_ms, std::int64_t completed_at_ms,
                       std::string receipt_number, std::int64_t sequence,
                       std::vector<TicketLine> lines, std::vector<Payment> payments,
                       Discount discount, std::vector<ApprovalGrant> approvals,
                       std::string post_void_of, std::string post_void_of_receipt,
                       std::optional<CustomerRef> customer, std::int64_t points_earned) {
    Ticket t(std::move(id), std::move(terminal_id), std::move(clerk), currency, policy,
             opened_at_ms);
    t.lines_ = std::move(lines);
    t.payments_ = std::move(payments);
    t.discount_ = std::move(discount);
    t.approvals_ = std::move(approvals);
    t.post_void_of_ = std::move(post_void_of);
    t.post_void_of_receipt_ = std::move(post_void_of_receipt);
    t.customer_ = std::move(customer);
    t.points_earned_ = points_earned;
    t.state_ = TicketState::completed;
    t.completed_at_ms_ = completed_at_ms;
    t.receipt_number_ = std::move(receipt_number);
    t.sequence_ = sequence;
    return t;
}

void Ticket::set_customer(std::optional<CustomerRef> customer) {
    if (state_ == TicketState::completed || state_ == TicketState::voided)
        throw std::logic_error("a completed ticket's customer cannot change");
    customer_ = std::move(customer);
}

void Ticket::set_points_earned(std::int64_t points) {
    if (state_ == TicketState::completed || state_ == TicketState::voided)
        throw std::logic_error("a completed ticket's points cannot change");
    points_earned_ = points;
}

Ticket Ticket::restore_open(std::string id, std::string terminal_id, Clerk clerk, Currency currency,
                            TaxPolicy policy, std::int64_t opened_at_ms,
                            std::vector<TicketLine> lines, Discount discount) {
    Ticket t(std::move(id), std::move(terminal_id), std::move(clerk), currency, policy,
             opened_at_ms);
    t.lines_ = std::move(lines);
    t.discount_ = std::move(discount);
    t.reprice();
    return t;
}

}  // namespace pos
