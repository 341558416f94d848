// Two panels of the return screen, in place of the receipt's lines: a return without a receipt
// (the item, how many, the customer's phone or ID, under the store's policy) and a post-void of
// the receipt that is open (asks why).
#include <algorithm>
#include <cmath>

#include "ui/widgets.hpp"

namespace ui::widgets {

namespace {

constexpr const char* void_reasons[] = {"Keyed in error", "Wrong tender", "Customer changed mind"};

Box title_of(Box& inner, const std::string& title) {
    ImFont* heading = fonts().heading ? fonts().heading : fonts().bold;
    const Box b = inner.cut_top(heading->FontSize, gap());
    text_at(heading, b.min(), colour::ink, fit(heading, title, b.w));
    return b;
}

void paragraph(Box& box, const std::string& text, ImU32 ink) {
    if (text.empty()) {
        return;
    }
    ImFont* f = fonts().body;
    const float h = f->CalcTextSizeA(f->FontSize, 1e9f, box.w, text.c_str()).y;
    const Box b = box.cut_top(h, gap());
    ImGui::GetWindowDrawList()->AddText(f, f->FontSize, b.min(), ink, text.c_str(), nullptr, b.w);
}

}  // namespace

void draw_no_receipt(const ReturnVm& vm, DrawState& state, Box box, Intents& out) {
    ReturnForm& form = state.returns;
    fill(box, colour::panel, 0.4f * px());
    Box inner = box.inset(0.6f * px());
    title_of(inner, "Return without a receipt");
    paragraph(inner, vm.no_receipt_policy, colour::muted);

    const Box fields = inner.cut_top(field_height(), gap());
    struct Field {
        const char* key;
        const char* label;
        const char* placeholder;
        std::string* text;
        int index;
    };
    const Field all[] = {
        {"code##noreceipt", "Item code", "Scan the item", &form.code, 1},
        {"qty##noreceipt", "Quantity", "1", &form.quantity, 2},
        {"customer##noreceipt", "Customer phone or ID", "Required", &form.customer, 3}};
    const float widths[] = {0.38f, 0.2f, 0.42f};
    Box row = fields;
    for (int i = 0; i < 3; ++i) {
        const Box b = i == 2 ? row : row.cut_left(std::round(widths[i] * fields.w), gap());
        if (field_box(state, all[i].key, b, all[i].label, *all[i].text, all[i].placeholder,
                      form.field == all[i].index)) {
            form.field = all[i].index;
        }
    }
    draw_notice(state, inner);

    const Box submit = inner.cut_bottom(std::round(1.2f * touch()), gap());
    const int field = std::clamp(form.field, 1, 3);
    std::string& text = *all[field - 1].text;
    number_keypad(state, text, inner, field == 2, "##noreceipt");
    clamp_field(text, field == 1 ? 32 : 24);

    const bool ready = !form.code.empty() && !form.customer.empty() && !form.reason.empty() &&
                       !form.disposition.empty();
    if (button(state, "Return it##noreceipt", submit, Tone::primary, ready,
               "Return without receipt")) {
        ReturnWithoutReceipt intent;
        intent.code = form.code;
        intent.quantity = form.quantity;
        intent.reason = form.reason;
        intent.disposition = form.disposition;
        intent.customer = form.customer;
        out.push_back(intent);
        form.code.clear();
        form.quantity.clear();  // the customer stays for their next item
        form.field = 1;
    }
}

void draw_post_void(const ReturnVm& vm, DrawState& state, Box box, Intents& out) {
    ReturnForm& form = state.returns;
    fill(box, colour::panel, 0.4f * px());
    outline(box, colour::bad, 0.4f * px(), std::max(2.0f, std::round(px() / 12)));
    Box inner = box.inset(0.6f * px());
    title_of(inner, "Post-void " + vm.receipt);
    paragraph(inner,
              "Reverses the whole sale: every line comes back, and every payment goes back to "
              "the tender it was paid with. Say why.",
              colour::ink);
    if (field_box(state, "reason##postvoid", inner.cut_top(field_height(), gap()), "Reason",
                  form.void_reason, "Tap a reason below, or type one", form.field == 4)) {
        form.field = 4;
    }
    const float h = std::round(0.9f * touch());
    for (int i = 0; i < 3; ++i) {
        const std::string key = "reason:" + std::to_string(i) + "##postvoid";
        const bool on = form.void_reason == void_reasons[i];
        if (button(state, key, inner.cut_top(h, gap()), on ? Tone::active : Tone::key, true,
                   void_reasons[i])) {
            form.void_reason = void_reasons[i];
        }
    }
    const Box buttons = inner.cut_bottom(std::round(1.2f * touch()), gap());
    if (button(state, "Cancel##postvoid", buttons.cell(3, 1, 0, 0, gap()), Tone::quiet)) {
        form.post_void = false;
        form.void_reason.clear();
        form.field = 0;
        return;
    }
    if (button(state, "Confirm##postvoid", buttons.cell(3, 1, 1, 0, gap(), 2), Tone::danger,
               !form.void_reason.empty(), "Post-void the sale")) {
        out.push_back(PostVoid{form.void_reason});
        form.post_void = false;
        form.void_reason.clear();
        form.field = 0;
    }
}

}  // namespace ui::widgets
