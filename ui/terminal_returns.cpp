// The return screen and refunds: open a receipt, pick what comes back (with or without a
// receipt), post-void a sale, and give the money back on the tender screen.
#include "receipts/text_receipt.hpp"
#include "ui/terminal.hpp"
#include "ui/terminal_text.hpp"

namespace ui {

namespace {

constexpr std::int64_t ms_per_day = 24LL * 60 * 60 * 1000;

// The store-local day a moment falls on, as a day number.
std::int64_t local_day(std::int64_t unix_ms, int utc_offset_minutes) {
    const std::int64_t local = unix_ms + std::int64_t{utc_offset_minutes} * 60 * 1000;
    return local >= 0 ? local / ms_per_day : (local - ms_per_day + 1) / ms_per_day;
}

// The word a script or the refund form sends for each tender.
std::string method_word(pos::PaymentMethod method) {
    switch (method) {
        case pos::PaymentMethod::card:
            return "card";
        case pos::PaymentMethod::gift_card:
            return "gift";
        case pos::PaymentMethod::store_credit:
            return "credit";
        case pos::PaymentMethod::loyalty_points:
            return "points";
        case pos::PaymentMethod::deposit:  // never refunded to the deposit: cash instead
        case pos::PaymentMethod::cash:
        case pos::PaymentMethod::cash_rounding:
            break;
    }
    return "cash";
}

pos::Result<pos::PaymentMethod> refund_method(const std::string& word) {
    if (word == "cash")
        return pos::PaymentMethod::cash;
    if (word == "card")
        return pos::PaymentMethod::card;
    if (word == "gift")
        return pos::PaymentMethod::gift_card;
    if (word == "credit")
        return pos::PaymentMethod::store_credit;
    if (word == "points")
        return pos::PaymentMethod::loyalty_points;
    return pos::bad_input("A refund goes to cash, card, gift, credit or points, not '" + word +
                          "'");
}

std::string refund_label(const pos::RefundTender& tender) {
    std::string label;
    switch (tender.method) {
        case pos::PaymentMethod::card:
            label = "Card ending " + tender.card_last4;
            break;
        case pos::PaymentMethod::gift_card:
            label = "Gift card " + tender.reference;
            break;
        case pos::PaymentMethod::store_credit:
            label =
                tender.reference.empty() ? "New store credit" : "Store credit " + tender.reference;
            break;
        case pos::PaymentMethod::loyalty_points:
            label = "Loyalty points";
            break;
        case pos::PaymentMethod::deposit:
        case pos::PaymentMethod::cash:
        case pos::PaymentMethod::cash_rounding:
            label = "Cash";
            break;
    }
    if (!tender.original_receipt.empty())
        label += " (" + tender.original_receipt + ")";
    return label;
}

struct ReturnTerms {
    pos::ReturnReason reason;
    pos::Disposition disposition;
};

pos::Result<ReturnTerms> return_terms(const std::string& reason, const std::string& disposition) {
    auto why = text::return_reason(reason);
    if (!why)
        return why.error();
    auto where = text::disposition(disposition);
    if (!where)
        return where.error();
    return ReturnTerms{*why, *where};
}

}  // namespace

// Returns join the open ticket, so they start from the sale screen (or the completed screen,
// which starts the next ticket), never while payment is in progress.
pos::Status Terminal::ready_for_returns(std::string_view action) {
    if (screen_ == Screen::tender) {
        return pos::not_allowed("Payment is in progress: tap Back before you " +
                                std::string(action));
    }
    if (screen_ == Screen::completed) {
        if (auto s = session_->start_new_ticket(); !s)
            return s;
        completed_.reset();
        selected_.reset();
        ticket_started();
        screen_ = Screen::sale;
        return pos::ok();
    }
    if (screen_ == Screen::sale || screen_ == Screen::returns || screen_ == Screen::ticket_search)
        return pos::ok();
    return require_screen(Screen::sale, action);
}

pos::Status Terminal::require_open_receipt(std::string_view action) const {
    if (auto s = require_screen(Screen::returns, action); !s)
        return s;
    if (!original_)
        return pos::bad_input("Scan or key the receipt number first, then " + std::string(action));
    return pos::ok();
}

void Terminal::return_added(std::size_t index, std::string_view how) {
    selected_ = index;
    const auto& returned = session_->ticket().lines()[index];
    message_ = {MessageKind::info, "Returning " + text::quantity(returned.quantity, returned.unit) +
                                       " × " + returned.name + std::string(how)};
}

pos::Status Terminal::handle(const StartReturn&) {
    if (screen_ == Screen::ticket_search && shown_)  // return from the ticket on show
        return handle(OpenReceipt{shown_->receipt_number()});
    if (auto s = ready_for_returns("start a return"); !s)
        return s;
    clear_search();
    screen_ = Screen::returns;
    message_ = {MessageKind::info,
                "Scan or key the receipt number, or return an item without a receipt"};
    return pos::ok();
}

pos::Status Terminal::handle(const OpenReceipt& intent) {
    if (auto s = ready_for_returns("open a receipt for a return"); !s)
        return s;
    auto original = session_->open_original(intent.receipt);
    if (!original)
        return original.error();
    original_ = std::move(*original);
    clear_search();
    screen_ = Screen::returns;
    message_ = {MessageKind::info,
                "Receipt " + original_->ticket.receipt_number() + ": pick what comes back"};
    return pos::ok();
}

pos::Status Terminal::handle(const ReturnItem& intent) {
    if (auto s = require_open_receipt("return an item"); !s)
        return s;
    const auto& lines = original_->ticket.lines();
    if (intent.index >= lines.size()) {
        return pos::bad_input("There is no line " + std::to_string(intent.index + 1) +
                              " on receipt " + original_->ticket.receipt_number() + " (it has " +
                              std::to_string(lines.size()) + ")");
    }
    auto terms = return_terms(intent.reason, intent.disposition);
    if (!terms)
        return terms.error();
    const auto& line = lines[intent.index];
    std::string quantity = intent.quantity;
    if (quantity.empty()) {  // one, or all that is left of a weighed line
        quantity = "1";
        if (line.unit == pos::UnitOfSale::kilogram) {
            const auto left = session_->returnable(*original_)[intent.index].returnable;
            quantity = pos::format_quantity(left, line.unit);
        }
    }
    auto added =
        session_->add_return(*original_, intent.index, quantity, terms->reason, terms->disposition);
    if (!added)
        return added.error();
    return_added(*added, "");
    return pos::ok();
}

pos::Status Terminal::handle(const ReturnWithoutReceipt& intent) {
    if (auto s = require_screen(Screen::returns, "return an item without a receipt"); !s)
        return s;
    auto terms = return_terms(intent.reason, intent.disposition);
    if (!terms)
        return terms.error();
    auto added =
        session_->add_return_without_receipt(intent.code, intent.quantity, terms->reason,
                                             terms->disposition, intent.customer, approval_);
    if (!added)
        return added.error();
    return_added(*added, " without a receipt");
    return pos::ok();
}

pos::Status Terminal::handle(const PostVoid& intent) {
    if (auto s = require_open_receipt("post-void a sale"); !s)
        return s;
    if (auto s = require_open_till(); !s)  // the cash it gives back leaves a shift's drawer
        return s;
    const std::string original = original_->ticket.receipt_number();
    auto done = session_->post_void(*original_, intent.reason, approval_);
    if (!done)
        return done.error();
    sale_completed();
    message_ = {MessageKind::info,
                "Post-void " + completed_->receipt_number() + " of " + original + " completed"};
    if (cash_went_back())
        pulse_drawer(message_.text);  // the cash taken goes back to the customer
    return pos::ok();
}

pos::Status Terminal::handle(const Refund& intent) {
    if (screen_ == Screen::returns)
        screen_ = Screen::sale;  // the refund is for the whole ticket, as from the sale screen
    const auto refunded = tender("give a refund", [&]() -> pos::Result<pos::TenderOutcome> {
        const pos::Money due = session_->ticket().totals().due;
        if (!due.is_negative()) {
            return pos::not_allowed("Nothing is to be refunded: " + money_text(due) +
                                    " is due from the customer");
        }
        if (intent.method.empty())
            return session_->refund_to_original();
        auto method = refund_method(intent.method);
        if (!method)
            return method.error();
        return session_->refund(*method, intent.amount, intent.reference);
    });
    if (refunded && cash_went_back())
        pulse_drawer(message_.text);  // the cash is in the drawer: it opens to hand it over
    return refunded;
}

bool Terminal::cash_went_back() const {
    const pos::Ticket* ticket = screen_ == Screen::completed && completed_ ? &*completed_
                                : session_                                 ? &session_->ticket()
                                                                           : nullptr;
    if (!ticket)
        return false;
    for (const auto& payment : ticket->payments()) {
        if (payment.method == pos::PaymentMethod::cash && payment.amount.is_negative())
            return true;
    }
    return false;
}

bool Terminal::can_post_void() const {
    if (!original_ || !session_ || !session_->ticket().lines().empty())
        return false;
    const auto& original = *original_;
    const auto& sold = original.ticket;
    if (sold.kind() == pos::TicketKind::post_void || !original.post_voided_by.empty() ||
        !original.refunds.empty()) {
        return false;
    }
    for (const auto& [line, milli] : original.returned_milli) {
        if (milli > 0)
            return false;
    }
    const int offset = settings_.utc_offset_minutes;
    return sold.terminal_id() == settings_.terminal_id &&
           local_day(sold.completed_at_ms(), offset) == local_day(services_.clock.now_ms(), offset);
}

ReturnVm Terminal::return_vm() const {
    ReturnVm vm;
    for (auto reason : pos::all_return_reasons) {
        vm.reasons.push_back(
            {std::string(pos::to_string(reason)), std::string(pos::label(reason))});
    }
    for (auto where : pos::all_dispositions) {
        vm.dispositions.push_back(
            {std::string(pos::to_string(where)), std::string(pos::label(where))});
    }
    const auto& t = session_->ticket();
    int returned = 0;
    int added = 0;
    for (const auto& line : t.lines()) {
        if (!line.voided)
            ++(line.returned ? returned : added);
    }
    vm.basket = returned + added == 0
                    ? "Nothing returned yet"
                    : std::to_string(returned) + " returned, " + std::to_string(added) + " new · " +
                          money_text(t.totals().total);
    const auto& policy = settings_.returns;
    vm.no_receipt_policy = "Lowest price of the last " + std::to_string(policy.lowest_price_days) +
                           " days, as store credit" +
                           (policy.no_receipt_cash_allowed ? " or cash" : "");
    const auto needed = settings_.permissions.required(pos::Permission::return_without_receipt);
    if (user_ &&
        !settings_.permissions.allows(user_->role, pos::Permission::return_without_receipt)) {
        vm.no_receipt_policy += "; " + std::string(pos::to_string(needed)) + " approval needed";
    }
    if (!original_)
        return vm;
    const auto& sold = original_->ticket;
    vm.receipt = sold.receipt_number();
    std::string tenders;
    for (const auto& p : sold.payments()) {
        if (!p.amount.is_negative() && p.method != pos::PaymentMethod::cash_rounding)
            tenders += (tenders.empty() ? "" : ", ") + pos::payment_label(p);
    }
    vm.original_detail =
        receipts::format_local_time(sold.completed_at_ms(), services_.utc_offset_minutes) + " · " +
        sold.clerk().name + " · " + money_text(sold.totals().total) +
        (tenders.empty() ? "" : " · " + tenders);
    for (const auto& r : session_->returnable(*original_)) {
        const auto& line = sold.lines()[r.index];
        vm.lines.push_back({line.name, text::quantity(r.sold, line.unit),
                            text::quantity(r.returned, line.unit),
                            text::quantity(r.returnable, line.unit), pos::format_amount(r.paid),
                            pos::format_amount(r.unit_refund), r.returnable.milli > 0});
    }
    vm.can_post_void = can_post_void();
    return vm;
}

std::vector<RefundOptionVm> Terminal::refund_options() const {
    std::vector<RefundOptionVm> options;
    for (const auto& tender : session_->refund_tenders()) {
        // Tenders of no original (new store credit, no-receipt cash) are bounded only by the due.
        const bool capped = !tender.original_ticket_id.empty();
        options.push_back({method_word(tender.method), tender.reference, refund_label(tender),
                           capped ? "up to " + money_text(tender.available()) : ""});
    }
    return options;
}

}  // namespace ui
