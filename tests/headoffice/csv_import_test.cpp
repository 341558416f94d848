#include <doctest/doctest.h>

#include <string>

#include "headoffice/server/csv_import.hpp"

using namespace headoffice;

namespace {

const std::string catalogue_header = "code,name,department,tax_code,price,unit,barcodes,brand\n";

// The reason given for the one rejected row of a catalogue with this single data row.
std::string rejection_of(const std::string& row) {
    const auto parsed = parse_catalogue_csv(catalogue_header + row + "\n", 2);
    REQUIRE(parsed.rejected.size() == 1);
    CHECK(parsed.rejected[0].line == 2);
    CHECK(parsed.products.empty());
    return parsed.rejected[0].reason;
}

std::string price_rejection_of(const std::string& row) {
    const auto parsed = parse_prices_csv("code,price,effective_from\n" + row + "\n", 2);
    REQUIRE(parsed.rejected.size() == 1);
    CHECK(parsed.rejected[0].line == 2);
    CHECK(parsed.prices.empty());
    return parsed.rejected[0].reason;
}

}  // namespace

TEST_CASE("a good catalogue file gives one product per row, prices exact to the cent") {
    const auto parsed = parse_catalogue_csv(catalogue_header +
                                                "5012345678900,Tea bags x80,Grocery,B,3.29,each,"
                                                "5012345678900 96385074,Counter\n"
                                                "4011,Bananas,Fruit,B,1.7,kg,,\n"
                                                "20000004,Newspaper,News,A,2,each,,\n",
                                            2);
    CHECK(parsed.rejected.empty());
    REQUIRE(parsed.products.size() == 3);
    const pos::ProductRecord& tea = parsed.products[0];
    CHECK(tea.code == "5012345678900");
    CHECK(tea.name == "Tea bags x80");
    CHECK(tea.department == "Grocery");
    CHECK(tea.tax_code == "B");
    CHECK(tea.unit_price_minor == 329);
    CHECK(tea.unit == pos::UnitOfSale::each);
    CHECK(tea.barcodes == std::vector<std::string>{"5012345678900", "96385074"});
    CHECK(tea.brand == "Counter");
    CHECK(parsed.products[1].unit_price_minor == 170);
    CHECK(parsed.products[1].unit == pos::UnitOfSale::kilogram);
    CHECK(parsed.products[1].barcodes == std::vector<std::string>{"4011"});
    CHECK(parsed.products[2].unit_price_minor == 200);
    CHECK(parsed.lines == std::vector<std::int64_t>{2, 3, 4});
}

TEST_CASE("columns are found by name in any order, and barcodes and brand may be left out") {
    const auto parsed = parse_catalogue_csv(
        "Unit,Price,Tax_Code,Department,Name,Code\r\neach,0.99,A,Misc,Pen,7\r\n", 2);
    CHECK(parsed.rejected.empty());
    REQUIRE(parsed.products.size() == 1);
    CHECK(parsed.products[0].code == "7");
    CHECK(parsed.products[0].name == "Pen");
    CHECK(parsed.products[0].unit_price_minor == 99);
    CHECK(parsed.products[0].brand.empty());
}

TEST_CASE("quoted fields keep their commas, doubled quotes and line breaks") {
    const auto parsed =
        parse_catalogue_csv(catalogue_header +
                                "1,\"Biscuits, \"\"family\"\" pack\",Grocery,B,\"1.49\",each,,\n"
                                "2,\"Two\nline name\",Grocery,B,1.00,each,,\n"
                                "3,,Grocery,B,1.00,each,,\n",
                            2);
    REQUIRE(parsed.products.size() == 2);
    CHECK(parsed.products[0].name == "Biscuits, \"family\" pack");
    CHECK(parsed.products[0].unit_price_minor == 149);
    CHECK(parsed.products[1].name == "Two\nline name");
    // The quoted line break counts: the third record starts on line 5.
    REQUIRE(parsed.rejected.size() == 1);
    CHECK(parsed.rejected[0].line == 5);
    CHECK(parsed.rejected[0].reason == "name is empty");
}

TEST_CASE("CRLF line ends, a byte order mark and blank lines are read like plain LF") {
    const auto parsed = parse_catalogue_csv(
        "\xEF\xBB\xBF"
        "code,name,department,tax_code,price,unit\r\n\r\n1,Pen,Misc,A,0.99,each\r\n"
        "2,Pad,Misc,A,1.99,each\r\n",
        2);
    CHECK(parsed.rejected.empty());
    REQUIRE(parsed.products.size() == 2);
    CHECK(parsed.products[1].name == "Pad");
    CHECK(parsed.lines == std::vector<std::int64_t>{3, 4});
}

