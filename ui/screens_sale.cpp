// The sale screen: the ticket and its totals on the left; on the right the scan field, then the
// keypad (or search results, or the less frequent actions under "More", Devices among them), the
// line actions, and Pay. "ABC" brings up a letter keyboard across the bottom to search by name;
// "Price" swaps the right side for the manager's approval (screens_approval.cpp).
#include <algorithm>
#include <cmath>

#include "ui/widgets.hpp"

namespace ui::widgets {

namespace {

// Text with a letter in it is a search: each change is sent once, and an empty search when the
// letters are gone (cleared, scanned or picked).
void sync_search(DrawState& state, Intents& out) {
    const std::string wanted = is_search_text(state.scan_text) ? state.scan_text : std::string();
    if (wanted != state.sent_search) {
        out.push_back(Search{wanted});
        state.sent_search = wanted;
    }
}

void clear_entry(DrawState& state) {
    state.scan_text.clear();
    state.keypad_quantity.clear();
}

// An amount or a percentage keyed for a discount or a price: "10%", "2.00".
bool is_number_text(const std::string& text) {
    return !text.empty() && !is_search_text(text);
}

void draw_field(DrawState& state, const Box& box) {
    const float rounding = 0.35f * px();
    fill(box, colour::panel, rounding);
    outline(box, colour::accent, rounding, std::max(2.0f, std::round(px() / 12)));
    ImFont* f = fonts().heading;
    const float fh = f ? f->FontSize : px();
    float x = box.x + 0.6f * px();
    const float y = box.y + (box.h - fh) / 2;
    if (!state.keypad_quantity.empty()) {
        x += text_at(f, {x, y}, colour::accent, state.keypad_quantity + " ×").x + 0.4f * px();
    }
    const float room = box.x + box.w - 0.8f * px() - x;
    std::string shown = state.scan_text;  // a long code shows its end, where the typing is
    while (!shown.empty() && text_size(f, shown).x > room) {
        shown.erase(0, 1);
        while (!shown.empty() && (static_cast<unsigned char>(shown[0]) & 0xC0) == 0x80) {
            shown.erase(0, 1);
        }
    }
    if (shown.empty() && state.keypad_quantity.empty()) {
        text_at(fonts().body, {x + 0.4f * px(), box.y + (box.h - px()) / 2}, colour::muted,
                fit(fonts().body, "Scan or type a code or name", room));
    }
    const ImVec2 size = text_at(f, {x, y}, colour::ink, shown);
    if (std::fmod(ImGui::GetTime(), 1.0) < 0.6) {  // a blinking caret: typing goes here
        fill(Box{x + size.x + 2, y, 2, fh}, colour::ink);
    }
    record_text(state, "scan##sale", box.min(), box.size());
}

void draw_results(const SaleVm& vm, DrawState& state, Box box, Intents& out) {
    const std::string head = std::to_string(vm.search_results.size()) +
                             (vm.search_results.size() == 1 ? " match: Enter adds it" : " matches");
    const Box title = box.cut_top(std::round(1.4f * px()));
    text_at(fonts().bold, {title.x, title.y}, colour::muted, head);
    fill(box, colour::panel, 0.3f * px());
    ImGui::SetCursorScreenPos(box.min());
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, {0, 0});
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, {0, 0});
    ImGui::BeginChild("##results", box.size(), false, ImGuiWindowFlags_NoNav);
    const float w = ImGui::GetContentRegionAvail().x;
    const float h = touch() + 0.3f * px();
    for (std::size_t i = 0; i < vm.search_results.size(); ++i) {
        const SearchResultVm& r = vm.search_results[i];
        const std::string key = "result:" + std::to_string(i) + "##sale";
        if (ImGui::InvisibleButton(key.c_str(), {w, h})) {
            out.push_back(PickResult{i, state.keypad_quantity});
            clear_entry(state);
        }
        record(state, key);
        const ImVec2 min = ImGui::GetItemRectMin();
        const Box rb{min.x, min.y, w, h};
        if (ImGui::IsItemActive()) {
            fill(rb, colour::selected);
        }
        if (i > 0) {
            fill(Box{rb.x + 0.6f * px(), rb.y, rb.w - 1.2f * px(), 1}, colour::rule);
        }
        const float price_w = text_size(fonts().bold, r.price).x;
        const float pad = 0.6f * px();
        const float name_w = rb.w - 3 * pad - price_w;
        const float top = rb.y + (rb.h - 2.2f * px()) / 2;
        text_at(fonts().bold, {rb.x + pad, top}, colour::ink, fit(fonts().bold, r.name, name_w));
        text_at(fonts().body, {rb.x + pad, top + 1.2f * px()}, colour::muted, r.code);
        text_right(fonts().bold, rb.x + rb.w - pad, rb.y + (rb.h - px()) / 2, colour::ink, r.price);
    }
    ImGui::EndChild();
    ImGui::PopStyleVar(2);
}

