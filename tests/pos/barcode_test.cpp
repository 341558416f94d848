#include <doctest/doctest.h>

#include "pos/barcode.hpp"

TEST_CASE("GTIN check digits are computed for every length") {
    CHECK(pos::gtin_check_digit("400638133393") == '1');   // EAN-13 4006381333931
    CHECK(pos::gtin_check_digit("03600029145") == '2');    // UPC-A 036000291452
    CHECK(pos::gtin_check_digit("9638507") == '4');        // EAN-8 96385074
    CHECK(pos::gtin_check_digit("1001234567890") == '2');  // GTIN-14 10012345678902
}

TEST_CASE("a scanned code is trimmed and checked before lookup") {
    CHECK(*pos::normalise_scanned_code(" 4006381333931\r\n") == "4006381333931");
    CHECK(*pos::normalise_scanned_code("4011") == "4011");  // an in-store PLU has no check digit
}

TEST_CASE("mangled scans are refused with what was wrong") {
    auto bad_check = pos::normalise_scanned_code("4006381333932");
    REQUIRE_FALSE(bad_check.ok());
    CHECK(bad_check.error().message.find("wrong check digit") != std::string::npos);
    CHECK(bad_check.error().message.find("should be 1") != std::string::npos);

    auto letters = pos::normalise_scanned_code("40063A1333931");
    REQUIRE_FALSE(letters.ok());
    CHECK(letters.error().message.find("digits only") != std::string::npos);

    auto control =
        pos::normalise_scanned_code(std::string("4006\x1d"
                                                "381",
                                                8));
    REQUIRE_FALSE(control.ok());
    CHECK(control.error().message.find("\\x1D") != std::string::npos);

    CHECK_FALSE(pos::normalise_scanned_code("   ").ok());
    CHECK_FALSE(pos::normalise_scanned_code("123456789012345").ok());
}
