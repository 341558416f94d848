// Returns as pure functions over tickets: what can still come back, what it refunds, and where
// the money goes. Amounts are shared out cumulatively so that the returns of a line always add
// up exactly to what was paid for it.
#include "pos/returns.hpp"

#include <algorithm>
#include <string>
#include <utility>

namespace pos {

namespace {

bool is_letter(char c) {
    return c >= 'A' && c <= 'Z';
}

bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

char upper(char c) {
    return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
}

std::string_view trimmed(std::string_view text) {
    const auto blank = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
    while (!text.empty() && blank(text.front()))
        text.remove_prefix(1);
    while (!text.empty() && blank(text.back()))
        text.remove_suffix(1);
    return text;
}

// "T01", "S001": one or more letters, then one or more digits.
bool is_code(std::string_view part) {
    std::size_t i = 0;
    while (i < part.size() && is_letter(part[i]))
        ++i;
    if (i == 0 || i == part.size())
        return false;
    return std::all_of(part.begin() + static_cast<std::ptrdiff_t>(i), part.end(), is_digit);
}

bool is_number(std::string_view part) {
    return !part.empty() && std::all_of(part.begin(), part.end(), is_digit);
}

std::vector<std::string> split_dashes(const std::string& text) {
    std::vector<std::string> parts(1);
    for (char c : text) {
        if (c == '-')
            parts.emplace_back();
        else
            parts.back() += c;
    }
    return parts;
}

// Receipt sequences are printed with at least six digits ("000042"); "42" finds the same one.
std::string six_digits(std::string_view digits) {
    while (digits.size() > 1 && digits.front() == '0')
        digits.remove_prefix(1);
    std::string out(digits);
    if (out.size() < 6)
        out.insert(0, 6 - out.size(), '0');
    return out;
}

Money zero_of(const Ticket& ticket) {
    return Money(0, ticket.currency());
}

LineAmounts negated(const LineAmounts& a) {
    return {-a.net, -a.tax, -a.gross};
}

// What comes back as the sale's "extended": the value before the tax split.
Money value_before_tax(const LineAmounts& a, PricingMode pricing) {
    return pricing == PricingMode::tax_inclusive ? a.gross : a.net;
}

// A return line's computed fields are fixed when it is made (never re-priced): its negative
// amounts, their value before tax, and no savings of its own (the refund already has them).
void fix_refund_amounts(TicketLine& line, const LineAmounts& amounts, PricingMode pricing) {
    const Money zero(0, amounts.gross.currency());
    line.amounts = amounts;
    line.extended = value_before_tax(amounts, pricing);
    line.promotion_saving = zero;
    line.discount_amount = zero;
}

bool returns_line(const TicketLine& line, const std::string& ticket_id,
                  const std::string& line_id) {
    return !line.voided && line.returned && line.returned->original_ticket_id == ticket_id &&
           line.returned->original_line_id == line_id;
}

std::int64_t earlier_returned(const OriginalTicket& original, const TicketLine& line) {
    const auto found = original.returned_milli.find(line.id);
    return found == original.returned_milli.end() ? 0 : found->second;
}

std::int64_t returned_in_progress(const OriginalTicket& original, const TicketLine& line,
                                  const Ticket& in_progress) {
    std::int64_t milli = 0;
    for (const auto& l : in_progress.lines()) {
        if (returns_line(l, original.ticket.id(), line.id))
            milli += l.quantity.milli;
    }
    return milli;
}

bool can_be_returned(const OriginalTicket& original, const TicketLine& line) {
    return original.post_voided_by.empty() && !line.voided && !line.returned;
}

// "(2 came back on earlier returns)", "(1 already on this return)", or both.
std::string returned_so_far(std::int64_t earlier, std::int64_t here, UnitOfSale unit) {
    std::string parts;
    if (earlier > 0)
        parts = format_quantity({earlier}, unit) + " came back on earlier returns";
    if (here > 0) {
        if (!parts.empty())
            parts += ", ";
        parts += format_quantity({here}, unit) + " already on this return";
    }
    return parts.empty() ? std::string() : " (" + parts + ")";
}

Status check_returnable(const OriginalTicket& original, const TicketLine& line, Quantity quantity,
                        std::int64_t earlier, std::int64_t here) {
    const std::string& receipt = original.ticket.receipt_number();
    if (!original.post_voided_by.empty()) {
        return not_allowed("Receipt " + receipt + " was post-voided by " + original.post_voided_by +
                           ": nothing on it can be returned");
    }
    if (line.voided)
        return not_allowed(line.name + " was voided on " + receipt + ": it was never sold");
    if (line.returned) {
        return not_allowed(line.name + " came back on " + receipt +
                           ", it was not sold there: it cannot be returned");
    }
    if (quantity.milli <= 0)
        return bad_input("Return quantity must be more than zero");
    if (line.unit == UnitOfSale::each && !quantity.is_whole())
        return bad_input(line.name + " is sold by the piece: return a whole number");
    const std::int64_t remaining = std::max<std::int64_t>(line.quantity.milli - earlier - here, 0);
    if (quantity.milli > remaining) {
        const std::string left =
            remaining == 0 ? "None" : "Only " + format_quantity({remaining}, line.unit);
        return not_allowed(left + " of " + format_quantity(line.quantity, line.unit) + " " +
                           line.name + " can still be returned" +
                           returned_so_far(earlier, here, line.unit));
    }
    return ok();
}

// Change and cash rounding settle against the cash taken, so they share its tender.
bool cash_like(PaymentMethod m) {
    return m == PaymentMethod::cash || m == PaymentMethod::cash_rounding;
}

bool same_tender(const RefundTender& tender, const Payment& p) {
    if (cash_like(tender.method))
        return cash_like(p.method);
    return tender.method == p.method && tender.reference == p.reference;
}

// Cards first (the money goes back where it came from), then gift cards and store credit, cash
// last.
int refund_order(PaymentMethod m) {
    if (m == PaymentMethod::card)
        return 0;
    return m == PaymentMethod::gift_card || m == PaymentMethod::store_credit ? 1 : 2;
}

// The tenders the original sale took money on, net of change and cash rounding. Refunds it made
// itself (an exchange paying back an earlier sale) are not money it took.
std::vector<RefundTender> tenders_taken(const OriginalTicket& original) {
    const Ticket& sale = original.ticket;
    std::vector<RefundTender> tenders;
    for (const auto& p : sale.payments()) {
        if (!p.refund_of.empty())
            continue;
        auto found = std::find_if(tenders.begin(), tenders.end(),
                                  [&](const RefundTender& t) { return same_tender(t, p); });
        if (found == tenders.end()) {
            const PaymentMethod method = cash_like(p.method) ? PaymentMethod::cash : p.method;
            const std::string reference = cash_like(p.method) ? std::string() : p.reference;
            tenders.push_back({sale.id(), sale.receipt_number(), method, reference, p.card_last4,
                               zero_of(sale), zero_of(sale)});
            found = std::prev(tenders.end());
        }
        found->paid += p.amount;
    }
    return tenders;
}

void count_refund(std::vector<RefundTender>& tenders, const Payment& refund) {
    auto found = std::find_if(tenders.begin(), tenders.end(),
                              [&](const RefundTender& t) { return same_tender(t, refund); });
    // A refund to a tender the sale did not take (a new store credit account) caps nothing.
    if (found != tenders.end())
        found->refunded -= refund.amount;
}

}  // namespace

Result<ReceiptReference> parse_receipt_reference(std::string_view text) {
    const std::string_view typed = trimmed(text);
    const auto refuse = [&] {
        return bad_input("'" + std::string(typed) +
                         "' is not a receipt number: they look like T01-000042");
    };
    if (typed.empty())
        return bad_input("Enter a receipt number: they look like T01-000042");
    std::string upper_text;
    for (char c : typed)
        upper_text += upper(c);
    const auto parts = split_dashes(upper_text);
    if (parts.size() != 2 && parts.size() != 3)
        return refuse();
    const bool with_store = parts.size() == 3;
    const std::string& terminal = parts[with_store ? 1 : 0];
    const std::string& sequence = parts.back();
    if ((with_store && !is_code(parts[0])) || !is_code(terminal) || !is_number(sequence))
        return refuse();
    return ReceiptReference{with_store ? parts[0] : std::string(),
                            terminal + "-" + six_digits(sequence)};
}

LineAmounts refund_amounts(const TicketLine& sold, Quantity already_returned, Quantity quantity) {
    const std::int64_t sold_milli = sold.quantity.milli;
    const Money zero(0, sold.amounts.gross.currency());
    if (sold_milli <= 0 || quantity.milli <= 0)
        return {zero, zero, zero};
    const std::int64_t before = already_returned.milli;
    const std::int64_t after = before + quantity.milli;
    // Money::scaled splits the product so that gross x milli-quantity cannot overflow.
    const auto share = [&](const Money& whole, std::int64_t milli) {
        return whole.scaled(milli, sold_milli, RoundingMode::half_up);
    };
    const Money gross = share(sold.amounts.gross, after) - share(sold.amounts.gross, before);
    const Money tax = share(sold.amounts.tax, after) - share(sold.amounts.tax, before);
    return {-(gross - tax), -tax, -gross};
}

std::vector<ReturnableLine> returnable_lines(const OriginalTicket& original,
                                             const Ticket& in_progress) {
    std::vector<ReturnableLine> out;
    const auto& lines = original.ticket.lines();
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const TicketLine& line = lines[i];
        const std::int64_t returned =
            earlier_returned(original, line) + returned_in_progress(original, line, in_progress);
        const std::int64_t returnable =
            can_be_returned(original, line)
                ? std::max<std::int64_t>(line.quantity.milli - returned, 0)
                : 0;
        // One more counted unit; for a weighed line, all that remains (it is one item).
        const std::int64_t next =
            line.unit == UnitOfSale::each ? std::min<std::int64_t>(1000, returnable) : returnable;
        const Money unit_refund = -refund_amounts(line, {returned}, {next}).gross;
        out.push_back(
            {i, line.quantity, {returned}, {returnable}, line.amounts.gross, unit_refund});
    }
    return out;
}

