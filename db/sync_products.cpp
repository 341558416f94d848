// Products from head office, matched by code: a product already stored keeps its row id (ticket
// lines and suspended tickets name it), its barcodes and price book entries are replaced.
#include <set>

#include "db/format.hpp"
#include "db/sync_rows.hpp"

namespace db {

ProductRows::ProductRows(Database& db)
    : db_(db),
      find_(db, "SELECT product_id FROM barcodes WHERE code = ? AND is_primary = 1"),
      insert_(db,
              "INSERT INTO products (name, department, tax_code, unit_price, unit, brand)"
              " VALUES (?, ?, ?, ?, ?, ?)"),
      // Unchanged rows are not written, so a full resync does not churn the search index.
      update_(db,
              "UPDATE products SET name = ?2, department = ?3, tax_code = ?4, unit_price = ?5,"
              " unit = ?6, brand = ?7 WHERE id = ?1 AND (name IS NOT ?2 OR department IS NOT ?3"
              " OR tax_code IS NOT ?4 OR unit_price IS NOT ?5 OR unit IS NOT ?6"
              " OR brand IS NOT ?7)"),
      forget_barcodes_(db, "DELETE FROM barcodes WHERE product_id = ?"),
      // A code another product had moves to this one: head office's catalogue is the truth.
      insert_barcode_(db,
                      "INSERT INTO barcodes (code, product_id, is_primary) VALUES (?, ?, ?)"
                      " ON CONFLICT (code) DO UPDATE SET product_id = excluded.product_id,"
                      " is_primary = excluded.is_primary"),
      forget_prices_(db, "DELETE FROM prices WHERE product_id = ?"),
      insert_price_(db,
                    "INSERT INTO prices (product_id, effective_from_ms, unit_price)"
                    " VALUES (?, ?, ?) ON CONFLICT (product_id, effective_from_ms)"
                    " DO UPDATE SET unit_price = excluded.unit_price") {}

void ProductRows::load_tax_codes() {
    tax_codes_.clear();
    Statement codes(db_, "SELECT code FROM tax_rates");
    while (codes.step())
        tax_codes_.insert(codes.column_text(0));
}

std::optional<std::string> ProductRows::problem(const pos::ProductRecord& product) const {
    if (auto bad = barcode_problem(product.code))
        return "its code: " + *bad;
    if (!product.barcodes.empty() && product.barcodes.front() != product.code) {
        return "its first barcode " + in_quotes(product.barcodes.front()) + " is not its code " +
               in_quotes(product.code);
    }
    std::set<std::string_view> seen;
    for (const std::string& code : product.barcodes) {
        if (auto bad = barcode_problem(code))
            return *bad;
        if (!seen.insert(code).second)
            return "barcode " + code + " is listed twice";
    }
    if (is_blank(product.name) || has_control_character(product.name))
        return "the name is empty or holds a control character";
    if (has_control_character(product.department) || has_control_character(product.brand))
        return "the department or brand holds a control character";
    if (!tax_codes_.contains(product.tax_code))
        return "tax code " + in_quotes(product.tax_code) + " is not a known tax rate";
    if (product.unit_price_minor < 0)
        return "the price is negative";
    for (const pos::PriceEntry& price : product.prices) {
        if (price.unit_price_minor < 0)
            return "a price book entry is negative";
    }
    return std::nullopt;
}

std::int64_t ProductRows::stored_id(const std::string& code) {
    auto use = find_.use();
    find_.bind_all(code);
    return find_.step() ? find_.column_int64(0) : 0;
}

std::optional<std::string> ProductRows::write(const pos::ProductRecord& product) {
    if (auto bad = problem(product))
        return bad;
    const std::string_view unit = unit_text(product.unit);
    std::int64_t id = stored_id(product.code);
    const bool known = id != 0;
    if (known) {
        auto use = update_.use();
        update_
            .bind_all(id, product.name, product.department, product.tax_code,
                      product.unit_price_minor, unit, product.brand)
            .run();
        auto forget_codes = forget_barcodes_.use();
        forget_barcodes_.bind_all(id).run();
        auto forget_book = forget_prices_.use();
        forget_prices_.bind_all(id).run();
    } else {
        auto use = insert_.use();
        insert_
            .bind_all(product.name, product.department, product.tax_code, product.unit_price_minor,
                      unit, product.brand)
            .run();
        id = db_.last_insert_rowid();
    }
    const auto add_barcode = [&](const std::string& code, bool primary) {
        auto use = insert_barcode_.use();
        insert_barcode_.bind_all(code, id, primary ? 1 : 0).run();
    };
    add_barcode(product.code, true);
    for (std::size_t i = 1; i < product.barcodes.size(); ++i)
        add_barcode(product.barcodes[i], false);
    for (const pos::PriceEntry& price : product.prices) {
        auto use = insert_price_.use();
        insert_price_.bind_all(id, price.effective_from_ms, price.unit_price_minor).run();
    }
    return std::nullopt;
}

}  // namespace db