void draw_hint(const SaleVm& vm, const DrawState& state, const Box& box) {
    if (box.h < 1.5f * px()) {
        return;
    }
    std::string hint = state.letters ? "Type a product name to search"
                                     : "Scan a barcode, or key a code and press Enter";
    ImU32 c = colour::muted;
    if (is_search_text(state.scan_text) && vm.search_text == state.scan_text) {
        hint = "No products match \"" + state.scan_text + "\"";
    } else if (!state.keypad_quantity.empty()) {
        hint = "Next item × " + state.keypad_quantity;
        c = colour::accent;
    }
    text_centred(fonts().body, box.inset(0.5f * px()), c, hint);
}

// The less frequent actions, in place of the keypad. Those that take text (a discount, a name
// for a suspended sale) use what was keyed or typed before "More" was tapped.
void draw_more(const SaleVm& vm, DrawState& state, Box box, Intents& out) {
    const bool has_lines = !vm.lines.empty();
    // Two columns of sale actions, a third of the customer-service desks and a fourth of the
    // till and its reports, four rows: the rows stay finger-sized even with the letter keyboard
    // up.
    const int rows = 4;
    const int cols = 4;
    const float grid_h = std::min(box.h, rows * std::round(1.3f * touch()) + (rows - 1) * gap());
    const Box grid = box.cut_bottom(grid_h, gap());
    if (box.h >= 2 * px()) {
        text_centred(fonts().body, box, colour::muted,
                     state.confirm_void ? "Tap Confirm void to void the whole sale"
                                        : "Key a discount (10% or 2.00) or type a name for a "
                                          "suspended sale first");
    }
    auto cell = [&](int col, int r) { return grid.cell(cols, rows, col, r + 1, gap()); };
    auto done = [&] {
        clear_entry(state);
        state.more = false;
        state.confirm_void = false;
    };
    // Returns join this ticket: with new items on it, it becomes an exchange.
    if (button(state, "Return##sale", grid.cell(cols, rows, 0, 0, gap()), Tone::key, vm.can_return,
               "Return an item")) {
        out.push_back(StartReturn{});
        done();
    }
    // The printer, scanner and drawer: their state, a test print, the print queue.
    if (button(state, "Devices##sale", grid.cell(cols, rows, 1, 0, gap()), Tone::key)) {
        out.push_back(ShowDevices{});
        done();
    }
    if (button(state, "Sale disc.##sale", cell(0, 0), Tone::key,
               has_lines && is_number_text(state.scan_text))) {
        DiscountTicket discount;
        discount.discount = state.scan_text;
        out.push_back(discount);
        done();
    }
    if (button(state, "Suspend##sale", cell(1, 0), Tone::key, vm.can_suspend)) {
        Suspend suspend;
        suspend.label = state.scan_text;
        out.push_back(suspend);
        done();
    }
    if (button_with_note(state, "Resume##sale", cell(0, 1), Tone::key, vm.can_resume, "Resume",
                         vm.suspended_count)) {
        out.push_back(ShowSuspended{});
        done();
    }
    if (button(state, "No sale##sale", cell(1, 1), Tone::key, !has_lines)) {
        out.push_back(NoSale{});
        done();
    }
    if (!has_lines) {
        state.confirm_void = false;
    }
    if (state.confirm_void) {
        if (button(state, "Confirm void##sale", cell(0, 2), Tone::danger)) {
            out.push_back(VoidTicket{});
            done();
        }
    } else if (button(state, "Void sale##sale", cell(0, 2), Tone::danger, has_lines)) {
        state.confirm_void = true;
    }
    if (button(state, "Log out##sale", cell(1, 2), Tone::quiet)) {
        out.push_back(LogOut{});
        done();
    }
    // Customer service: stock in every store, customers, interactions, special orders.
    const struct {
        const char* key;
        Intent intent;
    } desks[] = {{"Lookup##sale", ShowLookup{}},
                 {"Customer##sale", ShowCustomers{}},
                 {"Service##sale", ShowInteractions{}},
                 {"Orders##sale", ShowSpecialOrders{}}};
    for (int i = 0; i < 4; ++i) {
        if (button(state, desks[i].key, grid.cell(cols, rows, 2, i, gap()), Tone::key)) {
            out.push_back(desks[i].intent);
            done();
        }
    }
    // The till (float, cash in and out, the close), X/Z reports and the manager's dashboard.
    const struct {
        const char* key;
        Intent intent;
    } money[] = {{"Till##sale", ShowTill{}},
                 {"Reports##sale", ShowReports{}},
                 {"Dashboard##sale", ShowDashboard{}}};
    for (int i = 0; i < 3; ++i) {
        if (button(state, money[i].key, grid.cell(cols, rows, 3, i, gap()), Tone::key)) {
            out.push_back(money[i].intent);
            done();
        }
    }
}

