// ProductLookup over SQLite: a product by any of its codes, and search as you type by name words
// (the catalogue's FTS), brand start and code start, each an index range, so it stays fast on a
// million products. What sold together is counted by complete_sale (sale_service.cpp).
#include <algorithm>
#include <cctype>
#include <set>

#include "db/service_repositories.hpp"
#include "db/sqlite_store.hpp"
#include "pos/barcode.hpp"

namespace db {

namespace {

// ':' sorts right after '9': every code starting with the digits is in [digits, digits + ':').
constexpr std::string_view code_start_sql =
    "SELECT product_id FROM barcodes WHERE code >= ?1 AND code < ?1 || ':'"
    " ORDER BY code LIMIT ?2";
// Byte 0xFF never occurs in UTF-8 text: [start, start + x'ff') holds every brand beginning so.
constexpr std::string_view brand_start_sql =
    "SELECT id FROM products WHERE brand <> '' AND brand COLLATE NOCASE >= ?1"
    " AND brand COLLATE NOCASE < ?1 || x'ff' ORDER BY brand COLLATE NOCASE, id LIMIT ?2";
constexpr std::string_view bought_together_sql =
    "SELECT product_id, other_id, times FROM bought_together WHERE product_id = ?"
    " ORDER BY times DESC, other_id LIMIT ?";

std::string trimmed(std::string_view text) {
    const auto first = text.find_first_not_of(" \t");
    if (first == std::string_view::npos)
        return {};
    const auto last = text.find_last_not_of(" \t");
    return std::string(text.substr(first, last - first + 1));
}

bool digits_only(std::string_view text) {
    return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) {
        return std::isdigit(static_cast<unsigned char>(c));
    });
}

class SqliteProductLookup final : public ProductLookup {
  public:
    SqliteProductLookup(Database& db, pos::Catalogue& catalogue)
        : catalogue_(catalogue),
          code_start_(db, code_start_sql),
          brand_start_(db, brand_start_sql),
          bought_together_(db, bought_together_sql),
          primary_code_(db, "SELECT code FROM barcodes WHERE product_id = ? AND is_primary = 1"),
          details_(db,
                   "SELECT products.brand, barcodes.code FROM products"
                   " JOIN barcodes ON barcodes.product_id = products.id"
                   " WHERE products.id = ? ORDER BY barcodes.is_primary DESC, barcodes.code") {}

    std::optional<LookupProduct> find(std::string_view code, std::int64_t at_ms) override {
        std::string typed = trimmed(code);
        if (auto normalised = pos::normalise_scanned_code(typed))
            typed = normalised.value();
        if (typed.empty())
            return std::nullopt;
        auto product = catalogue_.find_by_code(typed, at_ms);
        if (!product)
            return std::nullopt;
        return decorated(std::move(*product));
    }

    std::vector<LookupProduct> search(std::string_view text, std::size_t limit,
                                      std::int64_t at_ms) override {
        const std::string typed = trimmed(text);
        std::vector<LookupProduct> found;
        if (typed.empty() || limit == 0)
            return found;
        std::set<std::int64_t> seen;
        const auto add = [&](std::optional<pos::Product> product) {
            if (product && found.size() < limit && seen.insert(product->id).second)
                found.push_back(decorated(std::move(*product)));
        };
        const auto bound = static_cast<std::int64_t>(limit);
        if (digits_only(typed)) {
            // A product scans as several codes: read more rows than products wanted.
            for (const std::int64_t id : ids(code_start_, typed, bound * 4))
                add(product_by_id(id, at_ms));
        }
        for (const std::int64_t id : ids(brand_start_, typed, bound))
            add(product_by_id(id, at_ms));
        if (found.size() < limit) {
            for (pos::Product& product : catalogue_.search(typed, limit, at_ms))
                add(std::move(product));
        }
        return found;
    }

    std::vector<pos::BoughtTogether> bought_together(const std::vector<std::int64_t>& product_ids,
                                                     std::size_t limit_per_product) override {
        std::vector<pos::BoughtTogether> counts;
        for (const std::int64_t id : product_ids) {
            auto use = bought_together_.use();
            bought_together_.bind_all(id, static_cast<std::int64_t>(limit_per_product));
            while (bought_together_.step()) {
                counts.push_back({bought_together_.column_int64(0),
                                  bought_together_.column_int64(1),
                                  bought_together_.column_int64(2)});
            }
        }
        return counts;
    }

    std::optional<pos::Product> product_by_id(std::int64_t product_id,
                                              std::int64_t at_ms) override {
        std::string code;
        {
            auto use = primary_code_.use();
            primary_code_.bind_all(product_id);
            if (!primary_code_.step())
                return std::nullopt;
            code = primary_code_.column_text(0);
        }
        return catalogue_.find_by_code(code, at_ms);
    }

  private:
    static std::vector<std::int64_t> ids(Statement& query, const std::string& text,
                                         std::int64_t limit) {
        std::vector<std::int64_t> found;
        auto use = query.use();
        query.bind_all(text, limit);
        while (query.step())
            found.push_back(query.column_int64(0));
        return found;
    }

    LookupProduct decorated(pos::Product product) {
        LookupProduct found{std::move(product), {}, {}};
        auto use = details_.use();
        details_.bind_all(found.product.id);
        while (details_.step()) {
            found.brand = details_.column_text(0);
            found.barcodes.push_back(details_.column_text(1));
        }
        return found;
    }

    pos::Catalogue& catalogue_;
    Statement code_start_;
    Statement brand_start_;
    Statement bought_together_;
    Statement primary_code_;
    Statement details_;
};

}  // namespace

std::unique_ptr<ProductLookup> make_product_lookup(Database& db, pos::Catalogue& catalogue) {
    return std::make_unique<SqliteProductLookup>(db, catalogue);
}

std::vector<std::string> lookup_search_sql() {
    return {std::string(code_start_sql), std::string(brand_start_sql),
            std::string(bought_together_sql)};
}

}  // namespace db
