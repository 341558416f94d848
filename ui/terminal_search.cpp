// Finding a ticket without its receipt: by time, amount, card or item, shown as it was printed,
// and from there opened for a return.
#include <charconv>

#include "receipts/text_receipt.hpp"
#include "ui/terminal.hpp"
#include "ui/terminal_text.hpp"

namespace ui {

namespace {

constexpr std::int64_t ms_per_minute = 60 * 1000;
constexpr std::int64_t ms_per_day = 24 * 60 * ms_per_minute;

// Days since 1970-01-01 of a civil date (H. Hinnant's days_from_civil).
std::int64_t days_from_civil(std::int64_t y, unsigned m, unsigned d) {
    y -= m <= 2;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const auto yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

bool whole_number(std::string_view text, std::size_t digits, int& value) {
    if (text.size() != digits)
        return false;
    auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    return ec == std::errc{} && ptr == text.data() + text.size();
}

// "2026-11-23" -> its day number, or nullopt.
std::optional<std::int64_t> parse_date(std::string_view text) {
    int y = 0;
    int m = 0;
    int d = 0;
    if (text.size() != 10 || text[4] != '-' || text[7] != '-' ||
        !whole_number(text.substr(0, 4), 4, y) || !whole_number(text.substr(5, 2), 2, m) ||
        !whole_number(text.substr(8, 2), 2, d) || m < 1 || m > 12 || d < 1 || d > 31) {
        return std::nullopt;
    }
    const auto day = days_from_civil(y, static_cast<unsigned>(m), static_cast<unsigned>(d));
    // 31 April rolls into May: refuse it rather than search another day.
    const auto next_month = m == 12 ? days_from_civil(y + 1, 1, 1)
                                    : days_from_civil(y, static_cast<unsigned>(m + 1), 1);
    if (day >= next_month)
        return std::nullopt;
    return day;
}

// "14:05" -> minutes into the day, or nullopt.
std::optional<std::int64_t> parse_clock(std::string_view text) {
    int h = 0;
    int m = 0;
    if (text.size() != 5 || text[2] != ':' || !whole_number(text.substr(0, 2), 2, h) ||
        !whole_number(text.substr(3, 2), 2, m) || h > 23 || m > 59) {
        return std::nullopt;
    }
    return h * 60 + m;
}

enum class Bound { from, to };

// A local time as keyed: "2026-11-23 14:00", "2026-11-23" or "14:00" (today) -> Unix ms.
// A bound `to` takes in the whole minute (or day) keyed: "to 14:00" includes 14:00:59.
pos::Result<std::int64_t> local_time_ms(const std::string& text, Bound bound, std::int64_t now_ms,
                                        int utc_offset_minutes) {
    const std::int64_t offset_ms = std::int64_t{utc_offset_minutes} * ms_per_minute;
    const std::string_view keyed = text;
    const auto space = keyed.find(' ');
    std::optional<std::int64_t> day;
    std::optional<std::int64_t> minutes;
    if (space != std::string_view::npos) {
        day = parse_date(keyed.substr(0, space));
        minutes = parse_clock(keyed.substr(space + 1));
    } else if (keyed.find('-') != std::string_view::npos) {
        day = parse_date(keyed);
        minutes = day ? std::optional<std::int64_t>(0) : std::nullopt;
    } else {
        const std::int64_t local_now = now_ms + offset_ms;
        day = (local_now >= 0 ? local_now : local_now - ms_per_day + 1) / ms_per_day;
        minutes = parse_clock(keyed);
    }
    if (!day || !minutes) {
        return pos::bad_input("'" + text +
                              "' is not a time: key 14:00 (today), 2026-11-23 or 2026-11-23 14:00");
    }
    std::int64_t local_ms = *day * ms_per_day + *minutes * ms_per_minute;
    if (bound == Bound::to)
        local_ms += space == std::string_view::npos && keyed.find('-') != std::string_view::npos
                        ? ms_per_day
                        : ms_per_minute;
    return local_ms - offset_ms;
}

std::string plural(std::size_t n, const std::string& one) {
    return std::to_string(n) + " " + one + (n == 1 ? "" : "s");
}

// What the clerk asked for, to say what found nothing: "from 14:00, amount 12.34".
std::string criteria_text(const FindTickets& find) {
    std::string text;
    const auto add = [&](const char* name, const std::string& value) {
        if (!value.empty())
            text += (text.empty() ? "" : ", ") + std::string(name) + " " + value;
    };
    add("from", find.from);
    add("to", find.to);
    add("amount", find.amount);
    add("card", find.card);
    add("item", find.item);
    return text;
}

}  // namespace

pos::Status Terminal::handle(const ShowTicketSearch&) {
    if (auto s = ready_for_returns("find a ticket"); !s)
        return s;
    clear_search();
    screen_ = Screen::ticket_search;
    message_ = {};
    return pos::ok();
}

pos::Status Terminal::handle(const FindTickets& intent) {
    if (auto s = ready_for_returns("find a ticket"); !s)
        return s;
    pos::TicketQuery query;
    const auto now = services_.clock.now_ms();
    // Times as the screen and the receipts show them.
    const int offset = services_.utc_offset_minutes;
    if (!intent.from.empty()) {
        auto from = local_time_ms(intent.from, Bound::from, now, offset);
        if (!from)
            return from.error();
        query.from_ms = *from;
    }
    if (!intent.to.empty()) {
        auto to = local_time_ms(intent.to, Bound::to, now, offset);
        if (!to)
            return to.error();
        query.to_ms = *to;
    }
    if (query.from_ms != 0 && query.to_ms != 0 && query.to_ms <= query.from_ms) {
        return pos::bad_input("The search ends (" + intent.to + ") before it starts (" +
                              intent.from + ")");
    }
    if (!intent.amount.empty()) {
        auto amount = pos::parse_amount(intent.amount, settings_.currency);
        if (!amount)
            return amount.error();
        query.total_minor = amount->minor();
    }
    query.card = intent.card;
    query.item = intent.item;
    found_ = services_.store.archive().find_tickets(query);
    shown_.reset();
    shown_text_.clear();
    clear_search();
    screen_ = Screen::ticket_search;
    const std::string asked = criteria_text(intent);
    found_summary_ = found_.empty() ? "No ticket matches" + (asked.empty() ? "" : ": " + asked)
                                    : plural(found_.size(), "ticket") + " found";
    message_ = {};
    return pos::ok();
}

pos::Status Terminal::handle(const OpenFound& intent) {
    if (auto s = require_screen(Screen::ticket_search, "show a found ticket"); !s)
        return s;
    if (intent.index >= found_.size()) {
        return pos::bad_input("There is no found ticket " + std::to_string(intent.index + 1) +
                              " (there are " + std::to_string(found_.size()) + ")");
    }
    const std::string& receipt = found_[intent.index].receipt_number;
    auto ticket = services_.store.archive().find_ticket(receipt);
    if (!ticket)
        return pos::not_found("Ticket " + receipt + " is no longer in the store");
    shown_ = std::move(*ticket);
    shown_text_ = receipts::render_text(*shown_, settings_, {42, services_.utc_offset_minutes});
    return pos::ok();
}

TicketSearchVm Terminal::ticket_search_vm() const {
    TicketSearchVm vm;
    for (const auto& found : found_) {
        const std::string when =
            receipts::format_local_time(found.completed_at_ms, services_.utc_offset_minutes);
        vm.results.push_back({found.receipt_number, when, text::kind_label(found.kind),
                              money_text(found.total), found.tenders, found.clerk_name});
    }
    vm.summary = found_summary_;
    if (shown_) {
        vm.shown_receipt = shown_->receipt_number();
        vm.shown_text = shown_text_;
        const auto kind = shown_->kind();
        vm.can_return = kind == pos::TicketKind::sale || kind == pos::TicketKind::exchange;
    }
    return vm;
}

}  // namespace ui
