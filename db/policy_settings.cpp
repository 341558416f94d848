// The store's policy settings: who may do what (one key per permission, plus the discount and
// refund limits), how returns are taken, and the store code. Absent keys (a store from before
// these settings) read as the defaults; a damaged value is a StoreFailure naming the key.
#include "db/policy_settings.hpp"

#include <algorithm>
#include <charconv>

#include "db/format.hpp"
#include "pos/special_order.hpp"

namespace db {

namespace {

constexpr std::string_view key_store_code = "store_code";
constexpr std::string_view permission_prefix = "permission.";
constexpr std::string_view key_discount_limit = "discount_limit_ppm";
constexpr std::string_view key_refund_limit = "refund_limit_minor";
constexpr std::string_view key_lowest_price_days = "returns.lowest_price_days";
constexpr std::string_view key_no_receipt_cash = "returns.no_receipt_cash_allowed";
constexpr std::string_view key_limit_days = "returns.limit_days";
constexpr std::string_view key_limit_count = "returns.limit_count";
constexpr std::string_view key_limit_minor = "returns.limit_minor";
constexpr std::string_view key_loyalty_enabled = "loyalty.enabled";
constexpr std::string_view key_points_per_unit = "loyalty.points_per_unit";
constexpr std::string_view key_point_value = "loyalty.point_value_minor";
constexpr std::string_view key_min_redeem = "loyalty.min_redeem_points";
constexpr std::string_view key_min_deposit = "special_orders.min_deposit_ppm";
constexpr std::string_view key_over_short_threshold = "till.over_short_threshold_minor";
constexpr std::string_view key_require_open_till = "till.require_open_till";
constexpr std::int64_t max_points = 1'000'000;

[[noreturn]] void damaged(std::string_view key, const std::string& value, std::string_view why) {
    throw pos::StoreFailure("the store's setting " + std::string(key) + " is damaged: '" + value +
                            "' " + std::string(why));
}

std::string permission_key(pos::Permission permission) {
    return std::string(permission_prefix) + std::string(pos::to_string(permission));
}

constexpr std::int64_t max_days = 3650;
constexpr std::int64_t max_int = 2'147'483'647;
constexpr std::int64_t max_money = 1'000'000'000'000;

// The till's: how far a count may be over or short before a manager must accept it, and
// whether selling needs an open till.
void read_till_settings(const SettingValues& values, pos::StoreSettings& settings) {
    const pos::StoreSettings defaults;
    settings.over_short_threshold_minor = number_setting(
        values, key_over_short_threshold, defaults.over_short_threshold_minor, 0, max_money);
    settings.require_open_till = number_setting(values, key_require_open_till,
                                                defaults.require_open_till ? 1 : 0, 0, 1) == 1;
}

}  // namespace

std::int64_t number_setting(const SettingValues& values, std::string_view key,
                            std::int64_t fallback, std::int64_t low, std::int64_t high) {
    const auto found = values.find(std::string(key));
    if (found == values.end())
        return fallback;
    const std::string& text = found->second;
    std::int64_t value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size() || text.empty())
        damaged(key, text, "is not a whole number");
    if (value < low || value > high) {
        damaged(key, text,
                "is not between " + std::to_string(low) + " and " + std::to_string(high));
    }
    return value;
}

void read_policy_settings(const SettingValues& values, pos::StoreSettings& settings) {
    if (const auto code = values.find(std::string(key_store_code)); code != values.end())
        settings.store_code = code->second;
    pos::PermissionTable& table = settings.permissions;
    table = pos::default_permissions();
    for (const pos::Permission permission : pos::all_permissions) {
        const std::string key = permission_key(permission);
        const auto found = values.find(key);
        if (found == values.end())
            continue;
        const auto role = pos::role_from(found->second);
        if (!role)
            damaged(key, found->second,
                    "is not a role (clerk, supervisor, manager, administrator)");
        table.set(permission, *role);
    }
    table.discount_limit = pos::Rate{
        number_setting(values, key_discount_limit, table.discount_limit.ppm, 0, pos::Rate::one)};
    table.refund_limit_minor =
        number_setting(values, key_refund_limit, table.refund_limit_minor, 0, max_money);

    pos::ReturnPolicy& returns = settings.returns;
    returns = pos::ReturnPolicy{};
    returns.lowest_price_days = static_cast<int>(
        number_setting(values, key_lowest_price_days, returns.lowest_price_days, 1, max_days));
    returns.no_receipt_cash_allowed =
        number_setting(values, key_no_receipt_cash, returns.no_receipt_cash_allowed ? 1 : 0, 0,
                       1) == 1;
    returns.limit_days =
        static_cast<int>(number_setting(values, key_limit_days, returns.limit_days, 1, max_days));
    returns.limit_count =
        static_cast<int>(number_setting(values, key_limit_count, returns.limit_count, 0, max_int));
    returns.limit_minor =
        number_setting(values, key_limit_minor, returns.limit_minor, 0, max_money);

    pos::LoyaltyRules& loyalty = settings.loyalty;
    loyalty = pos::LoyaltyRules{};
    loyalty.enabled =
        number_setting(values, key_loyalty_enabled, loyalty.enabled ? 1 : 0, 0, 1) == 1;
    loyalty.points_per_unit =
        number_setting(values, key_points_per_unit, loyalty.points_per_unit, 0, max_points);
    loyalty.point_value_minor =
        number_setting(values, key_point_value, loyalty.point_value_minor, 1, max_money);
    loyalty.min_redeem_points =
        number_setting(values, key_min_redeem, loyalty.min_redeem_points, 0, max_money);
    settings.min_deposit_ppm =
        number_setting(values, key_min_deposit, pos::default_min_deposit_ppm, 0, pos::Rate::one);
    read_till_settings(values, settings);
}

