// Customers: find as typed, create and edit (never two records of one person silently), merge,
// attach to the sale (also by scanning a loyalty card), and loyalty points as a tender.
#include "ui/terminal.hpp"
#include "ui/terminal_text.hpp"

namespace ui {

namespace {

constexpr std::size_t max_customer_results = 20;

pos::CustomerDraft draft_of(const SaveCustomer& form) {
    pos::CustomerDraft draft;
    draft.name = form.name;
    draft.phone = form.phone;
    draft.email = form.email;
    draft.card = form.card;
    draft.consent = {form.consent_email, form.consent_sms, form.consent_post};
    draft.note = form.note;
    return draft;
}

// "1250" -> "1,250"
std::string grouped(std::int64_t n) {
    std::string digits = std::to_string(n < 0 ? -n : n);
    for (int i = static_cast<int>(digits.size()) - 3; i > 0; i -= 3)
        digits.insert(static_cast<std::size_t>(i), ",");
    return (n < 0 ? "-" : "") + digits;
}

}  // namespace

std::string Terminal::points_text(std::int64_t points) const {
    const pos::Money worth = pos::points_value(settings_.loyalty, points, settings_.currency);
    return grouped(points) + (points == 1 ? " point (" : " points (") + pos::format_amount(worth) +
           ")";
}

pos::Status Terminal::handle(const ShowCustomers&) {
    return open_desk(Screen::customers);
}

void Terminal::show_customer(const pos::Customer& customer) {
    customer_desk_.shown = customer;
}

pos::Status Terminal::handle(const CustomerSearch& intent) {
    if (auto s = require_screen(Screen::customers, "find a customer"); !s)
        return s;
    customer_desk_.search_text = intent.text;
    customer_desk_.results.clear();
    message_ = {};
    if (intent.text.find_first_not_of(' ') == std::string::npos)
        return pos::ok();
    auto& book = services_.store.customers();
    if (pos::is_loyalty_card(intent.text)) {  // scanned on this screen: open the card
        if (auto c = book.find_by_card(intent.text)) {
            customer_desk_.results = {*c};
            show_customer(*c);
            return pos::ok();
        }
    }
    customer_desk_.results = book.search(intent.text, max_customer_results);
    if (customer_desk_.results.empty())
        message_ = {MessageKind::info, "No customer matches \"" + intent.text + "\""};
    return pos::ok();
}

pos::Status Terminal::handle(const PickCustomer& intent) {
    if (auto s = require_screen(Screen::customers, "pick a customer"); !s)
        return s;
    if (intent.index >= customer_desk_.results.size()) {
        return pos::bad_input("There is no customer " + std::to_string(intent.index + 1) +
                              ": the search found " +
                              std::to_string(customer_desk_.results.size()));
    }
    show_customer(customer_desk_.results[intent.index]);
    message_ = {};
    return pos::ok();
}

pos::Status Terminal::handle(const NewCustomer&) {
    if (auto s = require_screen(Screen::customers, "add a customer"); !s)
        return s;
    customer_desk_.shown.reset();
    customer_desk_.refused.reset();
    customer_desk_.duplicates.clear();
    message_ = {MessageKind::info, "New customer: a name and a phone or email"};
    return pos::ok();
}

pos::Status Terminal::save_checked(const pos::Customer& customer, const std::string& said) {
    if (auto s = services_.store.customers().save(customer); !s)
        return s;
    customer_desk_.refused.reset();
    customer_desk_.duplicates.clear();
    show_customer(customer);
    if (session_ && session_->ticket().customer() &&
        session_->ticket().customer()->id == customer.id) {
        (void)session_->attach_customer(customer);  // the ticket names them as they are now
    }
    message_ = {MessageKind::info, said};
    return pos::ok();
}

pos::Status Terminal::handle(const SaveCustomer& intent) {
    if (auto s = require_screen(Screen::customers, "save a customer"); !s)
        return s;
    // "Different person, save anyway" with no form of its own: the form just refused.
    SaveCustomer form = intent;
    if (intent.different_person && intent.name.empty()) {
        if (!customer_desk_.refused)
            return pos::not_allowed("There is no refused form to save anyway");
        form = *customer_desk_.refused;
        form.different_person = true;
    }
    auto checked = pos::check_customer_draft(draft_of(form));
    if (!checked)
        return checked.error();
    pos::Customer customer = *checked;
    auto& book = services_.store.customers();
    const std::int64_t now = services_.clock.now_ms();
    if (!form.id.empty()) {
        const auto existing = book.find(form.id);
        if (!existing)
            return pos::not_found("No customer with id " + form.id);
        customer.id = existing->id;
        customer.created_at_ms = existing->created_at_ms;
        customer.home_store = existing->home_store;
        customer.store_credit_account = existing->store_credit_account;
        if (customer.card.empty())
            customer.card = existing->card;
    } else {
        customer.id = services_.ids.new_id();
        customer.created_at_ms = now;
        customer.home_store = settings_.store_code;
    }
    customer.updated_at_ms = now;
    if (!form.different_person) {
        auto matches = pos::find_duplicates(customer, book.candidates_for(customer));
        if (!matches.empty()) {  // never two records of one person silently: ask
            customer_desk_.refused = form;
            customer_desk_.duplicates = std::move(matches);
            const auto& first = customer_desk_.duplicates.front();
            message_ = {MessageKind::error,
                        "Not saved: looks like " + first.existing.name + " (" +
                            std::string(pos::describe(first.reason)) +
                            "). Use that record, merge, or save anyway if this is someone else"};
            return pos::ok();
        }
    }
    if (customer.card.empty())
        customer.card = pos::new_loyalty_card(book.next_card_sequence());
    return save_checked(customer, "Saved " + customer.name + " (card " + customer.card + ")");
}

// The record to keep: an id, a loyalty card, or the Nth duplicate shown (from 1).
std::string Terminal::resolved_keep(const std::string& keep) const {
    const auto& dups = customer_desk_.duplicates;
    if (!keep.empty() && keep.size() <= 2 &&
        keep.find_first_not_of("0123456789") == std::string::npos) {
        const std::size_t n = std::stoul(keep);
        if (n >= 1 && n <= dups.size())
            return dups[n - 1].existing.id;
    }
    if (pos::is_loyalty_card(keep)) {
        if (auto c = services_.store.customers().find_by_card(keep))
            return c->id;
    }
    return keep;
}

pos::Status Terminal::handle(const MergeCustomers& intent) {
    if (auto s = require_screen(Screen::customers, "merge customers"); !s)
        return s;
    auto& book = services_.store.customers();
    const std::int64_t now = services_.clock.now_ms();
    const std::string keep_id = resolved_keep(intent.keep_id);
    if (!intent.duplicate_id.empty()) {
        auto kept = book.merge(keep_id, intent.duplicate_id, now);
        if (!kept)
            return kept.error();
        customer_desk_.results.clear();
        customer_desk_.refused.reset();
        customer_desk_.duplicates.clear();
        show_customer(*kept);
        message_ = {MessageKind::info, "Merged into " + kept->name};
        return pos::ok();
    }
    // The refused form fills the gaps of the record kept; no second record is made.
    if (!customer_desk_.refused)
        return pos::not_allowed("Name the duplicate to merge: there is no refused form");
    const auto keep = book.find(keep_id);
    if (!keep)
        return pos::not_found("No customer with id " + intent.keep_id);
    auto checked = pos::check_customer_draft(draft_of(*customer_desk_.refused));
    if (!checked)
        return checked.error();
    pos::Customer result = pos::merged(*keep, *checked);
    result.updated_at_ms = now;
    return save_checked(result, "Merged the new details into " + result.name);
}

pos::Status Terminal::handle(const AttachCustomer& intent) {
    if (!session_)
        return pos::not_allowed("Log in first");
    std::optional<pos::Customer> customer;
    if (intent.id.empty()) {
        customer = customer_desk_.shown;
        if (!customer)
            return pos::not_allowed("Find the customer first");
    } else {
        auto& book = services_.store.customers();
        customer = book.find(intent.id);
        if (!customer)
            customer = book.find_by_card(intent.id);
        if (!customer)
            return pos::not_found("No customer with id or card " + intent.id);
    }
    if (screen_ == Screen::completed ||
        (screen_ == Screen::customers && before_desk_ == Screen::completed)) {
        if (auto s = session_->start_new_ticket(); !s)  // the customer is for the next sale
            return s;
        selected_.reset();
        ticket_started();
        completed_.reset();
        if (screen_ == Screen::completed)
            screen_ = Screen::sale;
        else
            before_desk_ = Screen::sale;
    }
    if (auto s = session_->attach_customer(*customer); !s)
        return s;
    if (screen_ == Screen::customers &&
        (before_desk_ == Screen::sale || before_desk_ == Screen::tender)) {
        screen_ = before_desk_;  // back to the sale they are buying
    }
    message_ = {MessageKind::info, customer->name + " is on this sale"};
    return pos::ok();
}

pos::Status Terminal::handle(const DetachCustomer&) {
    if (!session_ || !session_->ticket().customer())
        return pos::not_allowed("No customer is on this sale");
    const std::string name = session_->ticket().customer()->name;
    session_->detach_customer();
    message_ = {MessageKind::info, name + " is off this sale"};
    return pos::ok();
}

pos::Status Terminal::handle(const TenderPoints& intent) {
    if (!session_ || !session_->ticket().customer())
        return pos::not_allowed("Attach the customer first: points belong to a customer");
    return tender("pay with points", [&] { return session_->tender_points(intent.amount); });
}

std::optional<pos::Status> Terminal::scanned_loyalty_card(const std::string& code) {
    if (!pos::is_loyalty_card(code))
        return std::nullopt;  // an item
    const auto customer = services_.store.customers().find_by_card(code);
    if (!customer) {
        return pos::Status{pos::not_found(
            "Loyalty card " + code +
            " is not known here: find the customer on the Customer screen, or create them")};
    }
    return handle(AttachCustomer{customer->id});
}

std::optional<CustomerBadgeVm> Terminal::customer_badge() const {
    if (!session_ || !session_->ticket().customer())
        return std::nullopt;
    const auto& c = *session_->ticket().customer();
    return CustomerBadgeVm{c.name, points_text(services_.store.customers().points_balance(c.id))};
}

void Terminal::add_customer_tender(TenderVm& vm) const {
    if (!session_ || !session_->ticket().customer())
        return;
    const auto& ref = *session_->ticket().customer();
    auto& book = services_.store.customers();
    const std::int64_t points = book.points_balance(ref.id);
    vm.customer_name = ref.name;
    vm.points = points_text(points);
    // Below the least that may be redeemed at a time the button would only lead to a refusal.
    vm.can_pay_points =
        settings_.loyalty.enabled && points > 0 && points >= settings_.loyalty.min_redeem_points;
    if (const auto c = book.find(ref.id))
        vm.credit_account = c->store_credit_account;
}

}  // namespace ui
