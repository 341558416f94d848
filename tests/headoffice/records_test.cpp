// Service records at head office (customers, interactions, loyalty movements, stock requests,
// special orders): each outcome of an upload, the change log carrying them to other stores, the
// answers to requests, on-order and shelf locations in stock replies, and deposit lines. Every
// case runs on SQLite and on PostgreSQL.
#include <doctest/doctest.h>

#include <algorithm>

#include "head_office_fixture.hpp"
#include "headoffice/client/transport.hpp"
#include "headoffice/server/internal.hpp"
#include "server_helpers.hpp"

using namespace server_test;
using headoffice::RecordOutcome;
using headoffice::RecordsUpload;
using pos::StockRequestStatus;

namespace {

pos::Customer customer(const std::string& id, const std::string& name, std::int64_t updated) {
    pos::Customer c;
    c.id = id;
    c.card = pos::new_loyalty_card(7);
    c.name = name;
    c.phone = "02079460958";
    c.email = "ann@example.com";
    c.home_store = "S001";
    c.created_at_ms = 1;
    c.updated_at_ms = updated;
    return c;
}

pos::Interaction interaction(const std::string& id, const std::string& store,
                             std::int64_t updated) {
    pos::Interaction i;
    i.id = id;
    i.number = store + "-" + id;
    i.kind = pos::InteractionKind::complaint;
    i.category = "product quality";
    i.said = "The milk was sour";
    i.store_code = store;
    i.opened_at_ms = 1;
    i.updated_at_ms = updated;
    return i;
}

pos::LoyaltyMovement movement(const std::string& id, std::int64_t points,
                              const std::string& store = "S001") {
    return {id, "C1", points, "ticket-1", "R1", store, 10};
}

pos::StockRequest request(const std::string& id, pos::StockRequestKind kind,
                          std::int64_t updated = 5) {
    pos::StockRequest r;
    r.id = id;
    r.kind = kind;
    r.product_code = milk;
    r.quantity_milli = 2000;
    r.from_store = "S002";
    r.to_store = "S001";
    r.created_at_ms = 5;
    r.updated_at_ms = updated;
    return r;
}

pos::SpecialOrder special_order(const std::string& id, const std::string& store) {
    const pos::Currency eur = pos::Currency::of("EUR", 2);
    pos::SpecialOrder o;
    o.id = id;
    o.number = "SO-T01-" + id;
    o.customer_id = "C1";
    o.customer_name = "Ann";
    o.product_code = wine;
    o.quantity = pos::Quantity{6000};
    o.unit_price = pos::Money(899, eur);
    o.total = pos::Money(5394, eur);
    o.deposit = pos::Money(1100, eur);
    o.deposit_held = pos::Money(1100, eur);
    o.status = pos::SpecialOrderStatus::ordered;
    o.store_code = store;
    o.created_at_ms = 3;
    o.updated_at_ms = 3;
    return o;
}

// Uploads the records as `who` and returns each one's outcome.
std::vector<headoffice::RecordResult> send(Chain& chain, const headoffice::Identity& who,
                                           std::vector<pos::ServiceRecord> records) {
    const auto reply = chain.head_office.upload_records(who, RecordsUpload{std::move(records)});
    REQUIRE_MESSAGE(reply.ok(), (reply.ok() ? "" : reply.error().message));
    return reply->results;
}

// The change a terminal of `who`'s store receives for (kind, key), if any.
std::optional<pos::ReferenceChange> change_for(Chain& chain, const headoffice::Identity& who,
                                               const std::string& kind, const std::string& key) {
    const auto reply = chain.head_office.changes(who, 0, 5000);
    REQUIRE(reply.ok());
    for (const auto& change : reply->changes) {
        if (change.kind == kind && change.key == key)
            return change;
    }
    return std::nullopt;
}

const pos::StockLevel* level_of(const std::vector<pos::StockLevel>& levels,
                                const std::string& store, const std::string& code) {
    const auto found = std::find_if(levels.begin(), levels.end(), [&](const auto& l) {
        return l.store_code == store && l.product_code == code;
    });
    return found == levels.end() ? nullptr : &*found;
}

}  // namespace