// The attached customer, in a thin line over the ticket.
void draw_customer_badge(const CustomerBadgeVm& c, DrawState& state, const Box& box) {
    fill(box, colour::selected, 0.3f * px());
    const float y = box.y + (box.h - px()) / 2;
    const ImVec2 n = text_at(fonts().bold, {box.x + 0.6f * px(), y}, colour::ink,
                             fit(fonts().bold, c.name, 0.6f * box.w));
    text_right(fonts().body, box.x + box.w - 0.6f * px(), y, colour::accent,
               fit(fonts().body, c.points, box.w - n.x - 2 * px()));
    record_text(state, "customer##sale", box.min(), box.size());
}

// "Often bought with": a thin strip of small buttons under the ticket; a tap adds one.
void draw_suggestions(const SaleVm& vm, DrawState& state, Box box, Intents& out) {
    ImFont* small = fonts().small ? fonts().small : fonts().body;
    const ImVec2 label = text_at(small, {box.x, box.y + (box.h - small->FontSize) / 2},
                                 colour::muted, "Often bought with:");
    box.cut_left(label.x, gap());
    const int n = static_cast<int>(vm.suggestions.size());
    for (int i = 0; i < n; ++i) {
        const SuggestionVm& s = vm.suggestions[static_cast<std::size_t>(i)];
        const std::string text = s.name + "  " + s.price;
        const std::string key = "suggestion:" + std::to_string(i) + "##sale";
        if (button(state, key, box.cell(n, 1, i, 0, gap()), Tone::quiet, true, text.c_str(),
                   small)) {
            out.push_back(AddSuggestion{static_cast<std::size_t>(i)});
        }
    }
}

void draw_keypad(const SaleVm& vm, DrawState& state, Box box, Intents& out) {
    const float keys_h = std::min(box.h - 2.5f * px(), 4 * 1.25f * touch() + 3 * gap());
    const Box pad =
        box.cut_bottom(std::min(box.h, std::max(keys_h, 4 * touch() + 3 * gap())), gap());
    draw_hint(vm, state, box);
    const std::string key = keypad(
        state, state.scan_text, pad, 4,
        {"7", "8", "9", "⌫", "4", "5", "6", "×", "1", "2", "3", "Clear", "%", "0", ".", "Enter"});
    if (key == "×") {  // the number keyed so far is the quantity of the next item
        state.keypad_quantity = state.scan_text;
        state.scan_text.clear();
    } else if (key == "Clear") {
        state.keypad_quantity.clear();
    } else if (key == "Enter") {
        enter_scan(state, out, &vm);
    }
}

