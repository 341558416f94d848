#include <doctest/doctest.h>

#include <algorithm>

#include "fakes.hpp"
#include "pos/till.hpp"

using fakes::eur;
using fakes::eur_cents;
using pos::CashMovementKind;
using pos::PaymentMethod;

namespace {

std::string error_of(std::string_view text, const pos::Currency& currency = eur) {
    const auto parsed = pos::parse_cash_count(text, currency);
    REQUIRE_FALSE(parsed.ok());
    CHECK(parsed.error().code == pos::ErrorCode::bad_input);
    return parsed.error().message;
}

// A shift with a 100.00 float that took 80.00 net cash and 55.50 on card, with a paid in of
// 10.00, a paid out of 5.00 and a drop of 50.00: 135.00 should be in the drawer.
pos::ShiftTotals busy_shift() {
    pos::ShiftTotals totals;
    totals.opening_float = eur_cents(10000);
    totals.tenders = {{PaymentMethod::cash, 4, eur_cents(8000)},
                      {PaymentMethod::card, 2, eur_cents(5550)}};
    totals.paid_in = eur_cents(1000);
    totals.paid_out = eur_cents(500);
    totals.drops = eur_cents(5000);
    totals.pickups = eur_cents(0);
    totals.tickets = 6;
    return totals;
}

}  // namespace

TEST_CASE("euro denominations run from the 500 note down to the cent, largest first") {
    const auto values = pos::denominations(eur);
    REQUIRE(values.size() == 15);
    CHECK(values.front() == 50000);
    CHECK(values.back() == 1);
    CHECK(std::is_sorted(values.rbegin(), values.rend()));
    const auto usd = pos::denominations(pos::Currency::of("USD", 2));
    CHECK(std::find(usd.begin(), usd.end(), 25) != usd.end());
    const auto gbp = pos::denominations(pos::Currency::of("GBP", 2));
    CHECK(gbp.front() == 5000);
    // Any other currency gets a plain 1-2-5 set down to its minor unit.
    const auto yen = pos::denominations(pos::Currency::of("JPY", 0));
    CHECK(yen ==
          std::vector<std::int64_t>{10000, 5000, 2000, 1000, 500, 200, 100, 50, 20, 10, 5, 2, 1});
    CHECK(pos::parse_cash_count("10000x3 1000x2", pos::Currency::of("JPY", 0)).ok());
}

TEST_CASE("a float typed as VALUExHOW-MANY is counted by denomination, largest first") {
    const auto count = pos::parse_cash_count("0.50x10 20.00x5  50x2 0.01x3", eur);
    REQUIRE(count.ok());
    const std::vector<pos::DenominationCount> expected = {{5000, 2}, {2000, 5}, {50, 10}, {1, 3}};
    CHECK(count->counts == expected);
    CHECK(count->total_minor() == 10000 + 10000 + 500 + 3);
    CHECK(pos::cash_count_text(*count, eur) == "50.00x2 20.00x5 0.50x10 0.01x3");
    // The text form reads back to the same count.
    CHECK(*pos::parse_cash_count(pos::cash_count_text(*count, eur), eur) == *count);
}

TEST_CASE("a count may be typed with a capital X, tabs or line breaks between the words") {
    const auto count = pos::parse_cash_count("10X2\t5.00x1\n0.20x5", eur);
    REQUIRE(count.ok());
    CHECK(pos::cash_count_text(*count, eur) == "10.00x2 5.00x1 0.20x5");
    CHECK(count->total_minor() == 2600);
}

TEST_CASE("an empty drawer is typed as 0 or nothing and prints as nothing") {
    CHECK(pos::parse_cash_count("0", eur)->counts.empty());
    CHECK(pos::parse_cash_count("   ", eur)->counts.empty());
    CHECK(pos::parse_cash_count("", eur)->total_minor() == 0);
    CHECK(pos::cash_count_text({}, eur).empty());
}

