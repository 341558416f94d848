// Head office's schema as numbered migrations. Each migration is written once for both backends:
// {id} is the row id column, {int} a 64-bit integer, {strict} the SQLite table option. Money and
// quantities are integers everywhere; booleans are 0 or 1.
#include <array>
#include <string>
#include <string_view>

#include "headoffice/sql/connection.hpp"

namespace headoffice::sql {

namespace {

constexpr std::string_view migration_1 = R"sql(
CREATE TABLE settings (
    scope TEXT NOT NULL,
    key TEXT NOT NULL,
    value TEXT NOT NULL,
    PRIMARY KEY (scope, key)
){strict};
CREATE TABLE stores (
    code TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    created_at_ms {int} NOT NULL
){strict};
CREATE TABLE terminals (
    terminal_id TEXT PRIMARY KEY,
    store_code TEXT NOT NULL REFERENCES stores (code),
    name TEXT NOT NULL,
    token_hash TEXT UNIQUE,
    enrolled_at_ms {int},
    revoked_at_ms {int}
){strict};
CREATE TABLE enrolment_codes (
    code_hash TEXT PRIMARY KEY,
    terminal_id TEXT NOT NULL REFERENCES terminals (terminal_id),
    expires_at_ms {int} NOT NULL,
    used_at_ms {int}
){strict};
CREATE INDEX enrolment_codes_by_terminal ON enrolment_codes (terminal_id);
CREATE TABLE users (
    code TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    role TEXT NOT NULL,
    pin_hash TEXT NOT NULL,
    badge_hash TEXT UNIQUE,
    active {int} NOT NULL CHECK (active IN (0, 1))
){strict};
CREATE TABLE tax_rates (
    code TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    rate_ppm {int} NOT NULL CHECK (rate_ppm >= 0)
){strict};
CREATE TABLE products (
    code TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    department TEXT NOT NULL,
    brand TEXT NOT NULL,
    tax_code TEXT NOT NULL REFERENCES tax_rates (code),
    unit_price_minor {int} NOT NULL CHECK (unit_price_minor >= 0),
    unit TEXT NOT NULL
){strict};
CREATE TABLE product_barcodes (
    barcode TEXT PRIMARY KEY,
    product_code TEXT NOT NULL REFERENCES products (code),
    ordinal {int} NOT NULL
){strict};
CREATE INDEX product_barcodes_by_product ON product_barcodes (product_code, ordinal);
CREATE TABLE product_prices (
    product_code TEXT NOT NULL REFERENCES products (code),
    effective_from_ms {int} NOT NULL,
    unit_price_minor {int} NOT NULL CHECK (unit_price_minor >= 0),
    PRIMARY KEY (product_code, effective_from_ms)
){strict};
CREATE TABLE promotions (
    id TEXT PRIMARY KEY,
    data TEXT NOT NULL
){strict};
CREATE TABLE counters (
    name TEXT PRIMARY KEY,
    value {int} NOT NULL
){strict};
INSERT INTO counters (name, value) VALUES ('change_log', 0);
CREATE TABLE change_log (
    sequence {int} NOT NULL UNIQUE,
    kind TEXT NOT NULL,
    key TEXT NOT NULL,
    scope TEXT NOT NULL,
    deleted {int} NOT NULL CHECK (deleted IN (0, 1)),
    data TEXT NOT NULL,
    PRIMARY KEY (kind, key, scope)
){strict};
CREATE TABLE journal_entries (
    id {id},
    store_code TEXT NOT NULL,
    terminal_id TEXT NOT NULL,
    sequence {int} NOT NULL,
    kind TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    ticket_id TEXT NOT NULL,
    at_ms {int} NOT NULL,
    payload TEXT NOT NULL,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL,
    receipt TEXT,
    ticket_kind TEXT,
    total_minor {int},
    post_void_of_receipt TEXT,
    received_at_ms {int} NOT NULL,
    UNIQUE (terminal_id, sequence),
    UNIQUE (terminal_id, kind, entity_id)
){strict};
CREATE INDEX journal_entries_by_receipt ON journal_entries (receipt);
CREATE INDEX journal_entries_by_store ON journal_entries (store_code, terminal_id, sequence);
CREATE INDEX journal_entries_by_post_void ON journal_entries (post_void_of_receipt);
CREATE TABLE returned_lines (
    entry_id {int} NOT NULL REFERENCES journal_entries (id),
    line_number {int} NOT NULL,
    original_receipt TEXT NOT NULL,
    original_line_id TEXT NOT NULL,
    quantity_milli {int} NOT NULL,
    PRIMARY KEY (entry_id, line_number)
){strict};
CREATE INDEX returned_lines_by_original ON returned_lines (original_receipt);
CREATE TABLE anomalies (
    id {id},
    store_code TEXT NOT NULL,
    terminal_id TEXT NOT NULL,
    sequence {int} NOT NULL,
    reason TEXT NOT NULL,
    payload TEXT NOT NULL,
    hash TEXT NOT NULL,
    at_ms {int} NOT NULL
){strict};
CREATE TABLE stock_movements (
    id {id},
    reference TEXT NOT NULL UNIQUE,
    store_code TEXT NOT NULL,
    product_code TEXT NOT NULL,
    bucket TEXT NOT NULL,
    quantity_milli {int} NOT NULL,
    source TEXT NOT NULL,
    at_ms {int} NOT NULL
){strict};
CREATE INDEX stock_movements_by_product ON stock_movements (store_code, product_code);
CREATE TABLE stock_levels (
    store_code TEXT NOT NULL,
    product_code TEXT NOT NULL,
    quantity_milli {int} NOT NULL,
    updated_at_ms {int} NOT NULL,
    PRIMARY KEY (store_code, product_code)
){strict};
CREATE INDEX stock_levels_by_time ON stock_levels (updated_at_ms);
CREATE INDEX stock_levels_by_product ON stock_levels (product_code);
)sql";

// Issue 8: customer service records as terminals send them (the record's JSON in data, the
// columns head office searches and checks beside it), and per (store, product) what is on order
// and where it sits on the shelf, kept beside stock_levels (which only movements write).
constexpr std::string_view migration_2 = R"sql(
CREATE TABLE customers (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    phone TEXT NOT NULL,
    email TEXT NOT NULL,
    card TEXT NOT NULL,
    merged_into TEXT NOT NULL,
    home_store TEXT NOT NULL,
    updated_at_ms {int} NOT NULL,
    data TEXT NOT NULL
){strict};
CREATE INDEX customers_by_card ON customers (card);
CREATE INDEX customers_by_phone ON customers (phone);
CREATE INDEX customers_by_email ON customers (email);
CREATE INDEX customers_by_merge ON customers (merged_into);
CREATE TABLE interactions (
    id TEXT PRIMARY KEY,
    store_code TEXT NOT NULL,
    number TEXT NOT NULL UNIQUE,
    status TEXT NOT NULL,
    customer_id TEXT NOT NULL,
    opened_at_ms {int} NOT NULL,
    updated_at_ms {int} NOT NULL,
    data TEXT NOT NULL
){strict};
CREATE INDEX interactions_by_store ON interactions (store_code, status);
CREATE TABLE loyalty_movements (
    id TEXT PRIMARY KEY,
    customer_id TEXT NOT NULL,
    points {int} NOT NULL,
    store_code TEXT NOT NULL,
    at_ms {int} NOT NULL,
    data TEXT NOT NULL
){strict};
CREATE INDEX loyalty_movements_by_customer ON loyalty_movements (customer_id);
CREATE TABLE stock_requests (
    id TEXT PRIMARY KEY,
    from_store TEXT NOT NULL,
    to_store TEXT NOT NULL,
    status TEXT NOT NULL,
    created_at_ms {int} NOT NULL,
    updated_at_ms {int} NOT NULL,
    data TEXT NOT NULL
){strict};
CREATE INDEX stock_requests_by_from ON stock_requests (from_store);
CREATE INDEX stock_requests_by_to ON stock_requests (to_store);
CREATE TABLE special_orders (
    id TEXT PRIMARY KEY,
    store_code TEXT NOT NULL,
    number TEXT NOT NULL UNIQUE,
    status TEXT NOT NULL,
    customer_id TEXT NOT NULL,
    created_at_ms {int} NOT NULL,
    updated_at_ms {int} NOT NULL,
    data TEXT NOT NULL
){strict};
CREATE INDEX special_orders_by_store ON special_orders (store_code);
CREATE TABLE stock_details (
    store_code TEXT NOT NULL,
    product_code TEXT NOT NULL,
    on_order_milli {int} NOT NULL CHECK (on_order_milli >= 0),
    expected_day {int} NOT NULL,
    location TEXT NOT NULL,
    updated_at_ms {int} NOT NULL,
    PRIMARY KEY (store_code, product_code)
){strict};
CREATE INDEX stock_details_by_time ON stock_details (updated_at_ms);
CREATE INDEX stock_details_by_product ON stock_details (product_code);
)sql";

