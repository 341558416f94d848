// Fixture for the pos/ purity rule: floating point it must reject.
#pragma once
inline double half(long x) { return x / 2.0; }
