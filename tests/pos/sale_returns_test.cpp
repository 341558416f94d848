// Returns with a receipt through the SaleSession: finding the sale, what remains returnable over
// several visits, and where the money goes back.
#include <doctest/doctest.h>

#include "sale_returns_fixture.hpp"

using namespace session_returns;

TEST_CASE_FIXTURE(Fixture, "partial returns over several visits add up to what was paid") {
    pos::Promotion three_for_two;
    three_for_two.id = "P1";
    three_for_two.name = "3 for 2";
    three_for_two.product_ids = {3};
    three_for_two.buy_quantity = 3;
    three_for_two.pay_quantity = 2;
    promotions.all = {three_for_two};
    open(fakes::settings());
    const std::string receipt = sell_by_card({{wine, "3"}});  // 26.97 less 8.99 = 17.98
    const std::string sale_id = last_written().id();
    CHECK(last_written().totals().total.minor() == 1798);

    std::int64_t refunded = 0;
    for (const std::int64_t expected : {599, 600, 599}) {
        const auto sale = original(receipt);
        take_back(sale, 0, "1");
        refund_all();
        const pos::Ticket& back = last_written();
        CHECK(back.kind() == pos::TicketKind::refund);
        REQUIRE(back.payments().size() == 1);
        const pos::Payment& p = back.payments()[0];
        CHECK(p.method == pos::PaymentMethod::card);
        CHECK(p.amount.minor() == -expected);
        CHECK(p.reference == "AUTH-1");
        CHECK(p.card_last4 == "4242");
        CHECK(p.refund_of == sale_id);
        refunded -= p.amount.minor();
    }
    CHECK(refunded == 1798);

    const auto sale = original(receipt);
    CHECK(session->returnable(sale)[0].returnable.milli == 0);
    auto fourth =
        session->add_return(sale, 0, "1", pos::ReturnReason::faulty, pos::Disposition::damaged);
    REQUIRE_FALSE(fourth.ok());
    CHECK(fourth.error().message ==
          "None of 3 Rioja Red 75 cl can still be returned (3 came back on earlier returns)");
    CHECK(session->ticket().lines().empty());
}

TEST_CASE_FIXTURE(Fixture,
                  "returning more than remains is refused and leaves the ticket as it was") {
    const std::string receipt = sell_by_card({{milk, "2"}, {bread, "1"}});
    const auto sale = original(receipt);
    take_back(sale, 0, "1");
    CHECK(session->returnable(sale)[0].returnable.milli == 1000);
    auto too_many = session->add_return(sale, 0, "2", pos::ReturnReason::changed_mind,
                                        pos::Disposition::restock);
    REQUIRE_FALSE(too_many.ok());
    CHECK(too_many.error().message ==
          "Only 1 of 2 Whole Milk 1 L can still be returned (1 already on this return)");
    CHECK(session->ticket().lines().size() == 1);
    CHECK(session->ticket().totals().total.minor() == -119);
    auto no_line = session->add_return(sale, 5, "1", pos::ReturnReason::changed_mind,
                                       pos::Disposition::restock);
    CHECK(no_line.error().message == "Receipt " + receipt + " has no line 6");
}

TEST_CASE_FIXTURE(Fixture, "the same line returned at two terminals at once is refunded once") {
    const std::string receipt = sell_by_card({{milk, "2"}});
    pos::SaleSession other_till{sale(), fakes::settings(), fakes::manager};
    const auto seen_here = original(receipt);
    const auto seen_there = other_till.open_original(receipt);
    REQUIRE(seen_there.ok());

    take_back(seen_here, 0, "2");
    refund_all();
    const std::size_t written = store.written.size();

    // The other till still shows both as returnable; completion re-checks and refuses.
    REQUIRE(other_till
                .add_return(*seen_there, 0, "1", pos::ReturnReason::changed_mind,
                            pos::Disposition::restock)
                .ok());
    REQUIRE(other_till.begin_tender().ok());
    auto late = other_till.refund_to_original();
    REQUIRE_FALSE(late.ok());
    CHECK(late.error().message.find("already returned") != std::string::npos);
    CHECK(store.written.size() == written);
    CHECK(other_till.ticket().payments().empty());
}

