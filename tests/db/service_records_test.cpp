#include <doctest/doctest.h>

#include "service_helpers.hpp"

using db_test::customer;
using db_test::saved;
using db_test::TempDir;

namespace {

pos::Interaction interaction(std::string customer_id, std::int64_t opened, std::int64_t follow_up) {
    pos::Interaction i;
    i.id = db_test::new_id();
    i.kind = pos::InteractionKind::complaint;
    i.category = "product quality";
    i.customer_id = std::move(customer_id);
    i.said = "The bread was stale";
    i.opened_at_ms = opened;
    i.updated_at_ms = opened;
    i.follow_up_day = follow_up;
    return i;
}

pos::SpecialOrder order_for(const pos::Customer& c) {
    pos::SpecialOrder o;
    o.id = db_test::new_id();
    o.customer_id = c.id;
    o.customer_name = c.name;
    o.product_code = "4000000000044";
    o.product_name = "Rioja Red 75 cl";
    o.quantity = pos::Quantity::units(6);
    o.unit_price = db_test::cents(899);
    o.total = db_test::cents(5394);
    o.deposit = db_test::cents(1100);
    o.created_at_ms = db_test::at;
    return o;
}

// A line taking (or, negative, giving back) `minor` of the order's deposit.
pos::TicketLine deposit_line(const pos::SpecialOrder& order, std::int64_t minor) {
    pos::Product deposit{0,
                         order.number,
                         "Deposit " + order.number,
                         "Special orders",
                         pos::TaxRate{"DEP", "Deposit", pos::Rate{0}},
                         db_test::cents(minor),
                         pos::UnitOfSale::each};
    pos::TicketLine line = pos::line_for(db_test::new_id(), deposit, pos::Quantity::units(1));
    line.special_order = order.number;
    return line;
}

pos::SpecialOrder created(db::Store& store, const pos::SpecialOrder& order) {
    auto done = store.special_orders().create(order);
    REQUIRE_MESSAGE(done.ok(), (done.ok() ? std::string() : done.error().message));
    return *done;
}

// The deposit paid in cash on a ticket of its own.
std::string pay_deposit(db::Store& store, const pos::SpecialOrder& order) {
    pos::Ticket ticket = db_test::empty_ticket();
    ticket.add_deposit_line(deposit_line(order, order.deposit.minor()));
    ticket.begin_tender();
    ticket.add_payment(db_test::payment(pos::PaymentMethod::cash, order.deposit.minor()));
    return db_test::complete(store, ticket, db_test::at + 1000);
}

// The order's wine collected: its held deposit (`deposit_minor`) and cash for the rest.
pos::Ticket pickup(db::Store& store, const pos::SpecialOrder& order, std::int64_t deposit_minor) {
    pos::Ticket ticket = db_test::open_ticket(store, "T01", {{"4000000000044", 6000}});
    ticket.begin_tender();
    ticket.add_payment(db_test::payment(pos::PaymentMethod::deposit, deposit_minor, order.number));
    ticket.add_payment(db_test::payment(pos::PaymentMethod::cash, ticket.totals().due.minor()));
    return ticket;
}

}  // namespace

