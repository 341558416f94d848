// Keypads, the letter keyboard and toggle grids: touch keys laid out in a box.
#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstring>

#include "ui/widgets.hpp"

namespace ui::widgets {

namespace {

bool is_keypad_text(const char* key) {
    return (std::strlen(key) == 1 &&
            (std::isdigit(static_cast<unsigned char>(key[0])) || key[0] == '.'));
}

// The first of `font`, bold and small in which `text` fits `width` (small when none does).
ImFont* fitting_font(ImFont* font, const std::string& text, float width) {
    for (ImFont* f : {font, fonts().bold, fonts().small}) {
        if (f && text_size(f, text).x <= width) {
            return f;
        }
    }
    return fonts().small ? fonts().small : font;
}

}  // namespace

std::string key_grid(DrawState& state, const Box& box, int cols,
                     const std::vector<const char*>& keys, const char* suffix) {
    const int rows = (static_cast<int>(keys.size()) + cols - 1) / cols;
    std::string pressed;
    for (std::size_t i = 0; i < keys.size();) {
        int span = 1;
        while (i + static_cast<std::size_t>(span) < keys.size() &&
               (i + static_cast<std::size_t>(span)) % static_cast<std::size_t>(cols) != 0 &&
               std::strcmp(keys[i], keys[i + static_cast<std::size_t>(span)]) == 0) {
            ++span;
        }
        const char* key = keys[i];
        const int col = static_cast<int>(i) % cols;
        const int r = static_cast<int>(i) / cols;
        i += static_cast<std::size_t>(span);
        if (!*key) {
            continue;
        }
        const Box b = box.cell(cols, rows, col, r, gap(), span);
        const bool big =
            std::strlen(key) == 1 || std::strcmp(key, "⌫") == 0 || std::strcmp(key, "×") == 0;
        if (button(state, std::string(key) + suffix, b, Tone::key, true, nullptr,
                   big ? fonts().heading : fonts().bold)) {
            pressed = key;
        }
    }
    if (!pressed.empty()) {
        state.notice.clear();
    }
    return pressed;
}

std::string keypad(DrawState& state, std::string& text, const Box& box, int cols,
                   std::initializer_list<const char*> keys, const char* suffix) {
    const std::string pressed = key_grid(state, box, cols, std::vector<const char*>(keys), suffix);
    if (is_keypad_text(pressed.c_str())) {
        if (pressed != "." || text.find('.') == std::string::npos) {
            text += pressed;
        }
    } else if (pressed == "%") {
        if (text.find('%') == std::string::npos) {
            text += pressed;
        }
    } else if (pressed == "Clear") {
        text.clear();
    } else if (pressed == "⌫") {
        pop_utf8(text);
    }
    return pressed;
}

std::string number_keypad(DrawState& state, std::string& text, const Box& box, bool point,
                          const char* suffix) {
    if (point) {
        return keypad(
            state, text, box, 4,
            {"7", "8", "9", "⌫", "4", "5", "6", "Clear", "1", "2", "3", ".", "0", "0", "0", "0"},
            suffix);
    }
    return keypad(
        state, text, box, 4,
        {"7", "8", "9", "⌫", "4", "5", "6", "Clear", "1", "2", "3", "", "0", "0", "0", "0"},
        suffix);
}

float letter_keyboard_height() {
    return 4 * std::round(0.9f * touch()) + 3 * gap();
}

std::string letter_keyboard(DrawState& state, std::string& text, const Box& box) {
    static const std::vector<const char*> keys = {
        "Q",     "W",     "E",     "R",     "T",     "Y",     "U",     "I",     "O",     "P",
        "A",     "S",     "D",     "F",     "G",     "H",     "J",     "K",     "L",     "-",
        "Z",     "X",     "C",     "V",     "B",     "N",     "M",     "⌫",     "⌫",     "⌫",
        "Clear", "Clear", "Space", "Space", "Space", "Space", "Space", "Space", "Enter", "Enter"};
    const std::string pressed = key_grid(state, box, 10, keys, "##letters");
    if (pressed.size() == 1) {
        text += static_cast<char>(std::tolower(static_cast<unsigned char>(pressed[0])));
    } else if (pressed == "Space") {
        if (!text.empty() && text.back() != ' ') {
            text += ' ';
        }
    } else if (pressed == "Clear") {
        text.clear();
    } else if (pressed == "⌫") {
        pop_utf8(text);
    }
    return pressed == "Enter" ? pressed : std::string();
}

float choice_grid_height(std::size_t count, int cols) {
    const int rows = (static_cast<int>(count) + cols - 1) / cols;
    return static_cast<float>(rows) * std::round(0.85f * touch()) +
           static_cast<float>(std::max(0, rows - 1)) * gap();
}

void choice_grid(DrawState& state, const Box& box, int cols, const std::vector<Choice>& choices,
                 std::string& chosen, const char* prefix, const char* suffix) {
    const int rows = (static_cast<int>(choices.size()) + cols - 1) / cols;
    // One font for the whole grid, the biggest in which every label fits its cell.
    const float cell_w = box.cell(cols, rows, 0, 0, gap()).w - 0.6f * px();
    ImFont* font = fonts().bold;
    for (const Choice& c : choices) {
        font = fitting_font(font, c.label, cell_w);
    }
    for (std::size_t i = 0; i < choices.size(); ++i) {
        const Choice& c = choices[i];
        const int col = static_cast<int>(i) % cols;
        const int r = static_cast<int>(i) / cols;
        // The last choice of an odd count spans the rest of its row.
        const int span = i + 1 == choices.size() ? cols - col : 1;
        const Box b = box.cell(cols, rows, col, r, gap(), span);
        const std::string key = std::string(prefix) + ":" + c.code + "##" + suffix;
        if (button(state, key, b, chosen == c.code ? Tone::active : Tone::key, true,
                   c.label.c_str(), font)) {
            chosen = c.code;
        }
    }
}

}  // namespace ui::widgets
