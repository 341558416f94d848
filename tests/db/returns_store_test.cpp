#include <doctest/doctest.h>

#include "db/journal.hpp"
#include "helpers.hpp"

using db_test::TempDir;

namespace {

constexpr const char* bread = "4000000000037";  // 3.49 B
constexpr const char* wine = "4000000000044";   // 8.99 A
constexpr const char* milk = "4000000000013";   // 1.19 B

// A sale paid 5.00 by card (reference REF-1, ending 4242) and the rest in cash, with change.
pos::Ticket card_and_cash_sale(db::Store& store,
                               const std::vector<std::pair<std::string, std::int64_t>>& items,
                               std::int64_t cash_minor) {
    pos::Ticket ticket = db_test::open_ticket(store, "T01", items);
    ticket.begin_tender();
    ticket.add_payment(db_test::payment(pos::PaymentMethod::card, 500, "REF-1", "4242"));
    const std::int64_t due = ticket.totals().due.minor();
    REQUIRE(cash_minor >= due);
    ticket.add_payment(db_test::payment(pos::PaymentMethod::cash, cash_minor));
    if (cash_minor > due)
        ticket.add_payment(db_test::payment(pos::PaymentMethod::cash, due - cash_minor));
    return ticket;
}

pos::Payment refund(pos::PaymentMethod method, std::int64_t minor, const std::string& of,
                    std::string reference = {}, std::string last4 = {}) {
    pos::Payment p = db_test::payment(method, minor, std::move(reference), std::move(last4));
    p.refund_of = of;
    return p;
}

std::string journal_payload(db::SqliteStore& store, const std::string& ticket_id) {
    return db_test::text_for(store, "SELECT payload FROM journal WHERE entity_id = ?", ticket_id);
}

bool has_line(const std::string& payload, const std::string& line) {
    return payload.find("\n" + line + "\n") != std::string::npos;
}

pos::ApprovalGrant grant(pos::Permission permission, std::int64_t amount) {
    return {db_test::new_id(),     permission,      7, 9, "Morgan Lee", amount,
            "customer's birthday", db_test::at + 50};
}

}  // namespace

TEST_CASE("A return is stored and read back exactly as written, refunds pointing at the sale") {
    TempDir dir;
    auto store = db_test::small_store(dir.file("terminal.db"));
    const pos::Ticket sale =
        db_test::paid_ticket(*store, "T01", {{bread, 2000}, {wine, 1000}}, 2000);
    const std::string sold = db_test::complete(*store, sale, db_test::at);

    pos::Ticket back = db_test::empty_ticket();
    db_test::add_returns(*store, back, sold, {{0, 1000}}, pos::Disposition::damaged);
    db_test::refund_to_original(*store, back, sold);
    const std::string receipt = db_test::complete(*store, back, db_test::at + 100);
    CHECK(receipt == "T01-000002");

    const auto read = store->find_ticket(receipt);
    REQUIRE(read.has_value());
    db_test::check_same_content(*read, back);
    CHECK(read->kind() == pos::TicketKind::refund);
    CHECK(read->totals().total.minor() == -349);
    REQUIRE(read->payments().size() == 1);
    CHECK(read->payments()[0].method == pos::PaymentMethod::cash);
    CHECK(read->payments()[0].amount.minor() == -349);
    CHECK(read->payments()[0].refund_of == sale.id());
    const pos::ReturnOf& returned = *read->lines()[0].returned;
    CHECK(returned.original_receipt == "T01-000001");
    CHECK(returned.original_line_id == sale.lines()[0].id);
    CHECK(returned.disposition == pos::Disposition::damaged);

    // The archive now knows what came back of the sale and what was refunded.
    const auto original = store->archive().open_for_return(sold);
    REQUIRE(original.has_value());
    CHECK(original->returned_milli.at(sale.lines()[0].id) == 1000);
    CHECK_FALSE(original->returned_milli.contains(sale.lines()[1].id));
    REQUIRE(original->refunds.size() == 1);
    CHECK(original->refunds[0].amount.minor() == -349);
    CHECK(original->post_voided_by.empty());

    CHECK(store->database().query_text("SELECT kind FROM tickets WHERE receipt_number = "
                                       "'T01-000002'",
                                       "test") == "return");
    const std::string payload = journal_payload(*store, back.id());
    CHECK(payload.find("\nkind=return\n") != std::string::npos);
    CHECK(has_line(payload, "ticket.kind=return"));
    CHECK(has_line(payload, "line.1.return=1"));
    CHECK(has_line(payload, "line.1.return.original_receipt=T01-000001"));
    CHECK(has_line(payload, "line.1.return.reason=changed_mind"));
    CHECK(has_line(payload, "line.1.return.disposition=damaged"));
    CHECK(has_line(payload, "line.1.gross=-349"));
    CHECK(has_line(payload, "payment.1.refund_of=" + sale.id()));
    CHECK(store->verify_journal().message == "journal OK: 2 entries");
}

