// Fixture for the pos/ purity rule: a floating-point literal with no float keyword in sight.
#pragma once
inline auto half(long v) { return v * 0.5; }
