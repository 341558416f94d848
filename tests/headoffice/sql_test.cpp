// headoffice/sql on both backends (a SQLite file and a fresh PostgreSQL database), and the
// fault proxy the sync tests put between terminal and head office.
#include <doctest/doctest.h>

#include <climits>
#include <cstdint>
#include <functional>
#include <mutex>
#include <set>
#include <thread>

#include "fault_proxy.hpp"
#include "headoffice/sql/connection.hpp"
#include "mini_http.hpp"
#include "pg_server.hpp"
#include "temp_dir.hpp"

using headoffice::sql::Connection;
using headoffice::sql::ConnectionPool;
using headoffice::sql::Dialect;
using headoffice::sql::open_connection;
using headoffice::sql::Params;
using headoffice::sql::Row;
using headoffice::sql::SqlError;
using headoffice::sql::Transaction;
using testing_support::Fault;
using testing_support::FaultProxy;
using testing_support::mini_request;
using testing_support::MiniHttpServer;
using testing_support::TempDir;

namespace {

// Runs check(location) once on a SQLite file and once on a fresh PostgreSQL database.
template <typename Check>
void on_both_backends(Check check) {
    SUBCASE("sqlite") {
        TempDir dir;
        check("sqlite:" + (dir / "headoffice.db").string());
    }
    SUBCASE("postgresql") {
        check(testing_support::shared_pg_server().new_database());
    }
}

constexpr const char* items_table =
    "CREATE TABLE items (id BIGINT PRIMARY KEY, name TEXT NOT NULL, note TEXT, "
    "quantity BIGINT, UNIQUE (name))";

std::unique_ptr<Connection> open_with_items(const std::string& location) {
    auto db = open_connection(location);
    db->execute_script(items_table);
    return db;
}

std::int64_t count_items(Connection& db) {
    return db.query("SELECT COUNT(*) FROM items")[0].integer(0);
}

SqlError::Kind kind_thrown(const std::function<void()>& action) {
    try {
        action();
    } catch (const SqlError& error) {
        return error.kind();
    }
    FAIL("no SqlError was thrown");
    return SqlError::Kind::other;
}

std::string message_thrown(const std::function<void()>& action) {
    try {
        action();
    } catch (const SqlError& error) {
        return error.what();
    }
    return "no SqlError was thrown";
}

const std::string awkward_text =
    "O'Brien's \"special\"\nsecond line\ttab\\backslash\r\nCrème brûlée 5 € 日本";

}  // namespace

