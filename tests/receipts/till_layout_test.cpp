// The till's papers as a person reads them: the X/Z report header and the till close slip.
#include <doctest/doctest.h>

#include <algorithm>
#include <sstream>
#include <string>
#include <vector>

#include "fakes.hpp"
#include "receipts/layouts.hpp"
#include "receipts/text.hpp"
#include "samples.hpp"

using fakes::eur_cents;

namespace {

bool has(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

// The text with wrapped lines joined again, to find a sentence the paper's width broke.
std::string joined(std::string text) {
    std::replace(text.begin(), text.end(), '\n', ' ');
    return text;
}

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string l; std::getline(in, l);)
        lines.push_back(l);
    return lines;
}

// The first printed line that starts with `start` (after any indent), or "".
std::string line_starting(const std::string& text, const std::string& start) {
    for (const auto& l : lines_of(text)) {
        const auto first = l.find_first_not_of(' ');
        if (first != std::string::npos && l.compare(first, start.size(), start) == 0)
            return l;
    }
    return {};
}

std::string report_text(const receipts::ReportFigures& figures,
                        const receipts::Paper& paper = receipts::paper_80mm) {
    return receipts::to_text(
        receipts::shift_report(figures, fakes::settings(), samples::options(paper)));
}

std::string slip_text(const pos::Shift& shift, const pos::ShiftClose& close,
                      const receipts::Paper& paper = receipts::paper_80mm) {
    return receipts::to_text(
        receipts::till_close_slip(shift, close, fakes::settings(), samples::options(paper)));
}

}  // namespace

TEST_CASE("a report names its business day, who ran it, and the time it covers") {
    const std::string z = report_text(samples::z_report());
    CHECK(line_starting(z, "Business day").ends_with(" 2026-09-21"));
    CHECK(line_starting(z, "Run by").ends_with(" Morgan Lee"));
    CHECK(line_starting(z, "From").ends_with(" 2026-09-21 09:13"));  // local time, UTC+1
    CHECK(line_starting(z, "To").ends_with(" 2026-09-21 17:13"));
    CHECK(has(z, "Z report No. 12"));
    CHECK(has(z, "End of day: totals reset"));
    const std::string x = report_text(samples::x_report(), receipts::paper_58mm);
    CHECK(has(x, "A reading: nothing is reset"));
    CHECK(line_starting(x, "Run by").ends_with(" Morgan Lee"));
}

TEST_CASE("every sales row is printed in the contract's order") {
    const std::string z = report_text(samples::z_report());
    std::size_t at = 0;
    for (const auto label : pos::report_sales_labels) {
        const auto found = z.find("  " + std::string(label) + " ", at);
        CHECK_MESSAGE(found != std::string::npos, label);
        at = found == std::string::npos ? at : found;
    }
    CHECK(line_starting(z, "Net sales").ends_with("47   1234530.48"));
    CHECK(line_starting(z, "Paid out").ends_with("1        12.50"));
}

TEST_CASE("a terminal's first report runs from its first entry") {
    auto figures = samples::x_report();
    figures.from_ms = 0;
    const std::string x = report_text(figures, receipts::paper_58mm);
    CHECK(line_starting(x, "From").ends_with(" first entry"));
    CHECK_FALSE(has(x, "1970"));
}

TEST_CASE("a report with an empty section says so") {
    auto figures = samples::x_report();
    figures.clerks.clear();
    const std::string x = report_text(figures);
    const auto lines = lines_of(x);
    const auto clerks = std::find(lines.begin(), lines.end(), "CLERKS");
    REQUIRE(clerks != lines.end());
    CHECK(*(clerks + 1) == "  None");
}

TEST_CASE("the till close slip shows the shift, the count and the short with its approval") {
    const std::string slip = slip_text(samples::till_shift(), samples::till_close());
    CHECK(has(slip, "TILL CLOSE"));
    CHECK(has(slip, "Shift No. 3"));
    CHECK(line_starting(slip, "Opened by").ends_with(" Alex Martin"));
    CHECK(line_starting(slip, "Opened  ").ends_with(" 2026-09-21 09:13"));
    CHECK(line_starting(slip, "Closed  ").ends_with(" 2026-09-21 17:13"));
    CHECK(line_starting(slip, "Float").ends_with(" 150.00"));
    // The count by denomination, each value times how many.
    CHECK(line_starting(slip, "50.00 x 4").ends_with(" 200.00"));
    CHECK(line_starting(slip, "5.00 x 2").starts_with("   5.00 x 2"));  // values line up
    CHECK(line_starting(slip, "5.00 x 2").ends_with(" 10.00"));
    CHECK(line_starting(slip, "0.05 x 1").ends_with(" 0.05"));
    CHECK(line_starting(slip, "Counted").ends_with(" 375.75"));
    // Per tender: cash short, card balanced.
    CHECK(line_starting(slip, "Expected").ends_with(" 398.05"));
    CHECK(line_starting(slip, "Short").ends_with(" -22.30"));
    CHECK(line_starting(slip, "Balanced").ends_with(" 0.00"));
    CHECK(has(joined(slip), "Cash short by 22.30 (expected 398.05, counted 375.75)"));
    CHECK(line_starting(slip, "Approved by").ends_with(" Morgan Lee"));
    CHECK(line_starting(slip, "Reason").ends_with(" Change given twice for a 20.00 note"));
    CHECK(has(slip, "Counted by ___"));
    CHECK_FALSE(has(slip, "Thank you for shopping"));  // the store's paper, not the customer's
}

TEST_CASE("a balanced close has no approval, and an empty drawer says so") {
    auto shift = samples::till_shift();
    shift.opening_float = {};
    shift.float_amount = eur_cents(0);
    pos::ShiftTotals totals;
    totals.opening_float = eur_cents(0);
    totals.tenders = {{pos::PaymentMethod::card, 2, eur_cents(3000)}};
    pos::ShiftClose close = samples::till_close();
    close.cash_count = {};
    close.tenders = pos::over_short(totals, {{}, eur_cents(3000)});
    close.approved_by = 0;
    close.approver_name.clear();
    close.reason.clear();
    const std::string slip = slip_text(shift, close, receipts::paper_58mm);
    CHECK(has(slip, "Empty drawer"));
    CHECK(line_starting(slip, "Counted").ends_with(" 0.00"));
    CHECK(has(slip, "Cash and card balance"));
    CHECK_FALSE(has(slip, "Short"));
    CHECK_FALSE(has(slip, "Approved by"));
    CHECK_FALSE(has(slip, "Reason"));
}

TEST_CASE("an over within the threshold is printed as over, with no approval") {
    pos::ShiftTotals totals;
    totals.opening_float = eur_cents(15000);
    pos::ShiftClose close = samples::till_close();
    close.cash_count = *pos::parse_cash_count("100x1 50x1 1x2", fakes::eur);
    close.tenders = pos::over_short(totals, {close.cash_count, eur_cents(0)});
    close.approved_by = 0;
    close.approver_name.clear();
    close.reason.clear();
    const std::string slip = slip_text(samples::till_shift(), close);
    CHECK(line_starting(slip, "Over").ends_with(" 2.00"));
    CHECK(has(joined(slip), "Cash over by 2.00 (expected 150.00, counted 152.00)"));
    CHECK_FALSE(has(slip, "Approved by"));
}
