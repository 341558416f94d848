// Thin RAII wrappers over the SQLite C API: a connection, a prepared statement and a write
// transaction. SQLite result codes become exceptions (SqliteError, a pos::StoreFailure) here, at
// the edge; the store turns them into pos::Error values where its interface returns a Result.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "pos/ports.hpp"

struct sqlite3;
struct sqlite3_stmt;

namespace db {

class SqliteError : public pos::StoreFailure {
  public:
    SqliteError(int code, const std::string& message) : pos::StoreFailure(message), code_(code) {}
    int code() const { return code_; }  // the extended SQLite result code

  private:
    int code_;
};

// True when the code (primary or extended) is SQLITE_NOTADB.
bool is_not_a_database(int code);

class Database {
  public:
    // Opens the file read-write, creating it if absent. Opening writes nothing: a file that is
    // not a database is only noticed at the first read.
    static Database open(const std::filesystem::path& file);

    Database(Database&& other) noexcept;
    Database& operator=(Database&& other) noexcept;
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;
    ~Database();

    // Runs one or more statements that return no rows (schema, PRAGMAs). `what` names the step
    // in the error message: "creating the schema failed: ...".
    void exec(std::string_view sql, std::string_view what);
    // The single integer a statement such as "PRAGMA user_version" returns.
    std::int64_t query_int(std::string_view sql, std::string_view what);
    std::string query_text(std::string_view sql, std::string_view what);

    std::int64_t last_insert_rowid() const;
    int changes() const;
    bool in_transaction() const;
    const std::filesystem::path& file() const { return file_; }

    sqlite3* handle() const { return db_; }
    // "<what> failed: <SQLite's message>" as an exception carrying the code.
    [[noreturn]] void fail(int code, std::string_view what) const;

  private:
    Database(sqlite3* db, std::filesystem::path file) : db_(db), file_(std::move(file)) {}

    sqlite3* db_ = nullptr;
    std::filesystem::path file_;
};

// The connection settings, set here and nowhere else: WAL journal, synchronous=FULL (a sale is on
// disk when complete_sale returns), foreign keys enforced, and a busy timeout so a second
// connection (sync, reports) waits briefly instead of failing.
void configure_connection(Database& db);
inline constexpr int busy_timeout_ms = 5000;

class Statement {
  public:
    Statement(Database& db, std::string_view sql);
    Statement(Statement&& other) noexcept;
    Statement& operator=(Statement&&) = delete;
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;
    ~Statement();

    // Resets on construction and on destruction, so a statement prepared once and reused never
    // keeps old bindings or holds a read transaction open between uses.
    class Use {
      public:
        explicit Use(Statement& statement);
        Use(const Use&) = delete;
        Use& operator=(const Use&) = delete;
        ~Use();

      private:
        Statement& statement_;
    };
    [[nodiscard]] Use use() { return Use(*this); }

    // Parameters are 1-based, as in SQLite.
    Statement& bind(int index, std::int64_t value);
    Statement& bind(int index, int value) { return bind(index, static_cast<std::int64_t>(value)); }
    Statement& bind(int index, std::string_view value);
    Statement& bind(int index, const std::string& value) {
        return bind(index, std::string_view(value));
    }
    Statement& bind(int index, const char* value) { return bind(index, std::string_view(value)); }
    Statement& bind_null(int index);

    template <typename... Args>
    Statement& bind_all(const Args&... args) {
        int index = 0;
        (bind(++index, args), ...);
        return *this;
    }

    // true: a row is ready to read; false: the statement has finished.
    bool step();
    // Steps a statement that returns no rows (or ignores them) to its end.
    void run();

    std::int64_t column_int64(int index) const;
    int column_int(int index) const;
    std::string column_text(int index) const;
    bool column_is_null(int index) const;

    void reset();

  private:
    Database* db_;
    sqlite3_stmt* stmt_ = nullptr;
    std::string sql_;
};

// BEGIN IMMEDIATE on construction (takes the write lock up front, so a transaction never fails
// half-way for want of it); ROLLBACK in the destructor unless commit() was called.
class Transaction {
  public:
    explicit Transaction(Database& db);
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    ~Transaction();

    void commit();

  private:
    Database& db_;
    bool done_ = false;
};

}  // namespace db
