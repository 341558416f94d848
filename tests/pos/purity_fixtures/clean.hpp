// Fixture for the pos/ purity rule: all of this is fine. "float" in a comment, "0.5" too.
#pragma once
#include <string>
/* A block comment may say
 * double or 1.5 as well. */
inline std::string example() { return "key the weight (for example 0.450) then scan"; }
inline constexpr long one_million = 1'000'000;
inline constexpr char dot = '.';
