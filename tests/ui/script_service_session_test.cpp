// Scripted customer service run by the real pos-terminal executable: a complaint that ends in an
// exchange (docs/demo-complaint.script) and a special order from deposit to pick-up
// (docs/demo-special-order.script), each followed by `pos-terminal verify-journal`.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "child_process.hpp"
#include "db/store.hpp"
#include "temp_dir.hpp"

namespace {

using testing_support::TempDir;

std::string docs_script(const std::string& name) {
    // The scripts under docs/, found from this file's place in the source tree.
    const auto docs = std::filesystem::path(__FILE__).parent_path().parent_path().parent_path();
    std::ifstream in(docs / "docs" / name, std::ios::binary);
    REQUIRE(in);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

std::vector<nlohmann::json> run_ok(const TempDir& dir, const std::string& script) {
    std::ofstream(dir / "session.script", std::ios::binary) << script;
    const auto run = testing_support::run_program({POS_TERMINAL, "--data", (dir / "data").string(),
                                                   "--script", (dir / "session.script").string()});
    INFO(run.err);
    REQUIRE(run.exit_code == 0);
    std::vector<nlohmann::json> tickets;
    std::istringstream lines(run.out);
    for (std::string line; std::getline(lines, line);) {
        if (!line.empty() && line[0] == '{')
            tickets.push_back(nlohmann::json::parse(line));
    }
    return tickets;
}

void check_journal(const TempDir& dir) {
    const auto verify = testing_support::run_program(
        {POS_TERMINAL, "verify-journal", "--data", (dir / "data").string()});
    INFO(verify.out << verify.err);
    CHECK(verify.exit_code == 0);
    CHECK(verify.out.find("journal OK") != std::string::npos);
}

std::string spooled(const TempDir& dir, const std::string& receipt) {
    std::ifstream in(dir / "data" / "spool" / (receipt + ".txt"), std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

}  // namespace

TEST_CASE("a scripted complaint is recorded for the customer and resolved by an exchange") {
    TempDir dir;
    const auto tickets = run_ok(dir, docs_script("demo-complaint.script"));
    REQUIRE(tickets.size() == 2);
    const auto& exchange = tickets[1];
    CHECK(exchange["kind"] == "exchange");
    REQUIRE(exchange["lines"].size() == 2);
    CHECK(exchange["lines"][0]["return_of"]["original_receipt"] == "T01-000001");
    CHECK(exchange["lines"][0]["return_of"]["reason"] == "faulty");
    CHECK(exchange["lines"][1]["code"] == "5012345000053");
    check_journal(dir);

    auto store = db::open_store(dir / "data" / "terminal.db");
    REQUIRE(store.ok());
    // The complaint the script recorded for its new customer (the demo store's own open
    // complaint, for Ann Smith, has another number and stays as it was).
    const auto customers = (*store)->customers().search("Ada Lovelace", 5);
    REQUIRE(customers.size() == 1);
    const auto theirs = (*store)->interactions().for_customer(customers[0].id, 5);
    REQUIRE(theirs.size() == 1);
    const auto complaint = (*store)->interactions().find(theirs[0].number);
    REQUIRE(complaint);
    CHECK(complaint->number != "S001-000001");
    CHECK(complaint->kind == pos::InteractionKind::complaint);
    CHECK(complaint->customer_name == "Ada Lovelace");
    CHECK(complaint->receipt_number == "T01-000001");
    CHECK(complaint->status == pos::InteractionStatus::resolved);
    CHECK(complaint->outcome_receipts == std::vector<std::string>{"T01-000002"});
    CHECK(complaint->done.find("Exchanged on T01-000002") != std::string::npos);
    const auto demo = (*store)->interactions().find("S001-000001");
    REQUIRE(demo);
    CHECK(demo->customer_name == "Ann Smith");
    CHECK(demo->status == pos::InteractionStatus::open);
}

TEST_CASE("a scripted special order takes its deposit in cash and the balance at pick-up") {
    TempDir dir;
    const auto tickets = run_ok(dir, docs_script("demo-special-order.script"));
    REQUIRE(tickets.size() == 2);
    CHECK(tickets[0]["totals"]["total"] == 500);
    CHECK(tickets[1]["totals"]["total"] == 1798);
    check_journal(dir);

    auto store = db::open_store(dir / "data" / "terminal.db");
    REQUIRE(store.ok());
    const auto order = (*store)->special_orders().find("SO-T01-000002");
    REQUIRE(order);
    CHECK(order->status == pos::SpecialOrderStatus::collected);
    CHECK(order->deposit_receipt == "T01-000001");
    CHECK(order->pickup_receipt == "T01-000002");

    const std::string deposit = spooled(dir, "T01-000001");
    CHECK(deposit.find("SO-T01-000002") != std::string::npos);
    CHECK(deposit.find("Balance due on pick-up") != std::string::npos);
    const std::string pickup = spooled(dir, "T01-000002");
    CHECK(pickup.find("Deposit") != std::string::npos);
    CHECK(pickup.find("12.98") != std::string::npos);
}
