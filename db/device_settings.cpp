// The terminal's device settings, as "devices.*" keys in the settings table. Absent keys read
// as the defaults (auto-detect); a damaged number is a StoreFailure naming the key. The profile
// and code page texts are stored as given: what they mean is the receipts library's business.
#include <cctype>
#include <string_view>
#include <utility>
#include <vector>

#include "db/format.hpp"
#include "db/policy_settings.hpp"
#include "db/sqlite_store.hpp"

namespace db {

namespace {

constexpr std::string_view key_printer = "devices.printer";
constexpr std::string_view key_printer_profile = "devices.printer_profile";
constexpr std::string_view key_printer_code_pages = "devices.printer_code_pages";
constexpr std::string_view key_scanner = "devices.scanner";
constexpr std::string_view key_wedge_prefix = "devices.wedge_prefix";
constexpr std::string_view key_wedge_suffix = "devices.wedge_suffix";
constexpr std::string_view key_drawer_pin = "devices.drawer_pin";
constexpr std::string_view key_drawer_on_ms = "devices.drawer_on_ms";
constexpr std::string_view key_drawer_off_ms = "devices.drawer_off_ms";

// ESC p sends the pulse times in 2 ms units in one byte: 2..510 ms; under 10 ms no drawer opens.
constexpr int min_pulse_ms = 10;
constexpr int max_pulse_ms = 510;

bool is_hex4(std::string_view text) {
    if (text.size() != 4)
        return false;
    for (const char c : text)
        if (std::isxdigit(static_cast<unsigned char>(c)) == 0)
            return false;
    return true;
}

// "" (find one), "virtual", or "usb:vvvv:pppp".
bool valid_device(std::string_view text) {
    if (text.empty() || text == "virtual")
        return true;
    return text.size() == 13 && text.substr(0, 4) == "usb:" && is_hex4(text.substr(4, 4)) &&
           text[8] == ':' && is_hex4(text.substr(9, 4));
}

pos::Status check_device(std::string_view what, const std::string& value) {
    if (valid_device(value))
        return pos::ok();
    return pos::bad_input(std::string(what) + " " + in_quotes(value) +
                          " must be empty (find it), \"virtual\", or \"usb:\" then the vendor and "
                          "product ids as 4 hex digits each, such as usb:04b8:0e15; nothing was "
                          "saved");
}

pos::Status check_pulse(std::string_view what, int ms) {
    if (ms >= min_pulse_ms && ms <= max_pulse_ms)
        return pos::ok();
    return pos::bad_input("The drawer pulse " + std::string(what) + " time of " +
                          std::to_string(ms) + " ms is not between " +
                          std::to_string(min_pulse_ms) + " and " + std::to_string(max_pulse_ms) +
                          " ms; nothing was saved");
}

pos::Status check_single_line(std::string_view what, const std::string& value) {
    if (!has_control_character(value))
        return pos::ok();
    return pos::bad_input(std::string(what) + " " + in_quotes(value) +
                          " must be a single line of text; nothing was saved");
}

pos::Status check_drawer_pin(int pin) {
    if (pin == 0 || pin == 1)
        return pos::ok();
    return pos::bad_input("The drawer pin " + std::to_string(pin) +
                          " must be 0 (connector pin 2) or 1 (connector pin 5); nothing was "
                          "saved");
}

// The first thing wrong, in the order the devices screen shows the fields.
pos::Status check_device_settings(const DeviceSettings& s) {
    if (auto checked = check_device("The printer", s.printer); !checked)
        return checked;
    if (auto checked = check_single_line("The printer profile", s.printer_profile); !checked)
        return checked;
    if (auto checked = check_single_line("The printer code pages", s.printer_code_pages); !checked)
        return checked;
    if (auto checked = check_device("The scanner", s.scanner); !checked)
        return checked;
    if (auto checked = check_drawer_pin(s.drawer_pin); !checked)
        return checked;
    if (auto checked = check_pulse("on", s.drawer_on_ms); !checked)
        return checked;
    return check_pulse("off", s.drawer_off_ms);
}

std::string text_setting(const SettingValues& values, std::string_view key) {
    const auto found = values.find(std::string(key));
    return found == values.end() ? std::string() : found->second;
}

int int_setting(const SettingValues& values, std::string_view key, int fallback, int low,
                int high) {
    return static_cast<int>(number_setting(values, key, fallback, low, high));
}

}  // namespace

DeviceSettings read_device_settings(Database& db) {
    Statement query(db, "SELECT key, value FROM settings WHERE key GLOB 'devices.*' ORDER BY key");
    SettingValues values;
    while (query.step())
        values[query.column_text(0)] = query.column_text(1);
    DeviceSettings s;
    s.printer = text_setting(values, key_printer);
    s.printer_profile = text_setting(values, key_printer_profile);
    s.printer_code_pages = text_setting(values, key_printer_code_pages);
    s.scanner = text_setting(values, key_scanner);
    s.wedge_prefix = text_setting(values, key_wedge_prefix);
    s.wedge_suffix = text_setting(values, key_wedge_suffix);
    s.drawer_pin = int_setting(values, key_drawer_pin, s.drawer_pin, 0, 1);
    s.drawer_on_ms =
        int_setting(values, key_drawer_on_ms, s.drawer_on_ms, min_pulse_ms, max_pulse_ms);
    s.drawer_off_ms =
        int_setting(values, key_drawer_off_ms, s.drawer_off_ms, min_pulse_ms, max_pulse_ms);
    return s;
}

pos::Status write_device_settings(Database& db, const DeviceSettings& s) {
    if (auto checked = check_device_settings(s); !checked)
        return checked;
    const std::vector<std::pair<std::string_view, std::string>> rows = {
        {key_printer, s.printer},
        {key_printer_profile, s.printer_profile},
        {key_printer_code_pages, s.printer_code_pages},
        {key_scanner, s.scanner},
        {key_wedge_prefix, s.wedge_prefix},
        {key_wedge_suffix, s.wedge_suffix},
        {key_drawer_pin, std::to_string(s.drawer_pin)},
        {key_drawer_on_ms, std::to_string(s.drawer_on_ms)},
        {key_drawer_off_ms, std::to_string(s.drawer_off_ms)},
    };
    try {
        Transaction transaction(db);
        upsert_settings(db, rows);
        transaction.commit();
    } catch (const SqliteError& error) {
        return pos::store_failure(std::string("The device settings could not be saved (") +
                                  error.what() + "); nothing was changed");
    }
    return pos::ok();
}

}  // namespace db
