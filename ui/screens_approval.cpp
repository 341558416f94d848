// The approval dialog: drawn over whatever screen asked for an approval (FrameVm::approval), in
// its own window so that nothing under it can be tapped. It says what is to be approved, why, by
// whom and who may approve it; the approver keys their staff code and PIN on a large keypad (or
// scans their badge), gives a reason, and approves or declines.
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
    {12, Accept::code, "a staff code"},
    {8, Accept::digits, "a PIN"},
    {80, Accept::text, "a reason"},
};
constexpr int field_count = 3;

constexpr const char* quick_reasons[] = {"Customer satisfaction", "Manager discretion",
                                         "Damaged goods"};

std::string& field_text(ApprovalForm& form, int field) {
    switch (field) {
        case 0:
            return form.staff_code;
        case 1:
            return form.pin;
        default:
            return form.reason;
    }
}

bool has_approver(const ApprovalForm& form) {
    return !form.badge.empty() || (!form.staff_code.empty() && !form.pin.empty());
}

bool can_answer(const ApprovalForm& form) {
    return has_approver(form) && !form.reason.empty();
}

template <class Answer>
void answer(DrawState& state, Intents& out) {
    ApprovalForm& form = state.approval;
    if (!can_answer(form)) {
        return;
    }
    out.push_back(Answer{form.staff_code, form.pin, form.badge, form.reason});
    // Not kept a frame longer than needed: a wrong PIN is keyed again.
    form.pin.clear();
    form.badge.clear();
    form.field = form.staff_code.empty() ? 0 : 1;
}

std::string dots(const std::string& pin) {
    std::string shown;
    for (std::size_t i = 0; i < pin.size(); ++i) {
        shown += "●";
    }
    return shown;
}

// "Label   value" rows of what is being approved.
void detail_row(Box& box, const char* label, const std::string& value, float label_w) {
    if (value.empty()) {
        return;
    }
    const Box row = box.cut_top(std::round(1.4f * px()));
    text_at(fonts().body, row.min(), colour::muted, label);
    const float room = row.w - label_w;
    ImFont* f = text_size(fonts().bold, value).x <= room ? fonts().bold : fonts().body;
    text_at(f, {row.x + label_w, row.y}, colour::ink, fit(f, value, room));
}

// Text wrapped to the box's width at its top; the box shrinks by as much.
void wrapped(Box& box, ImFont* font, ImU32 ink, const std::string& text, float spacing) {
    if (text.empty()) {
        return;
    }
    const float h = font->CalcTextSizeA(font->FontSize, 1e9f, box.w, text.c_str()).y;
    const Box b = box.cut_top(h, spacing);
    ImGui::GetWindowDrawList()->AddText(font, font->FontSize, b.min(), ink, text.c_str(), nullptr,
                                        b.w);
}

void draw_request(const ApprovalVm& vm, const Message& message, DrawState& state, Box box) {
    ImFont* heading = fonts().heading ? fonts().heading : fonts().bold;
    wrapped(box, heading, colour::ink, vm.title, gap());
    wrapped(box, fonts().bold, colour::refund, vm.what, gap());
    const float label_w = text_size(fonts().body, "Asked by").x + px();
    detail_row(box, "Rule", vm.rule, label_w);
    detail_row(box, "Amount", vm.amount, label_w);
    detail_row(box, "Asked by", vm.requested_by, label_w);
    detail_row(box, "Needs", vm.needed, label_w);
    box.cut_top(gap());
    // What the last answer got (a wrong PIN, an approver without the role): the banner is
    // under the dialog.
    if (message.kind != MessageKind::none) {
        wrapped(box, fonts().bold,
                message.kind == MessageKind::error ? colour::bad : colour::accent, message.text,
                gap());
    }
    draw_notice(state, box);
    wrapped(box, fonts().body, colour::muted,
            "An approver keys their staff code and PIN, or scans their badge, and says why.",
            gap());

    ApprovalForm& form = state.approval;
    const float choice_h = std::round(0.85f * touch());
    const float quick_h = 3 * choice_h + 2 * gap();
    const Box quick =
        box.cut_bottom(std::min(quick_h, std::max(0.0f, box.h - field_height())), gap());
    const Box reason = box.cut_bottom(field_height(), gap());
    if (field_box(state, "reason##approve", reason, "Reason", form.reason,
                  "Tap a reason below, or type one", form.field == 2)) {
        form.field = 2;
    }
    for (int i = 0; i < 3; ++i) {
        const Box b = quick.cell(1, 3, 0, i, gap());
        const std::string key = std::string("reason:") + std::to_string(i) + "##approve";
        const bool on = form.reason == quick_reasons[i];
        if (button(state, key, b, on ? Tone::active : Tone::key, true, quick_reasons[i])) {
            form.reason = quick_reasons[i];
        }
    }
}

