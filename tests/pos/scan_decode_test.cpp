#include <doctest/doctest.h>

#include <string>

#include "pos/scan_decode.hpp"

namespace {

const std::string gs = std::string(1, pos::gs1_separator);

pos::ScannedCode decoded(std::string_view raw, const pos::ScanRules& rules = {}) {
    auto result = pos::decode_scan(raw, rules);
    INFO("scan: " << std::string(raw));
    if (!result.ok())
        FAIL_CHECK(result.error().message);
    REQUIRE(result.ok());
    return result.value();
}

std::string refused(std::string_view raw, const pos::ScanRules& rules = {}) {
    auto result = pos::decode_scan(raw, rules);
    INFO("scan: " << std::string(raw));
    REQUIRE_FALSE(result.ok());
    CHECK(result.error().code == pos::ErrorCode::bad_input);
    return result.error().message;
}

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

}  // namespace

TEST_CASE("a retail barcode is looked up by its canonical GTIN whatever form it came in") {
    SUBCASE("EAN-13, trimmed of scanner whitespace and CR/LF") {
        const auto code = decoded(" 4006381333931\r\n");
        CHECK(code.lookup_code == "4006381333931");
        CHECK(code.kind == pos::ScannedKind::gtin);
        CHECK_FALSE(code.symbology);
    }
    SUBCASE("UPC-A and the same number as EAN-13 find the same product") {
        CHECK(decoded("036000291452").lookup_code == "0036000291452");
        CHECK(decoded("0036000291452").lookup_code == "0036000291452");
        CHECK(decoded("]E00036000291452").lookup_code == "0036000291452");
    }
    SUBCASE("UPC-E is expanded, then made GTIN-13") {
        CHECK(decoded("04252614").lookup_code == "0042100005264");
        CHECK(decoded("]E004252614").lookup_code == "0042100005264");
    }
    SUBCASE("EAN-8 stays 8 digits") {
        CHECK(decoded("96385074").lookup_code == "96385074");
        const auto code = decoded("]E496385074");
        CHECK(code.lookup_code == "96385074");
        CHECK(*code.symbology == pos::Symbology::ean8);
    }
    SUBCASE("ITF-14 carries a GTIN-14: indicator 0 is the GTIN-13, others stay 14 digits") {
        CHECK(decoded("]I100036000291452").lookup_code == "0036000291452");
        const auto carton = decoded("]I110012345678902");
        CHECK(carton.lookup_code == "10012345678902");
        CHECK(*carton.symbology == pos::Symbology::itf);
    }
}

TEST_CASE("an 8-digit code without symbology identifier is read by the store's rule") {
    pos::ScanRules rules;
    SUBCASE("default: EAN-8 if its check digit fits, else UPC-E") {
        CHECK(decoded("96385074", rules).lookup_code == "96385074");
        CHECK(decoded("04252614", rules).lookup_code == "0042100005264");
        CHECK(contains(refused("96385075", rules), "the last digit should be 4"));
    }
    SUBCASE("EAN-8 only") {
        rules.eight_digit_codes = pos::EightDigitCodes::ean8;
        CHECK(contains(refused("04252614", rules), "the last digit should be 0"));
    }
    SUBCASE("UPC-E only") {
        rules.eight_digit_codes = pos::EightDigitCodes::upc_e;
        CHECK(decoded("04252614", rules).lookup_code == "0042100005264");
        CHECK(contains(refused("96385074", rules), "number system 9"));
    }
}

