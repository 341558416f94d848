#include <doctest/doctest.h>

#include "fakes.hpp"
#include "pos/till_report.hpp"

using fakes::eur_cents;
using pos::PaymentMethod;

namespace {

// 2026-11-23 00:00:00 UTC in milliseconds.
constexpr std::int64_t nov23_ms = 1'795'392'000'000;
constexpr std::int64_t hour_ms = 3'600'000;

pos::DashboardFigures small_day() {
    pos::DashboardFigures d;
    d.day = pos::local_day(nov23_ms, 0);
    d.by_hour = {{"09:00", 3, eur_cents(4550)}, {"14:00", 1, eur_cents(-1200)}};
    d.tenders = {{"Cash", 2, eur_cents(2000)}, {"Card", 2, eur_cents(1350)}};
    d.sales_count = 3;
    d.sales_amount = eur_cents(4550);
    d.returns_count = 1;
    d.returns_amount = eur_cents(1200);
    d.top_items = {{"4006381333931", "Pen, blue", 3000, eur_cents(3000)},
                   {"2000123", "Apples \"Gala\"", 1500, eur_cents(448)}};
    return d;
}

}  // namespace

TEST_CASE("every tender has a label people read") {
    CHECK(pos::tender_label(PaymentMethod::cash) == "Cash");
    CHECK(pos::tender_label(PaymentMethod::card) == "Card");
    CHECK(pos::tender_label(PaymentMethod::gift_card) == "Gift card");
    CHECK(pos::tender_label(PaymentMethod::store_credit) == "Store credit");
    CHECK(pos::tender_label(PaymentMethod::cash_rounding) == "Cash rounding");
    CHECK(pos::tender_label(PaymentMethod::loyalty_points) == "Points");
    CHECK(pos::tender_label(PaymentMethod::deposit) == "Deposit");
}

TEST_CASE("hours and days are the store's local ones") {
    const std::int64_t at = nov23_ms + 14 * hour_ms + 59 * 60'000;  // 14:59 UTC
    CHECK(pos::hour_label(at, 0) == "14:00");
    CHECK(pos::hour_label(at, 60) == "15:00");
    CHECK(pos::hour_label(at, -300) == "09:00");
    CHECK(pos::hour_label(nov23_ms + 23 * hour_ms, 120) == "01:00");  // next day, local
    CHECK(pos::local_day(nov23_ms + 23 * hour_ms, 0) == pos::local_day(nov23_ms, 0));
    CHECK(pos::local_day(nov23_ms + 23 * hour_ms, 120) == pos::local_day(nov23_ms, 0) + 1);
    CHECK(pos::local_day(nov23_ms + hour_ms, -120) == pos::local_day(nov23_ms, 0) - 1);
    CHECK(pos::day_text(pos::local_day(nov23_ms, 0)) == "2026-11-23");
    CHECK(pos::day_text(0) == "1970-01-01");
    CHECK(pos::day_text(-1) == "1969-12-31");
    CHECK(pos::day_text(pos::local_day(nov23_ms, 0) + 98) == "2027-03-01");  // past February
    CHECK(pos::day_text(11'016) == "2000-02-29");                            // a leap day
    CHECK(pos::hour_label(nov23_ms + 30 * 60'000, -60) == "23:00");  // the day before, local
    CHECK(pos::hour_label(-1, 0) == "23:00");  // before 1970 still lands in the right hour
}

TEST_CASE("a report row is found by label, and an absent one reads as zero") {
    pos::ReportFigures figures;
    figures.sales = {{"Sales", 4, eur_cents(12000)}, {"Returns", 1, eur_cents(-1500)}};
    figures.tenders = {{"Cash", 3, eur_cents(8000)}};
    CHECK(figures.row(figures.sales, "Returns") ==
          pos::ReportAmount{"Returns", 1, eur_cents(-1500)});
    const auto card = figures.row(figures.tenders, "Card");
    CHECK(card.label == "Card");
    CHECK(card.count == 0);
    CHECK(card.amount == eur_cents(0));  // in the report's currency, so it adds to the others
    CHECK(card.amount + figures.row(figures.tenders, "Cash").amount == eur_cents(8000));
}

TEST_CASE("the sales section's labels are fixed and in order") {
    const std::vector<std::string_view> labels(std::begin(pos::report_sales_labels),
                                               std::end(pos::report_sales_labels));
    CHECK(labels.size() == 14);
    CHECK(labels.front() == "Sales");
    CHECK(labels[4] == "Net sales");
    CHECK(labels[9] == "No sales");
    CHECK(labels.back() == "Pickups");
}

TEST_CASE("the returns rate is returns per sale in ppm, rounded half up") {
    pos::DashboardFigures d;
    CHECK(d.returns_rate_ppm() == 0);  // no sales: no rate, not a division by zero
    d.returns_count = 2;
    CHECK(d.returns_rate_ppm() == 0);
    d.sales_count = 3;
    CHECK(d.returns_rate_ppm() == 666'667);
    d.sales_count = 22;
    d.returns_count = 1;
    CHECK(d.returns_rate_ppm() == 45'455);
    d.sales_count = 200;
    d.returns_count = 9;
    CHECK(d.returns_rate_ppm() == 45'000);
}

TEST_CASE("the dashboard exports as RFC 4180 CSV a spreadsheet opens") {
    const std::string expected =
        "section,label,count,amount\r\n"
        "hour,09:00,3,45.50\r\n"
        "hour,14:00,1,-12.00\r\n"
        "tender,Cash,2,20.00\r\n"
        "tender,Card,2,13.50\r\n"
        "summary,sales,3,45.50\r\n"
        "summary,returns,1,12.00\r\n"
        "summary,returns rate,,33.3333%\r\n"
        "top_item,\"4006381333931 Pen, blue\",3,30.00\r\n"
        "top_item,\"2000123 Apples \"\"Gala\"\"\",1.500,4.48\r\n";
    CHECK(pos::dashboard_csv(small_day()) == expected);
}

TEST_CASE("an empty day exports the header and a zero summary") {
    pos::DashboardFigures d;
    d.sales_amount = eur_cents(0);
    d.returns_amount = eur_cents(0);
    CHECK(pos::dashboard_csv(d) ==
          "section,label,count,amount\r\n"
          "summary,sales,0,0.00\r\n"
          "summary,returns,0,0.00\r\n"
          "summary,returns rate,,0%\r\n");
}
