// The view-model of the till screen. While the till is open it shows what happened (float,
// movements, tickets) but never the expected cash: the close is blind. The expected figures
// appear only with the close's result.
#include "pos/till_report.hpp"
#include "receipts/text_receipt.hpp"
#include "ui/terminal.hpp"
#include "ui/terminal_text.hpp"

namespace ui {

namespace {

std::string clock_time(std::int64_t at_ms, int utc_offset) {
    const std::string local = receipts::format_local_time(at_ms, utc_offset);
    return local.size() > 11 ? local.substr(11) : local;
}

std::int64_t major_unit(const pos::Currency& currency) {
    std::int64_t unit = 1;
    for (int i = 0; i < currency.exponent; ++i)
        unit *= 10;
    return unit;
}

// Coins are what is worth less than the smallest note: 5 in most currencies, 1 for the dollar.
bool is_coin(std::int64_t value_minor, const pos::Currency& currency) {
    const std::int64_t smallest_note = currency.iso() == "USD" ? 1 : 5;
    return value_minor < smallest_note * major_unit(currency);
}

std::string plural(std::int64_t n, const char* one, const char* many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
}

TillDifferenceVm difference_of(const pos::TenderDifference& d) {
    const pos::Money diff = d.difference();
    TillDifferenceVm vm;
    vm.tender = pos::tender_label(d.method);
    vm.expected = pos::format_amount(d.expected);
    vm.counted = pos::format_amount(d.counted);
    vm.difference = (diff.minor() > 0 ? "+" : "") + pos::format_amount(diff);
    vm.over = diff.minor() > 0;
    vm.short_ = diff.minor() < 0;
    return vm;
}

// What the approver accepted: a short, an over, or (balanced) a recount after the difference
// was shown.
std::string accepted_what(const std::vector<pos::TenderDifference>& tenders) {
    bool over = false;
    for (const auto& d : tenders) {
        if (d.difference().minor() < 0)
            return "Short";
        over = over || d.difference().minor() > 0;
    }
    return over ? "Over" : "Recount";
}

}  // namespace

TillVm Terminal::till_vm() const {
    TillVm vm;
    const pos::Currency& currency = settings_.currency;
    for (const std::int64_t value : pos::denominations(currency))
        vm.denominations.push_back(
            {pos::format_amount(pos::Money(value, currency)), value, is_coin(value, currency)});
    const int offset = services_.utc_offset_minutes;
    if (const auto& shift = till_desk_.shift) {
        vm.open = true;
        vm.title = "Till open: shift " + std::to_string(shift->number);
        vm.opened = "Opened by " + shift->opened_by_name + " at " +
                    clock_time(shift->opened_at_ms, offset) + " with a float of " +
                    money_text(shift->float_amount);
        const pos::ShiftTotals& t = till_desk_.totals;
        vm.activity = plural(t.tickets, "ticket", "tickets");
        const std::pair<const char*, const pos::Money*> moved[] = {{"paid in", &t.paid_in},
                                                                   {"paid out", &t.paid_out},
                                                                   {"drops", &t.drops},
                                                                   {"pickups", &t.pickups}};
        for (const auto& [label, amount] : moved) {
            if (!amount->is_zero())
                vm.activity += std::string(" · ") + label + " " + pos::format_amount(*amount);
        }
        for (const auto& m : till_desk_.movements) {
            std::string who = m.user_name;
            if (m.approved_by != 0)
                who += ", approved by " + m.approver_name;
            vm.movements.push_back({clock_time(m.at_ms, offset), std::string(pos::describe(m.kind)),
                                    pos::format_amount(m.amount), m.reason, who});
        }
    } else {
        vm.title = "Till closed";
    }
    if (till_desk_.close && till_desk_.closed) {
        const pos::ShiftClose& c = *till_desk_.close;
        TillCloseVm close;
        close.title = "Shift " + std::to_string(c.shift_number) + " closed at " +
                      clock_time(c.closed_at_ms, offset) + " by " + c.closed_by_name;
        close.summary = pos::describe_differences(c.tenders);
        for (const auto& d : c.tenders)
            close.tenders.push_back(difference_of(d));
        if (c.approved_by != 0) {
            close.approval = accepted_what(c.tenders) + " accepted by " + c.approver_name +
                             (c.reason.empty() ? "" : ": " + c.reason);
        }
        close.count = pos::cash_count_text(c.cash_count, currency);
        vm.last_close = std::move(close);
    }
    const bool idle = session_ && (session_->ticket().state() == pos::TicketState::completed ||
                                   session_->ticket().live_line_count() == 0);
    vm.can_open = !vm.open;
    vm.can_move = vm.open;
    vm.can_close = vm.open && idle;
    return vm;
}

}  // namespace ui
