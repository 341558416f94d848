#include <doctest/doctest.h>

#include <set>

#include "db/store.hpp"

namespace {

class FixedClock : public pos::Clock {
  public:
    std::int64_t now_ms() override { return 0x0189'ABCD'EF01; }
};

}  // namespace

TEST_CASE("Ids are UUIDv7 strings that start with the clock's milliseconds and never repeat") {
    FixedClock clock;
    db::RandomIds ids(clock);
    std::set<std::string> seen;
    for (int i = 0; i < 1000; ++i) {
        const std::string id = ids.new_id();
        REQUIRE(id.size() == 36);
        CHECK(id.substr(0, 13) == "0189abcd-ef01");
        CHECK(id[8] == '-');
        CHECK(id[13] == '-');
        CHECK(id[14] == '7');  // version
        CHECK(id[18] == '-');
        CHECK(std::string("89ab").find(id[19]) != std::string::npos);  // RFC 9562 variant
        CHECK(id[23] == '-');
        CHECK(id.find_first_not_of("0123456789abcdef-") == std::string::npos);
        seen.insert(id);
    }
    CHECK(seen.size() == 1000);
}

TEST_CASE("The system clock reads the current time in milliseconds") {
    db::SystemClock clock;
    const std::int64_t now = clock.now_ms();
    CHECK(now > 1'700'000'000'000);  // after November 2023
    CHECK(now < 4'102'444'800'000);  // before 2100
}