TEST_CASE("Service records are stored once; an older state is stale and a repeat is stored") {
    for (const Backend backend : backends) {
        CAPTURE(name_of(backend));
        Chain chain(backend);
        auto results = send(chain, t01, {customer("C1", "Ann Smith", 20)});
        REQUIRE(results.size() == 1);
        CHECK(results[0].outcome == RecordOutcome::stored);
        CHECK(results[0].kind == "customer");
        CHECK(results[0].key == "C1");

        results = send(chain, t01, {customer("C1", "Ann Smith", 20)});
        CHECK(results[0].outcome == RecordOutcome::stored);
        results = send(chain, t11, {customer("C1", "Ann Smyth", 10)});
        CHECK(results[0].outcome == RecordOutcome::stale);
        results = send(chain, t11, {customer("C1", "Ann Jones", 30)});
        CHECK(results[0].outcome == RecordOutcome::stored);  // any store may edit a customer

        const auto found = chain.head_office.find_customers("ann", 10);
        REQUIRE(found.size() == 1);
        CHECK(found[0].name == "Ann Jones");
        CHECK(chain.head_office.find_customers("7946", 10).size() == 1);
        CHECK(chain.head_office.find_customers(pos::new_loyalty_card(7), 10).size() == 1);
        CHECK(chain.head_office.find_customers("bob", 10).empty());
        CHECK(chain.count("customers") == 1);
    }
}

TEST_CASE("A record that belongs to another store, or is malformed, is refused with a message") {
    for (const Backend backend : backends) {
        CAPTURE(name_of(backend));
        Chain chain(backend);
        pos::Customer bad_phone = customer("C2", "Bob", 5);
        bad_phone.phone = "0207-ABC";
        pos::Customer no_name = customer("C3", " ", 5);
        pos::StockRequest to_other = request("R1", pos::StockRequestKind::hold);
        to_other.to_store = "S002";
        to_other.from_store = "S001";
        pos::StockRequest unknown_store = request("R2", pos::StockRequestKind::hold);
        unknown_store.from_store = "S999";
        const auto results =
            send(chain, t01,
                 {interaction("I1", "S002", 5), to_other, special_order("O1", "S002"),
                  movement("L1", 50, "S002"), bad_phone, no_name, unknown_store});
        REQUIRE(results.size() == 7);
        for (const auto& result : results) {
            CAPTURE(result.key);
            CHECK(result.outcome == RecordOutcome::refused);
        }
        CHECK(results[0].message.find("belongs to store S002") != std::string::npos);
        CHECK(results[0].message.find("S001") != std::string::npos);
        CHECK(results[1].message.find("stock request R1 belongs to store S002") !=
              std::string::npos);
        CHECK(results[2].message.find("special order") != std::string::npos);
        CHECK(results[3].message.find("loyalty movement L1") != std::string::npos);
        CHECK(results[4].message.find("0207-ABC") != std::string::npos);
        CHECK(results[5].message.find("name is empty") != std::string::npos);
        CHECK(results[6].message.find("no store 'S999'") != std::string::npos);
        for (const char* table : {"customers", "interactions", "stock_requests", "special_orders",
                                  "loyalty_movements", "change_log WHERE kind <> 'product'"})
            CHECK(chain.count(table) == 0);
    }
}

