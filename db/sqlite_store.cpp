#include "db/sqlite_store.hpp"

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <map>
#include <set>
#include <utility>

#include "db/format.hpp"
#include "db/journal.hpp"
#include "db/migrations.hpp"
#include "db/policy_settings.hpp"
#include "db/repositories.hpp"
#include "pos/barcode.hpp"

namespace db {

namespace {

// Settings keys; the address is one value with a line per address line.
constexpr std::string_view key_store_name = "store_name";
constexpr std::string_view key_address = "address_lines";
constexpr std::string_view key_tax_id = "tax_id";
constexpr std::string_view key_terminal_id = "terminal_id";
constexpr std::string_view key_currency_code = "currency_code";
constexpr std::string_view key_currency_exponent = "currency_exponent";
constexpr std::string_view key_pricing = "pricing_mode";
constexpr std::string_view key_tax_rounding = "tax_rounding";
constexpr std::string_view key_cash_rounding_increment = "cash_rounding_increment";
constexpr std::string_view key_cash_rounding_mode = "cash_rounding_mode";
constexpr std::string_view key_cash_overtender_limit = "cash_overtender_limit";
constexpr std::string_view key_utc_offset_minutes = "utc_offset_minutes";

std::vector<std::string> split_lines(const std::string& text) {
    std::vector<std::string> lines;
    if (text.empty())
        return lines;
    std::size_t start = 0;
    while (true) {
        const std::size_t end = text.find('\n', start);
        lines.push_back(text.substr(start, end - start));
        if (end == std::string::npos)
            break;
        start = end + 1;
    }
    return lines;
}

std::map<std::string, std::string> read_settings(Database& db) {
    Statement query(db, "SELECT key, value FROM settings ORDER BY key");
    std::map<std::string, std::string> values;
    while (query.step())
        values[query.column_text(0)] = query.column_text(1);
    return values;
}

pos::Currency currency_from(const std::map<std::string, std::string>& values) {
    const auto code = values.find(std::string(key_currency_code));
    const auto exponent = values.find(std::string(key_currency_exponent));
    if (code == values.end() || exponent == values.end())
        return {};
    int digits = 0;
    const std::string& text = exponent->second;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), digits);
    if (error != std::errc() || end != text.data() + text.size() || code->second.size() != 3 ||
        digits < 0 || digits > 4) {
        throw pos::StoreFailure("the store's currency setting is damaged: '" + code->second +
                                "' with exponent '" + text + "'");
    }
    return pos::Currency::of(code->second, digits);
}

// A whole-number setting; 0 when absent (a store from before the setting existed).
std::int64_t number_setting(const std::map<std::string, std::string>& values,
                            std::string_view key) {
    const auto found = values.find(std::string(key));
    if (found == values.end())
        return 0;
    const std::string& text = found->second;
    std::int64_t value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size() || text.empty()) {
        throw pos::StoreFailure("the store's setting " + std::string(key) + " is damaged: '" +
                                text + "'");
    }
    return value;
}

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

// ---- Catalogue ----

std::string find_by_code_sql() {
    return "SELECT " + std::string(product_columns) +
           " FROM barcodes AS scanned"
           " JOIN products ON products.id = scanned.product_id"
           " JOIN tax_rates ON tax_rates.code = products.tax_code"
           " JOIN barcodes ON barcodes.product_id = products.id AND barcodes.is_primary = 1"
           " WHERE scanned.code = ?2";
}

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

// ---- Store ----

SqliteStore::SqliteStore(Database db)
    : db_(std::move(db)),
      currency_(currency_from(read_settings(db_))),
      journal_(std::make_unique<JournalWriter>(db_)),
      catalogue_(std::make_unique<SqliteCatalogue>(db_, currency_)),
      sales_(make_sale_store(db_, *journal_)),
      users_(make_user_directory(db_)),
      promotions_(make_promotion_source(db_)),
      events_(make_event_log(db_, *journal_)),
      suspended_(make_suspended_tickets(db_, *journal_)),
      stored_value_(make_stored_value(db_, currency_)),
      archive_(make_ticket_archive(db_, currency_)) {}

SqliteStore::~SqliteStore() = default;

pos::Catalogue& SqliteStore::catalogue() {
    return *catalogue_;
}
pos::SaleStore& SqliteStore::sales() {
    return *sales_;
}
pos::UserDirectory& SqliteStore::users() {
    return *users_;
}
pos::PromotionSource& SqliteStore::promotions() {
    return *promotions_;
}
pos::EventLog& SqliteStore::events() {
    return *events_;
}
pos::SuspendedTickets& SqliteStore::suspended() {
    return *suspended_;
}
pos::StoredValue& SqliteStore::stored_value() {
    return *stored_value_;
}
pos::TicketArchive& SqliteStore::archive() {
    return *archive_;
}

