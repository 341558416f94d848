// SaleSession's customer service use cases: the customer on the ticket, loyalty points as a
// tender and as earnings, and a special order's deposit and pick-up.
#include <algorithm>

#include "pos/sale.hpp"
#include "pos/sale_support.hpp"

namespace pos {

namespace {

using detail::money_text;

const TaxRate deposit_tax{"DEP", "Deposit", Rate{0}};

// Points this ticket's payments took (positive) or gave back (negative).
std::int64_t points_tendered(const Ticket& ticket) {
    std::int64_t points = 0;
    for (const auto& p : ticket.payments()) {
        if (p.method == PaymentMethod::loyalty_points)
            points += p.points;
    }
    return points;
}

Money paid_with(const Ticket& ticket, PaymentMethod method, std::string_view reference = {}) {
    Money sum(0, ticket.currency());
    for (const auto& p : ticket.payments()) {
        if (p.method == method && (reference.empty() || p.reference == reference))
            sum += p.amount;
    }
    return sum;
}

TicketLine deposit_line(std::string id, const SpecialOrder& order) {
    Product deposit{0,
                    order.number,
                    "Deposit: " + order.product_name + " (" + order.number + ")",
                    "Special orders",
                    deposit_tax,
                    order.deposit,
                    UnitOfSale::each};
    TicketLine line = line_for(std::move(id), deposit, Quantity::units(1));
    line.special_order = order.number;
    return line;
}

std::string order_name(const SpecialOrder& order) {
    return "Special order " + order.number;
}

}  // namespace

// --- The customer ---

Status SaleSession::attach_customer(const Customer& customer) {
    const TicketState state = ticket_.state();
    if (state == TicketState::completed || state == TicketState::voided)
        return require_state(TicketState::open, "attach a customer");
    if (customer.id.empty())
        return bad_input("Choose a saved customer first (this one has no record yet)");
    if (!customer.merged_into.empty()) {
        return not_allowed(customer.name + " was merged into " + customer.merged_into +
                           "; use that record");
    }
    const auto& current = ticket_.customer();
    if (current && current->id != customer.id && points_tendered(ticket_) != 0) {
        return not_allowed(current->name +
                           "'s points already pay part of this ticket: the customer stays");
    }
    ticket_.set_customer(ref_of(customer));
    return ok();
}

void SaleSession::detach_customer() {
    const TicketState state = ticket_.state();
    // Points already tendered belong to the attached customer, so the customer stays with them.
    if (state == TicketState::completed || state == TicketState::voided ||
        points_tendered(ticket_) != 0) {
        return;
    }
    ticket_.set_customer(std::nullopt);
}

Result<TenderOutcome> SaleSession::tender_points(std::string_view amount_text) {
    if (auto s = require_state(TicketState::tendering, "pay with points"); !s)
        return s.error();
    if (auto s = require_payment_due(); !s)
        return s.error();
    const auto& customer = ticket_.customer();
    if (!customer)
        return not_allowed("Attach the customer first: points are the customer's");
    if (!settings_.loyalty.enabled)
        return not_allowed("Loyalty points are not in use at this store");
    // What this ticket already took is not in the stored balance until the sale completes.
    const std::int64_t balance =
        services_.stored_value.points_balance(customer->id) - points_tendered(ticket_);
    const Money due = ticket_.totals().due;
    Money amount = std::min(
        points_value(settings_.loyalty, std::max<std::int64_t>(balance, 0), settings_.currency),
        due);
    if (!amount_text.empty()) {
        auto keyed = parse_money(amount_text);
        if (!keyed)
            return keyed.error();
        amount = *keyed;
    } else if (amount.is_zero()) {
        amount = due;  // nothing to spend: the redemption check says how many points there are
    }
    if (amount > due) {
        return bad_input("Points payment " + format_amount(amount) + " is more than the " +
                         format_amount(due) + " due: no change is given on points");
    }
    auto points = check_redemption(settings_.loyalty, amount, balance);
    if (!points)
        return points.error();
    Payment payment{
        services_.ids.new_id(), PaymentMethod::loyalty_points, amount, customer->id, "", ""};
    payment.points = *points;
    return take({std::move(payment)});
}

// --- Special orders ---

Result<std::size_t> SaleSession::add_deposit(const SpecialOrder& order) {
    if (auto s = require_state(TicketState::open, "take a deposit"); !s)
        return s.error();
    if (ticket_.live_line_count() != 0) {
        return not_allowed(
            "A deposit goes on a ticket of its own: finish or clear this sale first");
    }
    if (order.number.empty())
        return bad_input("Save the special order first: it has no number yet");
    if (order.status != SpecialOrderStatus::awaiting_deposit) {
        return not_allowed(order_name(order) + " is " + std::string(title(order.status)) +
                           ": its deposit is not awaited");
    }
    if (order.deposit.is_negative() || order.deposit.is_zero())
        return bad_input(order_name(order) + " has no deposit agreed");
    if (order.deposit.currency() != settings_.currency)
        return bad_input(order_name(order) + " is priced in another currency");
    if (!ticket_.customer() && !order.customer_id.empty())
        ticket_.set_customer(CustomerRef{order.customer_id, order.customer_name, {}});
    return ticket_.add_deposit_line(deposit_line(services_.ids.new_id(), order));
}

Result<std::size_t> SaleSession::add_pickup(const SpecialOrder& order, const Product& product) {
    if (auto s = require_state(TicketState::open, "collect a special order"); !s)
        return s.error();
    if (ticket_.has_deposit_line())
        return not_allowed("This ticket takes a deposit: collect the order on a new sale");
    if (pickup_) {
        return not_allowed("This ticket already collects " + order_name(*pickup_) +
                           ": one special order per ticket");
    }
    if (order.status != SpecialOrderStatus::arrived &&
        order.status != SpecialOrderStatus::ordered) {
        return not_allowed(order_name(order) + " is " + std::string(title(order.status)) +
                           ": it cannot be collected");
    }
    if (product.code != order.product_code) {
        return bad_input(order_name(order) + " is for " + order.product_name + " (" +
                         order.product_code + "), not " + product.name + " (" + product.code + ")");
    }
    if (order.unit_price.currency() != settings_.currency)
        return bad_input(order_name(order) + " is priced in another currency");
    if (auto s = check_quantity(order.quantity, product.unit); !s)
        return s.error();
    Product agreed = product;
    agreed.unit_price = order.unit_price;  // the price agreed when ordered, not today's
    const std::size_t line = ticket_.add_line(services_.ids.new_id(), agreed, order.quantity);
    if (!ticket_.customer() && !order.customer_id.empty())
        ticket_.set_customer(CustomerRef{order.customer_id, order.customer_name, {}});
    pickup_ = order;
    return line;
}

Result<TenderOutcome> SaleSession::tender_deposit() {
    if (auto s = require_state(TicketState::tendering, "use the deposit"); !s)
        return s.error();
    if (!pickup_)
        return not_allowed("No special order is collected on this ticket");
    if (auto s = require_payment_due(); !s)
        return s.error();
    const SpecialOrder& order = *pickup_;
    const auto held = services_.stored_value.deposit_held(order.number);
    if (!held)
        return not_found(order_name(order) + " is not known here");
    const Money left = *held - paid_with(ticket_, PaymentMethod::deposit, order.number);
    if (left.is_negative() || left.is_zero())
        return not_allowed("No deposit is held for " + order_name(order));
    const Money amount = std::min(left, ticket_.totals().due);
    return take({{services_.ids.new_id(), PaymentMethod::deposit, amount, order.number, ""}});
}

// --- Points earned ---

}  // namespace pos

namespace pos::detail {

void settle_points(Ticket& ticket, const std::vector<OriginalTicket>& originals,
                   const LoyaltyRules& rules, StoredValue& stored_value) {
    // A return of a sale made for a customer is that customer's, receipt in hand.
    if (!ticket.customer()) {
        for (const auto& original : originals) {
            if (original.ticket.customer()) {
                ticket.set_customer(original.ticket.customer());
                break;
            }
        }
    }
    const auto& customer = ticket.customer();
    if (!customer || ticket.has_deposit_line()) {
        ticket.set_points_earned(0);  // a deposit earns nothing: the pick-up earns on its total
        return;
    }
    std::int64_t earned = points_earned(rules, ticket.totals().total,
                                        paid_with(ticket, PaymentMethod::loyalty_points));
    if (earned < 0) {
        // Taking back what a returned sale earned never leaves the customer below zero.
        const std::int64_t after_payments =
            stored_value.points_balance(customer->id) - points_tendered(ticket);
        earned = std::max(earned, -std::max<std::int64_t>(after_payments, 0));
    }
    ticket.set_points_earned(earned);
}

}  // namespace pos::detail
