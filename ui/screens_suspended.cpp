// Suspended sales of this store, newest first as the Terminal lists them: a big row each, tapped to
// resume it onto the empty sale.
#include <algorithm>
#include <cmath>

#include "ui/widgets.hpp"

namespace ui::widgets {

namespace {

void draw_row(const SuspendedRowVm& row, const Box& b, bool pressed) {
    const float rounding = 0.4f * px();
    fill(b, pressed ? colour::selected : colour::panel, rounding);
    outline(b, colour::rule, rounding, 1);
    const float pad = 0.8f * px();
    ImFont* heading = fonts().heading;
    const float heading_h = heading ? heading->FontSize : px();
    const std::string resume = "Resume ›";
    const float resume_w = text_size(fonts().bold, resume).x;
    const float room = b.w - 3 * pad - resume_w;
    const float top = b.y + (b.h - heading_h - 1.2f * px()) / 2;
    const std::string label = row.label.empty() ? "Sale without a name" : row.label;
    text_at(heading, {b.x + pad, top}, row.label.empty() ? colour::muted : colour::ink,
            fit(heading, label, room));
    text_at(fonts().body, {b.x + pad, top + heading_h + 0.2f * px()}, colour::muted,
            fit(fonts().body, row.detail, room));
    text_right(fonts().bold, b.x + b.w - pad, b.y + (b.h - px()) / 2, colour::accent, resume);
}

}  // namespace

void draw_suspended(const SuspendedListVm& vm, DrawState& state, const Box& area, Intents& out) {
    Box rest = area;
    const Box title = rest.cut_top(std::round(2.6f * px()), gap());
    ImFont* large = fonts().large;
    text_at(large,
            {title.x + 0.2f * px(), title.y + (title.h - (large ? large->FontSize : px())) / 2},
            colour::ink, "Suspended sales");
    Box bottom = rest.cut_bottom(std::round(1.3f * touch()), gap());
    if (button(state, "Back##suspended", bottom.cut_left(std::min(bottom.w, 10 * px())),
               Tone::quiet, true, "← Back to sale")) {
        out.push_back(BackToSale{});
    }

    if (vm.tickets.empty()) {
        fill(rest, colour::panel, 0.4f * px());
        text_centred(fonts().heading, rest, colour::muted, "No suspended sales");
        return;
    }
    ImGui::SetCursorScreenPos(rest.min());
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, {0, 0});
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, {0, gap()});
    ImGui::BeginChild("##suspended", rest.size(), false, ImGuiWindowFlags_NoNav);
    const float w = ImGui::GetContentRegionAvail().x;
    const float h = std::round(1.6f * touch());
    for (std::size_t i = 0; i < vm.tickets.size(); ++i) {
        const std::string key = "suspended:" + std::to_string(i) + "##suspended";
        if (ImGui::InvisibleButton(key.c_str(), {w, h})) {
            ResumeTicket resume;
            resume.ticket_id = vm.tickets[i].ticket_id;
            out.push_back(resume);
        }
        record(state, key);
        const ImVec2 min = ImGui::GetItemRectMin();
        draw_row(vm.tickets[i], Box{min.x, min.y, w, h}, ImGui::IsItemActive());
    }
    ImGui::EndChild();
    ImGui::PopStyleVar(2);
}

}  // namespace ui::widgets
