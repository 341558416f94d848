// Migration 6: customers and loyalty, interactions, special orders, stock requests, the chain's
// stores, what sells together, and the queue of service records for head office.
#include "db/migrations.hpp"

namespace db {

// New tables and columns, plus payments rebuilt: its method CHECK must admit 'loyalty_points' and
// 'deposit', which SQLite cannot alter in place. stored_value_ledger points at payments, and with
// foreign keys ON a rename rewrites such references, so the ledger is set aside first and
// rebuilt after (both copied row for row, ids kept, triggers and indexes recreated). The journal,
// outbox and tickets are not touched: every entry verifies as before.
std::string_view schema_6_sql() {
    return R"sql(
-- ---- payments (method CHECK) and stored_value_ledger (its reference to payments) ----
DROP TRIGGER stored_value_ledger_no_overdraft;
DROP TRIGGER stored_value_ledger_immutable_update;
DROP TRIGGER stored_value_ledger_immutable_delete;
DROP INDEX stored_value_ledger_by_account;
ALTER TABLE stored_value_ledger RENAME TO stored_value_ledger_v5;

DROP TRIGGER payments_immutable_update;
DROP TRIGGER payments_immutable_delete;
DROP INDEX payments_refunds_of_ticket;
DROP INDEX payments_by_card_last4;
DROP INDEX payments_by_card_reference;
ALTER TABLE payments RENAME TO payments_v5;

-- points: what a loyalty_points payment took (or gave back); 0 for every other method.
-- A loyalty payment's reference is the customer id, a deposit's the order number: neither is
-- a card number, so the long-digit-run check does not apply to them.
CREATE TABLE payments (
    id TEXT PRIMARY KEY NOT NULL,
    ticket_id TEXT NOT NULL REFERENCES tickets (id),
    position INTEGER NOT NULL CHECK (position >= 0),
    method TEXT NOT NULL
        CHECK (method IN ('cash', 'card', 'gift_card', 'store_credit', 'cash_rounding',
                          'loyalty_points', 'deposit')),
    amount INTEGER NOT NULL,
    reference TEXT NOT NULL,
    card_last4 TEXT NOT NULL
        CHECK (card_last4 = '' OR (length(card_last4) = 4 AND card_last4 NOT GLOB '*[^0-9]*')),
    refund_of TEXT REFERENCES tickets (id),
    points INTEGER NOT NULL DEFAULT 0,
    UNIQUE (ticket_id, position),
    CHECK (card_last4 = '' OR method = 'card'),
    CHECK (points = 0 OR method = 'loyalty_points'),
    CHECK (method IN ('gift_card', 'store_credit', 'loyalty_points', 'deposit')
           OR reference NOT GLOB '*[0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]*')
) STRICT;
INSERT INTO payments (id, ticket_id, position, method, amount, reference, card_last4, refund_of,
    points)
SELECT id, ticket_id, position, method, amount, reference, card_last4, refund_of, 0
FROM payments_v5 ORDER BY rowid;

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
FROM stored_value_ledger_v5 ORDER BY id;
DROP TABLE stored_value_ledger_v5;
DROP TABLE payments_v5;

CREATE INDEX payments_refunds_of_ticket ON payments (refund_of) WHERE refund_of IS NOT NULL;
CREATE INDEX payments_by_card_last4 ON payments (card_last4) WHERE method = 'card';
CREATE INDEX payments_by_card_reference ON payments (reference) WHERE method = 'card';
CREATE TRIGGER payments_immutable_update BEFORE UPDATE ON payments BEGIN
    SELECT RAISE (ABORT, 'payments of completed tickets cannot be changed');
END;
CREATE TRIGGER payments_immutable_delete BEFORE DELETE ON payments BEGIN
    SELECT RAISE (ABORT, 'payments of completed tickets cannot be deleted');
END;
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

-- A deposit line names its special order (NULL on every other line).
ALTER TABLE ticket_lines ADD COLUMN special_order TEXT;

-- ---- customers ----
-- phone_digits: the phone's digits only, searched by the trigram index below (digits typed
-- anywhere in the number). Names are searched by word prefix (customer_names).
CREATE TABLE customers (
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE CHECK (length(id) > 0),
    card TEXT NOT NULL,
    name TEXT NOT NULL,
    phone TEXT NOT NULL,
    phone_digits TEXT NOT NULL,
    email TEXT NOT NULL,
    consent_email INTEGER NOT NULL CHECK (consent_email IN (0, 1)),
    consent_sms INTEGER NOT NULL CHECK (consent_sms IN (0, 1)),
    consent_post INTEGER NOT NULL CHECK (consent_post IN (0, 1)),
    store_credit_account TEXT NOT NULL,
    note TEXT NOT NULL,
    home_store TEXT NOT NULL,
    created_at_ms INTEGER NOT NULL,
    updated_at_ms INTEGER NOT NULL,
    merged_into TEXT NOT NULL
) STRICT;
CREATE INDEX customers_by_card ON customers (card) WHERE card <> '';
CREATE INDEX customers_by_email ON customers (email) WHERE email <> '';
CREATE INDEX customers_by_phone ON customers (phone) WHERE phone <> '';
CREATE INDEX customers_by_name ON customers (name COLLATE NOCASE);
CREATE INDEX customers_by_merged_into ON customers (merged_into) WHERE merged_into <> '';
CREATE VIRTUAL TABLE customer_names USING fts5 (
    name,
    content = 'customers',
    content_rowid = 'seq',
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '1 2 3'
);
CREATE VIRTUAL TABLE customer_phones USING fts5 (
    phone_digits,
    content = 'customers',
    content_rowid = 'seq',
    tokenize = 'trigram'
);
CREATE TRIGGER customers_after_insert AFTER INSERT ON customers BEGIN
    INSERT INTO customer_names (rowid, name) VALUES (new.seq, new.name);
    INSERT INTO customer_phones (rowid, phone_digits) VALUES (new.seq, new.phone_digits);
END;
CREATE TRIGGER customers_after_delete AFTER DELETE ON customers BEGIN
    INSERT INTO customer_names (customer_names, rowid, name) VALUES ('delete', old.seq, old.name);
    INSERT INTO customer_phones (customer_phones, rowid, phone_digits)
        VALUES ('delete', old.seq, old.phone_digits);
END;
CREATE TRIGGER customers_after_update AFTER UPDATE ON customers BEGIN
    INSERT INTO customer_names (customer_names, rowid, name) VALUES ('delete', old.seq, old.name);
    INSERT INTO customer_names (rowid, name) VALUES (new.seq, new.name);
    INSERT INTO customer_phones (customer_phones, rowid, phone_digits)
        VALUES ('delete', old.seq, old.phone_digits);
    INSERT INTO customer_phones (rowid, phone_digits) VALUES (new.seq, new.phone_digits);
END;

-- Every store's loyalty movements, by id: the same movement arriving twice counts once.
CREATE TABLE loyalty_movements (
    id TEXT PRIMARY KEY NOT NULL CHECK (length(id) > 0),
    customer_id TEXT NOT NULL,
    points INTEGER NOT NULL,
    ticket_id TEXT NOT NULL,
    receipt_number TEXT NOT NULL,
    store_code TEXT NOT NULL,
    at_ms INTEGER NOT NULL
) STRICT, WITHOUT ROWID;
CREATE INDEX loyalty_movements_by_customer ON loyalty_movements (customer_id, at_ms);
CREATE TRIGGER loyalty_movements_immutable_update BEFORE UPDATE ON loyalty_movements BEGIN
    SELECT RAISE (ABORT, 'loyalty movements cannot be changed');
END;

-- The customer a completed ticket was for (tickets are immutable; written with the ticket).
CREATE TABLE ticket_customers (
    ticket_id TEXT PRIMARY KEY NOT NULL REFERENCES tickets (id),
    customer_id TEXT NOT NULL CHECK (length(customer_id) > 0),
    customer_name TEXT NOT NULL,
    card TEXT NOT NULL,
    points_earned INTEGER NOT NULL
) STRICT, WITHOUT ROWID;
CREATE INDEX ticket_customers_by_customer ON ticket_customers (customer_id);
CREATE TRIGGER ticket_customers_immutable_update BEFORE UPDATE ON ticket_customers BEGIN
    SELECT RAISE (ABORT, 'the customer of a completed ticket cannot be changed');
END;
CREATE TRIGGER ticket_customers_immutable_delete BEFORE DELETE ON ticket_customers BEGIN
    SELECT RAISE (ABORT, 'the customer of a completed ticket cannot be removed');
END;

-- ---- interactions ----
CREATE TABLE interactions (
    id TEXT PRIMARY KEY NOT NULL CHECK (length(id) > 0),
    number TEXT NOT NULL UNIQUE CHECK (length(number) > 0),
    kind TEXT NOT NULL CHECK (kind IN ('inquiry', 'complaint', 'request')),
    category TEXT NOT NULL,
    customer_id TEXT NOT NULL,
    customer_name TEXT NOT NULL,
    receipt_number TEXT NOT NULL,
    said TEXT NOT NULL,
    done TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('open', 'waiting', 'resolved')),
    store_code TEXT NOT NULL,
    handled_by INTEGER NOT NULL,
    handled_by_name TEXT NOT NULL,
    opened_at_ms INTEGER NOT NULL,
    updated_at_ms INTEGER NOT NULL,
    resolved_at_ms INTEGER NOT NULL,
    follow_up_day INTEGER NOT NULL,
    outcome_receipts TEXT NOT NULL  -- receipt numbers, one per line, newest last
) STRICT, WITHOUT ROWID;
CREATE INDEX interactions_open_by_store ON interactions (store_code, status)
    WHERE status <> 'resolved';
