#include <doctest/doctest.h>

#include <stdexcept>
#include <string>

#include "pos/variable_measure.hpp"

namespace {

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

template <typename T>
std::string message_of(const pos::Result<T>& result) {
    REQUIRE_FALSE(result.ok());
    return result.error().message;
}

// Sweden's layouts (GS1 Sweden, as biip's RCN rules encode them): 20 price 2 decimals and 23
// weight 3 decimals, a 6-digit item reference and a 4-digit value, no verifier digit.
pos::VariableMeasureLayout nordic_price() {
    return {"Nordic price", {"20"}, pos::EmbeddedValue::price, 2, 6, 8, 4, 2, std::nullopt};
}
pos::VariableMeasureLayout nordic_weight() {
    return {"Nordic weight", {"23"}, pos::EmbeddedValue::weight, 2, 6, 8, 4, 3, std::nullopt};
}

}  // namespace

TEST_CASE("the price verifier digit follows the GS1 weighting factors 2-, 3, 5+, 5-") {
    // GS1 General Specifications 7.9.3 and 7.9.4 worked examples (as quoted in biip's tests).
    CHECK(pos::price_check_digit("2875") == '9');   // four-digit price field
    CHECK(pos::price_check_digit("14685") == '6');  // five-digit price field
    CHECK(pos::price_check_digit("1234") == '9');
    CHECK(pos::price_check_digit("0000") == '0');
    CHECK(pos::price_check_digit("00000") == '0');
    CHECK_THROWS_AS(pos::price_check_digit("123"), std::invalid_argument);
    CHECK_THROWS_AS(pos::price_check_digit("123456"), std::invalid_argument);
}

TEST_CASE("a price label with a price check digit rings up at its price (GS1 UK layout)") {
    // biip's GS1 UK example: 20 11122 9 1234 6 is item 11122 at 12.34.
    auto label =
        pos::decode_variable_measure("2011122912346", pos::layouts::price_with_check_digit());
    REQUIRE(label.ok());
    CHECK(*label->price == pos::Decimal{1234, 2});
    CHECK_FALSE(label->weight_grams);
    CHECK(label->item_reference == "11122");
    // The catalogue code: value and verifier zeroed, EAN-13 check digit recomputed.
    CHECK(label->lookup_code == "2011122000005");
    CHECK(label->layout_name == "price with check digit");

    SUBCASE("a wrong price check digit is refused with the digit it should be") {
        const auto message = message_of(
            pos::decode_variable_measure("2011122812349", pos::layouts::price_with_check_digit()));
        CHECK(contains(message, "wrong price check digit (digit 8 should be 9 for price 12.34)"));
    }
    SUBCASE("a wrong EAN-13 check digit is found first") {
        const auto message = message_of(
            pos::decode_variable_measure("2011122912347", pos::layouts::price_with_check_digit()));
        CHECK(contains(message, "wrong check digit (the last digit should be 6)"));
    }
}

TEST_CASE("the preset layouts read price and weight labels") {
    SUBCASE("price in cents: 21 12345 01299 5") {
        auto label = pos::decode_variable_measure("2112345012995", pos::layouts::price_in_cents());
        REQUIRE(label.ok());
        CHECK(*label->price == pos::Decimal{1299, 2});
        CHECK(label->lookup_code == "2112345000008");
    }
    SUBCASE("weight in grams: 23 00042 00450 8 is 0.450 kg") {
        auto label = pos::decode_variable_measure("2300042004508", pos::layouts::weight_in_grams());
        REQUIRE(label.ok());
        CHECK(*label->weight_grams == 450);
        CHECK_FALSE(label->price);
        CHECK(label->lookup_code == "2300042000005");
    }
    SUBCASE("weight with a 5-digit measure verifier digit: 28 1234 7 01250 3 is 1.250 kg") {
        auto label =
            pos::decode_variable_measure("2812347012503", pos::layouts::weight_with_check_digit());
        REQUIRE(label.ok());
        CHECK(*label->weight_grams == 1250);
        CHECK(label->lookup_code == "2812340000002");
        CHECK(contains(message_of(pos::decode_variable_measure(
                           "2812346012504", pos::layouts::weight_with_check_digit())),
                       "wrong weight check digit (digit 7 should be 7 for weight 1.250 kg)"));
    }
    SUBCASE("a UPC-A with number system 2, in its 13-digit form") {
        auto label = pos::decode_variable_measure("0212345602997",
                                                  pos::layouts::upc_price_with_check_digit());
        REQUIRE(label.ok());
        CHECK(*label->price == pos::Decimal{299, 2});
        CHECK(label->lookup_code == "0212345000007");
    }
    SUBCASE("a label that is not 13 digits") {
        CHECK(contains(message_of(pos::decode_variable_measure("211234501299",
                                                               pos::layouts::price_in_cents())),
                       "should be 13 digits"));
    }
}