TEST_CASE("AIM symbology identifiers are stripped and reported") {
    struct Case {
        std::string scan;
        pos::Symbology symbology;
        std::string lookup;
    };
    const Case cases[] = {
        {"]E04006381333931", pos::Symbology::ean_upc, "4006381333931"},
        {"]E496385074", pos::Symbology::ean8, "96385074"},
        {"]C1010952123454321310ABC123" + gs + "17251231", pos::Symbology::gs1_128, "9521234543213"},
        {"]e00109521234543213", pos::Symbology::gs1_databar, "9521234543213"},
        {"]d2" + gs +
             "010950110153000317150119"
             "10AB-123",
         pos::Symbology::gs1_datamatrix, "9501101530003"},
        {"]Q3010950110153000317150119", pos::Symbology::gs1_qr, "9501101530003"},
        {"]A04011", pos::Symbology::code39, "4011"},
        {"]C01234567", pos::Symbology::code128, "1234567"},
        {"]I110012345678902", pos::Symbology::itf, "10012345678902"},
    };
    for (const Case& c : cases) {
        INFO(c.scan);
        const auto code = decoded(c.scan);
        REQUIRE(code.symbology);
        CHECK(*code.symbology == c.symbology);
        CHECK(code.lookup_code == c.lookup);
    }
    CHECK(pos::to_string(pos::Symbology::gs1_128) == "GS1-128");
}

TEST_CASE("an unknown or malformed symbology identifier is refused by name") {
    CHECK(contains(refused("]Z94006381333931"), "Unknown symbology identifier ']Z9'"));
    CHECK(contains(refused("]e94006381333931"), "']e9'"));
    CHECK(contains(refused("]E"), "Symbology identifier ']E' is incomplete"));
    CHECK(contains(refused("]E0"), "Nothing was scanned after the symbology identifier ]E0"));
    CHECK(contains(refused("]E040063813339"), "has a bad length (11 digits"));
    CHECK(contains(refused("]E4400638133393"), "EAN-8 barcode 400638133393 has a bad length"));
}

TEST_CASE("an EAN/UPC add-on is read but not used to find the item") {
    // The AIM formats of the Datalogic Magellan 3450VSi reference guide: main code, then the
    // add-on as its own packet.
    SUBCASE("two-digit add-on packet") {
        const auto code = decoded("]E00060992011187]E112");
        CHECK(code.lookup_code == "0060992011187");
        CHECK(*code.add_on == "12");
    }
    SUBCASE("five-digit add-on packet after an EAN-8") {
        const auto code = decoded("]E400210126]E212345");
        CHECK(code.lookup_code == "00210126");
        CHECK(*code.add_on == "12345");
    }
    SUBCASE("main code and add-on in one ]E3 packet") {
        const auto code = decoded("]E3006099201118712");
        CHECK(code.lookup_code == "0060992011187");
        CHECK(*code.add_on == "12");
        CHECK(contains(refused("]E30060992011187123"), "2- or 5-digit add-on"));
    }
    SUBCASE("the add-on on its own, or mangled") {
        CHECK(contains(refused("]E212345"), "Only the add-on of the barcode was read"));
        CHECK(contains(refused("]E00060992011187]E1123"), "Add-on ']E1123'"));
    }
}

TEST_CASE("a weighed or pre-priced in-store label rings up at its value") {
    SUBCASE("price label with price check digit") {
        const auto code = decoded("2011122912346");
        CHECK(code.kind == pos::ScannedKind::variable_measure);
        CHECK(code.lookup_code == "2011122000005");
        CHECK(*code.price == pos::Decimal{1234, 2});
        CHECK(*pos::to_minor_units(*code.price, 2) == 1234);
        CHECK_FALSE(code.weight_grams);
        CHECK(code.layout_name == "price with check digit");
    }
    SUBCASE("weight label: the quantity in grams") {
        const auto code = decoded("]E02300042004508");
        CHECK(code.kind == pos::ScannedKind::variable_measure);
        CHECK(code.lookup_code == "2300042000005");
        CHECK(*code.weight_grams == 450);
        CHECK(*code.symbology == pos::Symbology::ean_upc);
    }
    SUBCASE("UPC-A number system 2, scanned as 12 digits") {
        const auto code = decoded("212345602997");
        CHECK(code.lookup_code == "0212345000007");
        CHECK(*code.price == pos::Decimal{299, 2});
    }
    SUBCASE("a mangled price is refused, naming the price check digit") {
        CHECK(contains(refused("2011122812349"), "wrong price check digit"));
    }
    SUBCASE("the store's own layouts replace the presets") {
        pos::ScanRules nordic;
        nordic.layouts = {
            {"Nordic weight", {"23"}, pos::EmbeddedValue::weight, 2, 6, 8, 4, 3, std::nullopt}};
        const auto cheese = decoded("2302148210869", nordic);
        CHECK(*cheese.weight_grams == 1086);
        CHECK(cheese.lookup_code == "2302148200006");
        // Without a layout for 20, a 20-prefixed code is a plain GTIN.
        const auto plain = decoded("2011122912346", nordic);
        CHECK(plain.kind == pos::ScannedKind::gtin);
        CHECK(plain.lookup_code == "2011122912346");
    }
}

