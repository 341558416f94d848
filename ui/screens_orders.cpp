// Open special orders, one row each with what may be done to it now (Take deposit, Arrived,
// Pick up, Cancel); under them the form that orders an item for the attached customer, with a
// keypad for its fields.
#include <algorithm>
#include <cmath>

#include "ui/widgets.hpp"

namespace ui::widgets {

namespace {

constexpr std::size_t max_field = 24;

std::string& field_text(OrderForm& form, int field) {
    switch (field) {
        case 1:
            return form.quantity;
        case 2:
            return form.deposit;
        case 3:
            return form.expected;
        default:
            return form.code;
    }
}

void create(const OrderForm& f, Intents& out) {
    out.push_back(CreateSpecialOrder{f.code, f.quantity, f.deposit, f.expected, ""});
}

void draw_order_text(const SpecialOrderRowVm& r, Box b) {
    const float pad = 0.6f * px();
    const float top = b.y + 0.3f * px();
    const ImVec2 n = text_at(fonts().bold, {b.x + pad, top}, colour::ink, r.number);
    text_at(fonts().body, {b.x + 2 * pad + n.x, top}, colour::ink,
            fit(fonts().body, r.quantity + " × " + r.item + " · " + r.customer,
                b.w - 3 * pad - n.x - 8 * px()));
    text_right(fonts().bold, b.x + b.w - pad, top, colour::accent, r.status);
    const std::string money = "Total " + r.total + " · deposit held " + r.deposit_held +
                              " · balance " + r.balance_due +
                              (r.expected.empty() ? "" : " · expected " + r.expected);
    text_at(fonts().small, {b.x + pad, top + 1.2f * px()}, colour::muted,
            fit(fonts().small, money, b.w - 2 * pad));
}

void draw_order(const SpecialOrderRowVm& r, DrawState& state, Box b, Intents& out) {
    fill(b, colour::panel, 0.3f * px());
    outline(b, colour::rule, 0.3f * px(), 1);
    Box actions = b.cut_right(std::round(0.48f * b.w), gap()).inset(0.3f * px());
    draw_order_text(r, b);
    const std::string at = ":" + r.number + "##orders";
    const float w = (actions.w - 3 * gap()) / 4;
    if (button(state, "Deposit" + at, actions.cut_left(w, gap()), Tone::key, r.can_take_deposit,
               "Deposit"))
        out.push_back(TakeDeposit{r.number});
    if (button(state, "Arrived" + at, actions.cut_left(w, gap()), Tone::key, r.can_arrive,
               "Arrived"))
        out.push_back(OrderArrived{r.number});
    if (button(state, "Pick up" + at, actions.cut_left(w, gap()), Tone::primary, r.can_pick_up,
               "Pick up"))
        out.push_back(PickUpOrder{r.number});
    if (button(state, "Cancel" + at, actions, Tone::danger, r.can_cancel, "Cancel"))
        out.push_back(CancelOrder{r.number});
}

void draw_list(const SpecialOrdersVm& vm, DrawState& state, Box box, Intents& out) {
    if (vm.rows.empty()) {
        fill(box, colour::panel, 0.3f * px());
        text_centred(fonts().heading, box, colour::muted, "No open special orders");
        return;
    }
    ImGui::SetCursorScreenPos(box.min());
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, {0, 0});
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, {0, gap()});
    ImGui::BeginChild("##orders", box.size(), false, ImGuiWindowFlags_NoNav);
    const float w = ImGui::GetContentRegionAvail().x;
    const float h = std::round(1.3f * touch());
    const ImVec2 start = ImGui::GetCursorScreenPos();
    for (std::size_t i = 0; i < vm.rows.size(); ++i) {  // buttons move the cursor: place rows
        const ImVec2 at{start.x, start.y + static_cast<float>(i) * (h + gap())};
        ImGui::SetCursorScreenPos(at);
        ImGui::Dummy({w, h});
        draw_order(vm.rows[i], state, Box{at.x, at.y, w, h}, out);
    }
    ImGui::EndChild();
    ImGui::PopStyleVar(2);
}

void draw_form(const SpecialOrdersVm& vm, DrawState& state, Box box, Intents& out) {
    OrderForm& f = state.order;
    const Box title = box.cut_top(std::round(1.4f * px()), gap());
    text_at(fonts().bold, title.min(), vm.can_create ? colour::ink : colour::muted,
            fit(fonts().bold, "New special order · " + vm.create_hint, title.w));
    Box row = box.cut_top(field_height(), gap());
    const Box go = row.cut_right(std::round(8 * px()), gap());
    struct Spec {
        const char* key;
        const char* label;
        const char* hint;
        float share;
    };
    const Spec specs[] = {{"code##orders", "Product code", "Scan or key", 0.34f},
                          {"quantity##orders", "Quantity", "1", 0.16f},
                          {"deposit##orders", "Deposit", "the minimum", 0.22f},
                          {"expected##orders", "Expected", "+7 or date", 0.28f}};
    const float w = row.w - 3 * gap();
    for (int i = 0; i < 4; ++i) {
        const Box b = i == 3 ? row : row.cut_left(std::round(specs[i].share * w), gap());
        if (field_box(state, specs[i].key, b, specs[i].label, field_text(f, i), specs[i].hint,
                      f.field == i))
            f.field = i;
    }
    if (button(state, "Create##orders", go, Tone::primary, vm.can_create, "Order + deposit"))
        create(f, out);
    const std::string key = key_grid(
        state, box, 8,
        {"1", "2", "3", "4", "5", "6", "7", "8", "9", "0", ".", "-", "+", "⌫", "Clear", "Next"},
        "##orderkeys");
    std::string& text = field_text(f, f.field);
    if (key == "Clear")
        text.clear();
    else if (key == "⌫")
        pop_utf8(text);
    else if (key == "Next")
        f.field = (f.field + 1) % 4;
    else if (!key.empty())
        text += key;
    clamp_field(text, max_field);
}

}  // namespace

void draw_special_orders(const SpecialOrdersVm& vm, DrawState& state, const Box& area,
                         Intents& out) {
    OrderForm& f = state.order;
    f.field = std::clamp(f.field, 0, 3);
    if (type_into(state, field_text(f, f.field), max_field,
                  f.field == 0 ? Accept::code : Accept::text, "the order form") &&
        vm.can_create)
        create(f, out);
    Box rest = area;
    Box top = rest.cut_top(touch(), gap());
    if (button(state, "Back##orders", top.cut_left(std::round(6 * px()), gap()), Tone::quiet, true,
               "← Back"))
        out.push_back(BackToSale{});
    ImFont* heading = fonts().heading;
    text_at(heading, {top.x, top.y + (top.h - heading->FontSize) / 2}, colour::ink, vm.title);
    text_right(fonts().body, top.x + top.w, top.y + (top.h - px()) / 2, colour::muted,
               vm.customer.empty() ? "No customer attached" : "Customer: " + vm.customer);
    const Box form = rest.cut_bottom(
        std::round(1.4f * px()) + field_height() + 2 * std::round(0.9f * touch()) + 3 * gap(),
        gap());
    draw_list(vm, state, rest, out);
    draw_form(vm, state, form, out);
}

}  // namespace ui::widgets
