// pos-terminal enrol and sync, the real executable against a real head office on loopback
// (SQLite backend: what is tested here is the terminal's commands, not head office's storage).
#include <doctest/doctest.h>

#include <sstream>

#include "child_process.hpp"
#include "head_office_fixture.hpp"
#include "temp_dir.hpp"

using testing_support::run_program;

namespace {

std::vector<std::string> lines(const std::string& text) {
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);)
        out.push_back(line);
    return out;
}

}  // namespace

TEST_CASE(
    "pos-terminal enrol becomes the terminal head office named, and sync loads the catalogue") {
    testing_support::HeadOfficeFixture head_office(testing_support::Backend::sqlite, 50);
    testing_support::TempDir dir;
    const std::string data = (dir / "data").string();
    const auto enrolled =
        run_program({POS_TERMINAL, "enrol", "--data", data, "--server", head_office.url(), "--code",
                     head_office.enrolment_code("T02"), "--name", "till by the door"});
    INFO(enrolled.err);
    REQUIRE(enrolled.exit_code == 0);
    CHECK(enrolled.out.find("enrolled: store S001") == 0);
    CHECK(enrolled.out.find("terminal T02") != std::string::npos);

    const auto synced =
        run_program({POS_TERMINAL, "sync", "--data", data, "--once", "--changes-batch", "20"});
    INFO(synced.err);
    REQUIRE(synced.exit_code == 0);
    const auto out = lines(synced.out);
    REQUIRE(out.size() >= 4);
    CHECK(out[0].rfind("applied changes 20 (loaded 20 of ", 0) == 0);
    CHECK(out[1].rfind("applied changes 20 (loaded 40 of ", 0) == 0);
    CHECK(out.back().rfind("sent 0 journal entries, refused 0, applied ", 0) == 0);
    CHECK(out.back().find("waiting 0") != std::string::npos);

    auto store = db::open_store(dir / "data" / "terminal.db");
    REQUIRE(store.ok());
    CHECK((*store)->product_count() == 50);
    CHECK((*store)->settings().terminal_id == "T02");
    CHECK((*store)->sync().state().first_load_done);

    SUBCASE("a second round has nothing new to load") {
        const auto again = run_program({POS_TERMINAL, "sync", "--data", data, "--once"});
        REQUIRE(again.exit_code == 0);
        CHECK(lines(again.out).back().find("applied 0 changes") != std::string::npos);
    }
}

TEST_CASE("an enrolment code head office does not know is refused and nothing is enrolled") {
    testing_support::HeadOfficeFixture head_office(testing_support::Backend::sqlite, 5);
    testing_support::TempDir dir;
    const std::string data = (dir / "data").string();
    const auto enrolled = run_program(
        {POS_TERMINAL, "enrol", "--data", data, "--server", head_office.url(), "--code", "NOPE"});
    CHECK(enrolled.exit_code == 1);
    CHECK(enrolled.err.find("pos-terminal: enrolment failed: head office answered 4") == 0);
    const auto synced = run_program({POS_TERMINAL, "sync", "--data", data, "--once"});
    CHECK(synced.exit_code == 1);
    CHECK(synced.err.find("not enrolled") != std::string::npos);
}

TEST_CASE("enrolling with no head office there says it did not answer") {
    testing_support::TempDir dir;
    const auto enrolled = run_program({POS_TERMINAL, "enrol", "--data", (dir / "data").string(),
                                       "--server", "http://127.0.0.1:9", "--code", "ABC"});
    CHECK(enrolled.exit_code == 1);
    CHECK(enrolled.err.find("enrolment failed: no answer from head office: ") != std::string::npos);
}
