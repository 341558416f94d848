// Runs the real pos-terminal executable on scripted sessions.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>

#include "child_process.hpp"
#include "db/store.hpp"
#include "temp_dir.hpp"

namespace {

using testing_support::Finished;
using testing_support::TempDir;

std::string read_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

void write_file(const std::filesystem::path& path, const std::string& text) {
    std::ofstream(path, std::ios::binary) << text;
}

Finished run_terminal(const TempDir& dir, const std::string& script) {
    write_file(dir / "session.script", script);
    return testing_support::run_program({POS_TERMINAL, "--data", (dir / "data").string(),
                                         "--script", (dir / "session.script").string()});
}

const char* three_items =
    "# a clerk sells three scanned items for cash\n"
    "login 1001 1234\n"
    "scan 5012345000015\n"
    "scan 5012345000022\n"
    "scan 5012345000053\n"
    "expect total 12.42\n"
    "pay cash 20.00\n";

bool is_uuid(const std::string& s) {
    static const std::regex uuid(
        "^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$");
    return std::regex_match(s, uuid);
}

// Ids and times differ on every run: check their shape, then mask them for the golden compare.
nlohmann::json masked(nlohmann::json ticket) {
    const auto mask_id = [](nlohmann::json& field) {
        CHECK(is_uuid(field.get<std::string>()));
        field = "<uuid>";
    };
    mask_id(ticket["ticket_id"]);
    for (auto& line : ticket["lines"])
        mask_id(line["id"]);
    for (auto& payment : ticket["payments"])
        mask_id(payment["id"]);
    CHECK(ticket["completed_at_ms"].get<std::int64_t>() >=
          ticket["opened_at_ms"].get<std::int64_t>());
    ticket["opened_at_ms"] = 0;
    ticket["completed_at_ms"] = 0;
    return ticket;
}

std::unique_ptr<db::Store> reopen(const TempDir& dir) {
    auto store = db::open_store(dir / "data" / "terminal.db");
    REQUIRE(store.ok());
    return std::move(store).value();
}

}  // namespace

TEST_CASE("a script that sells three scanned items for cash prints the expected JSON") {
    TempDir dir;
    const auto run = run_terminal(dir, three_items);
    INFO(run.err);
    REQUIRE(run.exit_code == 0);
    const auto ticket = nlohmann::json::parse(run.out);
    const std::string golden_path = COUNTER_SOURCE_DIR "/tests/golden/three_items_sale.json";
    const std::string got = masked(ticket).dump(2) + "\n";
    if (std::getenv("COUNTER_UPDATE_GOLDEN"))
        write_file(golden_path, got);
    CHECK(got == read_file(golden_path));

    // And the sale is in the database after the process has exited.
    auto store = reopen(dir);
    auto stored = store->find_ticket("T01-000001");
    REQUIRE(stored.has_value());
    CHECK(stored->id() == ticket["ticket_id"].get<std::string>());
    CHECK(stored->lines().size() == 3);
    CHECK(stored->totals().total.minor() == 1242);
    CHECK(stored->change_given().minor() == 758);
}

TEST_CASE("a sale reported complete survives SIGKILL straight after the report") {
    TempDir dir;
    // The second sale keeps the process busy after the first one is reported.
    std::string script = three_items;
    for (int i = 0; i < 200; ++i)
        script += "scan 5012345000039\n";
    write_file(dir / "session.script", script);
    const std::string line =
        testing_support::kill_after_line({POS_TERMINAL, "--data", (dir / "data").string(),
                                          "--script", (dir / "session.script").string()},
                                         "\"receipt_number\"");
    REQUIRE_FALSE(line.empty());
    const auto reported = nlohmann::json::parse(line);

    auto store = reopen(dir);
    auto stored = store->find_ticket(reported["receipt_number"].get<std::string>());
    REQUIRE(stored.has_value());
    CHECK(stored->id() == reported["ticket_id"].get<std::string>());
    CHECK(stored->lines().size() == 3);
    CHECK(stored->payments().size() == 2);
    CHECK(stored->totals().total.minor() == reported["totals"]["total"].get<std::int64_t>());
    CHECK(store->completed_ticket_count() == 1);
}

