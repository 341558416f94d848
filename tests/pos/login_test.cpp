#include <doctest/doctest.h>

#include "fakes.hpp"
#include "pos/login.hpp"

namespace {

struct Fixture {
    fakes::Users users;
    fakes::Clock clock;
};

}  // namespace

TEST_CASE_FIXTURE(Fixture, "the right PIN logs the clerk in and clears earlier failures") {
    CHECK_FALSE(pos::log_in(users, clock, "1001", "0000").ok());
    auto user = pos::log_in(users, clock, "1001", "1234");
    REQUIRE(user.ok());
    CHECK(user->name == "Alex Martin");
    CHECK(users.states[1].failed_attempts == 0);
}

TEST_CASE_FIXTURE(Fixture, "a wrong PIN says how many tries are left") {
    auto r = pos::log_in(users, clock, "1001", "9999");
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().message == "Wrong PIN for Alex Martin: 9 tries left before the account locks");
    CHECK_FALSE(pos::log_in(users, clock, "1001", "12").ok());  // malformed counts as wrong
    CHECK(users.states[1].failed_attempts == 2);
    CHECK(pos::log_in(users, clock, "7777", "1234").error().code == pos::ErrorCode::not_found);
}

TEST_CASE_FIXTURE(Fixture,
                  "ten wrong PINs lock the account for 30 minutes, even for the right PIN") {
    for (int i = 0; i < 9; ++i)
        pos::log_in(users, clock, "1001", "0000");
    auto tenth = pos::log_in(users, clock, "1001", "0000");
    CHECK(tenth.error().message == "Wrong PIN. Alex Martin is now locked out for 30 minutes");

    clock.now += 29 * 60 * 1000;
    auto locked = pos::log_in(users, clock, "1001", "1234");
    REQUIRE_FALSE(locked.ok());
    CHECK(locked.error().message.find("locked out") != std::string::npos);
    CHECK(locked.error().message.find("1 minute") != std::string::npos);
    // Another user is not affected.
    CHECK(pos::log_in(users, clock, "9001", "4321").ok());

    clock.now += 60 * 1000;
    CHECK(pos::log_in(users, clock, "1001", "1234").ok());
    CHECK(users.states[1].locked_until_ms == 0);
}

TEST_CASE_FIXTURE(Fixture, "after a lock runs out the count starts again") {
    for (int i = 0; i < 10; ++i)
        pos::log_in(users, clock, "1001", "0000");
    clock.now += 31 * 60 * 1000;
    auto r = pos::log_in(users, clock, "1001", "0000");
    CHECK(r.error().message.find("9 tries left") != std::string::npos);
}

TEST_CASE("a PIN is four to eight digits") {
    CHECK(pos::check_pin_format("1234").ok());
    CHECK(pos::check_pin_format("12345678").ok());
    CHECK_FALSE(pos::check_pin_format("123").ok());
    CHECK_FALSE(pos::check_pin_format("123456789").ok());
    CHECK_FALSE(pos::check_pin_format("12a4").ok());
}
