// The day the report tests ring up at one terminal, and the independent sum of its journal:
// figures worked out from the entries' payload text alone, to check the Z against. Included by
// reports_test.cpp only.
#pragma once

#include <doctest/doctest.h>

#include <map>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "helpers.hpp"
#include "pos/till.hpp"
#include "pos/till_report.hpp"

namespace report_day {

using pos::PaymentMethod;

constexpr const char* milk = "4000000000013";   // B 5%, 1.19
constexpr const char* bread = "4000000000037";  // B 5%, 3.49
constexpr const char* wine = "4000000000044";   // A 20%, 8.99

constexpr std::int64_t day0 = 1'795'392'000'000;  // 2026-11-23 00:00 UTC
constexpr std::int64_t minute = 60'000;
constexpr int offset = 60;  // the store is at UTC+1
// Local time hh:mm on 2026-11-23 (plus `days`), as UTC ms.
constexpr std::int64_t local(int hh, int mm, int days = 0) {
    return day0 + (std::int64_t{days} * 24 * 60 + hh * 60 + mm - offset) * minute;
}

const pos::Clerk alex{7, "Alex Martin"};
const pos::Clerk sam{1001, "Sam Carter"};

pos::Ticket ticket_by(db::Store& store, const pos::Clerk& clerk,
                      const std::vector<std::pair<std::string, std::int64_t>>& items,
                      const std::string& terminal = "T01") {
    pos::Ticket ticket(db_test::new_id(), terminal, clerk, db_test::eur(), pos::TaxPolicy{},
                       db_test::at);
    for (const auto& [code, milli] : items)
        ticket.add_line(db_test::new_id(), *store.catalogue().find_by_code(code, db_test::at),
                        pos::Quantity{milli});
    return ticket;
}

void pay(pos::Ticket& ticket, PaymentMethod method, std::string reference = {}) {
    ticket.begin_tender();
    ticket.add_payment(db_test::payment(method, ticket.totals().due.minor(), std::move(reference),
                                        method == PaymentMethod::card ? "4242" : ""));
}

void pay_cash(pos::Ticket& ticket, std::int64_t tendered) {
    ticket.begin_tender();
    const std::int64_t due = ticket.totals().due.minor();
    ticket.add_payment(db_test::payment(PaymentMethod::cash, tendered));
    if (tendered > due)
        ticket.add_payment(db_test::payment(PaymentMethod::cash, due - tendered));
}

pos::TicketEvent event(pos::EventKind kind, std::int64_t at_ms, std::int64_t amount,
                       std::string ticket = {}, std::string line = {}) {
    return {db_test::new_id(),
            kind,
            "T01",
            std::move(ticket),
            std::move(line),
            7,
            "Alex Martin",
            0,
            "",
            "",
            at_ms,
            amount,
            "customer changed their mind"};
}

pos::CashMovement movement(const pos::Shift& shift, pos::CashMovementKind kind, std::int64_t amount,
                           std::int64_t at_ms) {
    return {db_test::new_id(), shift.id, "T01", kind, db_test::cents(amount), "float top-up", 5001,
            "Pat Supervisor",  0,        "",    at_ms};
}

pos::Shift open_shift(db::Store& store, std::int64_t at_ms) {
    const auto opened =
        store.till().open_shift({db_test::new_id(), "T01", 7, "Alex Martin", at_ms,
                                 *pos::parse_cash_count("20.00x5", db_test::eur())});
    REQUIRE_MESSAGE(opened.ok(), (opened.ok() ? "" : opened.error().message));
    return *opened;
}

// The blind count says exactly what the shift expects, so the close needs no approval.
void close_shift(db::Store& store, const pos::Shift& shift, std::int64_t at_ms) {
    const pos::ShiftTotals totals = store.till().shift_totals(shift.id);
    const std::int64_t cash = totals.expected_cash().minor();
    const pos::CloseCount count{
        *pos::parse_cash_count(cash > 0 ? "0.01x" + std::to_string(cash) : "0", db_test::eur()),
        totals.expected(PaymentMethod::card)};
    pos::ShiftClose close;
    close.shift_id = shift.id;
    close.terminal_id = "T01";
    close.shift_number = shift.number;
    close.closed_by = 5001;
    close.closed_by_name = "Pat Supervisor";
    close.closed_at_ms = at_ms;
    close.cash_count = count.cash;
    close.tenders = pos::over_short(totals, count);
    const auto closed = store.till().close_shift(close);
    REQUIRE_MESSAGE(closed.ok(), (closed.ok() ? "" : closed.error().message));
}

// A day at T01: sales by two clerks over two hours with promotions, a discount, two tax rates and
// cash, card and gift card; a return, an exchange, a post-void, a voided ticket, a voided sale
// at the till, a line void, a no-sale, and the till's paid in, paid out, drop and pickup.
void ring_up_day(db::SqliteStore& store, int days = 0) {
    REQUIRE(store.issue_stored_value(PaymentMethod::gift_card, "6006000000001", 5000, 1));
    const pos::Shift shift = open_shift(store, local(8, 55, days));
    pos::Ticket promo = ticket_by(store, alex, {{milk, 3000}, {bread, 1000}});
    pos::Promotion three_for_two;
    three_for_two.id = "milk-3-for-2";
    three_for_two.name = "3 for 2";
    three_for_two.product_ids = {1};
    three_for_two.buy_quantity = 3;
    three_for_two.pay_quantity = 2;
    promo.set_promotions({three_for_two});
    pay(promo, PaymentMethod::card, "REF-1");
    const std::string promo_receipt = db_test::complete(store, promo, local(9, 5, days));

    pos::Ticket discounted = ticket_by(store, sam, {{wine, 2000}, {bread, 1000}});
    discounted.set_discount({pos::DiscountKind::amount, pos::Rate{}, 100, "loyal customer"});
    pay_cash(discounted, 5000);
    const std::string discounted_receipt = db_test::complete(store, discounted, local(9, 40, days));

    pos::Ticket split = ticket_by(store, sam, {{bread, 2000}, {wine, 1000}});
    split.begin_tender();
    split.add_payment(db_test::payment(PaymentMethod::gift_card, 500, "6006000000001"));
    split.add_payment(
        db_test::payment(PaymentMethod::card, split.totals().due.minor(), "REF-2", "1111"));
    const std::string split_receipt = db_test::complete(store, split, local(10, 5, days));

    REQUIRE(store.till().record_movement(
        movement(shift, pos::CashMovementKind::paid_in, 500, local(10, 6, days))));
    REQUIRE(store.till().record_movement(
        movement(shift, pos::CashMovementKind::paid_out, 350, local(10, 7, days))));
    REQUIRE(store.till().record_movement(
        movement(shift, pos::CashMovementKind::drop, 2000, local(10, 8, days))));
    REQUIRE(store.till().record_movement(
        movement(shift, pos::CashMovementKind::pickup, 1000, local(10, 9, days))));

    pos::Ticket back = ticket_by(store, alex, {});
    db_test::add_returns(store, back, split_receipt, {{0, 1000}});
    db_test::refund_to_original(store, back, split_receipt);
    db_test::complete(store, back, local(10, 15, days));

    pos::Ticket exchange = ticket_by(store, sam, {});
    db_test::add_returns(store, exchange, discounted_receipt, {{0, 1000}});
    exchange.add_line(db_test::new_id(), *store.catalogue().find_by_code(milk, db_test::at),
                      pos::Quantity{2000});
    db_test::refund_to_original(store, exchange, discounted_receipt);
    db_test::complete(store, exchange, local(10, 20, days));

    pos::Ticket post_void = ticket_by(store, alex, {});
    db_test::add_returns(store, post_void, promo_receipt, {{0, 3000}, {1, 1000}});
    post_void.set_post_void_of(promo.id(), promo_receipt);
    post_void.begin_tender();
    for (const pos::Payment& paid : promo.payments()) {
        pos::Payment back_to =
            db_test::payment(paid.method, -paid.amount.minor(), paid.reference, paid.card_last4);
        back_to.refund_of = promo.id();
        post_void.add_payment(back_to);
    }
    db_test::complete(store, post_void, local(10, 30, days));

    pos::Ticket abandoned = ticket_by(store, alex, {{wine, 1000}});
    abandoned.mark_voided();
    REQUIRE(store.sales().complete_sale(abandoned, local(10, 35, days)));
    REQUIRE(store.events().record(
        event(pos::EventKind::ticket_void, local(10, 36, days), 698, db_test::new_id())));
    REQUIRE(store.events().record(event(pos::EventKind::line_void, local(10, 37, days), 119,
                                        db_test::new_id(), db_test::new_id())));
    REQUIRE(store.events().record(event(pos::EventKind::no_sale, local(10, 38, days), 0)));
    close_shift(store, shift, local(10, 50, days));
}

// ---- the independent sum: the day's figures from the journal's payload text ----

using Fields = std::map<std::string, std::string>;
using Rows = std::map<std::string, std::map<std::string, std::pair<std::int64_t, std::int64_t>>>;

Fields fields_of(const std::string& payload) {
    Fields fields;
    std::istringstream lines(payload);
    for (std::string line; std::getline(lines, line);) {
        const auto equals = line.find('=');
        fields[line.substr(0, equals)] = line.substr(equals + 1);
    }
    return fields;
}

std::int64_t num(const Fields& f, const std::string& key) {
    REQUIRE_MESSAGE(f.count(key) == 1, "no field " << key);
    return std::stoll(f.at(key));
}

void add(Rows& rows, const std::string& section, const std::string& label, std::int64_t count,
         std::int64_t amount) {
    auto& row = rows[section][label];
    row.first += count;
    row.second += amount;
}

void add_ticket(Rows& rows, const Fields& f) {
    static const std::map<std::string, std::string> kinds{{"sale", "Sales"},
                                                          {"return", "Returns"},
                                                          {"exchange", "Exchanges"},
                                                          {"post_void", "Post-voids"}};
    static const std::map<std::string, std::string> tenders{
        {"cash", "Cash"}, {"card", "Card"}, {"gift_card", "Gift card"}};
    const std::int64_t total = num(f, "totals.total");
    add(rows, "sales", kinds.at(f.at("ticket.kind")), 1, total);
    add(rows, "sales", "Net sales", 1, total);
    if (num(f, "totals.discounts") != 0)
        add(rows, "sales", "Discounts", 1, num(f, "totals.discounts"));
    if (num(f, "totals.savings") != 0)
        add(rows, "sales", "Promotions", 1, num(f, "totals.savings"));
    for (std::int64_t i = 1; i <= num(f, "lines"); ++i) {
        const std::string p = "line." + std::to_string(i) + ".";
        const std::int64_t ppm = num(f, p + "tax_rate_ppm");
        REQUIRE(ppm % 10'000 == 0);
        if (num(f, p + "voided") == 0)
            add(rows, "taxes", f.at(p + "tax_code") + " " + std::to_string(ppm / 10'000) + "%", 1,
                num(f, p + "tax"));
    }
    for (std::int64_t i = 1; i <= num(f, "payments"); ++i) {
        const std::string p = "payment." + std::to_string(i) + ".";
        const std::int64_t amount = num(f, p + "amount");
        add(rows, "tenders", tenders.at(f.at(p + "method")), amount > 0 ? 1 : 0, amount);
    }
    add(rows, "clerks", f.at("ticket.clerk_name"), 1, total);
    const std::int64_t local_minutes = num(f, "ticket.closed_at_ms") / minute + offset;
    const std::int64_t hour = local_minutes / 60 % 24;
    add(rows, "hours", (hour < 10 ? "0" : "") + std::to_string(hour) + ":00", 1, total);
}

// The terminal's entries between its Z No. z_number - 1 and No. z_number (0: after its last Z).
Rows journal_sums(db::SqliteStore& store, const std::string& terminal, std::int64_t z_number) {
    static const std::map<std::string, std::string> cash_kinds{{"paid_in", "Paid in"},
                                                               {"paid_out", "Paid out"},
                                                               {"cash_drop", "Drops"},
                                                               {"cash_pickup", "Pickups"}};
    db::Statement read(store.database(),
                       "SELECT kind, payload FROM journal WHERE terminal_id = ? ORDER BY sequence");
    read.bind(1, terminal);
    Rows rows;
    while (read.step()) {
        const std::string kind = read.column_text(0);
        const Fields f = fields_of(read.column_text(1));
        if (kind == "z_report") {
            if (num(f, "z.number") == z_number)
                return rows;
            rows.clear();
        } else if (kind == "sale" || kind == "return" || kind == "exchange" ||
                   kind == "post_void") {
            add_ticket(rows, f);
        } else if (kind == "ticket_void") {
            const bool stored_ticket = f.count("ticket.state") == 1;
            add(rows, "sales", "Voided sales", 1,
                stored_ticket ? num(f, "totals.total") : num(f, "event.amount"));
        } else if (kind == "line_void") {
            add(rows, "sales", "Voided lines", 1, num(f, "event.amount"));
        } else if (kind == "no_sale") {
            add(rows, "sales", "No sales", 1, 0);
        } else if (cash_kinds.count(kind) == 1) {
            add(rows, "sales", cash_kinds.at(kind), 1, num(f, "cash.amount"));
        }
    }
    return rows;
}

Rows rows_of(const pos::ReportFigures& figures, bool keep_zero_sales = false) {
    Rows rows;
    const std::pair<const char*, const std::vector<pos::ReportAmount>*> sections[] = {
        {"sales", &figures.sales},
        {"taxes", &figures.taxes},
        {"tenders", &figures.tenders},
        {"clerks", &figures.clerks},
        {"hours", &figures.hours}};
    for (const auto& [name, section] : sections) {
        for (const auto& row : *section) {
            if (keep_zero_sales || row.count != 0 || !row.amount.is_zero())
                rows[name][row.label] = {row.count, row.amount.minor()};
        }
    }
    return rows;
}

std::vector<std::string> labels(const std::vector<pos::ReportAmount>& rows) {
    std::vector<std::string> out;
    for (const auto& row : rows)
        out.push_back(row.label);
    return out;
}

std::int64_t rows_in(db::SqliteStore& store, const std::string& table) {
    return db_test::count_rows(store, table);
}

}  // namespace report_day
