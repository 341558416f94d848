#include <doctest/doctest.h>

#include <algorithm>
#include <random>

#include "receipts/escpos.hpp"

using receipts::Document;
using receipts::PrinterProfile;
using Bytes = std::vector<std::uint8_t>;

namespace {

PrinterProfile profile(const std::string& name) {
    return *receipts::find_profile(name);
}

// A printer that has nothing but CP437.
PrinterProfile cp437_only() {
    PrinterProfile p = profile("epson-tm-t20");
    p.code_pages = {{receipts::CodePage::cp437, 0}};
    return p;
}

Document lines(std::initializer_list<std::string> texts) {
    Document d;
    for (const auto& text : texts)
        d.blocks.emplace_back(receipts::TextLine{text, {}});
    return d;
}

std::string printed(const Document& d, const PrinterProfile& p) {
    return receipts::describe(receipts::decode_escpos(receipts::encode_escpos(d, p), p));
}

Bytes bytes_of(std::initializer_list<int> values) {
    Bytes out;
    for (int v : values)
        out.push_back(static_cast<std::uint8_t>(v));
    return out;
}

Bytes operator+(Bytes a, const std::string& s) {
    a.insert(a.end(), s.begin(), s.end());
    return a;
}

Bytes operator+(Bytes a, const Bytes& b) {
    a.insert(a.end(), b.begin(), b.end());
    return a;
}

bool contains(const Bytes& haystack, const Bytes& needle) {
    return std::search(haystack.begin(), haystack.end(), needle.begin(), needle.end()) !=
           haystack.end();
}

std::size_t count(const Bytes& haystack, const Bytes& needle) {
    std::size_t n = 0;
    for (auto it = haystack.begin();
         (it = std::search(it, haystack.end(), needle.begin(), needle.end())) != haystack.end();
         ++it)
        ++n;
    return n;
}

// The ESC t commands in the bytes, as the page numbers they select.
std::vector<int> page_switches(const Bytes& bytes) {
    std::vector<int> pages;
    for (std::size_t i = 0; i + 2 < bytes.size(); ++i)
        if (bytes[i] == 0x1B && bytes[i + 1] == 't')
            pages.push_back(bytes[i + 2]);
    return pages;
}

const Bytes esc_t = bytes_of({0x1B, 't'});
const Bytes raster = bytes_of({0x1D, 'v', '0', 0});

receipts::Image checkerboard(int width, int height) {
    receipts::Image image{width, height, {}};
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x)
            image.pixels.push_back(static_cast<std::uint8_t>((x / 3 + y / 2) % 2));
    return image;
}

}  // namespace

TEST_CASE("the built-in printer profiles") {
    CHECK(receipts::profile_names() ==
          std::vector<std::string>{"epson-tm-t20", "generic-58", "virtual"});
    CHECK_FALSE(receipts::find_profile("no-such-printer"));
    const auto epson = profile("epson-tm-t20");
    CHECK(epson.paper.columns == 48);
    REQUIRE(epson.code_pages.size() == 5);
    CHECK(epson.code_pages[3].page == receipts::CodePage::cp858);
    CHECK(epson.code_pages[3].escpos_number == 19);
    const auto small = profile("generic-58");
    CHECK(small.paper.columns == 32);
    CHECK_FALSE(small.qr);
}

TEST_CASE("a document prints back as its lines, styles and codes") {
    Document d;
    d.blocks = {
        receipts::TextLine{"CORNER SHOP",
                           {.bold = true, .double_width = true, .align = receipts::Align::centre}},
        receipts::TextLine{"12 High Street", {.align = receipts::Align::centre}},
        receipts::Separator{U'='},
        receipts::Row{"Milk 1 l", "3 x 1.20", "3.60", false},
        receipts::Row{"TOTAL", "", "3.60", true},
        receipts::TextLine{"Thank you", {.double_height = true, .align = receipts::Align::right}},
        receipts::Barcode{"S001-T01-000042", true},
        receipts::QrCode{"S001-T01-000042"},
        receipts::Feed{3},
        receipts::Cut{true},
        receipts::DrawerPulse{},
    };
    const auto row = receipts::layout_row(std::get<receipts::Row>(d.blocks[3]), 48);
    const auto total = receipts::layout_row(std::get<receipts::Row>(d.blocks[4]), 48);
    REQUIRE(row.size() == 1);
    REQUIRE(total.size() == 1);
    CHECK(printed(d, profile("epson-tm-t20")) ==
          "[B][W][C] CORNER SHOP\n"
          "[C] 12 High Street\n" +
              std::string(48, '=') + "\n" + row[0] + "\n[B] " + total[0] +
              "\n"
              "[H][R] Thank you\n"
              "<barcode S001-T01-000042>\n"
              "<qr S001-T01-000042>\n"
              "<feed 3>\n"
              "<cut>\n"
              "<drawer pin 2 100/200 ms>\n");
}

