// Draw functions: each screen draws its view-model with ImGui and returns the clerk's intents.
// Text the clerk is typing (PIN, scan field, tender amount) lives in DrawState between frames.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <vector>

#include "ui/forms_lookup.hpp"
#include "ui/forms_reports.hpp"
#include "ui/forms_service.hpp"
#include "ui/forms_till.hpp"
#include "ui/intents.hpp"
#include "ui/view_models.hpp"

namespace ui {

struct Rect {
    float x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    float cx() const { return (x0 + x1) / 2; }
    float cy() const { return (y0 + y1) / 2; }
};

// A new unit price for the selected line (sale screen), keyed on its own keypad. Whoever must
// approve it does so in the approval dialog the Terminal then asks for.
struct PriceForm {
    bool open = false;
    std::string price;
};

// The approval dialog, drawn over any screen while FrameVm::approval is set: the approver's
// staff code and PIN (or a scanned badge) and the reason.
struct ApprovalForm {
    bool open = false;    // drawn last frame: the form is cleared when the dialog goes away
    std::string request;  // what it was keyed for (rule and what): another request starts anew
    std::string staff_code;
    std::string pin;
    std::string badge;  // scanned: stands for the code and PIN
    std::string reason;
    int field = 0;  // where keys go: 0 staff code, 1 PIN, 2 reason
};

// The return screen: the receipt number being keyed, the choices that apply to the next line
// returned, the quantity of each line, the no-receipt form and the post-void reason.
struct ReturnForm {
    std::string receipt;               // typed or scanned, sent with Find
    std::string open_receipt;          // the receipt the quantities below belong to
    std::map<std::size_t, int> count;  // by original line: how many to return (default 1)
    std::string reason;                // Choice::code, or empty until chosen
    std::string disposition;
    bool no_receipt = false;  // the no-receipt form replaces the receipt's lines
    std::string code;         // no receipt: the item, its quantity, the customer
    std::string quantity;
    std::string customer;
    bool post_void = false;  // the post-void panel (asks a reason)
    std::string void_reason;
    int field = 0;  // where keys go: 0 receipt; no receipt 1 code, 2 quantity, 3 customer;
                    // 4 post-void reason
};

// The find-a-ticket screen's fields.
struct SearchForm {
    std::string from, to, amount, card, item;
    int field = 0;  // 0 from, 1 to, 2 amount, 3 card, 4 item
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

// The devices screen: the reason chosen for "Open drawer", and how much of the device log was
// shown (new lines scroll it to the bottom).
struct DevicesForm {
    std::string reason;  // Choice::code; empty: the default, a drawer check
    std::size_t seen_log = 0;
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
    PriceForm price;              // sale: the price override panel
    ApprovalForm approval;        // the approval dialog over any screen
    ReturnForm returns;           // the return screen
    SearchForm search;            // the find-a-ticket screen
    TenderForm tender;            // tender: the selected method and its fields
    DevicesForm devices;          // the devices screen
    LookupForm lookup;            // the stock lookup screen
    CustomerForm customer;        // the customer screen
    InteractionForm interaction;  // the interactions screen
    OrderForm order;              // the special orders screen
    TillForm till;                // the till screen: count forms, movement form
    ReportsForm reports;          // the reports and dashboard screens
    bool drawer_open = false;     // FrameVm::drawer_open, for the tender and completed screens
    // Codes a scanner typed as a keyboard, told from typing by key timing (key_bursts.hpp): the
    // window adds them, the next draw_frame turns them into intents.
    std::vector<std::string> keyboard_scans;
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
