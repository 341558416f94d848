// Migration 5: head-office sync.
#include "db/migrations.hpp"

namespace db {

// Only new tables and columns, plus promotion_products rebuilt to name products by code (a
// promotion from head office may arrive before a product it names; codes are resolved when
// promotions are read). The journal, outbox and tickets are not touched, so the journal verifies
// as before.
std::string_view schema_5_sql() {
    return R"sql(
-- One row: the enrolment (empty token: not enrolled), the change-log cursor and the clocks.
CREATE TABLE sync_state (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    server_url TEXT NOT NULL DEFAULT '',
    store_code TEXT NOT NULL DEFAULT '',
    store_name TEXT NOT NULL DEFAULT '',
    terminal_id TEXT NOT NULL DEFAULT '',
    token TEXT NOT NULL DEFAULT '',
    cursor INTEGER NOT NULL DEFAULT 0 CHECK (cursor >= 0),
    first_load_done INTEGER NOT NULL DEFAULT 0 CHECK (first_load_done IN (0, 1)),
    last_success_ms INTEGER NOT NULL DEFAULT 0,
    stock_as_of_ms INTEGER NOT NULL DEFAULT 0
) STRICT;
INSERT INTO sync_state (id) VALUES (1);

-- Every store's stock as head office last folded it, with when head office read it.
CREATE TABLE stock_snapshot (
    store_code TEXT NOT NULL,
    product_code TEXT NOT NULL,
    quantity_milli INTEGER NOT NULL,
    as_of_ms INTEGER NOT NULL,
    PRIMARY KEY (store_code, product_code)
) STRICT, WITHOUT ROWID;
CREATE INDEX stock_snapshot_by_product ON stock_snapshot (product_code, store_code);

-- Changes from head office this terminal refused (skipped; the rest of their batch applied): one
-- row per kind and key, removed when that key arrives again and applies.
CREATE TABLE sync_rejections (
    kind TEXT NOT NULL,
    key TEXT NOT NULL,
    sequence INTEGER NOT NULL,
    message TEXT NOT NULL,
    at_ms INTEGER NOT NULL,
    PRIMARY KEY (kind, key)
) STRICT, WITHOUT ROWID;
CREATE INDEX sync_rejections_newest ON sync_rejections (sequence);

ALTER TABLE products ADD COLUMN brand TEXT NOT NULL DEFAULT '';

-- Promotions name their products by code; unknown codes are skipped when read.
ALTER TABLE promotion_products RENAME TO promotion_products_v4;
CREATE TABLE promotion_products (
    promotion_id TEXT NOT NULL REFERENCES promotions (id) ON DELETE CASCADE,
    role TEXT NOT NULL CHECK (role IN ('buy', 'get')),
    position INTEGER NOT NULL CHECK (position >= 0),
    product_code TEXT NOT NULL CHECK (length(product_code) > 0),
    PRIMARY KEY (promotion_id, role, position)
) STRICT, WITHOUT ROWID;
INSERT INTO promotion_products (promotion_id, role, position, product_code)
SELECT old.promotion_id, old.role, old.position, barcodes.code
FROM promotion_products_v4 AS old
JOIN barcodes ON barcodes.product_id = old.product_id AND barcodes.is_primary = 1;
DROP TABLE promotion_products_v4;
)sql";
}

}  // namespace db
