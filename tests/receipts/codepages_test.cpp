#include <doctest/doctest.h>

#include "receipts/codepages.hpp"

using receipts::CodePage;
using receipts::from_code_page;
using receipts::to_code_page;
using receipts::transliterate;

namespace {

constexpr CodePage all_pages[] = {CodePage::cp437, CodePage::cp850, CodePage::cp858,
                                  CodePage::cp866, CodePage::cp1252};

}  // namespace

TEST_CASE("UTF-8 decodes to code points and encodes back") {
    const std::string text = "Caf\xC3\xA9 \xE2\x82\xAC 5 \xD0\x96 \xF0\x9F\x98\x80";  // é € Ж 😀
    const std::u32string points = receipts::decode_utf8(text);
    CHECK(points == U"Café € 5 Ж 😀");
    CHECK(receipts::encode_utf8(points) == text);
}

TEST_CASE("malformed UTF-8 becomes replacement characters, never other letters") {
    SUBCASE("a sequence cut short") {
        CHECK(receipts::decode_utf8("a\xC3") == U"a\uFFFD");
    }
    SUBCASE("a stray continuation byte") {
        CHECK(receipts::decode_utf8("\x80z") == U"\uFFFDz");
    }
    SUBCASE("an overlong slash") {
        CHECK(receipts::decode_utf8("\xE0\x80\xAF") == U"\uFFFD");
    }
    SUBCASE("a surrogate") {
        CHECK(receipts::decode_utf8("\xED\xA0\x80") == U"\uFFFD");
    }
    SUBCASE("past U+10FFFF") {
        CHECK(receipts::decode_utf8("\xF4\x90\x80\x80") == U"\uFFFD");
    }
    SUBCASE("a lead byte followed by ASCII") {
        CHECK(receipts::decode_utf8("\xE2"
                                    "ab") == U"\uFFFDab");
    }
}

TEST_CASE("code pages hold the standard characters at the standard bytes") {
    SUBCASE("CP437") {
        CHECK(to_code_page(U'é', CodePage::cp437) == 0x82);
        CHECK(to_code_page(U'ü', CodePage::cp437) == 0x81);
        CHECK(to_code_page(U'ñ', CodePage::cp437) == 0xA4);
        CHECK(to_code_page(U'£', CodePage::cp437) == 0x9C);
        CHECK(to_code_page(U'ß', CodePage::cp437) == 0xE1);
        CHECK(to_code_page(U'═', CodePage::cp437) == 0xCD);
        CHECK(to_code_page(U'€', CodePage::cp437) == std::nullopt);
        CHECK(to_code_page(U'Á', CodePage::cp437) == std::nullopt);
    }
    SUBCASE("CP850 has the dotless i where CP858 has the euro sign") {
        CHECK(to_code_page(U'Á', CodePage::cp850) == 0xB5);
        CHECK(to_code_page(U'ø', CodePage::cp850) == 0x9B);
        CHECK(from_code_page(0xD5, CodePage::cp850) == U'ı');
        CHECK(from_code_page(0xD5, CodePage::cp858) == U'€');
        CHECK(to_code_page(U'€', CodePage::cp850) == std::nullopt);
        CHECK(to_code_page(U'€', CodePage::cp858) == 0xD5);
        CHECK(to_code_page(U'ı', CodePage::cp858) == std::nullopt);
    }
    SUBCASE("CP866") {
        CHECK(to_code_page(U'А', CodePage::cp866) == 0x80);
        CHECK(to_code_page(U'п', CodePage::cp866) == 0xAF);
        CHECK(to_code_page(U'р', CodePage::cp866) == 0xE0);
        CHECK(to_code_page(U'я', CodePage::cp866) == 0xEF);
        CHECK(to_code_page(U'Ё', CodePage::cp866) == 0xF0);
        CHECK(to_code_page(U'№', CodePage::cp866) == 0xFC);
        CHECK(to_code_page(U'é', CodePage::cp866) == std::nullopt);
    }
    SUBCASE("CP1252, where five bytes stand for nothing") {
        CHECK(to_code_page(U'€', CodePage::cp1252) == 0x80);
        CHECK(to_code_page(U'“', CodePage::cp1252) == 0x93);
        CHECK(to_code_page(U'—', CodePage::cp1252) == 0x97);
        CHECK(to_code_page(U'Ÿ', CodePage::cp1252) == 0x9F);
        CHECK(to_code_page(U'é', CodePage::cp1252) == 0xE9);
        for (std::uint8_t undefined : {0x81, 0x8D, 0x8F, 0x90, 0x9D})
            CHECK(from_code_page(undefined, CodePage::cp1252) == U'\uFFFD');
    }
}

TEST_CASE("every byte of every code page maps back to itself") {
    for (CodePage page : all_pages) {
        CAPTURE(receipts::to_string(page));
        int characters = 0;
        for (int byte = 0x80; byte <= 0xFF; ++byte) {
            const char32_t c = from_code_page(static_cast<std::uint8_t>(byte), page);
            if (c == U'\uFFFD')
                continue;
            ++characters;
            CHECK(to_code_page(c, page) == byte);
        }
        CHECK(characters == (page == CodePage::cp1252 ? 123 : 128));
    }
}

TEST_CASE("printable ASCII is itself on every page; control characters are on none") {
    for (CodePage page : all_pages) {
        CHECK(to_code_page(U'A', page) == 'A');
        CHECK(to_code_page(U'~', page) == '~');
        CHECK(to_code_page(U'\x1B', page) == std::nullopt);
        CHECK(to_code_page(U'\n', page) == std::nullopt);
        CHECK(to_code_page(U'\x7F', page) == std::nullopt);
        CHECK(to_code_page(U'\x85', page) == std::nullopt);
    }
}

TEST_CASE("transliteration gives ASCII stand-ins, or nothing") {
    CHECK(transliterate(U'‘') == "'");
    CHECK(transliterate(U'’') == "'");
    CHECK(transliterate(U'“') == "\"");
    CHECK(transliterate(U'„') == "\"");
    CHECK(transliterate(U'–') == "-");
    CHECK(transliterate(U'—') == "-");
    CHECK(transliterate(U'…') == "...");
    CHECK(transliterate(U'•') == "*");
    CHECK(transliterate(U'\u00A0') == " ");
    CHECK(transliterate(U'\t') == " ");
    CHECK(transliterate(U'ﬁ') == "fi");
    CHECK(transliterate(U'ﬄ') == "ffl");
    CHECK(transliterate(U'€') == "EUR");
    CHECK(transliterate(U'ő') == "o");
    CHECK(transliterate(U'Ł') == "L");
    CHECK(transliterate(U'ž') == "z");
    CHECK(transliterate(U'é') == "e");
    CHECK(transliterate(U'ß') == "ss");
    CHECK(transliterate(U'Œ') == "OE");
    CHECK(transliterate(U'Ж') == "Zh");
    CHECK(transliterate(U'щ') == "shch");
    CHECK(transliterate(U'😀').empty());
    CHECK(transliterate(U'中').empty());
}

TEST_CASE("code pages are named as printers name them") {
    CHECK(receipts::to_string(CodePage::cp858) == "CP858");
    CHECK(receipts::to_string(CodePage::cp1252) == "CP1252");
}
