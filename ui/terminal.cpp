#include "ui/terminal.hpp"

#include <algorithm>

#include "pos/login.hpp"
#include "ui/terminal_text.hpp"

namespace ui {

namespace {

constexpr std::size_t max_search_results = 12;

// "10%" is a percent discount, "2.00" an amount.
pos::Result<pos::Discount> parse_discount(const std::string& text, const pos::Currency& currency) {
    if (!text.empty() && text.back() == '%') {
        auto rate = pos::parse_percent(text.substr(0, text.size() - 1));
        if (!rate)
            return rate.error();
        return pos::Discount{pos::DiscountKind::percent, *rate, 0, ""};
    }
    auto amount = pos::parse_amount(text, currency);
    if (!amount) {
        return pos::bad_input("Key a discount as a percent (10%) or an amount (2.00), not '" +
                              text + "'");
    }
    return pos::Discount{pos::DiscountKind::amount, {}, amount->minor(), ""};
}

}  // namespace

Terminal::Terminal(TerminalServices services)
    : services_(services),
      settings_(services.store.settings()),
      staff_(services.store.users().active_users()) {
    load_logo();
}

pos::Status Terminal::apply(const Intent& intent) {
    pos::Status result = pos::ok();
    const std::string completed_before = completed_ ? completed_->receipt_number() : "";
    try {
        // A code scanned while the dialog is open is the approver's badge, keyed or not.
        const auto* scanned = std::get_if<Scanned>(&intent);
        const auto answered = scanned && pending_intent_ ? answer_dialog(Scan{scanned->code, ""})
                                                         : answer_dialog(intent);
        if (answered) {
            result = *answered;
        } else {
            // A request left over from an earlier refusal must not open the dialog later.
            if (session_ && !pending_intent_)
                session_->cancel_approval();
            result = dispatch(intent);
            if (!result)
                remember_for_approval(intent);
        }
    } catch (const pos::StoreFailure& failure) {
        result = pos::store_failure(std::string("The store could not be read: ") + failure.what());
    }
    if (!result) {
        message_ = {MessageKind::error, result.error().message};
    }
    // A sale, return or post-void is durable now: sync sends it soon (never waited for here).
    if (completed_ && completed_->receipt_number() != completed_before && services_.sync_wake)
        services_.sync_wake();
    return result;
}

pos::Status Terminal::dispatch(const Intent& intent) {
    return std::visit([this](const auto& i) { return handle(i); }, intent);
}

pos::Status Terminal::require_screen(Screen wanted, std::string_view action) const {
    if (screen_ == wanted)
        return pos::ok();
    if (screen_ == Screen::login)
        return pos::not_allowed("Log in first to " + std::string(action));
    return pos::not_allowed("Cannot " + std::string(action) + " on this screen");
}

pos::Status Terminal::require_selected_line(std::string_view action) const {
    if (auto s = require_screen(Screen::sale, action); !s)
        return s;
    if (!selected_)
        return pos::bad_input("Select a line first, then " + std::string(action));
    return pos::ok();
}

pos::Status Terminal::handle(const LogIn& intent) {
    if (auto s = require_screen(Screen::login, "log in"); !s)
        return s;
    auto user =
        pos::log_in(services_.store.users(), services_.clock, intent.staff_code, intent.pin);
    if (!user)
        return user.error();
    user_ = *user;
    settings_ = services_.store.settings();
    auto& store = services_.store;
    session_.emplace(
        pos::SaleServices{store.catalogue(), store.sales(), services_.clock, services_.ids,
                          store.promotions(), store.events(), store.suspended(),
                          store.stored_value(), store.users(), store.archive()},
        settings_, *user);
    completed_.reset();
    selected_.reset();
    clear_search();
    ticket_started();
    screen_ = Screen::sale;
    refresh_suspended_count();
    message_ = {MessageKind::info, "Logged in as " + user->name};
    return pos::ok();
}

pos::Status Terminal::handle(const LogOut&) {
    if (screen_ == Screen::login)
        return pos::ok();
    const auto* t = ticket();
    if (t && t->state() != pos::TicketState::completed && t->live_line_count() > 0) {
        return pos::not_allowed("Finish, suspend or void the sale before logging out");
    }
    session_.reset();
    user_.reset();
    completed_.reset();
    selected_.reset();
    clear_search();
    staff_ = services_.store.users().active_users();
    screen_ = Screen::login;
    message_ = {MessageKind::info, "Logged out"};
    return pos::ok();
}

// Scanning on the completed screen starts the next sale, as clerks expect.
pos::Status Terminal::ready_for_items() {
    if (screen_ == Screen::completed) {
        if (auto s = session_->start_new_ticket(); !s)
            return s;
        selected_.reset();
        ticket_started();
        return pos::ok();
    }
    if (screen_ == Screen::tender) {
        return pos::not_allowed("Payment is in progress: tap Back to add more items");
    }
    return require_screen(Screen::sale, "add items");
}

void Terminal::line_added(std::size_t index) {
    completed_.reset();
    screen_ = Screen::sale;
    selected_ = index;
    clear_search();
    message_ = {MessageKind::none, session_->ticket().lines()[index].name};
}

void Terminal::clear_search() {
    search_text_.clear();
    results_.clear();
}

pos::Status Terminal::handle(const Scan& intent) {
    if (screen_ == Screen::returns)  // the receipt's barcode
        return handle(OpenReceipt{intent.code});
    if (auto s = require_open_till(); !s)
        return s;
    if (auto s = ready_for_items(); !s)
        return s;
    // On the completed screen a refused scan leaves that screen (and its receipt) as it was.
    auto added = session_->add_item(intent.code, intent.quantity);
    if (!added)
        return added.error();
    line_added(*added);
    return pos::ok();
}

pos::Status Terminal::handle(const Search& intent) {
    if (screen_ == Screen::completed) {
        if (auto s = ready_for_items(); !s)
            return s;
        completed_.reset();
        screen_ = Screen::sale;
    }
    if (auto s = require_screen(Screen::sale, "search"); !s)
        return s;
    search_text_ = intent.text;
    results_ = services_.store.catalogue().search(intent.text, max_search_results,
                                                  services_.clock.now_ms());
    if (results_.empty() && !intent.text.empty()) {
        message_ = {MessageKind::info, "Nothing matches '" + intent.text + "'"};
    } else if (message_.kind == MessageKind::info) {
        message_ = {};
    }
    return pos::ok();
}

pos::Status Terminal::handle(const PickResult& intent) {
    if (auto s = require_screen(Screen::sale, "pick a product"); !s)
        return s;
    if (auto s = require_open_till(); !s)
        return s;
    if (intent.index >= results_.size()) {
        return pos::bad_input("There is no search result " + std::to_string(intent.index + 1) +
                              " (there are " + std::to_string(results_.size()) + ")");
    }
    auto added = session_->add_product(results_[intent.index], intent.quantity);
    if (!added)
        return added.error();
    line_added(*added);
    return pos::ok();
}

pos::Status Terminal::handle(const SelectLine& intent) {
    if (auto s = require_screen(Screen::sale, "select a line"); !s)
        return s;
    const auto count = session_->ticket().lines().size();
    if (intent.index >= count) {
        return pos::bad_input("There is no line " + std::to_string(intent.index + 1) +
                              " (the sale has " + std::to_string(count) + ")");
    }
    selected_ = intent.index;
    return pos::ok();
}

pos::Status Terminal::handle(const SetQuantity& intent) {
    if (auto s = require_selected_line("change its quantity"); !s)
        return s;
    return session_->change_quantity(*selected_, intent.quantity);
}

pos::Status Terminal::handle(const VoidLine& intent) {
    if (auto s = require_selected_line("void it"); !s)
        return s;
    const std::string name = session_->ticket().lines()[*selected_].name;
    if (auto s = session_->void_line(*selected_, intent.reason); !s)
        return s;
    message_ = {MessageKind::info, "Voided " + name};
    return pos::ok();
}

pos::Status Terminal::handle(const DiscountLine& intent) {
    if (auto s = require_selected_line("discount it"); !s)
        return s;
    auto discount = parse_discount(intent.discount, settings_.currency);
    if (!discount)
        return discount.error();
    return session_->set_line_discount(*selected_, *discount, approval_);
}

pos::Status Terminal::handle(const DiscountTicket& intent) {
    if (auto s = require_screen(Screen::sale, "discount the sale"); !s)
        return s;
    auto discount = parse_discount(intent.discount, settings_.currency);
    if (!discount)
        return discount.error();
    return session_->set_ticket_discount(*discount, approval_);
}

pos::Status Terminal::handle(const OverridePrice& intent) {
    if (auto s = require_selected_line("change its price"); !s)
        return s;
    // The approver keyed with the price (script `price ... approve CODE PIN`), or the one who
    // answered the approval dialog.
    const pos::Approval approval =
        approval_.empty()
            ? pos::Approval{intent.approver_code, intent.approver_pin, "", intent.reason}
            : approval_;
    return session_->override_price(*selected_, intent.unit_price, approval,
                                    intent.reason.empty() ? approval.reason : intent.reason);
}

pos::Status Terminal::handle(const VoidTicket& intent) {
    if (screen_ != Screen::sale && screen_ != Screen::tender) {
        return require_screen(Screen::sale, "void the sale");
    }
    if (auto s = session_->void_ticket(intent.reason, approval_); !s)
        return s;
    selected_.reset();
    clear_search();
    ticket_started();
    screen_ = Screen::sale;
    message_ = {MessageKind::info, "Sale voided"};
    return pos::ok();
}

pos::Status Terminal::handle(const NoSale& intent) {
    return handle(OpenDrawer{intent.reason});
}

pos::Status Terminal::handle(const Suspend& intent) {
    if (auto s = require_screen(Screen::sale, "suspend the sale"); !s)
        return s;
    if (auto s = session_->suspend(intent.label); !s)
        return s;
    refresh_suspended_count();
    selected_.reset();
    clear_search();
    message_ = {MessageKind::info,
                "Sale suspended" + (intent.label.empty() ? "" : ": " + intent.label)};
    return pos::ok();
}

pos::Status Terminal::handle(const ShowSuspended&) {
    if (auto s = require_screen(Screen::sale, "list suspended sales"); !s)
        return s;
    screen_ = Screen::suspended;
    return pos::ok();
}

pos::Status Terminal::handle(const ResumeTicket& intent) {
    if (screen_ != Screen::suspended && screen_ != Screen::sale) {
        return require_screen(Screen::sale, "resume a sale");
    }
    if (auto s = session_->resume(intent.ticket_id); !s)
        return s;
    refresh_suspended_count();
    screen_ = Screen::sale;
    const auto count = session_->ticket().lines().size();
    selected_ = count == 0 ? std::nullopt : std::optional(count - 1);
    message_ = {MessageKind::info, "Sale resumed"};
    return pos::ok();
}

pos::Status Terminal::handle(const Pay&) {
    if (auto s = require_screen(Screen::sale, "take payment"); !s)
        return s;
    if (auto s = require_open_till(); !s)
        return s;
    if (auto s = session_->begin_tender(approval_); !s)
        return s;
    clear_search();
    screen_ = Screen::tender;
    message_ = {};
    return take_pickup_deposit();  // a special order's deposit pays first
}

pos::Status Terminal::handle(const BackToSale&) {
    if (screen_ == Screen::devices || screen_ == Screen::sync) {  // back where the clerk came from
        screen_ = before_devices_;
        message_ = {};
        return pos::ok();
    }
    if (screen_ == Screen::returns || screen_ == Screen::ticket_search) {
        screen_ = Screen::sale;
        message_ = {};
        return pos::ok();
    }
    if (screen_ == Screen::lookup || screen_ == Screen::customers ||
        screen_ == Screen::interactions || screen_ == Screen::special_orders ||
        screen_ == Screen::till || screen_ == Screen::reports || screen_ == Screen::dashboard) {
        screen_ = before_desk_;
        message_ = {};
        return pos::ok();
    }
    if (screen_ == Screen::suspended) {
        refresh_suspended_count();
        screen_ = Screen::sale;
        return pos::ok();
    }
    if (auto s = require_screen(Screen::tender, "go back to the sale"); !s)
        return s;
    if (auto s = session_->back_to_sale(); !s)
        return s;
    screen_ = Screen::sale;
    return pos::ok();
}

pos::Status Terminal::with_tender(const pos::Result<pos::TenderOutcome>& outcome) {
    if (!outcome)
        return outcome.error();
    if (outcome->completed) {
        sale_completed();
    } else {
        message_ = {MessageKind::info, "Still due: " + money_text(outcome->still_due)};
    }
    return pos::ok();
}

// A tender straight from the sale screen goes to the tender screen first, and back to the
// sale if it is refused before any payment, so a refused tender changes nothing.
pos::Status Terminal::tender(std::string_view what,
                             const std::function<pos::Result<pos::TenderOutcome>()>& take) {
    const bool from_sale = screen_ == Screen::sale;
    if (from_sale) {
        if (auto s = handle(Pay{}); !s)
            return s;
    }
    if (auto s = require_screen(Screen::tender, what); !s)
        return s;
    auto status = with_tender(take());
    if (!status && from_sale && session_->ticket().payments().empty()) {
        session_->back_to_sale();
        screen_ = Screen::sale;
    }
    return status;
}

// The drawer opens once the cash is taken (and a completed sale is durable).
pos::Status Terminal::handle(const TenderCash& intent) {
    auto taken = tender("take cash",
                        [&] { return session_->tender_cash(intent.amount, intent.part_payment); });
    if (taken)
        pulse_drawer(message_.text);
    return taken;
}

pos::Status Terminal::handle(const TenderCard& intent) {
    return tender("take a card", [&] {
        return session_->tender_card({intent.amount, intent.reference, intent.last4});
    });
}

pos::Status Terminal::handle(const TenderGiftCard& intent) {
    return tender("take a gift card", [&] {
        return session_->tender_stored_value(pos::PaymentMethod::gift_card, intent.account,
                                             intent.amount);
    });
}

pos::Status Terminal::handle(const TenderStoreCredit& intent) {
    return tender("take store credit", [&] {
        return session_->tender_stored_value(pos::PaymentMethod::store_credit, intent.account,
                                             intent.amount);
    });
}

pos::Status Terminal::handle(const NewSale&) {
    if (auto s = require_screen(Screen::completed, "start a new sale"); !s)
        return s;
    if (auto s = session_->start_new_ticket(); !s)
        return s;
    refresh_suspended_count();
    completed_.reset();
    ticket_started();
    screen_ = Screen::sale;
    message_ = {};
    return pos::ok();
}

pos::Status Terminal::handle(const DismissMessage&) {
    message_ = {};
    return pos::ok();
}

// Read when the count can be expected to change (login, suspend, resume, the list, a new sale),
// not every frame: each read is a query.
void Terminal::refresh_suspended_count() {
    suspended_count_ = services_.store.suspended().list().size();
}

void Terminal::ticket_started() {
    original_.reset();
    found_.clear();
    found_summary_.clear();
    shown_.reset();
    shown_text_.clear();
}

}  // namespace ui
