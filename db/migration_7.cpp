// Migration 7: tills and reports. Shifts with their counted float, cash movements (paid in, paid
// out, drops, pickups), the blind close with its per-tender differences, running totals per shift
// and per terminal day (so closing and reporting are instant), where an upgraded terminal's totals
// begin, and the numbered Z reports.
#include "db/migrations.hpp"

namespace db {

// The journal's kind CHECK must admit the till's kinds, which SQLite cannot alter in place: the
// journal and outbox are rebuilt as migration 3 did, every row copied exactly (ids, payloads,
// hashes), so verify_journal stays OK across it. The trigger and index text repeats migration 3's
// on purpose: an older migration's text never changes.
std::string_view schema_7_sql() {
    return R"sql(
DROP TRIGGER journal_append_only_update;
DROP TRIGGER journal_append_only_delete;
DROP TRIGGER outbox_only_acknowledged;
DROP TRIGGER outbox_kept_until_acknowledged;
DROP INDEX journal_by_ticket;
DROP INDEX outbox_pending;
ALTER TABLE outbox RENAME TO outbox_v6;
ALTER TABLE journal RENAME TO journal_v6;
CREATE TABLE journal (
    id INTEGER PRIMARY KEY,
    terminal_id TEXT NOT NULL CHECK (length(terminal_id) > 0),
    sequence INTEGER NOT NULL CHECK (sequence > 0),
    kind TEXT NOT NULL CHECK (kind IN ('sale', 'return', 'exchange', 'post_void', 'ticket_void',
                                       'line_void', 'no_sale', 'price_override', 'suspend',
                                       'resume', 'approval', 'approval_declined', 'shift_open',
                                       'paid_in', 'paid_out', 'cash_drop', 'cash_pickup',
                                       'shift_close', 'z_report')),
    entity_id TEXT NOT NULL CHECK (length(entity_id) > 0),
    ticket_id TEXT NOT NULL,
    at_ms INTEGER NOT NULL,
    payload TEXT NOT NULL,
    prev_hash TEXT NOT NULL CHECK (length(prev_hash) = 64 AND prev_hash NOT GLOB '*[^0-9a-f]*'),
    hash TEXT NOT NULL CHECK (length(hash) = 64 AND hash NOT GLOB '*[^0-9a-f]*'),
    UNIQUE (terminal_id, sequence),
    UNIQUE (kind, entity_id)
) STRICT;
INSERT INTO journal (id, terminal_id, sequence, kind, entity_id, ticket_id, at_ms, payload,
    prev_hash, hash)
SELECT id, terminal_id, sequence, kind, entity_id, ticket_id, at_ms, payload, prev_hash, hash
FROM journal_v6 ORDER BY id;
CREATE TABLE outbox (
    id INTEGER PRIMARY KEY,
    journal_id INTEGER NOT NULL UNIQUE REFERENCES journal (id),
    terminal_id TEXT NOT NULL,
    sequence INTEGER NOT NULL CHECK (sequence > 0),
    created_at_ms INTEGER NOT NULL,
    acknowledged_at_ms INTEGER,
    UNIQUE (terminal_id, sequence)
) STRICT;
INSERT INTO outbox (id, journal_id, terminal_id, sequence, created_at_ms, acknowledged_at_ms)
SELECT id, journal_id, terminal_id, sequence, created_at_ms, acknowledged_at_ms
FROM outbox_v6 ORDER BY id;
DROP TABLE outbox_v6;
DROP TABLE journal_v6;
CREATE INDEX journal_by_ticket ON journal (ticket_id, sequence) WHERE ticket_id <> '';
CREATE TRIGGER journal_append_only_update BEFORE UPDATE ON journal BEGIN
    SELECT RAISE (ABORT, 'journal entries cannot be changed');
END;
CREATE TRIGGER journal_append_only_delete BEFORE DELETE ON journal BEGIN
    SELECT RAISE (ABORT, 'journal entries cannot be deleted');
END;
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

-- ---- shifts: a till opened with a counted float and closed by a blind count ----
-- float_count is the count's text form ("50.00x2 20.00x5", pos::cash_count_text).
CREATE TABLE shifts (
    id TEXT PRIMARY KEY NOT NULL,
    terminal_id TEXT NOT NULL CHECK (length(terminal_id) > 0),
    number INTEGER NOT NULL CHECK (number > 0),
    opened_by INTEGER NOT NULL,
    opened_by_name TEXT NOT NULL,
    opened_at_ms INTEGER NOT NULL,
    float_minor INTEGER NOT NULL CHECK (float_minor >= 0),
    float_count TEXT NOT NULL,
    closed_at_ms INTEGER,
    UNIQUE (terminal_id, number)
) STRICT;
-- At most one open shift per terminal.
CREATE UNIQUE INDEX shifts_one_open ON shifts (terminal_id) WHERE closed_at_ms IS NULL;

-- Paid in, paid out, drops to the safe and pickups, each against an open shift.
CREATE TABLE cash_movements (
    id TEXT PRIMARY KEY NOT NULL,
    shift_id TEXT NOT NULL REFERENCES shifts (id),
    kind TEXT NOT NULL CHECK (kind IN ('paid_in', 'paid_out', 'drop', 'pickup')),
    amount_minor INTEGER NOT NULL CHECK (amount_minor > 0),
    reason TEXT NOT NULL,
    user_id INTEGER NOT NULL,
    user_name TEXT NOT NULL,
    approved_by INTEGER NOT NULL DEFAULT 0,
    approver_name TEXT NOT NULL DEFAULT '',
    at_ms INTEGER NOT NULL
) STRICT;
CREATE INDEX cash_movements_by_shift ON cash_movements (shift_id, at_ms);

-- The close: who counted, the cash count's text form, and the over/short approval.
CREATE TABLE shift_closes (
    shift_id TEXT PRIMARY KEY NOT NULL REFERENCES shifts (id),
    closed_by INTEGER NOT NULL,
    closed_by_name TEXT NOT NULL,
    closed_at_ms INTEGER NOT NULL,
    cash_count TEXT NOT NULL,
    approved_by INTEGER NOT NULL DEFAULT 0,
    approver_name TEXT NOT NULL DEFAULT '',
    reason TEXT NOT NULL DEFAULT ''
) STRICT;
-- Per tender counted at the close: expected, counted (difference = counted - expected).
CREATE TABLE shift_close_tenders (
    shift_id TEXT NOT NULL REFERENCES shift_closes (shift_id),
    method TEXT NOT NULL,
    expected_minor INTEGER NOT NULL,
    counted_minor INTEGER NOT NULL,
    PRIMARY KEY (shift_id, method)
) STRICT;

-- Running totals, added to in the transaction that stores each ticket, event and movement:
-- scope is a shift id (its tenders, section 'tenders') or 'day:' || terminal_id (the terminal's
-- figures since its last Z, every section of pos::ReportFigures). A Z report deletes its
-- terminal's day rows in the transaction that stores it.
CREATE TABLE running_totals (
    scope TEXT NOT NULL,
    section TEXT NOT NULL,
    label TEXT NOT NULL,
    count INTEGER NOT NULL,
    amount_minor INTEGER NOT NULL,
    PRIMARY KEY (scope, section, label)
) STRICT;

-- Where each terminal's running totals begin: just after its last entry migrated (entries before
-- migration 7 are in no running total, so an X or the first Z must not claim them). A terminal
-- with no row (created on schema 7) reports from 0 until its first Z.
CREATE TABLE report_starts (
    terminal_id TEXT PRIMARY KEY NOT NULL,
    from_ms INTEGER NOT NULL
) STRICT;
INSERT INTO report_starts (terminal_id, from_ms)
SELECT terminal_id, MAX(at_ms) + 1 FROM journal GROUP BY terminal_id;

-- Z reports: numbered gap-free per terminal, one per business day (the store's local day,
-- days since 1970-01-01). figures is the report's canonical text (the z_report journal body).
CREATE TABLE z_reports (
    terminal_id TEXT NOT NULL CHECK (length(terminal_id) > 0),
    number INTEGER NOT NULL CHECK (number > 0),
    business_day INTEGER NOT NULL,
    from_ms INTEGER NOT NULL,
    to_ms INTEGER NOT NULL,
    run_by INTEGER NOT NULL,
    run_by_name TEXT NOT NULL,
    net_minor INTEGER NOT NULL,
    figures TEXT NOT NULL,
    PRIMARY KEY (terminal_id, number),
    UNIQUE (terminal_id, business_day)
) STRICT;

-- The shift each completed ticket was taken in (NULL: none open, or before migration 7).
ALTER TABLE tickets ADD COLUMN shift_id TEXT REFERENCES shifts (id);
)sql";
}

}  // namespace db
