// SpecialOrders over SQLite: numbered per terminal ("SO-T01-000007"), queued for head office.
// The deposit and the pick-up move an order inside complete_sale (sale_service.cpp).
#include <algorithm>
#include <cstdio>

#include "db/format.hpp"
#include "db/service_repositories.hpp"
#include "db/service_rows.hpp"

namespace db {

namespace {

constexpr std::int64_t max_rows = 10'000;

std::string order_number(const std::string& terminal_id, std::int64_t sequence) {
    char digits[24];
    std::snprintf(digits, sizeof digits, "%06lld", static_cast<long long>(sequence));
    return "SO-" + terminal_id + "-" + digits;
}

bool is_open(pos::SpecialOrderStatus status) {
    return status != pos::SpecialOrderStatus::collected &&
           status != pos::SpecialOrderStatus::cancelled;
}

class SqliteSpecialOrders final : public SpecialOrders {
  public:
    SqliteSpecialOrders(Database& db, const pos::Currency& currency)
        : db_(db), currency_(currency), rows_(db) {}

    pos::Result<pos::SpecialOrder> create(pos::SpecialOrder order) override {
        if (auto problem = check(order); !problem)
            return problem.error();
        try {
            Transaction transaction(db_);
            const std::string terminal = setting_text(db_, "terminal_id");
            if (terminal.empty())
                return pos::bad_input(
                    "This terminal has no id yet (it numbers special orders); "
                    "nothing was saved");
            if (rows_.special_order(order.id, currency_))
                return pos::bad_input("Special order " + in_quotes(order.id) +
                                      " is already stored; nothing was saved");
            order.number = order_number(terminal, next_sequence(db_, "special_order:" + terminal));
            if (order.store_code.empty())
                order.store_code = setting_text(db_, "store_code");
            order.status = pos::SpecialOrderStatus::awaiting_deposit;
            order.deposit_held = pos::Money(0, order.total.currency());
            if (order.updated_at_ms == 0)
                order.updated_at_ms = order.created_at_ms;
            rows_.write_special_order(order);
            rows_.queue("special_order", order.id, order.updated_at_ms);
            transaction.commit();
        } catch (const std::exception& error) {
            return pos::store_failure(std::string("The special order could not be saved (") +
                                      error.what() + "); nothing was written");
        }
        return order;
    }

    std::optional<pos::SpecialOrder> find(const std::string& number_or_id) override {
        return rows_.special_order(number_or_id, currency_);
    }

    pos::Status set_status(const std::string& number, pos::SpecialOrderStatus status,
                           std::int64_t at_ms) override {
        try {
            Transaction transaction(db_);
            auto order = rows_.special_order(number, currency_);
            if (!order)
                return pos::not_found("No special order " + in_quotes(number) +
                                      " is known here; nothing was changed");
            if (auto allowed = transition(*order, status); !allowed)
                return allowed;
            order->status = status;
            order->updated_at_ms = at_ms;
            rows_.write_special_order(*order);
            rows_.queue("special_order", order->id, at_ms);
            transaction.commit();
        } catch (const std::exception& error) {
            return pos::store_failure("Special order " + number + " could not be changed (" +
                                      error.what() + "); nothing was changed");
        }
        return pos::ok();
    }

    std::vector<pos::SpecialOrder> open_orders(std::size_t limit) override {
        return list("status NOT IN ('collected', 'cancelled')", {}, limit);
    }

    std::vector<pos::SpecialOrder> for_customer(const std::string& customer_id,
                                                std::size_t limit) override {
        if (customer_id.empty())
            return {};
        return list("customer_id = ?", customer_id, limit);
    }

  private:
    static pos::Status check(const pos::SpecialOrder& order) {
        const std::string refused = "; nothing was saved";
        if (order.id.empty())
            return pos::bad_input("The special order has no id" + refused);
        if (order.product_code.empty() || is_blank(order.product_name))
            return pos::bad_input("The special order names no product" + refused);
        if (order.quantity.milli <= 0)
            return pos::bad_input("The special order's quantity must be more than 0" + refused);
        if (order.unit_price.is_negative() || order.total.is_negative() ||
            order.deposit.is_negative())
            return pos::bad_input("The special order's prices must not be negative" + refused);
        if (order.deposit.minor() > order.total.minor())
            return pos::bad_input("The deposit " + pos::format_amount(order.deposit) +
                                  " is more than the order's total " +
                                  pos::format_amount(order.total) + refused);
        return pos::ok();
    }

    static pos::Status transition(const pos::SpecialOrder& order, pos::SpecialOrderStatus to) {
        using S = pos::SpecialOrderStatus;
        const bool arrives = to == S::arrived && order.status == S::ordered;
        const bool cancels = to == S::cancelled && is_open(order.status);
        if (arrives || cancels)
            return pos::ok();
        return pos::not_allowed("Special order " + order.number + " is " +
                                std::string(pos::title(order.status)) + "; it cannot become " +
                                std::string(pos::title(to)) + " here (nothing was changed)");
    }

    std::vector<pos::SpecialOrder> list(std::string_view where, const std::string& key,
                                        std::size_t limit) {
        Statement rows(db_, "SELECT " + std::string(special_order_columns) +
                                " FROM special_orders WHERE " + std::string(where) +
                                " ORDER BY created_at_ms DESC, id DESC LIMIT ?");
        int index = 0;
        if (!key.empty())
            rows.bind(++index, key);
        rows.bind(++index, static_cast<std::int64_t>(std::min<std::size_t>(limit, max_rows)));
        std::vector<pos::SpecialOrder> found;
        while (rows.step())
            found.push_back(read_special_order(rows, currency_));
        return found;
    }

    Database& db_;
    const pos::Currency& currency_;
    ServiceRows rows_;
};

}  // namespace

std::unique_ptr<SpecialOrders> make_special_orders(Database& db, const pos::Currency& currency) {
    return std::make_unique<SqliteSpecialOrders>(db, currency);
}

}  // namespace db
