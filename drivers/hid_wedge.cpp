// Keyboard-wedge scanners: boot keyboard reports, US layout.
#include <algorithm>
#include <array>
#include <cstdio>
#include <utility>

#include "drivers/hid.hpp"

namespace drivers {

namespace {

constexpr std::size_t report_size = 8;
constexpr std::uint8_t shift_bits = 0x02 | 0x20;  // left shift, right shift
constexpr std::uint8_t key_rollover = 0x01;       // "too many keys": the report says nothing
constexpr std::uint8_t key_enter = 0x28;
constexpr std::uint8_t key_tab = 0x2b;
constexpr std::uint8_t key_keypad_enter = 0x58;

struct Key {
    std::uint8_t code;
    char plain;
    char shifted;
};

// The punctuation keys of the US layout, the keypad (which ignores shift here), Tab and Enter.
constexpr std::array<Key, 30> other_keys{{
    {0x2c, ' ', ' '},  {0x2d, '-', '_'}, {0x2e, '=', '+'},   {0x2f, '[', '{'},   {0x30, ']', '}'},
    {0x31, '\\', '|'}, {0x33, ';', ':'}, {0x34, '\'', '"'},  {0x35, '`', '~'},   {0x36, ',', '<'},
    {0x37, '.', '>'},  {0x38, '/', '?'}, {0x54, '/', '/'},   {0x55, '*', '*'},   {0x56, '-', '-'},
    {0x57, '+', '+'},  {0x59, '1', '1'}, {0x5a, '2', '2'},   {0x5b, '3', '3'},   {0x5c, '4', '4'},
    {0x5d, '5', '5'},  {0x5e, '6', '6'}, {0x5f, '7', '7'},   {0x60, '8', '8'},   {0x61, '9', '9'},
    {0x62, '0', '0'},  {0x63, '.', '.'}, {0x2b, '\t', '\t'}, {0x28, '\n', '\n'}, {0x58, '\n', '\n'},
}};

constexpr const char* digits_plain = "1234567890";
constexpr const char* digits_shifted = "!@#$%^&*()";

// The character a key gives, or 0 when the layout does not know the key.
char key_char(std::uint8_t code, bool shift) {
    if (code >= 0x04 && code <= 0x1d)
        return static_cast<char>((shift ? 'A' : 'a') + (code - 0x04));
    if (code >= 0x1e && code <= 0x27)
        return (shift ? digits_shifted : digits_plain)[code - 0x1e];
    for (const auto& key : other_keys) {
        if (key.code == code)
            return shift ? key.shifted : key.plain;
    }
    return 0;
}

// The key (and whether it needs shift) that types `c`; the first match, so '1' is the top
// row key rather than the keypad one.
std::optional<std::pair<std::uint8_t, bool>> char_key(char c) {
    for (int code = 0x04; code <= 0x63; ++code) {
        for (const bool shift : {false, true}) {
            if (key_char(static_cast<std::uint8_t>(code), shift) == c)
                return std::pair{static_cast<std::uint8_t>(code), shift};
        }
    }
    return std::nullopt;
}

std::string hex(std::uint8_t byte) {
    char text[8];
    std::snprintf(text, sizeof text, "0x%02x", byte);
    return text;
}

bool starts_with(const std::string& text, const std::string& part) {
    return text.size() >= part.size() && text.compare(0, part.size(), part) == 0;
}

bool ends_with(const std::string& text, const std::string& part) {
    return text.size() >= part.size() &&
           text.compare(text.size() - part.size(), part.size(), part) == 0;
}

}  // namespace

ReportResult WedgeDecoder::feed(const std::vector<std::uint8_t>& report) {
    ReportResult result;
    // A broken report may have hidden keys of the code in progress: drop that code and ignore
    // keys up to its terminator, so what follows cannot come out as a shorter, wrong code.
    const auto drop_code = [this, &result](std::string problem) {
        if (!pending_.empty())
            discarding_ = true;
        pending_.clear();
        result.problem = std::move(problem);
    };
    if (report.size() != report_size) {
        keys_down_.clear();
        drop_code("keyboard report of " + std::to_string(report.size()) +
                  " bytes, expected 8; the code being read was dropped");
        return result;
    }
    if (std::all_of(report.begin() + 2, report.end(),
                    [](std::uint8_t key) { return key == key_rollover; })) {
        keys_down_.clear();
        drop_code(
            "keyboard rollover error report (too many keys at once); the code being "
            "read was dropped");
        return result;
    }

    const bool shift = (report[0] & shift_bits) != 0;
    std::vector<std::uint8_t> now_down;
    for (std::size_t slot = 2; slot < report_size; ++slot) {
        const std::uint8_t code = report[slot];
        if (code == 0)
            continue;
        now_down.push_back(code);
        if (std::find(keys_down_.begin(), keys_down_.end(), code) != keys_down_.end())
            continue;  // still held from the previous report: not a new character
        key_pressed(code, shift, result);
    }
    keys_down_ = std::move(now_down);
    return result;
}

void WedgeDecoder::key_pressed(std::uint8_t code, bool shift, ReportResult& result) {
    const bool terminator = code == key_enter || code == key_keypad_enter ||
                            (code == key_tab && options_.tab_ends_code);
    if (terminator) {
        finish_code(result);
        return;
    }
    if (discarding_)
        return;
    const char c = key_char(code, shift);
    if (c == 0) {
        pending_.clear();
        discarding_ = true;  // the rest of this code is not worth reading
        result.problem = "scanner sent key code " + hex(code) +
                         ", which the US keyboard layout does not have; the code being read "
                         "was dropped";
        return;
    }
    pending_ += c;
}

void WedgeDecoder::finish_code(ReportResult& result) {
    std::string code = std::move(pending_);
    pending_.clear();
    if (discarding_) {
        discarding_ = false;
        return;
    }
    if (!options_.prefix.empty() && starts_with(code, options_.prefix))
        code.erase(0, options_.prefix.size());
    if (!options_.suffix.empty() && ends_with(code, options_.suffix))
        code.erase(code.size() - options_.suffix.size());
    if (code.empty())
        return;
    if (result.scan) {
        // Two codes ended within one report; a report can carry only one.
        result.problem =
            "two codes ended in one keyboard report; the second (" + code + ") was dropped";
        return;
    }
    result.scan = ScanData{std::move(code), {}};
}

void WedgeDecoder::reset() {
    pending_.clear();
    keys_down_.clear();
    discarding_ = false;
}

std::vector<std::vector<std::uint8_t>> wedge_reports(const std::string& code,
                                                     const std::string& terminator) {
    std::vector<std::vector<std::uint8_t>> reports;
    // Characters the US layout cannot type are left out; "\r" is Enter too.
    for (const char c : code + terminator) {
        const auto key = char_key(c == '\r' ? '\n' : c);
        if (!key)
            continue;
        const std::uint8_t modifiers = key->second ? 0x02 : 0x00;
        reports.push_back({modifiers, 0, key->first, 0, 0, 0, 0, 0});
        reports.push_back(std::vector<std::uint8_t>(report_size, 0));
    }
    return reports;
}

}  // namespace drivers
