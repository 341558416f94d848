// The sale session's customer service: a customer on the ticket, loyalty points as a tender and
// as earnings (given back and taken back by returns), a special order's deposit and pick-up.
#include <doctest/doctest.h>

#include "sale_returns_fixture.hpp"

using fakes::eur_cents;
using namespace session_returns;

namespace {

pos::Customer ann() {
    pos::Customer c;
    c.id = "c1";
    c.name = "Ann Smith";
    c.card = "LC0000000420";
    c.phone = "02079460958";
    return c;
}

pos::SpecialOrder kettle_order(pos::SpecialOrderStatus status) {
    pos::SpecialOrder o;
    o.id = "so-1";
    o.number = "SO-T01-000007";
    o.customer_id = "c1";
    o.customer_name = "Ann Smith";
    o.product_code = wine;
    o.product_name = "Rioja Red 75 cl";
    o.quantity = pos::Quantity::units(2);
    o.unit_price = eur_cents(750);  // agreed; the catalogue says 8.99 today
    o.total = eur_cents(1500);
    o.deposit = eur_cents(300);
    o.status = status;
    return o;
}

const pos::Payment* payment_of(const pos::Ticket& t, pos::PaymentMethod method) {
    for (const auto& p : t.payments()) {
        if (p.method == method)
            return &p;
    }
    return nullptr;
}

}  // namespace

TEST_CASE_FIXTURE(Fixture, "a customer is attached, replaced and detached") {
    REQUIRE(session->attach_customer(ann()).ok());
    REQUIRE(session->ticket().customer().has_value());
    CHECK(*session->ticket().customer() == pos::CustomerRef{"c1", "Ann Smith", "LC0000000420"});
    auto bob = ann();
    bob.id = "c2";
    bob.name = "Bob Jones";
    REQUIRE(session->attach_customer(bob).ok());
    CHECK(session->ticket().customer()->name == "Bob Jones");
    session->detach_customer();
    CHECK_FALSE(session->ticket().customer().has_value());
}

TEST_CASE_FIXTURE(Fixture, "a merged record or an unsaved one is refused") {
    auto merged = ann();
    merged.merged_into = "c9";
    auto r = session->attach_customer(merged);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().message == "Ann Smith was merged into c9; use that record");
    auto unsaved = ann();
    unsaved.id.clear();
    CHECK(session->attach_customer(unsaved).error().code == pos::ErrorCode::bad_input);
    CHECK_FALSE(session->ticket().customer().has_value());
}

TEST_CASE_FIXTURE(Fixture, "a completed sale's customer cannot change") {
    sell_for_cash({{wine, "1"}}, "8.99");
    ring_up({{milk, "1"}});
    REQUIRE(session->tender_cash("1.19").ok());
    CHECK(session->attach_customer(ann()).error().code == pos::ErrorCode::not_allowed);
}

TEST_CASE_FIXTURE(Fixture, "points pay as much as they cover, the rest in cash, and earn on cash") {
    stored_value.points["c1"] = 500;
    REQUIRE(session->attach_customer(ann()).ok());
    ring_up({{wine, "1"}, {bread, "1"}});  // 12.48
    auto points = session->tender_points("");
    REQUIRE(points.ok());
    CHECK(points->still_due == eur_cents(748));
    const auto* p = payment_of(session->ticket(), pos::PaymentMethod::loyalty_points);
    REQUIRE(p != nullptr);
    CHECK(p->amount == eur_cents(500));
    CHECK(p->points == 500);
    CHECK(p->reference == "c1");
    CHECK(pos::payment_label(*p) == "Loyalty points (500 points)");
    auto cash = session->tender_cash("7.48");
    REQUIRE(cash.ok());
    REQUIRE(cash->completed.has_value());
    CHECK(last_written().points_earned() == 7);  // 12.48 less 5.00 paid with points
    CHECK(last_written().customer()->id == "c1");
    CHECK(last_written().change_given() == eur_cents(0));
}

TEST_CASE_FIXTURE(Fixture, "a points amount is taken as keyed, and a sale paid by points in full") {
    stored_value.points["c1"] = 5000;
    REQUIRE(session->attach_customer(ann()).ok());
    ring_up({{wine, "1"}});
    auto part = session->tender_points("2.50");
    REQUIRE(part.ok());
    CHECK(part->still_due == eur_cents(649));
    auto rest = session->tender_points("");
    REQUIRE(rest.ok());
    REQUIRE(rest->completed.has_value());
    CHECK(last_written().points_earned() == 0);
    CHECK(last_written().payments().at(1).points == 649);
}

