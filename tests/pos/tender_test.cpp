// Split tenders, cards, gift cards, cash rounding and overtender limits.
#include <doctest/doctest.h>

#include "fakes.hpp"
#include "pos/sale.hpp"

using fakes::eur_cents;

namespace {

struct Fixture : fakes::Services {
    pos::StoreSettings settings = fakes::settings();
    std::optional<pos::SaleSession> session;

    void open(pos::StoreSettings s) {
        settings = std::move(s);
        session.emplace(sale(), settings, fakes::clerk);
    }
    Fixture() { open(fakes::settings()); }

    // Rioja 8.99 + bread 3.49 = 12.48, then to the tender screen.
    void basket() {
        REQUIRE(session->add_item("4000000000037").ok());
        REQUIRE(session->add_item("4000000000020").ok());
        REQUIRE(session->begin_tender().ok());
    }
    std::int64_t paid_by(pos::PaymentMethod m) const {
        std::int64_t sum = 0;
        for (const auto& p : session->ticket().payments()) {
            if (p.method == m)
                sum += p.amount.minor();
        }
        return sum;
    }
};

}  // namespace

TEST_CASE_FIXTURE(Fixture,
                  "part cash then card completes the sale and payments add up to the total") {
    basket();
    auto cash = session->tender_cash("5", true);
    REQUIRE(cash.ok());
    CHECK_FALSE(cash->completed.has_value());
    CHECK(cash->still_due.minor() == 748);
    auto card = session->tender_card({"7.48", "AUTH-000123", "4242"});
    REQUIRE(card.ok());
    REQUIRE(card->completed.has_value());
    CHECK(session->ticket().state() == pos::TicketState::completed);
    CHECK(session->ticket().totals().paid.minor() == 1248);
    const auto& payments = store.written.at(0).payments();
    REQUIRE(payments.size() == 2);
    CHECK(payments[1].method == pos::PaymentMethod::card);
    CHECK(payments[1].card_last4 == "4242");
    CHECK(payments[1].reference == "AUTH-000123");
}

TEST_CASE_FIXTURE(Fixture, "cash less than due is refused unless it is a part payment") {
    basket();
    auto r = session->tender_cash("5");
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().message == "Cash 5.00 is less than the 12.48 due: key the amount received");
    CHECK(session->ticket().payments().empty());
}

TEST_CASE_FIXTURE(Fixture, "cards never give change and never take a card number") {
    basket();
    auto over = session->tender_card({"20.00", "AUTH-1", "4242"});
    REQUIRE_FALSE(over.ok());
    CHECK(over.error().message.find("no change is given on cards") != std::string::npos);
    auto full_number = session->tender_card({"5.00", "4111111111111111", "1111"});
    REQUIRE_FALSE(full_number.ok());
    CHECK(full_number.error().message.find("looks like a card number") != std::string::npos);
    auto bad_last4 = session->tender_card({"5.00", "AUTH-1", "41111"});
    REQUIRE_FALSE(bad_last4.ok());
    CHECK(bad_last4.error().message.find("last four digits") != std::string::npos);
    CHECK(session->ticket().payments().empty());
}

TEST_CASE_FIXTURE(Fixture, "a gift card pays up to its balance and the rest is due") {
    stored_value.balances.emplace("6006000000002", eur_cents(500));
    basket();
    auto gift = session->tender_stored_value(pos::PaymentMethod::gift_card, "6006000000002", "");
    REQUIRE(gift.ok());
    CHECK(gift->still_due.minor() == 748);
    CHECK(paid_by(pos::PaymentMethod::gift_card) == 500);

    auto too_much =
        session->tender_stored_value(pos::PaymentMethod::gift_card, "6006000000002", "9");
    REQUIRE_FALSE(too_much.ok());
    CHECK(too_much.error().message.find("has 5.00, less than the 9.00 asked") != std::string::npos);

    auto unknown = session->tender_stored_value(pos::PaymentMethod::gift_card, "999", "");
    REQUIRE_FALSE(unknown.ok());
    CHECK(unknown.error().message == "Gift card 999 is not known here");

    REQUIRE(session->tender_cash("10").ok());
    CHECK(session->ticket().state() == pos::TicketState::completed);
    CHECK(session->ticket().change_given().minor() == 252);
}

TEST_CASE_FIXTURE(Fixture, "a refused completion takes back only the last tender") {
    basket();
    REQUIRE(session->tender_card({"2.48", "AUTH-9", "4242"}).ok());
    store.fail_next = true;
    auto r = session->tender_cash("10");
    REQUIRE_FALSE(r.ok());
    REQUIRE(session->ticket().payments().size() == 1);  // the card charge still stands
    CHECK(session->ticket().totals().due.minor() == 1000);
    CHECK(session->back_to_sale().ok() == false);  // payment has started
    REQUIRE(session->tender_cash("10").ok());
}

TEST_CASE_FIXTURE(Fixture, "cash rounds to 0.05 only when cash settles the sale") {
    auto s = fakes::settings();
    s.cash_rounding = {5, pos::RoundingMode::half_up};
    open(s);
    basket();  // 12.48
    CHECK(session->cash_due().minor() == 1250);
    REQUIRE(session->tender_cash("20").ok());
    CHECK(session->ticket().change_given().minor() == 750);
    CHECK(paid_by(pos::PaymentMethod::cash_rounding) == -2);
    CHECK(session->ticket().totals().paid.minor() == 1248);  // still adds up to the total
}

TEST_CASE_FIXTURE(Fixture, "a card pays the exact amount with no cash rounding") {
    auto s = fakes::settings();
    s.cash_rounding = {5, pos::RoundingMode::half_up};
    open(s);
    basket();
    REQUIRE(session->tender_card({"12.48", "AUTH-2", "0005"}).ok());
    CHECK(paid_by(pos::PaymentMethod::cash_rounding) == 0);
}

TEST_CASE_FIXTURE(Fixture, "cash that would need more change than the limit is refused") {
    auto s = fakes::settings();
    s.cash_overtender_limit_minor = 10000;
    open(s);
    basket();
    auto r = session->tender_cash("501234500001");
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().message.find("more than the 100.00 allowed") != std::string::npos);
    CHECK(session->ticket().payments().empty());
    CHECK(session->tender_cash("100").ok());
}
