// Shown when the terminal's store cannot be opened: what is wrong, in the store's own words,
// and what to do. Nothing can be sold from here; the only action is to quit.
#include <cmath>

#include "ui/widgets.hpp"

namespace ui::widgets {

namespace {

// Wrapped text from the top of `box`; returns the height it took.
float wrapped(ImFont* font, const Box& box, ImU32 colour, const std::string& text) {
    const ImVec2 size = font->CalcTextSizeA(font->FontSize, FLT_MAX, box.w, text.c_str());
    ImGui::GetWindowDrawList()->AddText(font, font->FontSize, box.min(), colour, text.c_str(),
                                        nullptr, box.w);
    return size.y;
}

}  // namespace

void draw_store_problem(const StoreProblemVm& vm, DrawState& state, const Box& area, Intents& out) {
    const float width = std::min(area.w, std::round(40 * px()));
    Box card{area.x + (area.w - width) / 2, area.y, width, area.h};
    fill(card, colour::panel, 0.4f * px());
    outline(card, colour::bad, 0.4f * px(), 2);
    Box inner = card.inset(2 * px());

    const Box quit = inner.cut_bottom(touch());
    if (button(state, "Quit##problem", quit, Tone::quiet)) {
        out.push_back(Quit{});
    }
    const float title_h = wrapped(fonts().large, inner, colour::bad, vm.title);
    inner.cut_top(title_h, 1.5f * px());
    const float detail_h = wrapped(fonts().body, inner, colour::ink, vm.detail);
    inner.cut_top(detail_h, 1.5f * px());
    wrapped(fonts().body, inner, colour::muted, vm.advice);
}

}  // namespace ui::widgets
