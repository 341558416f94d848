// How the terminal words head-office sync (the status bar and the sync screen) in each state, and
// the Terminal's side: the sync screen, "Sync now", and sync woken after each completed ticket.
#include <doctest/doctest.h>

#include "terminal_fixture.hpp"
#include "ui/sync_text.hpp"

namespace {

// 2026-11-23 12:30 UTC; the terminal's clock reads local time one hour ahead (13:30).
constexpr std::int64_t now = 1'795'437'000'000;
constexpr std::int64_t minute = 60'000;
constexpr int utc_plus_one = 60;

headoffice::SyncStatus online() {
    headoffice::SyncStatus s;
    s.enrolled = true;
    s.online = true;
    s.last_success_ms = now - 26 * minute;  // 12:04 local
    return s;
}

headoffice::SyncStatus offline() {
    headoffice::SyncStatus s;
    s.enrolled = true;
    s.queue_depth = 3;
    s.last_success_ms = now - 40 * minute;  // 11:50 local
    s.last_error = "no answer from head office: connection refused by 10.0.0.2:8443";
    s.retry_in_ms = 8'000;
    return s;
}

ui::SyncBarVm bar(const std::optional<headoffice::SyncStatus>& s) {
    return ui::sync_text::bar(s, now, utc_plus_one);
}

std::string row(const ui::SyncVm& vm, const std::string& label) {
    for (const auto& r : vm.rows) {
        if (r.label == label)
            return r.value;
    }
    return "(no row " + label + ")";
}

ui::SyncVm screen(const std::optional<headoffice::SyncStatus>& s) {
    return ui::sync_text::screen(
        s, {"https://ho.example.com", "High Street (S001)", "T01", now, utc_plus_one});
}

}  // namespace

TEST_CASE("the status bar says head office is online, what waits and when it last synced") {
    const auto vm = bar(online());
    CHECK(vm.text == "Head office: online · 0 waiting · synced 13:04");
    CHECK(vm.tone == ui::SyncTone::good);
    CHECK_FALSE(vm.progress.has_value());
}

TEST_CASE("the status bar says head office is offline, what waits, the last sync and why") {
    const auto vm = bar(offline());
    CHECK(vm.text ==
          "Head office: offline · 3 waiting · last sync 12:50 — no answer from head office: "
          "connection refused by 10.0.0.2:8443");
    CHECK(vm.tone == ui::SyncTone::waiting);
}

TEST_CASE("a last sync on another day shows its date") {
    auto s = offline();
    s.last_success_ms = now - 24 * 60 * minute;
    CHECK(bar(s).text.find("last sync 2026-11-22 13:30 — ") != std::string::npos);
    s.last_success_ms = 0;
    CHECK(bar(s).text.find("· never synced — ") != std::string::npos);
}

TEST_CASE("a terminal that is not enrolled says it is not connected") {
    CHECK(bar(std::nullopt).text == "Not connected to head office");
    CHECK(bar(std::nullopt).tone == ui::SyncTone::off);
    headoffice::SyncStatus forgotten;
    CHECK(bar(forgotten).text == "Not connected to head office");
}

TEST_CASE("revoked credentials tell the clerk to have the terminal enrolled again") {
    auto s = offline();
    s.credentials_revoked = true;
    s.last_error = "head office answered 401: credentials revoked";
    const auto vm = bar(s);
    CHECK(vm.text == "Credentials revoked — ask head office to enrol this terminal again");
    CHECK(vm.tone == ui::SyncTone::problem);
}