TEST_CASE("a refused line stops the script with its line number, and nothing is stored") {
    TempDir dir;
    const auto run = run_terminal(dir,
                                  "login 1001 1234\n"
                                  "scan 5012345000015\n"
                                  "scan 5012345000016\n"
                                  "pay cash 20\n");
    CHECK(run.exit_code == 1);
    CHECK(run.err.find("session.script:3: scan 5012345000016: Barcode 5012345000016 has a wrong "
                       "check digit") != std::string::npos);
    CHECK(run.out.empty());
    CHECK(reopen(dir)->completed_ticket_count() == 0);
}

TEST_CASE("each kind of refused script line names the problem") {
    struct Case {
        const char* script;
        const char* says;
    };
    const std::vector<Case> cases = {
        {"login 1001 9999\n", "session.script:1: login 1001 9999: Wrong PIN for Alex Martin"},
        {"login 1001 1234\nscan 4009999999995\n",
         ":2: scan 4009999999995: No product has the code"},
        {"login 1001 1234\nscan 5012345000015 0\n",
         ":2: scan 5012345000015 0: Quantity must be more than zero"},
        {"login 1001 1234\nscan 5012345000015 20000\n", "too large (at most 9999 per line)"},
        {"login 1001 1234\nscan 5012345000053\npay cash 5\n",
         ":3: pay cash 5: Cash 5.00 is less than the 8.99 due"},
        {"login 1001 1234\nscan 5012345000053\nexpect total 9.00\n",
         "expected a total of 9.00 but the sale totals 8.99"},
    };
    for (const auto& c : cases) {
        CAPTURE(c.script);
        TempDir dir;
        const auto run = run_terminal(dir, c.script);
        CHECK(run.exit_code == 1);
        CHECK(run.err.find(c.says) != std::string::npos);
        CHECK(reopen(dir)->completed_ticket_count() == 0);
    }
}

TEST_CASE("a malformed line stops the script with exit code 2") {
    TempDir dir;
    const auto run = run_terminal(dir, "login 1001 1234\nscna 5012345000015\n");
    CHECK(run.exit_code == 2);
    CHECK(run.err.find("session.script:2: unknown command 'scna 5012345000015'") !=
          std::string::npos);
}

TEST_CASE("a database file that is not a database is refused and left as it was") {
    TempDir dir;
    std::filesystem::create_directories(dir / "data");
    const std::string junk = "these are my notes, not a database\n";
    write_file(dir / "data" / "terminal.db", junk);
    const auto run = run_terminal(dir, three_items);
    CHECK(run.exit_code == 4);
    CHECK(run.err.find("is not a Counter database") != std::string::npos);
    CHECK(read_file(dir / "data" / "terminal.db") == junk);
}

TEST_CASE("a database from a newer version of the terminal is refused and left as it was") {
    TempDir dir;
    REQUIRE(run_terminal(dir, three_items).exit_code == 0);
    {
        // Pretend a newer terminal migrated the file.
        const auto run = testing_support::run_program({"/usr/bin/sqlite3",
                                                       (dir / "data" / "terminal.db").string(),
                                                       "PRAGMA user_version = 99;"});
        REQUIRE(run.exit_code == 0);
    }
    const std::string before = read_file(dir / "data" / "terminal.db");
    const auto run = run_terminal(dir, three_items);
    CHECK(run.exit_code == 4);
    CHECK(run.err.find("newer version") != std::string::npos);
    CHECK(read_file(dir / "data" / "terminal.db") == before);
}

TEST_CASE("without a display the terminal says how to run it instead of crashing") {
    TempDir dir;
    REQUIRE(run_terminal(dir, "").exit_code == 0);  // creates the demo store
    unsetenv("DISPLAY");
    unsetenv("WAYLAND_DISPLAY");
    const auto run =
        testing_support::run_program({POS_TERMINAL, "--data", (dir / "data").string()});
    CHECK(run.exit_code == 3);
    CHECK(run.err.find("no display") != std::string::npos);
    CHECK(run.err.find("xvfb-run") != std::string::npos);
    CHECK(run.err.find("--screenshot") != std::string::npos);
}

