// The sync client's service records (customers, interactions, ...) going up to a scripted head
// office, and the stock lookups that keep what they learnt for later, offline.
#include <doctest/doctest.h>

#include "client_fakes.hpp"
#include "db/customer_service.hpp"
#include "db/store.hpp"
#include "fakes.hpp"
#include "headoffice/client/sync_client.hpp"
#include "temp_dir.hpp"

using namespace client_test;
using headoffice::HttpReply;
using headoffice::RecordOutcome;

namespace {

struct Rig {
    FakeHeadOffice head_office;
    MemorySyncStore store;
    fakes::Clock clock;
    headoffice::SyncOptions options;
    std::unique_ptr<headoffice::SyncClient> client;

    Rig() {
        store.sync.enrolment = enrolment();
        options.records_batch = 2;
    }
    headoffice::SyncClient& sync() {
        if (!client)
            client = std::make_unique<headoffice::SyncClient>(store, head_office, clock, options);
        return *client;
    }
    void queue_customers(int n) {
        for (int i = 1; i <= n; ++i)
            store.queue_record(customer(i, "Customer " + std::to_string(i)));
    }
    static pos::Customer customer(int i, const std::string& name) {
        pos::Customer c;
        c.id = "c-" + std::to_string(i);
        c.name = name;
        c.phone = "0207946095" + std::to_string(i % 10);
        c.updated_at_ms = 1'790'000'000'000 + i;
        return c;
    }
    std::vector<std::string> queued_ids() const {
        std::vector<std::string> ids;
        for (const auto& pending : store.record_queue)
            ids.push_back(pos::service_key(pending.record));
        return ids;
    }
    int records_posts() const {
        int posts = 0;
        for (const auto& path : head_office.paths())
            posts += path == "POST /v1/records" ? 1 : 0;
        return posts;
    }
};

std::vector<pos::StockLevel> kettle_levels() {
    return {{"S001", "20000011", 3000, 0, 0, "Aisle 4"},
            {"S002", "20000011", 7000, 12'000, 20'710, "Back room"},
            {"S002", "20000028", 1000, 0, 0, ""}};
}

const std::vector<pos::StoreInfo> two_stores = {{"S001", "High Street"}, {"S002", "Market Square"}};

}  // namespace

TEST_CASE("service records go up in batches and those head office holds leave the queue") {
    Rig rig;
    rig.queue_customers(5);
    CHECK(rig.sync().status().records_waiting == 5);
    const auto round = rig.sync().run_round();
    REQUIRE(round.ok());
    CHECK(round->records_sent == 5);
    CHECK(round->records_refused == 0);
    CHECK(rig.head_office.records_batches == std::vector<std::size_t>{2, 2, 1});
    CHECK(rig.head_office.records_received.size() == 5);
    CHECK(rig.store.record_queue.empty());
    CHECK(rig.sync().status().records_waiting == 0);
    CHECK(rig.sync().status().last_error.empty());
    // After the journal, before the changes come down.
    const auto paths = rig.head_office.paths();
    REQUIRE_FALSE(paths.empty());
    CHECK(paths.front() == "POST /v1/records");
    CHECK(paths[3].rfind("GET /v1/changes", 0) == 0);
}

TEST_CASE("a record head office holds a newer state of (stale) leaves the queue too") {
    Rig rig;
    rig.queue_customers(2);
    rig.head_office.record_outcome_of["c-1"] = RecordOutcome::stale;
    const auto sent = rig.sync().upload_records();
    REQUIRE(sent.ok());
    CHECK(*sent == 2);
    CHECK(rig.store.record_queue.empty());
}

TEST_CASE("a refused record stays queued, is paged past, and goes again next round") {
    Rig rig;
    rig.queue_customers(5);
    rig.head_office.record_outcome_of["c-2"] = RecordOutcome::refused;
    const auto round = rig.sync().run_round();
    REQUIRE(round.ok());
    CHECK(round->records_sent == 4);
    CHECK(round->records_refused == 1);
    CHECK(rig.head_office.records_batches == std::vector<std::size_t>{2, 2, 1});
    CHECK(rig.queued_ids() == std::vector<std::string>{"c-2"});
    const auto status = rig.sync().status();
    CHECK(status.online);
    CHECK(status.records_waiting == 1);
    CHECK(status.records_refused == 1);
    CHECK(status.last_error ==
          "head office refused customer 'c-2' (kept here to send again): belongs to another "
          "store");
    CHECK(status.last_record_refusal == status.last_error);

    rig.head_office.record_outcome_of.clear();  // fixed at head office
    const auto again = rig.sync().run_round();
    REQUIRE(again.ok());
    CHECK(again->records_sent == 1);
    CHECK(rig.store.record_queue.empty());
    CHECK(rig.sync().status().last_error.empty());
    CHECK(rig.sync().status().records_refused == 0);
}

