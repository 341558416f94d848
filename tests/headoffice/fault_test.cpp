// Faults between a terminal and head office, injected by a proxy on loopback: an answer lost
// after head office committed, a connection reset, 500s, answers slower than the client waits,
// the same batch delivered twice. After each: no sale lost, none duplicated, the outbox fully
// acknowledged, the catalogue complete and equal, the journal verifies.
#include <doctest/doctest.h>

#include "fault_proxy.hpp"
#include "head_office_fixture.hpp"
#include "sync_checks.hpp"

using namespace testing_support;

namespace {

const std::string journal_path = "/v1/journal";

std::int64_t tickets_held(HeadOfficeFixture& office, const std::string& store_code) {
    const auto sales = office.head_office().store_sales(store_code);
    REQUIRE_MESSAGE(sales.ok(), (sales.ok() ? "" : sales.error().message));
    return sales->tickets;
}

void sell_a_few(TestTerminal& terminal, int sales) {
    for (int i = 0; i < sales; ++i)
        terminal.sell({code(1 + i % 10), code(11 + i % 7)});
}

void lost_answer_is_not_duplicated(Backend backend) {
    INFO("backend: " << std::string(backend_name(backend)));
    HeadOfficeFixture office(backend, 20);
    FaultProxy proxy("127.0.0.1", office.port());
    TestTerminal t01(office, "T01", proxy.url());
    sell_a_few(t01, 4);

    proxy.inject_for_path(journal_path, Fault::drop_answer);
    const auto lost = t01.sync().run_round();
    CHECK_FALSE(lost.ok());
    CHECK(tickets_held(office, "S001") == 4);       // head office committed them ...
    CHECK(t01.store().pending_outbox_count() > 0);  // ... the terminal never heard

    sync_fully(t01);
    check_recovered(office, "S001", {&t01});
}

void batch_delivered_twice_is_stored_once(Backend backend) {
    INFO("backend: " << std::string(backend_name(backend)));
    HeadOfficeFixture office(backend, 20);
    FaultProxy proxy("127.0.0.1", office.port());
    TestTerminal t01(office, "T01", proxy.url());
    sell_a_few(t01, 5);

    proxy.inject_for_path(journal_path, Fault::deliver_twice);
    const auto round = t01.sync().run_round();
    REQUIRE_MESSAGE(round.ok(), (round.ok() ? "" : round.error().message));
    CHECK(round->refused == 0);
    check_recovered(office, "S001", {&t01});
}

}  // namespace

TEST_CASE(
    "A sale whose upload answer was lost after head office committed it is held once "
    "after the retry (SQLite)") {
    lost_answer_is_not_duplicated(Backend::sqlite);
}

TEST_CASE(
    "A sale whose upload answer was lost after head office committed it is held once "
    "after the retry (PostgreSQL)") {
    lost_answer_is_not_duplicated(Backend::postgresql);
}

TEST_CASE("The same upload delivered twice is stored once (SQLite)") {
    batch_delivered_twice_is_stored_once(Backend::sqlite);
}

TEST_CASE("The same upload delivered twice is stored once (PostgreSQL)") {
    batch_delivered_twice_is_stored_once(Backend::postgresql);
}

TEST_CASE("A connection reset before head office saw the upload loses nothing") {
    HeadOfficeFixture office(Backend::sqlite, 20);
    FaultProxy proxy("127.0.0.1", office.port());
    TestTerminal t01(office, "T01", proxy.url());
    sell_a_few(t01, 3);
    const std::int64_t waiting = t01.store().pending_outbox_count();

    proxy.inject_for_path(journal_path, Fault::reset_before_forwarding);
    const auto reset = t01.sync().run_round();
    REQUIRE_FALSE(reset.ok());
    CHECK(tickets_held(office, "S001") == 0);
    CHECK(t01.store().pending_outbox_count() == waiting);
    CHECK_FALSE(t01.sync().status().online);

    sync_fully(t01);
    check_recovered(office, "S001", {&t01});
    CHECK(t01.sync().status().online);
    CHECK(t01.sync().status().last_error.empty());
}

TEST_CASE("Head office answering 500 keeps the sales queued and says so, until it recovers") {
    HeadOfficeFixture office(Backend::sqlite, 20);
    FaultProxy proxy("127.0.0.1", office.port());
    TestTerminal t01(office, "T01", proxy.url());
    sell_a_few(t01, 3);

    for (int i = 0; i < 3; ++i)
        proxy.inject_for_path(journal_path, Fault::answer_500);
    for (int i = 0; i < 3; ++i) {
        const auto failed = t01.sync().run_round();
        REQUIRE_FALSE(failed.ok());
        CHECK(failed.error().message.find("500") != std::string::npos);
        CHECK(t01.sync().status().last_error.find("500") != std::string::npos);
        CHECK(t01.sync().status().queue_depth == t01.store().pending_outbox_count());
        t01.sell({code(5)});  // selling goes on meanwhile
    }
    CHECK(tickets_held(office, "S001") == 0);

    sync_fully(t01);
    check_recovered(office, "S001", {&t01});
    CHECK(t01.sync().status().queue_depth == 0);
}

TEST_CASE("An answer slower than the client's read timeout is retried without a duplicate") {
    HeadOfficeFixture office(Backend::sqlite, 20);
    FaultProxy proxy("127.0.0.1", office.port());
    TerminalOptions options;
    options.http.read_timeout_ms = 400;
    TestTerminal t01(office, "T01", proxy.url(), options);
    sell_a_few(t01, 4);

    proxy.inject_for_path(journal_path, Fault::delay_answer, 2000);
    const auto slow = t01.sync().run_round();
    REQUIRE_FALSE(slow.ok());
    CHECK_FALSE(slow.error().message.empty());
    CHECK(t01.store().pending_outbox_count() > 0);

    sync_fully(t01);
    check_recovered(office, "S001", {&t01});
}

TEST_CASE(
    "Faults on the catalogue download leave the cursor where it was, and the next round "
    "completes the catalogue") {
    HeadOfficeFixture office(Backend::sqlite, 30);
    FaultProxy proxy("127.0.0.1", office.port());
    TerminalOptions options;
    options.load_catalogue = false;
    options.sync.changes_batch = 7;
    TestTerminal t01(office, "T01", proxy.url(), options);

    proxy.inject_for_path("/v1/changes", Fault::pass);
    proxy.inject_for_path("/v1/changes", Fault::drop_answer);
    const auto broken = t01.sync().download_changes();
    REQUIRE_FALSE(broken.ok());
    const std::int64_t cursor = t01.store().sync().state().cursor;
    CHECK(cursor > 0);  // the first batch stayed applied
    CHECK(t01.store().product_count() < 30);

    proxy.inject_for_path("/v1/changes", Fault::answer_500);
    CHECK_FALSE(t01.sync().download_changes().ok());
    CHECK(t01.store().sync().state().cursor == cursor);

    proxy.inject_for_path("/v1/changes", Fault::deliver_twice);
    const auto loaded = t01.sync().download_changes();
    REQUIRE_MESSAGE(loaded.ok(), (loaded.ok() ? "" : loaded.error().message));
    check_catalogue_matches(office, t01);
    CHECK(t01.store().sync().state().first_load_done);
}