TEST_CASE("a scripted basket with weighed labels, promotions, a void and a split tender") {
    TempDir dir;
    const auto run = run_terminal(dir,
                                  "login 1001 1234\n"
                                  "scan 4011 0.845\n"       // bananas by keyed weight: 1.68
                                  "scan 2312345002501\n"    // 0.250 kg ham label: 3.75
                                  "scan 2212346004125\n"    // cheese wedge priced 4.12
                                  "scan 5012345000039 3\n"  // chocolate 3 for 2: 2.58
                                  "scan 5012345000053\n"    // a wine, voided below
                                  "void wrong bottle\n"
                                  "expect total 12.13\n"
                                  "pay gift 6006000000002\n"  // takes its whole 5.00
                                  "pay card 4.00 AUTH-556677 4242\n"
                                  "pay cash 5 \n");
    INFO(run.err);
    REQUIRE(run.exit_code == 0);
    const auto ticket = nlohmann::json::parse(run.out);
    const auto& lines = ticket["lines"];
    REQUIRE(lines.size() == 5);
    CHECK(lines[0]["quantity_milli"] == 845);
    CHECK(lines[1]["quantity_milli"] == 250);
    CHECK(lines[1]["gross"] == 375);
    CHECK(lines[2]["gross"] == 412);
    CHECK(lines[3]["promotion"] == "3 for 2");
    CHECK(lines[3]["promotion_saving"] == 129);
    CHECK(lines[4]["voided"] == true);
    CHECK(lines[4]["gross"] == 0);
    CHECK(ticket["totals"]["total"] == 1213);
    CHECK(ticket["totals"]["savings"] == 129);
    const auto& payments = ticket["payments"];
    REQUIRE(payments.size() == 4);
    CHECK(payments[0]["method"] == "gift_card");
    CHECK(payments[0]["amount"] == 500);
    CHECK(payments[1]["method"] == "card");
    CHECK(payments[1]["card_last4"] == "4242");
    CHECK(payments[2]["method"] == "cash");
    CHECK(payments[3]["amount"] == -(500 - 313));  // change from 5.00 on 3.13 still due

    // The gift card was debited in the same transaction as the sale.
    auto store = reopen(dir);
    CHECK(store->stored_value().balance(pos::PaymentMethod::gift_card, "6006000000002")->minor() ==
          0);
    CHECK(store->verify_journal().ok);
}

TEST_CASE("a first run that was interrupted while creating the demo store is started again") {
    TempDir dir;
    std::filesystem::create_directories(dir / "data");
    // What an interrupted creation leaves: a half-written file under its temporary name.
    write_file(dir / "data" / "terminal.db.creating", "half a database");
    write_file(dir / "data" / "terminal.db.creating-wal", "half a log");
    const auto run = run_terminal(dir, three_items);
    INFO(run.err);
    CHECK(run.exit_code == 0);
    CHECK(run.err.find("created the demo store") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(dir / "data" / "terminal.db.creating"));
    auto store = reopen(dir);
    CHECK(store->product_count() > 5000);
    CHECK(store->users().active_users().size() == 4);  // clerk, supervisor, manager, admin
}