TEST_CASE("a transport failure stops the upload and leaves the unsent records queued") {
    Rig rig;
    rig.queue_customers(4);
    int posts = 0;
    rig.head_office.before_answer = [&](const Request& request) {
        if (request.path == "/v1/records" && ++posts == 2) {
            std::lock_guard lock(rig.head_office.mutex);
            rig.head_office.canned.push_back({0, "", "connection reset by peer"});
        }
    };
    const auto round = rig.sync().run_round();
    REQUIRE_FALSE(round.ok());
    CHECK(round.error().message == "no answer from head office: connection reset by peer");
    CHECK(rig.queued_ids() == std::vector<std::string>{"c-3", "c-4"});
    const auto status = rig.sync().status();
    CHECK_FALSE(status.online);
    CHECK(status.records_waiting == 2);
    CHECK(status.last_error == "no answer from head office: connection reset by peer");
    // Nothing more was asked after the failure.
    CHECK(rig.head_office.paths().back() == "POST /v1/records");
}

TEST_CASE("a refusal of the whole upload (400) fails the round and keeps every record") {
    Rig rig;
    rig.queue_customers(2);
    rig.head_office.canned.push_back(
        {400, headoffice::encode(headoffice::ErrorReply{"records[1].record.name: missing"}), ""});
    const auto sent = rig.sync().upload_records();
    REQUIRE_FALSE(sent.ok());
    CHECK(sent.error().message == "head office answered 400: records[1].record.name: missing");
    CHECK(rig.store.record_queue.size() == 2);
}

TEST_CASE("an answer that does not match the records sent acknowledges nothing") {
    Rig rig;
    rig.queue_customers(2);
    rig.head_office.canned.push_back({200,
                                      headoffice::encode(headoffice::RecordsReply{
                                          {{"customer", "c-1", RecordOutcome::stored, ""},
                                           {"customer", "c-9", RecordOutcome::stored, ""}}}),
                                      ""});
    const auto sent = rig.sync().upload_records();
    REQUIRE_FALSE(sent.ok());
    CHECK(sent.error().message == "head office answered for record 'c-9' where 'c-2' was sent");
    CHECK(rig.store.record_queue.size() == 2);
}

TEST_CASE("a record edited while its older state was on the way stays queued and goes again") {
    Rig rig;
    rig.options.records_batch = 5;
    rig.queue_customers(3);
    bool edited = false;
    rig.head_office.before_answer = [&](const Request& request) {
        if (request.path == "/v1/records" && !edited) {
            edited = true;  // the clerk saves a new phone number meanwhile
            rig.store.queue_record(Rig::customer(1, "Customer 1, renamed"));
        }
    };
    const auto sent = rig.sync().upload_records();
    REQUIRE(sent.ok());
    // The first answer acknowledged the old state; the new one stayed and went in a second POST.
    CHECK(rig.head_office.records_batches == std::vector<std::size_t>{3, 1});
    REQUIRE(rig.head_office.records_received.size() == 4);
    const auto& last = std::get<pos::Customer>(rig.head_office.records_received.back());
    CHECK(last.name == "Customer 1, renamed");
    CHECK(rig.store.record_queue.empty());
}

TEST_CASE("records wait when the terminal is not enrolled, and nothing is sent") {
    Rig rig;
    rig.store.sync.enrolment.reset();
    rig.queue_customers(1);
    const auto sent = rig.sync().upload_records();
    REQUIRE_FALSE(sent.ok());
    CHECK(sent.error().message == "this terminal is not enrolled with head office");
    CHECK(rig.records_posts() == 0);
    CHECK(rig.store.record_queue.size() == 1);
}

