// Touch widgets shared by the screens: fonts, colours, sizes, a rectangle layout helper, buttons
// that record where they were drawn, keypads, and keyboard capture. Internal to ui/: only the
// draw.cpp and screens_*.cpp files include this (it is where ImGui types appear).
#pragma once

#include <imgui.h>

#include <initializer_list>
#include <string>
#include <vector>

#include "ui/draw.hpp"

namespace ui::widgets {

using Intents = std::vector<Intent>;

// The fonts loaded by setup_fonts_and_style. Any of them falls back to ImGui's current font.
struct Fonts {
    ImFont* body = nullptr;     // DejaVu Sans, base size
    ImFont* bold = nullptr;     // DejaVu Sans Bold, base size: buttons, labels
    ImFont* heading = nullptr;  // bold, 1.35x: keypad digits, screen titles
    ImFont* large = nullptr;    // bold, 2x: totals
    ImFont* huge = nullptr;     // bold, 3x: change due
    ImFont* mono = nullptr;     // DejaVu Sans Mono, 0.8x: the receipt preview
    float px = 24;              // the base font size every layout size derives from
};
const Fonts& fonts();
void set_fonts(const Fonts& f);

// Sizes, all derived from the base font size.
inline float px() {
    return fonts().px;
}
inline float gap() {
    return 0.5f * px();
}  // between widgets
inline float touch() {
    return 2.4f * px();
}  // height of a button: ~58 px at 24 px
inline float row() {
    return 1.9f * px();
}  // height of a list row: ~46 px at 24 px

namespace colour {
constexpr ImU32 rgb(unsigned v) {
    return 0xFF000000u | ((v & 0xFF) << 16) | (v & 0xFF00) | (v >> 16);
}
inline constexpr ImU32 background = rgb(0xEEF1F4);
inline constexpr ImU32 panel = rgb(0xFFFFFF);
inline constexpr ImU32 ink = rgb(0x1B2430);
inline constexpr ImU32 muted = rgb(0x5B6775);
inline constexpr ImU32 rule = rgb(0xD5DBE1);
inline constexpr ImU32 bar = rgb(0x1F2A36);  // status bar and totals panel
inline constexpr ImU32 on_bar = rgb(0xFFFFFF);
inline constexpr ImU32 on_bar_muted = rgb(0xB8C4D0);
inline constexpr ImU32 accent = rgb(0x1565C0);  // selection, info
inline constexpr ImU32 selected = rgb(0xDCEBFF);
inline constexpr ImU32 good = rgb(0x2E7D32);  // pay, OK, change
inline constexpr ImU32 bad = rgb(0xC62828);   // errors, remove
}  // namespace colour

// An axis-aligned box in screen pixels, cut into pieces to lay out a screen.
struct Box {
    float x = 0, y = 0, w = 0, h = 0;
    ImVec2 min() const { return {x, y}; }
    ImVec2 max() const { return {x + w, y + h}; }
    ImVec2 size() const { return {w, h}; }
    Box cut_top(float height, float spacing = 0);  // removes and returns the top strip
    Box cut_bottom(float height, float spacing = 0);
    Box cut_left(float width, float spacing = 0);
    Box cut_right(float width, float spacing = 0);
    Box inset(float d) const { return {x + d, y + d, w - 2 * d, h - 2 * d}; }
    // Cell (col, row) of a cols x rows grid with `spacing` between cells, spanning `span` columns.
    Box cell(int cols, int rows, int col, int r, float spacing, int span = 1) const;
};

// Records the last ImGui item's visible rectangle in state.widgets under `key`.
void record(DrawState& state, const std::string& key);

enum class Tone { key, primary, danger, quiet };

// A button of exactly `box`. `key` is its ImGui label and its name in state.widgets ("Pay##sale");
// `text`, when given, is shown instead of the part of the key before "##".
bool button(DrawState& state, const std::string& key, const Box& box, Tone tone = Tone::key,
            bool enabled = true, const char* text = nullptr, ImFont* font = nullptr);

// Text drawn into the current window's draw list, with no layout item. Returns its size.
ImVec2 text_at(ImFont* font, ImVec2 pos, ImU32 colour, const std::string& text);
// Right-aligned so that it ends at `right_x`.
ImVec2 text_right(ImFont* font, float right_x, float y, ImU32 colour, const std::string& text);
ImVec2 text_size(ImFont* font, const std::string& text);
// Wrapped to the box's width, each line centred, the block centred vertically in the box.
void text_centred(ImFont* font, const Box& box, ImU32 colour, const std::string& text);
// Shortens `text` with an ellipsis so that it fits in `width`.
std::string fit(ImFont* font, const std::string& text, float width);
// Records a figure the clerk reads (a total) under `key`, drawn at pos: tests check its size.
void record_text(DrawState& state, const std::string& key, ImVec2 pos, ImVec2 size);

void fill(const Box& box, ImU32 colour, float rounding = 0);
void outline(const Box& box, ImU32 colour, float rounding, float thickness);

// Keys typed on a physical keyboard (or a keyboard-wedge barcode scanner) since the last frame.
// Taking them empties ImGui's character queue, so only one field per frame should ask.
struct Typed {
    std::string text;  // UTF-8, control characters dropped
    bool enter = false;
    bool backspace = false;
};
Typed take_typed();
void pop_utf8(std::string& text);  // removes the last character
bool has_letter(const std::string& text);

// The scan field: a keyboard-wedge scanner types digits and Enter faster than anyone taps, so
// typed keys always go to state.scan_text, and Enter (or submit_scan) sends it as a Scan with
// the quantity keyed before it.
void take_scan_keyboard(DrawState& state, Intents& out);
void submit_scan(DrawState& state, Intents& out);

// A calculator keypad: each entry of `keys` is a key label without suffix ("7", ".", "Clear", "⌫",
// or "" for a gap), laid out row by row in `cols` columns. Digit and "." keys append to `text`,
// "Clear" empties it, "⌫" removes the last character. Returns the label of the key pressed, or
// "" if none; other keys are for the caller to handle.
std::string keypad(DrawState& state, std::string& text, const Box& box, int cols,
                   std::initializer_list<const char*> keys, const char* suffix = "##keypad");

// The screens, one per view-model; each appends what the clerk asked for to `out`.
void draw_login(const LoginVm& vm, DrawState& state, const Box& area, Intents& out);
void draw_sale(const SaleVm& vm, DrawState& state, const Box& area, Intents& out);
void draw_tender(const TenderVm& vm, DrawState& state, const Box& area, Intents& out);
void draw_completed(const CompletedVm& vm, DrawState& state, const Box& area, Intents& out);
void draw_store_problem(const StoreProblemVm& vm, DrawState& state, const Box& area, Intents& out);

}  // namespace ui::widgets
