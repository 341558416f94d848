// Every layout on both paper widths, as plain text: golden files, widths, wrapping, alignment
// and characters kept intact.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "fakes.hpp"
#include "golden.hpp"
#include "receipts/document.hpp"
#include "receipts/layouts.hpp"
#include "receipts/text.hpp"
#include "samples.hpp"

namespace {

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string l; std::getline(in, l);)
        lines.push_back(l);
    return lines;
}

bool has(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

const samples::Sample& sample(const std::vector<samples::Sample>& all, const std::string& name) {
    for (const auto& s : all) {
        if (s.name == name)
            return s;
    }
    FAIL("no sample " << name);
    return all.front();
}

std::string text_of(const std::string& name) {
    static const auto all = samples::all();
    return receipts::to_text(sample(all, name).document);
}

// The printed line that contains `part`.
std::string line_with(const std::string& text, const std::string& part) {
    for (const auto& l : lines_of(text)) {
        if (has(l, part))
            return l;
    }
    return {};
}

}  // namespace

TEST_CASE("every layout on both papers matches its golden text") {
    for (const auto& s : samples::all()) {
        CAPTURE(s.name);
        const std::string text = receipts::to_text(s.document);
        CHECK(text == golden::expected("receipts/" + s.name + ".txt", text));
    }
}

TEST_CASE("no printed line is wider than the paper, counting double width twice") {
    for (const auto& s : samples::all()) {
        CAPTURE(s.name);
        const int columns = s.document.paper.columns;
        for (const auto& block : s.document.blocks) {
            if (const auto* line = std::get_if<receipts::TextLine>(&block)) {
                CAPTURE(line->text);
                const int factor = line->style.double_width ? 2 : 1;
                CHECK(receipts::text_width(line->text) * factor <= columns);
            }
        }
        for (const auto& l : lines_of(receipts::to_text(s.document))) {
            CAPTURE(l);
            CHECK(receipts::text_width(l) <= columns);
            CHECK((l.empty() || l.back() != ' '));
        }
    }
}

TEST_CASE("a long product name wraps and keeps its amount on the last line") {
    SUBCASE("80 mm") {
        const std::string text = text_of("sale-80");
        CHECK(has(text,
                  "\nCrème brûlée tartlets, pâtisserie selection, 6\n"
                  "  pieces                                  3.49 B\n"));
    }
    SUBCASE("58 mm") {
        const std::string text = text_of("sale-58");
        CHECK(has(text,
                  "\nCrème brûlée tartlets,\n"
                  "  pâtisserie selection, 6 pieces\n"
                  "                          3.49 B\n"));
    }
}

TEST_CASE("quantities and amounts line up in their columns") {
    const std::string text = text_of("sale-80");
    CHECK(has(text, "\nWhole Milk 1 L             3 x 1.19       3.57 B\n"));
    CHECK(has(text, "\nRioja Red 75 cl                           8.99 A\n"));
    CHECK(has(text, "\nBananas loose    0.455 kg x 1.99/kg       0.91 B\n"));
    const std::string narrow = text_of("sale-58");
    CHECK(has(narrow, "\nWhole Milk 1 L 3 x 1.19   3.57 B\n"));
}

TEST_CASE("large amounts align against the right edge on both papers") {
    for (const auto& name : {"large-amounts-80", "large-amounts-58"}) {
        CAPTURE(name);
        const std::string text = text_of(name);
        const int columns = std::string(name).ends_with("-80") ? 48 : 32;
        const std::string amount = line_with(text, "1234567.89 A");
        CHECK(receipts::text_width(amount) == columns);
        CHECK(amount.ends_with("1234567.89 A"));
        CHECK(line_with(text, "Card ending 1111").ends_with("1234582.17"));
        CHECK(receipts::text_width(line_with(text, "Card ending 1111")) == columns);
        CHECK(has(text, "EUR 1234582.17"));
    }
    // On 58 mm the tax table puts its amounts under the rate, so 10-digit amounts still fit.
    CHECK(has(text_of("large-amounts-58"), "\n  A 20%\n1028806.57  205761.32 1234567.89\n"));
}

TEST_CASE("accents, the euro sign and Cyrillic are kept intact") {
    for (const auto& suffix : {"-80", "-58"}) {
        const std::string text = text_of(std::string("large-amounts") + suffix);
        CHECK(has(text, "«Élite»"));
        CHECK(has(text, "€-edition"));
        CHECK(has(text, "Чай чёрный"));
        const std::string page = text_of(std::string("test-page") + suffix);
        CHECK(has(page, "Euro: € 12.34"));
        CHECK(has(page, "Привет, мир!"));
        CHECK(has(page, "“quoted”"));
        CHECK(has(text_of(std::string("x-report") + suffix), "Élodie Durand"));
    }
}