TEST_CASE("a mistyped count names the word that was wrong") {
    CHECK(error_of("50.00x2 20x") == "'20x' is not a count: write VALUExHOW-MANY, like 20.00x5");
    CHECK(error_of("20.00") == "'20.00' is not a count: write VALUExHOW-MANY, like 20.00x5");
    CHECK(error_of("abcx2") == "'abcx2' is not a count: write VALUExHOW-MANY, like 20.00x5");
    CHECK(error_of("0 20.00x1") == "'0' is not a count: write VALUExHOW-MANY, like 20.00x5");
    CHECK(error_of("2.50x4") == "2.50 is not a EUR note or coin");
    CHECK(error_of("20.00x5 20x1") == "20.00 is counted twice");
    CHECK(error_of("20.00x-1") == "'20.00x-1': a count is a whole number of at least 1");
    CHECK(error_of("20.00x0") == "'20.00x0': a count is a whole number of at least 1");
    CHECK(error_of("20.00x1.5") == "'20.00x1.5': a count is a whole number of at least 1");
    CHECK(error_of("20.00x10000000") == "'20.00x10000000': at most 999999 of one note or coin");
    CHECK(error_of("0.25x4") == "0.25 is not a EUR note or coin");
    CHECK(pos::parse_cash_count("0.25x4", pos::Currency::of("USD", 2))->total_minor() == 100);
}

TEST_CASE("movement kinds have a stored name, a label and a journal kind") {
    CHECK(pos::to_string(CashMovementKind::paid_in) == "paid_in");
    CHECK(pos::to_string(CashMovementKind::pickup) == "pickup");
    CHECK(pos::describe(CashMovementKind::paid_out) == "Paid out");
    CHECK(pos::describe(CashMovementKind::drop) == "Drop");
    CHECK(pos::journal_kind(CashMovementKind::paid_out) == "paid_out");
    CHECK(pos::journal_kind(CashMovementKind::drop) == "cash_drop");
    CHECK(pos::journal_kind(CashMovementKind::pickup) == "cash_pickup");
    for (auto kind : {CashMovementKind::paid_in, CashMovementKind::paid_out, CashMovementKind::drop,
                      CashMovementKind::pickup})
        CHECK(pos::cash_movement_from(pos::to_string(kind)) == kind);
    CHECK_FALSE(pos::cash_movement_from("cash_drop").has_value());
    CHECK(pos::drawer_sign(CashMovementKind::paid_in) == 1);
    CHECK(pos::drawer_sign(CashMovementKind::drop) == -1);
    CHECK(pos::drawer_sign(CashMovementKind::pickup) == -1);
    CHECK(pos::drawer_sign(CashMovementKind::paid_out) == -1);
}

TEST_CASE("the drawer should hold the float, net cash and paid ins, less what was taken out") {
    const auto totals = busy_shift();
    CHECK(totals.expected_cash() == eur_cents(10000 + 8000 + 1000 - 500 - 5000));
    CHECK(totals.expected(PaymentMethod::cash) == eur_cents(13500));
    CHECK(totals.expected(PaymentMethod::card) == eur_cents(5550));
    CHECK(totals.expected(PaymentMethod::gift_card) == eur_cents(0));
    // A shift with only a float: figures db/ left unset count as zero, in the float's currency.
    pos::ShiftTotals fresh;
    fresh.opening_float = eur_cents(5000);
    CHECK(fresh.expected_cash() == eur_cents(5000));
    CHECK(fresh.expected(PaymentMethod::card) == eur_cents(0));
}

