// Tells a barcode scanner bound to the OS as a keyboard from a person typing, by key timing. A
// scanner types its code in one burst of printable characters a few milliseconds apart and ends
// it with Enter or Tab at once; nobody types that fast. Pure: fed keys with their timestamps, it
// says which were a scan and which were typing. No ImGui or SDL here.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace ui {

struct Key {
    enum class Kind { character, enter, tab };
    Kind kind = Kind::character;
    std::string text;  // one UTF-8 character, for Kind::character

    static Key character(std::string c) { return {Kind::character, std::move(c)}; }
    static Key enter() { return {Kind::enter, {}}; }
    static Key tab() { return {Kind::tab, {}}; }
};

class KeyBursts {
  public:
    static constexpr std::int64_t max_gap_ms = 30;  // between a burst's keys, its terminator too
    static constexpr std::size_t min_chars = 4;     // shorter runs are typing
    static constexpr std::size_t max_chars = 128;   // longer runs are not one code

    // What is decided, in order: codes scanned, then keys released as typing. `typed` always
    // comes before its `typed_enter` / `typed_tab` (a terminator ends what feed releases).
    struct Output {
        std::vector<std::string> scans;
        std::string typed;
        bool typed_enter = false;
        bool typed_tab = false;
        bool empty() const { return scans.empty() && typed.empty() && !typed_enter && !typed_tab; }
    };

    // A key pressed at `ms` (a monotonic clock in milliseconds). Characters are held back while
    // they could still be part of a burst.
    Output feed(const Key& key, std::int64_t ms);
    // Called every frame: characters that can no longer be a burst (no key for max_gap_ms) are
    // released as typing.
    Output flush(std::int64_t now_ms);
    // Everything held, as typing now: another key (Backspace, an arrow) came, which no scanner
    // sends in a code.
    Output release();
    bool holding() const { return !held_.empty(); }

  private:
    std::string held_;
    std::size_t held_count_ = 0;  // characters in held_
    std::int64_t last_ms_ = 0;    // when the last character came
    bool too_long_ = false;       // this run of fast keys is longer than any code
};

}  // namespace ui
