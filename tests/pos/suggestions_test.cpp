// Suggestions at the counter: ranking products bought together with the ticket's items.
#include <doctest/doctest.h>

#include "pos/suggestions.hpp"

namespace {

std::vector<std::int64_t> ids(const std::vector<pos::Suggestion>& s) {
    std::vector<std::int64_t> out;
    for (const auto& x : s)
        out.push_back(x.product_id);
    return out;
}

}  // namespace

TEST_CASE("suggestions rank by counts summed over the ticket's products") {
    const std::vector<pos::BoughtTogether> counts{
        {1, 10, 5}, {2, 10, 4},   // 10: 9 in all
        {1, 11, 8},               // 11: 8
        {2, 12, 3}, {3, 12, 30},  // 3 is not on the ticket: only 3 counts
    };
    const auto ranked = pos::rank_suggestions({1, 2}, counts, 10);
    CHECK(ids(ranked) == std::vector<std::int64_t>{10, 11, 12});
    CHECK(ranked[0].score == 9);
    CHECK(ranked[2].score == 3);
}

TEST_CASE("ties go to the lower product id") {
    const std::vector<pos::BoughtTogether> counts{{1, 30, 4}, {1, 20, 4}, {1, 25, 4}};
    CHECK(ids(pos::rank_suggestions({1}, counts, 10)) == std::vector<std::int64_t>{20, 25, 30});
}

TEST_CASE("what is already on the ticket is never suggested") {
    const std::vector<pos::BoughtTogether> counts{{1, 2, 50}, {2, 1, 50}, {1, 7, 3}};
    CHECK(ids(pos::rank_suggestions({1, 2}, counts, 10)) == std::vector<std::int64_t>{7});
}

TEST_CASE("a product seen together fewer than min_times is left out") {
    const std::vector<pos::BoughtTogether> counts{{1, 5, 1}, {1, 6, 2}, {2, 5, 1}};
    CHECK(ids(pos::rank_suggestions({1}, counts, 10)) == std::vector<std::int64_t>{6});
    // Once with each of two ticket items is twice in all.
    CHECK(ids(pos::rank_suggestions({1, 2}, counts, 10)) == std::vector<std::int64_t>{5, 6});
    CHECK(ids(pos::rank_suggestions({1}, counts, 10, 3)).empty());
    CHECK(ids(pos::rank_suggestions({1}, counts, 10, 1)) == std::vector<std::int64_t>{6, 5});
}

TEST_CASE("at most limit suggestions, and a product on two lines counts once") {
    const std::vector<pos::BoughtTogether> counts{{1, 5, 9}, {1, 6, 8}, {1, 7, 7}};
    CHECK(ids(pos::rank_suggestions({1}, counts, 2)) == std::vector<std::int64_t>{5, 6});
    CHECK(pos::rank_suggestions({1, 1}, counts, 1)[0].score == 9);
    CHECK(pos::rank_suggestions({1}, counts, 0).empty());
    CHECK(pos::rank_suggestions({}, counts, 5).empty());
}
