// What a returned line refunds and which of the sale's lines can still come back.
#include <doctest/doctest.h>

#include "pos/returns.hpp"
#include "returns_fixture.hpp"

using namespace returns_fixture;

namespace {

pos::Result<pos::TicketLine> take_back(const pos::OriginalTicket& original, std::size_t index,
                                       std::int64_t milli,
                                       const pos::Ticket& in_progress = open_ticket("r")) {
    return pos::make_return_line(original, index, {milli}, pos::ReturnReason::changed_mind,
                                 pos::Disposition::restock, in_progress, "ret");
}

}  // namespace

TEST_CASE("partial returns over several visits add up exactly to the line's gross and tax") {
    for (auto pricing : {pos::PricingMode::tax_inclusive, pos::PricingMode::tax_exclusive}) {
        CAPTURE(static_cast<int>(pricing));
        auto sale = open_ticket("s1", {pricing, pos::TaxRounding::per_line});
        sale.add_line("l1", bread, pos::Quantity::units(7));
        sale.set_discount({pos::DiscountKind::percent, {100'000}, 0, "loyalty"});
        auto original = paid_by_card(std::move(sale));
        const pos::TicketLine& sold = original.ticket.lines()[0];

        std::int64_t refunded_gross = 0;
        std::int64_t refunded_tax = 0;
        for (std::int64_t units : {2, 1, 3, 1}) {
            const auto line = take_back(original, 0, units * 1000);
            REQUIRE(line.ok());
            CHECK(gross(*line) < 0);
            CHECK(line->amounts.net + line->amounts.tax == line->amounts.gross);
            CHECK(line->extended == (pricing == pos::PricingMode::tax_inclusive
                                         ? line->amounts.gross
                                         : line->amounts.net));
            refunded_gross -= gross(*line);
            refunded_tax -= tax(*line);
            record_earlier(original, *line);
        }
        CHECK(refunded_gross == gross(sold));
        CHECK(refunded_tax == tax(sold));
    }
}

TEST_CASE("a partial return refunds its cumulative share, with the discount taken off") {
    // 7 x 3.49 = 24.43, less 10% = 21.99 including 1.05 VAT at 5%.
    auto sale = open_ticket("s1");
    sale.add_line("l1", bread, pos::Quantity::units(7));
    sale.set_discount({pos::DiscountKind::percent, {100'000}, 0, "loyalty"});
    auto original = paid_by_card(std::move(sale));
    REQUIRE(gross(original.ticket.lines()[0]) == 2199);
    REQUIRE(tax(original.ticket.lines()[0]) == 105);

    const auto two = take_back(original, 0, 2000);
    REQUIRE(two.ok());
    CHECK(gross(*two) == -628);  // 21.99 x 2/7 = 6.283
    CHECK(tax(*two) == -30);
    CHECK(two->extended.minor() == -628);  // inclusive: the value before the tax split is gross
    CHECK(two->unit_price == bread.unit_price);
    CHECK(two->promotion_saving.is_zero());
    CHECK(two->discount_amount.is_zero());
    REQUIRE(two->returned.has_value());
    CHECK(two->returned->original_ticket_id == "s1");
    CHECK(two->returned->original_receipt == "T01-000042");
    CHECK(two->returned->original_line_id == "l1");
    CHECK(two->quantity.milli == 2000);
}

TEST_CASE("one unit of a 3-for-2 refunds what it really cost, not its shelf price") {
    auto sale = open_ticket("s1");
    sale.set_promotions({three_for_two(chocolate.id)});
    sale.add_line("l1", chocolate, pos::Quantity::units(3));
    REQUIRE(sale.lines()[0].promotion_saving.minor() == 150);
    auto original = paid_by_card(std::move(sale));

    const auto one = take_back(original, 0, 1000);
    REQUIRE(one.ok());
    CHECK(gross(*one) == -100);  // 3.00 paid for three: 1.00 each, not 1.50
    CHECK(tax(*one) == -17);
    record_earlier(original, *one);

    const auto rest = take_back(original, 0, 2000);
    REQUIRE(rest.ok());
    CHECK(gross(*rest) == -200);
    CHECK(tax(*one) + tax(*rest) == -50);  // all the VAT on 3.00 at 20%, no more
}

TEST_CASE("two returns of one line on the same ticket share it out like two visits") {
    auto sale = open_ticket("s1");
    sale.set_promotions({three_for_two(chocolate.id)});
    sale.add_line("l1", chocolate, pos::Quantity::units(3));
    const auto original = paid_by_card(std::move(sale));
    auto in_progress = open_ticket("r1");
    in_progress.add_return_line(*take_back(original, 0, 2000, in_progress));
    in_progress.add_return_line(*take_back(original, 0, 1000, in_progress));
    CHECK(gross(in_progress.lines()[0]) + gross(in_progress.lines()[1]) == -300);
    CHECK(tax(in_progress.lines()[0]) + tax(in_progress.lines()[1]) == -50);
}

TEST_CASE("the shares of a very large line do not overflow") {
    pos::TicketLine sold;
    sold.quantity = pos::Quantity::units(9'999);
    sold.amounts = {fakes::eur_cents(3'000'000'000'000'000'000),
                    fakes::eur_cents(1'000'000'000'000'000'000),
                    fakes::eur_cents(4'000'000'000'000'000'000)};
    const auto first = pos::refund_amounts(sold, {}, pos::Quantity::units(3'333));
    const auto rest =
        pos::refund_amounts(sold, pos::Quantity::units(3'333), pos::Quantity::units(6'666));
    CHECK(first.gross.minor() == -1'333'333'333'333'333'333);
    CHECK((first.gross + rest.gross).minor() == -4'000'000'000'000'000'000);
    CHECK((first.tax + rest.tax).minor() == -1'000'000'000'000'000'000);
}

TEST_CASE("returning one line of a discounted ticket refunds that line's share of the discount") {
    // 8.99 + 3.49 = 12.48, less 1.25 (10%): 0.90 from the wine, 0.35 from the bread.
    auto sale = open_ticket("s1");
    sale.add_line("wine", wine, pos::Quantity::units(1));
    sale.add_line("bread", bread, pos::Quantity::units(1));
    sale.set_discount({pos::DiscountKind::percent, {100'000}, 0, "loyalty"});
    const auto original = paid_by_card(std::move(sale));
    REQUIRE(original.ticket.totals().total.minor() == 1123);

    const auto line = take_back(original, 0, 1000);
    REQUIRE(line.ok());
    CHECK(gross(*line) == -809);
    CHECK(tax(*line) == -tax(original.ticket.lines()[0]));
    CHECK(tax(*line) == -135);
}

TEST_CASE("with per-ticket tax rounding, returns give back the tax that was charged") {
    // Three 0.99 items at 20%: per ticket the VAT is 0.50 (0.17 + 0.17 + 0.16), not 3 x 0.17.
    auto sale = open_ticket("s1", {pos::PricingMode::tax_inclusive, pos::TaxRounding::per_ticket});
    for (int i = 0; i < 3; ++i)
        sale.add_line("l" + std::to_string(i), item(20 + i, "Gum", 99), pos::Quantity::units(1));
    const auto original = paid_by_card(std::move(sale));
    REQUIRE(original.ticket.totals().tax.minor() == 50);

    std::int64_t refunded_tax = 0;
    for (std::size_t i = 0; i < 3; ++i) {
        const auto line = take_back(original, i, 1000);
        REQUIRE(line.ok());
        CHECK(gross(*line) == -99);
        CHECK(tax(*line) == -tax(original.ticket.lines()[i]));
        refunded_tax -= tax(*line);
    }
    CHECK(refunded_tax == 50);
}

TEST_CASE("a weighed item comes back in part, its refund shared by weight") {
    auto sale = open_ticket("s1");
    sale.add_line("l1", cheese, {450});  // 0.450 kg x 24.90 = 11.205 -> 11.21
    auto original = paid_by_card(std::move(sale));
    const auto part = take_back(original, 0, 150);
    REQUIRE(part.ok());
    CHECK(gross(*part) == -374);  // 11.21 x 150/450 = 3.7367
    record_earlier(original, *part);
    const auto rest = take_back(original, 0, 300);
    REQUIRE(rest.ok());
    CHECK(gross(*part) + gross(*rest) == -1121);
}

TEST_CASE("more than remains returnable is refused, naming how many can still come back") {
    auto sale = open_ticket("s1");
    sale.add_line("l1", chocolate, pos::Quantity::units(3));
    auto original = paid_by_card(std::move(sale));
    original.returned_milli["l1"] = 2000;

    SUBCASE("after earlier returns") {
        const auto refused = take_back(original, 0, 2000);
        REQUIRE_FALSE(refused.ok());
        CHECK(refused.error().code == pos::ErrorCode::not_allowed);
        CHECK(refused.error().message ==
              "Only 1 of 3 Chocolate can still be returned (2 came back on earlier returns)");
        CHECK(take_back(original, 0, 1000).ok());
    }
    SUBCASE("counting what is already on this return") {
        auto in_progress = open_ticket("r1");
        const auto first = take_back(original, 0, 1000, in_progress);
        REQUIRE(first.ok());
        in_progress.add_return_line(*first);
        const auto refused = take_back(original, 0, 1000, in_progress);
        REQUIRE_FALSE(refused.ok());
        CHECK(refused.error().message ==
              "None of 3 Chocolate can still be returned (2 came back "
              "on earlier returns, 1 already on this return)");
    }
}

TEST_CASE("a line that cannot come back is refused with the reason") {
    auto sale = open_ticket("s1");
    sale.add_line("l1", chocolate, pos::Quantity::units(3));
    sale.add_line("l2", wine, pos::Quantity::units(1));
    sale.void_line(1);
    auto original = paid_by_card(std::move(sale));

    SUBCASE("a voided line") {
        const auto refused = take_back(original, 1, 1000);
        REQUIRE_FALSE(refused.ok());
        CHECK(refused.error().code == pos::ErrorCode::not_allowed);
        CHECK(refused.error().message.find("Rioja was voided") != std::string::npos);
    }
    SUBCASE("zero") {
        const auto refused = take_back(original, 0, 0);
        REQUIRE_FALSE(refused.ok());
        CHECK(refused.error().code == pos::ErrorCode::bad_input);
        CHECK(refused.error().message == "Return quantity must be more than zero");
    }
    SUBCASE("a negative quantity") {
        CHECK(take_back(original, 0, -1000).error().code == pos::ErrorCode::bad_input);
    }
    SUBCASE("part of a counted item") {
        const auto refused = take_back(original, 0, 1500);
        REQUIRE_FALSE(refused.ok());
        CHECK(refused.error().message == "Chocolate is sold by the piece: return a whole number");
    }
    SUBCASE("a post-voided ticket") {
        original.post_voided_by = "T01-000050";
        const auto refused = take_back(original, 0, 1000);
        REQUIRE_FALSE(refused.ok());
        CHECK(refused.error().code == pos::ErrorCode::not_allowed);
        CHECK(refused.error().message ==
              "Receipt T01-000042 was post-voided by T01-000050: nothing on it can be returned");
    }
    SUBCASE("a line that does not exist") {
        CHECK(take_back(original, 5, 1000).error().code == pos::ErrorCode::not_found);
    }
}

TEST_CASE("the return line of an exchange cannot itself be returned") {
    auto first_sale = open_ticket("s0");
    first_sale.add_line("w", wine, pos::Quantity::units(1));
    const auto first = paid_by_card(std::move(first_sale));

    auto exchange = open_ticket("s1");
    exchange.add_return_line(*take_back(first, 0, 1000, exchange));
    exchange.add_line("b", bread, pos::Quantity::units(1));
    complete(exchange, {refund(card(550), "s0")}, "T01-000043");
    const pos::OriginalTicket original{exchange, {}, {}, {}};

    const auto refused = take_back(original, 0, 1000);
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().message.find("Rioja came back on T01-000043") != std::string::npos);
    CHECK(take_back(original, 1, 1000).ok());  // the bread bought on the exchange can
}

TEST_CASE("returnable lines show what was sold, what came back and what one more refunds") {
    auto sale = open_ticket("s1");
    sale.set_promotions({three_for_two(chocolate.id)});
    sale.add_line("l1", chocolate, pos::Quantity::units(3));
    sale.add_line("l2", wine, pos::Quantity::units(1));
    sale.void_line(1);
    auto original = paid_by_card(std::move(sale));
    original.returned_milli["l1"] = 1000;
    auto in_progress = open_ticket("r1");
    in_progress.add_return_line(*take_back(original, 0, 1000, in_progress));

    const auto lines = pos::returnable_lines(original, in_progress);
    REQUIRE(lines.size() == 2);
    CHECK(lines[0].sold.milli == 3000);
    CHECK(lines[0].returned.milli == 2000);
    CHECK(lines[0].returnable.milli == 1000);
    CHECK(lines[0].paid.minor() == 300);
    CHECK(lines[0].unit_refund.minor() == 100);
    CHECK(lines[1].returnable.milli == 0);  // voided: never sold
    CHECK(lines[1].unit_refund.minor() == 0);

    original.post_voided_by = "T01-000050";
    CHECK(pos::returnable_lines(original, in_progress)[0].returnable.milli == 0);
}

TEST_CASE("a return without a receipt refunds the given price and reverses its tax") {
    const auto make = [](pos::PricingMode pricing) {
        return pos::make_unreceipted_return_line(
            wine, fakes::eur_cents(799), pos::Quantity::units(2), pos::ReturnReason::faulty,
            pos::Disposition::damaged, "07700900123", pricing, "ret");
    };
    const auto inclusive = make(pos::PricingMode::tax_inclusive);
    CHECK(gross(inclusive) == -1598);
    CHECK(tax(inclusive) == -266);
    CHECK(inclusive.extended.minor() == -1598);
    CHECK(inclusive.unit_price.minor() == 799);
    CHECK(inclusive.list_price == wine.unit_price);
    REQUIRE(inclusive.returned.has_value());
    CHECK(inclusive.returned->original_ticket_id.empty());
    CHECK(inclusive.returned->original_line_id.empty());
    CHECK(inclusive.returned->customer == "07700900123");
    CHECK(inclusive.returned->reason == pos::ReturnReason::faulty);
    CHECK(inclusive.returned->disposition == pos::Disposition::damaged);

    const auto exclusive = make(pos::PricingMode::tax_exclusive);
    CHECK(exclusive.amounts.net.minor() == -1598);
    CHECK(tax(exclusive) == -320);
    CHECK(gross(exclusive) == -1918);
    CHECK(exclusive.extended.minor() == -1598);
}

TEST_CASE("receipt references are read as typed or scanned") {
    const auto read = [](std::string_view text) {
        const auto ref = pos::parse_receipt_reference(text);
        REQUIRE(ref.ok());
        return std::pair{ref->store_code, ref->receipt_number};
    };
    CHECK(read("T01-000042") == std::pair<std::string, std::string>{"", "T01-000042"});
    CHECK(read("S001-T01-000042") == std::pair<std::string, std::string>{"S001", "T01-000042"});
    CHECK(read("  s001-t01-000042 ") == std::pair<std::string, std::string>{"S001", "T01-000042"});
    CHECK(read("T01-42").second == "T01-000042");
    CHECK(read("TILL2-1234567").second == "TILL2-1234567");

    for (const char* bad : {"X42", "T01", "01-000042", "T-000042", "T01-00A042", "T01-", "-000042",
                            "S001-T01-000042-1", "S-T01-000042", "T01 000042"}) {
        CAPTURE(bad);
        const auto refused = pos::parse_receipt_reference(bad);
        REQUIRE_FALSE(refused.ok());
        CHECK(refused.error().code == pos::ErrorCode::bad_input);
        CHECK(refused.error().message ==
              "'" + std::string(bad) + "' is not a receipt number: they look like T01-000042");
    }
    const auto empty = pos::parse_receipt_reference("   ");
    REQUIRE_FALSE(empty.ok());
    CHECK(empty.error().message == "Enter a receipt number: they look like T01-000042");
}

TEST_CASE("a customer's phone or ID is reduced to digits and upper-case letters") {
    CHECK(*pos::normalise_customer_key("+44 (0)7700 900-123") == "4407700900123");
    CHECK(*pos::normalise_customer_key("ab-123 456") == "AB123456");
    CHECK(*pos::normalise_customer_key("  x1 2 3 4 5 ") == "X12345");
    const auto refused = pos::normalise_customer_key("12-34 !");
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().code == pos::ErrorCode::bad_input);
    CHECK(refused.error().message.find("'12-34 !' is too short") != std::string::npos);
}
