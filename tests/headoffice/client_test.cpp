// The terminal's sync client against a scripted head office (no network): what goes up, what is
// acknowledged, what comes down, and what the status says when head office fails.
#include <doctest/doctest.h>

#include "client_fakes.hpp"
#include "fakes.hpp"
#include "headoffice/client/sync_client.hpp"

using namespace client_test;
using headoffice::EntryOutcome;
using headoffice::HttpReply;

namespace {

struct Rig {
    FakeHeadOffice head_office;
    MemorySyncStore store;
    fakes::Clock clock;
    headoffice::SyncOptions options;
    std::unique_ptr<headoffice::SyncClient> client;

    Rig() {
        store.sync.enrolment = enrolment();
        options.upload_batch = 2;
        options.changes_batch = 5;
    }
    headoffice::SyncClient& sync() {
        if (!client)
            client = std::make_unique<headoffice::SyncClient>(store, head_office, clock, options);
        return *client;
    }
    std::vector<std::size_t> upload_sizes() const {
        std::vector<std::size_t> sizes;
        for (const auto& r : head_office.requests()) {
            if (r.path == "/v1/journal")
                sizes.push_back(
                    headoffice::decode<headoffice::UploadRequest>(r.body)->entries.size());
        }
        return sizes;
    }
};

HttpReply error_reply(int status, const std::string& why) {
    return {status, headoffice::encode(headoffice::ErrorReply{why}), ""};
}

}  // namespace

TEST_CASE("the outbox goes up in batches and every confirmed entry is acknowledged") {
    Rig rig;
    rig.store.add_entries(5);
    const auto round = rig.sync().run_round();
    REQUIRE(round.ok());
    CHECK(round->sent == 5);
    CHECK(round->refused == 0);
    CHECK(rig.upload_sizes() == std::vector<std::size_t>{2, 2, 1});
    CHECK(rig.store.pending_count() == 0);
    CHECK(rig.head_office.received().size() == 5);
    const auto status = rig.sync().status();
    CHECK(status.online);
    CHECK(status.queue_depth == 0);
    CHECK(status.last_success_ms == rig.clock.now);
    CHECK(status.last_error.empty());
    CHECK(rig.store.sync.last_success_ms == rig.clock.now);
}

TEST_CASE("a refused entry is kept and the entries after it are still sent and acknowledged") {
    Rig rig;
    rig.store.add_entries(5);
    rig.head_office.outcome_of[2] = EntryOutcome::refused;
    const auto round = rig.sync().run_round();
    REQUIRE(round.ok());
    CHECK(round->sent == 4);
    CHECK(round->refused == 1);
    CHECK(rig.store.acknowledged == std::set<std::int64_t>{1, 3, 4, 5});
    CHECK(rig.store.pending_count() == 1);
    const auto status = rig.sync().status();
    CHECK(status.online);
    CHECK(status.queue_depth == 1);
    CHECK(status.last_error.find("journal entry 2") != std::string::npos);
    CHECK(status.last_error.find("names another terminal") != std::string::npos);

    SUBCASE("the next round sends it again, and once accepted it is acknowledged") {
        rig.head_office.outcome_of.erase(2);
        REQUIRE(rig.sync().run_round().ok());
        CHECK(rig.store.pending_count() == 0);
        CHECK(rig.sync().status().last_error.empty());
        CHECK(rig.head_office.received().at(2) == 1);
    }
}

TEST_CASE("an entry held as an anomaly is acknowledged and counted in the status") {
    Rig rig;
    rig.store.add_entries(3);
    rig.head_office.outcome_of[3] = EntryOutcome::anomaly;
    REQUIRE(rig.sync().upload_pending().ok());
    CHECK(rig.store.pending_count() == 0);
    CHECK(rig.sync().status().anomalies == 1);
}

