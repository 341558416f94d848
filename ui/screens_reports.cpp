// The reports screen: X report, Z report (tapped twice: Z report, then Confirm Z), Print and the
// earlier Z reports on the left; the report on show, as printed, on the right.
#include <algorithm>
#include <cfloat>
#include <cmath>

#include "ui/widgets.hpp"

namespace ui::widgets {

namespace {

void draw_top(DrawState& state, Box top, Intents& out) {
    if (button(state, "Back##reports", top.cut_left(std::round(6 * px()), gap()), Tone::quiet, true,
               "← Back"))
        out.push_back(BackToSale{});
    if (button(state, "Dashboard##reports", top.cut_right(std::round(7 * px()), gap()),
               Tone::quiet))
        out.push_back(ShowDashboard{});
    ImFont* heading = fonts().heading;
    text_at(heading, {top.x, top.y + (top.h - heading->FontSize) / 2}, colour::ink,
            "X and Z reports");
}

// Z needs a second tap: a Z ends the day and cannot be taken back.
void draw_z_buttons(const ReportsVm& vm, DrawState& state, Box box, Intents& out) {
    ReportsForm& form = state.reports;
    if (!vm.can_z)
        form.confirm_z = false;
    if (!form.confirm_z) {
        if (button(state, "Z report##reports", box, Tone::primary, vm.can_z,
                   "Z report (end of day)"))
            form.confirm_z = true;
        return;
    }
    const Box cancel = box.cut_right(std::round(0.4f * box.w), gap());
    if (button(state, "Confirm Z##reports", box, Tone::danger, true, "Confirm Z")) {
        form.confirm_z = false;
        out.push_back(RunZReport{});
    }
    if (button(state, "Cancel Z##reports", cancel, Tone::quiet, true, "Cancel"))
        form.confirm_z = false;
}

// Wrapped small text cut from the top of the box.
void note(Box& box, const std::string& text, ImU32 ink) {
    ImFont* font = fonts().small;
    const ImVec2 size = font->CalcTextSizeA(font->FontSize, FLT_MAX, box.w, text.c_str());
    ImGui::GetWindowDrawList()->AddText(font, font->FontSize, box.min(), ink, text.c_str(), nullptr,
                                        box.w);
    box.cut_top(std::min(size.y + 0.4f * px(), box.h));
}

void draw_past(const ReportsVm& vm, DrawState& state, Box box, Intents& out) {
    const Box title = box.cut_top(std::round(1.4f * px()));
    text_at(fonts().bold, title.min(), colour::muted, "Earlier Z reports");
    fill(box, colour::panel, 0.3f * px());
    if (vm.past.empty()) {
        text_centred(fonts().body, box.inset(px()), colour::muted, "No Z report has run yet");
        return;
    }
    ImGui::SetCursorScreenPos(box.min());
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, {0, 0});
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, {0, 0});
    ImGui::BeginChild("##past", box.size(), false, ImGuiWindowFlags_NoNav);
    const float w = ImGui::GetContentRegionAvail().x;
    const float h = std::round(touch());
    const float pad = 0.6f * px();
    for (const ZSummaryVm& z : vm.past) {
        const std::string key = "z:" + std::to_string(z.number) + "##reports";
        if (ImGui::InvisibleButton(key.c_str(), {w, h}))
            out.push_back(ShowZReport{z.number});
        record(state, key);
        const ImVec2 min = ImGui::GetItemRectMin();
        const Box rb{min.x, min.y, w, h};
        if (z.shown) {
            fill(rb, colour::selected);
            fill(Box{rb.x, rb.y, 0.25f * px(), rb.h}, colour::accent);
        }
        fill(Box{rb.x + pad, rb.y + rb.h - 1, rb.w - 2 * pad, 1}, colour::rule);
        const float top = rb.y + (rb.h - 2.1f * px()) / 2;
        text_at(fonts().bold, {rb.x + pad, top}, colour::ink,
                "Z report No. " + std::to_string(z.number));
        text_right(fonts().bold, rb.x + rb.w - pad, top, colour::ink, z.net);
        text_at(fonts().small, {rb.x + pad, top + 1.15f * px()}, colour::muted,
                fit(fonts().small, z.text, rb.w - 2 * pad));
    }
    ImGui::EndChild();
    ImGui::PopStyleVar(2);
}

void draw_actions(const ReportsVm& vm, DrawState& state, Box box, Intents& out) {
    if (button(state, "X report##reports", box.cut_top(touch(), gap()), Tone::key, true,
               "X report (reading)"))
        out.push_back(RunXReport{});
    draw_z_buttons(vm, state, box.cut_top(touch(), gap()), out);
    note(box,
         state.reports.confirm_z ? "Confirm: the day's totals start again from zero" : vm.z_note,
         vm.can_z ? colour::muted : colour::bad);
    if (button(state, "Print##reports", box.cut_top(touch(), gap()), Tone::key, vm.can_print,
               "Print the report"))
        out.push_back(PrintReport{});
    box.cut_top(gap());
    draw_past(vm, state, box, out);
}

void draw_shown(const ReportsVm& vm, DrawState& state, Box box) {
    const Box title = box.cut_top(std::round(1.4f * px()));
    const std::string heading = vm.title.empty() ? "Report" : vm.title;
    const ImVec2 size = text_at(fonts().bold, title.min(), colour::ink, heading);
    record_text(state, "title##reports", title.min(), size);
    fill(box, colour::panel, 0.4f * px());
    outline(box, colour::rule, 0.4f * px(), 1);
    if (vm.text.empty()) {
        text_centred(fonts().body, box.inset(px()), colour::muted,
                     "Tap X report to read the day so far, or an earlier Z to see it again");
        return;
    }
    ImGui::SetCursorScreenPos(box.min());
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, {px(), px()});
    ImGui::BeginChild("##report", box.size(), false,
                      ImGuiWindowFlags_NoNav | ImGuiWindowFlags_AlwaysUseWindowPadding |
                          ImGuiWindowFlags_HorizontalScrollbar);
    ImGui::PushFont(fonts().mono);
    ImGui::TextUnformatted(vm.text.c_str(), vm.text.c_str() + vm.text.size());
    ImGui::PopFont();
    ImGui::EndChild();
    ImGui::PopStyleVar();
}

}  // namespace

void draw_reports(const ReportsVm& vm, DrawState& state, const Box& area, Intents& out) {
    // Away from the screen and back: a Z asked for earlier is not confirmed by one stray tap.
    const int frame = ImGui::GetFrameCount();
    if (state.reports.drawn_frame != frame - 1)
        state.reports.confirm_z = false;
    state.reports.drawn_frame = frame;
    Box rest = area;
    draw_top(state, rest.cut_top(touch(), gap()), out);
    const Box left = rest.cut_left(std::round(0.38f * rest.w), 2 * gap());
    draw_actions(vm, state, left, out);
    draw_shown(vm, state, rest);
}

}  // namespace ui::widgets
