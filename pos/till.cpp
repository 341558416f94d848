// Till rules: denominations, cash counts, movements, expected cash and the over/short at the close.
#include "pos/till.hpp"

#include <algorithm>
#include <charconv>

#include "pos/enum_names.hpp"
#include "pos/till_report.hpp"

namespace pos {

namespace {

constexpr EnumName<CashMovementKind> movement_names[] = {
    {CashMovementKind::paid_in, "paid_in", "Paid in"},
    {CashMovementKind::paid_out, "paid_out", "Paid out"},
    {CashMovementKind::drop, "drop", "Drop"},
    {CashMovementKind::pickup, "pickup", "Pickup"},
};

// A count of one note or coin above this is a keying slip, and keeps totals far from overflow.
constexpr std::int64_t max_pieces = 999'999;

std::int64_t pow10(int exponent) {
    std::int64_t value = 1;
    for (int i = 0; i < exponent; ++i)
        value *= 10;
    return value;
}

// 10,000 major units down to one minor unit in 1-2-5 steps (JPY 10000, CZK 5000 and SEK 1000
// notes are in it).
std::vector<std::int64_t> plain_decimal_set(int exponent) {
    std::vector<std::int64_t> values{10'000 * pow10(exponent)};
    for (std::int64_t scale = 1'000 * pow10(exponent); scale >= 1; scale /= 10) {
        for (std::int64_t step : {5, 2, 1})
            values.push_back(step * scale);
    }
    return values;
}

bool is_whitespace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

std::vector<std::string_view> words_of(std::string_view text) {
    std::vector<std::string_view> words;
    std::size_t at = 0;
    while (at < text.size()) {
        while (at < text.size() && is_whitespace(text[at]))
            ++at;
        std::size_t end = at;
        while (end < text.size() && !is_whitespace(text[end]))
            ++end;
        if (end > at)
            words.push_back(text.substr(at, end - at));
        at = end;
    }
    return words;
}

Error not_a_count(std::string_view word) {
    return bad_input("'" + std::string(word) +
                     "' is not a count: write VALUExHOW-MANY, like 20.00x5");
}

Result<std::int64_t> parse_pieces(std::string_view word, std::string_view digits) {
    const std::string bad = "'" + std::string(word) + "': a count is a whole number of at least 1";
    if (digits.empty() ||
        !std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; }))
        return bad_input(bad);
    std::int64_t pieces = 0;
    const auto [ptr, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), pieces);
    if (ec != std::errc{} || pieces > max_pieces)
        return bad_input("'" + std::string(word) + "': at most " + std::to_string(max_pieces) +
                         " of one note or coin");
    if (pieces < 1)
        return bad_input(bad);
    return pieces;
}

Result<DenominationCount> parse_word(std::string_view word, const Currency& currency,
                                     const std::vector<std::int64_t>& allowed) {
    const auto x = word.find_first_of("xX");
    if (x == std::string_view::npos || x == 0 || x + 1 == word.size())
        return not_a_count(word);
    const auto value = parse_amount(word.substr(0, x), currency);
    if (!value)
        return not_a_count(word);
    if (std::find(allowed.begin(), allowed.end(), value->minor()) == allowed.end())
        return bad_input(format_amount(*value) + " is not a " + std::string(currency.iso()) +
                         " note or coin");
    const auto pieces = parse_pieces(word, word.substr(x + 1));
    if (!pieces)
        return pieces.error();
    return DenominationCount{value->minor(), *pieces};
}

// The till's currency: the opening cash's, or any other figure's when that was left unset.
Currency currency_of(const ShiftTotals& totals) {
    for (const Money* m : {&totals.opening_float, &totals.paid_in, &totals.paid_out, &totals.drops,
                           &totals.pickups}) {
        if (m->currency().code[0] != '\0')
            return m->currency();
    }
    for (const auto& tender : totals.tenders) {
        if (tender.amount.currency().code[0] != '\0')
            return tender.amount.currency();
    }
    return {};
}

// Summed in minor units so that a figure db/ left default-constructed counts as zero.
std::int64_t net_of(const ShiftTotals& totals, PaymentMethod method) {
    for (const auto& tender : totals.tenders) {
        if (tender.method == method)
            return tender.amount.minor();
    }
    return 0;
}

std::string lowercase_first(std::string text) {
    if (!text.empty() && text[0] >= 'A' && text[0] <= 'Z')
        text[0] = static_cast<char>(text[0] - 'A' + 'a');
    return text;
}

std::string describe_one(const TenderDifference& d) {
    const Money diff = d.difference();
    const std::string direction = diff.is_negative() ? " short by " : " over by ";
    return tender_label(d.method) + direction + format_amount(diff.is_negative() ? -diff : diff) +
           " (expected " + format_amount(d.expected) + ", counted " + format_amount(d.counted) +
           ")";
}

}  // namespace

