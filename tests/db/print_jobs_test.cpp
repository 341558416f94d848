#include <doctest/doctest.h>

#include "db/journal.hpp"
#include "db/migrations.hpp"
#include "helpers.hpp"

using db::PrintJobState;
using db_test::TempDir;

namespace {

std::vector<std::uint8_t> bytes(std::string_view text) {
    return {text.begin(), text.end()};
}

db::StoredPrintJob job(const std::string& id, const std::string& name, std::int64_t at_ms) {
    db::StoredPrintJob j;
    j.id = id;
    j.name = name;
    j.title = "Receipt";
    j.receipt_number = name;
    j.created_ms = at_ms;
    j.updated_ms = at_ms;
    j.parts = {{".escpos", bytes("\x1b@Hello\n\x1dV\x41")}, {".txt", bytes("Hello\n")}};
    return j;
}

std::vector<std::string> names(const std::vector<db::StoredPrintJob>& jobs) {
    std::vector<std::string> out;
    for (const auto& j : jobs)
        out.push_back(j.name);
    return out;
}

}  // namespace

TEST_CASE("A stored print job reads back with its parts, byte for byte, as queued") {
    TempDir dir;
    auto store = db_test::open(dir.file("terminal.db"));
    auto written = job("j-1", "T01-000042", db_test::at);
    std::vector<std::uint8_t> every_byte;
    for (int b = 0; b < 256; ++b)
        every_byte.push_back(static_cast<std::uint8_t>(b));
    written.parts.push_back({".png", every_byte});
    written.state = PrintJobState::done;  // a new job is queued whatever the caller says
    REQUIRE(store->print_jobs().add(written));

    const auto read = store->print_jobs().find("j-1");
    REQUIRE(read.has_value());
    CHECK(read->name == "T01-000042");
    CHECK(read->title == "Receipt");
    CHECK(read->receipt_number == "T01-000042");
    CHECK(read->state == PrintJobState::queued);
    CHECK(read->attempts == 0);
    CHECK(read->last_error.empty());
    CHECK(read->created_ms == db_test::at);
    REQUIRE(read->parts.size() == 3);
    CHECK(read->parts[0].extension == ".escpos");
    CHECK(read->parts[0].bytes == bytes("\x1b@Hello\n\x1dV\x41"));
    CHECK(read->parts[1].extension == ".png");
    CHECK(read->parts[1].bytes == every_byte);
    CHECK(read->parts[2].extension == ".txt");
    CHECK(store->database().query_text("SELECT typeof(bytes) FROM print_job_parts LIMIT 1",
                                       "test") == "blob");
    CHECK_FALSE(store->print_jobs().find("j-unknown").has_value());
}

TEST_CASE("A second job with a name already in the queue is refused and nothing is written") {
    TempDir dir;
    auto store = db_test::open(dir.file("terminal.db"));
    REQUIRE(store->print_jobs().add(job("j-1", "T01-000042", db_test::at)));
    const auto again = store->print_jobs().add(job("j-2", "T01-000042", db_test::at + 1));
    REQUIRE_FALSE(again);
    CHECK(again.error().message ==
          "A print job named T01-000042 is already in the queue; nothing was stored");
    CHECK_FALSE(store->print_jobs().find("j-2").has_value());
    CHECK(db_test::count_rows(*store, "print_job_parts") == 2);

    const auto same_id = store->print_jobs().add(job("j-1", "T01-000043", db_test::at + 1));
    REQUIRE_FALSE(same_id);
    CHECK(same_id.error().message ==
          "A print job with id j-1 is already in the queue; nothing was stored");
    CHECK(db_test::count_rows(*store, "print_jobs") == 1);
}

