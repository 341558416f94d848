#include "pos/promotions.hpp"

#include <algorithm>

namespace pos {

bool is_active(const Promotion& promotion, std::int64_t at_ms, int utc_offset_minutes) {
    if (at_ms < promotion.starts_at_ms || at_ms >= promotion.ends_at_ms)
        return false;
    if (promotion.daily_from_minute <= 0 && promotion.daily_to_minute >= 24 * 60)
        return true;
    constexpr std::int64_t day_ms = 24 * 60 * 60 * 1000;
    const std::int64_t local = at_ms + std::int64_t{utc_offset_minutes} * 60'000;
    const auto minute = static_cast<int>(((local % day_ms + day_ms) % day_ms) / 60'000);
    return minute >= promotion.daily_from_minute && minute < promotion.daily_to_minute;
}

namespace {

// A run of identical units from one line, still free to take part in a promotion.
struct Units {
    std::size_t line;
    std::int64_t price;
    std::int64_t count;
};

class Evaluator {
  public:
    explicit Evaluator(const std::vector<PromotionInput>& lines)
        : lines_(lines), free_units_(lines.size()), saving_(lines.size(), 0), names_(lines.size()) {
        for (std::size_t i = 0; i < lines.size(); ++i) {
            free_units_[i] = lines[i].live ? lines[i].units : 0;
        }
    }

    void apply(const Promotion& p) {
        switch (p.kind) {
            case PromotionKind::quantity_break:
            case PromotionKind::mix_and_match:
                multibuy(p);
                break;
            case PromotionKind::buy_x_get_y:
                buy_x_get_y(p);
                break;
            case PromotionKind::department_percent:
                department_percent(p);
                break;
        }
    }

    PromotionOutcome outcome() && { return {std::move(saving_), std::move(names_)}; }

  private:
    // Free units of the given products, dearest first, ties in line order.
    std::vector<Units> eligible(const std::vector<std::int64_t>& product_ids) const {
        std::vector<Units> out;
        for (std::size_t i = 0; i < lines_.size(); ++i) {
            const bool wanted = std::find(product_ids.begin(), product_ids.end(),
                                          lines_[i].product_id) != product_ids.end();
            if (wanted && free_units_[i] > 0) {
                out.push_back({i, lines_[i].unit_price_minor, free_units_[i]});
            }
        }
        std::stable_sort(out.begin(), out.end(),
                         [](const Units& a, const Units& b) { return a.price > b.price; });
        return out;
    }

    static std::int64_t count(const std::vector<Units>& units) {
        std::int64_t n = 0;
        for (const auto& u : units)
            n += u.count;
        return n;
    }

    // Takes n units from the front (dearest) or the back (cheapest) of `units`; returns them.
    static std::vector<Units> take(std::vector<Units>& units, std::int64_t n, bool cheapest) {
        std::vector<Units> taken;
        while (n > 0 && !units.empty()) {
            Units& u = cheapest ? units.back() : units.front();
            const std::int64_t k = std::min(n, u.count);
            taken.push_back({u.line, u.price, k});
            u.count -= k;
            n -= k;
            if (u.count == 0) {
                if (cheapest) {
                    units.pop_back();
                } else {
                    units.erase(units.begin());
                }
            }
        }
        return taken;
    }

    static std::int64_t value(const std::vector<Units>& units) {
        std::int64_t v = 0;
        for (const auto& u : units)
            v += u.price * u.count;
        return v;
    }

    void consume(const std::vector<Units>& units) {
        for (const auto& u : units)
            free_units_[u.line] -= u.count;
    }
    void release(const std::vector<Units>& units) {
        for (const auto& u : units)
            free_units_[u.line] += u.count;
    }

    // Spreads `saving` over the lines of `used` in proportion to their value; remainders go to
    // the largest shares first, so the parts add up exactly.
    void credit(const Promotion& p, std::int64_t saving, const std::vector<Units>& used) {
        if (saving <= 0)
            return;
        std::vector<std::size_t> line_of;
        std::vector<std::int64_t> weight;
        for (const auto& u : used) {
            auto it = std::find(line_of.begin(), line_of.end(), u.line);
            if (it == line_of.end()) {
                line_of.push_back(u.line);
                weight.push_back(0);
                it = std::prev(line_of.end());
            }
            weight[static_cast<std::size_t>(it - line_of.begin())] += u.price * u.count;
        }
        std::int64_t total_weight = 0;
        for (auto w : weight)
            total_weight += w;
        if (total_weight == 0)
            return;
        const auto parts = Money(saving, Currency::of("XXX", 0)).allocate(weight);
        for (std::size_t i = 0; i < line_of.size(); ++i) {
            const std::size_t line = line_of[i];
            saving_[line] += parts[i].minor();
            if (parts[i].minor() > 0 && names_[line].find(p.name) == std::string::npos) {
                names_[line] += (names_[line].empty() ? "" : "; ") + p.name;
            }
        }
    }

    // "3 for 2", "2 for 5.00", "any 3 for 20.00".
    void multibuy(const Promotion& p) {
        if (p.buy_quantity <= 0)
            return;
        auto units = eligible(p.product_ids);
        const std::int64_t deals = count(units) / p.buy_quantity;
        if (deals == 0)
            return;
        if (p.deal_price_minor >= 0) {
            // Each deal separately: its dearest units at the deal price, if that is cheaper.
            std::vector<Units> used;
            std::int64_t saving = 0;
            for (std::int64_t d = 0; d < deals; ++d) {
                auto deal = take(units, p.buy_quantity, false);
                const std::int64_t regular = value(deal);
                if (regular <= p.deal_price_minor)
                    break;  // dearest first: later deals are no better
                saving += regular - p.deal_price_minor;
                used.insert(used.end(), deal.begin(), deal.end());
            }
            consume(used);
            credit(p, saving, used);
            return;
        }
        if (p.pay_quantity < 0 || p.pay_quantity >= p.buy_quantity)
            return;
        const std::int64_t free_count = deals * (p.buy_quantity - p.pay_quantity);
        auto free_units = take(units, free_count, true);
        auto paid_units = take(units, deals * p.pay_quantity, false);
        std::vector<Units> used = paid_units;
        used.insert(used.end(), free_units.begin(), free_units.end());
        consume(used);
        credit(p, value(free_units), used);
    }

    // Buy X of one set, get Y of another (or the same) set free or at a percent off; the
    // cheapest eligible Y units are the ones discounted, the dearest X units the ones bought
    // (used up, so they cannot make a second deal).
    void buy_x_get_y(const Promotion& p) {
        if (p.buy_quantity <= 0 || p.get_quantity <= 0)
            return;
        const bool same_set = p.get_product_ids.empty() || p.get_product_ids == p.product_ids;
        const auto& get_ids = same_set ? p.product_ids : p.get_product_ids;
        std::int64_t deals = 0;
        if (same_set) {
            deals = count(eligible(p.product_ids)) / (p.buy_quantity + p.get_quantity);
        } else {
            // A unit in both sets counts once: reserve the buys, count the gets left, release.
            auto buys = eligible(p.product_ids);
            const std::int64_t buy_deals = count(buys) / p.buy_quantity;
            const auto reserved = take(buys, buy_deals * p.buy_quantity, false);
            consume(reserved);
            deals = std::min(buy_deals, count(eligible(get_ids)) / p.get_quantity);
            release(reserved);
        }
        if (deals == 0)
            return;
        auto buys = eligible(p.product_ids);
        auto used = take(buys, deals * p.buy_quantity, false);
        consume(used);
        auto gets = eligible(get_ids);
        const auto discounted = take(gets, deals * p.get_quantity, true);
        consume(discounted);
        const std::int64_t saving = Money(value(discounted), Currency::of("XXX", 0))
                                        .apply_rate(p.get_percent_off, RoundingMode::half_up)
                                        .minor();
        // The saving shows on the items that were discounted, as customers read it.
        credit(p, saving, discounted);
    }

    // Percent off every line of a department still free of other promotions (weighed too).
    void department_percent(const Promotion& p) {
        for (std::size_t i = 0; i < lines_.size(); ++i) {
            const auto& line = lines_[i];
            if (!line.live || line.department != p.department)
                continue;
            const bool weighed = line.units == 0;
            if (!weighed && free_units_[i] == 0)
                continue;
            if (weighed && saving_[i] > 0)
                continue;
            const std::int64_t base =
                weighed ? line.extended_minor : line.unit_price_minor * free_units_[i];
            const std::int64_t saving = Money(base, Currency::of("XXX", 0))
                                            .apply_rate(p.percent_off, RoundingMode::half_up)
                                            .minor();
            const std::int64_t units = weighed ? 1 : free_units_[i];
            const std::vector<Units> used{{i, weighed ? base : line.unit_price_minor, units}};
            if (!weighed)
                free_units_[i] = 0;
            credit(p, saving, used);
        }
    }

    const std::vector<PromotionInput>& lines_;
    std::vector<std::int64_t> free_units_;
    std::vector<std::int64_t> saving_;
    std::vector<std::string> names_;
};

}  // namespace

PromotionOutcome evaluate_promotions(const std::vector<PromotionInput>& lines,
                                     const std::vector<Promotion>& promotions) {
    std::vector<const Promotion*> ordered;
    for (const auto& p : promotions)
        ordered.push_back(&p);
    std::stable_sort(ordered.begin(), ordered.end(), [](const Promotion* a, const Promotion* b) {
        if (a->priority != b->priority)
            return a->priority > b->priority;
        return a->id < b->id;
    });
    Evaluator evaluator(lines);
    for (const Promotion* p : ordered)
        evaluator.apply(*p);
    return std::move(evaluator).outcome();
}

}  // namespace pos
