// Where a refund goes back to: the original sale's tenders, each capped at what it took.
#include <doctest/doctest.h>

#include "pos/returns.hpp"
#include "returns_fixture.hpp"

using namespace returns_fixture;

namespace {

// Five bottles of wine, 44.95: card 30.00, cash 20.00 with 5.05 change.
pos::OriginalTicket split_tender_sale() {
    auto sale = open_ticket("s1");
    sale.add_line("l1", wine, pos::Quantity::units(5));
    complete(sale, {card(3000), cash(2000), cash(-505)});
    return {std::move(sale), {}, {}, {}};
}

}  // namespace

TEST_CASE("refund tenders are the sale's tenders, cash net of change, cards first") {
    const auto original = split_tender_sale();
    const auto tenders = pos::refund_tenders(original, open_ticket("r1"));
    REQUIRE(tenders.size() == 2);
    CHECK(tenders[0].method == pos::PaymentMethod::card);
    CHECK(tenders[0].reference == "AUTH-1");
    CHECK(tenders[0].card_last4 == "4242");
    CHECK(tenders[0].paid.minor() == 3000);
    CHECK(tenders[0].original_ticket_id == "s1");
    CHECK(tenders[0].original_receipt == "T01-000042");
    CHECK(tenders[1].method == pos::PaymentMethod::cash);
    CHECK(tenders[1].paid.minor() == 1495);
    CHECK(tenders[1].available().minor() == 1495);
}

TEST_CASE("refund tenders go cards, then gift cards, then cash, whatever order they were paid in") {
    auto sale = open_ticket("s1");
    sale.add_line("l1", wine, pos::Quantity::units(5));
    complete(sale, {cash(1000), card(1000, "AUTH-1"), gift_card(1000), card(1000, "AUTH-2", "1111"),
                    card(495, "AUTH-1")});
    const pos::OriginalTicket original{std::move(sale), {}, {}, {}};
    const auto tenders = pos::refund_tenders(original, open_ticket("r1"));
    REQUIRE(tenders.size() == 4);
    CHECK(tenders[0].reference == "AUTH-1");
    CHECK(tenders[0].paid.minor() == 1495);  // merged per card reference
    CHECK(tenders[1].reference == "AUTH-2");
    CHECK(tenders[1].card_last4 == "1111");
    CHECK(tenders[2].method == pos::PaymentMethod::gift_card);
    CHECK(tenders[2].reference == "GC-0001");
    CHECK(tenders[3].method == pos::PaymentMethod::cash);
}

TEST_CASE("cash rounding settles with the cash it rounded") {
    // 8.99 rounded to 9.00 in cash: 10.00 handed over, 1.00 change, 0.01 rounding.
    auto sale = open_ticket("s1");
    sale.add_line("l1", wine, pos::Quantity::units(1));
    complete(sale, {cash(1000),
                    cash(-100),
                    {"", pos::PaymentMethod::cash_rounding, fakes::eur_cents(-1), "", ""}});
    const pos::OriginalTicket original{std::move(sale), {}, {}, {}};
    const auto tenders = pos::refund_tenders(original, open_ticket("r1"));
    REQUIRE(tenders.size() == 1);
    CHECK(tenders[0].method == pos::PaymentMethod::cash);
    CHECK(tenders[0].paid.minor() == 899);  // no more cash back than the goods cost
}

TEST_CASE("earlier refunds and this return's refunds reduce what a tender can still take") {
    auto original = split_tender_sale();
    original.refunds = {refund(card(1000), "s1")};
    auto in_progress = open_ticket("r1");
    in_progress.begin_tender();
    in_progress.add_payment(refund(cash(500), "s1"));
    in_progress.add_payment(refund(cash(700), "another-sale"));  // not against this one

    const auto tenders = pos::refund_tenders(original, in_progress);
    REQUIRE(tenders.size() == 2);
    CHECK(tenders[0].refunded.minor() == 1000);
    CHECK(tenders[0].available().minor() == 2000);
    CHECK(tenders[1].refunded.minor() == 500);
    CHECK(tenders[1].available().minor() == 995);

    const auto plan = pos::plan_refund(tenders, fakes::eur_cents(2995));
    REQUIRE(plan.ok());
    REQUIRE(plan->size() == 2);
    CHECK((*plan)[0].amount.minor() == -2000);
    CHECK((*plan)[1].amount.minor() == -995);
    CHECK_FALSE(pos::plan_refund(tenders, fakes::eur_cents(2996)).ok());
}

