// The sale-completed screen: the change to hand back, very large, and the receipt as printed
// (its picture, or its text where there is no picture), with Reprint and Gift receipt under it.
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
    draw_drawer_open(state, inner, "drawer##done");
    const Box next = inner.cut_bottom(std::round(1.4f * touch()), gap());
    if (button(state, "New sale##done", next, Tone::primary, true, nullptr, fonts().large)) {
        out.push_back(NewSale{});
        state.scan_text.clear();
    }
    const Box scan = inner.cut_bottom(touch(), gap());
    const float rounding = 0.35f * px();
    fill(scan, colour::background, rounding);
    const bool typing = !state.scan_text.empty();
    ImFont* font = typing ? fonts().heading : fonts().body;
    const float room = scan.w - 1.2f * px();
    const std::string hint = text_size(font, "Scan the next item to start a new sale").x <= room
                                 ? "Scan the next item to start a new sale"
                                 : "Scan the next item";
    text_at(font, {scan.x + 0.6f * px(), scan.y + (scan.h - font->FontSize) / 2},
            typing ? colour::ink : colour::muted, fit(font, typing ? state.scan_text : hint, room));

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
    // What was printed where: a long spool path wraps, and stops above the scan field.
    ImFont* f = fonts().small ? fonts().small : fonts().body;
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->PushClipRect(inner.min(), inner.max(), true);
    draw->AddText(f, f->FontSize, inner.min(), colour::muted, vm.print_status.c_str(), nullptr,
                  inner.w);
    draw->PopClipRect();
}

// The receipt's picture scaled to the panel's width (never enlarged), scrolled vertically.
void draw_picture(const PictureVm& picture, DrawState& state, const Box& box) {
    const float room = box.w - 2 * px() - ImGui::GetStyle().ScrollbarSize;
    const float width = std::min(room, static_cast<float>(picture.width));
    const float height =
        std::round(width * static_cast<float>(picture.height) / static_cast<float>(picture.width));
    const ImVec2 at = ImGui::GetCursorScreenPos();
    ImGui::Image(static_cast<ImTextureID>(picture.texture), {width, height});
    record_text(state, "preview##done", at, {width, height});
}

// Each receipt shown starts at its top: a copy replaces the receipt scrolled down to.
void scroll_to_top_when_new(std::uint64_t version) {
    ImGuiStorage* storage = ImGui::GetStateStorage();
    const ImGuiID key = ImGui::GetID("shown version");
    const int shown = static_cast<int>(version);
    if (storage->GetInt(key, -1) != shown) {
        ImGui::SetScrollY(0);
        storage->SetInt(key, shown);
    }
}

void draw_text(const std::string& text) {
    ImGui::PushFont(fonts().mono);
    ImGui::TextUnformatted(text.c_str(), text.c_str() + text.size());
    ImGui::PopFont();
}

void draw_receipt(const CompletedVm& vm, DrawState& state, Box box, Intents& out) {
    const Box title = box.cut_top(std::round(1.4f * px()), 0.3f * px());
    text_at(fonts().bold, title.min(), colour::muted,
            vm.preview_title.empty() ? "Receipt" : vm.preview_title);
    const Box buttons = box.cut_bottom(touch(), gap());
    Box reprint = buttons;
    const Box gift = reprint.cut_right(std::round((buttons.w - gap()) / 2), gap());
    if (button(state, "Reprint##done", reprint, Tone::key, vm.can_reprint)) {
        out.push_back(Reprint{});
    }
    if (button(state, "Gift receipt##done", gift, Tone::key, vm.can_gift)) {
        out.push_back(GiftReceipt{});
    }

    const bool picture = vm.preview.texture && !vm.preview.empty();
    // White paper stands out on a grey panel; text keeps the white one.
    fill(box, picture ? colour::rule : colour::panel, 0.4f * px());
    outline(box, colour::rule, 0.4f * px(), 1);
    ImGui::SetCursorScreenPos(box.min());
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, {px(), px()});
    ImGui::BeginChild("##receipt", box.size(), false,
                      ImGuiWindowFlags_NoNav | ImGuiWindowFlags_AlwaysUseWindowPadding |
                          ImGuiWindowFlags_HorizontalScrollbar);
    scroll_to_top_when_new(vm.preview.version);
    if (picture) {
        draw_picture(vm.preview, state, box);
    } else {
        draw_text(vm.receipt_text);
    }
    ImGui::EndChild();
    ImGui::PopStyleVar();
}

}  // namespace

void draw_completed(const CompletedVm& vm, DrawState& state, const Box& area, Intents& out) {
    take_scan_keyboard(state, out);
    Box left = area;
    // The receipt panel is as wide as the receipt (its picture, or its longest line of text),
    // plus padding and a scrollbar, within limits that keep the change legible beside it.
    const float receipt = vm.preview.texture && !vm.preview.empty()
                              ? static_cast<float>(vm.preview.width)
                              : widest_line(fonts().mono, vm.receipt_text);
    const float wanted = receipt + 2 * px() + ImGui::GetStyle().ScrollbarSize + 2;
    const float width = std::clamp(wanted, 0.38f * area.w, 0.55f * area.w);
    const Box right = left.cut_right(std::round(width), 2 * gap());
    draw_summary(vm, state, left, out);
    draw_receipt(vm, state, right, out);
}

}  // namespace ui::widgets
