// The terminal's side of head-office sync: the outbox read and acknowledged, enrolment, and
// the stock snapshot.
#include <doctest/doctest.h>

#include "sync_helpers.hpp"

using db_test::TempDir;
using namespace sync_test;

TEST_CASE("Journal entries wait in the outbox oldest first until head office acknowledges them") {
    TempDir dir;
    const auto file = dir.file("terminal.db");
    auto store = db_test::small_store(file);
    db_test::complete(*store, db_test::paid_ticket(*store, "T01", {{milk, 1000}}, 200),
                      db_test::at);
    db_test::complete(*store, db_test::paid_ticket(*store, "T01", {{milk, 2000}}, 300),
                      db_test::at + 1000);

    const auto pending = store->sync().pending(10);
    REQUIRE(pending.size() == 2);
    CHECK(pending[0].terminal_id == "T01");
    CHECK(pending[0].sequence == 1);
    CHECK(pending[0].kind == "sale");
    CHECK(pending[1].sequence == 2);
    CHECK(pending[1].prev_hash == pending[0].hash);
    CHECK(pending[1].hash == db::entry_hash(pending[1].prev_hash, pending[1].payload));
    CHECK(pending[0].ticket_id == pending[0].entity_id);
    CHECK(store->sync().pending(1).size() == 1);
    CHECK(store->sync().pending_count() == 2);

    SUBCASE("two workers acknowledging the same entry mark it once and both succeed") {
        auto second_worker = db_test::open(file);
        const auto first = second_worker->sync().acknowledge("T01", {1}, 5000);
        REQUIRE(first.ok());
        CHECK(first.value() == 1);
        const auto both = store->sync().acknowledge("T01", {1, 2}, 6000);
        REQUIRE_MESSAGE(both.ok(), both.error().message);
        CHECK(both.value() == 1);
        const auto again = store->sync().acknowledge("T01", {1, 2}, 7000);
        REQUIRE(again.ok());
        CHECK(again.value() == 0);
        CHECK(store->sync().pending_count() == 0);
        CHECK(store->sync().pending(10).empty());
        CHECK(store->database().query_text(
                  "SELECT group_concat(acknowledged_at_ms, ',') FROM"
                  " (SELECT acknowledged_at_ms FROM outbox ORDER BY sequence)",
                  "test") == "5000,6000");
        CHECK(store->verify_journal().message == "journal OK: 2 entries");
    }
    SUBCASE("an entry of another terminal or an unknown sequence is not marked") {
        const auto marked = store->sync().acknowledge("T02", {1, 2, 99}, 5000);
        REQUIRE(marked.ok());
        CHECK(marked.value() == 0);
        CHECK(store->sync().pending_count() == 2);
    }
    SUBCASE("an unacknowledged entry still cannot be deleted") {
        REQUIRE(store->sync().acknowledge("T01", {1}, 5000).ok());
        CHECK_THROWS_WITH_AS(
            store->database().exec("DELETE FROM outbox WHERE sequence = 2", "test"),
            doctest::Contains("cannot be deleted before head office acknowledged it"),
            pos::StoreFailure);
        CHECK(store->sync().pending(10).size() == 1);
        CHECK(store->sync().pending(10)[0].sequence == 2);
    }
}

