#include <doctest/doctest.h>

#include "helpers.hpp"

using db_test::TempDir;

namespace {

void check_same_ticket(const pos::Ticket& read, const pos::Ticket& written,
                       const pos::CompletedSale& sale, std::int64_t completed_at_ms) {
    CHECK(read.id() == written.id());
    CHECK(read.terminal_id() == written.terminal_id());
    CHECK(read.clerk().id == written.clerk().id);
    CHECK(read.clerk().name == written.clerk().name);
    CHECK(read.currency() == written.currency());
    CHECK(read.pricing() == written.pricing());
    CHECK(read.state() == pos::TicketState::completed);
    CHECK(read.opened_at_ms() == written.opened_at_ms());
    CHECK(read.completed_at_ms() == completed_at_ms);
    CHECK(read.receipt_number() == sale.receipt_number);
    CHECK(read.sequence() == sale.sequence);

    db_test::check_same_content(read, written);
}

}  // namespace

TEST_CASE("A completed sale reads back exactly as it was written") {
    TempDir dir;
    auto store = db_test::small_store(dir.file("terminal.db"));
    // Two milk, one wine, 0.450 kg of bananas; 20.00 cash with change.
    const pos::Ticket ticket = db_test::paid_ticket(
        *store, "T01", {{"4000000000013", 2000}, {"4000000000044", 1000}, {"4011", 450}}, 2000);
    REQUIRE(ticket.payments().size() == 2);

    const auto sale = store->sales().complete_sale(ticket, 1'700'000'123'456);
    REQUIRE_MESSAGE(sale.ok(), sale.error().message);
    CHECK(sale->receipt_number == "T01-000001");
    CHECK(sale->sequence == 1);
    CHECK(store->completed_ticket_count() == 1);

    const auto read = store->find_ticket("T01-000001");
    REQUIRE(read.has_value());
    check_same_ticket(*read, ticket, *sale, 1'700'000'123'456);
    CHECK(read->totals().total.minor() == 2 * 119 + 899 + 90);  // 0.450 kg x 1.99 = 0.8955
    CHECK(read->change_given().minor() == 2000 - (2 * 119 + 899 + 90));

    SUBCASE("also after closing and reopening the file") {
        store.reset();
        auto reopened = db_test::open(dir.file("terminal.db"));
        const auto again = reopened->find_ticket("T01-000001");
        REQUIRE(again.has_value());
        check_same_ticket(*again, ticket, *sale, 1'700'000'123'456);
    }
}

TEST_CASE("An unknown receipt number finds no ticket") {
    TempDir dir;
    auto store = db_test::small_store(dir.file("terminal.db"));
    CHECK_FALSE(store->find_ticket("T01-000001").has_value());
    CHECK_FALSE(store->find_ticket("'; DROP TABLE tickets; --").has_value());
}

TEST_CASE("Receipt numbers run on without gaps across closing and reopening the store") {
    TempDir dir;
    const auto file = dir.file("terminal.db");
    std::vector<std::string> numbers;
    {
        auto store = db_test::small_store(file);
        for (int i = 0; i < 3; ++i) {
            const auto sale = store->sales().complete_sale(
                db_test::paid_ticket(*store, "T01", {{"4000000000037", 1000}}, 349), 1);
            REQUIRE(sale.ok());
            numbers.push_back(sale->receipt_number);
        }
    }
    {
        auto store = db_test::open(file);
        for (int i = 0; i < 2; ++i) {
            const auto sale = store->sales().complete_sale(
                db_test::paid_ticket(*store, "T01", {{"4000000000037", 1000}}, 500), 2);
            REQUIRE(sale.ok());
            CHECK(sale->sequence == 4 + i);
            numbers.push_back(sale->receipt_number);
        }
        CHECK(store->completed_ticket_count() == 5);
    }
    CHECK(numbers == std::vector<std::string>{"T01-000001", "T01-000002", "T01-000003",
                                              "T01-000004", "T01-000005"});
}

TEST_CASE("Each terminal has its own receipt sequence") {
    TempDir dir;
    auto store = db_test::small_store(dir.file("terminal.db"));
    auto& sales = store->sales();
    CHECK(sales.complete_sale(db_test::paid_ticket(*store, "T01", {{"4011", 1000}}, 199), 1)
              ->receipt_number == "T01-000001");
    CHECK(sales.complete_sale(db_test::paid_ticket(*store, "T02", {{"4011", 1000}}, 199), 1)
              ->receipt_number == "T02-000001");
    CHECK(sales.complete_sale(db_test::paid_ticket(*store, "T01", {{"4011", 1000}}, 199), 1)
              ->receipt_number == "T01-000002");
}

