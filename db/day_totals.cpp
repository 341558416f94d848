// The running day totals: every ticket, void, event and cash movement adds to its terminal's rows
// in the transaction that stores it, so X and Z reports read a few rows instead of the day's
// tickets. Rows are as pos/till_report.hpp defines them, except two keys kept in a form that
// reading converts: tenders by method name ("cash"), hours by 15-minute slot since 1970 (so the
// local hour comes out right at any offset the store sets when the report is read).
#include <algorithm>
#include <map>

#include "db/day_totals.hpp"
#include "db/format.hpp"
#include "db/reports_sql.hpp"
#include "db/till_internal.hpp"

namespace db {

namespace {

constexpr std::int64_t ms_per_slot = 15 * 60'000;

// Adds to (scope, section, label) rows with one statement prepared per hook call.
class DayRows {
  public:
    DayRows(Database& db, const std::string& terminal_id)
        : scope_(day_scope(terminal_id)),
          add_(db,
               "INSERT INTO running_totals (scope, section, label, count, amount_minor)"
               " VALUES (?, ?, ?, ?, ?) ON CONFLICT (scope, section, label) DO UPDATE SET"
               " count = count + excluded.count,"
               " amount_minor = amount_minor + excluded.amount_minor") {}

    void add(std::string_view section, std::string_view label, std::int64_t count,
             std::int64_t amount_minor) {
        auto use = add_.use();
        add_.bind_all(scope_, section, label, count, amount_minor);
        add_.run();
    }
    void sales(std::string_view label, std::int64_t count, std::int64_t amount_minor) {
        add("sales", label, count, amount_minor);
    }

