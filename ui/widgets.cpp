#include "ui/widgets.hpp"

#include <algorithm>
#include <cctype>
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
        case Tone::key:
            break;
    }
    return {colour::panel, rgb(0xF6F8FA), rgb(0xD9E1E8), colour::ink, colour::rule};
}

bool is_keypad_text(const char* key) {
    return (std::strlen(key) == 1 &&
            (std::isdigit(static_cast<unsigned char>(key[0])) || key[0] == '.'));
}

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
    ImGui::PushFont(or_current(font ? font : fonts().bold));
    ImGui::SetCursorScreenPos(box.min());
    ImGui::BeginDisabled(!enabled);
    const bool pressed = ImGui::Button(label.c_str(), box.size());
    ImGui::EndDisabled();
    record(state, key);
    ImGui::PopFont();
    ImGui::PopStyleColor(5);
    return pressed && enabled;
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

void submit_scan(DrawState& state, Intents& out) {
    if (state.scan_text.empty()) {
        return;
    }
    out.push_back(Scan{state.scan_text, state.keypad_quantity});
    state.scan_text.clear();
    state.keypad_quantity.clear();
}

void take_scan_keyboard(DrawState& state, Intents& out) {
    constexpr std::size_t max_field = 64;
    const Typed typed = take_typed();
    state.scan_text += typed.text;
    while (state.scan_text.size() > max_field) {
        pop_utf8(state.scan_text);
    }
    if (typed.backspace) {
        pop_utf8(state.scan_text);
    }
    if (typed.enter) {
        submit_scan(state, out);
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

std::string keypad(DrawState& state, std::string& text, const Box& box, int cols,
                   std::initializer_list<const char*> keys, const char* suffix) {
    const std::vector<const char*> all(keys);
    const int rows = (static_cast<int>(all.size()) + cols - 1) / cols;
    std::string pressed;
    for (std::size_t i = 0; i < all.size();) {
        // A key repeated in the next cell of its row becomes one wider key ("0", "0").
        int span = 1;
        while (i + static_cast<std::size_t>(span) < all.size() &&
               (i + static_cast<std::size_t>(span)) % static_cast<std::size_t>(cols) != 0 &&
               std::strcmp(all[i], all[i + static_cast<std::size_t>(span)]) == 0) {
            ++span;
        }
        const char* key = all[i];
        const int col = static_cast<int>(i) % cols;
        const int r = static_cast<int>(i) / cols;
        i += static_cast<std::size_t>(span);
        if (!*key) {
            continue;
        }
        const Box b = box.cell(cols, rows, col, r, gap(), span);
        const bool big =
            is_keypad_text(key) || std::strcmp(key, "⌫") == 0 || std::strcmp(key, "×") == 0;
        if (button(state, std::string(key) + suffix, b, Tone::key, true, nullptr,
                   big ? fonts().heading : fonts().bold)) {
            pressed = key;
        }
    }
    if (is_keypad_text(pressed.c_str())) {
        if (pressed != "." || text.find('.') == std::string::npos) {
            text += pressed;
        }
    } else if (pressed == "Clear") {
        text.clear();
    } else if (pressed == "⌫") {
        pop_utf8(text);
    }
    return pressed;
}

}  // namespace ui::widgets
