// The customer screen: a search field (name, phone, email or card; a scanned card too) over the
// results on the left, or the records a refused save looks like (Use this one, Merge, save
// anyway); on the right the customer's card (contact, consents, points, store credit, purchases,
// interactions; Edit, Attach to sale / Detach) or the New / Edit form.
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

void sync_search(const CustomersVm& vm, CustomerForm& form, Intents& out) {
    if (vm.search_text != form.seen_vm) {  // a scanned card searched on its own
        form.seen_vm = vm.search_text;
        if (vm.search_text != form.sent_search) {
            form.search = vm.search_text;
            form.sent_search = vm.search_text;
        }
    }
    if (form.search != form.sent_search) {
        out.push_back(CustomerSearch{form.search});
        form.sent_search = form.search;
    }
}

void open_form(CustomerForm& form, const CustomerCardVm* card) {
    const std::string search = form.search, sent = form.sent_search, seen = form.seen_vm;
    const bool letters = form.letters;
    form = {};
    form.search = search;
    form.sent_search = sent;
    form.seen_vm = seen;
    form.letters = letters;
    form.editing = true;
    if (card) {
        form.id = card->id;
        form.name = card->name;
        form.phone = card->phone;
        form.email = card->email;
        form.card = card->card;
        form.note = card->note;
        form.consent_email = card->consent_email;
        form.consent_sms = card->consent_sms;
        form.consent_post = card->consent_post;
    }
}

SaveCustomer save_of(const CustomerForm& form, bool different_person) {
    SaveCustomer save;
    save.id = form.id;
    save.name = form.name;
    save.phone = form.phone;
    save.email = form.email;
    save.card = form.card;
    save.note = form.note;
    save.consent_email = form.consent_email;
    save.consent_sms = form.consent_sms;
    save.consent_post = form.consent_post;
    save.different_person = different_person;
    return save;
}

void draw_header(DrawState& state, Box row, Intents& out) {
    CustomerForm& form = state.customer;
    if (button(state, "Back##customers", row.cut_left(std::round(6 * px()), gap()), Tone::quiet,
               true, "← Back")) {
        out.push_back(BackToSale{});
    }
    if (button(state, "New##customers", row.cut_right(std::round(7 * px()), gap()), Tone::key, true,
               "New customer")) {
        open_form(form, nullptr);
        out.push_back(NewCustomer{});
    }
    if (button(state, "ABC##customers", row.cut_right(std::round(4 * px()), gap()),
               form.letters ? Tone::active : Tone::quiet)) {
        form.letters = !form.letters;
    }
    const float rounding = 0.35f * px();
    fill(row, colour::panel, rounding);
    outline(row, form.editing ? colour::rule : colour::accent, rounding,
            std::max(2.0f, std::round(px() / 12)));
    ImFont* f = fonts().heading;
    if (form.search.empty()) {
        text_at(fonts().body, {row.x + 0.8f * px(), row.y + (row.h - px()) / 2},
                colour::placeholder,
                fit(fonts().body, "Name, phone, email or card", row.w - 1.6f * px()));
    } else {
        text_at(f, {row.x + 0.6f * px(), row.y + (row.h - f->FontSize) / 2}, colour::ink,
                fit(f, form.search, row.w - 1.2f * px()));
    }
    ImGui::SetCursorScreenPos(row.min());
    if (ImGui::InvisibleButton("search##customers", row.size()))
        form.editing = false;  // typing goes to the search again
    record(state, "search##customers");
}

