// The return screen: a receipt number field (a scanned receipt barcode lands here) with Find,
// Find ticket and No receipt across the top; the original's lines to pick from on the left, each
// with a quantity stepper and its own Return button; on the right the reason and where the item
// goes (they apply to every line returned until changed), the ticket so far, Post-void and Back.
// The no-receipt form and the post-void panel are in screens_return_forms.cpp.
#include <algorithm>
#include <cctype>
#include <cmath>

#include "ui/widgets.hpp"

namespace ui::widgets {

namespace {

struct FieldRule {
    std::size_t max;
    Accept accept;
    const char* what;
};

// By ReturnForm::field: receipt, item code, quantity, customer, post-void reason.
constexpr FieldRule rules[] = {{24, Accept::code, "a receipt number"},
                               {32, Accept::code, "an item code"},
                               {9, Accept::amount, "a quantity"},
                               {24, Accept::text, "a phone number or ID"},
                               {80, Accept::text, "a reason"}};

std::string& field_text(ReturnForm& form, int field) {
    switch (field) {
        case 1:
            return form.code;
        case 2:
            return form.quantity;
        case 3:
            return form.customer;
        case 4:
            return form.void_reason;
        default:
            return form.receipt;
    }
}

void open_receipt(DrawState& state, Intents& out) {
    if (state.returns.receipt.empty()) {
        return;
    }
    out.push_back(OpenReceipt{state.returns.receipt});
    state.returns.receipt.clear();
    state.returns.no_receipt = false;
    state.returns.post_void = false;
    state.returns.field = 0;
}

void take_keyboard(DrawState& state, Intents& out) {
    ReturnForm& form = state.returns;
    const Typed typed = take_typed();
    if (is_scan_burst(typed) && form.field != 3 && form.field != 4) {
        if (form.no_receipt) {  // the item's barcode
            form.code = typed.text;
            form.field = 2;
        } else {  // the receipt's barcode
            form.receipt = typed.text;
            open_receipt(state, out);
        }
        return;
    }
    const int field = std::clamp(form.field, 0, 4);
    const FieldRule& rule = rules[field];
    if (type_into(state, typed, field_text(form, field), rule.max, rule.accept, rule.what)) {
        if (field == 0) {
            open_receipt(state, out);
        } else if (field < 3) {
            form.field = field + 1;  // Enter moves on to the next field
        }
    }
}

// Counted lines step by one up to what is returnable; a weighed line comes back whole.
std::optional<int> whole_units(const std::string& text) {
    if (text.empty() || text.size() > 6 || !std::all_of(text.begin(), text.end(), [](char c) {
            return std::isdigit(static_cast<unsigned char>(c)) != 0;
        })) {
        return std::nullopt;
    }
    return std::stoi(text);
}

void draw_top(const ReturnVm& vm, DrawState& state, Box row, Intents& out) {
    ReturnForm& form = state.returns;
    const float w = std::round(7.5f * px());
    const Box no_receipt = row.cut_right(w, gap());
    const Box find_ticket = row.cut_right(w, gap());
    const Box find = row.cut_right(std::round(5 * px()), gap());
    const bool focused = form.field == 0 && !form.no_receipt;
    if (field_box(state, "receipt##return", row, "Receipt number", form.receipt,
                  vm.receipt.empty() ? "Scan or key it: T01-000042" : "Another receipt", focused)) {
        form.field = 0;
        form.no_receipt = false;
        form.post_void = false;
    }
    if (button(state, "Find##return", find, Tone::primary, !form.receipt.empty())) {
        open_receipt(state, out);
    }
    if (button(state, "Find ticket##return", find_ticket, Tone::key)) {
        out.push_back(ShowTicketSearch{});
    }
    if (button(state, "No receipt##return", no_receipt,
               form.no_receipt ? Tone::active : Tone::key)) {
        form.no_receipt = !form.no_receipt;
        form.post_void = false;
        form.field = form.no_receipt ? 1 : 0;
    }
}

// The receipt number keyed by hand, before any receipt is open.
void draw_receipt_keypad(DrawState& state, Box box, Intents& out) {
    fill(box, colour::panel, 0.4f * px());
    Box inner = box.inset(px());
    const Box hint = inner.cut_top(std::round(2.6f * px()), gap());
    text_centred(fonts().body, hint, colour::muted,
                 "Scan the barcode on the receipt, or key its number as printed (T01-000042)");
    draw_notice(state, inner);
    const float h = std::min(inner.h, 4 * std::round(1.2f * touch()) + 3 * gap());
    const Box keys = inner.cut_top(h);
    std::string& text = state.returns.receipt;
    const std::string key = key_grid(
        state, keys, 4,
        {"7", "8", "9", "⌫", "4", "5", "6", "Clear", "1", "2", "3", "-", "T", "0", "S", "Enter"},
        "##receipt");
    if (key == "Enter") {
        open_receipt(state, out);
    } else if (key == "Clear") {
        text.clear();
    } else if (key == "⌫") {
        pop_utf8(text);
    } else if (!key.empty()) {
        text += key;
    }
    clamp_field(text, rules[0].max);
    state.returns.field = 0;
}

void draw_line(const ReturnLineVm& line, std::size_t i, DrawState& state, Box r, Intents& out) {
    ReturnForm& form = state.returns;
    if (i % 2 == 1) {
        fill(r, colour::rgb(0xF6F8FA));
    }
    Box inner = r.inset(0.3f * px());
    inner.cut_left(0.3f * px());
    const std::string n = std::to_string(i);
    const bool chosen = !form.reason.empty() && !form.disposition.empty();
    const Box ret = inner.cut_right(std::round(5 * px()), gap());
    const std::optional<int> units = whole_units(line.returnable);
    int& count = form.count[i];
    if (units) {
        count = std::clamp(count, 1, std::max(1, *units));
    }
    if (units && line.can_return) {
        const float step = std::round(2.2f * px());
        const Box plus = inner.cut_right(step, 0.2f * px());
        const Box shown = inner.cut_right(std::round(2 * px()), 0.2f * px());
        const Box minus = inner.cut_right(step, gap());
        if (button(state, "minus:" + n + "##return", minus, Tone::key, count > 1, "−",
                   fonts().heading)) {
            --count;
        }
        const std::string c = std::to_string(count);
        text_at(fonts().heading,
                {shown.x + (shown.w - text_size(fonts().heading, c).x) / 2,
                 shown.y + (shown.h - text_size(fonts().heading, c).y) / 2},
                colour::ink, c);
        if (button(state, "plus:" + n + "##return", plus, Tone::key, count < *units, "+",
                   fonts().heading)) {
            ++count;
        }
    }
    if (button(state, "return:" + n + "##return", ret, Tone::primary, line.can_return && chosen,
               "Return")) {
        ReturnItem item;
        item.index = i;
        item.quantity = units ? std::to_string(count) : std::string();
        item.reason = form.reason;
        item.disposition = form.disposition;
        out.push_back(item);
        count = 1;
    }
    // Three lines: the name, what one more unit refunds, and the counts.
    const ImU32 ink = line.can_return ? colour::ink : colour::muted;
    ImFont* small = fonts().small ? fonts().small : fonts().body;
    const float top = inner.y + (inner.h - px() - 2 * small->FontSize - 0.3f * px()) / 2;
    text_at(fonts().bold, {inner.x, top}, ink, fit(fonts().bold, line.name, inner.w));
    const float y2 = top + 1.1f * px();
    const std::string refund =
        line.unit_refund.empty()
            ? "Can return " + line.returnable
            : "Refunds " + line.unit_refund + " each · can return " + line.returnable;
    text_at(small, {inner.x, y2}, line.can_return ? colour::refund : colour::muted,
            fit(small, refund, inner.w));
    const std::string detail =
        "Sold " + line.sold + " · returned " + line.returned + " · paid " + line.paid;
    text_at(small, {inner.x, y2 + small->FontSize + 0.1f * px()}, colour::muted,
            fit(small, detail, inner.w));
}

void draw_lines(const ReturnVm& vm, DrawState& state, Box box, Intents& out) {
    fill(box, colour::panel, 0.4f * px());
    Box inner = box.inset(0.5f * px());
    ImFont* heading = fonts().heading ? fonts().heading : fonts().bold;
    const Box title = inner.cut_top(heading->FontSize);
    text_at(heading, title.min(), colour::ink, "Receipt " + vm.receipt);
    const Box detail = inner.cut_top(std::round(1.3f * px()), gap());
    text_at(fonts().small, {detail.x, detail.y + 0.2f * px()}, colour::muted,
            fit(fonts().small, vm.original_detail, detail.w));
    fill(Box{inner.x, inner.y - gap() / 2, inner.w, 1}, colour::rule);
    if (vm.lines.empty()) {
        text_centred(fonts().body, inner, colour::muted, "Nothing on this receipt can come back");
        return;
    }
    ImGui::SetCursorScreenPos(inner.min());
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, {0, 0});
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, {0, 0});
    ImGui::BeginChild("##returnlines", inner.size(), false, ImGuiWindowFlags_NoNav);
    const float w = ImGui::GetContentRegionAvail().x;
    const float h = std::round(touch() + 1.4f * px());
    for (std::size_t i = 0; i < vm.lines.size(); ++i) {
        const ImVec2 pos = ImGui::GetCursorScreenPos();
        ImGui::Dummy({w, h});
        draw_line(vm.lines[i], i, state, Box{pos.x, pos.y, w, h}, out);
        ImGui::SetCursorScreenPos({pos.x, pos.y + h});
    }
    ImGui::Dummy({w, 0});
    ImGui::EndChild();
    ImGui::PopStyleVar(2);
}

