// X and Z reports and the dashboard at the Terminal level, on a real demo store: who may see
// them, what the screens show, the Z printed and listed, a second Z the same day refused with
// nothing written, the dashboard's figures and its CSV export.
#include <doctest/doctest.h>

#include <algorithm>
#include <cctype>
#include <fstream>
#include <sstream>

#include "terminal_fixture.hpp"
#include "ui/script.hpp"

namespace {

constexpr std::int64_t hour_ms = 60LL * 60 * 1000;
constexpr std::int64_t day_ms = 24 * hour_ms;
// 2026-09-21 09:00 UTC: the store opens; its day runs to midnight.
constexpr std::int64_t morning = 1'790'000'000'000 / day_ms * day_ms + 9 * hour_ms;

std::string lower(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return text;
}

bool has(const std::string& text, const std::string& part) {
    return lower(text).find(lower(part)) != std::string::npos;
}

std::string read_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

// TerminalFixture with the export folder set, as pos-terminal sets it (DATA/exports).
struct ReportsFixture {
    testing_support::TempDir dir;
    std::unique_ptr<db::Store> store = TerminalFixture::open_demo(dir.path() / "terminal.db");
    fakes::Clock clock;
    db::RandomIds ids{clock};
    ui::DeviceHub devices{*store, clock, ids, {dir.path() / "spool"}};
    ui::Terminal terminal{{.store = *store,
                           .clock = clock,
                           .ids = ids,
                           .devices = devices,
                           .export_dir = dir.path() / "exports"}};

    ReportsFixture() { clock.now = morning; }

    void log_in(const char* code, const char* pin) {
        REQUIRE(terminal.apply(ui::LogIn{code, pin}).ok());
    }
    void clerk() { log_in("1001", "1234"); }       // Alex Martin
    void supervisor() { log_in("5001", "5555"); }  // Jordan Diaz
    void log_out() { REQUIRE(terminal.apply(ui::LogOut{}).ok()); }

    std::string sell(std::initializer_list<const char*> codes, const char* cash) {
        for (const char* code : codes)
            REQUIRE(terminal.apply(ui::Scan{code, ""}).ok());
        REQUIRE(terminal.apply(ui::TenderCash{cash, false}).ok());
        const std::string receipt = terminal.completed_ticket()->receipt_number();
        REQUIRE(terminal.apply(ui::NewSale{}).ok());
        return receipt;
    }
    // The first line of the receipt back for cash.
    void return_first_line(const std::string& receipt) {
        REQUIRE(terminal.apply(ui::StartReturn{}).ok());
        REQUIRE(terminal.apply(ui::OpenReceipt{receipt}).ok());
        REQUIRE(terminal.apply(ui::ReturnItem{0, "", "faulty", "restock"}).ok());
        REQUIRE(terminal.apply(ui::BackToSale{}).ok());
        REQUIRE(terminal.apply(ui::Refund{"cash", "", ""}).ok());
        REQUIRE(terminal.apply(ui::NewSale{}).ok());
    }
    // A clerk's day: milk (1.19) and wine (8.99) in two sales, net 10.18.
    void clerk_day() {
        clerk();
        sell({demo::milk}, "5");
        sell({demo::wine}, "10");
        log_out();
    }
    std::string refusal(const ui::Intent& intent) {
        auto result = terminal.apply(intent);
        REQUIRE_FALSE(result.ok());
        CHECK(terminal.message().text == result.error().message);
        return result.error().message;
    }
    template <typename Vm>
    Vm screen() const {
        auto frame = terminal.view();
        REQUIRE(std::holds_alternative<Vm>(frame.screen));
        return std::get<Vm>(frame.screen);
    }
    ui::ReportsVm reports() const { return screen<ui::ReportsVm>(); }
    std::vector<std::string> job_names() {
        std::vector<std::string> names;
        for (const auto& job : devices.print_queue().recent(50))
            names.push_back(job.name);
        return names;
    }
    bool printed(const std::string& name) {
        const auto names = job_names();
        return std::find(names.begin(), names.end(), name) != names.end();
    }
    std::size_t z_count() { return store->reports().z_reports("T01", 100).size(); }
    void open_till() {
        db::NewShift shift{ids.new_id(), "T01", 1001, "Alex Martin", clock.now, {}};
        REQUIRE(store->till().open_shift(shift).ok());
    }
};

}  // namespace