TEST_CASE("the change log is read to its end, with progress after each batch") {
    Rig rig;
    rig.head_office.change_log = products(12);
    rig.head_office.tax_rates = {fakes::vat20};
    std::vector<std::pair<std::int64_t, std::int64_t>> progress;
    std::vector<bool> loading;
    rig.sync().on_progress([&](const headoffice::SyncStatus& s) {
        progress.emplace_back(s.changes_loaded, s.changes_total);
        loading.push_back(s.loading_catalogue);
    });
    const auto applied = rig.sync().download_changes();
    REQUIRE(applied.ok());
    CHECK(*applied == 12);
    CHECK(rig.head_office.paths() == std::vector<std::string>{"GET /v1/changes?after=0&limit=5",
                                                              "GET /v1/changes?after=5&limit=5",
                                                              "GET /v1/changes?after=10&limit=5"});
    CHECK(progress ==
          std::vector<std::pair<std::int64_t, std::int64_t>>{{5, 12}, {10, 12}, {12, 12}});
    CHECK(loading == std::vector<bool>{true, true, true});
    CHECK_FALSE(rig.sync().status().loading_catalogue);
    CHECK(rig.store.sync.cursor == 12);
    CHECK(rig.store.sync.first_load_done);
    REQUIRE(rig.store.applied.size() == 3);
    CHECK(rig.store.applied[1].from_cursor == 5);
    CHECK(rig.store.applied[2].reached_end);
    CHECK(rig.store.applied[0].tax_rates.size() == 1);
    CHECK(rig.store.reference.size() == 12);

    SUBCASE("a later round asks only for what is new, and is not a catalogue load") {
        rig.head_office.change_log.push_back(products(13).back());
        loading.clear();
        REQUIRE(rig.sync().download_changes().ok());
        CHECK(rig.head_office.paths().back() == "GET /v1/changes?after=12&limit=5");
        CHECK(loading == std::vector<bool>{false});
        CHECK(rig.store.sync.cursor == 13);
    }
}

TEST_CASE("a batch another worker applied first is skipped and the download goes on") {
    Rig rig;
    rig.head_office.change_log = products(12);
    bool other_worker_done = false;
    rig.store.before_apply = [&](const db::ChangeBatch& batch) {
        if (other_worker_done || batch.from_cursor != 0)
            return;
        other_worker_done = true;  // the other worker applies 1..5 first
        rig.store.applied.push_back(batch);
        rig.store.sync.cursor = 5;
    };
    const auto applied = rig.sync().download_changes();
    REQUIRE(applied.ok());
    CHECK(*applied == 7);  // this worker's own: 6..12
    CHECK(rig.head_office.paths()[1] == "GET /v1/changes?after=5&limit=5");
    CHECK(rig.store.sync.cursor == 12);
}

TEST_CASE("a head office failure says what was wrong and leaves the outbox as it was") {
    Rig rig;
    rig.store.add_entries(3);
    std::string expected;
    SUBCASE("a 500 with its reason") {
        rig.head_office.canned.push_back(error_reply(500, "database unavailable"));
        expected = "head office answered 500: database unavailable";
    }
    SUBCASE("a 503 with a body that is not an error reply") {
        rig.head_office.canned.push_back({503, "<html>busy</html>", ""});
        expected = "head office answered 503: <html>busy</html>";
    }
    SUBCASE("no answer at all") {
        rig.head_office.canned.push_back({0, "", "connection refused by 127.0.0.1:9"});
        expected = "no answer from head office: connection refused by 127.0.0.1:9";
    }
    SUBCASE("an answer that cannot be read") {
        rig.head_office.canned.push_back({200, "{\"results\": 7}", ""});
        expected = "head office's answer could not be read: ";
    }
    const auto round = rig.sync().run_round();
    REQUIRE_FALSE(round.ok());
    CHECK(round.error().message.rfind(expected, 0) == 0);
    CHECK(rig.store.pending_count() == 3);
    CHECK(rig.store.sync.last_success_ms == 0);
    const auto status = rig.sync().status();
    CHECK_FALSE(status.online);
    CHECK(status.queue_depth == 3);
    CHECK(status.last_error == round.error().message);
    CHECK_FALSE(status.credentials_revoked);
}

TEST_CASE("an undecodable answer names the field that was wrong") {
    const auto read =
        headoffice::read_reply<headoffice::UploadReply>({200, "{\"results\": 7}", ""});
    REQUIRE_FALSE(read.ok());
    CHECK(read.error().message.find("results") != std::string::npos);
}

