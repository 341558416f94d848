#include <doctest/doctest.h>

#include "db/migrations.hpp"
#include "db/sqlite.hpp"
#include "helpers.hpp"

using db_test::TempDir;

namespace {

std::size_t files_in(const std::filesystem::path& folder) {
    std::size_t count = 0;
    for ([[maybe_unused]] const auto& entry : std::filesystem::directory_iterator(folder))
        ++count;
    return count;
}

}  // namespace

TEST_CASE("A new store file is migrated from empty to the current schema version") {
    TempDir dir;
    const auto file = dir.file("terminal.db");
    {
        auto store = db_test::open(file);
        CHECK(store->schema_version() == db::current_schema_version);
        CHECK(store->database().query_int("PRAGMA user_version", "test") ==
              db::current_schema_version);
        CHECK(store->database().query_int("PRAGMA application_id", "test") ==
              db::counter_application_id);
        CHECK(store->product_count() == 0);
        CHECK(store->completed_ticket_count() == 0);
    }
    SUBCASE("and reopening it changes nothing") {
        auto store = db_test::open(file);
        CHECK(store->schema_version() == db::current_schema_version);
    }
}

TEST_CASE("Reopening a store keeps what was written") {
    TempDir dir;
    const auto file = dir.file("terminal.db");
    db_test::small_store(file);
    auto store = db_test::open(file);
    CHECK(store->product_count() == 4);
    CHECK(store->settings().store_name == "Test Market");
}

TEST_CASE("A file written by a newer version of Counter is refused and left unchanged") {
    TempDir dir;
    const auto file = dir.file("terminal.db");
    db_test::small_store(file);
    {
        auto raw = db::Database::open(file);
        raw.exec("PRAGMA user_version = 7", "test");
    }
    const std::string before = db_test::read_bytes(file);

    const auto opened = db::open_store(file);
    REQUIRE_FALSE(opened.ok());
    CHECK(opened.error().code == pos::ErrorCode::bad_input);
    CHECK(opened.error().message ==
          file.string() +
              ": this database was written by a newer version of Counter (schema 7; this "
              "terminal knows up to 1); it was not opened or changed");
    CHECK(db_test::read_bytes(file) == before);
}

TEST_CASE("A text file is refused as not a Counter database and its bytes are left unchanged") {
    TempDir dir;
    const auto file = dir.file("shopping-list.db");
    const std::string text = "milk\nbread\neggs, a dozen\nnot a database at all\n";
    db_test::write_bytes(file, text);

    const auto opened = db::open_store(file);
    REQUIRE_FALSE(opened.ok());
    CHECK(opened.error().code == pos::ErrorCode::bad_input);
    CHECK(opened.error().message.starts_with(
        file.string() + " is not a Counter database (SQLite says: file is not a database)"));
    CHECK(db_test::read_bytes(file) == text);
    CHECK(files_in(dir.path()) == 1);  // no journal, WAL or shared-memory file left behind
}

TEST_CASE("A SQLite file from another program is refused and left unchanged") {
    TempDir dir;
    const auto file = dir.file("other.db");
    {
        auto raw = db::Database::open(file);
        raw.exec("CREATE TABLE recipes (name TEXT)", "test");
        raw.exec("INSERT INTO recipes (name) VALUES ('pancakes')", "test");
    }
    const std::string before = db_test::read_bytes(file);

    SUBCASE("one that never set an application id") {
        const auto opened = db::open_store(file);
        REQUIRE_FALSE(opened.ok());
        CHECK(opened.error().message.find("is not a Counter database") != std::string::npos);
        CHECK(db_test::read_bytes(file) == before);
    }
    SUBCASE("one that marks itself as another application's") {
        {
            auto raw = db::Database::open(file);
            raw.exec("PRAGMA application_id = 42", "test");
        }
        const std::string marked = db_test::read_bytes(file);
        const auto opened = db::open_store(file);
        REQUIRE_FALSE(opened.ok());
        CHECK(opened.error().message.find("belongs to another application") != std::string::npos);
        CHECK(db_test::read_bytes(file) == marked);
    }
}

TEST_CASE("A store in a folder that does not exist is a store failure naming the file") {
    TempDir dir;
    const auto file = dir.file("missing-folder") / "terminal.db";
    const auto opened = db::open_store(file);
    REQUIRE_FALSE(opened.ok());
    CHECK(opened.error().code == pos::ErrorCode::store_failure);
    CHECK(opened.error().message.find(file.string()) != std::string::npos);
}

TEST_CASE("The store's connection uses WAL, synchronous FULL, foreign keys and a busy timeout") {
    TempDir dir;
    auto store = db_test::open(dir.file("terminal.db"));
    db::Database& connection = store->database();
    CHECK(connection.query_text("PRAGMA journal_mode", "test") == "wal");
    CHECK(connection.query_int("PRAGMA synchronous", "test") == 2);  // FULL
    CHECK(connection.query_int("PRAGMA foreign_keys", "test") == 1);
    CHECK(connection.query_int("PRAGMA busy_timeout", "test") == db::busy_timeout_ms);
}

TEST_CASE("Stored data has no floating point: every column of every table is INTEGER or TEXT") {
    TempDir dir;
    auto store = db_test::open(dir.file("terminal.db"));
    db::Statement columns(store->database(),
                          "SELECT m.name, p.name, p.type FROM sqlite_schema AS m"
                          " JOIN pragma_table_info(m.name) AS p"
                          " WHERE m.type = 'table' AND m.name NOT LIKE 'product_names%'"
                          " AND m.name NOT LIKE 'sqlite_%'"
                          " ORDER BY m.name, p.cid");
    int seen = 0;
    while (columns.step()) {
        ++seen;
        const std::string type = columns.column_text(2);
        INFO(columns.column_text(0) << "." << columns.column_text(1) << " is " << type);
        CHECK((type == "INTEGER" || type == "TEXT"));
    }
    CHECK(seen > 50);
}
