#include "pos/login.hpp"

#include <algorithm>

namespace pos {

Status check_pin_format(std::string_view pin) {
    const bool digits =
        std::all_of(pin.begin(), pin.end(), [](char c) { return c >= '0' && c <= '9'; });
    if (pin.size() < 4 || pin.size() > 8 || !digits) {
        return bad_input("A PIN is 4 to 8 digits");
    }
    return ok();
}

namespace {

std::string minutes_text(std::int64_t ms) {
    const std::int64_t minutes = (ms + 59'999) / 60'000;
    return std::to_string(minutes) + (minutes == 1 ? " minute" : " minutes");
}

}  // namespace

Result<User> log_in(UserDirectory& users, Clock& clock, std::string_view staff_code,
                    std::string_view pin, const LockoutPolicy& policy) {
    auto user = users.find_by_code(staff_code);
    if (!user)
        return not_found("No staff member has the code " + std::string(staff_code));
    const std::int64_t now = clock.now_ms();
    const LoginState stored = users.login_state(user->id);
    LoginState state = stored;
    if (state.locked_until_ms > now) {
        return not_allowed(
            user->name + " is locked out after " + std::to_string(policy.max_failed_attempts) +
            " wrong PINs; try again in " + minutes_text(state.locked_until_ms - now));
    }
    if (state.locked_until_ms != 0)
        state = {};  // the lock has run out: a fresh start
    if (auto format = check_pin_format(pin); !format || !users.pin_matches(user->id, pin)) {
        ++state.failed_attempts;
        if (state.failed_attempts >= policy.max_failed_attempts) {
            state.locked_until_ms = now + policy.lock_ms;
            users.save_login_state(user->id, state);
            return not_allowed("Wrong PIN. " + user->name + " is now locked out for " +
                               minutes_text(policy.lock_ms));
        }
        users.save_login_state(user->id, state);
        const int left = policy.max_failed_attempts - state.failed_attempts;
        return not_allowed("Wrong PIN for " + user->name + ": " + std::to_string(left) +
                           (left == 1 ? " try" : " tries") + " left before the account locks");
    }
    if (stored.failed_attempts != 0 || stored.locked_until_ms != 0) {
        users.save_login_state(user->id, {});
    }
    return *user;
}

}  // namespace pos