void draw_choices(const ReturnVm& vm, DrawState& state, Box box, Intents& out) {
    ReturnForm& form = state.returns;
    fill(box, colour::panel, 0.4f * px());
    Box inner = box.inset(0.6f * px());
    const float label_h = std::round(1.3f * px());
    const bool chosen = !form.reason.empty() && !form.disposition.empty();
    text_at(fonts().bold, inner.cut_top(label_h).min(), chosen ? colour::muted : colour::accent,
            form.reason.empty() ? "Why is it coming back?" : "Reason");
    choice_grid(state, inner.cut_top(choice_grid_height(vm.reasons.size(), 2), gap()), 2,
                vm.reasons, form.reason, "reason", "return");
    text_at(fonts().bold, inner.cut_top(label_h).min(),
            form.disposition.empty() ? colour::accent : colour::muted,
            form.disposition.empty() ? "Where does it go?" : "It goes");
    choice_grid(state, inner.cut_top(choice_grid_height(vm.dispositions.size(), 2), gap()), 2,
                vm.dispositions, form.disposition, "goes", "return");

    const Box buttons = inner.cut_bottom(touch(), gap());
    if (button(state, "Post-void##return", buttons.cell(2, 1, 0, 0, gap()), Tone::danger,
               vm.can_post_void && !vm.receipt.empty())) {
        form.post_void = true;
        form.no_receipt = false;
        form.field = 4;
    }
    if (button(state, "Back##return", buttons.cell(2, 1, 1, 0, gap()), Tone::quiet, true,
               "← To sale")) {
        out.push_back(BackToSale{});
    }
    if (!vm.basket.empty()) {
        ImFont* f = fonts().bold;
        const float h = f->CalcTextSizeA(f->FontSize, 1e9f, inner.w, vm.basket.c_str()).y;
        const Box b = inner.cut_bottom(h, gap());
        ImGui::GetWindowDrawList()->AddText(f, f->FontSize, b.min(), colour::ink, vm.basket.c_str(),
                                            nullptr, b.w);
        record_text(state, "basket##return", b.min(), b.size());
    }
}

}  // namespace

void draw_return(const ReturnVm& vm, DrawState& state, const Box& area, Intents& out) {
    ReturnForm& form = state.returns;
    if (form.open_receipt != vm.receipt) {  // another original: its own quantities
        form.open_receipt = vm.receipt;
        form.count.clear();
        form.post_void = false;
    }
    if (!vm.can_post_void) {
        form.post_void = false;
    }
    take_keyboard(state, out);
    Box rest = area;
    draw_top(vm, state, rest.cut_top(field_height(), gap()), out);
    const Box right = rest.cut_right(std::round(0.34f * area.w), gap());
    draw_choices(vm, state, right, out);
    if (form.post_void) {
        draw_post_void(vm, state, rest, out);
    } else if (form.no_receipt) {
        draw_no_receipt(vm, state, rest, out);
    } else if (vm.receipt.empty()) {
        draw_receipt_keypad(state, rest, out);
    } else {
        draw_lines(vm, state, rest, out);
    }
}

}  // namespace ui::widgets