TEST_CASE_FIXTURE(Fixture, "a weighed line comes back whole unless a weight is keyed") {
    const std::string receipt = sell_by_card({{bananas, "0.450"}});
    const auto sale = original(receipt);
    REQUIRE(session->add_return(sale, 0, "", pos::ReturnReason::faulty, pos::Disposition::damaged)
                .ok());
    CHECK(session->ticket().lines()[0].quantity.milli == 450);
    CHECK(session->ticket().totals().total.minor() == -90);  // 0.450 x 1.99
}

TEST_CASE_FIXTURE(Fixture, "each tender gets back at most what it paid") {
    // 12.48: card 5.00, then cash 10.00 with 2.52 change, so cash paid 7.48.
    ring_up({{wine, ""}, {bread, ""}});
    REQUIRE(session->tender_card({"5.00", "AUTH-7", "4242"}).ok());
    const std::string receipt = finish(session->tender_cash("10"));
    const auto sale = original(receipt);
    take_back(sale, 0, "1");
    take_back(sale, 1, "1");
    REQUIRE(session->begin_tender().ok());

    auto over_card = session->refund(pos::PaymentMethod::card, "8.00", "4242");
    REQUIRE_FALSE(over_card.ok());
    CHECK(over_card.error().message ==
          "Card ending 4242 paid 5.00 on " + receipt + "; at most 5.00 can go back to it");
    auto cash = session->refund(pos::PaymentMethod::cash, "", "");
    REQUIRE(cash.ok());
    CHECK(cash->still_due.minor() == -500);
    CHECK(session->ticket().payments().back().amount.minor() == -748);
    auto more_cash = session->refund(pos::PaymentMethod::cash, "1.00", "");
    REQUIRE_FALSE(more_cash.ok());
    CHECK(more_cash.error().message ==
          "Cash paid 7.48 on " + receipt + "; at most 0.00 can go back in cash");
    auto wrong_card = session->refund(pos::PaymentMethod::card, "", "9999");
    CHECK(wrong_card.error().message == "No card 9999 paid for the returned items");

    finish(session->refund(pos::PaymentMethod::card, "", "AUTH-7"));
    const auto& payments = last_written().payments();
    REQUIRE(payments.size() == 2);
    CHECK(payments[1].method == pos::PaymentMethod::card);
    CHECK(payments[1].amount.minor() == -500);
    CHECK(last_written().totals().total.minor() == -1248);
}

TEST_CASE_FIXTURE(Fixture, "the default refund goes to cards first, then cash") {
    ring_up({{wine, ""}, {bread, ""}});
    REQUIRE(session->tender_cash("5.00", true).ok());
    const std::string receipt = finish(session->tender_card({"7.48", "AUTH-9", "1111"}));
    take_back(original(receipt), 0, "1");  // 8.99 back
    refund_all();
    const auto& payments = last_written().payments();
    REQUIRE(payments.size() == 2);
    CHECK(payments[0].method == pos::PaymentMethod::card);
    CHECK(payments[0].amount.minor() == -748);
    CHECK(payments[1].method == pos::PaymentMethod::cash);
    CHECK(payments[1].amount.minor() == -151);
}

TEST_CASE_FIXTURE(Fixture, "a cash refund is rounded like a cash sale") {
    auto settings = fakes::settings();
    settings.cash_rounding = {5};
    open(settings);
    const std::string receipt = sell_for_cash({{bread, ""}}, "3.50");  // 3.49 rounds to 3.50
    take_back(original(receipt), 0, "1");
    REQUIRE(session->begin_tender().ok());
    finish(session->refund(pos::PaymentMethod::cash, "", ""));
    const auto& payments = last_written().payments();
    REQUIRE(payments.size() == 2);
    CHECK(payments[0].method == pos::PaymentMethod::cash);
    CHECK(payments[0].amount.minor() == -350);
    CHECK(payments[1].method == pos::PaymentMethod::cash_rounding);
    CHECK(payments[1].amount.minor() == 1);
    CHECK(payments[1].refund_of == payments[0].refund_of);
}

