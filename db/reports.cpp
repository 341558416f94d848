// X and Z reports from the running day totals, the numbered Z with its journal entry, earlier Zs
// read back from their stored figures, and the manager's dashboard over the day's tickets.
#include <algorithm>
#include <map>

#include "db/day_totals.hpp"
#include "db/format.hpp"
#include "db/journal.hpp"
#include "db/journal_z.hpp"
#include "db/reports_sql.hpp"
#include "db/sqlite_store.hpp"
#include "db/till_internal.hpp"

namespace db {

namespace {

constexpr std::int64_t ms_per_minute = 60'000;

// "08:02" at the store's offset.
std::string clock_text(std::int64_t at_ms, int utc_offset_minutes) {
    const std::int64_t minutes = at_ms / ms_per_minute + utc_offset_minutes -
                                 pos::local_day(at_ms, utc_offset_minutes) * 24 * 60;
    const auto two = [](std::int64_t n) { return (n < 10 ? "0" : "") + std::to_string(n); };
    return two(minutes / 60) + ":" + two(minutes % 60);
}

struct LastZ {
    std::int64_t number = 0;
    std::int64_t business_day = 0;
    std::int64_t to_ms = 0;
};

LastZ last_z(Database& db, const std::string& terminal_id) {
    Statement read(db, reports_sql::last_z);
    auto use = read.use();
    read.bind_all(terminal_id);
    if (!read.step())
        return {};
    return {read.column_int64(0), read.column_int64(1), read.column_int64(2)};
}

// Where the terminal's figures since its last Z begin: that Z's to_ms; before the first Z, when
// its running totals began (just after its last entry on an upgraded file, else 0).
std::int64_t report_from(Database& db, const std::string& terminal_id, const LastZ& last) {
    if (last.number > 0)
        return last.to_ms;
    Statement read(db, reports_sql::report_start);
    auto use = read.use();
    read.bind_all(terminal_id);
    return read.step() ? read.column_int64(0) : 0;
}

// Why a Z cannot run now, or nullopt when it can.
std::optional<std::string> z_refusal(Database& db, const ZRequest& request, std::int64_t day,
                                     const LastZ& last) {
    Statement shift(db, reports_sql::open_shift);
    auto use_shift = shift.use();
    shift.bind_all(request.terminal_id);
    if (shift.step()) {
        return "Close the till first: shift " + std::to_string(shift.column_int64(0)) +
               " is open (" + shift.column_text(1) + " since " +
               clock_text(shift.column_int64(2), request.utc_offset_minutes) + ")";
    }
    Statement same_day(db, reports_sql::z_of_day);
    auto use_day = same_day.use();
    same_day.bind_all(request.terminal_id, day);
    if (same_day.step()) {
        return "Z report No. " + std::to_string(same_day.column_int64(0)) + " already ran for " +
               pos::day_text(day) + " (at " +
               clock_text(same_day.column_int64(1), request.utc_offset_minutes) +
               "); the next one can run on " + pos::day_text(day + 1);
    }
    if (last.number > 0 && day < last.business_day) {
        return "The clock says " + pos::day_text(day) + ", before Z report No. " +
               std::to_string(last.number) + " of " + pos::day_text(last.business_day) +
               ": check the terminal's date and time";
    }
    return std::nullopt;
}

void store_z(Database& db, const pos::ReportFigures& figures, std::int64_t run_by,
             const std::string& body) {
    Statement insert(
        db,
        "INSERT INTO z_reports (terminal_id, number, business_day, from_ms, to_ms,"
        " run_by, run_by_name, net_minor, figures) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
    auto use = insert.use();
    insert
        .bind_all(figures.terminal_id, figures.number, figures.business_day, figures.from_ms,
                  figures.to_ms, run_by, figures.run_by,
                  figures.row(figures.sales, "Net sales").amount.minor(), body)
        .run();
}

std::vector<pos::ReportAmount> tenders_in_order(
    std::vector<std::pair<pos::PaymentMethod, pos::ReportAmount>> rows) {
    std::stable_sort(rows.begin(), rows.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    std::vector<pos::ReportAmount> out;
    for (auto& [method, row] : rows)
        out.push_back(std::move(row));
    return out;
}

class SqliteReports final : public Reports {
  public:
    SqliteReports(Database& db, JournalWriter& journal, const pos::Currency& currency)
        : db_(db), journal_(journal), currency_(currency) {}

    pos::ReportFigures x_report(const std::string& terminal_id, std::int64_t now_ms,
                                int utc_offset_minutes) override {
        pos::ReportFigures figures =
            read_day_totals(db_, terminal_id, currency_, utc_offset_minutes);
        figures.business_day = pos::local_day(now_ms, utc_offset_minutes);
        figures.from_ms = report_from(db_, terminal_id, last_z(db_, terminal_id));
        figures.to_ms = now_ms;
        return figures;
    }

    pos::Result<pos::ReportFigures> run_z_report(const ZRequest& request) override {
        if (request.terminal_id.empty())
            return pos::bad_input("The Z report does not say which terminal it is for");
        if (request.run_by_name.empty())
            return pos::bad_input("The Z report does not say who ran it");
        const std::int64_t day = pos::local_day(request.at_ms, request.utc_offset_minutes);
        try {
            Transaction transaction(db_);
            const LastZ last = last_z(db_, request.terminal_id);
            if (auto refused = z_refusal(db_, request, day, last))
                return pos::not_allowed(*refused);
            pos::ReportFigures figures =
                read_day_totals(db_, request.terminal_id, currency_, request.utc_offset_minutes);
            figures.final = true;
            figures.number = last.number + 1;
            figures.business_day = day;
            figures.from_ms = report_from(db_, request.terminal_id, last);
            figures.to_ms = request.at_ms;
            figures.run_by = request.run_by_name;
            const std::string body = z_report_body(figures, request.run_by, currency_);
            store_z(db_, figures, request.run_by, body);
            journal_.append({request.terminal_id, "z_report",
                             request.terminal_id + "-Z" + std::to_string(figures.number), "",
                             request.at_ms, body});
            clear_day_totals(db_, request.terminal_id);
            transaction.commit();
            return figures;
        } catch (const std::exception& error) {
            return pos::store_failure("The Z report could not be stored (" +
                                      std::string(error.what()) + "); nothing was written");
        }
    }

    std::vector<ZSummary> z_reports(const std::string& terminal_id, std::size_t limit) override {
        Statement read(db_, reports_sql::z_list);
        auto use = read.use();
        read.bind_all(terminal_id, static_cast<std::int64_t>(limit));
        std::vector<ZSummary> out;
        while (read.step()) {
            out.push_back({read.column_text(0), read.column_int64(1), read.column_int64(2),
                           read.column_int64(3), read.column_text(4), read.column_int64(5)});
        }
        return out;
    }

    std::optional<pos::ReportFigures> z_report(const std::string& terminal_id,
                                               std::int64_t number) override {
        Statement read(db_, reports_sql::z_figures);
        auto use = read.use();
        read.bind_all(terminal_id, number);
        if (!read.step())
            return std::nullopt;
        auto figures = z_figures_from(read.column_text(0), terminal_id);
        if (!figures)
            throw pos::StoreFailure(figures.error().message);
        return std::move(figures).value();
    }

    pos::DashboardFigures dashboard(std::int64_t from_ms, std::int64_t to_ms,
                                    int utc_offset_minutes) override {
        pos::DashboardFigures figures;
        figures.day = pos::local_day(from_ms, utc_offset_minutes);
        figures.sales_amount = figures.returns_amount = pos::Money(0, currency_);
        add_dashboard_tickets(figures, from_ms, to_ms, utc_offset_minutes);
        figures.tenders = dashboard_tenders(from_ms, to_ms);
        figures.top_items = top_items(from_ms, to_ms);
        return figures;
    }

  private:
    // A post-void takes its sale (always the same day's) back out; an exchange is a sale when the
    // customer paid, a return when they were refunded.
    static void add_to_summary(pos::DashboardFigures& figures, const std::string& kind,
                               const pos::Money& total) {
        const bool sold = kind == "sale" || (kind == "exchange" && total.minor() > 0);
        const bool refunded = kind == "return" || (kind == "exchange" && total.minor() < 0);
        if (sold) {
            ++figures.sales_count;
            figures.sales_amount += total;
        } else if (refunded) {
            ++figures.returns_count;
            figures.returns_amount -= total;
        } else if (kind == "post_void") {
            --figures.sales_count;
            figures.sales_amount += total;
        }
    }

    void add_dashboard_tickets(pos::DashboardFigures& figures, std::int64_t from_ms,
                               std::int64_t to_ms, int utc_offset_minutes) {
        Statement read(db_, reports_sql::dashboard_tickets);
        auto use = read.use();
        read.bind_all(from_ms, to_ms);
        std::map<std::string, pos::ReportAmount> hours;
        while (read.step()) {
            const std::string kind = read.column_text(0);
            const pos::Money total(read.column_int64(1), currency_);
            const std::string hour = pos::hour_label(read.column_int64(2), utc_offset_minutes);
            auto& row =
                hours.try_emplace(hour, pos::ReportAmount{hour, 0, pos::Money(0, currency_)})
                    .first->second;
            ++row.count;
            row.amount += total;
            add_to_summary(figures, kind, total);
        }
        for (auto& [label, row] : hours)
            figures.by_hour.push_back(std::move(row));
    }

    std::vector<pos::ReportAmount> dashboard_tenders(std::int64_t from_ms, std::int64_t to_ms) {
        Statement read(db_, reports_sql::dashboard_tenders);
        auto use = read.use();
        read.bind_all(from_ms, to_ms);
        std::vector<std::pair<pos::PaymentMethod, pos::ReportAmount>> rows;
        while (read.step()) {
            const pos::PaymentMethod method = method_from(read.column_text(0));
            rows.emplace_back(method,
                              pos::ReportAmount{pos::tender_label(method), read.column_int64(1),
                                                pos::Money(read.column_int64(2), currency_)});
        }
        return tenders_in_order(std::move(rows));
    }

    std::vector<pos::TopItem> top_items(std::int64_t from_ms, std::int64_t to_ms) {
        Statement read(db_, reports_sql::dashboard_items);
        auto use = read.use();
        read.bind_all(from_ms, to_ms);
        std::vector<pos::TopItem> out;
        while (read.step()) {
            out.push_back({read.column_text(0), read.column_text(1), read.column_int64(2),
                           pos::Money(read.column_int64(3), currency_)});
        }
        return out;
    }

    Database& db_;
    JournalWriter& journal_;
    const pos::Currency& currency_;
};

}  // namespace

std::unique_ptr<Reports> make_reports(Database& db, JournalWriter& journal,
                                      const pos::Currency& currency) {
    return std::make_unique<SqliteReports>(db, journal, currency);
}

Reports& SqliteStore::reports() {
    if (!reports_)
        reports_ = make_reports(db_, *journal_, currency_);
    return *reports_;
}

}  // namespace db
