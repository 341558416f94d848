// The devices screen: what is connected (kind, name, transport, state, status, last error with
// "Clear error") and the print queue (Retry, Reprint) on the left; on the right the printer and
// drawer lines, Test print, Open drawer with its reason, the virtual printer's paper and cover
// switches, and the device log. "← Back to sale" leaves it.
#include <algorithm>
#include <cmath>

#include "ui/widgets.hpp"

namespace ui::widgets {

namespace {

// Something to see to: an error, a printer out of paper, a job waiting.
constexpr ImU32 warning = colour::rgb(0xB35400);
constexpr ImU32 warning_fill = colour::rgb(0xFFE3AD);
constexpr ImU32 warning_edge = colour::rgb(0xE39B22);
constexpr ImU32 warning_ink = colour::rgb(0x5C3300);

const std::vector<Choice>& drawer_reasons() {
    static const std::vector<Choice> reasons = {{"Drawer check", "Drawer check"},
                                                {"Give change", "Give change"},
                                                {"Count float", "Count float"}};
    return reasons;
}

float line_h(ImFont* f) {
    return std::round(1.15f * f->FontSize);
}

ImFont* small_font() {
    return fonts().small ? fonts().small : fonts().body;
}

// A bold caption over a section.
Box caption(Box& box, const char* text) {
    const Box row = box.cut_top(std::round(1.4f * px()));
    text_at(fonts().bold, row.min(), colour::muted, text);
    return row;
}

// A scrolling panel of rows: `draw_row` draws one at the cursor and returns its height.
template <class Rows, class DrawRow>
void row_list(const char* id, const Box& box, const Rows& rows, const char* empty,
              DrawRow draw_row) {
    fill(box, colour::panel, 0.3f * px());
    if (rows.empty()) {
        text_centred(fonts().body, box.inset(px()), colour::muted, empty);
        return;
    }
    ImGui::SetCursorScreenPos(box.min());
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, {0, 0});
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, {0, 0});
    ImGui::BeginChild(id, box.size(), false, ImGuiWindowFlags_NoNav);
    const float w = ImGui::GetContentRegionAvail().x;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const ImVec2 at = ImGui::GetCursorScreenPos();
        if (i > 0) {
            fill(Box{at.x + 0.6f * px(), at.y, w - 1.2f * px(), 1}, colour::rule);
        }
        const float h = draw_row(rows[i], Box{at.x, at.y, w, 0});
        ImGui::SetCursorScreenPos(at);
        ImGui::Dummy({w, h});
    }
    ImGui::EndChild();
    ImGui::PopStyleVar(2);
}

// A small rounded tag ("in use") at `at`; returns its width.
float tag(ImVec2 at, const char* text) {
    ImFont* f = small_font();
    const ImVec2 size = text_size(f, text);
    const Box b{at.x, at.y, size.x + 0.8f * px(), size.y + 0.1f * px()};
    fill(b, colour::selected, 0.25f * px());
    text_at(f, {b.x + 0.4f * px(), b.y + 0.05f * px()}, colour::accent, text);
    return b.w;
}

// Name, "in use" and status on the first line; kind, transport and state under it; the last
// error under that, with "Clear error" beside the two.
float device_row_height(const DeviceRowVm& d) {
    const float pad = 0.5f * px();
    const float below = d.last_error.empty()
                            ? line_h(small_font())
                            : std::max(2 * line_h(small_font()), std::round(0.85f * touch()));
    return line_h(fonts().bold) + below + 2 * pad;
}

float device_row(const DeviceRowVm& d, DrawState& state, Box row, Intents& out) {
    const float pad = 0.5f * px();
    ImFont* bold = fonts().bold;
    ImFont* small = small_font();
    row.h = device_row_height(d);
    Box inner = row.inset(pad);
    Box first = inner.cut_top(line_h(bold));
    const float status_w =
        text_right(bold, first.x + first.w, first.y, d.problem ? warning : colour::good, d.status)
            .x;
    first.w -= status_w + pad;
    const float tag_w = d.in_use ? text_size(small, "in use").x + 1.3f * px() : 0;
    const ImVec2 name = text_at(bold, first.min(), colour::ink, fit(bold, d.name, first.w - tag_w));
    if (d.in_use) {
        tag({first.x + name.x + 0.5f * px(), first.y + 0.1f * px()}, "in use");
    }
    if (!d.last_error.empty()) {
        const Box column = inner.cut_right(std::round(5.5f * px()), pad);
        const float h = std::round(0.85f * touch());
        const Box clear{column.x, column.y + (column.h - h) / 2, column.w, h};
        if (button(state, "Clear error:" + d.id + "##devices", clear, Tone::key, true,
                   "Clear error")) {
            out.push_back(ClearDeviceError{d.id});
        }
    }
    const float y = inner.y + (inner.h - line_h(small) * (d.last_error.empty() ? 1 : 2)) / 2;
    const std::string detail = d.kind + " · " + d.transport + " · " + d.state;
    text_at(small, {inner.x, y}, colour::muted, fit(small, detail, inner.w));
    if (!d.last_error.empty()) {
        text_at(small, {inner.x, y + line_h(small)}, warning, fit(small, d.last_error, inner.w));
    }
    return row.h;
}

