// HeadOffice's change log over both backends: paging with a cursor, rows moving past it when
// updated, per-store settings, the tax table in every reply, staff records, commit-ordered
// sequences under concurrent writers, and the CSV imports that feed it.
#include <doctest/doctest.h>

#include <atomic>
#include <map>
#include <set>
#include <thread>

#include "db/journal.hpp"
#include "server_helpers.hpp"

using namespace server_test;

namespace {

template <typename T>
std::string message_of(const pos::Result<T>& result) {
    return result.ok() ? std::string() : result.error().message;
}

// The change-log keys a reply holds, as "kind:key".
std::vector<std::string> keys_of(const headoffice::ChangesReply& reply) {
    std::vector<std::string> keys;
    for (const pos::ReferenceChange& change : reply.changes)
        keys.push_back(change.kind + ":" + change.key);
    return keys;
}

pos::PromotionRecord promotion(const std::string& id) {
    pos::PromotionRecord record;
    record.promotion.id = id;
    record.promotion.name = "3 for 2 " + id;
    record.promotion.buy_quantity = 3;
    record.promotion.pay_quantity = 2;
    record.product_codes = {milk};
    return record;
}

}  // namespace

TEST_CASE("Changes come in pages after a cursor, and an updated row moves past the cursor") {
    for (const Backend backend : backends) {
        const std::string backend_name = name_of(backend);
        CAPTURE(backend_name);
        Chain chain(backend);  // three products
        for (const char* id : {"P1", "P2", "P3"})
            REQUIRE(chain.head_office.add_promotion(promotion(id)));

        const auto page = chain.head_office.changes(t01, 0, 4);
        REQUIRE(page.ok());
        CHECK(keys_of(*page) == std::vector<std::string>{
                                    "product:" + std::string(milk), "product:" + std::string(bread),
                                    "product:" + std::string(wine), "promotion:P1"});
        CHECK(page->remaining == 2);
        CHECK(page->next_cursor == page->changes.back().sequence);

        pos::ProductRecord dearer = product(milk, "Whole Milk 1 L", 129);
        dearer.barcodes = {milk, milk_second_barcode};
        REQUIRE(chain.head_office.add_products({dearer}));

        const auto rest = chain.head_office.changes(t01, page->next_cursor, 100);
        REQUIRE(rest.ok());
        CHECK(keys_of(*rest) == std::vector<std::string>{"promotion:P2", "promotion:P3",
                                                         "product:" + std::string(milk)});
        CHECK(rest->remaining == 0);
        const auto& record = std::get<pos::ProductRecord>(rest->changes.back().record);
        CHECK(record.unit_price_minor == 129);
        CHECK(record.barcodes == std::vector<std::string>{milk, milk_second_barcode});

        const auto full = chain.head_office.changes(t01, 0, 100);
        CHECK(full->changes.size() == 6);  // a full resync: the current state, once per key
        const auto& p1 = std::get<pos::PromotionRecord>(full->changes[2].record);
        CHECK(p1.promotion.name == "3 for 2 P1");
        CHECK(p1.product_codes == std::vector<std::string>{milk});
    }
}

TEST_CASE("A store's own settings reach only that store, and override the chain's") {
    for (const Backend backend : backends) {
        const std::string backend_name = name_of(backend);
        CAPTURE(backend_name);
        Chain chain(backend);
        REQUIRE(chain.head_office.set_store_setting("", {"receipt_footer", "Thank you"}));
        REQUIRE(chain.head_office.set_store_setting("", {"receipt_header", "Counter Markets"}));
        REQUIRE(chain.head_office.set_store_setting("S001", {"receipt_header", "High Street"}));
        const auto settings_of = [&](const headoffice::Identity& who) {
            std::map<std::string, std::string> seen;
            const auto reply = chain.head_office.changes(who, 0, 100);
            REQUIRE(reply.ok());
            for (const pos::ReferenceChange& change : reply->changes) {
                if (change.kind == "setting") {
                    const auto& setting = std::get<pos::SettingRecord>(change.record);
                    seen[setting.key] = setting.value;
                }
            }
            return seen;
        };
        CHECK(settings_of(t01) ==
              std::map<std::string, std::string>{{"receipt_footer", "Thank you"},
                                                 {"receipt_header", "High Street"}});
        CHECK(settings_of(t11) ==
              std::map<std::string, std::string>{{"receipt_footer", "Thank you"},
                                                 {"receipt_header", "Counter Markets"}});

        const auto refused = chain.head_office.set_store_setting("S001", {"terminal_id", "T09"});
        REQUIRE_FALSE(refused.ok());
        CHECK(refused.error().message.find("terminal_id") != std::string::npos);
        CHECK(chain.count("settings") == 3);
    }
}