TEST_CASE_FIXTURE(ReportsFixture, "A clerk is refused the reports and the dashboard") {
    clerk();
    for (const ui::Intent& intent :
         {ui::Intent{ui::ShowReports{}}, ui::Intent{ui::RunXReport{}}, ui::Intent{ui::RunZReport{}},
          ui::Intent{ui::ShowDashboard{}}, ui::Intent{ui::ExportDashboard{}}}) {
        const std::string why = refusal(intent);
        CHECK(has(why, "Only a supervisor or above may"));
        CHECK(has(why, "Alex Martin is a clerk"));
        CHECK(terminal.screen() == ui::Screen::sale);
    }
    CHECK(z_count() == 0);
    CHECK_FALSE(std::filesystem::exists(dir.path() / "exports"));
}

TEST_CASE_FIXTURE(ReportsFixture, "An X report shows the day so far and changes nothing") {
    clerk_day();
    supervisor();
    REQUIRE(terminal.apply(ui::ShowReports{}).ok());
    auto vm = reports();
    CHECK(vm.title.empty());
    CHECK(vm.past.empty());
    CHECK(vm.can_z);
    CHECK_FALSE(vm.can_print);

    REQUIRE(terminal.apply(ui::RunXReport{}).ok());
    CHECK(terminal.message().text == "X report: net sales EUR 10.18 (2 tickets); nothing changed");
    vm = reports();
    CHECK(vm.title == "X report (changes nothing)");
    CHECK(has(vm.text, "X report"));
    CHECK(has(vm.text, "Net sales"));
    CHECK(has(vm.text, "10.18"));
    CHECK(has(vm.text, "Alex Martin"));  // the clerks section
    CHECK(vm.can_print);
    // A second reading is the same; nothing was stored or printed.
    REQUIRE(terminal.apply(ui::RunXReport{}).ok());
    CHECK(reports().text == vm.text);
    CHECK(z_count() == 0);
    CHECK(job_names().size() == 2);  // the two sales' receipts only

    REQUIRE(terminal.apply(ui::PrintReport{}).ok());
    CHECK(printed("T01-X-1"));
    CHECK(terminal.message().text.rfind("X report", 0) == 0);
    REQUIRE(terminal.apply(ui::BackToSale{}).ok());
    CHECK(terminal.screen() == ui::Screen::sale);
}

TEST_CASE_FIXTURE(ReportsFixture, "A Z report is numbered, printed, listed, and zeroes the day") {
    clerk_day();
    supervisor();
    // From the sale screen: the Z opens the reports screen itself.
    REQUIRE(terminal.apply(ui::RunZReport{}).ok());
    CHECK(terminal.screen() == ui::Screen::reports);
    CHECK(has(terminal.message().text, "Z report No. 1 done: net sales EUR 10.18"));
    auto vm = reports();
    CHECK(vm.title == "Z report No. 1");
    CHECK(has(vm.text, "Z report No. 1"));
    CHECK(has(vm.text, "10.18"));
    REQUIRE(vm.past.size() == 1);
    CHECK(vm.past[0].number == 1);
    CHECK(vm.past[0].net == "EUR 10.18");
    CHECK(has(vm.past[0].text, "Jordan Diaz"));
    CHECK(vm.past[0].shown);
    CHECK(printed("T01-Z1"));
    CHECK(std::filesystem::exists(dir.path() / "spool" / "T01-Z1.txt"));
    // The day is done here: Z cannot run again, and says why.
    CHECK_FALSE(vm.can_z);
    CHECK(vm.z_note == "Z report No. 1 already ran today; the next one can run tomorrow");

    SUBCASE("the X after it starts from zero") {
        REQUIRE(terminal.apply(ui::RunXReport{}).ok());
        CHECK(terminal.message().text ==
              "X report: net sales EUR 0.00 (0 tickets); nothing changed");
    }
    SUBCASE("a second Z the same day is refused with the store's message; nothing is written") {
        const auto jobs = job_names().size();
        const std::string why = refusal(ui::RunZReport{});
        CHECK(has(why, "Z report No. 1 already ran for"));
        CHECK(z_count() == 1);
        CHECK(job_names().size() == jobs);
        CHECK(reports().title == "Z report No. 1");
        CHECK(store->verify_journal().ok);
    }
    SUBCASE("the next day a Z runs again, numbered 2; the first is shown again by number") {
        clock.now += day_ms;
        log_out();
        clerk();
        sell({demo::chocolate}, "2");
        log_out();
        supervisor();
        REQUIRE(terminal.apply(ui::ShowReports{}).ok());
        CHECK(reports().can_z);
        REQUIRE(terminal.apply(ui::RunZReport{}).ok());
        vm = reports();
        CHECK(vm.title == "Z report No. 2");
        REQUIRE(vm.past.size() == 2);
        CHECK(vm.past[0].number == 2);  // newest first
        CHECK(vm.past[0].net == "EUR 1.29");
        CHECK(printed("T01-Z2"));

        REQUIRE(terminal.apply(ui::ShowZReport{1}).ok());
        vm = reports();
        CHECK(vm.title == "Z report No. 1");
        CHECK(has(vm.text, "10.18"));
        CHECK(vm.past[1].shown);
        CHECK_FALSE(vm.past[0].shown);
        // Printed again as a copy, under a name of its own.
        REQUIRE(terminal.apply(ui::PrintReport{}).ok());
        CHECK(printed("T01-Z1-copy1"));
        CHECK(z_count() == 2);
        CHECK(store->verify_journal().ok);
    }
}

