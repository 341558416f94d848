// The customer-service records on the wire (up in POST /v1/records, down in the change log) and
// the stock reply's new fields: every record comes back as sent, and every bad field is named.
#include <doctest/doctest.h>

#include <string>

#include "headoffice/protocol/protocol.hpp"

using namespace headoffice;

namespace {

const pos::Currency eur = pos::Currency::of("EUR", 2);

pos::Customer sample_customer() {
    pos::Customer c;
    c.id = "c-1";
    c.card = "LC0000000017";
    c.name = "Ann \"Nan\" Lee";
    c.phone = "+442079460958";
    c.email = "ann@example.com";
    c.consent = {true, false, true};
    c.store_credit_account = "SC-9";
    c.note = "prefers calls after 5pm";
    c.home_store = "S001";
    c.created_at_ms = 1'790'000'000'000;
    c.updated_at_ms = 1'790'000'500'000;
    return c;
}

pos::Interaction sample_interaction() {
    pos::Interaction i;
    i.id = "i-1";
    i.number = "S001-000042";
    i.kind = pos::InteractionKind::complaint;
    i.category = "product quality";
    i.customer_id = "c-1";
    i.customer_name = "Ann Lee";
    i.receipt_number = "T01-000123";
    i.said = "The kettle leaks";
    i.done = "Exchanged";
    i.status = pos::InteractionStatus::resolved;
    i.store_code = "S001";
    i.handled_by = 7;
    i.handled_by_name = "Bo";
    i.opened_at_ms = 1'790'000'000'000;
    i.updated_at_ms = 1'790'000'900'000;
    i.resolved_at_ms = 1'790'000'900'000;
    i.follow_up_day = 20'700;
    i.outcome_receipts = {"T01-000130", "T01-000131"};
    return i;
}

pos::LoyaltyMovement sample_movement() {
    return {"m-1", "c-1", -250, "ticket-9", "T01-000124", "S001", 1'790'000'100'000};
}

pos::StockRequest sample_request() {
    pos::StockRequest r;
    r.id = "r-1";
    r.kind = pos::StockRequestKind::transfer;
    r.product_code = "20000011";
    r.product_name = "Kettle";
    r.quantity_milli = 2000;
    r.from_store = "S002";
    r.to_store = "S001";
    r.customer_id = "c-1";
    r.customer_name = "Ann Lee";
    r.note = "by Friday";
    r.status = pos::StockRequestStatus::ready;
    r.status_note = "Shipped Tuesday";
    r.requested_by = 7;
    r.requested_by_name = "Bo";
    r.created_at_ms = 1'790'000'000'000;
    r.updated_at_ms = 1'790'000'700'000;
    return r;
}

pos::SpecialOrder sample_order() {
    pos::SpecialOrder o;
    o.id = "o-1";
    o.number = "SO-T01-000007";
    o.customer_id = "c-1";
    o.customer_name = "Ann Lee";
    o.product_code = "20000028";
    o.product_name = "Blue teapot";
    o.quantity = pos::Quantity::units(2);
    o.unit_price = pos::Money(2000, eur);
    o.total = pos::Money(4000, eur);
    o.deposit = pos::Money(800, eur);
    o.deposit_held = pos::Money(800, eur);
    o.status = pos::SpecialOrderStatus::arrived;
    o.store_code = "S001";
    o.deposit_receipt = "T01-000125";
    o.expected_day = 20'710;
    o.note = "gift";
    o.created_at_ms = 1'790'000'000'000;
    o.updated_at_ms = 1'790'000'800'000;
    return o;
}

std::vector<pos::ServiceRecord> every_service_record() {
    return {sample_customer(), sample_interaction(), sample_movement(), sample_request(),
            sample_order()};
}

// `text` with the one occurrence of `from` replaced by `to` (encoded JSON has no spaces).
std::string replaced(std::string text, const std::string& from, const std::string& to) {
    const auto at = text.find(from);
    REQUIRE_MESSAGE(at != std::string::npos, from);
    return text.replace(at, from.size(), to);
}

// The error a RecordsUpload of every record, with `from` replaced by `to`, decodes to.
std::string upload_error(const std::string& from, const std::string& to) {
    const auto decoded =
        decode<RecordsUpload>(replaced(encode(RecordsUpload{every_service_record()}), from, to));
    REQUIRE_FALSE(decoded.ok());
    return decoded.error().message;
}

}  // namespace

TEST_CASE("every service record comes back exactly as sent, alone and in an upload") {
    for (const auto& record : every_service_record()) {
        CAPTURE(pos::service_kind(record));
        const auto decoded =
            decode_service_record(pos::service_kind(record), encode_service_record(record));
        REQUIRE(decoded.ok());
        CHECK(*decoded == record);
    }
    const RecordsUpload upload{every_service_record()};
    const auto decoded = decode<RecordsUpload>(encode(upload));
    REQUIRE(decoded.ok());
    CHECK(decoded->records == upload.records);
}

