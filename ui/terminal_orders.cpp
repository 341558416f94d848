// Special orders: an item ordered for the attached customer with a deposit paid on a ticket of
// its own; marked arrived when it comes in; picked up on a sale where the held deposit pays first
// and the balance as usual; or cancelled.
#include "ui/terminal.hpp"
#include "ui/terminal_text.hpp"

namespace ui {

namespace {

constexpr std::size_t order_list_limit = 200;

std::string deposit_text(const pos::SpecialOrder& order) {
    return text::money(order.deposit);
}

// The deposit goes on a ticket of its own: the ticket must be empty (a completed one is left).
pos::Status empty_ticket_for(pos::SaleSession& session, std::string_view what) {
    const auto& t = session.ticket();
    if (t.state() == pos::TicketState::open && t.lines().empty())
        return pos::ok();
    if (t.state() == pos::TicketState::completed)
        return session.start_new_ticket();
    return pos::not_allowed("The sale has items: finish or suspend it before you " +
                            std::string(what) + " (a deposit is paid on a ticket of its own)");
}

}  // namespace

void Terminal::refresh_orders() {
    order_desk_.open = services_.store.special_orders().open_orders(order_list_limit);
}

std::vector<pos::SpecialOrder> Terminal::orders_named_by(const pos::Ticket& ticket) const {
    std::vector<pos::SpecialOrder> orders;
    for (const auto& l : ticket.lines()) {
        if (l.special_order.empty())
            continue;
        if (auto found = services_.store.special_orders().find(l.special_order))
            orders.push_back(std::move(*found));
    }
    return orders;
}

pos::Result<pos::SpecialOrder> Terminal::order_named(const std::string& number) const {
    if (number.empty())
        return pos::bad_input("Say which special order: its number, as SO-T01-000007");
    if (auto found = services_.store.special_orders().find(number))
        return std::move(*found);
    return pos::not_found("There is no special order " + number);
}

pos::Status Terminal::handle(const ShowSpecialOrders&) {
    if (auto s = enter_desk(Screen::special_orders, "open the special orders"); !s)
        return s;
    refresh_orders();
    const auto customer = attached_customer();
    message_ = {MessageKind::info, customer ? "A new order is for " + customer->name
                                            : "Attach a customer to the sale to order for them"};
    return pos::ok();
}

pos::Status Terminal::handle(const CreateSpecialOrder& intent) {
    if (auto s = require_screen(Screen::special_orders, "create a special order"); !s)
        return s;
    const auto customer = attached_customer();
    if (!customer)
        return pos::not_allowed(
            "Attach the customer to the sale first: a special order is "
            "always for a customer");
    const auto& t = session_->ticket();
    if (t.state() != pos::TicketState::open || !t.lines().empty())
        return pos::not_allowed(
            "The sale has items: finish or suspend it before you create a "
            "special order (its deposit is paid on a ticket of its own)");
    if (intent.code.empty())
        return pos::bad_input("Scan or key the product code of the item to order");
    const auto now = services_.clock.now_ms();
    const auto product = services_.store.catalogue().find_by_code(intent.code, now);
    if (!product)
        return pos::not_found("There is no product " + intent.code + " in the catalogue");
    if (product->unit != pos::UnitOfSale::each)
        return pos::bad_input(product->name +
                              " is sold by weight: special orders are for "
                              "counted items");
    auto quantity =
        pos::parse_quantity(intent.quantity.empty() ? "1" : intent.quantity, pos::UnitOfSale::each);
    if (!quantity)
        return quantity.error();
    std::int64_t expected = 0;
    if (!intent.expected.empty()) {
        auto day = pos::parse_day(intent.expected, today());
        if (!day)
            return day.error();
        if (*day < today())
            return pos::bad_input("The expected date " + intent.expected + " is in the past");
        expected = *day;
    }
    pos::SpecialOrder order;
    order.id = services_.ids.new_id();
    order.customer_id = customer->id;
    order.customer_name = customer->name;
    order.product_code = product->code;
    order.product_name = product->name;
    order.quantity = *quantity;
    order.unit_price = product->unit_price;
    order.total = product->unit_price.times(quantity->milli / 1000);
    auto deposit = pos::check_deposit(intent.deposit, order.total, settings_.min_deposit_ppm);
    if (!deposit)
        return deposit.error();
    order.deposit = *deposit;
    order.deposit_held = pos::Money(0, order.total.currency());
    order.store_code = settings_.store_code;
    order.expected_day = expected;
    order.note = intent.note;
    order.created_at_ms = now;
    order.updated_at_ms = now;
    auto stored = services_.store.special_orders().create(std::move(order));
    if (!stored)
        return stored.error();
    refresh_orders();
    auto line = session_->add_deposit(*stored);
    if (!line) {
        return pos::not_allowed("Special order " + stored->number +
                                " is saved, awaiting its deposit, but the deposit is not on the "
                                "ticket: " +
                                line.error().message);
    }
    order_desk_.deposit_for = stored->number;
    line_added(*line);
    message_ = {MessageKind::info, "Special order " + stored->number + " for " +
                                       stored->customer_name + ": deposit " +
                                       deposit_text(*stored) + " on the ticket. Tap Pay"};
    return pos::ok();
}

pos::Status Terminal::handle(const TakeDeposit& intent) {
    if (auto s = require_screen(Screen::special_orders, "take a deposit"); !s)
        return s;
    auto order = order_named(intent.number);
    if (!order)
        return order.error();
    if (auto s = empty_ticket_for(*session_, "take a deposit"); !s)
        return s;
    auto line = session_->add_deposit(*order);
    if (!line)
        return line.error();
    completed_.reset();
    ticket_started();
    order_desk_.deposit_for = order->number;
    line_added(*line);
    message_ = {MessageKind::info, "Deposit " + deposit_text(*order) + " for special order " +
                                       order->number + " on the ticket. Tap Pay"};
    return pos::ok();
}

pos::Status Terminal::handle(const OrderArrived& intent) {
    if (auto s = require_screen(Screen::special_orders, "mark an order arrived"); !s)
        return s;
    auto order = order_named(intent.number);
    if (!order)
        return order.error();
    if (auto s = services_.store.special_orders().set_status(
            order->number, pos::SpecialOrderStatus::arrived, services_.clock.now_ms());
        !s)
        return s;
    refresh_orders();
    message_ = {MessageKind::info, "Special order " + order->number + " has arrived: tell " +
                                       order->customer_name + " it is ready to pick up"};
    return pos::ok();
}

pos::Status Terminal::handle(const CancelOrder& intent) {
    if (auto s = require_screen(Screen::special_orders, "cancel an order"); !s)
        return s;
    auto order = order_named(intent.number);
    if (!order)
        return order.error();
    if (auto s = services_.store.special_orders().set_status(
            order->number, pos::SpecialOrderStatus::cancelled, services_.clock.now_ms());
        !s)
        return s;
    refresh_orders();
    std::string said = "Special order " + order->number + " cancelled";
    if (!order->deposit_held.is_zero())
        said += "; its deposit " + text::money(order->deposit_held) +
                " stays held until it is refunded";
    message_ = {MessageKind::info, said};
    return pos::ok();
}

pos::Status Terminal::handle(const PickUpOrder& intent) {
    if (auto s = require_screen(Screen::special_orders, "pick up an order"); !s)
        return s;
    auto order = order_named(intent.number);
    if (!order)
        return order.error();
    const auto product =
        services_.store.catalogue().find_by_code(order->product_code, services_.clock.now_ms());
    if (!product)
        return pos::not_found("Product " + order->product_code + " of special order " +
                              order->number + " is no longer in the catalogue");
    if (session_->ticket().state() == pos::TicketState::completed) {
        if (auto s = session_->start_new_ticket(); !s)
            return s;
        completed_.reset();
        ticket_started();
    }
    auto line = session_->add_pickup(*order, *product);
    if (!line)
        return line.error();
    if (!attached_customer() && !order->customer_id.empty()) {
        if (auto customer = services_.store.customers().find(order->customer_id))
            (void)session_->attach_customer(*customer);  // their points; the pick-up goes on
    }
    line_added(*line);
    message_ = {MessageKind::info, "Special order " + order->number + " for " +
                                       order->customer_name + ": deposit held " +
                                       text::money(order->deposit_held) + ", balance due " +
                                       text::money(pos::balance_due(*order)) + ". Tap Pay"};
    return pos::ok();
}

// On Pay: the held deposit of a pick-up order pays first; the balance is then paid as usual.
pos::Status Terminal::take_pickup_deposit() {
    const auto& order = session_->pickup_order();
    if (!order || order->deposit_held.is_zero())
        return pos::ok();
    for (const auto& p : session_->ticket().payments()) {
        if (p.method == pos::PaymentMethod::deposit)
            return pos::ok();  // taken already (Back, then Pay again)
    }
    auto taken = session_->tender_deposit();
    if (!taken)
        return taken.error();
    if (taken->completed) {
        sale_completed();
        return pos::ok();
    }
    message_ = {MessageKind::info, "Deposit " + text::money(order->deposit_held) +
                                       " taken; balance due " + money_text(taken->still_due)};
    return pos::ok();
}

}  // namespace ui
