// Migration 4: the durable print queue.
#include "db/migrations.hpp"

namespace db {

// A job is stored before it is sent and marked done only when the printer confirms it; the
// parts are the bytes for the printer and the spool (".escpos", ".txt", ".png"). Only new tables,
// so nothing written by schema 3 is touched and the journal verifies as before. Device settings
// need no table: they are "devices.*" keys in settings.
std::string_view schema_4_sql() {
    return R"sql(
CREATE TABLE print_jobs (
    id TEXT PRIMARY KEY NOT NULL CHECK (length(id) > 0),
    name TEXT NOT NULL UNIQUE CHECK (length(name) > 0),
    title TEXT NOT NULL,
    receipt_number TEXT NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('queued', 'printing', 'waiting', 'done', 'failed')),
    created_ms INTEGER NOT NULL,
    updated_ms INTEGER NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    last_error TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX print_jobs_by_created ON print_jobs (created_ms);
CREATE INDEX print_jobs_unfinished ON print_jobs (created_ms)
    WHERE state IN ('queued', 'printing', 'waiting');
-- A printed job is final: a late or repeated confirmation must not move it again.
CREATE TRIGGER print_jobs_done_is_final BEFORE UPDATE ON print_jobs
WHEN old.state = 'done' BEGIN
    SELECT RAISE (ABORT, 'a printed job cannot be changed');
END;

CREATE TABLE print_job_parts (
    job_id TEXT NOT NULL REFERENCES print_jobs (id) ON DELETE CASCADE,
    extension TEXT NOT NULL CHECK (extension GLOB '.?*'),
    bytes BLOB NOT NULL,
    PRIMARY KEY (job_id, extension)
) STRICT, WITHOUT ROWID;
CREATE TRIGGER print_job_parts_immutable_update BEFORE UPDATE ON print_job_parts BEGIN
    SELECT RAISE (ABORT, 'the bytes of a print job cannot be changed');
END;
)sql";
}

}  // namespace db
