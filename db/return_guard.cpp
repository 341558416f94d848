#include "db/return_guard.hpp"

#include <map>
#include <tuple>

#include "db/format.hpp"
#include "pos/quantity.hpp"

namespace db {

namespace {

const std::string not_written = "; nothing was refunded and nothing was written";

bool is_cash_like(pos::PaymentMethod method) {
    return method == pos::PaymentMethod::cash || method == pos::PaymentMethod::cash_rounding;
}

// A tender of an original ticket that refunds go back to: cash (with its change and rounding),
// or a card / gift card by its reference. Store credit takes any refund and has no cap.
struct TenderKey {
    std::string original_ticket_id;
    bool cash = false;
    pos::PaymentMethod method = pos::PaymentMethod::cash;
    std::string reference;
    auto tie() const { return std::tie(original_ticket_id, cash, method, reference); }
    bool operator<(const TenderKey& other) const { return tie() < other.tie(); }
};

std::string tender_label(const TenderKey& key, const pos::Payment& example) {
    if (key.cash)
        return "Cash";
    return pos::payment_label(example);
}

}  // namespace

ReturnGuard::ReturnGuard(Database& db)
    : original_line_(db,
                     "SELECT lines.ticket_id, lines.quantity_milli, lines.voided, lines.name,"
                     " lines.unit, tickets.state, tickets.receipt_number,"
                     " lines.reason IS NOT NULL"
                     " FROM ticket_lines AS lines JOIN tickets ON tickets.id = lines.ticket_id"
                     " WHERE lines.id = ?"),
      returned_of_line_(db,
                        "SELECT coalesce(sum(lines.quantity_milli), 0)"
                        " FROM ticket_lines AS lines"
                        " JOIN tickets ON tickets.id = lines.ticket_id"
                        " WHERE lines.original_line_id = ? AND lines.voided = 0"
                        " AND tickets.state = 'completed'"),
      original_ticket_(db, "SELECT state, receipt_number FROM tickets WHERE id = ?"),
      post_voided_by_(db,
                      "SELECT receipt_number FROM tickets"
                      " WHERE post_void_of = ? AND state = 'completed'"),
      returned_from_(db,
                     "SELECT tickets.receipt_number FROM ticket_lines AS lines"
                     " JOIN tickets ON tickets.id = lines.ticket_id"
                     " WHERE lines.original_ticket_id = ? AND lines.voided = 0"
                     " AND tickets.state = 'completed'"
                     " ORDER BY tickets.completed_at_ms LIMIT 1"),
      paid_cash_(db,
                 "SELECT coalesce(sum(amount), 0) FROM payments WHERE ticket_id = ?"
                 " AND refund_of IS NULL AND method IN ('cash', 'cash_rounding')"),
      paid_by_reference_(db,
                         "SELECT coalesce(sum(amount), 0), count(*) FROM payments"
                         " WHERE ticket_id = ? AND refund_of IS NULL AND method = ?"
                         " AND reference = ?"),
      refunded_cash_(db,
                     "SELECT coalesce(-sum(payments.amount), 0) FROM payments"
                     " JOIN tickets ON tickets.id = payments.ticket_id"
                     " WHERE payments.refund_of = ? AND tickets.state = 'completed'"
                     " AND payments.method IN ('cash', 'cash_rounding')"),
      refunded_by_reference_(db,
                             "SELECT coalesce(-sum(payments.amount), 0) FROM payments"
                             " JOIN tickets ON tickets.id = payments.ticket_id"
                             " WHERE payments.refund_of = ? AND tickets.state = 'completed'"
                             " AND payments.method = ? AND payments.reference = ?") {}

pos::Status ReturnGuard::check(const pos::Ticket& ticket) {
    if (!ticket.post_void_of().empty()) {
        if (auto checked = check_post_void(ticket); !checked)
            return checked;
    }
    for (const pos::TicketLine& line : ticket.lines()) {
        if (line.voided || !line.returned || line.returned->original_line_id.empty())
            continue;
        if (auto checked = check_return_line(ticket, line); !checked)
            return checked;
    }
    return check_refunds(ticket);
}

pos::Status ReturnGuard::check_return_line(const pos::Ticket& ticket, const pos::TicketLine& line) {
    const pos::ReturnOf& returned = *line.returned;
    std::int64_t sold = 0;
    std::string name;
    std::string receipt;
    pos::UnitOfSale unit = pos::UnitOfSale::each;
    {
        auto use = original_line_.use();
        original_line_.bind_all(returned.original_line_id);
        if (!original_line_.step() ||
            original_line_.column_text(0) != returned.original_ticket_id ||
            original_line_.column_text(5) != "completed") {
            return pos::not_found("The returned " + in_quotes(line.name) +
                                  " is not a line of a completed ticket of this store (receipt " +
                                  returned.original_receipt + ")" + not_written);
        }
        sold = original_line_.column_int64(1);
        name = original_line_.column_text(3);
        unit = unit_from(original_line_.column_text(4));
        receipt = original_line_.column_text(6);
        if (original_line_.column_int64(2) != 0 || original_line_.column_int64(7) != 0) {
            return pos::not_allowed(in_quotes(name) + " on receipt " + receipt +
                                    " was not sold (it is a voided line or a return)" +
                                    not_written);
        }
    }
    std::int64_t earlier = 0;
    {
        auto use = returned_of_line_.use();
        returned_of_line_.bind_all(returned.original_line_id);
        returned_of_line_.step();
        earlier = returned_of_line_.column_int64(0);
    }
    // This ticket may return the same original line on more than one line.
    std::int64_t now = 0;
    for (const pos::TicketLine& other : ticket.lines()) {
        if (!other.voided && other.returned &&
            other.returned->original_line_id == returned.original_line_id)
            now += other.quantity.milli;
    }
    if (earlier + now > sold) {
        const auto qty = [&](std::int64_t milli) {
            return pos::format_quantity(pos::Quantity{milli}, unit);
        };
        const std::int64_t left = sold > earlier ? sold - earlier : 0;
        return pos::not_allowed(in_quotes(name) + " on receipt " + receipt + ": " + qty(sold) +
                                " sold, " + qty(earlier) +
                                " already returned (perhaps at another till), so " + qty(left) +
                                " can still be returned, not " + qty(now) + not_written);
    }
    return pos::ok();
}

pos::Status ReturnGuard::check_post_void(const pos::Ticket& ticket) {
    const std::string& original = ticket.post_void_of();
    std::string receipt;
    {
        auto use = original_ticket_.use();
        original_ticket_.bind_all(original);
        if (!original_ticket_.step() || original_ticket_.column_text(0) != "completed") {
            return pos::not_found(
                "The post-void names a ticket that is not a completed ticket "
                "of this store" +
                not_written);
        }
        receipt = original_ticket_.column_text(1);
    }
    {
        auto use = post_voided_by_.use();
        post_voided_by_.bind_all(original);
        if (post_voided_by_.step()) {
            return pos::not_allowed("Receipt " + receipt + " was already post-voided (receipt " +
                                    post_voided_by_.column_text(0) + ")" + not_written);
        }
    }
    auto use = returned_from_.use();
    returned_from_.bind_all(original);
    if (returned_from_.step()) {
        return pos::not_allowed("Receipt " + receipt + " already has a return (receipt " +
                                returned_from_.column_text(0) +
                                "), so it can no longer be post-voided" + not_written);
    }
    return pos::ok();
}

pos::Status ReturnGuard::check_refunds(const pos::Ticket& ticket) {
    std::map<TenderKey, std::int64_t> refunds;  // what this ticket gives back, per tender
    std::map<TenderKey, pos::Payment> examples;
    for (const pos::Payment& payment : ticket.payments()) {
        if (payment.refund_of.empty())
            continue;
        // Only a post-void gives back change (negating it), so only there may one be positive.
        if (!payment.amount.is_negative() && ticket.post_void_of().empty()) {
            return pos::bad_input("A refund to " + pos::payment_label(payment) +
                                  " must be a negative amount, not " +
                                  pos::format_amount(payment.amount) + not_written);
        }
        if (payment.method == pos::PaymentMethod::store_credit)
            continue;
        TenderKey key{payment.refund_of, is_cash_like(payment.method), payment.method,
                      is_cash_like(payment.method) ? std::string() : payment.reference};
        refunds[key] -= payment.amount.minor();
        examples.emplace(key, payment);
    }
    for (const auto& [key, amount] : refunds) {
        const pos::Payment& example = examples.at(key);
        std::string receipt;
        {
            auto use = original_ticket_.use();
            original_ticket_.bind_all(key.original_ticket_id);
            if (!original_ticket_.step() || original_ticket_.column_text(0) != "completed") {
                return pos::not_found(
                    "A refund names a ticket that is not a completed ticket of this store" +
                    not_written);
            }
            receipt = original_ticket_.column_text(1);
        }
        std::int64_t paid = 0;
        std::int64_t refunded = 0;
        if (key.cash) {
            auto use = paid_cash_.use();
            paid_cash_.bind_all(key.original_ticket_id);
            paid_cash_.step();
            paid = paid_cash_.column_int64(0);
            auto use_refunded = refunded_cash_.use();
            refunded_cash_.bind_all(key.original_ticket_id);
            refunded_cash_.step();
            refunded = refunded_cash_.column_int64(0);
        } else {
            auto use = paid_by_reference_.use();
            paid_by_reference_.bind_all(key.original_ticket_id, method_text(key.method),
                                        key.reference);
            paid_by_reference_.step();
            paid = paid_by_reference_.column_int64(0);
            if (paid_by_reference_.column_int64(1) == 0) {
                return pos::not_allowed(tender_label(key, example) + " did not pay on receipt " +
                                        receipt +
                                        ", so no refund can go to it (refunds go back to the "
                                        "tender that paid)" +
                                        not_written);
            }
            auto use_refunded = refunded_by_reference_.use();
            refunded_by_reference_.bind_all(key.original_ticket_id, method_text(key.method),
                                            key.reference);
            refunded_by_reference_.step();
            refunded = refunded_by_reference_.column_int64(0);
        }
        if (refunded + amount > paid) {
            const pos::Currency& currency = ticket.currency();
            const std::int64_t left = paid > refunded ? paid - refunded : 0;
            return pos::not_allowed(
                tender_label(key, example) + " paid " + format_price(paid, currency) +
                " on receipt " + receipt + " and " + format_price(refunded, currency) +
                " of it was already refunded, so it can take " + format_price(left, currency) +
                " more, not " + format_price(amount, currency) + not_written);
        }
    }
    return pos::ok();
}

}  // namespace db