TEST_CASE("a regional layout is data: real Norwegian and Swedish labels") {
    // Real products quoted in biip's tests: Norvegia cheese 1.086 kg, chicken breast 0.226 kg.
    auto cheese = pos::decode_variable_measure("2302148210869", nordic_weight());
    REQUIRE(cheese.ok());
    CHECK(*cheese->weight_grams == 1086);
    CHECK(cheese->lookup_code == "2302148200006");
    CHECK(*pos::decode_variable_measure("2368091402263", nordic_weight())->weight_grams == 226);

    auto priced = pos::decode_variable_measure("2088060112343", nordic_price());
    REQUIRE(priced.ok());
    CHECK(*priced->price == pos::Decimal{1234, 2});
    CHECK(priced->lookup_code == "2088060100005");

    SUBCASE("weights with fewer decimals are scaled to grams") {
        auto layout = nordic_weight();
        layout.value_decimals = 2;  // 24: 12.34 kg
        CHECK(*pos::decode_variable_measure("2311111112345", layout)->weight_grams == 12340);
    }
}

TEST_CASE("the layout is chosen by prefix, first match wins") {
    const auto presets = pos::layouts::presets();
    CHECK(pos::find_layout(presets, "2011122912346")->name == "price with check digit");
    CHECK(pos::find_layout(presets, "2112345012995")->name == "price in cents");
    CHECK(pos::find_layout(presets, "2300042004508")->name == "weight in grams");
    CHECK(pos::find_layout(presets, "2812347012503")->name == "weight with check digit");
    CHECK(pos::find_layout(presets, "0212345602997")->name == "UPC-A price with check digit");
    CHECK(pos::find_layout(presets, "4006381333931") == nullptr);
    for (const auto& layout : presets)
        CHECK(pos::check_layout(layout).ok());
}

TEST_CASE("the catalogue base code and a full label are made from an item reference") {
    CHECK(*pos::variable_measure_base_code(pos::layouts::price_in_cents(), "21", "42") ==
          "2100042000001");
    CHECK(*pos::variable_measure_base_code(pos::layouts::price_with_check_digit(), "20", "11122") ==
          "2011122000005");
    CHECK(*pos::variable_measure_base_code(pos::layouts::weight_with_check_digit(), "28", "1234") ==
          "2812340000002");

    // A label round-trips through the decoder to the base code.
    auto code = pos::make_variable_measure_code(pos::layouts::price_with_check_digit(), "20",
                                                "11122", 1234);
    REQUIRE(code.ok());
    CHECK(*code == "2011122912346");
    CHECK(
        pos::make_variable_measure_code(pos::layouts::weight_in_grams(), "23", "42", 450).value() ==
        "2300042004508");

    SUBCASE("what does not fit is refused") {
        CHECK(contains(
            message_of(pos::variable_measure_base_code(pos::layouts::price_in_cents(), "23", "42")),
            "Prefix '23' is not one of layout 'price in cents'"));
        CHECK(contains(message_of(pos::variable_measure_base_code(pos::layouts::price_in_cents(),
                                                                  "21", "123456")),
                       "takes up to 5 digits"));
        CHECK(contains(message_of(pos::make_variable_measure_code(
                           pos::layouts::price_with_check_digit(), "20", "1", 12345)),
                       "price 123.45 does not fit"));
    }
}

TEST_CASE("a layout that cannot work is refused with the reason") {
    auto layout = pos::layouts::price_in_cents();
    SUBCASE("value overlapping the item") {
        layout.value_start = 5;
        CHECK(contains(message_of(pos::check_layout(layout)), "overlaps"));
    }
    SUBCASE("value running into the check digit") {
        layout.value_start = 8;
        CHECK(contains(message_of(pos::check_layout(layout)), "outside digits 1-12"));
    }
    SUBCASE("a verifier digit for a 3-digit value") {
        layout.value_length = 3;
        layout.value_start = 8;
        layout.value_check_position = 7;
        CHECK(contains(message_of(pos::check_layout(layout)), "4 or 5 digits"));
    }
    SUBCASE("no prefix") {
        layout.prefixes.clear();
        CHECK(contains(message_of(pos::check_layout(layout)), "no prefix"));
    }
    SUBCASE("weight finer than grams") {
        layout.value_kind = pos::EmbeddedValue::weight;
        layout.value_decimals = 4;
        CHECK(contains(message_of(pos::check_layout(layout)), "4 decimals (0 to 3)"));
    }
    SUBCASE("decoding with a broken layout says so") {
        layout.prefixes.clear();
        CHECK(contains(message_of(pos::decode_variable_measure("2112345012995", layout)),
                       "cannot be used"));
    }
}
