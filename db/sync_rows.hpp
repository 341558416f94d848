// Writing head office's reference data into the store, in the caller's transaction, with the
// statements prepared once and reused for every row of a batch. Internal to db/.
#pragma once

#include <functional>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "db/service_rows.hpp"
#include "db/sqlite.hpp"
#include "pos/promotions.hpp"
#include "pos/reference_data.hpp"
#include "pos/tax.hpp"

namespace db {

// catalogue.cpp: what is wrong with a barcode (digits only, 1..14, GTIN check digit), if anything.
std::optional<std::string> barcode_problem(const std::string& code);

// promotions.cpp: what is wrong with a promotion's id, name or shape, if anything.
std::optional<std::string> promotion_problem(const pos::Promotion& promotion, bool names_products);

// promotions.cpp: a promotion stored (replacing the one with its id) with its products by code.
class PromotionRows {
  public:
    explicit PromotionRows(Database& db);
    void write(const pos::Promotion& promotion, const std::vector<std::string>& buy_codes,
               const std::vector<std::string>& get_codes);
    void remove(const std::string& id);

  private:
    Statement upsert_;
    Statement forget_products_;
    Statement insert_product_;
    Statement remove_;
};

// sync_products.cpp: products by code. A product already stored keeps its row id (ticket lines
// and suspended tickets name it); its barcodes and price book entries are replaced.
class ProductRows {
  public:
    explicit ProductRows(Database& db);
    // Reads the tax codes a product may name (after the batch's tax rates were written).
    void load_tax_codes();
    // nullopt when written; otherwise what is wrong with the record (nothing written for it).
    std::optional<std::string> write(const pos::ProductRecord& product);

  private:
    std::optional<std::string> problem(const pos::ProductRecord& product) const;
    std::int64_t stored_id(const std::string& code);

    Database& db_;
    std::set<std::string, std::less<>> tax_codes_;
    Statement find_;
    Statement insert_;
    Statement update_;
    Statement forget_barcodes_;
    Statement insert_barcode_;
    Statement forget_prices_;
    Statement insert_price_;
};

// Thrown (not a std::exception) when SQLite refused a row of a change written without a
// savepoint: the caller rolls the batch back and applies it again with careful = true.
struct ApplyCarefully {};

// sync_apply.cpp: one batch's tax rates and changes, in the caller's transaction. A change this
// terminal refuses (a check fails, or SQLite refuses a row with a constraint) is undone alone and
// recorded in sync_rejections; any other SQLite error is thrown, failing the batch. Checks run
// before writes, so only careful mode (and settings) pay for a savepoint per change.
class ChangeApplier {
  public:
    // check_settings: what makes the settings unreadable after a setting change, if anything.
    ChangeApplier(Database& db, std::function<std::optional<std::string>()> check_settings,
                  std::int64_t now_ms, bool careful);
    // Upserts every good rate (none is removed: products may still name it); a bad one is
    // recorded as a rejected "tax_rate".
    void write_tax_rates(const std::vector<pos::TaxRate>& rates);
    // true when applied; false when refused and recorded.
    bool apply(const pos::ReferenceChange& change);
    std::int64_t rejected() const { return rejected_; }

  private:
    template <typename Write>
    bool isolated(std::string_view kind, const std::string& key, std::int64_t sequence,
                  const std::string& label, Write write);
    std::optional<std::string> write(const pos::ReferenceChange& change);
    std::optional<std::string> write_tax_rate(const pos::TaxRate& rate);
    std::optional<std::string> write_promotion(const pos::ReferenceChange& change);
    std::optional<std::string> write_user(const pos::ReferenceChange& change);
    std::optional<std::string> write_setting(const pos::ReferenceChange& change);
    // customer, interaction, stock_request (the newer updated_at_ms wins), loyalty (once by id).
    std::optional<std::string> write_service(const pos::ReferenceChange& change);

    Database& db_;
    std::function<std::optional<std::string>()> check_settings_;
    std::int64_t now_ms_;
    bool careful_;
    bool had_rejections_;
    std::int64_t rejected_ = 0;
    ProductRows products_;
    PromotionRows promotions_;
    ServiceRows service_;
    Statement savepoint_;
    Statement rollback_to_;
    Statement release_;
    Statement reject_;
    Statement forget_rejection_;
    Statement upsert_tax_;
    Statement release_badge_;
    Statement upsert_user_;
    Statement upsert_setting_;
    Statement delete_setting_;
};

// "product 5012345000039 (change 42)": how a change is named in messages.
std::string describe(const pos::ReferenceChange& change);

}  // namespace db
