#include "fakes.hpp"

#include <algorithm>
#include <cstdint>
#include <cstdio>

namespace fakes {

pos::StoreSettings settings() {
    pos::StoreSettings s;
    s.store_name = "Test Market";
    s.address_lines = {"1 High Street"};
    s.tax_id = "VAT 1";
    s.store_code = "S001";
    s.terminal_id = "T01";
    s.currency = eur;
    s.pricing = pos::PricingMode::tax_inclusive;
    return s;
}

std::string Ids::new_id() {
    char buf[40];
    std::snprintf(buf, sizeof buf, "00000000-0000-7000-8000-%012d", ++next);
    return buf;
}

Catalogue::Catalogue() {
    using pos::UnitOfSale;
    by_code["4000000000013"] = {1,    "4000000000013", "Whole Milk 1 L", "Dairy",
                                vat5, eur_cents(119),  UnitOfSale::each};
    by_code["4000000000020"] = {2,    "4000000000020", "Sourdough Bread", "Bakery",
                                vat5, eur_cents(349),  UnitOfSale::each};
    by_code["4000000000037"] = {3,     "4000000000037", "Rioja Red 75 cl", "Wine",
                                vat20, eur_cents(899),  UnitOfSale::each};
    by_code["4011"] = {4,    "4011",         "Bananas loose",     "Produce",
                       vat5, eur_cents(199), UnitOfSale::kilogram};
}

std::optional<pos::Product> Catalogue::find_by_code(std::string_view code, std::int64_t) {
    auto it = by_code.find(std::string(code));
    if (it == by_code.end())
        return std::nullopt;
    return it->second;
}

std::vector<pos::Product> Catalogue::search(std::string_view text, std::size_t limit,
                                            std::int64_t) {
    std::vector<pos::Product> out;
    for (const auto& [code, product] : by_code) {
        if (out.size() < limit && product.name.find(text) != std::string::npos)
            out.push_back(product);
    }
    return out;
}

namespace {

bool is_unreceipted_return(const pos::TicketLine& line) {
    return !line.voided && line.returned && line.returned->original_ticket_id.empty();
}

}  // namespace

pos::Result<pos::CompletedSale> SaleStore::complete_sale(const pos::Ticket& ticket,
                                                         std::int64_t completed_at_ms) {
    if (fail_next) {
        fail_next = false;
        return pos::store_failure("disk full");
    }
    if (archive) {
        if (auto s = archive->check_returns(ticket); !s)
            return s.error();
    }
    written.push_back(ticket);
    const auto seq = static_cast<std::int64_t>(written.size());
    char number[32];
    std::snprintf(number, sizeof number, "%s-%06lld", ticket.terminal_id().c_str(),
                  static_cast<long long>(seq));
    if (archive) {
        const pos::Ticket& t = ticket;
        archive->completed.push_back(pos::Ticket::restore(
            t.id(), t.terminal_id(), t.clerk(), t.currency(), t.policy(), t.opened_at_ms(),
            completed_at_ms, number, seq, t.lines(), t.payments(), t.discount(), t.approvals(),
            t.post_void_of(), t.post_void_of_receipt(), t.customer(), t.points_earned()));
    }
    return pos::CompletedSale{number, seq};
}

const pos::Ticket* Archive::by_id(const std::string& ticket_id) const {
    for (const auto& t : completed) {
        if (t.id() == ticket_id)
            return &t;
    }
    return nullptr;
}

pos::OriginalTicket Archive::original(const pos::Ticket& sale) const {
    pos::OriginalTicket o{sale, {}, {}, {}};
    for (const auto& t : completed) {
        for (const auto& line : t.lines()) {
            if (!line.voided && line.returned && line.returned->original_ticket_id == sale.id())
                o.returned_milli[line.returned->original_line_id] += line.quantity.milli;
        }
        for (const auto& p : t.payments()) {
            if (p.refund_of == sale.id())
                o.refunds.push_back(p);
        }
        if (t.post_void_of() == sale.id())
            o.post_voided_by = t.receipt_number();
    }
    return o;
}

pos::Status Archive::check_returns(const pos::Ticket& ticket) const {
    std::vector<std::string> ids;
    for (const auto& line : ticket.lines()) {
        if (line.returned && !line.returned->original_ticket_id.empty())
            ids.push_back(line.returned->original_ticket_id);
    }
    for (const auto& id : ids) {
        const pos::Ticket* sale = by_id(id);
        if (!sale)
            return pos::not_found("The returned sale " + id + " is not in this store");
        const pos::OriginalTicket o = original(*sale);
        for (const auto& line : sale->lines()) {
            const auto before = o.returned_milli.find(line.id);
            std::int64_t returned = before == o.returned_milli.end() ? 0 : before->second;
            for (const auto& l : ticket.lines()) {
                if (!l.voided && l.returned && l.returned->original_line_id == line.id)
                    returned += l.quantity.milli;
            }
            if (returned > line.quantity.milli) {
                return pos::not_allowed(line.name + " on " + sale->receipt_number() +
                                        " was already returned meanwhile: nothing was refunded");
            }
        }
        for (const auto& tender : pos::refund_tenders(o, ticket)) {
            if (tender.available().is_negative()) {
                return pos::not_allowed("Refunds to the tenders of " + sale->receipt_number() +
                                        " would exceed what they paid: nothing was refunded");
            }
        }
    }
    return pos::ok();
}

std::optional<pos::OriginalTicket> Archive::open_for_return(const std::string& receipt_number) {
    for (const auto& t : completed) {
        if (t.receipt_number() == receipt_number)
            return original(t);
    }
    return std::nullopt;
}

std::optional<pos::Ticket> Archive::find_ticket(const std::string& receipt_number) {
    for (const auto& t : completed) {
        if (t.receipt_number() == receipt_number)
            return t;
    }
    return std::nullopt;
}

std::vector<pos::TicketSummary> Archive::find_tickets(const pos::TicketQuery& query) {
    std::vector<pos::TicketSummary> out;
    for (auto it = completed.rbegin(); it != completed.rend() && out.size() < query.limit; ++it) {
        const pos::Ticket& t = *it;
        if ((query.from_ms && t.completed_at_ms() < query.from_ms) ||
            (query.to_ms && t.completed_at_ms() >= query.to_ms) ||
            (query.total_minor && t.totals().total.minor() != *query.total_minor)) {
            continue;
        }
        const bool card = query.card.empty() ||
                          std::any_of(t.payments().begin(), t.payments().end(), [&](const auto& p) {
                              return p.method == pos::PaymentMethod::card &&
                                     (p.reference == query.card || p.card_last4 == query.card);
                          });
        if (!card)
            continue;
        out.push_back({t.id(), t.receipt_number(), t.terminal_id(), t.kind(), t.completed_at_ms(),
                       t.clerk().name, t.totals().total, t.item_count(), ""});
    }
    return out;
}

std::optional<pos::Money> Archive::lowest_price(std::int64_t product_id, std::int64_t from_ms,
                                                std::int64_t to_ms) {
    const auto found = prices.find(product_id);
    if (found == prices.end())
        return std::nullopt;
    std::optional<pos::Money> lowest;
    const auto& history = found->second;
    for (std::size_t i = 0; i < history.size(); ++i) {
        const std::int64_t starts = history[i].first;
        const std::int64_t ends =
            i + 1 < history.size() ? history[i + 1].first : std::int64_t{INT64_MAX};
        // In effect at some moment of [from_ms, to_ms].
        if (starts <= to_ms && ends > from_ms && (!lowest || history[i].second < *lowest))
            lowest = history[i].second;
    }
    return lowest;
}

pos::NoReceiptHistory Archive::no_receipt_returns(const std::string& customer,
                                                  std::int64_t since_ms) {
    pos::NoReceiptHistory history;
    for (const auto& t : completed) {
        if (t.completed_at_ms() < since_ms)
            continue;
        bool counted = false;
        for (const auto& line : t.lines()) {
            if (!is_unreceipted_return(line) || line.returned->customer != customer)
                continue;
            history.amount_minor -= line.amounts.gross.minor();
            if (!counted)
                ++history.returns;
            counted = true;
        }
    }
    return history;
}

Users::Users() {
    users = {{1, "1001", "Alex Martin", pos::Role::clerk},
             {2, "9001", "Morgan Lee", pos::Role::manager},
             {3, "5001", "Jordan Diaz", pos::Role::supervisor},
             {4, "9901", "Riley Quinn", pos::Role::administrator}};
    pins = {{1, "1234"}, {2, "4321"}, {3, "5555"}, {4, "2468"}};
    badges = {{2, "BADGE-9001-ML"}, {3, "BADGE-5001-JD"}};
}

std::optional<pos::User> Users::find_by_badge(std::string_view badge) {
    for (const auto& [id, b] : badges) {
        if (b == badge) {
            for (const auto& u : users) {
                if (u.id == id)
                    return u;
            }
        }
    }
    return std::nullopt;
}

std::optional<pos::User> Users::find_by_code(std::string_view code) {
    for (const auto& u : users) {
        if (u.code == code)
            return u;
    }
    return std::nullopt;
}

bool Users::pin_matches(std::int64_t user_id, std::string_view pin) {
    return pins[user_id] == pin;
}

std::vector<pos::Promotion> Promotions::promotions_at(std::int64_t at_ms) {
    std::vector<pos::Promotion> out;
    for (const auto& p : all) {
        if (at_ms >= p.starts_at_ms && at_ms < p.ends_at_ms)
            out.push_back(p);
    }
    return out;
}

pos::Status Events::record(const pos::TicketEvent& event) {
    if (fail_next) {
        fail_next = false;
        return pos::store_failure("journal is full");
    }
    recorded.push_back(event);
    return pos::ok();
}

pos::Status Suspended::suspend(const pos::Ticket& ticket, const std::string& label, std::int64_t) {
    parked.emplace_back(ticket, label);
    return pos::ok();
}

std::vector<pos::SuspendedTicket> Suspended::list() {
    std::vector<pos::SuspendedTicket> out;
    for (const auto& [t, label] : parked) {
        out.push_back({t.id(), t.terminal_id(), t.clerk().name, 0, t.live_line_count(),
                       t.totals().total, label});
    }
    return out;
}

pos::Result<pos::Ticket> Suspended::resume(const std::string& ticket_id, const pos::Clerk&,
                                           std::int64_t) {
    for (auto it = parked.begin(); it != parked.end(); ++it) {
        if (it->first.id() == ticket_id) {
            const pos::Ticket& t = it->first;
            auto restored =
                pos::Ticket::restore_open(t.id(), t.terminal_id(), t.clerk(), t.currency(),
                                          t.policy(), t.opened_at_ms(), t.lines(), t.discount());
            parked.erase(it);
            return restored;
        }
    }
    return pos::not_found("No suspended sale " + ticket_id);
}

std::optional<pos::Money> StoredValue::balance(pos::PaymentMethod, std::string_view account) {
    auto it = balances.find(std::string(account));
    if (it == balances.end())
        return std::nullopt;
    return it->second;
}

std::int64_t StoredValue::points_balance(const std::string& customer_id) {
    auto it = points.find(customer_id);
    return it == points.end() ? 0 : it->second;
}

std::optional<pos::Money> StoredValue::deposit_held(std::string_view order_number) {
    auto it = deposits.find(std::string(order_number));
    if (it == deposits.end())
        return std::nullopt;
    return it->second;
}

}  // namespace fakes