TEST_CASE_FIXTURE(Fixture,
                  "points over the balance, over the due or with no customer are refused") {
    stored_value.points["c1"] = 250;
    ring_up({{wine, "1"}});
    SUBCASE("no customer attached") {
        auto r = session->tender_points("");
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().message == "Attach the customer first: points are the customer's");
    }
    SUBCASE("over the balance") {
        REQUIRE(session->attach_customer(ann()).ok());
        auto r = session->tender_points("4");
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().message == "Only 250 points (2.50) on the card; 4.00 asked");
    }
    SUBCASE("the balance counts what this ticket already took") {
        REQUIRE(session->attach_customer(ann()).ok());
        REQUIRE(session->tender_points("2").ok());
        auto r = session->tender_points("1");
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().message == "Only 50 points (0.50) on the card; 1.00 asked");
        CHECK(session->ticket().payments().size() == 1);
        CHECK(session
                  ->attach_customer([] {
                      auto bob = ann();
                      bob.id = "c2";
                      return bob;
                  }())
                  .error()
                  .code == pos::ErrorCode::not_allowed);
    }
    SUBCASE("more than is due: no change on points") {
        stored_value.points["c1"] = 5000;
        REQUIRE(session->attach_customer(ann()).ok());
        auto r = session->tender_points("20");
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().message ==
              "Points payment 20.00 is more than the 8.99 due: no change is given on points");
    }
    SUBCASE("no points at all") {
        stored_value.points["c1"] = 0;
        REQUIRE(session->attach_customer(ann()).ok());
        CHECK(session->tender_points("").error().message ==
              "Only 0 points (0.00) on the card; 8.99 asked");
    }
    CHECK(session->ticket().payments().size() <= 1);
}

TEST_CASE_FIXTURE(Fixture, "a sale earns points only with a customer attached") {
    sell_for_cash({{wine, "1"}, {bread, "1"}}, "20");
    CHECK(last_written().points_earned() == 0);
    REQUIRE(session->attach_customer(ann()).ok());
    sell_for_cash({{wine, "1"}, {bread, "1"}}, "20");
    CHECK(last_written().points_earned() == 12);
}

TEST_CASE_FIXTURE(Fixture, "a return gives points back to points and takes back what was earned") {
    stored_value.points["c1"] = 500;
    REQUIRE(session->attach_customer(ann()).ok());
    ring_up({{wine, "1"}});
    REQUIRE(session->tender_points("5").ok());
    const std::string receipt = finish(session->tender_cash("3.99"));
    CHECK(last_written().points_earned() == 3);
    stored_value.points["c1"] = 3;  // 500 - 500 + 3, as the store sums the movements

    take_back(original(receipt), 0, "1");
    refund_all();
    const pos::Ticket& refund = last_written();
    REQUIRE(refund.customer().has_value());  // the original's customer, though none was attached
    CHECK(refund.customer()->id == "c1");
    const auto* back = payment_of(refund, pos::PaymentMethod::loyalty_points);
    REQUIRE(back != nullptr);
    CHECK(back->amount == eur_cents(-500));
    CHECK(back->points == -500);
    CHECK(back->reference == "c1");
    CHECK(pos::payment_label(*back) == "Points given back (500 points)");
    CHECK(payment_of(refund, pos::PaymentMethod::cash)->amount == eur_cents(-399));
    CHECK(refund.points_earned() == -3);
}

TEST_CASE_FIXTURE(Fixture, "taking points back never leaves the customer below zero") {
    REQUIRE(session->attach_customer(ann()).ok());
    const std::string receipt = sell_for_cash({{wine, "1"}, {bread, "1"}}, "12.48");
    CHECK(last_written().points_earned() == 12);
    stored_value.points["c1"] = 5;  // the rest was spent since
    take_back(original(receipt), 0, "1");
    take_back(original(receipt), 1, "1");
    refund_all();
    CHECK(last_written().points_earned() == -5);
}