// Printed in green; waiting or failed in the warning colour; queued or printing in grey.
ImU32 job_state_ink(const PrintJobRowVm& j) {
    auto starts = [&j](const char* word) { return j.state.rfind(word, 0) == 0; };
    if (j.can_retry || starts("waiting") || starts("failed")) {
        return warning;
    }
    return starts("printed") ? colour::good : colour::muted;
}

// Name and title, with the state and time under them; Retry and Reprint in columns of their own
// at the right, so that each stays in one place down the list.
float job_row(const PrintJobRowVm& j, DrawState& state, Box row, Intents& out) {
    const float pad = 0.5f * px();
    ImFont* bold = fonts().bold;
    ImFont* small = small_font();
    row.h = std::max(std::round(0.85f * touch()), line_h(bold) + line_h(small)) + 2 * pad;
    Box inner = row.inset(pad);
    const float button_h = std::round(0.85f * touch());
    auto next_button = [&] {
        const Box column = inner.cut_right(std::round(4.6f * px()), gap());
        return Box{column.x, column.y + (column.h - button_h) / 2, column.w, button_h};
    };
    const Box reprint = next_button();
    const Box retry = next_button();
    if (j.can_reprint &&
        button(state, "Reprint:" + j.id + "##devices", reprint, Tone::key, true, "Reprint")) {
        out.push_back(ReprintJob{j.id});
    }
    if (j.can_retry &&
        button(state, "Retry:" + j.id + "##devices", retry, Tone::primary, true, "Retry")) {
        out.push_back(RetryPrint{j.id});
    }
    const float top = inner.y + (inner.h - line_h(bold) - line_h(small)) / 2;
    const ImVec2 name = text_at(bold, {inner.x, top}, colour::ink, fit(bold, j.name, inner.w));
    const float title_room = inner.w - name.x - 0.5f * px();
    if (title_room > 2 * px()) {
        text_at(fonts().body, {inner.x + name.x + 0.5f * px(), top}, colour::muted,
                fit(fonts().body, j.title, title_room));
    }
    const float y = top + line_h(bold);
    const float time_w = text_right(small, inner.x + inner.w, y, colour::muted, j.time).x;
    text_at(small, {inner.x, y}, job_state_ink(j), fit(small, j.state, inner.w - time_w - pad));
    return row.h;
}

void draw_log(const DevicesVm& vm, DrawState& state, const Box& box) {
    fill(box, colour::panel, 0.3f * px());
    if (vm.log.empty()) {
        text_centred(fonts().body, box.inset(px()), colour::muted, "Nothing logged yet");
        return;
    }
    ImGui::SetCursorScreenPos(box.min());
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, {0.5f * px(), 0.4f * px()});
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, {0, 0.15f * px()});
    ImGui::BeginChild("##devicelog", box.size(), false,
                      ImGuiWindowFlags_NoNav | ImGuiWindowFlags_AlwaysUseWindowPadding);
    ImGui::PushFont(fonts().mono);
    ImGui::PushTextWrapPos(0);  // long lines wrap at the panel's edge
    for (const std::string& line : vm.log) {
        ImGui::TextUnformatted(line.c_str(), line.c_str() + line.size());
    }
    ImGui::PopTextWrapPos();
    ImGui::PopFont();
    if (vm.log.size() != state.devices.seen_log) {  // the newest line, at the bottom, in view
        ImGui::SetScrollHereY(1.0f);
        state.devices.seen_log = vm.log.size();
    }
    ImGui::EndChild();
    ImGui::PopStyleVar(2);
}

// A wrapped line of text cut from the top of `box`.
void wrapped(Box& box, ImFont* font, ImU32 ink, const std::string& text) {
    if (text.empty()) {
        return;
    }
    const ImVec2 size = font->CalcTextSizeA(font->FontSize, 1e9f, box.w, text.c_str());
    const Box at = box.cut_top(size.y, 0.3f * px());
    ImGui::GetWindowDrawList()->AddText(font, font->FontSize, at.min(), ink, text.c_str(), nullptr,
                                        box.w);
}

void draw_usb_problem(const std::string& problem, DrawState& state, Box& area) {
    ImFont* f = fonts().bold;
    const float pad = 0.5f * px();
    const float h = f->CalcTextSizeA(f->FontSize, 1e9f, area.w - 2 * pad, problem.c_str()).y;
    const Box strip = area.cut_top(h + 2 * pad, gap());
    fill(strip, warning_fill, 0.3f * px());
    outline(strip, warning_edge, 0.3f * px(), 1);
    ImGui::GetWindowDrawList()->AddText(f, f->FontSize, {strip.x + pad, strip.y + pad}, warning_ink,
                                        problem.c_str(), nullptr, strip.w - 2 * pad);
    record_text(state, "usb##devices", strip.min(), strip.size());
}

