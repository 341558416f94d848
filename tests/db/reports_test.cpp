// X and Z reports and the dashboard, over a real day at one terminal: the Z's figures are checked
// against the journal, summed independently from the entries' payload text (report_day.hpp).
#include <doctest/doctest.h>

#include "db/journal_z.hpp"
#include "db/reports_sql.hpp"
#include "report_day.hpp"

using db_test::TempDir;
using pos::PaymentMethod;
using namespace report_day;

TEST_CASE("A day's Z equals its X and the journal summed independently, row by row") {
    TempDir dir;
    auto store = db_test::small_store(dir.file("terminal.db"));
    ring_up_day(*store);
    auto& reports = store->reports();

    const pos::ReportFigures x = reports.x_report("T01", local(21, 0), offset);
    CHECK_FALSE(x.final);
    CHECK(x.number == 0);
    CHECK(x.business_day == pos::local_day(local(21, 0), offset));
    CHECK(x.from_ms == 0);
    CHECK(x.to_ms == local(21, 0));
    CHECK(rows_of(x) == journal_sums(*store, "T01", 0));

    const auto z = reports.run_z_report({"T01", local(21, 5), offset, 5001, "Pat Supervisor"});
    REQUIRE_MESSAGE(z.ok(), (z.ok() ? "" : z.error().message));
    CHECK(z->final);
    CHECK(z->number == 1);
    CHECK(z->terminal_id == "T01");
    CHECK(z->business_day == pos::local_day(local(21, 5), offset));
    CHECK(z->run_by == "Pat Supervisor");
    CHECK(z->from_ms == 0);
    CHECK(z->to_ms == local(21, 5));
    CHECK(rows_of(*z, true) == rows_of(x, true));
    CHECK(rows_of(*z) == journal_sums(*store, "T01", 1));

    CHECK(labels(z->sales) == std::vector<std::string>(std::begin(pos::report_sales_labels),
                                                       std::end(pos::report_sales_labels)));
    CHECK(labels(z->tenders) == std::vector<std::string>{"Cash", "Card", "Gift card"});
    CHECK(labels(z->taxes) == std::vector<std::string>{"A 20%", "B 5%"});
    CHECK(labels(z->clerks) == std::vector<std::string>{"Alex Martin", "Sam Carter"});
    CHECK(labels(z->hours) == std::vector<std::string>{"09:00", "10:00"});
    // What a manager reads off the Z, worked out by hand.
    const auto sales = [&](const char* label) { return z->row(z->sales, label); };
    CHECK(sales("Sales").count == 3);
    CHECK(sales("Sales").amount.minor() == 587 + 2047 + 1597);
    CHECK(sales("Returns").count == 1);
    CHECK(sales("Returns").amount.minor() == -349);
    CHECK(sales("Exchanges").count == 1);
    CHECK(sales("Post-voids").count == 1);
    CHECK(sales("Post-voids").amount.minor() == -587);
    CHECK(sales("Net sales").count == 6);
    CHECK(sales("Net sales").amount.minor() == 4231 - 349 - 619 - 587);
    CHECK(sales("Discounts").count == 1);
    CHECK(sales("Discounts").amount.minor() == 100);
    CHECK(sales("Promotions").count == 1);
    CHECK(sales("Promotions").amount.minor() == 119);
    // Net sales is what the tenders took, change and refunds given back.
    std::int64_t tendered = 0;
    for (const auto& row : z->tenders)
        tendered += row.amount.minor();
    CHECK(tendered == sales("Net sales").amount.minor());
    CHECK(z->row(z->tenders, "Cash") == pos::ReportAmount{"Cash", 1, db_test::cents(2047 - 619)});
    CHECK(sales("Voided sales").count == 2);
    CHECK(sales("Voided sales").amount.minor() == 899 + 698);
    CHECK(sales("Voided lines").amount.minor() == 119);
    CHECK(sales("No sales").count == 1);
    CHECK(sales("Paid in").amount.minor() == 500);
    CHECK(sales("Paid out").amount.minor() == 350);
    CHECK(sales("Drops").amount.minor() == 2000);
    CHECK(sales("Pickups").amount.minor() == 1000);
    CHECK(z->row(z->tenders, "Gift card").amount.minor() == 500);
    CHECK(z->row(z->clerks, "Alex Martin").amount.minor() == 587 - 349 - 587);
    CHECK(z->row(z->hours, "09:00").count == 2);
    CHECK(z->row(z->hours, "10:00").count == 4);

    // Stored, journaled for head office, and read back the same.
    CHECK(db_test::text_for(*store, "SELECT entity_id FROM journal WHERE kind = ?", "z_report") ==
          "T01-Z1");
    const auto again = reports.z_report("T01", 1);
    REQUIRE(again.has_value());
    CHECK(rows_of(*again, true) == rows_of(*z, true));
    CHECK(labels(again->hours) == labels(z->hours));
    CHECK(again->to_ms == z->to_ms);
    CHECK(again->run_by == "Pat Supervisor");
    CHECK(store->verify_journal().ok);
}