TEST_CASE_FIXTURE(Fixture, "a receipt of another store, or none, or a return, cannot be returned") {
    auto other_store = session->open_original("S002-T01-000001");
    REQUIRE_FALSE(other_store.ok());
    CHECK(other_store.error().code == pos::ErrorCode::not_allowed);
    CHECK(other_store.error().message ==
          "Receipt S002-T01-000001 is from store S002; returns of another store's receipts need "
          "the head-office lookup, which comes with sync");

    auto missing = session->open_original("T01-000099");
    REQUIRE_FALSE(missing.ok());
    CHECK(missing.error().code == pos::ErrorCode::not_found);
    CHECK(missing.error().message ==
          "No receipt T01-000099 in this store: check the number, or "
          "find the ticket by date, amount or card");
    CHECK(session->open_original("X42").error().code == pos::ErrorCode::bad_input);

    const std::string receipt = sell_by_card({{milk, ""}});
    CHECK(session->open_original("S001-" + receipt).ok());
    take_back(original(receipt), 0, "1");
    const std::string refund = refund_all();
    auto of_a_return = session->open_original(refund);
    REQUIRE_FALSE(of_a_return.ok());
    CHECK(of_a_return.error().message ==
          refund + " is a return; only sales and exchanges can be returned");
}

TEST_CASE_FIXTURE(Fixture, "a refund over the limit needs approval before money goes back") {
    const std::string receipt = sell_by_card({{wine, "6"}});  // 53.94
    take_back(original(receipt), 0, "6");
    auto asked = session->begin_tender();
    REQUIRE_FALSE(asked.ok());
    CHECK(asked.error().message ==
          "A supervisor must approve: Refund EUR 53.94 (the limit is EUR 50.00)");
    CHECK(session->pending_approval()->amount_minor == 5394);

    auto wrong_pin = session->begin_tender({"9001", "0000", "", "faulty batch"});
    REQUIRE_FALSE(wrong_pin.ok());
    CHECK(wrong_pin.error().message.find("Wrong PIN for Morgan Lee") != std::string::npos);
    CHECK(session->ticket().state() == pos::TicketState::open);
    CHECK(store.written.size() == 1);

    REQUIRE(session->begin_tender(supervisor("faulty batch")).ok());
    finish(session->refund_to_original());
    REQUIRE(last_written().approvals().size() == 1);
    CHECK(last_written().approvals()[0].permission == pos::Permission::refund_over_limit);
    CHECK(last_written().approvals()[0].amount_minor == 5394);
    CHECK(last_written().totals().total.minor() == -5394);
}

TEST_CASE_FIXTURE(Fixture, "a ticket with returns is not suspended and takes no payment") {
    const std::string receipt = sell_by_card({{wine, ""}});
    take_back(original(receipt), 0, "1");
    auto parked = session->suspend("later");
    REQUIRE_FALSE(parked.ok());
    CHECK(parked.error().message ==
          "A ticket with returned items cannot be suspended: finish the return, or void it");
    CHECK(session->change_quantity(0, "2").error().message ==
          "Cannot change the quantity on a returned item: void the return line and add it again");
    REQUIRE(session->begin_tender().ok());
    auto cash = session->tender_cash("5");
    REQUIRE_FALSE(cash.ok());
    CHECK(cash.error().message ==
          "EUR 8.99 goes back to the customer: refund it instead of taking payment");
}

TEST_CASE_FIXTURE(Fixture, "a gift card gets back what it paid, and store credit takes any rest") {
    stored_value.balances["GC-0001"] = fakes::eur_cents(500);
    ring_up({{wine, ""}});
    REQUIRE(session->tender_stored_value(pos::PaymentMethod::gift_card, "GC-0001", "").ok());
    const std::string receipt = finish(session->tender_cash("3.99"));
    take_back(original(receipt), 0, "1");
    REQUIRE(session->begin_tender().ok());

    auto too_much = session->refund(pos::PaymentMethod::gift_card, "6.00", "GC-0001");
    REQUIRE_FALSE(too_much.ok());
    CHECK(too_much.error().message ==
          "Gift card ending 0001 paid 5.00 on " + receipt + "; at most 5.00 can go back to it");
    REQUIRE(session->refund(pos::PaymentMethod::gift_card, "", "GC-0001").ok());
    CHECK(session->ticket().totals().due.minor() == -399);
    CHECK(session->refund(pos::PaymentMethod::store_credit, "", "SC-NOPE").error().code ==
          pos::ErrorCode::not_found);
    finish(session->refund(pos::PaymentMethod::store_credit, "", ""));
    const auto& payments = last_written().payments();
    REQUIRE(payments.size() == 2);
    CHECK(payments[0].reference == "GC-0001");
    CHECK(payments[0].amount.minor() == -500);
    CHECK(payments[1].method == pos::PaymentMethod::store_credit);
    CHECK(payments[1].amount.minor() == -399);
    CHECK(payments[1].refund_of.empty());  // new credit, not money the sale took
}
