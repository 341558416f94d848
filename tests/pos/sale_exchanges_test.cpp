// Exchanges in all three directions, and post-voids.
#include <doctest/doctest.h>

#include "sale_returns_fixture.hpp"

using namespace session_returns;

TEST_CASE_FIXTURE(Fixture, "an even exchange completes with a zero tender") {
    const std::string receipt = sell_for_cash({{bread, ""}}, "5");
    take_back(original(receipt), 0, "1");
    REQUIRE(session->add_item(bread).ok());
    CHECK(session->ticket().totals().total.is_zero());
    REQUIRE(session->begin_tender().ok());
    finish(session->tender_cash("0"));
    CHECK(last_written().kind() == pos::TicketKind::exchange);
    CHECK(last_written().payments().empty());
    CHECK(last_written().lines().size() == 2);
}

TEST_CASE_FIXTURE(Fixture, "in an exchange the customer pays the difference") {
    const std::string receipt = sell_by_card({{milk, ""}});
    take_back(original(receipt), 0, "1");
    REQUIRE(session->add_item(wine).ok());
    CHECK(session->ticket().totals().total.minor() == 899 - 119);
    REQUIRE(session->begin_tender().ok());
    CHECK(session->refund(pos::PaymentMethod::cash, "", "").error().message ==
          "The customer owes EUR 7.80: take payment instead");
    finish(session->tender_cash("10"));
    CHECK(last_written().kind() == pos::TicketKind::exchange);
    CHECK(last_written().change_given().minor() == 220);
}

TEST_CASE_FIXTURE(Fixture, "in an exchange the difference back goes to the original card") {
    const std::string receipt = sell_by_card({{wine, ""}});
    const std::string sale_id = last_written().id();
    take_back(original(receipt), 0, "1");
    REQUIRE(session->add_item(milk).ok());
    CHECK(session->ticket().totals().total.minor() == 119 - 899);
    CHECK(session->refund_tenders()[0].method == pos::PaymentMethod::card);
    CHECK(session->refund_tenders()[0].available().minor() == 899);
    refund_all();
    const pos::Ticket& exchange = last_written();
    CHECK(exchange.kind() == pos::TicketKind::exchange);
    REQUIRE(exchange.payments().size() == 1);
    CHECK(exchange.payments()[0].method == pos::PaymentMethod::card);
    CHECK(exchange.payments()[0].amount.minor() == -780);
    CHECK(exchange.payments()[0].refund_of == sale_id);
}

TEST_CASE_FIXTURE(Fixture, "a post-void reverses today's sale exactly, with a manager's approval") {
    const std::string receipt = sell_for_cash({{wine, ""}, {bread, ""}}, "20");
    const pos::Ticket sold = last_written();
    const auto sale = original(receipt);

    auto asked = session->post_void(sale, "rang up twice");
    REQUIRE_FALSE(asked.ok());
    CHECK(asked.error().message ==
          "A manager must approve: Post-void " + receipt + " of EUR 12.48");
    CHECK(session->pending_approval()->permission == pos::Permission::post_void);
    auto supervisor_only = session->post_void(sale, "rang up twice", supervisor());
    CHECK(supervisor_only.error().message ==
          "Jordan Diaz is a supervisor; a manager must approve a post-void");
    CHECK(store.written.size() == 1);

    auto voided = session->post_void(sale, "rang up twice", manager());
    REQUIRE(voided.ok());
    const pos::Ticket& pv = last_written();
    CHECK(pv.kind() == pos::TicketKind::post_void);
    CHECK(pv.post_void_of() == sold.id());
    CHECK(pv.post_void_of_receipt() == receipt);
    CHECK(pv.totals().total.minor() == -1248);
    REQUIRE(pv.lines().size() == 2);
    CHECK(pv.lines()[1].returned->reason == pos::ReturnReason::other);
    CHECK(pv.lines()[1].returned->disposition == pos::Disposition::restock);
    REQUIRE(pv.payments().size() == sold.payments().size());
    for (std::size_t i = 0; i < pv.payments().size(); ++i) {
        CHECK(pv.payments()[i].method == sold.payments()[i].method);
        CHECK(pv.payments()[i].amount == -sold.payments()[i].amount);
        CHECK(pv.payments()[i].refund_of == sold.id());
    }
    REQUIRE(pv.approvals().size() == 1);
    CHECK(pv.approvals()[0].approver_name == "Morgan Lee");
    CHECK(session->ticket().state() == pos::TicketState::completed);

    REQUIRE(session->start_new_ticket().ok());
    auto again = session->post_void(original(receipt), "again", manager());
    CHECK(again.error().message ==
          receipt + " was already post-voided by " + voided->receipt_number);
}

