// Price adjustments a clerk or a manager makes, and the store's tax and cash rounding policy.
#pragma once

#include <cstdint>
#include <string>

#include "pos/money.hpp"
#include "pos/tax.hpp"

namespace pos {

enum class DiscountKind { none, percent, amount };

// A discount keyed by the clerk, on one line or on the whole ticket.
struct Discount {
    DiscountKind kind = DiscountKind::none;
    Rate percent;                   // for percent: 10% is 100'000 ppm
    std::int64_t amount_minor = 0;  // for amount, in the ticket's currency
    std::string reason;
    friend bool operator==(const Discount&, const Discount&) = default;
};

// A unit price set by hand, replacing the price book's; needs a manager's approval.
struct PriceOverride {
    std::int64_t unit_price_minor = 0;
    std::int64_t approved_by = 0;  // user id of the approving manager
    std::string reason;
    friend bool operator==(const PriceOverride&, const PriceOverride&) = default;
};

// Per line: each line's tax is rounded, the ticket's tax is their sum (most European tills).
// Per ticket: tax is computed on each rate's total and rounded once, then allocated back to the
// lines so that they still add up (US sales tax, some VAT invoices).
enum class TaxRounding { per_line, per_ticket };

// Cash rounding for currencies without small coins (e.g. to 0.05): applies only to what is paid
// in cash, never to cards; the difference is recorded as a cash_rounding payment.
struct CashRounding {
    std::int64_t increment_minor = 0;  // 0: no cash rounding
    RoundingMode mode = RoundingMode::half_up;
};

struct TaxPolicy {
    PricingMode pricing = PricingMode::tax_inclusive;
    TaxRounding rounding = TaxRounding::per_line;
};

}  // namespace pos
