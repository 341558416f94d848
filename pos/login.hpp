// Logging in with a staff code and PIN, with lockout after repeated wrong PINs.
#pragma once

#include <string>
#include <string_view>

#include "pos/ports.hpp"
#include "pos/result.hpp"

namespace pos {

struct LockoutPolicy {
    int max_failed_attempts = 10;
    std::int64_t lock_ms = 30 * 60 * 1000;  // 30 minutes
};

// A PIN is 4 to 8 digits.
Status check_pin_format(std::string_view pin);

// Checks the lockout first (a locked account is refused even with the right PIN), then the PIN.
// Every wrong PIN is counted; the tenth locks the account for lock_ms. Success clears the count.
Result<User> log_in(UserDirectory& users, Clock& clock, std::string_view staff_code,
                    std::string_view pin, const LockoutPolicy& policy = {});

}  // namespace pos