// A list row: bold name, small grey detail.
bool list_row(DrawState& state, const std::string& key, const Box& rb, const std::string& name,
              const std::string& detail, bool selected) {
    ImGui::SetCursorScreenPos(rb.min());
    const bool tapped = ImGui::InvisibleButton(key.c_str(), rb.size());
    record(state, key);
    if (selected || ImGui::IsItemActive())
        fill(rb, colour::selected);
    const float pad = 0.6f * px();
    const float top = rb.y + (rb.h - 2.2f * px()) / 2;
    text_at(fonts().bold, {rb.x + pad, top}, colour::ink, fit(fonts().bold, name, rb.w - 2 * pad));
    text_at(small_font(), {rb.x + pad, top + 1.2f * px()}, colour::muted,
            fit(small_font(), detail, rb.w - 2 * pad));
    return tapped;
}

void draw_results(const CustomersVm& vm, DrawState& state, Box box, Intents& out) {
    fill(box, colour::panel, 0.3f * px());
    if (vm.results.empty()) {
        text_centred(fonts().body, box.inset(px()), colour::muted,
                     vm.search_text.empty() ? "Type a name, phone or email, or scan a card"
                                            : "No customer matches: New customer adds one");
        return;
    }
    const float h = touch() + 0.3f * px();
    for (std::size_t i = 0; i < vm.results.size() && box.h >= h; ++i) {
        const CustomerRowVm& r = vm.results[i];
        const bool shown = vm.card && vm.card->id == r.id;
        if (list_row(state, "result:" + std::to_string(i) + "##customers", box.cut_top(h), r.name,
                     r.detail, shown)) {
            out.push_back(PickCustomer{i});
            state.customer.editing = false;
        }
    }
}

void draw_duplicates(const CustomersVm& vm, DrawState& state, Box box, Intents& out) {
    fill(box, colour::panel, 0.3f * px());
    Box inner = box.inset(0.6f * px());
    const std::string head = "Not saved: " + vm.refused_name + " looks like";
    text_at(fonts().bold, inner.cut_top(line_h(fonts().bold)).min(), warning_ink,
            fit(fonts().bold, head, inner.w));
    record_text(state, "duplicates##customers", inner.min(), {inner.w, px()});
    const Box anyway = inner.cut_bottom(touch(), gap());
    const float h = 2.4f * px() + touch() + gap();
    for (std::size_t i = 0; i < vm.duplicates.size() && inner.h >= h; ++i) {
        const DuplicateVm& d = vm.duplicates[i];
        Box rb = inner.cut_top(h, gap());
        fill(rb, colour::background, 0.3f * px());
        const Box text = rb.cut_top(2.4f * px());
        text_at(fonts().bold, {text.x + 0.5f * px(), text.y + 0.1f * px()}, colour::ink,
                fit(fonts().bold, d.name + " (" + d.reason + ")", text.w - px()));
        text_at(small_font(), {text.x + 0.5f * px(), text.y + 1.3f * px()}, colour::muted,
                fit(small_font(), d.detail, text.w - px()));
        const Box buttons = rb.inset(0.2f * px());
        const std::string n = ":" + std::to_string(i) + "##customers";
        if (button(state, "Use this one" + n, buttons.cell(2, 1, 0, 0, gap()), Tone::key,
                   vm.can_attach, "Use this one")) {
            out.push_back(AttachCustomer{d.id});
            state.customer.editing = false;
        }
        if (button(state, "Merge" + n, buttons.cell(2, 1, 1, 0, gap()), Tone::key, true,
                   "Merge into it")) {
            out.push_back(MergeCustomers{d.id, ""});
            state.customer.editing = false;
        }
    }
    if (button(state, "Save anyway##customers", anyway, Tone::quiet, true,
               "Different person, save anyway")) {
        out.push_back(save_of(state.customer, true));
        state.customer.editing = false;
    }
}