TEST_CASE("A job with two parts of one kind or a part that is not an extension is refused") {
    TempDir dir;
    auto store = db_test::open(dir.file("terminal.db"));
    auto twice = job("j-1", "T01-000042", db_test::at);
    twice.parts.push_back({".txt", bytes("again")});
    const auto doubled = store->print_jobs().add(twice);
    REQUIRE_FALSE(doubled);
    CHECK(doubled.error().message == "Print job T01-000042 has two .txt parts; nothing was stored");

    auto odd = job("j-1", "T01-000042", db_test::at);
    odd.parts.push_back({"png", bytes("x")});
    const auto refused = store->print_jobs().add(odd);
    REQUIRE_FALSE(refused);
    CHECK(refused.error().message ==
          "Print job T01-000042: part \"png\" is not a file extension such as \".escpos\"; "
          "nothing was stored");

    const auto nameless = store->print_jobs().add(job("j-1", "", db_test::at));
    REQUIRE_FALSE(nameless);
    CHECK(nameless.error().message == "Print job j-1 needs a name; nothing was stored");
    CHECK(db_test::count_rows(*store, "print_jobs") == 0);
    CHECK(db_test::count_rows(*store, "print_job_parts") == 0);
}

TEST_CASE("Unfinished jobs come oldest first with parts; recent ones newest first without") {
    TempDir dir;
    auto store = db_test::open(dir.file("terminal.db"));
    auto& jobs = store->print_jobs();
    REQUIRE(jobs.add(job("j-c", "T01-000003", db_test::at + 20)));
    REQUIRE(jobs.add(job("j-a", "T01-000001", db_test::at)));
    REQUIRE(jobs.add(job("j-b", "T01-000002", db_test::at + 10)));
    REQUIRE(jobs.add(job("j-b2", "T01-000002-copy1", db_test::at + 10)));  // same moment
    REQUIRE(jobs.add(job("j-d", "T01-000004", db_test::at + 30)));
    REQUIRE(jobs.mark("j-a", PrintJobState::done, "", db_test::at + 40));
    REQUIRE(jobs.mark("j-d", PrintJobState::failed, "cutter jammed", db_test::at + 40));
    REQUIRE(jobs.mark("j-c", PrintJobState::waiting, "paper out", db_test::at + 40));
    REQUIRE(jobs.mark("j-b", PrintJobState::printing, "", db_test::at + 40));

    const auto open = jobs.unfinished();
    CHECK(names(open) == std::vector<std::string>{"T01-000002", "T01-000002-copy1", "T01-000003"});
    REQUIRE(open.size() == 3);
    CHECK(open[0].parts.size() == 2);
    CHECK(open[2].last_error == "paper out");

    const auto latest = jobs.recent(3);
    CHECK(names(latest) ==
          std::vector<std::string>{"T01-000004", "T01-000003", "T01-000002-copy1"});
    CHECK(latest[0].parts.empty());
    CHECK(latest[0].state == PrintJobState::failed);
    CHECK(latest[0].last_error == "cutter jammed");
    CHECK(jobs.recent(100).size() == 5);
}

TEST_CASE("Marking a job: printing counts an attempt, done is final, unknown ids are named") {
    TempDir dir;
    auto store = db_test::open(dir.file("terminal.db"));
    auto& jobs = store->print_jobs();
    REQUIRE(jobs.add(job("j-1", "T01-000042", db_test::at)));

    REQUIRE(jobs.mark("j-1", PrintJobState::printing, "", db_test::at + 1));
    REQUIRE(jobs.mark("j-1", PrintJobState::waiting, "paper out", db_test::at + 2));
    REQUIRE(jobs.mark("j-1", PrintJobState::printing, "", db_test::at + 3));
    auto read = jobs.find("j-1");
    CHECK(read->attempts == 2);
    CHECK(read->state == PrintJobState::printing);
    CHECK(read->last_error.empty());
    CHECK(read->updated_ms == db_test::at + 3);
    CHECK(read->created_ms == db_test::at);

    REQUIRE(jobs.mark("j-1", PrintJobState::done, "", db_test::at + 4));
    const auto again = jobs.mark("j-1", PrintJobState::failed, "not confirmed", db_test::at + 5);
    REQUIRE_FALSE(again);
    CHECK(again.error().message ==
          "Print job T01-000042 was already printed; it stays done and was not changed");
    const auto twice = jobs.mark("j-1", PrintJobState::done, "", db_test::at + 6);
    REQUIRE_FALSE(twice);
    CHECK(twice.error().message.find("already printed") != std::string::npos);
    read = jobs.find("j-1");
    CHECK(read->state == PrintJobState::done);
    CHECK(read->updated_ms == db_test::at + 4);
    CHECK(read->attempts == 2);
    CHECK(read->last_error.empty());

    const auto unknown = jobs.mark("j-404", PrintJobState::done, "", db_test::at);
    REQUIRE_FALSE(unknown);
    CHECK(unknown.error().code == pos::ErrorCode::not_found);
    CHECK(unknown.error().message == "Print job \"j-404\" is not in the queue");

    // The table itself keeps a done job done, whoever writes to it.
    CHECK_THROWS_AS(store->database().exec("UPDATE print_jobs SET state = 'queued'", "test"),
                    pos::StoreFailure);
}

