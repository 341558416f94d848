// Draw functions: each screen draws its view-model with ImGui and returns the clerk's intents.
// Text the clerk is typing (PIN, scan field, tender amount) lives in DrawState between frames.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <vector>

#include "ui/intents.hpp"
#include "ui/view_models.hpp"

namespace ui {

struct Rect {
    float x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    float cx() const { return (x0 + x1) / 2; }
    float cy() const { return (y0 + y1) / 2; }
};

struct DrawState {
    std::string pin;              // digits keyed on the login keypad
    std::string selected_staff;   // staff code of the tapped user tile
    std::string scan_text;        // the scan/search field on the sale screen
    std::string keypad_quantity;  // quantity keyed before scanning, or for the selected line
    std::string tender_amount;    // amount keyed on the tender screen
    std::string sent_search;      // the last Search text emitted, so each change is sent once
    std::size_t seen_lines = 0;   // ticket lines last frame: a new one scrolls the list to it
    // Every widget drawn last frame, by its ImGui label ("Pay##sale"): tests click these.
    // Only the visible part is recorded; widgets scrolled out of sight are left out.
    std::map<std::string, Rect> widgets;
    // Figures the clerk reads, by name ("total##sale", "change##done"): tests check their size.
    std::map<std::string, Rect> texts;
};

// The base font size in pixels; every size in the layout derives from it.
float base_font_px(int window_height);

// Loads DejaVu Sans (regular and bold at a few sizes) into the current ImGui context's atlas
// and sets the touch-sized style. Call once after ImGui::CreateContext().
void setup_fonts_and_style(float font_px);

// Draws one whole frame (inside NewFrame/Render) filling the display.
std::vector<Intent> draw_frame(const FrameVm& vm, DrawState& state);

}  // namespace ui