TEST_CASE("Sale lines take stock out of sellable; return lines put it into their disposition") {
    TempDir dir;
    auto store = db_test::small_store(dir.file("terminal.db"));
    const pos::Ticket sale =
        db_test::paid_ticket(*store, "T01", {{bread, 3000}, {wine, 2000}, {milk, 1000}}, 5000);
    const std::string sold = db_test::complete(*store, sale, db_test::at);
    const auto taken = store->stock_movements(sale.id());
    REQUIRE(taken.size() == 3);
    CHECK(taken[0].bucket == "sellable");
    CHECK(taken[0].quantity_milli == -3000);
    CHECK(taken[1].quantity_milli == -2000);
    CHECK(taken[2].line_id == sale.lines()[2].id);

    pos::Ticket back = db_test::empty_ticket();
    db_test::add_returns(*store, back, sold, {{0, 1000}}, pos::Disposition::restock);
    db_test::add_returns(*store, back, sold, {{1, 1000}}, pos::Disposition::damaged);
    db_test::add_returns(*store, back, sold, {{2, 1000}}, pos::Disposition::return_to_vendor);
    db_test::refund_to_original(*store, back, sold);
    db_test::complete(*store, back, db_test::at + 10);
    const auto moved = store->stock_movements(back.id());
    REQUIRE(moved.size() == 3);
    CHECK(moved[0].bucket == "sellable");
    CHECK(moved[1].bucket == "damaged");
    CHECK(moved[2].bucket == "vendor_return");
    for (const db::StockMovement& movement : moved) {
        CHECK(movement.quantity_milli == 1000);
        CHECK(movement.ticket_id == back.id());
        CHECK(movement.at_ms == db_test::at + 10);
    }
    CHECK(moved[1].product_id == sale.lines()[1].product_id);
}

TEST_CASE("An exchange keeps its return and sale lines, and refunds the difference") {
    TempDir dir;
    auto store = db_test::small_store(dir.file("terminal.db"));
    const pos::Ticket sale = db_test::paid_ticket(*store, "T01", {{wine, 1000}}, 1000);
    const std::string sold = db_test::complete(*store, sale, db_test::at);

    pos::Ticket exchange = db_test::empty_ticket();
    db_test::add_returns(*store, exchange, sold, {{0, 1000}});
    exchange.add_line(db_test::new_id(), *store->catalogue().find_by_code(bread, db_test::at),
                      pos::Quantity{1000});
    CHECK(exchange.totals().total.minor() == 349 - 899);
    db_test::refund_to_original(*store, exchange, sold);
    const std::string receipt = db_test::complete(*store, exchange, db_test::at + 5);

    const auto read = store->find_ticket(receipt);
    REQUIRE(read.has_value());
    db_test::check_same_content(*read, exchange);
    CHECK(read->kind() == pos::TicketKind::exchange);
    CHECK(read->lines()[0].returned.has_value());
    CHECK_FALSE(read->lines()[1].returned.has_value());
    const auto moved = store->stock_movements(exchange.id());
    REQUIRE(moved.size() == 2);
    CHECK(moved[0].quantity_milli == 1000);
    CHECK(moved[1].quantity_milli == -1000);
    CHECK(journal_payload(*store, exchange.id()).find("\nkind=exchange\n") != std::string::npos);
    CHECK(store->verify_journal().ok);
}

