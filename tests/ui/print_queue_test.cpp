// The durable print queue over a real store in a temporary folder and a fake printer that
// records what it is given; the tests play the printer's events.
#include <doctest/doctest.h>

#include <memory>
#include <string>
#include <vector>

#include "db/store.hpp"
#include "fakes.hpp"
#include "temp_dir.hpp"
#include "ui/print_queue.hpp"

using db::PrintJobState;

namespace {

std::vector<std::uint8_t> bytes(std::string_view text) {
    return {text.begin(), text.end()};
}

class FakePrinter : public drivers::Printer {
  public:
    explicit FakePrinter(std::string id = "fake:printer") : id_(std::move(id)) {}
    std::vector<drivers::PrintJob> jobs;  // every job handed over, in order

    drivers::DeviceInfo info() const override {
        drivers::DeviceInfo info;
        info.id = id_;
        info.name = "Fake printer";
        info.state = drivers::DeviceState::enabled;
        return info;
    }
    drivers::DeviceResult open() override { return drivers::device_ok(); }
    drivers::DeviceResult claim(int) override { return drivers::device_ok(); }
    drivers::DeviceResult enable() override { return drivers::device_ok(); }
    drivers::DeviceResult disable() override { return drivers::device_ok(); }
    drivers::DeviceResult release() override { return drivers::device_ok(); }
    drivers::DeviceResult close() override { return drivers::device_ok(); }
    void clear_error() override {}
    void print(drivers::PrintJob job) override { jobs.push_back(std::move(job)); }
    void query_status() override {}
    drivers::PrinterStatus status() const override { return status_; }
    void pulse_drawer(const drivers::DrawerPulse&) override {}
    std::size_t jobs_in_progress() const override { return 0; }

    std::vector<std::string> names() const {
        std::vector<std::string> out;
        for (const auto& job : jobs)
            out.push_back(job.name);
        return out;
    }

    // The events this printer would send.
    drivers::DeviceEvent printed(const std::string& job) const {
        return drivers::OutputCompleteEvent{id_, job};
    }
    drivers::DeviceEvent error(const std::string& job, const std::string& message,
                               bool retryable) const {
        return drivers::ErrorEvent{id_, message, job, retryable};
    }
    drivers::DeviceEvent status_event(bool ready, std::string text) {
        status_ = {};
        status_.known = true;
        status_.online = true;
        status_.paper_out = !ready;
        drivers::StatusEvent event;
        event.device = id_;
        event.change = drivers::StatusEvent::Change::printer;
        event.state = drivers::DeviceState::enabled;
        event.printer = status_;
        event.text = std::move(text);
        return event;
    }

  private:
    std::string id_;
    drivers::PrinterStatus status_;
};

std::unique_ptr<db::Store> open_store(const std::filesystem::path& file) {
    auto opened = db::open_store(file);
    REQUIRE_MESSAGE(opened.ok(), (opened.ok() ? "" : opened.error().message));
    return std::move(opened).value();
}

ui::NewPrint receipt(const std::string& number) {
    return {number,
            "Receipt",
            number,
            {{".escpos", bytes("\x1b@" + number + "\n\x1dV\x41")},
             {".txt", bytes(number + "\nThank you\n")}}};
}

struct QueueFixture {
    testing_support::TempDir dir;
    std::unique_ptr<db::Store> store = open_store(dir / "terminal.db");
    fakes::Clock clock;
    fakes::Ids ids;
    FakePrinter printer;
    ui::PrintQueue queue{store->print_jobs(), clock, ids};

    std::string submit(const std::string& number) {
        auto id = queue.submit(receipt(number));
        REQUIRE_MESSAGE(id.ok(), (id.ok() ? "" : id.error().message));
        clock.now += 1000;
        return id.value();
    }
    db::StoredPrintJob stored(const std::string& id) {
        auto job = store->print_jobs().find(id);
        REQUIRE(job.has_value());
        return *job;
    }
    std::string banner() const {
        const auto problem = queue.problem();
        return problem ? problem->message : std::string("(no banner)");
    }
};

}  // namespace

TEST_CASE("A receipt is stored before it goes to the printer, with all its parts") {
    QueueFixture f;
    f.queue.set_printer(&f.printer);
    const std::string id = f.submit("T01-000042");

    REQUIRE(f.printer.jobs.size() == 1);
    const drivers::PrintJob& sent = f.printer.jobs[0];
    CHECK(sent.id == id);
    CHECK(sent.name == "T01-000042");
    CHECK(sent.escpos == bytes("\x1b@T01-000042\n\x1dV\x41"));
    REQUIRE(sent.renderings.size() == 2);
    CHECK(sent.renderings[0].extension == ".escpos");
    CHECK(sent.renderings[1].extension == ".txt");
    CHECK(sent.renderings[1].bytes == bytes("T01-000042\nThank you\n"));

    const auto job = f.stored(id);
    CHECK(job.state == PrintJobState::printing);
    CHECK(job.attempts == 1);
    CHECK(job.title == "Receipt");
    CHECK(job.receipt_number == "T01-000042");
    CHECK(job.parts.size() == 2);
    CHECK_FALSE(f.queue.problem().has_value());
}

