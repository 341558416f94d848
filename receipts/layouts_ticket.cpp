// The customer's documents of a completed ticket: its receipt (sale, return, exchange,
// post-void) and its gift receipt.
#include <algorithm>
#include <map>
#include <tuple>
#include <vector>

#include "pos/money.hpp"
#include "pos/quantity.hpp"
#include "receipts/layout_parts.hpp"
#include "receipts/layouts.hpp"
#include "receipts/text_receipt.hpp"

namespace receipts {

namespace {

using parts::Builder;

bool is_return(const pos::TicketLine& l) {
    return l.returned.has_value();
}

bool weighed(const pos::TicketLine& l) {
    return l.unit == pos::UnitOfSale::kilogram;
}

std::string quantity_of(const pos::TicketLine& l) {
    return pos::format_quantity(l.quantity, l.unit) + (weighed(l) ? " kg" : "");
}

// Receipt number and time, clerk and terminal.
void ticket_details(Builder& out, const pos::Ticket& ticket, const LayoutOptions& options) {
    out.row("Receipt " + ticket.receipt_number(), "",
            format_local_time(ticket.completed_at_ms(), options.utc_offset_minutes));
    out.row("Clerk: " + ticket.clerk().name, "", "Terminal " + ticket.terminal_id());
    if (const auto& customer = ticket.customer())  // only then: older receipts stay as they were
        out.row("Customer: " + customer->name, "", customer->card);
    out.rule();
}

// Loyalty points the ticket earned (or took back), when a customer is attached.
void points(Builder& out, const pos::Ticket& ticket) {
    if (!ticket.customer() || ticket.points_earned() == 0)
        return;
    out.row(ticket.points_earned() > 0 ? "Points earned" : "Points taken back", "",
            std::to_string(ticket.points_earned() > 0 ? ticket.points_earned()
                                                      : -ticket.points_earned()));
}

// A deposit ticket says which order it is for and that the rest is paid on pick-up.
void special_orders(Builder& out, const pos::Ticket& ticket, const LayoutOptions& options) {
    bool any = false;
    for (const auto& l : ticket.lines()) {
        if (l.special_order.empty() || l.voided)
            continue;
        out.text("Special order " + l.special_order, parts::bold_text);
        out.row("Deposit paid", "", pos::format_amount(l.amounts.gross));
        const auto& orders = options.special_orders;
        const auto order = std::find_if(orders.begin(), orders.end(),
                                        [&](const auto& o) { return o.number == l.special_order; });
        if (order != orders.end()) {
            out.row("Order total", "", pos::format_amount(order->total));
            // What is left once this deposit is held (the order as stored may predate it).
            out.row("Balance due on pick-up", "",
                    pos::format_amount(order->total - l.amounts.gross), true);
        } else {
            out.text("Balance due on pick-up", {}, 2);
        }
        out.text("Bring this receipt or the order number to collect it.", {}, 2);
        any = true;
    }
    if (any)
        out.rule();
}

// Each line at its price before savings, with promotions and discounts beneath it, so the
// customer sees both what things cost and what they saved. A return line shows why it came back
// and where it goes (`reasons` false: a post-void, where every line comes back for one reason).
void ticket_line(Builder& out, const pos::TicketLine& l, bool reasons = true) {
    const std::string tax = " " + l.tax.code;
    const std::string amount = l.voided ? "VOID" : pos::format_amount(l.extended) + tax;
    const bool single = l.unit == pos::UnitOfSale::each && l.quantity.milli == 1000 && !l.returned;
    const std::string detail = single ? ""
                                      : quantity_of(l) + " x " + pos::format_amount(l.unit_price) +
                                            (weighed(l) ? "/kg" : "");
    out.row(l.name, detail, amount);
    if (l.voided)
        return;
    if (l.returned) {
        if (reasons)
            out.text("  " + std::string(pos::label(l.returned->reason)) + " · " +
                         std::string(pos::label(l.returned->disposition)),
                     {}, 4);
        return;
    }
    if (l.price_override)
        out.text("  Price changed from " + pos::format_amount(l.list_price), {}, 4);
    if (!l.promotion_saving.is_zero())
        out.row("  " + l.promotion, "", "-" + pos::format_amount(l.promotion_saving) + tax);
    if (!l.discount_amount.is_zero())
        out.row("  Discount", "", "-" + pos::format_amount(l.discount_amount) + tax);
}

// Return lines under the receipt they came from, in the order they were added; those returned
// without a receipt under a heading of their own.
void return_lines(Builder& out, const pos::Ticket& ticket, bool with_origin) {
    std::vector<std::string> origins;
    for (const auto& l : ticket.lines()) {
        if (is_return(l) && std::find(origins.begin(), origins.end(),
                                      l.returned->original_receipt) == origins.end())
            origins.push_back(l.returned->original_receipt);
    }
    for (const auto& origin : origins) {
        if (with_origin)
            out.text(origin.empty() ? "Returned without a receipt" : "Original receipt " + origin);
        for (const auto& l : ticket.lines()) {
            if (is_return(l) && l.returned->original_receipt == origin)
                ticket_line(out, l, with_origin);
        }
    }
}

void sale_lines(Builder& out, const pos::Ticket& ticket) {
    for (const auto& l : ticket.lines()) {
        if (!is_return(l))
            ticket_line(out, l);
    }
}

void lines(Builder& out, const pos::Ticket& ticket) {
    switch (ticket.kind()) {
        case pos::TicketKind::sale:
            sale_lines(out, ticket);
            break;
        case pos::TicketKind::refund:
            return_lines(out, ticket, true);
            break;
        case pos::TicketKind::post_void:
            return_lines(out, ticket, false);
            break;
        case pos::TicketKind::exchange:
            out.text("RETURNED", parts::bold_text);
            return_lines(out, ticket, true);
            out.rule();
            out.text("NEW ITEMS", parts::bold_text);
            sale_lines(out, ticket);
            break;
    }
    out.rule();
}

// What the post-void was for: the reason given with its approval.
std::string post_void_reason(const pos::Ticket& ticket) {
    for (const auto& grant : ticket.approvals()) {
        if (grant.permission == pos::Permission::post_void)
            return grant.reason;
    }
    return {};
}

// The kind of document under the store's name: RETURN, EXCHANGE, POST-VOID of ...
void kind_heading(Builder& out, const pos::Ticket& ticket) {
    switch (ticket.kind()) {
        case pos::TicketKind::sale:
            return;
        case pos::TicketKind::refund:
            out.text("RETURN", parts::heading);
            break;
        case pos::TicketKind::exchange:
            out.text("EXCHANGE", parts::heading);
            break;
        case pos::TicketKind::post_void:
            out.text("POST-VOID", parts::heading);
            out.text("Reverses receipt " + ticket.post_void_of_receipt(), parts::centred);
            if (const std::string reason = post_void_reason(ticket); !reason.empty())
                out.text("Reason: " + reason, {}, 2);
            break;
    }
    out.rule();
}

pos::Money gross_of(const pos::Ticket& ticket, bool returns) {
    pos::Money sum(0, ticket.currency());
    for (const auto& l : ticket.lines()) {
        if (!l.voided && is_return(l) == returns)
            sum += l.amounts.gross;
    }
    return sum;
}

// Money going back, one line per tender (a post-void's negated change nets off its cash).
void refund_tenders(Builder& out, const pos::Ticket& ticket) {
    using Key = std::tuple<pos::PaymentMethod, std::string, std::string>;
    std::vector<Key> order;
    std::map<Key, pos::Money> sums;
    for (const auto& p : ticket.payments()) {
        const Key key{p.method, p.reference, p.card_last4};
        if (!sums.count(key)) {
            order.push_back(key);
            sums.emplace(key, pos::Money(0, ticket.currency()));
        }
        sums.at(key) += p.amount;
    }
    for (const auto& key : order) {
        const auto& [method, reference, last4] = key;
        const std::string amount = pos::format_amount(sums.at(key));
        switch (method) {
            case pos::PaymentMethod::cash:
                out.row("Refund in cash", "", amount);
                break;
            case pos::PaymentMethod::card:
                out.row("Refund to card ending " + last4, "", amount);
                break;
            case pos::PaymentMethod::gift_card:
                out.row("Refund to gift card " + reference, "", amount);
                break;
            case pos::PaymentMethod::store_credit:
                // Credited to the account: a plus for the customer.
                out.row("Store credit " + reference, "", "+" + pos::format_amount(-sums.at(key)));
                break;
            case pos::PaymentMethod::cash_rounding:
                out.row("Cash rounding", "", amount);
                break;
            case pos::PaymentMethod::loyalty_points:
                out.row("Points back to the card", "", amount);
                break;
            case pos::PaymentMethod::deposit:
                out.row("Deposit " + reference, "", amount);
                break;
        }
    }
}

void payments(Builder& out, const pos::Ticket& ticket) {
    for (const auto& payment : ticket.payments()) {
        if (payment.method == pos::PaymentMethod::cash && payment.amount.is_negative())
            continue;  // change is shown on its own line
        out.row(pos::payment_label(payment), "", pos::format_amount(payment.amount));
    }
    out.row("Change", "", pos::format_amount(ticket.change_given()), true);
}

void totals_and_payments(Builder& out, const pos::Ticket& ticket, const LayoutOptions& options) {
    const auto totals = ticket.totals();
    const std::string currency(ticket.currency().iso());
    const pos::Money saved = totals.savings + totals.discounts;
    if (!saved.is_zero())
        out.row("You saved", "", pos::format_amount(saved), true);
    if (ticket.kind() == pos::TicketKind::exchange) {
        out.row("Returned", "", pos::format_amount(gross_of(ticket, true)));
        out.row("New items", "", pos::format_amount(gross_of(ticket, false)));
        if (totals.total.is_negative())
            out.big_row("REFUND", currency + " " + pos::format_amount(-totals.total));
        else
            out.big_row("CUSTOMER PAYS", currency + " " + pos::format_amount(totals.total));
    } else {
        out.big_row("TOTAL", currency + " " + pos::format_amount(totals.total));
    }
    if (totals.total.is_negative())
        refund_tenders(out, ticket);  // never change on a refund
    else
        payments(out, ticket);
    points(out, ticket);
    out.rule();
    special_orders(out, ticket, options);
}

// Every approval given on the ticket: who, for what, and why.
void approvals(Builder& out, const pos::Ticket& ticket) {
    if (ticket.approvals().empty())
        return;
    for (const auto& grant : ticket.approvals()) {
        out.text("Approved by " + grant.approver_name + ": " +
                     std::string(pos::describe(grant.permission)) + " - " + grant.reason,
                 {}, 2);
    }
    out.rule();
}

void tax_summary(Builder& out, const pos::Ticket& ticket) {
    const bool inclusive = ticket.pricing() == pos::PricingMode::tax_inclusive;
    out.text(inclusive ? "Tax included" : "Tax added");
    TaxTable table;
    for (const auto& row : ticket.totals().tax_summary) {
        table.lines.push_back({row.tax.code + " " + pos::format_percent(row.tax.rate),
                               pos::format_amount(row.net), pos::format_amount(row.tax_amount),
                               pos::format_amount(row.gross)});
    }
    out.add(std::move(table));
    out.rule();
}

std::string item_count(std::int64_t items) {
    return std::to_string(items) + (items == 1 ? " item" : " items");
}

// The store's footer, or our thanks when it has none.
LayoutOptions with_default_footer(LayoutOptions options) {
    if (options.footer.empty())
        options.footer = {"Thank you for shopping with us"};
    return options;
}

}  // namespace

std::string receipt_reference(const pos::StoreSettings& store, const pos::Ticket& ticket) {
    if (store.store_code.empty())
        return ticket.receipt_number();
    return store.store_code + "-" + ticket.receipt_number();
}

Document ticket_receipt(const pos::Ticket& ticket, const pos::StoreSettings& store,
                        const LayoutOptions& given) {
    const LayoutOptions options = with_default_footer(given);
    Builder out(options.paper);
    parts::store_header(out, store, options);
    ticket_details(out, ticket, options);
    kind_heading(out, ticket);
    lines(out, ticket);
    totals_and_payments(out, ticket, options);
    approvals(out, ticket);
    tax_summary(out, ticket);
    out.text(item_count(ticket.item_count()), parts::centred);
    if (ticket.kind() != pos::TicketKind::post_void)
        out.text("Keep this receipt for returns", parts::centred);
    out.feed();
    const std::string reference = receipt_reference(store, ticket);
    out.add(Barcode{reference, true});
    out.add(QrCode{reference});
    parts::ending(out, options);
    return out.take();
}

Document gift_receipt(const pos::Ticket& ticket, const pos::StoreSettings& store,
                      const LayoutOptions& options) {
    Builder out(options.paper);
    parts::store_header(out, store, options);
    out.text("GIFT RECEIPT", parts::heading);
    out.feed();
    ticket_details(out, ticket, options);
    out.row("Item", "", "Quantity", true);
    std::int64_t items = 0;
    for (const auto& l : ticket.lines()) {
        if (is_return(l) || l.voided)
            continue;
        out.row(l.name, "", quantity_of(l));
        items += weighed(l) ? 1 : l.quantity.milli / 1000;
    }
    out.rule();
    out.text(item_count(items), parts::centred);
    out.text(
        "Gift receipt: no prices shown. Bring it back with the items to return or exchange "
        "them.",
        parts::centred);
    out.feed();
    out.add(Barcode{receipt_reference(store, ticket), true});
    parts::ending(out, with_default_footer(options));
    return out.take();
}

}  // namespace receipts