TEST_CASE("A post-void reverses every line and payment, keeps its approval, and happens once") {
    TempDir dir;
    auto store = db_test::small_store(dir.file("terminal.db"));
    const pos::Ticket sale = card_and_cash_sale(*store, {{wine, 1000}, {bread, 1000}}, 1000);
    const std::string sold = db_test::complete(*store, sale, db_test::at);

    std::vector<pos::TicketLine> all_back;  // every line in full, as the terminal builds them
    {
        pos::Ticket ticket = db_test::empty_ticket();
        db_test::add_returns(*store, ticket, sold, {{0, 1000}, {1, 1000}});
        all_back = ticket.lines();
    }
    // The second time, as another till that opened the receipt before the first post-void.
    const auto post_void = [&] {
        pos::Ticket ticket = db_test::empty_ticket();
        for (pos::TicketLine line : all_back) {
            line.id = db_test::new_id();
            ticket.add_return_line(std::move(line));
        }
        ticket.set_post_void_of(sale.id(), sold);
        ticket.add_approval(grant(pos::Permission::post_void, 1248));
        ticket.begin_tender();
        for (const pos::Payment& paid : sale.payments()) {
            ticket.add_payment(refund(paid.method, -paid.amount.minor(), sale.id(), paid.reference,
                                      paid.card_last4));
        }
        return ticket;
    };
    {
        // A post-void started and abandoned before tender does not count.
        pos::Ticket abandoned = db_test::empty_ticket();
        for (pos::TicketLine line : all_back) {
            line.id = db_test::new_id();
            abandoned.add_return_line(std::move(line));
        }
        abandoned.set_post_void_of(sale.id(), sold);
        abandoned.mark_voided();
        REQUIRE(store->sales().complete_sale(abandoned, db_test::at + 30).ok());
    }
    const pos::Ticket voiding = post_void();
    const std::string receipt = db_test::complete(*store, voiding, db_test::at + 60);

    const auto read = store->find_ticket(receipt);
    REQUIRE(read.has_value());
    db_test::check_same_content(*read, voiding);
    CHECK(read->kind() == pos::TicketKind::post_void);
    CHECK(read->post_void_of() == sale.id());
    CHECK(read->post_void_of_receipt() == sold);
    REQUIRE(read->approvals().size() == 1);
    CHECK(read->approvals()[0].approver_name == "Morgan Lee");
    CHECK(read->approvals()[0].permission == pos::Permission::post_void);
    CHECK(read->totals().total == -sale.totals().total);
    CHECK(store->archive().open_for_return(sold)->post_voided_by == receipt);

    const std::string payload = journal_payload(*store, voiding.id());
    CHECK(payload.find("\nkind=post_void\n") != std::string::npos);
    CHECK(has_line(payload, "ticket.post_void_of=" + sale.id()));
    CHECK(has_line(payload, "approvals=1"));
    CHECK(has_line(payload, "approval.1.rule=post_void"));
    CHECK(has_line(payload, "approval.1.approver_name=Morgan Lee"));
    CHECK(has_line(payload, "approval.1.amount=1248"));

    const auto tickets = db_test::count_rows(*store, "tickets");
    const auto again = store->sales().complete_sale(post_void(), db_test::at + 70);
    REQUIRE_FALSE(again.ok());
    CHECK(again.error().message == "Receipt T01-000001 was already post-voided (receipt " +
                                       receipt + "); nothing was refunded and nothing was written");
    CHECK(db_test::count_rows(*store, "tickets") == tickets);
    CHECK(store->verify_journal().message == "journal OK: 3 entries");
}

TEST_CASE("Two tills returning the same line: the second is refused and writes nothing") {
    TempDir dir;
    const auto file = dir.file("terminal.db");
    auto first = db_test::small_store(file);
    auto second = db_test::open(file);
    const pos::Ticket sale = db_test::paid_ticket(*first, "T01", {{bread, 1000}}, 500);
    const std::string sold = db_test::complete(*first, sale, db_test::at);

    // Both tills open the receipt and build the return before either completes it.
    pos::Ticket at_first = db_test::empty_ticket("T01");
    db_test::add_returns(*first, at_first, sold, {{0, 1000}});
    db_test::refund_to_original(*first, at_first, sold);
    pos::Ticket at_second = db_test::empty_ticket("T02");
    db_test::add_returns(*second, at_second, sold, {{0, 1000}});
    db_test::refund_to_original(*second, at_second, sold);

    db_test::complete(*first, at_first, db_test::at + 10);
    const auto tickets = db_test::count_rows(*second, "tickets");
    const auto journal = db_test::count_rows(*second, "journal");
    const auto refused = second->sales().complete_sale(at_second, db_test::at + 11);
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().message ==
          "\"Sourdough Bread\" on receipt T01-000001: 1 sold, 1 already returned (perhaps at "
          "another till), so 0 can still be returned, not 1; nothing was refunded and nothing "
          "was written");
    CHECK(db_test::count_rows(*second, "tickets") == tickets);
    CHECK(db_test::count_rows(*second, "journal") == journal);
    CHECK(db_test::count_rows(*second, "stock_movements") == 2);
    CHECK(db_test::count_rows(*second, "receipt_sequences") == 1);  // T02 used no number
    CHECK(second->verify_journal().ok);
}

