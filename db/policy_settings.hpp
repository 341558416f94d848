// Reading, checking and writing the policy part of the store's settings: permissions and their
// limits, the returns policy, the store code. Internal to db/.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "db/sqlite.hpp"
#include "pos/result.hpp"
#include "pos/store_settings.hpp"

namespace db {

using SettingValues = std::map<std::string, std::string>;  // the settings table, key -> value

// The whole number stored under `key`, between low and high; `fallback` when the key is absent
// (a store from before the setting). Throws pos::StoreFailure naming the key otherwise.
std::int64_t number_setting(const SettingValues& values, std::string_view key,
                            std::int64_t fallback, std::int64_t low, std::int64_t high);

// Fills settings.store_code, .permissions, .returns, .loyalty, .min_deposit_ppm and the till
// settings (over_short_threshold_minor, require_open_till); defaults for absent keys. Throws
// pos::StoreFailure naming the key for a value that is not a role or a number in range.
void read_policy_settings(const SettingValues& values, pos::StoreSettings& settings);
// bad_input naming what is wrong, before anything is written.
pos::Status check_policy_settings(const pos::StoreSettings& settings);
// The (key, value) rows save_settings writes.
std::vector<std::pair<std::string, std::string>> policy_setting_rows(
    const pos::StoreSettings& settings);

// Sets each key to its value in the settings table (insert or replace), in the caller's
// transaction: the one way store and device settings are written.
void upsert_settings(Database& db,
                     const std::vector<std::pair<std::string_view, std::string>>& rows);

}  // namespace db
