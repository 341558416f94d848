// Applying one batch of head office's reference data: tax rates first, then each change in
// order. Every check happens before the change's rows are written; the caller's transaction
// makes the batch all or nothing.
#include <algorithm>
#include <utility>

#include <sqlite3.h>

#include "db/format.hpp"
#include "db/sync_rows.hpp"

namespace db {

namespace {

// Settings that belong to this terminal, never taken from head office's change log.
bool terminal_own_setting(const std::string& key) {
    return key == "terminal_id" || key == "store_code" || key.starts_with("devices.");
}

bool is_lower_hex(std::string_view text) {
    return std::all_of(text.begin(), text.end(),
                       [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

std::optional<std::string> tax_rate_problem(const pos::TaxRate& rate) {
    if (rate.code.empty() || rate.code.size() > 4 ||
        !std::all_of(rate.code.begin(), rate.code.end(), is_ascii_alnum)) {
        return "the code must be 1 to 4 letters or digits";
    }
    if (is_blank(rate.name) || has_control_character(rate.name))
        return "the name is empty";
    if (rate.rate.ppm < 0 || rate.rate.ppm > pos::Rate::one)
        return "the rate must be between 0% and 100%";
    return std::nullopt;
}

// SQLite refused a row (CHECK, UNIQUE, NOT NULL, foreign key, a trigger's RAISE): the change's
// data is at fault, not the store.
bool refused_by_constraint(int code) {
    return (code & 0xff) == SQLITE_CONSTRAINT;
}

std::optional<std::string> user_problem(const pos::UserRecord& user) {
    if (is_blank(user.name) || has_control_character(user.name))
        return "the name is empty or holds a control character";
    if (!user.pin_hash.starts_with("$argon2"))
        return "the PIN hash is not an Argon2 hash string";
    if (!user.badge_hash.empty() &&
        (user.badge_hash.size() != 64 || !is_lower_hex(user.badge_hash)))
        return "the badge hash is not a lower-case hex SHA-256";
    return std::nullopt;
}

}  // namespace

std::string describe(const pos::ReferenceChange& change) {
    return change.kind + " " + in_quotes(change.key) + " (change " +
           std::to_string(change.sequence) + ")";
}

ChangeApplier::ChangeApplier(Database& db,
                             std::function<std::optional<std::string>()> check_settings,
                             std::int64_t now_ms, bool careful)
    : db_(db),
      check_settings_(std::move(check_settings)),
      now_ms_(now_ms),
      careful_(careful),
      had_rejections_(
          db.query_int("SELECT count(*) FROM sync_rejections", "counting refused changes") > 0),
      products_(db),
      promotions_(db),
      service_(db),
      savepoint_(db, "SAVEPOINT change"),
      rollback_to_(db, "ROLLBACK TO change"),
      release_(db, "RELEASE change"),
      reject_(db,
              "INSERT INTO sync_rejections (kind, key, sequence, message, at_ms)"
              " VALUES (?, ?, ?, ?, ?) ON CONFLICT (kind, key) DO UPDATE SET"
              " sequence = excluded.sequence, message = excluded.message, at_ms = excluded.at_ms"),
      forget_rejection_(db, "DELETE FROM sync_rejections WHERE kind = ? AND key = ?"),
      upsert_tax_(db,
                  "INSERT INTO tax_rates (code, name, rate_ppm) VALUES (?, ?, ?)"
                  " ON CONFLICT (code) DO UPDATE SET name = excluded.name,"
                  " rate_ppm = excluded.rate_ppm"),
      // A badge moved to another member of staff leaves its old holder.
      release_badge_(db, "UPDATE users SET badge_hash = NULL WHERE badge_hash = ? AND code <> ?"),
      // Failed attempts and a lockout in progress are this terminal's own: kept.
      upsert_user_(db,
                   "INSERT INTO users (code, name, role, pin_hash, badge_hash, active)"
                   " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (code) DO UPDATE SET"
                   " name = excluded.name, role = excluded.role, pin_hash = excluded.pin_hash,"
                   " badge_hash = excluded.badge_hash, active = excluded.active"),
      upsert_setting_(db,
                      "INSERT INTO settings (key, value) VALUES (?, ?)"
                      " ON CONFLICT (key) DO UPDATE SET value = excluded.value"),
      delete_setting_(db, "DELETE FROM settings WHERE key = ?") {}

template <typename Write>
bool ChangeApplier::isolated(std::string_view kind, const std::string& key, std::int64_t sequence,
                             const std::string& label, Write write) {
    const auto run = [](Statement& statement) {
        auto use = statement.use();
        statement.run();
    };
    // Checks come before writes, so a refused check leaves nothing to undo. Only a setting
    // (checked after it is written) and, in careful mode, every change get a savepoint.
    const bool guarded = careful_ || kind == "setting";
    if (guarded)
        run(savepoint_);
    std::optional<std::string> problem;
    try {
        problem = write();
    } catch (const SqliteError& error) {
        if (!refused_by_constraint(error.code()))
            throw;  // not this change's fault (disk, I/O): the whole batch fails
        if (!guarded)
            throw ApplyCarefully{};  // a half-written change: start over with savepoints
        problem = error.what();
    }
    if (guarded) {
        if (problem)
            run(rollback_to_);
        run(release_);
    }
    if (problem) {
        auto use = reject_.use();
        reject_.bind_all(kind, key, sequence, label + ": " + *problem, now_ms_).run();
        had_rejections_ = true;
        ++rejected_;
        return false;
    }
    if (had_rejections_) {
        auto use = forget_rejection_.use();
        forget_rejection_.bind_all(kind, key).run();
    }
    return true;
}

void ChangeApplier::write_tax_rates(const std::vector<pos::TaxRate>& rates) {
    for (const pos::TaxRate& rate : rates) {
        isolated("tax_rate", rate.code, 0, "tax rate " + in_quotes(rate.code),
                 [&] { return write_tax_rate(rate); });
    }
    products_.load_tax_codes();
}

bool ChangeApplier::apply(const pos::ReferenceChange& change) {
    return isolated(change.kind, change.key, change.sequence, describe(change),
                    [&] { return write(change); });
}

std::optional<std::string> ChangeApplier::write_tax_rate(const pos::TaxRate& rate) {
    if (auto problem = tax_rate_problem(rate))
        return problem;
    auto use = upsert_tax_.use();
    upsert_tax_.bind_all(rate.code, rate.name, rate.rate.ppm).run();
    return std::nullopt;
}

std::optional<std::string> ChangeApplier::write(const pos::ReferenceChange& change) {
    if (change.kind == "product") {
        if (change.deleted)
            return std::string("products are never deleted (old tickets name them)");
        const auto* product = std::get_if<pos::ProductRecord>(&change.record);
        if (product == nullptr)
            return std::string("the record is not a product");
        if (product->code != change.key)
            return "the record's code " + in_quotes(product->code) + " is not the change's key";
        return products_.write(*product);
    }
    if (change.kind == "promotion")
        return write_promotion(change);
    if (change.kind == "user")
        return write_user(change);
    if (change.kind == "setting")
        return write_setting(change);
    if (change.kind == "customer" || change.kind == "interaction" || change.kind == "loyalty" ||
        change.kind == "stock_request")
        return write_service(change);
    return "the kind " + in_quotes(change.kind) + " is unknown to this terminal";
}

std::optional<std::string> ChangeApplier::write_promotion(const pos::ReferenceChange& change) {
    if (change.deleted) {
        promotions_.remove(change.key);
        return std::nullopt;
    }
    const auto* record = std::get_if<pos::PromotionRecord>(&change.record);
    if (record == nullptr)
        return std::string("the record is not a promotion");
    pos::Promotion promotion = record->promotion;
    promotion.id = change.key;
    if (auto problem = promotion_problem(promotion, !record->product_codes.empty()))
        return problem;
    for (const auto* codes : {&record->product_codes, &record->get_product_codes}) {
        for (const std::string& code : *codes) {
            if (auto problem = barcode_problem(code))
                return problem;
        }
    }
    promotions_.write(promotion, record->product_codes, record->get_product_codes);
    return std::nullopt;
}

std::optional<std::string> ChangeApplier::write_user(const pos::ReferenceChange& change) {
    if (change.deleted)
        return std::string("staff are made inactive, never deleted");
    const auto* user = std::get_if<pos::UserRecord>(&change.record);
    if (user == nullptr)
        return std::string("the record is not a member of staff");
    if (user->code != change.key)
        return "the record's code " + in_quotes(user->code) + " is not the change's key";
    if (auto problem = user_problem(*user))
        return problem;
    if (!user->badge_hash.empty()) {
        auto use = release_badge_.use();
        release_badge_.bind_all(user->badge_hash, user->code).run();
    }
    auto use = upsert_user_.use();
    upsert_user_.bind_all(user->code, user->name, role_text(user->role), user->pin_hash);
    if (user->badge_hash.empty())
        upsert_user_.bind_null(5);
    else
        upsert_user_.bind(5, user->badge_hash);
    upsert_user_.bind(6, user->active ? 1 : 0).run();
    return std::nullopt;
}

std::optional<std::string> ChangeApplier::write_setting(const pos::ReferenceChange& change) {
    if (terminal_own_setting(change.key))
        return std::nullopt;  // this terminal's own; head office does not send it, ignored if it
                              // did
    if (change.deleted) {
        auto use = delete_setting_.use();
        delete_setting_.bind_all(change.key).run();
    } else {
        const auto* setting = std::get_if<pos::SettingRecord>(&change.record);
        if (setting == nullptr)
            return std::string("the record is not a setting");
        if (setting->key != change.key)
            return "the record's key " + in_quotes(setting->key) + " is not the change's key";
        auto use = upsert_setting_.use();
        upsert_setting_.bind_all(setting->key, setting->value).run();
    }
    if (auto problem = check_settings_())
        return "the settings would not be readable: " + *problem;
    return std::nullopt;
}

namespace {

// The stored record's updated_at_ms is newer than the incoming one: a local edit not sent yet
// (or a later state already here) is kept.
template <typename T>
bool stored_newer(const std::optional<T>& stored, const T& incoming) {
    return stored && stored->updated_at_ms > incoming.updated_at_ms;
}

template <typename T>
const T* record_of(const pos::ReferenceChange& change) {
    const T* record = std::get_if<T>(&change.record);
    return record != nullptr && record->id == change.key ? record : nullptr;
}

}  // namespace

std::optional<std::string> ChangeApplier::write_service(const pos::ReferenceChange& change) {
    if (change.deleted)
        return change.kind + " records are never deleted (merged, resolved or cancelled instead)";
    const std::string wrong = "the record is not a " + change.kind + " with the change's key";
    if (change.kind == "customer") {
        const auto* customer = record_of<pos::Customer>(change);
        if (customer == nullptr)
            return wrong;
        if (is_blank(customer->name))
            return std::string("the customer has no name");
        if (!stored_newer(service_.customer(customer->id), *customer))
            service_.write_customer(*customer);
    } else if (change.kind == "interaction") {
        const auto* interaction = record_of<pos::Interaction>(change);
        if (interaction == nullptr)
            return wrong;
        if (interaction->number.empty())
            return std::string("the interaction has no number");
        if (!stored_newer(service_.interaction(interaction->id), *interaction))
            service_.write_interaction(*interaction);
    } else if (change.kind == "stock_request") {
        const auto* request = record_of<pos::StockRequest>(change);
        if (request == nullptr)
            return wrong;
        if (!stored_newer(service_.stock_request(request->id), *request))
            service_.write_stock_request(*request);
    } else {
        const auto* movement = record_of<pos::LoyaltyMovement>(change);
        if (movement == nullptr)
            return wrong;
        if (movement->customer_id.empty())
            return std::string("the loyalty movement names no customer");
        service_.write_loyalty(*movement);  // a movement already here counts once
    }
    return std::nullopt;
}

}  // namespace db
