#include "ui/widgets.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstring>

namespace ui::widgets {

namespace {

Fonts g_fonts;

ImFont* or_current(ImFont* f) {
    return f ? f : ImGui::GetFont();
}

void append_utf8(std::string& out, unsigned c) {
    if (c < 0x80) {
        out += static_cast<char>(c);
    } else if (c < 0x800) {
        out += static_cast<char>(0xC0 | (c >> 6));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
        out += static_cast<char>(0xE0 | (c >> 12));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    }
}

bool key_pressed(ImGuiKey key) {
    return ImGui::IsKeyPressed(ImGui::GetKeyIndex(key));
}

ImVec4 v4(ImU32 c) {
    return ImGui::ColorConvertU32ToFloat4(c);
}

struct ToneColours {
    ImU32 face, hover, down, text, border;
};

ToneColours tone_colours(Tone tone) {
    using colour::rgb;
    // Hover stays close to the face colour: on a touchscreen the pointer rests where the last
    // finger was, and a strong hover would look like a stuck key.
    switch (tone) {
        case Tone::primary:
            return {colour::good, rgb(0x358A3A), rgb(0x1B5E20), rgb(0xFFFFFF), colour::good};
        case Tone::danger:
            return {rgb(0xFDECEA), rgb(0xFBE2DF), rgb(0xF5C6C0), colour::bad, rgb(0xF1B5AE)};
        case Tone::quiet:
            return {rgb(0xDDE3E9), rgb(0xD6DDE4), rgb(0xC3CCD5), colour::ink, rgb(0xC9D1D9)};
        case Tone::active:
            return {colour::accent, rgb(0x1E70C8), rgb(0x0D47A1), rgb(0xFFFFFF), colour::accent};
        case Tone::key:
            break;
    }
    return {colour::panel, rgb(0xF6F8FA), rgb(0xD9E1E8), colour::ink, colour::rule};
}

// The biggest of the fonts, from `font` down, in which `text` fits `width`.
ImFont* font_to_fit(ImFont* font, const std::string& text, float width) {
    for (ImFont* f : {font, fonts().bold, fonts().small}) {
        if (f && text_size(f, text).x <= width) {
            return f;
        }
    }
    return fonts().small ? fonts().small : font;
}

std::string shown_label(const std::string& key, const char* text) {
    return text ? std::string(text) : key.substr(0, key.find("##"));
}

bool accepts(Accept accept, const std::string& field, char c) {
    const auto u = static_cast<unsigned char>(c);
    switch (accept) {
        case Accept::digits:
            return std::isdigit(u) != 0;
        case Accept::amount:
            return std::isdigit(u) != 0 || (c == '.' && field.find('.') == std::string::npos);
        case Accept::code:
            return std::isalnum(u) != 0 || c == '-';
        case Accept::text:
            return true;  // take_typed has dropped control characters
    }
    return false;
}

// A scanner types a code faster than 20 keys a second; a pause longer than this ends its burst.
constexpr double burst_pause_s = 0.3;
// This many characters and their Enter within one frame are a scan, not a person typing.
constexpr std::size_t burst_chars = 4;

}  // namespace

const Fonts& fonts() {
    return g_fonts;
}
void set_fonts(const Fonts& f) {
    g_fonts = f;
}

Box Box::cut_top(float height, float spacing) {
    Box r{x, y, w, height};
    y += height + spacing;
    h -= height + spacing;
    return r;
}

Box Box::cut_bottom(float height, float spacing) {
    Box r{x, y + h - height, w, height};
    h -= height + spacing;
    return r;
}

Box Box::cut_left(float width, float spacing) {
    Box r{x, y, width, h};
    x += width + spacing;
    w -= width + spacing;
    return r;
}

Box Box::cut_right(float width, float spacing) {
    Box r{x + w - width, y, width, h};
    w -= width + spacing;
    return r;
}

Box Box::cell(int cols, int rows, int col, int r, float spacing, int span) const {
    const float cw = (w - static_cast<float>(cols - 1) * spacing) / static_cast<float>(cols);
    const float ch = (h - static_cast<float>(rows - 1) * spacing) / static_cast<float>(rows);
    return {x + static_cast<float>(col) * (cw + spacing),
            y + static_cast<float>(r) * (ch + spacing),
            cw * static_cast<float>(span) + static_cast<float>(span - 1) * spacing, ch};
}

void record(DrawState& state, const std::string& key) {
    if (!ImGui::IsItemVisible()) {
        return;
    }
    // Only the part the clerk can see and tap: rows scrolled half out of a list are clipped.
    const ImVec2 a = ImGui::GetItemRectMin();
    const ImVec2 b = ImGui::GetItemRectMax();
    const ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 ca = dl->GetClipRectMin();
    const ImVec2 cb = dl->GetClipRectMax();
    const Rect r{std::max(a.x, ca.x), std::max(a.y, ca.y), std::min(b.x, cb.x),
                 std::min(b.y, cb.y)};
    if (r.x1 > r.x0 && r.y1 > r.y0) {
        state.widgets[key] = r;
    }
}

bool button(DrawState& state, const std::string& key, const Box& box, Tone tone, bool enabled,
            const char* text, ImFont* font) {
    const std::string label = text ? std::string(text) + "###" + key : key;
    const ToneColours c = tone_colours(tone);
    ImGui::PushStyleColor(ImGuiCol_Button, v4(c.face));
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, v4(c.hover));
    ImGui::PushStyleColor(ImGuiCol_ButtonActive, v4(c.down));
    ImGui::PushStyleColor(ImGuiCol_Text, v4(c.text));
    ImGui::PushStyleColor(ImGuiCol_Border, v4(c.border));
    // The button's size is given: padding only keeps the label off its edges, where ImGui clips it.
    const ImVec2 padding{0.3f * px(), ImGui::GetStyle().FramePadding.y};
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, padding);
    ImGui::PushFont(or_current(
        font_to_fit(font ? font : fonts().bold, shown_label(key, text), box.w - 2 * padding.x)));
    ImGui::SetCursorScreenPos(box.min());
    ImGui::BeginDisabled(!enabled);
    const bool pressed = ImGui::Button(label.c_str(), box.size());
    ImGui::EndDisabled();
    record(state, key);
    ImGui::PopFont();
    ImGui::PopStyleVar();
    ImGui::PopStyleColor(5);
    return pressed && enabled;
}

