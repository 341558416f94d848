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

// A price override waiting for a manager's approval (sale screen), keyed on its own keypad.
struct ApprovalForm {
    bool open = false;
    std::string price;  // the new unit price
    std::string staff_code;
    std::string pin;
    int field = 0;  // where keys go: 0 price, 1 staff code, 2 PIN
};

enum class TenderPanel { cash, card, gift_card, store_credit };

// The card, gift card and store credit panels of the tender screen (cash uses tender_amount).
struct TenderForm {
    TenderPanel panel = TenderPanel::cash;
    std::string amount;     // card: prefilled with what is due; gift card, store credit: optional
    std::string reference;  // the payment terminal's reference for a card charge
    std::string last4;      // the card's last four digits, as the payment terminal printed them
    std::string account;    // gift card or store credit account number
    int field = 0;          // where keys go: card 0 amount, 1 reference, 2 last4;
                            // gift card, store credit 0 account, 1 amount
};

struct DrawState {
    std::string pin;              // digits keyed on the login keypad
    std::string selected_staff;   // staff code of the tapped user tile
    std::string scan_text;        // the scan/search field on the sale screen
    std::string keypad_quantity;  // quantity keyed before scanning, or for the selected line
    std::string tender_amount;    // cash amount keyed on the tender screen
    std::string sent_search;      // the last Search text emitted, so each change is sent once
    std::size_t seen_lines = 0;   // ticket lines last frame: a new one scrolls the list to it
    bool more = false;            // sale: the less frequent actions replace the keypad
    bool letters = false;         // sale: the on-screen letter keyboard is up
    bool confirm_void = false;    // sale: "Void sale" tapped once; "Confirm void" voids it
    ApprovalForm approval;        // sale: the price override panel
    TenderForm tender;            // tender: the selected method and its fields
    // A scanner burst too long for a short field (an amount, a PIN) clears the field; the rest of
    // the burst, its Enter included, is dropped until the typing pauses.
    bool dropping_burst = false;
    double last_burst_key = 0;  // ImGui time of the burst's last key
    std::string notice;         // why typed keys were dropped, shown until the next key
    std::size_t screen = 0;     // the screen drawn last frame: panels close on another screen
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
