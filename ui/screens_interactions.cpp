// The store's open interactions (follow-ups first, overdue in red) on the left; the one picked
// on the right with Edit and Resolve with return, or the form of a new one or an edit, with the
// letter keyboard under it.
#include <algorithm>
#include <cfloat>
#include <cmath>

#include "ui/widgets.hpp"

namespace ui::widgets {

namespace {

constexpr std::size_t max_text = 400;

// Fields of the form, in the order the clerk fills them.
enum Field { category = 0, said, done, follow_up, receipt, field_count };

std::string& field_text(InteractionForm& form, int field) {
    switch (field) {
        case said:
            return form.said;
        case done:
            return form.done;
        case follow_up:
            return form.follow_up;
        case receipt:
            return form.receipt;
        default:
            return form.category;
    }
}

void save(const InteractionForm& f, Intents& out) {
    out.push_back(SaveInteraction{f.editing, f.editing.empty() ? f.kind : "", f.category, f.said,
                                  f.done, f.status, f.follow_up, f.receipt});
}

void start_new(const InteractionsVm& vm, InteractionForm& form) {
    form = InteractionForm{};
    form.open = true;
    form.receipt = vm.receipt;
    form.field = said;
}

void start_edit(const InteractionDetailVm& d, InteractionForm& form) {
    form = InteractionForm{};
    form.open = true;
    form.editing = d.id;
    form.category = d.category;
    form.done = d.done;
    form.status = d.status_code;
    form.follow_up = d.follow_up;
    form.receipt = d.receipt;
    form.field = done;
}

void draw_row(const InteractionRowVm& r, const Box& rb) {
    const float pad = 0.6f * px();
    if (r.shown) {
        fill(rb, colour::selected);
        fill(Box{rb.x, rb.y, 0.25f * px(), rb.h}, colour::accent);
    }
    fill(Box{rb.x + pad, rb.y + rb.h - 1, rb.w - 2 * pad, 1}, colour::rule);
    const float top = rb.y + 0.35f * px();
    // Line one: number, kind and category, the status at the right; line two: the customer and
    // age, the follow-up date at the right (red when overdue).
    const float right_w = text_size(fonts().bold, r.status).x;
    const ImVec2 n = text_at(fonts().bold, {rb.x + pad, top}, colour::ink, r.number);
    text_at(fonts().body, {rb.x + 2 * pad + n.x, top}, colour::muted,
            fit(fonts().body, r.kind + " · " + r.category, rb.w - 5 * pad - n.x - right_w));
    text_right(fonts().bold, rb.x + rb.w - pad, top, colour::ink, r.status);
    const float second_top = top + 1.2f * px();
    const std::string& follow = r.follow_up;  // "Follow up 2026-11-25", or empty
    const float follow_w = text_size(fonts().small, follow).x;
    const std::string second = r.customer + " · " + r.age + (r.overdue ? " · OVERDUE" : "");
    const ImU32 ink = r.overdue ? colour::bad : colour::muted;
    text_at(fonts().small, {rb.x + pad, second_top}, ink,
            fit(fonts().small, second, rb.w - 4 * pad - follow_w));
    if (!follow.empty())
        text_right(fonts().small, rb.x + rb.w - pad, second_top, ink, follow);
}

void draw_list(const InteractionsVm& vm, DrawState& state, Box box, Intents& out) {
    fill(box, colour::panel, 0.3f * px());
    if (vm.rows.empty()) {
        text_centred(fonts().heading, box, colour::muted, "No open interactions");
        return;
    }
    ImGui::SetCursorScreenPos(box.min());
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, {0, 0});
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, {0, 0});
    ImGui::BeginChild("##interactions", box.size(), false, ImGuiWindowFlags_NoNav);
    const float w = ImGui::GetContentRegionAvail().x;
    const float h = std::round(touch() + 0.4f * px());
    for (std::size_t i = 0; i < vm.rows.size(); ++i) {
        const std::string key = "interaction:" + std::to_string(i) + "##interactions";
        if (ImGui::InvisibleButton(key.c_str(), {w, h})) {
            state.interaction.open = false;
            out.push_back(PickInteraction{i});
        }
        record(state, key);
        const ImVec2 min = ImGui::GetItemRectMin();
        draw_row(vm.rows[i], Box{min.x, min.y, w, h});
    }
    ImGui::EndChild();
    ImGui::PopStyleVar(2);
}