bool button_with_note(DrawState& state, const std::string& key, const Box& box, Tone tone,
                      bool enabled, const std::string& text, const std::string& note) {
    if (note.empty()) {
        return button(state, key, box, tone, enabled, text.c_str());
    }
    const bool pressed = button(state, key, box, tone, enabled, "");
    const ImU32 ink = tone_colours(tone).text;
    const ImU32 c = enabled ? ink : (ink & 0x00FFFFFFu) | 0x59000000u;  // as ImGui's DisabledAlpha
    ImFont* f = fonts().bold;
    ImFont* small = fonts().small ? fonts().small : fonts().body;
    const float room = box.w - px();
    const std::string a = fit(f, text, room);
    const std::string b = fit(small, note, room);
    const float h = text_size(f, a).y + text_size(small, b).y;
    const float y = box.y + (box.h - h) / 2;
    text_at(f, {box.x + (box.w - text_size(f, a).x) / 2, y}, c, a);
    text_at(small, {box.x + (box.w - text_size(small, b).x) / 2, y + text_size(f, a).y}, c, b);
    return pressed;
}

float field_height() {
    return std::round(1.2f * touch());
}

void amount_field(DrawState& state, const Box& field, const std::string& keyed,
                  const std::string& placeholder) {
    const float rounding = 0.35f * px();
    fill(field, colour::background, rounding);
    outline(field, colour::accent, rounding, std::max(2.0f, std::round(px() / 12)));
    const float right = field.x + field.w - 0.8f * px();
    const float room = right - field.x - 0.8f * px();
    const bool empty = keyed.empty();
    const std::string& shown = empty ? placeholder : keyed;
    ImFont* f = or_current(fonts().large);
    if (empty && text_size(f, shown).x > room) {
        f = or_current(fonts().body);
    }
    text_right(f, right, field.y + (field.h - f->FontSize) / 2,
               empty ? colour::placeholder : colour::ink, shown);
    record_text(state, "amount##tender", field.min(), field.size());
}

