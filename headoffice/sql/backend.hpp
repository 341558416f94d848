// Private to headoffice/sql: what the two backends share beyond the public Connection, so
// open_connection and the pool can make them and tell a broken connection from a healthy one.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "headoffice/sql/connection.hpp"

namespace headoffice::sql {

class BackendConnection : public Connection {
  public:
    // False once the connection threw connection_lost (or cannot be put back to a clean state):
    // the pool then drops it instead of lending it again.
    virtual bool reusable() noexcept = 0;
};

// location "sqlite:/path/file.db"; file is the part after "sqlite:".
std::unique_ptr<BackendConnection> open_sqlite(const std::string& location,
                                               const std::string& file);
// location: a libpq connection string or postgresql:// URL.
std::unique_ptr<BackendConnection> open_postgres(const std::string& location);

// The location as it may appear in a message: any password replaced by "***".
std::string redacted(const std::string& location);

// Table and column names are pasted into SQL text by bulk_insert: letters, digits, '_' only.
void check_identifier(std::string_view name);

}  // namespace headoffice::sql
