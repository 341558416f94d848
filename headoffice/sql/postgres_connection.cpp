// Head office over PostgreSQL through libpq: text parameters (integers declared int8), results
// read as text and integer columns parsed, bulk loads through COPY. This file is the only one in
// the project that includes libpq.
#include <libpq-fe.h>

#include <algorithm>
#include <charconv>

#include "headoffice/sql/backend.hpp"

namespace headoffice::sql {

namespace {

// Type OIDs from PostgreSQL's catalogue (pg_type.dat); stable across versions.
constexpr Oid bool_oid = 16;
constexpr Oid int8_oid = 20;
constexpr Oid int2_oid = 21;
constexpr Oid int4_oid = 23;
constexpr Oid oid_oid = 26;
constexpr Oid numeric_oid = 1700;

std::string excerpt(std::string_view statement) {
    constexpr std::size_t longest = 160;
    if (statement.size() <= longest)
        return std::string(statement);
    return std::string(statement.substr(0, longest)) + "...";
}

std::string trimmed(std::string text) {
    while (!text.empty() && (text.back() == '\n' || text.back() == ' '))
        text.pop_back();
    return text;
}

struct ResultDeleter {
    void operator()(PGresult* result) const { PQclear(result); }
};
using ResultHandle = std::unique_ptr<PGresult, ResultDeleter>;

void ignore_notice(void* /*context*/, const char* /*message*/) {}

// Text parameters as libpq wants them: pointers into strings that outlive the call.
struct TextParams {
    explicit TextParams(const Params& params) {
        texts.reserve(params.size());
        for (const Value& value : params) {
            if (const auto* number = std::get_if<std::int64_t>(&value)) {
                texts.push_back(std::to_string(*number));
                types.push_back(int8_oid);
            } else if (const auto* text = std::get_if<std::string>(&value)) {
                texts.push_back(*text);
                types.push_back(0);  // let the server infer it from the statement
            } else {
                texts.emplace_back();
                types.push_back(0);
            }
        }
        for (std::size_t i = 0; i < params.size(); ++i) {
            pointers.push_back(
                std::holds_alternative<std::nullptr_t>(params[i]) ? nullptr : texts[i].c_str());
        }
    }
    std::vector<std::string> texts;
    std::vector<Oid> types;
    std::vector<const char*> pointers;
};

// COPY's text format: \N for NULL, backslash escapes for the separators.
void append_copy_field(std::string& out, const Value& value) {
    if (const auto* number = std::get_if<std::int64_t>(&value)) {
        out += std::to_string(*number);
        return;
    }
    const auto* text = std::get_if<std::string>(&value);
    if (text == nullptr) {
        out += "\\N";
        return;
    }
    for (const char c : *text) {
        switch (c) {
            case '\\':
                out += "\\\\";
                break;
            case '\t':
                out += "\\t";
                break;
            case '\n':
                out += "\\n";
                break;
            case '\r':
                out += "\\r";
                break;
            default:
                out += c;
        }
    }
}

// The highest $k the statement names outside quoted text (0: none).
std::size_t highest_parameter(std::string_view statement) {
    std::size_t highest = 0;
    bool quoted = false;
    for (std::size_t i = 0; i < statement.size(); ++i) {
        if (statement[i] == '\'')
            quoted = !quoted;
        if (quoted || statement[i] != '$')
            continue;
        std::size_t number = 0;
        const auto [end, error] =
            std::from_chars(statement.data() + i + 1, statement.data() + statement.size(), number);
        if (error == std::errc())
            highest = std::max(highest, number);
        i = static_cast<std::size_t>(end - statement.data()) - 1;
    }
    return highest;
}

class PostgresConnection final : public BackendConnection {
  public:
    explicit PostgresConnection(PGconn* connection) : pg_(connection) {
        PQsetNoticeProcessor(pg_, ignore_notice, nullptr);
    }
    ~PostgresConnection() override { PQfinish(pg_); }
    PostgresConnection(const PostgresConnection&) = delete;
    PostgresConnection& operator=(const PostgresConnection&) = delete;

    Dialect dialect() const override { return Dialect::postgresql; }

