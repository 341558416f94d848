#include <doctest/doctest.h>

#include "receipts/printer_profile.hpp"

using receipts::CodePage;
using receipts::parse_code_pages;

namespace {

// "CP437:0 CP858:19": the slots as the settings screen would list them back.
std::string slots_of(const receipts::CodePageList& list) {
    std::string out;
    for (const auto& slot : list.slots) {
        if (!out.empty())
            out += ' ';
        out +=
            std::string(receipts::to_string(slot.page)) + ":" + std::to_string(slot.escpos_number);
    }
    return out;
}

}  // namespace

TEST_CASE("A code page list from the settings gives the pages with their ESC t numbers in order") {
    const auto list = parse_code_pages("CP858:19,CP437:0,CP1252:16");
    CHECK(slots_of(list) == "CP858:19 CP437:0 CP1252:16");
    CHECK(list.problems.empty());
    REQUIRE(list.slots.size() == 3);
    CHECK(list.slots[0].page == CodePage::cp858);
    CHECK(list.slots[0].escpos_number == 19);
}

TEST_CASE("Spaces, lower-case names and empty entries in a code page list are harmless") {
    const auto list = parse_code_pages(" cp437 : 0 , ,CP866:17,");
    CHECK(slots_of(list) == "CP437:0 CP866:17");
    CHECK(list.problems.empty());
    CHECK(parse_code_pages("").slots.empty());
    CHECK(parse_code_pages("").problems.empty());
}

TEST_CASE("An unknown code page is reported by name and skipped; the others are kept") {
    const auto list = parse_code_pages("CP437:0,CP999:5,CP858:19");
    CHECK(slots_of(list) == "CP437:0 CP858:19");
    REQUIRE(list.problems.size() == 1);
    CHECK(list.problems[0] ==
          "Code page \"CP999\" in \"CP999:5\" is not one the receipts know (CP437, CP850, "
          "CP858, CP866, CP1252); skipped");
}

TEST_CASE("A bad ESC t number is reported with the entry and skipped") {
    SUBCASE("not a number") {
        const auto list = parse_code_pages("CP858:x1,CP437:0");
        CHECK(slots_of(list) == "CP437:0");
        REQUIRE(list.problems.size() == 1);
        CHECK(list.problems[0] ==
              "Code page entry \"CP858:x1\": the ESC t number \"x1\" is not a whole number from "
              "0 to 255; skipped");
    }
    SUBCASE("out of range, negative or empty") {
        const auto list = parse_code_pages("CP858:256,CP850:-2,CP866:");
        CHECK(list.slots.empty());
        REQUIRE(list.problems.size() == 3);
        CHECK(list.problems[0] ==
              "Code page entry \"CP858:256\": the ESC t number \"256\" is not a whole number "
              "from 0 to 255; skipped");
        CHECK(list.problems[1] ==
              "Code page entry \"CP850:-2\": the ESC t number \"-2\" is not a whole number from "
              "0 to 255; skipped");
        CHECK(list.problems[2] ==
              "Code page entry \"CP866:\": the ESC t number \"\" is not a whole number from 0 to "
              "255; skipped");
    }
    SUBCASE("no number at all") {
        const auto list = parse_code_pages("CP858");
        CHECK(list.slots.empty());
        REQUIRE(list.problems.size() == 1);
        CHECK(list.problems[0] ==
              "Code page entry \"CP858\" has no ESC t number: write it as page:number, such as "
              "\"CP858:19\"; skipped");
    }
}

TEST_CASE("A code page listed twice keeps its first number and reports the second") {
    const auto list = parse_code_pages("CP437:0,CP858:19,cp437:3");
    CHECK(slots_of(list) == "CP437:0 CP858:19");
    REQUIRE(list.problems.size() == 1);
    CHECK(list.problems[0] ==
          "Code page CP437 is listed twice; the second entry \"cp437:3\" is skipped");
}
