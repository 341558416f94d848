// The till in the store: shifts with their float, running tender totals, cash movements and the
// blind close, each journaled; and the till settings.
#include <doctest/doctest.h>

#include "db/till_rows.hpp"
#include "helpers.hpp"
#include "pos/till.hpp"
#include "sync_helpers.hpp"

using db_test::cents;
using db_test::eur;
using db_test::TempDir;

namespace {

constexpr std::int64_t opened_ms = 1'795'417'320'000;  // 2026-11-23 07:02 UTC: 08:02 in store
constexpr std::int64_t minute = 60'000;
const std::string milk = "4000000000013";
const std::string bread = "4000000000037";

struct TillStore {
    TempDir dir;
    std::unique_ptr<db::SqliteStore> store = db_test::small_store(dir.file("till.db"));
    TillStore() {
        pos::StoreSettings settings = store->settings();
        settings.utc_offset_minutes = 60;
        REQUIRE(store->save_settings(settings));
    }
    db::Till& till() { return store->till(); }
    std::int64_t rows(const std::string& table) { return db_test::count_rows(*store, table); }
    // The entry's body: its payload after the seven header lines.
    std::string body(const std::string& kind, const std::string& entity) {
        const std::string payload = db_test::text_for(
            *store, "SELECT payload FROM journal WHERE kind = '" + kind + "' AND entity_id = ?",
            entity);
        std::size_t at = 0;
        for (int line = 0; line < 7; ++line)
            at = payload.find('\n', at) + 1;
        return payload.substr(at);
    }
};

pos::CashCount count_of(std::string_view text) {
    auto count = pos::parse_cash_count(text, eur());
    REQUIRE_MESSAGE(count.ok(), text);
    return *count;
}

db::NewShift new_shift(std::string_view float_text, std::int64_t at_ms = opened_ms) {
    return {db_test::new_id(), "T01", 1001, "Alex Martin", at_ms, count_of(float_text)};
}

pos::Shift open_till(db::Till& till, std::string_view float_text, std::int64_t at_ms = opened_ms) {
    auto shift = till.open_shift(new_shift(float_text, at_ms));
    REQUIRE_MESSAGE(shift.ok(), (shift.ok() ? "" : shift.error().message));
    return *shift;
}

pos::CashMovement movement(const pos::Shift& shift, pos::CashMovementKind kind, std::int64_t minor,
                           std::string reason, std::int64_t at_ms) {
    return {db_test::new_id(), shift.id, "T01", kind, cents(minor), std::move(reason), 1001,
            "Alex Martin",     0,        "",    at_ms};
}

// The blind count as the terminal closes with it: differences against the store's totals.
pos::ShiftClose close_of(db::Till& till, const pos::Shift& shift, std::string_view cash,
                         std::int64_t card_minor, std::int64_t at_ms) {
    const auto differences =
        pos::over_short(till.shift_totals(shift.id), {count_of(cash), cents(card_minor)});
    return {shift.id,    "T01", shift.number, 1001, "Alex Martin", at_ms, count_of(cash),
            differences, 0,     "",           ""};
}

// A sale of one item on T01, paid by card.
pos::Ticket card_ticket(db::Store& store, const std::string& code) {
    pos::Ticket ticket = db_test::open_ticket(store, "T01", {{code, 1000}});
    ticket.begin_tender();
    ticket.add_payment(
        db_test::payment(pos::PaymentMethod::card, ticket.totals().due.minor(), "A1", "4242"));
    return ticket;
}

}  // namespace

