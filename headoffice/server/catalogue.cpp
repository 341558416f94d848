// The chain's reference data: tax rates, products with their barcodes and price book,
// promotions, settings; and the CSV imports. Every write of something terminals hold writes its
// change-log row in the same transaction.
#include <algorithm>
#include <cctype>
#include <optional>
#include <set>

#include "headoffice/server/csv_import.hpp"
#include "headoffice/server/head_office.hpp"
#include "headoffice/server/internal.hpp"
#include "pos/barcode.hpp"

namespace headoffice {

namespace {

bool all_digits(const std::string& text, std::size_t longest) {
    return !text.empty() && text.size() <= longest &&
           std::all_of(text.begin(), text.end(),
                       [](char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; });
}

// Terminals refuse a GTIN-8/12/13/14 with a wrong check digit (db::barcode_problem): so does
// head office, or one such product would be refused by every terminal's download.
std::optional<std::string> check_digit_problem(const std::string& code) {
    if (!pos::is_gtin_length(code.size()))
        return std::nullopt;
    const char expected = pos::gtin_check_digit(std::string_view(code).substr(0, code.size() - 1));
    if (code.back() == expected)
        return std::nullopt;
    return "barcode " + code + " has a wrong check digit (the last digit should be " +
           std::string(1, expected) + ")";
}

// Barcodes with the primary code first, each once.
std::vector<std::string> barcodes_of(const pos::ProductRecord& product) {
    std::vector<std::string> barcodes{product.code};
    for (const std::string& barcode : product.barcodes) {
        if (std::find(barcodes.begin(), barcodes.end(), barcode) == barcodes.end())
            barcodes.push_back(barcode);
    }
    return barcodes;
}

// Why the product cannot be stored, or nothing. `taken` holds barcodes of earlier rows.
std::optional<std::string> product_problem(sql::Connection& connection,
                                           const pos::ProductRecord& product,
                                           std::set<std::string>& taken) {
    if (!all_digits(product.code, 14))
        return "product code '" + product.code + "' is not 1 to 14 digits";
    if (product.name.empty())
        return "product " + product.code + " has no name";
    if (product.unit_price_minor < 0)
        return "product " + product.code + " has a negative price";
    if (connection.query("SELECT code FROM tax_rates WHERE code = $1", {product.tax_code}).empty())
        return "product " + product.code + " names tax code '" + product.tax_code +
               "', which head office does not have";
    for (const pos::PriceEntry& price : product.prices) {
        if (price.unit_price_minor < 0)
            return "product " + product.code + " has a negative price book entry";
    }
    for (const std::string& barcode : barcodes_of(product)) {
        if (!all_digits(barcode, 14))
            return "barcode '" + barcode + "' of product " + product.code +
                   " is not 1 to 14 digits";
        if (auto wrong = check_digit_problem(barcode))
            return *wrong;
        if (!taken.insert(barcode).second)
            return "barcode " + barcode + " appears on two products of this import";
        const auto owner = connection.query(
            "SELECT product_code FROM product_barcodes WHERE barcode = $1 AND product_code <> $2",
            {barcode, product.code});
        if (!owner.empty())
            return "barcode " + barcode + " already belongs to product " + owner.front().text(0);
    }
    return std::nullopt;
}

void store_product(sql::Connection& connection, const pos::ProductRecord& product) {
    connection.execute(
        "INSERT INTO products (code, name, department, brand, tax_code, unit_price_minor, unit)"
        " VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (code) DO UPDATE SET"
        " name = excluded.name, department = excluded.department, brand = excluded.brand,"
        " tax_code = excluded.tax_code, unit_price_minor = excluded.unit_price_minor,"
        " unit = excluded.unit",
        {product.code, product.name, product.department, product.brand, product.tax_code,
         product.unit_price_minor, std::string(pos::to_string(product.unit))});
    connection.execute("DELETE FROM product_barcodes WHERE product_code = $1", {product.code});
    std::int64_t ordinal = 0;
    for (const std::string& barcode : barcodes_of(product))
        connection.execute(
            "INSERT INTO product_barcodes (barcode, product_code, ordinal) VALUES ($1, $2, $3)",
            {barcode, product.code, ordinal++});
    for (const pos::PriceEntry& price : product.prices)
        connection.execute(
            "INSERT INTO product_prices (product_code, effective_from_ms, unit_price_minor)"
            " VALUES ($1, $2, $3) ON CONFLICT (product_code, effective_from_ms) DO UPDATE"
            " SET unit_price_minor = excluded.unit_price_minor",
            {product.code, price.effective_from_ms, price.unit_price_minor});
}

// After every row is written: the change-log counter is the last lock each writer takes, so
// writers never wait on each other in a circle.
void log_products(sql::Connection& connection, const std::vector<pos::ProductRecord>& products) {
    for (const pos::ProductRecord& product : products)
        detail::write_change(connection, "product", product.code, "", false,
                             detail::read_product(connection, product.code));
}

std::vector<pos::ProductRecord> in_code_order(std::vector<pos::ProductRecord> products) {
    std::stable_sort(products.begin(), products.end(),
                     [](const auto& a, const auto& b) { return a.code < b.code; });
    return products;
}

}  // namespace

pos::Status HeadOffice::add_tax_rate(const pos::TaxRate& rate) {
    if (rate.code.empty() || rate.name.empty())
        return pos::bad_input("A tax rate needs a code and a name");
    if (rate.rate.ppm < 0)
        return pos::bad_input("Tax rate " + rate.code + " cannot be negative");
    return detail::guarded<pos::Done>("Saving tax rate " + rate.code, [&]() -> pos::Status {
        auto connection = pool_.acquire();
        sql::Transaction transaction(*connection);
        connection->execute(
            "INSERT INTO tax_rates (code, name, rate_ppm) VALUES ($1, $2, $3)"
            " ON CONFLICT (code) DO UPDATE SET name = excluded.name, rate_ppm = excluded.rate_ppm",
            {rate.code, rate.name, rate.rate.ppm});
        transaction.commit();
        return pos::ok();
    });
}

pos::Status HeadOffice::add_products(const std::vector<pos::ProductRecord>& products) {
    return detail::guarded<pos::Done>("Saving products", [&]() -> pos::Status {
        auto connection = pool_.acquire();
        sql::Transaction transaction(*connection);
        std::set<std::string> taken;
        for (std::size_t i = 0; i < products.size(); ++i) {
            if (auto problem = product_problem(*connection, products[i], taken))
                return pos::bad_input("Product " + std::to_string(i + 1) + ": " + *problem +
                                      "; nothing was saved");
        }
        const auto ordered = in_code_order(products);
        for (const pos::ProductRecord& product : ordered)
            store_product(*connection, product);
        log_products(*connection, ordered);
        transaction.commit();
        return pos::ok();
    });
}

pos::Status HeadOffice::add_promotion(const pos::PromotionRecord& promotion) {
    if (promotion.promotion.id.empty() || promotion.promotion.name.empty())
        return pos::bad_input("A promotion needs an id and a name");
    return detail::guarded<pos::Done>(
        "Saving promotion " + promotion.promotion.id, [&]() -> pos::Status {
            auto connection = pool_.acquire();
            sql::Transaction transaction(*connection);
            connection->execute(
                "INSERT INTO promotions (id, data) VALUES ($1, $2)"
                " ON CONFLICT (id) DO UPDATE SET data = excluded.data",
                {promotion.promotion.id, encode_record(promotion)});
            detail::write_change(*connection, "promotion", promotion.promotion.id, "", false,
                                 promotion);
            transaction.commit();
            return pos::ok();
        });
}

pos::Status HeadOffice::set_store_setting(const std::string& store_code,
                                          const pos::SettingRecord& setting) {
    if (setting.key.empty())
        return pos::bad_input("A setting needs a key");
    if (setting.key == "store_code" || setting.key == "terminal_id")
        return pos::bad_input("The setting " + setting.key +
                              " belongs to each terminal and is not sent from head office");
    return detail::guarded<pos::Done>("Saving setting " + setting.key, [&]() -> pos::Status {
        auto connection = pool_.acquire();
        sql::Transaction transaction(*connection);
        if (!store_code.empty() &&
            connection->query("SELECT code FROM stores WHERE code = $1", {store_code}).empty())
            return pos::not_found("There is no store " + store_code);
        connection->execute(
            "INSERT INTO settings (scope, key, value) VALUES ($1, $2, $3)"
            " ON CONFLICT (scope, key) DO UPDATE SET value = excluded.value",
            {store_code, setting.key, setting.value});
        detail::write_change(*connection, "setting", setting.key, store_code, false, setting);
        transaction.commit();
        return pos::ok();
    });
}

pos::Result<ImportReport> HeadOffice::import_catalogue_csv(const std::string& csv_text) {
    return detail::guarded<ImportReport>(
        "Importing the catalogue", [&]() -> pos::Result<ImportReport> {
            auto connection = pool_.acquire();
            ParsedCatalogue parsed =
                parse_catalogue_csv(csv_text, detail::chain_exponent(*connection));
            ImportReport report;
            report.rejected = std::move(parsed.rejected);
            sql::Transaction transaction(*connection);
            std::set<std::string> taken;
            std::vector<pos::ProductRecord> good;
            for (std::size_t i = 0; i < parsed.products.size(); ++i) {
                const std::int64_t line = i < parsed.lines.size() ? parsed.lines[i] : 0;
                if (auto problem = product_problem(*connection, parsed.products[i], taken))
                    report.rejected.push_back({line, *problem});
                else
                    good.push_back(std::move(parsed.products[i]));
            }
            const auto ordered = in_code_order(good);
            for (const pos::ProductRecord& product : ordered)
                store_product(*connection, product);
            log_products(*connection, ordered);
            transaction.commit();
            report.accepted = static_cast<std::int64_t>(good.size());
            std::sort(report.rejected.begin(), report.rejected.end(),
                      [](const RejectedRow& a, const RejectedRow& b) { return a.line < b.line; });
            return report;
        });
}

pos::Result<ImportReport> HeadOffice::import_prices_csv(const std::string& csv_text) {
    return detail::guarded<ImportReport>("Importing prices", [&]() -> pos::Result<ImportReport> {
        auto connection = pool_.acquire();
        ParsedPrices parsed = parse_prices_csv(csv_text, detail::chain_exponent(*connection));
        ImportReport report;
        report.rejected = std::move(parsed.rejected);
        sql::Transaction transaction(*connection);
        std::set<std::string> changed;
        for (std::size_t i = 0; i < parsed.prices.size(); ++i) {
            const pos::PriceRecord& price = parsed.prices[i];
            const std::int64_t line = i < parsed.lines.size() ? parsed.lines[i] : 0;
            if (connection->query("SELECT code FROM products WHERE code = $1", {price.product_code})
                    .empty()) {
                report.rejected.push_back(
                    {line, "head office has no product " + price.product_code});
                continue;
            }
            connection->execute(
                "INSERT INTO product_prices (product_code, effective_from_ms, unit_price_minor)"
                " VALUES ($1, $2, $3) ON CONFLICT (product_code, effective_from_ms) DO UPDATE"
                " SET unit_price_minor = excluded.unit_price_minor",
                {price.product_code, price.effective_from_ms, price.unit_price_minor});
            changed.insert(price.product_code);
            ++report.accepted;
        }
        for (const std::string& code : changed)  // a std::set: in code order
            detail::write_change(*connection, "product", code, "", false,
                                 detail::read_product(*connection, code));
        transaction.commit();
        std::sort(report.rejected.begin(), report.rejected.end(),
                  [](const RejectedRow& a, const RejectedRow& b) { return a.line < b.line; });
        return report;
    });
}

}  // namespace headoffice