TEST_CASE("a special order keeps its amounts in minor units and its currency") {
    const std::string text = encode_service_record(sample_order());
    CHECK(text.find(R"("deposit_minor":800)") != std::string::npos);
    CHECK(text.find(R"("currency":"EUR")") != std::string::npos);
    const auto decoded = decode_service_record("special_order", text);
    REQUIRE(decoded.ok());
    const auto& order = std::get<pos::SpecialOrder>(*decoded);
    CHECK(order.total == pos::Money(4000, eur));
    CHECK(order.quantity.milli == 2000);
}

TEST_CASE("customer-service records travel in the change log, deleted ones without a record") {
    ChangesReply changes;
    changes.changes = {{1, "customer", "c-1", false, sample_customer()},
                       {2, "interaction", "i-1", false, sample_interaction()},
                       {3, "loyalty", "m-1", false, sample_movement()},
                       {4, "stock_request", "r-1", false, sample_request()},
                       {5, "customer", "c-2", true, pos::Customer{}}};
    changes.next_cursor = 5;
    const auto decoded = decode<ChangesReply>(encode(changes));
    REQUIRE(decoded.ok());
    REQUIRE(decoded->changes.size() == 5);
    for (std::size_t i = 0; i < 4; ++i)
        CHECK(decoded->changes[i].kind == changes.changes[i].kind);
    CHECK(std::get<pos::Customer>(decoded->changes[0].record) == sample_customer());
    CHECK(std::get<pos::Interaction>(decoded->changes[1].record) == sample_interaction());
    CHECK(std::get<pos::LoyaltyMovement>(decoded->changes[2].record) == sample_movement());
    CHECK(std::get<pos::StockRequest>(decoded->changes[3].record) == sample_request());
    CHECK(decoded->changes[4].deleted);
    CHECK(std::get<pos::Customer>(decoded->changes[4].record).id == "c-2");

    const auto one = decode_record("stock_request", encode_record(sample_request()));
    REQUIRE(one.ok());
    CHECK(std::get<pos::StockRequest>(*one) == sample_request());
}

TEST_CASE("enums travel as pos's own words") {
    for (auto kind : {pos::InteractionKind::inquiry, pos::InteractionKind::complaint,
                      pos::InteractionKind::request}) {
        auto interaction = sample_interaction();
        interaction.kind = kind;
        const std::string word = std::string(pos::to_string(kind));
        CHECK(encode_service_record(interaction).find(R"("kind":")" + word + "\"") !=
              std::string::npos);
    }
    for (auto status : {pos::SpecialOrderStatus::awaiting_deposit, pos::SpecialOrderStatus::ordered,
                        pos::SpecialOrderStatus::arrived, pos::SpecialOrderStatus::collected,
                        pos::SpecialOrderStatus::cancelled}) {
        auto order = sample_order();
        order.status = status;
        const std::string word = std::string(pos::to_string(status));
        CHECK(encode_service_record(order).find(R"("status":")" + word + "\"") !=
              std::string::npos);
    }
    for (auto status : {pos::StockRequestStatus::requested, pos::StockRequestStatus::accepted,
                        pos::StockRequestStatus::declined, pos::StockRequestStatus::ready,
                        pos::StockRequestStatus::completed, pos::StockRequestStatus::cancelled}) {
        auto request = sample_request();
        request.status = status;
        const std::string word = std::string(pos::to_string(status));
        CHECK(encode_service_record(request).find(R"("status":")" + word + "\"") !=
              std::string::npos);
    }
    CHECK(encode_service_record(sample_interaction()).find(R"("status":"resolved")") !=
          std::string::npos);
    CHECK(encode_service_record(sample_request()).find(R"("kind":"transfer")") !=
          std::string::npos);
}

TEST_CASE("a records reply comes back with every outcome and message") {
    const RecordsReply reply{{{"customer", "c-1", RecordOutcome::stored, ""},
                              {"interaction", "i-1", RecordOutcome::stale, ""},
                              {"loyalty", "m-1", RecordOutcome::refused, "not yours"}}};
    const std::string text = encode(reply);
    CHECK(text.find(R"("outcome":"stale")") != std::string::npos);
    const auto decoded = decode<RecordsReply>(text);
    REQUIRE(decoded.ok());
    REQUIRE(decoded->results.size() == 3);
    CHECK(decoded->results[1].outcome == RecordOutcome::stale);
    CHECK(decoded->results[2].outcome == RecordOutcome::refused);
    CHECK(decoded->results[2].message == "not yours");
    CHECK(decoded->results[2].key == "m-1");
    CHECK(to_string(RecordOutcome::stored) == "stored");

    const auto bad =
        decode<RecordsReply>(replaced(text, R"("outcome":"stale")", R"("outcome":"lost")"));
    REQUIRE_FALSE(bad.ok());
    CHECK(bad.error().message ==
          "results[1].outcome: unknown value 'lost' (expected stored, stale or refused)");
}