    std::int64_t execute(std::string_view statement, const Params& params) override {
        ResultHandle result = run(statement, params);
        const char* changed = PQcmdTuples(result.get());
        std::int64_t count = 0;
        std::from_chars(changed, changed + std::char_traits<char>::length(changed), count);
        return count;
    }

    std::vector<Row> query(std::string_view statement, const Params& params) override {
        ResultHandle result = run(statement, params);
        const int rows = PQntuples(result.get());
        const int columns = PQnfields(result.get());
        std::vector<Row> out(static_cast<std::size_t>(rows));
        for (int r = 0; r < rows; ++r) {
            auto& values = out[static_cast<std::size_t>(r)].values;
            values.reserve(static_cast<std::size_t>(columns));
            for (int c = 0; c < columns; ++c) {
                values.push_back(read_value(result.get(), r, c, statement));
            }
        }
        return out;
    }

    void execute_script(std::string_view statements) override {
        const std::string text(statements);
        ResultHandle result(PQexec(pg_, text.c_str()));
        check(result.get(), statements);
    }

    void begin() override { execute("BEGIN", {}); }

    void commit() override {
        // COMMIT of a transaction that already failed answers "ROLLBACK" without an error.
        if (PQtransactionStatus(pg_) == PQTRANS_INERROR) {
            rollback();
            throw SqlError(SqlError::Kind::other,
                           "postgresql: commit of a transaction that had already failed");
        }
        execute("COMMIT", {});
    }

    void rollback() noexcept override {
        if (PQstatus(pg_) != CONNECTION_OK)
            return;
        if (PQtransactionStatus(pg_) == PQTRANS_IDLE)
            return;
        PQclear(PQexec(pg_, "ROLLBACK"));
    }

    void bulk_insert(std::string_view table, const std::vector<std::string>& columns,
                     const std::vector<Params>& rows) override {
        check_identifier(table);
        std::string names;
        for (std::size_t i = 0; i < columns.size(); ++i) {
            check_identifier(columns[i]);
            names += (i == 0 ? "" : ", ") + columns[i];
        }
        const std::string statement = "COPY " + std::string(table) + " (" + names + ") FROM STDIN";
        check(ResultHandle(PQexec(pg_, statement.c_str())).get(), statement, PGRES_COPY_IN);
        std::string buffer;
        constexpr std::size_t flush_at = 1 << 20;
        std::string mismatch;
        for (const Params& row : rows) {
            if (row.size() != columns.size()) {
                mismatch = "bulk insert into " + std::string(table) + ": a row has " +
                           std::to_string(row.size()) + " values for " +
                           std::to_string(columns.size()) + " columns";
                break;
            }
            for (std::size_t i = 0; i < row.size(); ++i) {
                if (i != 0)
                    buffer += '\t';
                append_copy_field(buffer, row[i]);
            }
            buffer += '\n';
            if (buffer.size() >= flush_at)
                send_copy_data(buffer, statement);
        }
        if (!buffer.empty() && mismatch.empty())
            send_copy_data(buffer, statement);
        if (PQputCopyEnd(pg_, mismatch.empty() ? nullptr : mismatch.c_str()) != 1) {
            lost_ = true;
            throw SqlError(SqlError::Kind::connection_lost,
                           "postgresql: " + trimmed(PQerrorMessage(pg_)) + " in: " + statement);
        }
        finish_copy(statement);
        if (!mismatch.empty())
            throw SqlError(SqlError::Kind::other, mismatch);
    }

    bool reusable() noexcept override {
        if (lost_ || PQstatus(pg_) != CONNECTION_OK)
            return false;
        rollback();  // a lease given back mid-transaction must not lend that transaction on
        return PQtransactionStatus(pg_) == PQTRANS_IDLE;
    }

