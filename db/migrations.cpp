#include "db/migrations.hpp"

#include <array>
#include <string>
#include <string_view>

#include "db/store.hpp"

namespace db {

namespace {

struct Migration {
    int version;
    std::string_view what;
    std::string_view sql;
};

// Migration 1: the first schema. Money is INTEGER minor units, quantities INTEGER milli-units,
// rates INTEGER parts per million; there is no REAL column anywhere.
constexpr std::string_view schema_1 = R"sql(
CREATE TABLE settings (
    key TEXT PRIMARY KEY NOT NULL,
    value TEXT NOT NULL
) STRICT;

CREATE TABLE tax_rates (
    code TEXT PRIMARY KEY NOT NULL CHECK (length(code) BETWEEN 1 AND 4),
    name TEXT NOT NULL CHECK (length(trim(name)) > 0),
    rate_ppm INTEGER NOT NULL CHECK (rate_ppm BETWEEN 0 AND 1000000)
) STRICT;

CREATE TABLE products (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL CHECK (length(trim(name)) > 0),
    department TEXT NOT NULL,
    tax_code TEXT NOT NULL REFERENCES tax_rates (code),
    unit_price INTEGER NOT NULL CHECK (unit_price >= 0),
    unit TEXT NOT NULL CHECK (unit IN ('each', 'kg'))
) STRICT;
CREATE INDEX products_by_tax_code ON products (tax_code);

CREATE TABLE barcodes (
    code TEXT PRIMARY KEY NOT NULL
        CHECK (length(code) BETWEEN 1 AND 14 AND code NOT GLOB '*[^0-9]*'),
    product_id INTEGER NOT NULL REFERENCES products (id) ON DELETE CASCADE,
    is_primary INTEGER NOT NULL CHECK (is_primary IN (0, 1))
) STRICT;
CREATE INDEX barcodes_by_product ON barcodes (product_id);
CREATE UNIQUE INDEX barcodes_one_primary ON barcodes (product_id) WHERE is_primary = 1;

-- Product names for search as you type; an external-content index over products kept in step
-- by the triggers below. prefix= builds the short-prefix indexes that typing starts with.
CREATE VIRTUAL TABLE product_names USING fts5 (
    name,
    content = 'products',
    content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '1 2 3'
);
CREATE TRIGGER products_after_insert AFTER INSERT ON products BEGIN
    INSERT INTO product_names (rowid, name) VALUES (new.id, new.name);
END;
CREATE TRIGGER products_after_delete AFTER DELETE ON products BEGIN
    INSERT INTO product_names (product_names, rowid, name) VALUES ('delete', old.id, old.name);
END;
CREATE TRIGGER products_after_update AFTER UPDATE ON products BEGIN
    INSERT INTO product_names (product_names, rowid, name) VALUES ('delete', old.id, old.name);
    INSERT INTO product_names (rowid, name) VALUES (new.id, new.name);
END;

CREATE TABLE users (
    id INTEGER PRIMARY KEY,
    code TEXT NOT NULL UNIQUE CHECK (length(code) > 0),
    name TEXT NOT NULL CHECK (length(trim(name)) > 0),
    role TEXT NOT NULL CHECK (role IN ('clerk', 'manager')),
    pin_hash TEXT NOT NULL CHECK (pin_hash GLOB '$argon2*'),
    failed_attempts INTEGER NOT NULL DEFAULT 0 CHECK (failed_attempts >= 0),
    locked_until_ms INTEGER NOT NULL DEFAULT 0 CHECK (locked_until_ms >= 0),
    active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
) STRICT;

-- The last receipt sequence used per terminal. It is advanced inside the transaction that writes
-- the ticket, so a rolled-back sale gives its number back and the sequence has no gaps.
CREATE TABLE receipt_sequences (
    terminal_id TEXT PRIMARY KEY NOT NULL,
    last_sequence INTEGER NOT NULL CHECK (last_sequence > 0)
) STRICT;

CREATE TABLE tickets (
    id TEXT PRIMARY KEY NOT NULL,
    terminal_id TEXT NOT NULL CHECK (length(terminal_id) > 0),
    sequence INTEGER NOT NULL CHECK (sequence > 0),
    receipt_number TEXT NOT NULL UNIQUE,
    clerk_id INTEGER NOT NULL,
    clerk_name TEXT NOT NULL,
    currency_code TEXT NOT NULL CHECK (length(currency_code) = 3),
    currency_exponent INTEGER NOT NULL CHECK (currency_exponent BETWEEN 0 AND 4),
    pricing TEXT NOT NULL CHECK (pricing IN ('tax_inclusive', 'tax_exclusive')),
    opened_at_ms INTEGER NOT NULL,
    completed_at_ms INTEGER NOT NULL,
    total_net INTEGER NOT NULL,
    total_tax INTEGER NOT NULL,
    total INTEGER NOT NULL,
    UNIQUE (terminal_id, sequence),
    CHECK (total = total_net + total_tax)
) STRICT;

CREATE TABLE ticket_lines (
    id TEXT PRIMARY KEY NOT NULL,
    ticket_id TEXT NOT NULL REFERENCES tickets (id),
    position INTEGER NOT NULL CHECK (position >= 0),
    product_id INTEGER NOT NULL,
    code TEXT NOT NULL,
    name TEXT NOT NULL,
    department TEXT NOT NULL,
    tax_code TEXT NOT NULL,
    tax_name TEXT NOT NULL,
    tax_rate_ppm INTEGER NOT NULL CHECK (tax_rate_ppm BETWEEN 0 AND 1000000),
    unit TEXT NOT NULL CHECK (unit IN ('each', 'kg')),
    unit_price INTEGER NOT NULL,
    quantity_milli INTEGER NOT NULL,
    net INTEGER NOT NULL,
    tax INTEGER NOT NULL,
    gross INTEGER NOT NULL,
    UNIQUE (ticket_id, position),
    CHECK (gross = net + tax)
) STRICT;

CREATE TABLE payments (
    id TEXT PRIMARY KEY NOT NULL,
    ticket_id TEXT NOT NULL REFERENCES tickets (id),
    position INTEGER NOT NULL CHECK (position >= 0),
    method TEXT NOT NULL CHECK (method IN ('cash')),
    amount INTEGER NOT NULL,
    UNIQUE (ticket_id, position)
) STRICT;

-- Completed tickets are immutable: corrections are new documents that point back.
CREATE TRIGGER tickets_immutable_update BEFORE UPDATE ON tickets BEGIN
    SELECT RAISE (ABORT, 'completed tickets cannot be changed');
END;
CREATE TRIGGER tickets_immutable_delete BEFORE DELETE ON tickets BEGIN
    SELECT RAISE (ABORT, 'completed tickets cannot be deleted');
END;
CREATE TRIGGER ticket_lines_immutable_update BEFORE UPDATE ON ticket_lines BEGIN
    SELECT RAISE (ABORT, 'lines of completed tickets cannot be changed');
END;
CREATE TRIGGER ticket_lines_immutable_delete BEFORE DELETE ON ticket_lines BEGIN
    SELECT RAISE (ABORT, 'lines of completed tickets cannot be deleted');
END;
CREATE TRIGGER payments_immutable_update BEFORE UPDATE ON payments BEGIN
    SELECT RAISE (ABORT, 'payments of completed tickets cannot be changed');
END;
CREATE TRIGGER payments_immutable_delete BEFORE DELETE ON payments BEGIN
    SELECT RAISE (ABORT, 'payments of completed tickets cannot be deleted');
END;

PRAGMA application_id = 1129206866;
)sql";

constexpr std::array migrations{
    Migration{1, "creating the first schema", schema_1},
};
static_assert(migrations.size() == static_cast<std::size_t>(current_schema_version),
              "one migration per schema version, numbered from 1");
static_assert(counter_application_id == 1129206866, "schema_1 writes this id literally");

std::string hex(std::int64_t value) {
    static constexpr std::string_view digits = "0123456789abcdef";
    std::string out;
    for (int shift = 28; shift >= 0; shift -= 4)
        out += digits[(value >> shift) & 0xF];
    return "0x" + out;
}

}  // namespace