JournalReport SqliteStore::verify_journal() {
    return db::verify_journal(db_);
}

std::int64_t SqliteStore::pending_outbox_count() {
    return db::pending_outbox_count(db_);
}

int SqliteStore::schema_version() {
    return db::schema_version(db_);
}

std::int64_t SqliteStore::product_count() {
    return db_.query_int("SELECT count(*) FROM products", "counting products");
}

std::int64_t SqliteStore::completed_ticket_count() {
    return db_.query_int("SELECT count(*) FROM tickets WHERE state = 'completed'",
                         "counting completed tickets");
}

pos::StoreSettings SqliteStore::settings() {
    const auto values = read_settings(db_);
    auto text = [&](std::string_view key) {
        const auto found = values.find(std::string(key));
        return found == values.end() ? std::string() : found->second;
    };
    pos::StoreSettings settings;
    settings.store_name = text(key_store_name);
    settings.address_lines = split_lines(text(key_address));
    settings.tax_id = text(key_tax_id);
    settings.terminal_id = text(key_terminal_id);
    settings.currency = currency_from(values);
    if (const std::string pricing = text(key_pricing); !pricing.empty()) {
        settings.pricing = pricing_from(pricing);
    }
    if (const std::string rounding = text(key_tax_rounding); !rounding.empty())
        settings.tax_rounding = tax_rounding_from(rounding);
    settings.cash_rounding.increment_minor = number_setting(values, key_cash_rounding_increment);
    if (const std::string mode = text(key_cash_rounding_mode); !mode.empty())
        settings.cash_rounding.mode = rounding_mode_from(mode);
    settings.cash_overtender_limit_minor = number_setting(values, key_cash_overtender_limit);
    settings.utc_offset_minutes = static_cast<int>(number_setting(values, key_utc_offset_minutes));
    read_policy_settings(values, settings);
    return settings;
}

pos::Status SqliteStore::save_settings(const pos::StoreSettings& settings) {
    if (is_blank(settings.store_name) || has_control_character(settings.store_name)) {
        return pos::bad_input("The store name must be a single line of text; nothing was saved");
    }
    for (const std::string& line : settings.address_lines) {
        if (has_control_character(line)) {
            return pos::bad_input("Address line " + in_quotes(line) +
                                  " holds a line break or control character; nothing was saved");
        }
    }
    if (has_control_character(settings.tax_id)) {
        return pos::bad_input("The tax id must be a single line of text; nothing was saved");
    }
    const std::string& terminal = settings.terminal_id;
    if (terminal.empty() || terminal.size() > 16 ||
        !std::all_of(terminal.begin(), terminal.end(), is_ascii_alnum)) {
        return pos::bad_input("Terminal id " + in_quotes(terminal) +
                              " must be 1 to 16 letters or digits (it starts every receipt "
                              "number); nothing was saved");
    }
    if (!valid_currency(settings.currency)) {
        return pos::bad_input(
            "Currency " + in_quotes(currency_text(settings.currency)) + " with exponent " +
            std::to_string(settings.currency.exponent) +
            " is not a 3-letter ISO code with 0 to 4 decimals; nothing was saved");
    }
    if (settings.cash_rounding.increment_minor < 0) {
        return pos::bad_input(
            "The cash rounding step " +
            format_price(settings.cash_rounding.increment_minor, settings.currency) +
            " is negative (0 means no cash rounding); nothing was saved");
    }
    if (settings.cash_overtender_limit_minor < 0) {
        return pos::bad_input(
            "The cash overtender limit " +
            format_price(settings.cash_overtender_limit_minor, settings.currency) +
            " is negative (0 means no limit); nothing was saved");
    }
    if (settings.utc_offset_minutes < -14 * 60 || settings.utc_offset_minutes > 14 * 60) {
        return pos::bad_input("The store's UTC offset of " +
                              std::to_string(settings.utc_offset_minutes) +
                              " minutes is not between -14 and +14 hours; nothing was saved");
    }
    if (auto policy = check_policy_settings(settings); !policy)
        return policy;
    std::string address;
    for (std::size_t i = 0; i < settings.address_lines.size(); ++i) {
        if (i > 0)
            address += '\n';
        address += settings.address_lines[i];
    }
    const std::pair<std::string_view, std::string> rows[] = {
        {key_store_name, settings.store_name},
        {key_address, address},
        {key_tax_id, settings.tax_id},
        {key_terminal_id, settings.terminal_id},
        {key_currency_code, currency_text(settings.currency)},
        {key_currency_exponent, std::to_string(settings.currency.exponent)},
        {key_pricing, std::string(pricing_text(settings.pricing))},
        {key_tax_rounding, std::string(tax_rounding_text(settings.tax_rounding))},
        {key_cash_rounding_increment, std::to_string(settings.cash_rounding.increment_minor)},
        {key_cash_rounding_mode, std::string(rounding_mode_text(settings.cash_rounding.mode))},
        {key_cash_overtender_limit, std::to_string(settings.cash_overtender_limit_minor)},
        {key_utc_offset_minutes, std::to_string(settings.utc_offset_minutes)},
    };
    try {
        Transaction transaction(db_);
        Statement upsert(db_,
                         "INSERT INTO settings (key, value) VALUES (?, ?)"
                         " ON CONFLICT (key) DO UPDATE SET value = excluded.value");
        for (const auto& [key, value] : rows) {
            auto use = upsert.use();
            upsert.bind_all(key, value).run();
        }
        for (const auto& [key, value] : policy_setting_rows(settings)) {
            auto use = upsert.use();
            upsert.bind_all(key, value).run();
        }
        transaction.commit();
    } catch (const SqliteError& error) {
        return pos::store_failure(std::string("The settings could not be saved (") + error.what() +
                                  "); nothing was changed");
    }
    currency_ = settings.currency;
    return pos::ok();
}

