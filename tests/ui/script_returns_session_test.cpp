// Scripted returns, exchanges and approvals run by the real pos-terminal executable, each
// followed by `pos-terminal verify-journal`.
#include <doctest/doctest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "child_process.hpp"
#include "db/store.hpp"
#include "temp_dir.hpp"

namespace {

using testing_support::Finished;
using testing_support::TempDir;

Finished run_script(const TempDir& dir, const std::string& script) {
    std::ofstream(dir / "session.script", std::ios::binary) << script;
    return testing_support::run_program({POS_TERMINAL, "--data", (dir / "data").string(),
                                         "--script", (dir / "session.script").string()});
}

// One JSON document per completed ticket, in order.
std::vector<nlohmann::json> tickets_of(const std::string& out) {
    std::vector<nlohmann::json> tickets;
    std::istringstream lines(out);
    for (std::string line; std::getline(lines, line);) {
        if (!line.empty())
            tickets.push_back(nlohmann::json::parse(line));
    }
    return tickets;
}

// Runs a script that must succeed (its error shown when it does not): the tickets it completed.
std::vector<nlohmann::json> completed_tickets(const TempDir& dir, const std::string& script) {
    const auto run = run_script(dir, script);
    INFO(run.err);
    REQUIRE(run.exit_code == 0);
    return tickets_of(run.out);
}

void check_journal(const TempDir& dir) {
    const auto verify = testing_support::run_program(
        {POS_TERMINAL, "verify-journal", "--data", (dir / "data").string()});
    INFO(verify.out << verify.err);
    CHECK(verify.exit_code == 0);
    CHECK(verify.out.find("journal OK") != std::string::npos);
}

std::int64_t completed_count(const TempDir& dir) {
    auto store = db::open_store(dir / "data" / "terminal.db");
    REQUIRE(store.ok());
    return (*store)->completed_ticket_count();
}

}  // namespace

TEST_CASE("a scripted return with a receipt refunds the wine to cash") {
    TempDir dir;
    const auto tickets = completed_tickets(dir,
                                           "login 1001 1234\n"
                                           "scan 5012345000053\n"  // wine 8.99
                                           "scan 5012345000039\n"  // chocolate 1.29
                                           "pay cash 20\n"
                                           "new\n"
                                           "return\n"
                                           "receipt T01-000001\n"
                                           "return line 1 faulty restock\n"
                                           "back\n"
                                           "expect refund 8.99\n"
                                           "refund\n");
    REQUIRE(tickets.size() == 2);
    const auto& refund = tickets[1];
    CHECK(refund["receipt_number"] == "T01-000002");
    CHECK(refund["kind"] == "return");
    REQUIRE(refund["lines"].size() == 1);
    CHECK(refund["lines"][0]["gross"] == -899);
    CHECK(refund["lines"][0]["return_of"]["original_receipt"] == "T01-000001");
    CHECK(refund["lines"][0]["return_of"]["reason"] == "faulty");
    CHECK(refund["lines"][0]["return_of"]["disposition"] == "restock");
    REQUIRE(refund["payments"].size() == 1);
    CHECK(refund["payments"][0]["method"] == "cash");
    CHECK(refund["payments"][0]["amount"] == -899);
    CHECK(refund["payments"][0]["refund_of"] == tickets[0]["ticket_id"]);
    check_journal(dir);
}

TEST_CASE("a scripted return without a receipt is approved by a supervisor") {
    TempDir dir;
    const auto tickets =
        completed_tickets(dir,
                          "login 1001 1234\n"
                          "return\n"
                          "return item 5012345000015 1 changed_mind restock 5551234567\n"
                          "approve 5001 5555 regular customer, receipt lost\n"
                          "back\n"
                          "expect refund 1.19\n"
                          "refund credit\n");
    REQUIRE(tickets.size() == 1);
    const auto& refund = tickets[0];
    CHECK(refund["kind"] == "return");
    CHECK(refund["lines"][0]["return_of"]["original_receipt"] == "");
    CHECK(refund["payments"][0]["method"] == "store_credit");
    CHECK(refund["payments"][0]["amount"] == -119);
    CHECK(refund["payments"][0]["reference"].get<std::string>().rfind("SC", 0) == 0);
    REQUIRE(refund["approvals"].size() == 1);
    CHECK(refund["approvals"][0]["rule"] == "return_without_receipt");
    CHECK(refund["approvals"][0]["approver_name"] == "Jordan Diaz");
    CHECK(refund["approvals"][0]["reason"] == "regular customer, receipt lost");
    check_journal(dir);
}

TEST_CASE("a scripted exchange that gives money back") {
    TempDir dir;
    const auto tickets = completed_tickets(dir,
                                           "login 1001 1234\n"
                                           "scan 5012345000053\n"
                                           "pay cash 10\n"
                                           "new\n"
                                           "return\n"
                                           "receipt T01-000001\n"
                                           "return line 1 1 wrong_item restock\n"
                                           "back\n"
                                           "scan 5012345000039\n"
                                           "expect refund 7.70\n"
                                           "refund cash\n");
    REQUIRE(tickets.size() == 2);
    CHECK(tickets[1]["kind"] == "exchange");
    CHECK(tickets[1]["totals"]["total"] == -770);
    CHECK(tickets[1]["payments"][0]["amount"] == -770);
    check_journal(dir);
}

