// Head office over SQLite: one file, WAL, one writer at a time (BEGIN IMMEDIATE). Statements are
// prepared once per connection and kept, so the service's repeated statements cost one parse.
#include <sqlite3.h>

#include <unordered_map>

#include "headoffice/sql/backend.hpp"

namespace headoffice::sql {

namespace {

SqlError::Kind kind_of(int extended_code) {
    if (extended_code == SQLITE_CONSTRAINT_UNIQUE ||
        extended_code == SQLITE_CONSTRAINT_PRIMARYKEY) {
        return SqlError::Kind::unique_violation;
    }
    const int primary = extended_code & 0xff;
    if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED) {
        return SqlError::Kind::serialization_failure;
    }
    return SqlError::Kind::other;
}

std::string excerpt(std::string_view statement) {
    constexpr std::size_t longest = 160;
    if (statement.size() <= longest)
        return std::string(statement);
    return std::string(statement.substr(0, longest)) + "...";
}

struct StatementDeleter {
    void operator()(sqlite3_stmt* statement) const { sqlite3_finalize(statement); }
};
using StatementHandle = std::unique_ptr<sqlite3_stmt, StatementDeleter>;

// Resets a cached statement on every exit path, so it never holds a read open.
class ResetGuard {
  public:
    explicit ResetGuard(sqlite3_stmt* statement) : statement_(statement) {}
    ~ResetGuard() {
        sqlite3_reset(statement_);
        sqlite3_clear_bindings(statement_);
    }
    ResetGuard(const ResetGuard&) = delete;
    ResetGuard& operator=(const ResetGuard&) = delete;

  private:
    sqlite3_stmt* statement_;
};

class SqliteConnection final : public BackendConnection {
  public:
    SqliteConnection(sqlite3* db, std::string location) : db_(db), location_(std::move(location)) {}
    ~SqliteConnection() override {
        statements_.clear();
        sqlite3_close_v2(db_);
    }
    SqliteConnection(const SqliteConnection&) = delete;
    SqliteConnection& operator=(const SqliteConnection&) = delete;

    void configure() {
        sqlite3_extended_result_codes(db_, 1);
        sqlite3_busy_timeout(db_, 10'000);
        execute_script(
            "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;");
    }

    Dialect dialect() const override { return Dialect::sqlite; }

    std::int64_t execute(std::string_view statement, const Params& params) override {
        sqlite3_stmt* prepared = prepare(statement);
        ResetGuard reset(prepared);
        bind(prepared, statement, params);
        int code = SQLITE_ROW;
        while ((code = sqlite3_step(prepared)) == SQLITE_ROW) {
        }
        if (code != SQLITE_DONE)
            fail(code, statement);
        return sqlite3_changes64(db_);
    }

    std::vector<Row> query(std::string_view statement, const Params& params) override {
        sqlite3_stmt* prepared = prepare(statement);
        ResetGuard reset(prepared);
        bind(prepared, statement, params);
        std::vector<Row> rows;
        int code = SQLITE_ROW;
        while ((code = sqlite3_step(prepared)) == SQLITE_ROW) {
            rows.push_back(read_row(prepared, statement));
        }
        if (code != SQLITE_DONE)
            fail(code, statement);
        return rows;
    }

    void execute_script(std::string_view statements) override {
        const std::string text(statements);
        char* message = nullptr;
        const int code = sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &message);
        if (code == SQLITE_OK)
            return;
        std::string why = message != nullptr ? message : sqlite3_errstr(code);
        sqlite3_free(message);
        throw SqlError(kind_of(sqlite3_extended_errcode(db_)), "sqlite: " + why);
    }

    void begin() override { execute("BEGIN IMMEDIATE", {}); }
    void commit() override { execute("COMMIT", {}); }
    void rollback() noexcept override {
        if (sqlite3_get_autocommit(db_) == 0) {
            sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
        }
    }

    void bulk_insert(std::string_view table, const std::vector<std::string>& columns,
                     const std::vector<Params>& rows) override {
        check_identifier(table);
        std::string names;
        std::string slots;
        for (std::size_t i = 0; i < columns.size(); ++i) {
            check_identifier(columns[i]);
            names += (i == 0 ? "" : ", ") + columns[i];
            slots += (i == 0 ? "$" : ", $") + std::to_string(i + 1);
        }
        const std::string statement =
            "INSERT INTO " + std::string(table) + " (" + names + ") VALUES (" + slots + ")";
        for (const Params& row : rows) {
            if (row.size() != columns.size()) {
                throw SqlError(SqlError::Kind::other,
                               "bulk insert into " + std::string(table) + ": a row has " +
                                   std::to_string(row.size()) + " values for " +
                                   std::to_string(columns.size()) + " columns");
            }
            execute(statement, row);
        }
    }

    bool reusable() noexcept override {
        rollback();  // a lease given back mid-transaction must not lend that transaction on
        return true;
    }

