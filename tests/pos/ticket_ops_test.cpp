// Voids, no-sale, suspend/resume and price overrides: each recorded with who and when.
#include <doctest/doctest.h>

#include "fakes.hpp"
#include "pos/sale.hpp"

namespace {

struct Fixture : fakes::Services {
    pos::SaleSession session{sale(), fakes::settings(), fakes::clerk};
};

}  // namespace

TEST_CASE_FIXTURE(Fixture,
                  "voiding a line keeps it on the ticket, worth nothing, and journals it") {
    session.add_item("4000000000037");
    session.add_item("4000000000020");
    clock.now += 5000;
    REQUIRE(session.void_line(0, "customer changed mind").ok());
    CHECK(session.ticket().lines()[0].voided);
    CHECK(session.ticket().totals().total.minor() == 349);
    REQUIRE(events.recorded.size() == 1);
    const auto& e = events.recorded[0];
    CHECK(e.kind == pos::EventKind::line_void);
    CHECK(e.line_id == session.ticket().lines()[0].id);
    CHECK(e.user_name == "Alex Martin");
    CHECK(e.at_ms == clock.now);
    CHECK(e.amount_minor == 899);
    CHECK(e.reason == "customer changed mind");
    CHECK_FALSE(session.void_line(0).ok());  // already voided
}

TEST_CASE_FIXTURE(Fixture, "a void that cannot be journaled does not happen") {
    session.add_item("4000000000037");
    events.fail_next = true;
    CHECK_FALSE(session.void_line(0).ok());
    CHECK_FALSE(session.ticket().lines()[0].voided);
}

TEST_CASE_FIXTURE(Fixture, "voiding the whole ticket before payment journals it and starts anew") {
    session.add_item("4000000000037");
    const auto id = session.ticket().id();
    REQUIRE(session.void_ticket("walked out").ok());
    CHECK(session.ticket().id() != id);
    CHECK(session.ticket().lines().empty());
    REQUIRE(events.recorded.size() == 1);
    CHECK(events.recorded[0].kind == pos::EventKind::ticket_void);
    CHECK(events.recorded[0].ticket_id == id);
    CHECK(events.recorded[0].amount_minor == 899);
    CHECK(store.written.empty());
}

TEST_CASE_FIXTURE(Fixture, "a ticket with a payment cannot be voided") {
    session.add_item("4000000000037");
    session.begin_tender();
    session.tender_card({"1.00", "AUTH-1", "4242"});
    CHECK_FALSE(session.void_ticket("oops").ok());
}

TEST_CASE_FIXTURE(Fixture, "a no-sale opens the drawer only between sales and is journaled") {
    REQUIRE(session.no_sale("change for the till next door").ok());
    REQUIRE(events.recorded.size() == 1);
    CHECK(events.recorded[0].kind == pos::EventKind::no_sale);
    CHECK(events.recorded[0].ticket_id.empty());
    session.add_item("4000000000037");
    CHECK_FALSE(session.no_sale("x").ok());
}

TEST_CASE_FIXTURE(Fixture, "a suspended sale comes back with its lines and discounts") {
    session.add_item("4000000000037");
    session.add_item("4000000000013", "2");
    session.set_ticket_discount({pos::DiscountKind::percent, {100'000}, 0, "staff"});
    const auto id = session.ticket().id();
    const auto total = session.ticket().totals().total;
    REQUIRE(session.suspend("blue coat").ok());
    CHECK(session.ticket().lines().empty());
    auto list = suspended.list();
    REQUIRE(list.size() == 1);
    CHECK(list[0].label == "blue coat");
    CHECK(list[0].total == total);

    session.add_item("4000000000020");
    CHECK_FALSE(session.resume(id).ok());  // not onto a ticket in progress
    session.void_line(0);
    session.void_ticket("clear");
    REQUIRE(session.resume(id).ok());
    CHECK(session.ticket().id() == id);
    CHECK(session.ticket().lines().size() == 2);
    CHECK(session.ticket().totals().total == total);
    CHECK(session.resume(id).ok() == false);  // already resumed
}

TEST_CASE_FIXTURE(Fixture, "a price override needs a manager's code and PIN") {
    session.add_item("4000000000037");
    auto no_approval = session.override_price(0, "5.00", {}, "price match");
    REQUIRE_FALSE(no_approval.ok());
    CHECK(no_approval.error().message.find("A manager must approve: ") != std::string::npos);

    auto clerk_approves =
        session.override_price(0, "5.00", {"1001", "1234", "", ""}, "price match");
    REQUIRE_FALSE(clerk_approves.ok());
    CHECK(clerk_approves.error().message ==
          "Alex Martin is a clerk; a manager must approve a price override");

    auto wrong_pin = session.override_price(0, "5.00", {"9001", "0000", "", ""}, "price match");
    REQUIRE_FALSE(wrong_pin.ok());
    CHECK(wrong_pin.error().message.find("Wrong PIN for Morgan Lee") != std::string::npos);
    CHECK(session.ticket().totals().total.minor() == 899);

    REQUIRE(session.override_price(0, "5.00", {"9001", "4321", "", ""}, "price match").ok());
    CHECK(session.ticket().totals().total.minor() == 500);
    const auto& e = events.recorded.back();
    CHECK(e.kind == pos::EventKind::price_override);
    CHECK(e.approved_by == 2);
    CHECK(e.user_id == 1);
    CHECK(e.amount_minor == 500);
}

TEST_CASE_FIXTURE(Fixture, "a manager overrides a price without a second approval") {
    pos::SaleSession managed{sale(), fakes::settings(), fakes::manager};
    managed.add_item("4000000000037");
    REQUIRE(managed.override_price(0, "7.50", {}, "damaged label").ok());
    CHECK(managed.ticket().lines()[0].unit_price.minor() == 750);
}