TEST_CASE("Customers, interactions, loyalty and requests reach another store's terminals") {
    for (const Backend backend : backends) {
        CAPTURE(name_of(backend));
        Chain chain(backend);
        const pos::Customer ann = customer("C1", "Ann", 5);
        const pos::Interaction complaint = interaction("I1", "S001", 5);
        const pos::LoyaltyMovement earned = movement("L1", 120);
        const pos::StockRequest hold = request("R1", pos::StockRequestKind::hold);
        const pos::SpecialOrder order = special_order("O1", "S001");
        for (const auto& result : send(chain, t01, {ann, complaint, earned, hold, order}))
            CHECK(result.outcome == RecordOutcome::stored);

        const auto check = [&](const std::string& kind, const std::string& key,
                               const auto& expected) {
            CAPTURE(kind);
            const auto change = change_for(chain, t11, kind, key);
            REQUIRE(change.has_value());
            const auto* held = std::get_if<std::decay_t<decltype(expected)>>(&change->record);
            REQUIRE(held != nullptr);
            CHECK(*held == expected);
        };
        check("customer", "C1", ann);
        check("interaction", "I1", complaint);
        check("loyalty", "L1", earned);
        check("stock_request", "R1", hold);
        CHECK_FALSE(change_for(chain, t11, "special_order", "O1").has_value());
        REQUIRE(chain.head_office.special_orders("S001").size() == 1);
        CHECK(chain.head_office.special_orders("S001")[0] == order);
        CHECK(chain.head_office.special_orders("S002").empty());

        // An edit moves the row to a new sequence: one row per record, newest state.
        const auto before = change_for(chain, t11, "interaction", "I1")->sequence;
        pos::Interaction resolved = complaint;
        resolved.status = pos::InteractionStatus::resolved;
        resolved.done = "Refunded";
        resolved.updated_at_ms = 9;
        CHECK(send(chain, t02, {resolved})[0].outcome == RecordOutcome::stored);
        const auto after = change_for(chain, t11, "interaction", "I1");
        REQUIRE(after.has_value());
        CHECK(after->sequence > before);
        REQUIRE(std::holds_alternative<pos::Interaction>(after->record));
        CHECK(std::get<pos::Interaction>(after->record) == resolved);
        CHECK(chain.count("change_log WHERE kind = 'interaction'") == 1);
        CHECK(chain.head_office.interactions("S001", false).empty());
        CHECK(chain.head_office.interactions("S001", true).size() == 1);
        CHECK(chain.head_office.interactions("", true).size() == 1);
    }
}

TEST_CASE("A loyalty movement counts once, and never changes") {
    for (const Backend backend : backends) {
        CAPTURE(name_of(backend));
        Chain chain(backend);
        CHECK(send(chain, t01, {movement("L1", 120), movement("L2", -50)})[1].outcome ==
              RecordOutcome::stored);
        CHECK(send(chain, t02, {movement("L1", 120)})[0].outcome == RecordOutcome::stored);
        const auto changed = send(chain, t01, {movement("L1", 999)});
        CHECK(changed[0].outcome == RecordOutcome::refused);
        CHECK(changed[0].message.find("never changes") != std::string::npos);
        CHECK(chain.head_office.customer_points("C1") == 70);
        CHECK(chain.count("loyalty_movements") == 2);
    }
}

