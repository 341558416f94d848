// Processes killed at the worst moment: head office (the real pos-headoffice) while a large
// upload is being stored, and the terminal (sync_child) while it applies a large first catalogue.
#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <thread>

#include "child_process.hpp"
#include "head_office_fixture.hpp"
#include "server_process.hpp"
#include "sync_checks.hpp"

using namespace testing_support;

namespace {

std::int64_t entries_held(HeadOfficeFixture& office) {
    const auto sales = office.head_office().store_sales("S001");
    return sales.ok() ? sales->entries : -1;
}

std::vector<std::string> serve_command(HeadOfficeFixture& office) {
    return {built_program("headoffice/server/pos-headoffice"),
            "serve",
            "--db",
            office.location(),
            "--port",
            std::to_string(office.port())};
}

void kill_head_office_mid_batch(Backend backend) {
    INFO("backend: " << std::string(backend_name(backend)));
    HeadOfficeFixture office(backend, 20);
    TerminalOptions options;
    options.sync.upload_batch = headoffice::max_upload_batch;
    TestTerminal t01(office, "T01", office.url(), options);
    office.stop_server();  // the real pos-headoffice serves the same database from here on
    for (int i = 0; i < 200; ++i)
        t01.sell({code(1 + i % 20)});
    const std::int64_t queued = t01.store().pending_outbox_count();

    auto server = std::make_unique<ChildProcess>(serve_command(office),
                                                 t01.file().parent_path() / "server-1.log");
    REQUIRE_MESSAGE(wait_until_healthy(office.url(), 10'000), server->log());
    std::atomic<bool> upload_done{false};
    std::thread uploader([&] {
        (void)t01.sync().upload_pending();
        upload_done = true;
    });
    std::int64_t held_at_kill = 0;
    while (!upload_done && (held_at_kill = entries_held(office)) <= 0)
        std::this_thread::sleep_for(std::chrono::microseconds(200));
    server->kill();
    uploader.join();
    MESSAGE("head office held " << held_at_kill << " of " << queued
                                << " entries when it was killed");
    if (held_at_kill > 0 && held_at_kill < queued)  // killed mid-batch: no answer, nothing acked
        CHECK(t01.store().pending_outbox_count() == queued);

    server = std::make_unique<ChildProcess>(serve_command(office),
                                            t01.file().parent_path() / "server-2.log");
    REQUIRE_MESSAGE(wait_until_healthy(office.url(), 10'000), server->log());
    sync_fully(t01);
    check_recovered(office, "S001", {&t01});
    server->kill();
}

}  // namespace

TEST_CASE(
    "Head office killed while a large upload is in flight loses no sale and duplicates "
    "none once it is back (SQLite)") {
    kill_head_office_mid_batch(Backend::sqlite);
}

TEST_CASE(
    "Head office killed while a large upload is in flight loses no sale and duplicates "
    "none once it is back (PostgreSQL)") {
    kill_head_office_mid_batch(Backend::postgresql);
}

// Products head office's change log holds at or before `cursor` for a terminal of S001.
std::int64_t products_through(HeadOfficeFixture& office, std::int64_t cursor) {
    std::int64_t products = 0;
    std::int64_t after = 0;
    while (after < cursor) {
        const auto reply =
            office.head_office().changes({"S001", "T01"}, after, headoffice::max_changes_batch);
        REQUIRE_MESSAGE(reply.ok(), (reply.ok() ? "" : reply.error().message));
        for (const auto& change : reply->changes) {
            if (change.sequence <= cursor && change.kind == "product")
                ++products;
        }
        if (reply->changes.empty())
            break;
        after = reply->next_cursor;
    }
    return products;
}

constexpr int catalogue_size = 10'000;  // five batches of 2,000: big enough to be killed mid-way

TEST_CASE(
    "A terminal killed while applying a large first catalogue completes it on the next "
    "run, equal to head office's") {
    HeadOfficeFixture office(Backend::sqlite, catalogue_size);
    TerminalOptions options;
    options.load_catalogue = false;
    TestTerminal t01(office, "T01", office.url(), options);
    const std::vector<std::string> download{built_program("tests/headoffice/sync_child"),
                                            t01.file().string(), office.url(), "2000"};

    const std::string line = kill_after_line(download, "applied");
    REQUIRE_MESSAGE(!line.empty(), "the download printed no applied batch before it ended");
    const db::SyncState killed = t01.store().sync().state();
    CHECK(killed.cursor > 0);
    CHECK_FALSE(killed.first_load_done);
    CHECK(t01.store().product_count() < catalogue_size);
    // Whole batches only: exactly the products the change log holds up to the saved cursor.
    CHECK(t01.store().product_count() == products_through(office, killed.cursor));

    const Finished again = run_program(download);
    REQUIRE_MESSAGE(again.exit_code == 0, again.err);
    CHECK(again.out.find("done") != std::string::npos);
    CHECK(t01.store().sync().state().first_load_done);
    check_catalogue_matches(office, t01);

    t01.sell({code(catalogue_size - 1)});
    sync_fully(t01);
    check_recovered(office, "S001", {&t01});
}