// "Label: value" wrapped in the box; returns the height used.
float wrapped(Box& box, const char* label, const std::string& value, ImU32 ink = colour::ink) {
    if (value.empty())
        return 0;
    const ImVec2 l = text_at(fonts().bold, box.min(), colour::muted, label);
    ImFont* font = fonts().body;
    const float width = box.w - l.x - 0.4f * px();
    const ImVec2 size = font->CalcTextSizeA(font->FontSize, FLT_MAX, width, value.c_str());
    ImGui::GetWindowDrawList()->AddText(font, font->FontSize, {box.x + l.x + 0.4f * px(), box.y},
                                        ink, value.c_str(), nullptr, width);
    const float used = std::max(l.y, size.y) + 0.3f * px();
    box.cut_top(std::min(used, box.h));
    return used;
}

void draw_detail(const InteractionDetailVm& d, DrawState& state, Box box, Intents& out) {
    Box buttons = box.cut_bottom(touch(), gap());
    fill(box, colour::panel, 0.4f * px());
    outline(box, colour::rule, 0.4f * px(), 1);
    Box in = box.inset(px());
    const Box head = in.cut_top(std::round(1.6f * px()));
    text_at(fonts().heading, head.min(), colour::ink, d.kind + " " + d.number);
    text_right(fonts().bold, head.x + head.w, head.y, d.overdue ? colour::bad : colour::accent,
               d.status);
    wrapped(in, "Category", d.category);
    wrapped(in, "Customer", d.customer);
    wrapped(in, "Said", d.said);
    wrapped(in, "Done", d.done.empty() ? "(nothing yet)" : d.done);
    wrapped(in, "Receipt", d.receipt);
    wrapped(in, "Outcome", d.outcomes);
    wrapped(in, "Follow up", d.follow_up + (d.overdue ? " (overdue)" : ""),
            d.overdue ? colour::bad : colour::ink);
    text_at(fonts().small, in.min(), colour::muted, d.handled_by + "  ·  " + d.opened);
    const Box edit = buttons.cut_left(std::round(0.4f * buttons.w), gap());
    if (button(state, "Edit##interactions", edit, Tone::key, true, "Edit / update"))
        start_edit(d, state.interaction);
    if (button(state, "Resolve with return##interactions", buttons, Tone::primary,
               d.can_resolve_with_return))
        out.push_back(ResolveWithReturn{d.id});
}

std::string form_heading(const InteractionsVm& vm, const InteractionForm& f) {
    if (!f.editing.empty())
        return "Update " + (vm.shown ? vm.shown->number : std::string{});
    return "New interaction" + (vm.customer.empty() ? " (no customer)" : " for " + vm.customer);
}

