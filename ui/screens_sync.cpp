// The sync screen: on the left the details (head office, store and terminal, what waits to be
// sent, the last success and error, entries held for review); on the right the state in a word
// with what it means, the catalogue load's progress and "Sync now". Also the progress bar the
// status bar shows during a load.
#include <algorithm>
#include <cmath>

#include "ui/widgets.hpp"

namespace ui::widgets {

namespace {

constexpr ImU32 amber = colour::rgb(0xE39B22);
constexpr ImU32 warning_ink = colour::rgb(0xB35400);

float line_h(ImFont* f) {
    return std::round(1.2f * f->FontSize);
}

ImFont* small_font() {
    return fonts().small ? fonts().small : fonts().body;
}

float wrapped_height(ImFont* font, const std::string& text, float width) {
    return font->CalcTextSizeA(font->FontSize, 1e9f, width, text.c_str()).y;
}

// Text wrapped to `box`'s width, cut from its top; recorded under `key` when one is given.
void wrapped(DrawState& state, Box& box, ImFont* font, ImU32 ink, const std::string& text,
             const std::string& key = {}) {
    const float h = wrapped_height(font, text, box.w);
    const Box at = box.cut_top(h, 0.3f * px());
    ImGui::GetWindowDrawList()->AddText(font, font->FontSize, at.min(), ink, text.c_str(), nullptr,
                                        box.w);
    if (!key.empty())
        record_text(state, key, at.min(), {at.w, h});
}

void draw_header(DrawState& state, Box row, Intents& out) {
    if (button(state, "Back##sync", row.cut_left(std::round(9 * px()), 2 * gap()), Tone::quiet,
               true, "← Back")) {
        out.push_back(BackToSale{});
    }
    ImFont* heading = fonts().heading;
    text_at(heading, {row.x, row.y + (row.h - heading->FontSize) / 2}, colour::ink,
            fit(heading, "Head office sync", row.w));
}

// Each detail as a small grey label over its value; a problem in the warning colour.
void draw_details(const SyncVm& vm, DrawState& state, Box box) {
    fill(box, colour::panel, 0.3f * px());
    Box inner = box.inset(px());
    for (const SyncRowVm& r : vm.rows) {
        text_at(small_font(), inner.min(), colour::muted, r.label);
        inner.cut_top(line_h(small_font()));
        wrapped(state, inner, fonts().bold, r.problem ? warning_ink : colour::ink, r.value,
                r.label + "##sync");
        inner.cut_top(0.4f * px());
    }
}

void draw_state(const SyncVm& vm, DrawState& state, Box box, Intents& out) {
    fill(box, colour::panel, 0.3f * px());
    Box inner = box.inset(px());
    const Box sync_now = inner.cut_bottom(touch(), gap());
    ImFont* heading = fonts().heading;
    const float dot_r = 0.4f * heading->FontSize;
    const Box title = inner.cut_top(line_h(heading), 0.6f * px());
    ImGui::GetWindowDrawList()->AddCircleFilled({title.x + dot_r, title.y + title.h / 2}, dot_r,
                                                sync_tone_colour(vm.tone));
    const ImVec2 at{title.x + 2 * dot_r + 0.6f * px(), title.y};
    text_at(heading, at, colour::ink, fit(heading, vm.headline, title.w - 3 * dot_r));
    record_text(state, "headline##sync", at, text_size(heading, vm.headline));
    wrapped(state, inner, fonts().body, colour::ink, vm.advice, "advice##sync");
    if (vm.progress) {
        inner.cut_top(0.5f * px());
        sync_progress_bar(*vm.progress, state, inner.cut_top(std::round(1.6f * px())),
                          "progress##sync");
    }
    if (button(state, "Sync now##sync", sync_now, Tone::primary, vm.can_sync_now)) {
        out.push_back(SyncNow{});
    }
}

}  // namespace

ImU32 sync_tone_colour(SyncTone tone) {
    switch (tone) {
        case SyncTone::good:
            return colour::good;
        case SyncTone::waiting:
            return amber;
        case SyncTone::problem:
            return colour::bad;
        case SyncTone::off:
            break;
    }
    return colour::on_bar_muted;
}

void sync_progress_bar(const SyncProgressVm& progress, DrawState& state, const Box& box,
                       const std::string& key) {
    fill(box, colour::rule, 0.25f * px());
    const double part = progress.total > 0 ? static_cast<double>(progress.done) /
                                                 static_cast<double>(progress.total)
                                           : 0.0;
    const float w = box.w * static_cast<float>(std::clamp(part, 0.0, 1.0));
    if (w > 0)
        fill(Box{box.x, box.y, w, box.h}, colour::accent, 0.25f * px());
    ImFont* f = small_font();
    const ImVec2 size = text_size(f, progress.text);
    const ImVec2 at{box.x + std::max(0.5f * px(), (box.w - size.x) / 2),
                    box.y + (box.h - size.y) / 2};
    // Dark on the track, white on the filled part: the same text drawn twice, each clipped.
    const std::string shown = fit(f, progress.text, box.w - px());
    ImDrawList* list = ImGui::GetWindowDrawList();
    list->PushClipRect({box.x + w, box.y}, box.max(), true);
    text_at(f, at, colour::ink, shown);
    list->PopClipRect();
    if (w > 0) {
        list->PushClipRect(box.min(), {box.x + w, box.y + box.h}, true);
        text_at(f, at, colour::on_bar, shown);
        list->PopClipRect();
    }
    record_text(state, key, at, size);
}

void draw_sync(const SyncVm& vm, DrawState& state, const Box& area, Intents& out) {
    (void)take_typed();  // nothing here takes typing
    Box rest = area;
    draw_header(state, rest.cut_top(touch(), gap()), out);
    Box right = rest;
    const Box left = right.cut_left(std::round(0.55f * rest.w), 2 * gap());
    draw_details(vm, state, left);
    draw_state(vm, state, right, out);
}

}  // namespace ui::widgets