TEST_CASE("Completing the same sale twice is refused and uses up no receipt number") {
    TempDir dir;
    auto store = db_test::small_store(dir.file("terminal.db"));
    const pos::Ticket ticket = db_test::paid_ticket(*store, "T01", {{"4000000000013", 1000}}, 119);
    REQUIRE(store->sales().complete_sale(ticket, 1).ok());

    const auto again = store->sales().complete_sale(ticket, 2);
    REQUIRE_FALSE(again.ok());
    CHECK(again.error().code == pos::ErrorCode::store_failure);
    CHECK(again.error().message.find("already completed as receipt T01-000001") !=
          std::string::npos);
    CHECK(store->completed_ticket_count() == 1);

    const auto next = store->sales().complete_sale(
        db_test::paid_ticket(*store, "T01", {{"4000000000013", 1000}}, 119), 3);
    REQUIRE(next.ok());
    CHECK(next->receipt_number == "T01-000002");
}

TEST_CASE("A sale that fails part-way through writing leaves nothing behind and no gap") {
    TempDir dir;
    auto store = db_test::small_store(dir.file("terminal.db"));
    const pos::Ticket first = db_test::paid_ticket(*store, "T01", {{"4000000000013", 1000}}, 119);
    REQUIRE(store->sales().complete_sale(first, 1).ok());

    // A new ticket whose second line reuses a line id already on disk: the ticket row and the
    // first line are written before the clash, so all of it must be rolled back.
    pos::Ticket clash(db_test::new_id(), "T01", pos::Clerk{7, "Alex Martin"}, db_test::eur(),
                      pos::TaxPolicy{}, 5);
    const auto bread = store->catalogue().find_by_code("4000000000037", db_test::at);
    REQUIRE(bread.has_value());
    clash.add_line(db_test::new_id(), *bread, pos::Quantity::units(1));
    clash.add_line(first.lines().front().id, *bread, pos::Quantity::units(1));
    clash.begin_tender();
    clash.add_payment(db_test::payment(pos::PaymentMethod::cash, clash.totals().due.minor()));

    const auto failed = store->sales().complete_sale(clash, 6);
    REQUIRE_FALSE(failed.ok());
    CHECK(failed.error().code == pos::ErrorCode::store_failure);
    CHECK(failed.error().message.find("nothing was written") != std::string::npos);
    CHECK(store->completed_ticket_count() == 1);
    CHECK_FALSE(store->find_ticket("T01-000002").has_value());
    CHECK(store->database().query_int("SELECT count(*) FROM ticket_lines", "test") == 1);

    const auto next = store->sales().complete_sale(
        db_test::paid_ticket(*store, "T01", {{"4000000000037", 1000}}, 349), 7);
    REQUIRE(next.ok());
    CHECK(next->receipt_number == "T01-000002");
}

TEST_CASE("A sale that is not paid in full or has no items is refused and nothing is written") {
    TempDir dir;
    auto store = db_test::small_store(dir.file("terminal.db"));
    const auto milk = store->catalogue().find_by_code("4000000000013", db_test::at);
    REQUIRE(milk.has_value());
    pos::Ticket ticket(db_test::new_id(), "T01", pos::Clerk{7, "Alex Martin"}, db_test::eur(),
                       pos::TaxPolicy{}, 5);

    SUBCASE("no items") {
        ticket.begin_tender();
        const auto sale = store->sales().complete_sale(ticket, 6);
        REQUIRE_FALSE(sale.ok());
        CHECK(sale.error().message.find("no items") != std::string::npos);
    }
    SUBCASE("unpaid") {
        ticket.add_line(db_test::new_id(), *milk, pos::Quantity::units(1));
        ticket.begin_tender();
        ticket.add_payment(db_test::payment(pos::PaymentMethod::cash, 100));
        const auto sale = store->sales().complete_sale(ticket, 6);
        REQUIRE_FALSE(sale.ok());
        CHECK(sale.error().message.find("not paid in full (0.19 due)") != std::string::npos);
    }
    CHECK(store->completed_ticket_count() == 0);
    CHECK(store->sales()
              .complete_sale(db_test::paid_ticket(*store, "T01", {{"4011", 1000}}, 199), 1)
              ->receipt_number == "T01-000001");
}

TEST_CASE("Completed tickets cannot be changed or deleted in the file") {
    TempDir dir;
    auto store = db_test::small_store(dir.file("terminal.db"));
    REQUIRE(store->sales()
                .complete_sale(db_test::paid_ticket(*store, "T01", {{"4011", 1000}}, 199), 1)
                .ok());
    CHECK_THROWS_AS(store->database().exec("UPDATE tickets SET total = 0, total_net = 0, "
                                           "total_tax = 0",
                                           "test"),
                    pos::StoreFailure);
    CHECK_THROWS_AS(store->database().exec("DELETE FROM payments", "test"), pos::StoreFailure);
    CHECK(store->find_ticket("T01-000001")->totals().total.minor() == 199);
}