TEST_CASE("The printer's confirmation marks a job done once; a repeat changes nothing") {
    QueueFixture f;
    f.queue.set_printer(&f.printer);
    const std::string id = f.submit("T01-000042");
    f.queue.on_event(f.printer.printed(id));
    auto job = f.stored(id);
    CHECK(job.state == PrintJobState::done);
    const std::int64_t done_at = job.updated_ms;

    f.clock.now += 5000;
    f.queue.on_event(f.printer.printed(id));
    f.queue.on_event(f.printer.error(id, "paper out", true));
    f.queue.on_event(f.printer.status_event(true, "ready"));
    job = f.stored(id);
    CHECK(job.state == PrintJobState::done);
    CHECK(job.updated_ms == done_at);
    CHECK(job.attempts == 1);
    CHECK(f.printer.jobs.size() == 1);
    CHECK_FALSE(f.queue.problem().has_value());
}

TEST_CASE("Paper out: the job waits with a banner, and prints exactly once when paper is back") {
    QueueFixture f;
    f.queue.set_printer(&f.printer);
    const std::string id = f.submit("T01-000042");
    f.queue.on_event(f.printer.error(id, "paper out", true));

    auto job = f.stored(id);
    CHECK(job.state == PrintJobState::waiting);
    CHECK(job.last_error == "paper out");
    REQUIRE(f.queue.problem().has_value());
    CHECK(f.queue.problem()->job == id);
    CHECK(f.banner() ==
          "Receipt T01-000042 is not printed yet: paper out. It will print when the printer is "
          "ready.");

    // Still out of paper: nothing is sent.
    f.queue.on_event(f.printer.status_event(false, "paper out"));
    CHECK(f.printer.jobs.size() == 1);

    f.queue.on_event(f.printer.status_event(true, "ready"));
    f.queue.on_event(f.printer.status_event(true, "ready"));  // a second report: not resent
    CHECK(f.printer.names() == std::vector<std::string>{"T01-000042", "T01-000042"});
    CHECK(f.stored(id).state == PrintJobState::printing);
    CHECK(f.stored(id).attempts == 2);

    f.queue.on_event(f.printer.printed(id));
    CHECK(f.stored(id).state == PrintJobState::done);
    CHECK(f.stored(id).last_error.empty());
    CHECK_FALSE(f.queue.problem().has_value());
}

TEST_CASE("A printer that holds a job through paper out: a banner, nothing sent twice") {
    QueueFixture f;
    f.queue.set_printer(&f.printer);
    const std::string id = f.submit("T01-000042");
    f.queue.on_event(f.printer.status_event(false, "paper out"));
    CHECK(f.stored(id).state == PrintJobState::printing);
    CHECK(f.banner() ==
          "Receipt T01-000042 is not printed yet: paper out. It will print when the printer is "
          "ready.");

    // The printer prints it itself once paper is back: the queue sends nothing again.
    f.queue.on_event(f.printer.status_event(true, "ready"));
    CHECK(f.printer.jobs.size() == 1);
    f.queue.on_event(f.printer.printed(id));
    CHECK(f.stored(id).state == PrintJobState::done);
    CHECK(f.stored(id).attempts == 1);
    CHECK_FALSE(f.queue.problem().has_value());
}

TEST_CASE("Jobs waiting for paper are sent again oldest first when the printer comes back") {
    QueueFixture f;
    f.queue.set_printer(&f.printer);
    const std::string first = f.submit("T01-000001");
    const std::string second = f.submit("T01-000002");
    f.queue.on_event(f.printer.error(second, "printer disconnected", true));
    f.queue.on_event(f.printer.error(first, "printer disconnected", true));
    f.printer.jobs.clear();

    drivers::StatusEvent back;
    back.device = "fake:printer";
    back.change = drivers::StatusEvent::Change::arrived;
    f.queue.on_event(back);
    CHECK(f.printer.names() == std::vector<std::string>{"T01-000001", "T01-000002"});
}

