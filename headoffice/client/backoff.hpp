// How long the sync worker waits after failures: doubling from the first delay up to the
// ceiling, each wait jittered by +-25% so that a store's terminals coming back together after an
// outage do not all knock at head office in the same second. Pure, for tests.
#pragma once

#include <cstdint>
#include <random>

namespace headoffice {

// The wait before the next attempt after `failures` failures in a row (1: the first), before
// jitter: first_ms, 2 x first_ms, 4 x ... capped at max_ms.
std::int64_t backoff_base_ms(int failures, std::int64_t first_ms, std::int64_t max_ms);

// backoff_base_ms moved by a random amount within +-25% of it.
std::int64_t backoff_ms(int failures, std::int64_t first_ms, std::int64_t max_ms,
                        std::mt19937& random);

}  // namespace headoffice