// Issue 9: what head office folds out of the terminals' z_report and shift_close journal entries.
// A Z report by (terminal, number) with its rows per section in the terminal's order; a till
// close by shift id with its expected and counted amounts per tender. entry_id names the journal
// entry each was read from; the partial index finds entries held but not folded yet (sent before
// head office knew these tables), which the server folds when it starts.
constexpr std::string_view migration_3 = R"sql(
CREATE TABLE z_reports (
    terminal_id TEXT NOT NULL,
    number {int} NOT NULL CHECK (number > 0),
    store_code TEXT NOT NULL,
    business_day {int} NOT NULL,
    from_ms {int} NOT NULL,
    to_ms {int} NOT NULL,
    run_by_id {int} NOT NULL,
    run_by_name TEXT NOT NULL,
    currency TEXT NOT NULL,
    currency_exponent {int} NOT NULL,
    net_count {int} NOT NULL,
    net_minor {int} NOT NULL,
    entry_id {int} NOT NULL UNIQUE REFERENCES journal_entries (id),
    PRIMARY KEY (terminal_id, number)
){strict};
CREATE INDEX z_reports_by_store ON z_reports (store_code, business_day);
CREATE TABLE z_report_rows (
    terminal_id TEXT NOT NULL,
    number {int} NOT NULL,
    section TEXT NOT NULL CHECK (section IN ('sales', 'taxes', 'tenders', 'clerks', 'hours')),
    position {int} NOT NULL CHECK (position > 0),
    label TEXT NOT NULL,
    count {int} NOT NULL,
    amount_minor {int} NOT NULL,
    PRIMARY KEY (terminal_id, number, section, position),
    FOREIGN KEY (terminal_id, number) REFERENCES z_reports (terminal_id, number)
){strict};
CREATE TABLE till_closes (
    shift_id TEXT PRIMARY KEY,
    store_code TEXT NOT NULL,
    terminal_id TEXT NOT NULL,
    shift_number {int} NOT NULL,
    closed_at_ms {int} NOT NULL,
    closed_by_id {int} NOT NULL,
    closed_by_name TEXT NOT NULL,
    cash_count TEXT NOT NULL,
    approved_by_id {int} NOT NULL,
    approver_name TEXT NOT NULL,
    reason TEXT NOT NULL,
    entry_id {int} NOT NULL UNIQUE REFERENCES journal_entries (id)
){strict};
CREATE INDEX till_closes_by_store ON till_closes (store_code, closed_at_ms);
CREATE INDEX journal_entries_till_reports ON journal_entries (id)
    WHERE kind IN ('z_report', 'shift_close');
