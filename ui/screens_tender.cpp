// The cash tender screen: what is due, quick-cash buttons, and the amount received on a keypad.
#include <algorithm>
#include <cctype>
#include <cmath>

#include "ui/widgets.hpp"

namespace ui::widgets {

namespace {

constexpr std::size_t max_amount = 12;

bool can_submit(const std::string& amount) {
    return !amount.empty() && amount != ".";
}

void submit(DrawState& state, Intents& out) {
    if (!can_submit(state.tender_amount)) {
        return;
    }
    out.push_back(TenderCash{state.tender_amount});
    state.tender_amount.clear();
}

void type_char(std::string& amount, char c) {
    if (c == ',') {
        c = '.';  // either decimal separator on a physical keyboard
    }
    const bool digit = std::isdigit(static_cast<unsigned char>(c)) != 0;
    const bool point = c == '.' && amount.find('.') == std::string::npos;
    if ((digit || point) && amount.size() < max_amount) {
        amount += c;
    }
}

void take_keyboard(DrawState& state, Intents& out) {
    const Typed typed = take_typed();
    for (const char c : typed.text) {
        type_char(state.tender_amount, c);
    }
    if (typed.backspace) {
        pop_utf8(state.tender_amount);
    }
    if (typed.enter) {
        submit(state, out);
    }
}

// The biggest of `choices` in which `text` fits `width`.
ImFont* fitting(std::initializer_list<ImFont*> choices, const std::string& text, float width) {
    ImFont* last = nullptr;
    for (ImFont* f : choices) {
        last = f;
        if (text_size(f, text).x <= width) {
            return f;
        }
    }
    return last;
}

void draw_amounts(const TenderVm& vm, DrawState& state, Box box, Intents& out) {
    fill(box, colour::panel, 0.4f * px());
    Box inner = box.inset(px());
    Box back = inner.cut_bottom(touch(), gap());
    if (button(state, "Back##tender", back.cut_left(std::min(back.w, 9 * px())), Tone::quiet, true,
               "← Back to sale")) {
        out.push_back(BackToSale{});
        state.tender_amount.clear();
    }

    text_at(fonts().bold, inner.cut_top(std::round(1.3f * px())).min(), colour::muted,
            "Amount due");
    ImFont* due_font = fitting({fonts().huge, fonts().large}, vm.due, inner.w);
    const ImVec2 due_size = text_size(due_font, vm.due);
    const Box due = inner.cut_top(due_size.y, 0.4f * px());
    text_at(due_font, due.min(), colour::ink, vm.due);
    record_text(state, "due##tender", due.min(), due_size);

    const Box total = inner.cut_top(std::round(1.6f * px()), 1.2f * px());
    const ImVec2 label = text_at(fonts().body, total.min(), colour::muted, "Sale total ");
    const ImVec2 total_size =
        text_at(fonts().bold, {total.x + label.x, total.y}, colour::ink, vm.total);
    record_text(state, "total##tender", {total.x + label.x, total.y}, total_size);

    if (vm.quick_cash.empty()) {
        return;
    }
    text_at(fonts().bold, inner.cut_top(std::round(1.3f * px()), 0.4f * px()).min(), colour::muted,
            "Quick cash");
    const int cols = 2;
    const int rows = (static_cast<int>(vm.quick_cash.size()) + cols - 1) / cols;
    const float key_h =
        std::min(std::round(1.3f * touch()),
                 (inner.h - static_cast<float>(rows - 1) * gap()) / static_cast<float>(rows));
    const Box grid =
        inner.cut_top(key_h * static_cast<float>(rows) + gap() * static_cast<float>(rows - 1));
    for (std::size_t i = 0; i < vm.quick_cash.size(); ++i) {
        const std::string& amount = vm.quick_cash[i];
        const Box b =
            grid.cell(cols, rows, static_cast<int>(i) % cols, static_cast<int>(i) / cols, gap());
        if (button(state, "cash:" + amount + "##tender", b, Tone::key, true, amount.c_str(),
                   fonts().heading)) {
            out.push_back(TenderCash{amount});
            state.tender_amount.clear();
        }
    }
}

void draw_entry(DrawState& state, Box box, Intents& out) {
    fill(box, colour::panel, 0.4f * px());
    Box inner = box.inset(px());
    text_at(fonts().bold, inner.cut_top(std::round(1.3f * px()), 0.4f * px()).min(), colour::muted,
            "Cash received");
    const Box field = inner.cut_top(std::round(1.4f * touch()), px());
    const float rounding = 0.35f * px();
    fill(field, colour::background, rounding);
    outline(field, colour::accent, rounding, std::max(2.0f, std::round(px() / 12)));
    ImFont* large = fonts().large;
    const float fh = large ? large->FontSize : px();
    const bool empty = state.tender_amount.empty();
    text_right(large, field.x + field.w - 0.8f * px(), field.y + (field.h - fh) / 2,
               empty ? colour::rgb(0xA9B4BF) : colour::ink, empty ? "0.00" : state.tender_amount);

    const Box bottom = inner.cut_bottom(std::round(1.4f * touch()), gap());
    keypad(state, state.tender_amount, inner, 3,
           {"7", "8", "9", "4", "5", "6", "1", "2", "3", ".", "0", "⌫"});
    while (state.tender_amount.size() > max_amount) {
        state.tender_amount.pop_back();
    }
    Box tender = bottom;
    const Box clear = tender.cut_left(bottom.cell(3, 1, 0, 0, gap()).w, gap());
    if (button(state, "Clear##keypad", clear, Tone::key)) {
        state.tender_amount.clear();
    }
    if (button(state, "Tender##tender", tender, Tone::primary, can_submit(state.tender_amount),
               nullptr, fonts().large)) {
        submit(state, out);
    }
}

}  // namespace

void draw_tender(const TenderVm& vm, DrawState& state, const Box& area, Intents& out) {
    take_keyboard(state, out);
    Box left = area;
    const Box right = left.cut_right(std::round(std::min(0.46f * area.w, 20 * px())), 2 * gap());
    draw_amounts(vm, state, left, out);
    draw_entry(state, right, out);
}

}  // namespace ui::widgets