TEST_CASE("bytes start with ESC @ and set only the styles that change") {
    Document d = lines({"a", "b"});
    d.blocks.emplace_back(receipts::TextLine{"c", {.bold = true}});
    d.blocks.emplace_back(receipts::TextLine{"d", {.bold = true}});
    CHECK(receipts::encode_escpos(d, profile("virtual")) ==
          bytes_of({0x1B, '@', 'a', '\n', 'b', '\n', 0x1B, 'E', 1, 'c', '\n', 'd', '\n'}));
}

TEST_CASE("accented names print through a code page that has them") {
    const Document d = lines({"Crème brûlée", "Müsli", "Ñandú"});
    SUBCASE("CP437") {
        const Bytes bytes = receipts::encode_escpos(d, cp437_only());
        CHECK(contains(bytes, Bytes{'C', 'r', 0x1B, 't', 0, 0x8A, 'm', 'e'}));  // è
        CHECK(contains(bytes, Bytes{'M', 0x81, 's'}));                          // ü
        CHECK(contains(bytes, Bytes{0xA5, 'a', 'n', 'd', 0xA3}));               // Ñ, ú
        CHECK(page_switches(bytes) == std::vector<int>{0});
        CHECK(printed(d, cp437_only()) == "Crème brûlée\nMüsli\nÑandú\n");
    }
    SUBCASE("CP850 first") {
        PrinterProfile p = profile("epson-tm-t20");
        p.code_pages = {{receipts::CodePage::cp850, 2}};
        const Bytes bytes = receipts::encode_escpos(d, p);
        CHECK(page_switches(bytes) == std::vector<int>{2});
        CHECK(contains(bytes, Bytes{'b', 'r', 0x96, 'l', 0x82, 'e'}));  // û, é
        CHECK(printed(d, p) == "Crème brûlée\nMüsli\nÑandú\n");
    }
}

TEST_CASE("the euro sign switches to CP858, or prints EUR where no page has it") {
    const Document d = lines({"Total € 12,50"});
    SUBCASE("a printer with CP858") {
        const Bytes bytes = receipts::encode_escpos(d, profile("epson-tm-t20"));
        CHECK(page_switches(bytes) == std::vector<int>{19});
        CHECK(contains(bytes, Bytes{0x1B, 't', 19, 0xD5}));
        CHECK(printed(d, profile("epson-tm-t20")) == "Total € 12,50\n");
        CHECK(printed(d, profile("generic-58")) == "Total € 12,50\n");
    }
    SUBCASE("a printer with CP437 only") {
        CHECK(page_switches(receipts::encode_escpos(d, cp437_only())).empty());
        CHECK(printed(d, cp437_only()) == "Total EUR 12,50\n");
    }
}

TEST_CASE("Cyrillic switches to CP866 and back") {
    const Document d = lines({"Café", "Молоко 1 л", "Café", "Crème"});
    const Bytes bytes = receipts::encode_escpos(d, profile("epson-tm-t20"));
    CHECK(page_switches(bytes) == std::vector<int>{0, 17, 0});
    CHECK(contains(bytes, Bytes{0x1B, 't', 17, 0x8C, 0xAE, 0xAB, 0xAE, 0xAA, 0xAE}));
    CHECK(printed(d, profile("epson-tm-t20")) == "Café\nМолоко 1 л\nCafé\nCrème\n");
    SUBCASE("and is romanised on a printer without CP866") {
        CHECK(printed(d, profile("generic-58")) == "Café\nMoloko 1 l\nCafé\nCrème\n");
    }
}

TEST_CASE("characters no code page has are transliterated, or become '?'") {
    const Document d = lines({"“Best” – buy…", "Party 🎉 pack", "ﬁne Łódź"});
    CHECK(printed(d, profile("generic-58")) == "\"Best\" - buy...\nParty ? pack\nfine Lódz\n");
    SUBCASE("a printer with CP1252 prints the curly quotes themselves") {
        const Bytes bytes = receipts::encode_escpos(lines({"“Best”"}), profile("epson-tm-t20"));
        CHECK(contains(bytes, Bytes{0x1B, 't', 16, 0x93, 'B', 'e', 's', 't', 0x94}));
    }
}

