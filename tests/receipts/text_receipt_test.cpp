#include <doctest/doctest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "fakes.hpp"
#include "golden.hpp"
#include "receipts/text_receipt.hpp"
#include "samples.hpp"

namespace {

std::size_t code_points(const std::string& s) {
    std::size_t n = 0;
    for (unsigned char c : s)
        n += (c & 0xC0) != 0x80;
    return n;
}

}  // namespace

TEST_CASE("the sale receipt matches its golden file") {
    const std::string text = receipts::render_text(samples::sale(), fakes::settings(), {42, 60});
    CHECK(text == golden::expected("sale_receipt.txt", text));
}

TEST_CASE("the receipt shows what the customer needs and fits the paper") {
    const auto ticket = samples::sale();
    const std::string text = receipts::render_text(ticket, fakes::settings(), {42, 60});
    CHECK(text.find("Receipt T01-000042") != std::string::npos);
    CHECK(text.find("2026-09-21 15:14") != std::string::npos);  // UTC+1
    CHECK(text.find("\nTOTAL       EUR 16.96\n") != std::string::npos);
    CHECK(text.find("Change                               33.04") != std::string::npos);
    CHECK(text.find("0.455 kg x 1.99/kg") != std::string::npos);
    CHECK(text.find("3 x 1.19") != std::string::npos);
    CHECK(text.find("[barcode S001-T01-000042]") != std::string::npos);  // scanned for returns
    CHECK(text.find("  A 20%         7.49       1.50       8.99") != std::string::npos);
    std::istringstream lines(text);
    for (std::string line; std::getline(lines, line);) {
        CAPTURE(line);
        CHECK(code_points(line) <= 42);
        CHECK((line.empty() || line.back() != ' '));
    }
    // Narrow paper: still every line within its width.
    const std::string narrow = receipts::render_text(ticket, fakes::settings(), {32, 0});
    std::istringstream narrow_lines(narrow);
    for (std::string line; std::getline(narrow_lines, line);)
        CHECK(code_points(line) <= 32);
}

TEST_CASE("a receipt with savings, a void and a split tender matches its golden file") {
    const auto ticket = samples::full_sale();
    REQUIRE(ticket.totals().due.is_zero());
    const std::string text = receipts::render_text(ticket, fakes::settings(), {42, 60});
    CHECK(text == golden::expected("split_tender_receipt.txt", text));
    CHECK(text.find("3 for 2") != std::string::npos);
    CHECK(text.find("Card ending 4242") != std::string::npos);
    CHECK(text.find("Gift card ending 0001") != std::string::npos);
    CHECK(text.find("VOID") != std::string::npos);
    CHECK(text.find("You saved") != std::string::npos);
    CHECK(text.find("Cash rounding                         0.01") != std::string::npos);
    CHECK(text.find("Change                                4.55") != std::string::npos);
    std::istringstream lines(text);
    for (std::string line; std::getline(lines, line);)
        CHECK((line.empty() || line.back() != ' '));
}
