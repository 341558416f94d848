#include <doctest/doctest.h>

#include "service_helpers.hpp"

using db_test::TempDir;

namespace {

std::vector<std::string> codes(const std::vector<db::LookupProduct>& found) {
    std::vector<std::string> out;
    for (const auto& p : found)
        out.push_back(p.product.code);
    return out;
}

std::string query_plan(db::Database& db, const std::string& sql) {
    db::Statement plan(db, "EXPLAIN QUERY PLAN " + sql);
    std::string text;
    while (plan.step())
        text += plan.column_text(3) + "\n";
    return text;
}

}  // namespace

TEST_CASE("Lookup finds a product by any code, brand start, code start or name words") {
    TempDir dir;
    auto store = db_test::service_store(dir.file("t.db"));
    store->database().exec(
        "UPDATE products SET brand = 'Bodegas Riojanas'"
        " WHERE name = 'Rioja Red 75 cl'",
        "setting a brand");
    auto& lookup = store->lookup();

    const auto milk = lookup.find("4000000000020", db_test::at);  // the second barcode
    REQUIRE(milk);
    CHECK(milk->product.name == "Whole Milk 1 L");
    CHECK(milk->barcodes == std::vector<std::string>{"4000000000013", "4000000000020"});
    CHECK_FALSE(lookup.find("4000000000051", db_test::at));

    CHECK(codes(lookup.search("bodeg", 10, db_test::at)) ==
          std::vector<std::string>{"4000000000044"});
    CHECK(lookup.search("BODEGAS", 10, db_test::at)[0].brand == "Bodegas Riojanas");
    CHECK(codes(lookup.search("40000000000", 2, db_test::at)).size() == 2);
    CHECK(codes(lookup.search("sourd", 10, db_test::at)) ==
          std::vector<std::string>{"4000000000037"});
    CHECK(lookup.search("", 10, db_test::at).empty());
    CHECK(lookup.product_by_id(milk->product.id, db_test::at)->code == "4000000000013");
}

TEST_CASE("Lookup's searches are index ranges, never a scan of the products") {
    TempDir dir;
    auto store = db_test::service_store(dir.file("t.db"));
    const auto statements = db::lookup_search_sql();
    REQUIRE(statements.size() == 3);
    const std::string by_code = query_plan(store->database(), statements[0]);
    const std::string by_brand = query_plan(store->database(), statements[1]);
    const std::string together = query_plan(store->database(), statements[2]);
    CHECK(by_code.find("SEARCH barcodes USING") != std::string::npos);
    CHECK(by_brand.find("products_by_brand") != std::string::npos);
    CHECK(together.find("SEARCH bought_together USING") != std::string::npos);
    for (const std::string& plan : {by_code, by_brand, together}) {
        CHECK_MESSAGE(plan.find("SCAN") == std::string::npos, plan);
        CHECK_MESSAGE(plan.find("TEMP B-TREE") == std::string::npos, plan);
    }
}

TEST_CASE("Completed sales count the products bought together, both ways") {
    TempDir dir;
    auto store = db_test::service_store(dir.file("t.db"));
    const auto milk = store->catalogue().find_by_code("4000000000013", db_test::at)->id;
    const auto bread = store->catalogue().find_by_code("4000000000037", db_test::at)->id;
    const auto wine = store->catalogue().find_by_code("4000000000044", db_test::at)->id;
    for (int i = 0; i < 2; ++i) {
        db_test::complete(
            *store,
            db_test::paid_ticket(
                *store, "T01",
                {{"4000000000013", 1000}, {"4000000000037", 1000}, {"4000000000013", 1000}}, 1000),
            db_test::at);
    }
    db_test::complete(*store,
                      db_test::paid_ticket(
                          *store, "T01", {{"4000000000037", 1000}, {"4000000000044", 1000}}, 2000),
                      db_test::at);
    const auto counts = store->lookup().bought_together({bread}, 10);
    REQUIRE(counts.size() == 2);
    CHECK(counts[0].other_id == milk);
    CHECK(counts[0].times == 2);  // the same product twice on a ticket counts once
    CHECK(counts[1].other_id == wine);
    CHECK(counts[1].times == 1);
    const auto from_milk = store->lookup().bought_together({milk}, 10);
    REQUIRE(from_milk.size() == 1);
    CHECK(from_milk[0].other_id == bread);
    CHECK(pos::rank_suggestions({milk}, from_milk, 5)[0].product_id == bread);
}
