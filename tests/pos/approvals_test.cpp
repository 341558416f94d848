// Approvals: who may approve what, how it is journaled, and that a refusal changes nothing.
#include <algorithm>

#include <doctest/doctest.h>

#include "fakes.hpp"
#include "pos/approvals.hpp"
#include "pos/sale.hpp"

namespace {

const std::string milk = "4000000000013";  // 1.19
const std::string wine = "4000000000037";  // 8.99

pos::Approval by_pin(std::string code, std::string pin, std::string reason = "loyal customer") {
    return {std::move(code), std::move(pin), "", std::move(reason)};
}
pos::Approval by_badge(std::string badge, std::string reason = "loyal customer") {
    return {"", "", std::move(badge), std::move(reason)};
}

pos::ApprovalRequest price_override_request() {
    return {pos::Permission::price_override,
            pos::Role::manager,
            500,
            "Price of Rioja",
            1,
            "Alex Martin"};
}

pos::Discount percent_off(std::int64_t percent) {
    return {pos::DiscountKind::percent, {percent * 10'000}, 0, "damaged box"};
}

struct Fixture : fakes::Services {
    std::optional<pos::SaleSession> session;
    Fixture() { open(fakes::settings(), fakes::clerk); }
    void open(pos::StoreSettings settings, pos::User who) {
        session.emplace(sale(), std::move(settings), std::move(who));
    }
    std::size_t approvals_journaled(pos::EventKind kind) const {
        return static_cast<std::size_t>(
            std::count_if(events.recorded.begin(), events.recorded.end(),
                          [&](const pos::TicketEvent& e) { return e.kind == kind; }));
    }
};

}  // namespace

TEST_CASE_FIXTURE(Fixture, "an approver is checked by code and PIN, or by badge") {
    const auto request = price_override_request();
    auto by_code = pos::authorise(users, clock, by_pin("9001", "4321"), request);
    REQUIRE(by_code.ok());
    CHECK(by_code->name == "Morgan Lee");

    auto badge = pos::authorise(users, clock, by_badge("BADGE-9001-ML"), request);
    REQUIRE(badge.ok());
    CHECK(badge->id == 2);

    auto unknown = pos::authorise(users, clock, by_badge("BADGE-0000-XX"), request);
    REQUIRE_FALSE(unknown.ok());
    CHECK(unknown.error().message == "That badge is not known here");
}

TEST_CASE_FIXTURE(Fixture, "an approver without the role is told who must approve") {
    const auto request = price_override_request();
    auto supervisor = pos::authorise(users, clock, by_pin("5001", "5555"), request);
    REQUIRE_FALSE(supervisor.ok());
    CHECK(supervisor.error().message ==
          "Jordan Diaz is a supervisor; a manager must approve a price override");
    auto badge = pos::authorise(users, clock, by_badge("BADGE-5001-JD"), request);
    CHECK(badge.error().message == supervisor.error().message);
    // An administrator holds every right of a manager.
    CHECK(pos::authorise(users, clock, by_pin("9901", "2468"), request).ok());
}

TEST_CASE_FIXTURE(Fixture, "an approval needs a reason, and a wrong PIN counts toward lockout") {
    const auto request = price_override_request();
    auto no_reason = pos::authorise(users, clock, by_pin("9001", "4321", "  "), request);
    REQUIRE_FALSE(no_reason.ok());
    CHECK(no_reason.error().message == "Give a reason for the approval");

    auto wrong = pos::authorise(users, clock, by_pin("9001", "0000"), request);
    REQUIRE_FALSE(wrong.ok());
    CHECK(wrong.error().message ==
          "Wrong PIN for Morgan Lee: 9 tries left before the account locks");
    CHECK(users.states[2].failed_attempts == 1);

    // A locked approver cannot approve by badge either.
    users.states[2].locked_until_ms = clock.now + 60'000;
    auto locked = pos::authorise(users, clock, by_badge("BADGE-9001-ML"), request);
    REQUIRE_FALSE(locked.ok());
    CHECK(locked.error().message.find("Morgan Lee is locked out") != std::string::npos);
}

TEST_CASE_FIXTURE(Fixture, "a discount over the limit waits for a supervisor and changes nothing") {
    REQUIRE(session->add_item(milk, "10").ok());  // 11.90
    auto asked = session->set_line_discount(0, percent_off(30));
    REQUIRE_FALSE(asked.ok());
    CHECK(asked.error().code == pos::ErrorCode::not_allowed);
    CHECK(asked.error().message ==
          "A supervisor must approve: Discount 30% on Whole Milk 1 L (the limit is 20%)");
    REQUIRE(session->pending_approval().has_value());
    CHECK(session->pending_approval()->permission == pos::Permission::discount_over_limit);
    CHECK(session->pending_approval()->needed == pos::Role::supervisor);
    CHECK(session->pending_approval()->amount_minor == 357);
    CHECK(session->ticket().totals().total.minor() == 1190);
    CHECK(events.recorded.empty());

    // At the limit, the clerk gives it alone.
    REQUIRE(session->set_line_discount(0, percent_off(20)).ok());
    CHECK(session->ticket().totals().total.minor() == 952);
    CHECK(session->ticket().approvals().empty());
}

TEST_CASE_FIXTURE(Fixture,
                  "an approval is journaled with who asked, who approved, rule and reason") {
    REQUIRE(session->add_item(milk, "10").ok());
    clock.now += 1234;
    REQUIRE(
        session->set_line_discount(0, percent_off(30), by_pin("5001", "5555", "price match")).ok());
    CHECK(session->ticket().totals().total.minor() == 1190 - 357);
    CHECK_FALSE(session->pending_approval().has_value());

    REQUIRE(events.recorded.size() == 1);
    const pos::TicketEvent& e = events.recorded[0];
    CHECK(e.kind == pos::EventKind::approval);
    CHECK(e.ticket_id == session->ticket().id());
    CHECK(e.user_id == 1);
    CHECK(e.user_name == "Alex Martin");
    CHECK(e.approved_by == 3);
    CHECK(e.approver_name == "Jordan Diaz");
    CHECK(e.rule == "discount_over_limit");
    CHECK(e.amount_minor == 357);
    CHECK(e.reason == "price match");
    CHECK(e.at_ms == clock.now);

    REQUIRE(session->ticket().approvals().size() == 1);
    const pos::ApprovalGrant& grant = session->ticket().approvals()[0];
    CHECK(grant.id == e.id);
    CHECK(grant.permission == pos::Permission::discount_over_limit);
    CHECK(grant.requested_by == 1);
    CHECK(grant.approved_by == 3);
    CHECK(grant.approver_name == "Jordan Diaz");
    CHECK(grant.reason == "price match");
}

TEST_CASE_FIXTURE(Fixture, "a discount amount over the limit's share of the value needs approval") {
    REQUIRE(session->add_item(wine).ok());  // 8.99: 20% is 1.79
    const pos::Discount two_euros{pos::DiscountKind::amount, {}, 200, "scratched"};
    auto asked = session->set_line_discount(0, two_euros);
    REQUIRE_FALSE(asked.ok());
    CHECK(asked.error().message ==
          "A supervisor must approve: Discount EUR 2.00 on Rioja Red "
          "75 cl (the limit is 20%, EUR 1.79)");
    const pos::Discount ticket_third{pos::DiscountKind::percent, {300'000}, 0, "staff"};
    auto ticket_wide = session->set_ticket_discount(ticket_third);
    REQUIRE_FALSE(ticket_wide.ok());
    CHECK(ticket_wide.error().message ==
          "A supervisor must approve: Discount 30% on the ticket (the limit is 20%)");
    CHECK(session->ticket().totals().total.minor() == 899);

    REQUIRE(session->set_ticket_discount(ticket_third, by_badge("BADGE-5001-JD")).ok());
    CHECK(session->ticket().totals().total.minor() == 899 - 270);
    CHECK(events.recorded.back().rule == "discount_over_limit");
}

TEST_CASE_FIXTURE(Fixture, "a declined approval is journaled and leaves the ticket as it was") {
    REQUIRE(session->add_item(wine).ok());
    REQUIRE_FALSE(session->override_price(0, "5.00", {}, "price match").ok());
    REQUIRE(session->pending_approval().has_value());
    CHECK(session->pending_approval()->what ==
          "Price of Rioja Red 75 cl: EUR 5.00 instead of "
          "EUR 8.99");

    // A wrong PIN is no decline: nothing is journaled and the request stays.
    CHECK_FALSE(session->decline(by_pin("9001", "1111", "no match found")).ok());
    CHECK(events.recorded.empty());
    REQUIRE(session->pending_approval().has_value());

    REQUIRE(session->decline(by_pin("9001", "4321", "no match found")).ok());
    REQUIRE(events.recorded.size() == 1);
    const pos::TicketEvent& e = events.recorded[0];
    CHECK(e.kind == pos::EventKind::approval_declined);
    CHECK(e.user_id == 1);
    CHECK(e.approved_by == 2);
    CHECK(e.approver_name == "Morgan Lee");
    CHECK(e.rule == "price_override");
    CHECK(e.amount_minor == 500);
    CHECK(e.reason == "no match found");
    CHECK_FALSE(session->pending_approval().has_value());
    CHECK(session->ticket().totals().total.minor() == 899);
    CHECK_FALSE(session->ticket().lines()[0].price_override.has_value());
    CHECK(session->ticket().approvals().empty());
    CHECK(session->decline(by_pin("9001", "4321", "again")).error().message ==
          "Nothing is waiting for approval");
}

TEST_CASE_FIXTURE(Fixture,
                  "a price override approved by a supervisor or a wrong PIN changes nothing") {
    REQUIRE(session->add_item(wine).ok());
    auto supervisor = session->override_price(0, "5.00", by_pin("5001", "5555"), "price match");
    REQUIRE_FALSE(supervisor.ok());
    CHECK(supervisor.error().message ==
          "Jordan Diaz is a supervisor; a manager must approve a price override");
    auto wrong_pin = session->override_price(0, "5.00", by_pin("9001", "0000"), "price match");
    REQUIRE_FALSE(wrong_pin.ok());
    CHECK(wrong_pin.error().message.find("Wrong PIN for Morgan Lee") != std::string::npos);
    CHECK(users.states[2].failed_attempts == 1);
    CHECK(session->ticket().totals().total.minor() == 899);
    CHECK(events.recorded.empty());

    // The reason keyed for the override stands for the approval's.
    REQUIRE(session->override_price(0, "5.00", by_badge("BADGE-9001-ML", ""), "price match").ok());
    CHECK(session->ticket().totals().total.minor() == 500);
    REQUIRE(events.recorded.size() == 2);
    CHECK(events.recorded[0].kind == pos::EventKind::approval);
    CHECK(events.recorded[0].reason == "price match");
    CHECK(events.recorded[1].kind == pos::EventKind::price_override);
    CHECK(events.recorded[1].approved_by == 2);
}

TEST_CASE_FIXTURE(Fixture, "the store's permission table decides who needs approval") {
    auto settings = fakes::settings();
    settings.permissions.set(pos::Permission::price_override, pos::Role::supervisor);
    settings.permissions.set(pos::Permission::no_sale, pos::Role::supervisor);
    open(settings, fakes::supervisor);
    REQUIRE(session->add_item(wine).ok());
    REQUIRE(session->override_price(0, "7.00", {}, "damaged label").ok());
    CHECK(session->ticket().approvals().empty());
    CHECK(events.recorded.back().approved_by == 3);  // the supervisor, alone

    open(settings, fakes::clerk);
    auto no_sale = session->no_sale("change for the float");
    REQUIRE_FALSE(no_sale.ok());
    CHECK(no_sale.error().message == "A supervisor must approve: Open the drawer with no sale");
    REQUIRE(session->no_sale("change for the float", by_pin("5001", "5555")).ok());
    CHECK(events.recorded.back().kind == pos::EventKind::no_sale);
    CHECK(events.recorded.back().approved_by == 3);
    CHECK(approvals_journaled(pos::EventKind::approval) == 1);
}

TEST_CASE_FIXTURE(Fixture, "voiding a ticket needs approval where the store says so") {
    auto settings = fakes::settings();
    settings.permissions.set(pos::Permission::ticket_void, pos::Role::manager);
    open(settings, fakes::clerk);
    REQUIRE(session->add_item(wine).ok());
    auto asked = session->void_ticket("customer left");
    REQUIRE_FALSE(asked.ok());
    CHECK(asked.error().message == "A manager must approve: Void the ticket of EUR 8.99");
    CHECK(session->ticket().live_line_count() == 1);
    REQUIRE(session->void_ticket("customer left", by_pin("9001", "4321")).ok());
    CHECK(session->ticket().lines().empty());
    CHECK(events.recorded.back().kind == pos::EventKind::ticket_void);
    CHECK(events.recorded.back().approved_by == 2);
}

TEST_CASE_FIXTURE(Fixture, "an approval that cannot be journaled is not given") {
    REQUIRE(session->add_item(milk, "10").ok());
    events.fail_next = true;
    auto failed = session->set_line_discount(0, percent_off(30), by_pin("5001", "5555"));
    REQUIRE_FALSE(failed.ok());
    CHECK(failed.error().code == pos::ErrorCode::store_failure);
    CHECK(session->ticket().totals().total.minor() == 1190);
    CHECK(session->ticket().approvals().empty());
}