CREATE TABLE till_close_tenders (
    shift_id TEXT NOT NULL REFERENCES till_closes (shift_id),
    position {int} NOT NULL CHECK (position > 0),
    method TEXT NOT NULL,
    expected_minor {int} NOT NULL,
    counted_minor {int} NOT NULL,
    difference_minor {int} NOT NULL,
    PRIMARY KEY (shift_id, position),
    UNIQUE (shift_id, method)
){strict};
)sql";

constexpr std::array<std::string_view, 3> migrations{migration_1, migration_2, migration_3};

std::string replace_all(std::string text, std::string_view from, std::string_view to) {
    for (std::size_t at = text.find(from); at != std::string::npos;
         at = text.find(from, at + to.size()))
        text.replace(at, from.size(), to);
    return text;
}

std::string dialect_text(std::string_view migration, Dialect dialect) {
    const bool sqlite = dialect == Dialect::sqlite;
    std::string text(migration);
    text = replace_all(
        std::move(text), "{id}",
        sqlite ? "INTEGER PRIMARY KEY" : "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY");
    text = replace_all(std::move(text), "{int}", sqlite ? "INTEGER" : "BIGINT");
    return replace_all(std::move(text), "{strict}", sqlite ? " STRICT" : "");
}

// Inside the migration's transaction: other processes migrating at the same time wait here
// (SQLite's BEGIN IMMEDIATE already holds the write lock).
void lock_schema(Connection& connection) {
    if (connection.dialect() == Dialect::postgresql)
        connection.query("SELECT CAST(1 AS BIGINT) FROM pg_advisory_xact_lock(7007001)");
    connection.execute_script(
        dialect_text("CREATE TABLE IF NOT EXISTS schema_version (version {int} PRIMARY KEY, "
                     "applied_at TEXT NOT NULL){strict};",
                     connection.dialect()));
}

bool applied(Connection& connection, std::int64_t version) {
    return !connection.query("SELECT version FROM schema_version WHERE version = $1", {version})
                .empty();
}

}  // namespace

void migrate(Connection& connection) {
    for (std::size_t i = 0; i < migrations.size(); ++i) {
        const auto version = static_cast<std::int64_t>(i + 1);
        Transaction transaction(connection);
        lock_schema(connection);
        if (!applied(connection, version)) {
            connection.execute_script(dialect_text(migrations[i], connection.dialect()));
            connection.execute("INSERT INTO schema_version (version, applied_at) VALUES ($1, $2)",
                               {version, std::string("migration ") + std::to_string(version)});
        }
        transaction.commit();
    }
}

}  // namespace headoffice::sql
