#include <doctest/doctest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "fakes.hpp"
#include "receipts/text_receipt.hpp"

namespace {

pos::Ticket completed_sale() {
    fakes::Catalogue catalogue;
    pos::Ticket t("t1", "T01", {1, "Alex Martin"}, fakes::eur, pos::TaxPolicy{}, 1'790'000'000'000);
    t.add_line("l1", *catalogue.find_by_code("4000000000013", 0), pos::Quantity::units(3));
    t.add_line("l2", *catalogue.find_by_code("4000000000037", 0), pos::Quantity::units(1));
    t.add_line("l3", *catalogue.find_by_code("4011", 0), {455});
    auto bread = *catalogue.find_by_code("4000000000020", 0);
    bread.name = "Crème brûlée tartlets, pâtisserie selection, 6 pieces";  // long and accented
    t.add_line("l4", bread, pos::Quantity::units(1));
    t.begin_tender();
    const auto total = t.totals().total;
    t.add_payment({"p1", pos::PaymentMethod::cash, fakes::eur_cents(5000), "", ""});
    t.add_payment({"p2", pos::PaymentMethod::cash, total - fakes::eur_cents(5000), "", ""});
    t.mark_completed("T01-000042", 42, 1'790'000'060'000);
    return t;
}

// Everything issue 3 adds to a receipt: a promotion, a discount, an override, a void, and a
// split tender across card, gift card and cash with cash rounding.
pos::Ticket full_sale() {
    fakes::Catalogue catalogue;
    pos::Ticket t("t2", "T01", {1, "Alex Martin"}, fakes::eur, pos::TaxPolicy{}, 1'790'000'000'000);
    pos::Promotion milk_deal;
    milk_deal.id = "P1";
    milk_deal.name = "3 for 2";
    milk_deal.product_ids = {1};
    milk_deal.buy_quantity = 3;
    milk_deal.pay_quantity = 2;
    t.set_promotions({milk_deal});
    t.add_line("l1", *catalogue.find_by_code("4000000000013", 0), pos::Quantity::units(3));
    t.add_line("l2", *catalogue.find_by_code("4000000000037", 0), pos::Quantity::units(1));
    t.set_line_discount(1, {pos::DiscountKind::percent, {100'000}, 0, "damaged label"});
    t.add_line("l3", *catalogue.find_by_code("4000000000020", 0), pos::Quantity::units(1));
    t.set_price_override(2, pos::PriceOverride{299, 2, "price match"});
    t.add_line("l4", *catalogue.find_by_code("4011", 0), {455});
    t.void_line(3);
    t.begin_tender();
    t.add_payment({"p1", pos::PaymentMethod::card, fakes::eur_cents(500), "AUTH-77", "4242"});
    t.add_payment(
        {"p2", pos::PaymentMethod::gift_card, fakes::eur_cents(300), "6006000000001", ""});
    // 13.46 less 8.00 on cards leaves 5.46, which cash settles as 5.45 at 0.05 rounding.
    t.add_payment({"p3", pos::PaymentMethod::cash, fakes::eur_cents(1000), "", ""});
    t.add_payment({"p4", pos::PaymentMethod::cash, fakes::eur_cents(-455), "", ""});
    t.add_payment({"p5", pos::PaymentMethod::cash_rounding, fakes::eur_cents(1), "", ""});
    t.mark_completed("T01-000043", 43, 1'790'000'060'000);
    return t;
}

std::string read_file(const std::string& path) {
    std::ifstream in(path);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

std::size_t code_points(const std::string& s) {
    std::size_t n = 0;
    for (unsigned char c : s)
        n += (c & 0xC0) != 0x80;
    return n;
}

}  // namespace

TEST_CASE("the sale receipt matches its golden file") {
    const std::string text = receipts::render_text(completed_sale(), fakes::settings(), {42, 60});
    const std::string golden_path = COUNTER_SOURCE_DIR "/tests/golden/sale_receipt.txt";
    if (std::getenv("COUNTER_UPDATE_GOLDEN")) {
        std::ofstream(golden_path) << text;
    }
    CHECK(text == read_file(golden_path));
}

TEST_CASE("the receipt shows what the customer needs and fits the paper") {
    const auto ticket = completed_sale();
    const std::string text = receipts::render_text(ticket, fakes::settings(), {42, 60});
    CHECK(text.find("Receipt T01-000042") != std::string::npos);
    CHECK(text.find("2026-09-21 15:14") != std::string::npos);  // UTC+1
    CHECK(text.find("TOTAL                            EUR 16.96") != std::string::npos);
    CHECK(text.find("Change                               33.04") != std::string::npos);
    CHECK(text.find("0.455 kg x 1.99/kg") != std::string::npos);
    CHECK(text.find("3 x 1.19") != std::string::npos);
    CHECK(text.find("  A 20%           7.49      1.50      8.99") != std::string::npos);
    std::istringstream lines(text);
    for (std::string line; std::getline(lines, line);) {
        CAPTURE(line);
        CHECK(code_points(line) <= 42);
        CHECK((line.empty() || line.back() != ' '));
    }
    // Narrow paper: still every line within its width.
    const std::string narrow = receipts::render_text(ticket, fakes::settings(), {32, 0});
    std::istringstream narrow_lines(narrow);
    for (std::string line; std::getline(narrow_lines, line);)
        CHECK(code_points(line) <= 32);
}

TEST_CASE("a receipt with savings, a void and a split tender matches its golden file") {
    const auto ticket = full_sale();
    REQUIRE(ticket.totals().due.is_zero());
    const std::string text = receipts::render_text(ticket, fakes::settings(), {42, 60});
    const std::string golden_path = COUNTER_SOURCE_DIR "/tests/golden/split_tender_receipt.txt";
    if (std::getenv("COUNTER_UPDATE_GOLDEN")) {
        std::ofstream(golden_path) << text;
    }
    CHECK(text == read_file(golden_path));
    CHECK(text.find("3 for 2") != std::string::npos);
    CHECK(text.find("Card ending 4242") != std::string::npos);
    CHECK(text.find("Gift card ending 0001") != std::string::npos);
    CHECK(text.find("VOID") != std::string::npos);
    CHECK(text.find("You saved") != std::string::npos);
    CHECK(text.find("Cash rounding                         0.01") != std::string::npos);
    CHECK(text.find("Change                                4.55") != std::string::npos);
    std::istringstream lines(text);
    for (std::string line; std::getline(lines, line);)
        CHECK((line.empty() || line.back() != ' '));
}