Result<TicketLine> make_return_line(const OriginalTicket& original, std::size_t index,
                                    Quantity quantity, ReturnReason reason, Disposition disposition,
                                    const Ticket& in_progress, std::string line_id) {
    const auto& lines = original.ticket.lines();
    if (index >= lines.size()) {
        return not_found("Receipt " + original.ticket.receipt_number() + " has no line " +
                         std::to_string(index + 1));
    }
    const TicketLine& sold = lines[index];
    const std::int64_t earlier = earlier_returned(original, sold);
    const std::int64_t here = returned_in_progress(original, sold, in_progress);
    if (auto checked = check_returnable(original, sold, quantity, earlier, here); !checked)
        return checked.error();

    TicketLine line = line_for(std::move(line_id), product_of(sold), quantity);
    line.returned = ReturnOf{
        original.ticket.id(), original.ticket.receipt_number(), sold.id, reason, disposition, {}};
    line.unit_price = sold.unit_price;
    fix_refund_amounts(line, refund_amounts(sold, {earlier + here}, quantity),
                       original.ticket.pricing());
    return line;
}

TicketLine make_unreceipted_return_line(const Product& product, Money unit_price, Quantity quantity,
                                        ReturnReason reason, Disposition disposition,
                                        std::string customer, PricingMode pricing,
                                        std::string line_id) {
    TicketLine line = line_for(std::move(line_id), product, quantity);
    line.returned = ReturnOf{{}, {}, {}, reason, disposition, std::move(customer)};
    line.unit_price = unit_price;
    const Money value = unit_price.scaled(quantity.milli, 1000, RoundingMode::half_up);
    fix_refund_amounts(line, negated(split_tax(value, product.tax, pricing)), pricing);
    return line;
}

