#include "db/migrations.hpp"

#include <array>
#include <string>
#include <string_view>
#include <tuple>

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

// Migration 2: selling in full. SQLite cannot change a CHECK or make a column nullable in place,
// so tickets, ticket_lines and payments are rebuilt: the old tables are renamed aside (their
// foreign keys follow them), the new ones created and filled from them, and the old ones dropped,
// children first. Tickets of schema 1 were all completed sales with no discounts or promotions.
constexpr std::string_view schema_2 = R"sql(
DROP TRIGGER tickets_immutable_update;
DROP TRIGGER tickets_immutable_delete;
DROP TRIGGER ticket_lines_immutable_update;
DROP TRIGGER ticket_lines_immutable_delete;
DROP TRIGGER payments_immutable_update;
DROP TRIGGER payments_immutable_delete;
ALTER TABLE payments RENAME TO payments_v1;
ALTER TABLE ticket_lines RENAME TO ticket_lines_v1;
ALTER TABLE tickets RENAME TO tickets_v1;

-- A completed sale (with its receipt number) or a ticket voided before tender (without one).
CREATE TABLE tickets (
    id TEXT PRIMARY KEY NOT NULL,
    terminal_id TEXT NOT NULL CHECK (length(terminal_id) > 0),
    state TEXT NOT NULL CHECK (state IN ('completed', 'voided')),
    sequence INTEGER CHECK (sequence > 0),
    receipt_number TEXT UNIQUE,
    clerk_id INTEGER NOT NULL,
    clerk_name TEXT NOT NULL,
    currency_code TEXT NOT NULL CHECK (length(currency_code) = 3),
    currency_exponent INTEGER NOT NULL CHECK (currency_exponent BETWEEN 0 AND 4),
    pricing TEXT NOT NULL CHECK (pricing IN ('tax_inclusive', 'tax_exclusive')),
    tax_rounding TEXT NOT NULL CHECK (tax_rounding IN ('per_line', 'per_ticket')),
    discount_kind TEXT NOT NULL CHECK (discount_kind IN ('none', 'percent', 'amount')),
    discount_percent_ppm INTEGER NOT NULL CHECK (discount_percent_ppm BETWEEN 0 AND 1000000),
    discount_fixed INTEGER NOT NULL CHECK (discount_fixed >= 0),
    discount_reason TEXT NOT NULL,
    opened_at_ms INTEGER NOT NULL,
    completed_at_ms INTEGER NOT NULL,  -- when it was completed, or voided
    total_savings INTEGER NOT NULL,
    total_discounts INTEGER NOT NULL,
    total_net INTEGER NOT NULL,
    total_tax INTEGER NOT NULL,
    total INTEGER NOT NULL,
    UNIQUE (terminal_id, sequence),
    CHECK (total = total_net + total_tax),
    CHECK ((state = 'completed') = (sequence IS NOT NULL)),
    CHECK ((state = 'completed') = (receipt_number IS NOT NULL))
) STRICT;
INSERT INTO tickets (id, terminal_id, state, sequence, receipt_number, clerk_id, clerk_name,
    currency_code, currency_exponent, pricing, tax_rounding, discount_kind, discount_percent_ppm,
    discount_fixed, discount_reason, opened_at_ms, completed_at_ms, total_savings,
    total_discounts, total_net, total_tax, total)
SELECT id, terminal_id, 'completed', sequence, receipt_number, clerk_id, clerk_name,
    currency_code, currency_exponent, pricing, 'per_line', 'none', 0, 0, '', opened_at_ms,
    completed_at_ms, 0, 0, total_net, total_tax, total
FROM tickets_v1 ORDER BY rowid;

