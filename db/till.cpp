// Till over SQLite: shifts with their counted float, cash movements and the blind close, each
// checked again, stored and journaled in one transaction. The shift's running totals are kept by
// add_ticket_to_shift (till_rows.cpp) inside complete_sale's transaction.
#include <algorithm>
#include <utility>

#include "db/format.hpp"
#include "db/journal.hpp"
#include "db/journal_till.hpp"
#include "db/sqlite_store.hpp"
#include "db/till_internal.hpp"
#include "db/till_rows.hpp"

namespace db {

namespace {

constexpr std::string_view shift_select =
    "SELECT id, terminal_id, number, opened_by, opened_by_name, opened_at_ms, float_minor,"
    " float_count, closed_at_ms FROM shifts ";

class SqliteTill final : public Till {
  public:
    SqliteTill(Database& db, JournalWriter& journal, const pos::Currency& currency)
        : db_(db), journal_(journal), currency_(currency) {}

    std::optional<pos::Shift> current_shift(const std::string& terminal_id) override {
        return one_shift("WHERE terminal_id = ? AND closed_at_ms IS NULL", terminal_id);
    }

    std::optional<pos::Shift> shift(const std::string& shift_id) override {
        return one_shift("WHERE id = ?", shift_id);
    }

    std::vector<pos::Shift> shifts(const std::string& terminal_id, std::size_t limit) override {
        Statement read(
            db_, std::string(shift_select) + "WHERE terminal_id = ? ORDER BY number DESC LIMIT ?");
        read.bind_all(terminal_id, static_cast<std::int64_t>(limit));
        std::vector<pos::Shift> found;
        while (read.step())
            found.push_back(shift_from(read));
        return found;
    }

    pos::Result<pos::Shift> open_shift(const NewShift& shift) override;
    pos::ShiftTotals shift_totals(const std::string& shift_id) override;
    std::vector<pos::CashMovement> movements(const std::string& shift_id) override;
    pos::Status record_movement(const pos::CashMovement& movement) override;
    pos::Status close_shift(const pos::ShiftClose& close) override;
    std::optional<pos::ShiftClose> shift_close(const std::string& shift_id) override;

  private:
    std::optional<pos::Shift> one_shift(std::string_view where, const std::string& key) {
        Statement read(db_, std::string(shift_select) + std::string(where));
        read.bind(1, key);
        if (!read.step())
            return std::nullopt;
        return shift_from(read);
    }

    pos::Shift shift_from(const Statement& row) const {
        pos::Shift shift;
        shift.id = row.column_text(0);
        shift.terminal_id = row.column_text(1);
        shift.number = row.column_int64(2);
        shift.opened_by = row.column_int64(3);
        shift.opened_by_name = row.column_text(4);
        shift.opened_at_ms = row.column_int64(5);
        shift.float_amount = pos::Money(row.column_int64(6), currency_);
        auto count = pos::parse_cash_count(row.column_text(7), currency_);
        if (!count) {
            throw pos::StoreFailure("shift " + std::to_string(shift.number) +
                                    "'s float count is damaged: " + count.error().message);
        }
        shift.opening_float = *count;
        shift.closed_at_ms = row.column_is_null(8) ? 0 : row.column_int64(8);
        return shift;
    }

    // "shift 3, opened by Ann Smith at 08:02"
    std::string shift_text(const pos::Shift& shift, std::int64_t now_ms) {
        return "shift " + std::to_string(shift.number) + ", opened by " + shift.opened_by_name +
               " at " +
               when_text(shift.opened_at_ms, now_ms, till_settings(db_).utc_offset_minutes);
    }

    // The shift a movement or close is for, open; else why not.
    pos::Result<pos::Shift> open_shift_for(const std::string& shift_id, std::string_view action,
                                           std::int64_t now_ms) {
        auto found = shift(shift_id);
        if (!found)
            return pos::not_found("There is no shift " + in_quotes(shift_id) + "; " +
                                  std::string(action));
        if (!found->is_open()) {
            return pos::not_allowed(
                "Shift " + std::to_string(found->number) + " was closed at " +
                when_text(found->closed_at_ms, now_ms, till_settings(db_).utc_offset_minutes) +
                "; " + std::string(action));
        }
        return *found;
    }

