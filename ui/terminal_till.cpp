// The till: a shift opened with a float counted by denomination, paid-ins, paid-outs, drops and
// pickups against it, and the blind close. The clerk keys the count before any expected figure
// is shown; closing needs Permission::close_till, and an over/short beyond the store's threshold
// needs Permission::over_short with a reason (the approval dialog opens by itself and Approve
// applies the close again). The close is stored and journaled, its slip printed, and the screen
// then shows expected, counted and the difference per tender.
#include <algorithm>

#include "ui/terminal.hpp"
#include "ui/terminal_text.hpp"

namespace ui {

namespace {

std::int64_t largest_difference(const std::vector<pos::TenderDifference>& differences) {
    std::int64_t largest = 0;
    for (const auto& d : differences) {
        const std::int64_t minor = d.difference().minor();
        largest = std::max(largest, minor < 0 ? -minor : minor);
    }
    return largest;
}

std::string shift_name(const pos::Shift& shift) {
    return "shift " + std::to_string(shift.number);
}

// "T01-shift3-close": the slip's print job.
std::string slip_name(const pos::ShiftClose& close) {
    return close.terminal_id + "-shift" + std::to_string(close.shift_number) + "-close";
}

}  // namespace

pos::Status Terminal::require_open_till() const {
    if (!settings_.require_open_till || !user_)
        return pos::ok();
    if (services_.store.till().current_shift(settings_.terminal_id))
        return pos::ok();
    return pos::not_allowed("Open the till first: More → Till");
}

pos::Status Terminal::open_till_screen(std::string_view action) {
    if (screen_ == Screen::till)
        return pos::ok();
    return enter_desk(Screen::till, action);
}

pos::Result<pos::Shift> Terminal::open_shift_or_refuse(std::string_view action) const {
    if (auto shift = services_.store.till().current_shift(settings_.terminal_id))
        return std::move(*shift);
    return pos::not_allowed("The till is not open: open it with a counted float before you " +
                            std::string(action));
}

void Terminal::refresh_till() {
    auto& till = services_.store.till();
    till_desk_.shift = till.current_shift(settings_.terminal_id);
    till_desk_.movements.clear();
    till_desk_.totals = {};
    if (till_desk_.shift) {
        till_desk_.movements = till.movements(till_desk_.shift->id);
        till_desk_.totals = till.shift_totals(till_desk_.shift->id);
    }
}

pos::Status Terminal::handle(const ShowTill&) {
    if (auto s = open_till_screen("open the till screen"); !s)
        return s;
    refresh_till();
    message_ = {MessageKind::info, till_desk_.shift
                                       ? "Till open: " + shift_name(*till_desk_.shift)
                                       : "The till is closed: count the float, then Open till"};
    return pos::ok();
}

pos::Status Terminal::handle(const OpenTill& intent) {
    if (auto s = open_till_screen("open the till"); !s)
        return s;
    auto count = pos::parse_cash_count(intent.count, settings_.currency);
    if (!count)
        return pos::bad_input("The float was not counted right: " + count.error().message);
    db::NewShift request{services_.ids.new_id(),
                         settings_.terminal_id,
                         user_->id,
                         user_->name,
                         services_.clock.now_ms(),
                         *count};
    auto shift = services_.store.till().open_shift(request);
    if (!shift)
        return shift.error();
    till_desk_.close.reset();
    till_desk_.closed.reset();
    refresh_till();
    message_ = {MessageKind::info, "Till open: " + shift_name(*shift) + " with a float of " +
                                       money_text(shift->float_amount)};
    pulse_drawer(message_.text);  // the float goes into the drawer
    return pos::ok();
}

pos::Status Terminal::handle(const MoveCash& intent) {
    const std::string kind(pos::describe(intent.kind));
    if (auto s = open_till_screen("record a " + kind); !s)
        return s;
    auto shift = open_shift_or_refuse("record a " + kind);
    if (!shift)
        return shift.error();
    auto amount = pos::parse_amount(intent.amount, settings_.currency);
    if (!amount)
        return pos::bad_input(kind + ": " + amount.error().message);
    auto& till = services_.store.till();
    if (auto s =
            pos::check_movement(intent.kind, *amount, intent.reason, till.shift_totals(shift->id));
        !s)
        return s;
    const std::string what =
        kind + " " + money_text(*amount) + (intent.reason.empty() ? "" : ": " + intent.reason);
    std::optional<pos::ApprovalGrant> grant;
    if (intent.kind == pos::CashMovementKind::paid_out) {
        auto granted = session_->require_permission(pos::Permission::cash_paid_out, amount->minor(),
                                                    what, approval_);
        if (!granted)
            return granted.error();
        grant = *granted;
    }
    pos::CashMovement movement{services_.ids.new_id(),
                               shift->id,
                               settings_.terminal_id,
                               intent.kind,
                               *amount,
                               intent.reason,
                               user_->id,
                               user_->name,
                               grant ? grant->approved_by : 0,
                               grant ? grant->approver_name : "",
                               services_.clock.now_ms()};
    if (auto s = till.record_movement(movement); !s)
        return s;
    refresh_till();
    message_ = {MessageKind::info, what + " recorded"};
    pulse_drawer(message_.text);
    return pos::ok();
}

pos::Status Terminal::handle(const CloseTill& intent) {
    if (auto s = open_till_screen("close the till"); !s)
        return s;
    auto shift = open_shift_or_refuse("close it");
    if (!shift)
        return shift.error();
    if (session_ && session_->ticket().state() != pos::TicketState::completed &&
        session_->ticket().live_line_count() > 0)
        return pos::not_allowed("A sale is open: finish, suspend or void it before the close");
    auto cash = pos::parse_cash_count(intent.cash_count, settings_.currency);
    if (!cash)
        return pos::bad_input("The cash was not counted right: " + cash.error().message);
    // No card total keyed: no card payments to count.
    auto card =
        pos::parse_amount(intent.card_total.empty() ? "0" : intent.card_total, settings_.currency);
    if (!card)
        return pos::bad_input("The card batch total: " + card.error().message);
    if (card->is_negative())
        return pos::bad_input("The card batch total cannot be below zero");
    auto differences = pos::over_short(services_.store.till().shift_totals(shift->id),
                                       pos::CloseCount{*cash, *card});
    const std::string counted =
        pos::cash_count_text(*cash, settings_.currency) + ", card " + pos::format_amount(*card);
    auto accepted = accept_over_short(*shift, differences, counted);
    if (!accepted)
        return accepted.error();
    // Asked after the over/short, so that a manager sees the difference before anything else.
    auto may_close = session_->require_permission(
        pos::Permission::close_till, 0,
        "Close the till: " + shift_name(*shift) + " (opened by " + shift->opened_by_name + ")",
        approval_);
    if (!may_close)
        return may_close.error();
    return close_shift(*shift, *cash, std::move(differences), *accepted);
}

// An over/short beyond the store's threshold (read now: head office may have changed it) needs
// Permission::over_short; the dialog then shows the difference. Once it has been shown, that count
// stands: a different recount of the same shift needs the approval too, whatever it comes to, so
// seeing the expected figure and counting again cannot balance the till unseen.
pos::Result<std::optional<pos::ApprovalGrant>> Terminal::accept_over_short(
    const pos::Shift& shift, const std::vector<pos::TenderDifference>& differences,
    const std::string& counted) {
    const std::int64_t threshold = services_.store.settings().over_short_threshold_minor;
    const bool shown = till_desk_.revealed_count && till_desk_.revealed_count->first == shift.id;
    const bool recount = shown && till_desk_.revealed_count->second != counted;
    if (!recount && !pos::beyond_threshold(differences, threshold))
        return std::optional<pos::ApprovalGrant>{};
    if (!shown)
        till_desk_.revealed_count = std::make_pair(shift.id, counted);
    std::string what = "Close " + shift_name(shift) + ": " + pos::describe_differences(differences);
    if (recount)
        what += " (a recount; first counted " + till_desk_.revealed_count->second + ")";
    auto granted = session_->require_permission(pos::Permission::over_short,
                                                largest_difference(differences), what, approval_);
    if (!granted)
        return granted.error();
    return *granted;
}

pos::Status Terminal::close_shift(const pos::Shift& shift, const pos::CashCount& cash,
                                  std::vector<pos::TenderDifference> differences,
                                  const std::optional<pos::ApprovalGrant>& grant) {
    pos::ShiftClose close;
    close.shift_id = shift.id;
    close.terminal_id = settings_.terminal_id;
    close.shift_number = shift.number;
    close.closed_by = user_->id;
    close.closed_by_name = user_->name;
    close.closed_at_ms = services_.clock.now_ms();
    close.cash_count = cash;
    close.tenders = std::move(differences);
    if (grant) {
        close.approved_by = grant->approved_by;
        close.approver_name = grant->approver_name;
        close.reason = grant->reason;
    }
    if (auto s = services_.store.till().close_shift(close); !s)
        return s;
    till_desk_.close = close;
    till_desk_.closed = services_.store.till().shift(shift.id).value_or(shift);
    if (till_desk_.closed->closed_at_ms == 0)
        till_desk_.closed->closed_at_ms = close.closed_at_ms;
    refresh_till();
    const std::string done = "Shift " + std::to_string(shift.number) +
                             " closed: " + pos::describe_differences(close.tenders);
    if (auto printed = print_till_close(false); !printed)
        message_ = {MessageKind::error, done + ", but " + printed.error().message};
    else
        message_ = {MessageKind::info, done};
    return pos::ok();
}

pos::Status Terminal::print_till_close(bool copy) {
    const pos::ShiftClose& close = *till_desk_.close;
    const pos::Shift& shift = *till_desk_.closed;
    std::string name = slip_name(close);
    if (copy)
        name = services_.devices.print_queue().unused_name(name + "-copy");
    const auto job = print_receipt(
        [&] { return receipts::till_close_slip(shift, close, settings_, layout_options(copy)); },
        name, "Till close slip", "");
    const std::string what = "The close slip of " + shift_name(shift);
    return said_printed(job, what, what);
}

pos::Status Terminal::handle(const PrintTillClose&) {
    if (auto s = open_till_screen("print the close slip"); !s)
        return s;
    if (!till_desk_.close) {  // the terminal's last close, as stored (the newest may be open)
        for (const auto& shift : services_.store.till().shifts(settings_.terminal_id, 2)) {
            if (auto close = services_.store.till().shift_close(shift.id)) {
                till_desk_.close = std::move(*close);
                till_desk_.closed = shift;
                break;
            }
        }
    }
    if (!till_desk_.close)
        return pos::not_found("No till has closed on this terminal yet: nothing to print");
    return print_till_close(true);
}

}  // namespace ui