TEST_CASE(
    "a sale while the virtual printer is out of paper completes; its receipt prints once "
    "when paper is back (docs/devices.script)") {
    TempDir dir;
    const auto run =
        testing_support::run_program({POS_TERMINAL, "--data", (dir / "data").string(), "--script",
                                      std::string(COUNTER_SOURCE_DIR) + "/docs/devices.script"});
    INFO(run.err);
    REQUIRE(run.exit_code == 0);
    // The sale is reported complete while its receipt waits, and the banner says why.
    std::istringstream out(run.out);
    std::vector<std::string> lines;
    for (std::string line; std::getline(out, line);)
        lines.push_back(line);
    REQUIRE(lines.size() == 5);
    CHECK(nlohmann::json::parse(lines[0])["receipt_number"] == "T01-000001");
    CHECK(lines[1] == "T01-000001\tReceipt\twaiting: paper out");
    CHECK(lines[2] == "T01-000001\tReceipt\tprinted");
    // At the end: the receipt once, the test page; the no-sale printed nothing.
    CHECK(lines[3] == "T01-000001\tReceipt\tprinted");
    CHECK(lines[4] == "test-page-1\tTest page\tprinted");
    CHECK(run.err.find("devices.script:8: print banner: Receipt T01-000001 is not printed yet: "
                       "paper out.") != std::string::npos);

    // Printed exactly once: one set of files for the receipt, nothing else but the test page.
    std::vector<std::string> spooled;
    for (const auto& entry : std::filesystem::directory_iterator(dir / "data" / "spool"))
        spooled.push_back(entry.path().filename().string());
    std::sort(spooled.begin(), spooled.end());
    CHECK(spooled == std::vector<std::string>{"T01-000001.escpos", "T01-000001.png",
                                              "T01-000001.txt", "test-page-1.escpos",
                                              "test-page-1.png", "test-page-1.txt"});
    CHECK(read_file(dir / "data" / "spool" / "T01-000001.txt").find("T01-000001") !=
          std::string::npos);

    const auto verify = testing_support::run_program(
        {POS_TERMINAL, "verify-journal", "--data", (dir / "data").string()});
    INFO(verify.out << verify.err);
    CHECK(verify.exit_code == 0);
    CHECK(verify.out.find("journal OK") != std::string::npos);
    auto store = reopen(dir);
    CHECK(store->completed_ticket_count() == 1);
}

TEST_CASE("device script lines that do not fit their form say the form") {
    struct Case {
        const char* line;
        const char* says;
    };
    for (const Case& c : {Case{"printer paper sideways",
                               "'printer' needs the form: printer paper "
                               "out, printer paper in"},
                          Case{"device scan", "'device' needs the form: device scan CODE"},
                          Case{"test page", "'test' needs the form: test print"},
                          Case{"retry job", "'retry' needs the form: retry print"},
                          Case{"print receipts", "'print' needs the form: print jobs"}}) {
        CAPTURE(c.line);
        TempDir dir;
        const auto run = run_terminal(dir, std::string("login 1001 1234\n") + c.line + "\n");
        CHECK(run.exit_code == 2);
        CHECK(run.err.find(std::string("session.script:2: ") + c.says) != std::string::npos);
    }
}

TEST_CASE("pos-terminal devices shows the device settings, saves good ones and refuses bad ones") {
    TempDir dir;
    const std::string data = (dir / "data").string();
    const auto shown = testing_support::run_program({POS_TERMINAL, "devices", "--data", data});
    REQUIRE(shown.exit_code == 0);
    CHECK(shown.out.find("printer:            (auto)") != std::string::npos);
    CHECK(shown.out.find("drawer pulse:       pin 2, 100 ms on, 200 ms off") != std::string::npos);

    const auto saved = testing_support::run_program({POS_TERMINAL, "devices", "--data", data,
                                                     "--printer", "usb:04b8:0e15", "--profile",
                                                     "epson-tm-t20", "--drawer-on-ms", "120"});
    REQUIRE(saved.exit_code == 0);
    CHECK(saved.out.find("printer:            usb:04b8:0e15") != std::string::npos);
    CHECK(saved.out.find("pin 2, 120 ms on") != std::string::npos);

    const auto refused = testing_support::run_program(
        {POS_TERMINAL, "devices", "--data", data, "--drawer-pin", "3"});
    CHECK(refused.exit_code == 2);
    CHECK(refused.err.find("drawer pin 3 must be 0") != std::string::npos);
    const auto after = testing_support::run_program({POS_TERMINAL, "devices", "--data", data});
    CHECK(after.out == saved.out);  // nothing changed
}
