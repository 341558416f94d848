// The catalogue: products found by code and searched by name at the price in effect, and the
// writes that fill it (tax rates, products with their barcodes, price book entries), each
// checked in full before anything is written.
#include <algorithm>
#include <map>
#include <set>
#include <string>

#include "db/format.hpp"
#include "db/repositories.hpp"
#include "db/sqlite_store.hpp"
#include "db/sync_rows.hpp"
#include "pos/barcode.hpp"

namespace db {

namespace {

// Columns every product read selects, in this order. The price is the price book's latest entry
// in effect at ?1 (a moment, Unix ms), else the product's base price; the book's primary key
// (product_id, effective_from_ms) makes that one index seek.
constexpr std::string_view product_columns =
    "products.id, barcodes.code, products.name, products.department, tax_rates.code, "
    "tax_rates.name, tax_rates.rate_ppm, "
    "coalesce((SELECT prices.unit_price FROM prices WHERE prices.product_id = products.id "
    "AND prices.effective_from_ms <= ?1 ORDER BY prices.effective_from_ms DESC LIMIT 1), "
    "products.unit_price), products.unit";

pos::Product read_product(const Statement& row, const pos::Currency& currency) {
    pos::Product product;
    product.id = row.column_int64(0);
    product.code = row.column_text(1);
    product.name = row.column_text(2);
    product.department = row.column_text(3);
    product.tax = {row.column_text(4), row.column_text(5), pos::Rate{row.column_int64(6)}};
    product.unit_price = pos::Money(row.column_int64(7), currency);
    product.unit = unit_from(row.column_text(8));
    return product;
}

constexpr std::size_t max_search_words = 16;

}  // namespace

std::string fts_prefix_query(std::string_view text) {
    std::string query;
    std::string word;
    std::size_t words = 0;
    auto flush = [&] {
        if (word.empty())
            return;
        if (words < max_search_words) {
            if (!query.empty())
                query += ' ';
            query += '"' + word + "\"*";
            ++words;
        }
        word.clear();
    };
    for (const char c : text) {
        // Letters and digits, and any byte of a multi-byte UTF-8 character (the unicode61
        // tokenizer decides about those). Everything else ends a word and is dropped.
        if (is_ascii_alnum(c) || static_cast<unsigned char>(c) >= 0x80) {
            word += c;
        } else {
            flush();
        }
    }
    flush();
    return query;
}

std::string find_by_code_sql() {
    return "SELECT " + std::string(product_columns) +
           " FROM barcodes AS scanned"
           " JOIN products ON products.id = scanned.product_id"
           " JOIN tax_rates ON tax_rates.code = products.tax_code"
           " JOIN barcodes ON barcodes.product_id = products.id AND barcodes.is_primary = 1"
           " WHERE scanned.code = ?2";
}

namespace {

constexpr int search_window = 200;

class SqliteCatalogue final : public pos::Catalogue {
  public:
    SqliteCatalogue(Database& db, const pos::Currency& currency)
        : currency_(currency),
          by_code_(db, find_by_code_sql()),
          // Ranks only the first search_window matches (in index order): ranking every match of
          // a one-letter prefix in a million names takes seconds, and as-you-type results only
          // need to be good once a few letters narrow them down.
          search_(db, "SELECT " + std::string(product_columns) +
                          " FROM (SELECT rowid AS id, rank AS score FROM product_names"
                          "       WHERE product_names MATCH ?2 LIMIT " +
                          std::to_string(search_window) +
                          ") AS hits"
                          " JOIN products ON products.id = hits.id"
                          " JOIN tax_rates ON tax_rates.code = products.tax_code"
                          " JOIN barcodes ON barcodes.product_id = products.id"
                          " AND barcodes.is_primary = 1"
                          " ORDER BY hits.score, products.name, products.id"
                          " LIMIT ?3") {}

    std::optional<pos::Product> find_by_code(std::string_view code, std::int64_t at_ms) override {
        auto use = by_code_.use();
        by_code_.bind_all(at_ms, code);
        if (!by_code_.step())
            return std::nullopt;
        return read_product(by_code_, currency_);
    }

