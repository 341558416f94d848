// The real pos-headoffice binary, run as an admin would run it.
#include <doctest/doctest.h>

#include <fstream>
#include <regex>
#include <string>
#include <vector>

#include "child_process.hpp"
#include "fakes.hpp"
#include "headoffice/server/head_office.hpp"
#include "pg_server.hpp"
#include "temp_dir.hpp"

using testing_support::Finished;
using testing_support::run_program;

namespace {

const std::string binary = COUNTER_BINARY_DIR "/headoffice/server/pos-headoffice";

// Runs pos-headoffice with --db location and the given arguments.
Finished admin(const std::string& location, std::vector<std::string> arguments) {
    arguments.insert(arguments.begin(), {binary, "--db", location});
    return run_program(arguments);
}

struct DemoDatabase {
    testing_support::TempDir dir;
    std::string location = "sqlite:" + (dir / "headoffice.db").string();
    DemoDatabase() {
        const Finished demo = admin(location, {"demo"});
        REQUIRE_MESSAGE(demo.exit_code == 0, demo.err);
    }
};

}  // namespace

TEST_CASE("demo sets up the chain and prints an enrolment code for each terminal") {
    testing_support::TempDir dir;
    const std::string location = "sqlite:" + (dir / "headoffice.db").string();
    const Finished demo = admin(location, {"demo"});
    REQUIRE_MESSAGE(demo.exit_code == 0, demo.err);
    for (const char* terminal : {"T01", "T02", "T11"}) {
        const std::regex line(std::string("enrolment code for ") + terminal +
                              ": [2-9A-Z]{4}-[2-9A-Z]{4}\n");
        CHECK_MESSAGE(std::regex_search(demo.out, line), demo.out);
    }

    const Finished again = admin(location, {"demo"});
    CHECK(again.exit_code == 1);
    CHECK(again.err.find("the demo needs a fresh database") != std::string::npos);
}

TEST_CASE("create-store refuses a bad code with a message, and stores nothing") {
    DemoDatabase db;
    const Finished bad = admin(db.location, {"create-store", "S 1!", "--name", "Bad"});
    CHECK(bad.exit_code == 1);
    CHECK(bad.err.find("'S 1!'") != std::string::npos);

    const Finished taken = admin(db.location, {"create-store", "S001", "--name", "Again"});
    CHECK(taken.exit_code == 1);
    CHECK(taken.err.find("S001") != std::string::npos);

    const Finished setting =
        admin(db.location, {"create-store", "S003", "--name", "Third", "--setting", "nokey"});
    CHECK(setting.exit_code == 2);
    CHECK(setting.err.find("--setting 'nokey' is not key=value") != std::string::npos);

    const Finished no_name = admin(db.location, {"create-store", "S004"});
    CHECK(no_name.exit_code == 2);
    CHECK(no_name.err.find("--name") != std::string::npos);

    const Finished good = admin(db.location, {"create-store", "S003", "--name", "Third",
                                              "--setting", "receipt_header=Hello"});
    CHECK_MESSAGE(good.exit_code == 0, good.err);
    CHECK(admin(db.location, {"create-terminal", "S003", "T31"}).exit_code == 0);
    const Finished code = admin(db.location, {"enrolment-code", "T31", "--valid-hours", "2"});
    CHECK(code.exit_code == 0);
    CHECK(std::regex_match(code.out, std::regex("[2-9A-Z]{4}-[2-9A-Z]{4}\n")));
}

TEST_CASE("import-catalogue stores the good rows and reports each bad one by line") {
    DemoDatabase db;
    const auto file = db.dir / "catalogue.csv";
    std::ofstream(file) << "code,name,department,tax_code,price,unit\n"
                           "300001,Notebook,Stationery,A,2.99,each\n"
                           "30000X,Pencil,Stationery,A,0.49,each\n"
                           "300003,\"Glue, stick\",Stationery,A,1.25,each\n"
                           "300004,Eraser,Stationery,A,\"0,99\",each\n";
    const Finished run = admin(db.location, {"import-catalogue", file.string()});
    CHECK_MESSAGE(run.exit_code == 0, run.err);
    CHECK(run.out ==
          "accepted 2, rejected 2\n"
          "line 3: code '30000X' is not a product code: use 1 to 14 digits\n"
          "line 5: price '0,99' is not an amount: use 0.99\n");

    // The imported product exists: stock can be received for it.
    const Finished received =
        admin(db.location, {"receive", "S001", "300003", "12", "--reference", "DN-1"});
    CHECK_MESSAGE(received.exit_code == 0, received.err);
    const Finished stock = admin(db.location, {"stock", "S001"});
    CHECK(std::regex_search(stock.out, std::regex("300003 +12\n")));
}

