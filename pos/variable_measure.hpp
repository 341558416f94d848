// Variable-measure in-store codes: EAN-13 labels a scale or the back room prints with the price
// or the weight inside the code (GS1 prefixes 20-29, and 02 for a UPC-A with number system 2).
// What the digits mean is set per country or per retailer, so it is data: a layout.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "pos/barcode.hpp"
#include "pos/result.hpp"

namespace pos {

enum class EmbeddedValue { price, weight };

// Positions are 0-based indexes into the 13-digit code (a UPC-A counts with its leading 0);
// index 12 is the EAN-13 check digit.
struct VariableMeasureLayout {
    std::string name;                   // for messages: "price in cents"
    std::vector<std::string> prefixes;  // leading digits this layout applies to: "21", "02"
    EmbeddedValue value_kind = EmbeddedValue::price;
    int item_start = 2;
    int item_length = 5;
    int value_start = 7;
    int value_length = 5;
    // price: decimals of the currency amount (2: cents); weight: decimals of the kilograms
    // (3: grams, at most 3).
    int value_decimals = 2;
    // Where the price (or measure) verifier digit of a 4- or 5-digit value is, if the layout
    // has one (GS1 General Specifications 7.9.2-7.9.4).
    std::optional<int> value_check_position;
};

// Preset layouts. Each country's GS1 organisation assigns the prefixes; these are common ones.
namespace layouts {
// 21, 22: 2x IIIII PPPPP C, price in cents, no price check digit.
VariableMeasureLayout price_in_cents();
// 23-27: 2x IIIII WWWWW C, weight in grams.
VariableMeasureLayout weight_in_grams();
// 20: 20 IIIII V PPPP C, price in pence with a 4-digit price verifier digit (GS1 UK).
VariableMeasureLayout price_with_check_digit();
// 28, 29: 2x IIII V WWWWW C, weight in grams with a 5-digit measure verifier digit
// (GS1 Germany).
VariableMeasureLayout weight_with_check_digit();
// 02: a UPC-A with number system 2, 0 2 IIIII V PPPP C, price in cents with a 4-digit price
// verifier digit.
VariableMeasureLayout upc_price_with_check_digit();
// All of the above; their prefixes do not overlap.
std::vector<VariableMeasureLayout> presets();
}  // namespace layouts

// The price/measure verifier digit of a 4- or 5-digit value (GS1 General Specifications 7.9.3
// and 7.9.4, weighting factors 2-, 3, 5+, 5-). Other lengths throw std::invalid_argument.
char price_check_digit(std::string_view value_digits);

// A layout that cannot be applied (positions outside the code or overlapping, no prefix, a
// verifier digit for a value that is not 4 or 5 digits, ...) is refused with what is wrong.
Status check_layout(const VariableMeasureLayout& layout);

// The first layout one of whose prefixes the 13-digit code starts with, or nullptr.
const VariableMeasureLayout* find_layout(std::span<const VariableMeasureLayout> layouts,
                                         std::string_view code13);

struct VariableMeasure {
    // The code with the value digits (and the verifier digit) zeroed and the EAN-13 check digit
    // recomputed: the code the product is stored under (variable_measure_base_code).
    std::string lookup_code;
    std::string item_reference;
    std::string layout_name;
    std::optional<Decimal> price;              // for a price layout
    std::optional<std::int64_t> weight_grams;  // for a weight layout: the quantity in milli-kg
};

// Reads a 13-digit label by a layout: checks the EAN-13 check digit and the verifier digit and
// takes out the item reference and the value.
Result<VariableMeasure> decode_variable_measure(std::string_view code13,
                                                const VariableMeasureLayout& layout);

// The catalogue code of a variable-measure product: prefix (one of the layout's) and item
// reference (at most item_length digits, zero-padded on the left), value digits zero.
Result<std::string> variable_measure_base_code(const VariableMeasureLayout& layout,
                                               std::string_view prefix,
                                               std::string_view item_reference);

// A full label code, as a scale prints it: the value is in the layout's units (cents, grams).
Result<std::string> make_variable_measure_code(const VariableMeasureLayout& layout,
                                               std::string_view prefix,
                                               std::string_view item_reference, std::int64_t value);

}  // namespace pos
