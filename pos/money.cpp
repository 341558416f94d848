#include "pos/money.hpp"

#include <algorithm>
#include <charconv>
#include <limits>
#include <numeric>
#include <stdexcept>

namespace pos {

Currency Currency::of(std::string_view iso_code, int exponent) {
    if (iso_code.size() != 3 || exponent < 0 || exponent > 4) {
        throw std::invalid_argument("currency needs a 3-letter code and an exponent 0..4");
    }
    Currency c;
    std::copy(iso_code.begin(), iso_code.end(), c.code.begin());
    c.exponent = exponent;
    return c;
}

std::string_view to_string(RoundingMode mode) {
    switch (mode) {
        case RoundingMode::half_up:
            return "half_up";
        case RoundingMode::half_even:
            return "half_even";
        case RoundingMode::half_down:
            return "half_down";
        case RoundingMode::up:
            return "up";
        case RoundingMode::down:
            return "down";
        case RoundingMode::floor:
            return "floor";
        case RoundingMode::ceiling:
            return "ceiling";
    }
    return "?";
}

std::int64_t divide_rounded(std::int64_t numerator, std::int64_t denominator, RoundingMode mode) {
    if (denominator <= 0) {
        throw std::invalid_argument("divide_rounded needs a positive denominator");
    }
    const std::int64_t quotient = numerator / denominator;  // truncated toward zero
    const std::int64_t remainder = numerator % denominator;
    if (remainder == 0) {
        return quotient;
    }
    const bool negative = numerator < 0;
    const std::int64_t away = negative ? quotient - 1 : quotient + 1;
    // Compare twice the remainder with the denominator without overflowing.
    const std::int64_t abs_rem = negative ? -remainder : remainder;
    const std::int64_t other_part = denominator - abs_rem;
    const auto tie_or_more = [&](bool tie_goes_away) {
        if (abs_rem > other_part)
            return away;
        if (abs_rem < other_part)
            return quotient;
        return tie_goes_away ? away : quotient;
    };
    switch (mode) {
        case RoundingMode::half_up:
            return tie_or_more(true);
        case RoundingMode::half_down:
            return tie_or_more(false);
        case RoundingMode::half_even:
            return tie_or_more(quotient % 2 != 0);
        case RoundingMode::up:
            return away;
        case RoundingMode::down:
            return quotient;
        case RoundingMode::floor:
            return negative ? away : quotient;
        case RoundingMode::ceiling:
            return negative ? quotient : away;
    }
    return quotient;
}

namespace {

void require_same_currency(const Currency& a, const Currency& b) {
    if (!(a == b)) {
        throw std::invalid_argument("money in different currencies: " + std::string(a.iso()) +
                                    " and " + std::string(b.iso()));
    }
}

std::int64_t checked_add(std::int64_t a, std::int64_t b) {
    std::int64_t out = 0;
    if (__builtin_add_overflow(a, b, &out))
        throw std::overflow_error("money overflow");
    return out;
}

std::int64_t checked_mul(std::int64_t a, std::int64_t b) {
    std::int64_t out = 0;
    if (__builtin_mul_overflow(a, b, &out))
        throw std::overflow_error("money overflow");
    return out;
}

// a * b mod m without overflow, for 0 <= a, b < m: shift-and-add on unsigned 64-bit values,
// each step staying below 2m <= 2^64.
std::int64_t mul_mod(std::int64_t a, std::int64_t b, std::int64_t m) {
    const auto um = static_cast<std::uint64_t>(m);
    std::uint64_t result = 0;
    std::uint64_t x = static_cast<std::uint64_t>(a);
    for (auto y = static_cast<std::uint64_t>(b); y > 0; y >>= 1) {
        if (y & 1)
            result = (result + x) % um;
        x = (x + x) % um;
    }
    return static_cast<std::int64_t>(result);
}

std::int64_t pow10(int exponent) {
    std::int64_t p = 1;
    for (int i = 0; i < exponent; ++i)
        p *= 10;
    return p;
}

}  // namespace

Money Money::operator+(const Money& other) const {
    require_same_currency(currency_, other.currency_);
    return {checked_add(minor_, other.minor_), currency_};
}

Money Money::operator-(const Money& other) const {
    require_same_currency(currency_, other.currency_);
    return {checked_add(minor_, -other.minor_), currency_};
}

Money Money::times(std::int64_t count) const {
    return {checked_mul(minor_, count), currency_};
}

Money Money::scaled(std::int64_t numerator, std::int64_t denominator, RoundingMode mode) const {
    // amount * n / d split as (q*d + r) * n / d = q*n + r*n/d, so r*n stays small.
    const std::int64_t whole = minor_ / denominator;
    const std::int64_t rest = minor_ % denominator;
    const std::int64_t head = checked_mul(whole, numerator);
    const std::int64_t tail = divide_rounded(checked_mul(rest, numerator), denominator, mode);
    return {checked_add(head, tail), currency_};
}

Money Money::apply_rate(Rate rate, RoundingMode mode) const {
    return scaled(rate.ppm, Rate::one, mode);
}

std::vector<Money> Money::allocate(std::span<const std::int64_t> weights) const {
    if (weights.empty())
        throw std::invalid_argument("allocate needs at least one weight");
    std::int64_t total_weight = 0;
    for (auto w : weights) {
        if (w < 0)
            throw std::invalid_argument("allocate weights must not be negative");
        total_weight = checked_add(total_weight, w);
    }
    if (total_weight == 0)
        throw std::invalid_argument("allocate weights must not all be zero");

    std::vector<Money> parts;
    std::vector<std::int64_t> remainders;
    std::int64_t handed_out = 0;
    for (auto w : weights) {
        // Truncate toward zero so that the leftover has the sign of the amount.
        const Money part = scaled(w, total_weight, RoundingMode::down);
        parts.push_back(part);
        handed_out += part.minor();
        // The part's remainder (|amount| * w mod total), to rank who gets the leftover units.
        const std::int64_t abs_amount = minor_ < 0 ? -minor_ : minor_;
        const std::int64_t r = mul_mod(abs_amount % total_weight, w % total_weight, total_weight);
        remainders.push_back(r);
    }
    std::int64_t leftover = minor_ - handed_out;
    const std::int64_t step = leftover < 0 ? -1 : 1;
    std::vector<std::size_t> order(parts.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return remainders[a] > remainders[b]; });
    for (std::size_t i = 0; leftover != 0; i = (i + 1) % order.size()) {
        parts[order[i]].minor_ += step;
        leftover -= step;
    }
    return parts;
}

