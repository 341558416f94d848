// Every sample layout (samples.hpp) drawn as a PNG on both paper widths, compared byte for byte
// with its golden file (stb's encoder is deterministic). Regenerate with COUNTER_UPDATE_GOLDEN=1
// and look at the pictures in the diff; the README's two receipt pictures are regenerated the same
// way.
#include <doctest/doctest.h>

#include <cstdlib>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "fakes.hpp"
#include "receipts/layouts.hpp"
#include "receipts/png.hpp"
#include "samples.hpp"

namespace {

constexpr std::int64_t sold_at = 1'790'000'000'000;  // 2026-09-21 14:13 UTC

pos::StoreSettings store() {
    auto s = fakes::settings();
    s.store_name = "Corner Market";
    s.address_lines = {"1 High Street", "Springfield"};
    s.tax_id = "VAT reg. GB 123 4567 89";
    return s;
}

// The README's sale: a promotion (milk 3 for 2), a discount (10% off the wine), two tax rates, card
// and cash.
pos::Ticket a_sale() {
    fakes::Catalogue catalogue;
    pos::Ticket t("t-sale", "T01", {1, "Alex Martin"}, fakes::eur, pos::TaxPolicy{}, sold_at);
    pos::Promotion milk_deal;
    milk_deal.id = "P1";
    milk_deal.name = "Milk 3 for 2";
    milk_deal.product_ids = {1};
    milk_deal.buy_quantity = 3;
    milk_deal.pay_quantity = 2;
    t.set_promotions({milk_deal});
    t.add_line("l1", *catalogue.find_by_code("4000000000013", 0), pos::Quantity::units(3));
    t.add_line("l2", *catalogue.find_by_code("4000000000037", 0), pos::Quantity::units(1));
    t.set_line_discount(1, {pos::DiscountKind::percent, {100'000}, 0, "damaged label"});
    t.add_line("l3", *catalogue.find_by_code("4000000000020", 0), pos::Quantity::units(1));
    t.add_line("l4", *catalogue.find_by_code("4011", 0), {455});
    t.begin_tender();
    const auto card = fakes::eur_cents(1000);
    const auto cash = fakes::eur_cents(500);
    t.add_payment({"p1", pos::PaymentMethod::card, card, "AUTH-77", "4242", ""});
    t.add_payment({"p2", pos::PaymentMethod::cash, cash, "", "", ""});
    t.add_payment({"p3", pos::PaymentMethod::cash, t.totals().total - card - cash, "", "", ""});
    t.mark_completed("T01-000042", 42, sold_at + 60'000);
    return t;
}

// Compares `png` with the file at `path`, or rewrites it when COUNTER_UPDATE_GOLDEN is set. A
// mismatch leaves the new picture in the build folder to look at beside the old one.
void check_golden(const std::vector<std::uint8_t>& png, const std::string& path,
                  const std::string& name) {
    const std::string bytes(png.begin(), png.end());
    if (std::getenv("COUNTER_UPDATE_GOLDEN")) {
        std::ofstream(path, std::ios::binary) << bytes;
        return;
    }
    std::ifstream in(path, std::ios::binary);
    const bool same = std::string(std::istreambuf_iterator<char>(in), {}) == bytes;
    if (!same)
        std::ofstream(std::string(COUNTER_BINARY_DIR) + "/" + name + ".actual.png",
                      std::ios::binary)
            << bytes;
    CHECK_MESSAGE(same, path << " differs; the new picture is " << COUNTER_BINARY_DIR << "/" << name
                             << ".actual.png (COUNTER_UPDATE_GOLDEN=1 to accept it)");
}

receipts::Raster render(const receipts::Document& document) {
    auto raster = receipts::render_raster(document);
    REQUIRE_MESSAGE(raster.ok(), (raster.ok() ? "" : raster.error().message));
    return std::move(raster).value();
}

}  // namespace

TEST_CASE("every layout drawn as a PNG matches its golden picture on both papers") {
    for (const auto& sample : samples::all()) {
        CAPTURE(sample.name);
        const auto raster = render(sample.document);
        CHECK(raster.width == sample.document.paper.dots);
        check_golden(receipts::encode_png(raster),
                     COUNTER_SOURCE_DIR "/tests/golden/receipts/" + sample.name + ".png",
                     sample.name);
    }
}

TEST_CASE("the README's receipt pictures are the sale and gift receipts as printed today") {
    const auto o = samples::options(receipts::paper_80mm);
    const auto sale = a_sale();
    check_golden(receipts::encode_png(render(receipts::ticket_receipt(sale, store(), o))),
                 COUNTER_SOURCE_DIR "/docs/sale-receipt.png", "sale-receipt");
    check_golden(receipts::encode_png(render(receipts::gift_receipt(sale, store(), o))),
                 COUNTER_SOURCE_DIR "/docs/gift-receipt.png", "gift-receipt");
}