TEST_CASE("a scripted exchange where the customer pays the difference") {
    TempDir dir;
    const auto tickets = completed_tickets(dir,
                                           "login 1001 1234\n"
                                           "scan 5012345000039\n"
                                           "pay cash 2\n"
                                           "new\n"
                                           "return\n"
                                           "scan T01-000001\n"  // the receipt's barcode
                                           "return line 1 changed_mind restock\n"
                                           "back\n"
                                           "scan 5012345000053\n"
                                           "expect total 7.70\n"
                                           "pay cash 10\n");
    REQUIRE(tickets.size() == 2);
    CHECK(tickets[1]["kind"] == "exchange");
    CHECK(tickets[1]["totals"]["total"] == 770);
    CHECK(tickets[1]["totals"]["change"] == 230);
    check_journal(dir);
}

TEST_CASE("a scripted post-void approved by a manager, found again by amount") {
    TempDir dir;
    const auto tickets = completed_tickets(dir,
                                           "login 1001 1234\n"
                                           "scan 5012345000053\n"
                                           "pay card 8.99 AUTH-9 4242\n"
                                           "find amount=8.99 card=4242\n"
                                           "open 1\n"
                                           "return\n"
                                           "postvoid rang up twice\n"
                                           "approve badge BADGE-9001-ML customer charged twice\n");
    REQUIRE(tickets.size() == 2);
    CHECK(tickets[1]["kind"] == "post_void");
    CHECK(tickets[1]["post_void_of_receipt"] == "T01-000001");
    CHECK(tickets[1]["payments"][0]["method"] == "card");
    CHECK(tickets[1]["payments"][0]["amount"] == -899);
    CHECK(tickets[1]["approvals"][0]["approver_name"] == "Morgan Lee");
    check_journal(dir);
}

TEST_CASE("a declined approval lets the script go on with nothing returned") {
    TempDir dir;
    const auto tickets =
        completed_tickets(dir,
                          "login 1001 1234\n"
                          "return\n"
                          "return item 5012345000015 changed_mind restock 5551234567\n"
                          "decline 9001 4321 no proof of purchase\n"
                          "back\n"
                          "scan 5012345000039\n"
                          "pay cash 2\n");
    REQUIRE(tickets.size() == 1);
    CHECK(tickets[0]["lines"].size() == 1);
    CHECK_FALSE(tickets[0].contains("kind"));  // a plain sale
    check_journal(dir);
}

TEST_CASE("scripted bad approvals and returns stop the script and refund nothing") {
    struct Case {
        const char* script;
        const char* says;
    };
    const std::string sold = "login 1001 1234\nscan 5012345000053\npay cash 10\nnew\nreturn\n";
    const std::vector<Case> cases = {
        {"receipt T01-000042\n", ":6: receipt T01-000042: No receipt T01-000042 in this store"},
        {"receipt S002-T01-000001\n", "Receipt S002-T01-000001 is from store S002"},
        {"receipt T01-000001\nreturn line 1 2 faulty restock\n",
         ":7: return line 1 2 faulty restock: Only 1 of 1"},
        {"receipt T01-000001\npostvoid oops\napprove 9001 0000 oops\n",
         ":8: approve 9001 0000 oops: Wrong PIN for Morgan Lee"},
        {"receipt T01-000001\npostvoid oops\napprove 5001 5555 oops\n",
         ":8: approve 5001 5555 oops: Jordan Diaz"},
        {"receipt T01-000001\npostvoid oops\nback\n", ":7: postvoid oops: A manager must approve"},
        {"receipt T01-000001\npostvoid oops\n", "the script ended while it waited for approval"},
    };
    for (const auto& c : cases) {
        CAPTURE(c.script);
        TempDir dir;
        const auto run = run_script(dir, sold + c.script);
        CHECK(run.exit_code == 1);
        CHECK(run.err.find(c.says) != std::string::npos);
        CHECK(completed_count(dir) == 1);  // only the sale
        check_journal(dir);
    }
}

TEST_CASE("the demo return and exchange scripts in docs/ run and keep the journal OK") {
    struct Demo {
        const char* file;
        std::vector<std::string> kinds;
    };
    const std::vector<Demo> demos = {
        {"/docs/demo-return.script", {"sale", "return", "return"}},
        {"/docs/demo-exchange.script", {"sale", "exchange", "exchange"}},
    };
    for (const auto& demo : demos) {
        CAPTURE(demo.file);
        TempDir dir;
        const auto run =
            testing_support::run_program({POS_TERMINAL, "--data", (dir / "data").string(),
                                          "--script", std::string(COUNTER_SOURCE_DIR) + demo.file});
        INFO(run.err);
        REQUIRE(run.exit_code == 0);
        std::vector<std::string> kinds;
        for (const auto& ticket : tickets_of(run.out))
            kinds.push_back(ticket.value("kind", std::string("sale")));
        CHECK(kinds == demo.kinds);
        check_journal(dir);
    }
}