// Qty, Void, Disc. and Price act on the selected line.
void draw_line_actions(const SaleVm& vm, DrawState& state, const Box& row, Intents& out) {
    auto cell = [&](int col) { return row.cell(4, 1, col, 0, gap()); };
    const std::string qty = state.scan_text.empty() ? state.keypad_quantity : state.scan_text;
    if (button(state, "Qty##sale", cell(0), Tone::key, vm.can_edit_line && !qty.empty())) {
        out.push_back(SetQuantity{qty});
        clear_entry(state);
    }
    if (button(state, "Void##sale", cell(1), Tone::danger, vm.can_edit_line)) {
        out.push_back(VoidLine{});
    }
    if (button(state, "Disc.##sale", cell(2), Tone::key,
               vm.can_edit_line && is_number_text(state.scan_text))) {
        DiscountLine discount;
        discount.discount = state.scan_text;
        out.push_back(discount);
        clear_entry(state);
    }
    if (button(state, "Price##sale", cell(3), Tone::key, vm.can_edit_line)) {
        state.price = {};
        state.price.open = true;
        state.notice.clear();
        if (is_number_text(state.scan_text) && state.scan_text.find('%') == std::string::npos) {
            state.price.price = state.scan_text;  // keyed before Price
        }
        clear_entry(state);
        state.more = false;
        state.letters = false;
        state.confirm_void = false;
    }
}

void draw_entry(const SaleVm& vm, DrawState& state, Box box, Intents& out) {
    draw_field(state, box.cut_top(touch(), gap()));
    const Box bottom = box.cut_bottom(std::round(1.4f * touch()), gap());
    if (!state.letters) {
        draw_line_actions(vm, state, box.cut_bottom(touch(), gap()), out);
    }
    if (state.more) {
        draw_more(vm, state, box, out);
    } else if (!vm.search_results.empty()) {
        draw_results(vm, state, box, out);
    } else if (state.letters) {
        draw_hint(vm, state, box);
    } else {
        draw_keypad(vm, state, box, out);
    }

    if (button(state, "ABC##sale", bottom.cell(4, 1, 0, 0, gap()),
               state.letters ? Tone::active : Tone::quiet, true, nullptr, fonts().heading)) {
        state.letters = !state.letters;
    }
    if (button(state, "More##sale", bottom.cell(4, 1, 1, 0, gap()),
               state.more ? Tone::active : Tone::quiet)) {
        state.more = !state.more;
        state.confirm_void = false;
    }
    if (button(state, "Pay##sale", bottom.cell(4, 1, 2, 0, gap(), 2), Tone::primary, vm.can_pay,
               vm.refund_due ? "Refund" : nullptr, fonts().large)) {
        out.push_back(Pay{});
        clear_entry(state);  // half-keyed text must not follow the clerk to tender
    }
}

}  // namespace

void draw_sale(const SaleVm& vm, DrawState& state, const Box& area, Intents& out) {
    if (!vm.can_edit_line) {
        state.price = {};  // the line it was for is gone, voided or deselected
    }
    if (state.price.open) {
        take_price_keyboard(vm, state, out);
    } else {
        take_scan_keyboard(state, out, &vm);
    }
    Box rest = area;
    const bool letters = state.letters && !state.price.open;
    const Box keyboard = letters ? rest.cut_bottom(letter_keyboard_height(), gap()) : Box{};
    Box right = rest;
    Box left = right.cut_left(std::round(0.6f * area.w), 2 * gap());
    const Box totals = left.cut_bottom(totals_height(vm, letters), gap());
    if (vm.customer)
        draw_customer_badge(*vm.customer, state, left.cut_top(std::round(1.6f * px()), gap()));
    if (!vm.suggestions.empty() && !letters)
        draw_suggestions(vm, state, left.cut_bottom(std::round(1.8f * px()), gap()), out);
    draw_ticket_lines(vm, state, left, out);
    draw_totals(vm, state, totals, letters);
    if (state.price.open) {
        draw_price_panel(vm, state, right, out);
    } else {
        draw_entry(vm, state, right, out);
    }
    if (letters && letter_keyboard(state, state.scan_text, keyboard) == "Enter") {
        enter_scan(state, out, &vm);
    }
    sync_search(state, out);
}

}  // namespace ui::widgets
