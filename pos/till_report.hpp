// X and Z reports and the manager's dashboard: the figures, their fixed rows, and the CSV export.
// db/ keeps the figures running; receipts/ prints them; head office reads Z reports from the
// journal.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "pos/money.hpp"
#include "pos/ticket.hpp"

namespace pos {

struct ReportAmount {
    std::string label;  // "Sales", "A 20%", "Cash", "Ann Smith", "14:00"
    std::int64_t count = 0;
    Money amount;
    friend bool operator==(const ReportAmount&, const ReportAmount&) = default;
};

// The labels of ReportFigures::sales, always all present, in this order. Each row sums over the
// terminal's journal entries since its last Z:
//  Sales, Returns, Exchanges, Post-voids: completed tickets of that kind, count and sum of
//    totals.total (returns and post-voids negative);
//  Net sales: every completed ticket, count and sum of totals.total;
//  Discounts: completed tickets with totals.discounts != 0, sum of totals.discounts;
//  Promotions: completed tickets with totals.savings != 0, sum of totals.savings;
//  Voided sales: ticket_void entries of a whole ticket, sum of its totals.total;
//  Voided lines: line_void events, sum of event.amount;
//  No sales: no_sale events (amount zero);
//  Paid in, Paid out, Drops, Pickups: those entries, sum of their amounts (positive).
inline constexpr std::string_view report_sales_labels[] = {
    "Sales",     "Returns",    "Exchanges",    "Post-voids",   "Net sales",
    "Discounts", "Promotions", "Voided sales", "Voided lines", "No sales",
    "Paid in",   "Paid out",   "Drops",        "Pickups"};

// The other sections, each row over the completed tickets since the last Z:
//  taxes: per rate, label "<tax_code> <rate>" ("A 20%"), count of non-voided lines, sum of
//    their tax; by label;
//  tenders: per method, label tender_label(method), count of positive payments, net sum; in
//    PaymentMethod order;
//  clerks: per ticket.clerk_name, count of tickets, sum of totals.total; by name;
//  hours: per local hour of completion, label "14:00", count, sum of totals.total; by hour.
std::string tender_label(PaymentMethod method);  // "Cash", "Card", "Gift card", "Points" ...
std::string hour_label(std::int64_t at_ms, int utc_offset_minutes);  // "14:00"
// The store's local day: days since 1970-01-01 at that offset.
std::int64_t local_day(std::int64_t at_ms, int utc_offset_minutes);
std::string day_text(std::int64_t day);  // "2026-11-23"

struct ReportFigures {
    bool final = false;       // Z (ends the day, numbered) or X (a reading, changes nothing)
    std::int64_t number = 0;  // Z number, gap-free per terminal; 0 for an X report
    std::string terminal_id;
    std::int64_t business_day = 0;  // local_day the report was run on
    std::int64_t from_ms = 0;  // the previous Z's to_ms; before the first Z, when the totals began
                               // (0: the terminal's first entry)
    std::int64_t to_ms = 0;    // when it was run
    std::string run_by;        // who ran it
    using Amount = ReportAmount;
    std::vector<Amount> sales;    // report_sales_labels
    std::vector<Amount> taxes;    // per rate
    std::vector<Amount> tenders;  // per tender
    std::vector<Amount> clerks;   // per clerk
    std::vector<Amount> hours;    // per hour "14:00"
    // The row of a section by label; a zero row when absent.
    Amount row(const std::vector<Amount>& section, std::string_view label) const;
};

// The manager's dashboard for one local day (every ticket of the store file, all terminals).
struct TopItem {
    std::string code;
    std::string name;
    std::int64_t quantity_milli = 0;  // sold, less returned
    Money amount;                     // net of returns
};
struct DashboardFigures {
    std::int64_t day = 0;               // local_day
    std::vector<ReportAmount> by_hour;  // "08:00" ... every hour that had a ticket, in order
    std::vector<ReportAmount> tenders;  // as ReportFigures::tenders
    std::int64_t sales_count = 0;       // sales and paid exchanges, less post-voided sales
    Money sales_amount;
    std::int64_t returns_count = 0;  // returns and refunded exchanges
    Money returns_amount;            // positive: what was refunded
    std::vector<TopItem> top_items;  // by amount, largest first, at most 10
    // Returns per sale in ppm (returns_count * 1e6 / sales_count, rounded half up); 0 without
    // sales.
    std::int64_t returns_rate_ppm() const;
};

// The dashboard as CSV (RFC 4180: comma separated, fields quoted when they hold a comma, quote
// or line break, CRLF line ends): a "section,label,count,amount" header, then rows for
// hour, tender, summary (sales, returns, returns rate as "4.5%") and top_item (label "code name",
// count the quantity as "1.500" for weighed goods), amounts as "12.34".
std::string dashboard_csv(const DashboardFigures& figures);

}  // namespace pos