TEST_CASE("Stock replies carry on order, expected day, location and the chain's stores") {
    for (const Backend backend : backends) {
        CAPTURE(name_of(backend));
        Chain chain(backend);
        chain.clock.now = 1000;
        REQUIRE(chain.head_office.adjust_stock(
            {headoffice::StockAdjustment::Kind::supplier_receipt, "DN-1", "S001", "", milk, 5000}));
        chain.clock.now = 2000;
        REQUIRE(chain.head_office.set_on_order("S002", milk, 12'000, 20'500));
        REQUIRE(chain.head_office.set_location("S002", milk_second_barcode, "Aisle 4, bay 2"));

        const auto all = chain.head_office.stock_of(milk);
        REQUIRE(all.ok());
        CHECK(all->stores ==
              std::vector<pos::StoreInfo>{{"S001", "High Street"}, {"S002", "Station Road"}});
        const auto* s002 = level_of(all->levels, "S002", milk);
        REQUIRE(s002 != nullptr);
        CHECK(*s002 == pos::StockLevel{"S002", milk, 0, 12'000, 20'500, "Aisle 4, bay 2"});
        REQUIRE(level_of(all->levels, "S001", milk) != nullptr);
        CHECK(level_of(all->levels, "S001", milk)->quantity_milli == 5000);

        const auto since = chain.head_office.stock_since(1500);
        REQUIRE(since.ok());
        REQUIRE(since->levels.size() == 1);  // only the on-order/location change
        CHECK(since->levels[0] == *s002);
        CHECK(since->stores.size() == 2);

        CHECK(chain.head_office.set_on_order("S003", milk, 1000, 20'500)
                  .error()
                  .message.find("S003") != std::string::npos);
        CHECK(!chain.head_office.set_on_order("S001", milk, 1000, 0));
        CHECK(!chain.head_office.set_location("S001", "999", "Aisle 1"));
    }
}

TEST_CASE("A supplier receipt takes what arrived off what is on order, not below zero") {
    for (const Backend backend : backends) {
        CAPTURE(name_of(backend));
        Chain chain(backend);
        REQUIRE(chain.head_office.set_on_order("S001", milk, 10'000, 20'500));
        const auto receive = [&](const std::string& reference, std::int64_t milli) {
            REQUIRE(
                chain.head_office.adjust_stock({headoffice::StockAdjustment::Kind::supplier_receipt,
                                                reference, "S001", "", milk, milli}));
        };
        const auto on_order = [&] {
            const auto* level = level_of(chain.head_office.store_stock("S001"), "S001", milk);
            return level ? std::pair{level->on_order_milli, level->expected_day}
                         : std::pair<std::int64_t, std::int64_t>{-1, -1};
        };
        receive("DN-1", 4000);
        CHECK(on_order() == std::pair<std::int64_t, std::int64_t>{6000, 20'500});
        receive("DN-1", 4000);  // the same delivery note again: counted once
        CHECK(on_order() == std::pair<std::int64_t, std::int64_t>{6000, 20'500});
        receive("DN-2", 9000);
        CHECK(on_order() == std::pair<std::int64_t, std::int64_t>{0, 0});
        CHECK(chain.level("S001", milk) == 13'000);
    }
}

TEST_CASE("Head office answers requests along the allowed steps; a transfer moves stock once") {
    for (const Backend backend : backends) {
        CAPTURE(name_of(backend));
        Chain chain(backend);
        chain.clock.now = 100;
        REQUIRE(send(chain, t01, {request("R1", pos::StockRequestKind::transfer)})[0].outcome ==
                RecordOutcome::stored);
        REQUIRE(send(chain, t01, {request("R2", pos::StockRequestKind::hold)})[0].outcome ==
                RecordOutcome::stored);
        CHECK(chain.head_office.stock_requests("S002").size() == 2);
        CHECK(chain.head_office.stock_requests("").size() == 2);

        const auto skipped =
            chain.head_office.answer_stock_request("R1", StockRequestStatus::completed, "");
        REQUIRE(!skipped);
        CHECK(skipped.error().message.find("requested") != std::string::npos);
        CHECK(skipped.error().message.find("completed") != std::string::npos);
        CHECK(!chain.head_office.answer_stock_request("R9", StockRequestStatus::accepted, ""));

        REQUIRE(chain.head_office.answer_stock_request("R1", StockRequestStatus::accepted,
                                                       "Sending Friday"));
        REQUIRE(chain.head_office.answer_stock_request("R1", StockRequestStatus::ready, ""));
        REQUIRE(chain.head_office.answer_stock_request("R1", StockRequestStatus::completed, ""));
        CHECK(chain.level("S002", milk) == -2000);
        CHECK(chain.level("S001", milk) == 2000);
        CHECK(!chain.head_office.answer_stock_request("R1", StockRequestStatus::completed, ""));
        CHECK(chain.level("S001", milk) == 2000);  // never moved twice

        const auto change = change_for(chain, t01, "stock_request", "R1");
        REQUIRE(change.has_value());
        const auto& answered = std::get<pos::StockRequest>(change->record);
        CHECK(answered.status == StockRequestStatus::completed);
        CHECK(answered.status_note == "Sending Friday");
        // The terminal's older state now arrives stale; a step back is refused.
        CHECK(send(chain, t01, {request("R1", pos::StockRequestKind::transfer)})[0].outcome ==
              RecordOutcome::stale);
        REQUIRE(chain.head_office.answer_stock_request("R2", StockRequestStatus::accepted, ""));
        pos::StockRequest back = request("R2", pos::StockRequestKind::hold, 1'000'000);
        const auto refused = send(chain, t01, {back});
        CHECK(refused[0].outcome == RecordOutcome::refused);
        CHECK(refused[0].message.find("accepted") != std::string::npos);
        back.status = StockRequestStatus::cancelled;
        CHECK(send(chain, t01, {back})[0].outcome == RecordOutcome::stored);
    }
}

TEST_CASE("A special order's deposit line moves no stock") {
    for (const Backend backend : backends) {
        CAPTURE(name_of(backend));
        Chain chain(backend);
        Till till("T01");
        till.sell({{wine, 1000}, {milk, 1000}});
        auto upload = till.upload_from();
        REQUIRE(upload.entries.size() == 1);
        auto& entry = upload.entries[0];
        // Line 1 as the terminal journals a deposit line (db/journal.cpp: line.N.special_order).
        entry.payload += "line.1.special_order=SO-T01-000001\n";
        entry.hash = headoffice::detail::entry_hash(entry.prev_hash, entry.payload);
        const auto reply = chain.head_office.upload(t01, upload);
        REQUIRE(reply.ok());
        CHECK(reply->results[0].outcome == headoffice::EntryOutcome::stored);
        CHECK(chain.level("S001", wine) == 0);
        CHECK(chain.level("S001", milk) == -1000);
    }
}

TEST_CASE("POST /v1/records needs credentials; a corrupt body is 400 and stores nothing") {
    for (const auto backend :
         {testing_support::Backend::sqlite, testing_support::Backend::postgresql}) {
        CAPTURE(testing_support::backend_name(backend));
        testing_support::HeadOfficeFixture office(backend, 3);
        const auto transport = headoffice::http_transport(office.url());
        const auto enrolled = transport->send(
            "POST", "/v1/enrol",
            headoffice::encode(headoffice::EnrolRequest{office.enrolment_code("T01"), "till 1"}),
            "");
        REQUIRE(enrolled.status == 200);
        const std::string token = headoffice::decode<headoffice::EnrolReply>(enrolled.body)->token;
        const std::string body =
            headoffice::encode(RecordsUpload{{customer("C1", "Ann", 5), movement("L1", 10)}});

        CHECK(transport->send("POST", "/v1/records", body, "").status == 401);
        CHECK(transport->send("POST", "/v1/records", body, "not-a-token").status == 401);
        const auto corrupt =
            transport->send("POST", "/v1/records", body.substr(0, body.size() / 2), token);
        CHECK(corrupt.status == 400);
        CHECK(office.head_office().find_customers("Ann", 10).empty());

        const auto sent = transport->send("POST", "/v1/records", body, token);
        REQUIRE_MESSAGE(sent.status == 200, sent.body);
        const auto reply = headoffice::decode<headoffice::RecordsReply>(sent.body);
        REQUIRE(reply.ok());
        REQUIRE(reply->results.size() == 2);
        CHECK(reply->results[0].outcome == RecordOutcome::stored);
        CHECK(reply->results[1].outcome == RecordOutcome::stored);
        CHECK(office.head_office().customer_points("C1") == 10);
    }
}
