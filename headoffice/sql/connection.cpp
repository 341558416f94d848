// Row accessors, opening a location, and the connection pool. The backends live in
// sqlite_connection.cpp and postgres_connection.cpp.
#include "headoffice/sql/connection.hpp"

#include <condition_variable>
#include <mutex>
#include <utility>

#include "headoffice/sql/backend.hpp"

namespace headoffice::sql {

namespace {

const char* type_name(const Value& value) {
    if (std::holds_alternative<std::nullptr_t>(value))
        return "NULL";
    if (std::holds_alternative<std::int64_t>(value))
        return "an integer";
    return "text";
}

const Value& column_value(const Row& row, std::size_t column) {
    if (column >= row.values.size()) {
        throw SqlError(SqlError::Kind::other, "column " + std::to_string(column) +
                                                  " asked for, but the row has " +
                                                  std::to_string(row.values.size()) + " columns");
    }
    return row.values[column];
}

bool starts_with(std::string_view text, std::string_view prefix) {
    return text.substr(0, prefix.size()) == prefix;
}

// Replaces the characters from `from` up to the first of `stops` (or the end) by "***".
std::string mask_from(std::string text, std::size_t from, std::string_view stops) {
    const auto end = text.find_first_of(stops, from);
    text.replace(from, (end == std::string::npos ? text.size() : end) - from, "***");
    return text;
}

}  // namespace

bool Row::is_null(std::size_t column) const {
    return std::holds_alternative<std::nullptr_t>(column_value(*this, column));
}

std::int64_t Row::integer(std::size_t column) const {
    const Value& value = column_value(*this, column);
    if (const auto* number = std::get_if<std::int64_t>(&value))
        return *number;
    throw SqlError(SqlError::Kind::other, "column " + std::to_string(column) + " is " +
                                              type_name(value) + ", not an integer");
}

const std::string& Row::text(std::size_t column) const {
    const Value& value = column_value(*this, column);
    if (const auto* text = std::get_if<std::string>(&value))
        return *text;
    throw SqlError(SqlError::Kind::other,
                   "column " + std::to_string(column) + " is " + type_name(value) + ", not text");
}

std::string_view to_string(Dialect dialect) {
    return dialect == Dialect::sqlite ? "sqlite" : "postgresql";
}

std::string redacted(const std::string& location) {
    if (starts_with(location, "postgresql://") || starts_with(location, "postgres://")) {
        const auto scheme_end = location.find("://") + 3;
        const auto at = location.find('@', scheme_end);
        const auto colon = location.find(':', scheme_end);
        if (at != std::string::npos && colon != std::string::npos && colon < at) {
            return mask_from(location, colon + 1, "@");
        }
        return location;
    }
    const auto password = location.find("password=");
    if (password == std::string::npos)
        return location;
    return mask_from(location, password + 9, " ");
}

void check_identifier(std::string_view name) {
    const bool plain =
        !name.empty() && name.find_first_not_of(
                             "abcdefghijklmnopqrstuvwxyz"
                             "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_") == std::string_view::npos;
    if (!plain) {
        throw SqlError(SqlError::Kind::other,
                       "'" + std::string(name) + "' is not a plain table or column name");
    }
}

namespace {

std::unique_ptr<BackendConnection> open_backend(const std::string& location) {
    if (starts_with(location, "sqlite:")) {
        return open_sqlite(location, location.substr(7));
    }
    const bool libpq = starts_with(location, "postgresql://") ||
                       starts_with(location, "postgres://") ||
                       location.find('=') != std::string::npos;
    if (libpq)
        return open_postgres(location);
    throw SqlError(SqlError::Kind::other,
                   "cannot open head office database '" + redacted(location) +
                       "': expected sqlite:/path/to/file.db, postgresql://... or a libpq "
                       "connection string such as \"host=... dbname=...\"");
}

}  // namespace

std::unique_ptr<Connection> open_connection(const std::string& location) {
    return open_backend(location);
}

// ---- pool -------------------------------------------------------------------------------------

struct ConnectionPool::State {
    std::size_t size = 1;
    std::mutex mutex;
    std::condition_variable freed;
    std::vector<std::unique_ptr<Connection>> idle;
    std::size_t open = 0;  // lent out or idle
};

ConnectionPool::ConnectionPool(std::string location, std::size_t size)
    : location_(std::move(location)), state_(std::make_unique<State>()) {
    state_->size = size == 0 ? 1 : size;
}

ConnectionPool::~ConnectionPool() = default;

ConnectionPool::Lease ConnectionPool::acquire() {
    std::unique_lock lock(state_->mutex);
    state_->freed.wait(lock, [&] { return !state_->idle.empty() || state_->open < state_->size; });
    if (!state_->idle.empty()) {
        auto connection = std::move(state_->idle.back());
        state_->idle.pop_back();
        return Lease(*this, std::move(connection));
    }
    ++state_->open;
    lock.unlock();
    try {
        return Lease(*this, open_backend(location_));
    } catch (...) {
        lock.lock();
        --state_->open;
        state_->freed.notify_one();
        throw;
    }
}

Dialect ConnectionPool::dialect() const {
    return starts_with(location_, "sqlite:") ? Dialect::sqlite : Dialect::postgresql;
}

ConnectionPool::Lease::Lease(ConnectionPool& pool, std::unique_ptr<Connection> connection)
    : pool_(&pool), connection_(std::move(connection)) {}

ConnectionPool::Lease::Lease(Lease&& other) noexcept
    : pool_(std::exchange(other.pool_, nullptr)), connection_(std::move(other.connection_)) {}

ConnectionPool::Lease::~Lease() {
    if (pool_ == nullptr || !connection_)
        return;
    auto* backend = dynamic_cast<BackendConnection*>(connection_.get());
    const bool keep = backend != nullptr && backend->reusable();
    if (!keep)
        connection_.reset();  // closed outside the lock; a new one is opened on demand
    State& state = *pool_->state_;
    std::lock_guard lock(state.mutex);
    if (keep) {
        state.idle.push_back(std::move(connection_));
    } else {
        --state.open;
    }
    state.freed.notify_one();
}

}  // namespace headoffice::sql
