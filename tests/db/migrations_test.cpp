#include <doctest/doctest.h>

#include "db/journal.hpp"
#include "db/migrations.hpp"
#include "db/sqlite.hpp"
#include "helpers.hpp"

using db_test::TempDir;

namespace {

std::size_t files_in(const std::filesystem::path& folder) {
    std::size_t count = 0;
    for ([[maybe_unused]] const auto& entry : std::filesystem::directory_iterator(folder))
        ++count;
    return count;
}

}  // namespace

TEST_CASE("A new store file is migrated from empty to the current schema version") {
    TempDir dir;
    const auto file = dir.file("terminal.db");
    {
        auto store = db_test::open(file);
        CHECK(store->schema_version() == db::current_schema_version);
        CHECK(store->database().query_int("PRAGMA user_version", "test") ==
              db::current_schema_version);
        CHECK(store->database().query_int("PRAGMA application_id", "test") ==
              db::counter_application_id);
        CHECK(store->product_count() == 0);
        CHECK(store->completed_ticket_count() == 0);
    }
    SUBCASE("and reopening it changes nothing") {
        auto store = db_test::open(file);
        CHECK(store->schema_version() == db::current_schema_version);
    }
}

TEST_CASE("Reopening a store keeps what was written") {
    TempDir dir;
    const auto file = dir.file("terminal.db");
    db_test::small_store(file);
    auto store = db_test::open(file);
    CHECK(store->product_count() == 4);
    CHECK(store->settings().store_name == "Test Market");
}

TEST_CASE("A file written by a newer version of Counter is refused and left unchanged") {
    TempDir dir;
    const auto file = dir.file("terminal.db");
    db_test::small_store(file);
    const int newer = db::current_schema_version + 1;
    {
        auto raw = db::Database::open(file);
        raw.exec("PRAGMA user_version = " + std::to_string(newer), "test");
    }
    const std::string before = db_test::read_bytes(file);

    const auto opened = db::open_store(file);
    REQUIRE_FALSE(opened.ok());
    CHECK(opened.error().code == pos::ErrorCode::bad_input);
    CHECK(opened.error().message ==
          file.string() + ": this database was written by a newer version of Counter (schema " +
              std::to_string(newer) + "; this terminal knows up to " +
              std::to_string(db::current_schema_version) + "); it was not opened or changed");
    CHECK(db_test::read_bytes(file) == before);
}

TEST_CASE("A text file is refused as not a Counter database and its bytes are left unchanged") {
    TempDir dir;
    const auto file = dir.file("shopping-list.db");
    const std::string text = "milk\nbread\neggs, a dozen\nnot a database at all\n";
    db_test::write_bytes(file, text);

    const auto opened = db::open_store(file);
    REQUIRE_FALSE(opened.ok());
    CHECK(opened.error().code == pos::ErrorCode::bad_input);
    CHECK(opened.error().message.starts_with(
        file.string() + " is not a Counter database (SQLite says: file is not a database)"));
    CHECK(db_test::read_bytes(file) == text);
    CHECK(files_in(dir.path()) == 1);  // no journal, WAL or shared-memory file left behind
}

TEST_CASE("A SQLite file from another program is refused and left unchanged") {
    TempDir dir;
    const auto file = dir.file("other.db");
    {
        auto raw = db::Database::open(file);
        raw.exec("CREATE TABLE recipes (name TEXT)", "test");
        raw.exec("INSERT INTO recipes (name) VALUES ('pancakes')", "test");
    }
    const std::string before = db_test::read_bytes(file);

    SUBCASE("one that never set an application id") {
        const auto opened = db::open_store(file);
        REQUIRE_FALSE(opened.ok());
        CHECK(opened.error().message.find("is not a Counter database") != std::string::npos);
        CHECK(db_test::read_bytes(file) == before);
    }
    SUBCASE("one that marks itself as another application's") {
        {
            auto raw = db::Database::open(file);
            raw.exec("PRAGMA application_id = 42", "test");
        }
        const std::string marked = db_test::read_bytes(file);
        const auto opened = db::open_store(file);
        REQUIRE_FALSE(opened.ok());
        CHECK(opened.error().message.find("belongs to another application") != std::string::npos);
        CHECK(db_test::read_bytes(file) == marked);
    }
}

TEST_CASE("A store in a folder that does not exist is a store failure naming the file") {
    TempDir dir;
    const auto file = dir.file("missing-folder") / "terminal.db";
    const auto opened = db::open_store(file);
    REQUIRE_FALSE(opened.ok());
    CHECK(opened.error().code == pos::ErrorCode::store_failure);
    CHECK(opened.error().message.find(file.string()) != std::string::npos);
}

