// pos-headoffice's till commands, the real binary over a head office (SQLite) that received a
// terminal's Z reports and till close: z-reports, z-report, over-short, and what they refuse.
#include <doctest/doctest.h>

#include "child_process.hpp"
#include "till_chain.hpp"

using testing_support::Finished;
using testing_support::run_program;
using namespace till_entries;

namespace {

const std::string binary = COUNTER_BINARY_DIR "/headoffice/server/pos-headoffice";

// Head office holding T01's close of shift 3 (cash short 12.30) and its Z reports No. 1 and 2.
struct HeldDay {
    till_chain::TillChain chain{server_test::Backend::sqlite};
    std::string location = "sqlite:" + (chain.dir / "headoffice.db").string();

    HeldDay() {
        TerminalJournal journal("T01");
        pos::ReportFigures second = sample_z("T01", 2);
        second.business_day += 1;
        second.to_ms += 86'400'000;
        chain.upload(server_test::t01,
                     {close_entry(journal, sample_close("T01", "shift-0003")),
                      z_entry(journal, sample_z("T01", 1)), z_entry(journal, second)});
    }
    Finished admin(std::vector<std::string> arguments) const {
        arguments.insert(arguments.begin(), {binary, "--db", location});
        return run_program(arguments);
    }
};

bool has(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

}  // namespace

TEST_CASE("z-reports lists every Z report a store's terminals sent, with its net sales") {
    HeldDay held;
    const Finished listed = held.admin({"z-reports", "S001"});
    REQUIRE_MESSAGE(listed.exit_code == 0, listed.err);
    CHECK(listed.out ==
          "store   terminal  Z     day         run at                run by                "
          "tickets     net sales\n"
          "S001    T01       1     2026-11-23  2026-11-23 21:05 UTC  Morgan Lee                  "
          "7        110.97\n"
          "S001    T01       2     2026-11-24  2026-11-24 21:05 UTC  Morgan Lee                  "
          "7        110.97\n");
    CHECK(has(held.admin({"z-reports"}).out, "S001    T01       2"));
    CHECK(held.admin({"z-reports", "S002"}).out == "(no Z reports)\n");

    const Finished unknown = held.admin({"z-reports", "S009"});
    CHECK(unknown.exit_code == 1);
    CHECK(unknown.err == "pos-headoffice: There is no store S009\n");
}

TEST_CASE("z-report prints one Z report's figures, section by section") {
    HeldDay held;
    const Finished shown = held.admin({"z-report", "S001", "T01", "1"});
    REQUIRE_MESSAGE(shown.exit_code == 0, shown.err);
    CHECK(has(shown.out,
              "Z report No. 1, terminal T01, store S001\n"
              "business day 2026-11-23\n"
              "from 2026-11-23 08:00 UTC to 2026-11-23 21:05 UTC\n"
              "run by Morgan Lee\n"
              "Sales\n"
              "  Sales                         5        123.45\n"
              "  Returns                       1         -8.99\n"));
    CHECK(has(shown.out, "  Net sales                     7        110.97\n"));
    CHECK(has(shown.out,
              "Taxes\n"
              "  A 20%                         3         14.99\n"
              "  B 5%                          6          2.12\n"
              "Tenders\n"
              "  Cash                          4         60.97\n"
              "  Card                          2         50.00\n"
              "Clerks\n"
              "  Alex Martin                   4         80.00\n"
              "  Sam Taylor                    3         30.97\n"
              "Hours\n"
              "  09:00                         3         45.00\n"
              "  14:00                         4         65.97\n"));

    const Finished missing = held.admin({"z-report", "S001", "T01", "9"});
    CHECK(missing.exit_code == 1);
    CHECK(missing.err == "pos-headoffice: Head office holds no Z report No. 9 of T01 in S001\n");
    const Finished not_a_number = held.admin({"z-report", "S001", "T01", "first"});
    CHECK(not_a_number.exit_code == 2);
    CHECK(has(not_a_number.err, "NUMBER"));
    CHECK(held.admin({"z-report", "S001", "T01"}).exit_code == 2);
}

TEST_CASE("over-short lists each till close with what was expected, counted and short") {
    HeldDay held;
    const Finished shown = held.admin({"over-short", "S001"});
    REQUIRE_MESSAGE(shown.exit_code == 0, shown.err);
    CHECK(shown.out ==
          "S001 T01 shift 3, closed 2026-11-23 18:00 UTC by Sam Taylor\n"
          "  cash           expected     245.60  counted     233.30  short 12.30\n"
          "  card           expected      50.00  counted      50.00  balanced\n"
          "  approved by Morgan Lee: Paid a delivery from the drawer without a slip\n");
    CHECK(held.admin({"over-short"}).out == shown.out);
    CHECK(held.admin({"over-short", "S002"}).out == "(no till closes)\n");
    const Finished unknown = held.admin({"over-short", "S009"});
    CHECK(unknown.exit_code == 1);
    CHECK(unknown.err == "pos-headoffice: There is no store S009\n");
}
