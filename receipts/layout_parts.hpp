// What every layout shares: a builder that wraps text to the paper as it adds lines, and the
// store's header, the COPY mark and the ending. Internal to receipts/.
#pragma once

#include <string>

#include "pos/money.hpp"
#include "pos/store_settings.hpp"
#include "receipts/document.hpp"
#include "receipts/layouts.hpp"

namespace receipts::parts {

inline constexpr Style bold_text{true, false, false, Align::left};
inline constexpr Style store_name{true, false, true, Align::centre};
inline constexpr Style heading{true, true, false, Align::centre};  // RETURN, GIFT RECEIPT
inline constexpr Style centred{false, false, false, Align::centre};

class Builder {
  public:
    explicit Builder(Paper paper) { document_.paper = paper; }

    int columns() const { return document_.paper.columns; }
    // Text wrapped to the paper (half as many columns when double width), one TextLine a line;
    // lines after the first indented by `indent`.
    void text(const std::string& text, Style style = {}, int indent = 0);
    void row(const std::string& left, const std::string& middle, const std::string& right,
             bool bold = false);
    // `label` and `value` on one row when they fit, else the value wrapped beneath the label.
    void labelled(const std::string& label, const std::string& value);
    // Left and right across a double-width line: TOTAL and what the customer pays.
    void big_row(const std::string& left, const std::string& right);
    void rule(char32_t glyph = U'-') { add(Separator{glyph}); }
    void feed(int lines = 1) { add(Feed{lines}); }
    void add(Block block) { document_.blocks.push_back(std::move(block)); }
    Document take() { return std::move(document_); }

  private:
    Document document_;
};

// Logo, store name, address, tax id and the configured header lines; COPY first on a reprint.
void store_header(Builder& out, const pos::StoreSettings& store, const LayoutOptions& options);
// The configured footer, COPY again on a reprint, a feed and the cut.
void ending(Builder& out, const LayoutOptions& options);
void copy_mark(Builder& out, const LayoutOptions& options);

std::string amount(std::int64_t minor, const pos::Currency& currency);

}  // namespace receipts::parts
