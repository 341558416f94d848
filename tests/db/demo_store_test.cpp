#include <doctest/doctest.h>

#include <chrono>
#include <set>

#include "db/demo_store.hpp"
#include "helpers.hpp"
#include "pos/barcode.hpp"
#include "pos/login.hpp"
#include "pos/variable_measure.hpp"

using db_test::TempDir;

namespace {

class FixedClock : public pos::Clock {
  public:
    std::int64_t now_ms() override { return 1'700'000'000'000; }
};

std::unique_ptr<db::SqliteStore> demo_store(const std::filesystem::path& file) {
    auto store = db_test::open(file);
    const auto created = db::create_demo_store(*store);
    if (!created)
        FAIL(created.error().message);
    return store;
}

// Every product as one line of text, in id order: what a catalogue export would show.
std::string catalogue_dump(db::SqliteStore& store) {
    db::Statement rows(store.database(),
                       "SELECT products.id, barcodes.code, products.name, products.department,"
                       " products.tax_code, products.unit_price, products.unit"
                       " FROM products JOIN barcodes ON barcodes.product_id = products.id"
                       " ORDER BY products.id, barcodes.code");
    std::string dump;
    while (rows.step()) {
        dump += std::to_string(rows.column_int64(0)) + "|" + rows.column_text(1) + "|" +
                rows.column_text(2) + "|" + rows.column_text(3) + "|" + rows.column_text(4) + "|" +
                std::to_string(rows.column_int64(5)) + "|" + rows.column_text(6) + "\n";
    }
    return dump;
}

struct Fixed {
    const char* code;
    const char* name;
    std::int64_t cents;
    const char* tax;
};

// The products db/README.md lists under "Demo store".
constexpr Fixed documented[] = {
    {"5012345000015", "Hillcrest Whole Milk 1 L", 119, "B"},
    {"5012345000022", "Oakmere Sourdough Loaf 800 g", 249, "B"},
    {"5012345000039", "Nordvik Milk Chocolate Bar 100 g", 129, "B"},
    {"5012345000046", "Brightfield Medium Roast Ground Coffee 250 g", 449, "B"},
    {"5012345000053", "Valbrook Rioja Crianza Red Wine 750 ml", 899, "A"},
    {"5012345000060", "Larkspur Shampoo Normal Hair 250 ml", 349, "A"},
    {"5012345000077", "Nordvik Chocolate Digestives 300 g", 139, "B"},
};

}  // namespace

TEST_CASE("The demo store holds at least 5,000 products in about a dozen departments") {
    TempDir dir;
    const auto started = std::chrono::steady_clock::now();
    auto store = demo_store(dir.file("demo.db"));
    const auto took = std::chrono::duration_cast<std::chrono::milliseconds>(
                          std::chrono::steady_clock::now() - started)
                          .count();
    MESSAGE("creating the demo store took " << took << " ms");
    WARN(took < 2000);  // a requirement, but timing never fails the build (see STYLE.md)

    CHECK(store->product_count() >= 5000);
    CHECK(store->product_count() < 7000);
    const auto departments =
        store->database().query_int("SELECT count(DISTINCT department) FROM products", "test");
    CHECK(departments >= 12);
    CHECK(departments <= 14);
    // Food is mostly at the reduced rate.
    CHECK(
        store->database().query_int("SELECT count(*) FROM products WHERE tax_code = 'B'", "test") >
        2 * store->database().query_int("SELECT count(*) FROM products WHERE tax_code = 'A'",
                                        "test"));
}

TEST_CASE("Every demo barcode is a valid EAN-13, except the 4-digit PLUs of loose weighed items") {
    TempDir dir;
    auto store = demo_store(dir.file("demo.db"));
    db::Statement rows(store->database(),
                       "SELECT barcodes.code, products.unit, products.unit_price"
                       " FROM barcodes JOIN products ON products.id = barcodes.product_id"
                       " ORDER BY barcodes.code");
    int ean13 = 0;
    int plu = 0;
    int deli = 0;
    while (rows.step()) {
        const std::string code = rows.column_text(0);
        INFO("barcode " << code);
        if (rows.column_text(1) == "kg" && code.size() == 13) {
            // A deli item's base code: an in-store prefix 2x with the value digits zeroed.
            CHECK(code.front() == '2');
            CHECK(code.substr(7, 5) == "00000");
            CHECK(code.back() == pos::gtin_check_digit(code.substr(0, 12)));
            ++deli;
        } else if (rows.column_text(1) == "kg") {
            CHECK(code.size() == 4);
            ++plu;
        } else {
            REQUIRE(code.size() == 13);
            CHECK(code.back() == pos::gtin_check_digit(code.substr(0, 12)));
            CHECK(code.starts_with("50"));
            ++ean13;
        }
        CHECK(rows.column_int64(2) % 10 == 9);  // shop prices end in 9
    }
    CHECK(ean13 >= 5000);
    CHECK(plu >= 5);
    CHECK(deli == 2);
}

