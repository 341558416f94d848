#include "pos/special_order.hpp"

#include "pos/enum_names.hpp"

namespace pos {

namespace {

constexpr EnumName<SpecialOrderStatus> status_names[] = {
    {SpecialOrderStatus::awaiting_deposit, "awaiting_deposit", "Awaiting deposit"},
    {SpecialOrderStatus::ordered, "ordered", "Ordered"},
    {SpecialOrderStatus::arrived, "arrived", "Arrived"},
    {SpecialOrderStatus::collected, "collected", "Collected"},
    {SpecialOrderStatus::cancelled, "cancelled", "Cancelled"},
};

}  // namespace

std::string_view to_string(SpecialOrderStatus status) {
    return name_of(status_names, status);
}
std::string_view title(SpecialOrderStatus status) {
    return label_of(status_names, status);
}
std::optional<SpecialOrderStatus> special_order_status_from(std::string_view name) {
    return value_named(status_names, name);
}

Result<Money> check_deposit(std::string_view typed, Money total, std::int64_t min_deposit_ppm) {
    if (total.is_negative() || total.is_zero())
        return bad_input("The order has no total yet: set the item and quantity first");
    const Money minimum = total.apply_rate(Rate{min_deposit_ppm}, RoundingMode::up);
    if (typed.empty())
        return minimum;
    auto deposit = parse_amount(typed, total.currency());
    if (!deposit)
        return Error{deposit.error().code, "deposit: " + deposit.error().message};
    if (deposit->is_negative() || deposit->is_zero())
        return bad_input("Deposit " + format_amount(*deposit) + ": it must be more than zero");
    if (*deposit < minimum) {
        return bad_input("Deposit " + format_amount(*deposit) + " is below the minimum " +
                         format_amount(minimum) + " (" + format_percent(Rate{min_deposit_ppm}) +
                         " of " + format_amount(total) + ")");
    }
    if (*deposit > total) {
        return bad_input("Deposit " + format_amount(*deposit) + " is more than the order's total " +
                         format_amount(total));
    }
    return *deposit;
}

Money balance_due(const SpecialOrder& order) {
    const Money due = order.total - order.deposit_held;
    return due.is_negative() ? Money(0, order.total.currency()) : due;
}

}  // namespace pos
