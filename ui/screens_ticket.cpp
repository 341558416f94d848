// The ticket on the sale screen: its lines (with savings under them, voided lines struck
// through) and the totals panel below them.
#include <algorithm>
#include <cmath>

#include "ui/widgets.hpp"

namespace ui::widgets {

namespace {

constexpr const char* void_text = "VOID";

// Right edges of the number columns, measured so that names get whatever is left.
struct Columns {
    float name_x, name_w;
    float qty_r, price_r, amount_r, tax_c;
};

Columns columns(const SaleVm& vm, float x, float w) {
    ImFont* head = fonts().bold;
    ImFont* body = fonts().bold;  // as wide as the selected line's text
    float qty = text_size(head, "Qty").x;
    float price = text_size(head, "Price").x;
    float amount = text_size(head, "Amount").x;
    const float tax = text_size(head, "Tax").x;
    for (const TicketLineVm& line : vm.lines) {
        qty = std::max(qty, text_size(body, line.quantity).x);
        price = std::max(price, text_size(body, line.unit_price).x);
        amount = std::max(amount, text_size(body, line.voided ? void_text : line.amount).x);
    }
    const float pad = 0.6f * px();
    const float col_gap = 0.7f * px();
    Columns c{};
    c.tax_c = x + w - pad - tax / 2;
    c.amount_r = x + w - pad - tax - col_gap;
    c.price_r = c.amount_r - amount - col_gap;
    c.qty_r = c.price_r - price - col_gap;
    c.name_x = x + pad;
    c.name_w = std::max(0.0f, c.qty_r - qty - col_gap - c.name_x);
    return c;
}

// The ticket's kind ("Sale", "Return", "Exchange") heads the item column.
void draw_header(const SaleVm& vm, const Columns& c, float y) {
    ImFont* f = fonts().bold;
    const bool sale = vm.kind.empty() || vm.kind == "Sale";
    text_at(f, {c.name_x, y}, sale ? colour::muted : colour::refund, sale ? "Item" : vm.kind);
    text_right(f, c.qty_r, y, colour::muted, "Qty");
    text_right(f, c.price_r, y, colour::muted, "Price");
    text_right(f, c.amount_r, y, colour::muted, "Amount");
    text_at(f, {c.tax_c - text_size(f, "Tax").x / 2, y}, colour::muted, "Tax");
}

// A name too long for its column wraps onto a second line (and is shortened there if need be).
struct Name {
    std::string first, second;
};

Name wrap_name(ImFont* f, const std::string& name, float width) {
    if (text_size(f, name).x <= width) {
        return {name, {}};
    }
    const char* begin = name.c_str();
    const char* end = begin + name.size();
    const char* cut = f->CalcWordWrapPositionA(1.0f, begin, end, width);
    if (cut == begin) {
        return {fit(f, name, width), {}};
    }
    std::string first(begin, cut);
    while (!first.empty() && first.back() == ' ') {
        first.pop_back();
    }
    while (cut < end && *cut == ' ') {
        ++cut;
    }
    return {fit(f, first, width), fit(f, std::string(cut, end), width)};
}

ImFont* line_font(const TicketLineVm& line) {
    return line.selected ? fonts().bold : fonts().body;
}

// What shows under the name: a return's note (its receipt, reason, where it goes) or a saving.
const std::string& note_of(const TicketLineVm& line) {
    return line.is_return && !line.return_note.empty() ? line.return_note : line.saving;
}

bool shows_note(const TicketLineVm& line) {
    return !note_of(line).empty() && !line.voided;
}

float saving_height() {
    return std::round(1.0f * px());
}

float line_height(const TicketLineVm& line, const Columns& c) {
    const bool two_lines = !wrap_name(line_font(line), line.name, c.name_w).second.empty();
    return (two_lines ? std::round(2.7f * px()) : row()) + (shows_note(line) ? saving_height() : 0);
}

// Text struck through: a voided line stays on the ticket, visibly worth nothing.
void struck(ImFont* f, ImVec2 pos, const std::string& text) {
    const ImVec2 size = text_at(f, pos, colour::muted, text);
    if (size.x > 0) {
        fill(Box{pos.x - 2, pos.y + 0.55f * size.y, size.x + 4, std::max(1.5f, px() / 14)},
             colour::muted);
    }
}

void draw_line_row(const TicketLineVm& line, std::size_t i, const Columns& c, Box r) {
    if (line.selected) {
        fill(r, colour::selected);
        fill(Box{r.x, r.y, 0.25f * px(), r.h}, colour::accent);
    } else if (ImGui::IsItemActive()) {
        fill(r, colour::rgb(0xE8EEF4));
    } else if (i % 2 == 1) {
        fill(r, colour::rgb(0xF6F8FA));
    }
    const Box main = shows_note(line) ? r.cut_top(r.h - saving_height()) : r;
    ImFont* f = line_font(line);
    const ImU32 ink = line.is_return ? colour::refund : colour::ink;
    const float y = main.y + (main.h - px()) / 2;
    const Name name = wrap_name(f, line.name, c.name_w);
    auto draw = [&](ImVec2 pos, ImU32 colour_of_text, const std::string& text) {
        if (line.voided) {
            struck(f, pos, text);
        } else {
            text_at(f, pos, colour_of_text, text);
        }
    };
    auto right = [&](float right_x, const std::string& text) {
        draw({right_x - text_size(f, text).x, y}, ink, text);
    };
    if (name.second.empty()) {
        draw({c.name_x, y}, ink, name.first);
    } else {
        const float line_gap = 1.15f * px();
        draw({c.name_x, y - line_gap / 2}, ink, name.first);
        draw({c.name_x, y + line_gap / 2}, ink, name.second);
    }
    right(c.qty_r, line.quantity);
    right(c.price_r, line.unit_price);
    if (line.voided) {
        text_right(fonts().bold, c.amount_r, y, colour::muted, void_text);
    } else {
        text_right(f, c.amount_r, y, ink, line.amount);
    }
    text_at(f, {c.tax_c - text_size(f, line.tax_code).x / 2, y}, colour::muted, line.tax_code);
    if (shows_note(line)) {
        ImFont* small = fonts().small ? fonts().small : fonts().body;
        text_at(small, {c.name_x + 0.6f * px(), r.y - 0.25f * px()},
                line.is_return ? colour::refund : colour::good,
                fit(small, note_of(line), c.amount_r - c.name_x - 0.6f * px()));
    }
}

}  // namespace

void draw_ticket_lines(const SaleVm& vm, DrawState& state, Box box, Intents& out) {
    fill(box, colour::panel, 0.3f * px());
    Box list = box.inset(0.3f * px());
    const Box header = list.cut_top(std::round(1.6f * px()));
    // Columns without a scrollbar, unless the rows then need one.
    float width = list.w;
    Columns cols = columns(vm, list.x, width);
    float rows_h = 0;
    for (const TicketLineVm& line : vm.lines) {
        rows_h += line_height(line, cols);
    }
    if (rows_h > list.h) {
        width -= ImGui::GetStyle().ScrollbarSize;
        cols = columns(vm, list.x, width);
    }
    draw_header(vm, cols, header.y + (header.h - px()) / 2);
    fill(Box{list.x, list.y - 1, list.w, 1}, colour::rule);

    if (vm.lines.empty()) {
        text_centred(fonts().body, Box{list.x, list.y, list.w, 5 * px()}, colour::muted,
                     "Scan an item to start the sale");
    }
    ImGui::SetCursorScreenPos(list.min());
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, {0, 0});
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, {0, 0});
    ImGui::BeginChild("##lines", list.size(), false, ImGuiWindowFlags_NoNav);
    for (std::size_t i = 0; i < vm.lines.size(); ++i) {
        const std::string key = "line:" + std::to_string(i) + "##sale";
        const float h = line_height(vm.lines[i], cols);
        if (ImGui::InvisibleButton(key.c_str(), {width, h})) {
            out.push_back(SelectLine{i});
        }
        record(state, key);
        const ImVec2 min = ImGui::GetItemRectMin();
        draw_line_row(vm.lines[i], i, cols, Box{min.x, min.y, width, h});
    }
    if (vm.lines.size() > state.seen_lines) {
        ImGui::SetScrollHereY(1.0f);  // show the line just scanned
    }
    state.seen_lines = vm.lines.size();
    ImGui::EndChild();
    ImGui::PopStyleVar(2);
}

