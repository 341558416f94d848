// A scanner bound to the OS as a keyboard, told from a person typing by key timing.
#include "ui/key_bursts.hpp"

#include <doctest/doctest.h>

#include <cstdint>
#include <string>
#include <vector>

namespace {

using ui::Key;
using ui::KeyBursts;

// Everything decided while keys were fed, and the frames after them, in one place.
struct Seen {
    std::vector<std::string> scans;
    std::string typed;  // typing as ImGui would get it, Enter as '\n' and Tab as '\t'

    void add(const KeyBursts::Output& out) {
        scans.insert(scans.end(), out.scans.begin(), out.scans.end());
        typed += out.typed;
        if (out.typed_enter) {
            typed += '\n';
        }
        if (out.typed_tab) {
            typed += '\t';
        }
    }
};

// Each character of `text` `gap_ms` apart from `start_ms`, then `end` (if any) `gap_ms` later;
// a frame flushes every 16 ms throughout, and for a while after.
Seen keys(KeyBursts& bursts, const std::string& text, std::int64_t start_ms, std::int64_t gap_ms,
          const Key* end) {
    Seen seen;
    std::int64_t now = start_ms;
    std::int64_t next_frame = start_ms;
    auto frames_until = [&](std::int64_t t) {
        for (; next_frame < t; next_frame += 16) {
            seen.add(bursts.flush(next_frame));
        }
    };
    for (const char c : text) {
        frames_until(now);
        seen.add(bursts.feed(Key::character(std::string(1, c)), now));
        now += gap_ms;
    }
    if (end) {
        frames_until(now);
        seen.add(bursts.feed(*end, now));
    }
    frames_until(now + 500);
    return seen;
}

const Key enter = Key::enter();
const Key tab = Key::tab();

}  // namespace

TEST_CASE("13 digits and Enter 5 ms apart are one scan, and nothing is typed") {
    KeyBursts bursts;
    const Seen seen = keys(bursts, "4006381333931", 1000, 5, &enter);
    REQUIRE(seen.scans.size() == 1);
    CHECK(seen.scans[0] == "4006381333931");
    CHECK(seen.typed.empty());
}

TEST_CASE("the same keys 120 ms apart are typing: the digits, then Enter") {
    KeyBursts bursts;
    const Seen seen = keys(bursts, "4006381333931", 1000, 120, &enter);
    CHECK(seen.scans.empty());
    CHECK(seen.typed == "4006381333931\n");
}

TEST_CASE("a key typed slowly before a fast burst is typing, and the burst is a scan") {
    KeyBursts bursts;
    Seen seen = keys(bursts, "7", 1000, 5, nullptr);
    CHECK(seen.typed == "7");
    const Seen burst = keys(bursts, "5449000000996", 1200, 4, &enter);
    REQUIRE(burst.scans.size() == 1);
    CHECK(burst.scans[0] == "5449000000996");
    CHECK(burst.typed.empty());
}

TEST_CASE("a slow key just before a burst, without a frame between them, is still typing") {
    KeyBursts bursts;
    Seen seen;
    seen.add(bursts.feed(Key::character("x"), 1000));
    std::int64_t t = 1100;
    for (const char c : std::string("12345678")) {
        seen.add(bursts.feed(Key::character(std::string(1, c)), t));
        t += 3;
    }
    seen.add(bursts.feed(enter, t));
    CHECK(seen.typed == "x");
    REQUIRE(seen.scans.size() == 1);
    CHECK(seen.scans[0] == "12345678");
}

TEST_CASE("a fast burst with no Enter or Tab after it is released as typing") {
    KeyBursts bursts;
    const Seen seen = keys(bursts, "123456789", 1000, 5, nullptr);
    CHECK(seen.scans.empty());
    CHECK(seen.typed == "123456789");
    CHECK_FALSE(bursts.holding());
}

TEST_CASE("an Enter that comes too late after a burst ends typing, not a scan") {
    KeyBursts bursts;
    Seen seen;
    std::int64_t t = 1000;
    for (const char c : std::string("123456")) {
        seen.add(bursts.feed(Key::character(std::string(1, c)), t));
        t += 5;
    }
    seen.add(bursts.feed(enter, t + 80));  // no frame between: decided by the Enter itself
    CHECK(seen.scans.empty());
    CHECK(seen.typed == "123456\n");
}

TEST_CASE("a Tab ends a burst as Enter does") {
    KeyBursts bursts;
    const Seen seen = keys(bursts, "ABC-12345", 1000, 5, &tab);
    REQUIRE(seen.scans.size() == 1);
    CHECK(seen.scans[0] == "ABC-12345");
    CHECK(seen.typed.empty());
}

TEST_CASE("a Tab typed by a person is passed on as a Tab") {
    KeyBursts bursts;
    const Seen seen = keys(bursts, "ab", 1000, 150, &tab);
    CHECK(seen.scans.empty());
    CHECK(seen.typed == "ab\t");
}

TEST_CASE("capitals, small letters and symbols in a burst are scanned as sent") {
    KeyBursts bursts;
    const Seen seen = keys(bursts, "]C1Ab9-xY/z", 1000, 6, &enter);
    REQUIRE(seen.scans.size() == 1);
    CHECK(seen.scans[0] == "]C1Ab9-xY/z");
    CHECK(seen.typed.empty());
}

TEST_CASE("three fast characters and Enter are too short for a code: typing") {
    KeyBursts bursts;
    const Seen seen = keys(bursts, "123", 1000, 5, &enter);
    CHECK(seen.scans.empty());
    CHECK(seen.typed == "123\n");
}

TEST_CASE("two bursts in a row are two scans") {
    KeyBursts bursts;
    Seen seen = keys(bursts, "1111", 1000, 5, &enter);
    const Seen second = keys(bursts, "22222", 3000, 5, &enter);
    seen.scans.insert(seen.scans.end(), second.scans.begin(), second.scans.end());
    CHECK(seen.scans == std::vector<std::string>{"1111", "22222"});
    CHECK(seen.typed.empty());
    CHECK(second.typed.empty());
}

TEST_CASE("characters are held back only until they can no longer be a burst") {
    KeyBursts bursts;
    CHECK(bursts.feed(Key::character("a"), 1000).empty());
    CHECK(bursts.holding());
    CHECK(bursts.flush(1000 + KeyBursts::max_gap_ms).empty());  // an Enter could still come
    const KeyBursts::Output later = bursts.flush(1000 + KeyBursts::max_gap_ms + 1);
    CHECK(later.typed == "a");
    CHECK_FALSE(bursts.holding());
}

TEST_CASE("a Backspace releases what is held as typing, before it") {
    KeyBursts bursts;
    (void)bursts.feed(Key::character("1"), 1000);
    (void)bursts.feed(Key::character("2"), 1002);
    const KeyBursts::Output out = bursts.release();
    CHECK(out.typed == "12");
    CHECK(out.scans.empty());
    CHECK_FALSE(bursts.holding());
}

TEST_CASE("UTF-8 characters are kept whole in what is typed") {
    KeyBursts bursts;
    Seen seen;
    seen.add(bursts.feed(Key::character("é"), 1000));
    seen.add(bursts.feed(Key::character("€"), 1200));
    seen.add(bursts.flush(1400));
    CHECK(seen.typed == "é€");
}

TEST_CASE("a run of keys longer than any code is typing, however fast") {
    KeyBursts bursts;
    const std::string long_run(KeyBursts::max_chars + 10, '5');
    const Seen seen = keys(bursts, long_run, 1000, 2, &enter);
    CHECK(seen.scans.empty());
    CHECK(seen.typed == long_run + "\n");
}