TEST_CASE("Every changes reply carries the whole tax table, even with no changes") {
    for (const Backend backend : backends) {
        const std::string backend_name = name_of(backend);
        CAPTURE(backend_name);
        Chain chain(backend);
        REQUIRE(chain.head_office.add_tax_rate({"B", "VAT 6%", pos::Rate{60'000}}));
        const auto reply = chain.head_office.changes(t11, 1'000'000, 10);
        REQUIRE(reply.ok());
        CHECK(reply->changes.empty());
        CHECK(reply->next_cursor == 1'000'000);
        CHECK(reply->tax_rates == std::vector<pos::TaxRate>{{"A", "VAT 20%", pos::Rate{200'000}},
                                                            {"B", "VAT 6%", pos::Rate{60'000}}});
    }
}

TEST_CASE("Staff travel with an argon2id PIN hash and a SHA-256 badge hash, never the PIN") {
    for (const Backend backend : backends) {
        const std::string backend_name = name_of(backend);
        CAPTURE(backend_name);
        Chain chain(backend);
        REQUIRE(chain.head_office.create_user("1001", "Sam Clerk", pos::Role::clerk, "1234",
                                              "BADGE-77"));
        const auto bad = chain.head_office.create_user("1002", "Kim", pos::Role::clerk, "12", "");
        REQUIRE_FALSE(bad.ok());
        CHECK(bad.error().message == "The PIN of user 1002 must be 4 to 8 digits");

        const auto reply = chain.head_office.changes(t01, 0, 100);
        const auto& user = std::get<pos::UserRecord>(reply->changes.back().record);
        CHECK(user.code == "1001");
        CHECK(user.pin_hash.rfind("$argon2id$", 0) == 0);
        CHECK(user.badge_hash == db::sha256_hex("BADGE-77"));
        CHECK(chain.count("users") == 1);
    }
}

TEST_CASE("Two writers on PostgreSQL: a reader following the cursor never misses a change") {
    Chain chain(Backend::postgresql);
    constexpr int per_writer = 40;
    std::atomic<int> writers_done{0};
    const auto writer = [&](const std::string& prefix) {
        for (int i = 0; i < per_writer; ++i)
            CHECK(chain.head_office.add_promotion(promotion(prefix + std::to_string(i))).ok());
        ++writers_done;
    };
    std::set<std::string> seen;
    std::int64_t cursor = 0;
    bool ordered = true;
    const auto read_more = [&] {
        const auto reply = chain.head_office.changes(t01, cursor, 7);
        REQUIRE(reply.ok());
        for (const pos::ReferenceChange& change : reply->changes) {
            ordered = ordered && change.sequence > cursor;
            cursor = change.sequence;
            seen.insert(change.key);
        }
        return !reply->changes.empty();
    };
    std::thread first(writer, "A");
    std::thread second(writer, "B");
    while (writers_done.load() < 2)
        read_more();
    first.join();
    second.join();
    while (read_more()) {
    }
    CHECK(ordered);
    for (int i = 0; i < per_writer; ++i) {
        CHECK(seen.count("A" + std::to_string(i)) == 1);
        CHECK(seen.count("B" + std::to_string(i)) == 1);
    }
}

TEST_CASE("A catalogue CSV stores its good rows and reports each bad row by line") {
    for (const Backend backend : backends) {
        const std::string backend_name = name_of(backend);
        CAPTURE(backend_name);
        Chain chain(backend);
        const auto report = chain.head_office.import_catalogue_csv(
            "code,name,department,tax_code,price,unit\n"
            "5000000000012,Oat Milk 1 L,Dairy,B,1.89,each\n"
            "5000000000029,Mystery Box,Misc,Z,4.00,each\n"
            "5000000000036,Cheddar,Dairy,B,\"12,50\",each\n");
        REQUIRE_MESSAGE(report.ok(), message_of(report));
        std::string reasons;
        for (const headoffice::RejectedRow& row : report->rejected)
            reasons += row.reason + "\n";
        CHECK_MESSAGE(report->accepted == 1, reasons);
        REQUIRE_MESSAGE(report->rejected.size() == 2, reasons);
        CHECK(report->rejected[0].line == 3);
        CHECK(report->rejected[0].reason.find("tax code 'Z'") != std::string::npos);
        CHECK(report->rejected[1].line == 4);
        CHECK(chain.count("products") == 4);
        const auto changes = chain.head_office.changes(t01, 0, 100);
        const auto& oat = std::get<pos::ProductRecord>(changes->changes.back().record);
        CHECK(oat.code == "5000000000012");
        CHECK(oat.unit_price_minor == 189);

        const auto prices =
            chain.head_office.import_prices_csv("code,price,effective_from\n" + std::string(bread) +
                                                ",3.79,2026-12-01\n99999,1.00,2026-12-01\n");
        REQUIRE_MESSAGE(prices.ok(), message_of(prices));
        CHECK(prices->accepted == 1);
        REQUIRE(prices->rejected.size() == 1);
        CHECK(prices->rejected[0].line == 3);
        CHECK(prices->rejected[0].reason.find("no product 99999") != std::string::npos);
        const auto after = chain.head_office.changes(t01, changes->next_cursor, 100);
        REQUIRE(after->changes.size() == 1);
        const auto& sourdough = std::get<pos::ProductRecord>(after->changes[0].record);
        CHECK(sourdough.prices == std::vector<pos::PriceEntry>{{1'796'083'200'000, 379}});
    }
}

TEST_CASE("A product whose barcode has a wrong check digit is refused, naming the right digit") {
    for (const Backend backend : backends) {
        const std::string backend_name = name_of(backend);
        CAPTURE(backend_name);
        Chain chain(backend);
        const auto refused = chain.head_office.add_products(
            {product("5000000000012", "Oat Milk 1 L", 189), product("20000001", "Oats", 99)});
        REQUIRE_FALSE(refused.ok());
        CHECK(refused.error().message ==
              "Product 2: barcode 20000001 has a wrong check digit (the last digit should be 4);"
              " nothing was saved");
        CHECK(chain.count("products") == 3);
        CHECK(chain.head_office.changes(t01, 0, 100)->changes.size() == 3);
    }
}
