// Staff: the UserDirectory port (login, badges, lockout state) and adding staff members with
// their PIN and badge hashed.
#include <algorithm>

#include "db/format.hpp"
#include "db/journal.hpp"
#include "db/pin_hash.hpp"
#include "db/repositories.hpp"
#include "db/sqlite_store.hpp"
#include "pos/login.hpp"

namespace db {

namespace {

class SqliteUserDirectory final : public pos::UserDirectory {
  public:
    explicit SqliteUserDirectory(Database& db)
        : db_(db),
          by_code_(db, "SELECT id, code, name, role FROM users WHERE code = ? AND active = 1"),
          by_badge_(db,
                    "SELECT id, code, name, role FROM users WHERE badge_hash = ? AND active = 1") {}

    std::vector<pos::User> active_users() override {
        Statement query(db_,
                        "SELECT id, code, name, role FROM users WHERE active = 1"
                        " ORDER BY name, id");
        std::vector<pos::User> users;
        while (query.step())
            users.push_back(read_user(query));
        return users;
    }

    std::optional<pos::User> find_by_code(std::string_view code) override {
        auto use = by_code_.use();
        by_code_.bind_all(code);
        if (!by_code_.step())
            return std::nullopt;
        return read_user(by_code_);
    }

    // Badges are kept as SHA-256 hashes only: the scanned badge is hashed and compared.
    std::optional<pos::User> find_by_badge(std::string_view badge) override {
        if (badge.empty())
            return std::nullopt;
        auto use = by_badge_.use();
        by_badge_.bind_all(sha256_hex(badge));
        if (!by_badge_.step())
            return std::nullopt;
        return read_user(by_badge_);
    }

    bool pin_matches(std::int64_t user_id, std::string_view pin) override {
        std::string hash;
        {
            Statement query(db_, "SELECT pin_hash FROM users WHERE id = ? AND active = 1");
            query.bind_all(user_id);
            if (!query.step())
                return false;
            hash = query.column_text(0);
        }
        return pin_matches_hash(hash, pin);
    }

    pos::LoginState login_state(std::int64_t user_id) override {
        Statement query(db_, "SELECT failed_attempts, locked_until_ms FROM users WHERE id = ?");
        query.bind_all(user_id);
        if (!query.step())
            return {};
        return {query.column_int(0), query.column_int64(1)};
    }

    void save_login_state(std::int64_t user_id, const pos::LoginState& state) override {
        Statement update(db_,
                         "UPDATE users SET failed_attempts = ?, locked_until_ms = ? WHERE id = ?");
        update.bind_all(state.failed_attempts, state.locked_until_ms, user_id).run();
        if (db_.changes() == 0) {
            throw pos::StoreFailure("the login state of staff member " + std::to_string(user_id) +
                                    " could not be saved: there is no such staff member");
        }
    }

  private:
    static pos::User read_user(const Statement& row) {
        return {row.column_int64(0), row.column_text(1), row.column_text(2),
                role_from(row.column_text(3))};
    }

    Database& db_;
    Statement by_code_;
    Statement by_badge_;
};

}  // namespace

std::unique_ptr<pos::UserDirectory> make_user_directory(Database& db) {
    return std::make_unique<SqliteUserDirectory>(db);
}

pos::Status SqliteStore::add_user(const NewUser& user) {
    std::string label = "Staff member " + in_quotes(user.code);
    if (!is_blank(user.name))
        label += " (" + user.name + ")";
    if (user.code.empty() || user.code.size() > 32 ||
        !std::all_of(user.code.begin(), user.code.end(), is_ascii_alnum)) {
        return pos::bad_input(label +
                              ": the staff code must be 1 to 32 letters or digits; they were not "
                              "added");
    }
    if (is_blank(user.name) || has_control_character(user.name)) {
        return pos::bad_input(label + ": the name is empty; they were not added");
    }
    if (auto format = pos::check_pin_format(user.pin); !format) {
        return pos::bad_input(label + ": " + format.error().message + "; they were not added");
    }
    if (!user.badge.empty() &&
        (user.badge.size() < 4 || user.badge.size() > 64 || has_control_character(user.badge))) {
        return pos::bad_input(label +
                              ": a badge must be 4 to 64 printable characters; they were "
                              "not added");
    }
    // Only the badge's SHA-256 is kept; NULL when the user has no badge.
    const std::string badge_hash = user.badge.empty() ? std::string() : sha256_hex(user.badge);
    // Hashing takes a good fraction of a second, so it happens before the write lock is taken.
    auto hash = hash_pin(user.pin);
    if (!hash)
        return hash.error();
    try {
        Transaction transaction(db_);
        Statement existing(db_, "SELECT name FROM users WHERE code = ?");
        existing.bind_all(user.code);
        if (existing.step()) {
            return pos::bad_input(label + ": the staff code is already used by " +
                                  existing.column_text(0) + "; they were not added");
        }
        if (!badge_hash.empty()) {
            Statement badge_owner(db_, "SELECT name FROM users WHERE badge_hash = ?");
            badge_owner.bind_all(badge_hash);
            if (badge_owner.step()) {
                return pos::bad_input(label + ": the badge already belongs to " +
                                      badge_owner.column_text(0) + "; they were not added");
            }
        }
        Statement insert(db_,
                         "INSERT INTO users (code, name, role, pin_hash, badge_hash,"
                         " failed_attempts, locked_until_ms, active)"
                         " VALUES (?, ?, ?, ?, ?, 0, 0, 1)");
        insert.bind_all(user.code, user.name, role_text(user.role), *hash);
        if (badge_hash.empty())
            insert.bind_null(5);
        else
            insert.bind(5, badge_hash);
        insert.run();
        transaction.commit();
    } catch (const SqliteError& error) {
        return pos::store_failure(label + " could not be saved (" + error.what() + ")");
    }
    return pos::ok();
}

}  // namespace db
