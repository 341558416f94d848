#include "pos/sale.hpp"

#include <algorithm>

#include <chrono>

#include "pos/barcode.hpp"
#include "pos/quantity.hpp"
#include "pos/sale_support.hpp"
#include "pos/scan_decode.hpp"

namespace pos {

SaleSession::SaleSession(SaleServices services, StoreSettings settings, User clerk)
    : services_(services),
      settings_(std::move(settings)),
      clerk_(std::move(clerk)),
      ticket_(fresh_ticket()) {}

std::vector<Promotion> SaleSession::active_promotions(std::int64_t now) {
    std::vector<Promotion> active;
    for (auto& p : services_.promotions.promotions_at(now)) {
        if (is_active(p, now, settings_.utc_offset_minutes))
            active.push_back(std::move(p));
    }
    return active;
}

Ticket SaleSession::fresh_ticket() {
    const std::int64_t now = services_.clock.now_ms();
    Ticket t(services_.ids.new_id(), settings_.terminal_id, Clerk{clerk_.id, clerk_.name},
             settings_.currency, settings_.tax_policy(), now);
    t.set_promotions(active_promotions(now));
    return t;
}

void SaleSession::refresh_promotions() {
    if (ticket_.state() != TicketState::open)
        return;
    ticket_.set_promotions(active_promotions(services_.clock.now_ms()));
}

Status SaleSession::require_state(TicketState wanted, std::string_view action) const {
    if (ticket_.state() == wanted)
        return ok();
    std::string why;
    switch (ticket_.state()) {
        case TicketState::open:
            why = "the sale is still open";
            break;
        case TicketState::tendering:
            why = "payment is in progress; go back to the sale first";
            break;
        case TicketState::completed:
            why = "this sale is already completed; start a new sale";
            break;
        case TicketState::voided:
            why = "this sale was voided; start a new sale";
            break;
    }
    return not_allowed("Cannot " + std::string(action) + ": " + why);
}

Status SaleSession::require_line(std::size_t line) const {
    if (line >= ticket_.lines().size())
        return bad_input("Select a line first");
    if (ticket_.lines()[line].voided)
        return bad_input("That line is voided");
    return ok();
}

Result<Money> SaleSession::parse_money(std::string_view amount) const {
    return parse_amount(amount, settings_.currency);
}

Status SaleSession::record(EventKind kind, const std::string& line_id, std::int64_t amount_minor,
                           std::string_view reason, std::int64_t approved_by) {
    TicketEvent event;
    event.id = services_.ids.new_id();
    event.kind = kind;
    event.terminal_id = settings_.terminal_id;
    event.ticket_id = kind == EventKind::no_sale ? "" : ticket_.id();
    event.line_id = line_id;
    event.user_id = clerk_.id;
    event.user_name = clerk_.name;
    event.approved_by = approved_by;
    event.at_ms = services_.clock.now_ms();
    event.amount_minor = amount_minor;
    event.reason = std::string(reason);
    return services_.events.record(event);
}

Result<std::size_t> SaleSession::add_item(std::string_view code, std::string_view quantity) {
    if (auto s = require_state(TicketState::open, "add an item"); !s)
        return s.error();
    const std::int64_t now = services_.clock.now_ms();
    ScanRules rules;
    rules.current_year = static_cast<int>(std::chrono::year_month_day{
        std::chrono::floor<std::chrono::days>(
            std::chrono::sys_time<std::chrono::milliseconds>(std::chrono::milliseconds(now)))}
                                              .year());
    auto scanned = decode_scan(code, rules);
    if (!scanned)
        return scanned.error();
    auto product = services_.catalogue.find_by_code(scanned->lookup_code, now);
    if (!product) {
        return not_found("No product has the code " + scanned->lookup_code +
                         ": check the code, or search by name");
    }
    return add_labelled(*product, *scanned, quantity);
}

// A label may carry the weight (the quantity) or the price (one pack at that price).
Result<std::size_t> SaleSession::add_labelled(Product product, const ScannedCode& scanned,
                                              std::string_view quantity) {
    if (scanned.price) {
        if (scanned.price_currency && *scanned.price_currency != settings_.currency_numeric) {
            return bad_input("The label's price is in another currency (ISO " +
                             std::to_string(*scanned.price_currency) + ")");
        }
        auto minor = to_minor_units(*scanned.price, settings_.currency.exponent);
        if (!minor)
            return minor.error();
        product.unit_price = Money(*minor, settings_.currency);
        product.unit = UnitOfSale::each;  // a pre-priced pack, whatever it weighed
        return add_product(product, quantity.empty() ? "1" : quantity);
    }
    if (scanned.weight_grams) {
        if (product.unit != UnitOfSale::kilogram) {
            return bad_input("The label carries a weight, but " + product.name +
                             " is sold by the piece");
        }
        return add_product(product, format_quantity({*scanned.weight_grams}, UnitOfSale::kilogram));
    }
    return add_product(product, quantity);
}

Result<std::size_t> SaleSession::add_product(const Product& product, std::string_view quantity) {
    if (auto s = require_state(TicketState::open, "add an item"); !s)
        return s.error();
    if (ticket_.has_deposit_line()) {
        return not_allowed(
            "This ticket takes a special order's deposit and nothing else: "
            "finish it, then ring up " +
            product.name + " on a new sale");
    }
    Quantity qty = Quantity::units(1);
    if (quantity.empty()) {
        if (product.unit == UnitOfSale::kilogram) {
            return bad_input(product.name +
                             " is sold by weight: key the weight in kg (for example 0.450) and "
                             "then scan or pick it");
        }
    } else {
        auto parsed = parse_quantity(quantity, product.unit);
        if (!parsed)
            return parsed.error();
        qty = *parsed;
    }
    const Money extended = product.unit_price.scaled(qty.milli, 1000, RoundingMode::half_up);
    if (extended.is_zero() && !product.unit_price.is_zero()) {
        return bad_input(format_quantity(qty, product.unit) + " kg of " + product.name +
                         " costs less than the smallest coin: check the weight");
    }
    return ticket_.add_line(services_.ids.new_id(), product, qty);
}

Status SaleSession::change_quantity(std::size_t line, std::string_view quantity) {
    if (auto s = require_state(TicketState::open, "change a quantity"); !s)
        return s;
    if (auto s = require_line(line); !s)
        return s;
    if (auto s = detail::require_sale_line(ticket_.lines()[line], "change the quantity"); !s)
        return s;
    auto parsed = parse_quantity(quantity, ticket_.lines()[line].unit);
    if (!parsed)
        return parsed.error();
    ticket_.set_quantity(line, *parsed);
    return ok();
}

Status SaleSession::void_line(std::size_t line, std::string_view reason) {
    if (auto s = require_state(TicketState::open, "void a line"); !s)
        return s;
    if (auto s = require_line(line); !s)
        return s;
    const TicketLine& voided = ticket_.lines()[line];
    // Journal first: a void that cannot be recorded does not happen.
    if (auto s = record(EventKind::line_void, voided.id, voided.amounts.gross.minor(), reason);
        !s) {
        return s;
    }
    ticket_.void_line(line);
    return ok();
}

Status SaleSession::void_ticket(std::string_view reason, const Approval& approval) {
    if (ticket_.state() == TicketState::completed || !ticket_.payments().empty()) {
        return not_allowed("Cannot void this sale: payment has been taken");
    }
    if (ticket_.lines().empty())
        return bad_input("Nothing to void: the sale is empty");
    const Money total = ticket_.totals().total;
    auto grant = require_permission(Permission::ticket_void, total.minor(),
                                    "Void the ticket of " + detail::money_text(total),
                                    detail::with_reason(approval, reason));
    if (!grant)
        return grant.error();
    const std::int64_t approver = *grant ? (*grant)->approved_by : 0;
    if (auto s = record(EventKind::ticket_void, "", total.minor(), reason, approver); !s)
        return s;
    ticket_.mark_voided();
    start_fresh();
    return ok();
}

Status SaleSession::no_sale(std::string_view reason, const Approval& approval) {
    if (!ticket_.lines().empty() && ticket_.state() != TicketState::completed) {
        return not_allowed("Finish the sale first: a no-sale opens the drawer only between sales");
    }
    auto grant = require_permission(Permission::no_sale, 0, "Open the drawer with no sale",
                                    detail::with_reason(approval, reason));
    if (!grant)
        return grant.error();
    return record(EventKind::no_sale, "", 0, reason, *grant ? (*grant)->approved_by : 0);
}

Status SaleSession::suspend(std::string_view label) {
    if (auto s = require_state(TicketState::open, "suspend the sale"); !s)
        return s;
    if (ticket_.live_line_count() == 0)
        return bad_input("Nothing to suspend: the sale is empty");
    if (ticket_.has_return_lines()) {
        return not_allowed(
            "A ticket with returned items cannot be suspended: finish the return, or void it");
    }
    if (ticket_.has_deposit_line() || pickup_) {
        return not_allowed("A special order's ticket cannot be suspended: finish it, or void it");
    }
    auto stored =
        services_.suspended.suspend(ticket_, std::string(label), services_.clock.now_ms());
    if (!stored)
        return stored;
    start_fresh();
    return ok();
}

Status SaleSession::resume(const std::string& ticket_id) {
    if (ticket_.state() != TicketState::open || !ticket_.lines().empty()) {
        return not_allowed("Finish or suspend the current sale before resuming another");
    }
    auto resumed = services_.suspended.resume(ticket_id, Clerk{clerk_.id, clerk_.name},
                                              services_.clock.now_ms());
    if (!resumed)
        return resumed.error();
    ticket_ = std::move(resumed).value();
    refresh_promotions();
    return ok();
}

namespace {

bool has_grant(const Ticket& ticket, Permission permission, std::int64_t at_least_minor) {
    return std::any_of(ticket.approvals().begin(), ticket.approvals().end(),
                       [&](const ApprovalGrant& g) {
                           return g.permission == permission && g.amount_minor >= at_least_minor;
                       });
}

}  // namespace

Status SaleSession::begin_tender(const Approval& approval) {
    if (auto s = require_state(TicketState::open, "take payment"); !s)
        return s;
    if (ticket_.live_line_count() == 0)
        return not_allowed("Nothing to pay for: scan an item first");
    refresh_promotions();
    const Money back = -ticket_.totals().total;
    const Money limit(settings_.permissions.refund_limit_minor, settings_.currency);
    std::optional<ApprovalGrant> grant;
    // An approval given for this refund (or a larger one) before going back to the sale stands.
    if (back > limit && !has_grant(ticket_, Permission::refund_over_limit, back.minor())) {
        auto approved = require_permission(Permission::refund_over_limit, back.minor(),
                                           "Refund " + detail::money_text(back) +
                                               " (the limit is " + detail::money_text(limit) + ")",
                                           approval);
        if (!approved)
            return approved.error();
        grant = *approved;
    }
    ticket_.begin_tender();
    keep_grant(grant);
    return ok();
}

Status SaleSession::back_to_sale() {
    if (auto s = require_state(TicketState::tendering, "go back to the sale"); !s)
        return s;
    if (!ticket_.payments().empty()) {
        return not_allowed(
            "Payment has started: take the rest, or void the payments with a manager");
    }
    ticket_.resume_editing();
    return ok();
}

Money SaleSession::cash_due() const {
    const Money due = ticket_.totals().due;
    const std::int64_t step = settings_.cash_rounding.increment_minor;
    if (step <= 1)
        return due;
    return Money(divide_rounded(due.minor(), step, settings_.cash_rounding.mode) * step,
                 due.currency());
}

Result<TenderOutcome> SaleSession::tender_cash(std::string_view amount, bool part_payment) {
    if (auto s = require_state(TicketState::tendering, "take cash"); !s)
        return s.error();
    if (auto s = require_payment_due(); !s)
        return s.error();
    auto cash = parse_money(amount);
    if (!cash)
        return cash.error();
    const Money due = ticket_.totals().due;
    const Money settle = cash_due();
    // Nothing to pay (a 100% discount, say) is settled with a zero tender; otherwise zero is a
    // slip.
    if (cash->is_negative() || (cash->is_zero() && !settle.is_zero())) {
        return bad_input("Enter the cash received: it must be more than zero");
    }
    if (cash->is_zero())
        return take({});
    const std::string id = services_.ids.new_id();
    if (*cash < settle) {
        if (!part_payment) {
            return bad_input("Cash " + format_amount(*cash) + " is less than the " +
                             format_amount(settle) + " due: key the amount received");
        }
        return take({{id, PaymentMethod::cash, *cash, "", ""}});
    }
    const Money change = *cash - settle;
    const Money limit(settings_.cash_overtender_limit_minor, settings_.currency);
    if (settings_.cash_overtender_limit_minor > 0 && change > limit) {
        return bad_input("Cash " + format_amount(*cash) + " would need " + format_amount(change) +
                         " change, more than the " + format_amount(limit) +
                         " allowed: check the amount keyed");
    }
    std::vector<Payment> payments{{id, PaymentMethod::cash, *cash, "", ""}};
    if (!change.is_zero()) {
        payments.push_back({services_.ids.new_id(), PaymentMethod::cash, -change, "", ""});
    }
    if (settle != due) {
        // The store gives or takes the difference to the nearest coin: recorded, so the
        // payments still add up to the total.
        payments.push_back(
            {services_.ids.new_id(), PaymentMethod::cash_rounding, due - settle, "", ""});
    }
    return take(std::move(payments));
}

namespace {

bool all_digits(std::string_view s) {
    return std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

Result<TenderOutcome> SaleSession::tender_card(const CardTender& card) {
    if (auto s = require_state(TicketState::tendering, "take a card"); !s)
        return s.error();
    if (auto s = require_payment_due(); !s)
        return s.error();
    auto amount = parse_money(card.amount);
    if (!amount)
        return amount.error();
    if (amount->is_negative() || amount->is_zero()) {
        return bad_input("Enter the amount charged on the card: it must be more than zero");
    }
    const Money due = ticket_.totals().due;
    if (*amount > due) {
        return bad_input("Card " + format_amount(*amount) + " is more than the " +
                         format_amount(due) + " due: no change is given on cards");
    }
    if (card.last4.size() != 4 || !all_digits(card.last4)) {
        return bad_input(
            "Key only the last four digits of the card, as the payment terminal "
            "printed them");
    }
    if (card.reference.empty()) {
        return bad_input("Key the payment terminal's reference for this charge");
    }
    if (card.reference.size() >= 12 && all_digits(card.reference)) {
        return bad_input(
            "That reference looks like a card number; card numbers are never "
            "taken here: key the payment terminal's reference");
    }
    return take(
        {{services_.ids.new_id(), PaymentMethod::card, *amount, card.reference, card.last4}});
}

Result<TenderOutcome> SaleSession::tender_stored_value(PaymentMethod kind, std::string_view account,
                                                       std::string_view amount_text) {
    if (auto s = require_state(TicketState::tendering, "take a gift card"); !s)
        return s.error();
    if (auto s = require_payment_due(); !s)
        return s.error();
    const std::string what = kind == PaymentMethod::gift_card ? "Gift card" : "Store credit";
    if (kind != PaymentMethod::gift_card && kind != PaymentMethod::store_credit) {
        return bad_input("Only gift cards and store credit have a balance");
    }
    const auto balance = services_.stored_value.balance(kind, account);
    if (!balance)
        return not_found(what + " " + std::string(account) + " is not known here");
    const Money due = ticket_.totals().due;
    Money amount = std::min(*balance, due);
    if (!amount_text.empty()) {
        auto keyed = parse_money(amount_text);
        if (!keyed)
            return keyed.error();
        amount = *keyed;
    }
    if (amount.is_negative() || amount.is_zero()) {
        return bad_input(what + " " + std::string(account) + " has no balance left");
    }
    if (amount > *balance) {
        return bad_input(what + " " + std::string(account) + " has " + format_amount(*balance) +
                         ", less than the " + format_amount(amount) + " asked");
    }
    if (amount > due) {
        return bad_input(what + " payment " + format_amount(amount) + " is more than the " +
                         format_amount(due) + " due: no change is given on " + what);
    }
    return take({{services_.ids.new_id(), kind, amount, std::string(account), ""}});
}

Result<TenderOutcome> SaleSession::take(std::vector<Payment> payments) {
    const std::size_t before = ticket_.payments().size();
    for (auto& p : payments)
        ticket_.add_payment(std::move(p));
    const Money due = ticket_.totals().due;
    if (!due.is_zero())
        return TenderOutcome{due, std::nullopt};
    detail::settle_points(ticket_, originals_, settings_.loyalty, services_.stored_value);
    const std::int64_t completed_at = services_.clock.now_ms();
    auto stored = services_.store.complete_sale(ticket_, completed_at);
    if (!stored) {
        // Nothing was written: take this tender's payments back off; earlier ones stand.
        std::vector<Payment> kept(ticket_.payments().begin(),
                                  ticket_.payments().begin() + static_cast<std::ptrdiff_t>(before));
        ticket_.clear_payments();
        for (auto& p : kept)
            ticket_.add_payment(std::move(p));
        return stored.error();
    }
    ticket_.mark_completed(stored->receipt_number, stored->sequence, completed_at);
    return TenderOutcome{Money(0, settings_.currency), *stored};
}

Status SaleSession::start_new_ticket() {
    const bool finished = ticket_.state() == TicketState::completed;
    const bool empty_open = ticket_.state() == TicketState::open && ticket_.lines().empty();
    if (!finished && !empty_open) {
        return not_allowed("Finish or clear the current sale before starting a new one");
    }
    start_fresh();
    return ok();
}

void SaleSession::start_fresh() {
    ticket_ = fresh_ticket();
    originals_.clear();
    pending_approval_.reset();
    pickup_.reset();
}

Status SaleSession::require_payment_due() const {
    const Money due = ticket_.totals().due;
    if (due.is_negative()) {
        return not_allowed(detail::money_text(-due) +
                           " goes back to the customer: refund it instead of taking payment");
    }
    return ok();
}

}  // namespace pos