-- discount_* is what was keyed for the line; discount_amount is what it came to (the line's own
-- discount plus its share of the ticket's). override_* are all NULL when the price was not
-- overridden.
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
    quantity_milli INTEGER NOT NULL,
    list_price INTEGER NOT NULL,
    override_price INTEGER CHECK (override_price >= 0),
    override_approved_by INTEGER,
    override_reason TEXT,
    discount_kind TEXT NOT NULL CHECK (discount_kind IN ('none', 'percent', 'amount')),
    discount_percent_ppm INTEGER NOT NULL CHECK (discount_percent_ppm BETWEEN 0 AND 1000000),
    discount_fixed INTEGER NOT NULL CHECK (discount_fixed >= 0),
    discount_reason TEXT NOT NULL,
    voided INTEGER NOT NULL CHECK (voided IN (0, 1)),
    unit_price INTEGER NOT NULL,
    extended INTEGER NOT NULL,
    promotion_saving INTEGER NOT NULL CHECK (promotion_saving >= 0),
    promotion TEXT NOT NULL,
    discount_amount INTEGER NOT NULL CHECK (discount_amount >= 0),
    net INTEGER NOT NULL,
    tax INTEGER NOT NULL,
    gross INTEGER NOT NULL,
    UNIQUE (ticket_id, position),
    CHECK (gross = net + tax),
    CHECK ((override_price IS NULL) = (override_approved_by IS NULL)),
    CHECK ((override_price IS NULL) = (override_reason IS NULL))
) STRICT;
INSERT INTO ticket_lines (id, ticket_id, position, product_id, code, name, department, tax_code,
    tax_name, tax_rate_ppm, unit, quantity_milli, list_price, override_price,
    override_approved_by, override_reason, discount_kind, discount_percent_ppm, discount_fixed,
    discount_reason, voided, unit_price, extended, promotion_saving, promotion, discount_amount,
    net, tax, gross)
SELECT l.id, l.ticket_id, l.position, l.product_id, l.code, l.name, l.department, l.tax_code,
    l.tax_name, l.tax_rate_ppm, l.unit, l.quantity_milli, l.unit_price, NULL, NULL, NULL, 'none',
    0, 0, '', 0, l.unit_price,
    CASE t.pricing WHEN 'tax_exclusive' THEN l.net ELSE l.gross END, 0, '', 0,
    l.net, l.tax, l.gross
FROM ticket_lines_v1 AS l JOIN tickets_v1 AS t ON t.id = l.ticket_id ORDER BY l.rowid;

-- reference: the card terminal's reference, or the gift card / store credit account number.
-- Only the last four digits of a card are kept; a run of 12 digits (a full card number) is
-- refused in code and, as a last line, here.
CREATE TABLE payments (
    id TEXT PRIMARY KEY NOT NULL,
    ticket_id TEXT NOT NULL REFERENCES tickets (id),
    position INTEGER NOT NULL CHECK (position >= 0),
    method TEXT NOT NULL
        CHECK (method IN ('cash', 'card', 'gift_card', 'store_credit', 'cash_rounding')),
    amount INTEGER NOT NULL,
    reference TEXT NOT NULL,
    card_last4 TEXT NOT NULL
        CHECK (card_last4 = '' OR (length(card_last4) = 4 AND card_last4 NOT GLOB '*[^0-9]*')),
    UNIQUE (ticket_id, position),
    CHECK (card_last4 = '' OR method = 'card'),
    CHECK (method IN ('gift_card', 'store_credit')
           OR reference NOT GLOB '*[0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]*')
) STRICT;
INSERT INTO payments (id, ticket_id, position, method, amount, reference, card_last4)
SELECT id, ticket_id, position, method, amount, '', '' FROM payments_v1 ORDER BY rowid;

DROP TABLE payments_v1;
DROP TABLE ticket_lines_v1;
DROP TABLE tickets_v1;

-- Completed and voided tickets are immutable: corrections are new documents that point back.
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

-- The price book. A product's price at a moment is the entry with the latest effective_from_ms
-- not after it, or products.unit_price when there is none; the primary key is the index that
-- lookup walks (one seek per product, however large the catalogue).
CREATE TABLE prices (
    product_id INTEGER NOT NULL REFERENCES products (id) ON DELETE CASCADE,
    effective_from_ms INTEGER NOT NULL,
    unit_price INTEGER NOT NULL CHECK (unit_price >= 0),
    PRIMARY KEY (product_id, effective_from_ms)
) STRICT, WITHOUT ROWID;

