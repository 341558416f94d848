// The view-models of the interactions and special orders screens: every string as the clerk
// reads it.
#include "receipts/text_receipt.hpp"
#include "ui/terminal.hpp"
#include "ui/terminal_text.hpp"

namespace ui {

namespace {

std::string days_ago(std::int64_t days) {
    if (days <= 0)
        return "opened today";
    if (days == 1)
        return "opened yesterday";
    return "opened " + std::to_string(days) + " days ago";
}

bool overdue(const pos::Interaction& i, std::int64_t today) {
    return i.status != pos::InteractionStatus::resolved && i.follow_up_day != 0 &&
           i.follow_up_day < today;
}

std::string customer_of(const pos::Interaction& i) {
    return i.customer_name.empty() ? "No customer" : i.customer_name;
}

std::string joined(const std::vector<std::string>& items) {
    std::string text;
    for (const auto& item : items)
        text += (text.empty() ? "" : ", ") + item;
    return text;
}

InteractionRowVm row_of(const pos::Interaction& i, std::int64_t today, int utc_offset) {
    InteractionRowVm row;
    row.id = i.id;
    row.number = i.number;
    row.kind = std::string(pos::title(i.kind));
    row.category = i.category;
    row.customer = customer_of(i);
    row.status = std::string(pos::title(i.status));
    if (i.follow_up_day != 0)
        row.follow_up = "Follow up " + pos::format_day(i.follow_up_day);
    row.age = days_ago(today - pos::local_day(i.opened_at_ms, utc_offset));
    row.overdue = overdue(i, today);
    return row;
}

InteractionDetailVm detail_of(const pos::Interaction& i, std::int64_t today, int utc_offset) {
    InteractionDetailVm d;
    d.id = i.id;
    d.number = i.number;
    d.kind = std::string(pos::title(i.kind));
    d.category = i.category;
    d.customer = customer_of(i);
    d.status = std::string(pos::title(i.status));
    d.status_code = std::string(pos::to_string(i.status));
    d.said = i.said;
    d.done = i.done;
    d.receipt = i.receipt_number;
    d.outcomes = joined(i.outcome_receipts);
    d.handled_by = i.handled_by_name.empty() ? "" : "Handled by " + i.handled_by_name;
    d.opened = "Opened " + receipts::format_local_time(i.opened_at_ms, utc_offset);
    if (i.resolved_at_ms != 0)
        d.opened += " · resolved " + receipts::format_local_time(i.resolved_at_ms, utc_offset);
    d.follow_up = i.follow_up_day == 0 ? "" : pos::format_day(i.follow_up_day);
    d.overdue = overdue(i, today);
    d.resolved = i.status == pos::InteractionStatus::resolved;
    d.can_resolve_with_return = !d.resolved && !i.receipt_number.empty();
    return d;
}

SpecialOrderRowVm order_row(const pos::SpecialOrder& o) {
    using S = pos::SpecialOrderStatus;
    SpecialOrderRowVm row;
    row.number = o.number;
    row.customer = o.customer_name;
    row.item = o.product_name;
    row.quantity = pos::format_quantity(o.quantity, pos::UnitOfSale::each);
    row.total = text::money(o.total);
    row.deposit_held = text::money(o.deposit_held);
    row.balance_due = text::money(pos::balance_due(o));
    row.status = std::string(pos::title(o.status));
    row.expected = o.expected_day == 0 ? "" : pos::format_day(o.expected_day);
    row.can_take_deposit = o.status == S::awaiting_deposit;
    row.can_arrive = o.status == S::ordered;
    row.can_pick_up = o.status == S::ordered || o.status == S::arrived;
    row.can_cancel = o.status != S::collected && o.status != S::cancelled;
    return row;
}

// "20% of the total" from parts per million.
std::string share_text(std::int64_t ppm) {
    const std::int64_t tenths = ppm / 1000;  // per mille
    std::string text = std::to_string(tenths / 10);
    if (tenths % 10 != 0)
        text += "." + std::to_string(tenths % 10);
    return text + "% of the total";
}

}  // namespace

InteractionsVm Terminal::interactions_vm() const {
    InteractionsVm vm;
    vm.title = "Open interactions";
    const std::int64_t day = today();
    std::size_t late = 0;
    for (const auto& i : interaction_desk_.open) {
        auto row = row_of(i, day, services_.utc_offset_minutes);
        row.shown = interaction_desk_.shown && interaction_desk_.shown->id == i.id;
        late += row.overdue ? 1 : 0;
        vm.rows.push_back(std::move(row));
    }
    vm.summary = std::to_string(vm.rows.size()) + " open";
    if (late > 0)
        vm.summary += " · " + std::to_string(late) + " overdue";
    if (interaction_desk_.shown)
        vm.shown = detail_of(*interaction_desk_.shown, day, services_.utc_offset_minutes);
    if (const auto customer = desk_customer())
        vm.customer = customer->name;
    if (completed_)
        vm.receipt = completed_->receipt_number();
    vm.categories = pos::interaction_categories();
    return vm;
}

SpecialOrdersVm Terminal::special_orders_vm() const {
    SpecialOrdersVm vm;
    vm.title = "Special orders";
    for (const auto& o : order_desk_.open)
        vm.rows.push_back(order_row(o));
    vm.min_deposit = share_text(settings_.min_deposit_ppm);
    const auto customer = attached_customer();
    const bool empty = session_ && session_->ticket().state() == pos::TicketState::open &&
                       session_->ticket().lines().empty();
    if (customer)
        vm.customer = customer->name;
    vm.can_create = customer.has_value() && empty;
    if (!customer)
        vm.create_hint = "Attach the customer to the sale first";
    else if (!empty)
        vm.create_hint = "Finish or suspend the sale first: the deposit is paid on its own ticket";
    else
        vm.create_hint = "For " + customer->name + " · deposit at least " + vm.min_deposit;
    return vm;
}

}  // namespace ui