  private:
    ResultHandle run(std::string_view statement, const Params& params) {
        // PostgreSQL accepts unused integer values; SQLite does not: refuse them here too.
        if (highest_parameter(statement) != params.size()) {
            throw SqlError(SqlError::Kind::other, "statement names $1..$" +
                                                      std::to_string(highest_parameter(statement)) +
                                                      " but " + std::to_string(params.size()) +
                                                      " values were given: " + excerpt(statement));
        }
        const std::string text(statement);
        const TextParams values(params);
        ResultHandle result(PQexecParams(pg_, text.c_str(), static_cast<int>(params.size()),
                                         values.types.data(), values.pointers.data(), nullptr,
                                         nullptr, 0));
        check(result.get(), statement);
        return result;
    }

    void check(PGresult* result, std::string_view statement,
               ExecStatusType wanted = PGRES_COMMAND_OK) {
        const ExecStatusType status = PQresultStatus(result);
        if (result != nullptr &&
            (status == wanted || status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK)) {
            return;
        }
        fail(result, statement);
    }

    [[noreturn]] void fail(PGresult* result, std::string_view statement) {
        const char* state =
            result != nullptr ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
        const std::string sqlstate = state != nullptr ? state : "";
        SqlError::Kind kind = SqlError::Kind::other;
        if (PQstatus(pg_) == CONNECTION_BAD) {
            kind = SqlError::Kind::connection_lost;
            lost_ = true;
        } else if (sqlstate == "23505") {
            kind = SqlError::Kind::unique_violation;
        } else if (sqlstate == "40001" || sqlstate == "40P01") {
            kind = SqlError::Kind::serialization_failure;
        }
        const std::string why =
            trimmed(result != nullptr ? PQresultErrorMessage(result) : PQerrorMessage(pg_));
        throw SqlError(kind, "postgresql: " + why + " in: " + excerpt(statement));
    }

    void send_copy_data(std::string& buffer, std::string_view statement) {
        if (PQputCopyData(pg_, buffer.data(), static_cast<int>(buffer.size())) != 1) {
            lost_ = true;
            throw SqlError(
                SqlError::Kind::connection_lost,
                "postgresql: " + trimmed(PQerrorMessage(pg_)) + " in: " + excerpt(statement));
        }
        buffer.clear();
    }

    // Reads every result COPY left (there may be more than one) and reports the first failure.
    void finish_copy(std::string_view statement) {
        ResultHandle failure;
        while (PGresult* raw = PQgetResult(pg_)) {
            ResultHandle result(raw);
            const auto status = PQresultStatus(raw);
            if (status != PGRES_COMMAND_OK && !failure)
                failure = std::move(result);
        }
        if (failure)
            fail(failure.get(), statement);
    }

    static Value read_value(PGresult* result, int row, int column, std::string_view statement) {
        if (PQgetisnull(result, row, column) != 0)
            return nullptr;
        const char* text = PQgetvalue(result, row, column);
        const auto length = static_cast<std::size_t>(PQgetlength(result, row, column));
        const Oid type = PQftype(result, column);
        if (type == bool_oid)
            return std::int64_t{text[0] == 't' ? 1 : 0};
        const bool integer = type == int8_oid || type == int4_oid || type == int2_oid ||
                             type == oid_oid || type == numeric_oid;
        if (!integer)
            return std::string(text, length);
        std::int64_t number = 0;
        const auto [end, error] = std::from_chars(text, text + length, number);
        if (error != std::errc() || end != text + length) {
            throw SqlError(SqlError::Kind::other,
                           "column " + std::to_string(column) + " holds '" +
                               std::string(text, length) +
                               "', not a whole number that fits 64 bits: " + excerpt(statement));
        }
        return number;
    }

    PGconn* pg_;
    bool lost_ = false;
};

}  // namespace

std::unique_ptr<BackendConnection> open_postgres(const std::string& location) {
    PGconn* pg = PQconnectdb(location.c_str());
    if (pg == nullptr || PQstatus(pg) != CONNECTION_OK) {
        const std::string why = pg != nullptr ? trimmed(PQerrorMessage(pg)) : "out of memory";
        PQfinish(pg);
        throw SqlError(SqlError::Kind::connection_lost,
                       "cannot open head office database '" + redacted(location) + "': " + why);
    }
    auto connection = std::make_unique<PostgresConnection>(pg);
    connection->execute_script("SET client_min_messages = warning");
    return connection;
}

}  // namespace headoffice::sql