TEST_CASE("revoked credentials stop sync until the terminal is enrolled again") {
    Rig rig;
    rig.store.add_entries(2);
    rig.head_office.token = "new-token";  // head office no longer takes the old one
    const auto round = rig.sync().run_round();
    REQUIRE_FALSE(round.ok());
    CHECK(round.error().message == "head office answered 401: credentials revoked");
    auto status = rig.sync().status();
    CHECK(status.credentials_revoked);
    CHECK(status.enrolled);  // kept, so the clerk sees why rather than "not connected"
    CHECK(rig.store.sync.enrolment.has_value());

    const auto asked = rig.head_office.requests().size();
    const auto again = rig.sync().run_round();
    REQUIRE_FALSE(again.ok());
    CHECK(again.error().message.find("enrolled again") != std::string::npos);
    CHECK(rig.head_office.requests().size() == asked);  // head office was not asked again
    CHECK(rig.store.pending_count() == 2);

    rig.head_office.enrol_reply.token = "new-token";
    const auto enrolled = rig.sync().enrol("http://127.0.0.1:9", "CODE-1234", "till by the door");
    REQUIRE(enrolled.ok());
    CHECK(enrolled->terminal_id == "T01");
    CHECK(rig.store.sync.enrolment->token == "new-token");
    REQUIRE(rig.sync().run_round().ok());
    status = rig.sync().status();
    CHECK_FALSE(status.credentials_revoked);
    CHECK(rig.store.pending_count() == 0);
}

TEST_CASE("an enrolment head office refuses names why and saves nothing") {
    Rig rig;
    rig.store.sync.enrolment.reset();
    rig.head_office.canned.push_back(error_reply(400, "enrolment code unknown or already used"));
    const auto enrolled = rig.sync().enrol("http://127.0.0.1:9", "WRONG", "");
    REQUIRE_FALSE(enrolled.ok());
    CHECK(enrolled.error().message ==
          "head office answered 400: enrolment code unknown or already used");
    CHECK_FALSE(rig.store.sync.enrolment.has_value());
    CHECK(rig.head_office.requests().front().token.empty());
}

TEST_CASE("a terminal that is not enrolled asks head office nothing") {
    Rig rig;
    rig.store.sync.enrolment.reset();
    rig.store.add_entries(1);
    const auto round = rig.sync().run_round();
    REQUIRE_FALSE(round.ok());
    CHECK(round.error().message == "this terminal is not enrolled with head office");
    CHECK(rig.head_office.requests().empty());
    CHECK_FALSE(rig.sync().status().enrolled);
}

TEST_CASE("the stock snapshot is refreshed with a two-minute overlap") {
    Rig rig;
    rig.store.sync.stock_as_of_ms = 1'000'000;
    rig.head_office.stock = {{"S002", "20000001", 5'000}};
    rig.head_office.stock_as_of_ms = 1'500'000;
    REQUIRE(rig.sync().refresh_stock().ok());
    CHECK(rig.head_office.paths().back() == "GET /v1/stock?since_ms=880000");
    const auto rows = rig.store.stock_of("20000001");
    REQUIRE(rows.size() == 1);
    CHECK(rows[0].level.quantity_milli == 5'000);
    CHECK(rows[0].as_of_ms == 1'500'000);
    CHECK(rig.store.sync.stock_as_of_ms == 1'500'000);
}

TEST_CASE("a ticket from another store and live stock are asked for by their codes") {
    Rig rig;
    rig.head_office.canned.push_back(error_reply(404, "no ticket S002-T11-000009"));
    const auto ticket = rig.sync().lookup_ticket("S002-T11-000009");
    REQUIRE_FALSE(ticket.ok());
    CHECK(ticket.error().code == pos::ErrorCode::not_found);
    CHECK(ticket.error().message == "head office answered 404: no ticket S002-T11-000009");
    rig.head_office.canned.push_back(
        {200, headoffice::encode(headoffice::StockReply{42, {{"S001", "20000001", 3'000}}}), ""});
    const auto stock = rig.sync().live_stock("20000001");
    REQUIRE(stock.ok());
    CHECK(stock->levels.at(0).quantity_milli == 3'000);
    CHECK(rig.head_office.paths() ==
          std::vector<std::string>{"GET /v1/tickets/S002-T11-000009", "GET /v1/stock/20000001"});
    CHECK(rig.head_office.requests().back().token == "good-token");
}
