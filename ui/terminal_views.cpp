// The Terminal's view-models: what each screen shows, every string already formatted.
#include <algorithm>

#include "receipts/text_receipt.hpp"
#include "ui/terminal.hpp"
#include "ui/terminal_text.hpp"

namespace ui {

std::string Terminal::money_text(const pos::Money& amount) const {
    return text::money(amount);
}

namespace {

// The print queue's problem: a job waiting (paper out, cover open, no printer) or failed.
std::optional<PrintBannerVm> print_banner(DeviceHub& devices) {
    if (const auto problem = devices.print_queue().problem())
        return PrintBannerVm{problem->job, problem->message, problem->can_retry};
    return std::nullopt;
}

}  // namespace

FrameVm Terminal::view() const {
    FrameVm frame;
    switch (screen_) {
        case Screen::login:
            frame.screen = login_vm();
            break;
        case Screen::sale:
            frame.screen = sale_vm();
            break;
        case Screen::tender:
            frame.screen = tender_vm();
            break;
        case Screen::completed:
            frame.screen = completed_vm();
            break;
        case Screen::suspended:
            frame.screen = suspended_vm();
            break;
        case Screen::returns:
            frame.screen = return_vm();
            break;
        case Screen::ticket_search:
            frame.screen = ticket_search_vm();
            break;
        case Screen::devices:
            frame.screen = devices_vm();
            break;
        case Screen::sync:
            frame.screen = sync_vm();
            break;
        case Screen::lookup:
            frame.screen = lookup_vm();
            break;
        case Screen::customers:
            frame.screen = customers_vm();
            break;
        case Screen::interactions:
            frame.screen = interactions_vm();
            break;
        case Screen::special_orders:
            frame.screen = special_orders_vm();
            break;
        case Screen::till:
            frame.screen = till_vm();
            break;
        case Screen::reports:
            frame.screen = reports_vm();
            break;
        case Screen::dashboard:
            frame.screen = dashboard_vm();
            break;
    }
    frame.approval = approval_vm();
    frame.message = message_;
    frame.status_line = status_line();
    frame.print_banner = print_banner(services_.devices);
    frame.drawer_open = services_.devices.drawer_open().value_or(false);
    frame.sync = sync_bar_vm();
    return frame;
}

std::string Terminal::status_line() const {
    std::string line = settings_.store_name + "  ·  Terminal " + settings_.terminal_id;
    if (user_)
        line += "  ·  " + user_->name;
    const std::string time =
        receipts::format_local_time(services_.clock.now_ms(), services_.utc_offset_minutes);
    return line + "  ·  " + time.substr(11);
}

LoginVm Terminal::login_vm() const {
    LoginVm vm;
    vm.store_name = settings_.store_name;
    for (const auto& user : staff_)
        vm.users.push_back({user.code, user.name, std::string(pos::role_title(user.role))});
    return vm;
}

namespace {

TicketLineVm line_vm(const pos::TicketLine& line, bool selected) {
    TicketLineVm vm;
    vm.name = line.name;
    vm.quantity = text::quantity(line.quantity, line.unit);
    vm.unit_price = text::unit_price(line.unit_price, line.unit) + (line.price_override ? "*" : "");
    vm.amount = line.voided ? "VOID" : pos::format_amount(line.amounts.gross);
    vm.tax_code = line.tax.code;
    vm.voided = line.voided;
    vm.selected = selected;
    if (line.returned) {
        vm.is_return = true;
        vm.return_note = text::return_note(*line.returned);
    }
    std::vector<std::string> parts;
    if (!line.voided && !line.promotion_saving.is_zero()) {
        parts.push_back(line.promotion + "  -" + pos::format_amount(line.promotion_saving));
    }
    if (!line.voided && !line.discount_amount.is_zero()) {
        parts.push_back("Discount  -" + pos::format_amount(line.discount_amount));
    }
    for (const auto& p : parts)
        vm.saving += (vm.saving.empty() ? "" : "   ") + p;
    return vm;
}

}  // namespace

SaleVm Terminal::sale_vm() const {
    SaleVm vm;
    const auto& t = session_->ticket();
    for (std::size_t i = 0; i < t.lines().size(); ++i) {
        vm.lines.push_back(line_vm(t.lines()[i], selected_ == i));
    }
    const std::int64_t items = t.item_count();
    vm.item_count = std::to_string(items) + (items == 1 ? " item" : " items");
    const auto totals = t.totals();
    vm.subtotal = pos::format_amount(totals.net);
    vm.tax = pos::format_amount(totals.tax);
    const pos::Money saved = totals.savings + totals.discounts;
    if (!saved.is_zero())
        vm.savings = "-" + pos::format_amount(saved);
    vm.total = money_text(totals.total);
    const bool open = t.state() == pos::TicketState::open;
    vm.can_pay = open && t.live_line_count() > 0;
    vm.can_edit_line = open && selected_ && !t.lines()[*selected_].voided;
    vm.can_suspend = vm.can_pay;
    vm.can_resume = open && t.lines().empty() && suspended_count_ > 0;
    vm.can_return = open;
    vm.kind = text::kind_label(t.kind());
    vm.refund_due = totals.total.is_negative();
    if (suspended_count_ > 0)
        vm.suspended_count = std::to_string(suspended_count_) + " suspended";
    vm.search_text = search_text_;
    for (const auto& p : results_) {
        vm.search_results.push_back({p.code, p.name, text::unit_price(p.unit_price, p.unit)});
    }
    vm.customer = customer_badge();
    vm.suggestions = suggestions();
    return vm;
}

TenderVm Terminal::tender_vm() const {
    TenderVm vm;
    const auto& t = session_->ticket();
    const auto totals = t.totals();
    const pos::Money cash_due = session_->cash_due();
    vm.total = money_text(totals.total);
    vm.due = money_text(totals.due);
    vm.due_amount = pos::format_amount(totals.due);
    vm.cash_due = money_text(cash_due);
    for (const auto& p : t.payments()) {
        vm.payments.push_back({pos::payment_label(p), pos::format_amount(p.amount)});
    }
    vm.can_go_back = t.payments().empty();
    if (totals.due.is_negative()) {  // money goes back: no notes to offer
        vm.refund = true;
        vm.refund_due = money_text(-totals.due);
        vm.refund_options = refund_options();
        return vm;
    }
    add_customer_tender(vm);
    vm.quick_cash.push_back(pos::format_amount(cash_due));  // exact
    // The next few notes above the amount due, in major units.
    std::int64_t unit = 1;
    for (int i = 0; i < cash_due.currency().exponent; ++i)
        unit *= 10;
    for (std::int64_t note : {5, 10, 20, 50, 100, 200, 500}) {
        const pos::Money cash(note * unit, cash_due.currency());
        if (cash > cash_due && vm.quick_cash.size() < 4) {
            vm.quick_cash.push_back(pos::format_amount(cash));
        }
    }
    return vm;
}

CompletedVm Terminal::completed_vm() const {
    const auto& t = *completed_;
    const auto totals = t.totals();
    static const auto title = [](pos::TicketKind kind) -> std::string {
        switch (kind) {
            case pos::TicketKind::refund:
                return "Refund complete";
            case pos::TicketKind::exchange:
                return "Exchange complete";
            case pos::TicketKind::post_void:
                return "Post-void complete";
            case pos::TicketKind::sale:
                break;
        }
        return "Sale complete";
    };
    // A refund's payments are negative: what went back is the negated total.
    const bool refunded = totals.total.is_negative();
    CompletedVm vm;
    vm.title = title(t.kind());
    vm.receipt_number = t.receipt_number();
    vm.total = money_text(totals.total);
    vm.paid = money_text(t.tendered());
    vm.change = money_text(t.change_given());
    vm.receipt_text = receipt_text_;
    vm.print_status = print_status_text();
    vm.refunded = refunded ? money_text(-totals.total) : std::string();
    vm.preview = preview_;
    vm.preview_title = preview_title_;
    vm.can_reprint = true;
    vm.can_gift = can_gift(t);
    return vm;
}

SuspendedListVm Terminal::suspended_vm() const {
    SuspendedListVm vm;
    for (const auto& s : services_.store.suspended().list()) {
        const std::string when =
            receipts::format_local_time(s.suspended_at_ms, services_.utc_offset_minutes).substr(11);
        const std::string items =
            std::to_string(s.line_count) + (s.line_count == 1 ? " line" : " lines");
        vm.tickets.push_back(
            {s.ticket_id, s.label.empty() ? "(no label)" : s.label,
             s.clerk_name + " · " + when + " · " + items + " · " + money_text(s.total)});
    }
    return vm;
}

}  // namespace ui
