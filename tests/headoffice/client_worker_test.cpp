// The sync worker's schedule (backoff and jitter, wake, stop) and two sync connections on one
// terminal store file acknowledging the same entries.
#include <doctest/doctest.h>

#include <chrono>
#include <set>
#include <thread>

#include "client_fakes.hpp"
#include "db/store.hpp"
#include "fakes.hpp"
#include "headoffice/client/backoff.hpp"
#include "headoffice/client/sync_client.hpp"
#include "temp_dir.hpp"

using namespace client_test;

namespace {

// Polls until `done` holds, for up to 20 s (generous: the machine may be busy).
template <class Done>
bool eventually(Done done) {
    const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(20);
    while (std::chrono::steady_clock::now() < until) {
        if (done())
            return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    return done();
}

// A worker over the fakes; the factory builds a client on the worker's thread.
struct WorkerRig {
    FakeHeadOffice head_office;
    MemorySyncStore store;
    fakes::Clock clock;
    headoffice::SyncOptions options;
    std::unique_ptr<headoffice::SyncWorker> worker;

    WorkerRig() {
        store.sync.enrolment = enrolment();
        options.idle_every_ms = 3'600'000;  // only a start, a wake or a retry runs a round
        options.backoff_first_ms = 3'600'000;
        options.backoff_max_ms = 36'000'000;
    }
    void start() {
        worker = std::make_unique<headoffice::SyncWorker>(
            [this] {
                return std::make_unique<headoffice::SyncClient>(store, head_office, clock, options);
            },
            options);
        worker->start();
    }
    std::size_t uploads() const {
        std::size_t n = 0;
        for (const auto& r : head_office.requests())
            n += r.path == "/v1/journal" ? 1 : 0;
        return n;
    }
};

}  // namespace

TEST_CASE("backoff doubles from the first delay up to the ceiling") {
    CHECK(headoffice::backoff_base_ms(1, 1'000, 300'000) == 1'000);
    CHECK(headoffice::backoff_base_ms(2, 1'000, 300'000) == 2'000);
    CHECK(headoffice::backoff_base_ms(3, 1'000, 300'000) == 4'000);
    CHECK(headoffice::backoff_base_ms(9, 1'000, 300'000) == 256'000);
    CHECK(headoffice::backoff_base_ms(10, 1'000, 300'000) == 300'000);
    CHECK(headoffice::backoff_base_ms(500, 1'000, 300'000) == 300'000);
}

TEST_CASE("each wait is jittered within a quarter of its base, and not always the same") {
    std::mt19937 random(7);
    for (int failures = 1; failures <= 12; ++failures) {
        const std::int64_t base = headoffice::backoff_base_ms(failures, 1'000, 300'000);
        std::set<std::int64_t> seen;
        for (int i = 0; i < 200; ++i) {
            const std::int64_t wait = headoffice::backoff_ms(failures, 1'000, 300'000, random);
            CHECK(wait >= base - base / 4);
            CHECK(wait <= base + base / 4);
            seen.insert(wait);
        }
        CHECK(seen.size() > 10);
    }
}

TEST_CASE("the worker runs a round at start and another when woken after a sale") {
    WorkerRig rig;
    rig.store.add_entries(1);
    rig.start();
    REQUIRE(eventually([&] { return rig.worker->status().last_success_ms != 0; }));
    CHECK(rig.worker->status().queue_depth == 0);
    CHECK(rig.worker->status().online);
    CHECK(rig.uploads() == 1);
    // Only the worker's thread touches the store while it runs a round; it is idle now (an hour).
    rig.store.add_entries(1);
    rig.worker->wake();
    REQUIRE(eventually([&] { return rig.uploads() == 2; }));
    rig.worker->stop();  // prompt, though the next idle round is an hour away
    CHECK(rig.store.pending_count() == 0);
}

TEST_CASE("after a failure the worker says when it tries again, within the jittered backoff") {
    WorkerRig rig;
    rig.store.add_entries(1);
    rig.head_office.canned.push_back({0, "", "connection refused"});
    rig.start();
    REQUIRE(eventually([&] { return rig.worker->status().retry_in_ms != 0; }));
    const auto status = rig.worker->status();
    CHECK_FALSE(status.online);
    CHECK(status.last_error == "no answer from head office: connection refused");
    CHECK(status.queue_depth == 1);
    CHECK(status.retry_in_ms >= 2'700'000);
    CHECK(status.retry_in_ms <= 4'500'000);
    rig.worker->wake();  // "Sync now" does not wait for the backoff
    REQUIRE(eventually([&] { return rig.worker->status().online; }));
    CHECK(rig.worker->status().retry_in_ms == 0);
    CHECK(rig.worker->status().last_error.empty());
}

TEST_CASE("revoked credentials are shown and not retried with backoff") {
    WorkerRig rig;
    rig.head_office.token = "another";
    rig.start();
    REQUIRE(eventually([&] { return rig.worker->status().credentials_revoked; }));
    const auto status = rig.worker->status();
    CHECK(status.retry_in_ms == rig.options.idle_every_ms);
    const auto asked = rig.head_office.requests().size();
    rig.worker->wake();
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    rig.worker->stop();
    CHECK(rig.head_office.requests().size() == asked);
}

TEST_CASE("two sync connections on one store file acknowledge the same entries once") {
    testing_support::TempDir dir;
    const auto file = dir / "terminal.db";
    auto opened = db::open_store(file);
    REQUIRE(opened.ok());
    auto& store = **opened;
    REQUIRE(store.sync().save_enrolment(enrolment()).ok());
    for (int i = 0; i < 30; ++i) {
        pos::TicketEvent event;
        event.id = "event-" + std::to_string(i);
        event.kind = pos::EventKind::no_sale;
        event.terminal_id = "T01";
        event.at_ms = 1'700'000'000'000 + i;
        event.reason = "drawer check";
        REQUIRE(store.events().record(event).ok());
    }
    REQUIRE(store.sync().pending_count() == 30);

    FakeHeadOffice head_office;
    auto one = db::open_store(file);
    auto two = db::open_store(file);
    REQUIRE(one.ok());
    REQUIRE(two.ok());
    fakes::Clock clock;
    headoffice::SyncOptions options;
    options.upload_batch = 4;
    headoffice::SyncClient first((*one)->sync(), head_office, clock, options);
    headoffice::SyncClient second((*two)->sync(), head_office, clock, options);
    pos::Result<std::int64_t> sent_first = std::int64_t{0}, sent_second = std::int64_t{0};
    std::thread a([&] { sent_first = first.upload_pending(); });
    std::thread b([&] { sent_second = second.upload_pending(); });
    a.join();
    b.join();
    REQUIRE(sent_first.ok());
    REQUIRE(sent_second.ok());
    CHECK(store.sync().pending_count() == 0);
    const auto held = head_office.received();
    CHECK(held.size() == 30);  // every entry reached head office (some twice: answered as repeats)
    CHECK(held.begin()->first == 1);
    CHECK(held.rbegin()->first == 30);
    CHECK(store.verify_journal().ok);
}