std::vector<std::int64_t> denominations(const Currency& currency) {
    if (currency.exponent == 2 && currency.iso() == "EUR")
        return {50000, 20000, 10000, 5000, 2000, 1000, 500, 200, 100, 50, 20, 10, 5, 2, 1};
    if (currency.exponent == 2 && currency.iso() == "GBP")
        return {5000, 2000, 1000, 500, 200, 100, 50, 20, 10, 5, 2, 1};
    if (currency.exponent == 2 && currency.iso() == "USD")
        return {10000, 5000, 2000, 1000, 500, 200, 100, 50, 25, 10, 5, 1};
    return plain_decimal_set(currency.exponent);
}

std::int64_t CashCount::total_minor() const {
    std::int64_t total = 0;
    for (const auto& c : counts)
        total += c.value_minor * c.count;
    return total;
}

Result<CashCount> parse_cash_count(std::string_view text, const Currency& currency) {
    const auto words = words_of(text);
    if (words.empty() || (words.size() == 1 && words[0] == "0"))
        return CashCount{};
    const auto allowed = denominations(currency);
    CashCount count;
    for (const auto word : words) {
        auto parsed = parse_word(word, currency, allowed);
        if (!parsed)
            return parsed.error();
        const auto same_value = [&](const DenominationCount& c) {
            return c.value_minor == parsed->value_minor;
        };
        if (std::any_of(count.counts.begin(), count.counts.end(), same_value))
            return bad_input(format_amount(Money(parsed->value_minor, currency)) +
                             " is counted twice");
        count.counts.push_back(*parsed);
    }
    std::sort(count.counts.begin(), count.counts.end(),
              [](const auto& a, const auto& b) { return a.value_minor > b.value_minor; });
    return count;
}

std::string cash_count_text(const CashCount& count, const Currency& currency) {
    std::string text;
    for (const auto& c : count.counts) {
        if (!text.empty())
            text += ' ';
        text += format_amount(Money(c.value_minor, currency)) + "x" + std::to_string(c.count);
    }
    return text;
}

std::string_view to_string(CashMovementKind kind) {
    return name_of(movement_names, kind);
}

std::string_view describe(CashMovementKind kind) {
    return label_of(movement_names, kind);
}

std::optional<CashMovementKind> cash_movement_from(std::string_view name) {
    return value_named(movement_names, name);
}

std::string_view journal_kind(CashMovementKind kind) {
    switch (kind) {
        case CashMovementKind::paid_in:
            return "paid_in";
        case CashMovementKind::paid_out:
            return "paid_out";
        case CashMovementKind::drop:
            return "cash_drop";
        case CashMovementKind::pickup:
            return "cash_pickup";
    }
    return "?";
}

int drawer_sign(CashMovementKind kind) {
    return kind == CashMovementKind::paid_in ? 1 : -1;
}

Money ShiftTotals::expected_cash() const {
    const std::int64_t minor = opening_float.minor() + net_of(*this, PaymentMethod::cash) +
                               paid_in.minor() - paid_out.minor() - drops.minor() - pickups.minor();
    return {minor, currency_of(*this)};
}

Money ShiftTotals::expected(PaymentMethod method) const {
    if (method == PaymentMethod::cash)
        return expected_cash();
    return {net_of(*this, method), currency_of(*this)};
}

Status check_movement(CashMovementKind kind, const Money& amount, std::string_view reason,
                      const ShiftTotals& totals) {
    const Currency till = currency_of(totals);
    if (till.code[0] != '\0' && !(amount.currency() == till))
        return bad_input("The amount is in " + std::string(amount.currency().iso()) +
                         "; this till counts " + std::string(till.iso()));
    if (amount.minor() <= 0)
        return bad_input(std::string(describe(kind)) + " needs an amount above zero");
    const bool needs_reason =
        kind == CashMovementKind::paid_in || kind == CashMovementKind::paid_out;
    if (needs_reason && words_of(reason).empty())
        return bad_input(std::string(describe(kind)) + " needs a reason");
    const Money in_drawer = totals.expected_cash();
    if (drawer_sign(kind) < 0 && amount.minor() > in_drawer.minor())
        // The figure the drawer should hold is not said: the close is blind.
        return bad_input(format_amount(amount) +
                         " is more than the drawer should hold, so it cannot be taken out");
    return ok();
}

std::vector<TenderDifference> over_short(const ShiftTotals& totals, const CloseCount& count) {
    const Currency currency = currency_of(totals);
    return {
        {PaymentMethod::cash, totals.expected_cash(), Money(count.cash.total_minor(), currency)},
        {PaymentMethod::card, totals.expected(PaymentMethod::card),
         Money(count.card.minor(), currency)},
    };
}

bool beyond_threshold(const std::vector<TenderDifference>& differences,
                      std::int64_t threshold_minor) {
    return std::any_of(differences.begin(), differences.end(), [&](const auto& d) {
        const std::int64_t diff = d.difference().minor();
        return (diff < 0 ? -diff : diff) > threshold_minor;
    });
}

std::string describe_differences(const std::vector<TenderDifference>& differences) {
    std::string text;
    for (const auto& d : differences) {
        if (d.difference().is_zero())
            continue;
        text += text.empty() ? describe_one(d) : "; " + lowercase_first(describe_one(d));
    }
    return text.empty() ? "Cash and card balance" : text;
}

}  // namespace pos
