// Concurrency around one terminal and one head office: two sync workers on the same terminal
// store at once while the till sells, and catalogue changes committed concurrently at head
// office while a terminal downloads (its cursor must never step over a late commit).
#include <doctest/doctest.h>

#include <atomic>
#include <mutex>
#include <thread>

#include "head_office_fixture.hpp"
#include "sync_checks.hpp"

using namespace testing_support;

namespace {

// Stops and joins the workers however the test leaves (a failed REQUIRE throws).
struct StopAndJoin {
    std::atomic<bool>& stop;
    std::vector<std::thread>& threads;
    ~StopAndJoin() { now(); }
    void now() const {
        stop = true;
        for (auto& thread : threads) {
            if (thread.joinable())
                thread.join();
        }
    }
};

void two_workers_on_one_terminal(Backend backend) {
    INFO("backend: " << std::string(backend_name(backend)));
    HeadOfficeFixture office(backend, 30);
    TerminalOptions options;
    options.sync.upload_batch = 3;
    options.sync.changes_batch = 7;
    TestTerminal t01(office, "T01", office.url(), options);
    auto second_store = db::open_store(t01.file());
    REQUIRE(second_store.ok());
    const auto second_transport = headoffice::http_transport(office.url());
    headoffice::SyncClient second((*second_store)->sync(), *second_transport, t01.clock(),
                                  options.sync);

    std::atomic<bool> stop{false};
    std::mutex errors_mutex;
    std::vector<std::string> errors;
    std::atomic<int> good_rounds[2] = {0, 0};
    auto worker = [&](headoffice::SyncClient& client, int index) {
        while (!stop) {
            const auto round = client.run_round();
            if (round.ok()) {
                ++good_rounds[index];
            } else {
                std::lock_guard lock(errors_mutex);
                errors.push_back(round.error().message);
            }
        }
    };
    std::vector<std::thread> workers;
    const StopAndJoin on_exit{stop, workers};
    workers.emplace_back(worker, std::ref(t01.sync()), 0);
    workers.emplace_back(worker, std::ref(second), 1);
    for (int i = 0; i < 40; ++i) {
        t01.sell({code(1 + i % 30)});
        if (i == 20) {
            pos::ProductRecord changed = chain_product(9);
            changed.name = "Changed while syncing";
            changed.unit_price_minor = 1234;
            REQUIRE(office.head_office().add_products({changed}).ok());
        }
    }
    on_exit.now();
    for (const auto& error : errors)
        MESSAGE("a round failed: " << error);
    CHECK(good_rounds[0] > 0);
    CHECK(good_rounds[1] > 0);

    sync_fully(t01);
    REQUIRE(second.run_round().ok());
    check_recovered(office, "S001", {&t01});
    const auto changed = t01.store().catalogue().find_by_code(code(9), t01.clock().now_ms());
    REQUIRE(changed.has_value());
    CHECK(changed->name == "Changed while syncing");
    CHECK(changed->unit_price.minor() == 1234);
}

}  // namespace

TEST_CASE(
    "Two sync workers on one terminal send every sale once and apply every change once "
    "(SQLite)") {
    two_workers_on_one_terminal(Backend::sqlite);
}

TEST_CASE(
    "Two sync workers on one terminal send every sale once and apply every change once "
    "(PostgreSQL)") {
    two_workers_on_one_terminal(Backend::postgresql);
}

namespace {

constexpr int writers = 4;
constexpr int products_per_writer = 10;

// Each writer changes its own products once each, one transaction per product, so a change the
// terminal's cursor stepped over would never come again and the final comparison would see it.
void write_changes(HeadOfficeFixture& office, int writer, std::atomic<int>& failures) {
    for (int i = 1; i <= products_per_writer; ++i) {
        pos::ProductRecord changed = chain_product(writer * products_per_writer + i);
        changed.name =
            "Changed by writer " + std::to_string(writer) + " (" + std::to_string(i) + ")";
        changed.unit_price_minor = 5'000 + writer * 100 + i;
        if (!office.head_office().add_products({changed}).ok())
            ++failures;
    }
}

void concurrent_changes_all_arrive(Backend backend) {
    INFO("backend: " << std::string(backend_name(backend)));
    HeadOfficeFixture office(backend, writers * products_per_writer);
    TerminalOptions options;
    options.sync.changes_batch = 3;
    TestTerminal t01(office, "T01", office.url(), options);

    std::atomic<bool> stop{false};
    std::atomic<int> downloads{0};
    std::atomic<int> failures{0};
    std::vector<std::thread> threads;
    const StopAndJoin on_exit{stop, threads};
    threads.emplace_back([&] {
        while (!stop) {
            if (t01.sync().download_changes().ok())
                ++downloads;
        }
    });
    std::vector<std::thread> writing;
    for (int writer = 0; writer < writers; ++writer)
        writing.emplace_back(write_changes, std::ref(office), writer, std::ref(failures));
    for (auto& thread : writing)
        thread.join();
    on_exit.now();

    CHECK(failures == 0);
    CHECK(downloads > 0);
    const auto last = t01.sync().download_changes();
    REQUIRE_MESSAGE(last.ok(), (last.ok() ? "" : last.error().message));
    check_catalogue_matches(office, t01);
    const auto changed =
        t01.store().catalogue().find_by_code(code(products_per_writer), t01.clock().now_ms());
    REQUIRE(changed.has_value());
    CHECK(changed->name == "Changed by writer 0 (10)");
}

}  // namespace

TEST_CASE(
    "Catalogue changes committed concurrently at head office all reach a terminal that "
    "downloads meanwhile (SQLite)") {
    concurrent_changes_all_arrive(Backend::sqlite);
}

TEST_CASE(
    "Catalogue changes committed concurrently at head office all reach a terminal that "
    "downloads meanwhile (PostgreSQL)") {
    concurrent_changes_all_arrive(Backend::postgresql);
}
