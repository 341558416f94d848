// Migration 7 rebuilds the journal and outbox (their kind CHECK admits the till's entries): a
// schema 6 terminal's journaled sale comes through byte for byte and still verifies, and the
// reports start after it (its running totals begin empty).
#include <doctest/doctest.h>

#include "db/journal.hpp"
#include "db/migrations.hpp"
#include "helpers.hpp"
#include "pos/till.hpp"
#include "pos/till_report.hpp"

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
    "id || '|' || journal_id || '|' || terminal_id || '|' || sequence || '|' || created_at_ms"
    " || '|' || coalesce(acknowledged_at_ms, 'pending')";
const std::string ticket_columns =
    "id || '|' || state || '|' || receipt_number || '|' || total || '|' || kind";

// A schema 6 terminal's file: a cash sale and a no-sale, both journaled; the sale's entry
// already acknowledged by head office.
void write_schema_6_day(const std::filesystem::path& file) {
    auto old = db::Database::open(file);
    REQUIRE(db::check_openable(old));
    db::configure_connection(old);
    REQUIRE(db::migrate(old, 6));
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
        VALUES ('p-1', 't-1', 0, 'cash', 500, '', ''), ('p-2', 't-1', 1, 'cash', -151, '', '');
    )sql",
             "writing a schema 6 sale");
    db::JournalWriter writer(old);
    db::Transaction transaction(old);
    writer.append({"T01", "sale", "t-1", "t-1", 200, "ticket.receipt=T01-000001\n"});
    writer.append({"T01", "no_sale", "e-1", "", 300, "event.user_id=7\n"});
    transaction.commit();
    old.exec("UPDATE outbox SET acknowledged_at_ms = 250 WHERE sequence = 1", "acknowledging");
}

}  // namespace

TEST_CASE("A schema 6 file with a journaled sale migrates to 7, journal and outbox unchanged") {
    TempDir dir;
    const auto file = dir.file("terminal.db");
    write_schema_6_day(file);
    std::string journal_before, outbox_before, tickets_before;
    {
        auto old = db::Database::open(file);
        journal_before = dump(old, "journal", journal_columns);
        outbox_before = dump(old, "outbox", outbox_columns);
        tickets_before = dump(old, "tickets", ticket_columns);
    }
    REQUIRE(outbox_before.find("|250\n") != std::string::npos);

    auto store = db_test::open(file);
    CHECK(store->schema_version() == 7);
    db::Database& db = store->database();
    CHECK(dump(db, "journal", journal_columns) == journal_before);
    CHECK(dump(db, "outbox", outbox_columns) == outbox_before);
    CHECK(dump(db, "tickets", ticket_columns) == tickets_before);
    CHECK(store->verify_journal().message == "journal OK: 2 entries");
    CHECK(store->pending_outbox_count() == 1);
    CHECK(db.query_int("SELECT count(*) FROM pragma_foreign_key_check", "") == 0);
    CHECK(db.query_int("SELECT count(*) FROM sqlite_schema WHERE name LIKE '%_v6'", "") == 0);
    CHECK(db.query_int("SELECT count(*) FROM tickets WHERE shift_id IS NOT NULL", "") == 0);
    for (const char* kept : {"journal_by_ticket", "outbox_pending", "journal_append_only_update",
                             "journal_append_only_delete", "outbox_only_acknowledged",
                             "outbox_kept_until_acknowledged", "shifts_one_open"}) {
        CAPTURE(kept);
        CHECK(db.query_int(
                  "SELECT count(*) FROM sqlite_schema WHERE name = '" + std::string(kept) + "'",
                  "") == 1);
    }

    SUBCASE("the journal and outbox are still guarded") {
        CHECK_THROWS(db.exec("UPDATE journal SET payload = 'x'", "editing the journal"));
        CHECK_THROWS(db.exec("DELETE FROM journal", "deleting the journal"));
        CHECK_THROWS(db.exec("DELETE FROM outbox WHERE acknowledged_at_ms IS NULL",
                             "dropping an unsent entry"));
        CHECK_THROWS(
            db.exec("INSERT INTO journal (terminal_id, sequence, kind, entity_id,"
                    " ticket_id, at_ms, payload, prev_hash, hash) VALUES ('T01', 3,"
                    " 'refund', 'x', '', 1, '', '" +
                        std::string(64, '0') + "', '" + std::string(64, '0') + "')",
                    "an unknown kind"));
    }
    SUBCASE("the till's entries chain on after the old ones") {
        REQUIRE(store->save_settings(db_test::test_settings()));
        auto count = pos::parse_cash_count("20.00x5", db_test::eur());
        REQUIRE(count);
        auto shift = store->till().open_shift({"s-1", "T01", 7, "Alex Martin", 400, *count});
        REQUIRE_MESSAGE(shift.ok(), (shift.ok() ? "" : shift.error().message));
        CHECK(db_test::text_for(*store,
                                "SELECT kind || ' ' || sequence FROM journal"
                                " WHERE entity_id = ?",
                                "s-1") == "shift_open 3");
        CHECK(store->verify_journal().message == "journal OK: 3 entries");
    }
}

TEST_CASE("After migration 7 the reports start after the last migrated entry, claiming none") {
    TempDir dir;
    const auto file = dir.file("terminal.db");
    write_schema_6_day(file);  // the sale at 200, the no-sale at 300
    auto store = db_test::open(file);
    CHECK(db_test::text_for(*store, "SELECT from_ms FROM report_starts WHERE terminal_id = ?",
                            "T01") == "301");
    auto& reports = store->reports();

    const pos::ReportFigures x = reports.x_report("T01", db_test::at, 0);
    CHECK(x.from_ms == 301);
    for (const auto& row : x.sales) {
        INFO(row.label);
        CHECK(row.count == 0);
        CHECK(row.amount.is_zero());
    }
    CHECK(x.tenders.empty());
    CHECK(x.clerks.empty());
    // A terminal created on schema 7 reports from its first entry.
    CHECK(reports.x_report("T02", db_test::at, 0).from_ms == 0);

    REQUIRE(store->save_settings(db_test::test_settings()));
    REQUIRE(store->add_tax_rate({"B", "VAT 5%", pos::Rate{50'000}}));
    REQUIRE(store->add_products({db_test::product("4000000000037", "Sourdough Bread", 349)}));
    db_test::complete(*store, db_test::paid_ticket(*store, "T01", {{"4000000000037", 1000}}, 500),
                      db_test::at + 60'000);
    const auto z = reports.run_z_report({"T01", db_test::at + 120'000, 0, 5001, "Pat Supervisor"});
    REQUIRE_MESSAGE(z.ok(), (z.ok() ? "" : z.error().message));
    CHECK(z->number == 1);
    CHECK(z->from_ms == 301);
    CHECK(z->row(z->sales, "Sales") == pos::ReportAmount{"Sales", 1, db_test::cents(349)});
    CHECK(z->row(z->sales, "No sales").count == 0);
    CHECK(z->row(z->tenders, "Cash").amount.minor() == 349);
    // After the first Z the next report starts where it ended.
    CHECK(reports.x_report("T01", db_test::at + 180'000, 0).from_ms == db_test::at + 120'000);
}
