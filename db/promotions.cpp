// PromotionSource over SQLite, and writing promotions (demo store now, head-office sync later).
#include <optional>
#include <set>
#include <utility>
#include <vector>

#include "db/format.hpp"
#include "db/repositories.hpp"
#include "db/sync_rows.hpp"

namespace db {

namespace {

constexpr std::string_view promotion_columns =
    "id, name, kind, priority, department, buy_quantity, pay_quantity, deal_price, get_quantity,"
    " get_percent_off_ppm, percent_off_ppm, starts_at_ms, ends_at_ms, daily_from_minute,"
    " daily_to_minute";

// Promotions are read on every new ticket and before every payment, so they are kept in memory
// and read again only when they may have changed: another connection committed (SQLite's
// data_version moves), or this one wrote a promotion (the store calls forget()).
class SqlitePromotionSource final : public PromotionCache {
  public:
    explicit SqlitePromotionSource(Database& db)
        : all_(db, "SELECT " + std::string(promotion_columns) +
                       " FROM promotions ORDER BY priority DESC, id"),
          products_(db,
                    "SELECT role, barcodes.product_id FROM promotion_products"
                    " JOIN barcodes ON barcodes.code = promotion_products.product_code"
                    " WHERE promotion_id = ? ORDER BY role, position"),
          data_version_(db, "PRAGMA data_version") {}

    void forget() override { cached_.reset(); }

    std::vector<pos::Promotion> promotions_at(std::int64_t at_ms) override {
        const std::int64_t version = data_version();
        if (!cached_ || version != cached_version_) {
            cached_ = load_all();
            cached_version_ = version;
        }
        std::vector<pos::Promotion> active;
        for (const auto& p : *cached_) {
            if (p.starts_at_ms <= at_ms && at_ms < p.ends_at_ms)
                active.push_back(p);
        }
        return active;
    }

  private:
    std::int64_t data_version() {
        auto use = data_version_.use();
        data_version_.step();
        return data_version_.column_int64(0);
    }

    std::vector<pos::Promotion> load_all() {
        std::vector<pos::Promotion> found;
        {
            auto use = all_.use();
            while (all_.step()) {
                pos::Promotion promotion;
                promotion.id = all_.column_text(0);
                promotion.name = all_.column_text(1);
                promotion.kind = promotion_kind_from(all_.column_text(2));
                promotion.priority = all_.column_int(3);
                promotion.department = all_.column_text(4);
                promotion.buy_quantity = all_.column_int64(5);
                promotion.pay_quantity = all_.column_int64(6);
                promotion.deal_price_minor = all_.column_int64(7);
                promotion.get_quantity = all_.column_int64(8);
                promotion.get_percent_off = pos::Rate{all_.column_int64(9)};
                promotion.percent_off = pos::Rate{all_.column_int64(10)};
                promotion.starts_at_ms = all_.column_int64(11);
                promotion.ends_at_ms = all_.column_int64(12);
                promotion.daily_from_minute = all_.column_int(13);
                promotion.daily_to_minute = all_.column_int(14);
                found.push_back(std::move(promotion));
            }
        }
        for (pos::Promotion& promotion : found) {
            auto use = products_.use();
            products_.bind_all(promotion.id);
            while (products_.step()) {
                auto& ids = products_.column_text(0) == "get" ? promotion.get_product_ids
                                                              : promotion.product_ids;
                ids.push_back(products_.column_int64(1));
            }
        }
        return found;
    }

