#include <doctest/doctest.h>

#include <limits>
#include <string>

#include "headoffice/protocol/protocol.hpp"

using namespace headoffice;

namespace {

pos::ProductRecord sample_product() {
    pos::ProductRecord product;
    product.code = "20000001";
    product.barcodes = {"20000001", "5012345678900"};
    product.name = "Oat biscuits \"family\" pack, 400 g";
    product.department = "Grocery";
    product.brand = "Counter";
    product.tax_code = "B";
    product.unit_price_minor = 249;
    product.unit = pos::UnitOfSale::kilogram;
    product.prices = {{1'790'000'000'000, 229}, {1'800'000'000'000, 199}};
    return product;
}

pos::PromotionRecord sample_promotion() {
    pos::PromotionRecord record;
    record.promotion.id = "promo-7";
    record.promotion.name = "3 for 2";
    record.promotion.kind = pos::PromotionKind::buy_x_get_y;
    record.promotion.priority = 5;
    record.promotion.department = "Grocery";
    record.promotion.buy_quantity = 2;
    record.promotion.get_quantity = 1;
    record.promotion.get_percent_off = pos::Rate{500'000};
    record.promotion.starts_at_ms = 1'790'000'000'000;
    record.promotion.daily_from_minute = 17 * 60;
    record.promotion.daily_to_minute = 19 * 60;
    record.product_codes = {"20000001", "20000002"};
    record.get_product_codes = {"20000003"};
    return record;
}

JournalEntry sample_entry(std::int64_t sequence) {
    return {"T11",
            sequence,
            "sale",
            "0b7c2a64-5d1e-4c55-9d8e-1a2b3c4d5e6f",
            "0b7c2a64-5d1e-4c55-9d8e-1a2b3c4d5e6f",
            1'790'000'123'456,
            R"({"lines":[{"code":"20000001","quantity_milli":1000}],"total":249})",
            std::string(64, 'a'),
            std::string(64, 'b')};
}

// A ChangesReply whose first change is a product, with `product_field` spliced in as written.
std::string changes_with_product_field(const std::string& product_field) {
    return R"({"tax_rates":[],"next_cursor":1,"remaining":0,"changes":[{"sequence":1,)"
           R"("kind":"product","key":"1","deleted":false,"record":{"code":"1","barcodes":["1"],)"
           R"("name":"Tea","department":"","brand":"","tax_code":"A","unit":"each","prices":[],)" +
           product_field + "}}]}";
}

}  // namespace

TEST_CASE("an enrol request and its reply come back exactly as sent") {
    const EnrolRequest request{"7KQ2-9XMD", "till by the door"};
    const auto decoded_request = decode<EnrolRequest>(encode(request));
    REQUIRE(decoded_request.ok());
    CHECK(decoded_request->code == "7KQ2-9XMD");
    CHECK(decoded_request->terminal_name == "till by the door");

    const EnrolReply reply{"S001", "Counter Demo Store", "T01", "secret-token"};
    const auto decoded_reply = decode<EnrolReply>(encode(reply));
    REQUIRE(decoded_reply.ok());
    CHECK(decoded_reply->store_code == "S001");
    CHECK(decoded_reply->store_name == "Counter Demo Store");
    CHECK(decoded_reply->terminal_id == "T01");
    CHECK(decoded_reply->token == "secret-token");
}

TEST_CASE("an upload and its reply keep every entry, byte for byte, in order") {
    UploadRequest upload;
    upload.entries = {sample_entry(1), sample_entry(2)};
    upload.entries[1].payload = "line one\nline two \xC3\xA9 \"quoted\" \\ back";
    const auto decoded = decode<UploadRequest>(encode(upload));
    REQUIRE(decoded.ok());
    CHECK(decoded->entries == upload.entries);

    UploadReply reply;
    reply.results = {{1, EntryOutcome::stored, ""},
                     {2, EntryOutcome::repeat, ""},
                     {3, EntryOutcome::anomaly, "content differs from the entry held"},
                     {4, EntryOutcome::refused, "entry names terminal T02"}};
    reply.contiguous_through = 3;
    const auto decoded_reply = decode<UploadReply>(encode(reply));
    REQUIRE(decoded_reply.ok());
    REQUIRE(decoded_reply->results.size() == 4);
    for (std::size_t i = 0; i < 4; ++i) {
        CHECK(decoded_reply->results[i].sequence == reply.results[i].sequence);
        CHECK(decoded_reply->results[i].outcome == reply.results[i].outcome);
        CHECK(decoded_reply->results[i].message == reply.results[i].message);
    }
    CHECK(decoded_reply->contiguous_through == 3);
}

TEST_CASE("a change batch carries products, promotions, users, settings and the tax table") {
    ChangesReply reply;
    reply.tax_rates = {{"A", "VAT 20%", pos::Rate{200'000}}, {"B", "VAT 5%", pos::Rate{50'000}}};
    reply.changes.push_back({11, "product", "20000001", false, sample_product()});
    reply.changes.push_back({12, "promotion", "promo-7", false, sample_promotion()});
    reply.changes.push_back({13, "user", "1001", false,
                             pos::UserRecord{"1001", "Ann", pos::Role::supervisor,
                                             "$argon2id$v=19$...", "ab12", false}});
    reply.changes.push_back(
        {14, "setting", "receipt.header", false, pos::SettingRecord{"receipt.header", "Hi"}});
    reply.changes.push_back({15, "promotion", "promo-3", true, pos::PromotionRecord{}});
    reply.next_cursor = 15;
    reply.remaining = 4200;

    const auto decoded = decode<ChangesReply>(encode(reply));
    REQUIRE(decoded.ok());
    CHECK(decoded->tax_rates == reply.tax_rates);
    CHECK(decoded->next_cursor == 15);
    CHECK(decoded->remaining == 4200);
    REQUIRE(decoded->changes.size() == 5);
    CHECK(std::get<pos::ProductRecord>(decoded->changes[0].record) == sample_product());

    const auto& promotion = std::get<pos::PromotionRecord>(decoded->changes[1].record);
    CHECK(promotion.promotion.id == "promo-7");
    CHECK(promotion.promotion.kind == pos::PromotionKind::buy_x_get_y);
    CHECK(promotion.promotion.priority == 5);
    CHECK(promotion.promotion.get_percent_off == pos::Rate{500'000});
    CHECK(promotion.promotion.deal_price_minor == -1);
    CHECK(promotion.promotion.ends_at_ms == std::numeric_limits<std::int64_t>::max());
    CHECK(promotion.promotion.daily_from_minute == 17 * 60);
    CHECK(promotion.product_codes == sample_promotion().product_codes);
    CHECK(promotion.get_product_codes == std::vector<std::string>{"20000003"});

    CHECK(
        std::get<pos::UserRecord>(decoded->changes[2].record) ==
        pos::UserRecord{"1001", "Ann", pos::Role::supervisor, "$argon2id$v=19$...", "ab12", false});
    CHECK(std::get<pos::SettingRecord>(decoded->changes[3].record).value == "Hi");
    CHECK(decoded->changes[4].deleted);
    CHECK(decoded->changes[4].key == "promo-3");
    CHECK(decoded->changes[4].sequence == 15);
}

TEST_CASE("stock, ticket, health and error replies come back exactly as sent") {
    const StockReply stock{1'790'000'000'000, {{"S001", "20000001", 12'500}, {"S002", "1", -3000}}};
    const auto decoded_stock = decode<StockReply>(encode(stock));
    REQUIRE(decoded_stock.ok());
    CHECK(decoded_stock->as_of_ms == stock.as_of_ms);
    CHECK(decoded_stock->levels == stock.levels);

    TicketReply ticket;
    ticket.store_code = "S002";
    ticket.entry = sample_entry(42);
    ticket.returned_milli = {{"line-1", 1000}, {"line-2", 450}};
    ticket.post_voided_by = "T11-000043";
    const auto decoded_ticket = decode<TicketReply>(encode(ticket));
    REQUIRE(decoded_ticket.ok());
    CHECK(decoded_ticket->store_code == "S002");
    CHECK(decoded_ticket->entry == ticket.entry);
    CHECK(decoded_ticket->returned_milli == ticket.returned_milli);
    CHECK(decoded_ticket->post_voided_by == "T11-000043");

    const auto health = decode<HealthReply>(encode(HealthReply{"counter-sync-1", 5, "postgresql"}));
    REQUIRE(health.ok());
    CHECK(health->version == protocol_version);
    CHECK(health->server_time_ms == 5);
    CHECK(health->storage == "postgresql");

    const auto error = decode<ErrorReply>(encode(ErrorReply{"credentials revoked"}));
    REQUIRE(error.ok());
    CHECK(error->error == "credentials revoked");
}

TEST_CASE("a price with a fraction is refused, naming the field") {
    const auto decoded =
        decode<ChangesReply>(changes_with_product_field(R"("unit_price_minor":12.5)"));
    REQUIRE_FALSE(decoded.ok());
    CHECK(decoded.error().code == pos::ErrorCode::bad_input);
    CHECK(decoded.error().message ==
          "changes[0].record.unit_price_minor: expected an integer, got a decimal number (12.5)");
}

TEST_CASE("a price given as text is refused as the wrong type") {
    const auto decoded =
        decode<ChangesReply>(changes_with_product_field(R"("unit_price_minor":"12.50")"));
    REQUIRE_FALSE(decoded.ok());
    CHECK(decoded.error().message ==
          "changes[0].record.unit_price_minor: expected an integer, got a string");
}

TEST_CASE("a missing field is named with its full path") {
    const auto decoded = decode<ChangesReply>(changes_with_product_field(R"("colour":"red")"));
    REQUIRE_FALSE(decoded.ok());
    CHECK(decoded.error().message == "changes[0].record.unit_price_minor: missing");

    const auto upload = decode<UploadRequest>(R"({"entries":[{"terminal_id":"T01"}]})");
    REQUIRE_FALSE(upload.ok());
    CHECK(upload.error().message == "entries[0].sequence: missing");
}

TEST_CASE("a quantity with a fraction in a stock level is refused") {
    const auto decoded = decode<StockReply>(
        R"({"as_of_ms":1,"levels":[{"store_code":"S001","product_code":"1","quantity_milli":1.5}]})");
    REQUIRE_FALSE(decoded.ok());
    CHECK(decoded.error().message.starts_with("levels[0].quantity_milli: expected an integer"));
}

TEST_CASE("an unknown change kind, unit, role or outcome is refused with the word it got") {
    SUBCASE("change kind") {
        const auto decoded = decode<ChangesReply>(
            R"({"tax_rates":[],"next_cursor":1,"remaining":0,"changes":[{"sequence":1,)"
            R"("kind":"coupon","key":"1","deleted":false,"record":{}}]})");
        REQUIRE_FALSE(decoded.ok());
        CHECK(decoded.error().message ==
              "changes[0].kind: unknown value 'coupon' (expected product, promotion, user, "
              "setting, customer, interaction, loyalty or stock_request)");
    }
    SUBCASE("unit of sale") {
        std::string text = changes_with_product_field(R"("unit_price_minor":100)");
        text.replace(text.find(R"("unit":"each")"), 13, R"("unit":"box")");
        const auto decoded = decode<ChangesReply>(text);
        REQUIRE_FALSE(decoded.ok());
        CHECK(decoded.error().message ==
              "changes[0].record.unit: unknown value 'box' (expected each or kg)");
    }
    SUBCASE("role") {
        const auto decoded = decode<ChangesReply>(
            R"({"tax_rates":[],"next_cursor":1,"remaining":0,"changes":[{"sequence":1,)"
            R"("kind":"user","key":"1","deleted":false,"record":{"code":"1","name":"A",)"
            R"("role":"owner","pin_hash":"","badge_hash":"","active":true}}]})");
        REQUIRE_FALSE(decoded.ok());
        CHECK(decoded.error().message.starts_with("changes[0].record.role: unknown value 'owner'"));
    }
    SUBCASE("entry outcome") {
        const auto decoded = decode<UploadReply>(
            R"({"contiguous_through":0,"results":[{"sequence":1,"outcome":"lost","message":""}]})");
        REQUIRE_FALSE(decoded.ok());
        CHECK(decoded.error().message ==
              "results[0].outcome: unknown value 'lost' (expected stored, repeat, anomaly or "
              "refused)");
    }
}

TEST_CASE("a change that is not deleted must carry its record") {
    const auto decoded = decode<ChangesReply>(
        R"({"tax_rates":[],"next_cursor":1,"remaining":0,"changes":[{"sequence":1,)"
        R"("kind":"setting","key":"k","deleted":false,"record":null}]})");
    REQUIRE_FALSE(decoded.ok());
    CHECK(decoded.error().message ==
          "changes[0].record: missing (only a deleted change has no record)");
}

TEST_CASE("truncated JSON is refused as not valid JSON") {
    std::string text = encode(UploadRequest{{sample_entry(1)}});
    text.resize(text.size() / 2);
    const auto decoded = decode<UploadRequest>(text);
    REQUIRE_FALSE(decoded.ok());
    CHECK(decoded.error().code == pos::ErrorCode::bad_input);
    CHECK(decoded.error().message.starts_with("upload is not valid JSON: "));
    CHECK(decoded.error().message.find("parse error at line 1") != std::string::npos);
}

TEST_CASE("text that is not JSON at all is refused, and so is JSON that is not an object") {
    const auto garbage = decode<EnrolRequest>("<html>502 Bad Gateway</html>");
    REQUIRE_FALSE(garbage.ok());
    CHECK(garbage.error().message.starts_with("enrol request is not valid JSON: "));

    const auto empty = decode<HealthReply>("");
    REQUIRE_FALSE(empty.ok());
    CHECK(empty.error().message.starts_with("health is not valid JSON: "));

    const auto list = decode<ErrorReply>("[1,2]");
    REQUIRE_FALSE(list.ok());
    CHECK(list.error().message == "error reply: expected a JSON object, got an array");
}

TEST_CASE("a wrong type deep inside a ticket reply names the line it belongs to") {
    TicketReply ticket;
    ticket.entry = sample_entry(1);
    ticket.returned_milli = {{"line-9", 1000}};
    std::string text = encode(ticket);
    const std::string held = R"("line-9":1000)";
    text.replace(text.find(held), held.size(), R"("line-9":true)");
    const auto decoded = decode<TicketReply>(text);
    REQUIRE_FALSE(decoded.ok());
    CHECK(decoded.error().message ==
          "returned_milli.line-9: expected an integer, got true or false");
}

TEST_CASE("an integer beyond 64 bits is refused instead of wrapping") {
    const auto decoded = decode<HealthReply>(
        R"({"version":"counter-sync-1","server_time_ms":18446744073709551615,"storage":"sqlite"})");
    REQUIRE_FALSE(decoded.ok());
    CHECK(decoded.error().message == "server_time_ms: integer out of range");
}

TEST_CASE("fields a newer head office adds are ignored") {
    const auto decoded = decode<HealthReply>(
        R"({"version":"counter-sync-1","server_time_ms":7,"storage":"sqlite","region":"eu"})");
    REQUIRE(decoded.ok());
    CHECK(decoded->server_time_ms == 7);
}