TEST_CASE("a GS1 element string gives its GTIN as the item and its weight as the quantity") {
    SUBCASE("human-readable form") {
        const auto code = decoded("(01)09521234543213(10)ABC123(17)251231");
        CHECK(code.kind == pos::ScannedKind::gs1);
        CHECK(code.lookup_code == "9521234543213");
        REQUIRE(code.gs1);
        CHECK(*code.gs1->batch == "ABC123");
        CHECK(*code.gs1->expiry == pos::Gs1Date{2025, 12, 31, false});
    }
    SUBCASE("GS1 DataBar with weight and price (the GS1 Digital Link example's data)") {
        const auto code = decoded(
            "]e0"
            "0109520123456788"
            "17201225"
            "3103000195"
            "39220299");
        CHECK(code.lookup_code == "9520123456788");
        CHECK(*code.weight_grams == 195);
        CHECK(*code.price == pos::Decimal{299, 2});
    }
    SUBCASE("more than 14 digits starting with 01, without identifier, is read as GS1") {
        const auto code = decoded(
            "0109521234543213"
            "17251231\r\n");
        CHECK(code.kind == pos::ScannedKind::gs1);
        CHECK(code.gs1->expiry->year == 2025);
    }
    SUBCASE("a GS character marks GS1 data too") {
        CHECK(decoded("0109521234543213"
                      "10ABC" +
                      gs + "17251231")
                  .kind == pos::ScannedKind::gs1);
    }
    SUBCASE("a variable-measure GTIN-14 (indicator 9) stays 14 digits") {
        // ISO/IEC 24724's GS1 DataBar Expanded example: 123.45 lb, best before 31 Dec.
        pos::ScanRules rules;
        rules.current_year = 2025;
        const auto code = decoded("]e0(01)98898765432106(3202)012345(15)991231", rules);
        CHECK(code.lookup_code == "98898765432106");
        CHECK(*code.gs1->net_weight_lb == pos::Decimal{12345, 2});
        CHECK(code.gs1->best_before->year == 1999);
        CHECK_FALSE(code.weight_grams);
    }
    SUBCASE("the GS1 rules' messages come through") {
        CHECK(contains(refused("]C10109521234543214"), "should be 3"));
        CHECK(contains(refused("(01)09521234543213(17)251301"), "month 13"));
        CHECK(contains(refused("]C1"
                               "10ABC"),
                       "no GTIN (AI 01)"));
    }
}

TEST_CASE("keyed in-store codes stay plain lookup codes") {
    const auto plu = decoded("4011");
    CHECK(plu.kind == pos::ScannedKind::in_store_code);
    CHECK(plu.lookup_code == "4011");
    CHECK(decoded("1").lookup_code == "1");
    CHECK(decoded("1234567").lookup_code == "1234567");
    CHECK(decoded("0004011").lookup_code == "0004011");  // leading zeros are kept
}

TEST_CASE("mangled scans keep the messages clerks already know") {
    CHECK(refused("") == "Nothing was scanned: the code is empty");
    CHECK(refused(" \r\n") == "Nothing was scanned: the code is empty");

    const auto bad_check = refused("4006381333932");
    CHECK(contains(bad_check, "wrong check digit"));
    CHECK(contains(bad_check, "the last digit should be 1"));
    CHECK(contains(refused("036000291453"), "the last digit should be 2"));

    CHECK(contains(refused("40063A1333931"), "digits only"));
    CHECK(contains(refused(std::string("4006\x01"
                                       "381",
                                       8)),
                   "\\x01"));
    CHECK(contains(refused("123456789012345"), "is too long (15 digits; at most 14)"));
    CHECK(contains(refused("]A0ABC"), "digits only"));
}