TEST_CASE("The store's connection uses WAL, synchronous FULL, foreign keys and a busy timeout") {
    TempDir dir;
    auto store = db_test::open(dir.file("terminal.db"));
    db::Database& connection = store->database();
    CHECK(connection.query_text("PRAGMA journal_mode", "test") == "wal");
    CHECK(connection.query_int("PRAGMA synchronous", "test") == 2);  // FULL
    CHECK(connection.query_int("PRAGMA foreign_keys", "test") == 1);
    CHECK(connection.query_int("PRAGMA busy_timeout", "test") == db::busy_timeout_ms);
}

TEST_CASE(
    "Stored data has no floating point: every column is INTEGER or TEXT (BLOB for print bytes)") {
    TempDir dir;
    auto store = db_test::open(dir.file("terminal.db"));
    db::Statement columns(store->database(),
                          "SELECT m.name, p.name, p.type FROM sqlite_schema AS m"
                          " JOIN pragma_table_info(m.name) AS p"
                          " WHERE m.type = 'table' AND m.name NOT LIKE 'product_names%'"
                          " AND m.name NOT LIKE 'customer_names%'"
                          " AND m.name NOT LIKE 'customer_phones%'"
                          " AND m.name NOT LIKE 'sqlite_%'"
                          " ORDER BY m.name, p.cid");
    int seen = 0;
    while (columns.step()) {
        ++seen;
        const std::string type = columns.column_text(2);
        INFO(columns.column_text(0) << "." << columns.column_text(1) << " is " << type);
        const bool print_bytes = columns.column_text(0) == "print_job_parts" &&
                                 columns.column_text(1) == "bytes" && type == "BLOB";
        CHECK((type == "INTEGER" || type == "TEXT" || print_bytes));
    }
    CHECK(seen > 50);
}