  private:
    sqlite3_stmt* prepare(std::string_view statement) {
        const std::string key(statement);
        if (auto found = statements_.find(key); found != statements_.end()) {
            return found->second.get();
        }
        sqlite3_stmt* prepared = nullptr;
        const int code = sqlite3_prepare_v3(db_, key.data(), static_cast<int>(key.size()),
                                            SQLITE_PREPARE_PERSISTENT, &prepared, nullptr);
        if (code != SQLITE_OK) {
            sqlite3_finalize(prepared);
            fail(code, statement);
        }
        if (prepared == nullptr) {
            throw SqlError(SqlError::Kind::other, "sqlite: empty statement");
        }
        constexpr std::size_t most_kept = 256;
        if (statements_.size() >= most_kept)
            statements_.clear();
        return statements_.emplace(key, StatementHandle(prepared)).first->second.get();
    }

    // Binds $1..$N by name; every $k in the text must have a value, and every value a $k, as
    // PostgreSQL requires, so a statement that runs here also runs there.
    void bind(sqlite3_stmt* prepared, std::string_view statement, const Params& params) {
        const int slots = sqlite3_bind_parameter_count(prepared);
        int used = 0;
        for (std::size_t i = 0; i < params.size(); ++i) {
            const std::string name = "$" + std::to_string(i + 1);
            const int index = sqlite3_bind_parameter_index(prepared, name.c_str());
            if (index == 0) {
                throw SqlError(SqlError::Kind::other, "value " + std::to_string(i + 1) +
                                                          " given but the statement has no " +
                                                          name + ": " + excerpt(statement));
            }
            bind_one(prepared, index, params[i], statement);
            ++used;
        }
        if (used != slots) {
            throw SqlError(SqlError::Kind::other, "statement has " + std::to_string(slots) +
                                                      " parameters but " +
                                                      std::to_string(params.size()) +
                                                      " values were given: " + excerpt(statement));
        }
    }

    void bind_one(sqlite3_stmt* prepared, int index, const Value& value,
                  std::string_view statement) {
        int code = SQLITE_OK;
        if (const auto* number = std::get_if<std::int64_t>(&value)) {
            code = sqlite3_bind_int64(prepared, index, *number);
        } else if (const auto* text = std::get_if<std::string>(&value)) {
            code = sqlite3_bind_text64(prepared, index, text->data(), text->size(),
                                       SQLITE_TRANSIENT, SQLITE_UTF8);
        } else {
            code = sqlite3_bind_null(prepared, index);
        }
        if (code != SQLITE_OK)
            fail(code, statement);
    }

    Row read_row(sqlite3_stmt* prepared, std::string_view statement) {
        const int columns = sqlite3_column_count(prepared);
        Row row;
        row.values.reserve(static_cast<std::size_t>(columns));
        for (int column = 0; column < columns; ++column) {
            row.values.push_back(read_value(prepared, column, statement));
        }
        return row;
    }

    static Value read_value(sqlite3_stmt* prepared, int column, std::string_view statement) {
        switch (sqlite3_column_type(prepared, column)) {
            case SQLITE_NULL:
                return nullptr;
            case SQLITE_INTEGER:
                return static_cast<std::int64_t>(sqlite3_column_int64(prepared, column));
            case SQLITE_FLOAT:
                throw SqlError(SqlError::Kind::other,
                               "column " + std::to_string(column) +
                                   " is a floating-point value; head office reads integers and "
                                   "text only: " +
                                   excerpt(statement));
            default: {
                const auto* bytes = sqlite3_column_blob(prepared, column);
                const int size = sqlite3_column_bytes(prepared, column);
                if (bytes == nullptr)
                    return std::string();
                return std::string(static_cast<const char*>(bytes), static_cast<std::size_t>(size));
            }
        }
    }

    [[noreturn]] void fail(int code, std::string_view statement) {
        const int extended = sqlite3_extended_errcode(db_);
        const int reported = (extended & 0xff) == (code & 0xff) ? extended : code;
        throw SqlError(kind_of(reported), "sqlite: " + std::string(sqlite3_errmsg(db_)) +
                                              " in: " + excerpt(statement));
    }

    sqlite3* db_;
    std::string location_;
    std::unordered_map<std::string, StatementHandle> statements_;
};

}  // namespace

std::unique_ptr<BackendConnection> open_sqlite(const std::string& location,
                                               const std::string& file) {
    sqlite3* db = nullptr;
    const int code =
        sqlite3_open_v2(file.c_str(), &db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
    if (code != SQLITE_OK || file.empty()) {
        const std::string why = db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(code);
        sqlite3_close_v2(db);
        throw SqlError(SqlError::Kind::other,
                       "cannot open head office database '" + location +
                           "': " + (file.empty() ? "no file named after sqlite:" : why));
    }
    auto connection = std::make_unique<SqliteConnection>(db, location);
    try {
        connection->configure();
    } catch (const SqlError& error) {
        throw SqlError(error.kind(),
                       "cannot open head office database '" + location + "': " + error.what());
    }
    return connection;
}

}  // namespace headoffice::sql
