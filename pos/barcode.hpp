// What a scanned or keyed code is, before it is looked up.
#pragma once

#include <string>
#include <string_view>

#include "pos/result.hpp"

namespace pos {

// GTIN-8/12/13/14: the mod-10 check digit the last digit must equal, for the digits before it.
char gtin_check_digit(std::string_view digits_without_check);
bool is_gtin_length(std::size_t length);

// Trims whitespace and a trailing CR/LF from scanner input. A numeric code of GTIN length must
// carry a valid check digit; shorter all-digit codes are in-store PLUs. Anything else (letters,
// control characters, an empty scan) is bad input with a message saying what was wrong.
Result<std::string> normalise_scanned_code(std::string_view raw);

}  // namespace pos
