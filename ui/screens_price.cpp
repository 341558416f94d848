// A price override on the sale screen: the new unit price keyed on its own keypad, in place of
// the scan field and keypad. The ticket stays in view beside it, the line being changed selected.
// When the clerk may not change prices alone, the Terminal then asks for an approval (the
// approval dialog, screens_approval.cpp).
#include <algorithm>
#include <cmath>

#include "ui/widgets.hpp"

namespace ui::widgets {

namespace {

constexpr std::size_t max_price = 9;

bool can_set(const SaleVm& vm, const PriceForm& form) {
    return vm.can_edit_line && !form.price.empty() && form.price != ".";
}

void set_price(const SaleVm& vm, DrawState& state, Intents& out) {
    if (!can_set(vm, state.price)) {
        return;
    }
    OverridePrice intent;
    intent.unit_price = state.price.price;
    out.push_back(intent);
    state.price = {};
}

}  // namespace

void take_price_keyboard(const SaleVm& vm, DrawState& state, Intents& out) {
    if (type_into(state, state.price.price, max_price, Accept::amount, "a price")) {
        set_price(vm, state, out);
    }
}

void draw_price_panel(const SaleVm& vm, DrawState& state, Box box, Intents& out) {
    PriceForm& form = state.price;
    fill(box, colour::panel, 0.4f * px());
    Box inner = box.inset(gap());
    ImFont* heading = fonts().heading;
    const Box title = inner.cut_top(heading ? heading->FontSize : px(), gap());
    text_at(heading, title.min(), colour::ink, fit(heading, "Price override", title.w));
    field_box(state, "price##price", inner.cut_top(field_height(), gap()), "New unit price",
              form.price, "0.00", true);
    draw_notice(state, inner);

    const Box bottom = inner.cut_bottom(std::round(1.2f * touch()), gap());
    number_keypad(state, form.price, inner, true, "##price");
    clamp_field(form.price, max_price);

    if (button(state, "Cancel##price", bottom.cell(3, 1, 0, 0, gap()), Tone::quiet)) {
        state.price = {};
        return;
    }
    if (button(state, "Set price##price", bottom.cell(3, 1, 1, 0, gap(), 2), Tone::primary,
               can_set(vm, form), nullptr, fonts().heading)) {
        set_price(vm, state, out);
    }
}

}  // namespace ui::widgets
