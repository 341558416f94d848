// Customer service inside complete_sale's transaction (see sale_service.hpp).
#include "db/sale_service.hpp"

#include <algorithm>
#include <vector>

#include "db/format.hpp"

namespace db {

namespace {

const std::string not_saved = "; the sale was not saved";

bool is_deposit(const pos::TicketLine& line) {
    return !line.special_order.empty();
}

}  // namespace

SaleServiceWrites::SaleServiceWrites(Database& db)
    : db_(db),
      rows_(db),
      link_customer_(db,
                     "INSERT INTO ticket_customers (ticket_id, customer_id, customer_name, card,"
                     " points_earned) VALUES (?, ?, ?, ?, ?)"),
      count_pair_(db,
                  "INSERT INTO bought_together (product_id, other_id, times) VALUES (?, ?, 1)"
                  " ON CONFLICT (product_id, other_id) DO UPDATE SET times = times + 1") {}

pos::Status SaleServiceWrites::check(const pos::Ticket& ticket) {
    if (auto points = check_points(ticket); !points)
        return points;
    return check_deposits(ticket);
}

// The points the ticket takes from each customer (payments) must be on the card, counting
// every movement of every store this terminal holds.
pos::Status SaleServiceWrites::check_points(const pos::Ticket& ticket) {
    std::map<std::string, std::int64_t> taken;
    for (const pos::Payment& payment : ticket.payments()) {
        if (payment.method != pos::PaymentMethod::loyalty_points)
            continue;
        if (payment.reference.empty())
            return pos::bad_input("The points payment names no customer" + not_saved);
        taken[payment.reference] += payment.points;
    }
    if (ticket.customer() && ticket.points_earned() < 0)
        taken[ticket.customer()->id] -= ticket.points_earned();
    for (const auto& [customer_id, points] : taken) {
        if (points <= 0)
            continue;
        const std::int64_t balance = rows_.points_balance(customer_id);
        if (balance < points) {
            const std::string who = ticket.customer() && ticket.customer()->id == customer_id
                                        ? ticket.customer()->name
                                        : "The customer";
            return pos::not_allowed(who + " has " + std::to_string(balance) +
                                    " points; this sale takes " + std::to_string(points) +
                                    not_saved);
        }
    }
    return pos::ok();
}

// Deposit lines need an order awaiting (or already holding) a deposit; a returned deposit line
// or a deposit payment needs the order to hold that much.
pos::Status SaleServiceWrites::check_deposits(const pos::Ticket& ticket) {
    std::map<std::string, std::int64_t> taken;  // order number -> deposit used or refunded
    for (const pos::TicketLine& line : ticket.lines()) {
        if (!is_deposit(line) || line.voided)
            continue;
        const auto order = rows_.special_order(line.special_order, ticket.currency());
        if (!order)
            return pos::not_found("Special order " + line.special_order + " is not known here" +
                                  not_saved);
        const bool refund = line.amounts.gross.is_negative() || line.returned.has_value();
        if (refund) {
            taken[line.special_order] -= line.amounts.gross.minor();
        } else if (order->status != pos::SpecialOrderStatus::awaiting_deposit &&
                   order->status != pos::SpecialOrderStatus::ordered) {
            return pos::not_allowed("Special order " + order->number + " is " +
                                    std::string(pos::title(order->status)) +
                                    ": it takes no deposit" + not_saved);
        }
    }
    for (const pos::Payment& payment : ticket.payments()) {
        if (payment.method == pos::PaymentMethod::deposit)
            taken[payment.reference] += payment.amount.minor();
    }
    for (const auto& [number, amount] : taken) {
        const auto order = rows_.special_order(number, ticket.currency());
        if (!order)
            return pos::not_found("Special order " + in_quotes(number) + " is not known here" +
                                  not_saved);
        if (amount > order->deposit_held.minor()) {
            return pos::not_allowed("Special order " + order->number + " holds a deposit of " +
                                    format_price(order->deposit_held.minor(), ticket.currency()) +
                                    "; this sale uses " + format_price(amount, ticket.currency()) +
                                    not_saved);
        }
    }
    return pos::ok();
}

void SaleServiceWrites::write(const pos::Ticket& ticket, const std::string& receipt,
                              std::int64_t at_ms) {
    store_code_ = setting_text(db_, "store_code");
    if (const auto& customer = ticket.customer()) {
        auto use = link_customer_.use();
        link_customer_
            .bind_all(ticket.id(), customer->id, customer->name, customer->card,
                      ticket.points_earned())
            .run();
    }
    write_loyalty(ticket, receipt, at_ms);
    write_orders(ticket, receipt, at_ms);
    if (ticket.kind() == pos::TicketKind::sale)
        count_bought_together(ticket);
}

// One movement per points payment (its id; points taken are negative) and one for the points
// earned (ticket id + ":earned").
void SaleServiceWrites::write_loyalty(const pos::Ticket& ticket, const std::string& receipt,
                                      std::int64_t at_ms) {
    std::vector<pos::LoyaltyMovement> movements;
    for (const pos::Payment& payment : ticket.payments()) {
        if (payment.method == pos::PaymentMethod::loyalty_points && payment.points != 0) {
            movements.push_back({payment.id, payment.reference, -payment.points, ticket.id(),
                                 receipt, store_code_, at_ms});
        }
    }
    if (ticket.customer() && ticket.points_earned() != 0) {
        movements.push_back({ticket.id() + ":earned", ticket.customer()->id, ticket.points_earned(),
                             ticket.id(), receipt, store_code_, at_ms});
    }
    for (const pos::LoyaltyMovement& movement : movements) {
        rows_.write_loyalty(movement);
        rows_.queue("loyalty", movement.id, at_ms);
    }
}

// A deposit line: the order is ordered, holding the deposit. A returned deposit line gives it
// back and cancels the order. A deposit payment uses the held deposit and collects the order.
void SaleServiceWrites::write_orders(const pos::Ticket& ticket, const std::string& receipt,
                                     std::int64_t at_ms) {
    std::map<std::string, pos::SpecialOrder> changed;
    const auto order_of = [&](const std::string& number) -> pos::SpecialOrder& {
        auto found = changed.find(number);
        if (found == changed.end()) {
            auto stored = rows_.special_order(number, ticket.currency());
            if (!stored)
                throw pos::StoreFailure("special order " + number + " vanished");
            found = changed.emplace(number, *stored).first;
        }
        return found->second;
    };
    for (const pos::TicketLine& line : ticket.lines()) {
        if (!is_deposit(line) || line.voided)
            continue;
        pos::SpecialOrder& order = order_of(line.special_order);
        const std::int64_t held = order.deposit_held.minor() + line.amounts.gross.minor();
        order.deposit_held = pos::Money(held, ticket.currency());
        if (line.amounts.gross.is_negative() || line.returned.has_value()) {
            order.status = pos::SpecialOrderStatus::cancelled;
        } else {
            order.status = pos::SpecialOrderStatus::ordered;
            order.deposit_receipt = receipt;
        }
    }
    for (const pos::Payment& payment : ticket.payments()) {
        if (payment.method != pos::PaymentMethod::deposit)
            continue;
        pos::SpecialOrder& order = order_of(payment.reference);
        order.deposit_held =
            pos::Money(order.deposit_held.minor() - payment.amount.minor(), ticket.currency());
        if (payment.amount.minor() > 0) {
            order.status = pos::SpecialOrderStatus::collected;
            order.pickup_receipt = receipt;
        }
    }
    for (auto& [number, order] : changed) {
        order.updated_at_ms = at_ms;
        rows_.write_special_order(order);
        rows_.queue("special_order", order.id, at_ms);
    }
}

// Each pair of distinct products sold on the ticket, both ways (deposit, voided and returned
// lines left out; the first bought_together_max_products products only).
void SaleServiceWrites::count_bought_together(const pos::Ticket& ticket) {
    std::vector<std::int64_t> products;
    for (const pos::TicketLine& line : ticket.lines()) {
        if (line.voided || is_deposit(line) || line.returned || line.product_id == 0 ||
            line.quantity.milli <= 0)
            continue;
        if (std::find(products.begin(), products.end(), line.product_id) != products.end())
            continue;
        if (products.size() == bought_together_max_products)
            break;
        products.push_back(line.product_id);
    }
    for (const std::int64_t product : products) {
        for (const std::int64_t other : products) {
            if (product == other)
                continue;
            auto use = count_pair_.use();
            count_pair_.bind_all(product, other).run();
        }
    }
}

}  // namespace db