TEST_CASE("a live stock lookup saves the stores and the levels for a later lookup offline") {
    Rig rig;
    rig.head_office.stock = kettle_levels();
    rig.head_office.stores = two_stores;
    rig.head_office.stock_as_of_ms = 1'790'000'123'000;
    const auto live = rig.sync().live_stock("20000011");
    REQUIRE(live.ok());
    CHECK(live->levels.size() == 2);
    CHECK(live->stores == two_stores);
    CHECK(rig.store.stores() == two_stores);
    const auto kept = rig.store.stock_of("20000011");
    REQUIRE(kept.size() == 2);
    CHECK(kept[1].level == kettle_levels()[1]);
    CHECK(kept[1].as_of_ms == 1'790'000'123'000);
    CHECK(rig.store.stock_of("20000028").empty());  // only what was asked for

    // Head office gone: the lookup fails, what was kept stays.
    rig.head_office.canned.push_back({0, "", "connection refused"});
    CHECK_FALSE(rig.sync().live_stock("20000011").ok());
    CHECK(rig.store.stock_of("20000011").size() == 2);
    CHECK(rig.store.stores() == two_stores);
}

TEST_CASE(
    "the stock snapshot keeps the stores' names; an older head office sending none keeps them") {
    Rig rig;
    rig.head_office.stock = kettle_levels();
    rig.head_office.stores = two_stores;
    REQUIRE(rig.sync().refresh_stock().ok());
    CHECK(rig.store.stores() == two_stores);
    CHECK(rig.store.stock_of("20000028").size() == 1);

    rig.head_office.stores.clear();
    REQUIRE(rig.sync().refresh_stock().ok());
    CHECK(rig.store.stores() == two_stores);
}

TEST_CASE("with the terminal's real store: refused records stay, edited ones go again") {
    testing_support::TempDir dir;
    auto opened = db::open_store(dir / "terminal.db");
    REQUIRE(opened.ok());
    db::Store& store = **opened;
    REQUIRE(store.sync().save_enrolment(enrolment()).ok());
    for (int i = 1; i <= 3; ++i)
        REQUIRE(store.customers().save(Rig::customer(i, "Customer " + std::to_string(i))).ok());
    REQUIRE(store.sync().pending_record_count() == 3);

    FakeHeadOffice head_office;
    head_office.record_outcome_of["c-2"] = RecordOutcome::refused;
    bool edited = false;
    head_office.before_answer = [&](const Request& request) {
        if (request.path == "/v1/records" && !edited) {
            edited = true;
            auto renamed = Rig::customer(3, "Customer 3, renamed");
            renamed.updated_at_ms += 1000;
            REQUIRE(store.customers().save(renamed).ok());
        }
    };
    fakes::Clock clock;
    headoffice::SyncOptions options;
    options.records_batch = 2;
    headoffice::SyncClient client(store.sync(), head_office, clock, options);
    const auto sent = client.upload_records();
    REQUIRE(sent.ok());
    const auto waiting = store.sync().pending_records(10, 0);
    REQUIRE(waiting.size() == 1);
    CHECK(pos::service_key(waiting[0].record) == "c-2");
    CHECK(client.status().records_waiting == 1);
    const auto& last = std::get<pos::Customer>(head_office.records_received.back());
    CHECK(last.id == "c-3");
    CHECK(last.name == "Customer 3, renamed");
}

TEST_CASE("with the terminal's real store: a live lookup is there for a lookup offline") {
    testing_support::TempDir dir;
    auto opened = db::open_store(dir / "terminal.db");
    REQUIRE(opened.ok());
    db::Store& store = **opened;
    REQUIRE(store.sync().save_enrolment(enrolment()).ok());
    FakeHeadOffice head_office;
    head_office.stock = kettle_levels();
    head_office.stores = two_stores;
    head_office.stock_as_of_ms = 1'790'000'123'000;
    fakes::Clock clock;
    headoffice::SyncClient client(store.sync(), head_office, clock, {});
    REQUIRE(client.live_stock("20000011").ok());
    CHECK(store.sync().stores() == two_stores);
    const auto kept = store.sync().stock_of("20000011");
    REQUIRE(kept.size() == 2);
    CHECK(kept[1].level.store_code == "S002");
    CHECK(kept[1].level.quantity_milli == 7000);
    CHECK(kept[1].level.on_order_milli == 12'000);
    CHECK(kept[1].level.location == "Back room");
    CHECK(kept[1].as_of_ms == 1'790'000'123'000);

    // One product's reading does not move the snapshot past every other product's changes.
    REQUIRE(client.refresh_stock().ok());
    CHECK(head_office.paths().back() == "GET /v1/stock?since_ms=0");
}
