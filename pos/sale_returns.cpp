// Returns and post-voids on the open ticket. The arithmetic (what remains returnable, what a
// unit refunds) is in pos/returns.hpp; this file checks the store's rules and asks for
// approvals. Where the money goes back is in sale_refunds.cpp.
#include <algorithm>

#include "pos/sale.hpp"
#include "pos/sale_support.hpp"

namespace pos {

namespace {

using detail::money_text;

std::string kind_label(TicketKind kind) {
    switch (kind) {
        case TicketKind::sale:
            return "a sale";
        case TicketKind::refund:
            return "a return";
        case TicketKind::exchange:
            return "an exchange";
        case TicketKind::post_void:
            return "a post-void";
    }
    return "?";
}

bool is_unreceipted(const TicketLine& line) {
    return !line.voided && line.returned && line.returned->original_ticket_id.empty();
}

std::string customer_required() {
    return "Key the customer's phone number or ID: returns without a receipt are counted per "
           "customer";
}

std::string returns_text(std::int64_t count) {
    return std::to_string(count) + (count == 1 ? " return" : " returns");
}

}  // namespace

// --- Finding the sale and picking what comes back ---

Result<OriginalTicket> SaleSession::open_original(std::string_view receipt_reference) {
    auto reference = parse_receipt_reference(receipt_reference);
    if (!reference)
        return reference.error();
    if (!reference->store_code.empty() && reference->store_code != settings_.store_code) {
        return not_allowed("Receipt " + reference->store_code + "-" + reference->receipt_number +
                           " is from store " + reference->store_code +
                           "; returns of another store's receipts need the head-office lookup, "
                           "which comes with sync");
    }
    auto original = services_.archive.open_for_return(reference->receipt_number);
    if (!original) {
        return not_found("No receipt " + reference->receipt_number +
                         " in this store: check the number, or find the ticket by date, amount "
                         "or card");
    }
    const TicketKind kind = original->ticket.kind();
    if (kind == TicketKind::refund || kind == TicketKind::post_void) {
        return not_allowed(reference->receipt_number + " is " + kind_label(kind) +
                           "; only sales and exchanges can be returned");
    }
    return std::move(original).value();
}

std::vector<ReturnableLine> SaleSession::returnable(const OriginalTicket& original) const {
    return returnable_lines(original, ticket_);
}

Result<std::size_t> SaleSession::add_return(const OriginalTicket& original, std::size_t index,
                                            std::string_view quantity, ReturnReason reason,
                                            Disposition disposition) {
    if (auto s = require_state(TicketState::open, "return an item"); !s)
        return s.error();
    const auto& lines = original.ticket.lines();
    if (index >= lines.size()) {
        return bad_input("Receipt " + original.ticket.receipt_number() + " has no line " +
                         std::to_string(index + 1));
    }
    const TicketLine& sold = lines[index];
    // Nothing keyed: one piece, or all that remains of a weighed line.
    Quantity qty = Quantity::units(1);
    if (!quantity.empty()) {
        auto parsed = parse_quantity(quantity, sold.unit);
        if (!parsed)
            return parsed.error();
        qty = *parsed;
    } else if (sold.unit == UnitOfSale::kilogram) {
        qty = returnable(original)[index].returnable;
    }
    auto line = make_return_line(original, index, qty, reason, disposition, ticket_,
                                 services_.ids.new_id());
    if (!line)
        return line.error();
    const std::size_t added = ticket_.add_return_line(std::move(line).value());
    // Keep the newest copy of the original: its tenders are where the refund goes back.
    auto known = std::find_if(originals_.begin(), originals_.end(), [&](const OriginalTicket& o) {
        return o.ticket.id() == original.ticket.id();
    });
    if (known == originals_.end())
        originals_.push_back(original);
    else
        *known = original;
    return added;
}

// --- Returns without a receipt ---

Status SaleSession::check_no_receipt_limits(const std::string& customer, Money refund) const {
    const ReturnPolicy& policy = settings_.returns;
    Money on_ticket(0, settings_.currency);
    for (const auto& line : ticket_.lines()) {
        if (!is_unreceipted(line))
            continue;
        if (line.returned->customer != customer) {
            return not_allowed("This ticket already returns items without a receipt for customer " +
                               line.returned->customer + ": one customer per ticket");
        }
        on_ticket -= line.amounts.gross;
    }
    const std::int64_t since =
        services_.clock.now_ms() - std::int64_t{policy.limit_days} * detail::ms_per_day;
    const NoReceiptHistory history = services_.archive.no_receipt_returns(customer, since);
    const std::string period = " in the last " + std::to_string(policy.limit_days) + " days";
    // This ticket counts as one more return, once.
    if (on_ticket.is_zero() && history.returns + 1 > policy.limit_count) {
        return not_allowed("Customer " + customer + " has made " + returns_text(history.returns) +
                           " without a receipt" + period + ": the store allows " +
                           std::to_string(policy.limit_count));
    }
    const Money limit(policy.limit_minor, settings_.currency);
    const Money total = Money(history.amount_minor, settings_.currency) + on_ticket + refund;
    if (total > limit) {
        return not_allowed("Returns without a receipt for customer " + customer +
                           " would come to " + money_text(total) + period + ": the limit is " +
                           money_text(limit));
    }
    return ok();
}

Result<std::size_t> SaleSession::add_return_without_receipt(
    std::string_view code, std::string_view quantity, ReturnReason reason, Disposition disposition,
    std::string_view customer, const Approval& approval) {
    if (auto s = require_state(TicketState::open, "return an item"); !s)
        return s.error();
    if (customer.empty())
        return bad_input(customer_required());
    auto key = normalise_customer_key(customer);
    if (!key)
        return key.error();
    const std::int64_t now = services_.clock.now_ms();
    auto product = services_.catalogue.find_by_code(code, now);
    if (!product) {
        return not_found("No product has the code " + std::string(code) +
                         ": check the code, or search by name");
    }
    Quantity qty = Quantity::units(1);
    if (quantity.empty() && product->unit == UnitOfSale::kilogram) {
        return bad_input(product->name +
                         " is sold by weight: key the weight in kg (for example 0.450)");
    }
    if (!quantity.empty()) {
        auto parsed = parse_quantity(quantity, product->unit);
        if (!parsed)
            return parsed.error();
        qty = *parsed;
    }
    const int days = settings_.returns.lowest_price_days;
    Money price = product->unit_price;
    if (auto lowest = services_.archive.lowest_price(
            product->id, now - std::int64_t{days} * detail::ms_per_day, now)) {
        price = std::min(price, *lowest);
    }
    TicketLine line = make_unreceipted_return_line(*product, price, qty, reason, disposition, *key,
                                                   settings_.pricing, services_.ids.new_id());
    const Money refund = -line.amounts.gross;
    if (auto s = check_no_receipt_limits(*key, refund); !s)
        return s.error();
    const std::string what = "Return without a receipt: " + format_quantity(qty, product->unit) +
                             " x " + product->name + ", refund " + money_text(refund) +
                             " (lowest price in " + std::to_string(days) + " days)";
    auto grant =
        require_permission(Permission::return_without_receipt, refund.minor(), what, approval);
    if (!grant)
        return grant.error();
    const std::size_t added = ticket_.add_return_line(std::move(line));
    keep_grant(*grant);
    return added;
}

// --- Post-void ---

Result<CompletedSale> SaleSession::post_void(const OriginalTicket& original,
                                             std::string_view reason, const Approval& approval) {
    const bool finished = ticket_.state() == TicketState::completed;
    if (!finished && (ticket_.state() != TicketState::open || !ticket_.lines().empty()))
        return not_allowed("Finish or clear the current ticket before a post-void");
    const Ticket& sale = original.ticket;
    const std::string& receipt = sale.receipt_number();
    if (sale.kind() != TicketKind::sale) {
        return not_allowed(receipt + " is " + kind_label(sale.kind()) +
                           "; only a sale can be post-voided");
    }
    if (!original.post_voided_by.empty())
        return not_allowed(receipt + " was already post-voided by " + original.post_voided_by);
    if (sale.terminal_id() != settings_.terminal_id) {
        return not_allowed(receipt + " was sold on terminal " + sale.terminal_id() +
                           "; only the terminal that sold it can post-void it");
    }
    const int offset = settings_.utc_offset_minutes;
    if (detail::local_day(sale.completed_at_ms(), offset) !=
        detail::local_day(services_.clock.now_ms(), offset)) {
        return not_allowed(receipt +
                           " was not sold today; a post-void is only for today's sales: make a "
                           "return instead");
    }
    const bool returned =
        !original.refunds.empty() ||
        std::any_of(original.returned_milli.begin(), original.returned_milli.end(),
                    [](const auto& r) { return r.second > 0; });
    if (returned) {
        return not_allowed("Items of " + receipt +
                           " were already returned; make a return for the rest instead");
    }
    const Money total = sale.totals().total;
    if (finished)
        start_fresh();  // the post-void is the next ticket, as a sale would be
    auto grant = require_permission(Permission::post_void, total.minor(),
                                    "Post-void " + receipt + " of " + money_text(total),
                                    detail::with_reason(approval, reason));
    if (!grant)
        return grant.error();
    if (!*grant) {
        auto own = record_own_authority(Permission::post_void, total.minor(), reason);
        if (!own)
            return own.error();
        grant.value() = own.value();
    }

    ticket_.set_post_void_of(sale.id(), receipt);
    for (std::size_t i = 0; i < sale.lines().size(); ++i) {
        const TicketLine& line = sale.lines()[i];
        if (line.voided)
            continue;
        auto back = make_return_line(original, i, line.quantity, ReturnReason::other,
                                     Disposition::restock, ticket_, services_.ids.new_id());
        if (!back) {
            start_fresh();
            return back.error();
        }
        ticket_.add_return_line(std::move(back).value());
    }
    keep_grant(*grant);
    ticket_.begin_tender();
    // Every payment negated exactly, change and rounding included.
    std::vector<Payment> payments;
    for (const auto& p : sale.payments()) {
        payments.push_back(
            {services_.ids.new_id(), p.method, -p.amount, p.reference, p.card_last4, sale.id()});
    }
    originals_ = {original};
    auto done = take(std::move(payments));
    if (!done) {
        start_fresh();
        return done.error();
    }
    return *done->completed;
}

}  // namespace pos
