// Promotions, evaluated for the whole ticket after every change, deterministically.
#pragma once

#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "pos/money.hpp"

namespace pos {

enum class PromotionKind {
    quantity_break,      // one product: "3 for 2", "2 for 5.00"
    mix_and_match,       // any products of a group: "any 3 for 10.00", "any 3 for 2"
    buy_x_get_y,         // buy X of a set, get Y of a (possibly other) set free or at a percent off
    department_percent,  // percent off everything in a department
};

struct Promotion {
    std::string id;    // stable: ties between promotions are broken by id
    std::string name;  // shown beside the saving: "3 for 2"
    PromotionKind kind = PromotionKind::quantity_break;
    int priority = 0;  // higher first; a unit takes part in one promotion at most

    std::vector<std::int64_t> product_ids;  // what must be bought (quantity break, mix & match, X)
    std::string department;                 // department_percent

    std::int64_t buy_quantity = 0;       // units that make one deal: 3 in "3 for 2"
    std::int64_t pay_quantity = 0;       // "3 for 2": pay for 2 (0 when a deal price is set)
    std::int64_t deal_price_minor = -1;  // "2 for 5.00": 500 (-1 when pay_quantity is used)

    std::vector<std::int64_t> get_product_ids;  // buy_x_get_y: the Y set (empty: same as X)
    std::int64_t get_quantity = 0;              // Y units per deal
    Rate get_percent_off{Rate::one};            // 100%: free

    Rate percent_off;  // department_percent

    // Active from starts_at (inclusive) to ends_at (exclusive), Unix ms; and, within those days,
    // only between these minutes of the local day (a happy hour), when set.
    std::int64_t starts_at_ms = 0;
    std::int64_t ends_at_ms = std::numeric_limits<std::int64_t>::max();
    int daily_from_minute = 0;
    int daily_to_minute = 24 * 60;
};

bool is_active(const Promotion& promotion, std::int64_t at_ms, int utc_offset_minutes);

// What the evaluator needs of a ticket line.
struct PromotionInput {
    std::int64_t product_id = 0;
    std::string department;
    std::int64_t units = 0;  // whole units for counted items; 0 for weighed or voided lines
    std::int64_t unit_price_minor = 0;
    std::int64_t extended_minor = 0;  // the line's value before savings; 0 when voided
    bool live = true;                 // false for voided lines
};

struct PromotionOutcome {
    std::vector<std::int64_t> saving_minor;  // per line, >= 0
    std::vector<std::string> names;          // per line, "; "-separated
};

// Applies the promotions in order of priority (higher first), then id. Each counted unit takes
// part in one promotion at most. Deals that give the customer a fixed price ("2 for 5.00", "any
// 3 for 20.00") take the dearest eligible units first; deals that make units free or cheaper
// ("3 for 2", "buy 2 get 1") discount the cheapest eligible units. A deal that would cost more
// than the regular price is not applied. A multibuy's saving is spread over the lines whose units
// made the deal, in proportion to their value; a buy-X-get-Y saving goes to the discounted Y
// units, where the customer expects to see it.
PromotionOutcome evaluate_promotions(const std::vector<PromotionInput>& lines,
                                     const std::vector<Promotion>& promotions);

}  // namespace pos
