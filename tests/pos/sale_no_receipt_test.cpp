// Returns without a receipt: approval, the lowest recent price, store credit, and the limits per
// customer.
#include <doctest/doctest.h>

#include "sale_returns_fixture.hpp"

using namespace session_returns;

namespace {

const std::string customer = "06 12 34 56 78";

struct NoReceipt : Fixture {
    NoReceipt() {
        // Rioja was 5.99 long ago, 7.49 within the last 30 days, 8.99 now.
        const std::int64_t now = clock.now;
        archive.prices[3] = {{now - 50 * day_ms, fakes::eur_cents(599)},
                             {now - 35 * day_ms, fakes::eur_cents(749)},
                             {now - 5 * day_ms, fakes::eur_cents(899)}};
    }
    pos::Result<std::size_t> bring_back(const std::string& code, const pos::Approval& approval,
                                        const std::string& who = customer) {
        return session->add_return_without_receipt(code, "", pos::ReturnReason::faulty,
                                                   pos::Disposition::damaged, who, approval);
    }
    // A completed no-receipt return of one Rioja for the customer, as store credit.
    void earlier_return() {
        REQUIRE(bring_back(wine, supervisor()).ok());
        refund_all();
    }
};

}  // namespace

TEST_CASE_FIXTURE(NoReceipt,
                  "a return without a receipt needs approval and the lowest recent price") {
    auto asked = bring_back(wine, {});
    REQUIRE_FALSE(asked.ok());
    CHECK(asked.error().message ==
          "A supervisor must approve: Return without a receipt: 1 x Rioja Red 75 cl, refund EUR "
          "7.49 (lowest price in 30 days)");
    CHECK(session->ticket().lines().empty());
    REQUIRE(session->pending_approval().has_value());
    CHECK(session->pending_approval()->permission == pos::Permission::return_without_receipt);

    REQUIRE(bring_back(wine, supervisor("faulty cork")).ok());
    const pos::TicketLine& line = session->ticket().lines()[0];
    CHECK(line.unit_price.minor() == 749);
    CHECK(line.amounts.gross.minor() == -749);
    REQUIRE(line.returned.has_value());
    CHECK(line.returned->customer == "0612345678");
    CHECK(line.returned->original_ticket_id.empty());
    CHECK(events.recorded.back().rule == "return_without_receipt");
    CHECK(events.recorded.back().reason == "faulty cork");

    // Without a price history the current price is used.
    REQUIRE(bring_back(milk, supervisor()).ok());
    CHECK(session->ticket().lines()[1].unit_price.minor() == 119);
}

TEST_CASE_FIXTURE(NoReceipt, "the customer's phone or ID is required") {
    auto nobody = bring_back(wine, supervisor(), "");
    REQUIRE_FALSE(nobody.ok());
    CHECK(nobody.error().message ==
          "Key the customer's phone number or ID: returns without a "
          "receipt are counted per customer");
    CHECK(bring_back(wine, supervisor(), "12-3").error().code == pos::ErrorCode::bad_input);
    CHECK(bring_back("999", supervisor()).error().code == pos::ErrorCode::not_found);
    CHECK(session->ticket().lines().empty());
    CHECK(events.recorded.empty());  // nothing was approved for refused input
}

TEST_CASE_FIXTURE(NoReceipt, "a no-receipt refund is store credit unless the store allows cash") {
    REQUIRE(bring_back(wine, supervisor()).ok());
    REQUIRE(session->begin_tender().ok());
    auto cash = session->refund(pos::PaymentMethod::cash, "", "");
    REQUIRE_FALSE(cash.ok());
    CHECK(cash.error().message ==
          "At most 0.00 can go back in cash; returns without a receipt are refunded as store "
          "credit");
    auto card = session->refund(pos::PaymentMethod::card, "", "");
    CHECK(card.error().code == pos::ErrorCode::not_found);

    finish(session->refund_to_original());
    const auto& payments = last_written().payments();
    REQUIRE(payments.size() == 1);
    CHECK(payments[0].method == pos::PaymentMethod::store_credit);
    CHECK(payments[0].amount.minor() == -749);
    CHECK(payments[0].reference.size() == 12);
    CHECK(payments[0].reference.rfind("SC", 0) == 0);
    CHECK(payments[0].refund_of.empty());

    auto settings = fakes::settings();
    settings.returns.no_receipt_cash_allowed = true;
    open(settings);
    REQUIRE(bring_back(wine, supervisor()).ok());
    REQUIRE(session->begin_tender().ok());
    finish(session->refund(pos::PaymentMethod::cash, "", ""));
    CHECK(last_written().payments()[0].method == pos::PaymentMethod::cash);
    CHECK(last_written().payments()[0].amount.minor() == -749);
}

TEST_CASE_FIXTURE(NoReceipt, "a customer makes at most the store's count of no-receipt returns") {
    for (int i = 0; i < 3; ++i)
        earlier_return();
    auto fourth = bring_back(wine, supervisor());
    REQUIRE_FALSE(fourth.ok());
    CHECK(fourth.error().message ==
          "Customer 0612345678 has made 3 returns without a receipt in "
          "the last 30 days: the store allows 3");
    CHECK(session->ticket().lines().empty());
    // Someone else may.
    CHECK(bring_back(wine, supervisor(), "AB123456").ok());

    REQUIRE(session->void_ticket("wrong customer").ok());
    clock.now += 31 * day_ms;
    CHECK(bring_back(wine, supervisor()).ok());
}

TEST_CASE_FIXTURE(NoReceipt, "a customer gets at most the store's amount back without a receipt") {
    auto settings = fakes::settings();
    settings.returns.limit_minor = 1'000;
    open(settings);
    earlier_return();  // 7.49
    auto second = bring_back(wine, supervisor());
    REQUIRE_FALSE(second.ok());
    CHECK(second.error().message ==
          "Returns without a receipt for customer 0612345678 would come "
          "to EUR 14.98 in the last 30 days: the limit is EUR 10.00");
    // Items on this same ticket count too.
    REQUIRE(bring_back(milk, supervisor()).ok());  // 7.49 + 1.19
    auto third = bring_back(milk, supervisor());
    REQUIRE(third.ok());  // 9.87
    CHECK(bring_back(milk, supervisor()).error().message.find("EUR 11.06") != std::string::npos);
}