TEST_CASE("a refund to a tender the sale did not use caps nothing") {
    auto original = split_tender_sale();
    original.refunds = {
        {"", pos::PaymentMethod::store_credit, fakes::eur_cents(-800), "SC0123456789", "", "s1"}};
    const auto tenders = pos::refund_tenders(original, open_ticket("r1"));
    REQUIRE(tenders.size() == 2);
    CHECK(tenders[0].available().minor() == 3000);
    CHECK(tenders[1].available().minor() == 1495);
}

TEST_CASE("a refund plan fills the card first, then cash, carrying the card's reference") {
    const auto original = split_tender_sale();
    const auto tenders = pos::refund_tenders(original, open_ticket("r1"));

    SUBCASE("split over card and cash") {
        const auto plan = pos::plan_refund(tenders, fakes::eur_cents(4000));
        REQUIRE(plan.ok());
        REQUIRE(plan->size() == 2);
        const pos::Payment& to_card = (*plan)[0];
        CHECK(to_card.method == pos::PaymentMethod::card);
        CHECK(to_card.amount.minor() == -3000);
        CHECK(to_card.reference == "AUTH-1");
        CHECK(to_card.card_last4 == "4242");
        CHECK(to_card.refund_of == "s1");
        CHECK(to_card.id.empty());
        const pos::Payment& to_cash = (*plan)[1];
        CHECK(to_cash.method == pos::PaymentMethod::cash);
        CHECK(to_cash.amount.minor() == -1000);
        CHECK(to_cash.refund_of == "s1");
    }
    SUBCASE("small enough for the card alone") {
        const auto plan = pos::plan_refund(tenders, fakes::eur_cents(899));
        REQUIRE(plan.ok());
        REQUIRE(plan->size() == 1);
        CHECK((*plan)[0].amount.minor() == -899);
    }
    SUBCASE("exactly everything") {
        const auto plan = pos::plan_refund(tenders, fakes::eur_cents(4495));
        REQUIRE(plan.ok());
        CHECK((*plan)[0].amount.minor() + (*plan)[1].amount.minor() == -4495);
    }
    SUBCASE("more than the tenders took is refused, naming what they can take") {
        const auto plan = pos::plan_refund(tenders, fakes::eur_cents(5000));
        REQUIRE_FALSE(plan.ok());
        CHECK(plan.error().code == pos::ErrorCode::not_allowed);
        CHECK(plan.error().message ==
              "The sale's tenders can take back only 44.95 of the 50.00 refund; give the rest as "
              "store credit");
    }
    SUBCASE("a negative refund is a mistake") {
        const auto plan = pos::plan_refund(tenders, fakes::eur_cents(-100));
        REQUIRE_FALSE(plan.ok());
        CHECK(plan.error().code == pos::ErrorCode::bad_input);
    }
    SUBCASE("nothing to refund plans nothing") {
        const auto plan = pos::plan_refund(tenders, fakes::eur_cents(0));
        REQUIRE(plan.ok());
        CHECK(plan->empty());
    }
}

TEST_CASE("a fully refunded tender is skipped and a gift card takes its share") {
    auto sale = open_ticket("s1");
    sale.add_line("l1", wine, pos::Quantity::units(2));
    complete(sale, {card(798), gift_card(1000)});
    pos::OriginalTicket original{std::move(sale), {}, {refund(card(798), "s1")}, {}};
    const auto tenders = pos::refund_tenders(original, open_ticket("r1"));
    REQUIRE(tenders.size() == 2);
    CHECK(tenders[0].available().is_zero());

    const auto plan = pos::plan_refund(tenders, fakes::eur_cents(899));
    REQUIRE(plan.ok());
    REQUIRE(plan->size() == 1);
    CHECK((*plan)[0].method == pos::PaymentMethod::gift_card);
    CHECK((*plan)[0].reference == "GC-0001");
    CHECK((*plan)[0].amount.minor() == -899);

    const auto refused = pos::plan_refund(tenders, fakes::eur_cents(1001));
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().message.find("only 10.00 of the 10.01") != std::string::npos);
}