TEST_CASE("A schema 1 file with sales is carried to the current schema and read back unchanged") {
    TempDir dir;
    const auto file = dir.file("terminal.db");
    {
        // The file as a terminal of the first version left it: one cash sale of two milk.
        auto old = db::Database::open(file);
        REQUIRE(db::check_openable(old));
        db::configure_connection(old);
        REQUIRE(db::migrate(old, 1));
        REQUIRE(db::schema_version(old) == 1);
        old.exec(R"sql(
            INSERT INTO receipt_sequences (terminal_id, last_sequence) VALUES ('T01', 1);
            INSERT INTO tickets (id, terminal_id, sequence, receipt_number, clerk_id, clerk_name,
                currency_code, currency_exponent, pricing, opened_at_ms, completed_at_ms,
                total_net, total_tax, total)
            VALUES ('t-1', 'T01', 1, 'T01-000001', 7, 'Alex Martin', 'EUR', 2, 'tax_inclusive',
                100, 200, 227, 11, 238);
            INSERT INTO ticket_lines (id, ticket_id, position, product_id, code, name,
                department, tax_code, tax_name, tax_rate_ppm, unit, unit_price, quantity_milli,
                net, tax, gross)
            VALUES ('l-1', 't-1', 0, 1, '4000000000013', 'Whole Milk 1 L', 'Grocery', 'B',
                'VAT 5%', 50000, 'each', 119, 2000, 227, 11, 238);
            INSERT INTO payments (id, ticket_id, position, method, amount)
            VALUES ('p-1', 't-1', 0, 'cash', 500), ('p-2', 't-1', 1, 'cash', -262);
        )sql",
                 "writing a schema 1 sale");
    }
    auto store = db_test::open(file);
    CHECK(store->schema_version() == db::current_schema_version);
    CHECK(store->completed_ticket_count() == 1);
    const auto ticket = store->find_ticket("T01-000001");
    REQUIRE(ticket.has_value());
    CHECK(ticket->state() == pos::TicketState::completed);
    CHECK(ticket->clerk().name == "Alex Martin");
    CHECK(ticket->policy().rounding == pos::TaxRounding::per_line);
    CHECK(ticket->discount() == pos::Discount{});
    REQUIRE(ticket->lines().size() == 1);
    const pos::TicketLine& line = ticket->lines()[0];
    CHECK(line.list_price.minor() == 119);
    CHECK(line.unit_price.minor() == 119);
    CHECK(line.extended.minor() == 238);
    CHECK_FALSE(line.price_override.has_value());
    CHECK(line.promotion_saving.is_zero());
    CHECK_FALSE(line.voided);
    CHECK(line.amounts.gross.minor() == 238);
    REQUIRE(ticket->payments().size() == 2);
    CHECK(ticket->payments()[1].amount.minor() == -262);
    CHECK(ticket->payments()[1].reference.empty());
    CHECK(ticket->totals().total.minor() == 238);
    CHECK(ticket->change_given().minor() == 262);
    // The rebuilt tables are as immutable as before.
    CHECK_THROWS_AS(store->database().exec("DELETE FROM payments", "test"), pos::StoreFailure);
    CHECK_THROWS_AS(
        store->database().exec("UPDATE ticket_lines SET gross = 0, net = 0, tax = 0", "test"),
        pos::StoreFailure);
    db::Statement broken_keys(store->database(), "PRAGMA foreign_key_check");
    CHECK_FALSE(broken_keys.step());
    // Sales from before the journal are not in it; the next sale starts it and continues the
    // receipt numbers.
    CHECK(store->verify_journal().message == "journal OK: 0 entries");
    REQUIRE(store->save_settings(db_test::test_settings()));
    REQUIRE(store->add_tax_rate({"B", "VAT 5%", pos::Rate{50'000}}));
    REQUIRE(store->add_products({db_test::product("4000000000013", "Whole Milk 1 L", 119)}));
    const auto next = store->sales().complete_sale(
        db_test::paid_ticket(*store, "T01", {{"4000000000013", 1000}}, 119), 300);
    REQUIRE_MESSAGE(next.ok(), next.error().message);
    CHECK(next->receipt_number == "T01-000002");
    CHECK(store->verify_journal().message == "journal OK: 1 entry");
}

TEST_CASE(
    "A schema 4 file with a journaled sale and a promotion migrates to 5: the journal "
    "verifies, the outbox still holds the sale and the promotion still applies") {
    TempDir dir;
    const auto file = dir.file("terminal.db");
    std::string journal_before;
    {
        // The file as the terminal of issue 6 left it: promotion products stored by row id.
        auto old = db::Database::open(file);
        REQUIRE(db::check_openable(old));
        db::configure_connection(old);
        REQUIRE(db::migrate(old, 4));
        old.exec(R"sql(
            INSERT INTO tax_rates (code, name, rate_ppm) VALUES ('B', 'VAT 5%', 50000);
            INSERT INTO products (id, name, department, tax_code, unit_price, unit)
            VALUES (1, 'Whole Milk 1 L', 'Grocery', 'B', 119, 'each'),
                   (2, 'Sourdough Bread', 'Bakery', 'B', 349, 'each');
            INSERT INTO barcodes (code, product_id, is_primary)
            VALUES ('4000000000013', 1, 1), ('4000000000020', 1, 0), ('4000000000037', 2, 1);
            INSERT INTO promotions (id, name, kind, priority, department, buy_quantity,
                pay_quantity, deal_price, get_quantity, get_percent_off_ppm, percent_off_ppm,
                starts_at_ms, ends_at_ms, daily_from_minute, daily_to_minute)
            VALUES ('milk-bread', 'Milk and bread 4.00', 'mix_and_match', 10, '', 2, 0, 400, 0,
                1000000, 0, 0, 9000000000000, 0, 1440);
            INSERT INTO promotion_products (promotion_id, role, position, product_id)
            VALUES ('milk-bread', 'buy', 0, 1), ('milk-bread', 'buy', 1, 2);
        )sql",
                 "writing schema 4 reference data");
        db::JournalWriter writer(old);
        db::Transaction transaction(old);
        writer.append({"T01", "sale", "t-1", "t-1", 300, "ticket.total=468\n"});
        transaction.commit();
        REQUIRE(db::verify_journal(old).message == "journal OK: 1 entry");
        journal_before = old.query_text(
            "SELECT group_concat(id || '|' || payload || '|' || hash, ';') FROM journal", "test");
    }

    auto store = db_test::open(file);
    CHECK(store->schema_version() == db::current_schema_version);
    CHECK(store->verify_journal().message == "journal OK: 1 entry");
    CHECK(store->database().query_text(
              "SELECT group_concat(id || '|' || payload || '|' || hash, ';') FROM journal",
              "test") == journal_before);
    const auto pending = store->sync().pending(10);
    REQUIRE(pending.size() == 1);
    CHECK(pending[0].entity_id == "t-1");

    const auto promotions = store->promotions().promotions_at(1000);
    REQUIRE(promotions.size() == 1);
    CHECK(promotions[0].product_ids == std::vector<std::int64_t>{1, 2});
    CHECK(store->database().query_text(
              "SELECT group_concat(product_code, ',') FROM"
              " (SELECT product_code FROM promotion_products ORDER BY position)",
              "test") == "4000000000013,4000000000037");
    const auto outcome = pos::evaluate_promotions(
        {{1, "Grocery", 1, 119, 119, true}, {2, "Bakery", 1, 349, 349, true}}, promotions);
    CHECK(outcome.saving_minor[0] + outcome.saving_minor[1] == 68);  // 4.68 -> 4.00

    CHECK(store->catalogue().search("sourdough", 5, 1000).size() == 1);
    CHECK_FALSE(store->sync().state().enrolment.has_value());
    CHECK(store->sync().state().cursor == 0);
    db::Statement broken_keys(store->database(), "PRAGMA foreign_key_check");
    CHECK_FALSE(broken_keys.step());
}
