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
    Box inner = due_panel(vm, state, box, out);
    if (button_with_note(state, "Refund all##tender",
                         inner.cut_bottom(std::round(1.5f * touch()), gap()), Tone::primary, true,
                         "Refund all", "to the original payment")) {
        out.push_back(Refund{});
        state.tender_amount.clear();
    }

    due_figure(state, inner, vm.payments.empty() ? "Refund due" : "Still to refund", vm.refund_due,
               colour::refund, "refund due##tender");
    labelled(inner.cut_top(std::round(1.4f * px()), 0.6f * px()), "Ticket total", vm.total,
             colour::ink);

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
    amount_field(state, inner.cut_top(std::round(1.3f * touch()), gap()), state.tender_amount,
                 "All that is due");
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
