// Private to pos-headoffice (admin_till.cpp): Z reports and till closes as plain text, in the
// manner of admin_format.hpp. No floating point.
#pragma once

#include <iomanip>
#include <sstream>
#include <string>
#include <vector>

#include "headoffice/server/admin_format_service.hpp"
#include "pos/interaction.hpp"

namespace headoffice::admin {

inline std::string z_reports_table(const std::vector<ZReportSummary>& reports) {
    if (reports.empty())
        return "(no Z reports)\n";
    std::ostringstream out;
    cell(out, "store", 6);
    cell(out, "terminal", 8);
    cell(out, "Z", 4);
    cell(out, "day", 10);
    cell(out, "run at", 20);
    cell(out, "run by", 20);
    out << std::right << std::setw(7) << "tickets" << std::setw(14) << "net sales"
        << "\n";
    for (const auto& z : reports) {
        cell(out, z.store_code, 6);
        cell(out, z.terminal_id, 8);
        cell(out, std::to_string(z.number), 4);
        cell(out, pos::format_day(z.business_day), 10);
        cell(out, format_utc(z.to_ms), 20);
        cell(out, z.run_by, 20);
        out << std::right << std::setw(7) << z.net_count << std::setw(14)
            << pos::format_amount(z.net_sales) << "\n";
    }
    return out.str();
}

inline void z_section(std::ostream& out, const std::string& title,
                      const std::vector<pos::ReportAmount>& rows) {
    out << title << "\n";
    if (rows.empty())
        out << "  (none)\n";
    for (const auto& row : rows) {
        out << "  " << std::left << std::setw(24) << row.label << std::right << std::setw(7)
            << row.count << std::setw(14) << pos::format_amount(row.amount) << "\n";
    }
}

inline std::string z_report_text(const StoredZReport& report) {
    const pos::ReportFigures& z = report.figures;
    std::ostringstream out;
    out << "Z report No. " << z.number << ", terminal " << z.terminal_id << ", store "
        << report.store_code << "\n"
        << "business day " << pos::format_day(z.business_day) << "\n"
        << "from " << (z.from_ms > 0 ? format_utc(z.from_ms) : "the terminal's first entry")
        << " to " << format_utc(z.to_ms) << "\n"
        << "run by " << z.run_by << "\n";
    z_section(out, "Sales", z.sales);
    z_section(out, "Taxes", z.taxes);
    z_section(out, "Tenders", z.tenders);
    z_section(out, "Clerks", z.clerks);
    z_section(out, "Hours", z.hours);
    return out.str();
}

// "short 12.30", "over 1.00", "balanced".
inline std::string over_short_text(const pos::Money& difference) {
    if (difference.is_zero())
        return "balanced";
    return difference.is_negative() ? "short " + pos::format_amount(-difference)
                                    : "over " + pos::format_amount(difference);
}

inline std::string till_closes_text(const std::vector<TillClose>& closes) {
    if (closes.empty())
        return "(no till closes)\n";
    std::ostringstream out;
    for (const auto& close : closes) {
        out << close.store_code << " " << close.terminal_id << " shift " << close.shift_number
            << ", closed " << format_utc(close.closed_at_ms) << " by " << close.closed_by_name
            << "\n";
        for (const auto& tender : close.tenders) {
            out << "  " << std::left << std::setw(14) << pos::to_string(tender.method)
                << " expected " << std::right << std::setw(10)
                << pos::format_amount(tender.expected) << "  counted " << std::setw(10)
                << pos::format_amount(tender.counted) << "  "
                << over_short_text(tender.difference()) << "\n";
        }
        if (close.approved_by != 0)
            out << "  approved by " << close.approver_name
                << (close.reason.empty() ? "" : ": " + close.reason) << "\n";
        else if (!close.reason.empty())
            out << "  reason: " << close.reason << "\n";
    }
    return out.str();
}

}  // namespace headoffice::admin