void draw_header(const DevicesVm& vm, DrawState& state, Box row, Intents& out) {
    if (button(state, "Back##devices", row.cut_left(std::round(9 * px()), 2 * gap()), Tone::quiet,
               true, "← Back to sale")) {
        out.push_back(BackToSale{});
    }
    ImFont* heading = fonts().heading;
    const float y = row.y + (row.h - heading->FontSize) / 2;
    const bool open = vm.drawer.find("open") != std::string::npos;
    const ImVec2 drawer_size = text_size(fonts().bold, vm.drawer);
    if (!vm.drawer.empty()) {
        const Box pill = row.cut_right(drawer_size.x + 1.6f * px(), gap());
        const Box b{pill.x, pill.y + 0.3f * px(), pill.w, pill.h - 0.6f * px()};
        fill(b, open ? warning_fill : colour::panel, 0.3f * px());
        const ImVec2 at{b.x + 0.8f * px(), b.y + (b.h - drawer_size.y) / 2};
        text_at(fonts().bold, at, open ? warning_ink : colour::ink, vm.drawer);
        record_text(state, "drawer##devices", at, drawer_size);
    }
    text_at(heading, {row.x, y}, colour::ink, fit(heading, "Devices", row.w));
}

void draw_actions(const DevicesVm& vm, DrawState& state, Box& box, Intents& out) {
    wrapped(box, fonts().bold, colour::ink, vm.printer);
    box.cut_top(0.2f * px());
    const Box buttons = box.cut_top(touch(), gap());
    if (button(state, "Test print##devices", buttons.cell(2, 1, 0, 0, gap()), Tone::key,
               vm.can_test_print)) {
        out.push_back(TestPrint{});
    }
    std::string& reason = state.devices.reason;
    if (reason.empty()) {
        reason = drawer_reasons().front().code;
    }
    if (button(state, "Open drawer##devices", buttons.cell(2, 1, 1, 0, gap()), Tone::key,
               vm.can_open_drawer)) {
        out.push_back(OpenDrawer{reason});
    }
    if (vm.can_open_drawer) {
        caption(box, "Reason for opening the drawer");
        const Box grid = box.cut_top(choice_grid_height(drawer_reasons().size(), 3), gap());
        choice_grid(state, grid, 3, drawer_reasons(), reason, "reason", "devices");
    }
    if (vm.virtual_printer_in_use) {
        caption(box, "Virtual printer");
        const Box toggles = box.cut_top(std::round(0.85f * touch()), gap());
        if (button(state, "Paper out##devices", toggles.cell(2, 1, 0, 0, gap()),
                   vm.virtual_paper_out ? Tone::active : Tone::key)) {
            out.push_back(SetVirtualPrinter{!vm.virtual_paper_out, vm.virtual_cover_open});
        }
        if (button(state, "Cover open##devices", toggles.cell(2, 1, 1, 0, gap()),
                   vm.virtual_cover_open ? Tone::active : Tone::key)) {
            out.push_back(SetVirtualPrinter{vm.virtual_paper_out, !vm.virtual_cover_open});
        }
    }
}

}  // namespace

void draw_devices(const DevicesVm& vm, DrawState& state, const Box& area, Intents& out) {
    (void)take_typed();  // nothing here takes typing; a scanner's codes come as Scanned
    Box rest = area;
    draw_header(vm, state, rest.cut_top(touch(), gap()), out);
    if (!vm.usb_problem.empty()) {
        draw_usb_problem(vm.usb_problem, state, rest);
    }
    Box right = rest;
    Box left = right.cut_left(std::round(0.58f * rest.w), 2 * gap());

    caption(left, "Connected");
    // Every device in view when there is room; the print queue keeps two rows at least.
    float rows_h = 0;
    for (const DeviceRowVm& d : vm.devices) {
        rows_h += device_row_height(d);
    }
    const float queue_min = 1.4f * px() + 2 * (touch() + px());
    const float devices_h =
        std::max(std::min(rows_h, left.h - queue_min - gap()), std::round(0.3f * left.h));
    const Box devices = left.cut_top(devices_h, gap());
    row_list("##devicerows", devices, vm.devices, "No devices found",
             [&](const DeviceRowVm& d, Box row) { return device_row(d, state, row, out); });
    caption(left, "Print queue");
    row_list("##printjobs", left, vm.jobs, "Nothing printed yet",
             [&](const PrintJobRowVm& j, Box row) { return job_row(j, state, row, out); });

    draw_actions(vm, state, right, out);
    caption(right, "Device log");
    draw_log(vm, state, right);
}

}  // namespace ui::widgets
