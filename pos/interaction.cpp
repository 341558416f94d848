#include "pos/interaction.hpp"

#include <algorithm>
#include <chrono>
#include <tuple>

#include "pos/enum_names.hpp"

namespace pos {

namespace {

constexpr EnumName<InteractionKind> kind_names[] = {
    {InteractionKind::inquiry, "inquiry", "Inquiry"},
    {InteractionKind::complaint, "complaint", "Complaint"},
    {InteractionKind::request, "request", "Request"},
};

constexpr EnumName<InteractionStatus> status_names[] = {
    {InteractionStatus::open, "open", "Open"},
    {InteractionStatus::waiting, "waiting", "Waiting"},
    {InteractionStatus::resolved, "resolved", "Resolved"},
};

constexpr std::size_t max_category = 40;
constexpr std::size_t max_said = 2000;
constexpr std::int64_t max_days_ahead = 3660;  // "+N": ten years is surely a slip

bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

std::string trimmed(std::string_view text) {
    while (!text.empty() && is_space(text.front()))
        text.remove_prefix(1);
    while (!text.empty() && is_space(text.back()))
        text.remove_suffix(1);
    return std::string(text);
}

std::size_t characters(std::string_view text) {
    return static_cast<std::size_t>(
        std::count_if(text.begin(), text.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

bool all_digits(std::string_view text) {
    return !text.empty() &&
           std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

Result<InteractionKind> check_kind(std::string_view typed) {
    if (auto kind = interaction_kind_from(trimmed(typed)))
        return *kind;
    return bad_input("kind \"" + std::string(typed) + "\": choose inquiry, complaint or request");
}

Result<InteractionStatus> check_status(std::string_view typed) {
    if (auto status = interaction_status_from(trimmed(typed)))
        return *status;
    return bad_input("status \"" + std::string(typed) + "\": choose open, waiting or resolved");
}

Result<std::string> check_category(std::string_view typed) {
    std::string category = trimmed(typed);
    if (category.empty())
        return bad_input("category is empty: choose one (product quality, price, ...) or type one");
    if (characters(category) > max_category) {
        return bad_input("category \"" + category + "\" is " +
                         std::to_string(characters(category)) + " characters long; at most 40");
    }
    return category;
}

Status check_said(std::string_view said) {
    if (characters(said) > max_said) {
        return bad_input("what the customer said is " + std::to_string(characters(said)) +
                         " characters long; at most 2000");
    }
    return ok();
}

// "" keeps `current`, "-" clears it, anything else is a day not before today.
Result<std::int64_t> check_follow_up(std::string_view typed, std::int64_t today,
                                     std::int64_t current) {
    const std::string text = trimmed(typed);
    if (text.empty())
        return current;
    if (text == "-")
        return std::int64_t{0};
    auto day = parse_day(text, today);
    if (!day)
        return bad_input("follow-up: " + day.error().message);
    if (*day < today) {
        return bad_input("follow-up " + format_day(*day) + " is in the past (today is " +
                         format_day(today) + ")");
    }
    return *day;
}

}  // namespace

std::string_view to_string(InteractionKind kind) {
    return name_of(kind_names, kind);
}
std::string_view title(InteractionKind kind) {
    return label_of(kind_names, kind);
}
std::optional<InteractionKind> interaction_kind_from(std::string_view name) {
    return value_named(kind_names, name);
}

std::string_view to_string(InteractionStatus status) {
    return name_of(status_names, status);
}
std::string_view title(InteractionStatus status) {
    return label_of(status_names, status);
}
std::optional<InteractionStatus> interaction_status_from(std::string_view name) {
    return value_named(status_names, name);
}

const std::vector<std::string>& interaction_categories() {
    static const std::vector<std::string> categories{
        "product quality", "price", "stock", "service", "delivery", "returns", "order", "other",
    };
    return categories;
}

Result<Interaction> open_interaction(const InteractionDraft& draft, std::int64_t today,
                                     std::int64_t now_ms) {
    Interaction i;
    auto kind = check_kind(draft.kind);
    if (!kind)
        return kind.error();
    i.kind = *kind;
    auto category = check_category(draft.category);
    if (!category)
        return category.error();
    i.category = *category;
    i.said = trimmed(draft.said);
    if (i.said.empty())
        return bad_input("what the customer said is empty: write it down in their words");
    if (auto s = check_said(i.said); !s)
        return s.error();
    i.done = trimmed(draft.done);
    if (!trimmed(draft.status).empty()) {
        auto status = check_status(draft.status);
        if (!status)
            return status.error();
        i.status = *status;
    }
    if (i.status == InteractionStatus::resolved && i.done.empty())
        return bad_input("To resolve it, write what was done");
    auto follow_up = check_follow_up(draft.follow_up, today, 0);
    if (!follow_up)
        return follow_up.error();
    i.follow_up_day = *follow_up;
    i.receipt_number = trimmed(draft.receipt_number);
    i.opened_at_ms = now_ms;
    i.updated_at_ms = now_ms;
    if (i.status == InteractionStatus::resolved)
        i.resolved_at_ms = now_ms;
    return i;
}

Status update_interaction(Interaction& interaction, const InteractionDraft& draft,
                          std::int64_t today, std::int64_t now_ms) {
    Interaction next = interaction;  // checked whole before anything changes
    if (!trimmed(draft.kind).empty()) {
        auto kind = check_kind(draft.kind);
        if (!kind)
            return kind.error();
        next.kind = *kind;
    }
    if (!trimmed(draft.category).empty()) {
        auto category = check_category(draft.category);
        if (!category)
            return category.error();
        next.category = *category;
    }
    if (!trimmed(draft.said).empty()) {
        if (auto s = check_said(trimmed(draft.said)); !s)
            return s;
        next.said = trimmed(draft.said);
    }
    if (!trimmed(draft.done).empty())
        next.done = trimmed(draft.done);
    if (!trimmed(draft.status).empty()) {
        auto status = check_status(draft.status);
        if (!status)
            return status.error();
        next.status = *status;
    }
    if (next.status == InteractionStatus::resolved && next.done.empty())
        return bad_input("To resolve it, write what was done");
    if (next.status == InteractionStatus::resolved &&
        interaction.status != InteractionStatus::resolved) {
        next.resolved_at_ms = now_ms;
    } else if (next.status != InteractionStatus::resolved) {
        next.resolved_at_ms = 0;  // reopened
    }
    auto follow_up = check_follow_up(draft.follow_up, today, interaction.follow_up_day);
    if (!follow_up)
        return follow_up.error();
    next.follow_up_day = *follow_up;
    if (!trimmed(draft.receipt_number).empty())
        next.receipt_number = trimmed(draft.receipt_number);
    next.updated_at_ms = now_ms;
    interaction = std::move(next);
    return ok();
}

Result<std::int64_t> parse_day(std::string_view text, std::int64_t today) {
    const std::string typed = trimmed(text);
    const std::string help = ": use a date like 2026-11-30, or +3 for three days from today";
    if (!typed.empty() && typed.front() == '+') {
        const std::string_view n = std::string_view(typed).substr(1);
        if (!all_digits(n) || n.size() > 4 || std::stoll(std::string(n)) > max_days_ahead)
            return bad_input("\"" + typed + "\" is not a number of days" + help);
        return today + std::stoll(std::string(n));
    }
    const std::string_view t = typed;
    if (t.size() != 10 || t[4] != '-' || t[7] != '-' || !all_digits(t.substr(0, 4)) ||
        !all_digits(t.substr(5, 2)) || !all_digits(t.substr(8, 2))) {
        return bad_input("\"" + typed + "\" is not a date" + help);
    }
    const std::chrono::year_month_day ymd{
        std::chrono::year{std::stoi(std::string(t.substr(0, 4)))},
        std::chrono::month{static_cast<unsigned>(std::stoi(std::string(t.substr(5, 2))))},
        std::chrono::day{static_cast<unsigned>(std::stoi(std::string(t.substr(8, 2))))}};
    if (!ymd.ok())
        return bad_input("\"" + typed + "\" is not a real date" + help);
    return std::int64_t{std::chrono::sys_days{ymd}.time_since_epoch().count()};
}

std::string format_day(std::int64_t day) {
    const std::chrono::year_month_day ymd{std::chrono::sys_days{std::chrono::days{day}}};
    auto two = [](unsigned v) { return (v < 10 ? "0" : "") + std::to_string(v); };
    std::string year = std::to_string(static_cast<int>(ymd.year()));
    if (year.size() < 4)
        year.insert(0, 4 - year.size(), '0');
    return year + "-" + two(static_cast<unsigned>(ymd.month())) + "-" +
           two(static_cast<unsigned>(ymd.day()));
}

std::int64_t local_day(std::int64_t at_ms, int utc_offset_minutes) {
    constexpr std::int64_t ms_per_day = 86'400'000;
    const std::int64_t local = at_ms + std::int64_t{utc_offset_minutes} * 60'000;
    return local >= 0 ? local / ms_per_day : -((-local + ms_per_day - 1) / ms_per_day);
}

void sort_for_follow_up(std::vector<Interaction>& interactions) {
    auto key = [](const Interaction& i) {
        const bool resolved = i.status == InteractionStatus::resolved;
        const bool no_follow_up = resolved || i.follow_up_day == 0;
        return std::make_tuple(resolved, no_follow_up, no_follow_up ? 0 : i.follow_up_day,
                               i.opened_at_ms, std::string_view(i.id));
    };
    std::sort(interactions.begin(), interactions.end(),
              [&](const Interaction& a, const Interaction& b) { return key(a) < key(b); });
}

}  // namespace pos
