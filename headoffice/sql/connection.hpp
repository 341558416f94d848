// Head office's database, over SQLite (one process, the default) or PostgreSQL (a chain: many
// server processes share one database). The service is written once against this interface; the
// two backends differ only in schema text and in how they open. This folder and db/ are the only
// places that speak SQL; only this folder includes libpq.
//
// Parameters are written $1, $2 ... in SQL text for both backends. Values are 64-bit integers,
// text, or NULL: money and quantities are integers, never floating point.
#pragma once

#include <cstdint>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace headoffice::sql {

using Value = std::variant<std::nullptr_t, std::int64_t, std::string>;
using Params = std::vector<Value>;

struct Row {
    std::vector<Value> values;
    bool is_null(std::size_t column) const;
    // Throws SqlError naming the column when the value is NULL or of the other type.
    std::int64_t integer(std::size_t column) const;
    const std::string& text(std::size_t column) const;
};

// What went wrong in the database. unique_violation and serialization_failure let the service
// tell "already there" and "try the transaction again" from real faults.
class SqlError : public std::runtime_error {
  public:
    enum class Kind { other, unique_violation, serialization_failure, connection_lost };
    SqlError(Kind kind, const std::string& message) : std::runtime_error(message), kind_(kind) {}
    Kind kind() const { return kind_; }

  private:
    Kind kind_;
};

enum class Dialect { sqlite, postgresql };
std::string_view to_string(Dialect dialect);  // "sqlite", "postgresql"

class Connection {
  public:
    virtual ~Connection() = default;
    virtual Dialect dialect() const = 0;

    // One statement. Returns the number of rows it changed. Throws SqlError.
    virtual std::int64_t execute(std::string_view statement, const Params& params = {}) = 0;
    // One statement that returns rows (SELECT, or INSERT/UPDATE ... RETURNING).
    virtual std::vector<Row> query(std::string_view statement, const Params& params = {}) = 0;
    // Several statements without parameters (schema).
    virtual void execute_script(std::string_view statements) = 0;

    // Write transactions. SQLite: BEGIN IMMEDIATE (one writer at a time). PostgreSQL: BEGIN
    // (READ COMMITTED); rows that must be serialised are locked by the statements themselves.
    virtual void begin() = 0;
    virtual void commit() = 0;
    virtual void rollback() noexcept = 0;

    // Loads many rows into a table fast, in the caller's transaction: COPY on PostgreSQL,
    // a prepared INSERT reused on SQLite. Each row has one value per column.
    virtual void bulk_insert(std::string_view table, const std::vector<std::string>& columns,
                             const std::vector<Params>& rows) = 0;
};

// Rolls back unless committed: `Transaction tx(conn); ...; tx.commit();`
class Transaction {
  public:
    explicit Transaction(Connection& connection) : connection_(connection) { connection_.begin(); }
    ~Transaction() {
        if (!done_) connection_.rollback();
    }
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    void commit() {
        connection_.commit();
        done_ = true;
    }

  private:
    Connection& connection_;
    bool done_ = false;
};

// Opens a database named by a location:
//   "sqlite:/path/to/headoffice.db"  (created when absent; WAL, synchronous=FULL, foreign keys)
//   "postgresql://..." or "host=... dbname=..."  (a libpq connection string)
// Throws SqlError with a message naming the location when it cannot be opened.
std::unique_ptr<Connection> open_connection(const std::string& location);

// Creates or upgrades head office's schema (numbered migrations, each in its own transaction,
// recorded in a schema_version table). Safe to run from several processes at once.
void migrate(Connection& connection);

// A small pool: the HTTP server's worker threads each borrow a connection for one request.
class ConnectionPool {
  public:
    ConnectionPool(std::string location, std::size_t size);
    ~ConnectionPool();
    ConnectionPool(const ConnectionPool&) = delete;
    ConnectionPool& operator=(const ConnectionPool&) = delete;

    class Lease {
      public:
        Lease(ConnectionPool& pool, std::unique_ptr<Connection> connection);
        ~Lease();
        Lease(Lease&&) noexcept;
        Lease& operator=(Lease&&) = delete;
        Connection& operator*() const { return *connection_; }
        Connection* operator->() const { return connection_.get(); }

      private:
        ConnectionPool* pool_;
        std::unique_ptr<Connection> connection_;
    };
    // Waits for a free connection; opens one when fewer than size are open. A connection that
    // threw connection_lost is not returned to the pool.
    Lease acquire();
    Dialect dialect() const;
    const std::string& location() const { return location_; }

  private:
    struct State;
    std::string location_;
    std::unique_ptr<State> state_;
};

}  // namespace headoffice::sql