TEST_CASE_FIXTURE(Fixture, "a post-void is refused the next day and after a return") {
    const std::string receipt = sell_by_card({{wine, ""}, {bread, ""}});
    clock.now += day_ms;
    auto next_day = session->post_void(original(receipt), "late", manager());
    REQUIRE_FALSE(next_day.ok());
    CHECK(next_day.error().message == receipt +
                                          " was not sold today; a post-void is only for "
                                          "today's sales: make a return instead");
    clock.now -= day_ms;

    take_back(original(receipt), 1, "1");
    refund_all();
    auto after_return = session->post_void(original(receipt), "rang up twice", manager());
    REQUIRE_FALSE(after_return.ok());
    CHECK(after_return.error().message ==
          "Items of " + receipt + " were already returned; make a return for the rest instead");
    CHECK(events.recorded.empty());  // nothing was approved
}

TEST_CASE_FIXTURE(Fixture, "the post-void day is the store's local day") {
    // The fake clock starts at 14:13 UTC; ten hours later it is past midnight UTC.
    const std::int64_t afternoon = clock.now;
    auto settings = fakes::settings();
    settings.utc_offset_minutes = -120;  // 12:13 and 22:13 local: the same day
    open(settings);
    const std::string receipt = sell_by_card({{milk, ""}});
    clock.now += 10 * 3'600'000;
    CHECK(session->post_void(original(receipt), "rang up twice", manager()).ok());

    settings.utc_offset_minutes = 0;
    clock.now = afternoon;
    open(settings);
    const std::string utc_receipt = sell_by_card({{milk, ""}});
    clock.now += 10 * 3'600'000;
    CHECK_FALSE(session->post_void(original(utc_receipt), "rang up twice", manager()).ok());
}

TEST_CASE_FIXTURE(Fixture, "only the terminal that sold it post-voids a sale") {
    const std::string receipt = sell_by_card({{milk, ""}});
    auto settings = fakes::settings();
    settings.terminal_id = "T02";
    open(settings, fakes::manager);
    auto elsewhere = session->post_void(original(receipt), "rang up twice");
    REQUIRE_FALSE(elsewhere.ok());
    CHECK(elsewhere.error().message == receipt +
                                           " was sold on terminal T01; only the terminal that "
                                           "sold it can post-void it");
}

TEST_CASE_FIXTURE(Fixture, "a sale just completed can be post-voided from the completed screen") {
    open(fakes::settings(), fakes::manager);
    ring_up({{milk, ""}});
    auto sold = session->tender_card({"1.19", "AUTH-3", "4242"});
    REQUIRE(sold.ok());
    const std::string receipt = sold->completed->receipt_number;
    auto voided = session->post_void(original(receipt), "customer changed mind");
    REQUIRE(voided.ok());
    CHECK(session->ticket().post_void_of_receipt() == receipt);
    CHECK(last_written().payments()[0].amount.minor() == -119);
    // A manager needs no approver, but their own authority and reason are kept and printed.
    REQUIRE(last_written().approvals().size() == 1);
    CHECK(last_written().approvals()[0].approved_by == fakes::manager.id);
    CHECK(last_written().approvals()[0].reason == "customer changed mind");
}

TEST_CASE_FIXTURE(Fixture, "a post-void needs a reason even from a manager") {
    open(fakes::settings(), fakes::manager);
    ring_up({{milk, ""}});
    auto sold = session->tender_card({"1.19", "AUTH-3", "4242"});
    REQUIRE(sold.ok());
    auto voided = session->post_void(original(sold->completed->receipt_number), "");
    REQUIRE_FALSE(voided.ok());
    CHECK(voided.error().message == "Give a reason: it is printed and kept with the ticket");
}