void section(DrawState& state, Box& box, const char* title,
             const std::vector<CustomerLineVm>& lines, const std::string& key) {
    ImFont* s = small_font();
    if (box.h < line_h(fonts().bold) + line_h(s))
        return;
    text_at(fonts().bold, box.cut_top(line_h(fonts().bold)).min(), colour::muted, title);
    if (lines.empty()) {
        text_at(s, box.cut_top(line_h(s), 0.3f * px()).min(), colour::muted, "None");
        return;
    }
    for (std::size_t i = 0; i < lines.size() && box.h >= line_h(s); ++i) {
        const CustomerLineVm& l = lines[i];
        const Box r = box.cut_top(line_h(s));
        const float when_w = 6.5f * s->FontSize;
        const float amount_w = text_size(s, l.amount).x;
        text_at(s, r.min(), colour::muted, l.when);
        text_at(s, {r.x + when_w, r.y}, colour::ink,
                fit(s, l.text, r.w - when_w - amount_w - px()));
        text_right(s, r.x + r.w, r.y, colour::ink, l.amount);
        record_text(state, key + std::to_string(i) + "##customers", r.min(), r.size());
    }
    box.cut_top(0.4f * px());
}

void draw_card(const CustomersVm& vm, const CustomerCardVm& c, DrawState& state, Box box,
               Intents& out) {
    fill(box, colour::panel, 0.3f * px());
    Box inner = box.inset(0.8f * px());
    const Box actions = inner.cut_bottom(touch(), gap());
    ImFont* heading = fonts().heading;
    const Box title = inner.cut_top(line_h(heading));
    text_at(heading, title.min(), colour::ink, fit(heading, c.name, title.w));
    record_text(state, "name##customers", title.min(), title.size());
    const auto row = [&](const std::string& label, const std::string& value, const char* key) {
        const Box r = inner.cut_top(line_h(fonts().bold));
        const ImVec2 l = text_at(fonts().body, r.min(), colour::muted, label);
        text_at(fonts().bold, {r.x + l.x + 0.4f * px(), r.y}, colour::ink,
                fit(fonts().bold, value.empty() ? "—" : value, r.w - l.x - px()));
        record_text(state, key, r.min(), r.size());
    };
    row("Phone", c.phone, "phone##customers");
    row("Email", c.email, "email##customers");
    row("Card", c.card, "card##customers");
    row("Contact", c.consents, "consents##customers");
    row("Points", c.points, "points##customers");
    row("Store credit", c.credit, "credit##customers");
    if (!c.note.empty())
        row("Note", c.note, "note##customers");
    inner.cut_top(0.4f * px());
    section(state, inner, "Purchases", c.purchases, "purchase:");
    section(state, inner, "Interactions", c.interactions, "interaction:");
    section(state, inner, "Points", c.movements, "movement:");
    if (button(state, "Edit##customers", actions.cell(3, 1, 0, 0, gap()), Tone::key))
        open_form(state.customer, &c);
    if (c.attached) {
        if (button(state, "Detach##customers", actions.cell(3, 1, 1, 0, gap(), 2), Tone::quiet,
                   true, "Take off this sale"))
            out.push_back(DetachCustomer{});
    } else if (button(state, "Attach##customers", actions.cell(3, 1, 1, 0, gap(), 2), Tone::primary,
                      vm.can_attach, "Attach to sale")) {
        out.push_back(AttachCustomer{c.id});
    }
}

struct FormField {
    std::string CustomerForm::*text;
    const char* key;
    const char* label;
    const char* placeholder;
};
const FormField form_fields[] = {
    {&CustomerForm::name, "name field##customers", "Name", "First and last name"},
    {&CustomerForm::phone, "phone field##customers", "Phone", "+44 20 7946 0958"},
    {&CustomerForm::email, "email field##customers", "Email", "ann@example.com"},
    {&CustomerForm::note, "note field##customers", "Note", "Prefers calls after 5pm"},
};

