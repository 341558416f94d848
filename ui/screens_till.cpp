// The till screen. Closed: Open till. Open: what the shift did (float, tickets, movements) on
// the left, and Paid in, Paid out, Drop, Pickup and Close till on the right. The float and the
// close are counted by denomination on a grid of notes and coins with a keypad; the close is
// blind (nothing expected is shown until it is done), then its figures per tender replace the
// shift. A movement is an amount on the keypad and a reason from the presets or the keyboard.
#include <algorithm>
#include <cmath>

#include "ui/widgets.hpp"

namespace ui::widgets {

namespace {

constexpr std::size_t max_count = 5;    // digits of one denomination's count
constexpr std::size_t max_amount = 10;  // an amount keyed
constexpr std::size_t max_reason = 80;

struct Mover {
    const char* code;  // pos::to_string(CashMovementKind)
    const char* label;
    pos::CashMovementKind kind;
};
constexpr Mover movers[] = {{"paid_in", "Paid in", pos::CashMovementKind::paid_in},
                            {"paid_out", "Paid out", pos::CashMovementKind::paid_out},
                            {"drop", "Drop", pos::CashMovementKind::drop},
                            {"pickup", "Pickup", pos::CashMovementKind::pickup}};

const Mover* mover_of(const TillForm& f) {
    for (const Mover& m : movers) {
        if (f.panel == std::string("move:") + m.code)
            return &m;
    }
    return nullptr;
}

bool counting_panel(const TillForm& f) {
    return f.panel == "open" || f.panel == "close";
}

// The count as pos::parse_cash_count reads it: "50.00x2 20.00x5"; "0" for an empty drawer.
std::string count_text(const TillVm& vm, const TillForm& f) {
    std::string text;
    for (const DenominationVm& d : vm.denominations) {
        const auto found = f.counts.find(d.value_minor);
        if (found == f.counts.end() || found->second.empty() ||
            found->second.find_first_not_of('0') == std::string::npos)
            continue;
        text += (text.empty() ? "" : " ") + d.label + "x" + found->second;
    }
    return text.empty() ? "0" : text;
}

// The counted total in minor units, for the line under the grid (not an expected figure).
std::int64_t counted_minor(const TillForm& f) {
    std::int64_t total = 0;
    for (const auto& [value, count] : f.counts) {
        if (!count.empty())
            total += value * std::stoll(count);
    }
    return total;
}

std::string minor_text(std::int64_t minor, const TillVm& vm) {
    // The denominations' labels give the currency's decimals: "0.01" has two.
    const std::string& smallest = vm.denominations.empty() ? "0.01" : vm.denominations.back().label;
    const auto point = smallest.find('.');
    const int decimals =
        point == std::string::npos ? 0 : static_cast<int>(smallest.size() - point - 1);
    std::int64_t unit = 1;
    for (int i = 0; i < decimals; ++i)
        unit *= 10;
    std::string text = std::to_string(minor / unit);
    if (decimals > 0) {
        std::string cents = std::to_string(minor % unit);
        text += "." + std::string(static_cast<std::size_t>(decimals) - cents.size(), '0') + cents;
    }
    return text;
}

void start(TillForm& f, const std::string& panel, const TillVm& vm) {
    f = TillForm{};
    f.panel = panel;
    f.counting = vm.denominations.empty() ? 0 : vm.denominations.front().value_minor;
    f.movements_before = vm.movements.size();
}

void send(const TillVm& vm, TillForm& f, Intents& out) {
    if (f.panel == "open") {
        out.push_back(OpenTill{count_text(vm, f)});
    } else if (f.panel == "close") {
        out.push_back(CloseTill{count_text(vm, f), f.card_total});
    } else if (const Mover* m = mover_of(f)) {
        out.push_back(MoveCash{m->kind, f.amount, f.reason});
    }
    f.movements_before = vm.movements.size();
}

// The panel closes once the view shows what it sent done.
void close_when_done(const TillVm& vm, TillForm& f) {
    const bool done = (f.panel == "open" && vm.open) || (f.panel == "close" && !vm.open) ||
                      (mover_of(f) && (!vm.open || vm.movements.size() > f.movements_before));
    if (done)
        f = TillForm{};
}

std::string& keyed_field(TillForm& f) {
    if (mover_of(f))
        return f.reason_field ? f.reason : f.amount;
    return f.counting == 0 ? f.card_total : f.counts[f.counting];
}

void take_keyboard(const TillVm& vm, DrawState& state, Intents& out) {
    TillForm& f = state.till;
    if (f.panel.empty())
        return;
    const bool text = mover_of(f) && f.reason_field;
    const bool amount = mover_of(f) || f.counting == 0;
    const std::size_t max = text ? max_reason : amount ? max_amount : max_count;
    const Accept accept = text ? Accept::text : amount ? Accept::amount : Accept::digits;
    if (type_into(state, keyed_field(f), max, accept, "the till form"))
        send(vm, f, out);
}

// --- The main view ---

// `text` wrapped to the box's width at its top; the box shrinks by the height used.
void wrapped(Box& in, ImFont* font, ImU32 ink, const std::string& text) {
    if (text.empty())
        return;
    const ImVec2 size = font->CalcTextSizeA(font->FontSize, 1e9f, in.w, text.c_str());
    ImGui::GetWindowDrawList()->AddText(font, font->FontSize, in.min(), ink, text.c_str(), nullptr,
                                        in.w);
    in.cut_top(std::min(in.h, size.y + 0.5f * px()));
}

void draw_movements(const TillVm& vm, DrawState& state, Box box) {
    if (vm.movements.empty()) {
        text_centred(fonts().body, box, colour::muted,
                     "No cash in or out yet: paid-ins, paid-outs, drops and pickups show here");
        return;
    }
    ImGui::SetCursorScreenPos(box.min());
    ImGui::BeginChild("##till-movements", box.size(), false, ImGuiWindowFlags_NoNav);
    const float pad = 0.5f * px();
    const float w = ImGui::GetContentRegionAvail().x;
    const float h = std::round(2.4f * px());
    for (std::size_t i = 0; i < vm.movements.size(); ++i) {
        const CashMovementVm& m = vm.movements[i];
        const ImVec2 at = ImGui::GetCursorScreenPos();
        ImGui::Dummy({w, h});
        const Box rb{at.x, at.y, w, h};
        fill(Box{rb.x, rb.y + rb.h - 1, rb.w, 1}, colour::rule);
        const ImVec2 t = text_at(fonts().bold, {rb.x + pad, rb.y + 0.2f * px()}, colour::ink,
                                 m.time + "  " + m.kind);
        const bool out_of_drawer = m.kind != "Paid in";
        text_right(fonts().bold, rb.x + rb.w - pad, rb.y + 0.2f * px(),
                   out_of_drawer ? colour::refund : colour::good,
                   (out_of_drawer ? "-" : "+") + m.amount);
        const std::string second = m.reason.empty() ? m.who : m.reason + " · " + m.who;
        text_at(fonts().small, {rb.x + pad, rb.y + 0.25f * px() + t.y}, colour::muted,
                fit(fonts().small, second, rb.w - 2 * pad));
        record_text(state, "movement:" + std::to_string(i) + "##till", rb.min(), rb.size());
    }
    ImGui::EndChild();
}

void draw_shift(const TillVm& vm, DrawState& state, Box box) {
    fill(box, colour::panel, 0.4f * px());
    Box in = box.inset(px());
    wrapped(in, fonts().body, colour::ink, vm.opened);
    record_text(state, "activity##till", in.min(), text_size(fonts().bold, vm.activity));
    wrapped(in, fonts().bold, colour::muted, vm.activity);
    in.cut_top(std::min(in.h, 0.3f * px()));
    draw_movements(vm, state, in);
}

void draw_close(const TillCloseVm& c, DrawState& state, Box box) {
    fill(box, colour::panel, 0.4f * px());
    outline(box, colour::rule, 0.4f * px(), 1);
    Box in = box.inset(px());
    ImFont* title = text_size(fonts().heading, c.title).x <= in.w ? fonts().heading : fonts().bold;
    text_at(title, in.min(), colour::ink, fit(title, c.title, in.w));
    in.cut_top(2 * px());
    const float col = std::round(in.w / 4);
    // Tender on the left, the three amounts right-aligned in their columns.
    auto columns = [&](const Box& r, ImFont* font, ImU32 ink, ImU32 last,
                       const std::string* cells) {
        text_at(font, r.min(), ink, cells[0]);
        for (int i = 1; i < 4; ++i)
            text_right(font, r.x + col * static_cast<float>(i + 1), r.y, i == 3 ? last : ink,
                       cells[i]);
    };
    const std::string head[] = {"Tender", "Expected", "Counted", "Difference"};
    columns(in.cut_top(1.5f * px()), fonts().bold, colour::muted, colour::muted, head);
    fill(in.cut_top(0.4f * px()).cut_top(1), colour::rule);
    for (std::size_t i = 0; i < c.tenders.size(); ++i) {
        const TillDifferenceVm& t = c.tenders[i];
        const ImU32 ink = t.short_ ? colour::bad : t.over ? colour::accent : colour::good;
        const Box r = in.cut_top(1.6f * px());
        const std::string cells[] = {t.tender, t.expected, t.counted, t.difference};
        columns(r, fonts().bold, colour::ink, ink, cells);
        record_text(state, "difference:" + t.tender + "##till", {r.x + 3 * col, r.y},
                    {col, 1.2f * px()});
    }
    in.cut_top(0.6f * px());
    wrapped(in, fonts().bold, colour::ink, c.summary);
    wrapped(in, fonts().body, colour::accent, c.approval);
    wrapped(in, fonts().small, colour::muted,
            "Counted: " + (c.count.empty() ? "nothing" : c.count));
}

void draw_actions(const TillVm& vm, DrawState& state, Box box, Intents& out) {
    TillForm& f = state.till;
    if (!vm.open) {
        const Box open = box.cut_top(std::round(1.6f * touch()), gap());
        if (button(state, "Open till##till", open, Tone::primary, vm.can_open))
            start(f, "open", vm);
        if (vm.last_close && button(state, "Print slip##till", box.cut_top(touch(), gap()),
                                    Tone::key, true, "Print the close slip again"))
            out.push_back(PrintTillClose{});
        text_centred(fonts().body, box, colour::muted,
                     "Count the float by denomination, then Open till");
        return;
    }
    const float h = std::round(1.4f * touch());
    const Box grid = box.cut_top(2 * h + gap(), gap());
    for (int i = 0; i < 4; ++i) {
        const Mover& m = movers[i];
        if (button(state, std::string(m.label) + "##till", grid.cell(2, 2, i % 2, i / 2, gap()),
                   Tone::key, vm.can_move))
            start(f, std::string("move:") + m.code, vm);
    }
    if (button(state, "Close till##till", box.cut_top(h, gap()), Tone::primary, vm.can_close))
        start(f, "close", vm);
    text_centred(fonts().body, box, colour::muted,
                 vm.can_close ? "Close till: count the drawer by denomination; the expected "
                                "figures show once the count is in"
                              : "Finish the open sale before closing the till");
}

// --- The count (float and close) ---

void draw_denominations(const TillVm& vm, DrawState& state, const Box& box) {
    TillForm& f = state.till;
    const int cols = 3;
    const int n = static_cast<int>(vm.denominations.size());
    const int rows = std::max(1, (n + cols - 1) / cols);
    for (int i = 0; i < n; ++i) {
        const DenominationVm& d = vm.denominations[static_cast<std::size_t>(i)];
        const std::string& count = f.counts[d.value_minor];
        const std::string note =
            count.empty()
                ? (d.coin ? "coin" : "note")
                : "× " + count + " = " + minor_text(d.value_minor * std::stoll(count), vm);
        const std::string key = "denom:" + std::to_string(d.value_minor) + "##till";
        if (button_with_note(state, key, box.cell(cols, rows, i % cols, i / cols, gap()),
                             f.counting == d.value_minor ? Tone::active : Tone::key, true, d.label,
                             note))
            f.counting = d.value_minor;
    }
}

void draw_count(const TillVm& vm, DrawState& state, Box box) {
    TillForm& f = state.till;
    const bool close = f.panel == "close";
    Box left = box.cut_left(std::round(0.6f * box.w), 2 * gap());
    if (close) {
        const Box card = left.cut_bottom(field_height(), gap());
        if (field_box(state, "card##till", card, "Card batch total (from the card terminal)",
                      f.card_total, "0.00", f.counting == 0))
            f.counting = 0;
    }
    const Box total = left.cut_bottom(std::round(1.5f * px()), gap());
    const std::string counted = "Cash counted: " + minor_text(counted_minor(f), vm);
    text_at(fonts().heading, total.min(), colour::ink, counted);
    record_text(state, "counted##till", total.min(), text_size(fonts().heading, counted));
    draw_denominations(vm, state, left);
    const Box hint = box.cut_top(std::round(1.6f * px()), gap());
    std::string keying = "Keying the card total";
    for (const DenominationVm& d : vm.denominations) {
        if (d.value_minor == f.counting)
            keying = "How many " + d.label + (d.coin ? " coins" : " notes") + "?";
    }
    text_at(fonts().bold, hint.min(), colour::accent, fit(fonts().bold, keying, hint.w));
    const float keys_h = std::min(box.h, 4 * std::round(1.2f * touch()) + 3 * gap());
    number_keypad(state, keyed_field(f), box.cut_top(keys_h), f.counting == 0, "##till-keys");
    clamp_field(keyed_field(f), f.counting == 0 ? max_amount : max_count);
}

// --- A movement ---

void draw_movement(DrawState& state, Box box) {
    TillForm& f = state.till;
    const Mover* m = mover_of(f);
    std::string kind = m->code;
    choice_grid(
        state, box.cut_top(choice_grid_height(4, 4), gap()), 4,
        {{"paid_in", "Paid in"}, {"paid_out", "Paid out"}, {"drop", "Drop"}, {"pickup", "Pickup"}},
        kind, "kind", "till");
    if (kind != m->code) {
        f.panel = "move:" + kind;
        f.reason.clear();
    }
    if (f.reason_field) {
        const Box keys = box.cut_bottom(letter_keyboard_height(), gap());
        if (letter_keyboard(state, f.reason, keys) == "Enter")
            f.reason_field = false;
        clamp_field(f.reason, max_reason);
    }
    Box left = f.reason_field ? box : box.cut_left(std::round(0.6f * box.w), 2 * gap());
    Box fields = left.cut_top(field_height(), gap());
    const Box amount_box = fields.cut_left(std::round(0.4f * fields.w), gap());
    if (field_box(state, "amount##till", amount_box, "Amount", f.amount, "0.00", !f.reason_field))
        f.reason_field = false;
    const bool needs_reason = kind == "paid_in" || kind == "paid_out";
    if (field_box(state, "reason##till", fields, needs_reason ? "Reason" : "Note (optional)",
                  f.reason, "Tap to type", f.reason_field))
        f.reason_field = true;
    if (needs_reason) {
        const std::vector<Choice> presets =
            kind == "paid_out" ? std::vector<Choice>{{"Window cleaner", "Window cleaner"},
                                                     {"Postage", "Postage"},
                                                     {"Staff milk", "Staff milk"},
                                                     {"Shop supplies", "Shop supplies"}}
                               : std::vector<Choice>{{"Float top-up", "Float top-up"},
                                                     {"Change from bank", "Change from bank"},
                                                     {"Refund from supplier", "From supplier"},
                                                     {"Other", "Other"}};
        choice_grid(state, left.cut_top(choice_grid_height(4, 2), gap()), 2, presets, f.reason,
                    "reason", "till");
    }
    if (!f.reason_field) {
        const float keys_h = std::min(box.h, 4 * std::round(1.2f * touch()) + 3 * gap());
        number_keypad(state, f.amount, box.cut_top(keys_h), true, "##till-keys");
        clamp_field(f.amount, max_amount);
    }
}

std::string form_heading(const TillForm& f) {
    if (f.panel == "open")
        return "Count the float";
    if (f.panel == "close")
        return "Blind count: the drawer";
    const Mover* m = mover_of(f);
    return m ? m->label : "";
}

void draw_top(const TillVm& vm, DrawState& state, Box top, Intents& out) {
    TillForm& f = state.till;
    ImFont* heading = fonts().heading;
    const float heading_y = top.y + (top.h - heading->FontSize) / 2;
    if (!f.panel.empty()) {
        const char* action = f.panel == "open"    ? "Open till"
                             : f.panel == "close" ? "Close till"
                                                  : "Record";
        if (button(state, std::string(action) + "##till-form",
                   top.cut_right(std::round(7 * px()), gap()), Tone::primary))
            send(vm, f, out);
        if (button(state, "Cancel##till", top.cut_right(std::round(6 * px()), gap()), Tone::quiet))
            f = TillForm{};
        text_at(heading, {top.x, heading_y}, colour::ink, fit(heading, form_heading(f), top.w));
        return;
    }
    if (button(state, "Back##till", top.cut_left(std::round(6 * px()), gap()), Tone::quiet, true,
               "← Back"))
        out.push_back(BackToSale{});
    text_at(heading, {top.x, heading_y}, vm.open ? colour::good : colour::ink, vm.title);
}

}  // namespace

void draw_till(const TillVm& vm, DrawState& state, const Box& area, Intents& out) {
    TillForm& f = state.till;
    close_when_done(vm, f);
    take_keyboard(vm, state, out);
    Box rest = area;
    draw_top(vm, state, rest.cut_top(touch(), gap()), out);
    if (counting_panel(f)) {
        draw_count(vm, state, rest);
        return;
    }
    if (mover_of(f)) {
        draw_movement(state, rest);
        return;
    }
    const Box right = rest.cut_right(std::round(0.4f * rest.w), 2 * gap());
    draw_actions(vm, state, right, out);
    if (vm.last_close && !vm.open)
        draw_close(*vm.last_close, state, rest);
    else if (vm.open)
        draw_shift(vm, state, rest);
    else
        text_centred(fonts().heading, rest, colour::muted, "The till is closed");
}

}  // namespace ui::widgets