TEST_CASE("while the catalogue loads the bar shows how far it has come") {
    auto s = online();
    s.loading_catalogue = true;
    s.changes_loaded = 340'000;
    s.changes_total = 1'000'000;
    const auto vm = bar(s);
    REQUIRE(vm.progress.has_value());
    CHECK(vm.progress->text == "Loading catalogue 340,000 of 1,000,000");
    CHECK(vm.progress->done == 340'000);
    CHECK(vm.progress->total == 1'000'000);
}

TEST_CASE("the sync screen names the changes this terminal skipped, newest first") {
    auto s = offline();
    CHECK(row(screen(s), "Changes not applied here") == "(no row Changes not applied here)");
    s.rejected_changes = 2;
    s.last_rejection = "product \"20000001\" (change 7): wrong check digit";
    CHECK(row(screen(s), "Changes not applied here") ==
          "2 (newest: product \"20000001\" (change 7): wrong check digit)");
}

TEST_CASE("before the first attempt the bar says it is connecting") {
    headoffice::SyncStatus s;
    s.enrolled = true;
    s.queue_depth = 1;
    CHECK(bar(s).text == "Head office: connecting · 1 waiting");
}

TEST_CASE("the sync screen lists the queue, last success, last error and anomalies") {
    auto s = offline();
    s.anomalies = 2;
    const auto vm = screen(s);
    CHECK(vm.headline == "Offline");
    CHECK(vm.advice.find("Nothing is lost") != std::string::npos);
    CHECK(row(vm, "Head office") == "https://ho.example.com");
    CHECK(row(vm, "Store and terminal") == "High Street (S001) · Terminal T01");
    CHECK(row(vm, "Waiting to send") == "3 journal entries");
    CHECK(row(vm, "Last success") == "12:50");
    CHECK(row(vm, "Last error") == s.last_error);
    CHECK(row(vm, "Held for review at head office") == "2 journal entries");
    CHECK(row(vm, "Next attempt") == "in 8 s");
    CHECK(vm.can_sync_now);
}

TEST_CASE("the sync screen of a terminal that is not enrolled offers no Sync now") {
    const auto vm = screen(std::nullopt);
    CHECK(vm.headline == "Not connected");
    CHECK(vm.advice.find("pos-terminal enrol") != std::string::npos);
    CHECK(row(vm, "Head office") == "none");
    CHECK_FALSE(vm.can_sync_now);
}

TEST_CASE("the sync screen of revoked credentials offers no Sync now") {
    auto s = online();
    s.credentials_revoked = true;
    const auto vm = screen(s);
    CHECK(vm.headline == "Credentials revoked");
    CHECK_FALSE(vm.can_sync_now);
}

TEST_CASE("numbers are grouped by thousands") {
    CHECK(ui::sync_text::grouped(0) == "0");
    CHECK(ui::sync_text::grouped(999) == "999");
    CHECK(ui::sync_text::grouped(1000) == "1,000");
    CHECK(ui::sync_text::grouped(1'000'000) == "1,000,000");
}

namespace {

// A terminal whose sync status is set by the test, counting the wake-ups.
struct SyncedTerminal {
    testing_support::TempDir dir;
    std::unique_ptr<db::Store> store = TerminalFixture::open_demo(dir.path() / "terminal.db");
    fakes::Clock clock;
    db::RandomIds ids{clock};
    ui::DeviceHub devices{*store, clock, ids, {dir.path() / "spool"}};
    headoffice::SyncStatus status = online();
    int wakes = 0;
    ui::Terminal terminal{
        {*store, clock, ids, devices, 0, "", [this] { return status; }, [this] { ++wakes; }}};
};

}  // namespace

TEST_CASE("every completed ticket wakes sync, and nothing else does") {
    SyncedTerminal t;
    REQUIRE(t.terminal.apply(ui::LogIn{"1001", "1234"}).ok());
    REQUIRE(t.terminal.apply(ui::Scan{demo::milk, ""}).ok());
    CHECK(t.wakes == 0);
    REQUIRE(t.terminal.apply(ui::TenderCash{"5", false}).ok());
    CHECK(t.wakes == 1);
    REQUIRE(t.terminal.apply(ui::NewSale{}).ok());
    CHECK(t.wakes == 1);
}

TEST_CASE("the status bar and sync screen show the worker's status; Sync now wakes it") {
    SyncedTerminal t;
    t.clock.now = now;
    CHECK(t.terminal.view().sync->text.rfind("Head office: online · 0 waiting", 0) == 0);
    t.status = offline();
    CHECK(t.terminal.view().sync->text.rfind("Head office: offline · 3 waiting", 0) == 0);
    REQUIRE(t.terminal.apply(ui::ShowSync{}).ok());  // the status bar works before logging in
    CHECK(t.terminal.screen() == ui::Screen::sync);
    const auto frame = t.terminal.view();
    REQUIRE(std::holds_alternative<ui::SyncVm>(frame.screen));
    CHECK(std::get<ui::SyncVm>(frame.screen).headline == "Offline");
    REQUIRE(t.terminal.apply(ui::SyncNow{}).ok());
    CHECK(t.wakes == 1);
    CHECK(t.terminal.message().text == "Syncing with head office now");
    REQUIRE(t.terminal.apply(ui::BackToSale{}).ok());
    CHECK(t.terminal.screen() == ui::Screen::login);
}

TEST_CASE("a terminal that is not enrolled says so, and Sync now is refused") {
    TerminalFixture f;
    CHECK(f.terminal.view().sync->text == "Not connected to head office");
    REQUIRE(f.terminal.apply(ui::ShowSync{}).ok());
    CHECK(f.screen<ui::SyncVm>().headline == "Not connected");
    CHECK(f.refusal(ui::SyncNow{}) == "This terminal is not connected to head office");
}

TEST_CASE("a scan on the sync screen is refused with where to go") {
    TerminalFixture f;
    f.log_in();
    REQUIRE(f.terminal.apply(ui::ShowSync{}).ok());
    CHECK(f.refusal(ui::Scanned{demo::milk, "", ""}) ==
          std::string("Scanned ") + demo::milk + ": go back from the sync screen to scan");
}