TEST_CASE("import of a file that cannot be read fails with exit code 1") {
    DemoDatabase db;
    const Finished run = admin(db.location, {"import-prices", (db.dir / "missing.csv").string()});
    CHECK(run.exit_code == 1);
    CHECK(run.err.find("cannot read") != std::string::npos);
    CHECK(run.err.find("missing.csv") != std::string::npos);
}

TEST_CASE("stock quantities are read as decimals without floating point") {
    DemoDatabase db;
    const Finished counted =
        admin(db.location, {"count", "S001", "4011", "1.5", "--reference", "COUNT-1"});
    CHECK_MESSAGE(counted.exit_code == 0, counted.err);
    CHECK(
        std::regex_search(admin(db.location, {"stock", "S001"}).out, std::regex("4011 +1.500\n")));

    const Finished too_fine =
        admin(db.location, {"receive", "S001", "4011", "1.2345", "--reference", "DN-2"});
    CHECK(too_fine.exit_code == 1);
    CHECK(too_fine.err.find("quantity '1.2345' has more than 3 decimals") != std::string::npos);
}

TEST_CASE("a usage mistake exits with 2, a bad role with a message") {
    DemoDatabase db;
    CHECK(admin(db.location, {}).exit_code == 2);
    CHECK(admin(db.location, {"no-such-command"}).exit_code == 2);
    const Finished role = admin(
        db.location, {"create-user", "1002", "--name", "Bo", "--role", "owner", "--pin", "1111"});
    CHECK(role.exit_code == 2);
    CHECK(role.err.find("'owner' is not a role") != std::string::npos);
    const Finished rate =
        admin(db.location, {"add-tax-rate", "C", "--name", "Zero", "--rate", "abc"});
    CHECK(rate.exit_code == 1);
    CHECK(rate.err.find("--rate") != std::string::npos);
}

TEST_CASE("sales and review report on a store with nothing sold yet") {
    DemoDatabase db;
    const Finished sales = admin(db.location, {"sales", "S001"});
    CHECK(sales.exit_code == 0);
    CHECK(sales.out.find("tickets: 0\n") != std::string::npos);
    CHECK(sales.out.find("gaps: none\n") != std::string::npos);
    const Finished review = admin(db.location, {"review"});
    CHECK(review.exit_code == 0);
    CHECK(review.out == "nothing to review\n");
}

TEST_CASE("serve prints the one line saying where it listens") {
    DemoDatabase db;
    const std::string line = testing_support::kill_after_line(
        {binary, "--db", db.location, "serve", "--port", "0"}, "listening on");
    CHECK_MESSAGE(std::regex_match(line, std::regex("pos-headoffice listening on "
                                                    "http://127\\.0\\.0\\.1:[0-9]+ \\(storage: "
                                                    "sqlite\\)\n?")),
                  line);
}

TEST_CASE("on PostgreSQL the demo chain is set up and serve says so") {
    const std::string location = testing_support::shared_pg_server().new_database();
    const Finished demo = admin(location, {"demo"});
    REQUIRE_MESSAGE(demo.exit_code == 0, demo.err);
    CHECK(demo.out.find("enrolment code for T11: ") != std::string::npos);
    const std::string line = testing_support::kill_after_line(
        {binary, "serve", "--db", location, "--port", "0"}, "listening on");
    CHECK(line.find("(storage: postgresql)") != std::string::npos);
}

// ---- customer service commands (issue 8) -------------------------------------------------------

namespace {

// Records as terminals of store S001 would send them, stored through the service directly.
void store_service_records(const std::string& location) {
    headoffice::sql::ConnectionPool pool(location, 1);
    fakes::Clock clock;
    fakes::Ids ids;
    headoffice::HeadOffice office(pool, clock, ids);
    pos::Customer ann;
    ann.id = "C1";
    ann.name = "Ann Smith";
    ann.phone = "02079460958";
    ann.email = "ann@example.com";
    ann.updated_at_ms = 5;
    pos::Interaction complaint;
    complaint.id = "I1";
    complaint.number = "S001-000001";
    complaint.kind = pos::InteractionKind::complaint;
    complaint.category = "price";
    complaint.customer_name = "Ann Smith";
    complaint.said = "Charged twice";
    complaint.store_code = "S001";
    complaint.updated_at_ms = 5;
    pos::StockRequest hold;
    hold.id = "R1";
    hold.product_code = "4000000000013";
    hold.from_store = "S002";
    hold.to_store = "S001";
    hold.updated_at_ms = 5;
    pos::SpecialOrder order;
    order.id = "O1";
    order.number = "SO-T01-000001";
    order.customer_name = "Ann Smith";
    order.product_code = "4000000000013";
    order.quantity = pos::Quantity{2000};
    order.total = pos::Money(238, pos::Currency::of("EUR", 2));
    order.deposit_held = pos::Money(50, pos::Currency::of("EUR", 2));
    order.store_code = "S001";
    order.updated_at_ms = 5;
    const pos::LoyaltyMovement earned{"L1", "C1", 120, "t1", "R1", "S001", 5};
    const auto stored = office.upload_records(
        {"S001", "T01"}, headoffice::RecordsUpload{{ann, complaint, hold, order, earned}});
    REQUIRE(stored.ok());
    for (const auto& result : stored->results)
        REQUIRE_MESSAGE(result.outcome == headoffice::RecordOutcome::stored, result.message);
}

}  // namespace