TEST_CASE_FIXTURE(ReportsFixture, "Z is refused while the till is open, and says so beforehand") {
    clerk_day();
    open_till();
    supervisor();
    REQUIRE(terminal.apply(ui::ShowReports{}).ok());
    auto vm = reports();
    CHECK_FALSE(vm.can_z);
    CHECK(has(vm.z_note, "Close the till first: shift 1 is open (Alex Martin since"));
    const std::string why = refusal(ui::RunZReport{});
    CHECK(has(why, "Close the till first"));
    CHECK(z_count() == 0);
    CHECK(reports().title.empty());
    // The X still reads the day.
    REQUIRE(terminal.apply(ui::RunXReport{}).ok());
    CHECK(has(reports().text, "10.18"));
}

TEST_CASE_FIXTURE(ReportsFixture, "Reports refuse what makes no sense, naming it") {
    supervisor();
    CHECK(refusal(ui::PrintReport{}) == "Cannot print a report on this screen");
    REQUIRE(terminal.apply(ui::ShowReports{}).ok());
    CHECK(refusal(ui::PrintReport{}) ==
          "Run an X or Z report, or pick an earlier Z, then print it");
    CHECK(refusal(ui::ShowZReport{7}) ==
          "There is no Z report No. 7 on terminal T01 (none has run yet)");
    REQUIRE(terminal.apply(ui::RunZReport{}).ok());
    CHECK(refusal(ui::ShowZReport{7}) ==
          "There is no Z report No. 7 on terminal T01 (the last is No. 1)");
    CHECK(reports().title == "Z report No. 1");  // still the one shown
}

TEST_CASE_FIXTURE(ReportsFixture, "A sale in progress holds the Z back") {
    supervisor();
    REQUIRE(terminal.apply(ui::Scan{demo::milk, ""}).ok());
    CHECK(refusal(ui::RunZReport{}) == "A sale is open: finish or suspend it before the Z report");
    CHECK(terminal.screen() == ui::Screen::sale);
    CHECK(z_count() == 0);
}