    Statement all_;
    Statement products_;
    Statement data_version_;
    std::optional<std::vector<pos::Promotion>> cached_;
    std::int64_t cached_version_ = 0;
};

// What a promotion of each kind needs to mean anything; the message names the first gap.
std::optional<std::string> shape_problem(const pos::Promotion& p, bool names_products) {
    if (p.starts_at_ms >= p.ends_at_ms)
        return "it ends before it starts";
    if (p.daily_from_minute < 0 || p.daily_to_minute > 24 * 60 ||
        p.daily_from_minute >= p.daily_to_minute) {
        return "its daily hours must run forward within the day (minutes 0 to 1440)";
    }
    const auto bad_rate = [](pos::Rate rate) { return rate.ppm <= 0 || rate.ppm > pos::Rate::one; };
    switch (p.kind) {
        case pos::PromotionKind::quantity_break:
        case pos::PromotionKind::mix_and_match:
            if (!names_products)
                return "it names no products";
            if (p.buy_quantity < 2)
                return "a deal needs at least 2 units (buy quantity)";
            if ((p.deal_price_minor >= 0) == (p.pay_quantity > 0)) {
                return "it needs either a deal price or a quantity to pay for, not both or "
                       "neither";
            }
            if (p.pay_quantity >= p.buy_quantity)
                return "paying for as many units as are bought saves nothing";
            if (p.deal_price_minor < -1)
                return "the deal price is negative";
            return std::nullopt;
        case pos::PromotionKind::buy_x_get_y:
            if (!names_products)
                return "it names no products to buy";
            if (p.buy_quantity < 1 || p.get_quantity < 1)
                return "it needs at least 1 unit to buy and 1 to get";
            if (bad_rate(p.get_percent_off))
                return "the percent off what is got must be more than 0% and at most 100%";
            return std::nullopt;
        case pos::PromotionKind::department_percent:
            if (is_blank(p.department))
                return "it names no department";
            if (bad_rate(p.percent_off))
                return "the percent off must be more than 0% and at most 100%";
            return std::nullopt;
    }
    return "its kind is unknown";
}

}  // namespace

std::unique_ptr<PromotionCache> make_promotion_source(Database& db) {
    return std::make_unique<SqlitePromotionSource>(db);
}

std::optional<std::string> promotion_problem(const pos::Promotion& promotion, bool names_products) {
    if (promotion.id.empty() || has_control_character(promotion.id))
        return "the id is empty";
    if (is_blank(promotion.name) || has_control_character(promotion.name))
        return "the name is empty";
    return shape_problem(promotion, names_products);
}

PromotionRows::PromotionRows(Database& db)
    : upsert_(db, "INSERT INTO promotions (" + std::string(promotion_columns) +
                      ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                      " ON CONFLICT (id) DO UPDATE SET name = excluded.name,"
                      " kind = excluded.kind, priority = excluded.priority,"
                      " department = excluded.department,"
                      " buy_quantity = excluded.buy_quantity,"
                      " pay_quantity = excluded.pay_quantity,"
                      " deal_price = excluded.deal_price,"
                      " get_quantity = excluded.get_quantity,"
                      " get_percent_off_ppm = excluded.get_percent_off_ppm,"
                      " percent_off_ppm = excluded.percent_off_ppm,"
                      " starts_at_ms = excluded.starts_at_ms,"
                      " ends_at_ms = excluded.ends_at_ms,"
                      " daily_from_minute = excluded.daily_from_minute,"
                      " daily_to_minute = excluded.daily_to_minute"),
      forget_products_(db, "DELETE FROM promotion_products WHERE promotion_id = ?"),
      insert_product_(db,
                      "INSERT INTO promotion_products (promotion_id, role, position,"
                      " product_code) VALUES (?, ?, ?, ?)"),
      remove_(db, "DELETE FROM promotions WHERE id = ?") {}

void PromotionRows::write(const pos::Promotion& promotion,
                          const std::vector<std::string>& buy_codes,
                          const std::vector<std::string>& get_codes) {
    // The same id replaces the promotion: how head office changes or ends one early.
    {
        auto use = forget_products_.use();
        forget_products_.bind_all(promotion.id).run();
    }
    {
        auto use = upsert_.use();
        upsert_
            .bind_all(promotion.id, promotion.name, promotion_kind_text(promotion.kind),
                      promotion.priority, promotion.department, promotion.buy_quantity,
                      promotion.pay_quantity, promotion.deal_price_minor, promotion.get_quantity,
                      promotion.get_percent_off.ppm, promotion.percent_off.ppm,
                      promotion.starts_at_ms, promotion.ends_at_ms, promotion.daily_from_minute,
                      promotion.daily_to_minute)
            .run();
    }
    const std::pair<std::string_view, const std::vector<std::string>*> roles[] = {
        {"buy", &buy_codes}, {"get", &get_codes}};
    for (const auto& [role, codes] : roles) {
        std::int64_t position = 0;
        for (const std::string& code : *codes) {
            auto use = insert_product_.use();
            insert_product_.bind_all(promotion.id, role, position++, code).run();
        }
    }
}

void PromotionRows::remove(const std::string& id) {
    auto use = remove_.use();
    remove_.bind_all(id).run();  // its products go with it (ON DELETE CASCADE)
}

pos::Status write_promotion(Database& db, const pos::Promotion& promotion) {
    std::string label = "Promotion " + in_quotes(promotion.id);
    if (!is_blank(promotion.name))
        label += " (" + promotion.name + ")";
    const std::string refused = "; it was not added";
    if (auto problem = promotion_problem(promotion, !promotion.product_ids.empty()))
        return pos::bad_input(label + ": " + *problem + refused);
    try {
        Transaction transaction(db);
        // Stored by primary code, as promotions from head office are.
        Statement code_of(db, "SELECT code FROM barcodes WHERE product_id = ? AND is_primary = 1");
        std::vector<std::string> codes[2];
        for (int role = 0; role < 2; ++role) {
            for (const std::int64_t id :
                 role == 0 ? promotion.product_ids : promotion.get_product_ids) {
                auto use = code_of.use();
                code_of.bind_all(id);
                if (!code_of.step()) {
                    return pos::bad_input(label + ": product " + std::to_string(id) +
                                          " is not in the catalogue" + refused);
                }
                codes[role].push_back(code_of.column_text(0));
            }
        }
        PromotionRows(db).write(promotion, codes[0], codes[1]);
        transaction.commit();
    } catch (const std::exception& error) {
        return pos::store_failure(label + " could not be saved (" + error.what() + ")");
    }
    return pos::ok();
}

}  // namespace db
