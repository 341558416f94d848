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
    ImFont* mono = nullptr;     // DejaVu Sans Mono, 0.75x: the receipt preview
    ImFont* small = nullptr;    // DejaVu Sans, 0.8x: savings under a line, long button labels
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
inline constexpr ImU32 good = rgb(0x2E7D32);         // pay, OK, change, savings
inline constexpr ImU32 good_on_bar = rgb(0x8FD694);  // savings on the dark totals panel
inline constexpr ImU32 bad = rgb(0xC62828);          // errors, remove
inline constexpr ImU32 refund = rgb(0xB23C00);       // return lines and money going back
inline constexpr ImU32 placeholder = rgb(0x8A96A3);  // an empty field's hint
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

enum class Tone { key, primary, danger, quiet, active };  // active: a toggle that is on

// A button of exactly `box`. `key` is its ImGui label and its name in state.widgets ("Pay##sale");
// `text`, when given, is shown instead of the part of the key before "##". A label too wide for
// the button is drawn in a smaller font rather than clipped.
bool button(DrawState& state, const std::string& key, const Box& box, Tone tone = Tone::key,
            bool enabled = true, const char* text = nullptr, ImFont* font = nullptr);
// A button with a second, smaller line under its label ("Resume" over "2 suspended").
bool button_with_note(DrawState& state, const std::string& key, const Box& box, Tone tone,
                      bool enabled, const std::string& text, const std::string& note);

// A tappable text field with its label in small type at the top and `shown` below it (or
// `placeholder` in grey when empty), and a caret when `focused`. Returns true when tapped (the
// caller moves the focus here).
bool field_box(DrawState& state, const std::string& key, const Box& box, const std::string& label,
               const std::string& shown, const std::string& placeholder, bool focused);
float field_height();  // 1.2x a button: room for the label and the value
// The amount keyed on a tender panel, right-aligned in large type in an outlined field, recorded
// as "amount##tender"; `placeholder` in grey while nothing is keyed (in the body font when it is
// too wide for the large one).
void amount_field(DrawState& state, const Box& field, const std::string& keyed,
                  const std::string& placeholder);
// state.notice, if any, in bold red wrapped across the top of `box`, which shrinks by as much.
void draw_notice(const DrawState& state, Box& box);
// "Drawer open" in amber across the top of `box` while the cash drawer is open (DrawState::
// drawer_open): the drawer is shut before the next customer. `key` records the text for tests.
void draw_drawer_open(DrawState& state, Box& box, const std::string& key);

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
// Text with a letter in it is a name to search for, unless it starts with an AIM symbology
// identifier ("]C1..."), which only a scanner sends.
bool is_search_text(const std::string& text);

// What a short field takes from the keyboard: digits; digits and one decimal point (',' or
// '.'); or a code of letters, digits and '-'.
// `text`: any printable character (a reason).
enum class Accept { digits, amount, code, text };

// Keys typed this frame into a field of at most `max` characters. A barcode scanner types a
// dozen digits and Enter in one go: more than the field holds was not meant for it, so the field
// is cleared, the rest of the burst (its Enter too) is dropped, and state.notice says why
// ("Too many digits for `what`"). Returns whether Enter was pressed (and not dropped).
bool type_into(DrawState& state, std::string& field, std::size_t max, Accept accept,
               const char* what);
// The same with keys already taken (take_typed), for a screen that looks at them first.
bool type_into(DrawState& state, const Typed& typed, std::string& field, std::size_t max,
               Accept accept, const char* what);
// A scanner's burst: this many characters and their Enter within one frame.
bool is_scan_burst(const Typed& typed);
// Keeps a field keyed on a keypad within `max` characters: a tap past the end is ignored.
void clamp_field(std::string& field, std::size_t max);

// The scan field: a keyboard-wedge scanner types digits and Enter faster than anyone taps, so
// typed keys always go to state.scan_text. Enter sends it as a Scan with the quantity keyed
// before it, unless it is a search (see enter_scan).
void take_scan_keyboard(DrawState& state, Intents& out, const SaleVm* sale = nullptr);
// Enter on the scan field. A code is scanned. A name typed by hand is never sent as a barcode:
// when `sale` shows exactly one result for it, that product is added; otherwise nothing happens.
// Nor is a percentage keyed for a discount.
// `burst`: the text and its Enter came in one frame, as only a scanner sends them.
void enter_scan(DrawState& state, Intents& out, const SaleVm* sale, bool burst = false);
void submit_scan(DrawState& state, Intents& out);

// Keys laid out row by row in `cols` columns; each entry is a key label without suffix, or ""
// for a gap; a label repeated in the next cells of its row is one wider key. Returns the label of
// the key tapped, or "".
std::string key_grid(DrawState& state, const Box& box, int cols,
                     const std::vector<const char*>& keys, const char* suffix);

// A calculator keypad (a key_grid): digit and "." keys append to `text` (one point at most),
// "%" appends a percent sign once, "Clear" empties it, "⌫" removes the last character. Returns
// the label of the key pressed, or "" if none; other keys are for the caller to handle.
std::string keypad(DrawState& state, std::string& text, const Box& box, int cols,
                   std::initializer_list<const char*> keys, const char* suffix = "##keypad");

// The keypad of the tender and approval panels (a keypad): digits with a wide 0, ⌫, Clear, and a
// decimal point when `point`.
std::string number_keypad(DrawState& state, std::string& text, const Box& box, bool point,
                          const char* suffix = "##keypad");

