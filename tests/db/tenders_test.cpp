#include <doctest/doctest.h>

#include "helpers.hpp"

using db_test::TempDir;
using pos::PaymentMethod;

namespace {

constexpr const char* milk = "4000000000013";
constexpr const char* bread = "4000000000037";
constexpr const char* wine = "4000000000044";
constexpr const char* bananas = "4011";

pos::Promotion milk_three_for_two() {
    pos::Promotion p;
    p.id = "milk-3-for-2";
    p.name = "3 for 2";
    p.kind = pos::PromotionKind::quantity_break;
    p.product_ids = {1};
    p.buy_quantity = 3;
    p.pay_quantity = 2;
    return p;
}

// A ticket that uses everything a line and a ticket can carry: a promotion, a price override, a
// line discount, a voided line and a ticket discount.
pos::Ticket full_ticket(db::Store& store) {
    pos::Ticket ticket = db_test::open_ticket(
        store, "T01", {{milk, 3000}, {wine, 1000}, {bread, 1000}, {bananas, 450}});
    ticket.set_promotions({milk_three_for_two()});
    ticket.set_price_override(1, pos::PriceOverride{799, 9, "label damaged"});
    ticket.set_line_discount(
        2, pos::Discount{pos::DiscountKind::percent, pos::Rate{100'000}, 0, "yesterday's bread"});
    ticket.void_line(3);
    ticket.set_discount(
        pos::Discount{pos::DiscountKind::amount, pos::Rate{}, 100, "loyal customer"});
    return ticket;
}

pos::Ticket paid_from(db::Store& store, const std::string& account, std::int64_t from_card_minor,
                      const std::vector<std::pair<std::string, std::int64_t>>& items) {
    pos::Ticket ticket = db_test::open_ticket(store, "T01", items);
    ticket.begin_tender();
    const std::int64_t due = ticket.totals().due.minor();
    ticket.add_payment(db_test::payment(PaymentMethod::gift_card, from_card_minor, account));
    if (due > from_card_minor)
        ticket.add_payment(db_test::payment(PaymentMethod::cash, due - from_card_minor));
    return ticket;
}

std::int64_t balance(db::Store& store, PaymentMethod kind, const std::string& account) {
    const auto found = store.stored_value().balance(kind, account);
    REQUIRE_MESSAGE(found.has_value(), "no account " << account);
    return found->minor();
}

}  // namespace

TEST_CASE("A sale with card, gift card, cash and cash rounding reads back exactly as written") {
    TempDir dir;
    const auto file = dir.file("terminal.db");
    auto store = db_test::small_store(file);
    REQUIRE(store->issue_stored_value(PaymentMethod::gift_card, "6006000000001", 1000, 1));

    pos::Ticket ticket = full_ticket(*store);
    REQUIRE(ticket.totals().savings.minor() == 119);  // the third milk is free
    ticket.begin_tender();
    const std::int64_t due = ticket.totals().due.minor();
    const std::int64_t rest = due - 500 - 300;  // after card and gift card
    REQUIRE(rest > 0);
    const std::int64_t rounded = rest - rest % 5;  // what the customer pays in cash
    ticket.add_payment(db_test::payment(PaymentMethod::card, 500, "AUTH 884512", "4242"));
    ticket.add_payment(db_test::payment(PaymentMethod::gift_card, 300, "6006000000001"));
    ticket.add_payment(db_test::payment(PaymentMethod::cash, 2000));
    ticket.add_payment(db_test::payment(PaymentMethod::cash, -(2000 - rounded)));
    ticket.add_payment(db_test::payment(PaymentMethod::cash_rounding, rest - rounded));
    REQUIRE(ticket.totals().due.is_zero());

    const auto sale = store->sales().complete_sale(ticket, db_test::at + 60'000);
    REQUIRE_MESSAGE(sale.ok(), sale.error().message);
    CHECK(sale->receipt_number == "T01-000001");
    CHECK(balance(*store, PaymentMethod::gift_card, "6006000000001") == 700);

    store.reset();
    auto reopened = db_test::open(file);
    const auto read = reopened->find_ticket("T01-000001");
    REQUIRE(read.has_value());
    CHECK(read->state() == pos::TicketState::completed);
    CHECK(read->completed_at_ms() == db_test::at + 60'000);
    db_test::check_same_content(*read, ticket);
    CHECK(read->lines()[0].promotion == "3 for 2");
    CHECK(read->lines()[1].price_override->reason == "label damaged");
    CHECK(read->lines()[3].voided);
    CHECK(read->payments()[0].card_last4 == "4242");
    CHECK(read->payments()[1].reference == "6006000000001");
}

TEST_CASE("A gift card with too little on it refuses the whole sale, and nothing is written") {
    TempDir dir;
    auto store = db_test::small_store(dir.file("terminal.db"));
    REQUIRE(store->issue_stored_value(PaymentMethod::gift_card, "6006000000001234", 500, 1));

    const pos::Ticket ticket = paid_from(*store, "6006000000001234", 800, {{wine, 1000}});
    const auto sale = store->sales().complete_sale(ticket, db_test::at);
    REQUIRE_FALSE(sale.ok());
    CHECK(sale.error().code == pos::ErrorCode::not_allowed);
    CHECK(sale.error().message == "Gift card ending 1234 has 5.00; the payment was 8.00");

    CHECK(balance(*store, PaymentMethod::gift_card, "6006000000001234") == 500);
    CHECK(store->completed_ticket_count() == 0);
    CHECK(db_test::count_rows(*store, "ticket_lines") == 0);
    CHECK(db_test::count_rows(*store, "payments") == 0);
    CHECK(db_test::count_rows(*store, "stored_value_ledger") == 1);  // the issue only
    CHECK(db_test::count_rows(*store, "journal") == 0);
    CHECK(db_test::count_rows(*store, "outbox") == 0);
    // No receipt number was used up.
    const auto next = store->sales().complete_sale(
        paid_from(*store, "6006000000001234", 500, {{wine, 1000}}), db_test::at);
    REQUIRE_MESSAGE(next.ok(), next.error().message);
    CHECK(next->receipt_number == "T01-000001");
    CHECK(balance(*store, PaymentMethod::gift_card, "6006000000001234") == 0);
}

TEST_CASE("Two payments from one gift card are added up before its balance is checked") {
    TempDir dir;
    auto store = db_test::small_store(dir.file("terminal.db"));
    REQUIRE(store->issue_stored_value(PaymentMethod::gift_card, "6006000000009876", 1000, 1));
    pos::Ticket ticket = db_test::open_ticket(*store, "T01", {{wine, 2000}});
    ticket.begin_tender();
    ticket.add_payment(db_test::payment(PaymentMethod::gift_card, 600, "6006000000009876"));
    ticket.add_payment(db_test::payment(PaymentMethod::gift_card, 600, "6006000000009876"));
    ticket.add_payment(db_test::payment(PaymentMethod::cash, ticket.totals().due.minor()));
    const auto sale = store->sales().complete_sale(ticket, db_test::at);
    REQUIRE_FALSE(sale.ok());
    CHECK(sale.error().message ==
          "Gift card ending 9876 has 10.00; the payments from it come to 12.00");
    CHECK(balance(*store, PaymentMethod::gift_card, "6006000000009876") == 1000);
}

TEST_CASE("A gift card or store credit account the store does not know refuses the sale") {
    TempDir dir;
    auto store = db_test::small_store(dir.file("terminal.db"));
    REQUIRE(store->issue_stored_value(PaymentMethod::gift_card, "6006000000005555", 5000, 1));
    SUBCASE("an unknown gift card") {
        const auto sale = store->sales().complete_sale(
            paid_from(*store, "6006000000004444", 100, {{bread, 1000}}), db_test::at);
        REQUIRE_FALSE(sale.ok());
        CHECK(sale.error().code == pos::ErrorCode::not_found);
        CHECK(sale.error().message ==
              "Gift card ending 4444 is not known to this store; the sale was not saved");
    }
    SUBCASE("a gift card number used as store credit") {
        pos::Ticket ticket = db_test::open_ticket(*store, "T01", {{bread, 1000}});
        ticket.begin_tender();
        ticket.add_payment(db_test::payment(PaymentMethod::store_credit,
                                            ticket.totals().due.minor(), "6006000000005555"));
        const auto sale = store->sales().complete_sale(ticket, db_test::at);
        REQUIRE_FALSE(sale.ok());
        CHECK(sale.error().message ==
              "Store credit account ending 5555 is not known to this store; the sale was not "
              "saved");
    }
    CHECK(store->completed_ticket_count() == 0);
}

TEST_CASE("Balances follow the ledger: issued, spent over several sales, topped up") {
    TempDir dir;
    auto store = db_test::small_store(dir.file("terminal.db"));
    REQUIRE(store->issue_stored_value(PaymentMethod::gift_card, "6006000000000001", 5000, 1));
    REQUIRE(store->issue_stored_value(PaymentMethod::store_credit, "SC1001", 1500, 2));
    // The same number as store credit is another account.
    REQUIRE(store->issue_stored_value(PaymentMethod::store_credit, "6006000000000001", 200, 3));

    REQUIRE(store->sales()
                .complete_sale(paid_from(*store, "6006000000000001", 899, {{wine, 1000}}), 10)
                .ok());
    REQUIRE(store->sales()
                .complete_sale(paid_from(*store, "6006000000000001", 1000, {{wine, 2000}}), 11)
                .ok());
    CHECK(balance(*store, PaymentMethod::gift_card, "6006000000000001") == 5000 - 899 - 1000);
    CHECK(balance(*store, PaymentMethod::store_credit, "6006000000000001") == 200);

    pos::Ticket credit = db_test::open_ticket(*store, "T01", {{bread, 1000}});
    credit.begin_tender();
    credit.add_payment(db_test::payment(PaymentMethod::store_credit, 349, "SC1001"));
    REQUIRE(store->sales().complete_sale(credit, 12).ok());
    CHECK(balance(*store, PaymentMethod::store_credit, "SC1001") == 1500 - 349);

    REQUIRE(store->issue_stored_value(PaymentMethod::gift_card, "6006000000000001", 1000, 13));
    CHECK(balance(*store, PaymentMethod::gift_card, "6006000000000001") == 5000 - 1899 + 1000);
    CHECK_FALSE(store->stored_value().balance(PaymentMethod::gift_card, "SC1001").has_value());
    CHECK_FALSE(store->stored_value().balance(PaymentMethod::cash, "SC1001").has_value());
    // Each sale's debit points at its ticket and payment.
    CHECK(store->database().query_int("SELECT count(*) FROM stored_value_ledger JOIN payments"
                                      " ON payments.id = stored_value_ledger.payment_id"
                                      " AND payments.ticket_id = stored_value_ledger.ticket_id"
                                      " AND payments.amount = -stored_value_ledger.amount",
                                      "test") == 3);
    CHECK_THROWS_AS(store->database().exec("DELETE FROM stored_value_ledger", "test"),
                    pos::StoreFailure);
}

TEST_CASE("Issuing stored value needs an account number and an amount above zero") {
    TempDir dir;
    auto store = db_test::small_store(dir.file("terminal.db"));
    auto refused = store->issue_stored_value(PaymentMethod::gift_card, "6006000000000001", 0, 1);
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().message ==
          "Gift card ending 0001: the amount issued must be more than 0 (it was 0.00); nothing "
          "was issued");
    refused = store->issue_stored_value(PaymentMethod::gift_card, "60", 100, 1);
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().message ==
          "Gift card numbers are 4 to 32 letters or digits; nothing was issued");
    refused = store->issue_stored_value(PaymentMethod::cash, "6006000000000001", 100, 1);
    REQUIRE_FALSE(refused.ok());
    CHECK(db_test::count_rows(*store, "stored_value_accounts") == 0);
}

TEST_CASE("Only the last four digits of a card are kept; a full card number is never stored") {
    TempDir dir;
    auto store = db_test::small_store(dir.file("terminal.db"));
    pos::Ticket ticket = db_test::open_ticket(*store, "T01", {{wine, 1000}});
    ticket.begin_tender();
    std::string problem;
    std::string secret;
    SUBCASE("a full card number where the last four digits go") {
        secret = "4111111111111111";
        ticket.add_payment(db_test::payment(PaymentMethod::card, 899, "AUTH 1", secret));
        problem = "A card payment keeps exactly the last four digits of the card, and nothing more";
    }
    SUBCASE("three digits") {
        ticket.add_payment(db_test::payment(PaymentMethod::card, 899, "AUTH 1", "111"));
        problem = "A card payment keeps exactly the last four digits of the card, and nothing more";
    }
    SUBCASE("a full card number as the reference, written with spaces") {
        secret = "4111 1111 1111 1111";
        ticket.add_payment(db_test::payment(PaymentMethod::card, 899, secret, "1111"));
        problem = "The card payment's reference looks like a full card number";
    }
    SUBCASE("a 12-digit number as the reference") {
        secret = "411111111111";
        ticket.add_payment(db_test::payment(PaymentMethod::card, 899, "ref " + secret, "1111"));
        problem = "The card payment's reference looks like a full card number";
    }
    SUBCASE("card digits on a cash payment") {
        ticket.add_payment(db_test::payment(PaymentMethod::cash, 899, "", "1111"));
        problem = "Only a card payment keeps the last four digits of a card";
    }
    const auto sale = store->sales().complete_sale(ticket, db_test::at);
    REQUIRE_FALSE(sale.ok());
    CHECK(sale.error().code == pos::ErrorCode::bad_input);
    CHECK(sale.error().message.starts_with(problem));
    CHECK(sale.error().message.ends_with("the sale was not saved"));
    if (!secret.empty())
        CHECK(sale.error().message.find(secret) == std::string::npos);  // not even in a message
    CHECK(store->completed_ticket_count() == 0);
    CHECK(db_test::count_rows(*store, "payments") == 0);
}

TEST_CASE("A reference that is not a card number, such as a terminal's auth code, is kept") {
    TempDir dir;
    auto store = db_test::small_store(dir.file("terminal.db"));
    pos::Ticket ticket = db_test::open_ticket(*store, "T01", {{wine, 1000}});
    ticket.begin_tender();
    ticket.add_payment(
        db_test::payment(PaymentMethod::card, 899, "AUTH 884512 / RRN 40123", "0042"));
    REQUIRE(store->sales().complete_sale(ticket, db_test::at).ok());
    CHECK(store->find_ticket("T01-000001")->payments()[0].reference == "AUTH 884512 / RRN 40123");
}

TEST_CASE("The file itself refuses card digits that are not exactly the last four") {
    TempDir dir;
    auto store = db_test::small_store(dir.file("terminal.db"));
    REQUIRE(store->sales()
                .complete_sale(db_test::paid_ticket(*store, "T01", {{bread, 1000}}, 349), 1)
                .ok());
    const std::string ticket_id = store->database().query_text("SELECT id FROM tickets", "test");
    const auto insert = [&](const std::string& method, const std::string& reference,
                            const std::string& last4) {
        db::Statement statement(store->database(),
                                "INSERT INTO payments (id, ticket_id, position, method, amount,"
                                " reference, card_last4) VALUES (?, ?, 9, ?, 0, ?, ?)");
        statement.bind_all(db_test::new_id(), ticket_id, method, reference, last4).run();
    };
    CHECK_THROWS_AS(insert("card", "", "12345"), pos::StoreFailure);
    CHECK_THROWS_AS(insert("card", "", "12a4"), pos::StoreFailure);
    CHECK_THROWS_AS(insert("cash", "", "1234"), pos::StoreFailure);
    CHECK_THROWS_AS(insert("card", "pan 411111111111", "1111"), pos::StoreFailure);
}