namespace {

// The rows a refused Z must leave as they were.
std::vector<std::int64_t> written(db::SqliteStore& store) {
    return {rows_in(store, "journal"), rows_in(store, "outbox"), rows_in(store, "z_reports"),
            rows_in(store, "running_totals")};
}

void sell(db::SqliteStore& store, const std::string& terminal, std::int64_t at_ms,
          const pos::Clerk& clerk = alex) {
    pos::Ticket ticket = ticket_by(store, clerk, {{bread, 1000}}, terminal);
    pay_cash(ticket, 500);
    db_test::complete(store, ticket, at_ms);
}

db::ZRequest z_at(std::int64_t at_ms, const std::string& terminal = "T01") {
    return {terminal, at_ms, offset, 5001, "Pat Supervisor"};
}

}  // namespace

TEST_CASE("A second Z the same day is refused with the store's message and nothing written") {
    TempDir dir;
    auto store = db_test::small_store(dir.file("terminal.db"));
    sell(*store, "T01", local(9, 0));
    REQUIRE(store->reports().run_z_report(z_at(local(21, 5))));
    sell(*store, "T01", local(22, 0));
    const auto before = written(*store);

    const auto second = store->reports().run_z_report(z_at(local(23, 30)));
    REQUIRE_FALSE(second.ok());
    CHECK(second.error().code == pos::ErrorCode::not_allowed);
    CHECK(second.error().message ==
          "Z report No. 1 already ran for 2026-11-23 (at 21:05); the next one can run on "
          "2026-11-24");
    CHECK(written(*store) == before);
    // The late sale waits for the next day's Z.
    const auto x = store->reports().x_report("T01", local(23, 31), offset);
    CHECK(x.row(x.sales, "Sales").count == 1);
    CHECK(x.from_ms == local(21, 5));
    const auto next = store->reports().run_z_report(z_at(local(0, 10, 1)));
    REQUIRE(next.ok());
    CHECK(next->number == 2);
    CHECK(next->row(next->sales, "Sales").count == 1);
    CHECK(next->from_ms == local(21, 5));
}

TEST_CASE("A Z waits for the till to close") {
    TempDir dir;
    auto store = db_test::small_store(dir.file("terminal.db"));
    const pos::Shift shift = open_shift(*store, local(8, 2));
    sell(*store, "T01", local(9, 0));
    const auto before = written(*store);

    const auto refused = store->reports().run_z_report(z_at(local(21, 0)));
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().code == pos::ErrorCode::not_allowed);
    CHECK(refused.error().message == "Close the till first: shift " + std::to_string(shift.number) +
                                         " is open (Alex Martin since 08:02)");
    CHECK(written(*store) == before);

    close_shift(*store, shift, local(20, 55));
    const auto z = store->reports().run_z_report(z_at(local(21, 0)));
    REQUIRE_MESSAGE(z.ok(), (z.ok() ? "" : z.error().message));
    CHECK(z->number == 1);
    CHECK(z->row(z->tenders, "Cash").amount.minor() == 349);
}

