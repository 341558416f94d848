// Interactions: the store's open inquiries, complaints and requests, recording a new one for the
// customer at the counter, updating one, and resolving a complaint with a return or exchange.
#include "pos/returns.hpp"
#include "ui/terminal.hpp"
#include "ui/terminal_text.hpp"

namespace ui {

namespace {

constexpr std::size_t open_list_limit = 200;

pos::InteractionDraft draft_of(const SaveInteraction& intent) {
    return {intent.kind,   intent.category,  intent.said,   intent.done,
            intent.status, intent.follow_up, intent.receipt};
}

std::string kind_and_number(const pos::Interaction& i) {
    return std::string(pos::title(i.kind)) + " " + i.number;
}

bool has_return_lines(const pos::Ticket& ticket) {
    for (const auto& l : ticket.lines()) {
        if (l.returned && !l.voided)
            return true;
    }
    return false;
}

std::string quantity_and_name(const pos::TicketLine& l) {
    return pos::format_quantity(
               l.quantity.milli < 0 ? pos::Quantity{-l.quantity.milli} : l.quantity, l.unit) +
           " × " + l.name;
}

// "Exchanged on T01-000004: returned 1 × Kettle (faulty); gave 1 × Kettle."
std::string describe_outcome(const pos::Ticket& ticket) {
    std::string back;
    std::string given;
    for (const auto& l : ticket.lines()) {
        if (l.voided)
            continue;
        std::string& list = l.returned ? back : given;
        list += (list.empty() ? "" : ", ") + quantity_and_name(l);
        if (l.returned)
            list += " (" + std::string(pos::label(l.returned->reason)) + ")";
    }
    const bool exchange = !given.empty();
    std::string text = std::string(exchange ? "Exchanged" : "Refunded") + " on " +
                       ticket.receipt_number() + ": returned " + back;
    if (exchange)
        text += "; gave " + given;
    return text + ".";
}

}  // namespace

pos::Status Terminal::enter_desk(Screen screen, std::string_view action) {
    if (!user_)
        return pos::not_allowed("Log in first, then " + std::string(action));
    if (screen_ == Screen::tender)
        return pos::not_allowed("Payment is in progress: finish it or tap Back before you " +
                                std::string(action));
    const bool desk = screen_ == Screen::lookup || screen_ == Screen::customers ||
                      screen_ == Screen::interactions || screen_ == Screen::special_orders;
    if (!desk)
        before_desk_ = screen_ == Screen::completed ? Screen::completed : Screen::sale;
    screen_ = screen;
    message_ = {};
    return pos::ok();
}

std::int64_t Terminal::today() const {
    return pos::local_day(services_.clock.now_ms(), services_.utc_offset_minutes);
}

std::optional<pos::CustomerRef> Terminal::attached_customer() const {
    if (session_ && session_->ticket().state() != pos::TicketState::completed &&
        session_->ticket().customer())
        return session_->ticket().customer();
    return std::nullopt;
}

std::optional<pos::CustomerRef> Terminal::desk_customer() const {
    if (auto attached = attached_customer())
        return attached;
    if (customer_desk_.shown)
        return pos::ref_of(*customer_desk_.shown);
    return std::nullopt;
}

void Terminal::refresh_interactions() {
    interaction_desk_.open =
        services_.store.interactions().open_for_store(settings_.store_code, open_list_limit);
    if (interaction_desk_.shown) {  // as stored now (another terminal may have changed it)
        if (auto fresh = services_.store.interactions().find(interaction_desk_.shown->id))
            interaction_desk_.shown = std::move(*fresh);
    }
}

pos::Result<pos::Interaction> Terminal::interaction_named(const std::string& id) const {
    if (id.empty()) {
        if (!interaction_desk_.shown)
            return pos::bad_input("Pick an interaction from the list first");
        return *interaction_desk_.shown;
    }
    if (auto found = services_.store.interactions().find(id))
        return std::move(*found);
    return pos::not_found("There is no interaction " + id);
}

void Terminal::interaction_shown(const pos::Interaction& interaction) {
    interaction_desk_.shown = interaction;
    refresh_interactions();
}

pos::Status Terminal::handle(const ShowInteractions&) {
    if (auto s = enter_desk(Screen::interactions, "open the interactions"); !s)
        return s;
    refresh_interactions();
    const auto customer = desk_customer();
    message_ = {MessageKind::info, customer ? "A new one is recorded for " + customer->name
                                            : "Pick one to see it, or tap New"};
    return pos::ok();
}

pos::Status Terminal::handle(const PickInteraction& intent) {
    if (auto s = require_screen(Screen::interactions, "pick an interaction"); !s)
        return s;
    if (intent.index >= interaction_desk_.open.size()) {
        return pos::bad_input("There is no interaction " + std::to_string(intent.index + 1) +
                              " in the list (it has " +
                              std::to_string(interaction_desk_.open.size()) + ")");
    }
    interaction_shown(interaction_desk_.open[intent.index]);
    message_ = {MessageKind::info, kind_and_number(*interaction_desk_.shown)};
    return pos::ok();
}

pos::Status Terminal::handle(const SaveInteraction& intent) {
    if (auto s = require_screen(Screen::interactions, "save an interaction"); !s)
        return s;
    if (!intent.receipt.empty()) {
        if (auto ref = pos::parse_receipt_reference(intent.receipt); !ref)
            return ref.error();
    }
    // A new one has a kind; the update form (and the script's `interaction update`) has none.
    if (intent.id.empty() && !intent.kind.empty())
        return save_new_interaction(intent);
    auto interaction = interaction_named(intent.id);
    if (!interaction) {
        if (intent.id.empty())
            return pos::bad_input(
                "Choose inquiry, complaint or request for a new one, or pick "
                "one from the list to update it");
        return interaction.error();
    }
    return save_interaction_update(std::move(*interaction), intent);
}

pos::Status Terminal::save_new_interaction(const SaveInteraction& intent) {
    const auto now = services_.clock.now_ms();
    auto made = pos::open_interaction(draft_of(intent), today(), now);
    if (!made)
        return made.error();
    pos::Interaction interaction = std::move(*made);
    if (interaction.id.empty())
        interaction.id = services_.ids.new_id();
    if (const auto customer = desk_customer()) {
        interaction.customer_id = customer->id;
        interaction.customer_name = customer->name;
    }
    interaction.store_code = settings_.store_code;
    interaction.handled_by = user_->id;
    interaction.handled_by_name = user_->name;
    auto stored = services_.store.interactions().open(std::move(interaction));
    if (!stored)
        return stored.error();
    interaction_shown(*stored);
    std::string said = kind_and_number(*stored) + " recorded";
    if (!stored->customer_name.empty())
        said += " for " + stored->customer_name;
    if (stored->follow_up_day != 0)
        said += ", follow up by " + pos::format_day(stored->follow_up_day);
    message_ = {MessageKind::info, said};
    return pos::ok();
}

pos::Status Terminal::save_interaction_update(pos::Interaction interaction,
                                              const SaveInteraction& intent) {
    pos::InteractionDraft draft = draft_of(intent);
    draft.kind.clear();  // the kind of an interaction stays what it was recorded as
    if (auto s = pos::update_interaction(interaction, draft, today(), services_.clock.now_ms()); !s)
        return s;
    interaction.handled_by = user_->id;
    interaction.handled_by_name = user_->name;
    if (auto s = services_.store.interactions().save(interaction); !s)
        return s;
    interaction_shown(interaction);
    message_ = {MessageKind::info, kind_and_number(interaction) +
                                       " saved: " + std::string(pos::title(interaction.status))};
    return pos::ok();
}

// The return screen with the interaction's receipt open; the ticket that comes of it resolves
// the interaction when it completes (service_after_completion).
pos::Status Terminal::handle(const ResolveWithReturn& intent) {
    if (auto s = require_screen(Screen::interactions, "resolve with a return"); !s)
        return s;
    auto interaction = interaction_named(intent.id);
    if (!interaction)
        return interaction.error();
    if (interaction->status == pos::InteractionStatus::resolved)
        return pos::not_allowed(kind_and_number(*interaction) + " is resolved already");
    if (interaction->receipt_number.empty()) {
        return pos::bad_input(kind_and_number(*interaction) +
                              " names no receipt: add its receipt number first, or return "
                              "without a receipt from the sale screen");
    }
    screen_ = before_desk_;
    if (auto s = handle(OpenReceipt{interaction->receipt_number}); !s) {
        screen_ = Screen::interactions;
        return s;
    }
    interaction_desk_.resolving_id = interaction->id;
    if (!attached_customer() && !interaction->customer_id.empty()) {
        if (auto customer = services_.store.customers().find(interaction->customer_id))
            (void)session_->attach_customer(*customer);  // best effort: the return goes on
    }
    message_ = {MessageKind::info, kind_and_number(*interaction) + ": pick what comes back from " +
                                       interaction->receipt_number +
                                       "; it is resolved when this ticket completes"};
    return pos::ok();
}

// The interaction being resolved records the return or exchange and is resolved; "what was done"
// says what the ticket did when the clerk left it empty. A ticket with no return lines (the
// return was abandoned) leaves it as it was.
std::string Terminal::resolve_by_ticket(const pos::Ticket& ticket) {
    const std::string id = std::exchange(interaction_desk_.resolving_id, std::string{});
    if (id.empty() || !has_return_lines(ticket))
        return {};
    auto found = services_.store.interactions().find(id);
    if (!found)
        return {};
    pos::Interaction interaction = std::move(*found);
    interaction.outcome_receipts.push_back(ticket.receipt_number());
    pos::InteractionDraft draft;
    draft.status = "resolved";
    if (interaction.done.empty())
        draft.done = describe_outcome(ticket);
    const auto s = pos::update_interaction(interaction, draft, today(), services_.clock.now_ms());
    if (!s)
        return kind_and_number(interaction) + " was not resolved: " + s.error().message;
    if (user_) {
        interaction.handled_by = user_->id;
        interaction.handled_by_name = user_->name;
    }
    if (auto saved = services_.store.interactions().save(interaction); !saved)
        return kind_and_number(interaction) + " was not saved: " + saved.error().message;
    if (interaction_desk_.shown && interaction_desk_.shown->id == interaction.id)
        interaction_desk_.shown = interaction;
    return kind_and_number(interaction) + " resolved with " + ticket.receipt_number();
}

void Terminal::service_after_completion(const pos::Ticket& ticket) {
    std::string note = resolve_by_ticket(ticket);
    bool orders = false;
    for (const auto& l : ticket.lines())
        orders = orders || !l.special_order.empty();
    for (const auto& p : ticket.payments())
        orders = orders || p.method == pos::PaymentMethod::deposit;
    if (orders || !order_desk_.deposit_for.empty()) {
        order_desk_.deposit_for.clear();
        refresh_orders();
    }
    service_note_ = note;
    if (!note.empty() && !message_.text.empty())
        message_.text += ". " + note;
}

}  // namespace ui