TEST_CASE("A refund never gives a tender more than it paid, nor a card it did not pay with") {
    TempDir dir;
    auto store = db_test::small_store(dir.file("terminal.db"));
    // Wine 8.99: 5.00 by card, 3.99 net in cash (10.00 given, 6.01 change).
    const pos::Ticket sale = card_and_cash_sale(*store, {{wine, 1000}}, 1000);
    const std::string sold = db_test::complete(*store, sale, db_test::at);
    const auto tickets = db_test::count_rows(*store, "tickets");

    const auto refused = [&](std::vector<pos::Payment> payments) {
        pos::Ticket back = db_test::empty_ticket();
        db_test::add_returns(*store, back, sold, {{0, 1000}});
        back.begin_tender();
        for (auto& p : payments)
            back.add_payment(std::move(p));
        const auto done = store->sales().complete_sale(back, db_test::at + 5);
        REQUIRE_FALSE(done.ok());
        CHECK(db_test::count_rows(*store, "tickets") == tickets);
        return done.error().message;
    };
    SUBCASE("all of it to the card") {
        CHECK(refused({refund(pos::PaymentMethod::card, -899, sale.id(), "REF-1", "4242")}) ==
              "Card ending 4242 paid 5.00 on receipt T01-000001 and 0.00 of it was already "
              "refunded, so it can take 5.00 more, not 8.99; nothing was refunded and nothing "
              "was written");
    }
    SUBCASE("all of it in cash") {
        CHECK(refused({refund(pos::PaymentMethod::cash, -899, sale.id())}) ==
              "Cash paid 3.99 on receipt T01-000001 and 0.00 of it was already refunded, so it "
              "can take 3.99 more, not 8.99; nothing was refunded and nothing was written");
    }
    SUBCASE("to a card reference the sale did not take") {
        CHECK(refused({refund(pos::PaymentMethod::card, -500, sale.id(), "REF-9", "4242"),
                       refund(pos::PaymentMethod::cash, -399, sale.id())}) ==
              "Card ending 4242 did not pay on receipt T01-000001, so no refund can go to it "
              "(refunds go back to the tender that paid); nothing was refunded and nothing was "
              "written");
    }
    SUBCASE("naming a ticket the store does not have") {
        CHECK(refused({refund(pos::PaymentMethod::cash, -899, "no-such-ticket")}) ==
              "A refund names a ticket that is not a completed ticket of this store; nothing was "
              "refunded and nothing was written");
    }
    SUBCASE("a refund that gives nothing back") {
        CHECK(refused({refund(pos::PaymentMethod::cash, -999, sale.id()),
                       refund(pos::PaymentMethod::cash, 100, sale.id())}) ==
              "A refund to Cash must be a negative amount, not 1.00; nothing was refunded and "
              "nothing was written");
    }
    SUBCASE("the split the terminal plans is taken") {
        pos::Ticket back = db_test::empty_ticket();
        db_test::add_returns(*store, back, sold, {{0, 1000}});
        db_test::refund_to_original(*store, back, sold);
        REQUIRE(back.payments().size() == 2);
        CHECK(back.payments()[0].amount.minor() == -500);
        CHECK(back.payments()[1].amount.minor() == -399);
        db_test::complete(*store, back, db_test::at + 5);
    }
}

