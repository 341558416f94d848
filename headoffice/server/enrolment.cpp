// Stores, terminals and their credentials, and staff. Codes and tokens are random; only their
// SHA-256 is stored, so a copy of the database does not let anyone act as a terminal.
#include <sodium.h>

#include <cctype>

#include "headoffice/server/head_office.hpp"
#include "headoffice/server/internal.hpp"

namespace headoffice {

namespace {

bool is_code(const std::string& text, std::size_t longest) {
    if (text.empty() || text.size() > longest)
        return false;
    for (const char c : text) {
        if (std::isalnum(static_cast<unsigned char>(c)) == 0)
            return false;
    }
    return true;
}

// "7kq2 9xmd" typed by a person reads as "7KQ2-9XMD".
std::string normalised_code(const std::string& typed) {
    std::string code;
    for (const char c : typed) {
        if (std::isalnum(static_cast<unsigned char>(c)) != 0)
            code += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    }
    if (code.size() == 8)
        code.insert(4, "-");
    return code;
}

bool is_digits(const std::string& text) {
    if (text.empty())
        return false;
    for (const char c : text) {
        if (std::isdigit(static_cast<unsigned char>(c)) == 0)
            return false;
    }
    return true;
}

// "2026-11-23 14:05 UTC" (civil date from days since the epoch, proleptic Gregorian).
std::string utc_text(std::int64_t ms) {
    const std::int64_t minutes = ms / 60'000;
    std::int64_t days = minutes / 1440;
    const std::int64_t minute_of_day = minutes % 1440;
    days += 719468;
    const std::int64_t era = days / 146097;
    const std::int64_t day_of_era = days - era * 146097;
    const std::int64_t year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
    const std::int64_t day_of_year =
        day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    const std::int64_t mp = (5 * day_of_year + 2) / 153;
    const std::int64_t day = day_of_year - (153 * mp + 2) / 5 + 1;
    const std::int64_t month = mp < 10 ? mp + 3 : mp - 9;
    const std::int64_t year = year_of_era + era * 400 + (month <= 2 ? 1 : 0);
    const auto two = [](std::int64_t n) { return (n < 10 ? "0" : "") + std::to_string(n); };
    return std::to_string(year) + "-" + two(month) + "-" + two(day) + " " +
           two(minute_of_day / 60) + ":" + two(minute_of_day % 60) + " UTC";
}

}  // namespace

pos::Result<EnrolReply> HeadOffice::enrol(const EnrolRequest& request) {
    const std::string code_hash = detail::sha256_hex(normalised_code(request.code));
    return detail::guarded<EnrolReply>("Enrolling a terminal", [&]() -> pos::Result<EnrolReply> {
        auto connection = pool_.acquire();
        sql::Transaction transaction(*connection);
        const auto found = connection->query(
            "SELECT c.terminal_id, c.expires_at_ms, c.used_at_ms, t.store_code, s.name,"
            " t.revoked_at_ms FROM enrolment_codes c"
            " JOIN terminals t ON t.terminal_id = c.terminal_id"
            " JOIN stores s ON s.code = t.store_code WHERE c.code_hash = $1",
            {code_hash});
        if (found.empty())
            return pos::not_allowed(
                "That enrolment code is not known; ask head office for a new one");
        const sql::Row& row = found.front();
        const std::int64_t now = clock_.now_ms();
        if (!row.is_null(2))
            return pos::not_allowed(
                "That enrolment code was used already; ask head office for a new one");
        if (row.integer(1) <= now)
            return pos::not_allowed(
                "That enrolment code has expired; ask head office for a new one");
        EnrolReply reply{row.text(3), row.text(4), row.text(0), detail::random_hex(32)};
        connection->execute("UPDATE enrolment_codes SET used_at_ms = $1 WHERE code_hash = $2",
                            {now, code_hash});
        connection->execute(
            "UPDATE terminals SET token_hash = $1, name = $2, enrolled_at_ms = $3,"
            " revoked_at_ms = NULL WHERE terminal_id = $4",
            {detail::sha256_hex(reply.token), request.terminal_name, now, reply.terminal_id});
        transaction.commit();
        return reply;
    });
}

pos::Result<Identity> HeadOffice::authenticate(const std::string& bearer_token) {
    return detail::guarded<Identity>("Checking credentials", [&]() -> pos::Result<Identity> {
        if (bearer_token.empty())
            return pos::not_allowed("unknown credentials");
        auto connection = pool_.acquire();
        const auto found = connection->query(
            "SELECT store_code, terminal_id, revoked_at_ms FROM terminals WHERE token_hash = $1",
            {detail::sha256_hex(bearer_token)});
        if (found.empty())
            return pos::not_allowed("unknown credentials");
        if (!found.front().is_null(2))
            return pos::not_allowed("credentials revoked on " + utc_text(found.front().integer(2)));
        return Identity{found.front().text(0), found.front().text(1)};
    });
}

pos::Status HeadOffice::create_store(const NewStore& store) {
    if (!is_code(store.code, 8))
        return pos::bad_input("A store code is 1 to 8 letters or digits, not '" + store.code + "'");
    if (store.name.empty())
        return pos::bad_input("Store " + store.code + " needs a name");
    return detail::guarded<pos::Done>("Creating store " + store.code, [&]() -> pos::Status {
        auto connection = pool_.acquire();
        sql::Transaction transaction(*connection);
        if (!connection->query("SELECT code FROM stores WHERE code = $1", {store.code}).empty())
            return pos::not_allowed("There is already a store " + store.code);
        connection->execute("INSERT INTO stores (code, name, created_at_ms) VALUES ($1, $2, $3)",
                            {store.code, store.name, clock_.now_ms()});
        for (const pos::SettingRecord& setting : store.settings) {
            connection->execute(
                "INSERT INTO settings (scope, key, value) VALUES ($1, $2, $3)"
                " ON CONFLICT (scope, key) DO UPDATE SET value = excluded.value",
                {store.code, setting.key, setting.value});
        }
        for (const pos::SettingRecord& setting : store.settings)
            detail::write_change(*connection, "setting", setting.key, store.code, false, setting);
        transaction.commit();
        return pos::ok();
    });
}

pos::Status HeadOffice::create_terminal(const std::string& store_code,
                                        const std::string& terminal_id) {
    if (!is_code(terminal_id, 8))
        return pos::bad_input("A terminal id is 1 to 8 letters or digits, not '" + terminal_id +
                              "'");
    return detail::guarded<pos::Done>("Creating terminal " + terminal_id, [&]() -> pos::Status {
        auto connection = pool_.acquire();
        sql::Transaction transaction(*connection);
        if (connection->query("SELECT code FROM stores WHERE code = $1", {store_code}).empty())
            return pos::not_found("There is no store " + store_code);
        const auto held = connection->query(
            "SELECT store_code FROM terminals WHERE terminal_id = $1", {terminal_id});
        if (!held.empty())
            return pos::not_allowed("Terminal " + terminal_id + " exists already (store " +
                                    held.front().text(0) +
                                    "); terminal ids are unique across the chain");
        connection->execute(
            "INSERT INTO terminals (terminal_id, store_code, name) VALUES ($1, $2, '')",
            {terminal_id, store_code});
        transaction.commit();
        return pos::ok();
    });
}

pos::Result<std::string> HeadOffice::issue_enrolment_code(const std::string& terminal_id,
                                                          std::int64_t valid_for_ms) {
    if (valid_for_ms <= 0)
        return pos::bad_input("An enrolment code must be valid for some time");
    return detail::guarded<std::string>(
        "Issuing an enrolment code", [&]() -> pos::Result<std::string> {
            auto connection = pool_.acquire();
            sql::Transaction transaction(*connection);
            if (connection
                    ->query("SELECT terminal_id FROM terminals WHERE terminal_id = $1",
                            {terminal_id})
                    .empty())
                return pos::not_found("There is no terminal " + terminal_id);
            connection->execute(
                "DELETE FROM enrolment_codes WHERE terminal_id = $1 AND used_at_ms IS NULL",
                {terminal_id});
            const std::string code = detail::random_code();
            connection->execute(
                "INSERT INTO enrolment_codes (code_hash, terminal_id, expires_at_ms) VALUES ($1, "
                "$2, $3)",
                {detail::sha256_hex(code), terminal_id, clock_.now_ms() + valid_for_ms});
            transaction.commit();
            return code;
        });
}

pos::Status HeadOffice::revoke_terminal(const std::string& terminal_id) {
    return detail::guarded<pos::Done>("Revoking terminal " + terminal_id, [&]() -> pos::Status {
        auto connection = pool_.acquire();
        sql::Transaction transaction(*connection);
        if (connection
                ->query("SELECT terminal_id FROM terminals WHERE terminal_id = $1", {terminal_id})
                .empty())
            return pos::not_found("There is no terminal " + terminal_id);
        connection->execute(
            "UPDATE terminals SET revoked_at_ms = $1 WHERE terminal_id = $2 AND revoked_at_ms IS "
            "NULL",
            {clock_.now_ms(), terminal_id});
        connection->execute(
            "DELETE FROM enrolment_codes WHERE terminal_id = $1 AND used_at_ms IS NULL",
            {terminal_id});
        transaction.commit();
        return pos::ok();
    });
}

pos::Status HeadOffice::create_user(const std::string& code, const std::string& name,
                                    pos::Role role, const std::string& pin,
                                    const std::string& badge) {
    if (!is_code(code, 16))
        return pos::bad_input("A user code is 1 to 16 letters or digits, not '" + code + "'");
    if (name.empty())
        return pos::bad_input("User " + code + " needs a name");
    if (!is_digits(pin) || pin.size() < 4 || pin.size() > 8)
        return pos::bad_input("The PIN of user " + code + " must be 4 to 8 digits");
    if (sodium_init() < 0)
        return pos::store_failure("libsodium could not be initialised");
    std::string hashed(crypto_pwhash_STRBYTES, '\0');
    if (crypto_pwhash_str(hashed.data(), pin.data(), pin.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                          crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
        return pos::store_failure("Hashing the PIN ran out of memory");
    hashed.resize(hashed.find('\0'));
    const pos::UserRecord user{
        code, name, role, hashed, badge.empty() ? std::string() : detail::sha256_hex(badge), true};
    return detail::guarded<pos::Done>("Creating user " + code, [&]() -> pos::Status {
        auto connection = pool_.acquire();
        sql::Transaction transaction(*connection);
        if (!user.badge_hash.empty() &&
            !connection
                 ->query("SELECT code FROM users WHERE badge_hash = $1 AND code <> $2",
                         {user.badge_hash, code})
                 .empty())
            return pos::not_allowed("That badge belongs to another user already");
        connection->execute(
            "INSERT INTO users (code, name, role, pin_hash, badge_hash, active)"
            " VALUES ($1, $2, $3, $4, $5, 1) ON CONFLICT (code) DO UPDATE SET name = excluded.name,"
            " role = excluded.role, pin_hash = excluded.pin_hash,"
            " badge_hash = excluded.badge_hash, active = 1",
            {code, name, std::string(pos::to_string(role)), hashed,
             user.badge_hash.empty() ? sql::Value(nullptr) : sql::Value(user.badge_hash)});
        detail::write_change(*connection, "user", code, "", false, user);
        transaction.commit();
        return pos::ok();
    });
}

}  // namespace headoffice