TEST_CASE("An unused name is the stem with the first number no job has") {
    TempDir dir;
    auto store = db_test::open(dir.file("terminal.db"));
    auto& jobs = store->print_jobs();
    CHECK(jobs.unused_name("T01-000042-copy") == "T01-000042-copy1");
    REQUIRE(jobs.add(job("j-1", "T01-000042-copy1", db_test::at)));
    REQUIRE(jobs.add(job("j-3", "T01-000042-copy3", db_test::at)));
    CHECK(jobs.unused_name("T01-000042-copy") == "T01-000042-copy2");
    REQUIRE(jobs.add(job("j-2", "T01-000042-copy2", db_test::at)));
    CHECK(jobs.unused_name("T01-000042-copy") == "T01-000042-copy4");
    CHECK(jobs.unused_name("T01-000043-copy") == "T01-000043-copy1");
}

TEST_CASE("Print job states are spelled as the table stores them") {
    CHECK(db::to_string(PrintJobState::queued) == "queued");
    CHECK(db::to_string(PrintJobState::printing) == "printing");
    CHECK(db::to_string(PrintJobState::waiting) == "waiting");
    CHECK(db::to_string(PrintJobState::done) == "done");
    CHECK(db::to_string(PrintJobState::failed) == "failed");
}

TEST_CASE("A schema 3 file with a journal migrates to 4: the chain verifies, the queue is empty") {
    TempDir dir;
    const auto file = dir.file("terminal.db");
    std::string journal_before;
    {
        auto old = db::Database::open(file);
        REQUIRE(db::check_openable(old));
        db::configure_connection(old);
        REQUIRE(db::migrate(old, 3));
        REQUIRE(db::schema_version(old) == 3);
        old.exec("INSERT INTO settings (key, value) VALUES ('store_name', 'Corner Shop')",
                 "writing a schema 3 setting");
        db::JournalWriter writer(old);
        db::Transaction transaction(old);
        writer.append({"T01", "no_sale", "e-1", "", 300, "event.reason=float check\n"});
        writer.append({"T01", "no_sale", "e-2", "", 400, "event.reason=change for till 2\n"});
        transaction.commit();
        REQUIRE(db::verify_journal(old).message == "journal OK: 2 entries");
        journal_before = old.query_text(
            "SELECT group_concat(id || '|' || payload || '|' || hash, ';') FROM"
            " (SELECT id, payload, hash FROM journal ORDER BY id)",
            "test");
    }

    auto store = db_test::open(file);
    CHECK(store->schema_version() == db::current_schema_version);
    CHECK(store->verify_journal().message == "journal OK: 2 entries");
    CHECK(store->database().query_text(
              "SELECT group_concat(id || '|' || payload || '|' || hash, ';') FROM"
              " (SELECT id, payload, hash FROM journal ORDER BY id)",
              "test") == journal_before);
    CHECK(store->database().query_text("SELECT value FROM settings WHERE key = 'store_name'",
                                       "test") == "Corner Shop");
    CHECK(store->print_jobs().unfinished().empty());
    CHECK(store->device_settings().printer.empty());
    REQUIRE(store->print_jobs().add(job("j-1", "T01-000001", db_test::at)));
    CHECK(store->print_jobs().find("j-1")->state == PrintJobState::queued);
}
