// A price override on the sale screen: the new price, and a manager's staff code and PIN keyed on
// the same keypad, in place of the scan field and keypad. The ticket stays in view beside it, the
// line being changed selected.
#include <algorithm>
#include <cmath>

#include "ui/widgets.hpp"

namespace ui::widgets {

namespace {

struct FieldRule {
    std::size_t max;
    Accept accept;
    const char* what;  // for the notice when a scan overflows it
};

constexpr FieldRule rules[] = {
    {9, Accept::amount, "a price"},
    {12, Accept::code, "a staff code"},
    {8, Accept::digits, "a PIN"},
};
constexpr int field_count = 3;

std::string& field_text(ApprovalForm& form, int field) {
    switch (field) {
        case 0:
            return form.price;
        case 1:
            return form.staff_code;
        default:
            return form.pin;
    }
}

bool can_approve(const SaleVm& vm, const ApprovalForm& form) {
    return vm.can_edit_line && !form.price.empty() && form.price != ".";
}

void approve(const SaleVm& vm, DrawState& state, Intents& out) {
    if (!can_approve(vm, state.approval)) {
        return;
    }
    OverridePrice intent;
    intent.unit_price = state.approval.price;
    intent.approver_code = state.approval.staff_code;
    intent.approver_pin = state.approval.pin;
    out.push_back(intent);
    state.approval = {};  // the PIN is not kept a frame longer than needed
}

std::string dots(const std::string& pin) {
    std::string shown;
    for (std::size_t i = 0; i < pin.size(); ++i) {
        shown += "●";
    }
    return shown;
}

}  // namespace

void take_approval_keyboard(const SaleVm& vm, DrawState& state, Intents& out) {
    ApprovalForm& form = state.approval;
    const int field = std::clamp(form.field, 0, field_count - 1);
    const FieldRule& rule = rules[field];
    if (type_into(state, field_text(form, field), rule.max, rule.accept, rule.what)) {
        if (field + 1 < field_count) {
            form.field = field + 1;  // Enter moves on, as on a paper form
        } else {
            approve(vm, state, out);
        }
    }
}

void draw_price_approval(const SaleVm& vm, DrawState& state, Box box, Intents& out) {
    ApprovalForm& form = state.approval;
    fill(box, colour::panel, 0.4f * px());
    Box inner = box.inset(gap());
    ImFont* heading = fonts().heading;
    const Box title = inner.cut_top(heading ? heading->FontSize : px(), gap());
    text_at(heading, title.min(), colour::ink, fit(heading, "Price override", title.w));

    const char* keys[] = {"price##approval", "code##approval", "pin##approval"};
    const char* labels[] = {"New unit price", "Manager code", "Manager PIN"};
    const char* placeholders[] = {"0.00", "Code", "PIN"};
    // The new price across the top; the manager's code and PIN side by side below it.
    const Box first = inner.cut_top(field_height(), gap());
    const Box second = inner.cut_top(field_height(), gap());
    const Box boxes[] = {first, second.cell(2, 1, 0, 0, gap()), second.cell(2, 1, 1, 0, gap())};
    for (int i = 0; i < field_count; ++i) {
        std::string& text = field_text(form, i);
        const std::string shown = i == 2 ? dots(text) : text;
        if (field_box(state, keys[i], boxes[i], labels[i], shown, placeholders[i],
                      form.field == i)) {
            form.field = i;
        }
    }
    draw_notice(state, inner);

    const Box bottom = inner.cut_bottom(std::round(1.2f * touch()), gap());
    const int field = std::clamp(form.field, 0, field_count - 1);
    std::string& text = field_text(form, field);
    number_keypad(state, text, inner, rules[field].accept == Accept::amount, "##approval");
    clamp_field(text, rules[field].max);

    if (button(state, "Cancel##approval", bottom.cell(3, 1, 0, 0, gap()), Tone::quiet)) {
        state.approval = {};
        return;
    }
    if (button(state, "Approve##approval", bottom.cell(3, 1, 1, 0, gap(), 2), Tone::primary,
               can_approve(vm, form), nullptr, fonts().heading)) {
        approve(vm, state, out);
    }
}

}  // namespace ui::widgets
