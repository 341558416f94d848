// One entry point for whatever the scanner (or the clerk) sends: AIM symbology identifier, EAN/UPC
// with add-on, UPC-E, GS1 element strings, weighed and pre-priced in-store labels, keyed PLUs.
// The result says which code to look up in the catalogue and what else the code carried.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "pos/barcode.hpp"
#include "pos/gs1.hpp"
#include "pos/result.hpp"
#include "pos/variable_measure.hpp"

namespace pos {

enum class Symbology {
    ean_upc,         // ]E0 EAN-13, UPC-A or UPC-E; ]E3 the same with its add-on
    ean8,            // ]E4
    ean_add_on,      // ]E1, ]E2: a 2- or 5-digit add-on read on its own
    gs1_128,         // ]C1
    gs1_databar,     // ]e0
    gs1_datamatrix,  // ]d2
    gs1_qr,          // ]Q3
    code128,         // ]C0
    code39,          // ]A0 and the other Code 39 modifiers
    itf,             // ]I0, ]I1, ]I3 Interleaved 2 of 5 (ITF-14 carries a GTIN-14)
    datamatrix,      // ]d1 Data Matrix without GS1 data
    qr,              // ]Q1 QR Code without GS1 data
};
std::string_view to_string(Symbology symbology);  // "EAN-13/UPC-A", "GS1-128", ...

// An AIM symbology identifier, "]" + code character + modifier (ISO/IEC 15424), as a scanner
// sends it in front of the data when told to.
struct AimId {
    std::string id;  // "]E0"
    Symbology symbology;
};
// Reads the identifier at the start of a scan that starts with "]". An unknown or incomplete one
// is bad input naming it.
Result<AimId> read_aim_id(std::string_view scan);

enum class ScannedKind {
    gtin,              // a retail GTIN, in canonical form (see canonical_gtin)
    in_store_code,     // a keyed or printed PLU / in-store number: any all-digit code that is not
                       // of GTIN length, looked up as it is
    variable_measure,  // a weighed or pre-priced label: lookup_code is the product's base code
    gs1,               // a GS1 element string: lookup_code is its AI (01) GTIN, canonical
};

struct ScannedCode {
    std::string lookup_code;  // what the catalogue is searched for
    ScannedKind kind = ScannedKind::gtin;
    std::optional<Symbology> symbology;  // when the scanner sent an AIM identifier
    // An EAN/UPC 2- or 5-digit add-on (]E1/]E2 packet or ]E3): kept, but not part of the lookup
    // (it is an issue number or a suggested price, not the item).
    std::optional<std::string> add_on;
    std::optional<Decimal> price;       // embedded in a label, or AI 392n/393n; to_minor_units
    std::optional<int> price_currency;  // AI 393n: ISO 4217 numeric code
    std::optional<std::int64_t> weight_grams;  // the quantity in milli-kg: label or AI 310n
    std::optional<Gs1Data> gs1;                // every AI, when it was a GS1 element string
    std::string layout_name;                   // the variable-measure layout that read it
};

// What an 8-digit code without a symbology identifier is. EAN-8 and UPC-E are both 8 digits, and
// only the scanner knows which it read; with AIM identifiers on (]E4 / ]E0) there is no doubt.
enum class EightDigitCodes {
    ean8,   // always EAN-8
    upc_e,  // always UPC-E (a scanner that sends UPC-E unexpanded, and no EAN-8 sold)
    // EAN-8 if its check digit fits; otherwise UPC-E if that check digit fits. About one UPC-E
    // in ten also passes as an EAN-8 and is read as one: where that matters, turn on AIM
    // identifiers in the scanner or choose upc_e.
    ean8_else_upc_e,
};

struct ScanRules {
    std::vector<VariableMeasureLayout> layouts = layouts::presets();
    EightDigitCodes eight_digit_codes = EightDigitCodes::ean8_else_upc_e;
    int current_year = 0;  // for the century of GS1 dates (see parse_gs1); 0 reads YY as 20YY
};

// Decodes one scan or keyed code. Trims spaces, tabs, CR and LF; strips and reports an AIM
// identifier; then, by what the data is:
//   - a GS1 element string (a GS1 symbology, the "(01)..." form, a GS character, or more than
//     14 digits starting 01): parsed by parse_gs1; AI (01) is the item, 310n the quantity;
//   - 12 or 13 digits whose GTIN-13 form starts with a layout's prefix: a variable-measure
//     label;
//   - 8, 12, 13 or 14 digits: a GTIN with its check digit, in canonical form (8 digits: see
//     EightDigitCodes);
//   - any other all-digit code up to 14 digits: an in-store code (PLU), as it is.
// Failures say which rule broke, with the wording of normalise_scanned_code for the cases it
// covers (empty, digits only, too long, wrong check digit "the last digit should be N").
Result<ScannedCode> decode_scan(std::string_view raw, const ScanRules& rules = {});

}  // namespace pos
