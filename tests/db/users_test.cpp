#include <doctest/doctest.h>

#include "db/pin_hash.hpp"
#include "helpers.hpp"
#include "pos/login.hpp"

using db_test::TempDir;

namespace {

class FixedClock : public pos::Clock {
  public:
    std::int64_t now_ms() override { return now; }
    std::int64_t now = 1'700'000'000'000;
};

std::string stored_hash(db::SqliteStore& store, const std::string& code) {
    return db_test::text_for(store, "SELECT pin_hash FROM users WHERE code = ?", code);
}

}  // namespace

TEST_CASE("A PIN is stored only as a hash, and only the right PIN matches it") {
    TempDir dir;
    auto store = db_test::open(dir.file("terminal.db"));
    REQUIRE(store->add_user({"1001", "Alex Martin", pos::Role::clerk, "1234"}));

    const std::string hash = stored_hash(*store, "1001");
    CHECK(hash.starts_with("$argon2id$"));
    CHECK(hash.find("1234") == std::string::npos);

    const auto user = store->users().find_by_code("1001");
    REQUIRE(user.has_value());
    CHECK(user->name == "Alex Martin");
    CHECK(user->role == pos::Role::clerk);
    CHECK(store->users().pin_matches(user->id, "1234"));
    CHECK_FALSE(store->users().pin_matches(user->id, "4321"));
    CHECK_FALSE(store->users().pin_matches(user->id, "12345"));
    CHECK_FALSE(store->users().pin_matches(user->id, ""));
    CHECK_FALSE(store->users().pin_matches(user->id + 1, "1234"));

    SUBCASE("the same PIN hashes differently for two people") {
        REQUIRE(store->add_user({"1002", "Sam Ortiz", pos::Role::clerk, "1234"}));
        CHECK(stored_hash(*store, "1002") != hash);
    }
}

TEST_CASE("A malformed stored hash never matches") {
    CHECK_FALSE(db::pin_matches_hash("", "1234"));
    CHECK_FALSE(db::pin_matches_hash("1234", "1234"));
    CHECK_FALSE(db::pin_matches_hash(std::string(200, '$'), "1234"));
}

TEST_CASE("Staff are checked before they are added") {
    TempDir dir;
    auto store = db_test::open(dir.file("terminal.db"));
    REQUIRE(store->add_user({"1001", "Alex Martin", pos::Role::clerk, "1234"}));
    struct Case {
        db::NewUser user;
        const char* problem;
    };
    for (const Case& bad : {
             Case{{"1002", "Sam Ortiz", pos::Role::clerk, "123"}, "A PIN is 4 to 8 digits"},
             Case{{"1002", "Sam Ortiz", pos::Role::clerk, "123456789"}, "A PIN is 4 to 8 digits"},
             Case{{"1002", "Sam Ortiz", pos::Role::clerk, "12a4"}, "A PIN is 4 to 8 digits"},
             Case{{"1002", "", pos::Role::clerk, "1234"}, "the name is empty"},
             Case{{"", "Sam Ortiz", pos::Role::clerk, "1234"}, "the staff code must be"},
             Case{{"1001", "Sam Ortiz", pos::Role::clerk, "1234"},
                  "the staff code is already used by Alex Martin"},
         }) {
        const auto added = store->add_user(bad.user);
        REQUIRE_FALSE(added.ok());
        INFO(added.error().message);
        CHECK(added.error().code == pos::ErrorCode::bad_input);
        CHECK(added.error().message.find(bad.problem) != std::string::npos);
    }
    CHECK(store->users().active_users().size() == 1);
}

TEST_CASE("Active staff are listed by name and found by their code") {
    TempDir dir;
    auto store = db_test::open(dir.file("terminal.db"));
    REQUIRE(store->add_user({"9001", "Morgan Lee", pos::Role::manager, "4321"}));
    REQUIRE(store->add_user({"1001", "Alex Martin", pos::Role::clerk, "1234"}));
    const auto users = store->users().active_users();
    REQUIRE(users.size() == 2);
    CHECK(users[0].name == "Alex Martin");
    CHECK(users[1].name == "Morgan Lee");
    CHECK(users[1].role == pos::Role::manager);
    CHECK(store->users().find_by_code("9001")->name == "Morgan Lee");
    CHECK_FALSE(store->users().find_by_code("9002").has_value());
}

TEST_CASE("Login state is kept across closing and reopening the store") {
    TempDir dir;
    const auto file = dir.file("terminal.db");
    std::int64_t id = 0;
    {
        auto store = db_test::open(file);
        REQUIRE(store->add_user({"1001", "Alex Martin", pos::Role::clerk, "1234"}));
        id = store->users().find_by_code("1001")->id;
        CHECK(store->users().login_state(id).failed_attempts == 0);
        CHECK(store->users().login_state(id).locked_until_ms == 0);
        store->users().save_login_state(id, {10, 1'700'000'600'000});
    }
    {
        auto store = db_test::open(file);
        const pos::LoginState state = store->users().login_state(id);
        CHECK(state.failed_attempts == 10);
        CHECK(state.locked_until_ms == 1'700'000'600'000);
        CHECK_THROWS_AS(store->users().save_login_state(id + 1, {}), pos::StoreFailure);
    }
}

TEST_CASE("Logging in against the store counts wrong PINs on disk and clears them on success") {
    TempDir dir;
    const auto file = dir.file("terminal.db");
    FixedClock clock;
    {
        auto store = db_test::open(file);
        REQUIRE(store->add_user({"1001", "Alex Martin", pos::Role::clerk, "1234"}));
        CHECK_FALSE(pos::log_in(store->users(), clock, "1001", "9999").ok());
        CHECK_FALSE(pos::log_in(store->users(), clock, "1001", "8888").ok());
    }
    auto store = db_test::open(file);
    const auto id = store->users().find_by_code("1001")->id;
    CHECK(store->users().login_state(id).failed_attempts == 2);
    const auto user = pos::log_in(store->users(), clock, "1001", "1234");
    REQUIRE(user.ok());
    CHECK(user->name == "Alex Martin");
    CHECK(store->users().login_state(id).failed_attempts == 0);
}
