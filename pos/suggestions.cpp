#include "pos/suggestions.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace pos {

std::vector<Suggestion> rank_suggestions(const std::vector<std::int64_t>& on_ticket,
                                         const std::vector<BoughtTogether>& counts,
                                         std::size_t limit, std::int64_t min_times) {
    // A product on two lines counts once: the basket has it, however it was rung up.
    const std::set<std::int64_t> ticket(on_ticket.begin(), on_ticket.end());
    std::map<std::int64_t, std::int64_t> scores;
    for (const BoughtTogether& pair : counts) {
        if (ticket.count(pair.product_id) == 0 || ticket.count(pair.other_id) != 0)
            continue;
        if (pair.times > 0)
            scores[pair.other_id] += pair.times;
    }
    std::vector<Suggestion> ranked;
    for (const auto& [id, score] : scores) {
        if (score >= min_times)
            ranked.push_back({id, score});
    }
    // The map gave ascending ids; a stable sort by score keeps that order for ties.
    std::stable_sort(ranked.begin(), ranked.end(),
                     [](const Suggestion& a, const Suggestion& b) { return a.score > b.score; });
    if (ranked.size() > limit)
        ranked.resize(limit);
    return ranked;
}

}  // namespace pos
