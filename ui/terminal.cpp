#include "ui/terminal.hpp"

#include <algorithm>

#include "pos/login.hpp"
#include "receipts/text_receipt.hpp"

namespace ui {

namespace {

constexpr std::size_t max_search_results = 12;

std::string role_name(pos::Role role) {
    return role == pos::Role::manager ? "Manager" : "Clerk";
}

std::string unit_price_text(const pos::Money& price, pos::UnitOfSale unit) {
    return pos::format_amount(price) + (unit == pos::UnitOfSale::kilogram ? "/kg" : "");
}

std::string quantity_text(pos::Quantity quantity, pos::UnitOfSale unit) {
    return pos::format_quantity(quantity, unit) + (unit == pos::UnitOfSale::kilogram ? " kg" : "");
}

}  // namespace

Terminal::Terminal(TerminalServices services)
    : services_(services), settings_(services.store.settings()) {}

pos::Status Terminal::apply(const Intent& intent) {
    pos::Status result = pos::ok();
    try {
        result = std::visit([this](const auto& i) { return handle(i); }, intent);
    } catch (const pos::StoreFailure& failure) {
        result = pos::store_failure(std::string("The store could not be read: ") + failure.what());
    }
    if (!result) {
        message_ = {MessageKind::error, result.error().message};
    }
    return result;
}

pos::Status Terminal::require_screen(Screen wanted, std::string_view action) const {
    if (screen_ == wanted)
        return pos::ok();
    if (screen_ == Screen::login)
        return pos::not_allowed("Log in first to " + std::string(action));
    return pos::not_allowed("Cannot " + std::string(action) + " on this screen");
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
    session_.emplace(pos::SaleServices{services_.store.catalogue(), services_.store.sales(),
                                       services_.clock, services_.ids},
                     settings_, pos::Clerk{user->id, user->name});
    selected_.reset();
    clear_search();
    screen_ = Screen::sale;
    message_ = {MessageKind::info, "Logged in as " + user->name};
    return pos::ok();
}

pos::Status Terminal::handle(const LogOut&) {
    if (screen_ == Screen::login)
        return pos::ok();
    const auto* t = ticket();
    if (t && t->state() != pos::TicketState::completed && !t->lines().empty()) {
        return pos::not_allowed("Finish the sale or remove its lines before logging out");
    }
    session_.reset();
    user_.reset();
    selected_.reset();
    clear_search();
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
        screen_ = Screen::sale;
        return pos::ok();
    }
    if (screen_ == Screen::tender) {
        return pos::not_allowed("Payment is in progress: tap Back to add more items");
    }
    return require_screen(Screen::sale, "add items");
}

void Terminal::line_added(std::size_t index) {
    selected_ = index;
    clear_search();
    const auto& line = session_->ticket().lines()[index];
    message_ = {MessageKind::none, line.name};
}

void Terminal::clear_search() {
    search_text_.clear();
    results_.clear();
}

pos::Status Terminal::handle(const Scan& intent) {
    if (auto s = ready_for_items(); !s)
        return s;
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
    }
    if (auto s = require_screen(Screen::sale, "search"); !s)
        return s;
    search_text_ = intent.text;
    results_ = services_.store.catalogue().search(intent.text, max_search_results);
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
    if (auto s = require_screen(Screen::sale, "change a quantity"); !s)
        return s;
    if (!selected_)
        return pos::bad_input("Scan an item first, then change its quantity");
    return session_->change_quantity(*selected_, intent.quantity);
}

pos::Status Terminal::handle(const RemoveLine&) {
    if (auto s = require_screen(Screen::sale, "remove a line"); !s)
        return s;
    if (!selected_)
        return pos::bad_input("Nothing to remove: the sale has no lines");
    const std::string name = session_->ticket().lines()[*selected_].name;
    if (auto s = session_->remove_line(*selected_); !s)
        return s;
    const auto count = session_->ticket().lines().size();
    selected_ = count == 0 ? std::nullopt : std::optional(std::min(*selected_, count - 1));
    message_ = {MessageKind::info, "Removed " + name};
    return pos::ok();
}

pos::Status Terminal::handle(const Pay&) {
    if (auto s = require_screen(Screen::sale, "take payment"); !s)
        return s;
    if (auto s = session_->begin_tender(); !s)
        return s;
    clear_search();
    screen_ = Screen::tender;
    message_ = {};
    return pos::ok();
}

