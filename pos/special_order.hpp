// Special orders: an item the store does not have is ordered for a customer, a deposit is taken
// now (on a ticket of its own, as a deposit line paid by any tender), and the balance is paid on
// pick-up, where the deposit is a tender of the pick-up ticket.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "pos/money.hpp"
#include "pos/quantity.hpp"
#include "pos/result.hpp"

namespace pos {

enum class SpecialOrderStatus { awaiting_deposit, ordered, arrived, collected, cancelled };
std::string_view to_string(SpecialOrderStatus status);  // "awaiting_deposit"
std::string_view title(SpecialOrderStatus status);      // "Awaiting deposit"
std::optional<SpecialOrderStatus> special_order_status_from(std::string_view name);

struct SpecialOrder {
    std::string id;      // UUID
    std::string number;  // "SO-T01-000007": on the deposit receipt, asked for at pick-up
    std::string customer_id;
    std::string customer_name;
    std::string product_code;
    std::string product_name;
    Quantity quantity;   // units (or milli-kg) ordered
    Money unit_price;    // the price agreed when ordered
    Money total;         // unit_price x quantity
    Money deposit;       // agreed deposit, taken on the deposit ticket
    Money deposit_held;  // deposit paid and not yet used at pick-up
    SpecialOrderStatus status = SpecialOrderStatus::awaiting_deposit;
    std::string store_code;
    std::string deposit_receipt;  // the ticket that took the deposit
    std::string pickup_receipt;   // the ticket that collected it
    std::int64_t expected_day = 0;  // local day it should arrive (see pos/interaction.hpp); 0
    std::string note;
    std::int64_t created_at_ms = 0;
    std::int64_t updated_at_ms = 0;
    friend bool operator==(const SpecialOrder&, const SpecialOrder&) = default;
};

// The store's rule for deposits: at least this share of the order's total (parts per million).
inline constexpr std::int64_t default_min_deposit_ppm = 200'000;  // 20%

// Deposit as typed ("" = the minimum): at least the minimum share (rounded up to the minor unit),
// at most the total. "Deposit 5.00 is below the minimum 8.00 (20% of 40.00)".
Result<Money> check_deposit(std::string_view typed, Money total, std::int64_t min_deposit_ppm);
// What is still to pay at pick-up.
Money balance_due(const SpecialOrder& order);

}  // namespace pos