CREATE INDEX interactions_by_customer ON interactions (customer_id, opened_at_ms)
    WHERE customer_id <> '';
-- ---- special orders ----
CREATE TABLE special_orders (
    id TEXT PRIMARY KEY NOT NULL CHECK (length(id) > 0),
    number TEXT NOT NULL UNIQUE CHECK (length(number) > 0),
    customer_id TEXT NOT NULL,
    customer_name TEXT NOT NULL,
    product_code TEXT NOT NULL,
    product_name TEXT NOT NULL,
    quantity_milli INTEGER NOT NULL CHECK (quantity_milli > 0),
    unit_price INTEGER NOT NULL CHECK (unit_price >= 0),
    total INTEGER NOT NULL CHECK (total >= 0),
    deposit INTEGER NOT NULL CHECK (deposit >= 0),
    deposit_held INTEGER NOT NULL CHECK (deposit_held >= 0),
    status TEXT NOT NULL
        CHECK (status IN ('awaiting_deposit', 'ordered', 'arrived', 'collected', 'cancelled')),
    store_code TEXT NOT NULL,
    deposit_receipt TEXT NOT NULL,
    pickup_receipt TEXT NOT NULL,
    expected_day INTEGER NOT NULL,
    note TEXT NOT NULL,
    created_at_ms INTEGER NOT NULL,
    updated_at_ms INTEGER NOT NULL
) STRICT, WITHOUT ROWID;
CREATE INDEX special_orders_by_created ON special_orders (created_at_ms);
CREATE INDEX special_orders_by_customer ON special_orders (customer_id, created_at_ms);

