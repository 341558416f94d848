// The login screen: a tile per user to say who is working, and their PIN on a keypad.
#include <algorithm>
#include <cmath>

#include "ui/widgets.hpp"

namespace ui::widgets {

namespace {

// PINs are at most 8 digits: a barcode scanned here by mistake is longer, and is dropped rather
// than tried as a PIN (which would use up one of the few tries before a lockout).
constexpr std::size_t max_pin = 8;

void submit(DrawState& state, Intents& out) {
    if (state.selected_staff.empty() || state.pin.empty()) {
        return;
    }
    out.push_back(LogIn{state.selected_staff, state.pin});
    state.pin.clear();
}

void take_keyboard(DrawState& state, Intents& out) {
    if (type_into(state, state.pin, max_pin, Accept::digits, "a PIN")) {
        submit(state, out);
    }
}

void draw_tile(const LoginUserVm& user, bool selected, const Box& b) {
    const float rounding = 0.4f * px();
    if (selected) {
        fill(b, colour::accent, rounding);
    } else {
        fill(b, ImGui::IsItemActive() ? colour::selected : colour::panel, rounding);
        outline(b, colour::rule, rounding, 1);
    }
    const float pad = 0.8f * px();
    ImFont* name_font =
        text_size(fonts().heading, user.name).x <= b.w - 2 * pad ? fonts().heading : fonts().bold;
    const float name_h = name_font ? name_font->FontSize : px();
    const float top = b.y + (b.h - name_h - 1.2f * px()) / 2;
    text_at(name_font, {b.x + pad, top}, selected ? colour::on_bar : colour::ink,
            fit(name_font, user.name, b.w - 2 * pad));
    text_at(fonts().body, {b.x + pad, top + name_h + 0.2f * px()},
            selected ? colour::selected : colour::muted, user.role);
}

void draw_users(const LoginVm& vm, DrawState& state, Box box) {
    const Box title = box.cut_top(std::round(1.6f * px()), gap());
    text_at(fonts().bold, {title.x, title.y + 0.3f * px()}, colour::muted, "Who is working?");
    ImGui::SetCursorScreenPos(box.min());
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, {0, 0});
    ImGui::BeginChild("##users", box.size(), false, ImGuiWindowFlags_NoNav);
    const int cols = box.w > 28 * px() ? 3 : 2;
    const float g = gap();
    const float tile_w = (ImGui::GetContentRegionAvail().x - static_cast<float>(cols - 1) * g) /
                         static_cast<float>(cols);
    const float tile_h = std::round(1.7f * touch());
    for (std::size_t i = 0; i < vm.users.size(); ++i) {
        const LoginUserVm& user = vm.users[i];
        const auto col = static_cast<float>(i % static_cast<std::size_t>(cols));
        const auto r = static_cast<float>(i / static_cast<std::size_t>(cols));
        ImGui::SetCursorPos({col * (tile_w + g), r * (tile_h + g)});
        const std::string key = "user:" + user.code + "##login";
        if (ImGui::InvisibleButton(key.c_str(), {tile_w, tile_h})) {
            if (state.selected_staff != user.code) {
                state.pin.clear();  // a PIN keyed for someone else is never sent for this user
            }
            state.selected_staff = user.code;
        }
        record(state, key);
        const ImVec2 min = ImGui::GetItemRectMin();
        draw_tile(user, state.selected_staff == user.code, Box{min.x, min.y, tile_w, tile_h});
    }
    ImGui::EndChild();
    ImGui::PopStyleVar();
}

void draw_dots(const std::string& pin, const Box& b) {
    const float rounding = 0.35f * px();
    fill(b, colour::background, rounding);
    outline(b, colour::rule, rounding, 1);
    if (pin.empty()) {
        const ImVec2 size = text_size(fonts().body, "PIN");
        text_at(fonts().body, {b.x + (b.w - size.x) / 2, b.y + (b.h - size.y) / 2}, colour::muted,
                "PIN");
        return;
    }
    const float radius = 0.38f * px();
    const float step = 1.3f * px();
    const float width = step * static_cast<float>(pin.size() - 1);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    for (std::size_t i = 0; i < pin.size(); ++i) {
        const ImVec2 centre{b.x + (b.w - width) / 2 + step * static_cast<float>(i), b.y + b.h / 2};
        dl->AddCircleFilled(centre, radius, colour::ink, 24);
    }
}

void draw_pin(const LoginVm& vm, DrawState& state, const Box& box, Intents& out) {
    fill(box, colour::panel, 0.4f * px());
    Box inner = box.inset(px());
    const auto user = std::find_if(vm.users.begin(), vm.users.end(), [&](const LoginUserVm& u) {
        return u.code == state.selected_staff;
    });
    const bool chosen = user != vm.users.end();
    const Box title = inner.cut_top(std::round(1.4f * px()), gap());
    text_at(fonts().bold, title.min(), chosen ? colour::ink : colour::muted,
            fit(fonts().bold, chosen ? "PIN for " + user->name : "Tap your name first", title.w));
    draw_dots(state.pin, inner.cut_top(touch(), px()));
    draw_notice(state, inner);

    const Box pad = inner;
    keypad(state, state.pin, pad, 3,
           {"7", "8", "9", "4", "5", "6", "1", "2", "3", "Clear", "0", ""});
    clamp_field(state.pin, max_pin);
    if (button(state, "OK##login", pad.cell(3, 4, 2, 3, gap()), Tone::primary,
               chosen && !state.pin.empty(), nullptr, fonts().heading)) {
        submit(state, out);
    }
}

}  // namespace

void draw_login(const LoginVm& vm, DrawState& state, const Box& area, Intents& out) {
    take_keyboard(state, out);
    Box rest = area;
    const Box title = rest.cut_top(std::round(2.6f * px()), gap());
    ImFont* large = fonts().large;
    text_at(large,
            {title.x + 0.2f * px(), title.y + (title.h - (large ? large->FontSize : px())) / 2},
            colour::ink, vm.store_name);
    const Box pin = rest.cut_right(std::round(std::min(0.42f * area.w, 18 * px())), 2 * gap());
    draw_users(vm, state, rest);
    draw_pin(vm, state, pin, out);
}

}  // namespace ui::widgets
