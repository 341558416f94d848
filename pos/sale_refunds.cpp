// Refunds: where the money of a return or an exchange goes back. Which original tender takes
// what is planned by pos/returns.hpp; this file adds store credit, no-receipt cash, the caps'
// messages and cash rounding.
#include <algorithm>

#include "pos/sale.hpp"
#include "pos/sale_support.hpp"

namespace pos {

namespace {

using detail::money_text;
using detail::positive_part;

int refund_rank(PaymentMethod method) {
    if (method == PaymentMethod::card)
        return 0;
    if (method == PaymentMethod::gift_card || method == PaymentMethod::store_credit ||
        method == PaymentMethod::loyalty_points)
        return 1;
    return 2;
}

// Points go back as they were taken: what the refunded amount is worth, in whole points.
void count_points(std::vector<Payment>& payments, const LoyaltyRules& rules) {
    for (auto& p : payments) {
        if (p.method == PaymentMethod::loyalty_points)
            p.points = -points_for(rules, -p.amount);
    }
}

std::string tender_name(PaymentMethod method) {
    switch (method) {
        case PaymentMethod::card:
            return "card";
        case PaymentMethod::loyalty_points:
            return "loyalty points";
        case PaymentMethod::store_credit:
            return "store credit";
        default:
            return "gift card";
    }
}

void drop_zero_payments(std::vector<Payment>& payments) {
    std::erase_if(payments, [](const Payment& p) { return p.amount.is_zero(); });
}

// Rounds the cash in `payments` to the store's increment, as a sale's cash is, recording the
// difference as cash rounding against the same original: cash and its rounding together give
// back exactly the refund, so the tender's cap holds.
void round_cash(std::vector<Payment>& payments, const CashRounding& rounding) {
    const std::int64_t step = rounding.increment_minor;
    auto last = std::find_if(payments.rbegin(), payments.rend(),
                             [](const Payment& p) { return p.method == PaymentMethod::cash; });
    if (step <= 1 || last == payments.rend())
        return;
    std::int64_t cash = 0;
    for (const auto& p : payments) {
        if (p.method == PaymentMethod::cash)
            cash -= p.amount.minor();
    }
    const std::int64_t rounded = divide_rounded(cash, step, rounding.mode) * step;
    const Money delta(rounded - cash, last->amount.currency());
    if (delta.is_zero())
        return;
    last->amount -= delta;
    const std::string refund_of = last->refund_of;
    payments.push_back({{}, PaymentMethod::cash_rounding, delta, "", "", refund_of});
    drop_zero_payments(payments);
}

}  // namespace

// --- Where the money goes back ---

SaleSession::RefundDue SaleSession::refund_due() const {
    const Money zero(0, settings_.currency);
    Money sold = zero;
    Money receipted = zero;
    Money unreceipted = zero;
    for (const auto& line : ticket_.lines()) {
        if (line.voided)
            continue;
        if (!line.returned)
            sold += line.amounts.gross;
        else if (line.returned->original_ticket_id.empty())
            unreceipted -= line.amounts.gross;
        else
            receipted -= line.amounts.gross;
    }
    // New items are paid for from the no-receipt value first, so that the receipted value goes
    // back to the tenders that paid it.
    const Money from_unreceipted = std::min(sold, unreceipted);
    receipted = positive_part(receipted - (sold - from_unreceipted));
    for (const auto& p : ticket_.payments()) {
        if (!p.refund_of.empty())
            receipted += p.amount;
    }
    const Money back = positive_part(-ticket_.totals().due);
    receipted = std::clamp(receipted, zero, back);
    return {receipted, back - receipted};
}

std::vector<RefundTender> SaleSession::original_tenders() const {
    std::vector<RefundTender> tenders;
    for (const auto& original : originals_) {
        auto theirs = pos::refund_tenders(original, ticket_);
        // A special order's deposit was used up by the pick-up: that part goes back as cash or
        // store credit, never to a deposit.
        std::erase_if(theirs,
                      [](const RefundTender& t) { return t.method == PaymentMethod::deposit; });
        tenders.insert(tenders.end(), theirs.begin(), theirs.end());
    }
    std::stable_sort(tenders.begin(), tenders.end(), [](const auto& a, const auto& b) {
        return refund_rank(a.method) < refund_rank(b.method);
    });
    return tenders;
}

std::vector<RefundTender> SaleSession::refund_tenders() const {
    auto tenders = original_tenders();
    const RefundDue due = refund_due();
    const Money zero(0, settings_.currency);
    // Store credit is always possible: a new account when none is named.
    tenders.push_back(
        {{}, {}, PaymentMethod::store_credit, {}, {}, due.receipted + due.unreceipted, zero});
    if (settings_.returns.no_receipt_cash_allowed && !due.unreceipted.is_zero())
        tenders.push_back({{}, {}, PaymentMethod::cash, {}, {}, due.unreceipted, zero});
    return tenders;
}

std::string SaleSession::new_store_credit_account() {
    std::string hex;
    for (char c : services_.ids.new_id()) {
        if (c != '-')
            hex += static_cast<char>(c >= 'a' && c <= 'f' ? c - 'a' + 'A' : c);
    }
    // The last digits of a UUIDv7 are its random part.
    return "SC" + hex.substr(hex.size() >= 10 ? hex.size() - 10 : 0);
}

Result<std::vector<Payment>> SaleSession::cash_refund(std::optional<Money> amount,
                                                      Money back) const {
    const RefundDue due = refund_due();
    const Money zero(0, settings_.currency);
    std::vector<Payment> payments;
    std::vector<RefundTender> cash_tenders;
    for (const auto& t : original_tenders()) {
        if (t.method == PaymentMethod::cash)
            cash_tenders.push_back(t);
    }
    Money receipted_cap = zero;
    for (const auto& t : cash_tenders)
        receipted_cap += positive_part(t.available());
    receipted_cap = std::min(receipted_cap, due.receipted);
    const Money unreceipted_cap =
        settings_.returns.no_receipt_cash_allowed ? due.unreceipted : zero;
    const Money cap = receipted_cap + unreceipted_cap;
    const Money wanted = amount.value_or(std::min(back, cap));
    if (wanted > cap || cap.is_zero()) {
        std::string why = cash_tenders.size() == 1
                              ? "Cash paid " + format_amount(cash_tenders[0].paid) + " on " +
                                    cash_tenders[0].original_receipt + "; at most " +
                                    format_amount(receipted_cap) + " can go back in cash"
                              : "At most " + format_amount(cap) + " can go back in cash";
        if (!due.unreceipted.is_zero() && !settings_.returns.no_receipt_cash_allowed)
            why += "; returns without a receipt are refunded as store credit";
        return not_allowed(why);
    }
    Money left = wanted;
    Money receipted_left = receipted_cap;
    for (const auto& t : cash_tenders) {
        const Money take = std::min({positive_part(t.available()), receipted_left, left});
        if (take <= zero)
            continue;
        payments.push_back({{}, PaymentMethod::cash, -take, "", "", t.original_ticket_id});
        left -= take;
        receipted_left -= take;
    }
    if (left > zero)
        payments.push_back({{}, PaymentMethod::cash, -left, "", "", ""});
    // Rounded like a sale's cash, when the cash settles the refund.
    if (wanted == back)
        round_cash(payments, settings_.cash_rounding);
    return payments;
}

Result<std::vector<Payment>> SaleSession::tender_refund(PaymentMethod method,
                                                        std::optional<Money> amount,
                                                        std::string_view reference, Money back) {
    const RefundDue due = refund_due();
    std::vector<RefundTender> matches;
    for (const auto& t : original_tenders()) {
        const bool named = t.reference == reference ||
                           (method == PaymentMethod::card && t.card_last4 == reference);
        // With no reference, the only tender of that kind (an empty store credit account opens
        // a new one instead).
        const bool only = reference.empty() && method != PaymentMethod::store_credit;
        if (t.method == method && (named || only))
            matches.push_back(t);
    }
    if (method == PaymentMethod::deposit) {
        return not_allowed(
            "A deposit is not refunded to the special order: give it back as cash or store "
            "credit");
    }
    if (matches.size() > 1) {
        const bool card = method == PaymentMethod::card;
        return bad_input("Several " + tender_name(method) + (card ? "s" : "") +
                         " paid for the returned items: choose one by its reference" +
                         (card ? " or last four digits" : ""));
    }
    if (matches.empty() && method == PaymentMethod::store_credit) {
        // Store credit is always allowed: an existing account, or a new one.
        std::string account(reference);
        if (account.empty())
            account = new_store_credit_account();
        else if (!services_.stored_value.balance(PaymentMethod::store_credit, account))
            return not_found("Store credit " + account +
                             " is not known here: leave the account empty to open a new one");
        return std::vector<Payment>{
            {{}, PaymentMethod::store_credit, -amount.value_or(back), account, "", ""}};
    }
    if (matches.empty()) {
        const std::string name = tender_name(method);
        return not_found("No " + name + (reference.empty() ? "" : " " + std::string(reference)) +
                         " paid for the returned items");
    }
    const RefundTender& tender = matches.front();
    const Money cap = positive_part(std::min(tender.available(), due.receipted));
    if (method == PaymentMethod::store_credit) {
        // Back to the account that paid, up to what it paid; any more is new credit on it.
        const Money wanted = amount.value_or(back);
        const Money original_part = std::min(wanted, cap);
        std::vector<Payment> payments{
            {{}, method, -original_part, tender.reference, "", tender.original_ticket_id},
            {{}, method, original_part - wanted, tender.reference, "", ""}};
        drop_zero_payments(payments);
        return payments;
    }
    const Money wanted = amount.value_or(std::min(back, cap));
    const std::string label =
        method == PaymentMethod::loyalty_points
            ? std::string("Loyalty points")
            : payment_label({{}, tender.method, back, tender.reference, tender.card_last4, ""});
    const bool used_up = positive_part(tender.available()).is_zero();
    if (wanted > tender.available() || used_up) {
        return not_allowed(label + " paid " + format_amount(tender.paid) + " on " +
                           tender.original_receipt + "; at most " +
                           format_amount(positive_part(tender.available())) + " can go back to it");
    }
    if (wanted > due.receipted || wanted.is_zero()) {
        return not_allowed("Only " + format_amount(due.receipted) +
                           " of this refund is for items with a receipt; the rest goes back as "
                           "store credit");
    }
    return std::vector<Payment>{
        {{}, method, -wanted, tender.reference, tender.card_last4, tender.original_ticket_id}};
}

Result<TenderOutcome> SaleSession::refund(PaymentMethod method, std::string_view amount_text,
                                          std::string_view reference) {
    if (auto s = require_state(TicketState::tendering, "give a refund"); !s)
        return s.error();
    const Money due = ticket_.totals().due;
    if (!due.is_negative()) {
        return not_allowed(due.is_zero()
                               ? "Nothing is due back to the customer"
                               : "The customer owes " + money_text(due) + ": take payment instead");
    }
    const Money back = -due;
    std::optional<Money> amount;
    if (!amount_text.empty()) {
        auto parsed = parse_money(amount_text);
        if (!parsed)
            return parsed.error();
        if (parsed->is_negative() || parsed->is_zero())
            return bad_input("Enter the amount to refund: it must be more than zero");
        if (*parsed > back) {
            return bad_input("Refund " + format_amount(*parsed) + " is more than the " +
                             format_amount(back) + " due back");
        }
        amount = *parsed;
    }
    Result<std::vector<Payment>> payments =
        method == PaymentMethod::cash ? cash_refund(amount, back)
        : method == PaymentMethod::cash_rounding
            ? Result<std::vector<Payment>>(bad_input("Cash rounding is not a tender"))
            : tender_refund(method, amount, reference, back);
    if (!payments)
        return payments.error();
    std::vector<Payment> taken = std::move(payments).value();
    for (auto& p : taken)
        p.id = services_.ids.new_id();
    count_points(taken, settings_.loyalty);
    return take(std::move(taken));
}

Result<TenderOutcome> SaleSession::refund_to_original() {
    if (auto s = require_state(TicketState::tendering, "give a refund"); !s)
        return s.error();
    if (!ticket_.totals().due.is_negative())
        return not_allowed("Nothing is due back to the customer");
    const RefundDue due = refund_due();
    std::vector<Payment> payments;
    if (!due.receipted.is_zero()) {
        auto plan = plan_refund(original_tenders(), due.receipted);
        if (!plan)
            return plan.error();
        payments = std::move(plan).value();
        round_cash(payments, settings_.cash_rounding);
    }
    if (!due.unreceipted.is_zero()) {
        payments.push_back({{},
                            PaymentMethod::store_credit,
                            -due.unreceipted,
                            new_store_credit_account(),
                            "",
                            ""});
    }
    for (auto& p : payments)
        p.id = services_.ids.new_id();
    count_points(payments, settings_.loyalty);
    return take(std::move(payments));
}

}  // namespace pos