bool field_box(DrawState& state, const std::string& key, const Box& box, const std::string& label,
               const std::string& shown, const std::string& placeholder, bool focused) {
    ImGui::SetCursorScreenPos(box.min());
    const bool tapped = ImGui::InvisibleButton(key.c_str(), box.size());
    record(state, key);
    const float rounding = 0.35f * px();
    fill(box, focused ? colour::panel : colour::background, rounding);
    outline(box, focused ? colour::accent : colour::rule, rounding,
            focused ? std::max(2.0f, std::round(px() / 12)) : 1.0f);
    const float pad = 0.6f * px();
    ImFont* small = or_current(fonts().small);
    ImFont* f = or_current(fonts().heading);
    const float top = box.y + (box.h - small->FontSize - f->FontSize) / 2;
    text_at(small, {box.x + pad, top}, focused ? colour::accent : colour::muted,
            fit(small, label, box.w - 2 * pad));
    const float y = top + small->FontSize;
    if (shown.empty()) {  // after where the caret blinks
        ImFont* body = or_current(fonts().body);
        const float x = box.x + pad + 0.4f * px();
        text_at(body, {x, y + (f->FontSize - body->FontSize) / 2}, colour::placeholder,
                fit(body, placeholder, box.x + box.w - pad - x));
    }
    std::string text = shown;  // a long value shows its end, where the typing is
    while (!text.empty() && text_size(f, text).x > box.w - 2 * pad - 4) {
        text.erase(0, 1);
        while (!text.empty() && (static_cast<unsigned char>(text[0]) & 0xC0) == 0x80) {
            text.erase(0, 1);
        }
    }
    const ImVec2 size = text_at(f, {box.x + pad, y}, colour::ink, text);
    if (focused && std::fmod(ImGui::GetTime(), 1.0) < 0.6) {
        fill(Box{box.x + pad + size.x + 2, y, 2, f->FontSize}, colour::ink);
    }
    return tapped;
}

void draw_notice(const DrawState& state, Box& box) {
    if (state.notice.empty()) {
        return;
    }
    ImFont* f = or_current(fonts().bold);
    const char* text = state.notice.c_str();
    const float h = f->CalcTextSizeA(f->FontSize, 1e9f, box.w, text).y;
    const Box b = box.cut_top(h, gap());
    ImGui::GetWindowDrawList()->AddText(f, f->FontSize, b.min(), colour::bad, text, nullptr, b.w);
}

void draw_drawer_open(DrawState& state, Box& box, const std::string& key) {
    if (!state.drawer_open) {
        return;
    }
    const Box strip = box.cut_top(std::round(2.2f * px()), gap());
    fill(strip, colour::rgb(0xFFE3AD), 0.3f * px());
    outline(strip, colour::rgb(0xE39B22), 0.3f * px(), std::max(1.0f, std::round(px() / 12)));
    ImFont* f = fonts().heading;
    const std::string text = fit(f, "Drawer open", strip.w - px());
    const ImVec2 size = text_size(f, text);
    const ImVec2 at{strip.x + 0.6f * px(), strip.y + (strip.h - size.y) / 2};
    text_at(f, at, colour::rgb(0x5C3300), text);
    record_text(state, key, at, size);
}

ImVec2 text_size(ImFont* font, const std::string& text) {
    ImFont* f = or_current(font);
    return f->CalcTextSizeA(f->FontSize, 1e9f, 0, text.c_str(), text.c_str() + text.size());
}

ImVec2 text_at(ImFont* font, ImVec2 pos, ImU32 colour, const std::string& text) {
    ImFont* f = or_current(font);
    ImGui::GetWindowDrawList()->AddText(f, f->FontSize, pos, colour, text.c_str(),
                                        text.c_str() + text.size());
    return text_size(f, text);
}

ImVec2 text_right(ImFont* font, float right_x, float y, ImU32 colour, const std::string& text) {
    const ImVec2 size = text_size(font, text);
    return text_at(font, {right_x - size.x, y}, colour, text);
}

void text_centred(ImFont* font, const Box& box, ImU32 colour, const std::string& text) {
    ImFont* f = or_current(font);
    std::vector<std::string> lines;
    const char* s = text.c_str();
    const char* end = s + text.size();
    while (s < end) {
        const char* cut = f->CalcWordWrapPositionA(1.0f, s, end, box.w);
        if (cut == s) {
            cut = end;  // one word wider than the box: let it overflow rather than loop
        }
        std::string line(s, cut);
        while (!line.empty() && (line.back() == ' ' || line.back() == '\n')) {
            line.pop_back();
        }
        lines.push_back(line);
        s = cut;
        while (s < end && (*s == ' ' || *s == '\n')) {
            ++s;
        }
    }
    const float line_h = f->FontSize;
    float y = box.y + (box.h - line_h * static_cast<float>(lines.size())) / 2;
    for (const std::string& line : lines) {
        text_at(f, {box.x + (box.w - text_size(f, line).x) / 2, y}, colour, line);
        y += line_h;
    }
}

std::string fit(ImFont* font, const std::string& text, float width) {
    if (text_size(font, text).x <= width) {
        return text;
    }
    std::string shorter = text;
    while (!shorter.empty() && text_size(font, shorter + "…").x > width) {
        pop_utf8(shorter);
    }
    return shorter + "…";
}

void record_text(DrawState& state, const std::string& key, ImVec2 pos, ImVec2 size) {
    state.texts[key] = Rect{pos.x, pos.y, pos.x + size.x, pos.y + size.y};
}

