// Every layout encoded as ESC/POS on both paper widths, compared with its golden files:
// NAME.escpos.hex, the bytes as hex (a line break after each LF byte, so a changed receipt line
// is one changed hex line), and NAME.escpos.txt, what the decoder says a printer prints.
// 80 mm samples go to the Epson TM-T20 profile, 58 mm ones to the generic 58 mm printer (CP437
// and CP858 only, no QR), and the test page to the virtual printer it describes. Regenerate with
// COUNTER_UPDATE_GOLDEN=1 and read the diff.
#include <doctest/doctest.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "golden.hpp"
#include "receipts/escpos.hpp"
#include "samples.hpp"

namespace {

using Bytes = std::vector<std::uint8_t>;

std::string hex_lines(const Bytes& bytes) {
    std::string out;
    int on_line = 0;
    for (std::uint8_t b : bytes) {
        char two[4];
        std::snprintf(two, sizeof two, on_line == 0 ? "%02x" : " %02x", b);
        out += two;
        if (b == 0x0A || ++on_line == 32) {
            out += '\n';
            on_line = 0;
        }
    }
    if (on_line != 0)
        out += '\n';
    return out;
}

Bytes from_hex(const std::string& text) {
    Bytes out;
    std::istringstream in(text);
    unsigned value = 0;
    while (in >> std::hex >> value)
        out.push_back(static_cast<std::uint8_t>(value));
    return out;
}

std::string golden_file(const std::string& file, const std::string& now) {
    return golden::expected("receipts/" + file, now);
}

// The test page goes to the printer it describes; the rest to a printer of its paper's width.
// The first line where two texts differ, for a short failure message; empty when they agree.
std::string first_difference(const std::string& now, const std::string& want) {
    std::istringstream a(now), b(want);
    std::string line_a, line_b;
    for (int line = 1;; ++line) {
        const bool more_a = static_cast<bool>(std::getline(a, line_a));
        const bool more_b = static_cast<bool>(std::getline(b, line_b));
        if (!more_a && !more_b)
            return now == want ? "" : "line endings differ";
        if (!more_a || !more_b || line_a != line_b)
            return "line " + std::to_string(line) + ": now \"" + (more_a ? line_a : "<end>") +
                   "\", golden \"" + (more_b ? line_b : "<end>") + "\"";
    }
}

receipts::PrinterProfile printer_for(const samples::Sample& sample) {
    if (sample.name.starts_with("test-page"))
        return samples::virtual_printer();
    return *receipts::find_profile(sample.document.paper.columns == 48 ? "epson-tm-t20"
                                                                       : "generic-58");
}

}  // namespace

TEST_CASE("every layout's ESC/POS bytes and what they print match their golden files") {
    for (const auto& sample : samples::all()) {
        CAPTURE(sample.name);
        const auto profile = printer_for(sample);
        const Bytes bytes = receipts::encode_escpos(sample.document, profile);
        const auto events = receipts::decode_escpos(bytes, profile);
        const std::string printed = receipts::describe(events);
        const std::string hex = golden_file(sample.name + ".escpos.hex", hex_lines(bytes));
        CHECK(first_difference(printed, golden_file(sample.name + ".escpos.txt", printed)) == "");
        CHECK(first_difference(hex_lines(bytes), hex) == "");
        CHECK(from_hex(hex) == bytes);
    }
}

TEST_CASE("every layout prints within its paper and with nothing a printer would not know") {
    for (const auto& sample : samples::all()) {
        CAPTURE(sample.name);
        const auto profile = printer_for(sample);
        const auto events =
            receipts::decode_escpos(receipts::encode_escpos(sample.document, profile), profile);
        for (const auto& event : events) {
            CHECK_FALSE(std::holds_alternative<receipts::UnknownBytes>(event));
            if (const auto* text = std::get_if<receipts::PrintedText>(&event)) {
                CAPTURE(text->text);
                const int columns =
                    receipts::text_width(text->text) * (text->style.double_width ? 2 : 1);
                CHECK(columns <= sample.document.paper.columns);
                CHECK(text->text.find('?') == std::string::npos);  // nothing unprintable
            }
            if (const auto* image = std::get_if<receipts::PrintedImage>(&event))
                CHECK(image->width <= sample.document.paper.dots);
        }
    }
}
