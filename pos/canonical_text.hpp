// Canonical text: the journal's line-per-field encoding ("key=value\n", values escaped so every
// value is one line). Written by the terminal (db/journal.cpp) and read back by head office when
// it folds uploaded entries into sales and stock, so both sides share this one definition.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace pos {

// Builds canonical text: one "key=value" line per field, LF-terminated, in the order written.
// Integers in decimal; text escaped so that every value is one line (see escape_value).
class Canonical {
  public:
    Canonical& field(std::string_view key, std::string_view value);
    Canonical& field(std::string_view key, const std::string& value) {
        return field(key, std::string_view(value));
    }
    Canonical& field(std::string_view key, const char* value) {
        return field(key, std::string_view(value));
    }
    Canonical& field(std::string_view key, std::int64_t value);
    Canonical& field(std::string_view key, int value) {
        return field(key, static_cast<std::int64_t>(value));
    }
    Canonical& field(std::string_view key, bool value) = delete;  // write 0 or 1 explicitly
    const std::string& text() const { return text_; }

  private:
    std::string text_;
};

// "\" -> "\\", LF -> "\n", CR -> "\r", TAB -> "\t", other bytes below 0x20 and 0x7F -> "\xHH"
// (lower-case hex); every other byte (UTF-8 included) as it is.
std::string escape_value(std::string_view text);
std::string unescape_value(std::string_view text);
// The value of the first line "key=..." in canonical text, unescaped; nullopt when absent.
std::optional<std::string> canonical_field(std::string_view text, std::string_view key);

}  // namespace pos