TEST_CASE("control characters in text never reach the printer as commands") {
    const Bytes bytes = receipts::encode_escpos(lines({"A\x1B@B\x1Dv\tC"}), profile("virtual"));
    CHECK(count(bytes, Bytes{0x1B}) == 1);  // only the ESC @ that starts the document
    CHECK(count(bytes, Bytes{0x1D}) == 0);
    CHECK(printed(lines({"A\x1B@B\x1Dv\tC"}), profile("virtual")) == "A?@B?v C\n");
}

TEST_CASE("the code page is selected only when a character needs another one") {
    SUBCASE("ASCII needs none") {
        CHECK(count(receipts::encode_escpos(lines({"Milk", "Bread 2.40"}), profile("virtual")),
                    esc_t) == 0);
    }
    SUBCASE("many accented lines need one") {
        const Document d = lines({"Crème", "Müsli", "Jalapeño", "Entrée", "Smörgås"});
        CHECK(page_switches(receipts::encode_escpos(d, profile("virtual"))) == std::vector<int>{0});
    }
    SUBCASE("a page that has the next character is kept") {
        // After the euro sign selects CP858, é is on CP858 too: no switch back to CP437.
        const Document d = lines({"Crème 5 €", "Entrée", "Ø"});
        CHECK(page_switches(receipts::encode_escpos(d, profile("virtual"))) ==
              std::vector<int>{0, 19});
    }
}

TEST_CASE("an image prints as raster bands of at most 24 rows") {
    Document d;
    d.blocks.emplace_back(checkerboard(100, 100));
    const Bytes bytes = receipts::encode_escpos(d, profile("virtual"));
    CHECK(count(bytes, raster) == 5);
    CHECK(contains(bytes, Bytes{0x1D, 'v', '0', 0, 13, 0, 24, 0}));
    CHECK(contains(bytes, Bytes{0x1D, 'v', '0', 0, 13, 0, 4, 0}));
    const auto events = receipts::decode_escpos(bytes, profile("virtual"));
    REQUIRE(events.size() == 1);
    const auto& image = std::get<receipts::PrintedImage>(events[0]);
    CHECK(image.width == 104);  // padded to whole bytes
    CHECK(image.height == 100);
    const auto original = checkerboard(100, 100);
    bool same = true;
    for (int y = 0; y < 100; ++y)
        for (int x = 0; x < 104; ++x)
            same =
                same && image.pixels[y * 104 + x] == (x < 100 ? original.pixels[y * 100 + x] : 0);
    CHECK(same);
    CHECK(receipts::describe(events) == "<image 104x100>\n");
}

TEST_CASE("raster bytes hold the leftmost pixel in the most significant bit") {
    Document d;
    d.blocks.emplace_back(receipts::Image{10, 1, {1, 0, 0, 0, 0, 0, 0, 1, 0, 1}});
    const Bytes bytes = receipts::encode_escpos(d, profile("virtual"));
    CHECK(contains(bytes, Bytes{0x1D, 'v', '0', 0, 2, 0, 1, 0, 0x81, 0x40}));
}

TEST_CASE("the receipt barcode is Code128 with its number under the bars") {
    Document d;
    d.blocks.emplace_back(receipts::Barcode{"S001-T01-000042", true});
    const Bytes expected =
        bytes_of({0x1D, 'H', 2, 0x1D, 'h', 80, 0x1D, 'w', 2, 0x1D, 'k', 73, 16}) + "{BS001-T01-{C" +
        bytes_of({0, 0, 42});
    CHECK(contains(receipts::encode_escpos(d, profile("epson-tm-t20")), expected));
    SUBCASE("the digits in code set C keep the 2-dot module on 58 mm paper") {
        d.paper = receipts::paper_58mm;
        CHECK(contains(receipts::encode_escpos(d, profile("generic-58")), expected));
    }
    SUBCASE("without the number printed") {
        d.blocks = {receipts::Barcode{"S001-T01-000042", false}};
        CHECK(contains(receipts::encode_escpos(d, profile("virtual")), bytes_of({0x1D, 'H', 0})));
    }
    SUBCASE("an odd run of digits leaves one in code set B") {
        d.blocks = {receipts::Barcode{"A12345", true}};
        CHECK(contains(receipts::encode_escpos(d, profile("virtual")),
                       bytes_of({0x1D, 'k', 73, 8}) + "{BA1{C" + bytes_of({23, 45})));
        CHECK(printed(d, profile("virtual")) == "<barcode A12345>\n");
    }
    CHECK(printed(d, profile("virtual")).find("<barcode ") != std::string::npos);
}

