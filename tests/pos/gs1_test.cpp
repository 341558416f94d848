#include <doctest/doctest.h>

#include <string>

#include "pos/gs1.hpp"

// Test vectors marked "GGS figure N" are the element strings of the GS1 General Specifications
// figures (as the Zint barcode library's test suite quotes them, backend/tests/test_dmatrix.c).

namespace {

const std::string gs = std::string(1, pos::gs1_separator);

std::string message_of(const pos::Result<pos::Gs1Data>& result) {
    REQUIRE_FALSE(result.ok());
    return result.error().message;
}

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

}  // namespace

TEST_CASE("a GS1 element string in the human-readable form gives its GTIN, batch and expiry") {
    // The example GTIN of the GS1 "952" demonstration range.
    auto data = pos::parse_gs1("(01)09521234543213(10)ABC123(17)251231");
    REQUIRE(data.ok());
    CHECK(*data->gtin == "09521234543213");
    CHECK(*data->batch == "ABC123");
    CHECK(*data->expiry == pos::Gs1Date{2025, 12, 31, false});
    REQUIRE(data->elements.size() == 3);
    CHECK(data->elements[1] == pos::Gs1Element{"10", "ABC123"});
}

TEST_CASE("the transmitted form needs a GS only after fields whose length is not predefined") {
    // GGS figure 2.6.14-3: (01)09501101530003(17)150119(10)AB-123
    SUBCASE("fixed-length fields run straight into the next AI") {
        auto data = pos::parse_gs1(
            "0109501101530003"
            "17150119"
            "10AB-123");
        REQUIRE(data.ok());
        CHECK(*data->gtin == "09501101530003");
        CHECK(*data->expiry == pos::Gs1Date{2015, 1, 19, false});
        CHECK(*data->batch == "AB-123");
    }
    SUBCASE("a variable-length field ends at GS") {
        // GGS figure 4.15-1 written with the batch first.
        auto data = pos::parse_gs1(
            "0104012345678901"
            "10ABC123" +
            gs + "17170101");
        REQUIRE(data.ok());
        CHECK(*data->batch == "ABC123");
        CHECK(*data->expiry == pos::Gs1Date{2017, 1, 1, false});
    }
    SUBCASE("superfluous separators are skipped: leading FNC1, after a fixed field, doubled") {
        auto data =
            pos::parse_gs1(gs + "0109501101530003" + gs + "10AB-123" + gs + gs + "17150119" + gs);
        REQUIRE(data.ok());
        CHECK(*data->batch == "AB-123");
        CHECK(data->elements.size() == 3);
    }
    SUBCASE("without the GS, a variable field takes everything after it, as GS1 defines") {
        // The trap biip's tests show with a real product: the date becomes part of the batch.
        auto data = pos::parse_gs1(
            "0107032069804988"
            "100329"
            "15210526");
        REQUIRE(data.ok());
        CHECK(*data->batch == "032915210526");
        CHECK_FALSE(data->best_before);
    }
}

TEST_CASE("published GS1 examples parse to what their figures say") {
    SUBCASE("GGS figure 2.6.14-4: serial number") {
        auto data = pos::parse_gs1("(01)04012345678901(21)ABCDEFG123456789");
        REQUIRE(data.ok());
        CHECK(*data->serial == "ABCDEFG123456789");
    }
    SUBCASE("GGS figure 4.15.1-1: serial, batch, expiry and product URL") {
        auto data = pos::parse_gs1(
            "0109504000059101"
            "2112345678p901" +
            gs + "101234567p" + gs +
            "17141120"
            "8200http://www.gs1.org/demo/");
        REQUIRE(data.ok());
        CHECK(*data->serial == "12345678p901");
        CHECK(*data->batch == "1234567p");
        CHECK(*data->expiry == pos::Gs1Date{2014, 11, 20, false});
        CHECK(data->elements.back() == pos::Gs1Element{"8200", "http://www.gs1.org/demo/"});
    }
    SUBCASE("GGS figure 5.6.2-1: best before, lower-case serial") {
        auto data = pos::parse_gs1("(01)09512345678901(15)170810(21)abcde");
        REQUIRE(data.ok());
        CHECK(*data->best_before == pos::Gs1Date{2017, 8, 10, false});
        CHECK(*data->serial == "abcde");
    }
    SUBCASE("GGS figure 5.6.3.2-3: company-internal AIs 91 and 92") {
        auto data = pos::parse_gs1(
            "(01)00012345678905(17)180401(21)ABCDEFGHIJKL12345678(91)ABCDEFGHI123456789"
            "(92)abcdefghi");
        REQUIRE(data.ok());
        CHECK(data->elements.size() == 5);
        CHECK(data->elements[3] == pos::Gs1Element{"91", "ABCDEFGHI123456789"});
    }
    SUBCASE("a ship-to GLN with its check digit (Morovia's GS1 DataMatrix input example)") {
        auto data = pos::parse_gs1("(01)03453120000011(17)120508(10)ABCD1234(410)9501101020917");
        REQUIRE(data.ok());
        CHECK(data->elements.back() == pos::Gs1Element{"410", "9501101020917"});
    }
    SUBCASE("spaces around values in the human-readable form are ignored") {
        auto data = pos::parse_gs1(" (01) 09521234543213 (10) ABC123 ");
        REQUIRE(data.ok());
        CHECK(*data->batch == "ABC123");
    }
}

