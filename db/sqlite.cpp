#include "db/sqlite.hpp"

#include <sqlite3.h>

#include <utility>

namespace db {

namespace {

// The first line of a statement, shortened, to say which statement failed.
std::string describe(std::string_view sql) {
    while (!sql.empty() && (sql.front() == ' ' || sql.front() == '\n'))
        sql.remove_prefix(1);
    std::string text(sql.substr(0, sql.find('\n')));
    if (text.size() > 60)
        text = text.substr(0, 57) + "...";
    return "SQL \"" + text + "\"";
}

}  // namespace

bool is_not_a_database(int code) {
    return (code & 0xFF) == SQLITE_NOTADB;
}

// ---- Database ----

Database Database::open(const std::filesystem::path& file) {
    sqlite3* raw = nullptr;
    const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_EXRESCODE;
    const int rc = sqlite3_open_v2(file.c_str(), &raw, flags, nullptr);
    if (rc != SQLITE_OK) {
        std::string message = raw != nullptr ? sqlite3_errmsg(raw) : sqlite3_errstr(rc);
        sqlite3_close(raw);
        throw SqliteError(rc, "opening the file failed: " + message);
    }
    return Database(raw, file);
}

Database::Database(Database&& other) noexcept
    : db_(std::exchange(other.db_, nullptr)), file_(std::move(other.file_)) {}

Database& Database::operator=(Database&& other) noexcept {
    if (this != &other) {
        sqlite3_close_v2(db_);
        db_ = std::exchange(other.db_, nullptr);
        file_ = std::move(other.file_);
    }
    return *this;
}

Database::~Database() {
    sqlite3_close_v2(db_);
}

void Database::fail(int code, std::string_view what) const {
    throw SqliteError(code, std::string(what) + " failed: " + sqlite3_errmsg(db_));
}

void Database::exec(std::string_view sql, std::string_view what) {
    const std::string text(sql);
    const int rc = sqlite3_exec(db_, text.c_str(), nullptr, nullptr, nullptr);
    if (rc != SQLITE_OK)
        fail(sqlite3_extended_errcode(db_), what);
}

std::int64_t Database::query_int(std::string_view sql, std::string_view what) {
    try {
        Statement statement(*this, sql);
        if (!statement.step())
            fail(SQLITE_ERROR, what);
        return statement.column_int64(0);
    } catch (const SqliteError& error) {
        fail(error.code(), what);
    }
}

std::string Database::query_text(std::string_view sql, std::string_view what) {
    try {
        Statement statement(*this, sql);
        if (!statement.step())
            fail(SQLITE_ERROR, what);
        return statement.column_text(0);
    } catch (const SqliteError& error) {
        fail(error.code(), what);
    }
}

std::int64_t Database::last_insert_rowid() const {
    return sqlite3_last_insert_rowid(db_);
}
int Database::changes() const {
    return sqlite3_changes(db_);
}
bool Database::in_transaction() const {
    return sqlite3_get_autocommit(db_) == 0;
}

// ---- connection settings ----

void configure_connection(Database& db) {
    db.exec("PRAGMA busy_timeout = " + std::to_string(busy_timeout_ms), "setting busy_timeout");
    // WAL is a property of the file and is the one setting here that writes to it; the caller
    // has already checked that the file is ours and not from a newer version.
    const std::string mode = db.query_text("PRAGMA journal_mode = WAL", "switching to WAL");
    if (mode != "wal") {
        throw SqliteError(SQLITE_ERROR, "switching " + db.file().string() +
                                            " to WAL failed: SQLite kept journal_mode " + mode);
    }
    db.exec("PRAGMA synchronous = FULL", "setting synchronous=FULL");
    db.exec("PRAGMA foreign_keys = ON", "turning on foreign keys");
}

// ---- Statement ----

Statement::Statement(Database& db, std::string_view sql) : db_(&db), sql_(sql) {
    const int rc = sqlite3_prepare_v3(db.handle(), sql_.data(), static_cast<int>(sql_.size()),
                                      SQLITE_PREPARE_PERSISTENT, &stmt_, nullptr);
    if (rc != SQLITE_OK)
        db.fail(rc, "preparing " + describe(sql_));
}

Statement::Statement(Statement&& other) noexcept
    : db_(other.db_), stmt_(std::exchange(other.stmt_, nullptr)), sql_(std::move(other.sql_)) {}

Statement::~Statement() {
    sqlite3_finalize(stmt_);
}

Statement::Use::Use(Statement& statement) : statement_(statement) {
    statement_.reset();
}
Statement::Use::~Use() {
    statement_.reset();
}

void Statement::reset() {
    // sqlite3_reset repeats the last step's error; that error was already reported by step().
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
}

Statement& Statement::bind(int index, std::int64_t value) {
    const int rc = sqlite3_bind_int64(stmt_, index, value);
    if (rc != SQLITE_OK)
        db_->fail(rc, "binding parameter " + std::to_string(index) + " of " + describe(sql_));
    return *this;
}

Statement& Statement::bind(int index, std::string_view value) {
    const int rc = sqlite3_bind_text64(stmt_, index, value.data(), value.size(), SQLITE_TRANSIENT,
                                       SQLITE_UTF8);
    if (rc != SQLITE_OK)
        db_->fail(rc, "binding parameter " + std::to_string(index) + " of " + describe(sql_));
    return *this;
}

Statement& Statement::bind_null(int index) {
    const int rc = sqlite3_bind_null(stmt_, index);
    if (rc != SQLITE_OK)
        db_->fail(rc, "binding parameter " + std::to_string(index) + " of " + describe(sql_));
    return *this;
}

bool Statement::step() {
    const int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW)
        return true;
    if (rc == SQLITE_DONE)
        return false;
    db_->fail(sqlite3_extended_errcode(db_->handle()), describe(sql_));
}

void Statement::run() {
    while (step()) {
    }
}

std::int64_t Statement::column_int64(int index) const {
    return sqlite3_column_int64(stmt_, index);
}

int Statement::column_int(int index) const {
    return sqlite3_column_int(stmt_, index);
}

std::string Statement::column_text(int index) const {
    const auto* text = sqlite3_column_text(stmt_, index);
    const int size = sqlite3_column_bytes(stmt_, index);
    if (text == nullptr)
        return {};
    return std::string(reinterpret_cast<const char*>(text), static_cast<std::size_t>(size));
}

bool Statement::column_is_null(int index) const {
    return sqlite3_column_type(stmt_, index) == SQLITE_NULL;
}

// ---- Transaction ----

Transaction::Transaction(Database& db) : db_(db) {
    db_.exec("BEGIN IMMEDIATE", "starting a write transaction");
}

Transaction::~Transaction() {
    // A failed COMMIT or an error SQLite answers with an automatic rollback may already have ended
    // the transaction; ROLLBACK then would only add a second error.
    if (!done_ && db_.in_transaction()) {
        sqlite3_exec(db_.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
    }
}

void Transaction::commit() {
    db_.exec("COMMIT", "committing the transaction");
    done_ = true;
}

}  // namespace db