-- Promotions exactly as pos::Promotion holds them. deal_price is -1 when pay_quantity is used.
CREATE TABLE promotions (
    id TEXT PRIMARY KEY NOT NULL CHECK (length(id) > 0),
    name TEXT NOT NULL CHECK (length(trim(name)) > 0),
    kind TEXT NOT NULL
        CHECK (kind IN ('quantity_break', 'mix_and_match', 'buy_x_get_y', 'department_percent')),
    priority INTEGER NOT NULL,
    department TEXT NOT NULL,
    buy_quantity INTEGER NOT NULL CHECK (buy_quantity >= 0),
    pay_quantity INTEGER NOT NULL CHECK (pay_quantity >= 0),
    deal_price INTEGER NOT NULL CHECK (deal_price >= -1),
    get_quantity INTEGER NOT NULL CHECK (get_quantity >= 0),
    get_percent_off_ppm INTEGER NOT NULL CHECK (get_percent_off_ppm BETWEEN 0 AND 1000000),
    percent_off_ppm INTEGER NOT NULL CHECK (percent_off_ppm BETWEEN 0 AND 1000000),
    starts_at_ms INTEGER NOT NULL,
    ends_at_ms INTEGER NOT NULL,
    daily_from_minute INTEGER NOT NULL CHECK (daily_from_minute BETWEEN 0 AND 1440),
    daily_to_minute INTEGER NOT NULL CHECK (daily_to_minute BETWEEN 0 AND 1440),
    CHECK (ends_at_ms > starts_at_ms)
) STRICT;
CREATE INDEX promotions_by_window ON promotions (starts_at_ms, ends_at_ms);
-- role 'buy': product_ids (what must be bought); 'get': get_product_ids (buy X get Y).
CREATE TABLE promotion_products (
    promotion_id TEXT NOT NULL REFERENCES promotions (id) ON DELETE CASCADE,
    role TEXT NOT NULL CHECK (role IN ('buy', 'get')),
    position INTEGER NOT NULL CHECK (position >= 0),
    product_id INTEGER NOT NULL,
    PRIMARY KEY (promotion_id, role, position)
) STRICT, WITHOUT ROWID;

-- Gift cards and store credit: an account's balance is the sum of its ledger movements, which
-- are never changed or deleted and never take the balance below zero.
CREATE TABLE stored_value_accounts (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('gift_card', 'store_credit')),
    account TEXT NOT NULL CHECK (length(account) BETWEEN 4 AND 32),
    opened_at_ms INTEGER NOT NULL,
    UNIQUE (kind, account)
) STRICT;
CREATE TABLE stored_value_ledger (
    id INTEGER PRIMARY KEY,
    account_id INTEGER NOT NULL REFERENCES stored_value_accounts (id),
    amount INTEGER NOT NULL CHECK (amount <> 0),
    reason TEXT NOT NULL CHECK (reason IN ('issue', 'sale')),
    ticket_id TEXT REFERENCES tickets (id),
    payment_id TEXT UNIQUE REFERENCES payments (id),
    at_ms INTEGER NOT NULL,
    CHECK ((reason = 'sale') = (ticket_id IS NOT NULL)),
    CHECK ((reason = 'sale') = (payment_id IS NOT NULL)),
    CHECK (reason <> 'issue' OR amount > 0)
) STRICT;
CREATE INDEX stored_value_ledger_by_account ON stored_value_ledger (account_id, amount);
CREATE TRIGGER stored_value_ledger_no_overdraft AFTER INSERT ON stored_value_ledger
WHEN (SELECT sum(amount) FROM stored_value_ledger WHERE account_id = new.account_id) < 0 BEGIN
    SELECT RAISE (ABORT, 'a gift card or store credit balance cannot go below zero');
END;
CREATE TRIGGER stored_value_ledger_immutable_update BEFORE UPDATE ON stored_value_ledger BEGIN
    SELECT RAISE (ABORT, 'gift card and store credit movements cannot be changed');
END;
CREATE TRIGGER stored_value_ledger_immutable_delete BEFORE DELETE ON stored_value_ledger BEGIN
    SELECT RAISE (ABORT, 'gift card and store credit movements cannot be deleted');
END;