std::optional<pos::Ticket> SqliteStore::find_ticket(const std::string& receipt_number) {
    return read_completed_ticket(db_, receipt_number);
}

std::vector<StockMovement> SqliteStore::stock_movements(const std::string& ticket_id) {
    return read_stock_movements(db_, ticket_id);
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
                if (!all_digits(code)) {
                    return refuse(i, product, "barcode " + in_quotes(code) + " is not all digits");
                }
                if (code.size() > 14) {
                    return refuse(i, product, "barcode " + code + " is longer than 14 digits");
                }
                if (pos::is_gtin_length(code.size())) {
                    const char expected =
                        pos::gtin_check_digit(std::string_view(code).substr(0, code.size() - 1));
                    if (code.back() != expected) {
                        return refuse(i, product,
                                      "barcode " + code +
                                          " has a wrong check digit (the last "
                                          "digit should be " +
                                          std::string(1, expected) + ")");
                    }
                }
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

pos::Status SqliteStore::add_promotion(const pos::Promotion& promotion) {
    auto written = write_promotion(db_, promotion);
    promotions_->forget();
    return written;
}

pos::Status SqliteStore::issue_stored_value(pos::PaymentMethod kind, const std::string& account,
                                            std::int64_t amount_minor, std::int64_t at_ms) {
    if (!is_stored_value(kind)) {
        return pos::bad_input("Only a gift card or store credit account can be issued, not " +
                              std::string(method_text(kind)));
    }
    const std::string label = stored_value_label(kind) + " ending " + last4(account);
    if (account.size() < 4 || account.size() > 32 ||
        !std::all_of(account.begin(), account.end(), is_ascii_alnum)) {
        return pos::bad_input(stored_value_label(kind) +
                              " numbers are 4 to 32 letters or digits; nothing was issued");
    }
    if (amount_minor <= 0) {
        return pos::bad_input(label + ": the amount issued must be more than 0 (it was " +
                              format_price(amount_minor, currency_) + "); nothing was issued");
    }
    try {
        Transaction transaction(db_);
        Statement open_account(db_,
                               "INSERT INTO stored_value_accounts (kind, account, opened_at_ms)"
                               " VALUES (?, ?, ?) ON CONFLICT (kind, account) DO NOTHING");
        open_account.bind_all(method_text(kind), account, at_ms).run();
        Statement issue(db_,
                        "INSERT INTO stored_value_ledger (account_id, amount, reason, at_ms)"
                        " SELECT id, ?, 'issue', ? FROM stored_value_accounts"
                        " WHERE kind = ? AND account = ?");
        issue.bind_all(amount_minor, at_ms, method_text(kind), account).run();
        transaction.commit();
    } catch (const std::exception& error) {
        return pos::store_failure(label + " could not be issued (" + error.what() +
                                  "); nothing was written");
    }
    return pos::ok();
}

// ---- opening ----

pos::Result<std::unique_ptr<SqliteStore>> open_sqlite_store(const std::filesystem::path& file) {
    try {
        Database db = Database::open(file);
        if (auto checked = check_openable(db); !checked)
            return checked.error();
        configure_connection(db);
        if (auto migrated = migrate(db); !migrated)
            return migrated.error();
        return std::make_unique<SqliteStore>(std::move(db));
    } catch (const std::exception& error) {
        return pos::store_failure(file.string() + ": the store could not be opened (" +
                                  error.what() + ")");
    }
}

pos::Result<std::unique_ptr<Store>> open_store(const std::filesystem::path& file) {
    auto opened = open_sqlite_store(file);
    if (!opened)
        return opened.error();
    return std::unique_ptr<Store>(std::move(opened).value());
}

}  // namespace db
