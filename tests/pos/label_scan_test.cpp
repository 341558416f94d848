// Scanning labels that carry a weight or a price, and GS1 codes, through the sale use case.
#include <doctest/doctest.h>

#include "fakes.hpp"
#include "pos/sale.hpp"
#include "pos/variable_measure.hpp"

namespace {

struct Fixture : fakes::Services {
    pos::SaleSession session{sale(), fakes::settings(), fakes::clerk};

    Fixture() {
        // Deli ham sold by weight under a 23-prefix base code; cheese sold pre-priced under 21.
        const auto ham_code =
            *pos::variable_measure_base_code(pos::layouts::weight_in_grams(), "23", "01234");
        catalogue.by_code[ham_code] = {50,
                                       ham_code,
                                       "Deli ham sliced",
                                       "Deli",
                                       fakes::vat5,
                                       fakes::eur_cents(1990),
                                       pos::UnitOfSale::kilogram};
        const auto cheese_code =
            *pos::variable_measure_base_code(pos::layouts::price_in_cents(), "21", "05678");
        catalogue.by_code[cheese_code] = {
            51,          cheese_code,         "Cheese wedge",           "Deli",
            fakes::vat5, fakes::eur_cents(0), pos::UnitOfSale::kilogram};
    }
};

}  // namespace

TEST_CASE_FIXTURE(Fixture, "a weighed label rings up its weight at the price per kg") {
    const auto label =
        *pos::make_variable_measure_code(pos::layouts::weight_in_grams(), "23", "01234", 245);
    REQUIRE(session.add_item(label).ok());
    const auto& line = session.ticket().lines()[0];
    CHECK(line.name == "Deli ham sliced");
    CHECK(line.quantity.milli == 245);
    CHECK(line.amounts.gross.minor() == 488);  // 0.245 kg x 19.90 = 4.8755
}

TEST_CASE_FIXTURE(Fixture, "a pre-priced label rings up one pack at the printed price") {
    const auto label =
        *pos::make_variable_measure_code(pos::layouts::price_in_cents(), "21", "05678", 379);
    REQUIRE(session.add_item(label).ok());
    const auto& line = session.ticket().lines()[0];
    CHECK(line.name == "Cheese wedge");
    CHECK(line.quantity.milli == 1000);
    CHECK(line.amounts.gross.minor() == 379);
}

TEST_CASE_FIXTURE(Fixture, "a label with a bad check digit is refused with the rule that broke") {
    auto label =
        *pos::make_variable_measure_code(pos::layouts::weight_in_grams(), "23", "01234", 245);
    label.back() = label.back() == '9' ? '0' : static_cast<char>(label.back() + 1);
    auto r = session.add_item(label);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().message.find("check digit") != std::string::npos);
    CHECK(session.ticket().lines().empty());
}

TEST_CASE_FIXTURE(Fixture, "a UPC-A scan finds the product stored under its EAN-13 form") {
    catalogue.by_code["0036000291452"] = {
        60,          "0036000291452",       "Imported soup",      "Grocery",
        fakes::vat5, fakes::eur_cents(249), pos::UnitOfSale::each};
    REQUIRE(session.add_item("036000291452").ok());
    REQUIRE(session.add_item("]E0036000291452").ok());  // with its AIM symbology id
    CHECK(session.ticket().lines().size() == 2);
}

TEST_CASE_FIXTURE(Fixture, "a GS1 code with a net weight rings up that weight") {
    catalogue.by_code["9521234543213"] = {
        61,          "9521234543213",        "Salmon fillet",          "Fish",
        fakes::vat5, fakes::eur_cents(2990), pos::UnitOfSale::kilogram};
    REQUIRE(session.add_item("(01)09521234543213(3103)000350").ok());
    const auto& line = session.ticket().lines()[0];
    CHECK(line.quantity.milli == 350);
    CHECK(line.amounts.gross.minor() == 1047);  // 0.350 x 29.90 = 10.465
}
