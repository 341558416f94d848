// Finding a ticket without its receipt: by time, total, card and item across the top; the
// tickets found on the left; the chosen one as it was printed on the right, with "Return from
// this receipt". Keys for the fields along the bottom (letters too while the item is keyed).
#include <algorithm>
#include <cmath>

#include "ui/widgets.hpp"

namespace ui::widgets {

namespace {

constexpr std::size_t max_field = 32;

std::string& field_text(SearchForm& form, int field) {
    switch (field) {
        case 1:
            return form.to;
        case 2:
            return form.amount;
        case 3:
            return form.card;
        case 4:
            return form.item;
        default:
            return form.from;
    }
}

void find(DrawState& state, Intents& out) {
    const SearchForm& f = state.search;
    out.push_back(FindTickets{f.from, f.to, f.amount, f.card, f.item});
}

void draw_fields(DrawState& state, Box row, Intents& out) {
    SearchForm& form = state.search;
    if (button(state, "Back##search", row.cut_left(std::round(4.5f * px()), gap()), Tone::quiet,
               true, "← Back")) {
        out.push_back(StartReturn{});
    }
    if (button(state, "Find##search", row.cut_right(std::round(4.5f * px()), gap()),
               Tone::primary)) {
        find(state, out);
    }
    struct Field {
        const char* key;
        const char* label;
        const char* placeholder;
        float share;
    };
    const Field fields[] = {{"from##search", "From", "14:00", 0.2f},
                            {"to##search", "To", "18:00", 0.2f},
                            {"amount##search", "Total", "12.34", 0.16f},
                            {"card##search", "Card", "Last 4", 0.16f},
                            {"item##search", "Item", "Code or name", 0.28f}};
    const float w = row.w - 4 * gap();
    for (int i = 0; i < 5; ++i) {
        const Box b = i == 4 ? row : row.cut_left(std::round(fields[i].share * w), gap());
        if (field_box(state, fields[i].key, b, fields[i].label, field_text(form, i),
                      fields[i].placeholder, form.field == i)) {
            form.field = i;
        }
    }
}

void draw_results(const TicketSearchVm& vm, DrawState& state, Box box, Intents& out) {
    const Box title = box.cut_top(std::round(1.4f * px()));
    text_at(fonts().bold, title.min(), colour::muted,
            fit(fonts().bold, vm.summary.empty() ? "Fill in what you know, then Find" : vm.summary,
                title.w));
    fill(box, colour::panel, 0.3f * px());
    ImGui::SetCursorScreenPos(box.min());
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, {0, 0});
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, {0, 0});
    ImGui::BeginChild("##found", box.size(), false, ImGuiWindowFlags_NoNav);
    const float w = ImGui::GetContentRegionAvail().x;
    const float h = std::round(touch() + 0.4f * px());
    const float pad = 0.6f * px();
    for (std::size_t i = 0; i < vm.results.size(); ++i) {
        const FoundTicketVm& r = vm.results[i];
        const std::string key = "found:" + std::to_string(i) + "##search";
        if (ImGui::InvisibleButton(key.c_str(), {w, h})) {
            out.push_back(OpenFound{i});
        }
        record(state, key);
        const ImVec2 min = ImGui::GetItemRectMin();
        const Box rb{min.x, min.y, w, h};
        if (!vm.shown_receipt.empty() && r.receipt == vm.shown_receipt) {
            fill(rb, colour::selected);
            fill(Box{rb.x, rb.y, 0.25f * px(), rb.h}, colour::accent);
        } else if (i > 0) {
            fill(Box{rb.x + pad, rb.y, rb.w - 2 * pad, 1}, colour::rule);
        }
        const float top = rb.y + (rb.h - 2.1f * px()) / 2;
        const float total_w = text_size(fonts().bold, r.total).x;
        const ImVec2 rec = text_at(fonts().bold, {rb.x + pad, top}, colour::ink, r.receipt);
        text_at(fonts().body, {rb.x + pad + rec.x + pad, top}, colour::muted,
                fit(fonts().body, r.kind, rb.w - 4 * pad - rec.x - total_w));
        text_right(fonts().bold, rb.x + rb.w - pad, top, colour::ink, r.total);
        text_at(fonts().small, {rb.x + pad, top + 1.15f * px()}, colour::muted,
                fit(fonts().small, r.when + " · " + r.tenders + " · " + r.clerk, rb.w - 2 * pad));
    }
    ImGui::EndChild();
    ImGui::PopStyleVar(2);
}

void draw_shown(const TicketSearchVm& vm, DrawState& state, Box box, Intents& out) {
    const Box ret = box.cut_bottom(touch(), gap());
    const Box title = box.cut_top(std::round(1.4f * px()));
    text_at(fonts().bold, title.min(), colour::muted,
            vm.shown_receipt.empty() ? "Receipt" : "Receipt " + vm.shown_receipt);
    fill(box, colour::panel, 0.4f * px());
    outline(box, colour::rule, 0.4f * px(), 1);
    if (vm.shown_text.empty()) {
        text_centred(fonts().body, box.inset(px()), colour::muted,
                     "Tap a ticket to see it as it was printed");
    } else {
        ImGui::SetCursorScreenPos(box.min());
        ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, {px(), px()});
        ImGui::BeginChild("##shown", box.size(), false,
                          ImGuiWindowFlags_NoNav | ImGuiWindowFlags_AlwaysUseWindowPadding |
                              ImGuiWindowFlags_HorizontalScrollbar);
        ImGui::PushFont(fonts().mono);
        ImGui::TextUnformatted(vm.shown_text.c_str(), vm.shown_text.c_str() + vm.shown_text.size());
        ImGui::PopFont();
        ImGui::EndChild();
        ImGui::PopStyleVar();
    }
    if (button(state, "Return from##search", ret, Tone::primary,
               vm.can_return && !vm.shown_receipt.empty(), "Return from this receipt")) {
        out.push_back(OpenReceipt{vm.shown_receipt});
    }
}

// Digits and the separators of a time or an amount; letters join them for the item.
void draw_keys(DrawState& state, Box box, Intents& out) {
    SearchForm& form = state.search;
    std::string& text = field_text(form, form.field);
    if (form.field == 4) {
        const Box letters = box.cut_top(letter_keyboard_height(), gap());
        if (letter_keyboard(state, text, letters) == "Enter") {
            find(state, out);
        }
    }
    const std::string key =
        key_grid(state, box, 15,
                 {"1", "2", "3", "4", "5", "6", "7", "8", "9", "0", ":", ".", "-", "⌫", "Clear"},
                 "##searchkeys");
    if (key == "Clear") {
        text.clear();
    } else if (key == "⌫") {
        pop_utf8(text);
    } else if (!key.empty()) {
        text += key;
    }
    clamp_field(text, max_field);
}

}  // namespace

void draw_ticket_search(const TicketSearchVm& vm, DrawState& state, const Box& area, Intents& out) {
    SearchForm& form = state.search;
    form.field = std::clamp(form.field, 0, 4);
    if (type_into(state, field_text(form, form.field), max_field, Accept::text, "a search")) {
        find(state, out);
    }
    Box rest = area;
    draw_fields(state, rest.cut_top(field_height(), gap()), out);
    const float key_h = std::round(0.9f * touch());
    const float keys_h = key_h + (form.field == 4 ? letter_keyboard_height() + gap() : 0);
    draw_keys(state, rest.cut_bottom(keys_h, gap()), out);
    const Box right = rest.cut_right(std::round(0.52f * rest.w), 2 * gap());
    draw_results(vm, state, rest, out);
    draw_shown(vm, state, right, out);
}

}  // namespace ui::widgets