TEST_CASE("A refund to a gift card credits it; store credit opens a new account when needed") {
    TempDir dir;
    auto store = db_test::small_store(dir.file("terminal.db"));
    REQUIRE(store->issue_stored_value(pos::PaymentMethod::gift_card, "6006000000001", 5000,
                                      db_test::at));
    pos::Ticket sale = db_test::open_ticket(*store, "T01", {{wine, 1000}, {bread, 1000}});
    sale.begin_tender();
    sale.add_payment(db_test::payment(pos::PaymentMethod::gift_card, 1248, "6006000000001"));
    const std::string sold = db_test::complete(*store, sale, db_test::at);
    auto& stored = store->stored_value();
    CHECK(stored.balance(pos::PaymentMethod::gift_card, "6006000000001")->minor() == 5000 - 1248);

    SUBCASE("back to the gift card") {
        pos::Ticket back = db_test::empty_ticket();
        db_test::add_returns(*store, back, sold, {{0, 1000}});
        db_test::refund_to_original(*store, back, sold);
        db_test::complete(*store, back, db_test::at + 5);
        CHECK(stored.balance(pos::PaymentMethod::gift_card, "6006000000001")->minor() ==
              5000 - 1248 + 899);
        db::Statement credit(store->database(),
                             "SELECT amount, ticket_id, payment_id FROM stored_value_ledger"
                             " WHERE reason = 'refund'");
        REQUIRE(credit.step());
        CHECK(credit.column_int64(0) == 899);
        CHECK(credit.column_text(1) == back.id());
        CHECK(credit.column_text(2) == back.payments()[0].id);
    }
    SUBCASE("as store credit on an account that did not exist") {
        pos::Ticket back = db_test::empty_ticket();
        db_test::add_returns(*store, back, sold, {{1, 1000}});
        back.begin_tender();
        back.add_payment(refund(pos::PaymentMethod::store_credit, -349, sale.id(), "SC0190C6A2B1"));
        CHECK_FALSE(stored.balance(pos::PaymentMethod::store_credit, "SC0190C6A2B1").has_value());
        db_test::complete(*store, back, db_test::at + 5);
        CHECK(stored.balance(pos::PaymentMethod::store_credit, "SC0190C6A2B1")->minor() == 349);
        CHECK(db_test::count_rows(*store, "stored_value_accounts") == 2);
    }
    SUBCASE("not to a gift card the store does not know") {
        pos::Ticket back = db_test::empty_ticket();
        db_test::add_returns(*store, back, sold, {{1, 1000}});
        back.begin_tender();
        back.add_payment(db_test::payment(pos::PaymentMethod::gift_card, -349, "6006000000099"));
        const auto done = store->sales().complete_sale(back, db_test::at + 5);
        REQUIRE_FALSE(done.ok());
        CHECK(done.error().message ==
              "Gift card ending 0099 is not known to this store; the refund was not saved");
        CHECK(db_test::count_rows(*store, "stored_value_accounts") == 1);
    }
}

TEST_CASE("Approvals and declines are journaled with rule and approver, and verify stays OK") {
    TempDir dir;
    auto store = db_test::small_store(dir.file("terminal.db"));
    pos::TicketEvent approval;
    approval.id = "0190c6a2-0000-7000-8000-00000000000a";
    approval.kind = pos::EventKind::approval;
    approval.terminal_id = "T01";
    approval.ticket_id = "ticket-1";
    approval.user_id = 7;
    approval.user_name = "Alex Martin";
    approval.approved_by = 9;
    approval.approver_name = "Morgan Lee";
    approval.rule = "refund_over_limit";
    approval.amount_minor = 6200;
    approval.reason = "receipt checked";
    approval.at_ms = db_test::at;
    REQUIRE(store->events().record(approval));
    pos::TicketEvent declined = approval;
    declined.id = db_test::new_id();
    declined.kind = pos::EventKind::approval_declined;
    declined.ticket_id.clear();  // a decline of a no-sale concerns no ticket
    declined.rule = "no_sale";
    REQUIRE(store->events().record(declined));

    const std::string payload =
        store->database().query_text("SELECT payload FROM journal WHERE kind = 'approval'", "test");
    CHECK(
        payload.ends_with("event.approved_by=9\n"
                          "event.amount=6200\n"
                          "event.reason=receipt checked\n"
                          "event.rule=refund_over_limit\n"
                          "event.approver_name=Morgan Lee\n"));
    CHECK(store->database()
              .query_text("SELECT payload FROM journal WHERE kind = 'approval_declined'", "test")
              .find("\nevent.rule=no_sale\n") != std::string::npos);

    pos::TicketEvent unknown = approval;
    unknown.id = db_test::new_id();
    unknown.rule = "free_lunch";
    const auto refused = store->events().record(unknown);
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().message ==
          "The approval event names no known rule (\"free_lunch\"); it was not recorded");

    // A sale, its return with an approval, and the events: one chain, intact.
    const pos::Ticket sale = db_test::paid_ticket(*store, "T01", {{wine, 1000}}, 1000);
    const std::string sold = db_test::complete(*store, sale, db_test::at + 1);
    pos::Ticket back = db_test::empty_ticket();
    db_test::add_returns(*store, back, sold, {{0, 1000}});
    back.add_approval(grant(pos::Permission::refund_over_limit, 899));
    db_test::refund_to_original(*store, back, sold);
    const std::string returned = db_test::complete(*store, back, db_test::at + 2);
    CHECK(store->find_ticket(returned)->approvals() == back.approvals());
    CHECK(store->verify_journal().message == "journal OK: 4 entries");
}