TEST_CASE_FIXTURE(ReportsFixture,
                  "The dashboard shows today's hours, tenders, returns and top items") {
    clerk();
    sell({demo::wine, demo::wine}, "20");  // 09:00: 17.98
    clock.now += hour_ms;
    const std::string milk = sell({demo::milk}, "5");  // 10:00: 1.19
    sell({demo::chocolate}, "5");                      // 10:00: 1.29
    return_first_line(milk);                           // 10:00: -1.19
    log_out();
    supervisor();
    REQUIRE(terminal.apply(ui::ShowDashboard{}).ok());
    CHECK(terminal.screen() == ui::Screen::dashboard);
    const auto vm = screen<ui::DashboardVm>();
    CHECK(vm.title == "Today, 2026-09-21");
    CHECK(vm.sales == "3 sales, EUR 20.46");
    CHECK(vm.returns == "1 return, EUR 1.19");
    CHECK(vm.returns_rate_ppm == 333'333);
    CHECK(vm.returns_rate == "33.3% of sales");
    REQUIRE(vm.by_hour.size() == 2);
    CHECK(vm.by_hour[0].label == "09:00");
    CHECK(vm.by_hour[0].amount_minor == 1798);
    CHECK(vm.by_hour[0].value == "EUR 17.98 (1)");
    CHECK(vm.by_hour[1].label == "10:00");
    CHECK(vm.by_hour[1].amount_minor == 129);  // 1.19 + 1.29 - 1.19
    REQUIRE(vm.tenders.size() == 1);
    CHECK(vm.tenders[0].label == "Cash");
    REQUIRE(vm.top_items.size() >= 2);
    CHECK(vm.top_items[0].amount_minor == 1798);  // the wine, largest first
    CHECK(vm.top_items[0].value == "2 · EUR 17.98");
    CHECK(vm.exported.empty());

    // Reports and back: Back still leaves for the sale screen.
    REQUIRE(terminal.apply(ui::ShowReports{}).ok());
    REQUIRE(terminal.apply(ui::BackToSale{}).ok());
    CHECK(terminal.screen() == ui::Screen::sale);
}

TEST_CASE_FIXTURE(ReportsFixture, "Export writes today's dashboard as CSV and says where") {
    clerk();
    sell({demo::wine}, "10");
    log_out();
    supervisor();
    REQUIRE(terminal.apply(ui::ShowDashboard{}).ok());
    const auto path = dir.path() / "exports" / "dashboard-2026-09-21.csv";
    SUBCASE("written") {
        REQUIRE(terminal.apply(ui::ExportDashboard{}).ok());
        CHECK(terminal.message().text == "Dashboard exported to " + path.string());
        CHECK(screen<ui::DashboardVm>().exported == path.string());
        const std::string csv = read_file(path);
        CHECK(csv.rfind("section,label,count,amount\r\n", 0) == 0);
        CHECK(csv.find("tender,Cash,1,8.99\r\n") != std::string::npos);
        CHECK(csv == pos::dashboard_csv(store->reports().dashboard(morning - 9 * hour_ms,
                                                                   morning + 15 * hour_ms, 0)));
        // Exported again, it replaces the file with the figures of now.
        REQUIRE(terminal.apply(ui::ExportDashboard{}).ok());
        CHECK(std::filesystem::exists(path));
    }
    SUBCASE("the folder cannot be made: refused, naming it, nothing written") {
        std::ofstream(dir.path() / "exports") << "a file where the folder should be";
        const std::string why = refusal(ui::ExportDashboard{});
        CHECK(has(why, "The dashboard was not exported: the folder"));
        CHECK(has(why, (dir.path() / "exports").string()));
        CHECK(screen<ui::DashboardVm>().exported.empty());
        CHECK(read_file(dir.path() / "exports") == "a file where the folder should be");
    }
}

namespace {

ui::Intent parsed(const std::string& line) {
    auto step = ui::parse_script_line(line);
    REQUIRE_MESSAGE(step.ok(), line);
    REQUIRE(step->has_value());
    REQUIRE(std::holds_alternative<ui::Intent>(**step));
    return std::get<ui::Intent>(**step);
}

std::string parse_error(const std::string& line) {
    auto step = ui::parse_script_line(line);
    REQUIRE_FALSE(step.ok());
    return step.error().message;
}

}  // namespace

TEST_CASE("The report and dashboard script commands") {
    CHECK(std::holds_alternative<ui::ShowReports>(parsed("report")));
    CHECK(std::holds_alternative<ui::RunXReport>(parsed("report x")));
    CHECK(std::holds_alternative<ui::RunZReport>(parsed("report z")));
    CHECK(std::holds_alternative<ui::PrintReport>(parsed("report print")));
    CHECK(std::get<ui::ShowZReport>(parsed("report show 12")).number == 12);
    CHECK(std::holds_alternative<ui::ShowDashboard>(parsed("dashboard")));
    CHECK(std::holds_alternative<ui::ExportDashboard>(parsed("dashboard export")));
    CHECK(parse_error("report show 0") == "A Z report number is 1 or more, not '0'");
    CHECK(parse_error("report show x1") == "A Z report number is 1 or more, not 'x1'");
    CHECK(parse_error("report y") ==
          "'report' needs the form: report, report x, report z, report print or report show N");
    CHECK(parse_error("report x now") ==
          "'report' needs the form: report, report x, report z, report print or report show N");
    CHECK(parse_error("dashboard print") ==
          "'dashboard' needs the form: dashboard or dashboard export");
}

TEST_CASE_FIXTURE(ReportsFixture, "A scripted day ends with a Z; a second Z stops the script") {
    std::istringstream script(
        "login 1001 1234\nscan 5012345000015\npay cash 5\nnew\nlogout\n"
        "login 9001 4321\nreport x\nreport z\nreport show 1\nreport print\n"
        "dashboard export\nreport z\n");
    std::ostringstream out;
    std::ostringstream err;
    CHECK(ui::run_script(terminal, script, "day", out, err) == ui::script_refused);
    INFO(err.str());
    CHECK(has(err.str(), "day:12: report z: Z report No. 1 already ran for 2026-09-21"));
    CHECK(z_count() == 1);
    CHECK(printed("T01-Z1"));
    CHECK(printed("T01-Z1-copy1"));
    CHECK(std::filesystem::exists(dir.path() / "exports" / "dashboard-2026-09-21.csv"));
}