TEST_CASE_FIXTURE(Fixture, "a deposit is a ticket of its own, zero-rated, earning nothing") {
    const auto order = kettle_order(pos::SpecialOrderStatus::awaiting_deposit);
    auto added = session->add_deposit(order);
    REQUIRE(added.ok());
    const pos::TicketLine& line = session->ticket().lines().at(*added);
    CHECK(line.special_order == "SO-T01-000007");
    CHECK(line.product_id == 0);
    CHECK(line.code == "SO-T01-000007");
    CHECK(line.name == "Deposit: Rioja Red 75 cl (SO-T01-000007)");
    CHECK(line.department == "Special orders");
    CHECK(line.tax == pos::TaxRate{"DEP", "Deposit", {0}});
    CHECK(session->ticket().totals().total == eur_cents(300));
    CHECK(session->ticket().totals().tax == eur_cents(0));
    CHECK(session->ticket().customer()->id == "c1");  // the order's customer

    auto more = session->add_item(milk);
    REQUIRE_FALSE(more.ok());
    CHECK(more.error().message ==
          "This ticket takes a special order's deposit and nothing else: finish it, then ring up "
          "Whole Milk 1 L on a new sale");
    pos::Discount ten{pos::DiscountKind::percent, {100'000}, 0, "friend"};
    CHECK(session->set_line_discount(*added, ten, supervisor()).error().message ==
          "Cannot give a discount on the deposit for special order SO-T01-000007: the deposit is "
          "the amount agreed");
    CHECK(session->change_quantity(*added, "2").error().code == pos::ErrorCode::bad_input);
    CHECK(session->suspend("later").error().code == pos::ErrorCode::not_allowed);

    REQUIRE(session->begin_tender().ok());
    finish(session->tender_cash("5"));
    CHECK(last_written().points_earned() == 0);
    CHECK(last_written().totals().total == eur_cents(300));
    CHECK(last_written().change_given() == eur_cents(200));
}

TEST_CASE_FIXTURE(Fixture,
                  "a deposit is refused on a busy ticket or for an order not awaiting it") {
    auto order = kettle_order(pos::SpecialOrderStatus::awaiting_deposit);
    REQUIRE(session->add_item(milk).ok());
    auto busy = session->add_deposit(order);
    REQUIRE_FALSE(busy.ok());
    CHECK(busy.error().message ==
          "A deposit goes on a ticket of its own: finish or clear this sale first");
    REQUIRE(session->void_line(0).ok());
    order.status = pos::SpecialOrderStatus::ordered;
    CHECK(session->add_deposit(order).error().message ==
          "Special order SO-T01-000007 is Ordered: its deposit is not awaited");
    order.status = pos::SpecialOrderStatus::awaiting_deposit;
    order.deposit = eur_cents(0);
    CHECK(session->add_deposit(order).error().message ==
          "Special order SO-T01-000007 has no deposit agreed");
}

TEST_CASE_FIXTURE(Fixture, "a pick-up sells at the agreed price, the deposit pays, cash the rest") {
    stored_value.deposits["SO-T01-000007"] = eur_cents(300);
    const auto order = kettle_order(pos::SpecialOrderStatus::arrived);
    auto added = session->add_pickup(order, *catalogue.find_by_code(wine, 0));
    REQUIRE(added.ok());
    const pos::TicketLine& line = session->ticket().lines().at(*added);
    CHECK(line.unit_price == eur_cents(750));
    CHECK(line.quantity == pos::Quantity::units(2));
    CHECK(session->ticket().totals().total == eur_cents(1500));
    REQUIRE(session->pickup_order().has_value());
    CHECK(session->pickup_order()->number == "SO-T01-000007");
    CHECK(session->ticket().customer()->id == "c1");
    REQUIRE(session->add_item(milk).ok());  // other items may go along

    REQUIRE(session->begin_tender().ok());
    auto deposit = session->tender_deposit();
    REQUIRE(deposit.ok());
    CHECK(deposit->still_due == eur_cents(1319));
    const auto* p = payment_of(session->ticket(), pos::PaymentMethod::deposit);
    REQUIRE(p != nullptr);
    CHECK(p->amount == eur_cents(300));
    CHECK(p->reference == "SO-T01-000007");
    CHECK(pos::payment_label(*p) == "Deposit paid on SO-T01-000007");
    auto again = session->tender_deposit();
    REQUIRE_FALSE(again.ok());
    CHECK(again.error().message == "No deposit is held for Special order SO-T01-000007");

    finish(session->tender_cash("13.19"));
    CHECK(last_written().points_earned() == 16);  // on the full 16.19, deposit included
    CHECK_FALSE(session->pickup_order().has_value());
}

TEST_CASE_FIXTURE(Fixture, "the deposit pays no more than is due") {
    stored_value.deposits["SO-T01-000007"] = eur_cents(2000);
    REQUIRE(session
                ->add_pickup(kettle_order(pos::SpecialOrderStatus::arrived),
                             *catalogue.find_by_code(wine, 0))
                .ok());
    REQUIRE(session->begin_tender().ok());
    auto deposit = session->tender_deposit();
    REQUIRE(deposit.ok());
    REQUIRE(deposit->completed.has_value());
    CHECK(last_written().payments().at(0).amount == eur_cents(1500));
}

TEST_CASE_FIXTURE(Fixture, "pick-up refusals say why") {
    const pos::Product wine_product = *catalogue.find_by_code(wine, 0);
    auto order = kettle_order(pos::SpecialOrderStatus::collected);
    CHECK(session->add_pickup(order, wine_product).error().message ==
          "Special order SO-T01-000007 is Collected: it cannot be collected");
    order.status = pos::SpecialOrderStatus::ordered;
    CHECK(session->add_pickup(order, *catalogue.find_by_code(milk, 0)).error().message ==
          "Special order SO-T01-000007 is for Rioja Red 75 cl (4000000000037), not Whole Milk 1 L "
          "(4000000000013)");
    REQUIRE(session->add_pickup(order, wine_product).ok());
    CHECK(session->add_pickup(order, wine_product).error().message ==
          "This ticket already collects Special order SO-T01-000007: one special order per ticket");

    REQUIRE(session->begin_tender().ok());
    SUBCASE("nothing held") {
        stored_value.deposits["SO-T01-000007"] = eur_cents(0);
        CHECK(session->tender_deposit().error().message ==
              "No deposit is held for Special order SO-T01-000007");
    }
    SUBCASE("an order this terminal does not know") {
        CHECK(session->tender_deposit().error().code == pos::ErrorCode::not_found);
    }
    CHECK(session->ticket().payments().empty());
}

TEST_CASE_FIXTURE(Fixture, "no deposit tender without a pick-up, and a new ticket forgets it") {
    ring_up({{milk, "1"}});
    CHECK(session->tender_deposit().error().message ==
          "No special order is collected on this ticket");
    REQUIRE(session->back_to_sale().ok());
    REQUIRE(session->void_ticket("wrong customer", manager()).ok());
    REQUIRE(session
                ->add_pickup(kettle_order(pos::SpecialOrderStatus::arrived),
                             *catalogue.find_by_code(wine, 0))
                .ok());
    REQUIRE(session->void_ticket("changed mind", manager()).ok());
    CHECK_FALSE(session->pickup_order().has_value());
}

TEST_CASE_FIXTURE(Fixture, "a returned pick-up gives the deposit's part back as store credit") {
    stored_value.deposits["SO-T01-000007"] = eur_cents(300);
    REQUIRE(session
                ->add_pickup(kettle_order(pos::SpecialOrderStatus::arrived),
                             *catalogue.find_by_code(wine, 0))
                .ok());
    REQUIRE(session->begin_tender().ok());
    REQUIRE(session->tender_deposit().ok());
    const std::string receipt = finish(session->tender_cash("12"));

    take_back(original(receipt), 0, "2");
    REQUIRE(session->begin_tender().ok());
    auto to_deposit = session->refund(pos::PaymentMethod::deposit, "3", "SO-T01-000007");
    REQUIRE_FALSE(to_deposit.ok());
    CHECK(to_deposit.error().message ==
          "A deposit is not refunded to the special order: give it back as cash or store credit");
    auto all = session->refund_to_original();
    REQUIRE_FALSE(all.ok());
    CHECK(all.error().message ==
          "The sale's tenders can take back only 12.00 of the 15.00 refund; give the rest as "
          "store credit");
    REQUIRE(session->refund(pos::PaymentMethod::cash, "12", "").ok());
    auto rest = session->refund(pos::PaymentMethod::store_credit, "", "");
    REQUIRE(rest.ok());
    REQUIRE(rest->completed.has_value());
    CHECK(payment_of(last_written(), pos::PaymentMethod::store_credit)->amount == eur_cents(-300));
    CHECK(payment_of(last_written(), pos::PaymentMethod::deposit) == nullptr);
}
