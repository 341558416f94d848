#include "pos/approvals.hpp"

#include <algorithm>

namespace pos {

namespace {

bool blank(std::string_view text) {
    return std::all_of(text.begin(), text.end(),
                       [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; });
}

// "a supervisor", "an administrator".
std::string with_article(Role role) {
    const std::string_view name = to_string(role);
    const bool vowel =
        !name.empty() && std::string_view("aeiou").find(name[0]) != std::string_view::npos;
    return (vowel ? "an " : "a ") + std::string(name);
}

std::string minutes_text(std::int64_t ms) {
    const std::int64_t minutes = (ms + 59'999) / 60'000;
    return std::to_string(minutes) + (minutes == 1 ? " minute" : " minutes");
}

// A badge stands for code and PIN, but not for a locked account.
Result<User> by_badge(UserDirectory& users, Clock& clock, std::string_view badge) {
    auto user = users.find_by_badge(badge);
    if (!user)
        return not_found("That badge is not known here");
    const LoginState state = users.login_state(user->id);
    const std::int64_t now = clock.now_ms();
    if (state.locked_until_ms > now) {
        return not_allowed(user->name + " is locked out after too many wrong PINs; try again in " +
                           minutes_text(state.locked_until_ms - now));
    }
    return *user;
}

}  // namespace

std::string approval_needed_message(const ApprovalRequest& request) {
    std::string who = with_article(request.needed);
    who[0] = static_cast<char>(who[0] - 'a' + 'A');
    return who + " must approve: " + request.what;
}

Result<User> authorise(UserDirectory& users, Clock& clock, const Approval& approval,
                       const ApprovalRequest& request) {
    if (approval.empty())
        return not_allowed(approval_needed_message(request));
    auto approver = approval.badge.empty() ? log_in(users, clock, approval.staff_code, approval.pin)
                                           : by_badge(users, clock, approval.badge);
    if (!approver)
        return approver;
    if (approver->role < request.needed) {
        return not_allowed(approver->name + " is " + with_article(approver->role) + "; " +
                           with_article(request.needed) + " must approve " +
                           std::string(describe(request.permission)));
    }
    if (blank(approval.reason))
        return bad_input("Give a reason for the approval");
    return approver;
}

}  // namespace pos
