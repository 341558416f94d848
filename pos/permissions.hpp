// Roles and the permission table: which role may do what alone, and above which amounts a
// discount or a refund needs someone senior. A store can change the table (db/ keeps it in the
// settings); the defaults are what a typical store runs with.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

#include "pos/money.hpp"

namespace pos {

// Ranked: each role holds every right of the roles before it.
enum class Role { clerk, supervisor, manager, administrator };
std::string_view to_string(Role role);   // "clerk": stored and in the journal
std::string_view role_title(Role role);  // "Clerk": shown to people
std::optional<Role> role_from(std::string_view name);

enum class Permission {
    price_override,          // a unit price keyed by hand
    discount_over_limit,     // a discount larger than PermissionTable::discount_limit
    refund_over_limit,       // a refund larger than PermissionTable::refund_limit_minor
    return_without_receipt,  // a return with no receipt to prove the sale
    post_void,               // voiding a completed (tendered) ticket
    ticket_void,             // voiding an open ticket before payment
    no_sale,                 // opening the drawer with no sale
    cash_paid_out,           // cash out of the drawer for an expense
    close_till,              // closing a till at the end of a shift
    over_short,              // accepting a till count over or short beyond the store's threshold
};
inline constexpr std::size_t permission_count = 10;
inline constexpr std::array<Permission, permission_count> all_permissions = {
    Permission::price_override,  Permission::discount_over_limit, Permission::refund_over_limit,
    Permission::return_without_receipt, Permission::post_void, Permission::ticket_void,
    Permission::no_sale,         Permission::cash_paid_out,       Permission::close_till,
    Permission::over_short};
std::string_view to_string(Permission permission);  // "refund_over_limit": stored, journaled
std::string_view describe(Permission permission);   // "a refund over the limit": for people
std::optional<Permission> permission_from(std::string_view name);

struct PermissionTable {
    // The least role that may do each thing alone, indexed by Permission.
    std::array<Role, permission_count> minimum{};
    Rate discount_limit{200'000};  // discounts above 20% need approval
    std::int64_t refund_limit_minor = 5'000;       // refunds above 50.00 need approval

    Role required(Permission permission) const {
        return minimum[static_cast<std::size_t>(permission)];
    }
    void set(Permission permission, Role role) {
        minimum[static_cast<std::size_t>(permission)] = role;
    }
    bool allows(Role role, Permission permission) const { return role >= required(permission); }
};

// price_override manager, discount_over_limit supervisor, refund_over_limit supervisor,
// return_without_receipt supervisor, post_void manager, ticket_void clerk, no_sale clerk,
// cash_paid_out supervisor, close_till supervisor, over_short manager.
PermissionTable default_permissions();

}  // namespace pos
