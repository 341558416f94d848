// Suggestions at the counter: products often bought together with what is on the ticket.
// The counts come from sales history (the store's own, kept as tickets complete); ranking is here.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace pos {

// How often `other` was on a completed sale together with `product`.
struct BoughtTogether {
    std::int64_t product_id = 0;
    std::int64_t other_id = 0;
    std::int64_t times = 0;
};

struct Suggestion {
    std::int64_t product_id = 0;
    std::int64_t score = 0;  // summed times over the ticket's products
};

// Ranks `other` products by their summed counts with the ticket's products, dropping those
// already on the ticket and those seen together fewer than min_times; ties by product id
// ascending, so the order is deterministic. At most `limit`.
std::vector<Suggestion> rank_suggestions(const std::vector<std::int64_t>& on_ticket,
                                         const std::vector<BoughtTogether>& counts,
                                         std::size_t limit, std::int64_t min_times = 2);

}  // namespace pos
