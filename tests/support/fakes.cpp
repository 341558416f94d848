#include "fakes.hpp"

#include <cstdio>

namespace fakes {

pos::StoreSettings settings() {
    pos::StoreSettings s;
    s.store_name = "Test Market";
    s.address_lines = {"1 High Street"};
    s.tax_id = "VAT 1";
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

pos::Result<pos::CompletedSale> SaleStore::complete_sale(const pos::Ticket& ticket, std::int64_t) {
    if (fail_next) {
        fail_next = false;
        return pos::store_failure("disk full");
    }
    written.push_back(ticket);
    const auto seq = static_cast<std::int64_t>(written.size());
    char number[32];
    std::snprintf(number, sizeof number, "%s-%06lld", ticket.terminal_id().c_str(),
                  static_cast<long long>(seq));
    return pos::CompletedSale{number, seq};
}

Users::Users() {
    users = {{1, "1001", "Alex Martin", pos::Role::clerk},
             {2, "9001", "Morgan Lee", pos::Role::manager}};
    pins = {{1, "1234"}, {2, "4321"}};
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

}  // namespace fakes