  private:
    std::string scope_;
    Statement add_;
};

std::string_view kind_label(pos::TicketKind kind) {
    switch (kind) {
        case pos::TicketKind::sale:
            return "Sales";
        case pos::TicketKind::refund:
            return "Returns";
        case pos::TicketKind::exchange:
            return "Exchanges";
        case pos::TicketKind::post_void:
            return "Post-voids";
    }
    return "Sales";
}

std::string_view movement_label(pos::CashMovementKind kind) {
    switch (kind) {
        case pos::CashMovementKind::paid_in:
            return "Paid in";
        case pos::CashMovementKind::paid_out:
            return "Paid out";
        case pos::CashMovementKind::drop:
            return "Drops";
        case pos::CashMovementKind::pickup:
            return "Pickups";
    }
    return "Paid in";
}

std::string tax_label(const pos::TaxRate& tax) {
    return tax.code + " " + pos::format_percent(tax.rate);
}

void add_sales_rows(DayRows& rows, const pos::Ticket& ticket, const pos::Totals& totals) {
    const std::int64_t total = totals.total.minor();
    rows.sales(kind_label(ticket.kind()), 1, total);
    rows.sales("Net sales", 1, total);
    if (!totals.discounts.is_zero())
        rows.sales("Discounts", 1, totals.discounts.minor());
    if (!totals.savings.is_zero())
        rows.sales("Promotions", 1, totals.savings.minor());
}

void add_tax_rows(DayRows& rows, const pos::Ticket& ticket) {
    for (const pos::TicketLine& line : ticket.lines()) {
        if (!line.voided)
            rows.add("taxes", tax_label(line.tax), 1, line.amounts.tax.minor());
    }
}

void add_tender_rows(DayRows& rows, const pos::Ticket& ticket) {
    for (const pos::Payment& payment : ticket.payments()) {
        rows.add("tenders", method_text(payment.method), payment.amount.minor() > 0 ? 1 : 0,
                 payment.amount.minor());
    }
}

// "14:00" rows in label order, from slot rows.
std::vector<pos::ReportAmount> hour_rows(const std::map<std::string, pos::ReportAmount>& slots,
                                         int utc_offset_minutes) {
    std::map<std::string, pos::ReportAmount> hours;
    for (const auto& [slot, row] : slots) {
        const std::string label =
            pos::hour_label(std::stoll(slot) * ms_per_slot, utc_offset_minutes);
        auto& hour =
            hours
                .try_emplace(label,
                             pos::ReportAmount{label, 0, pos::Money(0, row.amount.currency())})
                .first->second;
        hour.count += row.count;
        hour.amount += row.amount;
    }
    std::vector<pos::ReportAmount> out;
    for (auto& [label, row] : hours)
        out.push_back(row);
    return out;
}

std::vector<pos::ReportAmount> tender_rows(
    const std::map<std::string, pos::ReportAmount>& methods) {
    std::vector<std::pair<pos::PaymentMethod, pos::ReportAmount>> ordered;
    for (const auto& [name, row] : methods) {
        const pos::PaymentMethod method = method_from(name);
        pos::ReportAmount labelled = row;
        labelled.label = pos::tender_label(method);
        ordered.emplace_back(method, labelled);
    }
    std::sort(ordered.begin(), ordered.end(),
              [](const auto& a, const auto& b) { return a.first < b.first; });
    std::vector<pos::ReportAmount> out;
    for (auto& [method, row] : ordered)
        out.push_back(row);
    return out;
}

std::vector<pos::ReportAmount> sales_rows(const std::map<std::string, pos::ReportAmount>& stored,
                                          const pos::Currency& currency) {
    std::vector<pos::ReportAmount> out;
    for (std::string_view label : pos::report_sales_labels) {
        const auto found = stored.find(std::string(label));
        out.push_back(found != stored.end()
                          ? found->second
                          : pos::ReportAmount{std::string(label), 0, pos::Money(0, currency)});
    }
    return out;
}

std::vector<pos::ReportAmount> in_label_order(
    const std::map<std::string, pos::ReportAmount>& rows) {
    std::vector<pos::ReportAmount> out;
    for (const auto& [label, row] : rows)
        out.push_back(row);
    return out;
}

}  // namespace

std::string day_scope(const std::string& terminal_id) {
    return "day:" + terminal_id;
}

void add_ticket_to_day(Database& db, const pos::Ticket& ticket, std::int64_t closed_at_ms) {
    DayRows rows(db, ticket.terminal_id());
    const pos::Totals totals = ticket.totals();
    add_sales_rows(rows, ticket, totals);
    add_tax_rows(rows, ticket);
    add_tender_rows(rows, ticket);
    rows.add("clerks", ticket.clerk().name, 1, totals.total.minor());
    const std::int64_t slot = closed_at_ms >= 0 ? closed_at_ms / ms_per_slot
                                                : (closed_at_ms - ms_per_slot + 1) / ms_per_slot;
    rows.add("hours", std::to_string(slot), 1, totals.total.minor());
}

void add_voided_ticket_to_day(Database& db, const pos::Ticket& ticket) {
    DayRows(db, ticket.terminal_id()).sales("Voided sales", 1, ticket.totals().total.minor());
}

// A ticket_void event is the whole ticket voided at the till (pos::SaleSession::void_ticket
// records the event, not the ticket): its amount is the ticket's total.
void add_event_to_day(Database& db, const pos::TicketEvent& event) {
    switch (event.kind) {
        case pos::EventKind::line_void:
            DayRows(db, event.terminal_id).sales("Voided lines", 1, event.amount_minor);
            break;
        case pos::EventKind::ticket_void:
            if (event.line_id.empty())
                DayRows(db, event.terminal_id).sales("Voided sales", 1, event.amount_minor);
            break;
        case pos::EventKind::no_sale:
            DayRows(db, event.terminal_id).sales("No sales", 1, 0);
            break;
        default:
            break;
    }
}

void add_movement_to_day(Database& db, const pos::CashMovement& movement) {
    DayRows(db, movement.terminal_id)
        .sales(movement_label(movement.kind), 1, movement.amount.minor());
}

pos::ReportFigures read_day_totals(Database& db, const std::string& terminal_id,
                                   const pos::Currency& currency, int utc_offset_minutes) {
    Statement read(db, reports_sql::day_totals);
    std::map<std::string, std::map<std::string, pos::ReportAmount>> sections;
    auto use = read.use();
    read.bind_all(day_scope(terminal_id));
    while (read.step()) {
        const std::string label = read.column_text(1);
        sections[read.column_text(0)][label] = pos::ReportAmount{
            label, read.column_int64(2), pos::Money(read.column_int64(3), currency)};
    }
    pos::ReportFigures figures;
    figures.terminal_id = terminal_id;
    figures.sales = sales_rows(sections["sales"], currency);
    figures.taxes = in_label_order(sections["taxes"]);
    figures.tenders = tender_rows(sections["tenders"]);
    figures.clerks = in_label_order(sections["clerks"]);
    figures.hours = hour_rows(sections["hours"], utc_offset_minutes);
    return figures;
}

void clear_day_totals(Database& db, const std::string& terminal_id) {
    Statement clear(db, "DELETE FROM running_totals WHERE scope = ?");
    auto use = clear.use();
    clear.bind_all(day_scope(terminal_id));
    clear.run();
}

}  // namespace db
