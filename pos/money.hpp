// Money is an integer count of minor units with a currency that knows its exponent.
// There is no floating point anywhere in here, by design (see ARCHITECTURE.md).
#pragma once

#include <array>
#include <compare>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "pos/result.hpp"

namespace pos {

struct Currency {
    std::array<char, 4> code{};  // ISO 4217, NUL-terminated: "EUR"
    int exponent = 2;            // minor units per major unit = 10^exponent

    static Currency of(std::string_view iso_code, int exponent);
    std::string_view iso() const { return {code.data(), 3}; }
    friend bool operator==(const Currency&, const Currency&) = default;
};

// How a division that does not come out even is rounded.
enum class RoundingMode {
    half_up,    // ties away from zero (the usual till rounding)
    half_even,  // ties to the even neighbour (banker's rounding)
    half_down,  // ties toward zero
    up,         // away from zero
    down,       // toward zero (truncate)
    floor,      // toward negative infinity
    ceiling,    // toward positive infinity
};

std::string_view to_string(RoundingMode mode);

// numerator / denominator rounded by mode; denominator must be positive.
std::int64_t divide_rounded(std::int64_t numerator, std::int64_t denominator, RoundingMode mode);

// A rate in parts per million: 20% is 200'000, 8.875% is 88'750.
struct Rate {
    std::int64_t ppm = 0;
    static constexpr std::int64_t one = 1'000'000;
    friend bool operator==(const Rate&, const Rate&) = default;
};

// "20", "8.875", "5.5" (percent) -> Rate; at most 4 decimals.
Result<Rate> parse_percent(std::string_view text);
std::string format_percent(Rate rate);  // 200000 -> "20%", 88750 -> "8.875%"

class Money {
  public:
    Money() = default;
    Money(std::int64_t minor_units, Currency currency) : minor_(minor_units), currency_(currency) {}

    std::int64_t minor() const { return minor_; }
    const Currency& currency() const { return currency_; }
    bool is_zero() const { return minor_ == 0; }
    bool is_negative() const { return minor_ < 0; }

    // Arithmetic across currencies is a programming error and throws std::invalid_argument.
    Money operator+(const Money& other) const;
    Money operator-(const Money& other) const;
    Money operator-() const { return {-minor_, currency_}; }
    Money& operator+=(const Money& other) { return *this = *this + other; }
    Money& operator-=(const Money& other) { return *this = *this - other; }
    Money times(std::int64_t count) const;  // exact; throws std::overflow_error on overflow
    // amount * numerator / denominator, rounded once: used for unit price x milli-quantity.
    Money scaled(std::int64_t numerator, std::int64_t denominator, RoundingMode mode) const;
    Money apply_rate(Rate rate, RoundingMode mode) const;  // amount * rate

    // Splits this amount in proportion to weights; the parts always add up to the whole.
    // The leftover minor units go one each to the parts with the largest remainders,
    // earlier parts first on ties, so the result is deterministic.
    std::vector<Money> allocate(std::span<const std::int64_t> weights) const;

    std::strong_ordering operator<=>(const Money& other) const;
    bool operator==(const Money& other) const = default;

  private:
    std::int64_t minor_ = 0;
    Currency currency_{};
};

// "12.34" (exponent 2) / "-0.50"; negative sign optional. No symbol.
std::string format_amount(const Money& money);
// Parses a keyed or scripted amount: "20", "20.5", "20.50". More decimals than the currency has,
// letters, or an empty string are bad input with a message saying which.
Result<Money> parse_amount(std::string_view text, const Currency& currency);

}  // namespace pos