TEST_CASE("Enrolment stores the credentials and the store's identity") {
    TempDir dir;
    auto store = db_test::small_store(dir.file("terminal.db"));
    CHECK_FALSE(store->sync().state().enrolment.has_value());
    const db::Enrolment enrolment{"http://127.0.0.1:8080", "S002", "Harbour Street", "T11",
                                  "token-abc"};
    REQUIRE(store->sync().save_enrolment(enrolment));
    const auto state = store->sync().state();
    REQUIRE(state.enrolment.has_value());
    CHECK(state.enrolment->token == "token-abc");
    CHECK(state.enrolment->terminal_id == "T11");
    CHECK(store->settings().terminal_id == "T11");
    CHECK(store->settings().store_code == "S002");
    CHECK(store->settings().store_name == "Harbour Street");

    SUBCASE("enrolling with another head office starts the download over") {
        apply(*store, batch(0, {change(4, product("20001", "Oat Drink", 200))}));
        REQUIRE(store->sync().save_enrolment(enrolment));
        CHECK(store->sync().state().cursor == 4);
        db::Enrolment moved = enrolment;
        moved.server_url = "http://10.0.0.2:8080";
        REQUIRE(store->sync().save_enrolment(moved));
        CHECK(store->sync().state().cursor == 0);
        CHECK_FALSE(store->sync().state().first_load_done);
    }
    SUBCASE("forgetting it turns sync off and keeps the store's identity") {
        REQUIRE(store->sync().forget_enrolment());
        CHECK_FALSE(store->sync().state().enrolment.has_value());
        CHECK(store->settings().terminal_id == "T11");
    }
}

TEST_CASE("Enrolment under another terminal id is refused once tickets were completed") {
    TempDir dir;
    auto store = db_test::small_store(dir.file("terminal.db"));
    db_test::complete(*store, db_test::paid_ticket(*store, "T01", {{milk, 1000}}, 200),
                      db_test::at);
    const std::string settings_before = reference_rows(*store);

    const auto refused = store->sync().save_enrolment(
        {"http://127.0.0.1:8080", "S002", "Harbour Street", "T11", "token-abc"});
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().code == pos::ErrorCode::not_allowed);
    CHECK(refused.error().message.find("as terminal T01") != std::string::npos);
    CHECK(refused.error().message.find("enrolling it as T11") != std::string::npos);
    CHECK(refused.error().message.find("nothing was changed") != std::string::npos);
    CHECK_FALSE(store->sync().state().enrolment.has_value());
    CHECK(reference_rows(*store) == settings_before);

    SUBCASE("bad credentials are refused naming what is wrong") {
        const auto empty_token =
            store->sync().save_enrolment({"http://127.0.0.1:8080", "S002", "", "T01", ""});
        REQUIRE_FALSE(empty_token.ok());
        CHECK(empty_token.error().message ==
              "The enrolment was not saved: head office sent no "
              "usable token");
        const auto bad_terminal =
            store->sync().save_enrolment({"http://127.0.0.1:8080", "S002", "", "T-01", "token"});
        REQUIRE_FALSE(bad_terminal.ok());
        CHECK(bad_terminal.error().message.find("terminal id \"T-01\"") != std::string::npos);
        CHECK(reference_rows(*store) == settings_before);
    }
    SUBCASE("under its own terminal id it is enrolled") {
        REQUIRE(store->sync().save_enrolment(
            {"http://127.0.0.1:8080", "S002", "Harbour Street", "T01", "token-abc"}));
        CHECK(store->sync().state().enrolment->terminal_id == "T01");
    }
}

TEST_CASE("The stock snapshot keeps every store's latest level of a product with its age") {
    TempDir dir;
    auto store = db_test::small_store(dir.file("terminal.db"));
    CHECK(store->sync().stock_of("20001").empty());
    REQUIRE(store->sync().save_stock({{"S001", "20001", 5000}, {"S002", "20001", 7000}}, 1000));
    REQUIRE(store->sync().save_stock({{"S001", "20001", 4000}}, 2000));
    // A reply read earlier that arrives late does not undo the newer level.
    REQUIRE(store->sync().save_stock({{"S001", "20001", 9999}}, 1500));

    const auto levels = store->sync().stock_of("20001");
    REQUIRE(levels.size() == 2);
    CHECK(levels[0].level == pos::StockLevel{"S001", "20001", 4000});
    CHECK(levels[0].as_of_ms == 2000);
    CHECK(levels[1].level == pos::StockLevel{"S002", "20001", 7000});
    CHECK(levels[1].as_of_ms == 1000);
    CHECK(store->sync().state().stock_as_of_ms == 2000);
    REQUIRE(store->sync().record_success(3000));
    CHECK(store->sync().state().last_success_ms == 3000);
}