-- The journal: per terminal a gap-free sequence from 1, each entry hash-chained to the one
-- before (see db/README.md, "Journal"). entity_id is the ticket id (sale, ticket_void of a whole
-- ticket) or the event id; ticket_id is the ticket the entry concerns ('' for a no-sale).
-- kind, entity_id, ticket_id and at_ms are copies of the payload's header for lookups; the
-- payload is what the hash covers and verify compares them.
CREATE TABLE journal (
    id INTEGER PRIMARY KEY,
    terminal_id TEXT NOT NULL CHECK (length(terminal_id) > 0),
    sequence INTEGER NOT NULL CHECK (sequence > 0),
    kind TEXT NOT NULL CHECK (kind IN ('sale', 'ticket_void', 'line_void', 'no_sale',
                                       'price_override', 'suspend', 'resume')),
    entity_id TEXT NOT NULL CHECK (length(entity_id) > 0),
    ticket_id TEXT NOT NULL,
    at_ms INTEGER NOT NULL,
    payload TEXT NOT NULL,
    prev_hash TEXT NOT NULL CHECK (length(prev_hash) = 64 AND prev_hash NOT GLOB '*[^0-9a-f]*'),
    hash TEXT NOT NULL CHECK (length(hash) = 64 AND hash NOT GLOB '*[^0-9a-f]*'),
    UNIQUE (terminal_id, sequence),
    UNIQUE (kind, entity_id)
) STRICT;
CREATE INDEX journal_by_ticket ON journal (ticket_id, sequence) WHERE ticket_id <> '';
CREATE TRIGGER journal_append_only_update BEFORE UPDATE ON journal BEGIN
    SELECT RAISE (ABORT, 'journal entries cannot be changed');
END;
CREATE TRIGGER journal_append_only_delete BEFORE DELETE ON journal BEGIN
    SELECT RAISE (ABORT, 'journal entries cannot be deleted');
END;

-- Each terminal's last sequence and hash, moved in the transaction that appends an entry: the
-- next entry chains to it, and verify notices entries removed from the end of the journal.
CREATE TABLE journal_heads (
    terminal_id TEXT PRIMARY KEY NOT NULL,
    last_sequence INTEGER NOT NULL CHECK (last_sequence > 0),
    last_hash TEXT NOT NULL CHECK (length(last_hash) = 64)
) STRICT;
CREATE TRIGGER journal_heads_forward_only BEFORE UPDATE ON journal_heads
WHEN new.last_sequence <> old.last_sequence + 1 OR new.terminal_id <> old.terminal_id BEGIN
    SELECT RAISE (ABORT, 'a journal head only moves forward, one entry at a time');
END;
CREATE TRIGGER journal_heads_kept BEFORE DELETE ON journal_heads BEGIN
    SELECT RAISE (ABORT, 'journal heads cannot be deleted');
END;

-- One row per journal entry, written with it, for head office. A row is only ever changed to
-- record its acknowledgement, and is never deleted while unacknowledged.
CREATE TABLE outbox (
    id INTEGER PRIMARY KEY,
    journal_id INTEGER NOT NULL UNIQUE REFERENCES journal (id),
    terminal_id TEXT NOT NULL,
    sequence INTEGER NOT NULL CHECK (sequence > 0),
    created_at_ms INTEGER NOT NULL,
    acknowledged_at_ms INTEGER,
    UNIQUE (terminal_id, sequence)
) STRICT;
CREATE INDEX outbox_pending ON outbox (id) WHERE acknowledged_at_ms IS NULL;
CREATE TRIGGER outbox_only_acknowledged BEFORE UPDATE ON outbox
WHEN old.acknowledged_at_ms IS NOT NULL OR new.acknowledged_at_ms IS NULL
     OR new.journal_id <> old.journal_id OR new.terminal_id <> old.terminal_id
     OR new.sequence <> old.sequence OR new.created_at_ms <> old.created_at_ms BEGIN
    SELECT RAISE (ABORT, 'an outbox row can only be marked acknowledged, once');
END;
CREATE TRIGGER outbox_kept_until_acknowledged BEFORE DELETE ON outbox
WHEN old.acknowledged_at_ms IS NULL BEGIN
    SELECT RAISE (ABORT, 'an outbox row cannot be deleted before head office acknowledged it');
END;

