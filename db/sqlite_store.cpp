#include "db/sqlite_store.hpp"

#include <algorithm>
#include <charconv>
#include <functional>
#include <limits>
#include <map>
#include <utility>

#include "db/format.hpp"
#include "db/journal.hpp"
#include "db/migrations.hpp"
#include "db/policy_settings.hpp"
#include "db/repositories.hpp"

namespace db {

namespace {

// Settings keys; the address is one value with a line per address line.
constexpr std::string_view key_store_name = "store_name";
constexpr std::string_view key_address = "address_lines";
constexpr std::string_view key_tax_id = "tax_id";
constexpr std::string_view key_receipt_header = "receipt_header";
constexpr std::string_view key_receipt_footer = "receipt_footer";
constexpr std::string_view key_receipt_logo = "receipt_logo";
constexpr std::string_view key_terminal_id = "terminal_id";
constexpr std::string_view key_currency_code = "currency_code";
constexpr std::string_view key_currency_exponent = "currency_exponent";
constexpr std::string_view key_pricing = "pricing_mode";
constexpr std::string_view key_tax_rounding = "tax_rounding";
constexpr std::string_view key_cash_rounding_increment = "cash_rounding_increment";
constexpr std::string_view key_cash_rounding_mode = "cash_rounding_mode";
constexpr std::string_view key_cash_overtender_limit = "cash_overtender_limit";
constexpr std::string_view key_utc_offset_minutes = "utc_offset_minutes";

constexpr std::int64_t max_utc_offset = 14 * 60;  // minutes
constexpr std::int64_t max_setting = std::numeric_limits<std::int64_t>::max();

// One settings value with a line per entry (the address, receipt header and footer).
std::string join_lines(const std::vector<std::string>& lines) {
    std::string text;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        if (i > 0)
            text += '\n';
        text += lines[i];
    }
    return text;
}

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

SettingValues read_settings(Database& db) {
    Statement query(db, "SELECT key, value FROM settings ORDER BY key");
    SettingValues values;
    while (query.step())
        values[query.column_text(0)] = query.column_text(1);
    return values;
}

pos::Currency currency_from(const SettingValues& values) {
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

// The catalogue and balances, with the store's currency brought up to date before each read.
class CurrencyFollowingCatalogue final : public pos::Catalogue {
  public:
    CurrencyFollowingCatalogue(std::unique_ptr<pos::Catalogue> inner, std::function<void()> follow)
        : inner_(std::move(inner)), follow_(std::move(follow)) {}
    std::optional<pos::Product> find_by_code(std::string_view code, std::int64_t at_ms) override {
        follow_();
        return inner_->find_by_code(code, at_ms);
    }
    std::vector<pos::Product> search(std::string_view text, std::size_t limit,
                                     std::int64_t at_ms) override {
        follow_();
        return inner_->search(text, limit, at_ms);
    }

  private:
    std::unique_ptr<pos::Catalogue> inner_;
    std::function<void()> follow_;
};

class CurrencyFollowingStoredValue final : public pos::StoredValue {
  public:
    CurrencyFollowingStoredValue(std::unique_ptr<pos::StoredValue> inner,
                                 std::function<void()> follow)
        : inner_(std::move(inner)), follow_(std::move(follow)) {}
    std::optional<pos::Money> balance(pos::PaymentMethod kind, std::string_view account) override {
        follow_();
        return inner_->balance(kind, account);
    }
    std::int64_t points_balance(const std::string& customer_id) override {
        return inner_->points_balance(customer_id);
    }
    std::optional<pos::Money> deposit_held(std::string_view order_number) override {
        follow_();
        return inner_->deposit_held(order_number);
    }

  private:
    std::unique_ptr<pos::StoredValue> inner_;
    std::function<void()> follow_;
};

}  // namespace

// ---- Store ----

SqliteStore::SqliteStore(Database db)
    : db_(std::move(db)),
      currency_(currency_from(read_settings(db_))),
      data_version_(db_, "PRAGMA data_version"),
      journal_(std::make_unique<JournalWriter>(db_)),
      catalogue_(std::make_unique<CurrencyFollowingCatalogue>(make_catalogue(db_, currency_),
                                                              [this] { follow_currency(); })),
      sales_(make_sale_store(db_, *journal_)),
      users_(make_user_directory(db_)),
      promotions_(make_promotion_source(db_)),
      events_(make_event_log(db_, *journal_)),
      suspended_(make_suspended_tickets(db_, *journal_)),
      stored_value_(std::make_unique<CurrencyFollowingStoredValue>(
          make_stored_value(db_, currency_), [this] { follow_currency(); })),
      archive_(make_ticket_archive(db_, currency_)),
      print_jobs_(make_print_jobs(db_)),
      sync_(make_sync_store(db_, {[this] { stored_settings(); },
                                  [this] {
                                      promotions_->forget();
                                      // This connection's commits do not move
                                      // data_version: reread now.
                                      seen_data_version_ = -1;
                                      follow_currency();
                                  }})) {}

SqliteStore::~SqliteStore() = default;

void SqliteStore::follow_currency() {
    std::int64_t version = 0;
    {
        auto use = data_version_.use();
        data_version_.step();
        version = data_version_.column_int64(0);
    }
    if (version == seen_data_version_)
        return;
    seen_data_version_ = version;
    try {
        currency_ = currency_from(read_settings(db_));
    } catch (const pos::StoreFailure&) {
        // A damaged currency setting: keep selling in the one read before; settings() reports it.
    }
}

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
PrintJobs& SqliteStore::print_jobs() {
    return *print_jobs_;
}
SyncStore& SqliteStore::sync() {
    return *sync_;
}

DeviceSettings SqliteStore::device_settings() {
    return read_device_settings(db_);
}

pos::Status SqliteStore::save_device_settings(const DeviceSettings& settings) {
    return write_device_settings(db_, settings);
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
    pos::StoreSettings settings = stored_settings();
    currency_ = settings.currency;  // perhaps changed by the sync thread's connection
    return settings;
}

pos::StoreSettings SqliteStore::stored_settings() {
    const auto values = read_settings(db_);
    auto text = [&](std::string_view key) {
        const auto found = values.find(std::string(key));
        return found == values.end() ? std::string() : found->second;
    };
    pos::StoreSettings settings;
    settings.store_name = text(key_store_name);
    settings.address_lines = split_lines(text(key_address));
    settings.tax_id = text(key_tax_id);
    settings.receipt_header = split_lines(text(key_receipt_header));
    settings.receipt_footer = split_lines(text(key_receipt_footer));
    settings.receipt_logo = text(key_receipt_logo);
    settings.terminal_id = text(key_terminal_id);
    settings.currency = currency_from(values);
    if (const std::string pricing = text(key_pricing); !pricing.empty()) {
        settings.pricing = pricing_from(pricing);
    }
    if (const std::string rounding = text(key_tax_rounding); !rounding.empty())
        settings.tax_rounding = tax_rounding_from(rounding);
    settings.cash_rounding.increment_minor =
        number_setting(values, key_cash_rounding_increment, 0, 0, max_setting);
    if (const std::string mode = text(key_cash_rounding_mode); !mode.empty())
        settings.cash_rounding.mode = rounding_mode_from(mode);
    settings.cash_overtender_limit_minor =
        number_setting(values, key_cash_overtender_limit, 0, 0, max_setting);
    settings.utc_offset_minutes = static_cast<int>(
        number_setting(values, key_utc_offset_minutes, 0, -max_utc_offset, max_utc_offset));
    read_policy_settings(values, settings);
    return settings;
}

pos::Status SqliteStore::save_settings(const pos::StoreSettings& settings) {
    if (is_blank(settings.store_name) || has_control_character(settings.store_name)) {
        return pos::bad_input("The store name must be a single line of text; nothing was saved");
    }
    const std::pair<std::string_view, const std::vector<std::string>*> multi_line[] = {
        {"Address line", &settings.address_lines},
        {"Receipt header line", &settings.receipt_header},
        {"Receipt footer line", &settings.receipt_footer}};
    for (const auto& [what, lines] : multi_line) {
        for (const std::string& line : *lines) {
            if (has_control_character(line)) {
                return pos::bad_input(std::string(what) + " " + in_quotes(line) +
                                      " holds a line break or control character; nothing was "
                                      "saved");
            }
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
    if (settings.utc_offset_minutes < -max_utc_offset ||
        settings.utc_offset_minutes > max_utc_offset) {
        return pos::bad_input("The store's UTC offset of " +
                              std::to_string(settings.utc_offset_minutes) +
                              " minutes is not between -14 and +14 hours; nothing was saved");
    }
    if (auto policy = check_policy_settings(settings); !policy)
        return policy;
    std::vector<std::pair<std::string_view, std::string>> rows = {
        {key_store_name, settings.store_name},
        {key_address, join_lines(settings.address_lines)},
        {key_tax_id, settings.tax_id},
        {key_receipt_header, join_lines(settings.receipt_header)},
        {key_receipt_footer, join_lines(settings.receipt_footer)},
        {key_receipt_logo, settings.receipt_logo},
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
        const auto policy = policy_setting_rows(settings);  // owns the keys rows points at
        for (const auto& [key, value] : policy)
            rows.emplace_back(key, value);
        Transaction transaction(db_);
        upsert_settings(db_, rows);
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
