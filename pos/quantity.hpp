// Quantities are integers in milli-units: 1 item is 1000, 0.450 kg is 450.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "pos/result.hpp"

namespace pos {

struct Quantity {
    std::int64_t milli = 0;
    static Quantity units(std::int64_t n) { return {n * 1000}; }
    bool is_whole() const { return milli % 1000 == 0; }
    auto operator<=>(const Quantity&) const = default;
};

enum class UnitOfSale { each, kilogram };
std::string_view to_string(UnitOfSale unit);  // "each", "kg": as stored and sent

// Largest quantity one line may hold; anything above is almost surely a keying slip.
inline constexpr std::int64_t max_units_per_line = 9'999;
inline constexpr std::int64_t max_grams_per_line = 99'999;  // 99.999 kg

// "3" -> 3000; for kilograms "0.450" -> 450. Rejects zero, negatives, fractions of counted items,
// more than 3 decimals, and amounts over the per-line limits, with a message naming the problem.
Result<Quantity> parse_quantity(std::string_view text, UnitOfSale unit);
Status check_quantity(Quantity quantity, UnitOfSale unit);

// "3" for counted items, "0.450" for weighed ones.
std::string format_quantity(Quantity quantity, UnitOfSale unit);

}  // namespace pos
