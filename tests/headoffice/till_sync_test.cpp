// A terminal's till day reaches head office through real HTTP (both backends): it opens a till
// with a float, sells, closes short beyond the threshold with a manager's approval, runs its Z and
// syncs; head office then lists that Z with the terminal's own figures and the close's over/short.
#include <doctest/doctest.h>

#include "head_office_fixture.hpp"
#include "pos/login.hpp"
#include "pos/sale.hpp"
#include "pos/till.hpp"
#include "till_checks.hpp"

using testing_support::Backend;
using testing_support::HeadOfficeFixture;
using testing_support::TestTerminal;

namespace {

const pos::Currency eur = pos::Currency::of("EUR", 2);

template <typename T>
T required(pos::Result<T> result, const char* what) {
    REQUIRE_MESSAGE(result.ok(), what << ": " << (result.ok() ? "" : result.error().message));
    return std::move(result).value();
}

void require_done(const pos::Status& status, const char* what) {
    REQUIRE_MESSAGE(status.ok(), what << ": " << (status.ok() ? "" : status.error().message));
}

std::string product(int number) {
    return testing_support::chain_product(number).code;
}

// Opens T01's till with 100.00 (20.00 x 5) and rings up three cash sales.
pos::Shift open_and_sell(TestTerminal& terminal) {
    db::NewShift fresh{"0193a1b2-0000-7000-8000-000000000301",
                       "T01",
                       1001,
                       "Alex Martin",
                       terminal.clock().now_ms(),
                       required(pos::parse_cash_count("20.00x5", eur), "the float")};
    const pos::Shift shift = required(terminal.store().till().open_shift(fresh), "opening");
    terminal.clock().advance(60'000);
    terminal.sell({product(1), product(2)});
    terminal.clock().advance(60'000);
    terminal.sell({product(3)});
    terminal.clock().advance(3'600'000);
    terminal.sell({product(4), product(5), product(6)});
    return shift;
}

// The clerk asks at the till; Morgan Lee (manager, 9001) approves with PIN and reason, as the
// approval dialog does: refused first (an approval is needed), then granted and journaled.
pos::ApprovalGrant approved(TestTerminal& terminal, pos::Permission permission,
                            std::int64_t amount_minor, const std::string& reason) {
    db::Store& store = terminal.store();
    db::RandomIds ids{terminal.clock()};
    const pos::User clerk =
        required(pos::log_in(store.users(), terminal.clock(), "1001", "1234"), "clerk log in");
    pos::SaleSession session(
        {store.catalogue(), store.sales(), terminal.clock(), ids, store.promotions(),
         store.events(), store.suspended(), store.stored_value(), store.users(), store.archive()},
        store.settings(), clerk);
    const auto asked = session.require_permission(permission, amount_minor, "Close the till", {});
    REQUIRE_FALSE(asked.ok());  // a clerk may do neither alone
    const auto grant =
        required(session.require_permission(permission, amount_minor, "Close the till",
                                            {"9001", "4321", "", reason}),
                 "approving");
    REQUIRE(grant.has_value());
    return *grant;
}

// The blind count: 80.00 in the drawer (one 20.00 went missing), no card batch. Beyond the
// 5.00 threshold, so the close needs the manager's over/short approval with a reason.
pos::ShiftClose close_short(TestTerminal& terminal, const pos::Shift& shift) {
    terminal.clock().advance(60'000);
    const pos::ShiftTotals totals = terminal.store().till().shift_totals(shift.id);
    CHECK(totals.tickets == 3);
    CHECK(totals.expected_cash() ==
          pos::Money(10'000, eur) + pos::Money(terminal.completed_total_minor(), eur));
    const pos::CloseCount count{required(pos::parse_cash_count("20.00x4", eur), "the count"),
                                pos::Money(0, eur)};
    const auto differences = pos::over_short(totals, count);
    REQUIRE(pos::beyond_threshold(differences, 500));
    approved(terminal, pos::Permission::close_till, 0, "End of shift");
    const pos::ApprovalGrant grant =
        approved(terminal, pos::Permission::over_short, -differences.at(0).difference().minor(),
                 "A 20.00 note given as change twice");
    const pos::ShiftClose close{shift.id,          "T01",
                                shift.number,      1001,
                                "Alex Martin",     terminal.clock().now_ms(),
                                count.cash,        differences,
                                grant.approved_by, grant.approver_name,
                                grant.reason};
    require_done(terminal.store().till().close_shift(close), "closing the till");
    return close;
}

}  // namespace

TEST_CASE("Head office sees a synced terminal's Z report and its till's over/short") {
    for (const Backend backend : {Backend::sqlite, Backend::postgresql}) {
        const std::string backend_name = testing_support::backend_name(backend);
        CAPTURE(backend_name);
        HeadOfficeFixture office(backend, 6);
        TestTerminal t01(office, "T01", office.url());

        const pos::Shift shift = open_and_sell(t01);
        const pos::ShiftClose close = close_short(t01, shift);
        t01.clock().advance(60'000);
        const pos::ReportFigures z =
            required(t01.store().reports().run_z_report(
                         {"T01", t01.clock().now_ms(), 0, 9001, "Morgan Lee"}),
                     "running the Z report");
        required(t01.sync().run_round(), "syncing");
        CHECK(t01.sync_store().sync().pending_count() == 0);
        CHECK(office.head_office().review_list().empty());
        CHECK(required(office.head_office().store_sales("S001"), "sales").tickets == 3);

        const auto listed = required(office.head_office().z_reports("S001"), "listing Zs");
        REQUIRE(listed.size() == 1);
        CHECK(listed.front().terminal_id == "T01");
        CHECK(listed.front().number == z.number);
        CHECK(listed.front().net_sales == z.row(z.sales, "Net sales").amount);
        CHECK(listed.front().net_sales.minor() == t01.completed_total_minor());
        const auto held = required(office.head_office().z_report("S001", "T01", z.number), "the Z");
        till_checks::check_same_figures(held.figures, z);
        CHECK(held.run_by_id == 9001);

        const auto closes = required(office.head_office().till_closes("S001"), "till closes");
        REQUIRE(closes.size() == 1);
        const headoffice::TillClose& held_close = closes.front();
        CHECK(held_close.shift_id == shift.id);
        CHECK(held_close.shift_number == shift.number);
        CHECK(held_close.closed_by_name == "Alex Martin");
        CHECK(held_close.tenders == close.tenders);
        const pos::Money cash_sales(t01.completed_total_minor(), eur);
        CHECK(held_close.tenders.at(0).method == pos::PaymentMethod::cash);
        CHECK(held_close.tenders.at(0).expected == pos::Money(10'000, eur) + cash_sales);
        CHECK(held_close.tenders.at(0).difference() == pos::Money(-2'000, eur) - cash_sales);
        CHECK(held_close.approved_by == close.approved_by);
        CHECK(held_close.approved_by != 0);
        CHECK(held_close.approver_name == "Morgan Lee");
        CHECK(held_close.reason == "A 20.00 note given as change twice");
        CHECK(held_close.cash_count == "20.00x4");
    }
}