TEST_CASE("a movement needs a positive amount, a reason for paid in/out, and cash to take") {
    const auto totals = busy_shift();
    CHECK(pos::check_movement(CashMovementKind::paid_out, eur_cents(1250), "Window cleaner", totals)
              .ok());
    CHECK(pos::check_movement(CashMovementKind::drop, eur_cents(13500), "", totals).ok());
    CHECK(pos::check_movement(CashMovementKind::paid_in, eur_cents(100000), "Change", totals).ok());

    const auto refused = [&](CashMovementKind kind, std::int64_t cents, std::string_view reason) {
        const auto status = pos::check_movement(kind, eur_cents(cents), reason, totals);
        REQUIRE_FALSE(status.ok());
        CHECK(status.error().code == pos::ErrorCode::bad_input);
        return status.error().message;
    };
    CHECK(refused(CashMovementKind::paid_in, 0, "Change") == "Paid in needs an amount above zero");
    CHECK(refused(CashMovementKind::drop, -500, "") == "Drop needs an amount above zero");
    CHECK(refused(CashMovementKind::paid_out, 500, "  ") == "Paid out needs a reason");
    CHECK(refused(CashMovementKind::paid_in, 500, "") == "Paid in needs a reason");
    CHECK(refused(CashMovementKind::pickup, 13501, "") ==
          "135.01 is more than the drawer should hold, so it cannot be taken out");
    CHECK(refused(CashMovementKind::paid_out, 20000, "Stamps") ==
          "200.00 is more than the drawer should hold, so it cannot be taken out");
    const auto usd = pos::check_movement(CashMovementKind::paid_in,
                                         pos::Money(100, pos::Currency::of("USD", 2)), "x", totals);
    REQUIRE_FALSE(usd.ok());
    CHECK(usd.error().message == "The amount is in USD; this till counts EUR");
}

TEST_CASE("the blind count is set against what the shift expects, cash and card") {
    const auto totals = busy_shift();
    pos::CloseCount count;
    count.cash = *pos::parse_cash_count("100x1 20x1 2x6", eur);  // 132.00: short by 3.00
    count.card = eur_cents(5650);                                // over by 1.00
    const auto differences = pos::over_short(totals, count);
    REQUIRE(differences.size() == 2);
    CHECK(differences[0].method == PaymentMethod::cash);
    CHECK(differences[0].expected == eur_cents(13500));
    CHECK(differences[0].counted == eur_cents(13200));
    CHECK(differences[0].difference() == eur_cents(-300));
    CHECK(differences[1].method == PaymentMethod::card);
    CHECK(differences[1].difference() == eur_cents(100));
    CHECK(pos::describe_differences(differences) ==
          "Cash short by 3.00 (expected 135.00, counted 132.00); "
          "card over by 1.00 (expected 55.50, counted 56.50)");
    CHECK_FALSE(pos::beyond_threshold(differences, 500));
    CHECK(pos::beyond_threshold(differences, 299));
    CHECK_FALSE(pos::beyond_threshold(differences, 300));  // exactly at the threshold is fine
}

TEST_CASE("card is listed at the close even when the shift took none") {
    pos::ShiftTotals totals;
    totals.opening_float = eur_cents(5000);
    pos::CloseCount count;
    count.cash = *pos::parse_cash_count("50x1", eur);
    const auto differences = pos::over_short(totals, count);
    REQUIRE(differences.size() == 2);
    CHECK(differences[1].method == PaymentMethod::card);
    CHECK(differences[1].expected == eur_cents(0));
    CHECK(differences[1].counted == eur_cents(0));
    CHECK(pos::describe_differences(differences) == "Cash and card balance");
    CHECK_FALSE(pos::beyond_threshold(differences, 0));
}

TEST_CASE("only the tenders that differ are named, a card shortfall first when cash balances") {
    const auto totals = busy_shift();
    pos::CloseCount count;
    count.cash = *pos::parse_cash_count("100x1 20x1 10x1 5x1", eur);  // 135.00 exactly
    count.card = eur_cents(0);
    const auto differences = pos::over_short(totals, count);
    CHECK(pos::describe_differences(differences) ==
          "Card short by 55.50 (expected 55.50, counted 0.00)");
    CHECK(pos::beyond_threshold(differences, 500));
}
