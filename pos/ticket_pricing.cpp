// Ticket::reprice: the one place a ticket's computed amounts come from. Order: unit price
// (override or price book) -> extended -> promotions -> line discount -> ticket discount
// (allocated over the lines) -> tax (per line, or per rate and allocated back). Return lines
// are never re-priced: their refund was fixed when they were added (pos/returns.hpp), so
// promotions, the ticket discount and per-ticket tax rounding see only the sale lines.
#include <algorithm>

#include "pos/ticket.hpp"

namespace pos {

namespace {

bool is_return(const TicketLine& line) {
    return line.returned.has_value();
}

// A special order's deposit is money held, not goods: no promotion or discount touches it.
bool is_deposit(const TicketLine& line) {
    return !line.special_order.empty() && !is_return(line);
}

// A voided return line refunds nothing; its unit price stays for the receipt.
void zero_voided_return(TicketLine& line, const Currency& currency) {
    const Money zero(0, currency);
    line.extended = zero;
    line.promotion_saving = zero;
    line.discount_amount = zero;
    line.amounts = {zero, zero, zero};
}

Money discount_on(const Money& base, const Discount& discount) {
    const Money zero(0, base.currency());
    if (base <= zero)
        return zero;
    switch (discount.kind) {
        case DiscountKind::none:
            return zero;
        case DiscountKind::percent:
            return base.apply_rate(discount.percent, RoundingMode::half_up);
        case DiscountKind::amount: {
            const Money amount(discount.amount_minor, base.currency());
            return std::clamp(amount, zero, base);
        }
    }
    return zero;
}

// Splits `whole` over the lines in proportion to `weights` (all >= 0); all zero gives zeros.
std::vector<Money> spread(const Money& whole, const std::vector<std::int64_t>& weights) {
    const bool any = std::any_of(weights.begin(), weights.end(), [](auto w) { return w > 0; });
    if (!any || whole.is_zero())
        return std::vector<Money>(weights.size(), Money(0, whole.currency()));
    return whole.allocate(weights);
}

void price_units_and_promotions(std::vector<TicketLine>& lines,
                                const std::vector<Promotion>& promotions,
                                const Currency& currency) {
    std::vector<PromotionInput> inputs;
    for (auto& line : lines) {
        if (is_return(line)) {
            if (line.voided)
                zero_voided_return(line, currency);
            inputs.push_back({line.product_id, line.department, 0, 0, 0, false});
            continue;
        }
        line.unit_price = line.price_override
                              ? Money(line.price_override->unit_price_minor, currency)
                              : line.list_price;
        line.extended =
            line.voided ? Money(0, currency)
                        : line.unit_price.scaled(line.quantity.milli, 1000, RoundingMode::half_up);
        if (is_deposit(line)) {
            inputs.push_back({0, line.department, 0, 0, 0, false});
            continue;
        }
        const bool counted = line.unit == UnitOfSale::each && !line.voided;
        inputs.push_back({line.product_id, line.department,
                          counted ? line.quantity.milli / 1000 : 0, line.unit_price.minor(),
                          line.extended.minor(), !line.voided});
    }
    const auto outcome = evaluate_promotions(inputs, promotions);
    for (std::size_t i = 0; i < lines.size(); ++i) {
        if (is_return(lines[i]))
            continue;
        lines[i].promotion_saving = Money(outcome.saving_minor[i], currency);
        lines[i].promotion = outcome.names[i];
    }
}

// Returns each line's value after savings and discounts.
std::vector<Money> apply_discounts(std::vector<TicketLine>& lines, const Discount& ticket_discount,
                                   const Currency& currency) {
    std::vector<Money> after;
    std::vector<std::int64_t> weights;
    Money subtotal(0, currency);
    for (auto& line : lines) {
        if (is_return(line)) {
            after.push_back(Money(0, currency));
            weights.push_back(0);
            continue;
        }
        const Money base = line.extended - line.promotion_saving;
        if (is_deposit(line)) {
            line.discount_amount = Money(0, currency);
            after.push_back(base);
            weights.push_back(0);  // no share of the ticket's discount
            continue;
        }
        line.discount_amount = line.voided ? Money(0, currency) : discount_on(base, line.discount);
        after.push_back(base - line.discount_amount);
        weights.push_back(after.back().minor());
        subtotal += after.back();
    }
    const auto shares = spread(discount_on(subtotal, ticket_discount), weights);
    for (std::size_t i = 0; i < lines.size(); ++i) {
        if (is_return(lines[i]) || is_deposit(lines[i]))
            continue;  // weight zero: its share is always zero
        lines[i].discount_amount += shares[i];
        after[i] -= shares[i];
    }
    return after;
}

void apply_tax(std::vector<TicketLine>& lines, const std::vector<Money>& values,
               const TaxPolicy& policy) {
    if (policy.rounding == TaxRounding::per_line) {
        for (std::size_t i = 0; i < lines.size(); ++i) {
            if (!is_return(lines[i]))
                lines[i].amounts = split_tax(values[i], lines[i].tax, policy.pricing);
        }
        return;
    }
    // Per ticket: each rate's tax is computed once on its total, then shared out.
    std::vector<bool> done;  // return lines start done: their tax is fixed
    for (const auto& line : lines)
        done.push_back(is_return(line));
    for (std::size_t first = 0; first < lines.size(); ++first) {
        if (done[first])
            continue;
        const TaxRate& rate = lines[first].tax;
        std::vector<std::size_t> members;
        std::vector<std::int64_t> weights;
        Money sum(0, values[first].currency());
        for (std::size_t i = first; i < lines.size(); ++i) {
            if (done[i] || !(lines[i].tax == rate))
                continue;
            done[i] = true;
            members.push_back(i);
            weights.push_back(values[i].minor());
            sum += values[i];
        }
        const auto tax_shares = spread(split_tax(sum, rate, policy.pricing).tax, weights);
        for (std::size_t k = 0; k < members.size(); ++k) {
            const Money& value = values[members[k]];
            const Money& tax = tax_shares[k];
            lines[members[k]].amounts = policy.pricing == PricingMode::tax_inclusive
                                            ? LineAmounts{value - tax, tax, value}
                                            : LineAmounts{value, tax, value + tax};
        }
    }
}

}  // namespace

void Ticket::reprice() {
    price_units_and_promotions(lines_, promotions_, currency_);
    const auto values = apply_discounts(lines_, discount_, currency_);
    apply_tax(lines_, values, policy_);
}

}  // namespace pos
