// A receipt document: what a receipt says and how it is styled, independent of where it goes.
// Layout functions (layouts.hpp) build documents from tickets; encoders turn one document into
// plain text (text.hpp), ESC/POS bytes (escpos.hpp) or a PNG (png.hpp), so all three show the same
// lines, wrapped the same way.
#pragma once

#include <cstdint>
#include <string>
#include <variant>
#include <vector>

namespace receipts {

enum class Align { left, centre, right };

struct Style {
    bool bold = false;
    bool double_width = false;   // each character takes two columns
    bool double_height = false;  // each line takes two rows
    Align align = Align::left;
    friend bool operator==(const Style&, const Style&) = default;
};

// One printed line of UTF-8 text. Layouts keep it within the paper's columns (counting a
// double-width character as two); encoders never wrap it again.
struct TextLine {
    std::string text;
    Style style;
};

// Two or three columns across the paper: a description, an optional middle (quantity x price),
// and a right-aligned amount. Encoders call layout_row() so a row wraps the same everywhere.
struct Row {
    std::string left;
    std::string middle;
    std::string right;
    bool bold = false;
};

struct Separator {
    char32_t glyph = U'-';  // '-' for a light rule, '=' for a heavy one
};

// The tax summary table: one row per rate with the rate's code, net, tax and gross.
struct TaxTable {
    struct Line {
        std::string code;  // "A 20%"
        std::string net;
        std::string tax;
        std::string gross;
    };
    std::vector<Line> lines;
};

struct Barcode {                 // Code128
    std::string data;            // "S001-T01-000042"
    bool human_readable = true;  // print the data under the bars
};

struct QrCode {
    std::string data;
};

// A monochrome picture (the store's logo): row-major, one byte per pixel, 0 white, 1 black.
struct Image {
    int width = 0;
    int height = 0;
    std::vector<std::uint8_t> pixels;
};

struct Feed {
    int lines = 1;
};
struct Cut {
    bool partial = true;
};
struct DrawerPulse {};  // opens the cash drawer wired to the printer

using Block = std::variant<TextLine, Row, Separator, TaxTable, Barcode, QrCode, Image, Feed, Cut,
                           DrawerPulse>;

struct Paper {
    int columns = 48;  // characters per line in font A
    int dots = 576;    // printable width in dots (8 dots per mm)
};
inline constexpr Paper paper_80mm{48, 576};
inline constexpr Paper paper_58mm{32, 384};

struct Document {
    Paper paper = paper_80mm;
    std::vector<Block> blocks;
};

// How many columns UTF-8 text takes (one per code point; no double-width scripts yet).
int text_width(const std::string& utf8);

// A Row laid out for `columns`: the left text wrapped onto as many lines as it needs, the middle
// and right parts on the last line, right-aligned. Every returned line is at most `columns` wide.
std::vector<std::string> layout_row(const Row& row, int columns);

// A TaxTable laid out for `columns`: a heading line and one line per rate.
std::vector<std::string> layout_tax_table(const TaxTable& table, int columns);

// Words wrapped to `columns` (a word longer than a line is cut); at least one line.
// The text's leading spaces indent its first line and every following line.
std::vector<std::string> wrap_text(const std::string& utf8, int columns);
// As above, but lines after the first are indented by `continuation_indent` spaces.
std::vector<std::string> wrap_text(const std::string& utf8, int columns, int continuation_indent);

}  // namespace receipts
