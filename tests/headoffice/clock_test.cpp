// The terminal's wall clock moved backwards (hours, then days, behind its last sync) between
// sales: receipts stay distinct, head office holds each sale once, the journal verifies; and the
// background worker (steady clock for its waits) keeps sending through that and an outage.
#include <doctest/doctest.h>

#include <memory>
#include <set>
#include <stdexcept>

#include "head_office_fixture.hpp"
#include "sync_checks.hpp"

using namespace testing_support;

TEST_CASE("The terminal's clock moved backwards between sales changes nothing at head office") {
    HeadOfficeFixture office(Backend::sqlite, 20);
    TestTerminal t01(office, "T01", office.url());
    const std::int64_t start = t01.clock().now_ms();
    const std::string first = t01.sell({code(1), code(2)});
    t01.sell({code(3)});
    sync_fully(t01);

    t01.clock().set(start - 3 * 3'600'000);  // three hours back
    t01.sell({code(4)});
    t01.return_item(first, code(2));
    sync_fully(t01);
    t01.clock().set(start - 2 * 86'400'000);  // two days back, behind the last sync too
    t01.sell({code(5), code(6)});
    sync_fully(t01);

    check_recovered(office, "S001", {&t01});
    const std::set<std::string> distinct(t01.receipts().begin(), t01.receipts().end());
    CHECK(distinct.size() == t01.receipts().size());
    std::map<std::string, std::int64_t> stock;
    add_stock_changes(stock, t01);
    check_stock(office, "S001", stock);
}

namespace {

// What the worker's client borrows: its own connection to the store and its own transport.
struct WorkerParts {
    std::unique_ptr<db::Store> store;
    std::unique_ptr<headoffice::Transport> transport;
};

bool outbox_empty(TestTerminal& terminal) {
    return terminal.store().pending_outbox_count() == 0;
}

}  // namespace

TEST_CASE(
    "The background sync worker sends every sale through a clock moved backwards and a "
    "head office outage") {
    HeadOfficeFixture office(Backend::sqlite, 20);
    TestTerminal t01(office, "T01", office.url());
    headoffice::SyncOptions options;
    options.idle_every_ms = 100;
    options.backoff_first_ms = 100;
    options.backoff_max_ms = 400;
    auto parts = std::make_shared<WorkerParts>();
    headoffice::SyncWorker worker(
        [&t01, &office, options, parts]() -> std::unique_ptr<headoffice::SyncClient> {
            auto opened = db::open_store(t01.file());
            if (!opened.ok())
                throw std::runtime_error(opened.error().message);
            parts->store = std::move(opened).value();
            parts->transport = headoffice::http_transport(office.url());
            return std::make_unique<headoffice::SyncClient>(parts->store->sync(), *parts->transport,
                                                            t01.clock(), options);
        },
        options);
    worker.start();

    const std::int64_t start = t01.clock().now_ms();
    t01.sell({code(1)});
    t01.sell({code(2), code(3)});
    worker.wake();
    REQUIRE(wait_until([&] { return outbox_empty(t01); }, 20'000));

    t01.clock().set(start - 6 * 3'600'000);
    t01.sell({code(4)});
    worker.wake();
    REQUIRE(wait_until([&] { return outbox_empty(t01); }, 20'000));

    office.stop_server();
    t01.clock().set(start - 3 * 86'400'000);
    t01.sell({code(5)});
    t01.sell({code(6)});
    worker.wake();
    REQUIRE(wait_until([&] { return !worker.status().online; }, 20'000));
    CHECK(worker.status().queue_depth > 0);
    CHECK_FALSE(worker.status().last_error.empty());
    office.start_server();
    REQUIRE(wait_until([&] { return outbox_empty(t01) && worker.status().online; }, 20'000));
    worker.stop();

    check_recovered(office, "S001", {&t01});
    CHECK(worker.status().last_error.empty());
}