void fill(const Box& box, ImU32 colour, float rounding) {
    ImGui::GetWindowDrawList()->AddRectFilled(box.min(), box.max(), colour, rounding);
}

void outline(const Box& box, ImU32 colour, float rounding, float thickness) {
    ImGui::GetWindowDrawList()->AddRect(box.min(), box.max(), colour, rounding, 0, thickness);
}

Typed take_typed() {
    ImGuiIO& io = ImGui::GetIO();
    Typed typed;
    for (const ImWchar c : io.InputQueueCharacters) {
        if (c >= 0x20 && c != 0x7F) {
            append_utf8(typed.text, c);
        }
    }
    io.InputQueueCharacters.resize(0);
    typed.enter = key_pressed(ImGuiKey_Enter) || key_pressed(ImGuiKey_KeyPadEnter);
    typed.backspace = key_pressed(ImGuiKey_Backspace);
    return typed;
}

bool type_into(DrawState& state, std::string& field, std::size_t max, Accept accept,
               const char* what) {
    return type_into(state, take_typed(), field, max, accept, what);
}

bool is_scan_burst(const Typed& typed) {
    return typed.enter && typed.text.size() >= burst_chars;
}

bool type_into(DrawState& state, const Typed& typed, std::string& field, std::size_t max,
               Accept accept, const char* what) {
    const double now = ImGui::GetTime();
    const bool typing = !typed.text.empty() || typed.enter || typed.backspace;
    if (state.dropping_burst) {
        if (typing && now - state.last_burst_key <= burst_pause_s) {
            state.last_burst_key = now;
            state.dropping_burst = !typed.enter;  // its Enter ends the burst, dropped with it
            return false;
        }
        state.dropping_burst = false;  // the typing paused: whatever comes now is a person's
    }
    for (char c : typed.text) {
        if (accept == Accept::amount && c == ',') {
            c = '.';  // either decimal separator on a physical keyboard
        }
        if (!accepts(accept, field, c)) {
            continue;
        }
        if (field.size() >= max && accept == Accept::text) {
            continue;  // a reason typed by hand stops at its length
        }
        if (field.size() >= max) {
            field.clear();
            state.notice = std::string("Cleared: too long for ") + what + ". Nothing was sent.";
            state.dropping_burst = !typed.enter;
            state.last_burst_key = now;
            return false;
        }
        field += c;
        state.notice.clear();
    }
    if (typed.backspace) {
        pop_utf8(field);
        state.notice.clear();
    }
    return typed.enter;
}

void clamp_field(std::string& field, std::size_t max) {
    while (field.size() > max) {
        pop_utf8(field);
    }
}

bool is_search_text(const std::string& text) {
    return !text.empty() && text[0] != ']' && has_letter(text);
}

void enter_scan(DrawState& state, Intents& out, const SaleVm* sale, bool burst) {
    if (!burst && state.scan_text.find('%') != std::string::npos) {
        return;  // a discount being keyed ("10%"), for Disc. or Sale disc.
    }
    if (burst || !is_search_text(state.scan_text)) {
        submit_scan(state, out);
        return;
    }
    // The results shown are for this very text (not a few letters ago), and there is one.
    if (sale && sale->search_text == state.scan_text && sale->search_results.size() == 1) {
        out.push_back(PickResult{0, state.keypad_quantity});
        state.scan_text.clear();
        state.keypad_quantity.clear();
    }
}

void submit_scan(DrawState& state, Intents& out) {
    if (state.scan_text.empty()) {
        return;
    }
    out.push_back(Scan{state.scan_text, state.keypad_quantity});
    state.scan_text.clear();
    state.keypad_quantity.clear();
}

void take_scan_keyboard(DrawState& state, Intents& out, const SaleVm* sale) {
    constexpr std::size_t max_field = 64;
    const Typed typed = take_typed();
    state.scan_text += typed.text;
    clamp_field(state.scan_text, max_field);
    if (typed.backspace) {
        pop_utf8(state.scan_text);
    }
    if (typed.enter) {
        enter_scan(state, out, sale, typed.text.size() >= burst_chars);
    }
}

void pop_utf8(std::string& text) {
    while (!text.empty() && (static_cast<unsigned char>(text.back()) & 0xC0) == 0x80) {
        text.pop_back();
    }
    if (!text.empty()) {
        text.pop_back();
    }
}

bool has_letter(const std::string& text) {
    // Any non-ASCII character counts as a letter: "crème" is a search, not a barcode.
    return std::any_of(text.begin(), text.end(), [](char ch) {
        const auto c = static_cast<unsigned char>(ch);
        return c >= 0x80 || std::isalpha(c);
    });
}

}  // namespace ui::widgets
