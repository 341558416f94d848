#include "pos/permissions.hpp"

#include <utility>

#include "pos/enum_names.hpp"

namespace pos {

namespace {

constexpr EnumName<Role> role_names[] = {
    {Role::clerk, "clerk", "Clerk"},
    {Role::supervisor, "supervisor", "Supervisor"},
    {Role::manager, "manager", "Manager"},
    {Role::administrator, "administrator", "Administrator"},
};

// Labels finish "... a manager must approve a post-void" (see describe).
constexpr EnumName<Permission> permission_names[] = {
    {Permission::price_override, "price_override", "a price override"},
    {Permission::discount_over_limit, "discount_over_limit", "a discount over the limit"},
    {Permission::refund_over_limit, "refund_over_limit", "a refund over the limit"},
    {Permission::return_without_receipt, "return_without_receipt", "a return without a receipt"},
    {Permission::post_void, "post_void", "a post-void"},
    {Permission::ticket_void, "ticket_void", "voiding a ticket"},
    {Permission::no_sale, "no_sale", "a no-sale"},
    {Permission::cash_paid_out, "cash_paid_out", "a cash paid-out"},
    {Permission::close_till, "close_till", "closing a till"},
    {Permission::over_short, "over_short", "a till over or short"},
};

}  // namespace

std::string_view to_string(Role role) {
    return name_of(role_names, role);
}

std::string_view role_title(Role role) {
    return label_of(role_names, role);
}

std::optional<Role> role_from(std::string_view name) {
    return value_named(role_names, name);
}

std::string_view to_string(Permission permission) {
    return name_of(permission_names, permission);
}

std::string_view describe(Permission permission) {
    return label_of(permission_names, permission);
}

std::optional<Permission> permission_from(std::string_view name) {
    return value_named(permission_names, name);
}

PermissionTable default_permissions() {
    PermissionTable table;
    const std::pair<Permission, Role> defaults[] = {
        {Permission::price_override, Role::manager},
        {Permission::discount_over_limit, Role::supervisor},
        {Permission::refund_over_limit, Role::supervisor},
        {Permission::return_without_receipt, Role::supervisor},
        {Permission::post_void, Role::manager},
        {Permission::ticket_void, Role::clerk},
        {Permission::no_sale, Role::clerk},
        {Permission::cash_paid_out, Role::supervisor},
        {Permission::close_till, Role::supervisor},
        {Permission::over_short, Role::manager},
    };
    for (const auto& [permission, role] : defaults)
        table.set(permission, role);
    table.discount_limit = Rate{200'000};
    table.refund_limit_minor = 5'000;
    return table;
}

}  // namespace pos
