// The day's journal as a test reads it for itself: the entries straight from the store file with
// the sqlite3 API, each payload parsed from its key=value lines, and the X/Z report's rows summed
// from them as pos/till_report.hpp defines them. Nothing here asks db/ or pos/ for a figure, so
// a test can check the store's running totals against an independent sum.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <filesystem>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include <doctest/doctest.h>

namespace day_journal {

struct Entry {
    std::int64_t sequence = 0;
    std::string kind;
    std::map<std::string, std::string> fields;  // the payload's key=value lines, values escaped
    std::string field(const std::string& key) const {
        const auto found = fields.find(key);
        return found == fields.end() ? std::string() : found->second;
    }
    std::int64_t number(const std::string& key) const {
        const std::string text = field(key);
        return text.empty() ? 0 : std::stoll(text);
    }
};

inline std::map<std::string, std::string> parse_payload(const std::string& payload) {
    std::map<std::string, std::string> fields;
    std::istringstream lines(payload);
    for (std::string line; std::getline(lines, line);) {
        const auto equals = line.find('=');
        if (equals == std::string::npos) {
            FAIL_CHECK("a journal line without '=': " << line);
            continue;
        }
        fields[line.substr(0, equals)] = line.substr(equals + 1);
    }
    return fields;
}

// Every journal entry of the file, in sequence order.
inline std::vector<Entry> read(const std::filesystem::path& file) {
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open_v2(file.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK);
    sqlite3_stmt* statement = nullptr;
    const char* sql = "SELECT sequence, kind, payload FROM journal ORDER BY terminal_id, sequence";
    const int prepared = sqlite3_prepare_v2(db, sql, -1, &statement, nullptr);
    INFO(sqlite3_errmsg(db));
    REQUIRE(prepared == SQLITE_OK);
    std::vector<Entry> entries;
    while (sqlite3_step(statement) == SQLITE_ROW) {
        Entry entry;
        entry.sequence = sqlite3_column_int64(statement, 0);
        entry.kind = reinterpret_cast<const char*>(sqlite3_column_text(statement, 1));
        entry.fields =
            parse_payload(reinterpret_cast<const char*>(sqlite3_column_text(statement, 2)));
        entries.push_back(std::move(entry));
    }
    sqlite3_finalize(statement);
    sqlite3_close(db);
    return entries;
}

struct Row {
    std::int64_t count = 0;
    std::int64_t amount = 0;  // minor units
    friend bool operator==(const Row&, const Row&) = default;
};
using Rows = std::map<std::string, Row>;

struct Sums {
    Rows sales;  // every label of pos::report_sales_labels, zero when nothing happened
    Rows taxes;
    Rows tenders;
    Rows clerks;
    Rows hours;
    std::int64_t float_minor = 0;  // the last shift's float
};

inline const char* const sales_labels[] = {
    "Sales",     "Returns",    "Exchanges",    "Post-voids",   "Net sales",
    "Discounts", "Promotions", "Voided sales", "Voided lines", "No sales",
    "Paid in",   "Paid out",   "Drops",        "Pickups"};

inline Sums empty_day() {
    Sums sums;
    for (const char* label : sales_labels)
        sums.sales[label] = {};
    return sums;
}

// "A" and 200'000 ppm -> "A 20%"; "B" and 55'000 -> "B 5.5%".
inline std::string tax_label(const std::string& code, std::int64_t ppm) {
    std::string rate = std::to_string(ppm / 10'000);
    std::int64_t rest = ppm % 10'000;
    if (rest != 0) {
        std::string fraction = std::to_string(10'000 + rest).substr(1);
        while (fraction.back() == '0')
            fraction.pop_back();
        rate += "." + fraction;
    }
    return code + " " + rate + "%";
}

inline std::string tender_label(const std::string& method) {
    static const std::map<std::string, std::string> labels{{"cash", "Cash"},
                                                           {"card", "Card"},
                                                           {"gift_card", "Gift card"},
                                                           {"store_credit", "Store credit"},
                                                           {"cash_rounding", "Cash rounding"},
                                                           {"loyalty_points", "Points"},
                                                           {"deposit", "Deposit"}};
    const auto found = labels.find(method);
    return found == labels.end() ? method : found->second;
}

// The local hour of a moment: "09:00".
inline std::string hour_label(std::int64_t at_ms, int utc_offset_minutes) {
    const std::int64_t minutes = at_ms / 60'000 + utc_offset_minutes;
    const std::int64_t hour = ((minutes / 60) % 24 + 24) % 24;
    return (hour < 10 ? "0" : "") + std::to_string(hour) + ":00";
}

inline void add(Rows& rows, const std::string& label, std::int64_t count, std::int64_t amount) {
    rows[label].count += count;
    rows[label].amount += amount;
}

inline void add_ticket(Sums& sums, const Entry& e, int utc_offset_minutes) {
    static const std::map<std::string, std::string> kinds{{"sale", "Sales"},
                                                          {"return", "Returns"},
                                                          {"exchange", "Exchanges"},
                                                          {"post_void", "Post-voids"}};
    const std::int64_t total = e.number("totals.total");
    REQUIRE(kinds.count(e.field("ticket.kind")) == 1);
    add(sums.sales, kinds.at(e.field("ticket.kind")), 1, total);
    add(sums.sales, "Net sales", 1, total);
    if (e.number("totals.discounts") != 0)
        add(sums.sales, "Discounts", 1, e.number("totals.discounts"));
    if (e.number("totals.savings") != 0)
        add(sums.sales, "Promotions", 1, e.number("totals.savings"));
    for (std::int64_t i = 1; i <= e.number("lines"); ++i) {
        const std::string p = "line." + std::to_string(i) + ".";
        if (e.number(p + "voided") == 0)
            add(sums.taxes, tax_label(e.field(p + "tax_code"), e.number(p + "tax_rate_ppm")), 1,
                e.number(p + "tax"));
    }
    for (std::int64_t i = 1; i <= e.number("payments"); ++i) {
        const std::string p = "payment." + std::to_string(i) + ".";
        const std::int64_t amount = e.number(p + "amount");
        add(sums.tenders, tender_label(e.field(p + "method")), amount > 0 ? 1 : 0, amount);
    }
    add(sums.clerks, e.field("ticket.clerk_name"), 1, total);
    add(sums.hours, hour_label(e.number("ticket.closed_at_ms"), utc_offset_minutes), 1, total);
}

// The report's rows over the entries since the last z_report entry.
inline Sums sum(const std::vector<Entry>& entries, int utc_offset_minutes) {
    static const std::map<std::string, std::string> movements{{"paid_in", "Paid in"},
                                                              {"paid_out", "Paid out"},
                                                              {"cash_drop", "Drops"},
                                                              {"cash_pickup", "Pickups"}};
    Sums sums = empty_day();
    for (const Entry& e : entries) {
        const bool ticket =
            e.kind == "sale" || e.kind == "return" || e.kind == "exchange" || e.kind == "post_void";
        if (ticket && e.field("ticket.state") == "completed")
            add_ticket(sums, e, utc_offset_minutes);
        else if (e.kind == "ticket_void")  // a voided ticket stored whole, or the void event
            add(sums.sales, "Voided sales", 1,
                e.field("ticket.state") == "voided" ? e.number("totals.total")
                                                    : e.number("event.amount"));
        else if (e.kind == "line_void")
            add(sums.sales, "Voided lines", 1, e.number("event.amount"));
        else if (e.kind == "no_sale")
            add(sums.sales, "No sales", 1, 0);
        else if (movements.count(e.kind))
            add(sums.sales, movements.at(e.kind), 1, e.number("cash.amount"));
        else if (e.kind == "shift_open")
            sums.float_minor = e.number("shift.float");
        else if (e.kind == "z_report")
            sums = empty_day();
    }
    return sums;
}

// The figures a z_report entry carries in its body (z.S=N, z.S.1.label, .count, .amount).
inline Sums z_body(const Entry& e) {
    Sums sums;
    const std::pair<const char*, Rows*> sections[] = {{"sales", &sums.sales},
                                                      {"taxes", &sums.taxes},
                                                      {"tenders", &sums.tenders},
                                                      {"clerks", &sums.clerks},
                                                      {"hours", &sums.hours}};
    for (const auto& [name, rows] : sections) {
        const std::string s = std::string("z.") + name;
        for (std::int64_t i = 1; i <= e.number(s); ++i) {
            const std::string p = s + "." + std::to_string(i) + ".";
            add(*rows, e.field(p + "label"), e.number(p + "count"), e.number(p + "amount"));
        }
    }
    return sums;
}

}  // namespace day_journal
