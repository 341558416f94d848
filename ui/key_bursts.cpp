#include "ui/key_bursts.hpp"

namespace ui {

KeyBursts::Output KeyBursts::feed(const Key& key, std::int64_t ms) {
    const bool in_time = ms - last_ms_ <= max_gap_ms;
    if (!in_time) {
        too_long_ = false;  // a pause: whatever comes next may be a scan
    }
    if (key.kind == Key::Kind::character) {
        Output out;
        if (holding() && !in_time) {
            out = release();  // too slow to be one code with what follows: typing so far
        }
        last_ms_ = ms;
        if (too_long_ || held_count_ >= max_chars) {
            // Longer than any code: the whole run is typing (a key held down, a paste).
            too_long_ = true;
            out.typed += release().typed + key.text;
            return out;
        }
        held_ += key.text;
        ++held_count_;
        return out;
    }
    if (holding() && in_time && held_count_ >= min_chars) {
        Output out;
        out.scans.push_back(held_);
        held_.clear();
        held_count_ = 0;
        return out;
    }
    Output out = release();
    out.typed_enter = key.kind == Key::Kind::enter;
    out.typed_tab = key.kind == Key::Kind::tab;
    return out;
}

KeyBursts::Output KeyBursts::flush(std::int64_t now_ms) {
    if (holding() && now_ms - last_ms_ > max_gap_ms) {
        return release();
    }
    return {};
}

KeyBursts::Output KeyBursts::release() {
    Output out;
    out.typed = std::move(held_);
    held_.clear();
    held_count_ = 0;
    return out;
}

}  // namespace ui