TEST_CASE("every kind of bad catalogue row is rejected with the column and the value") {
    CHECK(rejection_of("12A,Tea,Grocery,B,1.00,each,,") ==
          "code '12A' is not a product code: use 1 to 14 digits");
    CHECK(rejection_of("123456789012345,Tea,Grocery,B,1.00,each,,") ==
          "code '123456789012345' is not a product code: use 1 to 14 digits");
    CHECK(rejection_of(",Tea,Grocery,B,1.00,each,,") == "code is empty");
    CHECK(rejection_of("1,,Grocery,B,1.00,each,,") == "name is empty");
    CHECK(rejection_of("1,Tea,Grocery,,1.00,each,,") == "tax_code is empty");
    CHECK(rejection_of("1,Tea,Grocery,B,\"12,50\",each,,") ==
          "price '12,50' is not an amount: use 12.50");
    CHECK(rejection_of("1,Tea,Grocery,B,abc,each,,") ==
          "price 'abc' is not an amount: use digits and at most one '.' (12.50)");
    CHECK(rejection_of("1,Tea,Grocery,B,1.234,each,,") == "price '1.234' has more than 2 decimals");
    CHECK(rejection_of("1,Tea,Grocery,B,-1.00,each,,") == "price '-1.00' is negative");
    CHECK(rejection_of("1,Tea,Grocery,B,,each,,") == "price is empty");
    CHECK(rejection_of("1,Tea,Grocery,B,1.00,box,,") == "unit 'box' is not a unit: use each or kg");
    CHECK(rejection_of("1,Tea,Grocery,B,1.00,each,123 X9,") ==
          "barcodes: 'X9' is not a barcode: use 1 to 14 digits");
    CHECK(rejection_of("1,Tea,Grocery,B,1.00,each") == "6 fields, but the header has 8 columns");
    CHECK(rejection_of("20000001,Tea,Grocery,B,1.00,each,,") ==
          "code '20000001' has a wrong check digit (the last digit should be 4)");
    CHECK(rejection_of("4011,Tea,Grocery,B,1.00,each,5012345678901,") ==
          "barcodes: '5012345678901' has a wrong check digit (the last digit should be 0)");
}

TEST_CASE("a code that appears twice is rejected on its second line, the first one kept") {
    const auto parsed = parse_catalogue_csv(catalogue_header +
                                                "1,Tea,Grocery,B,1.00,each,,\n"
                                                "2,Coffee,Grocery,B,2.00,each,,\n"
                                                "1,Tea again,Grocery,B,1.50,each,,\n",
                                            2);
    REQUIRE(parsed.products.size() == 2);
    CHECK(parsed.products[0].name == "Tea");
    REQUIRE(parsed.rejected.size() == 1);
    CHECK(parsed.rejected[0].line == 4);
    CHECK(parsed.rejected[0].reason == "code '1' already appears on line 2");
}

TEST_CASE("good rows around bad ones are still read, each bad one reported on its own line") {
    const auto parsed = parse_catalogue_csv(catalogue_header +
                                                "1,Tea,Grocery,B,1.00,each,,\n"
                                                "x,Bad code,Grocery,B,1.00,each,,\n"
                                                "3,Coffee,Grocery,B,2.00,each,,\n"
                                                "4,Bad price,Grocery,B,2.0.0,each,,\n",
                                            2);
    REQUIRE(parsed.products.size() == 2);
    CHECK(parsed.lines == std::vector<std::int64_t>{2, 4});
    REQUIRE(parsed.rejected.size() == 2);
    CHECK(parsed.rejected[0].line == 3);
    CHECK(parsed.rejected[1].line == 5);
    CHECK(parsed.rejected[1].reason.starts_with("price '2.0.0' is not an amount"));
}

TEST_CASE("a file without a required column is rejected whole, naming the column") {
    const auto parsed =
        parse_catalogue_csv("code,name,department,tax_code,unit\n1,Tea,G,B,each\n", 2);
    CHECK(parsed.products.empty());
    REQUIRE(parsed.rejected.size() == 1);
    CHECK(parsed.rejected[0].line == 1);
    CHECK(parsed.rejected[0].reason ==
          "missing column 'price' (the header has: code, name, department, tax_code, unit)");
}