// An on-screen QWERTY keyboard for searching by name ("Q##letters"): letters (typed in lower
// case), space, '-', backspace and Clear edit `text`. Returns "Enter" when its Enter is tapped.
std::string letter_keyboard(DrawState& state, std::string& text, const Box& box);
// Its height: four rows of keys, a little lower than buttons to leave the ticket in view.
float letter_keyboard_height();

// The screens, one per view-model; each appends what the clerk asked for to `out`.
void draw_login(const LoginVm& vm, DrawState& state, const Box& area, Intents& out);
void draw_sale(const SaleVm& vm, DrawState& state, const Box& area, Intents& out);
// Parts of the sale screen, in their own files.
void draw_ticket_lines(const SaleVm& vm, DrawState& state, Box box, Intents& out);
// `compact` (under the letter keyboard): the item count, savings and total only.
float totals_height(const SaleVm& vm, bool compact);
void draw_totals(const SaleVm& vm, DrawState& state, const Box& box, bool compact);
// The price override panel (screens_price.cpp).
void take_price_keyboard(const SaleVm& vm, DrawState& state, Intents& out);
void draw_price_panel(const SaleVm& vm, DrawState& state, Box box, Intents& out);
void draw_tender(const TenderVm& vm, DrawState& state, const Box& area, Intents& out);
// Parts of the tender screen's amounts panel, shared with the refund form (screens_tender.cpp).
// The panel with "← Back to sale" at its bottom; returns the room left inside it.
Box due_panel(const TenderVm& vm, DrawState& state, const Box& box, Intents& out);
// `label` over `figure` in the biggest type that fits, cut from the top of `box`; the figure is
// recorded under `key`.
void due_figure(DrawState& state, Box& box, const std::string& label, const std::string& figure,
                ImU32 ink, const std::string& key);
// "Label  value" on one line; returns the value's position and size.
ImVec2 labelled(const Box& row, const char* label, const std::string& value, ImU32 ink);
// The card, gift card and store credit panels of the tender screen.
void open_tender_panel(const TenderVm& vm, DrawState& state, TenderPanel panel);
void take_tender_form_keyboard(DrawState& state, Intents& out);
void draw_tender_form(DrawState& state, Box box, Intents& out);
void draw_completed(const CompletedVm& vm, DrawState& state, const Box& area, Intents& out);
void draw_devices(const DevicesVm& vm, DrawState& state, const Box& area, Intents& out);
// Head-office sync (screens_sync.cpp): the sync screen, and the catalogue load's progress bar
// (drawn under the status bar and on the sync screen; the figure is recorded under `key`).
void draw_sync(const SyncVm& vm, DrawState& state, const Box& area, Intents& out);
void sync_progress_bar(const SyncProgressVm& progress, DrawState& state, const Box& box,
                       const std::string& key);
ImU32 sync_tone_colour(SyncTone tone);
void draw_suspended(const SuspendedListVm& vm, DrawState& state, const Box& area, Intents& out);
void draw_store_problem(const StoreProblemVm& vm, DrawState& state, const Box& area, Intents& out);
// Returns (screens_return.cpp, screens_return_forms.cpp), finding a ticket
// (screens_ticket_search.cpp) and a refund on the tender screen (screens_refund.cpp).
void draw_return(const ReturnVm& vm, DrawState& state, const Box& area, Intents& out);
void draw_no_receipt(const ReturnVm& vm, DrawState& state, Box box, Intents& out);
void draw_post_void(const ReturnVm& vm, DrawState& state, Box box, Intents& out);
void draw_ticket_search(const TicketSearchVm& vm, DrawState& state, const Box& area, Intents& out);
void draw_refund(const TenderVm& vm, DrawState& state, const Box& area, Intents& out);
// Customer service: stock lookup and customers (screens_lookup.cpp, screens_customers.cpp),
// interactions and special orders (screens_interactions.cpp, screens_orders.cpp).
void draw_lookup(const LookupVm& vm, DrawState& state, const Box& area, Intents& out);
void draw_customers(const CustomersVm& vm, DrawState& state, const Box& area, Intents& out);
void draw_interactions(const InteractionsVm& vm, DrawState& state, const Box& area, Intents& out);
void draw_special_orders(const SpecialOrdersVm& vm, DrawState& state, const Box& area,
                         Intents& out);
// The till (screens_till.cpp), X/Z reports and the dashboard (screens_reports.cpp,
// screens_dashboard.cpp).
void draw_till(const TillVm& vm, DrawState& state, const Box& area, Intents& out);
void draw_reports(const ReportsVm& vm, DrawState& state, const Box& area, Intents& out);
void draw_dashboard(const DashboardVm& vm, DrawState& state, const Box& area, Intents& out);
// The approval dialog over the whole display (screens_approval.cpp): its own window, above the
// screen, so that nothing under it can be tapped. Takes the keyboard before the screen does.
void take_approval_keyboard(DrawState& state, Intents& out);
void draw_approval(const ApprovalVm& vm, const Message& message, DrawState& state, Intents& out);

// Toggle buttons for `choices` in a grid of `cols` columns; `chosen` holds the code of the one
// that is on. Keys are "<prefix>:<code>##<suffix>".
void choice_grid(DrawState& state, const Box& box, int cols, const std::vector<Choice>& choices,
                 std::string& chosen, const char* prefix, const char* suffix);
// Height of a choice_grid of `count` choices in `cols` columns.
float choice_grid_height(std::size_t count, int cols);

}  // namespace ui::widgets