TEST_CASE("order and locate show up in a store's stock; a bad day or store is refused") {
    DemoDatabase db;
    const Finished ordered =
        admin(db.location, {"order", "S002", "4000000000013", "24", "--expected", "2030-01-15"});
    CHECK_MESSAGE(ordered.exit_code == 0, ordered.err);
    CHECK(ordered.out == "S002 4000000000013: 24 on order, expected 2030-01-15\n");
    const Finished located =
        admin(db.location, {"locate", "S002", "4000000000013", "Aisle", "4,", "bay", "2"});
    CHECK_MESSAGE(located.exit_code == 0, located.err);
    const Finished stock = admin(db.location, {"stock", "S002"});
    CHECK_MESSAGE(stock.out.find("4000000000013                0  on order 24 due 2030-01-15  at "
                                 "Aisle 4, bay 2\n") != std::string::npos,
                  stock.out);

    const Finished bad_day =
        admin(db.location, {"order", "S002", "4000000000013", "2", "--expected", "2030-02-30"});
    CHECK(bad_day.exit_code == 1);
    CHECK(bad_day.err.find("--expected") != std::string::npos);
    CHECK(admin(db.location, {"order", "S002", "4000000000013", "2"}).exit_code == 2);
    const Finished no_store = admin(db.location, {"locate", "S009", "4000000000013", "A1"});
    CHECK(no_store.exit_code == 1);
    CHECK(no_store.err.find("S009") != std::string::npos);
}

TEST_CASE("requests lists a store's requests and answer-request moves them along") {
    DemoDatabase db;
    store_service_records(db.location);
    const Finished listed = admin(db.location, {"requests", "S002"});
    CHECK(listed.exit_code == 0);
    CHECK(std::regex_search(listed.out, std::regex("R1 +hold +4000000000013 +1 +S002 +S001 +"
                                                   "requested")));
    CHECK(admin(db.location, {"requests", "S009"}).out == "(no stock requests)\n");

    const Finished skipped = admin(db.location, {"answer-request", "R1", "completed"});
    CHECK(skipped.exit_code == 1);
    CHECK(skipped.err.find("is requested; it cannot become completed") != std::string::npos);
    CHECK(admin(db.location, {"answer-request", "R1", "maybe"}).exit_code == 2);
    const Finished accepted =
        admin(db.location, {"answer-request", "R1", "accepted", "--note", "Held until Saturday"});
    CHECK_MESSAGE(accepted.exit_code == 0, accepted.err);
    CHECK(accepted.out == "stock request R1: accepted\n");
    CHECK(std::regex_search(admin(db.location, {"requests"}).out,
                            std::regex("accepted +Held until Saturday\n")));
}

TEST_CASE("customers, interactions and special-orders list what the stores sent") {
    DemoDatabase db;
    store_service_records(db.location);
    const Finished found = admin(db.location, {"customers", "smith"});
    CHECK(found.exit_code == 0);
    CHECK(std::regex_search(found.out, std::regex("Ann Smith +02079460958 +ann@example.com +- +"
                                                  "120  C1\n")));
    CHECK(admin(db.location, {"customers", "nobody"}).out == "(no customer found)\n");

    const Finished open = admin(db.location, {"interactions", "S001"});
    CHECK(std::regex_search(open.out, std::regex("S001-000001 +open +complaint +price +Ann Smith "
                                                 "+- +Charged twice\n")));
    CHECK(admin(db.location, {"interactions", "S002", "--all"}).out == "(no interactions)\n");

    const Finished orders = admin(db.location, {"special-orders"});
    CHECK(std::regex_search(orders.out,
                            std::regex("SO-T01-000001 +S001 +awaiting_deposit +Ann Smith +"
                                       "4000000000013 +2 +0.50 +2.38 +-\n")));
}