TEST_CASE("Z numbers run gap-free per terminal, and after a Z the X starts from zero") {
    TempDir dir;
    auto store = db_test::small_store(dir.file("terminal.db"));
    auto& reports = store->reports();
    sell(*store, "T01", local(9, 0));
    sell(*store, "T02", local(9, 30), sam);
    const auto first = reports.run_z_report(z_at(local(21, 0)));
    REQUIRE(first.ok());

    const auto x = reports.x_report("T01", local(21, 1), offset);
    for (const auto& row : x.sales) {
        INFO(row.label);
        CHECK(row.count == 0);
        CHECK(row.amount.is_zero());
    }
    CHECK(x.taxes.empty());
    CHECK(x.tenders.empty());
    CHECK(x.clerks.empty());
    CHECK(x.hours.empty());
    CHECK(x.from_ms == local(21, 0));
    // T02's sale is in T02's figures only.
    const auto t02 = reports.x_report("T02", local(21, 1), offset);
    CHECK(t02.row(t02.clerks, "Sam Carter").count == 1);

    REQUIRE(reports.run_z_report(z_at(local(21, 0, 1))));  // a day with nothing sold
    sell(*store, "T01", local(9, 0, 3));
    const auto third = reports.run_z_report(z_at(local(21, 0, 3)));
    REQUIRE(third.ok());
    CHECK(third->number == 3);
    CHECK(third->row(third->sales, "Net sales").amount.minor() == 349);
    const auto t02_z = reports.run_z_report(z_at(local(21, 0, 3), "T02"));
    REQUIRE(t02_z.ok());
    CHECK(t02_z->number == 1);
    CHECK(t02_z->row(t02_z->sales, "Sales").count == 1);

    const auto listed = reports.z_reports("T01", 10);
    REQUIRE(listed.size() == 3);
    CHECK(listed[0].number == 3);
    CHECK(listed[1].number == 2);
    CHECK(listed[2].number == 1);
    CHECK(listed[0].business_day == pos::local_day(local(21, 0, 3), offset));
    CHECK(listed[0].net_minor == 349);
    CHECK(listed[1].net_minor == 0);
    CHECK(listed[2].run_by_name == "Pat Supervisor");
    CHECK(reports.z_reports("T01", 2).size() == 2);
    CHECK_FALSE(reports.z_report("T01", 4).has_value());
    const auto empty_day = reports.z_report("T01", 2);
    REQUIRE(empty_day.has_value());
    CHECK(empty_day->row(empty_day->sales, "Sales").count == 0);

    // Damaged stored figures are a store failure naming the field, never wrong figures.
    store->database().exec(
        "UPDATE z_reports SET figures = replace(figures, 'z.sales.1.count=0',"
        " 'z.sales.1.count=none') WHERE number = 2",
        "damaging a stored Z");
    CHECK_THROWS_WITH_AS(reports.z_report("T01", 2),
                         "The Z report's field z.sales.1.count is not a number", pos::StoreFailure);

    // A clock set back before the last Z's day cannot run a Z for an earlier day.
    const auto before = written(*store);
    const auto back = reports.run_z_report(z_at(local(21, 0, 2)));
    REQUIRE_FALSE(back.ok());
    CHECK(back.error().message ==
          "The clock says 2026-11-25, before Z report No. 3 of "
          "2026-11-26: check the terminal's date and time");
    CHECK(written(*store) == before);
    CHECK(store->verify_journal().ok);
}

TEST_CASE("A Z request without its terminal or who runs it is refused with nothing written") {
    TempDir dir;
    auto store = db_test::small_store(dir.file("terminal.db"));
    sell(*store, "T01", local(9, 0));
    const auto before = written(*store);
    const auto no_terminal = store->reports().run_z_report(z_at(local(21, 0), ""));
    REQUIRE_FALSE(no_terminal.ok());
    CHECK(no_terminal.error().message == "The Z report does not say which terminal it is for");
    auto anonymous = z_at(local(21, 0));
    anonymous.run_by_name = "";
    const auto nobody = store->reports().run_z_report(anonymous);
    REQUIRE_FALSE(nobody.ok());
    CHECK(nobody.error().message == "The Z report does not say who ran it");
    CHECK(written(*store) == before);
}