TEST_CASE("an empty file is rejected with what its header should be") {
    for (const std::string text : {"", "\n\n", "\xEF\xBB\xBF"}) {
        const auto parsed = parse_catalogue_csv(text, 2);
        CHECK(parsed.products.empty());
        REQUIRE(parsed.rejected.size() == 1);
        CHECK(parsed.rejected[0].line == 1);
        CHECK(parsed.rejected[0].reason ==
              "the file is empty: expected a header line with code,name,department,tax_code,price,"
              "unit");
    }
}

TEST_CASE("a quoted field that is never closed stops the file there, keeping the rows before") {
    const auto parsed = parse_catalogue_csv(
        catalogue_header + "1,Tea,Grocery,B,1.00,each,,\n2,\"Coffee,Grocery,B,2.00,each,,\n", 2);
    REQUIRE(parsed.products.size() == 1);
    REQUIRE(parsed.rejected.size() == 1);
    CHECK(parsed.rejected[0].line == 3);
    CHECK(parsed.rejected[0].reason == "a quoted field is never closed (a '\"' is missing)");
}

TEST_CASE("prices follow the currency's exponent") {
    const auto yen = parse_catalogue_csv(catalogue_header +
                                             "1,Tea,Grocery,B,350,each,,\n"
                                             "2,Gum,Grocery,B,1.5,each,,\n",
                                         0);
    REQUIRE(yen.products.size() == 1);
    CHECK(yen.products[0].unit_price_minor == 350);
    REQUIRE(yen.rejected.size() == 1);
    CHECK(yen.rejected[0].reason == "price '1.5' has more than 0 decimals");

    const auto dinar = parse_catalogue_csv(catalogue_header + "1,Tea,Grocery,B,1.250,each,,\n", 3);
    REQUIRE(dinar.products.size() == 1);
    CHECK(dinar.products[0].unit_price_minor == 1250);
}

TEST_CASE("a price book gives dated prices, midnight or a given minute, in UTC") {
    const auto parsed = parse_prices_csv(
        "code,price,effective_from\n"
        "1,1.99,2026-12-01\n"
        "1,2.49,2026-12-01T08:30\n"
        "2,0.50,1970-01-02\n",
        2);
    CHECK(parsed.rejected.empty());
    REQUIRE(parsed.prices.size() == 3);
    CHECK(parsed.prices[0] == pos::PriceRecord{"1", 1'796'083'200'000, 199});
    CHECK(parsed.prices[1] == pos::PriceRecord{"1", 1'796'083'200'000 + 510 * 60'000, 249});
    CHECK(parsed.prices[2] == pos::PriceRecord{"2", 86'400'000, 50});
    CHECK(parsed.lines == std::vector<std::int64_t>{2, 3, 4});
}

TEST_CASE("every kind of bad price book row is rejected with the column and the value") {
    CHECK(price_rejection_of("1,1.99,01/12/2026") ==
          "effective_from '01/12/2026' is not a date: use YYYY-MM-DD or YYYY-MM-DDTHH:MM (UTC)");
    CHECK(price_rejection_of("1,1.99,2026-02-29") ==
          "effective_from '2026-02-29' is not a date of the calendar");
    CHECK(price_rejection_of("1,1.99,2026-13-01") ==
          "effective_from '2026-13-01' is not a date of the calendar");
    CHECK(price_rejection_of("1,1.99,2026-12-01T24:00") ==
          "effective_from '2026-12-01T24:00' is not a time of day");
    CHECK(price_rejection_of("1,1,99,2026-12-01") == "4 fields, but the header has 3 columns");
    CHECK(price_rejection_of("1,1.999,2026-12-01") == "price '1.999' has more than 2 decimals");
    CHECK(price_rejection_of("A1,1.99,2026-12-01") ==
          "code 'A1' is not a product code: use 1 to 14 digits");
}

TEST_CASE("a leap day is a date, and the same product and date twice is rejected") {
    const auto parsed = parse_prices_csv(
        "code,price,effective_from\n"
        "1,1.99,2028-02-29\n"
        "1,2.99,2028-02-29\n",
        2);
    REQUIRE(parsed.prices.size() == 1);
    REQUIRE(parsed.rejected.size() == 1);
    CHECK(parsed.rejected[0].line == 3);
    CHECK(parsed.rejected[0].reason == "code '1' from 2028-02-29 already appears on line 2");
}

TEST_CASE("a price book without effective_from is rejected whole") {
    const auto parsed = parse_prices_csv("code,price\n1,1.99\n", 2);
    CHECK(parsed.prices.empty());
    REQUIRE(parsed.rejected.size() == 1);
    CHECK(parsed.rejected[0].reason ==
          "missing column 'effective_from' (the header has: code, price)");
}
