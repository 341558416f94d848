// A whole store day at the Terminal, on a real demo store file: the till opened with a counted
// float, sales by two clerks (cash and card, a promotion, a voided line, a voided sale, a
// no-sale), a return, a paid-in, a paid-out that needs a supervisor, a drop, the blind close
// short beyond the threshold that needs a manager and a reason, then an X and a Z by the manager,
// and a second Z refused with nothing written. The Z's figures are checked against sums the test
// makes itself from the journal entries, read from the store file with the sqlite3 API.
#include <doctest/doctest.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <string_view>

#include "day_journal.hpp"
#include "terminal_fixture.hpp"

namespace {

using day_journal::Entry;
using day_journal::Rows;
using day_journal::Sums;

constexpr std::int64_t hour_ms = 60LL * 60 * 1000;
constexpr std::int64_t day_ms = 24 * hour_ms;
constexpr int berlin = 60;  // the demo store's UTC offset, in minutes
// 2026-09-21 00:00 in Berlin.
constexpr std::int64_t midnight = 1'790'000'000'000 / day_ms * day_ms - berlin * 60'000;

bool has(std::string text, std::string part) {
    const auto lower = [](std::string s) {
        std::transform(s.begin(), s.end(), s.begin(),
                       [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        return s;
    };
    return lower(std::move(text)).find(lower(std::move(part))) != std::string::npos;
}

// 2345 minor units -> "23.45".
std::string amount_text(std::int64_t minor) {
    const std::int64_t m = minor < 0 ? -minor : minor;
    const std::string cents = std::to_string(100 + m % 100).substr(1);
    return (minor < 0 ? "-" : "") + std::to_string(m / 100) + "." + cents;
}

// The cash counted as a clerk would count `minor`: largest notes and coins first.
std::string count_of(std::int64_t minor) {
    static constexpr std::int64_t euro[] = {50000, 20000, 10000, 5000, 2000, 1000, 500, 200,
                                            100,   50,    20,    10,   5,    2,    1};
    std::string text;
    for (const std::int64_t value : euro) {
        if (minor / value == 0)
            continue;
        text +=
            (text.empty() ? "" : " ") + amount_text(value) + "x" + std::to_string(minor / value);
        minor %= value;
    }
    return text;
}

struct DayFixture {
    testing_support::TempDir dir;
    std::unique_ptr<db::Store> store = TerminalFixture::open_demo(dir.path() / "terminal.db");
    fakes::Clock clock;
    db::RandomIds ids{clock};
    ui::DeviceHub devices{*store, clock, ids, {dir.path() / "spool"}};
    ui::Terminal terminal{{.store = *store,
                           .clock = clock,
                           .ids = ids,
                           .devices = devices,
                           .utc_offset_minutes = berlin,
                           .export_dir = dir.path() / "exports"}};

    void at(int hour, int minute = 0) { clock.now = midnight + hour * hour_ms + minute * 60'000LL; }
    void ok(const ui::Intent& intent) {
        const auto done = terminal.apply(intent);
        INFO(terminal.message().text);
        REQUIRE(done.ok());
    }
    std::string refusal(const ui::Intent& intent) {
        const auto done = terminal.apply(intent);
        REQUIRE_FALSE(done.ok());
        return done.error().message;
    }
    void log_in(const char* code, const char* pin) { ok(ui::LogIn{code, pin}); }
    // Scans, takes the tender, starts the next sale; returns the receipt number.
    std::string sell(std::initializer_list<const char*> codes, const ui::Intent& tender) {
        for (const char* code : codes)
            ok(ui::Scan{code, ""});
        ok(tender);
        const std::string receipt = terminal.completed_ticket()->receipt_number();
        ok(ui::NewSale{});
        return receipt;
    }
    template <typename Vm>
    Vm screen() const {
        const auto frame = terminal.view();
        REQUIRE(std::holds_alternative<Vm>(frame.screen));
        return std::get<Vm>(frame.screen);
    }
    std::vector<Entry> journal() { return day_journal::read(dir.path() / "terminal.db"); }
    bool printed(const std::string& name) {
        for (const auto& job : devices.print_queue().recent(100)) {
            if (job.name == name)
                return true;
        }
        return false;
    }

    // --- the day, phase by phase (the clock is the store's local time) ---
    std::string first_receipt;
    pos::Money card_total;
    std::int64_t expected_cash = 0;  // summed from the journal before the close
    std::int64_t counted_cash = 0;

    // 08:00 Alex Martin (clerk) counts the float into the drawer; a typo is refused first.
    void open_till() {
        at(8);
        log_in("1001", "1234");
        ok(ui::ShowTill{});
        CHECK(screen<ui::TillVm>().title == "Till closed");
        CHECK(has(refusal(ui::OpenTill{"20.00x5 10x"}), "10x"));
        CHECK_FALSE(store->till().current_shift("T01"));
        ok(ui::OpenTill{"20.00x5 10.00x4 1.00x10"});
        CHECK(has(terminal.message().text, "150.00"));
        CHECK(terminal.view().drawer_open);  // the float goes in
        const auto opened = screen<ui::TillVm>();
        CHECK(opened.open);
        CHECK(opened.title == "Till open: shift 1");
        CHECK(has(opened.opened, "Alex Martin"));
        CHECK(has(opened.opened, "150.00"));
        ok(ui::BackToSale{});
    }

    // 09:10 wine and milk for cash; 10:20 chocolate, a loaf voided, wine on a card; 10:40 a
    // sale voided (the customer left) and a no-sale.
    void morning_sales() {
        at(9, 10);
        first_receipt = sell({demo::wine, demo::milk}, ui::TenderCash{"20", false});
        at(10, 20);
        ok(ui::Scan{demo::chocolate, ""});
        ok(ui::Scan{demo::sourdough, ""});
        ok(ui::VoidLine{"scanned by mistake"});
        ok(ui::Scan{demo::wine, ""});
        const std::string due = amount_text(terminal.ticket()->totals().total.minor());
        ok(ui::TenderCard{due, "AUTH-7731", "4242"});
        card_total = terminal.completed_ticket()->totals().total;
        ok(ui::NewSale{});
        at(10, 40);
        ok(ui::Scan{demo::chocolate, ""});
        ok(ui::VoidTicket{"customer left"});
        ok(ui::NoSale{"change for the float"});
        ok(ui::LogOut{});
    }

    // 11:30 Jordan Diaz (supervisor) sells two milks (2 for 2.00) on the same till; 12:15 Alex
    // takes the wine of the first sale back, refunded in cash.
    void second_clerk_and_return() {
        at(11, 30);
        log_in("5001", "5555");
        sell({demo::milk, demo::milk}, ui::TenderCash{"5", false});
        ok(ui::LogOut{});
        at(12, 15);
        log_in("1001", "1234");
        ok(ui::StartReturn{});
        ok(ui::OpenReceipt{first_receipt});
        ok(ui::ReturnItem{0, "", "faulty", "restock"});
        ok(ui::BackToSale{});
        ok(ui::Refund{"cash", "", ""});
        ok(ui::NewSale{});
    }

    // 13:00 coins from the bank; a paid-out the clerk may not make alone; 14:00 a drop. What is
    // refused stores nothing.
    void cash_movements() {
        at(13);
        ok(ui::MoveCash{pos::CashMovementKind::paid_in, "20.00", "coins from the bank"});
        CHECK(has(refusal(ui::MoveCash{pos::CashMovementKind::paid_out, "12.50", ""}), "reason"));
        const std::string needs =
            refusal(ui::MoveCash{pos::CashMovementKind::paid_out, "12.50", "window cleaner"});
        CHECK(has(needs, "supervisor"));
        REQUIRE(terminal.view().approval);
        CHECK(screen<ui::TillVm>().movements.size() == 1);  // nothing stored while it waits
        ok(ui::Approve{"5001", "5555", "", "receipt in the safe"});
        const auto paid_out = screen<ui::TillVm>();
        REQUIRE(paid_out.movements.size() == 2);
        CHECK(paid_out.movements[1].kind == "Paid out");
        CHECK(paid_out.movements[1].amount == "12.50");
        CHECK(has(paid_out.movements[1].who, "approved by Jordan Diaz"));
        at(14);
        const std::string too_much =
            refusal(ui::MoveCash{pos::CashMovementKind::drop, "900.00", ""});
        CHECK(has(too_much, "900.00 is more than the drawer should hold"));
        CHECK(screen<ui::TillVm>().movements.size() == 2);
        ok(ui::MoveCash{pos::CashMovementKind::drop, "100.00", "to the safe"});
    }

    // What the drawer should hold, summed from the journal by the test: the float and net cash
    // plus paid in, less paid out and drops. The screen never shows it before the close.
    void sum_the_drawer() {
        const Sums before = day_journal::sum(journal(), berlin);
        expected_cash = before.float_minor + before.tenders.at("Cash").amount +
                        before.sales.at("Paid in").amount - before.sales.at("Paid out").amount -
                        before.sales.at("Drops").amount;
        const auto blind = screen<ui::TillVm>();
        CHECK(blind.can_close);
        CHECK_FALSE(has(blind.activity, amount_text(expected_cash)));
        CHECK_FALSE(blind.last_close);
    }

    // 17:30 the blind close, 7.00 short (the threshold is 5.00), the card batch as charged. The
    // short is asked about first, so the manager sees it; a supervisor may close a till but not
    // accept the short: the dialog stays for a manager, whose approval also closes the till.
    void blind_close_short() {
        sum_the_drawer();
        at(17, 30);
        counted_cash = expected_cash - 700;
        CHECK(has(refusal(ui::CloseTill{"20.00x2 7.00x1", "10.28"}), "7.00"));
        CHECK(store->till().current_shift("T01"));
        const ui::CloseTill close{count_of(counted_cash), amount_text(card_total.minor())};
        CHECK(has(refusal(close), "manager must approve"));
        REQUIRE(terminal.view().approval);
        CHECK(has(terminal.view().approval->what, "Cash short by 7.00"));
        CHECK(has(refusal(ui::Approve{"5001", "5555", "", "counted twice"}), "manager"));
        CHECK(has(refusal(ui::Approve{"9001", "4321", "", ""}), "reason"));  // a short needs why
        REQUIRE(terminal.view().approval);
        CHECK(store->till().current_shift("T01"));
        ok(ui::Approve{"9001", "4321", "", "float miscounted at opening"});
        CHECK_FALSE(store->till().current_shift("T01"));
        CHECK(has(terminal.message().text, "short by 7.00"));
        CHECK(printed("T01-shift1-close"));
    }

    // 18:00 Morgan Lee (manager) logs in (a clerk may not read the reports).
    void manager_takes_over() {
        ok(ui::BackToSale{});
        CHECK(has(refusal(ui::RunXReport{}), "supervisor or above"));
        ok(ui::LogOut{});
        at(18);
        log_in("9001", "4321");
    }

    void till_day() {
        open_till();
        morning_sales();
        second_clerk_and_return();
        cash_movements();
        blind_close_short();
    }
};

// Every row the store reports equals the test's own sum, and no row is missing or extra.
void check_section(const std::vector<pos::ReportAmount>& reported, const Rows& summed,
                   const char* section) {
    INFO("section " << section);
    std::map<std::string, std::pair<std::int64_t, std::int64_t>> got;
    for (const auto& row : reported)
        got[row.label] = {row.count, row.amount.minor()};
    for (const auto& [label, sum] : summed) {
        INFO("row " << label);
        REQUIRE(got.count(label) == 1);
        CHECK(got[label].first == sum.count);
        CHECK(got[label].second == sum.amount);
    }
    for (const auto& [label, row] : got) {
        INFO("row " << label << " the journal has no entry for");
        if (!summed.count(label))
            CHECK((row.first == 0 && row.second == 0));
    }
}

void check_figures(const pos::ReportFigures& report, const Sums& sums) {
    check_section(report.sales, sums.sales, "sales");
    check_section(report.taxes, sums.taxes, "taxes");
    check_section(report.tenders, sums.tenders, "tenders");
    check_section(report.clerks, sums.clerks, "clerks");
    check_section(report.hours, sums.hours, "hours");
}

void check_same_figures(const pos::ReportFigures& a, const pos::ReportFigures& b) {
    CHECK(a.sales == b.sales);
    CHECK(a.taxes == b.taxes);
    CHECK(a.tenders == b.tenders);
    CHECK(a.clerks == b.clerks);
    CHECK(a.hours == b.hours);
}

}  // namespace

TEST_CASE_FIXTURE(DayFixture, "a till day: the blind close is short and a manager accepts it") {
    till_day();
    const auto closed = screen<ui::TillVm>();
    REQUIRE(closed.last_close);
    CHECK(closed.last_close->approval ==
          "Short accepted by Morgan Lee: float miscounted at opening");
    REQUIRE(closed.last_close->tenders.size() == 2);
    const auto& cash = closed.last_close->tenders[0];
    CHECK(cash.tender == "Cash");
    CHECK(cash.expected == amount_text(expected_cash));
    CHECK(cash.counted == amount_text(counted_cash));
    CHECK(cash.difference == "-7.00");
    CHECK(cash.short_);
    const auto& card = closed.last_close->tenders[1];
    CHECK(card.tender == "Card");
    CHECK(card.expected == amount_text(card_total.minor()));
    CHECK(card.difference == "0.00");

    const auto entries = journal();
    const auto found = std::find_if(entries.begin(), entries.end(),
                                    [](const Entry& e) { return e.kind == "shift_close"; });
    REQUIRE(found != entries.end());
    CHECK(found->number("close.approved_by") != 0);
    CHECK(found->field("close.approver_name") == "Morgan Lee");
    CHECK(found->field("close.reason") == "float miscounted at opening");
    CHECK(found->field("close.tenders.1.method") == "cash");
    CHECK(found->field("close.tenders.1.expected") == std::to_string(expected_cash));
    CHECK(found->field("close.tenders.1.difference") == "-700");
    const auto verified = store->verify_journal();
    INFO(verified.message);
    CHECK(verified.ok);
}

TEST_CASE_FIXTURE(DayFixture, "the day's X and Z equal the journal's sums; a second Z is refused") {
    till_day();
    manager_takes_over();
    ok(ui::RunXReport{});
    CHECK(screen<ui::ReportsVm>().title == "X report (changes nothing)");
    const auto x = store->reports().x_report("T01", clock.now, berlin);
    const auto entries_before_z = journal();
    const Sums day = day_journal::sum(entries_before_z, berlin);
    CHECK(day.sales.at("Sales").count == 3);
    CHECK(day.sales.at("Returns").count == 1);
    CHECK(day.sales.at("Voided sales").count == 1);
    CHECK(day.sales.at("Voided lines").count == 1);
    CHECK(day.sales.at("No sales").count == 1);
    CHECK(day.sales.at("Promotions").count == 1);
    CHECK(day.sales.at("Paid out").amount == 1250);
    CHECK(day.sales.at("Drops").amount == 10000);
    CHECK(day.clerks.size() == 2);
    CHECK(day.taxes.size() == 2);
    CHECK(day.hours.size() == 4);

    at(18, 5);
    ok(ui::RunZReport{});
    const auto reports = screen<ui::ReportsVm>();
    CHECK(reports.title == "Z report No. 1");
    const std::int64_t net = day.sales.at("Net sales").amount;
    CHECK(has(reports.text, amount_text(net)));
    REQUIRE(reports.past.size() == 1);
    CHECK(has(reports.past[0].net, amount_text(net)));
    CHECK(printed("T01-Z1"));
    const auto z = store->reports().z_report("T01", 1);
    REQUIRE(z);
    CHECK(z->final);
    CHECK(z->number == 1);
    CHECK(z->run_by == "Morgan Lee");
    CHECK(z->business_day == pos::local_day(clock.now, berlin));
    check_figures(*z, day);
    check_same_figures(x, *z);

    // The journaled Z carries the same figures.
    const auto after = journal();
    REQUIRE(after.size() == entries_before_z.size() + 1);
    const Entry& entry = after.back();
    CHECK(entry.kind == "z_report");
    CHECK(entry.field("entity") == "T01-Z1");
    CHECK(entry.field("z.number") == "1");
    CHECK(entry.field("z.run_by_name") == "Morgan Lee");
    const Sums journaled = day_journal::z_body(entry);
    CHECK(journaled.sales == day.sales);
    CHECK(journaled.taxes == day.taxes);
    CHECK(journaled.tenders == day.tenders);
    CHECK(journaled.clerks == day.clerks);
    CHECK(journaled.hours == day.hours);

    // A second Z the same day is refused and writes nothing.
    at(20);
    CHECK(has(refusal(ui::RunZReport{}), "already ran"));
    CHECK(journal().size() == after.size());
    CHECK(store->reports().z_reports("T01", 10).size() == 1);
    CHECK_FALSE(printed("T01-Z2"));

    // After the Z the day starts again from zero.
    ok(ui::RunXReport{});
    const auto fresh = store->reports().x_report("T01", clock.now, berlin);
    for (const auto& row : fresh.sales) {
        INFO(row.label);
        CHECK(row.count == 0);
        CHECK(row.amount.minor() == 0);
    }
    CHECK(fresh.tenders.empty());
    CHECK(fresh.clerks.empty());
}