TEST_CASE("A z_report body reads back as the figures written, and a damaged one says where") {
    pos::ReportFigures figures;
    figures.final = true;
    figures.number = 4;
    figures.terminal_id = "T01";
    figures.business_day = 20'415;
    figures.from_ms = 5;
    figures.to_ms = 9;
    figures.run_by = "Pat = \"Supervisor\"\n";
    for (std::string_view label : pos::report_sales_labels)
        figures.sales.push_back({std::string(label), 1, db_test::cents(100)});
    figures.taxes = {{"A 20%", 2, db_test::cents(-33)}};
    figures.tenders = {{"Cash", 1, db_test::cents(1234)}, {"Card", 0, db_test::cents(-5)}};
    figures.clerks = {{"Ann Smith", 3, db_test::cents(7)}};
    figures.hours = {{"14:00", 3, db_test::cents(7)}};

    const std::string body = db::z_report_body(figures, 5001, db_test::eur());
    CHECK(body.rfind("z.number=4\nz.business_day=20415\nz.from_ms=5\nz.to_ms=9\n"
                     "z.run_by_id=5001\nz.run_by_name=Pat = \"Supervisor\"\\n\nz.currency=EUR\n"
                     "z.currency_exponent=2\nz.sales=14\nz.sales.1.label=Sales\n",
                     0) == 0);
    CHECK(body.find("\nz.tenders=2\nz.tenders.1.label=Cash\nz.tenders.1.count=1\n"
                    "z.tenders.1.amount=1234\n") != std::string::npos);
    const auto read = db::z_figures_from(body, "T01");
    REQUIRE(read.ok());
    CHECK(read->run_by == figures.run_by);
    CHECK(read->number == 4);
    CHECK(read->business_day == 20'415);
    CHECK(rows_of(*read, true) == rows_of(figures, true));
    CHECK(labels(read->tenders) == labels(figures.tenders));

    std::string damaged = body;
    damaged.replace(damaged.find("z.taxes.1.amount=-33"), 20, "z.taxes.1.amount=x33");
    const auto bad = db::z_figures_from(damaged, "T01");
    REQUIRE_FALSE(bad.ok());
    CHECK(bad.error().message == "The Z report's field z.taxes.1.amount is not a number");
    const auto cut = db::z_figures_from(body.substr(0, body.find("z.clerks")), "T01");
    REQUIRE_FALSE(cut.ok());
    CHECK(cut.error().message == "The Z report has no field z.clerks");
}

TEST_CASE("The dashboard sums a local day of every terminal: hours, tenders, returns, top items") {
    TempDir dir;
    auto store = db_test::small_store(dir.file("terminal.db"));
    pos::Ticket card_wine = ticket_by(*store, alex, {{wine, 1000}});
    pay(card_wine, PaymentMethod::card, "REF-9");
    db_test::complete(*store, card_wine, local(8, 30));
    pos::Ticket basket = ticket_by(*store, sam, {{bread, 2000}, {milk, 1000}}, "T02");
    pay_cash(basket, 1000);
    db_test::complete(*store, basket, local(8, 45));
    pos::Ticket two_wines = ticket_by(*store, alex, {{wine, 2000}});
    pay_cash(two_wines, 1798);
    const std::string receipt = db_test::complete(*store, two_wines, local(14, 10));
    pos::Ticket back = ticket_by(*store, alex, {});
    db_test::add_returns(*store, back, receipt, {{0, 1000}});
    db_test::refund_to_original(*store, back, receipt);
    db_test::complete(*store, back, local(15, 0));
    pos::Ticket voided = ticket_by(*store, alex, {{wine, 5000}});
    voided.mark_voided();
    REQUIRE(store->sales().complete_sale(voided, local(15, 5)));
    for (const std::int64_t outside : {local(23, 50, -1), local(0, 5, 1)}) {
        pos::Ticket other_day = ticket_by(*store, alex, {{milk, 5000}});
        pay_cash(other_day, 595);
        db_test::complete(*store, other_day, outside);
    }

    const pos::DashboardFigures day =
        store->reports().dashboard(local(0, 0), local(0, 0, 1), offset);
    CHECK(day.day == pos::local_day(local(12, 0), offset));
    REQUIRE(day.by_hour.size() == 3);
    CHECK(day.by_hour[0] == pos::ReportAmount{"08:00", 2, db_test::cents(899 + 817)});
    CHECK(day.by_hour[1] == pos::ReportAmount{"14:00", 1, db_test::cents(1798)});
    CHECK(day.by_hour[2] == pos::ReportAmount{"15:00", 1, db_test::cents(-899)});
    REQUIRE(day.tenders.size() == 2);
    CHECK(day.tenders[0] == pos::ReportAmount{"Cash", 2, db_test::cents(817 + 1798 - 899)});
    CHECK(day.tenders[1] == pos::ReportAmount{"Card", 1, db_test::cents(899)});
    CHECK(day.sales_count == 3);
    CHECK(day.sales_amount.minor() == 899 + 817 + 1798);
    CHECK(day.returns_count == 1);
    CHECK(day.returns_amount.minor() == 899);
    CHECK(day.returns_rate_ppm() == 333'333);
    REQUIRE(day.top_items.size() == 3);
    CHECK(day.top_items[0].code == wine);
    CHECK(day.top_items[0].name == "Rioja Red 75 cl");
    CHECK(day.top_items[0].quantity_milli == 2000);
    CHECK(day.top_items[0].amount.minor() == 1798);
    CHECK(day.top_items[1].code == bread);
    CHECK(day.top_items[1].quantity_milli == 2000);
    CHECK(day.top_items[1].amount.minor() == 698);
    CHECK(day.top_items[2].code == milk);
    CHECK(day.top_items[2].quantity_milli == 1000);

    const pos::DashboardFigures quiet =
        store->reports().dashboard(local(0, 0, 5), local(0, 0, 6), offset);
    CHECK(quiet.by_hour.empty());
    CHECK(quiet.tenders.empty());
    CHECK(quiet.sales_count == 0);
    CHECK(quiet.returns_rate_ppm() == 0);
    CHECK(quiet.top_items.empty());
}

TEST_CASE("The dashboard takes a post-voided sale back out and counts an exchange by its total") {
    TempDir dir;
    auto store = db_test::small_store(dir.file("terminal.db"));
    pos::Ticket voided_later = ticket_by(*store, alex, {{wine, 5000}});
    pay(voided_later, PaymentMethod::card, "REF-5");
    const std::string voided_receipt = db_test::complete(*store, voided_later, local(9, 0));
    pos::Ticket post_void = ticket_by(*store, alex, {});
    db_test::add_returns(*store, post_void, voided_receipt, {{0, 5000}});
    post_void.set_post_void_of(voided_later.id(), voided_receipt);
    post_void.begin_tender();
    pos::Payment back_to_card = db_test::payment(PaymentMethod::card, -4495, "REF-5", "4242");
    back_to_card.refund_of = voided_later.id();
    post_void.add_payment(back_to_card);
    db_test::complete(*store, post_void, local(9, 10));

    pos::Ticket two_wines = ticket_by(*store, sam, {{wine, 2000}});
    pay_cash(two_wines, 1798);
    const std::string wines_receipt = db_test::complete(*store, two_wines, local(11, 0));
    pos::Ticket bread_sale = ticket_by(*store, sam, {{bread, 1000}});
    pay_cash(bread_sale, 349);
    const std::string bread_receipt = db_test::complete(*store, bread_sale, local(11, 30));
    // A wine back for two breads: 2.01 refunded, a return to the customer.
    pos::Ticket refunded = ticket_by(*store, sam, {});
    db_test::add_returns(*store, refunded, wines_receipt, {{0, 1000}});
    refunded.add_line(db_test::new_id(), *store->catalogue().find_by_code(bread, db_test::at),
                      pos::Quantity{2000});
    db_test::refund_to_original(*store, refunded, wines_receipt);
    db_test::complete(*store, refunded, local(12, 0));
    // The bread back for a wine: 5.50 paid, a sale.
    pos::Ticket paid = ticket_by(*store, sam, {});
    db_test::add_returns(*store, paid, bread_receipt, {{0, 1000}});
    paid.add_line(db_test::new_id(), *store->catalogue().find_by_code(wine, db_test::at),
                  pos::Quantity{1000});
    pay(paid, PaymentMethod::cash);
    db_test::complete(*store, paid, local(12, 10));

    const pos::DashboardFigures day =
        store->reports().dashboard(local(0, 0), local(0, 0, 1), offset);
    // The post-voided 44.95 is neither a sale nor a return; the hour still shows both tickets.
    CHECK(day.sales_count == 3);
    CHECK(day.sales_amount.minor() == 1798 + 349 + 550);
    CHECK(day.returns_count == 1);
    CHECK(day.returns_amount.minor() == 201);
    CHECK(day.returns_rate_ppm() == 333'333);
    REQUIRE(day.by_hour.size() == 3);
    CHECK(day.by_hour[0] == pos::ReportAmount{"09:00", 2, db_test::cents(0)});
    CHECK(day.by_hour[1] == pos::ReportAmount{"11:00", 2, db_test::cents(1798 + 349)});
    CHECK(day.by_hour[2] == pos::ReportAmount{"12:00", 2, db_test::cents(-201 + 550)});

    // Only the post-void left: no sales and no returns rate, never a negative count.
    const pos::DashboardFigures morning =
        store->reports().dashboard(local(0, 0), local(10, 0), offset);
    CHECK(morning.sales_count == 0);
    CHECK(morning.sales_amount.is_zero());
    CHECK(morning.returns_count == 0);
    CHECK(morning.returns_rate_ppm() == 0);
}

TEST_CASE("Report queries find their rows through indexes, never a table scan") {
    TempDir dir;
    auto store = db_test::small_store(dir.file("terminal.db"));
    for (const std::string_view sql :
         {db::reports_sql::open_shift, db::reports_sql::z_of_day, db::reports_sql::last_z,
          db::reports_sql::report_start, db::reports_sql::z_list, db::reports_sql::z_figures,
          db::reports_sql::day_totals, db::reports_sql::dashboard_tickets,
          db::reports_sql::dashboard_tenders, db::reports_sql::dashboard_items}) {
        db::Statement plan(store->database(), "EXPLAIN QUERY PLAN " + std::string(sql));
        std::string steps;
        while (plan.step())
            steps += plan.column_text(3) + "\n";
        INFO(sql << "\n" << steps);
        CHECK(steps.find("SEARCH") != std::string::npos);
        CHECK(("\n" + steps).find("\nSCAN") == std::string::npos);
    }
}