float totals_height(const SaleVm& vm, bool compact) {
    if (compact) {
        return std::round(3.0f * px());
    }
    return std::round((vm.savings.empty() ? 5.2f : 6.5f) * px());
}

void draw_totals(const SaleVm& vm, DrawState& state, const Box& box, bool compact) {
    fill(box, colour::bar, 0.3f * px());
    const Box inner = box.inset((compact ? 0.4f : 0.6f) * px());
    const float line_h = 1.3f * px();
    const float value_r = inner.x + 11 * px();
    float y = inner.y;
    text_at(fonts().bold, {inner.x, y}, colour::on_bar, vm.item_count);
    if (!compact) {
        y += line_h;
        text_at(fonts().body, {inner.x, y}, colour::on_bar_muted, "Subtotal");
        text_right(fonts().body, value_r, y, colour::on_bar, vm.subtotal);
        y += line_h;
        text_at(fonts().body, {inner.x, y}, colour::on_bar_muted, "Tax");
        text_right(fonts().body, value_r, y, colour::on_bar, vm.tax);
    }
    if (!vm.savings.empty()) {
        y += line_h;
        text_at(fonts().bold, {inner.x, y}, colour::good_on_bar, "Savings");
        const ImVec2 size = text_right(fonts().bold, value_r, y, colour::good_on_bar, vm.savings);
        record_text(state, "savings##sale", {value_r - size.x, y}, size);
    }

    ImFont* large = fonts().large;
    const ImVec2 size = text_size(large, vm.total);
    const ImVec2 pos{inner.x + inner.w - size.x, inner.y + inner.h - size.y};
    text_at(large, pos, colour::on_bar, vm.total);
    record_text(state, "total##sale", pos, size);
    if (!compact) {
        text_right(fonts().bold, inner.x + inner.w, pos.y - 1.1f * px(), colour::on_bar_muted,
                   "TOTAL");
    }
}

}  // namespace ui::widgets