TEST_CASE("The demo store has the two documented tax rates") {
    TempDir dir;
    auto store = demo_store(dir.file("demo.db"));
    db::Statement rows(store->database(),
                       "SELECT code, name, rate_ppm FROM tax_rates ORDER BY code");
    std::vector<pos::TaxRate> rates;
    while (rows.step()) {
        rates.push_back(
            {rows.column_text(0), rows.column_text(1), pos::Rate{rows.column_int64(2)}});
    }
    CHECK(rates == std::vector<pos::TaxRate>{{"A", "VAT 20%", pos::Rate{200'000}},
                                             {"B", "VAT 5%", pos::Rate{50'000}}});
}

TEST_CASE("The documented demo products and weighed items are found by their codes") {
    TempDir dir;
    auto store = demo_store(dir.file("demo.db"));
    auto& catalogue = store->catalogue();
    const pos::Currency eur = pos::Currency::of("EUR", 2);
    std::int64_t previous_id = 0;
    for (const Fixed& item : documented) {
        INFO(item.code << " " << item.name);
        CHECK(item.code[12] == pos::gtin_check_digit(std::string_view(item.code, 12)));
        const auto found = catalogue.find_by_code(item.code, db_test::at);
        REQUIRE(found.has_value());
        CHECK(found->name == item.name);
        CHECK(found->unit_price == pos::Money(item.cents, eur));
        CHECK(found->tax.code == item.tax);
        CHECK(found->unit == pos::UnitOfSale::each);
        CHECK(found->id == previous_id + 1);  // the first products of the catalogue
        previous_id = found->id;
    }
    struct Weighed {
        const char* plu;
        const char* name;
        std::int64_t cents_per_kg;
    };
    for (const Weighed& item :
         {Weighed{"4011", "Bananas loose", 199}, Weighed{"4133", "Gala Apples loose", 299},
          Weighed{"4562", "Carrots loose", 129}, Weighed{"4664", "Tomatoes loose", 349},
          Weighed{"4072", "Potatoes loose", 149}}) {
        INFO(item.plu);
        const auto found = catalogue.find_by_code(item.plu, db_test::at);
        REQUIRE(found.has_value());
        CHECK(found->name == item.name);
        CHECK(found->unit == pos::UnitOfSale::kilogram);
        CHECK(found->unit_price == pos::Money(item.cents_per_kg, eur));
        CHECK(found->tax.code == "B");
    }
}

TEST_CASE("Searching the demo store finds products as the clerk types") {
    TempDir dir;
    auto store = demo_store(dir.file("demo.db"));
    auto& catalogue = store->catalogue();
    const auto digestives = catalogue.search("choc dig", 20, db_test::at);
    REQUIRE_FALSE(digestives.empty());
    for (const auto& product : digestives) {
        CHECK(product.name.find("Chocolate Digestives") != std::string::npos);
    }
    CHECK(catalogue.search("nordvik choc dig", 5, db_test::at).front().name ==
          "Nordvik Chocolate Digestives 300 g");
    CHECK(catalogue.search("milk", 25, db_test::at).size() == 25);
    CHECK_FALSE(catalogue.search("rose wine", 5, db_test::at).empty());
    CHECK_FALSE(catalogue.search("bananas", 5, db_test::at).empty());
}

TEST_CASE("The demo store is the same every time it is created") {
    CHECK(db::demo_products().size() == db::demo_products().size());
    TempDir dir;
    auto first = demo_store(dir.file("first.db"));
    auto second = demo_store(dir.file("second.db"));
    const std::string a = catalogue_dump(*first);
    CHECK(a.size() > 100'000);
    CHECK(a == catalogue_dump(*second));
}

TEST_CASE("The demo settings and staff are in place, and the staff can log in") {
    TempDir dir;
    auto store = demo_store(dir.file("demo.db"));
    const pos::StoreSettings settings = store->settings();
    CHECK(settings.store_name == "Counter Demo Market");
    CHECK(settings.address_lines.size() == 2);
    CHECK(settings.tax_id == "VAT reg. DE 123 456 789");
    CHECK(settings.terminal_id == "T01");
    CHECK(settings.currency == pos::Currency::of("EUR", 2));
    CHECK(settings.pricing == pos::PricingMode::tax_inclusive);

    FixedClock clock;
    const auto clerk = pos::log_in(store->users(), clock, "1001", "1234");
    REQUIRE(clerk.ok());
    CHECK(clerk->name == "Alex Martin");
    CHECK(clerk->role == pos::Role::clerk);
    const auto manager = pos::log_in(store->users(), clock, "9001", "4321");
    REQUIRE(manager.ok());
    CHECK(manager->name == "Morgan Lee");
    CHECK(manager->role == pos::Role::manager);
}

TEST_CASE("The demo catalogue is written only into an empty store") {
    TempDir dir;
    auto store = demo_store(dir.file("demo.db"));
    const auto count = store->product_count();
    const auto again = db::create_demo_store(*store);
    REQUIRE_FALSE(again.ok());
    CHECK(again.error().message.find("already holds") != std::string::npos);
    CHECK(store->product_count() == count);
}

TEST_CASE(
    "The demo store's deli labels, price change, promotions and gift cards are as documented") {
    TempDir dir;
    auto store = demo_store(dir.file("demo.db"));
    auto& catalogue = store->catalogue();
    const pos::Currency eur = pos::Currency::of("EUR", 2);
    const auto presets = pos::layouts::presets();

    // A scale label for 0.250 kg of ham and a pre-priced cheese wedge of 4.12, read the way the
    // terminal reads them, find their products.
    struct Label {
        pos::VariableMeasureLayout layout;
        const char* prefix;
        const char* item;
        std::int64_t value;
        const char* label_code;  // as db/README.md shows it
        const char* base_code;
        const char* name;
    };
    for (const Label& label : {Label{pos::layouts::weight_in_grams(), "23", "12345", 250,
                                     "2312345002501", "2312345000002", "Deli Ham sliced"},
                               Label{pos::layouts::price_in_cents(), "22", "12346", 412,
                                     "2212346004125", "2212346000004", "Mature Cheddar Wedge"}}) {
        INFO(label.name);
        const auto code =
            pos::make_variable_measure_code(label.layout, label.prefix, label.item, label.value);
        REQUIRE(code.ok());
        CHECK(*code == label.label_code);
        const auto* layout = pos::find_layout(presets, *code);
        REQUIRE(layout != nullptr);
        const auto decoded = pos::decode_variable_measure(*code, *layout);
        REQUIRE(decoded.ok());
        CHECK(decoded->lookup_code == label.base_code);
        const auto found = catalogue.find_by_code(decoded->lookup_code, db_test::at);
        REQUIRE(found.has_value());
        CHECK(found->name == label.name);
        CHECK(found->unit == pos::UnitOfSale::kilogram);
        CHECK(found->department == "Deli");
    }
    CHECK(catalogue.find_by_code("2312345000002", db_test::at)->unit_price.minor() == 1499);
    CHECK(catalogue.find_by_code("2212346000004", db_test::at)->unit_price.minor() == 1299);

    // Milk goes to 1.25 on 2028-01-01.
    CHECK(catalogue.find_by_code("5012345000015", db::demo_milk_price_change_ms - 1)->unit_price ==
          pos::Money(119, eur));
    CHECK(catalogue.find_by_code("5012345000015", db::demo_milk_price_change_ms)->unit_price ==
          pos::Money(125, eur));

    CHECK(store->promotions().promotions_at(db::demo_opened_at_ms - 1).empty());
    const auto promotions = store->promotions().promotions_at(db_test::at + 400LL * 86'400'000);
    std::vector<std::string> names;
    for (const auto& promotion : promotions)
        names.push_back(promotion.name);
    CHECK(names == std::vector<std::string>{"3 for 2", "2 for 2.00",
                                            "Buy 2 coffees, digestives free",
                                            "Any 3 red wines for 20.00",
                                            "Happy hour: 20% off soft drinks", "10% off Bakery"});
    const auto chocolate = catalogue.find_by_code("5012345000039", db_test::at);
    CHECK(promotions[0].product_ids == std::vector<std::int64_t>{chocolate->id});
    REQUIRE(promotions[3].product_ids.size() == 5);
    db::Statement wines(
        store->database(),
        "SELECT count(*) FROM products WHERE name LIKE '%Red Wine 750 ml'"
        " AND department = 'Beer & Wine' AND id IN (" +
            [&] {
                std::string list;
                for (const auto id : promotions[3].product_ids)
                    list += (list.empty() ? "" : ", ") + std::to_string(id);
                return list;
            }() +
            ")");
    REQUIRE(wines.step());
    CHECK(wines.column_int64(0) == 5);

    auto& stored = store->stored_value();
    CHECK(stored.balance(pos::PaymentMethod::gift_card, "6006000000001") == pos::Money(5000, eur));
    CHECK(stored.balance(pos::PaymentMethod::gift_card, "6006000000002") == pos::Money(500, eur));
    CHECK(stored.balance(pos::PaymentMethod::store_credit, "SC1001") == pos::Money(1500, eur));
    CHECK(store->verify_journal().message == "journal OK: 0 entries");
    CHECK(store->settings().utc_offset_minutes == 60);
}
