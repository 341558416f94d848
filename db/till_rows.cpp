// The till's supporting rows: a shift's running totals in running_totals (scope: the shift id;
// section "tenders" per payment method, section "tickets" label "completed"), added to inside
// complete_sale's transaction; the till settings; the texts the till's messages use.
#include "db/till_rows.hpp"

#include <algorithm>

#include "db/format.hpp"
#include "db/policy_settings.hpp"
#include "db/till_internal.hpp"
#include "pos/till_report.hpp"

namespace db {

namespace {

constexpr std::string_view tenders_section = "tenders";
constexpr std::string_view tickets_section = "tickets";
constexpr std::string_view tickets_label = "completed";
// The store's local time (sqlite_store.cpp reads and writes it under this key).
constexpr std::string_view key_utc_offset = "utc_offset_minutes";
constexpr std::int64_t max_utc_offset = 14 * 60;
constexpr std::int64_t ms_per_minute = 60'000;
constexpr std::int64_t minutes_per_day = 1440;
// The statements every sale and every shift_totals runs (till_hot_sql lists them for a test).
constexpr std::string_view open_shift_sql =
    "SELECT id FROM shifts WHERE terminal_id = ? AND closed_at_ms IS NULL";
constexpr std::string_view running_sql =
    "SELECT section, label, count, amount_minor FROM running_totals"
    " WHERE scope = ? ORDER BY section, label";
constexpr std::string_view movements_sql =
    "SELECT kind, sum(amount_minor) FROM cash_movements WHERE shift_id = ?"
    " GROUP BY kind ORDER BY kind";

std::string two_digits(std::int64_t value) {
    return (value < 10 ? "0" : "") + std::to_string(value);
}

SettingValues setting_values(Database& db) {
    SettingValues values;
    Statement read(db, "SELECT key, value FROM settings ORDER BY key");
    while (read.step())
        values.emplace(read.column_text(0), read.column_text(1));
    return values;
}

// Adds to one running total, creating it at zero first.
void add_to_total(Database& db, const std::string& scope, std::string_view section,
                  std::string_view label, std::int64_t count, std::int64_t amount_minor) {
    Statement add(db,
                  "INSERT INTO running_totals (scope, section, label, count, amount_minor)"
                  " VALUES (?, ?, ?, ?, ?) ON CONFLICT (scope, section, label) DO UPDATE"
                  " SET count = count + excluded.count,"
                  " amount_minor = amount_minor + excluded.amount_minor");
    add.bind_all(scope, section, label, count, amount_minor).run();
}

pos::CashMovementKind movement_kind(const std::string& text) {
    const auto kind = pos::cash_movement_from(text);
    if (!kind)
        throw pos::StoreFailure("a cash movement's kind is damaged: " + in_quotes(text));
    return *kind;
}

void add_movements(Database& db, const std::string& shift_id, const pos::Currency& currency,
                   pos::ShiftTotals& totals) {
    Statement moved(db, movements_sql);
    moved.bind(1, shift_id);
    while (moved.step()) {
        const pos::Money amount(moved.column_int64(1), currency);
        switch (movement_kind(moved.column_text(0))) {
            case pos::CashMovementKind::paid_in:
                totals.paid_in = amount;
                break;
            case pos::CashMovementKind::paid_out:
                totals.paid_out = amount;
                break;
            case pos::CashMovementKind::drop:
                totals.drops = amount;
                break;
            case pos::CashMovementKind::pickup:
                totals.pickups = amount;
                break;
        }
    }
}

}  // namespace

pos::ShiftTotals shift_totals_of(Database& db, const std::string& shift_id,
                                 std::int64_t float_minor, const pos::Currency& currency) {
    const pos::Money zero(0, currency);
    pos::ShiftTotals totals{pos::Money(float_minor, currency), {}, zero, zero, zero, zero, 0};
    Statement running(db, running_sql);
    running.bind(1, shift_id);
    while (running.step()) {
        const std::string section = running.column_text(0);
        if (section == tickets_section) {
            totals.tickets = running.column_int64(2);
        } else if (section == tenders_section) {
            totals.tenders.push_back({method_from(running.column_text(1)), running.column_int64(2),
                                      pos::Money(running.column_int64(3), currency)});
        }
    }
    std::sort(totals.tenders.begin(), totals.tenders.end(),
              [](const auto& a, const auto& b) { return a.method < b.method; });
    add_movements(db, shift_id, currency, totals);
    return totals;
}

TillSettings till_settings(Database& db) {
    const SettingValues values = setting_values(db);
    pos::StoreSettings settings;
    read_policy_settings(values, settings);
    return {static_cast<int>(
                number_setting(values, key_utc_offset, 0, -max_utc_offset, max_utc_offset)),
            settings.over_short_threshold_minor};
}

std::string when_text(std::int64_t at_ms, std::int64_t today_ms, int utc_offset_minutes) {
    const std::int64_t minutes = at_ms / ms_per_minute + utc_offset_minutes;
    const std::int64_t of_day = ((minutes % minutes_per_day) + minutes_per_day) % minutes_per_day;
    std::string text = two_digits(of_day / 60) + ":" + two_digits(of_day % 60);
    const std::int64_t day = pos::local_day(at_ms, utc_offset_minutes);
    if (day != pos::local_day(today_ms, utc_offset_minutes))
        text = pos::day_text(day) + " " + text;
    return text;
}

std::string lower_first(std::string text) {
    if (!text.empty() && text[0] >= 'A' && text[0] <= 'Z')
        text[0] = static_cast<char>(text[0] - 'A' + 'a');
    return text;
}

pos::Result<pos::CashCount> checked_count(const pos::CashCount& count,
                                          const pos::Currency& currency, std::string_view what) {
    for (const pos::DenominationCount& piece : count.counts) {
        if (piece.count < 1)
            return pos::bad_input(std::string(what) + ": a count is a whole number of at least 1");
    }
    auto parsed = pos::parse_cash_count(pos::cash_count_text(count, currency), currency);
    if (!parsed)
        return pos::bad_input(std::string(what) + ": " + parsed.error().message);
    return parsed;
}

// complete_sale calls this for completed tickets only (the ticket it is given is still
// tendering). The tickets row itself gets its shift_id in complete_sale's INSERT.
void add_ticket_to_shift(Database& db, const pos::Ticket& ticket) {
    Statement open(db, open_shift_sql);
    if (!open.bind(1, ticket.terminal_id()).step())
        return;
    const std::string shift_id = open.column_text(0);
    add_to_total(db, shift_id, tickets_section, tickets_label, 1, ticket.totals().total.minor());
    for (const pos::Payment& payment : ticket.payments()) {
        const std::int64_t amount = payment.amount.minor();
        add_to_total(db, shift_id, tenders_section, method_text(payment.method), amount > 0 ? 1 : 0,
                     amount);
    }
}

std::vector<std::string> till_hot_sql() {
    return {std::string(open_shift_sql), std::string(running_sql), std::string(movements_sql)};
}

}  // namespace db
