// A throw-away PostgreSQL server for tests: initdb in a fresh temporary folder, started on a Unix
// socket inside it (no TCP port, so parallel runs never collide), stopped and removed at the end.
// As root the server binaries run as the `postgres` system user (initdb refuses root).
// See ../shared/notes/postgres-in-tests.md.
#pragma once

#include <filesystem>
#include <string>

namespace testing_support {

class PgServer {
  public:
    // Starts the server; throws std::runtime_error with initdb's or pg_ctl's output when it
    // cannot (the setup step installs Debian's postgresql package).
    PgServer();
    ~PgServer();  // pg_ctl stop -m immediate, then removes the folder
    PgServer(const PgServer&) = delete;
    PgServer& operator=(const PgServer&) = delete;

    // A libpq connection string for a fresh, empty database made for the caller:
    // "host=/tmp/pg-XXXX dbname=test_3 user=postgres".
    std::string new_database();

  private:
    std::filesystem::path folder_;
    int databases_ = 0;
};

// One server per test process, started on first use (initdb takes a couple of seconds).
PgServer& shared_pg_server();

}  // namespace testing_support
