#include "receipts/layout_parts.hpp"

#include <algorithm>

namespace receipts::parts {

void Builder::text(const std::string& text, Style style, int indent) {
    const int room = style.double_width ? columns() / 2 : columns();
    for (auto& line : wrap_text(text, room, indent))
        add(TextLine{std::move(line), style});
}

void Builder::row(const std::string& left, const std::string& middle, const std::string& right,
                  bool bold) {
    add(Row{left, middle, right, bold});
}

void Builder::labelled(const std::string& label, const std::string& value) {
    if (text_width(label) + 1 + text_width(value) <= columns()) {
        row(label, "", value);
        return;
    }
    text(label);
    text("  " + value, {}, 2);
}

void Builder::big_row(const std::string& left, const std::string& right) {
    for (auto& line : layout_row(Row{left, "", right, true}, columns() / 2))
        add(TextLine{std::move(line), Style{true, true, false, Align::left}});
}

void copy_mark(Builder& out, const LayoutOptions& options) {
    if (options.copy)
        out.text("COPY", heading);
}

void store_header(Builder& out, const pos::StoreSettings& store, const LayoutOptions& options) {
    if (options.logo)
        out.add(*options.logo);
    copy_mark(out, options);
    out.text(store.store_name, store_name);
    for (const auto& line : store.address_lines)
        out.text(line, centred);
    if (!store.tax_id.empty())
        out.text(store.tax_id, centred);
    for (const auto& line : options.header)
        out.text(line, centred);
    out.feed();
}

void ending(Builder& out, const LayoutOptions& options) {
    for (const auto& line : options.footer)
        out.text(line, centred);
    copy_mark(out, options);
    out.feed(3);  // the cutter sits above the print head: feed the last line past it
    out.add(Cut{});
}

std::string amount(std::int64_t minor, const pos::Currency& currency) {
    return pos::format_amount(pos::Money(minor, currency));
}

}  // namespace receipts::parts