TEST_CASE("the QR code is model 2, error correction M, stored then printed") {
    Document d;
    d.blocks.emplace_back(receipts::QrCode{"S001-T01-000042"});
    const Bytes expected = bytes_of({0x1D, '(', 'k', 4,  0, '1', 'A', '2', 0,  //
                                     0x1D, '(', 'k', 3,  0, '1', 'C', 6,       //
                                     0x1D, '(', 'k', 3,  0, '1', 'E', '1',     //
                                     0x1D, '(', 'k', 18, 0, '1', 'P', '0'}) +
                           "S001-T01-000042" + bytes_of({0x1D, '(', 'k', 3, 0, '1', 'Q', '0'});
    CHECK(contains(receipts::encode_escpos(d, profile("epson-tm-t20")), expected));
    SUBCASE("a printer without QR support gets none") {
        CHECK(receipts::encode_escpos(d, profile("generic-58")) == bytes_of({0x1B, '@'}));
    }
}

TEST_CASE("the cut is partial or full, and a feed on a printer without a cutter") {
    Document d;
    d.blocks = {receipts::Cut{true}, receipts::Cut{false}};
    CHECK(receipts::encode_escpos(d, profile("virtual")) ==
          bytes_of({0x1B, '@', 0x1D, 'V', 66, 0, 0x1D, 'V', 65, 0}));
    CHECK(printed(d, profile("virtual")) == "<cut>\n<cut full>\n");
    PrinterProfile no_cutter = profile("virtual");
    no_cutter.cutter = false;
    CHECK(receipts::encode_escpos(d, no_cutter) ==
          bytes_of({0x1B, '@', 0x1B, 'd', 4, 0x1B, 'd', 4}));
}

TEST_CASE("the drawer pulse uses the profile's pin and timing") {
    CHECK(receipts::drawer_pulse(profile("epson-tm-t20")) == bytes_of({0x1B, 'p', 0, 50, 100}));
    PrinterProfile p = profile("virtual");
    p.drawer_pin = 1;
    p.drawer_on_ms = 120;
    p.drawer_off_ms = 240;
    CHECK(receipts::drawer_pulse(p) == bytes_of({0x1B, 'p', 1, 60, 120}));
    CHECK(receipts::describe(receipts::decode_escpos(receipts::drawer_pulse(p), p)) ==
          "<drawer pin 5 120/240 ms>\n");
    p.drawer_on_ms = 2000;  // longer than ESC p can say: the longest it can
    CHECK(receipts::drawer_pulse(p)[3] == 255);
}

TEST_CASE("the decoder understands other printers' common commands") {
    const auto p = profile("virtual");
    auto decoded = [&](const Bytes& bytes) {
        return receipts::describe(receipts::decode_escpos(bytes, p));
    };
    CHECK(decoded(bytes_of({0x1B, '!', 0x38}) + "Big\n") == "[B][W][H] Big\n");
    CHECK(decoded(bytes_of({0x1B, '-', 1, 0x1D, 'B', 1, 0x1B, '3', 30, 0x1B, '2'}) + "u\n") ==
          "u\n");
    CHECK(decoded(bytes_of({0x10, 0x04, 1}) + "x\n") == "<unknown 10 04 01>\nx\n");
    CHECK(decoded(bytes_of({0x10, 0x14, 1, 0, 2})) == "<drawer pin 2 200/200 ms>\n");
    CHECK(decoded(bytes_of({0x1D, 'k', 4}) + "AB12" + bytes_of({0})) == "<barcode AB12>\n");
    CHECK(decoded(bytes_of({0x1D, 'V', 1})) == "<cut>\n");
    CHECK(decoded(Bytes{} + "a\tb\n") == "a       b\n");
    CHECK(decoded(Bytes{} + "no line feed") == "no line feed\n");
    CHECK(decoded(bytes_of({0x1B, 't', 99}) + "x\n") == "<unknown 1b 74 63>\nx\n");
    CHECK(decoded(bytes_of({0x1B, 'y', 0x07, 'z', '\n'})) == "<unknown 1b 79 07>\nz\n");
}

