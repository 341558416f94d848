// Stock at head office: folded from uploaded journal entries (sales, returns, post-voids) and
// from admin adjustments (supplier receipts, transfers, counts), each counted once. Every case
// runs on SQLite and on PostgreSQL.
#include <doctest/doctest.h>

#include "server_helpers.hpp"

using headoffice::StockAdjustment;
using namespace server_test;

namespace {

StockAdjustment received(const std::string& reference, const std::string& store,
                         const std::string& code, std::int64_t milli) {
    return {StockAdjustment::Kind::supplier_receipt, reference, store, "", code, milli};
}

}  // namespace

TEST_CASE("A sale takes its quantities out of the store's stock, once however often it is sent") {
    for (const Backend backend : backends) {
        const std::string backend_name = name_of(backend);
        CAPTURE(backend_name);
        Chain chain(backend);
        REQUIRE(chain.head_office.adjust_stock(received("DN-1", "S001", milk, 10'000)));
        Till till("T01");
        till.sell({{milk, 2000}, {bread, 1000}});
        REQUIRE(chain.head_office.upload(t01, till.upload_from()).ok());
        REQUIRE(chain.head_office.upload(t01, till.upload_from()).ok());
        CHECK(chain.level("S001", milk) == 8000);
        CHECK(chain.level("S001", bread) == -1000);
        CHECK(chain.level("S002", milk) == 0);
    }
}

TEST_CASE("A sale scanned by a second barcode counts against the product's own code") {
    for (const Backend backend : backends) {
        const std::string backend_name = name_of(backend);
        CAPTURE(backend_name);
        Chain chain(backend);
        Till till("T01");
        till.sell({{milk_second_barcode, 1000}});
        REQUIRE(chain.head_office.upload(t01, till.upload_from()).ok());
        CHECK(chain.level("S001", milk) == -1000);
        const auto by_barcode = chain.head_office.stock_of(milk_second_barcode);
        REQUIRE(by_barcode.ok());
        CHECK(by_barcode->levels == std::vector<pos::StockLevel>{{"S001", milk, -1000}});
    }
}

TEST_CASE("A return puts restocked goods back on sale; damaged goods do not count as sellable") {
    for (const Backend backend : backends) {
        const std::string backend_name = name_of(backend);
        CAPTURE(backend_name);
        Chain chain(backend);
        Till till("T01");
        const std::string sold = till.sell({{milk, 3000}, {wine, 2000}});
        till.give_back(sold, {{0, 1000}}, pos::Disposition::restock);
        till.give_back(sold, {{1, 1000}}, pos::Disposition::damaged);
        REQUIRE(chain.head_office.upload(t01, till.upload_from()).ok());
        CHECK(chain.level("S001", milk) == -2000);
        CHECK(chain.level("S001", wine) == -2000);
        CHECK(chain.count("stock_movements WHERE bucket = 'damaged'") == 1);
    }
}

TEST_CASE("A post-void gives back exactly what its sale took") {
    for (const Backend backend : backends) {
        const std::string backend_name = name_of(backend);
        CAPTURE(backend_name);
        Chain chain(backend);
        Till till("T01");
        const std::string sold = till.sell({{milk, 2000}, {bread, 1000}});
        const std::string voiding = till.post_void(sold);
        REQUIRE(chain.head_office.upload(t01, till.upload_from()).ok());
        CHECK(chain.level("S001", milk) == 0);
        CHECK(chain.level("S001", bread) == 0);
        const auto found = chain.head_office.ticket(sold);
        REQUIRE(found.ok());
        CHECK(found->post_voided_by == voiding);
        CHECK(chain.head_office.store_sales("S001")->total_minor == 0);
    }
}

TEST_CASE("Supplier receipts, transfers and counts move stock, each reference counted once") {
    for (const Backend backend : backends) {
        const std::string backend_name = name_of(backend);
        CAPTURE(backend_name);
        Chain chain(backend);
        REQUIRE(chain.head_office.adjust_stock(received("DN-7", "S001", bread, 12'000)));
        REQUIRE(chain.head_office.adjust_stock(received("DN-7", "S001", bread, 12'000)));
        CHECK(chain.level("S001", bread) == 12'000);

        const StockAdjustment transfer{
            StockAdjustment::Kind::transfer, "TR-1", "S001", "S002", bread, 5000};
        REQUIRE(chain.head_office.adjust_stock(transfer));
        REQUIRE(chain.head_office.adjust_stock(transfer));
        CHECK(chain.level("S001", bread) == 7000);
        CHECK(chain.level("S002", bread) == 5000);

        const StockAdjustment count{
            StockAdjustment::Kind::count, "COUNT-1", "S001", "", bread, 6500};
        REQUIRE(chain.head_office.adjust_stock(count));
        REQUIRE(chain.head_office.adjust_stock(count));
        CHECK(chain.level("S001", bread) == 6500);
        CHECK(chain.count("stock_movements") == 4);
    }
}

TEST_CASE("A bad stock adjustment says what is wrong and changes nothing") {
    for (const Backend backend : backends) {
        const std::string backend_name = name_of(backend);
        CAPTURE(backend_name);
        Chain chain(backend);
        const auto unknown_store =
            chain.head_office.adjust_stock(received("DN-1", "S404", milk, 1000));
        REQUIRE_FALSE(unknown_store.ok());
        CHECK(unknown_store.error().message == "There is no store 'S404'");
        const auto unknown_product =
            chain.head_office.adjust_stock(received("DN-2", "S001", "123", 1000));
        REQUIRE_FALSE(unknown_product.ok());
        CHECK(unknown_product.error().message == "There is no product 123");
        const auto nothing = chain.head_office.adjust_stock(received("DN-3", "S001", milk, 0));
        REQUIRE_FALSE(nothing.ok());
        CHECK(nothing.error().message == "The quantity received or moved must be above zero");
        CHECK(chain.count("stock_movements") == 0);
        CHECK(chain.count("stock_levels") == 0);
    }
}

TEST_CASE("Stock since a moment lists only the levels changed from then on, in every store") {
    for (const Backend backend : backends) {
        const std::string backend_name = name_of(backend);
        CAPTURE(backend_name);
        Chain chain(backend);
        REQUIRE(chain.head_office.adjust_stock(received("DN-1", "S001", milk, 4000)));
        chain.clock.now += 60'000;
        const std::int64_t later = chain.clock.now;
        REQUIRE(chain.head_office.adjust_stock(received("DN-2", "S002", wine, 6000)));
        const auto since = chain.head_office.stock_since(later);
        REQUIRE(since.ok());
        CHECK(since->as_of_ms == later);
        CHECK(since->levels == std::vector<pos::StockLevel>{{"S002", wine, 6000}});
        const auto all = chain.head_office.stock_since(0);
        CHECK(all->levels ==
              std::vector<pos::StockLevel>{{"S001", milk, 4000}, {"S002", wine, 6000}});

        const auto unknown = chain.head_office.stock_of("777");
        REQUIRE_FALSE(unknown.ok());
        CHECK(unknown.error().message == "Head office has no product 777");
    }
}