TEST_CASE("A job the printer cannot print fails with a banner offering Retry or Reprint") {
    QueueFixture f;
    f.queue.set_printer(&f.printer);
    const std::string id = f.submit("T01-000042");
    f.queue.on_event(f.printer.error(id, "the cutter is jammed.", false));

    CHECK(f.stored(id).state == PrintJobState::failed);
    CHECK(f.stored(id).last_error == "the cutter is jammed.");
    REQUIRE(f.queue.problem().has_value());
    CHECK(f.queue.problem()->can_retry);
    CHECK(f.banner() ==
          "Receipt T01-000042 was not printed: the cutter is jammed. Tap Retry or Reprint.");

    // A ready printer does not resend a failed job: only the clerk does.
    f.queue.on_event(f.printer.status_event(true, "ready"));
    CHECK(f.printer.jobs.size() == 1);

    REQUIRE(f.queue.retry(id));
    CHECK(f.printer.names() == std::vector<std::string>{"T01-000042", "T01-000042"});
    CHECK(f.stored(id).state == PrintJobState::printing);
    CHECK_FALSE(f.queue.problem().has_value());
    f.queue.on_event(f.printer.printed(id));
    CHECK(f.stored(id).state == PrintJobState::done);

    const auto again = f.queue.retry(id);
    REQUIRE_FALSE(again);
    CHECK(again.error().message ==
          "Receipt T01-000042 was already printed; tap Reprint for another copy");
    const auto unknown = f.queue.retry("no-such-job");
    REQUIRE_FALSE(unknown);
    CHECK(unknown.error().message == "Print job \"no-such-job\" is not in the queue");
}

TEST_CASE("With no printer a receipt waits, and prints when a printer is connected") {
    QueueFixture f;
    const std::string id = f.submit("T01-000042");
    auto job = f.stored(id);
    CHECK(job.state == PrintJobState::waiting);
    CHECK(job.last_error == "no printer connected");
    CHECK(job.attempts == 0);
    CHECK(f.banner() ==
          "Receipt T01-000042 is not printed yet: no printer connected. It will print when the "
          "printer is ready.");

    f.queue.set_printer(&f.printer);
    f.queue.set_printer(&f.printer);  // told again: nothing sent twice
    CHECK(f.printer.names() == std::vector<std::string>{"T01-000042"});
    CHECK(f.stored(id).state == PrintJobState::printing);
    f.queue.on_event(f.printer.printed(id));
    CHECK(f.stored(id).state == PrintJobState::done);
    CHECK_FALSE(f.queue.problem().has_value());
}

TEST_CASE("After a crash, a job left printing fails as not confirmed and is not sent again") {
    testing_support::TempDir dir;
    const auto file = dir / "terminal.db";
    fakes::Clock clock;
    fakes::Ids ids;
    std::string printing;
    std::string waiting;
    std::string queued;
    {
        auto store = open_store(file);
        FakePrinter before;
        ui::PrintQueue queue(store->print_jobs(), clock, ids);
        queue.set_printer(&before);
        printing = queue.submit(receipt("T01-000001")).value();
        queue.set_printer(nullptr);
        waiting = queue.submit(receipt("T01-000002")).value();
        // Stored, then the terminal stopped before it was handed over.
        db::StoredPrintJob stopped;
        stopped.id = "job-queued";
        stopped.name = "T01-000003";
        stopped.title = "Receipt";
        stopped.receipt_number = "T01-000003";
        stopped.created_ms = clock.now + 1;  // the newest of the three
        stopped.parts = {{".escpos", bytes("three")}};
        REQUIRE(store->print_jobs().add(stopped));
        queued = stopped.id;
    }

    auto store = open_store(file);
    FakePrinter after;
    ui::PrintQueue queue(store->print_jobs(), clock, ids);
    SUBCASE("recovered, then given the printer") {
        queue.recover();
        queue.set_printer(&after);
    }
    SUBCASE("given the printer, then recovered") {
        queue.set_printer(&after);
        queue.recover();
    }
    CHECK(after.names() == std::vector<std::string>{"T01-000002", "T01-000003"});
    const auto unconfirmed = store->print_jobs().find(printing);
    CHECK(unconfirmed->state == PrintJobState::failed);
    CHECK(unconfirmed->last_error ==
          "not confirmed before the terminal stopped: reprint it if it did not print");
    CHECK(store->print_jobs().find(waiting)->state == PrintJobState::printing);
    CHECK(store->print_jobs().find(queued)->state == PrintJobState::printing);
    REQUIRE(queue.problem().has_value());
    CHECK(queue.problem()->job == printing);
    CHECK(queue.problem()->message ==
          "Receipt T01-000001 may not have printed: not confirmed before the terminal stopped: "
          "reprint it if it did not print. Tap Reprint if it is not in the printer.");

    // Recovering again (or the printer becoming ready) sends nothing twice.
    queue.recover();
    queue.on_event(after.status_event(true, "ready"));
    CHECK(after.jobs.size() == 2);
}

