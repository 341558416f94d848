// Small helpers shared by the SaleSession source files (sale.cpp, sale_approvals.cpp,
// sale_returns.cpp, sale_refunds.cpp, sale_service.cpp). Not part of the session's interface.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "pos/approvals.hpp"
#include "pos/customer.hpp"
#include "pos/money.hpp"
#include "pos/ports.hpp"
#include "pos/result.hpp"
#include "pos/returns.hpp"
#include "pos/ticket.hpp"

namespace pos::detail {

// "EUR 62.00": how amounts read in approval requests and refusals.
inline std::string money_text(const Money& amount) {
    return std::string(amount.currency().iso()) + " " + format_amount(amount);
}

// The reason keyed for the action stands for the approval's reason when the approver gave none.
inline Approval with_reason(Approval approval, std::string_view reason) {
    if (approval.reason.empty())
        approval.reason = std::string(reason);
    return approval;
}

// A return line's amounts are fixed when it is added: only voiding it changes it.
inline Status require_sale_line(const TicketLine& line, std::string_view action) {
    if (line.returned) {
        return bad_input("Cannot " + std::string(action) +
                         " on a returned item: void the return line and add it again");
    }
    if (!line.special_order.empty()) {
        return bad_input("Cannot " + std::string(action) + " on the deposit for special order " +
                         line.special_order + ": the deposit is the amount agreed");
    }
    return ok();
}

inline Money positive_part(Money amount) {
    return amount.is_negative() ? Money(0, amount.currency()) : amount;
}

inline constexpr std::int64_t ms_per_day = 86'400'000;

// The store-local day number of a moment (days since 1970-01-01, local).
inline std::int64_t local_day(std::int64_t at_ms, int utc_offset_minutes) {
    const std::int64_t local = at_ms + std::int64_t{utc_offset_minutes} * 60'000;
    return local >= 0 ? local / ms_per_day : -((-local + ms_per_day - 1) / ms_per_day);
}

// Just before a ticket completes: the customer (a return takes its original's when none is
// attached) and the points it earns, negative for a refund but never below the customer's
// balance; a deposit earns nothing. In sale_service.cpp.
void settle_points(Ticket& ticket, const std::vector<OriginalTicket>& originals,
                   const LoyaltyRules& rules, StoredValue& stored_value);

}  // namespace pos::detail
