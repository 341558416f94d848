// The tender screen: what is due and what was paid so far, with quick-cash buttons, on the left;
// the tender methods in a column; and the selected method's panel on the right: cash received on
// a keypad here, card, gift card and store credit in screens_tender_forms.cpp.
#include <algorithm>
#include <cmath>

#include "ui/widgets.hpp"

namespace ui::widgets {

namespace {

// A cash amount, like every amount keyed here, fits in 9 characters ("123456.78"); a barcode
// scanned into the field by mistake does not, and is dropped (see type_into).
constexpr std::size_t max_amount = 9;

bool can_submit(const std::string& amount) {
    return !amount.empty() && amount != ".";
}

void submit_cash(DrawState& state, Intents& out, bool part_payment) {
    if (!can_submit(state.tender_amount)) {
        return;
    }
    TenderCash cash;
    cash.amount = state.tender_amount;
    cash.part_payment = part_payment;
    out.push_back(cash);
    state.tender_amount.clear();
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

void draw_payments(const TenderVm& vm, Box box) {
    if (vm.payments.empty() || box.h < 2 * px()) {
        return;
    }
    const Box title = box.cut_top(std::round(1.3f * px()));
    text_at(fonts().bold, title.min(), colour::muted, "Paid so far");
    fill(box, colour::background, 0.3f * px());
    ImGui::SetCursorScreenPos(box.min());
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, {0.5f * px(), 0.3f * px()});
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, {0, 0.2f * px()});
    ImGui::BeginChild("##payments", box.size(), false,
                      ImGuiWindowFlags_NoNav | ImGuiWindowFlags_AlwaysUseWindowPadding);
    const float w = ImGui::GetContentRegionAvail().x;
    for (const PaymentVm& p : vm.payments) {
        const ImVec2 pos = ImGui::GetCursorScreenPos();
        const float amount_w = text_size(fonts().bold, p.amount).x;
        text_at(fonts().body, pos, colour::ink,
                fit(fonts().body, p.method, w - amount_w - 0.6f * px()));
        text_right(fonts().bold, pos.x + w, pos.y, colour::ink, p.amount);
        ImGui::Dummy({w, std::round(1.1f * px())});
    }
    ImGui::EndChild();
    ImGui::PopStyleVar(2);
}

void draw_amounts(const TenderVm& vm, DrawState& state, Box box, Intents& out) {
    Box inner = due_panel(vm, state, box, out);
    due_figure(state, inner, vm.payments.empty() ? "Amount due" : "Still due", vm.due, colour::ink,
               "due##tender");

    const float line_h = std::round(1.4f * px());
    if (!vm.cash_due.empty() && vm.cash_due != vm.due) {
        const Box row = inner.cut_top(line_h);
        const ImVec2 size = labelled(row, "In cash", vm.cash_due, colour::ink);
        record_text(state, "cash due##tender", {row.x + row.w - size.x, row.y}, size);
    }
    labelled(inner.cut_top(line_h, 0.6f * px()), "Sale total", vm.total, colour::ink);

    if (!vm.quick_cash.empty()) {
        const int cols = 2;
        const int rows = (static_cast<int>(vm.quick_cash.size()) + cols - 1) / cols;
        const float key_h = std::round(1.2f * touch());
        const Box grid = inner.cut_bottom(
            key_h * static_cast<float>(rows) + gap() * static_cast<float>(rows - 1), gap());
        text_at(fonts().bold, inner.cut_bottom(std::round(1.3f * px())).min(), colour::muted,
                "Quick cash");
        for (std::size_t i = 0; i < vm.quick_cash.size(); ++i) {
            const std::string& amount = vm.quick_cash[i];
            const Box b = grid.cell(cols, rows, static_cast<int>(i) % cols,
                                    static_cast<int>(i) / cols, gap());
            if (button(state, "cash:" + amount + "##tender", b, Tone::key, true, amount.c_str(),
                       fonts().heading)) {
                TenderCash cash;
                cash.amount = amount;
                out.push_back(cash);
                state.tender_amount.clear();
            }
        }
    }
    draw_payments(vm, inner.cut_top(std::max(0.0f, inner.h - gap())));
}

void draw_methods(const TenderVm& vm, DrawState& state, Box box, Intents& out) {
    struct Method {
        const char* key;
        TenderPanel panel;
    };
    const Method methods[] = {{"Cash##tender", TenderPanel::cash},
                              {"Card##tender", TenderPanel::card},
                              {"Gift card##tender", TenderPanel::gift_card},
                              {"Store credit##tender", TenderPanel::store_credit}};
    const float h = std::round(1.4f * touch());
    for (const Method& m : methods) {
        const bool on = state.tender.panel == m.panel;
        if (button(state, m.key, box.cut_top(h, gap()), on ? Tone::active : Tone::key) && !on) {
            open_tender_panel(vm, state, m.panel);
        }
    }
    // The attached customer's points: the amount keyed (as cash) or as much as they cover.
    if (!vm.points.empty()) {
        if (button_with_note(state, "Points##tender", box.cut_top(h, gap()), Tone::key,
                             vm.can_pay_points, "Points", vm.points)) {
            out.push_back(TenderPoints{can_submit(state.tender_amount) ? state.tender_amount : ""});
            state.tender_amount.clear();
        }
    }
}

void draw_cash(DrawState& state, Box box, Intents& out) {
    fill(box, colour::panel, 0.4f * px());
    Box inner = box.inset(px());
    text_at(fonts().bold, inner.cut_top(std::round(1.3f * px()), 0.4f * px()).min(), colour::muted,
            "Cash received");
    amount_field(state, inner.cut_top(std::round(1.4f * touch()), gap()), state.tender_amount,
                 "0.00");
    draw_notice(state, inner);

    const Box bottom = inner.cut_bottom(std::round(1.3f * touch()), gap());
    const Box tender = bottom.cell(5, 1, 2, 0, gap(), 3);
    number_keypad(state, state.tender_amount, inner, true);
    clamp_field(state.tender_amount, max_amount);
    // Less than is due, on purpose: the rest is paid another way.
    if (button(state, "Part cash##tender", bottom.cell(5, 1, 0, 0, gap(), 2), Tone::key,
               can_submit(state.tender_amount))) {
        submit_cash(state, out, true);
    }
    if (button(state, "Tender##tender", tender, Tone::primary, can_submit(state.tender_amount),
               nullptr, fonts().heading)) {
        submit_cash(state, out, false);
    }
}

}  // namespace