-- Numbers handed out: "interaction:S001" (per store), "special_order:T01" and "loyalty_card:T01"
-- (per terminal). Taken in the transaction that stores the record, so there are no gaps.
CREATE TABLE service_sequences (
    name TEXT PRIMARY KEY NOT NULL,
    last_sequence INTEGER NOT NULL CHECK (last_sequence > 0)
) STRICT, WITHOUT ROWID;

-- ---- stock requests, the chain's stores, the stock snapshot's new figures ----
CREATE TABLE stock_requests (
    id TEXT PRIMARY KEY NOT NULL CHECK (length(id) > 0),
    kind TEXT NOT NULL CHECK (kind IN ('hold', 'transfer')),
    product_code TEXT NOT NULL,
    product_name TEXT NOT NULL,
    quantity_milli INTEGER NOT NULL CHECK (quantity_milli > 0),
    from_store TEXT NOT NULL,
    to_store TEXT NOT NULL,
    customer_id TEXT NOT NULL,
    customer_name TEXT NOT NULL,
    note TEXT NOT NULL,
    status TEXT NOT NULL
        CHECK (status IN ('requested', 'accepted', 'declined', 'ready', 'completed',
                          'cancelled')),
    status_note TEXT NOT NULL,
    requested_by INTEGER NOT NULL,
    requested_by_name TEXT NOT NULL,
    created_at_ms INTEGER NOT NULL,
    updated_at_ms INTEGER NOT NULL
) STRICT, WITHOUT ROWID;
CREATE INDEX stock_requests_by_asking_store ON stock_requests (to_store, created_at_ms);

CREATE TABLE stores (
    code TEXT PRIMARY KEY NOT NULL CHECK (length(code) > 0),
    name TEXT NOT NULL
) STRICT, WITHOUT ROWID;

ALTER TABLE stock_snapshot ADD COLUMN on_order_milli INTEGER NOT NULL DEFAULT 0;
ALTER TABLE stock_snapshot ADD COLUMN expected_day INTEGER NOT NULL DEFAULT 0;
ALTER TABLE stock_snapshot ADD COLUMN location TEXT NOT NULL DEFAULT '';

-- ---- suggestions and lookup ----
-- How often two products were on one completed sale, kept in both directions.
CREATE TABLE bought_together (
    product_id INTEGER NOT NULL,
    other_id INTEGER NOT NULL,
    times INTEGER NOT NULL CHECK (times > 0),
    PRIMARY KEY (product_id, other_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX bought_together_most ON bought_together (product_id, times DESC, other_id);
CREATE INDEX products_by_brand ON products (brand COLLATE NOCASE) WHERE brand <> '';

-- ---- the queue of service records for head office ----
-- One row per record; queuing it again replaces the row with a new id (AUTOINCREMENT: ids are
-- never reused), so an acknowledgement of the id read before leaves the newer state queued.
CREATE TABLE record_queue (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    kind TEXT NOT NULL
        CHECK (kind IN ('customer', 'interaction', 'loyalty', 'stock_request', 'special_order')),
    key TEXT NOT NULL,
    queued_at_ms INTEGER NOT NULL,
    UNIQUE (kind, key)
) STRICT;
)sql";
}

}  // namespace db
