// The chain end to end, on both storage backends: two terminals of S001 and one of S002 sell,
// return and sync through one head office, which changes a price and receives goods meanwhile.
#include <doctest/doctest.h>

#include "head_office_fixture.hpp"
#include "sync_checks.hpp"

using namespace testing_support;

namespace {

constexpr std::int64_t delivered_milli = 24'000;

void receive_goods(HeadOfficeFixture& office, const std::string& store_code,
                   const std::string& reference, const std::string& product_code) {
    headoffice::StockAdjustment receipt;
    receipt.kind = headoffice::StockAdjustment::Kind::supplier_receipt;
    receipt.reference = reference;
    receipt.store_code = store_code;
    receipt.product_code = product_code;
    receipt.quantity_milli = delivered_milli;
    const auto done = office.head_office().adjust_stock(receipt);
    REQUIRE_MESSAGE(done.ok(), (done.ok() ? "" : done.error().message));
}

// Product 3 costs 9.99 from 2026-01-01 (already in effect) and product 4 is renamed.
void change_prices_at_head_office(HeadOfficeFixture& office) {
    const auto prices = office.head_office().import_prices_csv("code,price,effective_from\n" +
                                                               code(3) + ",9.99,2026-01-01\n");
    REQUIRE_MESSAGE(prices.ok(), (prices.ok() ? "" : prices.error().message));
    CHECK(prices->accepted == 1);
    CHECK(prices->rejected.empty());
    pos::ProductRecord renamed = chain_product(4);
    renamed.name = "Renamed product 4";
    const auto added = office.head_office().add_products({renamed});
    REQUIRE_MESSAGE(added.ok(), (added.ok() ? "" : added.error().message));
}

void run_the_chain(Backend backend) {
    INFO("backend: " << std::string(backend_name(backend)));
    HeadOfficeFixture office(backend, 40);
    TestTerminal t01(office, "T01", office.url());
    TestTerminal t02(office, "T02", office.url());
    TestTerminal t11(office, "T11", office.url());
    receive_goods(office, "S001", "PO-S001-1", code(1));
    receive_goods(office, "S002", "PO-S002-1", code(2));

    const std::string first = t01.sell({code(1), code(2)});
    t01.sell({code(3)});
    t02.sell({code(1), code(4), code(5)});
    const std::string harbour = t11.sell({code(2), code(6)});
    t11.sell({code(1)});
    for (TestTerminal* terminal : {&t01, &t02, &t11})
        sync_fully(*terminal);

    change_prices_at_head_office(office);
    for (TestTerminal* terminal : {&t01, &t02, &t11})
        sync_fully(*terminal);
    for (TestTerminal* terminal : {&t01, &t02, &t11}) {
        const std::int64_t now = terminal->clock().now_ms();
        const auto repriced = terminal->store().catalogue().find_by_code(code(3), now);
        REQUIRE(repriced.has_value());
        CHECK(repriced->unit_price.minor() == 999);
        const auto renamed = terminal->store().catalogue().find_by_code(code(4), now);
        REQUIRE(renamed.has_value());
        CHECK(renamed->name == "Renamed product 4");
    }
    const std::string at_new_price = t02.sell({code(3)});
    CHECK(t02.store().find_ticket(at_new_price)->totals().total.minor() == 999);

    t01.return_item(first, code(1));
    t11.sell({code(7), code(2)});
    t01.sell({code(1)});
    for (TestTerminal* terminal : {&t01, &t02, &t11})
        sync_fully(*terminal);

    check_recovered(office, "S001", {&t01, &t02});
    check_recovered(office, "S002", {&t11});

    std::map<std::string, std::int64_t> centre{{code(1), delivered_milli}};
    add_stock_changes(centre, t01);
    add_stock_changes(centre, t02);
    check_stock(office, "S001", centre);
    std::map<std::string, std::int64_t> harbour_stock{{code(2), delivered_milli}};
    add_stock_changes(harbour_stock, t11);
    check_stock(office, "S002", harbour_stock);

    // A ticket sold at S002, found from an S001 terminal for a return.
    const auto found = t01.sync().lookup_ticket(harbour);
    REQUIRE_MESSAGE(found.ok(), (found.ok() ? "" : found.error().message));
    CHECK(found->store_code == "S002");
    CHECK(found->entry.terminal_id == "T11");
    CHECK(found->entry.kind == "sale");
    CHECK(found->post_voided_by.empty());

    // The terminal's dated snapshot knows the other store's stock for offline lookup.
    const auto refreshed = t01.sync().refresh_stock();
    REQUIRE_MESSAGE(refreshed.ok(), (refreshed.ok() ? "" : refreshed.error().message));
    bool harbour_seen = false;
    for (const auto& row : t01.store().sync().stock_of(code(2))) {
        if (row.level.store_code == "S002") {
            harbour_seen = true;
            CHECK(row.level.quantity_milli == harbour_stock[code(2)]);
        }
    }
    CHECK(harbour_seen);
}

}  // namespace