TEST_CASE("With no printer at start-up, recovered jobs wait for one") {
    testing_support::TempDir dir;
    auto store = open_store(dir / "terminal.db");
    fakes::Clock clock;
    fakes::Ids ids;
    db::StoredPrintJob stopped;
    stopped.id = "job-queued";
    stopped.name = "T01-000003";
    stopped.title = "Receipt";
    stopped.receipt_number = "T01-000003";
    REQUIRE(store->print_jobs().add(stopped));
    ui::PrintQueue queue(store->print_jobs(), clock, ids);
    queue.recover();
    CHECK(store->print_jobs().find("job-queued")->state == PrintJobState::waiting);
    CHECK(store->print_jobs().find("job-queued")->last_error == "no printer connected");
}

TEST_CASE("Reprints are new jobs named -copy1, -copy2 with the same bytes") {
    QueueFixture f;
    f.queue.set_printer(&f.printer);
    const std::string id = f.submit("T01-000042");
    f.queue.on_event(f.printer.printed(id));

    const auto first = f.queue.reprint(id);
    REQUIRE(first.ok());
    const auto second = f.queue.reprint(id);
    REQUIRE(second.ok());
    const auto of_copy = f.queue.reprint(first.value());  // a copy of a copy: the next copy
    REQUIRE(of_copy.ok());
    CHECK(f.printer.names() == std::vector<std::string>{"T01-000042", "T01-000042-copy1",
                                                        "T01-000042-copy2", "T01-000042-copy3"});
    for (std::size_t i = 1; i < f.printer.jobs.size(); ++i) {
        CHECK(f.printer.jobs[i].escpos == f.printer.jobs[0].escpos);
        REQUIRE(f.printer.jobs[i].renderings.size() == 2);
        CHECK(f.printer.jobs[i].renderings[1].bytes == f.printer.jobs[0].renderings[1].bytes);
    }
    const auto copy = f.stored(first.value());
    CHECK(copy.title == "Copy");
    CHECK(copy.receipt_number == "T01-000042");
    CHECK(copy.state == PrintJobState::printing);
    CHECK(f.stored(id).state == PrintJobState::done);  // the original is left as it was

    const auto recent = f.queue.recent(2);
    REQUIRE(recent.size() == 2);
    CHECK(recent[0].name == "T01-000042-copy3");
    CHECK(recent[1].name == "T01-000042-copy2");
    CHECK(f.queue.find(id)->name == "T01-000042");

    const auto unknown = f.queue.reprint("no-such-job");
    REQUIRE_FALSE(unknown.ok());
    CHECK(unknown.error().message == "Print job \"no-such-job\" is not in the queue");
}

TEST_CASE("Events for jobs the queue does not know are ignored and change nothing") {
    QueueFixture f;
    f.queue.set_printer(&f.printer);
    const std::string id = f.submit("T01-000042");
    f.queue.on_event(f.printer.printed("drawer"));
    f.queue.on_event(f.printer.printed("someone-elses-job"));
    f.queue.on_event(f.printer.error("someone-elses-job", "paper out", true));
    f.queue.on_event(f.printer.error("", "the printer sent a bad status byte", true));
    f.queue.on_event(drivers::DataEvent{"fake:scanner", {"4006381333931", "]E0"}});

    const auto job = f.stored(id);
    CHECK(job.state == PrintJobState::printing);
    CHECK(job.last_error.empty());
    CHECK(f.printer.jobs.size() == 1);
    CHECK(f.store->print_jobs().recent(10).size() == 1);
    CHECK_FALSE(f.queue.problem().has_value());
}

TEST_CASE("The banner can be dismissed; the job stays in the queue") {
    QueueFixture f;
    const std::string id = f.submit("T01-000042");
    REQUIRE(f.queue.problem().has_value());
    f.queue.dismiss_problem();
    CHECK_FALSE(f.queue.problem().has_value());
    CHECK(f.stored(id).state == PrintJobState::waiting);
}

TEST_CASE("A receipt the store cannot take is an error, and the printer gets nothing") {
    QueueFixture f;
    f.queue.set_printer(&f.printer);
    f.submit("T01-000042");
    const auto again = f.queue.submit(receipt("T01-000042"));
    REQUIRE_FALSE(again.ok());
    CHECK(again.error().message ==
          "A print job named T01-000042 is already in the queue; nothing was stored");
    CHECK(f.printer.jobs.size() == 1);
    CHECK(f.store->print_jobs().recent(10).size() == 1);

    const auto nameless = f.queue.submit(receipt(""));
    REQUIRE_FALSE(nameless.ok());
    CHECK(f.printer.jobs.size() == 1);
}

TEST_CASE("Unused names count up from 1 past the copies already made") {
    QueueFixture f;
    CHECK(f.queue.unused_name("T01-000042-copy") == "T01-000042-copy1");
    f.submit("T01-000042-copy1");
    CHECK(f.queue.unused_name("T01-000042-copy") == "T01-000042-copy2");
}