std::strong_ordering Money::operator<=>(const Money& other) const {
    require_same_currency(currency_, other.currency_);
    return minor_ <=> other.minor_;
}

std::string format_amount(const Money& money) {
    const int exponent = money.currency().exponent;
    const std::int64_t minor = money.minor();
    // Work on the magnitude as unsigned so that INT64_MIN formats too.
    std::uint64_t magnitude =
        minor < 0 ? 0 - static_cast<std::uint64_t>(minor) : static_cast<std::uint64_t>(minor);
    std::string digits = std::to_string(magnitude);
    if (exponent > 0) {
        if (digits.size() <= static_cast<std::size_t>(exponent)) {
            digits.insert(0, static_cast<std::size_t>(exponent) + 1 - digits.size(), '0');
        }
        digits.insert(digits.size() - static_cast<std::size_t>(exponent), ".");
    }
    return minor < 0 ? "-" + digits : digits;
}

Result<Money> parse_amount(std::string_view text, const Currency& currency) {
    const std::string shown(text);
    if (text.empty())
        return bad_input("Enter an amount");
    bool negative = false;
    if (text.front() == '-') {
        negative = true;
        text.remove_prefix(1);
    }
    const auto dot = text.find('.');
    const std::string_view whole = text.substr(0, dot);
    const std::string_view fraction =
        dot == std::string_view::npos ? std::string_view{} : text.substr(dot + 1);
    const auto all_digits = [](std::string_view s) {
        return std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
    };
    if ((whole.empty() && fraction.empty()) || !all_digits(whole) || !all_digits(fraction) ||
        (dot != std::string_view::npos && fraction.find('.') != std::string_view::npos)) {
        return bad_input("'" + shown + "' is not an amount: use digits and at most one '.'");
    }
    if (fraction.size() > static_cast<std::size_t>(currency.exponent)) {
        return bad_input("'" + shown + "' has more decimals than " + std::string(currency.iso()) +
                         " allows (" + std::to_string(currency.exponent) + ")");
    }
    std::int64_t major = 0;
    if (!whole.empty()) {
        auto [ptr, ec] = std::from_chars(whole.data(), whole.data() + whole.size(), major);
        if (ec != std::errc{} || major > 1'000'000'000'000) {
            return bad_input("'" + shown + "' is too large an amount");
        }
    }
    std::int64_t minor = major * pow10(currency.exponent);
    std::int64_t frac_value = 0;
    for (char c : fraction)
        frac_value = frac_value * 10 + (c - '0');
    frac_value *= pow10(currency.exponent - static_cast<int>(fraction.size()));
    minor += frac_value;
    return Money(negative ? -minor : minor, currency);
}

Result<Rate> parse_percent(std::string_view text) {
    const Currency four_places = Currency::of("PCT", 4);
    auto parsed = parse_amount(text, four_places);
    if (!parsed)
        return parsed.error();
    if (parsed->is_negative())
        return bad_input("a rate cannot be negative");
    // percent with 4 decimals -> ppm: 1% = 10'000 ppm = 10'000 (1.0000 in ten-thousandths) / 1
    return Rate{parsed->minor()};
}

std::string format_percent(Rate rate) {
    std::string text = format_amount(Money(rate.ppm, Currency::of("PCT", 4)));
    while (text.back() == '0')
        text.pop_back();
    if (text.back() == '.')
        text.pop_back();
    return text + "%";
}

}  // namespace pos