pos::Status check_policy_settings(const pos::StoreSettings& settings) {
    const std::string& code = settings.store_code;
    if (code.size() > 16 || !std::all_of(code.begin(), code.end(), is_ascii_alnum)) {
        return pos::bad_input("Store code " + in_quotes(code) +
                              " must be up to 16 letters or digits (it starts the receipt "
                              "references printed for returns); nothing was saved");
    }
    for (const pos::Permission permission : pos::all_permissions) {
        if (!pos::role_from(pos::to_string(settings.permissions.required(permission)))) {
            return pos::bad_input("The role needed for " + std::string(pos::describe(permission)) +
                                  " is not a known role; nothing was saved");
        }
    }
    const pos::PermissionTable& table = settings.permissions;
    if (table.discount_limit.ppm < 0 || table.discount_limit.ppm > pos::Rate::one) {
        return pos::bad_input("The discount limit must be between 0% and 100%; nothing was saved");
    }
    if (table.refund_limit_minor < 0 || table.refund_limit_minor > max_money)
        return pos::bad_input("The refund limit must not be negative; nothing was saved");
    const pos::ReturnPolicy& returns = settings.returns;
    if (returns.lowest_price_days < 1 || returns.lowest_price_days > max_days ||
        returns.limit_days < 1 || returns.limit_days > max_days) {
        return pos::bad_input("The returns periods must be 1 to " + std::to_string(max_days) +
                              " days; nothing was saved");
    }
    if (returns.limit_count < 0 || returns.limit_minor < 0 || returns.limit_minor > max_money) {
        return pos::bad_input(
            "The no-receipt return limits must not be negative; nothing was saved");
    }
    const pos::LoyaltyRules& loyalty = settings.loyalty;
    if (loyalty.points_per_unit < 0 || loyalty.points_per_unit > max_points ||
        loyalty.point_value_minor < 1 || loyalty.point_value_minor > max_money ||
        loyalty.min_redeem_points < 0 || loyalty.min_redeem_points > max_money) {
        return pos::bad_input(
            "The loyalty rules need 0 or more points per unit, a point worth at least 1 minor "
            "unit and a minimum redemption of 0 or more points; nothing was saved");
    }
    if (settings.min_deposit_ppm < 0 || settings.min_deposit_ppm > pos::Rate::one)
        return pos::bad_input(
            "The minimum deposit must be between 0% and 100% of the order; "
            "nothing was saved");
    if (settings.over_short_threshold_minor < 0 || settings.over_short_threshold_minor > max_money)
        return pos::bad_input(
            "The over/short limit for closing a till must not be negative; nothing was saved");
    return pos::ok();
}

std::vector<std::pair<std::string, std::string>> policy_setting_rows(
    const pos::StoreSettings& settings) {
    std::vector<std::pair<std::string, std::string>> rows;
    rows.emplace_back(key_store_code, settings.store_code);
    for (const pos::Permission permission : pos::all_permissions) {
        rows.emplace_back(permission_key(permission),
                          pos::to_string(settings.permissions.required(permission)));
    }
    rows.emplace_back(key_discount_limit, std::to_string(settings.permissions.discount_limit.ppm));
    rows.emplace_back(key_refund_limit, std::to_string(settings.permissions.refund_limit_minor));
    const pos::ReturnPolicy& returns = settings.returns;
    rows.emplace_back(key_lowest_price_days, std::to_string(returns.lowest_price_days));
    rows.emplace_back(key_no_receipt_cash, returns.no_receipt_cash_allowed ? "1" : "0");
    rows.emplace_back(key_limit_days, std::to_string(returns.limit_days));
    rows.emplace_back(key_limit_count, std::to_string(returns.limit_count));
    rows.emplace_back(key_limit_minor, std::to_string(returns.limit_minor));
    const pos::LoyaltyRules& loyalty = settings.loyalty;
    rows.emplace_back(key_loyalty_enabled, loyalty.enabled ? "1" : "0");
    rows.emplace_back(key_points_per_unit, std::to_string(loyalty.points_per_unit));
    rows.emplace_back(key_point_value, std::to_string(loyalty.point_value_minor));
    rows.emplace_back(key_min_redeem, std::to_string(loyalty.min_redeem_points));
    rows.emplace_back(key_min_deposit, std::to_string(settings.min_deposit_ppm));
    rows.emplace_back(key_over_short_threshold,
                      std::to_string(settings.over_short_threshold_minor));
    rows.emplace_back(key_require_open_till, settings.require_open_till ? "1" : "0");
    return rows;
}

void upsert_settings(Database& db,
                     const std::vector<std::pair<std::string_view, std::string>>& rows) {
    Statement upsert(db,
                     "INSERT INTO settings (key, value) VALUES (?, ?)"
                     " ON CONFLICT (key) DO UPDATE SET value = excluded.value");
    for (const auto& [key, value] : rows) {
        auto use = upsert.use();
        upsert.bind_all(key, value).run();
    }
}

}  // namespace db