TEST_CASE("a bad field in an upload is named with its path") {
    SUBCASE("points with a fraction") {
        CHECK(upload_error(R"("points":-250)", R"("points":1.5)") ==
              "records[2].record.points: expected an integer, got a decimal number (1.5)");
    }
    SUBCASE("money with a fraction") {
        CHECK(upload_error(R"("deposit_minor":800)", R"("deposit_minor":8.5)") ==
              "records[4].record.deposit_minor: expected an integer, got a decimal number (8.5)");
    }
    SUBCASE("a consent given as text") {
        CHECK(upload_error(R"("sms":false)", R"("sms":"no")") ==
              "records[0].record.consent.sms: expected true or false, got a string");
    }
    SUBCASE("a missing field") {
        CHECK(upload_error(R"("said":"The kettle leaks",)", "") ==
              "records[1].record.said: missing");
    }
    SUBCASE("a missing consent") {
        CHECK(upload_error(R"("consent":{"email":true,"post":true,"sms":false},)", "") ==
              "records[0].record.consent: missing");
    }
    SUBCASE("an unknown status word") {
        CHECK(upload_error(R"("status":"arrived")", R"("status":"lost")") ==
              "records[4].record.status: unknown value 'lost' (expected awaiting_deposit, "
              "ordered, arrived, collected or cancelled)");
    }
    SUBCASE("an unknown interaction kind") {
        CHECK(upload_error(R"("kind":"complaint")", R"("kind":"praise")") ==
              "records[1].record.kind: unknown value 'praise' (expected inquiry, complaint or "
              "request)");
    }
    SUBCASE("an unknown record kind") {
        CHECK(upload_error(R"("kind":"loyalty")", R"("kind":"coupon")") ==
              "records[2].kind: unknown value 'coupon' (expected customer, interaction, "
              "loyalty, stock_request or special_order)");
    }
    SUBCASE("a list of receipts holding a number") {
        CHECK(upload_error(R"(["T01-000130","T01-000131"])", R"(["T01-000130",131])") ==
              "records[1].record.outcome_receipts[1]: expected a string, got an integer");
    }
    SUBCASE("a currency code that is not three letters") {
        CHECK(upload_error(R"("currency":"EUR")", R"("currency":"EURO")") ==
              "records[4].record.currency: expected a 3-letter code, got 'EURO'");
    }
}

TEST_CASE("a single service record names its wrong field and its kind must be known") {
    const auto bad = decode_service_record(
        "loyalty", replaced(encode_service_record(sample_movement()), R"("at_ms":1790000100000)",
                            R"("at_ms":"yesterday")"));
    REQUIRE_FALSE(bad.ok());
    CHECK(bad.error().message == "at_ms: expected an integer, got a string");

    const auto unknown = decode_service_record("coupon", "{}");
    REQUIRE_FALSE(unknown.ok());
    CHECK(unknown.error().message.find("unknown record kind 'coupon'") == 0);

    const auto change = decode_record("customer", R"({"id":"c-1"})");
    REQUIRE_FALSE(change.ok());
    CHECK(change.error().message == "card: missing");
}

TEST_CASE("a stock reply carries what is on order, where it sits, and the stores' names") {
    StockReply reply;
    reply.as_of_ms = 1'790'000'000'000;
    reply.levels = {{"S001", "20000011", 3000, 12'000, 20'710, "Aisle 4, bay 2"},
                    {"S002", "20000011", 0, 0, 0, ""}};
    reply.stores = {{"S001", "High Street"}, {"S002", "Market Square"}};
    const auto decoded = decode<StockReply>(encode(reply));
    REQUIRE(decoded.ok());
    CHECK(decoded->levels == reply.levels);
    CHECK(decoded->stores == reply.stores);

    const auto bad_store =
        decode<StockReply>(replaced(encode(reply), R"("name":"Market Square")", R"("name":7)"));
    REQUIRE_FALSE(bad_store.ok());
    CHECK(bad_store.error().message == "stores[1].name: expected a string, got an integer");

    const auto bad_level = decode<StockReply>(
        replaced(encode(reply), R"("on_order_milli":12000)", R"("on_order_milli":1.5)"));
    REQUIRE_FALSE(bad_level.ok());
    CHECK(bad_level.error().message ==
          "levels[0].on_order_milli: expected an integer, got a decimal number (1.5)");
}

TEST_CASE("a stock reply from an older head office, without the new fields, still reads") {
    const auto decoded = decode<StockReply>(
        R"({"as_of_ms":5,"levels":[{"store_code":"S001","product_code":"1","quantity_milli":2000}]})");
    REQUIRE(decoded.ok());
    REQUIRE(decoded->levels.size() == 1);
    CHECK(decoded->levels[0].quantity_milli == 2000);
    CHECK(decoded->levels[0].on_order_milli == 0);
    CHECK(decoded->levels[0].expected_day == 0);
    CHECK(decoded->levels[0].location.empty());
    CHECK(decoded->stores.empty());
}