// The form takes the whole width while it is up (the list comes back on Save or Cancel), so
// that it fits above the letter keyboard: the choices on top, the fields two and three a row.
void draw_form(const InteractionsVm& vm, DrawState& state, Box box) {
    InteractionForm& f = state.interaction;
    Box choices = box.cut_top(std::round(0.8f * touch()), gap());
    const Box statuses = f.editing.empty()
                             ? choices.cut_right(std::round((choices.w - 2 * gap()) / 2), 2 * gap())
                             : choices;
    if (f.editing.empty()) {
        choice_grid(state, choices, 3,
                    {{"inquiry", "Inquiry"}, {"complaint", "Complaint"}, {"request", "Request"}},
                    f.kind, "kind", "interactions");
    }
    choice_grid(state, statuses, 3,
                {{"open", "Open"}, {"waiting", "Waiting"}, {"resolved", "Resolved"}}, f.status,
                "status", "interactions");
    std::vector<Choice> categories;
    for (std::size_t i = 0; i < vm.categories.size() && i < 6; ++i)
        categories.push_back({vm.categories[i], vm.categories[i]});
    if (!categories.empty()) {
        const int cols = static_cast<int>(categories.size());
        choice_grid(state, box.cut_top(choice_grid_height(categories.size(), cols), gap()), cols,
                    categories, f.category, "category", "interactions");
    }
    struct Spec {
        const char* key;
        const char* label;
        const char* hint;
    };
    const Spec specs[field_count] = {
        {"category##interactions", "Category", "or type another"},
        {"said##interactions", "What the customer said", "Type what they said"},
        {"done##interactions", "What was done", "Needed to resolve it"},
        {"follow-up##interactions", "Follow up by", "2026-11-30 or +3"},
        {"receipt##interactions", "Receipt", "T01-000042"}};
    const float fh = field_height();
    Box texts = box.cut_top(fh, gap());
    const Box said_box = texts.cut_left(std::round((texts.w - gap()) / 2), gap());
    Box small = box.cut_top(fh, gap());
    const float third = std::round((small.w - 2 * gap()) / 3);
    const Box category_box = small.cut_left(third, gap());
    const Box follow_up_box = small.cut_left(third, gap());
    const Box boxes[field_count] = {category_box, said_box, texts, follow_up_box, small};
    for (int i = 0; i < field_count; ++i) {
        if (field_box(state, specs[i].key, boxes[i], specs[i].label, field_text(f, i),
                      specs[i].hint, f.field == i))
            f.field = i;
    }
}

// The top bar: Back, the title and + New; Cancel and Save instead of New while the form is up.
void draw_top(const InteractionsVm& vm, DrawState& state, Box top, Intents& out) {
    InteractionForm& f = state.interaction;
    if (button(state, "Back##interactions", top.cut_left(std::round(6 * px()), gap()), Tone::quiet,
               true, "← Back"))
        out.push_back(BackToSale{});
    ImFont* heading = fonts().heading;
    const float heading_y = top.y + (top.h - heading->FontSize) / 2;
    if (f.open) {
        if (button(state, "Save##interactions", top.cut_right(std::round(6 * px()), gap()),
                   Tone::primary)) {
            save(f, out);
            f.open = false;  // as the customer form: a refusal shows in the message bar
        }
        if (button(state, "Cancel##interactions", top.cut_right(std::round(6 * px()), gap()),
                   Tone::quiet))
            f.open = false;
        text_at(heading, {top.x, heading_y}, colour::ink, fit(heading, form_heading(vm, f), top.w));
        return;
    }
    if (button(state, "New##interactions", top.cut_right(std::round(7 * px()), gap()),
               Tone::primary, true, "+ New"))
        start_new(vm, f);
    text_at(heading, {top.x, heading_y}, colour::ink, vm.title);
    text_right(fonts().body, top.x + top.w, top.y + (top.h - px()) / 2, colour::muted, vm.summary);
}

}  // namespace

void draw_interactions(const InteractionsVm& vm, DrawState& state, const Box& area, Intents& out) {
    InteractionForm& f = state.interaction;
    f.field = std::clamp(f.field, 0, field_count - 1);
    if (f.open && type_into(state, field_text(f, f.field), max_text, Accept::text, "the form")) {
        save(f, out);
        f.open = false;
    }
    Box rest = area;
    draw_top(vm, state, rest.cut_top(touch(), gap()), out);
    if (f.open) {
        const Box keys = rest.cut_bottom(letter_keyboard_height(), gap());
        std::string& text = field_text(f, f.field);
        if (letter_keyboard(state, text, keys) == "Enter")
            f.field = (f.field + 1) % field_count;
        clamp_field(text, max_text);
        draw_form(vm, state, rest);
        return;
    }
    const Box right = rest.cut_right(std::round(0.5f * rest.w), 2 * gap());
    draw_list(vm, state, rest, out);
    if (vm.shown)
        draw_detail(*vm.shown, state, right, out);
    else
        text_centred(fonts().body, right, colour::muted,
                     "Tap one to see it all, or + New to record an inquiry, complaint or request" +
                         (vm.customer.empty() ? std::string{} : " for " + vm.customer));
}

}  // namespace ui::widgets