pos::Status Terminal::handle(const BackToSale&) {
    if (auto s = require_screen(Screen::tender, "go back to the sale"); !s)
        return s;
    if (auto s = session_->back_to_sale(); !s)
        return s;
    screen_ = Screen::sale;
    return pos::ok();
}

pos::Status Terminal::handle(const TenderCash& intent) {
    if (screen_ == Screen::sale) {
        if (auto s = handle(Pay{}); !s)
            return s;
    }
    if (auto s = require_screen(Screen::tender, "take cash"); !s)
        return s;
    auto done = session_->tender_cash(intent.amount);
    if (!done)
        return done.error();
    // The sale is durable now; everything below is display and printing, which may fail alone.
    screen_ = Screen::completed;
    selected_.reset();
    const auto& t = session_->ticket();
    if (on_completed)
        on_completed(t);
    print_receipt();
    message_ = {MessageKind::info, "Sale " + t.receipt_number() + " completed"};
    return pos::ok();
}

void Terminal::print_receipt() {
    const auto& t = session_->ticket();
    receipt_text_ = receipts::render_text(t, settings_, {42, services_.utc_offset_minutes});
    const auto outcome = services_.printer.print_text(t.receipt_number(), receipt_text_);
    print_status_ =
        outcome.printed ? "Printed to " + outcome.file.string() : "Not printed: " + outcome.message;
}

pos::Status Terminal::handle(const NewSale&) {
    if (auto s = require_screen(Screen::completed, "start a new sale"); !s)
        return s;
    if (auto s = session_->start_new_ticket(); !s)
        return s;
    screen_ = Screen::sale;
    message_ = {};
    return pos::ok();
}

pos::Status Terminal::handle(const DismissMessage&) {
    message_ = {};
    return pos::ok();
}

std::string Terminal::money_text(const pos::Money& amount) const {
    return std::string(amount.currency().iso()) + " " + pos::format_amount(amount);
}

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
    }
    frame.message = message_;
    frame.status_line = status_line();
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
    for (const auto& user : services_.store.users().active_users()) {
        vm.users.push_back({user.code, user.name, role_name(user.role)});
    }
    return vm;
}

SaleVm Terminal::sale_vm() const {
    SaleVm vm;
    const auto& t = session_->ticket();
    vm.clerk_name = user_->name;
    vm.terminal_id = settings_.terminal_id;
    std::int64_t items = 0;
    for (std::size_t i = 0; i < t.lines().size(); ++i) {
        const auto& line = t.lines()[i];
        vm.lines.push_back({line.code, line.name, quantity_text(line.quantity, line.unit),
                            unit_price_text(line.unit_price, line.unit),
                            pos::format_amount(line.amounts.gross), line.tax.code, selected_ == i});
        items += line.unit == pos::UnitOfSale::each ? line.quantity.milli / 1000 : 1;
    }
    vm.item_count = std::to_string(items) + (items == 1 ? " item" : " items");
    const auto totals = t.totals();
    vm.subtotal = pos::format_amount(totals.net);
    vm.tax = pos::format_amount(totals.tax);
    vm.total = money_text(totals.total);
    vm.can_pay = t.state() == pos::TicketState::open && !t.lines().empty();
    vm.search_text = search_text_;
    for (const auto& p : results_) {
        vm.search_results.push_back({p.code, p.name, unit_price_text(p.unit_price, p.unit)});
    }
    return vm;
}

TenderVm Terminal::tender_vm() const {
    TenderVm vm;
    const auto totals = session_->ticket().totals();
    vm.total = money_text(totals.total);
    vm.due = money_text(totals.due);
    vm.quick_cash.push_back(pos::format_amount(totals.due));  // exact
    // The next few notes above the amount due, in major units.
    std::int64_t unit = 1;
    for (int i = 0; i < totals.due.currency().exponent; ++i)
        unit *= 10;
    for (std::int64_t note : {5, 10, 20, 50, 100, 200, 500}) {
        const pos::Money cash(note * unit, totals.due.currency());
        if (cash > totals.due && vm.quick_cash.size() < 4) {
            vm.quick_cash.push_back(pos::format_amount(cash));
        }
    }
    return vm;
}

CompletedVm Terminal::completed_vm() const {
    const auto& t = session_->ticket();
    const auto totals = t.totals();
    pos::Money tendered(0, t.currency());
    for (const auto& p : t.payments()) {
        if (!p.amount.is_negative())
            tendered += p.amount;
    }
    return {t.receipt_number(),   money_text(totals.total),
            money_text(tendered), money_text(t.change_given()),
            receipt_text_,        print_status_};
}

}  // namespace ui
