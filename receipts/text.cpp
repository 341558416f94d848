#include "receipts/text.hpp"

#include <type_traits>

#include "receipts/codepages.hpp"

namespace receipts {

namespace {

class TextWriter {
  public:
    explicit TextWriter(int columns) : columns_(columns) {}

    // Text lines never end in spaces, so that what is printed is what a diff shows.
    void line(std::string text) {
        while (!text.empty() && text.back() == ' ')
            text.pop_back();
        out_ += text + "\n";
    }
    // Aligned across the whole paper: text keeps one character per column even where the
    // printer doubles it, so double-width lines are shown at their place, not stretched.
    void aligned(const std::string& text, Align align) {
        const int room = columns_ - text_width(text);
        const int pad = align == Align::left ? 0 : align == Align::centre ? room / 2 : room;
        line(std::string(static_cast<std::size_t>(pad > 0 ? pad : 0), ' ') + text);
    }

    void operator()(const TextLine& b) { aligned(b.text, b.style.align); }
    void operator()(const Row& b) {
        for (const auto& l : layout_row(b, columns_))
            line(l);
    }
    void operator()(const Separator& b) {
        std::string rule;
        for (int i = 0; i < columns_; ++i)
            rule += encode_utf8(std::u32string(1, b.glyph));
        line(rule);
    }
    void operator()(const TaxTable& b) {
        for (const auto& l : layout_tax_table(b, columns_))
            line(l);
    }
    void operator()(const Barcode& b) { aligned("[barcode " + b.data + "]", Align::centre); }
    void operator()(const QrCode& b) { aligned("[QR " + b.data + "]", Align::centre); }
    void operator()(const Image&) { aligned("[logo]", Align::centre); }
    void operator()(const Feed& b) {
        for (int i = 0; i < b.lines; ++i)
            line("");
    }
    void operator()(const Cut&) {
        std::string dashes;
        for (int i = 0; i + 1 < columns_; i += 2)
            dashes += "- ";
        line(dashes);
    }
    void operator()(const DrawerPulse&) {}  // opens a drawer; nothing to read

    std::string take() { return std::move(out_); }

  private:
    int columns_;
    std::string out_;
};

}  // namespace

std::string to_text(const Document& document) {
    TextWriter writer(document.paper.columns);
    for (const auto& block : document.blocks)
        std::visit(writer, block);
    return writer.take();
}

}  // namespace receipts
