// The store day of docs/demo-day.script, run by the real pos-terminal executable: what it wrote
// is read back from its data folder: the Z report's row in the store file (with the sqlite3 API)
// against the tickets the script printed and the journal's own entries, the Z report and the
// till's close slip in the printer's spool, and `pos-terminal verify-journal`. A second Z the
// same day is refused with nothing written.
#include <doctest/doctest.h>
#include <sqlite3.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "child_process.hpp"
#include "day_journal.hpp"
#include "temp_dir.hpp"

namespace {

using testing_support::TempDir;

std::string read_text(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

std::string docs_script(const std::string& name) {
    return read_text(std::filesystem::path(COUNTER_SOURCE_DIR) / "docs" / name);
}

testing_support::Finished run_script(const TempDir& dir, const std::string& name,
                                     const std::string& script) {
    std::ofstream(dir / name, std::ios::binary) << script;
    return testing_support::run_program(
        {POS_TERMINAL, "--data", (dir / "data").string(), "--script", (dir / name).string()});
}

std::vector<nlohmann::json> tickets_of(const std::string& out) {
    std::vector<nlohmann::json> tickets;
    std::istringstream lines(out);
    for (std::string line; std::getline(lines, line);) {
        if (!line.empty() && line[0] == '{')
            tickets.push_back(nlohmann::json::parse(line));
    }
    return tickets;
}

struct ZRow {
    std::int64_t number = 0;
    std::string run_by_name;
    std::int64_t net_minor = 0;
    std::string figures;
};

// The z_reports rows of the store file, read without db/.
std::vector<ZRow> z_rows(const std::filesystem::path& file) {
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open_v2(file.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK);
    sqlite3_stmt* statement = nullptr;
    const char* sql =
        "SELECT number, run_by_name, net_minor, figures FROM z_reports ORDER BY number";
    const int prepared = sqlite3_prepare_v2(db, sql, -1, &statement, nullptr);
    INFO(sqlite3_errmsg(db));
    REQUIRE(prepared == SQLITE_OK);
    std::vector<ZRow> rows;
    const auto text = [&](int column) {
        return std::string(reinterpret_cast<const char*>(sqlite3_column_text(statement, column)));
    };
    while (sqlite3_step(statement) == SQLITE_ROW)
        rows.push_back({sqlite3_column_int64(statement, 0), text(1),
                        sqlite3_column_int64(statement, 2), text(3)});
    sqlite3_finalize(statement);
    sqlite3_close(db);
    return rows;
}

std::int64_t sum_of(const day_journal::Rows& rows) {
    std::int64_t total = 0;
    for (const auto& [label, row] : rows)
        total += row.amount;
    return total;
}

}  // namespace

TEST_CASE("a scripted store day ends in a Z report that adds up to its tickets and journal") {
    TempDir dir;
    const auto run = run_script(dir, "day.script", docs_script("demo-day.script"));
    INFO(run.err);
    REQUIRE(run.exit_code == 0);
    const auto tickets = tickets_of(run.out);
    REQUIRE(tickets.size() == 4);
    CHECK(tickets[3]["kind"] == "return");
    std::int64_t net = 0;
    for (const auto& ticket : tickets)
        net += ticket["totals"]["total"].get<std::int64_t>();
    CHECK(net == 1018 + 1028 + 200 - 899);

    const auto file = dir / "data" / "terminal.db";
    const auto rows = z_rows(file);
    REQUIRE(rows.size() == 1);
    CHECK(rows[0].number == 1);
    CHECK(rows[0].run_by_name == "Morgan Lee");
    CHECK(rows[0].net_minor == net);

    // The figures stored with the Z are the journal's, summed by the test (hours by local time,
    // which is the machine's: their sum is checked).
    day_journal::Entry stored;
    stored.fields = day_journal::parse_payload(rows[0].figures);
    const auto z = day_journal::z_body(stored);
    const auto entries = day_journal::read(file);
    REQUIRE_FALSE(entries.empty());
    CHECK(entries.back().kind == "z_report");
    auto before_z = entries;
    before_z.pop_back();
    const auto day = day_journal::sum(before_z, 0);
    CHECK(z.sales == day.sales);
    CHECK(z.taxes == day.taxes);
    CHECK(z.tenders == day.tenders);
    CHECK(z.clerks == day.clerks);
    CHECK(sum_of(z.hours) == net);
    CHECK(day.sales.at("Net sales").amount == net);
    CHECK(day.sales.at("Paid in").amount == 2000);
    CHECK(day.sales.at("Paid out").amount == 1250);
    CHECK(day.sales.at("Drops").amount == 10000);
    CHECK(day.tenders.at("Card").amount == 1028);
    CHECK(day.sales.at("Voided lines").count == 1);
    CHECK(day.sales.at("No sales").count == 1);
    CHECK(day.clerks.size() == 2);

    // The close and the Z as printed into the spool.
    const auto spool = dir / "data" / "spool";
    const std::string slip = read_text(spool / "T01-shift1-close.txt");
    CHECK(slip.find("7.00") != std::string::npos);
    CHECK(slip.find("Morgan Lee") != std::string::npos);
    const std::string printed = read_text(spool / "T01-Z1.txt");
    CHECK(printed.find("Z") != std::string::npos);
    CHECK(printed.find("Morgan Lee") != std::string::npos);
    CHECK(printed.find("13.47") != std::string::npos);  // net: 10.18 + 10.28 + 2.00 - 8.99
    CHECK(read_text(spool / "T01-Z1.png").substr(0, 8) == "\x89PNG\r\n\x1a\n");

    const auto verify = testing_support::run_program(
        {POS_TERMINAL, "verify-journal", "--data", (dir / "data").string()});
    INFO(verify.out << verify.err);
    CHECK(verify.exit_code == 0);
    CHECK(verify.out.find("journal OK") != std::string::npos);

    // A second Z the same day: refused (exit 1, the reason on stderr), nothing written.
    const auto again = run_script(dir, "again.script", "login 9001 4321\nreport z\n");
    CHECK(again.exit_code == 1);
    CHECK(again.err.find("already ran") != std::string::npos);
    CHECK(z_rows(file).size() == 1);
    CHECK(day_journal::read(file).size() == entries.size());
    CHECK_FALSE(std::filesystem::exists(spool / "T01-Z2.txt"));
}