void draw_entry(DrawState& state, Box box, Intents& out) {
    ApprovalForm& form = state.approval;
    const Box fields = box.cut_top(field_height(), gap());
    const bool badge = !form.badge.empty();
    if (field_box(state, "code##approve", fields.cell(2, 1, 0, 0, gap()), "Staff code",
                  badge ? "Badge scanned" : form.staff_code, "Code or badge", form.field == 0)) {
        form.field = 0;
        form.badge.clear();
    }
    if (field_box(state, "pin##approve", fields.cell(2, 1, 1, 0, gap()), "PIN",
                  badge ? std::string() : dots(form.pin), badge ? "Not needed" : "PIN",
                  form.field == 1)) {
        form.field = 1;
        form.badge.clear();
    }

    const Box buttons = box.cut_bottom(std::round(1.3f * touch()), gap());
    const Box hint = box.cut_bottom(std::round(1.3f * px()), gap());
    const char* missing = !has_approver(form)   ? "Code and PIN, or scan a badge"
                          : form.reason.empty() ? "Give a reason"
                                                : "";
    ImFont* small = fonts().small ? fonts().small : fonts().body;
    text_centred(small, hint, colour::accent, fit(small, missing, hint.w));

    // The keypad keys the code or the PIN (the reason is tapped or typed).
    const int field = form.field == 1 ? 1 : 0;
    std::string& text = field_text(form, field);
    if (!number_keypad(state, text, box, false, "##approve").empty()) {
        form.badge.clear();
        form.field = field;
    }
    clamp_field(text, rules[field].max);

    if (button(state, "Cancel##approve", buttons.cell(4, 1, 0, 0, gap()), Tone::quiet)) {
        out.push_back(CancelApproval{});
        state.approval = {};
        return;
    }
    const bool ready = can_answer(form);
    if (button(state, "Decline##approve", buttons.cell(4, 1, 1, 0, gap()), Tone::danger, ready)) {
        answer<Decline>(state, out);
    }
    if (button(state, "Approve##approve", buttons.cell(4, 1, 2, 0, gap(), 2), Tone::primary, ready,
               nullptr, fonts().heading)) {
        answer<Approve>(state, out);
    }
}

}  // namespace

void take_approval_keyboard(DrawState& state, Intents& out) {
    ApprovalForm& form = state.approval;
    const Typed typed = take_typed();
    if (is_scan_burst(typed) && form.field != 2) {
        // A badge scanned at the dialog: it stands for the code and PIN.
        form.badge = typed.text;
        form.staff_code.clear();
        form.pin.clear();
        form.field = 2;
        state.notice.clear();
        return;
    }
    const int field = std::clamp(form.field, 0, field_count - 1);
    const FieldRule& rule = rules[field];
    if (type_into(state, typed, field_text(form, field), rule.max, rule.accept, rule.what)) {
        if (field + 1 < field_count) {
            form.field = field + 1;  // Enter moves on, as on a paper form
        } else {
            answer<Approve>(state, out);
        }
    }
}

void draw_approval(const ApprovalVm& vm, const Message& message, DrawState& state, Intents& out) {
    const std::string request = vm.rule + "\n" + vm.what;
    if (state.approval.open && state.approval.request != request) {
        state.approval = {};  // a second approval on the way: its own reason
    }
    state.approval.open = true;
    state.approval.request = request;
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    ImGui::SetNextWindowPos({0, 0});
    ImGui::SetNextWindowSize(display);
    ImGui::SetNextWindowFocus();  // in front of everything, so taps land here only
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, {0, 0});
    ImGui::PushStyleColor(ImGuiCol_WindowBg, ImVec4(0.08f, 0.11f, 0.14f, 0.6f));
    ImGui::Begin("##approval", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                     ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoNav |
                     ImGuiWindowFlags_NoScrollWithMouse);
    ImGui::PopStyleColor();
    ImGui::PopStyleVar();
    ImGui::PushFont(fonts().body);

    const Box dialog = Box{0, 0, display.x, display.y}.inset(std::min(px(), 0.02f * display.x));
    fill(dialog, colour::panel, 0.5f * px());
    outline(dialog, colour::accent, 0.5f * px(), std::max(2.0f, std::round(px() / 12)));
    Box inner = dialog.inset(px());
    const Box right = inner.cut_right(std::round(0.5f * inner.w), 2 * gap());
    draw_request(vm, message, state, inner);
    draw_entry(state, right, out);

    ImGui::PopFont();
    ImGui::End();
}

}  // namespace ui::widgets
