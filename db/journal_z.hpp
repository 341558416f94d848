// The z_report journal body: a Z report's figures as canonical text, written when the Z runs
// (and kept as z_reports.figures) and read back to show or reprint an earlier Z. Internal to db/.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "pos/money.hpp"
#include "pos/result.hpp"
#include "pos/till_report.hpp"

namespace db {

// z.number, z.business_day, z.from_ms, z.to_ms, z.run_by_id, z.run_by_name, z.currency,
// z.currency_exponent, then for each section S in sales, taxes, tenders, clerks, hours: z.S=N and
// z.S.1.label, z.S.1.count, z.S.1.amount, ... (db/README.md, "Reports").
std::string z_report_body(const pos::ReportFigures& figures, std::int64_t run_by_id,
                          const pos::Currency& currency);

// The figures of a z_report body (final, for terminal_id). A body that is not one names the
// field that is missing or wrong: "the Z report's field z.sales.3.amount is not a number".
pos::Result<pos::ReportFigures> z_figures_from(std::string_view body,
                                               const std::string& terminal_id);

}  // namespace db