    void insert_close(const pos::ShiftClose& close);

    Database& db_;
    JournalWriter& journal_;
    const pos::Currency& currency_;  // the store's; follows head office
};

pos::Result<pos::Shift> SqliteTill::open_shift(const NewShift& request) {
    const std::string refused = "; the till was not opened";
    if (request.id.empty() || request.terminal_id.empty())
        return pos::bad_input("The shift needs an id and a terminal" + refused);
    if (request.user_id <= 0 || is_blank(request.user_name))
        return pos::bad_input("The till is opened by someone signed in (no user given)" + refused);
    auto count = checked_count(request.opening_float, currency_, "The float");
    if (!count)
        return pos::bad_input(count.error().message + refused);
    try {
        Transaction transaction(db_);
        if (auto open = current_shift(request.terminal_id)) {
            return pos::not_allowed("The till is already open: " +
                                    shift_text(*open, request.at_ms));
        }
        if (auto same = shift(request.id))
            return pos::not_allowed("This shift was already opened as shift " +
                                    std::to_string(same->number) + refused);
        Statement next(db_,
                       "SELECT coalesce(max(number), 0) + 1 FROM shifts WHERE terminal_id = ?");
        next.bind(1, request.terminal_id).step();
        pos::Shift shift{request.id,
                         request.terminal_id,
                         next.column_int64(0),
                         request.user_id,
                         request.user_name,
                         request.at_ms,
                         *count,
                         pos::Money(count->total_minor(), currency_)};
        Statement insert(
            db_,
            "INSERT INTO shifts (id, terminal_id, number, opened_by, opened_by_name,"
            " opened_at_ms, float_minor, float_count) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
        insert
            .bind_all(shift.id, shift.terminal_id, shift.number, shift.opened_by,
                      shift.opened_by_name, shift.opened_at_ms, shift.float_amount.minor(),
                      pos::cash_count_text(shift.opening_float, currency_))
            .run();
        journal_.append({shift.terminal_id, "shift_open", shift.id, "", shift.opened_at_ms,
                         shift_open_body(shift, currency_)});
        transaction.commit();
        return shift;
    } catch (const std::exception& error) {
        return pos::store_failure("The till could not be opened (" + std::string(error.what()) +
                                  "); nothing was written");
    }
}

pos::ShiftTotals SqliteTill::shift_totals(const std::string& shift_id) {
    const auto found = shift(shift_id);
    return shift_totals_of(db_, shift_id, found ? found->float_amount.minor() : 0, currency_);
}

std::vector<pos::CashMovement> SqliteTill::movements(const std::string& shift_id) {
    Statement read(db_,
                   "SELECT movements.id, shifts.terminal_id, movements.kind,"
                   " movements.amount_minor, movements.reason, movements.user_id,"
                   " movements.user_name, movements.approved_by, movements.approver_name,"
                   " movements.at_ms FROM cash_movements AS movements"
                   " JOIN shifts ON shifts.id = movements.shift_id"
                   " WHERE movements.shift_id = ? ORDER BY movements.at_ms, movements.rowid");
    read.bind(1, shift_id);
    std::vector<pos::CashMovement> found;
    while (read.step()) {
        const auto kind = pos::cash_movement_from(read.column_text(2));
        if (!kind)
            throw pos::StoreFailure("a cash movement's kind is damaged: " +
                                    in_quotes(read.column_text(2)));
        found.push_back({read.column_text(0), shift_id, read.column_text(1), *kind,
                         pos::Money(read.column_int64(3), currency_), read.column_text(4),
                         read.column_int64(5), read.column_text(6), read.column_int64(7),
                         read.column_text(8), read.column_int64(9)});
    }
    return found;
}

pos::Status SqliteTill::record_movement(const pos::CashMovement& request) {
    const std::string what(pos::describe(request.kind));
    const std::string lower_what = lower_first(what);
    const std::string refused = "; the " + lower_what + " was not recorded";
    if (request.id.empty() || request.shift_id.empty())
        return pos::bad_input(what + " needs an id and a shift" + refused);
    if (request.user_id <= 0 || is_blank(request.user_name))
        return pos::bad_input(what + " needs the user who takes it" + refused);
    if (request.approved_by != 0 && is_blank(request.approver_name))
        return pos::bad_input(what + " names no approver" + refused);
    try {
        Transaction transaction(db_);
        auto shift =
            open_shift_for(request.shift_id, "open the till first" + refused, request.at_ms);
        if (!shift)
            return shift.error();
        if (!request.terminal_id.empty() && request.terminal_id != shift->terminal_id) {
            return pos::bad_input(what + " is for terminal " + request.terminal_id +
                                  ", but shift " + std::to_string(shift->number) + " is on " +
                                  shift->terminal_id + refused);
        }
        Statement same(db_, "SELECT 1 FROM cash_movements WHERE id = ?");
        if (same.bind(1, request.id).step())
            return pos::not_allowed("This " + lower_what + " was already recorded");
        if (auto checked = pos::check_movement(request.kind, request.amount, request.reason,
                                               shift_totals(request.shift_id));
            !checked)
            return checked.error();
        pos::CashMovement movement = request;
        movement.terminal_id = shift->terminal_id;
        Statement insert(db_,
                         "INSERT INTO cash_movements (id, shift_id, kind, amount_minor, reason,"
                         " user_id, user_name, approved_by, approver_name, at_ms)"
                         " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        insert
            .bind_all(movement.id, movement.shift_id, pos::to_string(movement.kind),
                      movement.amount.minor(), movement.reason, movement.user_id,
                      movement.user_name, movement.approved_by, movement.approver_name,
                      movement.at_ms)
            .run();
        journal_.append({movement.terminal_id, std::string(pos::journal_kind(movement.kind)),
                         movement.id, "", movement.at_ms,
                         cash_movement_body(movement, shift->number)});
        add_movement_to_day(db_, movement);
        transaction.commit();
        return pos::ok();
    } catch (const std::exception& error) {
        return pos::store_failure("The " + lower_what + " could not be recorded (" + error.what() +
                                  "); nothing was written");
    }
}

pos::Status SqliteTill::close_shift(const pos::ShiftClose& request) {
    const std::string refused = "; the till was not closed";
    if (request.shift_id.empty())
        return pos::bad_input("The close does not say which shift" + refused);
    if (request.closed_by <= 0 || is_blank(request.closed_by_name))
        return pos::bad_input("The till is closed by someone signed in (no user given)" + refused);
    if (request.approved_by != 0 && is_blank(request.approver_name))
        return pos::bad_input("The close names no approver" + refused);
    auto count = checked_count(request.cash_count, currency_, "The cash count");
    if (!count)
        return pos::bad_input(count.error().message + refused);
    try {
        Transaction transaction(db_);
        auto shift =
            open_shift_for(request.shift_id, "it cannot be closed again", request.closed_at_ms);
        if (!shift)
            return shift.error();
        if (!request.terminal_id.empty() && request.terminal_id != shift->terminal_id) {
            return pos::bad_input("The close is for terminal " + request.terminal_id +
                                  ", but shift " + std::to_string(shift->number) + " is on " +
                                  shift->terminal_id + refused);
        }
        // The counted figures against what the shift expects now: a sale completed since the
        // count was taken changes the expected cash, and the approval was for other figures.
        pos::CloseCount counted{*count, pos::Money(0, currency_)};
        for (const auto& tender : request.tenders) {
            if (tender.method == pos::PaymentMethod::card)
                counted.card = pos::Money(tender.counted.minor(), currency_);
        }
        const auto now = pos::over_short(shift_totals(shift->id), counted);
        if (now != request.tenders) {
            return pos::not_allowed("The till's figures changed since the count (" +
                                    pos::describe_differences(now) + "): count again" + refused);
        }
        const TillSettings settings = till_settings(db_);
        if (pos::beyond_threshold(now, settings.over_short_threshold_minor) &&
            (request.approved_by == 0 || is_blank(request.reason))) {
            return pos::not_allowed(
                pos::describe_differences(now) + ": beyond the store's limit of " +
                pos::format_amount(pos::Money(settings.over_short_threshold_minor, currency_)) +
                ", so it needs an approval and a reason" + refused);
        }
        pos::ShiftClose close = request;
        close.terminal_id = shift->terminal_id;
        close.shift_number = shift->number;
        close.cash_count = *count;
        insert_close(close);
        journal_.append({close.terminal_id, "shift_close", close.shift_id, "", close.closed_at_ms,
                         shift_close_body(close, currency_)});
        transaction.commit();
        return pos::ok();
    } catch (const std::exception& error) {
        return pos::store_failure("The till could not be closed (" + std::string(error.what()) +
                                  "); nothing was written");
    }
}

void SqliteTill::insert_close(const pos::ShiftClose& close) {
    Statement insert(db_,
                     "INSERT INTO shift_closes (shift_id, closed_by, closed_by_name, closed_at_ms,"
                     " cash_count, approved_by, approver_name, reason)"
                     " VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    insert
        .bind_all(close.shift_id, close.closed_by, close.closed_by_name, close.closed_at_ms,
                  pos::cash_count_text(close.cash_count, currency_), close.approved_by,
                  close.approver_name, close.reason)
        .run();
    Statement tender(db_,
                     "INSERT INTO shift_close_tenders (shift_id, method, expected_minor,"
                     " counted_minor) VALUES (?, ?, ?, ?)");
    for (const pos::TenderDifference& row : close.tenders) {
        auto use = tender.use();
        tender
            .bind_all(close.shift_id, method_text(row.method), row.expected.minor(),
                      row.counted.minor())
            .run();
    }
    Statement mark(db_, "UPDATE shifts SET closed_at_ms = ? WHERE id = ? AND closed_at_ms IS NULL");
    mark.bind_all(close.closed_at_ms, close.shift_id).run();
}

std::optional<pos::ShiftClose> SqliteTill::shift_close(const std::string& shift_id) {
    Statement read(db_,
                   "SELECT shifts.terminal_id, shifts.number, closes.closed_by,"
                   " closes.closed_by_name, closes.closed_at_ms, closes.cash_count,"
                   " closes.approved_by, closes.approver_name, closes.reason"
                   " FROM shift_closes AS closes JOIN shifts ON shifts.id = closes.shift_id"
                   " WHERE closes.shift_id = ?");
    if (!read.bind(1, shift_id).step())
        return std::nullopt;
    auto count = pos::parse_cash_count(read.column_text(5), currency_);
    if (!count)
        throw pos::StoreFailure("the cash count of shift " + std::to_string(read.column_int64(1)) +
                                "'s close is damaged: " + count.error().message);
    pos::ShiftClose close{shift_id,
                          read.column_text(0),
                          read.column_int64(1),
                          read.column_int64(2),
                          read.column_text(3),
                          read.column_int64(4),
                          *count,
                          {},
                          read.column_int64(6),
                          read.column_text(7),
                          read.column_text(8)};
    Statement tenders(db_,
                      "SELECT method, expected_minor, counted_minor FROM shift_close_tenders"
                      " WHERE shift_id = ? ORDER BY method");
    tenders.bind(1, shift_id);
    while (tenders.step()) {
        close.tenders.push_back({method_from(tenders.column_text(0)),
                                 pos::Money(tenders.column_int64(1), currency_),
                                 pos::Money(tenders.column_int64(2), currency_)});
    }
    std::sort(close.tenders.begin(), close.tenders.end(),
              [](const auto& a, const auto& b) { return a.method < b.method; });
    return close;
}

}  // namespace

std::unique_ptr<Till> make_till(Database& db, JournalWriter& journal,
                                const pos::Currency& currency) {
    return std::make_unique<SqliteTill>(db, journal, currency);
}

// Made on first use, like the customer-service repositories.
Till& SqliteStore::till() {
    if (!till_)
        till_ = make_till(db_, *journal_, currency_);
    return *till_;
}

}  // namespace db
