// What a scanned or keyed code is, before it is looked up: GTIN check digits and forms.
// Scanner input as a whole (symbology ids, GS1 strings, weighed labels) is read by decode_scan in
// pos/scan_decode.hpp, which builds on these.
#pragma once

#include <cstdint>
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

// UPC-E (8 digits: number system 0 or 1, six digits, check digit) to the UPC-A (GTIN-12) it is a
// zero-suppressed form of, by the rule the sixth digit selects (0-2, 3, 4, 5-9). The check digit
// is the UPC-A's, so it is checked after expanding.
Result<std::string> expand_upc_e(std::string_view upc_e);

// The one form a retail GTIN is stored and looked up under, so that a product is found however
// its code was printed or transmitted:
//   - GTIN-13: every EAN-13; a UPC-A with a 0 in front (036000291452 -> 0036000291452); a
//     GTIN-14 whose indicator digit is 0 (the same number zero-padded, as AI (01) carries it).
//     A UPC-E is expanded to its UPC-A first (expand_upc_e).
//   - GTIN-8 stays 8 digits, also when it arrives zero-padded to 12-14 digits: GS1 leaves the
//     prefixes 0000001-0000099 unused so that 00000 + an 8-digit code can only be a GTIN-8
//     (0000000 is kept for company-internal numbers, so those stay 13 digits).
//   - A GTIN-14 with indicator 1-9 (a case, or a variable-measure trade item) stays 14 digits.
// Takes 8, 12, 13 or 14 digits with a valid check digit; an 8-digit code is read as an EAN-8.
Result<std::string> canonical_gtin(std::string_view digits);

// A number read from a barcode with an implied decimal point: {1234, 2} is 12.34. Prices and
// measures stay in this form (no floating point) until they meet a currency or a unit.
struct Decimal {
    std::int64_t value = 0;
    int decimals = 0;
    friend bool operator==(const Decimal&, const Decimal&) = default;
};
std::string to_string(Decimal number);  // {1234, 2} -> "12.34"
// The same amount in minor units of a currency with `exponent` decimals ({1234, 2} -> 1234 for
// EUR, {1230, 3} -> 123). Refuses an amount that has finer digits than the currency, or that
// does not fit, rather than round money.
Result<std::int64_t> to_minor_units(Decimal amount, int exponent);

// Scanner input without surrounding spaces, tabs, CR and LF.
std::string_view trim_scan(std::string_view raw);
bool is_all_digits(std::string_view text);  // false for an empty text
// Scanned text for a message: control and non-ASCII bytes as \xNN.
std::string printable_scan(std::string_view raw);

}  // namespace pos
