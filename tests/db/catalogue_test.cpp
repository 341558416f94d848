#include <doctest/doctest.h>

#include <algorithm>

#include "helpers.hpp"

using db_test::TempDir;

namespace {

std::vector<std::string> names(const std::vector<pos::Product>& products) {
    std::vector<std::string> out;
    for (const auto& product : products)
        out.push_back(product.name);
    return out;
}

bool has(const std::vector<pos::Product>& products, const std::string& name) {
    return std::any_of(products.begin(), products.end(),
                       [&](const pos::Product& p) { return p.name == name; });
}

}  // namespace

TEST_CASE("A scanned code finds its product with price, unit and tax rate") {
    TempDir dir;
    auto store = db_test::small_store(dir.file("terminal.db"));
    auto& catalogue = store->catalogue();

    const auto wine = catalogue.find_by_code("4000000000044", db_test::at);
    REQUIRE(wine.has_value());
    CHECK(wine->name == "Rioja Red 75 cl");
    CHECK(wine->code == "4000000000044");
    CHECK(wine->department == "Grocery");
    CHECK(wine->unit_price == pos::Money(899, db_test::eur()));
    CHECK(wine->unit == pos::UnitOfSale::each);
    CHECK(wine->tax == pos::TaxRate{"A", "VAT 20%", pos::Rate{200'000}});

    const auto bananas = catalogue.find_by_code("4011", db_test::at);
    REQUIRE(bananas.has_value());
    CHECK(bananas->unit == pos::UnitOfSale::kilogram);
    CHECK(bananas->tax.code == "B");

    SUBCASE("a second barcode finds the same product, shown with its primary code") {
        const auto milk = catalogue.find_by_code("4000000000020", db_test::at);
        REQUIRE(milk.has_value());
        CHECK(milk->name == "Whole Milk 1 L");
        CHECK(milk->code == "4000000000013");
        CHECK(milk->id == catalogue.find_by_code("4000000000013", db_test::at)->id);
    }
    SUBCASE("an unknown or partial code finds nothing") {
        CHECK_FALSE(catalogue.find_by_code("4000000000051", db_test::at).has_value());
        CHECK_FALSE(catalogue.find_by_code("400000000004", db_test::at).has_value());
        CHECK_FALSE(catalogue.find_by_code("", db_test::at).has_value());
        CHECK_FALSE(catalogue.find_by_code("4011' OR '1'='1", db_test::at).has_value());
    }
}

TEST_CASE("Name search treats every typed word as a prefix") {
    TempDir dir;
    auto store = db_test::small_store(dir.file("terminal.db"));
    REQUIRE(
        store->add_products({db_test::product("5000000000012", "Chocolate Digestives 300 g", 139),
                             db_test::product("5000000000029", "Digestive Biscuits 400 g", 99),
                             db_test::product("5000000000036", "Dark Chocolate 100 g", 189),
                             db_test::product("5000000000043", "Rosé Wine 75 cl", 749, "A")}));
    auto& catalogue = store->catalogue();

    CHECK(names(catalogue.search("choc dig", 10, db_test::at)) ==
          std::vector<std::string>{"Chocolate Digestives 300 g"});
    CHECK(names(catalogue.search("dig CHOC", 10, db_test::at)) ==
          std::vector<std::string>{"Chocolate Digestives 300 g"});
    CHECK(names(catalogue.search("dig", 10, db_test::at)) ==
          std::vector<std::string>{"Chocolate Digestives 300 g", "Digestive Biscuits 400 g"});
    CHECK(has(catalogue.search("whole", 10, db_test::at), "Whole Milk 1 L"));
    CHECK(has(catalogue.search("rose", 10, db_test::at),
              "Rosé Wine 75 cl"));  // accents need not be typed
    CHECK(has(catalogue.search("rosé", 10, db_test::at), "Rosé Wine 75 cl"));
    CHECK(catalogue.search("chocolate milk", 10, db_test::at).empty());

    const auto found = catalogue.search("sourdough", 10, db_test::at);
    REQUIRE(found.size() == 1);
    CHECK(found[0].code == "4000000000037");
    CHECK(found[0].unit_price.minor() == 349);
    CHECK(found[0].tax.code == "B");
}

TEST_CASE("Search results are limited and equally good matches come in name order") {
    TempDir dir;
    auto store = db_test::small_store(dir.file("terminal.db"));
    REQUIRE(store->add_products({db_test::product("5000000000012", "Tea C", 100),
                                 db_test::product("5000000000029", "Tea A", 100),
                                 db_test::product("5000000000036", "Tea B", 100)}));
    auto& catalogue = store->catalogue();
    CHECK(names(catalogue.search("tea", 10, db_test::at)) ==
          std::vector<std::string>{"Tea A", "Tea B", "Tea C"});
    CHECK(names(catalogue.search("tea", 2, db_test::at)) ==
          std::vector<std::string>{"Tea A", "Tea B"});
    CHECK(catalogue.search("tea", 0, db_test::at).empty());
}

TEST_CASE("Blank search text finds nothing") {
    TempDir dir;
    auto store = db_test::small_store(dir.file("terminal.db"));
    for (const char* text : {"", " ", "   \t", "*", "\"\"", "-", "()"}) {
        INFO("search text: [" << text << "]");
        CHECK(store->catalogue().search(text, 10, db_test::at).empty());
    }
}

TEST_CASE("Punctuation and search operators typed by a clerk never make search fail") {
    TempDir dir;
    auto store = db_test::small_store(dir.file("terminal.db"));
    auto& catalogue = store->catalogue();
    for (const char* text : {"\"",
                             "milk\"",
                             "\"whole milk",
                             "mi*",
                             "*milk",
                             "-milk",
                             "milk -bread",
                             "(milk",
                             "milk)",
                             "milk AND",
                             "AND",
                             "OR",
                             "NOT",
                             "NOT milk",
                             "milk OR bread",
                             "NEAR(milk bread)",
                             "name:milk",
                             "milk^",
                             "{milk}",
                             "milk + bread",
                             "'",
                             "milk's",
                             "100%",
                             "1 L",
                             "\\",
                             "; DROP TABLE products",
                             "\xC3\x28",
                             "\xE2\x80\x93"}) {
        INFO("search text: [" << text << "]");
        CHECK_NOTHROW(catalogue.search(text, 10, db_test::at));
    }
    CHECK(has(catalogue.search("(milk", 10, db_test::at), "Whole Milk 1 L"));
    CHECK(has(catalogue.search("\"whole milk\"", 10, db_test::at), "Whole Milk 1 L"));
    CHECK(has(catalogue.search("milk*", 10, db_test::at), "Whole Milk 1 L"));
    CHECK(has(catalogue.search("-milk", 10, db_test::at), "Whole Milk 1 L"));
    CHECK(store->product_count() == 4);
}

TEST_CASE("The FTS query built from typed text quotes every word as a prefix") {
    CHECK(db::fts_prefix_query("choc dig") == "\"choc\"* \"dig\"*");
    CHECK(db::fts_prefix_query("  \"AND\" OR (x*) ") == "\"AND\"* \"OR\"* \"x\"*");
    CHECK(db::fts_prefix_query("rosé") == "\"rosé\"*");
    CHECK(db::fts_prefix_query(" *-() ").empty());
}

TEST_CASE("Products added later are found by code and by name at once") {
    TempDir dir;
    auto store = db_test::small_store(dir.file("terminal.db"));
    REQUIRE(store->add_products({db_test::product("12345670", "Peppermint Tea 20 bags", 159)}));
    CHECK(store->catalogue().find_by_code("12345670", db_test::at)->name ==
          "Peppermint Tea 20 bags");
    CHECK(has(store->catalogue().search("pepp", 5, db_test::at), "Peppermint Tea 20 bags"));
    CHECK(store->product_count() == 5);
}

TEST_CASE("A batch of products with one bad row is refused whole, with a message naming the row") {
    TempDir dir;
    auto store = db_test::small_store(dir.file("terminal.db"));
    const db::NewProduct good = db_test::product("5000000000012", "Oat Biscuits", 129);
    db::NewProduct bad = db_test::product("5000000000029", "Rye Crackers", 199);
    std::string problem;

    SUBCASE("negative price") {
        bad.unit_price_minor = -50;
        problem = "the price -0.50 is negative";
    }
    SUBCASE("empty name") {
        bad.name = "  ";
        problem = "the name is empty";
    }
    SUBCASE("unknown tax code") {
        bad.tax_code = "Z";
        problem = "tax code \"Z\" is not a known tax rate";
    }
    SUBCASE("barcode with letters") {
        bad.barcodes = {"50000000000AB"};
        problem = "barcode \"50000000000AB\" is not all digits";
    }
    SUBCASE("empty barcode") {
        bad.barcodes = {""};
        problem = "barcode \"\" is not all digits";
    }
    SUBCASE("no barcode at all") {
        bad.barcodes.clear();
        problem = "it has no barcode";
    }
    SUBCASE("EAN-13 with a wrong check digit") {
        bad.barcodes = {"5000000000028"};
        problem = "barcode 5000000000028 has a wrong check digit (the last digit should be 9)";
    }
    SUBCASE("EAN-8 with a wrong check digit") {
        bad.barcodes = {"12345678"};
        problem = "barcode 12345678 has a wrong check digit (the last digit should be 0)";
    }
    SUBCASE("barcode too long") {
        bad.barcodes = {"500000000000000"};
        problem = "barcode 500000000000000 is longer than 14 digits";
    }
    SUBCASE("barcode used twice in the batch") {
        bad.barcodes = {"5000000000012"};
        problem = "barcode 5000000000012 is a duplicate (row 1 has it too)";
    }
    SUBCASE("barcode already in the catalogue") {
        bad.barcodes = {"5000000000029", "4000000000013"};
        problem = "barcode 4000000000013 is a duplicate (\"Whole Milk 1 L\" already has it)";
    }

    const auto added = store->add_products({good, bad});
    REQUIRE_FALSE(added.ok());
    CHECK(added.error().code == pos::ErrorCode::bad_input);
    INFO(added.error().message);
    CHECK(added.error().message.starts_with("Product row 2"));
    CHECK(added.error().message.find(problem) != std::string::npos);
    CHECK(added.error().message.ends_with("No products were added"));
    CHECK(store->product_count() == 4);
    CHECK_FALSE(store->catalogue().find_by_code("5000000000012", db_test::at).has_value());
    CHECK(store->catalogue().search("oat", 10, db_test::at).empty());
}

TEST_CASE("Tax rates are checked before they are added") {
    TempDir dir;
    auto store = db_test::small_store(dir.file("terminal.db"));
    CHECK(store->add_tax_rate({"C", "Zero rate", pos::Rate{0}}));
    const auto again = store->add_tax_rate({"A", "VAT 19%", pos::Rate{190'000}});
    REQUIRE_FALSE(again.ok());
    CHECK(again.error().message.find("already exists (VAT 20%)") != std::string::npos);
    CHECK_FALSE(store->add_tax_rate({"", "Nameless", pos::Rate{1}}).ok());
    CHECK_FALSE(store->add_tax_rate({"D", "", pos::Rate{1}}).ok());
    CHECK_FALSE(store->add_tax_rate({"E", "Too much", pos::Rate{1'000'001}}).ok());
    CHECK_FALSE(store->add_tax_rate({"F", "Negative", pos::Rate{-1}}).ok());
    CHECK(store->database().query_int("SELECT count(*) FROM tax_rates", "test") == 3);
}