TEST_CASE("a variable-measure GS1 string gives weight in grams and price without rounding") {
    // The GS1 Digital Link standard's example https://id.gs1.org/01/09520123456788?17=201225&
    // 3103=000195&3922=0299 as an element string: 0.195 kg for 2.99.
    auto data = pos::parse_gs1(
        "0109520123456788"
        "17201225"
        "3103000195"
        "39220299");
    REQUIRE(data.ok());
    CHECK(*data->net_weight_kg == pos::Decimal{195, 3});
    CHECK(*data->net_weight_grams == 195);
    CHECK(*data->price == pos::Decimal{299, 2});
    CHECK_FALSE(data->price_currency);

    SUBCASE("310n: n is the number of decimals of the kilograms") {
        CHECK(*pos::parse_gs1("(01)09520123456788(3100)000002")->net_weight_grams == 2000);
        CHECK(*pos::parse_gs1("(01)09520123456788(3102)000150")->net_weight_grams == 1500);
        // Finer than a gram is rounded half up; the exact value stays in net_weight_kg.
        auto fine = pos::parse_gs1("(01)09520123456788(3105)123456");
        CHECK(*fine->net_weight_grams == 1235);
        CHECK(*fine->net_weight_kg == pos::Decimal{123456, 5});
    }
    SUBCASE("320n pounds stay as value and decimals (ISO/IEC 24724 DataBar Expanded example)") {
        auto lb = pos::parse_gs1("(01)98898765432106(3202)012345(15)991231");
        REQUIRE(lb.ok());
        CHECK(*lb->net_weight_lb == pos::Decimal{12345, 2});
        CHECK_FALSE(lb->net_weight_grams);
    }
    SUBCASE("393n: ISO 4217 currency, then the price") {
        auto priced = pos::parse_gs1("(01)09520123456788(3932)9780299");
        REQUIRE(priced.ok());
        CHECK(*priced->price_currency == 978);
        CHECK(*priced->price == pos::Decimal{299, 2});
    }
    SUBCASE("counts, variant and SSCC") {
        auto counted = pos::parse_gs1("(01)09520123456788(20)07(30)12");
        CHECK(*counted->variable_count == 12);
        CHECK(*counted->variant == "07");
        // The SSCC of the GS1 logistics label examples.
        auto pallet = pos::parse_gs1("(00)106141412345678908(02)09520123456788(37)24");
        REQUIRE(pallet.ok());
        CHECK(*pallet->sscc == "106141412345678908");
        CHECK(*pallet->content_gtin == "09520123456788");
        CHECK(*pallet->count == 24);
    }
}

TEST_CASE("GS1 dates: DD=00 is the end of the month, and the century follows the GS1 rule") {
    CHECK(*pos::parse_gs1("(17)250200")->expiry == pos::Gs1Date{2025, 2, 28, true});
    CHECK(*pos::parse_gs1("(17)240200")->expiry == pos::Gs1Date{2024, 2, 29, true});
    CHECK(pos::parse_gs1("(17)240229").ok());  // a leap day
    CHECK(pos::parse_gs1("(11)250430")->production_date->day == 30);
    CHECK(pos::parse_gs1("(13)250101")->packaging_date->month == 1);

    // GS1 General Specifications 7.12: from 2025, YY=99 is more than 50 years ahead, so 1999;
    // YY=75 is exactly 50 ahead, so 2075.
    CHECK(pos::parse_gs1("(15)991231", 2025)->best_before->year == 1999);
    CHECK(pos::parse_gs1("(15)751231", 2025)->best_before->year == 2075);
    CHECK(pos::parse_gs1("(15)011231", 2099)->best_before->year == 2101);
    CHECK(pos::parse_gs1("(15)991231")->best_before->year == 2099);  // no current year given
}

