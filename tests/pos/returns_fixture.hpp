// Shared by the return tests: products, a sold and completed ticket, and the return being built.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "fakes.hpp"
#include "pos/returns.hpp"
#include "pos/ticket.hpp"

namespace returns_fixture {

using fakes::eur_cents;

inline pos::Product item(std::int64_t id, std::string name, std::int64_t cents,
                         const pos::TaxRate& tax = fakes::vat20,
                         pos::UnitOfSale unit = pos::UnitOfSale::each) {
    return {id, std::to_string(id), std::move(name), "Grocery", tax, eur_cents(cents), unit};
}

inline const pos::Product chocolate = item(10, "Chocolate", 150);
inline const pos::Product wine = item(11, "Rioja", 899);
inline const pos::Product bread = item(12, "Sourdough", 349, fakes::vat5);
inline const pos::Product cheese = item(13, "Comte", 2490, fakes::vat5, pos::UnitOfSale::kilogram);

inline pos::Promotion three_for_two(std::int64_t product_id) {
    pos::Promotion p;
    p.id = "P1";
    p.name = "3 for 2";
    p.kind = pos::PromotionKind::quantity_break;
    p.product_ids = {product_id};
    p.buy_quantity = 3;
    p.pay_quantity = 2;
    return p;
}

inline pos::Ticket open_ticket(std::string id,
                               pos::TaxPolicy policy = {pos::PricingMode::tax_inclusive,
                                                        pos::TaxRounding::per_line}) {
    return pos::Ticket(std::move(id), "T01", {1, "Alex"}, fakes::eur, policy, 1'000);
}

inline pos::Payment cash(std::int64_t cents) {
    return {"", pos::PaymentMethod::cash, eur_cents(cents), "", ""};
}
inline pos::Payment card(std::int64_t cents, std::string reference = "AUTH-1",
                         std::string last4 = "4242") {
    return {"", pos::PaymentMethod::card, eur_cents(cents), std::move(reference), std::move(last4)};
}
inline pos::Payment gift_card(std::int64_t cents, std::string account = "GC-0001") {
    return {"", pos::PaymentMethod::gift_card, eur_cents(cents), std::move(account), ""};
}
inline pos::Payment refund(pos::Payment p, std::string of) {
    p.amount = -p.amount;
    p.refund_of = std::move(of);
    return p;
}

// Tenders the ticket with these payments and completes it as receipt T01-000042.
inline void complete(pos::Ticket& t, const std::vector<pos::Payment>& payments,
                     std::string receipt = "T01-000042") {
    t.begin_tender();
    for (const auto& p : payments)
        t.add_payment(p);
    t.mark_completed(std::move(receipt), 42, 2'000);
}

// The completed ticket paid exactly by card, opened for a return with nothing returned yet.
inline pos::OriginalTicket paid_by_card(pos::Ticket t) {
    complete(t, {card(t.totals().total.minor())});
    return {std::move(t), {}, {}, {}};
}

// Records a return line as if it had been completed on an earlier return.
inline void record_earlier(pos::OriginalTicket& original, const pos::TicketLine& line) {
    original.returned_milli[line.returned->original_line_id] += line.quantity.milli;
}

inline std::int64_t gross(const pos::TicketLine& line) {
    return line.amounts.gross.minor();
}
inline std::int64_t tax(const pos::TicketLine& line) {
    return line.amounts.tax.minor();
}

}  // namespace returns_fixture
