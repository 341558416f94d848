// The tender screen while a refund is due (a return, or an exchange worth less than what comes
// back): what goes back, very large, with "Refund all to original payment" under it; the tenders
// it may go back to in a column, each with what it can still take; and an optional amount keyed
// on the right to give part of it to one tender.
#include <algorithm>
#include <cmath>

#include "ui/widgets.hpp"

namespace ui::widgets {

namespace {

constexpr std::size_t max_amount = 9;

void draw_due(const TenderVm& vm, DrawState& state, Box box, Intents& out) {
    fill(box, colour::panel, 0.4f * px());
    Box inner = box.inset(px());
    Box back = inner.cut_bottom(touch(), gap());
    if (button(state, "Back##tender", back.cut_left(std::min(back.w, 9 * px())), Tone::quiet,
               vm.can_go_back, "← Back to sale")) {
        out.push_back(BackToSale{});
        state.tender_amount.clear();
    }
    if (button_with_note(state, "Refund all##tender",
                         inner.cut_bottom(std::round(1.5f * touch()), gap()), Tone::primary, true,
                         "Refund all", "to the original payment")) {
        out.push_back(Refund{});
        state.tender_amount.clear();
    }

    text_at(fonts().bold, inner.cut_top(std::round(1.3f * px())).min(), colour::muted,
            vm.payments.empty() ? "Refund due" : "Still to refund");
    ImFont* due_font = fonts().huge;
    if (text_size(due_font, vm.refund_due).x > inner.w) {
        due_font = fonts().large;
    }
    const ImVec2 size = text_size(due_font, vm.refund_due);
    const Box due = inner.cut_top(size.y, 0.4f * px());
    text_at(due_font, due.min(), colour::refund, vm.refund_due);
    record_text(state, "refund due##tender", due.min(), size);
    const Box row = inner.cut_top(std::round(1.4f * px()), 0.6f * px());
    const ImVec2 l = text_at(fonts().body, row.min(), colour::muted, "Ticket total");
    text_at(fonts().bold, {row.x + l.x + 0.4f * px(), row.y}, colour::ink, vm.total);

    if (vm.payments.empty() || inner.h < 3 * px()) {
        return;
    }
    text_at(fonts().bold, inner.cut_top(std::round(1.3f * px())).min(), colour::muted,
            "Refunded so far");
    for (const PaymentVm& p : vm.payments) {
        if (inner.h < px()) {
            break;
        }
        const Box r = inner.cut_top(std::round(1.2f * px()));
        const float amount_w = text_size(fonts().bold, p.amount).x;
        text_at(fonts().body, r.min(), colour::ink,
                fit(fonts().body, p.method, r.w - amount_w - 0.6f * px()));
        text_right(fonts().bold, r.x + r.w, r.y, colour::ink, p.amount);
    }
}

// A tender's label in bold, or smaller when long ("Card ending 4242 (T01-000004)"), and what
// it can still take under it.
bool option_button(DrawState& state, const std::string& key, const Box& box,
                   const RefundOptionVm& option) {
    const bool pressed = button(state, key, box, Tone::key, true, "");
    ImFont* small = fonts().small ? fonts().small : fonts().body;
    const float room = box.w - px();
    ImFont* f = text_size(fonts().bold, option.label).x <= room ? fonts().bold : small;
    const std::string label = fit(f, option.label, room);
    const std::string note = fit(small, option.available, room);
    const float label_h = text_size(f, label).y;
    const float h = label_h + (note.empty() ? 0 : text_size(small, note).y);
    const float y = box.y + (box.h - h) / 2;
    text_at(f, {box.x + (box.w - text_size(f, label).x) / 2, y}, colour::ink, label);
    if (!note.empty()) {
        text_at(small, {box.x + (box.w - text_size(small, note).x) / 2, y + label_h}, colour::muted,
                note);
    }
    return pressed;
}

void draw_options(const TenderVm& vm, DrawState& state, Box box, Intents& out) {
    text_at(fonts().bold, box.cut_top(std::round(1.3f * px()), 0.2f * px()).min(), colour::muted,
            "Refund to");
    const float h = std::round(1.4f * touch());
    for (std::size_t i = 0; i < vm.refund_options.size() && box.h >= h; ++i) {
        const RefundOptionVm& o = vm.refund_options[i];
        if (option_button(state, "refund:" + std::to_string(i) + "##tender", box.cut_top(h, gap()),
                          o)) {
            out.push_back(Refund{o.method, state.tender_amount, o.reference});
            state.tender_amount.clear();
        }
    }
}

void draw_amount(DrawState& state, Box box) {
    fill(box, colour::panel, 0.4f * px());
    Box inner = box.inset(px());
    text_at(fonts().bold, inner.cut_top(std::round(1.3f * px()), 0.2f * px()).min(), colour::muted,
            "Amount (optional)");
    const Box field = inner.cut_top(std::round(1.3f * touch()), gap());
    const float rounding = 0.35f * px();
    fill(field, colour::background, rounding);
    outline(field, colour::accent, rounding, std::max(2.0f, std::round(px() / 12)));
    ImFont* large = fonts().large;
    const bool empty = state.tender_amount.empty();
    text_right(empty ? fonts().body : large, field.x + field.w - 0.8f * px(),
               field.y + (field.h - (empty ? px() : large->FontSize)) / 2,
               empty ? colour::rgb(0x8A96A3) : colour::ink,
               empty ? "All that is due" : state.tender_amount);
    record_text(state, "amount##tender", field.min(), field.size());
    draw_notice(state, inner);
    const Box hint = inner.cut_top(std::round(2.4f * px()), gap());
    ImFont* small = fonts().small ? fonts().small : fonts().body;
    ImGui::GetWindowDrawList()->AddText(
        small, small->FontSize, hint.min(), colour::muted,
        "Key an amount to give part of the refund to one tender, then tap the tender.", nullptr,
        hint.w);
    number_keypad(state, state.tender_amount, inner, true);
    clamp_field(state.tender_amount, max_amount);
}

}  // namespace

void draw_refund(const TenderVm& vm, DrawState& state, const Box& area, Intents& out) {
    type_into(state, state.tender_amount, max_amount, Accept::amount, "an amount");
    Box rest = area;
    const Box entry = rest.cut_right(std::round(std::min(0.28f * area.w, 13 * px())), gap());
    const Box options = rest.cut_right(std::round(std::min(0.34f * area.w, 15 * px())), 2 * gap());
    draw_due(vm, state, rest, out);
    draw_options(vm, state, options, out);
    draw_amount(state, entry);
}

}  // namespace ui::widgets