TEST_CASE("Opening the till numbers the shift, keeps its float and journals shift_open") {
    TillStore t;
    const pos::Shift shift = open_till(t.till(), "20.00x5 1.00x10 0.50x4");
    CHECK(shift.number == 1);
    CHECK(shift.float_amount == cents(11'200));
    const auto current = t.till().current_shift("T01");
    REQUIRE(current);
    CHECK(current->id == shift.id);
    CHECK(current->opened_by_name == "Alex Martin");
    CHECK(current->opening_float == count_of("0.50x4 1.00x10 20.00x5"));
    CHECK(current->is_open());
    CHECK(t.till().shift_totals(shift.id).expected_cash() == cents(11'200));
    CHECK(t.body("shift_open", shift.id) ==
          "shift.number=1\nshift.user_id=1001\nshift.user_name=Alex Martin\nshift.currency=EUR\n"
          "shift.float=11200\nshift.float_count=20.00x5 1.00x10 0.50x4\n");
    CHECK(db_test::text_for(*t.store, "SELECT ticket_id FROM journal WHERE entity_id = ?",
                            shift.id) == "");
    CHECK(t.store->pending_outbox_count() == 1);

    SUBCASE("a second open is refused while it is open, naming the shift") {
        const auto again = t.till().open_shift(new_shift("10.00x1", opened_ms + 5 * minute));
        REQUIRE_FALSE(again.ok());
        CHECK(again.error().code == pos::ErrorCode::not_allowed);
        CHECK(again.error().message ==
              "The till is already open: shift 1, opened by Alex Martin at 08:02");
        CHECK(t.rows("shifts") == 1);
        CHECK(t.rows("journal") == 1);
    }
    SUBCASE("the next day the message says which day it was opened") {
        const auto again = t.till().open_shift(new_shift("10.00x1", opened_ms + 1440 * minute));
        REQUIRE_FALSE(again.ok());
        CHECK(again.error().message ==
              "The till is already open: shift 1, opened by Alex Martin at 2026-11-23 08:02");
    }
}

TEST_CASE("A float that is not a count of notes and coins opens nothing") {
    TillStore t;
    db::NewShift odd = new_shift("20.00x1");
    odd.opening_float.counts.push_back({250, 2});
    auto opened = t.till().open_shift(odd);
    REQUIRE_FALSE(opened.ok());
    CHECK(opened.error().code == pos::ErrorCode::bad_input);
    CHECK(opened.error().message ==
          "The float: 2.50 is not a EUR note or coin; the till was not opened");

    db::NewShift nobody = new_shift("20.00x1");
    nobody.user_name = " ";
    CHECK(t.till().open_shift(nobody).error().message ==
          "The till is opened by someone signed in (no user given); the till was not opened");
    CHECK(t.rows("shifts") == 0);
    CHECK(t.rows("journal") == 0);
    CHECK_FALSE(t.till().current_shift("T01"));
}

TEST_CASE("Tickets completed while the till is open count in its tenders; others in none") {
    TillStore t;
    const std::string before = db_test::complete(
        *t.store, db_test::paid_ticket(*t.store, "T01", {{milk, 1000}}, 500), opened_ms - minute);
    const pos::Shift shift = open_till(t.till(), "20.00x5");
    const std::string sold = db_test::complete(
        *t.store, db_test::paid_ticket(*t.store, "T01", {{milk, 1000}}, 1000), opened_ms + minute);
    db_test::complete(*t.store, card_ticket(*t.store, bread), opened_ms + 2 * minute);
    pos::Ticket back = db_test::empty_ticket();
    db_test::add_returns(*t.store, back, sold, {{0, 1000}});
    db_test::refund_to_original(*t.store, back, sold);
    db_test::complete(*t.store, back, opened_ms + 3 * minute);
    db_test::complete(*t.store, db_test::paid_ticket(*t.store, "T02", {{bread, 1000}}, 349),
                      opened_ms + 4 * minute);

    const pos::ShiftTotals totals = t.till().shift_totals(shift.id);
    CHECK(totals.tickets == 3);  // not the sale before it opened, nor T02's
    const std::vector<pos::TenderTotal> tenders{{pos::PaymentMethod::cash, 1, cents(0)},
                                                {pos::PaymentMethod::card, 1, cents(349)}};
    CHECK(totals.tenders == tenders);  // 10.00 in, 8.81 change, 1.19 refunded
    CHECK(totals.expected_cash() == cents(10'000));
    CHECK(totals.expected(pos::PaymentMethod::card) == cents(349));

    const std::string shift_of =
        "SELECT coalesce(shift_id, '') FROM tickets WHERE receipt_number = ?";
    CHECK(db_test::text_for(*t.store, shift_of, sold) == shift.id);
    CHECK(db_test::text_for(*t.store, shift_of, before) == "");
}

TEST_CASE("Cash movements are checked again in the store, stored and journaled") {
    TillStore t;
    const pos::Shift shift = open_till(t.till(), "20.00x5");
    using Kind = pos::CashMovementKind;
    REQUIRE(t.till().record_movement(
        movement(shift, Kind::paid_in, 1000, "Change from the bank", opened_ms + minute)));
    pos::CashMovement paid_out =
        movement(shift, Kind::paid_out, 500, "Window cleaner", opened_ms + 2 * minute);
    paid_out.approved_by = 5001;
    paid_out.approver_name = "Jordan Diaz";
    REQUIRE(t.till().record_movement(paid_out));
    const auto drop = movement(shift, Kind::drop, 5000, "", opened_ms + 3 * minute);
    REQUIRE(t.till().record_movement(drop));
    const auto pickup = movement(shift, Kind::pickup, 1000, "", opened_ms + 4 * minute);
    REQUIRE(t.till().record_movement(pickup));

    const pos::ShiftTotals totals = t.till().shift_totals(shift.id);
    CHECK(totals.paid_in == cents(1000));
    CHECK(totals.paid_out == cents(500));
    CHECK(totals.drops == cents(5000));
    CHECK(totals.pickups == cents(1000));
    CHECK(totals.expected_cash() == cents(4500));
    const auto listed = t.till().movements(shift.id);
    REQUIRE(listed.size() == 4);
    CHECK(listed[0].reason == "Change from the bank");
    CHECK(listed[1].kind == Kind::paid_out);
    CHECK(listed[1].approver_name == "Jordan Diaz");
    CHECK(listed[1].terminal_id == "T01");
    CHECK(listed[3].amount == cents(1000));

    CHECK(t.body("paid_out", paid_out.id) ==
          "cash.shift_id=" + shift.id +
              "\ncash.shift_number=1\ncash.amount=500\ncash.reason=Window cleaner\n"
              "cash.user_id=1001\ncash.user_name=Alex Martin\ncash.approved_by=5001\n"
              "cash.approver_name=Jordan Diaz\n");
    CHECK(t.body("cash_drop", drop.id).find("cash.amount=5000\n") != std::string::npos);
    CHECK(t.body("cash_pickup", pickup.id).find("cash.amount=1000\n") != std::string::npos);
    const std::int64_t journal = t.rows("journal");

    SUBCASE("what the drawer should not hold cannot be taken out") {
        const auto refused =
            t.till().record_movement(movement(shift, Kind::drop, 6000, "", opened_ms + 5 * minute));
        REQUIRE_FALSE(refused.ok());
        CHECK(refused.error().message ==
              "60.00 is more than the drawer should hold, so it cannot be taken out");
    }
    SUBCASE("a paid in needs a reason") {
        const auto refused = t.till().record_movement(
            movement(shift, Kind::paid_in, 100, " ", opened_ms + 5 * minute));
        REQUIRE_FALSE(refused.ok());
        CHECK(refused.error().message == "Paid in needs a reason");
    }
    SUBCASE("the same movement is recorded once") {
        const auto refused = t.till().record_movement(paid_out);
        REQUIRE_FALSE(refused.ok());
        CHECK(refused.error().code == pos::ErrorCode::not_allowed);
        CHECK(refused.error().message == "This paid out was already recorded");
    }
    SUBCASE("nothing is recorded against a closed shift") {
        REQUIRE(t.till().close_shift(
            close_of(t.till(), shift, "20.00x2 5.00x1", 0, opened_ms + 30 * minute)));
        const std::int64_t closed = t.rows("journal");
        const auto refused = t.till().record_movement(
            movement(shift, Kind::paid_in, 100, "Float top-up", opened_ms + 31 * minute));
        REQUIRE_FALSE(refused.ok());
        CHECK(refused.error().code == pos::ErrorCode::not_allowed);
        CHECK(refused.error().message ==
              "Shift 1 was closed at 08:32; open the till first; the paid in was not recorded");
        CHECK(t.rows("journal") == closed);
    }
    CHECK(t.rows("cash_movements") == 4);
    if (!t.till().current_shift("T01"))
        return;
    CHECK(t.rows("journal") == journal);  // the refused ones wrote nothing
}

TEST_CASE("The blind close stores the count and differences, closes the shift and journals it") {
    TillStore t;
    const pos::Shift shift = open_till(t.till(), "20.00x5");
    db_test::complete(*t.store, db_test::paid_ticket(*t.store, "T01", {{milk, 1000}}, 1000),
                      opened_ms + minute);
    db_test::complete(*t.store, card_ticket(*t.store, bread), opened_ms + 2 * minute);
    const pos::ShiftClose close = close_of(t.till(), shift, "50.00x2 1.00x1 0.10x1 0.05x1 0.02x2",
                                           349, opened_ms + 30 * minute);
    REQUIRE(t.till().close_shift(close));

    CHECK_FALSE(t.till().current_shift("T01"));
    CHECK(t.till().shift(shift.id)->closed_at_ms == opened_ms + 30 * minute);
    const auto stored = t.till().shift_close(shift.id);
    REQUIRE(stored);
    CHECK(stored->closed_by_name == "Alex Martin");
    CHECK(stored->shift_number == 1);
    CHECK(stored->cash_count == close.cash_count);
    const std::vector<pos::TenderDifference> balanced{
        {pos::PaymentMethod::cash, cents(10'119), cents(10'119)},
        {pos::PaymentMethod::card, cents(349), cents(349)}};
    CHECK(stored->tenders == balanced);
    CHECK(t.body("shift_close", shift.id) ==
          "close.shift_number=1\nclose.user_id=1001\nclose.user_name=Alex Martin\n"
          "close.cash_count=50.00x2 1.00x1 0.10x1 0.05x1 0.02x2\nclose.approved_by=0\n"
          "close.approver_name=\nclose.reason=\nclose.tenders=2\n"
          "close.tenders.1.method=cash\nclose.tenders.1.expected=10119\n"
          "close.tenders.1.counted=10119\nclose.tenders.1.difference=0\n"
          "close.tenders.2.method=card\nclose.tenders.2.expected=349\n"
          "close.tenders.2.counted=349\nclose.tenders.2.difference=0\n");
    CHECK(t.store->verify_journal().message == "journal OK: 4 entries");

    const auto again = t.till().close_shift(close);
    REQUIRE_FALSE(again.ok());
    CHECK(again.error().message == "Shift 1 was closed at 08:32; it cannot be closed again");

    // After the close a sale counts in no shift, and the next shift is number 2.
    db_test::complete(*t.store, card_ticket(*t.store, milk), opened_ms + 40 * minute);
    CHECK(t.till().shift_totals(shift.id).tickets == 2);
    open_till(t.till(), "10.00x1", opened_ms + 50 * minute);
    const auto listed = t.till().shifts("T01", 10);
    REQUIRE(listed.size() == 2);
    CHECK(listed[0].number == 2);
    CHECK(listed[1].number == 1);
}

TEST_CASE("A close beyond the store's over/short limit needs an approval and a reason") {
    TillStore t;
    const pos::Shift shift = open_till(t.till(), "20.00x5");
    pos::ShiftClose close = close_of(t.till(), shift, "20.00x4", 0, opened_ms + 30 * minute);

    SUBCASE("without one nothing is written") {
        const auto refused = t.till().close_shift(close);
        REQUIRE_FALSE(refused.ok());
        CHECK(refused.error().code == pos::ErrorCode::not_allowed);
        CHECK(refused.error().message ==
              "Cash short by 20.00 (expected 100.00, counted 80.00): beyond the store's limit of "
              "5.00, so it needs an approval and a reason; the till was not closed");
        CHECK(t.till().current_shift("T01"));
        CHECK(t.rows("shift_closes") == 0);
        CHECK(t.rows("shift_close_tenders") == 0);
        CHECK(t.rows("journal") == 1);
    }
    SUBCASE("with a manager's approval and a reason it closes, both journaled") {
        close.approved_by = 9001;
        close.approver_name = "Morgan Lee";
        close.reason = "Change given twice";
        REQUIRE(t.till().close_shift(close));
        CHECK(t.till().shift_close(shift.id)->approver_name == "Morgan Lee");
        const std::string body = t.body("shift_close", shift.id);
        CHECK(body.find("close.approved_by=9001\nclose.approver_name=Morgan Lee\n"
                        "close.reason=Change given twice\n") != std::string::npos);
        CHECK(body.find("close.tenders.1.difference=-2000\n") != std::string::npos);
    }
    SUBCASE("within the limit it closes alone") {
        REQUIRE(t.till().close_shift(
            close_of(t.till(), shift, "20.00x4 10.00x1 5.00x1 2.00x1", 0, opened_ms + minute)));
        CHECK(t.till().shift_close(shift.id)->tenders[0].difference() == cents(-300));
    }
}

TEST_CASE("A count made before a sale is refused: the figures changed") {
    TillStore t;
    const pos::Shift shift = open_till(t.till(), "20.00x5");
    const pos::ShiftClose counted = close_of(t.till(), shift, "20.00x5", 0, opened_ms + minute);
    db_test::complete(*t.store, db_test::paid_ticket(*t.store, "T01", {{milk, 1000}}, 119),
                      opened_ms + 2 * minute);
    const auto refused = t.till().close_shift(counted);
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().message ==
          "The till's figures changed since the count (Cash short by 1.19 (expected 101.19, "
          "counted 100.00)): count again; the till was not closed");
    CHECK(t.till().current_shift("T01"));
    CHECK(t.rows("shift_closes") == 0);
}

TEST_CASE("The till settings are kept, checked and read back") {
    TillStore t;
    pos::StoreSettings settings = t.store->settings();
    CHECK(settings.over_short_threshold_minor == 500);
    CHECK_FALSE(settings.require_open_till);
    settings.over_short_threshold_minor = 1000;
    settings.require_open_till = true;
    REQUIRE(t.store->save_settings(settings));
    CHECK(t.store->settings().over_short_threshold_minor == 1000);
    CHECK(t.store->settings().require_open_till);
    const std::string value = "SELECT value FROM settings WHERE key = ?";
    CHECK(db_test::text_for(*t.store, value, "till.over_short_threshold_minor") == "1000");
    CHECK(db_test::text_for(*t.store, value, "till.require_open_till") == "1");

    settings.over_short_threshold_minor = -1;
    const auto refused = t.store->save_settings(settings);
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().message ==
          "The over/short limit for closing a till must not be negative; nothing was saved");
    CHECK(t.store->settings().over_short_threshold_minor == 1000);

    t.store->database().exec(
        "UPDATE settings SET value = 'yes' WHERE key = 'till.require_open_till'", "test");
    CHECK_THROWS_WITH_AS(
        t.store->settings(),
        "the store's setting till.require_open_till is damaged: 'yes' is not a whole number",
        pos::StoreFailure);
}

TEST_CASE("A sale and the shift's totals look rows up by index, never scanning") {
    TillStore t;
    for (const std::string& sql : db::till_hot_sql()) {
        db::Statement plan(t.store->database(), "EXPLAIN QUERY PLAN " + sql);
        std::string text;
        while (plan.step())
            text += plan.column_text(3) + "\n";
        CAPTURE(sql);
        CHECK_MESSAGE(text.find("SEARCH") != std::string::npos, text);
        CHECK_MESSAGE(text.find("SCAN") == std::string::npos, text);
    }
}

TEST_CASE(
    "Head office sets the till settings by key; a value the terminal cannot read is refused") {
    TillStore t;
    sync_test::apply(
        *t.store,
        sync_test::batch(
            0,
            {sync_test::change(1, pos::SettingRecord{"till.require_open_till", "1"}),
             sync_test::change(2, pos::SettingRecord{"till.over_short_threshold_minor", "250"}),
             sync_test::change(3, pos::SettingRecord{"till.over_short_threshold_minor", "-5"})}));
    CHECK(t.store->settings().require_open_till);
    CHECK(t.store->settings().over_short_threshold_minor == 250);
    const auto rejected = t.store->sync().rejected_changes(10);
    REQUIRE(rejected.size() == 1);
    CHECK(rejected[0].message ==
          "setting \"till.over_short_threshold_minor\" (change 3): the settings would not be "
          "readable: the store's setting till.over_short_threshold_minor is damaged: '-5' is not "
          "between 0 and 1000000000000");
}
