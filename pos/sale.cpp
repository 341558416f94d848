#include "pos/sale.hpp"

#include "pos/barcode.hpp"
#include "pos/quantity.hpp"

namespace pos {

SaleSession::SaleSession(SaleServices services, StoreSettings settings, Clerk clerk)
    : services_(services),
      settings_(std::move(settings)),
      clerk_(std::move(clerk)),
      ticket_(fresh_ticket()) {}

Ticket SaleSession::fresh_ticket() {
    return Ticket(services_.ids.new_id(), settings_.terminal_id, clerk_, settings_.currency,
                  settings_.pricing, services_.clock.now_ms());
}

Status SaleSession::require_state(TicketState wanted, std::string_view action) const {
    if (ticket_.state() == wanted)
        return ok();
    std::string why;
    switch (ticket_.state()) {
        case TicketState::open:
            why = "the sale is still open";
            break;
        case TicketState::tendering:
            why = "payment is in progress; go back to the sale first";
            break;
        case TicketState::completed:
            why = "this sale is already completed; start a new sale";
            break;
    }
    return not_allowed("Cannot " + std::string(action) + ": " + why);
}

Result<std::size_t> SaleSession::add_item(std::string_view code, std::string_view quantity) {
    if (auto s = require_state(TicketState::open, "add an item"); !s)
        return s.error();
    auto normalised = normalise_scanned_code(code);
    if (!normalised)
        return normalised.error();
    auto product = services_.catalogue.find_by_code(*normalised);
    if (!product) {
        return not_found("No product has the code " + *normalised +
                         ": check the code, or search by name");
    }
    return add_product(*product, quantity);
}

Result<std::size_t> SaleSession::add_product(const Product& product, std::string_view quantity) {
    if (auto s = require_state(TicketState::open, "add an item"); !s)
        return s.error();
    Quantity qty = Quantity::units(1);
    if (quantity.empty()) {
        if (product.unit == UnitOfSale::kilogram) {
            return bad_input(product.name +
                             " is sold by weight: key the weight in kg (for example 0.450) and "
                             "then scan or pick it");
        }
    } else {
        auto parsed = parse_quantity(quantity, product.unit);
        if (!parsed)
            return parsed.error();
        qty = *parsed;
    }
    return ticket_.add_line(services_.ids.new_id(), product, qty);
}

Status SaleSession::change_quantity(std::size_t line, std::string_view quantity) {
    if (auto s = require_state(TicketState::open, "change a quantity"); !s)
        return s;
    if (line >= ticket_.lines().size())
        return bad_input("Select a line first");
    auto parsed = parse_quantity(quantity, ticket_.lines()[line].unit);
    if (!parsed)
        return parsed.error();
    ticket_.set_quantity(line, *parsed);
    return ok();
}

Status SaleSession::remove_line(std::size_t line) {
    if (auto s = require_state(TicketState::open, "remove a line"); !s)
        return s;
    if (line >= ticket_.lines().size())
        return bad_input("Select a line first");
    ticket_.remove_line(line);
    return ok();
}

Status SaleSession::begin_tender() {
    if (auto s = require_state(TicketState::open, "take payment"); !s)
        return s;
    if (ticket_.lines().empty())
        return not_allowed("Nothing to pay for: scan an item first");
    ticket_.begin_tender();
    return ok();
}

Status SaleSession::back_to_sale() {
    if (auto s = require_state(TicketState::tendering, "go back to the sale"); !s)
        return s;
    ticket_.resume_editing();
    return ok();
}

Result<CompletedSale> SaleSession::tender_cash(std::string_view amount) {
    auto parsed = parse_amount(amount, settings_.currency);
    if (!parsed)
        return parsed.error();
    return tender_cash(*parsed);
}

Result<CompletedSale> SaleSession::tender_cash(const Money& amount) {
    if (auto s = require_state(TicketState::tendering, "take cash"); !s)
        return s.error();
    const Money due = ticket_.totals().due;
    if (amount.is_negative() || amount.is_zero()) {
        return bad_input("Enter the cash received: it must be more than zero");
    }
    if (amount < due) {
        return bad_input("Cash " + format_amount(amount) + " is less than the " +
                         format_amount(due) + " due: key the amount received");
    }
    ticket_.add_payment({services_.ids.new_id(), PaymentMethod::cash, amount});
    if (amount > due) {
        ticket_.add_payment({services_.ids.new_id(), PaymentMethod::cash, -(amount - due)});
    }
    const std::int64_t completed_at = services_.clock.now_ms();
    auto stored = services_.store.complete_sale(ticket_, completed_at);
    if (!stored) {
        // Nothing was written: the clerk can try again, and the cash was not taken.
        ticket_.clear_payments();
        return stored.error();
    }
    ticket_.mark_completed(stored->receipt_number, stored->sequence, completed_at);
    return stored;
}

Status SaleSession::start_new_ticket() {
    const bool finished = ticket_.state() == TicketState::completed;
    const bool empty_open = ticket_.state() == TicketState::open && ticket_.lines().empty();
    if (!finished && !empty_open) {
        return not_allowed("Finish or clear the current sale before starting a new one");
    }
    ticket_ = fresh_ticket();
    return ok();
}

}  // namespace pos
