// What the head-office till tests assert about a Z report head office holds: every figure equal
// to the terminal's, row for row.
#pragma once

#include <doctest/doctest.h>

#include <string>

#include "pos/till.hpp"
#include "pos/till_report.hpp"

namespace doctest {
template <>
struct StringMaker<pos::Money> {
    static String convert(const pos::Money& money) {
        return (pos::format_amount(money) + " " + std::string(money.currency().iso())).c_str();
    }
};
template <>
struct StringMaker<pos::TenderDifference> {
    static String convert(const pos::TenderDifference& tender) {
        return (std::string(pos::to_string(tender.method)) + " expected " +
                pos::format_amount(tender.expected) + " counted " +
                pos::format_amount(tender.counted))
            .c_str();
    }
};
}  // namespace doctest

namespace till_checks {

inline void check_same_figures(const pos::ReportFigures& held, const pos::ReportFigures& sent) {
    CHECK(held.final);
    CHECK(held.number == sent.number);
    CHECK(held.terminal_id == sent.terminal_id);
    CHECK(held.business_day == sent.business_day);
    CHECK(held.from_ms == sent.from_ms);
    CHECK(held.to_ms == sent.to_ms);
    CHECK(held.run_by == sent.run_by);
    CHECK(held.sales == sent.sales);
    CHECK(held.taxes == sent.taxes);
    CHECK(held.tenders == sent.tenders);
    CHECK(held.clerks == sent.clerks);
    CHECK(held.hours == sent.hours);
}

}  // namespace till_checks
