// A throw-away PostgreSQL server: initdb, pg_ctl start on a Unix socket in a temp folder, stop
// and remove at the end. See ../shared/notes/postgres-in-tests.md.
#include "pg_server.hpp"

#include <pwd.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <mutex>
#include <sstream>
#include <stdexcept>
#include <vector>

#include "headoffice/sql/connection.hpp"

namespace testing_support {

namespace {

// The newest installed server, e.g. /usr/lib/postgresql/15/bin.
std::filesystem::path server_binaries() {
    std::filesystem::path best;
    int best_version = -1;
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator("/usr/lib/postgresql", ec)) {
        const auto bin = entry.path() / "bin";
        const int version = std::atoi(entry.path().filename().c_str());
        if (version > best_version && std::filesystem::exists(bin / "pg_ctl")) {
            best = bin;
            best_version = version;
        }
    }
    if (best.empty()) {
        throw std::runtime_error(
            "no PostgreSQL server under /usr/lib/postgresql/*/bin: install Debian's postgresql "
            "package (scripts/install-deps.sh)");
    }
    return best;
}

// initdb refuses root: as root, run the server binaries as the postgres system user.
std::string as_server_user(const std::string& command) {
    if (::geteuid() != 0)
        return command;
    return "runuser -u postgres -- " + command;
}

struct Output {
    int status = -1;
    std::string text;
};

Output run(const std::string& command) {
    Output output;
    FILE* pipe = ::popen((command + " 2>&1").c_str(), "r");
    if (pipe == nullptr)
        return output;
    std::array<char, 4096> buffer{};
    while (const std::size_t got = std::fread(buffer.data(), 1, buffer.size(), pipe)) {
        output.text.append(buffer.data(), got);
    }
    output.status = ::pclose(pipe);
    return output;
}

void run_or_throw(const std::string& what, const std::string& command,
                  const std::filesystem::path& log = {}) {
    const Output output = run(command);
    if (output.status == 0)
        return;
    std::string message = what + " failed (" + command + "):\n" + output.text;
    if (!log.empty()) {
        std::ifstream file(log);
        std::stringstream text;
        text << file.rdbuf();
        message += "\nserver log:\n" + text.str();
    }
    throw std::runtime_error(message);
}

std::filesystem::path make_folder() {
    std::string pattern = (std::filesystem::temp_directory_path() / "pg-XXXXXX").string();
    if (::mkdtemp(pattern.data()) == nullptr) {
        throw std::runtime_error("cannot create a temporary folder for PostgreSQL: " + pattern);
    }
    const std::filesystem::path folder = pattern;
    if (::geteuid() == 0) {
        const passwd* postgres = ::getpwnam("postgres");
        if (postgres == nullptr) {
            throw std::runtime_error(
                "running as root but there is no postgres system user to run the server as "
                "(install Debian's postgresql package)");
        }
        if (::chown(folder.c_str(), postgres->pw_uid, postgres->pw_gid) != 0) {
            throw std::runtime_error("cannot give " + folder.string() + " to the postgres user");
        }
    }
    return folder;
}

}  // namespace

PgServer::PgServer() : folder_(make_folder()) {
    try {
        const auto bin = server_binaries();
        const auto data = folder_ / "data";
        run_or_throw("initdb", as_server_user((bin / "initdb").string() + " -D " + data.string() +
                                              " -A trust -U postgres -E UTF8 --locale=C "
                                              "--no-sync"));
        const auto log = folder_ / "log";
        run_or_throw("pg_ctl start",
                     as_server_user((bin / "pg_ctl").string() + " -D " + data.string() + " -l " +
                                    log.string() + " -w -t 60 -o \"-k " + folder_.string() +
                                    " -c listen_addresses='' -c fsync=off"
                                    " -c max_connections=300\" start"),
                     log);
    } catch (...) {
        std::error_code ec;
        std::filesystem::remove_all(folder_, ec);
        throw;
    }
}

PgServer::~PgServer() {
    const auto bin = server_binaries();
    run(as_server_user((bin / "pg_ctl").string() + " -D " + (folder_ / "data").string() +
                       " -m immediate -w stop"));
    std::error_code ec;
    std::filesystem::remove_all(folder_, ec);
}

std::string PgServer::new_database() {
    static std::mutex mutex;
    std::lock_guard lock(mutex);
    const std::string name = "test_" + std::to_string(++databases_);
    const std::string host = "host=" + folder_.string() + " user=postgres";
    auto admin = headoffice::sql::open_connection(host + " dbname=postgres");
    admin->execute_script("CREATE DATABASE " + name);
    return host + " dbname=" + name;
}

PgServer& shared_pg_server() {
    static PgServer server;
    return server;
}

}  // namespace testing_support
