// The manager's dashboard: today's sales, returns and returns rate across the top; sales by
// hour as a column chart the full width; tenders and the top items as bars under it. Bars are
// drawn with the window's draw list, each one's length relative to its chart's largest, and
// recorded under "bar:<chart>:<n>##dashboard" for the tests.
#include <algorithm>
#include <cmath>

#include "ui/widgets.hpp"

namespace ui::widgets {

namespace {

namespace tone {
constexpr ImU32 hour = colour::accent;
constexpr ImU32 tender = colour::good;
constexpr ImU32 item = colour::rgb(0x6A4FB3);
}  // namespace tone

std::int64_t largest(const std::vector<ChartBarVm>& bars) {
    std::int64_t most = 0;
    for (const auto& b : bars)
        most = std::max(most, b.amount_minor);
    return most;
}

// A share of `length` for the bar; a negative amount (refunds outweighed sales) draws nothing.
float bar_length(const ChartBarVm& bar, std::int64_t most, float length) {
    if (most <= 0 || bar.amount_minor <= 0)
        return 0;
    return std::max(
        1.0f, std::round(length * static_cast<float>(bar.amount_minor) / static_cast<float>(most)));
}

void draw_top(const DashboardVm& vm, DrawState& state, Box top, Intents& out) {
    if (button(state, "Back##dashboard", top.cut_left(std::round(6 * px()), gap()), Tone::quiet,
               true, "← Back"))
        out.push_back(BackToSale{});
    if (button(state, "Export##dashboard", top.cut_right(std::round(7 * px()), gap()),
               Tone::primary, true, "Export CSV"))
        out.push_back(ExportDashboard{});
    if (button(state, "Refresh##dashboard", top.cut_right(std::round(5.5f * px()), gap()),
               Tone::quiet))
        out.push_back(ShowDashboard{});
    if (button(state, "Reports##dashboard", top.cut_right(std::round(5.5f * px()), gap()),
               Tone::quiet))
        out.push_back(ShowReports{});
    // "Dashboard" over the day it shows.
    const float y = top.y + (top.h - fonts().heading->FontSize - fonts().small->FontSize) / 2;
    text_at(fonts().heading, {top.x, y}, colour::ink, fit(fonts().heading, "Dashboard", top.w));
    text_at(fonts().small, {top.x, y + fonts().heading->FontSize}, colour::muted,
            fit(fonts().small, vm.title, top.w));
}

void tile(DrawState& state, const Box& box, const char* label, const std::string& value,
          const std::string& key) {
    fill(box, colour::panel, 0.3f * px());
    const float pad = 0.6f * px();
    text_at(fonts().small, {box.x + pad, box.y + 0.3f * px()}, colour::muted, label);
    const ImVec2 at{box.x + pad, box.y + 1.2f * px()};
    ImFont* font =
        text_size(fonts().heading, value).x <= box.w - 2 * pad ? fonts().heading : fonts().bold;
    const ImVec2 size = text_at(font, at, colour::ink, fit(font, value, box.w - 2 * pad));
    record_text(state, key, at, size);
}

void draw_tiles(const DashboardVm& vm, DrawState& state, Box row) {
    const float third = std::round((row.w - 2 * gap()) / 3);
    tile(state, row.cut_left(third, gap()), "Sales", vm.sales, "sales##dashboard");
    tile(state, row.cut_left(third, gap()), "Returns", vm.returns, "returns##dashboard");
    tile(state, row, "Returns rate", vm.returns_rate, "rate##dashboard");
}

// A panel with its title; returns the room inside it.
Box panel(Box box, const char* title) {
    fill(box, colour::panel, 0.3f * px());
    Box in = box.inset(0.6f * px());
    text_at(fonts().bold, in.min(), colour::ink, title);
    in.cut_top(std::round(1.4f * px()));
    return in;
}

// Columns left to right (one per hour), the amount over each when it fits, the hour under it.
void draw_columns(const std::vector<ChartBarVm>& bars, DrawState& state, Box box) {
    Box in = panel(box, "Sales by hour");
    if (bars.empty()) {
        text_centred(fonts().body, in, colour::muted, "No sales yet today");
        return;
    }
    ImFont* small = fonts().small;
    const Box labels = in.cut_bottom(std::round(1.2f * px()));
    in.cut_top(std::round(1.1f * px()));  // room for the tallest column's figure
    const float slot = in.w / static_cast<float>(bars.size());
    const float width = std::clamp(std::round(0.62f * slot), 2.0f, std::round(4 * px()));
    const std::int64_t most = largest(bars);
    auto* draw = ImGui::GetWindowDrawList();
    draw->AddLine({in.x, in.y + in.h}, {in.x + in.w, in.y + in.h}, colour::rule, 1);
    for (std::size_t i = 0; i < bars.size(); ++i) {
        const ChartBarVm& bar = bars[i];
        const float centre = in.x + slot * (static_cast<float>(i) + 0.5f);
        const float h = bar_length(bar, most, in.h);
        const Box column{std::round(centre - width / 2), in.y + in.h - h, width, h};
        fill(column, tone::hour, 0.15f * px());
        record_text(state, "bar:hour:" + std::to_string(i) + "##dashboard", column.min(),
                    column.size());
        const float figure_w = text_size(small, bar.figure).x;
        if (figure_w <= slot - 2)
            text_at(small, {centre - figure_w / 2, column.y - small->FontSize - 2}, colour::ink,
                    bar.figure);
        const std::string label = text_size(small, bar.label).x <= slot - 2
                                      ? bar.label
                                      : bar.label.substr(0, bar.label.find(':'));
        const float label_w = text_size(small, label).x;
        text_at(small, {centre - label_w / 2, labels.y + 0.2f * px()}, colour::muted, label);
    }
}

// Rows top to bottom: the label (label_share of the width), the bar, the value at the right; as
// many rows as fit.
void draw_rows(const std::vector<ChartBarVm>& bars, DrawState& state, Box box, const char* title,
               const char* chart, ImU32 ink, const char* empty, float label_share) {
    Box in = panel(box, title);
    if (bars.empty()) {
        text_centred(fonts().body, in, colour::muted, empty);
        return;
    }
    ImFont* small = fonts().small;
    float value_w = 0;
    for (const auto& b : bars)
        value_w = std::max(value_w, text_size(small, b.value).x);
    value_w = std::min(value_w, 0.45f * in.w);
    const float label_w = std::round(label_share * in.w);
    const float bar_w = in.w - label_w - value_w - 2 * gap();
    const float h = std::round(1.25f * px());
    const std::int64_t most = largest(bars);
    for (std::size_t i = 0; i < bars.size() && in.h >= h; ++i) {
        const ChartBarVm& bar = bars[i];
        Box r = in.cut_top(h);
        const float text_y = r.y + (h - small->FontSize) / 2;
        text_at(small, {r.x, text_y}, colour::ink, fit(small, bar.label, label_w));
        text_right(small, r.x + r.w, text_y, colour::muted, fit(small, bar.value, value_w));
        const float length = bar_length(bar, most, bar_w);
        const Box b{r.x + label_w + gap(), r.y + 0.2f * h, length, 0.6f * h};
        fill(b, ink, 0.1f * px());
        record_text(state, "bar:" + std::string(chart) + ":" + std::to_string(i) + "##dashboard",
                    b.min(), b.size());
    }
}

}  // namespace

void draw_dashboard(const DashboardVm& vm, DrawState& state, const Box& area, Intents& out) {
    Box rest = area;
    draw_top(vm, state, rest.cut_top(touch(), gap()), out);
    draw_tiles(vm, state, rest.cut_top(std::round(2.7f * px()), gap()));
    if (!vm.exported.empty()) {
        const Box line = rest.cut_bottom(std::round(1.1f * px()));
        const std::string said = "Exported to " + vm.exported;
        const ImVec2 size =
            text_at(fonts().small, line.min(), colour::muted, fit(fonts().small, said, line.w));
        record_text(state, "exported##dashboard", line.min(), size);
    }
    draw_columns(vm.by_hour, state, rest.cut_top(std::round(0.48f * rest.h), gap()));
    const Box tenders = rest.cut_left(std::round(0.42f * rest.w), gap());
    draw_rows(vm.tenders, state, tenders, "Tenders", "tender", tone::tender, "No payments yet",
              0.3f);
    // Product names are long: they get most of the width, the bar what is left.
    draw_rows(vm.top_items, state, rest, "Top items", "item", tone::item, "Nothing sold yet", 0.5f);
}

}  // namespace ui::widgets
