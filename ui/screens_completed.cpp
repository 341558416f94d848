// The sale-completed screen: the change to hand back, very large, and the receipt as printed.
// Scanning here starts the next sale with that item.
#include <algorithm>
#include <cmath>
#include <sstream>

#include "ui/widgets.hpp"

namespace ui::widgets {

namespace {

float widest_line(ImFont* font, const std::string& text) {
    float widest = 0;
    std::istringstream lines(text);
    for (std::string line; std::getline(lines, line);) {
        widest = std::max(widest, text_size(font, line).x);
    }
    return widest;
}

void draw_row(const Box& row, const char* label, const std::string& value) {
    text_at(fonts().body, row.min(), colour::muted, label);
    text_right(fonts().bold, row.x + row.w, row.y, colour::ink, value);
}

void draw_summary(const CompletedVm& vm, DrawState& state, Box box, Intents& out) {
    fill(box, colour::panel, 0.4f * px());
    Box inner = box.inset(px());
    const Box next = inner.cut_bottom(std::round(1.4f * touch()), gap());
    if (button(state, "New sale##done", next, Tone::primary, true, nullptr, fonts().large)) {
        out.push_back(NewSale{});
        state.scan_text.clear();
    }
    const Box scan = inner.cut_bottom(touch(), gap());
    const float rounding = 0.35f * px();
    fill(scan, colour::background, rounding);
    const bool typing = !state.scan_text.empty();
    text_at(typing ? fonts().heading : fonts().body,
            {scan.x + 0.6f * px(), scan.y + (scan.h - (typing ? 1.35f : 1.0f) * px()) / 2},
            typing ? colour::ink : colour::muted,
            typing ? state.scan_text : "Scan the next item to start a new sale");

    if (!vm.title.empty()) {  // "Refund complete", "Exchange complete"
        ImFont* heading = fonts().heading ? fonts().heading : fonts().bold;
        text_at(heading, inner.cut_top(heading->FontSize, gap()).min(), colour::ink,
                fit(heading, vm.title, inner.w));
    }
    // The figure handed over: the change, or on a refund what went back.
    const bool refund = !vm.refunded.empty();
    const std::string& figure = refund ? vm.refunded : vm.change;
    text_at(fonts().bold, inner.cut_top(std::round(1.3f * px())).min(), colour::muted,
            refund ? "Refunded" : "Change");
    ImFont* change_font = fonts().huge;
    if (text_size(change_font, figure).x > inner.w) {
        change_font = fonts().large;
    }
    const ImVec2 size = text_size(change_font, figure);
    const Box change = inner.cut_top(size.y, px());
    text_at(change_font, change.min(), refund ? colour::refund : colour::good, figure);
    record_text(state, "change##done", change.min(), size);

    fill(inner.cut_top(1, px()), colour::rule);
    const float line_h = std::round(1.5f * px());
    draw_row(inner.cut_top(line_h), "Total", vm.total);
    draw_row(inner.cut_top(line_h), "Paid", vm.paid);
    draw_row(inner.cut_top(line_h, px()), "Receipt", vm.receipt_number);
    ImFont* f = fonts().body;
    ImGui::GetWindowDrawList()->AddText(f, f->FontSize, inner.min(), colour::muted,
                                        vm.print_status.c_str(), nullptr, inner.w);
}

void draw_receipt(const CompletedVm& vm, Box box) {
    const Box title = box.cut_top(std::round(1.4f * px()), 0.3f * px());
    text_at(fonts().bold, title.min(), colour::muted, "Receipt");
    fill(box, colour::panel, 0.4f * px());
    outline(box, colour::rule, 0.4f * px(), 1);
    ImGui::SetCursorScreenPos(box.min());
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, {px(), px()});
    ImGui::BeginChild("##receipt", box.size(), false,
                      ImGuiWindowFlags_NoNav | ImGuiWindowFlags_AlwaysUseWindowPadding |
                          ImGuiWindowFlags_HorizontalScrollbar);
    ImGui::PushFont(fonts().mono);
    ImGui::TextUnformatted(vm.receipt_text.c_str(),
                           vm.receipt_text.c_str() + vm.receipt_text.size());
    ImGui::PopFont();
    ImGui::EndChild();
    ImGui::PopStyleVar();
}

}  // namespace

void draw_completed(const CompletedVm& vm, DrawState& state, const Box& area, Intents& out) {
    take_scan_keyboard(state, out);
    Box left = area;
    // The receipt panel is as wide as its longest line (plus padding and a scrollbar), within
    // limits that keep the change legible beside it.
    const float wanted =
        widest_line(fonts().mono, vm.receipt_text) + 2 * px() + ImGui::GetStyle().ScrollbarSize + 2;
    const float width = std::clamp(wanted, 0.38f * area.w, 0.55f * area.w);
    const Box right = left.cut_right(std::round(width), 2 * gap());
    draw_summary(vm, state, left, out);
    draw_receipt(vm, right);
}

}  // namespace ui::widgets