Result<std::string> normalise_customer_key(std::string_view keyed) {
    std::string key;
    for (char c : keyed) {
        const char u = upper(c);
        if (is_letter(u) || is_digit(u))
            key += u;
    }
    if (key.size() < 6) {
        return bad_input("'" + std::string(trimmed(keyed)) +
                         "' is too short for a phone number or ID: key at least 6 letters or "
                         "digits");
    }
    return key;
}

std::vector<RefundTender> refund_tenders(const OriginalTicket& original,
                                         const Ticket& in_progress) {
    auto tenders = tenders_taken(original);
    std::erase_if(tenders,
                  [](const RefundTender& t) { return t.paid.is_negative() || t.paid.is_zero(); });
    for (const auto& refund : original.refunds)
        count_refund(tenders, refund);
    for (const auto& p : in_progress.payments()) {
        if (p.refund_of == original.ticket.id())
            count_refund(tenders, p);
    }
    std::stable_sort(tenders.begin(), tenders.end(), [](const auto& a, const auto& b) {
        return refund_order(a.method) < refund_order(b.method);
    });
    return tenders;
}

Result<std::vector<Payment>> plan_refund(const std::vector<RefundTender>& tenders, Money amount) {
    const Money zero(0, amount.currency());
    if (amount.is_negative())
        return bad_input("A refund is a positive amount, not " + format_amount(amount));
    std::vector<Payment> plan;
    Money left = amount;
    for (const auto& tender : tenders) {
        if (left.is_zero())
            break;
        const Money take = std::min(std::max(tender.available(), zero), left);
        if (take.is_zero())
            continue;
        plan.push_back({{},
                        tender.method,
                        -take,
                        tender.reference,
                        tender.card_last4,
                        tender.original_ticket_id});
        left -= take;
    }
    if (!left.is_zero()) {
        return not_allowed("The sale's tenders can take back only " + format_amount(amount - left) +
                           " of the " + format_amount(amount) +
                           " refund; give the rest as store credit");
    }
    return plan;
}

}  // namespace pos