TEST_CASE("truncated commands become unknown bytes") {
    const auto p = profile("virtual");
    auto decoded = [&](const Bytes& bytes) {
        return receipts::describe(receipts::decode_escpos(bytes, p));
    };
    CHECK(decoded(bytes_of({0x1B})) == "<unknown 1b>\n");
    CHECK(decoded(bytes_of({0x1D, 'v', '0', 0, 1, 0, 5, 0, 0xFF})) ==
          "<unknown 1d 76 30 00 01 00 05 00 ff>\n");
    CHECK(decoded(bytes_of({0x1D, 'k', 73, 10, '{', 'B'})) == "<unknown 1d 6b 49 0a 7b 42>\n");
    CHECK(decoded(bytes_of({0x1D, 'k', 4, 'A'})) == "<unknown 1d 6b 04 41>\n");
    CHECK(decoded(bytes_of({0x1D, '(', 'k', 0xFF, 0xFF, '1'})) == "<unknown 1d 28 6b ff ff 31>\n");
    CHECK(decoded(bytes_of({0x1B, 'p', 0, 50})) == "<unknown 1b 70 00 32>\n");
}

TEST_CASE("every prefix of a receipt decodes to a prefix of what the receipt prints") {
    Document d = lines({"Crème", "Молоко", "Total € 9.99"});
    d.blocks.emplace_back(checkerboard(40, 30));
    d.blocks.emplace_back(receipts::Barcode{"S001-T01-000042", true});
    d.blocks.emplace_back(receipts::QrCode{"S001-T01-000042"});
    d.blocks.emplace_back(receipts::Cut{});
    d.blocks.emplace_back(receipts::DrawerPulse{});
    const auto p = profile("virtual");
    const Bytes bytes = receipts::encode_escpos(d, p);
    const auto whole = receipts::decode_escpos(bytes, p);
    for (std::size_t length = 0; length <= bytes.size(); ++length) {
        CAPTURE(length);
        auto part = receipts::decode_escpos(Bytes(bytes.begin(), bytes.begin() + length), p);
        // The last two events may be a line, image or command the cut left unfinished.
        part.resize(part.size() >= 2 ? part.size() - 2 : 0);
        REQUIRE(part.size() <= whole.size());
        CHECK(receipts::describe(part) ==
              receipts::describe({whole.begin(), whole.begin() + part.size()}));
    }
}

TEST_CASE("random bytes decode without crashing or hanging") {
    std::mt19937 random(5);
    const std::uint8_t likely[] = {0x1B, 0x1D, 0x10, 0x1C, 0x0A, '(', 'k', 'v', '0', 'V'};
    for (int round = 0; round < 3000; ++round) {
        Bytes bytes(random() % 200);
        for (auto& b : bytes)
            b = random() % 3 == 0 ? likely[random() % std::size(likely)]
                                  : static_cast<std::uint8_t>(random());
        const auto events = receipts::decode_escpos(bytes, profile("virtual"));
        std::size_t unknown = 0;
        for (const auto& e : events)
            if (const auto* u = std::get_if<receipts::UnknownBytes>(&e))
                unknown += u->bytes.size();
        CHECK(unknown <= bytes.size());
        CHECK(receipts::describe(events).empty() == events.empty());
    }
}

TEST_CASE("a line that transliteration makes too wide still fits the paper") {
    Document d;
    d.paper = receipts::paper_58mm;
    d.blocks = {receipts::Row{"Щи", "", "4.50", false},
                receipts::TextLine{"Щука, жареная, щедрая порция", {}}};
    const auto row = receipts::layout_row(std::get<receipts::Row>(d.blocks[0]), 32);
    REQUIRE(row.size() == 1);
    REQUIRE(row[0].size() == 32 + 2);  // two Cyrillic letters take two bytes each
    // The row's gap gives up room so the amount stays at the right edge; the text line wraps.
    CHECK(printed(d, profile("generic-58")) == "Shchi" + std::string(23, ' ') +
                                                   "4.50\n"
                                                   "Shchuka, zharenaya, shchedraya\n"
                                                   "portsiya\n");
}

TEST_CASE("a separator is one full line in whatever glyph the printer has") {
    Document d;
    d.paper = receipts::paper_58mm;
    d.blocks = {receipts::Separator{U'═'}, receipts::Separator{U'…'}, receipts::Separator{U'—'}};
    CHECK(printed(d, profile("generic-58")) == "════════════════════════════════\n" +
                                                   std::string(32, '-') + "\n" +
                                                   std::string(32, '-') + "\n");
    CHECK(contains(receipts::encode_escpos(d, profile("generic-58")), Bytes(32, 0xCD)));
}
