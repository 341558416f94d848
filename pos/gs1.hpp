// GS1 element strings: the Application Identifier (AI) data carried by GS1-128, GS1 DataBar,
// GS1 DataMatrix and GS1 QR Code, read by the rules of the GS1 General Specifications: the AI
// definitions, FNC1 separators, and the century of YYMMDD dates (section 7.12).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "pos/barcode.hpp"
#include "pos/result.hpp"

namespace pos {

// The FNC1 field separator as scanners transmit it (ASCII GS).
inline constexpr char gs1_separator = '\x1d';

struct Gs1Date {
    int year = 0;               // four digits, by the GS1 century rule (see parse_gs1)
    int month = 0;              // 1-12
    int day = 0;                // 1-31; DD=00 on the label means the last day of the month
    bool end_of_month = false;  // the label said DD=00
    friend bool operator==(const Gs1Date&, const Gs1Date&) = default;
};

struct Gs1Element {
    std::string ai;     // "01", "3103"
    std::string value;  // the data after the AI, without separator
    friend bool operator==(const Gs1Element&, const Gs1Element&) = default;
};

// What a GS1 element string says. Every element is in `elements`, in order; the ones a till
// uses are also read into typed fields.
struct Gs1Data {
    std::vector<Gs1Element> elements;
    std::optional<std::string> sscc;               // (00), 18 digits
    std::optional<std::string> gtin;               // (01), 14 digits as encoded
    std::optional<std::string> content_gtin;       // (02), 14 digits as encoded
    std::optional<std::string> batch;              // (10)
    std::optional<Gs1Date> production_date;        // (11)
    std::optional<Gs1Date> due_date;               // (12)
    std::optional<Gs1Date> packaging_date;         // (13)
    std::optional<Gs1Date> best_before;            // (15)
    std::optional<Gs1Date> sell_by;                // (16)
    std::optional<Gs1Date> expiry;                 // (17)
    std::optional<std::string> variant;            // (20)
    std::optional<std::string> serial;             // (21)
    std::optional<std::int64_t> variable_count;    // (30)
    std::optional<std::int64_t> count;             // (37)
    std::optional<Decimal> net_weight_kg;          // (310n), exactly as encoded
    std::optional<std::int64_t> net_weight_grams;  // (310n) in grams, rounded half up below 1 g
    std::optional<Decimal> net_weight_lb;          // (320n), exactly as encoded
    std::optional<Decimal> price;                  // (392n) or (393n): price of the item
    std::optional<int> price_currency;             // (393n): ISO 4217 numeric code, 978 = EUR
};

// Reads an element string in either form:
//   - as transmitted: AI and data run together, "0109521234543213" "10ABC123" GS "17251231",
//     where a GS ends every field whose length is not predefined by its AI unless it is last
//     (superfluous GSs are skipped: after a predefined-length field, doubled, or leading, where
//     a scanner sends the symbol's first FNC1);
//   - human-readable: "(01)09521234543213(10)ABC123(17)251231"; spaces around values are
//     ignored. A value containing "(" cannot be read in this form.
// Each failure names the rule: unknown AI, bad length, value too long / missing GS separator,
// non-numeric data, a character outside the GS1 character set, bad check digit, bad date, an AI
// given twice. Dates YYMMDD are placed in a century by the GS1 rule relative to `current_year`
// (YY more than 50 years ahead is last century, more than 49 behind is next); current_year 0
// reads every YY as 20YY.
Result<Gs1Data> parse_gs1(std::string_view element_string, int current_year = 0);

// True if the text is written in the human-readable "(01)..." form.
bool is_gs1_human_readable(std::string_view text);

// The last day of a month (1-12) in a given year.
int days_in_month(int year, int month);

}  // namespace pos
