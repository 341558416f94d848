// Migration 3: returns, exchanges, post-voids and approvals.
#include "db/migrations.hpp"

namespace db {

// users and stored_value_ledger change a CHECK and journal its kind CHECK, which SQLite cannot
// alter in place: they are rebuilt the way migration 2 rebuilt tickets (renamed aside, created
// anew, filled in rowid order, the old dropped). The outbox points at journal rows, so it is
// rebuilt with it, ids kept, and every journal row is copied byte for byte: verify_journal stays
// OK across the migration. tickets, ticket_lines and payments only gain nullable columns, which
// ALTER TABLE ADD COLUMN can do (their existing CHECKs already admit negative line amounts).
std::string_view schema_3_sql() {
    return R"sql(
ALTER TABLE users RENAME TO users_v2;
CREATE TABLE users (
    id INTEGER PRIMARY KEY,
    code TEXT NOT NULL UNIQUE CHECK (length(code) > 0),
    name TEXT NOT NULL CHECK (length(trim(name)) > 0),
    role TEXT NOT NULL CHECK (role IN ('clerk', 'supervisor', 'manager', 'administrator')),
    pin_hash TEXT NOT NULL CHECK (pin_hash GLOB '$argon2*'),
    -- SHA-256 (lower-case hex) of the badge barcode; the badge itself is never stored.
    badge_hash TEXT UNIQUE
        CHECK (badge_hash IS NULL OR (length(badge_hash) = 64
                                      AND badge_hash NOT GLOB '*[^0-9a-f]*')),
    failed_attempts INTEGER NOT NULL DEFAULT 0 CHECK (failed_attempts >= 0),
    locked_until_ms INTEGER NOT NULL DEFAULT 0 CHECK (locked_until_ms >= 0),
    active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
) STRICT;
INSERT INTO users (id, code, name, role, pin_hash, badge_hash, failed_attempts,
    locked_until_ms, active)
SELECT id, code, name, role, pin_hash, NULL, failed_attempts, locked_until_ms, active
FROM users_v2 ORDER BY id;
DROP TABLE users_v2;

-- What a completed ticket is (from its lines); a post-void names the ticket it reverses.
ALTER TABLE tickets ADD COLUMN kind TEXT NOT NULL DEFAULT 'sale'
    CHECK (kind IN ('sale', 'return', 'exchange', 'post_void'));
ALTER TABLE tickets ADD COLUMN post_void_of TEXT REFERENCES tickets (id)
    CHECK ((post_void_of IS NOT NULL) = (kind = 'post_void'));
CREATE UNIQUE INDEX tickets_post_voided_once ON tickets (post_void_of)
    WHERE post_void_of IS NOT NULL AND state = 'completed';
CREATE INDEX tickets_by_completed_at ON tickets (completed_at_ms) WHERE state = 'completed';

-- A return line (reason set) says what it returns: the original ticket, receipt and line, all
-- NULL for a return without a receipt, which names the customer instead. NULL on sale lines.
ALTER TABLE ticket_lines ADD COLUMN original_ticket_id TEXT REFERENCES tickets (id);
ALTER TABLE ticket_lines ADD COLUMN original_receipt TEXT
    CHECK ((original_receipt IS NULL) = (original_ticket_id IS NULL));
ALTER TABLE ticket_lines ADD COLUMN original_line_id TEXT REFERENCES ticket_lines (id)
    CHECK ((original_line_id IS NULL) = (original_ticket_id IS NULL));
ALTER TABLE ticket_lines ADD COLUMN reason TEXT
    CHECK (reason IN ('changed_mind', 'faulty', 'damaged', 'wrong_item', 'not_as_described',
                      'other'))
    CHECK (reason IS NOT NULL OR original_ticket_id IS NULL);
ALTER TABLE ticket_lines ADD COLUMN disposition TEXT
    CHECK (disposition IN ('restock', 'damaged', 'return_to_vendor'))
    CHECK ((disposition IS NULL) = (reason IS NULL));
ALTER TABLE ticket_lines ADD COLUMN customer TEXT
    CHECK (customer IS NULL OR (reason IS NOT NULL AND original_ticket_id IS NULL));
CREATE INDEX ticket_lines_returns_of_line ON ticket_lines (original_line_id)
    WHERE original_line_id IS NOT NULL;
CREATE INDEX ticket_lines_no_receipt_by_customer ON ticket_lines (customer, ticket_id)
    WHERE customer IS NOT NULL;
CREATE INDEX ticket_lines_by_code ON ticket_lines (code);

-- A refund back to a tender of an earlier sale names that sale's ticket.
-- (A post-void negates every payment, change included, so such a payment may be positive.)
ALTER TABLE payments ADD COLUMN refund_of TEXT REFERENCES tickets (id);
CREATE INDEX payments_refunds_of_ticket ON payments (refund_of) WHERE refund_of IS NOT NULL;
CREATE INDEX payments_by_card_last4 ON payments (card_last4) WHERE method = 'card';
CREATE INDEX payments_by_card_reference ON payments (reference) WHERE method = 'card';

-- Approvals given on a ticket, in the order given; each is also a journaled approval event.
CREATE TABLE ticket_approvals (
    ticket_id TEXT NOT NULL REFERENCES tickets (id),
    position INTEGER NOT NULL CHECK (position >= 0),
    event_id TEXT NOT NULL CHECK (length(event_id) > 0),
    permission TEXT NOT NULL
        CHECK (permission IN ('price_override', 'discount_over_limit', 'refund_over_limit',
                              'return_without_receipt', 'post_void', 'ticket_void', 'no_sale',
                              'cash_paid_out', 'close_till', 'over_short')),
    requested_by INTEGER NOT NULL,
    approved_by INTEGER NOT NULL,
    approver_name TEXT NOT NULL,
    amount INTEGER NOT NULL,
    reason TEXT NOT NULL,
    at_ms INTEGER NOT NULL,
    PRIMARY KEY (ticket_id, position)
) STRICT, WITHOUT ROWID;
CREATE TRIGGER ticket_approvals_immutable_update BEFORE UPDATE ON ticket_approvals BEGIN
    SELECT RAISE (ABORT, 'approvals of completed tickets cannot be changed');
END;
CREATE TRIGGER ticket_approvals_immutable_delete BEFORE DELETE ON ticket_approvals BEGIN
    SELECT RAISE (ABORT, 'approvals of completed tickets cannot be deleted');
END;

-- Where goods went: a sale line takes its quantity out of sellable stock, a return line puts it
-- into its disposition's bucket. Sales from before this schema are entered here too.
CREATE TABLE stock_movements (
    id INTEGER PRIMARY KEY,
    ticket_id TEXT NOT NULL REFERENCES tickets (id),
    line_id TEXT NOT NULL REFERENCES ticket_lines (id),
    product_id INTEGER NOT NULL,
    bucket TEXT NOT NULL CHECK (bucket IN ('sellable', 'damaged', 'vendor_return')),
    quantity_milli INTEGER NOT NULL CHECK (quantity_milli <> 0),
    at_ms INTEGER NOT NULL
) STRICT;
CREATE INDEX stock_movements_by_ticket ON stock_movements (ticket_id, id);
CREATE INDEX stock_movements_by_product ON stock_movements (product_id, bucket);
CREATE TRIGGER stock_movements_immutable_update BEFORE UPDATE ON stock_movements BEGIN
    SELECT RAISE (ABORT, 'stock movements cannot be changed');
END;
CREATE TRIGGER stock_movements_immutable_delete BEFORE DELETE ON stock_movements BEGIN
    SELECT RAISE (ABORT, 'stock movements cannot be deleted');
END;
INSERT INTO stock_movements (ticket_id, line_id, product_id, bucket, quantity_milli, at_ms)
SELECT l.ticket_id, l.id, l.product_id, 'sellable', -l.quantity_milli, t.completed_at_ms
FROM ticket_lines AS l JOIN tickets AS t ON t.id = l.ticket_id
WHERE t.state = 'completed' AND l.voided = 0 AND l.quantity_milli <> 0
ORDER BY t.completed_at_ms, l.ticket_id, l.position;

-- Gift card and store credit movements gain 'refund': money a return puts back on an account
-- (a positive credit pointing at the ticket and payment, like a sale's debit).
DROP TRIGGER stored_value_ledger_no_overdraft;
DROP TRIGGER stored_value_ledger_immutable_update;
DROP TRIGGER stored_value_ledger_immutable_delete;
DROP INDEX stored_value_ledger_by_account;
ALTER TABLE stored_value_ledger RENAME TO stored_value_ledger_v2;
CREATE TABLE stored_value_ledger (
    id INTEGER PRIMARY KEY,
    account_id INTEGER NOT NULL REFERENCES stored_value_accounts (id),
    amount INTEGER NOT NULL CHECK (amount <> 0),
    reason TEXT NOT NULL CHECK (reason IN ('issue', 'sale', 'refund')),
    ticket_id TEXT REFERENCES tickets (id),
    payment_id TEXT UNIQUE REFERENCES payments (id),
    at_ms INTEGER NOT NULL,
    CHECK ((reason IN ('sale', 'refund')) = (ticket_id IS NOT NULL)),
    CHECK ((reason IN ('sale', 'refund')) = (payment_id IS NOT NULL)),
    CHECK (reason NOT IN ('issue', 'refund') OR amount > 0)
) STRICT;
INSERT INTO stored_value_ledger (id, account_id, amount, reason, ticket_id, payment_id, at_ms)
SELECT id, account_id, amount, reason, ticket_id, payment_id, at_ms
FROM stored_value_ledger_v2 ORDER BY id;
DROP TABLE stored_value_ledger_v2;
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

-- The journal admits the new kinds: completed returns, exchanges and post-voids, approvals and
-- declined approvals. Rows are copied exactly (ids, payloads, hashes), the outbox with them.
DROP TRIGGER journal_append_only_update;
DROP TRIGGER journal_append_only_delete;
DROP TRIGGER outbox_only_acknowledged;
DROP TRIGGER outbox_kept_until_acknowledged;
DROP INDEX journal_by_ticket;
DROP INDEX outbox_pending;
ALTER TABLE outbox RENAME TO outbox_v2;
ALTER TABLE journal RENAME TO journal_v2;
CREATE TABLE journal (
    id INTEGER PRIMARY KEY,
    terminal_id TEXT NOT NULL CHECK (length(terminal_id) > 0),
    sequence INTEGER NOT NULL CHECK (sequence > 0),
    kind TEXT NOT NULL CHECK (kind IN ('sale', 'return', 'exchange', 'post_void', 'ticket_void',
                                       'line_void', 'no_sale', 'price_override', 'suspend',
                                       'resume', 'approval', 'approval_declined')),
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
FROM journal_v2 ORDER BY id;
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
FROM outbox_v2 ORDER BY id;
DROP TABLE outbox_v2;
DROP TABLE journal_v2;
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
)sql";
}

}  // namespace db