void draw_form(DrawState& state, Box box, Intents& out) {
    CustomerForm& form = state.customer;
    fill(box, colour::panel, 0.3f * px());
    Box inner = box.inset(0.8f * px());
    text_at(fonts().heading, inner.cut_top(line_h(fonts().heading), 0.3f * px()).min(), colour::ink,
            form.id.empty() ? "New customer" : "Edit " + form.name);
    for (int i = 0; i < 4; ++i) {
        const FormField& f = form_fields[i];
        if (field_box(state, f.key, inner.cut_top(field_height(), gap()), f.label, form.*f.text,
                      f.placeholder, form.field == i))
            form.field = i;
    }
    text_at(fonts().bold, inner.cut_top(line_h(fonts().bold)).min(), colour::muted,
            "May we contact them by");
    const Box consents = inner.cut_top(touch(), gap());
    const struct {
        bool CustomerForm::*flag;
        const char* key;
    } toggles[] = {{&CustomerForm::consent_email, "Email##consent"},
                   {&CustomerForm::consent_sms, "SMS##consent"},
                   {&CustomerForm::consent_post, "Post##consent"}};
    for (int i = 0; i < 3; ++i) {
        bool& on = form.*toggles[i].flag;
        if (button(state, toggles[i].key, consents.cell(3, 1, i, 0, gap()),
                   on ? Tone::active : Tone::quiet))
            on = !on;
    }
    draw_notice(state, inner);
    const Box actions = inner.cut_bottom(touch(), gap());
    if (button(state, "Cancel##customers", actions.cell(3, 1, 0, 0, gap()), Tone::quiet))
        form.editing = false;
    if (button(state, "Save##customers", actions.cell(3, 1, 1, 0, gap(), 2), Tone::primary,
               !form.name.empty())) {
        out.push_back(save_of(form, false));
        form.editing = false;
    }
    // Digits and the signs of a phone or an email, beside the letter keyboard.
    const float keys_h = std::min(inner.h, touch());
    if (keys_h >= 0.8f * touch()) {
        const std::string key = key_grid(
            state, inner.cut_bottom(keys_h, gap()), 14,
            {"1", "2", "3", "4", "5", "6", "7", "8", "9", "0", "+", "@", ".", "⌫"}, "##form keys");
        std::string& text = form.*form_fields[std::clamp(form.field, 0, 3)].text;
        if (key == "⌫")
            pop_utf8(text);
        else if (!key.empty())
            text += key;
    }
}

void take_keys(DrawState& state, Intents& out) {
    CustomerForm& form = state.customer;
    if (!form.editing) {
        type_into(state, form.search, 60, Accept::text, "a search");
        return;
    }
    std::string& text = form.*form_fields[std::clamp(form.field, 0, 3)].text;
    if (type_into(state, text, 80, Accept::text, "this field")) {
        if (form.field < 3)
            ++form.field;
        else if (!form.name.empty()) {
            out.push_back(save_of(form, false));
            form.editing = false;
        }
    }
}

}  // namespace

void draw_customers(const CustomersVm& vm, DrawState& state, const Box& area, Intents& out) {
    take_keys(state, out);
    CustomerForm& form = state.customer;
    Box rest = area;
    draw_header(state, rest.cut_top(touch(), gap()), out);
    const Box keyboard = form.letters ? rest.cut_bottom(letter_keyboard_height(), gap()) : Box{};
    Box right = rest;
    const Box left = right.cut_left(std::round(0.38f * rest.w), 2 * gap());
    if (!vm.duplicates.empty()) {
        draw_duplicates(vm, state, left, out);
    } else {
        draw_results(vm, state, left, out);
    }
    if (form.editing) {
        draw_form(state, right, out);
    } else if (vm.card) {
        draw_card(vm, *vm.card, state, right, out);
    } else {
        fill(right, colour::panel, 0.3f * px());
        text_centred(fonts().body, right.inset(px()), colour::muted,
                     "Find a customer, or add a new one");
    }
    if (form.letters) {
        std::string& target =
            form.editing ? form.*form_fields[std::clamp(form.field, 0, 3)].text : form.search;
        letter_keyboard(state, target, keyboard);
    }
    sync_search(vm, form, out);
}

}  // namespace ui::widgets
