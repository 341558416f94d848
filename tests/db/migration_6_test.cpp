#include <doctest/doctest.h>

#include "db/journal.hpp"
#include "db/migrations.hpp"
#include "service_helpers.hpp"

using db_test::TempDir;

namespace {

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
    "id || '|' || journal_id || '|' || terminal_id || '|' || sequence || '|' || created_at_ms";
const std::string ledger_columns =
    "id || '|' || account_id || '|' || amount || '|' || reason || '|' ||"
    " coalesce(ticket_id, '') || '|' || coalesce(payment_id, '') || '|' || at_ms";
const std::string payment_columns =
    "id || '|' || ticket_id || '|' || position || '|' || method || '|' || amount || '|' ||"
    " reference || '|' || card_last4 || '|' || coalesce(refund_of, '')";

// A schema 5 terminal's file: a gift card sale, journaled, its ledger debit.
void write_schema_5_sale(const std::filesystem::path& file) {
    auto old = db::Database::open(file);
    REQUIRE(db::check_openable(old));
    db::configure_connection(old);
    REQUIRE(db::migrate(old, 5));
    old.exec(R"sql(
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
            unit_price, extended, promotion_saving, promotion, discount_amount, net, tax, gross)
        VALUES ('l-1', 't-1', 0, 2, '4000000000037', 'Sourdough Bread', 'Grocery', 'B',
            'VAT 5%', 50000, 'each', 1000, 349, 'none', 0, 0, '', 0, 349, 349, 0, '', 0,
            332, 17, 349);
        INSERT INTO payments (id, ticket_id, position, method, amount, reference, card_last4)
        VALUES ('p-1', 't-1', 0, 'gift_card', 349, '6006000000001', '');
        INSERT INTO stored_value_accounts (kind, account, opened_at_ms)
        VALUES ('gift_card', '6006000000001', 50);
        INSERT INTO stored_value_ledger (account_id, amount, reason, ticket_id, payment_id,
            at_ms) VALUES (1, 5000, 'issue', NULL, NULL, 50),
            (1, -349, 'sale', 't-1', 'p-1', 200);
    )sql",
             "writing a schema 5 sale");
    db::JournalWriter writer(old);
    db::Transaction transaction(old);
    writer.append({"T01", "sale", "t-1", "t-1", 200, "ticket.receipt=T01-000001\n"});
    transaction.commit();
}

}  // namespace

TEST_CASE("A schema 5 file with a sale migrates to 6, journal and ledger unchanged") {
    TempDir dir;
    const auto file = dir.file("terminal.db");
    write_schema_5_sale(file);
    std::string journal_before, outbox_before, ledger_before, payments_before;
    {
        auto old = db::Database::open(file);
        journal_before = dump(old, "journal", journal_columns);
        outbox_before = dump(old, "outbox", outbox_columns);
        ledger_before = dump(old, "stored_value_ledger", ledger_columns);
        payments_before = dump(old, "payments", payment_columns);
    }

    auto store = db_test::open(file);
    CHECK(store->schema_version() == db::current_schema_version);
    db::Database& db = store->database();
    CHECK(dump(db, "journal", journal_columns) == journal_before);
    CHECK(dump(db, "outbox", outbox_columns) == outbox_before);
    CHECK(dump(db, "stored_value_ledger", ledger_columns) == ledger_before);
    CHECK(dump(db, "payments", payment_columns) == payments_before);
    CHECK(store->verify_journal().message == "journal OK: 1 entry");
    CHECK(db.query_int("PRAGMA foreign_keys", "") == 1);
    CHECK(db.query_int("SELECT count(*) FROM pragma_foreign_key_check", "") == 0);
    CHECK(db.query_text("SELECT sql FROM sqlite_schema WHERE name = 'stored_value_ledger'", "")
              .find("REFERENCES payments (id)") != std::string::npos);
    CHECK(db.query_int("SELECT count(*) FROM sqlite_schema WHERE name LIKE '%_v5'", "") == 0);

    SUBCASE("payments stay immutable, and the ledger still guards its references") {
        CHECK_THROWS(db.exec("UPDATE payments SET amount = 1", "changing a payment"));
        CHECK_THROWS(db.exec("DELETE FROM payments", "deleting payments"));
        CHECK_THROWS(
            db.exec("INSERT INTO stored_value_ledger (account_id, amount, reason,"
                    " ticket_id, payment_id, at_ms)"
                    " VALUES (1, -1, 'sale', 't-1', 'no-such-payment', 300)",
                    "a debit of an unknown payment"));
        CHECK_THROWS(
            db.exec("INSERT INTO payments (id, ticket_id, position, method, amount,"
                    " reference, card_last4) VALUES ('p-x', 't-1', 5, 'voucher', 1,"
                    " '', '')",
                    "an unknown method"));
    }
    SUBCASE("the new methods are admitted") {
        db.exec(
            "INSERT INTO payments (id, ticket_id, position, method, amount, reference,"
            " card_last4, points) VALUES ('p-2', 't-1', 1, 'loyalty_points', 100,"
            " 'c-1', '', 100), ('p-3', 't-1', 2, 'deposit', 100, 'SO-123456-000001', '', 0)",
            "new payment methods");
        CHECK(db_test::count_rows(*store, "payments") == 3);
    }
}