-- Suspended tickets: an open ticket's inputs (what was scanned and keyed), so it can be resumed
-- on any terminal sharing the store and priced again there. line_count and total are for the
-- list the clerk picks from.
CREATE TABLE suspended_tickets (
    ticket_id TEXT PRIMARY KEY NOT NULL,
    suspension_id TEXT NOT NULL UNIQUE,
    terminal_id TEXT NOT NULL,
    clerk_id INTEGER NOT NULL,
    clerk_name TEXT NOT NULL,
    label TEXT NOT NULL,
    suspended_at_ms INTEGER NOT NULL,
    opened_at_ms INTEGER NOT NULL,
    currency_code TEXT NOT NULL CHECK (length(currency_code) = 3),
    currency_exponent INTEGER NOT NULL CHECK (currency_exponent BETWEEN 0 AND 4),
    pricing TEXT NOT NULL CHECK (pricing IN ('tax_inclusive', 'tax_exclusive')),
    tax_rounding TEXT NOT NULL CHECK (tax_rounding IN ('per_line', 'per_ticket')),
    discount_kind TEXT NOT NULL CHECK (discount_kind IN ('none', 'percent', 'amount')),
    discount_percent_ppm INTEGER NOT NULL CHECK (discount_percent_ppm BETWEEN 0 AND 1000000),
    discount_fixed INTEGER NOT NULL CHECK (discount_fixed >= 0),
    discount_reason TEXT NOT NULL,
    line_count INTEGER NOT NULL CHECK (line_count >= 0),
    total INTEGER NOT NULL
) STRICT;
CREATE INDEX suspended_tickets_oldest_first ON suspended_tickets (suspended_at_ms);
CREATE TABLE suspended_lines (
    ticket_id TEXT NOT NULL REFERENCES suspended_tickets (ticket_id) ON DELETE CASCADE,
    position INTEGER NOT NULL CHECK (position >= 0),
    id TEXT NOT NULL,
    product_id INTEGER NOT NULL,
    code TEXT NOT NULL,
    name TEXT NOT NULL,
    department TEXT NOT NULL,
    tax_code TEXT NOT NULL,
    tax_name TEXT NOT NULL,
    tax_rate_ppm INTEGER NOT NULL CHECK (tax_rate_ppm BETWEEN 0 AND 1000000),
    unit TEXT NOT NULL CHECK (unit IN ('each', 'kg')),
    quantity_milli INTEGER NOT NULL,
    list_price INTEGER NOT NULL,
    override_price INTEGER CHECK (override_price >= 0),
    override_approved_by INTEGER,
    override_reason TEXT,
    discount_kind TEXT NOT NULL CHECK (discount_kind IN ('none', 'percent', 'amount')),
    discount_percent_ppm INTEGER NOT NULL CHECK (discount_percent_ppm BETWEEN 0 AND 1000000),
    discount_fixed INTEGER NOT NULL CHECK (discount_fixed >= 0),
    discount_reason TEXT NOT NULL,
    voided INTEGER NOT NULL CHECK (voided IN (0, 1)),
    PRIMARY KEY (ticket_id, position),
    CHECK ((override_price IS NULL) = (override_approved_by IS NULL)),
    CHECK ((override_price IS NULL) = (override_reason IS NULL))
) STRICT, WITHOUT ROWID;
)sql";

const std::array migrations{
    Migration{1, "creating the first schema", schema_1},
    Migration{2, "price book, promotions, tenders, journal, outbox, suspended tickets", schema_2},
    Migration{3, "returns, exchanges, post-voids, approvals, stock movements", schema_3_sql()},
    Migration{4, "the durable print queue", schema_4_sql()},
    Migration{5, "head-office sync, stock snapshot, promotions by product code", schema_5_sql()},
    Migration{6, "customers, loyalty, interactions, special orders, stock requests",
              schema_6_sql()},
    Migration{7, "tills, cash movements, running totals, Z reports", schema_7_sql()},
};
static_assert(std::tuple_size_v<decltype(migrations)> ==
                  static_cast<std::size_t>(current_schema_version),
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

pos::Status migrate(Database& db, int target_version) {
    try {
        for (const Migration& step : migrations) {
            if (schema_version(db) >= step.version || step.version > target_version)
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