TEST_CASE("values written with $ parameters are read back as the same integers and text") {
    on_both_backends([](const std::string& location) {
        auto db = open_with_items(location);
        CHECK(db->execute("INSERT INTO items (id, name, note, quantity) VALUES ($1, $2, $3, $4)",
                          {std::int64_t{1}, std::string("Milk 1 l"), std::string("fresh"),
                           std::int64_t{12'000}}) == 1);
        CHECK(db->execute("INSERT INTO items (id, name, quantity) VALUES ($1, $2, $1)",
                          {std::int64_t{2}, std::string("Bread")}) == 1);
        CHECK(db->execute("UPDATE items SET quantity = quantity + $1", {std::int64_t{5}}) == 2);

        const auto rows =
            db->query("SELECT id, name, note, quantity FROM items WHERE id >= $1 ORDER BY id",
                      {std::int64_t{1}});
        REQUIRE(rows.size() == 2);
        CHECK(rows[0].integer(0) == 1);
        CHECK(rows[0].text(1) == "Milk 1 l");
        CHECK(rows[0].text(2) == "fresh");
        CHECK(rows[0].integer(3) == 12'005);
        CHECK(rows[1].text(1) == "Bread");
        CHECK(rows[1].integer(3) == 7);
        CHECK(db->query("SELECT SUM(quantity) FROM items")[0].integer(0) == 12'012);
        CHECK(db->dialect() ==
              (location.rfind("sqlite:", 0) == 0 ? Dialect::sqlite : Dialect::postgresql));
    });
}

TEST_CASE("NULL is read back as NULL and reading it as a number names the column") {
    on_both_backends([](const std::string& location) {
        auto db = open_with_items(location);
        db->execute("INSERT INTO items (id, name, note, quantity) VALUES ($1, $2, $3, $4)",
                    {std::int64_t{1}, std::string("Tea"), nullptr, nullptr});
        const Row row = db->query("SELECT note, quantity, name FROM items")[0];
        CHECK(row.is_null(0));
        CHECK(row.is_null(1));
        CHECK_FALSE(row.is_null(2));
        CHECK(message_thrown([&] { row.integer(1); }) == "column 1 is NULL, not an integer");
        CHECK(message_thrown([&] { row.text(0); }) == "column 0 is NULL, not text");
        CHECK(message_thrown([&] { row.integer(2); }) == "column 2 is text, not an integer");
    });
}

TEST_CASE("the largest and smallest 64-bit integers survive the round trip") {
    on_both_backends([](const std::string& location) {
        auto db = open_with_items(location);
        const std::int64_t values[] = {INT64_MAX, INT64_MIN, 0, -1};
        for (std::int64_t i = 0; i < 4; ++i) {
            db->execute("INSERT INTO items (id, name, quantity) VALUES ($1, $2, $3)",
                        {i, "item " + std::to_string(i), values[i]});
        }
        const auto rows = db->query("SELECT quantity FROM items ORDER BY id");
        REQUIRE(rows.size() == 4);
        for (std::size_t i = 0; i < 4; ++i)
            CHECK(rows[i].integer(0) == values[i]);
        CHECK(db->query("SELECT id FROM items WHERE quantity = $1", {INT64_MIN})[0].integer(0) ==
              1);
    });
}

TEST_CASE("text with quotes, newlines, tabs, backslashes and UTF-8 comes back unchanged") {
    on_both_backends([](const std::string& location) {
        auto db = open_with_items(location);
        db->execute("INSERT INTO items (id, name, note) VALUES ($1, $2, $3)",
                    {std::int64_t{1}, awkward_text, std::string()});
        db->bulk_insert("items", {"id", "name", "note"},
                        {{std::int64_t{2}, awkward_text + " (bulk)", std::string()}});
        const auto rows = db->query("SELECT name, note FROM items ORDER BY id");
        REQUIRE(rows.size() == 2);
        CHECK(rows[0].text(0) == awkward_text);
        CHECK(rows[1].text(0) == awkward_text + " (bulk)");
        CHECK(rows[0].text(1).empty());
        CHECK_FALSE(rows[1].is_null(1));
        CHECK(db->query("SELECT id FROM items WHERE name = $1", {awkward_text}).size() == 1);
    });
}

TEST_CASE("a duplicate key is reported as a unique violation and the row held is unchanged") {
    on_both_backends([](const std::string& location) {
        auto db = open_with_items(location);
        db->execute("INSERT INTO items (id, name, quantity) VALUES (1, 'Milk', 10)");
        const auto insert_again = [&] {
            db->execute("INSERT INTO items (id, name, quantity) VALUES (1, 'Cheese', 99)");
        };
        CHECK(kind_thrown(insert_again) == SqlError::Kind::unique_violation);
        CHECK(message_thrown(insert_again).find("items") != std::string::npos);
        CHECK(kind_thrown([&] {
                  db->execute("INSERT INTO items (id, name) VALUES (2, 'Milk')");
              }) == SqlError::Kind::unique_violation);
        CHECK(kind_thrown([&] { db->execute("INSERT INTO nowhere (id) VALUES (1)"); }) ==
              SqlError::Kind::other);
        const auto rows = db->query("SELECT name, quantity FROM items");
        REQUIRE(rows.size() == 1);
        CHECK(rows[0].text(0) == "Milk");
        CHECK(rows[0].integer(1) == 10);
    });
}

TEST_CASE("a transaction that is not committed leaves nothing behind") {
    on_both_backends([](const std::string& location) {
        auto db = open_with_items(location);
        auto other = open_connection(location);
        {
            Transaction tx(*db);
            db->execute("INSERT INTO items (id, name) VALUES (1, 'Milk')");
            db->execute("INSERT INTO items (id, name) VALUES (2, 'Bread')");
            CHECK(count_items(*other) == 0);  // not visible before commit
        }
        CHECK(count_items(*db) == 0);
        CHECK_THROWS_AS(([&] {
                            Transaction tx(*db);
                            db->execute("INSERT INTO items (id, name) VALUES (3, 'Tea')");
                            db->execute("INSERT INTO items (id, name) VALUES (3, 'Tea again')");
                            tx.commit();
                        }()),
                        SqlError);
        CHECK(count_items(*db) == 0);
        {
            Transaction tx(*db);
            db->execute("INSERT INTO items (id, name) VALUES (4, 'Jam')");
            tx.commit();
        }
        CHECK(count_items(*other) == 1);
    });
}

TEST_CASE("bulk insert loads many rows, NULLs included, inside the caller's transaction") {
    on_both_backends([](const std::string& location) {
        auto db = open_with_items(location);
        std::vector<Params> rows;
        for (std::int64_t i = 1; i <= 3000; ++i) {
            rows.push_back({i, "product " + std::to_string(i),
                            i % 2 == 0 ? headoffice::sql::Value(nullptr)
                                       : headoffice::sql::Value(std::string("odd\tone")),
                            i * 1000});
        }
        {
            Transaction tx(*db);
            db->bulk_insert("items", {"id", "name", "note", "quantity"}, rows);
        }  // rolled back
        CHECK(count_items(*db) == 0);
        {
            Transaction tx(*db);
            db->bulk_insert("items", {"id", "name", "note", "quantity"}, rows);
            tx.commit();
        }
        CHECK(count_items(*db) == 3000);
        CHECK(db->query("SELECT COUNT(*) FROM items WHERE note IS NULL")[0].integer(0) == 1500);
        const Row last = db->query("SELECT name, note, quantity FROM items WHERE id = 2999")[0];
        CHECK(last.text(0) == "product 2999");
        CHECK(last.text(1) == "odd\tone");
        CHECK(last.integer(2) == 2'999'000);

        const std::string short_row = message_thrown([&] {
            db->bulk_insert("items", {"id", "name"}, {{std::int64_t{9000}}});
        });
        CHECK(short_row.find("items") != std::string::npos);
        CHECK(short_row.find("1 values for 2 columns") != std::string::npos);
        CHECK(kind_thrown([&] {
                  db->bulk_insert("items", {"id", "name"}, {{std::int64_t{1}, std::string("x")}});
              }) == SqlError::Kind::unique_violation);
        CHECK(count_items(*db) == 3000);
    });
}

TEST_CASE("the pool lends at most its size of connections, reused across threads") {
    on_both_backends([](const std::string& location) {
        open_with_items(location);
        ConnectionPool pool(location, 2);
        std::mutex mutex;
        std::set<Connection*> seen;
        std::vector<std::thread> threads;
        for (int t = 0; t < 6; ++t) {
            threads.emplace_back([&, t] {
                for (int i = 0; i < 10; ++i) {
                    auto lease = pool.acquire();
                    lease->execute("INSERT INTO items (id, name) VALUES ($1, $2)",
                                   {std::int64_t{t * 100 + i}, "t" + std::to_string(t * 100 + i)});
                    std::lock_guard lock(mutex);
                    seen.insert(&*lease);
                }
            });
        }
        for (auto& thread : threads)
            thread.join();
        CHECK(seen.size() <= 2);
        CHECK(count_items(*pool.acquire()) == 60);
        CHECK(pool.dialect() ==
              (location.rfind("sqlite:", 0) == 0 ? Dialect::sqlite : Dialect::postgresql));
    });
}

TEST_CASE("a lease given back in the middle of a transaction does not lend it on") {
    on_both_backends([](const std::string& location) {
        open_with_items(location);
        ConnectionPool pool(location, 1);
        {
            auto lease = pool.acquire();
            lease->begin();
            lease->execute("INSERT INTO items (id, name) VALUES (1, 'Milk')");
        }
        auto lease = pool.acquire();
        CHECK(count_items(*lease) == 0);
        Transaction tx(*lease);  // would fail if the old transaction were still open
        tx.commit();
    });
}

TEST_CASE("a PostgreSQL connection that was cut off is dropped and the pool opens a new one") {
    const std::string location = testing_support::shared_pg_server().new_database();
    open_with_items(location);
    ConnectionPool pool(location, 1);
    std::int64_t first_pid = 0;
    {
        auto lease = pool.acquire();
        first_pid = lease->query("SELECT pg_backend_pid()")[0].integer(0);
        open_connection(location)->query("SELECT pg_terminate_backend(CAST($1 AS INTEGER))",
                                         {first_pid});
        CHECK(kind_thrown([&] { count_items(*lease); }) == SqlError::Kind::connection_lost);
    }
    auto lease = pool.acquire();
    CHECK(count_items(*lease) == 0);
    CHECK(lease->query("SELECT pg_backend_pid()")[0].integer(0) != first_pid);
}

TEST_CASE("PostgreSQL serialization failures and deadlocks are reported as retryable") {
    auto db = open_connection(testing_support::shared_pg_server().new_database());
    const auto raise = [&](const std::string& code) {
        return [&db, code] {
            db->execute_script("DO $$ BEGIN RAISE EXCEPTION 'conflict' USING ERRCODE = '" + code +
                               "'; END $$");
        };
    };
    CHECK(kind_thrown(raise("40001")) == SqlError::Kind::serialization_failure);
    CHECK(kind_thrown(raise("40P01")) == SqlError::Kind::serialization_failure);
    CHECK(kind_thrown(raise("23505")) == SqlError::Kind::unique_violation);
}

TEST_CASE("a statement whose $ parameters do not match the values given is refused") {
    on_both_backends([](const std::string& location) {
        auto db = open_with_items(location);
        CHECK_THROWS_AS(
            db->execute("INSERT INTO items (id, name) VALUES ($1, $2)", {std::int64_t{1}}),
            SqlError);
        CHECK_THROWS_AS(
            db->query("SELECT name FROM items WHERE id = $1", {std::int64_t{1}, std::int64_t{2}}),
            SqlError);
        CHECK(count_items(*db) == 0);
    });
}

TEST_CASE("a location that cannot be opened gives a message naming it") {
    const std::string unknown = message_thrown([] { open_connection("mysql:shop"); });
    CHECK(unknown.find("'mysql:shop'") != std::string::npos);
    CHECK(unknown.find("sqlite:/path/to/file.db") != std::string::npos);

    const std::string no_folder =
        message_thrown([] { open_connection("sqlite:/no/such/folder/headoffice.db"); });
    CHECK(no_folder.find("sqlite:/no/such/folder/headoffice.db") != std::string::npos);

    const std::string no_server =
        message_thrown([] { open_connection("host=/no/such/socket dbname=chain"); });
    CHECK(no_server.find("host=/no/such/socket dbname=chain") != std::string::npos);

    const std::string with_password = message_thrown(
        [] { open_connection("postgresql://admin:s3cret@/chain?host=/no/such/socket"); });
    CHECK(with_password.find("postgresql://admin:***@/chain") != std::string::npos);
    CHECK(with_password.find("s3cret") == std::string::npos);
    CHECK(headoffice::sql::to_string(Dialect::postgresql) == "postgresql");
    CHECK(headoffice::sql::to_string(Dialect::sqlite) == "sqlite");
}

TEST_CASE("the fault proxy passes, fails, drops and repeats exchanges as injected") {
    MiniHttpServer server;
    FaultProxy proxy("127.0.0.1", server.port());
    const auto post = [&] { return mini_request(proxy.port(), "POST", "/v1/journal", "sale 1"); };

    const auto passed = post();
    CHECK(passed.status == 200);
    CHECK(passed.body == "request 1: sale 1");

    proxy.inject(Fault::answer_500);
    const auto refused = post();
    CHECK(refused.status == 500);
    CHECK(refused.body.find("injected fault") != std::string::npos);
    CHECK(server.requests_seen() == 1);  // head office never saw it

    proxy.inject(Fault::reset_before_forwarding);
    CHECK(post().status == 0);
    CHECK(server.requests_seen() == 1);

    proxy.inject(Fault::drop_answer);
    CHECK(post().status == 0);
    CHECK(server.requests_seen() == 2);  // applied, but the client never heard

    proxy.inject(Fault::deliver_twice);
    const auto twice = post();
    CHECK(twice.status == 200);
    CHECK(twice.body == "request 4: sale 1");
    CHECK(server.requests_seen() == 4);

    proxy.inject(Fault::delay_answer, 50);
    CHECK(post().body == "request 5: sale 1");

    proxy.inject_for_path("/v1/changes", Fault::answer_500);
    CHECK(post().status == 200);  // another path passes
    CHECK(mini_request(proxy.port(), "GET", "/v1/changes?after=0", "").status == 500);
    CHECK(mini_request(proxy.port(), "GET", "/v1/changes?after=0", "").status == 200);
    CHECK(proxy.exchanges() == 9);
    CHECK(proxy.url() == "http://127.0.0.1:" + std::to_string(proxy.port()));
}

TEST_CASE("the fault proxy resets the client when head office cannot be reached") {
    int port = 0;
    const int listener = testing_support::listen_on_loopback(port);
    ::close(listener);  // nothing listens there any more
    FaultProxy proxy("127.0.0.1", port);
    CHECK(mini_request(proxy.port(), "GET", "/v1/health", "").status == 0);
    CHECK(proxy.exchanges() == 1);
}