int schema_version(Database& db) {
    return static_cast<int>(db.query_int("PRAGMA user_version", "reading the schema version"));
}

pos::Status check_openable(Database& db) {
    const std::string file = db.file().string();
    std::int64_t version = 0;
    std::int64_t application = 0;
    std::int64_t objects = 0;
    try {
        version = schema_version(db);
        application = db.query_int("PRAGMA application_id", "reading the application id");
        objects = db.query_int("SELECT count(*) FROM sqlite_schema", "reading the schema");
    } catch (const SqliteError& error) {
        if (is_not_a_database(error.code())) {
            return pos::bad_input(file +
                                  " is not a Counter database (SQLite says: file is not a "
                                  "database); it was not opened or changed");
        }
        return pos::store_failure(file + " could not be read: " + error.what());
    }
    if (application != 0 && application != counter_application_id) {
        return pos::bad_input(file + " is not a Counter database (it belongs to another " +
                              "application, id " + hex(application) +
                              "); it was not opened or changed");
    }
    if (version > current_schema_version) {
        return pos::bad_input(file +
                              ": this database was written by a newer version of Counter "
                              "(schema " +
                              std::to_string(version) + "; this terminal knows up to " +
                              std::to_string(current_schema_version) +
                              "); it was not opened or changed");
    }
    if (version == 0 && objects > 0) {
        return pos::bad_input(file +
                              " is not a Counter database (it holds tables Counter did not "
                              "create); it was not opened or changed");
    }
    return pos::ok();
}

pos::Status migrate(Database& db) {
    try {
        for (const Migration& step : migrations) {
            if (schema_version(db) >= step.version)
                continue;
            Transaction transaction(db);
            db.exec(step.sql, "migration " + std::to_string(step.version) + " (" +
                                  std::string(step.what) + ")");
            db.exec("PRAGMA user_version = " + std::to_string(step.version),
                    "recording schema version " + std::to_string(step.version));
            transaction.commit();
        }
    } catch (const SqliteError& error) {
        return pos::store_failure(db.file().string() +
                                  " could not be brought up to date: " + error.what());
    }
    return pos::ok();
}

}  // namespace db