TEST_CASE(
    "Three terminals of two stores end with one catalogue, every sale once and right "
    "stock (SQLite)") {
    run_the_chain(Backend::sqlite);
}

TEST_CASE(
    "Three terminals of two stores end with one catalogue, every sale once and right "
    "stock (PostgreSQL)") {
    run_the_chain(Backend::postgresql);
}

TEST_CASE(
    "A ticket from another store is looked up at head office, and an unknown one is "
    "named as not found") {
    HeadOfficeFixture office(Backend::sqlite, 10);
    TestTerminal t01(office, "T01", office.url());
    TestTerminal t11(office, "T11", office.url());
    const std::string sold = t11.sell({code(1), code(2)});
    sync_fully(t11);

    const auto found = t01.sync().lookup_ticket(sold);
    REQUIRE_MESSAGE(found.ok(), (found.ok() ? "" : found.error().message));
    CHECK(found->store_code == "S002");
    CHECK(found->entry.ticket_id == t11.store().find_ticket(sold)->id());

    const auto missing = t01.sync().lookup_ticket("T11-009999");
    REQUIRE_FALSE(missing.ok());
    CHECK(missing.error().message.find("T11-009999") != std::string::npos);
}

TEST_CASE(
    "A revoked terminal keeps its sales queued and sends them once after it is enrolled "
    "again, while the store's other terminal carries on") {
    HeadOfficeFixture office(Backend::sqlite, 10);
    TestTerminal t01(office, "T01", office.url());
    TestTerminal t02(office, "T02", office.url());
    t02.sell({code(1)});
    sync_fully(t02);
    REQUIRE(office.head_office().revoke_terminal("T02").ok());

    t02.sell({code(2)});
    t02.sell({code(3), code(4)});
    const auto refused = t02.sync().run_round();
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().message.find("revoked") != std::string::npos);
    CHECK(t02.sync().status().credentials_revoked);
    CHECK(t02.store().pending_outbox_count() > 0);
    t01.sell({code(5)});
    sync_fully(t01);

    const auto again = t02.sync().enrol(office.url(), office.enrolment_code("T02"), "till 2");
    REQUIRE_MESSAGE(again.ok(), (again.ok() ? "" : again.error().message));
    sync_fully(t02);
    check_recovered(office, "S001", {&t01, &t02});
}

// Either side may refuse it (head office at the door, or the terminal skipping and recording the
// one change); what the shop notices is the same: the rest of the catalogue arrives and sells.
TEST_CASE(
    "A product with a bad code never blocks the catalogue: it is refused by name and "
    "everything else arrives") {
    HeadOfficeFixture office(Backend::sqlite, 10);
    TestTerminal t01(office, "T01", office.url());
    pos::ProductRecord bad = chain_product(11);
    bad.code = "20000001";  // a GTIN-8 whose check digit should be 4
    bad.barcodes = {bad.code};
    const pos::ProductRecord good = chain_product(12);
    const auto added_bad = office.head_office().add_products({bad});
    REQUIRE(office.head_office().add_products({good}).ok());

    sync_fully(t01);
    const std::int64_t now = t01.clock().now_ms();
    CHECK(t01.store().catalogue().find_by_code(good.code, now).has_value());
    CHECK_FALSE(t01.store().catalogue().find_by_code(bad.code, now).has_value());
    if (!added_bad.ok()) {
        CHECK(added_bad.error().message.find("20000001") != std::string::npos);
    } else {
        const auto rejected = t01.sync_store().sync().rejected_changes(10);
        REQUIRE(rejected.size() == 1);
        CHECK(rejected[0].key == "20000001");
        CHECK(rejected[0].message.find("check digit") != std::string::npos);
        CHECK(t01.sync().status().rejected_changes == 1);
        CHECK(t01.sync().status().last_rejection == rejected[0].message);
    }
    t01.sell({good.code});
    sync_fully(t01);
    check_sales_held_once(office, "S001", {&t01});
    check_journal_verifies(t01);
}
