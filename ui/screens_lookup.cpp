// The stock lookup screen: a search field (typed, keyed on the letter keyboard, or scanned) over
// the results on the left with this store's recent requests under them; on the right the product
// (price, promotion, codes, shelf) and its stock in every store with each figure's age, Live,
// Add to sale, and Hold / Transfer per other store (a small form: quantity and note).
#include <algorithm>
#include <cmath>

#include "ui/widgets.hpp"

namespace ui::widgets {

namespace {

constexpr ImU32 warning_ink = colour::rgb(0xB35400);

ImFont* small_font() {
    return fonts().small ? fonts().small : fonts().body;
}

float line_h(ImFont* f) {
    return std::round(1.25f * f->FontSize);
}

// Each change of the typed text is sent once; a scan (the terminal's search text changing on its
// own) replaces what was typed.
void sync_search(const LookupVm& vm, LookupForm& form, Intents& out) {
    if (vm.search_text != form.seen_vm) {
        form.seen_vm = vm.search_text;
        if (vm.search_text != form.sent_search) {
            form.search = vm.search_text;
            form.sent_search = vm.search_text;
        }
    }
    if (form.search != form.sent_search) {
        out.push_back(LookupSearch{form.search});
        form.sent_search = form.search;
    }
}

void draw_search_field(const std::string& text, DrawState& state, const Box& box,
                       const char* placeholder, const std::string& key) {
    const float rounding = 0.35f * px();
    fill(box, colour::panel, rounding);
    outline(box, colour::accent, rounding, std::max(2.0f, std::round(px() / 12)));
    ImFont* f = fonts().heading;
    const float y = box.y + (box.h - f->FontSize) / 2;
    if (text.empty()) {
        text_at(fonts().body, {box.x + 0.8f * px(), box.y + (box.h - px()) / 2},
                colour::placeholder, fit(fonts().body, placeholder, box.w - 1.6f * px()));
    } else {
        text_at(f, {box.x + 0.6f * px(), y}, colour::ink, fit(f, text, box.w - 1.2f * px()));
    }
    record_text(state, key, box.min(), box.size());
}

void draw_header(const LookupVm& vm, DrawState& state, Box row, Intents& out) {
    if (button(state, "Back##lookup", row.cut_left(std::round(6 * px()), gap()), Tone::quiet, true,
               "← Back")) {
        out.push_back(BackToSale{});
    }
    LookupForm& form = state.lookup;
    if (button(state, "ABC##lookup", row.cut_right(std::round(4 * px()), gap()),
               form.letters ? Tone::active : Tone::quiet)) {
        form.letters = !form.letters;
    }
    (void)vm;
    draw_search_field(form.search, state, row, "Scan, or type a name, brand or code",
                      "search##lookup");
}

void draw_results(const LookupVm& vm, DrawState& state, Box box, Intents& out) {
    fill(box, colour::panel, 0.3f * px());
    if (vm.results.empty()) {
        text_centred(fonts().body, box.inset(px()), colour::muted,
                     vm.search_text.empty() ? "Scan a shelf label or type to find a product"
                                            : "No product matches");
        return;
    }
    ImGui::SetCursorScreenPos(box.min());
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, {0, 0});
    ImGui::BeginChild("##lookup results", box.size(), false, ImGuiWindowFlags_NoNav);
    const float w = ImGui::GetContentRegionAvail().x;
    const float h = touch() + 0.3f * px();
    const float pad = 0.6f * px();
    for (std::size_t i = 0; i < vm.results.size(); ++i) {
        const LookupResultVm& r = vm.results[i];
        const std::string key = "result:" + std::to_string(i) + "##lookup";
        if (ImGui::InvisibleButton(key.c_str(), {w, h}))
            out.push_back(LookupPick{i});
        record(state, key);
        const ImVec2 min = ImGui::GetItemRectMin();
        const Box rb{min.x, min.y, w, h};
        const bool shown = vm.product && vm.product->code == r.code;
        if (shown || ImGui::IsItemActive())
            fill(rb, colour::selected);
        if (i > 0)
            fill(Box{rb.x + pad, rb.y, rb.w - 2 * pad, 1}, colour::rule);
        const float price_w = text_size(fonts().bold, r.price).x;
        const float top = rb.y + (rb.h - 2.2f * px()) / 2;
        text_at(fonts().bold, {rb.x + pad, top}, colour::ink,
                fit(fonts().bold, r.name, rb.w - 3 * pad - price_w));
        text_at(small_font(), {rb.x + pad, top + 1.2f * px()}, colour::muted,
                fit(small_font(), r.detail, rb.w - 2 * pad));
        text_right(fonts().bold, rb.x + rb.w - pad, top, colour::ink, r.price);
    }
    ImGui::EndChild();
    ImGui::PopStyleVar();
}

void draw_requests(const LookupVm& vm, DrawState& state, Box box) {
    if (vm.requests.empty() || box.h < 3 * px())
        return;
    text_at(fonts().bold, box.cut_top(line_h(fonts().bold)).min(), colour::muted,
            "Requests from this store");
    fill(box, colour::panel, 0.3f * px());
    Box inner = box.inset(0.5f * px());
    ImFont* s = small_font();
    for (std::size_t i = 0; i < vm.requests.size() && inner.h >= 2 * line_h(s); ++i) {
        const StockRequestVm& r = vm.requests[i];
        const Box top = inner.cut_top(line_h(s));
        const float when_w = text_size(s, r.when).x;
        text_at(s, top.min(), colour::ink, fit(s, r.what, top.w - when_w - px()));
        text_right(s, top.x + top.w, top.y, colour::muted, r.when);
        const Box status = inner.cut_top(line_h(s), 0.3f * px());
        text_at(s, status.min(), colour::accent, fit(s, r.status, status.w));
        record_text(state, "request:" + std::to_string(i) + "##lookup", top.min(),
                    {top.w, 2 * top.h});
    }
}

void draw_product(const LookupProductVm& p, DrawState& state, Box& box) {
    ImFont* heading = fonts().heading;
    const Box title = box.cut_top(line_h(heading));
    const float price_w = text_size(heading, p.price).x;
    text_at(heading, title.min(), colour::ink, fit(heading, p.name, title.w - price_w - px()));
    text_right(heading, title.x + title.w, title.y, colour::ink, p.price);
    record_text(state, "price##lookup", {title.x + title.w - price_w, title.y},
                text_size(heading, p.price));
    const std::string about = (p.brand.empty() ? "" : p.brand + "  ·  ") + "Codes " + p.codes;
    text_at(fonts().body, box.cut_top(line_h(fonts().body)).min(), colour::muted,
            fit(fonts().body, about, box.w));
    if (!p.promotion.empty()) {
        const Box row = box.cut_top(line_h(fonts().bold));
        text_at(fonts().bold, row.min(), colour::good,
                fit(fonts().bold, "Promotion: " + p.promotion, row.w));
        record_text(state, "promotion##lookup", row.min(), row.size());
    }
    text_at(
        fonts().body, box.cut_top(line_h(fonts().body), 0.4f * px()).min(), colour::ink,
        fit(fonts().body, "Shelf here: " + (p.location.empty() ? "not known" : p.location), box.w));
}

// One store a row: its name and what it has on hand, then on order, shelf and the figure's age
// (a stale one in the warning colour); Hold / Transfer for the other stores with stock.
void draw_stock(const LookupVm& vm, DrawState& state, Box box) {
    ImFont* s = small_font();
    ImFont* b = fonts().bold;
    const float buttons_w = std::round(9.5f * px());
    const float h = std::round(line_h(b) + line_h(s) + 0.6f * px());
    fill(Box{box.x, box.y, box.w, 1}, colour::rule);
    for (std::size_t i = 0; i < vm.stock.size() && box.h >= h; ++i) {
        const StockRowVm& r = vm.stock[i];
        const Box rb = box.cut_top(h);
        if (r.own)
            fill(rb, colour::selected);
        const float x = rb.x + 0.5f * px();
        const float text_w = rb.w - buttons_w - 1.5f * px();
        const float top = rb.y + 0.3f * px();
        const std::string on_hand = r.on_hand + " on hand";
        const float on_hand_w = text_size(b, on_hand).x;
        text_at(b, {x, top}, colour::ink, fit(b, r.store, text_w - on_hand_w - px()));
        text_right(b, x + text_w, top, colour::ink, on_hand);
        const float y2 = top + line_h(b);
        std::string detail;
        if (!r.on_order.empty())
            detail += "On order " + r.on_order + "  ·  ";
        if (!r.location.empty())
            detail += r.location;
        else if (detail.size() > 6)
            detail.erase(detail.size() - 6);  // the trailing "  ·  " ('·' is two bytes)
        const std::string age = r.stale ? r.age + " (stale)" : r.age;
        const float age_w = text_size(s, age).x;
        text_at(s, {x, y2}, colour::muted, fit(s, detail, text_w - age_w - 0.5f * px()));
        text_right(s, x + text_w, y2, r.stale ? warning_ink : colour::muted, age);
        record_text(state, "stock:" + std::to_string(i) + "##lookup", rb.min(), rb.size());
        if (r.can_request) {
            Box bb{rb.x + rb.w - buttons_w - 0.3f * px(), rb.y + 0.2f * h, buttons_w, 0.6f * h};
            const std::string id = ":" + r.store_code + "##lookup";
            if (button(state, "Hold" + id, bb.cut_left(bb.w / 2 - gap() / 2, gap()), Tone::key,
                       true, "Hold")) {
                state.lookup.request_kind = "hold";
                state.lookup.request_store = r.store_code;
            }
            if (button(state, "Transfer" + id, bb, Tone::key, true, "Transfer")) {
                state.lookup.request_kind = "transfer";
                state.lookup.request_store = r.store_code;
            }
        }
        fill(Box{rb.x, rb.y + rb.h - 1, rb.w, 1}, colour::rule);
    }
}

void close_request(LookupForm& form) {
    form.request_kind.clear();
    form.request_store.clear();
    form.quantity = "1";
    form.note.clear();
    form.field = 0;
}

void draw_request_form(const LookupVm& vm, DrawState& state, Box box, Intents& out) {
    LookupForm& form = state.lookup;
    fill(box, colour::background, 0.3f * px());
    Box inner = box.inset(0.6f * px());
    const std::string title =
        std::string(form.request_kind == "hold" ? "Hold at " : "Transfer from ") +
        form.request_store + (vm.customer_name.empty() ? "" : " for " + vm.customer_name);
    text_at(fonts().bold, inner.cut_top(line_h(fonts().bold), 0.3f * px()).min(), colour::ink,
            fit(fonts().bold, title, inner.w));
    Box fields = inner.cut_top(field_height(), gap());
    if (field_box(state, "quantity##lookup", fields.cut_left(std::round(6 * px()), gap()),
                  "Quantity", form.quantity, "1", form.field == 0))
        form.field = 0;
    if (field_box(state, "note##lookup", fields, "Note (optional)", form.note,
                  "For head office: when, who collects", form.field == 1))
        form.field = 1;
    Box buttons = inner.cut_top(touch());
    if (button(state, "Cancel request##lookup", buttons.cut_left(buttons.w / 3, gap()), Tone::quiet,
               true, "Cancel"))
        close_request(form);
    if (button(state, "Send request##lookup", buttons, Tone::primary, !form.quantity.empty(),
               "Ask head office")) {
        out.push_back(
            RequestStock{form.request_kind, form.request_store, form.quantity, form.note});
        close_request(form);
    }
}

void draw_detail(const LookupVm& vm, DrawState& state, Box box, Intents& out) {
    fill(box, colour::panel, 0.3f * px());
    Box inner = box.inset(0.8f * px());
    if (!vm.product) {
        text_centred(fonts().body, inner, colour::muted,
                     "Pick a product to see its price and its stock in every store");
        return;
    }
    const Box actions = inner.cut_bottom(touch(), gap());
    draw_product(*vm.product, state, inner);
    const Box source = inner.cut_top(line_h(fonts().bold), 0.3f * px());
    text_at(fonts().bold, source.min(), vm.stock_warning ? warning_ink : colour::accent,
            fit(fonts().bold, vm.stock_source, source.w));
    record_text(state, "source##lookup", source.min(), source.size());
    if (!state.lookup.request_store.empty()) {
        draw_request_form(
            vm, state,
            inner.cut_bottom(std::min(inner.h, field_height() + touch() + 3.2f * px()), gap()),
            out);
    }
    draw_stock(vm, state, inner);
    if (button(state, "Live##lookup", actions.cell(2, 1, 0, 0, gap()), Tone::key, vm.can_live,
               vm.can_live ? "Ask head office now" : "Live: not connected"))
        out.push_back(LookupLive{});
    if (button(state, "Add to sale##lookup", actions.cell(2, 1, 1, 0, gap()), Tone::primary,
               vm.can_add)) {
        out.push_back(AddLookedUp{""});
    }
}

// Typed keys: the request form's field while it is open, else the search.
void take_keys(DrawState& state) {
    LookupForm& form = state.lookup;
    if (!form.request_store.empty()) {
        if (form.field == 0)
            type_into(state, form.quantity, 6, Accept::amount, "a quantity");
        else
            type_into(state, form.note, 80, Accept::text, "a note");
        return;
    }
    type_into(state, form.search, 60, Accept::text, "a search");
}

}  // namespace

void draw_lookup(const LookupVm& vm, DrawState& state, const Box& area, Intents& out) {
    take_keys(state);
    LookupForm& form = state.lookup;
    if (!vm.product)
        close_request(form);
    Box rest = area;
    draw_header(vm, state, rest.cut_top(touch(), gap()), out);
    const Box keyboard = form.letters ? rest.cut_bottom(letter_keyboard_height(), gap()) : Box{};
    Box right = rest;
    Box left = right.cut_left(std::round(0.32f * rest.w), 2 * gap());
    const float requests_h = vm.requests.empty() ? 0 : std::min(left.h / 2, 9 * px());
    const Box requests = requests_h > 0 ? left.cut_bottom(requests_h, gap()) : Box{};
    draw_results(vm, state, left, out);
    draw_requests(vm, state, requests);
    draw_detail(vm, state, right, out);
    if (form.letters) {
        std::string& target = form.request_store.empty() ? form.search : form.note;
        letter_keyboard(state, target, keyboard);
    }
    sync_search(vm, form, out);
}

}  // namespace ui::widgets