TEST_CASE("a receipt ends with its barcode and QR of the receipt reference, then the cut") {
    const auto all = samples::all();
    const auto& blocks = sample(all, "sale-80").document.blocks;
    const auto index_of = [&](auto predicate) {
        const auto found = std::find_if(blocks.begin(), blocks.end(), predicate);
        return found == blocks.end() ? -1 : static_cast<int>(found - blocks.begin());
    };
    const auto* barcode = std::get_if<receipts::Barcode>(&blocks.at(static_cast<std::size_t>(
        index_of([](const auto& b) { return std::holds_alternative<receipts::Barcode>(b); }))));
    const int qr =
        index_of([](const auto& b) { return std::holds_alternative<receipts::QrCode>(b); });
    const int table =
        index_of([](const auto& b) { return std::holds_alternative<receipts::TaxTable>(b); });
    REQUIRE(barcode != nullptr);
    CHECK(barcode->data == "S001-T01-000042");
    CHECK(barcode->human_readable);
    REQUIRE(qr > table);
    CHECK(std::get<receipts::QrCode>(blocks.at(static_cast<std::size_t>(qr))).data ==
          "S001-T01-000042");
    CHECK(std::holds_alternative<receipts::Cut>(blocks.back()));
    CHECK(receipts::receipt_reference(fakes::settings(), samples::sale()) == "S001-T01-000042");
}

TEST_CASE("the store name is bold and tall and the total bold and wide") {
    const auto all = samples::all();
    const auto& blocks = sample(all, "sale-80").document.blocks;
    bool store_name = false;
    bool total = false;
    for (const auto& block : blocks) {
        const auto* line = std::get_if<receipts::TextLine>(&block);
        if (line && line->text == "Test Market")
            store_name = line->style == receipts::Style{true, false, true, receipts::Align::centre};
        if (line && line->text.starts_with("TOTAL"))
            total = line->style.bold && line->style.double_width &&
                    line->text == "TOTAL          EUR 16.96";  // 24 double-width columns
    }
    CHECK(store_name);
    CHECK(total);
}

TEST_CASE("a reprint is marked COPY at the top and the bottom") {
    const std::string text = text_of("reprint-80");
    const auto first = text.find("COPY");
    REQUIRE(first != std::string::npos);
    CHECK(first < text.find("Test Market"));
    CHECK(text.rfind("COPY") > text.find("[barcode"));
    CHECK_FALSE(has(text_of("sale-80"), "COPY"));
}

TEST_CASE("a gift receipt shows items and quantities but no prices or payments") {
    for (const auto& name : {"gift-80", "gift-58"}) {
        CAPTURE(name);
        const std::string text = text_of(name);
        CHECK(has(text, "GIFT RECEIPT"));
        CHECK(line_with(text, "Whole Milk 1 L").ends_with(" 3"));
        CHECK(line_with(text, "Bananas loose").ends_with("0.455 kg"));
        CHECK(has(text, "[barcode S001-T01-000042]"));
        for (const auto& price :
             {"1.19", "3.57", "8.99", "16.96", "50.00", "TOTAL", "Cash", "Change", "Tax"})
            CHECK_FALSE(has(text, price));
    }
}

TEST_CASE("X and Z reports head each section and number the Z report") {
    const std::string x = text_of("x-report-80");
    CHECK(has(x, "X report"));
    CHECK_FALSE(has(x, "Z report"));
    const std::string z = text_of("z-report-58");
    CHECK(has(z, "Z report No. 12"));
    for (const auto& section : {"SALES", "TAXES", "TENDERS", "CLERKS", "HOURS"})
        CHECK(has(z, section));
    CHECK(line_with(x, "Returns").ends_with("3       -23.45"));
}

TEST_CASE("an approval slip says what was approved, by whom, for whom and why") {
    const std::string text = text_of("approval-slip-80");
    CHECK(has(text, "APPROVAL"));
    CHECK(line_with(text, "Rule").ends_with("a return without a receipt"));
    CHECK(line_with(text, "Approved by").ends_with("Jordan Diaz"));
    CHECK(line_with(text, "Requested by").ends_with("Alex Martin"));
    CHECK(line_with(text, "Amount").ends_with("EUR 2.49"));
    CHECK(line_with(text, "Reason").ends_with("Customer satisfaction"));
}

TEST_CASE("the test page shows the printer, its code pages, every style, a barcode and a QR") {
    const auto all = samples::all();
    const auto& document = sample(all, "test-page-58").document;
    const std::string text = receipts::to_text(document);
    CHECK(has(text, "Virtual printer"));
    CHECK(has(text, "CP858 (ESC t 19)"));
    CHECK(has(text, "CP866 (ESC t 17)"));
    int styles = 0;
    for (const auto& block : document.blocks) {
        if (const auto* line = std::get_if<receipts::TextLine>(&block))
            styles |= (line->style.bold ? 1 : 0) | (line->style.double_width ? 2 : 0) |
                      (line->style.double_height ? 4 : 0) |
                      (line->style.align == receipts::Align::right ? 8 : 0);
    }
    CHECK(styles == 15);
    CHECK(has(text, "[barcode S001-T01-000000]"));
    CHECK(has(text, "[QR S001-T01-000000]"));
}

TEST_CASE("wrap_text cuts a word longer than the line and keeps at least one line") {
    CHECK(receipts::wrap_text("", 10) == std::vector<std::string>{""});
    CHECK(receipts::wrap_text("abcdefghijkl xy", 5) ==
          std::vector<std::string>{"abcde", "fghij", "kl xy"});
    CHECK(receipts::wrap_text("  Faulty · Return to vendor", 16, 4) ==
          std::vector<std::string>{"  Faulty ·", "    Return to", "    vendor"});
    CHECK(receipts::text_width("Crème €") == 7);
}

TEST_CASE("a row whose amount alone is wider than the paper puts each part on a line") {
    const auto lines = receipts::layout_row({"Item", "12 x 1000000.00", "12000000.00 A"}, 16);
    CHECK(lines == std::vector<std::string>{"Item", " 12 x 1000000.00", "   12000000.00 A"});
}