TEST_CASE("each broken GS1 rule is named") {
    SUBCASE("unknown AI") {
        CHECK(contains(message_of(pos::parse_gs1("0109521234543213"
                                                 "5012")),
                       "unknown Application Identifier (50) at character 17"));
        CHECK(contains(message_of(pos::parse_gs1("(01)09521234543213(3106)000100")),
                       "unknown Application Identifier (3106)"));
        CHECK(contains(message_of(pos::parse_gs1("0109521234543213"
                                                 "3106000100")),
                       "unknown Application Identifier (3106)"));
        CHECK(contains(message_of(pos::parse_gs1("ABC")), "expected an Application Identifier"));
    }
    SUBCASE("bad length of a fixed-length field") {
        const auto message =
            message_of(pos::parse_gs1("0109521234543213"
                                      "172512"));
        CHECK(contains(message, "AI (17) USE BY has a bad length: it takes 6 characters, found 4"));
        CHECK(contains(message_of(pos::parse_gs1("(01)0952123454321")), "found 13"));
        CHECK(contains(message_of(pos::parse_gs1("(15)")), "found 0"));
    }
    SUBCASE("bad check digit") {
        CHECK(contains(message_of(pos::parse_gs1("(01)09521234543214")),
                       "AI (01) GTIN 09521234543214 has a wrong check digit (the last digit "
                       "should be 3)"));
        CHECK(contains(message_of(pos::parse_gs1("(00)106141412345678907")), "should be 8"));
    }
    SUBCASE("bad date") {
        CHECK(contains(message_of(pos::parse_gs1("(17)251301")),
                       "AI (17) USE BY 251301 is not a valid date YYMMDD: month 13 is not 01-12"));
        CHECK(contains(message_of(pos::parse_gs1("(17)250431")),
                       "day 31 is past the end of the month (30 days in 2025-04)"));
        CHECK(contains(message_of(pos::parse_gs1("(15)250229")), "(28 days in 2025-02)"));
        CHECK(contains(message_of(pos::parse_gs1("(11)250011")), "month 00"));
    }
    SUBCASE("digits only where the AI is numeric") {
        CHECK(contains(message_of(pos::parse_gs1("(17)25A231")),
                       "AI (17) USE BY must be digits only, but its data is '25A231'"));
        CHECK(contains(message_of(pos::parse_gs1("(30)1A")), "AI (30) VAR. COUNT must be digits"));
    }
    SUBCASE("a character outside the GS1 character set") {
        CHECK(contains(message_of(pos::parse_gs1("(10)AB C")),
                       "AI (10) BATCH/LOT contains ' ', which is not in the GS1 character set"));
        CHECK(contains(message_of(pos::parse_gs1("10AB\x01")), "contains '\\x01'"));
    }
    SUBCASE("missing GS separator after a field whose length is not predefined") {
        // AI 8005 is fixed at 6 digits, but its length is not predefined by "80": GS required.
        const auto message =
            message_of(pos::parse_gs1("0109521234543213"
                                      "8005000150"
                                      "10ABC"));
        CHECK(contains(message, "missing GS separator after AI (8005) PRICE PER UNIT 000150"));
    }
    SUBCASE("value too long, which is what a missing GS after a variable field looks like") {
        const auto message = message_of(pos::parse_gs1("10ABCDEFGHIJKLMNOPQRSTU"));
        CHECK(contains(message, "AI (10) BATCH/LOT value is too long: 21 characters, at most 20"));
        CHECK(contains(message, "Is a GS separator missing after it?"));
        CHECK(contains(message_of(pos::parse_gs1("(30)123456789")), "at most 8"));
        CHECK(contains(message_of(pos::parse_gs1("(3932)978")), "at least 4"));
    }
    SUBCASE("an AI given twice, and the invalid pair 01 + 02") {
        CHECK(
            contains(message_of(pos::parse_gs1("(10)A(10)B")), "AI (10) BATCH/LOT appears twice"));
        CHECK(contains(message_of(pos::parse_gs1("(3102)000150(3103)001500")),
                       "net weight in kg is given twice"));
        CHECK(contains(message_of(pos::parse_gs1("(01)09521234543213(02)09520123456788")),
                       "must not appear together"));
    }
    SUBCASE("a malformed human-readable form") {
        CHECK(contains(message_of(pos::parse_gs1("(01")), "has no ')'"));
        CHECK(contains(message_of(pos::parse_gs1("(1)15210526")),
                       "unknown Application Identifier (1)"));
        CHECK(contains(message_of(pos::parse_gs1("")), "holds no data"));
    }
}

TEST_CASE("days_in_month knows leap years") {
    CHECK(pos::days_in_month(2024, 2) == 29);
    CHECK(pos::days_in_month(2100, 2) == 28);
    CHECK(pos::days_in_month(2000, 2) == 29);
    CHECK(pos::days_in_month(2025, 12) == 31);
}
