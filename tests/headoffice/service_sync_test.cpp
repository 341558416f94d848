// Issue 8 through a real head office, on both storage backends: stock looked up across stores
// (snapshot, live, and offline with its age), customers and their loyalty points shared by every
// store, a complaint's lifecycle, hold and transfer requests answered by head office, and a
// special order's deposit and pick-up. Each case ends with nothing queued, journals that verify,
// and nothing doubled at head office.
#include <doctest/doctest.h>

#include <algorithm>
#include <map>

#include "pos/special_order.hpp"
#include "pos/stock_lookup.hpp"
#include "service_checks.hpp"
#include "sync_checks.hpp"

using namespace testing_support;

namespace {

constexpr std::int64_t minute_ms = 60'000;
constexpr std::int64_t hour_ms = 60 * minute_ms;

// ---- 1. lookup across stores ----------------------------------------------------------------

void check_levels(const std::map<std::string, pos::StockLevel>& by_store, std::int64_t due) {
    REQUIRE(by_store.count("S001") == 1);
    REQUIRE(by_store.count("S002") == 1);
    const pos::StockLevel& centre = by_store.at("S001");
    const pos::StockLevel& harbour = by_store.at("S002");
    CHECK(harbour.quantity_milli == 21'000);  // 24 received, 3 sold at T11
    CHECK(harbour.location == "Back room, shelf 3");
    CHECK(centre.on_order_milli == 12'000);
    CHECK(centre.expected_day == due);
    CHECK(centre.location == "Aisle 4, bay 2");
}

void check_store_names(const std::vector<pos::StoreInfo>& stores) {
    std::map<std::string, std::string> names;
    for (const auto& store : stores)
        names[store.code] = store.name;
    CHECK(names.size() == 2);
    CHECK(names["S001"] == "Counter Market Centre");
    CHECK(names["S002"] == "Counter Market Harbour");
}

void lookup_across_stores(Backend backend) {
    INFO("backend: " << std::string(backend_name(backend)));
    HeadOfficeFixture office(backend, 10);
    TestTerminal t01(office, "T01", office.url());
    TestTerminal t11(office, "T11", office.url());
    receive(office, "S002", code(2), 24'000);
    t11.sell({code(2), code(2), code(2)});
    const std::int64_t due = today_at(t01) + 7;
    auto& ho = office.head_office();
    require_done(ho.set_on_order("S001", code(2), 12'000, due), "on order");
    require_done(ho.set_location("S001", code(2), "Aisle 4, bay 2"), "location at S001");
    require_done(ho.set_location("S002", code(2), "Back room, shelf 3"), "location at S002");

    // Past the snapshot interval, so T01's next round refreshes it on its own.
    advance(office, {&t01, &t11}, headoffice::SyncOptions{}.stock_every_ms);
    sync_service(t11);
    sync_service(t01);
    const std::int64_t refreshed_at = office.clock().now;

    std::map<std::string, pos::StockLevel> snapshot;
    for (const auto& row : t01.store().sync().stock_of(code(2))) {
        snapshot[row.level.store_code] = row.level;
        CHECK(row.as_of_ms == refreshed_at);
    }
    check_levels(snapshot, due);
    check_store_names(t01.store().sync().stores());

    const auto live = t01.sync().live_stock(code(2));
    require_done(live, "live stock from T01");
    std::map<std::string, pos::StockLevel> now;
    for (const auto& level : live->levels)
        now[level.store_code] = level;
    check_levels(now, due);
    check_store_names(live->stores);

    // Head office down: the snapshot stays, with its age; live asks fail saying why.
    office.stop_server();
    t01.clock().advance(2 * hour_ms);
    const auto offline = t01.store().sync().stock_of(code(2));
    REQUIRE(offline.size() == snapshot.size());
    for (const auto& row : offline) {
        CHECK(row.level == snapshot[row.level.store_code]);
        CHECK(pos::describe_age(row.as_of_ms, t01.clock().now_ms()) == "2 h ago");
        CHECK(t01.clock().now_ms() - row.as_of_ms > pos::stale_after_ms);
    }
    const auto unreachable = t01.sync().live_stock(code(2));
    REQUIRE_FALSE(unreachable.ok());
    CHECK(unreachable.error().message.find("head office") != std::string::npos);
    CHECK_FALSE(t01.sync().run_round().ok());

    office.start_server();
    sync_service(t01);
    CHECK(stock_at(office, "S002", code(2)) == 21'000);
    check_settled(office, "S001", {&t01});
    check_settled(office, "S002", {&t11});
}

// ---- 2. customers and loyalty -----------------------------------------------------------------

void customers_across_stores(Backend backend) {
    INFO("backend: " << std::string(backend_name(backend)));
    HeadOfficeFixture office(backend, 10);
    TestTerminal t01(office, "T01", office.url());
    TestTerminal t11(office, "T11", office.url());
    const pos::Customer ann =
        create_customer(t01, 1, "Ann Example", "+44 20 7946 0958", "Ann@Example.com");
    sync_service(t01);
    sync_service(t11);

    const auto by_phone = t11.store().customers().search("7946 0958", 10);
    REQUIRE(by_phone.size() == 1);
    CHECK(by_phone[0].id == ann.id);
    CHECK(by_phone[0].email == "ann@example.com");
    CHECK(by_phone[0].home_store == "S001");
    CHECK(t11.store().customers().search("ann ex", 10).size() == 1);
    CHECK(t11.store().customers().find_by_card(ann.card).has_value());

    // An edit at T11 reaches T01 and head office.
    advance(office, {&t01, &t11}, minute_ms);
    pos::Customer edited = by_phone[0];
    edited.note = "prefers calls after 5pm";
    save_customer_edit(t11, edited, t11.clock().now_ms());
    sync_service(t11);
    sync_service(t01);
    CHECK(t01.store().customers().find(ann.id)->note == "prefers calls after 5pm");

    // T11 edits later than T01 (whose clock lags); whatever order they sync in, the newer stays.
    advance(office, {&t01, &t11}, minute_ms);
    const std::int64_t later = t11.clock().now_ms();
    pos::Customer newer = *t11.store().customers().find(ann.id);
    newer.name = "Ann Newer";
    save_customer_edit(t11, newer, later);
    pos::Customer older = *t01.store().customers().find(ann.id);
    older.name = "Ann Older";
    save_customer_edit(t01, older, later - 20'000);
    sync_service(t01);  // head office had nothing newer: stored
    require_done(t11.sync().download_changes(), "T11 downloading");
    CHECK(customer_name_at(t11, ann.id) == "Ann Newer");  // the older change did not overwrite it
    sync_service(t11);
    older.name = "Ann Stale";
    save_customer_edit(t01, older, later - 10'000);
    sync_service(t01);  // head office holds a newer one: stale, forgotten, newer comes down
    sync_service(t11);
    CHECK(customer_name_at(t01, ann.id) == "Ann Newer");
    CHECK(customer_name_at(t11, ann.id) == "Ann Newer");
    const auto at_office = customers_at_office(office, "Ann");
    REQUIRE(at_office.size() == 1);
    CHECK(at_office[0].name == "Ann Newer");
    CHECK(at_office[0].note == "prefers calls after 5pm");

    // Points earned at T01 ...
    Till centre(t01);
    require_done(centre.session().attach_customer(*t01.store().customers().find(ann.id)),
                 "attaching Ann at T01");
    centre.add(code(1), "150");  // 151.50
    const std::string earned_on = centre.pay_rest_in_cash();
    const std::int64_t earned = t01.store().find_ticket(earned_on)->points_earned();
    CHECK(earned == 151);
    CHECK(t01.store().customers().points_balance(ann.id) == earned);
    sync_service(t01);
    sync_service(t11);
    CHECK(t11.store().customers().points_balance(ann.id) == earned);
    CHECK(office.head_office().customer_points(ann.id) == earned);

    // ... redeemed at T11: over the balance is refused with nothing written, then 1.00 taken.
    Till harbour(t11);
    require_done(harbour.session().attach_customer(*t11.store().customers().find(ann.id)),
                 "attaching Ann at T11");
    harbour.add(code(2), "10");  // 10.20
    harbour.begin_tender();
    const pos::Money due_before = harbour.session().cash_due();
    const pos::Money total = harbour.session().ticket().totals().total;
    const std::int64_t queued_before = t11.store().sync().pending_record_count();
    const auto over = harbour.session().tender_points("2.00");
    REQUIRE_FALSE(over.ok());
    CHECK(over.error().message.find(std::to_string(earned)) != std::string::npos);
    CHECK(harbour.session().ticket().payments().empty());
    CHECK(harbour.session().cash_due() == due_before);
    CHECK(t11.store().sync().pending_record_count() == queued_before);
    CHECK(t11.store().customers().points_balance(ann.id) == earned);
    const auto redeemed = harbour.session().tender_points("1.00");
    require_done(redeemed, "redeeming 100 points");
    CHECK(redeemed->still_due == total - pos::Money(100, total.currency()));
    const std::string spent_on = harbour.pay_rest_in_cash();
    const std::int64_t balance = earned - 100 + t11.store().find_ticket(spent_on)->points_earned();
    CHECK(t11.store().customers().points_balance(ann.id) == balance);
    sync_service(t11);
    sync_service(t01);
    sync_service(t11);
    CHECK(t01.store().customers().points_balance(ann.id) == balance);
    CHECK(office.head_office().customer_points(ann.id) == balance);
    CHECK(customers_at_office(office, "7946").size() == 1);

    check_settled(office, "S001", {&t01});
    check_settled(office, "S002", {&t11});
}

// ---- 3. a complaint's lifecycle -----------------------------------------------------------

void complaint_lifecycle(Backend backend) {
    INFO("backend: " << std::string(backend_name(backend)));
    HeadOfficeFixture office(backend, 10);
    TestTerminal t01(office, "T01", office.url());
    TestTerminal t02(office, "T02", office.url());
    const pos::Customer bob = create_customer(t01, 2, "Bob Kettle", "020 7946 0001", "");

    pos::InteractionDraft draft;
    draft.kind = "complaint";
    draft.category = "product quality";
    draft.said = "The kettle bought last week leaks";
    auto checked = pos::open_interaction(draft, today_at(t01), t01.clock().now_ms());
    require_done(checked, "opening the complaint");
    pos::Interaction opened = checked.value();
    opened.id = test_uuid('1', 30);
    opened.customer_id = bob.id;
    opened.customer_name = bob.name;
    opened.store_code = "S001";
    opened.handled_by_name = "Alex Martin";
    const auto stored = t01.store().interactions().open(opened);
    require_done(stored, "storing the complaint");
    const std::string number = stored->number;
    CHECK(number.rfind("S001-", 0) == 0);
    sync_service(t01);
    REQUIRE(interaction_at_office(office, stored->id, false).has_value());

    advance(office, {&t01, &t02}, minute_ms);
    pos::InteractionDraft wait;
    wait.status = "waiting";
    wait.done = "Asked the supplier for a replacement";
    wait.follow_up = "+3";
    update_interaction_at(t01, number, wait);
    sync_service(t01);
    sync_service(t02);
    CHECK(interaction_at_office(office, stored->id, false)->status ==
          pos::InteractionStatus::waiting);
    CHECK(listed_open(t02, stored->id));

    advance(office, {&t01, &t02}, hour_ms);
    pos::InteractionDraft resolve;
    resolve.status = "resolved";
    resolve.done = "Replaced the kettle";
    const pos::Interaction resolved = update_interaction_at(t01, number, resolve);
    sync_service(t01);
    sync_service(t02);

    const auto final_state = interaction_at_office(office, stored->id, true);
    REQUIRE(final_state.has_value());
    CHECK(final_state->status == pos::InteractionStatus::resolved);
    CHECK(final_state->done == "Replaced the kettle");
    CHECK(final_state->resolved_at_ms == resolved.resolved_at_ms);
    CHECK(final_state->number == number);
    CHECK_FALSE(interaction_at_office(office, stored->id, false).has_value());
    const auto seen_at_t02 = t02.store().interactions().find(number);
    REQUIRE(seen_at_t02.has_value());
    CHECK(seen_at_t02->status == pos::InteractionStatus::resolved);
    CHECK(seen_at_t02->customer_id == bob.id);
    CHECK_FALSE(listed_open(t02, stored->id));
    CHECK_FALSE(listed_open(t01, stored->id));
    check_settled(office, "S001", {&t01, &t02});
}

// ---- 4. hold and transfer requests --------------------------------------------------------

void stock_requests_answered(Backend backend) {
    INFO("backend: " << std::string(backend_name(backend)));
    using S = pos::StockRequestStatus;
    HeadOfficeFixture office(backend, 10);
    TestTerminal t01(office, "T01", office.url());
    receive(office, "S002", code(2), 10'000);
    receive(office, "S002", code(3), 10'000);

    pos::StockRequest hold = submit_request(t01, 40, pos::StockRequestKind::hold, 2, 1'000);
    sync_service(t01);
    REQUIRE(request_at_office(office, hold.id).has_value());
    CHECK(request_at_office(office, hold.id)->status == S::requested);
    answer_request(office, hold.id, S::accepted, "Will hold it");
    answer_request(office, hold.id, S::ready, "Held until Saturday");

    // Transitions the rules do not allow, and unknown requests, are refused and change nothing.
    const auto backwards = office.head_office().answer_stock_request(hold.id, S::accepted, "x");
    REQUIRE_FALSE(backwards.ok());
    CHECK_FALSE(backwards.error().message.empty());
    CHECK_FALSE(office.head_office().answer_stock_request(hold.id, S::requested, "").ok());
    CHECK_FALSE(office.head_office().answer_stock_request(test_uuid('9', 9), S::ready, "").ok());
    CHECK(request_at_office(office, hold.id)->status == S::ready);
    CHECK(request_at_office(office, hold.id)->status_note == "Held until Saturday");

    sync_service(t01);
    const auto back = request_at(t01, hold.id);
    REQUIRE(back.has_value());
    CHECK(back->status == S::ready);
    CHECK(back->status_note == "Held until Saturday");
    CHECK(stock_at(office, "S002", code(2)) == 10'000);  // a hold moves nothing

    // A transfer completed at head office moves the stock once, however often it is answered
    // or synced again.
    const pos::StockRequest transfer =
        submit_request(t01, 41, pos::StockRequestKind::transfer, 3, 2'000);
    sync_service(t01);
    answer_request(office, transfer.id, S::accepted, "");
    answer_request(office, transfer.id, S::ready, "On the van Tuesday");
    answer_request(office, transfer.id, S::completed, "Received");
    CHECK_FALSE(office.head_office().answer_stock_request(transfer.id, S::completed, "").ok());
    sync_service(t01);
    sync_service(t01);
    CHECK(stock_at(office, "S002", code(3)) == 8'000);
    CHECK(stock_at(office, "S001", code(3)) == 2'000);
    CHECK(request_at(t01, transfer.id)->status == S::completed);
    CHECK(office.head_office().stock_requests("S001").size() == 2);
    check_settled(office, "S001", {&t01});
}

// ---- 5. a special order's deposit and pick-up ----------------------------------------------

void special_order_collected(Backend backend) {
    INFO("backend: " << std::string(backend_name(backend)));
    HeadOfficeFixture office(backend, 10);
    TestTerminal t01(office, "T01", office.url());
    const pos::Customer cleo = create_customer(t01, 5, "Cleo Order", "", "cleo@example.com");
    const auto product = t01.store().catalogue().find_by_code(code(5), t01.clock().now_ms());
    REQUIRE(product.has_value());

    pos::SpecialOrder order;
    order.id = test_uuid('1', 50);
    order.customer_id = cleo.id;
    order.customer_name = cleo.name;
    order.product_code = product->code;
    order.product_name = product->name;
    order.quantity = pos::Quantity::units(3);
    order.unit_price = product->unit_price;
    order.total = product->unit_price.times(3);  // 3.15
    const auto deposit = pos::check_deposit("", order.total, pos::default_min_deposit_ppm);
    require_done(deposit, "the minimum deposit");
    order.deposit = *deposit;  // 0.63
    order.store_code = "S001";
    order.expected_day = today_at(t01) + 10;
    order.created_at_ms = t01.clock().now_ms();
    order.updated_at_ms = order.created_at_ms;
    const auto created = t01.store().special_orders().create(order);
    require_done(created, "creating the special order");
    const std::string number = created->number;

    Till deposit_till(t01);
    require_done(deposit_till.session().add_deposit(*created), "deposit line");
    const std::string deposit_receipt = deposit_till.pay_rest_in_cash();
    auto ordered = t01.store().special_orders().find(number);
    REQUIRE(ordered.has_value());
    CHECK(ordered->status == pos::SpecialOrderStatus::ordered);
    CHECK(ordered->deposit_held == order.deposit);
    CHECK(ordered->deposit_receipt == deposit_receipt);
    sync_service(t01);

    advance(office, {&t01}, 24 * hour_ms);
    require_done(t01.store().special_orders().set_status(number, pos::SpecialOrderStatus::arrived,
                                                         t01.clock().now_ms()),
                 "marking it arrived");
    Till pickup_till(t01);
    require_done(
        pickup_till.session().add_pickup(*t01.store().special_orders().find(number), *product),
        "pick-up line");
    pickup_till.begin_tender();
    const auto from_deposit = pickup_till.session().tender_deposit();
    require_done(from_deposit, "the deposit as a tender");
    CHECK(from_deposit->still_due == order.total - order.deposit);
    const std::string pickup_receipt = pickup_till.pay_rest_in_cash();
    const auto collected = t01.store().special_orders().find(number);
    CHECK(collected->status == pos::SpecialOrderStatus::collected);
    CHECK(collected->pickup_receipt == pickup_receipt);
    CHECK(collected->deposit_held.is_zero());
    sync_service(t01);
    sync_service(t01);

    const auto at_office = office.head_office().special_orders("S001");
    REQUIRE(at_office.size() == 1);
    CHECK(at_office[0].id == order.id);
    CHECK(at_office[0].number == number);
    CHECK(at_office[0].status == pos::SpecialOrderStatus::collected);
    CHECK(at_office[0].deposit_receipt == deposit_receipt);
    CHECK(at_office[0].pickup_receipt == pickup_receipt);
    CHECK(t01.store().completed_ticket_count() == 2);
    CHECK(stock_at(office, "S001", code(5)) == -3'000);  // the pick-up moved it, the deposit not
    check_settled(office, "S001", {&t01});
}

}  // namespace

TEST_CASE("Stock is looked up across stores: snapshot, live, and offline with its age (SQLite)") {
    lookup_across_stores(Backend::sqlite);
}
TEST_CASE(
    "Stock is looked up across stores: snapshot, live, and offline with its age (PostgreSQL)") {
    lookup_across_stores(Backend::postgresql);
}
TEST_CASE("A customer and their points are shared by every store, newest edit winning (SQLite)") {
    customers_across_stores(Backend::sqlite);
}
TEST_CASE(
    "A customer and their points are shared by every store, newest edit winning (PostgreSQL)") {
    customers_across_stores(Backend::postgresql);
}
TEST_CASE("A complaint goes open, waiting, resolved and every till of the store sees it (SQLite)") {
    complaint_lifecycle(Backend::sqlite);
}
TEST_CASE(
    "A complaint goes open, waiting, resolved and every till of the store sees it (PostgreSQL)") {
    complaint_lifecycle(Backend::postgresql);
}
TEST_CASE("Hold and transfer requests are answered by head office and come back (SQLite)") {
    stock_requests_answered(Backend::sqlite);
}
TEST_CASE("Hold and transfer requests are answered by head office and come back (PostgreSQL)") {
    stock_requests_answered(Backend::postgresql);
}
TEST_CASE("A special order's deposit and pick-up reach head office once (SQLite)") {
    special_order_collected(Backend::sqlite);
}
TEST_CASE("A special order's deposit and pick-up reach head office once (PostgreSQL)") {
    special_order_collected(Backend::postgresql);
}

// A customer id is a random UUID: its hex may hold a long run of decimal digits, which must not be
// taken for a card number when the points are redeemed.
TEST_CASE("Points are redeemed for a customer whose id happens to be mostly digits") {
    HeadOfficeFixture office(Backend::sqlite, 10);
    TestTerminal t01(office, "T01", office.url());
    const pos::Customer dan = create_customer(t01, 6, "Dan Digits", "020 7946 0006", "",
                                              "0193c0de-0000-7000-8031-000000000001");
    Till earning(t01);
    require_done(earning.session().attach_customer(dan), "attaching Dan");
    earning.add(code(1), "150");
    earning.pay_rest_in_cash();
    Till spending(t01);
    require_done(spending.session().attach_customer(dan), "attaching Dan again");
    spending.add(code(2), "10");
    spending.begin_tender();
    require_done(spending.session().tender_points("1.00"), "redeeming 100 points");
    spending.pay_rest_in_cash();
    CHECK(t01.store().customers().points_balance(dan.id) == 151 - 100 + 9);
    sync_service(t01);
    CHECK(office.head_office().customer_points(dan.id) == 151 - 100 + 9);
    check_settled(office, "S001", {&t01});
}
