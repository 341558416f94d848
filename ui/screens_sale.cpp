// The sale screen: the ticket and its totals on the left; the scan field, search results or
// keypad, and the actions on the right.
#include <algorithm>
#include <cmath>

#include "ui/widgets.hpp"

namespace ui::widgets {

namespace {

// Text with a letter in it is a search: each change is sent once, and an empty search when the
// letters are gone (cleared, scanned or picked).
void sync_search(DrawState& state, Intents& out) {
    const std::string wanted = has_letter(state.scan_text) ? state.scan_text : std::string();
    if (wanted != state.sent_search) {
        out.push_back(Search{wanted});
        state.sent_search = wanted;
    }
}

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
        amount = std::max(amount, text_size(body, line.amount).x);
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

void draw_header(const Columns& c, float y) {
    ImFont* f = fonts().bold;
    text_at(f, {c.name_x, y}, colour::muted, "Item");
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

float line_height(const TicketLineVm& line, const Columns& c) {
    return wrap_name(line_font(line), line.name, c.name_w).second.empty() ? row()
                                                                          : std::round(2.7f * px());
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
    ImFont* f = line_font(line);
    const float y = r.y + (r.h - px()) / 2;
    const Name name = wrap_name(f, line.name, c.name_w);
    if (name.second.empty()) {
        text_at(f, {c.name_x, y}, colour::ink, name.first);
    } else {
        const float line_gap = 1.15f * px();
        text_at(f, {c.name_x, y - line_gap / 2}, colour::ink, name.first);
        text_at(f, {c.name_x, y + line_gap / 2}, colour::ink, name.second);
    }
    text_right(f, c.qty_r, y, colour::ink, line.quantity);
    text_right(f, c.price_r, y, colour::ink, line.unit_price);
    text_right(f, c.amount_r, y, colour::ink, line.amount);
    text_at(f, {c.tax_c - text_size(f, line.tax_code).x / 2, y}, colour::muted, line.tax_code);
}

void draw_lines(const SaleVm& vm, DrawState& state, Box box, Intents& out) {
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
    draw_header(cols, header.y + (header.h - px()) / 2);
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

float totals_height() {
    return std::round(5.2f * px());
}

void draw_totals(const SaleVm& vm, DrawState& state, const Box& box) {
    fill(box, colour::bar, 0.3f * px());
    const Box inner = box.inset(0.6f * px());
    const float line_h = 1.3f * px();
    const float value_r = inner.x + 11 * px();
    text_at(fonts().bold, {inner.x, inner.y}, colour::on_bar, vm.item_count);
    text_at(fonts().body, {inner.x, inner.y + line_h}, colour::on_bar_muted, "Subtotal");
    text_right(fonts().body, value_r, inner.y + line_h, colour::on_bar, vm.subtotal);
    text_at(fonts().body, {inner.x, inner.y + 2 * line_h}, colour::on_bar_muted, "Tax");
    text_right(fonts().body, value_r, inner.y + 2 * line_h, colour::on_bar, vm.tax);

    ImFont* large = fonts().large;
    const ImVec2 size = text_size(large, vm.total);
    const ImVec2 pos{inner.x + inner.w - size.x, inner.y + inner.h - size.y};
    text_at(large, pos, colour::on_bar, vm.total);
    record_text(state, "total##sale", pos, size);
    text_right(fonts().bold, inner.x + inner.w, pos.y - 1.1f * px(), colour::on_bar_muted, "TOTAL");
}

void draw_field(DrawState& state, const Box& box) {
    const float rounding = 0.35f * px();
    fill(box, colour::panel, rounding);
    outline(box, colour::accent, rounding, std::max(2.0f, std::round(px() / 12)));
    ImFont* f = fonts().heading;
    const float fh = f ? f->FontSize : px();
    float x = box.x + 0.6f * px();
    const float y = box.y + (box.h - fh) / 2;
    if (!state.keypad_quantity.empty()) {
        x += text_at(f, {x, y}, colour::accent, state.keypad_quantity + " ×").x + 0.4f * px();
    }
    const float room = box.x + box.w - 0.8f * px() - x;
    std::string shown = state.scan_text;  // a long code shows its end, where the typing is
    while (!shown.empty() && text_size(f, shown).x > room) {
        shown.erase(0, 1);
        while (!shown.empty() && (static_cast<unsigned char>(shown[0]) & 0xC0) == 0x80) {
            shown.erase(0, 1);
        }
    }
    if (shown.empty() && state.keypad_quantity.empty()) {
        text_at(fonts().body, {x + 0.4f * px(), box.y + (box.h - px()) / 2}, colour::muted,
                "Scan or type a code or name");
    }
    const ImVec2 size = text_at(f, {x, y}, colour::ink, shown);
    if (std::fmod(ImGui::GetTime(), 1.0) < 0.6) {  // a blinking caret: typing goes here
        fill(Box{x + size.x + 2, y, 2, fh}, colour::ink);
    }
    record_text(state, "scan##sale", box.min(), box.size());
}

void draw_results(const SaleVm& vm, DrawState& state, Box box, Intents& out) {
    const std::string head = std::to_string(vm.search_results.size()) +
                             (vm.search_results.size() == 1 ? " match" : " matches");
    const Box title = box.cut_top(std::round(1.4f * px()));
    text_at(fonts().bold, {title.x, title.y}, colour::muted, head);
    fill(box, colour::panel, 0.3f * px());
    ImGui::SetCursorScreenPos(box.min());
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, {0, 0});
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, {0, 0});
    ImGui::BeginChild("##results", box.size(), false, ImGuiWindowFlags_NoNav);
    const float w = ImGui::GetContentRegionAvail().x;
    const float h = touch() + 0.3f * px();
    for (std::size_t i = 0; i < vm.search_results.size(); ++i) {
        const SearchResultVm& r = vm.search_results[i];
        const std::string key = "result:" + std::to_string(i) + "##sale";
        if (ImGui::InvisibleButton(key.c_str(), {w, h})) {
            out.push_back(PickResult{i, state.keypad_quantity});
            state.scan_text.clear();
            state.keypad_quantity.clear();
        }
        record(state, key);
        const ImVec2 min = ImGui::GetItemRectMin();
        const Box rb{min.x, min.y, w, h};
        if (ImGui::IsItemActive()) {
            fill(rb, colour::selected);
        }
        if (i > 0) {
            fill(Box{rb.x + 0.6f * px(), rb.y, rb.w - 1.2f * px(), 1}, colour::rule);
        }
        const float price_w = text_size(fonts().bold, r.price).x;
        const float pad = 0.6f * px();
        const float name_w = rb.w - 3 * pad - price_w;
        const float top = rb.y + (rb.h - 2.2f * px()) / 2;
        text_at(fonts().bold, {rb.x + pad, top}, colour::ink, fit(fonts().bold, r.name, name_w));
        text_at(fonts().body, {rb.x + pad, top + 1.2f * px()}, colour::muted, r.code);
        text_right(fonts().bold, rb.x + rb.w - pad, rb.y + (rb.h - px()) / 2, colour::ink, r.price);
    }
    ImGui::EndChild();
    ImGui::PopStyleVar(2);
}

void draw_hint(const SaleVm& vm, const DrawState& state, const Box& box) {
    if (box.h < 1.5f * px()) {
        return;
    }
    std::string hint = "Scan a barcode, or key a code and press Enter";
    ImU32 c = colour::muted;
    if (has_letter(state.scan_text) && vm.search_text == state.scan_text) {
        hint = "No products match \"" + state.scan_text + "\"";
    } else if (!state.keypad_quantity.empty()) {
        hint = "Next item × " + state.keypad_quantity;
        c = colour::accent;
    }
    text_centred(fonts().body, box.inset(0.5f * px()), c, hint);
}

void draw_entry(const SaleVm& vm, DrawState& state, Box box, Intents& out) {
    draw_field(state, box.cut_top(touch(), gap()));
    const Box pay = box.cut_bottom(std::round(1.4f * touch()), gap());
    const Box actions = box.cut_bottom(touch(), gap());

    if (!vm.search_results.empty()) {
        draw_results(vm, state, box, out);
    } else {
        const float keys_h = std::min(box.h - 2.5f * px(), 4 * 1.25f * touch() + 3 * gap());
        const Box pad =
            box.cut_bottom(std::min(box.h, std::max(keys_h, 4 * touch() + 3 * gap())), gap());
        draw_hint(vm, state, box);
        const std::string key = keypad(state, state.scan_text, pad, 4,
                                       {"7", "8", "9", "⌫", "4", "5", "6", "×", "1", "2", "3",
                                        "Clear", "0", "0", ".", "Enter"});
        if (key == "×") {  // the number keyed so far is the quantity of the next item
            state.keypad_quantity = state.scan_text;
            state.scan_text.clear();
        } else if (key == "Clear") {
            state.keypad_quantity.clear();
        } else if (key == "Enter") {
            submit_scan(state, out);
        }
    }

    const bool has_lines = !vm.lines.empty();
    const std::string qty = state.scan_text.empty() ? state.keypad_quantity : state.scan_text;
    if (button(state, "Qty##sale", actions.cell(3, 1, 0, 0, gap()), Tone::key,
               has_lines && !qty.empty())) {
        out.push_back(SetQuantity{qty});
        state.scan_text.clear();
        state.keypad_quantity.clear();
    }
    if (button(state, "Remove##sale", actions.cell(3, 1, 1, 0, gap()), Tone::danger, has_lines)) {
        out.push_back(RemoveLine{});
    }
    if (button(state, "Log out##sale", actions.cell(3, 1, 2, 0, gap()), Tone::quiet)) {
        out.push_back(LogOut{});
        state.scan_text.clear();
        state.keypad_quantity.clear();
    }
    if (button(state, "Pay##sale", pay, Tone::primary, vm.can_pay, nullptr, fonts().large)) {
        out.push_back(Pay{});
        state.scan_text.clear();  // half-keyed text must not follow the clerk to tender
        state.keypad_quantity.clear();
    }
}

}  // namespace

void draw_sale(const SaleVm& vm, DrawState& state, const Box& area, Intents& out) {
    take_scan_keyboard(state, out);
    Box right = area;
    Box left = right.cut_left(std::round(0.6f * area.w), 2 * gap());
    const Box totals = left.cut_bottom(totals_height(), gap());
    draw_lines(vm, state, left, out);
    draw_totals(vm, state, totals);
    draw_entry(vm, state, right, out);
    sync_search(state, out);
}

}  // namespace ui::widgets
