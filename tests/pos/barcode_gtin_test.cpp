// GTIN forms from pos/barcode.hpp: UPC-E expansion, the canonical lookup form, Decimal.
#include <doctest/doctest.h>

#include <string>

#include "pos/barcode.hpp"

namespace {

std::string message_of(const pos::Result<std::string>& result) {
    REQUIRE_FALSE(result.ok());
    return result.error().message;
}

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

}  // namespace

TEST_CASE("a UPC-E expands to its UPC-A by the rule its sixth digit selects") {
    // Wikipedia "Universal Product Code", UPC-E: 0 425261 4 stands for UPC-A 0 42100 00526 4.
    CHECK(*pos::expand_upc_e("04252614") == "042100005264");
    // The six-digit zero expansion table of the Printronix programmer's reference (UPC-E),
    // one example per rule, number system 0; the check digit is the UPC-A's.
    SUBCASE("last digit 0, 1 or 2: manufacturer d1 d2 d6 0 0, item 0 0 d3 d4 d5") {
        CHECK(*pos::expand_upc_e("01245608") == "012000004568");
        CHECK(*pos::expand_upc_e("02758314") == "027100005834");
        CHECK(*pos::expand_upc_e("04120229") == "041200002029");
    }
    SUBCASE("last digit 3: manufacturer d1 d2 d3 0 0, item 0 0 0 d4 d5") {
        CHECK(*pos::expand_upc_e("08765438") == "087600000548");
    }
    SUBCASE("last digit 4: manufacturer d1 d2 d3 d4 0, item 0 0 0 0 d5") {
        CHECK(*pos::expand_upc_e("07537743") == "075370000073");
    }
    SUBCASE("last digit 5 to 9: manufacturer d1..d5, item 0 0 0 0 d6") {
        CHECK(*pos::expand_upc_e("02137568") == "021375000068");
        CHECK(*pos::expand_upc_e("05170197") == "051701000097");
    }
    SUBCASE("number system 1 is kept") {
        CHECK(*pos::expand_upc_e("14252611") == "142100005261");
    }
}

TEST_CASE("a UPC-E that breaks a rule is refused with the rule") {
    SUBCASE("the check digit is the expanded UPC-A's") {
        const auto message = message_of(pos::expand_upc_e("04252613"));
        CHECK(contains(message, "UPC-E barcode 04252613 has a wrong check digit"));
        CHECK(contains(message, "the last digit should be 4"));
    }
    SUBCASE("number system other than 0 or 1") {
        CHECK(contains(message_of(pos::expand_upc_e("24252614")), "number system 2"));
    }
    SUBCASE("bad length") {
        CHECK(contains(message_of(pos::expand_upc_e("0425261")), "bad length"));
        CHECK(contains(message_of(pos::expand_upc_e("0425261A")), "bad length"));
    }
}

TEST_CASE("every retail GTIN has one canonical form: GTIN-13, or 8 digits for an EAN-8") {
    // UPC-A 036000291452 (Wikipedia's UPC-A example) and EAN-13 0036000291452 are one GTIN.
    CHECK(*pos::canonical_gtin("036000291452") == "0036000291452");
    CHECK(*pos::canonical_gtin("0036000291452") == "0036000291452");
    CHECK(*pos::canonical_gtin("00036000291452") == "0036000291452");  // as AI (01) carries it
    CHECK(*pos::canonical_gtin("4006381333931") == "4006381333931");
    // UPC-E goes through its UPC-A.
    CHECK(*pos::canonical_gtin(*pos::expand_upc_e("04252614")) == "0042100005264");

    SUBCASE("an EAN-8 stays 8 digits, also zero-padded") {
        CHECK(*pos::canonical_gtin("96385074") == "96385074");
        CHECK(*pos::canonical_gtin("00000096385074") == "96385074");
        CHECK(*pos::canonical_gtin("0000096385074") == "96385074");
        CHECK(*pos::canonical_gtin("000096385074") == "96385074");
        CHECK(*pos::canonical_gtin("00000001234565") == "01234565");  // an RCN-8 starting 0
    }
    SUBCASE("a company-internal 0000000 number stays 13 digits") {
        CHECK(*pos::canonical_gtin("00000000123457") == "0000000123457");
    }
    SUBCASE("a GTIN-14 with indicator 1-9 is a different item and stays 14 digits") {
        CHECK(*pos::canonical_gtin("10012345678902") == "10012345678902");
    }
}

TEST_CASE("canonical_gtin refuses a wrong check digit or length like a scan would") {
    const auto message = message_of(pos::canonical_gtin("036000291453"));
    CHECK(contains(message, "wrong check digit (the last digit should be 2)"));
    CHECK(contains(message_of(pos::canonical_gtin("123456789")), "bad length"));
    CHECK(contains(message_of(pos::canonical_gtin("")), "bad length"));
}

TEST_CASE("a decimal read from a barcode prints and converts to minor units exactly") {
    CHECK(pos::to_string(pos::Decimal{1234, 2}) == "12.34");
    CHECK(pos::to_string(pos::Decimal{5, 3}) == "0.005");
    CHECK(pos::to_string(pos::Decimal{-5, 2}) == "-0.05");
    CHECK(pos::to_string(pos::Decimal{12, 0}) == "12");

    CHECK(*pos::to_minor_units({1234, 2}, 2) == 1234);
    CHECK(*pos::to_minor_units({1230, 3}, 2) == 123);
    CHECK(*pos::to_minor_units({12, 0}, 2) == 1200);
    CHECK(*pos::to_minor_units({300, 2}, 0) == 3);  // 3.00 JPY
    CHECK_FALSE(pos::to_minor_units({299, 2}, 0).ok());

    auto finer = pos::to_minor_units({1235, 3}, 2);
    REQUIRE_FALSE(finer.ok());
    CHECK(contains(finer.error().message, "1.235 has more decimals than the currency (2)"));
    CHECK_FALSE(pos::to_minor_units({999'999'999'999'999, 0}, 9).ok());  // does not fit
}