TEST_CASE("Interactions are numbered per store without gaps and listed for follow-up") {
    TempDir dir;
    auto store = db_test::service_store(dir.file("t.db"));
    const auto ann = saved(*store, customer("Ann Smith", "+442079460958"));
    auto& log = store->interactions();
    const auto first = log.open(interaction(ann.id, db_test::at, 20'000));
    const auto second = log.open(interaction(ann.id, db_test::at + 10, 19'000));
    const auto third = log.open(interaction("", db_test::at + 20, 0));
    REQUIRE(first.ok());
    REQUIRE(second.ok());
    REQUIRE(third.ok());
    CHECK(first->number == "S001-000001");
    CHECK(second->number == "S001-000002");
    CHECK(third->number == "S001-000003");
    CHECK(log.find("S001-000002")->id == second->id);

    SUBCASE("open ones by follow-up day, the earliest first, none last") {
        const auto open = log.open_for_store("S001", 10);
        REQUIRE(open.size() == 3);
        CHECK(open[0].number == "S001-000002");
        CHECK(open[1].number == "S001-000001");
        CHECK(open[2].number == "S001-000003");
    }
    SUBCASE("a resolved one leaves the open list; the customer's, newest first") {
        pos::Interaction done = *second;
        done.status = pos::InteractionStatus::resolved;
        done.done = "Refunded";
        done.outcome_receipts = {"T01-000009"};
        done.updated_at_ms = db_test::at + 100;
        REQUIRE(log.save(done));
        CHECK(log.open_for_store("S001", 10).size() == 2);
        CHECK(log.find(done.id) == done);
        const auto hers = log.for_customer(ann.id, 10);
        REQUIRE(hers.size() == 2);
        CHECK(hers[0].number == "S001-000002");
    }
    SUBCASE("a refused one uses no number") {
        pos::Interaction bad = interaction("", db_test::at, 0);
        bad.id.clear();
        CHECK_FALSE(log.open(bad).ok());
        CHECK(log.open(interaction("", db_test::at, 0))->number == "S001-000004");
        CHECK_FALSE(log.save(interaction("", db_test::at, 0)).ok());  // unknown id
    }
}

TEST_CASE("A special order takes its deposit on a ticket and is collected with it") {
    TempDir dir;
    auto store = db_test::service_store(dir.file("t.db"));
    const auto ann = saved(*store, customer("Ann Smith", "+442079460958"));
    const auto order = created(*store, order_for(ann));
    CHECK(order.number == "SO-T01-000001");
    CHECK(order.status == pos::SpecialOrderStatus::awaiting_deposit);
    CHECK(store->special_orders().open_orders(10).size() == 1);

    const std::string deposit_receipt = pay_deposit(*store, order);
    auto ordered = store->special_orders().find(order.number);
    CHECK(ordered->status == pos::SpecialOrderStatus::ordered);
    CHECK(ordered->deposit_held == db_test::cents(1100));
    CHECK(ordered->deposit_receipt == deposit_receipt);
    CHECK(store->stored_value().deposit_held(order.number) == db_test::cents(1100));
    CHECK(store->stock_movements(store->find_ticket(deposit_receipt)->id()).empty());
    CHECK(store->find_ticket(deposit_receipt)->lines()[0].special_order == order.number);

    REQUIRE(store->special_orders().set_status(order.number, pos::SpecialOrderStatus::arrived,
                                               db_test::at + 2000));

    SUBCASE("more deposit than held is refused, nothing written") {
        const auto done =
            store->sales().complete_sale(pickup(*store, order, 1200), db_test::at + 3000);
        REQUIRE_FALSE(done.ok());
        CHECK(done.error().message.find("holds a deposit of 11.00") != std::string::npos);
        CHECK(store->special_orders().find(order.id)->status == pos::SpecialOrderStatus::arrived);
        CHECK(store->completed_ticket_count() == 1);
    }
    SUBCASE("the pick-up uses the deposit and collects the order") {
        const std::string receipt =
            db_test::complete(*store, pickup(*store, order, 1100), db_test::at + 3000);
        const auto collected = store->special_orders().find(order.id);
        CHECK(collected->status == pos::SpecialOrderStatus::collected);
        CHECK(collected->deposit_held == db_test::cents(0));
        CHECK(collected->pickup_receipt == receipt);
        CHECK(store->special_orders().open_orders(10).empty());
        CHECK(store->special_orders().for_customer(ann.id, 10).size() == 1);
    }
    SUBCASE("a returned deposit line gives it back and cancels the order") {
        pos::Ticket refund = db_test::empty_ticket();
        refund.add_deposit_line(deposit_line(order, -1100));
        refund.begin_tender();
        refund.add_payment(db_test::payment(pos::PaymentMethod::cash, -1100));
        db_test::complete(*store, refund, db_test::at + 3000);
        const auto cancelled = store->special_orders().find(order.id);
        CHECK(cancelled->status == pos::SpecialOrderStatus::cancelled);
        CHECK(cancelled->deposit_held == db_test::cents(0));
    }
    SUBCASE("an order that arrived cannot arrive again") {
        CHECK_FALSE(store->special_orders()
                        .set_status(order.number, pos::SpecialOrderStatus::arrived, db_test::at)
                        .ok());
    }
}

TEST_CASE("Stock requests are stored, listed newest first and withdrawn by the asking store") {
    TempDir dir;
    auto store = db_test::service_store(dir.file("t.db"));
    pos::StockRequest request;
    request.id = db_test::new_id();
    request.product_code = "4000000000044";
    request.product_name = "Rioja Red 75 cl";
    request.from_store = "S002";
    request.to_store = "S001";
    request.created_at_ms = db_test::at;
    REQUIRE(store->stock_requests().submit(request));
    pos::StockRequest later = request;
    later.id = db_test::new_id();
    later.kind = pos::StockRequestKind::transfer;
    later.created_at_ms = db_test::at + 5;
    REQUIRE(store->stock_requests().submit(later));
    auto recent = store->stock_requests().recent(10);
    REQUIRE(recent.size() == 2);
    CHECK(recent[0].id == later.id);
    CHECK(recent[1].kind == pos::StockRequestKind::hold);

    REQUIRE(store->stock_requests().cancel(request.id, db_test::at + 50));
    CHECK(store->stock_requests().recent(10)[1].status == pos::StockRequestStatus::cancelled);
    CHECK_FALSE(store->stock_requests().cancel(request.id, db_test::at + 60).ok());

    pos::StockRequest self = request;
    self.id = db_test::new_id();
    self.from_store = "S001";
    const auto refused = store->stock_requests().submit(self);
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().message.find("cannot ask itself") != std::string::npos);
}

TEST_CASE("The record queue pages oldest first and keeps a record queued again after reading") {
    TempDir dir;
    auto store = db_test::service_store(dir.file("t.db"));
    auto ann = saved(*store, customer("Ann Smith", "+442079460958"));
    auto bob = saved(*store, customer("Bob Smithers", "+441632960001"));
    saved(*store, customer("Cy Young", "+441632960002"));
    auto& sync = store->sync();

    const auto page = sync.pending_records(2);
    REQUIRE(page.size() == 2);
    CHECK(pos::service_key(page[0].record) == ann.id);
    const auto next = sync.pending_records(2, page[1].queue_id);
    REQUIRE(next.size() == 1);
    CHECK(std::get<pos::Customer>(next[0].record).name == "Cy Young");

    // Bob is edited after his record was read: acknowledging the old read leaves him queued.
    bob.note = "moved house";
    bob.updated_at_ms += 1;
    saved(*store, bob);
    REQUIRE(sync.acknowledge_records({page[0].queue_id, page[1].queue_id}, db_test::at));
    CHECK(sync.pending_record_count() == 2);
    const auto left = sync.pending_records(10);
    REQUIRE(left.size() == 2);
    CHECK(std::get<pos::Customer>(left[1].record).note == "moved house");
}
