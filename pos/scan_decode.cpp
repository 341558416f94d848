#include "pos/scan_decode.hpp"

#include <array>

namespace pos {

namespace {

struct AimEntry {
    std::string_view id;
    Symbology symbology;
};

// The identifiers a till meets (ISO/IEC 15424; modifiers as scanner manuals list them).
constexpr std::array<AimEntry, 21> aim_table{{
    {"]E0", Symbology::ean_upc},     {"]E3", Symbology::ean_upc},
    {"]E4", Symbology::ean8},        {"]E1", Symbology::ean_add_on},
    {"]E2", Symbology::ean_add_on},  {"]C1", Symbology::gs1_128},
    {"]e0", Symbology::gs1_databar}, {"]d2", Symbology::gs1_datamatrix},
    {"]Q3", Symbology::gs1_qr},      {"]C0", Symbology::code128},
    {"]A0", Symbology::code39},      {"]A1", Symbology::code39},
    {"]A3", Symbology::code39},      {"]A4", Symbology::code39},
    {"]A5", Symbology::code39},      {"]A7", Symbology::code39},
    {"]I0", Symbology::itf},         {"]I1", Symbology::itf},
    {"]I3", Symbology::itf},         {"]d1", Symbology::datamatrix},
    {"]Q1", Symbology::qr},
}};

bool is_gs1_symbology(Symbology s) {
    return s == Symbology::gs1_128 || s == Symbology::gs1_databar ||
           s == Symbology::gs1_datamatrix || s == Symbology::gs1_qr;
}

std::string too_long(std::string_view code) {
    return "Barcode " + std::string(code) + " is too long (" + std::to_string(code.size()) +
           " digits; at most 14)";
}

// A GTIN of 12 or 13 digits: a variable-measure label if a layout claims its prefix.
Result<ScannedCode> retail_code(std::string_view digits, const ScanRules& rules, ScannedCode out) {
    auto gtin = canonical_gtin(digits);
    if (!gtin)
        return gtin.error();
    if (gtin->size() == 13) {
        if (const VariableMeasureLayout* layout = find_layout(rules.layouts, *gtin)) {
            auto label = decode_variable_measure(*gtin, *layout);
            if (!label)
                return label.error();
            out.kind = ScannedKind::variable_measure;
            out.lookup_code = label->lookup_code;
            out.price = label->price;
            out.weight_grams = label->weight_grams;
            out.layout_name = label->layout_name;
            return out;
        }
    }
    out.kind = ScannedKind::gtin;
    out.lookup_code = std::move(gtin).value();
    return out;
}

Result<ScannedCode> upc_e_code(std::string_view digits, ScannedCode out) {
    auto upc_a = expand_upc_e(digits);
    if (!upc_a)
        return upc_a.error();
    auto gtin = canonical_gtin(*upc_a);
    if (!gtin)
        return gtin.error();
    out.kind = ScannedKind::gtin;
    out.lookup_code = std::move(gtin).value();
    return out;
}

Result<ScannedCode> eight_digits(std::string_view digits, const ScanRules& rules, ScannedCode out) {
    if (rules.eight_digit_codes == EightDigitCodes::upc_e)
        return upc_e_code(digits, std::move(out));
    auto ean8 = canonical_gtin(digits);
    if (!ean8 && rules.eight_digit_codes == EightDigitCodes::ean8_else_upc_e) {
        if (auto upc_e = upc_e_code(digits, out))
            return upc_e;
    }
    if (!ean8)
        return ean8.error();
    out.kind = ScannedKind::gtin;
    out.lookup_code = std::move(ean8).value();
    return out;
}

// All-digit data of any symbology that is not GS1 or EAN/UPC, and keyed codes.
Result<ScannedCode> plain_code(std::string_view code, const ScanRules& rules, ScannedCode out) {
    if (!is_all_digits(code)) {
        return bad_input("Barcode '" + printable_scan(code) +
                         "' is not readable: it should contain digits only. Scan it again or key "
                         "the digits");
    }
    if (code.size() > 14)
        return bad_input(too_long(code));
    switch (code.size()) {
        case 8:
            return eight_digits(code, rules, std::move(out));
        case 12:
        case 13:
            return retail_code(code, rules, std::move(out));
        case 14: {
            auto gtin = canonical_gtin(code);
            if (!gtin)
                return gtin.error();
            out.kind = ScannedKind::gtin;
            out.lookup_code = std::move(gtin).value();
            return out;
        }
        default:
            out.kind = ScannedKind::in_store_code;
            out.lookup_code = std::string(code);
            return out;
    }
}

Result<ScannedCode> gs1_code(std::string_view data, const ScanRules& rules, ScannedCode out) {
    auto parsed = parse_gs1(data, rules.current_year);
    if (!parsed)
        return parsed.error();
    if (!parsed->gtin) {
        return bad_input(
            "GS1 code has no GTIN (AI 01), so there is no item to look up: scan the item's "
            "own barcode");
    }
    auto gtin = canonical_gtin(*parsed->gtin);
    if (!gtin)
        return gtin.error();
    out.kind = ScannedKind::gs1;
    out.lookup_code = std::move(gtin).value();
    out.weight_grams = parsed->net_weight_grams;
    out.price = parsed->price;
    out.price_currency = parsed->price_currency;
    out.gs1 = std::move(parsed).value();
    return out;
}

// An add-on sent as a second packet after the main code: "]E1" + 2 digits or "]E2" + 5 digits.
Result<std::string> read_add_on(std::string_view packet) {
    const bool two = packet.substr(0, 3) == "]E1" && packet.size() == 5;
    const bool five = packet.substr(0, 3) == "]E2" && packet.size() == 8;
    if ((!two && !five) || !is_all_digits(packet.substr(3))) {
        return bad_input("Add-on '" + printable_scan(packet) +
                         "' after the barcode is not readable: it should be ]E1 and 2 digits or "
                         "]E2 and 5 digits");
    }
    return std::string(packet.substr(3));
}

Result<ScannedCode> ean_upc_code(std::string_view id, std::string_view data, const ScanRules& rules,
                                 ScannedCode out) {
    std::string_view main = data;
    if (id == "]E3") {
        // Main code and add-on in one packet: 13 digits, then 2 or 5.
        if (!is_all_digits(data) || (data.size() != 15 && data.size() != 18)) {
            return bad_input("Barcode '" + printable_scan(data) + "' (" + std::string(id) +
                             ") has a bad length: 13 digits and a 2- or 5-digit add-on");
        }
        main = data.substr(0, 13);
        out.add_on = std::string(data.substr(13));
    } else if (const std::size_t packet = data.find(']'); packet != std::string_view::npos) {
        auto add_on = read_add_on(data.substr(packet));
        if (!add_on)
            return add_on.error();
        out.add_on = std::move(add_on).value();
        main = data.substr(0, packet);
    }
    if (!is_all_digits(main)) {
        return bad_input("Barcode '" + printable_scan(main) +
                         "' is not readable: it should contain digits only. Scan it again or key "
                         "the digits");
    }
    if (id == "]E4") {
        if (main.size() != 8) {
            return bad_input("EAN-8 barcode " + std::string(main) + " has a bad length (" +
                             std::to_string(main.size()) + " digits; 8 expected)");
        }
        auto gtin = canonical_gtin(main);
        if (!gtin)
            return gtin.error();
        out.kind = ScannedKind::gtin;
        out.lookup_code = std::move(gtin).value();
        return out;
    }
    if (main.size() == 8)
        return upc_e_code(main, std::move(out));  // ]E0 with 8 digits can only be UPC-E
    if (main.size() != 12 && main.size() != 13) {
        return bad_input("EAN-13/UPC-A barcode " + std::string(main) + " has a bad length (" +
                         std::to_string(main.size()) + " digits; 13, 12 or 8 for UPC-E)");
    }
    return retail_code(main, rules, std::move(out));
}

bool looks_like_gs1(std::string_view scan) {
    return is_gs1_human_readable(scan) || scan.find(gs1_separator) != std::string_view::npos ||
           (scan.size() > 14 && scan.substr(0, 2) == "01");
}

}  // namespace

std::string_view to_string(Symbology symbology) {
    switch (symbology) {
        case Symbology::ean_upc:
            return "EAN-13/UPC-A";
        case Symbology::ean8:
            return "EAN-8";
        case Symbology::ean_add_on:
            return "EAN/UPC add-on";
        case Symbology::gs1_128:
            return "GS1-128";
        case Symbology::gs1_databar:
            return "GS1 DataBar";
        case Symbology::gs1_datamatrix:
            return "GS1 DataMatrix";
        case Symbology::gs1_qr:
            return "GS1 QR Code";
        case Symbology::code128:
            return "Code 128";
        case Symbology::code39:
            return "Code 39";
        case Symbology::itf:
            return "ITF";
        case Symbology::datamatrix:
            return "Data Matrix";
        case Symbology::qr:
            return "QR Code";
    }
    return "unknown";
}

Result<AimId> read_aim_id(std::string_view scan) {
    if (scan.size() < 3) {
        return bad_input("Symbology identifier '" + printable_scan(scan) +
                         "' is incomplete: it should be ] and two characters, then the code");
    }
    const std::string_view id = scan.substr(0, 3);
    for (const AimEntry& entry : aim_table) {
        if (entry.id == id)
            return AimId{std::string(id), entry.symbology};
    }
    return bad_input("Unknown symbology identifier '" + printable_scan(id) +
                     "' at the start of the scan: this till does not read that kind of code");
}

Result<ScannedCode> decode_scan(std::string_view raw, const ScanRules& rules) {
    std::string_view scan = trim_scan(raw);
    if (scan.empty())
        return bad_input("Nothing was scanned: the code is empty");
    ScannedCode out;
    if (scan.front() != ']') {
        if (looks_like_gs1(scan))
            return gs1_code(scan, rules, std::move(out));
        return plain_code(scan, rules, std::move(out));
    }
    auto aim = read_aim_id(scan);
    if (!aim)
        return aim.error();
    out.symbology = aim->symbology;
    const std::string_view data = scan.substr(3);
    if (data.empty())
        return bad_input("Nothing was scanned after the symbology identifier " + aim->id);
    switch (aim->symbology) {
        case Symbology::ean_add_on:
            return bad_input("Only the add-on of the barcode was read (" + aim->id + " " +
                             printable_scan(data) + "): scan the main barcode beside it");
        case Symbology::ean_upc:
        case Symbology::ean8:
            return ean_upc_code(aim->id, data, rules, std::move(out));
        default:
            if (is_gs1_symbology(aim->symbology))
                return gs1_code(data, rules, std::move(out));
            return plain_code(data, rules, std::move(out));
    }
}

}  // namespace pos