Box due_panel(const TenderVm& vm, DrawState& state, const Box& box, Intents& out) {
    fill(box, colour::panel, 0.4f * px());
    Box inner = box.inset(px());
    draw_drawer_open(state, inner, "drawer##tender");
    Box back = inner.cut_bottom(touch(), gap());
    if (button(state, "Back##tender", back.cut_left(std::min(back.w, 9 * px())), Tone::quiet,
               vm.can_go_back, "← Back to sale")) {
        out.push_back(BackToSale{});
        state.tender_amount.clear();
    }
    return inner;
}

void due_figure(DrawState& state, Box& box, const std::string& label, const std::string& figure,
                ImU32 ink, const std::string& key) {
    text_at(fonts().bold, box.cut_top(std::round(1.3f * px())).min(), colour::muted, label);
    ImFont* font = fitting({fonts().huge, fonts().large, fonts().heading}, figure, box.w);
    const ImVec2 size = text_size(font, figure);
    const Box at = box.cut_top(size.y, 0.4f * px());
    text_at(font, at.min(), ink, figure);
    record_text(state, key, at.min(), size);
}

ImVec2 labelled(const Box& row, const char* label, const std::string& value, ImU32 ink) {
    const ImVec2 l = text_at(fonts().body, row.min(), colour::muted, label);
    return text_at(fonts().bold, {row.x + l.x + 0.4f * px(), row.y}, ink, value);
}

void draw_tender(const TenderVm& vm, DrawState& state, const Box& area, Intents& out) {
    if (state.tender.panel == TenderPanel::cash) {
        if (type_into(state, state.tender_amount, max_amount, Accept::amount, "an amount")) {
            submit_cash(state, out, false);
        }
    } else {
        take_tender_form_keyboard(state, out);
    }
    Box rest = area;
    const Box entry = rest.cut_right(std::round(std::min(0.4f * area.w, 18 * px())), gap());
    const Box methods = rest.cut_right(std::round(7.5f * px()), 2 * gap());
    draw_amounts(vm, state, rest, out);
    draw_methods(vm, state, methods, out);
    if (state.tender.panel == TenderPanel::cash) {
        draw_cash(state, entry, out);
    } else {
        draw_tender_form(state, entry, out);
    }
}

}  // namespace ui::widgets
