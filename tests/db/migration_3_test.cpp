#include <doctest/doctest.h>

#include "db/journal.hpp"
#include "db/migrations.hpp"
#include "helpers.hpp"

using db_test::TempDir;

namespace {

// Every row of a table in rowid order, one line each: for "unchanged by the migration" checks.
std::string dump(db::Database& db, const std::string& table, const std::string& columns) {
    db::Statement rows(db, "SELECT " + columns + " FROM " + table + " ORDER BY rowid");
    std::string out;
    while (rows.step())
        out += rows.column_text(0) + "\n";
    return out;
}

const std::string journal_columns =
    "id || '|' || terminal_id || '|' || sequence || '|' || kind || '|' || entity_id || '|' ||"
    " ticket_id || '|' || at_ms || '|' || payload || '|' || prev_hash || '|' || hash";
const std::string outbox_columns =
    "id || '|' || journal_id || '|' || terminal_id || '|' || sequence || '|' || created_at_ms"
    " || '|' || coalesce(acknowledged_at_ms, 'NULL')";
const std::string ledger_columns =
    "id || '|' || account_id || '|' || amount || '|' || reason || '|' ||"
    " coalesce(ticket_id, '') || '|' || coalesce(payment_id, '') || '|' || at_ms";

}  // namespace

TEST_CASE("A schema 2 file with sales and a journal migrates to 3, data and chain unchanged") {
    TempDir dir;
    const auto file = dir.file("terminal.db");
    pos::Ticket sale = db_test::empty_ticket();
    std::string journal_before;
    std::string outbox_before;
    std::string ledger_before;
    {
        // A store as a schema 2 terminal left it: staff, a gift card sale journaled, a no-sale.
        auto old = db::Database::open(file);
        REQUIRE(db::check_openable(old));
        db::configure_connection(old);
        REQUIRE(db::migrate(old, 2));
        old.exec(R"sql(
            INSERT INTO users (code, name, role, pin_hash) VALUES ('9001', 'Morgan Lee', 'manager',
                '$argon2id$v=19$m=65536,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2g');
            INSERT INTO receipt_sequences (terminal_id, last_sequence) VALUES ('T01', 1);
            INSERT INTO tickets (id, terminal_id, state, sequence, receipt_number, clerk_id,
                clerk_name, currency_code, currency_exponent, pricing, tax_rounding,
                discount_kind, discount_percent_ppm, discount_fixed, discount_reason,
                opened_at_ms, completed_at_ms, total_savings, total_discounts, total_net,
                total_tax, total)
            VALUES ('t-1', 'T01', 'completed', 1, 'T01-000001', 7, 'Alex Martin', 'EUR', 2,
                'tax_inclusive', 'per_line', 'none', 0, 0, '', 100, 200, 0, 0, 332, 17, 349);
            INSERT INTO ticket_lines (id, ticket_id, position, product_id, code, name,
                department, tax_code, tax_name, tax_rate_ppm, unit, quantity_milli, list_price,
                discount_kind, discount_percent_ppm, discount_fixed, discount_reason, voided,
                unit_price, extended, promotion_saving, promotion, discount_amount, net, tax,
                gross)
            VALUES ('l-1', 't-1', 0, 2, '4000000000037', 'Sourdough Bread', 'Grocery', 'B',
                'VAT 5%', 50000, 'each', 1000, 349, 'none', 0, 0, '', 0, 349, 349, 0, '', 0,
                332, 17, 349);
            INSERT INTO payments (id, ticket_id, position, method, amount, reference, card_last4)
            VALUES ('p-1', 't-1', 0, 'gift_card', 349, '6006000000001', '');
            INSERT INTO stored_value_accounts (kind, account, opened_at_ms)
            VALUES ('gift_card', '6006000000001', 50);
            INSERT INTO stored_value_ledger (account_id, amount, reason, ticket_id, payment_id,
                at_ms) VALUES (1, 5000, 'issue', NULL, NULL, 50), (1, -349, 'sale', 't-1', 'p-1',
                200);
        )sql",
                 "writing a schema 2 sale");
        db::JournalWriter writer(old);
        db::Transaction transaction(old);
        writer.append({"T01", "sale", "t-1", "t-1", 200, "ticket.receipt=T01-000001\n"});
        writer.append({"T01", "no_sale", "e-1", "", 300, "event.reason=float check\n"});
        transaction.commit();
        REQUIRE(db::verify_journal(old).message == "journal OK: 2 entries");
        journal_before = dump(old, "journal", journal_columns);
        outbox_before = dump(old, "outbox", outbox_columns);
        ledger_before = dump(old, "stored_value_ledger", ledger_columns);
    }

    auto store = db_test::open(file);
    CHECK(store->schema_version() == db::current_schema_version);
    auto& db = store->database();
    CHECK(dump(db, "journal", journal_columns) == journal_before);
    CHECK(dump(db, "outbox", outbox_columns) == outbox_before);
    CHECK(dump(db, "stored_value_ledger", ledger_columns) == ledger_before);
    CHECK(store->verify_journal().message == "journal OK: 2 entries");
    CHECK(store->pending_outbox_count() == 2);
    db::Statement broken_keys(db, "PRAGMA foreign_key_check");
    CHECK_FALSE(broken_keys.step());

    // The sale reads back as a sale, its stock movement entered, the staff member kept.
    const auto ticket = store->find_ticket("T01-000001");
    REQUIRE(ticket.has_value());
    CHECK(ticket->kind() == pos::TicketKind::sale);
    CHECK_FALSE(ticket->lines()[0].returned.has_value());
    CHECK(ticket->payments()[0].refund_of.empty());
    CHECK(db.query_text("SELECT kind FROM tickets", "test") == "sale");
    const auto moved = store->stock_movements("t-1");
    REQUIRE(moved.size() == 1);
    CHECK(moved[0].quantity_milli == -1000);
    CHECK(moved[0].bucket == "sellable");
    const auto manager = store->users().find_by_code("9001");
    REQUIRE(manager.has_value());
    CHECK(manager->role == pos::Role::manager);
    CHECK(store->stored_value().balance(pos::PaymentMethod::gift_card, "6006000000001")->minor() ==
          5000 - 349);

    // The rebuilt tables keep their guards.
    CHECK_THROWS_AS(db.exec("DELETE FROM journal", "test"), pos::StoreFailure);
    CHECK_THROWS_AS(db.exec("DELETE FROM outbox", "test"), pos::StoreFailure);
    CHECK_THROWS_AS(db.exec("UPDATE stored_value_ledger SET amount = 1", "test"),
                    pos::StoreFailure);
    CHECK_THROWS_AS(db.exec("INSERT INTO stored_value_ledger (account_id, amount, reason, at_ms)"
                            " VALUES (1, -9999, 'issue', 1)",
                            "test"),
                    pos::StoreFailure);
    CHECK_THROWS_AS(db.exec("UPDATE users SET role = 'owner'", "test"), pos::StoreFailure);

    // The migrated sale can be returned (to its gift card), and the chain goes on.
    REQUIRE(store->save_settings(db_test::test_settings()));
    pos::Ticket back = db_test::empty_ticket();
    db_test::add_returns(*store, back, "T01-000001", {{0, 1000}});
    db_test::refund_to_original(*store, back, "T01-000001");
    CHECK(db_test::complete(*store, back, 400) == "T01-000002");
    CHECK(store->stored_value().balance(pos::PaymentMethod::gift_card, "6006000000001")->minor() ==
          5000);
    CHECK(store->verify_journal().message == "journal OK: 3 entries");
}