    std::vector<pos::Product> search(std::string_view text, std::size_t limit,
                                     std::int64_t at_ms) override {
        const std::string query = fts_prefix_query(text);
        if (query.empty() || limit == 0)
            return {};
        const auto rows = static_cast<std::int64_t>(std::min<std::size_t>(limit, 1'000'000));
        auto use = search_.use();
        search_.bind_all(at_ms, query, rows);
        std::vector<pos::Product> found;
        while (search_.step())
            found.push_back(read_product(search_, currency_));
        return found;
    }

  private:
    const pos::Currency& currency_;
    Statement by_code_;
    Statement search_;
};

}  // namespace

std::optional<std::string> barcode_problem(const std::string& code) {
    if (!all_digits(code))
        return "barcode " + in_quotes(code) + " is not all digits";
    if (code.size() > 14)
        return "barcode " + code + " is longer than 14 digits";
    if (pos::is_gtin_length(code.size())) {
        const char expected =
            pos::gtin_check_digit(std::string_view(code).substr(0, code.size() - 1));
        if (code.back() != expected) {
            return "barcode " + code + " has a wrong check digit (the last digit should be " +
                   std::string(1, expected) + ")";
        }
    }
    return std::nullopt;
}

std::unique_ptr<pos::Catalogue> make_catalogue(Database& db, const pos::Currency& currency) {
    return std::make_unique<SqliteCatalogue>(db, currency);
}

pos::Status SqliteStore::add_tax_rate(const pos::TaxRate& rate) {
    const std::string label = "Tax rate " + in_quotes(rate.code);
    if (rate.code.empty() || rate.code.size() > 4 ||
        !std::all_of(rate.code.begin(), rate.code.end(), is_ascii_alnum)) {
        return pos::bad_input(label +
                              ": the code must be 1 to 4 letters or digits; it was not added");
    }
    if (is_blank(rate.name) || has_control_character(rate.name)) {
        return pos::bad_input(label + ": the name is empty; it was not added");
    }
    if (rate.rate.ppm < 0 || rate.rate.ppm > pos::Rate::one) {
        return pos::bad_input(label + ": the rate must be between 0% and 100%; it was not added");
    }
    try {
        Transaction transaction(db_);
        Statement existing(db_, "SELECT name FROM tax_rates WHERE code = ?");
        existing.bind_all(rate.code);
        if (existing.step()) {
            return pos::bad_input(label + " already exists (" + existing.column_text(0) +
                                  "); it was not added again");
        }
        Statement insert(db_, "INSERT INTO tax_rates (code, name, rate_ppm) VALUES (?, ?, ?)");
        insert.bind_all(rate.code, rate.name, rate.rate.ppm).run();
        transaction.commit();
    } catch (const SqliteError& error) {
        return pos::store_failure(label + " could not be saved (" + error.what() + ")");
    }
    return pos::ok();
}

pos::Status SqliteStore::add_products(const std::vector<NewProduct>& products) {
    if (products.empty())
        return pos::ok();
    const auto refuse = [](std::size_t index, const NewProduct& product,
                           const std::string& problem) {
        std::string label = "Product row " + std::to_string(index + 1);
        if (!is_blank(product.name))
            label += " (" + in_quotes(product.name) + ")";
        return pos::bad_input(label + ": " + problem + ". No products were added");
    };
    try {
        Transaction transaction(db_);

        std::set<std::string, std::less<>> tax_codes;
        {
            Statement codes(db_, "SELECT code FROM tax_rates ORDER BY code");
            while (codes.step())
                tax_codes.insert(codes.column_text(0));
        }
        Statement barcode_owner(db_,
                                "SELECT products.name FROM barcodes"
                                " JOIN products ON products.id = barcodes.product_id"
                                " WHERE barcodes.code = ?");
        std::map<std::string_view, std::size_t> batch_codes;  // barcode -> row index

        for (std::size_t i = 0; i < products.size(); ++i) {
            const NewProduct& product = products[i];
            if (is_blank(product.name))
                return refuse(i, product, "the name is empty");
            if (has_control_character(product.name) || has_control_character(product.department)) {
                return refuse(i, product, "the name or department holds a control character");
            }
            if (!tax_codes.contains(product.tax_code)) {
                return refuse(
                    i, product,
                    "tax code " + in_quotes(product.tax_code) + " is not a known tax rate");
            }
            if (product.unit_price_minor < 0) {
                return refuse(i, product,
                              "the price " + format_price(product.unit_price_minor, currency_) +
                                  " is negative");
            }
            if (product.barcodes.empty())
                return refuse(i, product, "it has no barcode");
            for (const std::string& code : product.barcodes) {
                if (auto problem = barcode_problem(code))
                    return refuse(i, product, *problem);
                if (const auto [at, added] = batch_codes.emplace(code, i); !added) {
                    return refuse(i, product,
                                  "barcode " + code + " is a duplicate (row " +
                                      std::to_string(at->second + 1) + " has it too)");
                }
                auto use = barcode_owner.use();
                barcode_owner.bind_all(code);
                if (barcode_owner.step()) {
                    return refuse(i, product,
                                  "barcode " + code + " is a duplicate (" +
                                      in_quotes(barcode_owner.column_text(0)) + " already has it)");
                }
            }
        }

        Statement insert_product(db_,
                                 "INSERT INTO products (name, department, tax_code, unit_price,"
                                 " unit) VALUES (?, ?, ?, ?, ?)");
        Statement insert_barcode(db_,
                                 "INSERT INTO barcodes (code, product_id, is_primary)"
                                 " VALUES (?, ?, ?)");
        for (const NewProduct& product : products) {
            {
                auto use = insert_product.use();
                insert_product
                    .bind_all(product.name, product.department, product.tax_code,
                              product.unit_price_minor, unit_text(product.unit))
                    .run();
            }
            const std::int64_t id = db_.last_insert_rowid();
            bool primary = true;
            for (const std::string& code : product.barcodes) {
                auto use = insert_barcode.use();
                insert_barcode.bind_all(code, id, primary ? 1 : 0).run();
                primary = false;
            }
        }
        transaction.commit();
    } catch (const std::exception& error) {
        return pos::store_failure(std::string("The products could not be saved (") + error.what() +
                                  "); no products were added");
    }
    return pos::ok();
}

pos::Status SqliteStore::add_price(const std::string& product_code, std::int64_t unit_price_minor,
                                   std::int64_t effective_from_ms) {
    return add_prices({{product_code, unit_price_minor, effective_from_ms}});
}

pos::Status SqliteStore::add_prices(const std::vector<NewPrice>& prices) {
    std::string label;
    try {
        Transaction transaction(db_);
        Statement product(db_, "SELECT product_id FROM barcodes WHERE code = ?");
        // A second entry for the same moment corrects the first (a price change re-sent).
        Statement upsert(db_,
                         "INSERT INTO prices (product_id, effective_from_ms, unit_price)"
                         " VALUES (?, ?, ?) ON CONFLICT (product_id, effective_from_ms)"
                         " DO UPDATE SET unit_price = excluded.unit_price");
        const std::string none = prices.size() == 1 ? "it was not added" : "none were added";
        for (const NewPrice& price : prices) {
            label = "The price for " + in_quotes(price.product_code);
            if (price.unit_price_minor < 0) {
                return pos::bad_input(label + " is negative (" +
                                      format_price(price.unit_price_minor, currency_) + "); " +
                                      none);
            }
            auto use = product.use();
            product.bind_all(price.product_code);
            if (!product.step()) {
                return pos::not_found("No product has the code " + in_quotes(price.product_code) +
                                      "; the price was not added" +
                                      (prices.size() == 1 ? "" : " (nor the others)"));
            }
            auto use_upsert = upsert.use();
            upsert
                .bind_all(product.column_int64(0), price.effective_from_ms, price.unit_price_minor)
                .run();
        }
        transaction.commit();
    } catch (const std::exception& error) {
        return pos::store_failure(label + " could not be saved (" + error.what() + ")");
    }
    return pos::ok();
}

}  // namespace db
