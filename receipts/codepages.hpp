// UTF-8 to single-byte printer code pages: which pages have a character, its byte there, and a
// transliteration for characters no page has. Never a wrong glyph: a character that has neither a
// code page byte nor a transliteration becomes '?'.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "receipts/printer_profile.hpp"

namespace receipts {

// UTF-8 -> code points; malformed bytes become U+FFFD.
std::u32string decode_utf8(std::string_view utf8);
std::string encode_utf8(std::u32string_view text);

// The byte for a code point in a code page, if the page has it (printable ASCII maps to itself;
// control characters are on no page, so text can never become a printer command).
std::optional<std::uint8_t> to_code_page(char32_t c, CodePage page);
// The code point a byte stands for in a code page (for the decoder).
char32_t from_code_page(std::uint8_t byte, CodePage page);

// ASCII stand-ins for characters that no code page has: curly quotes to straight ones, dashes
// to '-', ellipsis to "...", "€" to "EUR" only when asked (callers prefer CP858), etc. Empty when
// there is none.
std::string transliterate(char32_t c);

}  // namespace receipts
