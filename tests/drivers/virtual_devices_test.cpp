#include <doctest/doctest.h>

#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "drivers/virtual_devices.hpp"

namespace fs = std::filesystem;

namespace {

struct TempDir {
    fs::path path = fs::temp_directory_path() / ("counter-virtual-" + std::to_string(::getpid()));
    TempDir() { fs::remove_all(path); }
    ~TempDir() { fs::remove_all(path); }
};

std::vector<std::uint8_t> bytes(const std::string& text) {
    return {text.begin(), text.end()};
}

drivers::PrintJob receipt(const std::string& id, const std::string& name, const std::string& text) {
    drivers::PrintJob job;
    job.id = id;
    job.name = name;
    job.escpos = bytes("\x1b@" + text);
    job.renderings = {{".txt", bytes(text)}, {".escpos", job.escpos}};
    return job;
}

std::string read(const fs::path& file) {
    std::ifstream in(file);
    std::stringstream content;
    content << in.rdbuf();
    return content.str();
}

template <typename Event>
std::vector<Event> events_of(const std::vector<drivers::DeviceEvent>& events) {
    std::vector<Event> found;
    for (const auto& event : events) {
        if (const auto* e = std::get_if<Event>(&event))
            found.push_back(*e);
    }
    return found;
}

std::vector<std::string> completed_jobs(const std::vector<drivers::DeviceEvent>& events) {
    std::vector<std::string> jobs;
    for (const auto& event : events_of<drivers::OutputCompleteEvent>(events))
        jobs.push_back(event.job);
    return jobs;
}

template <typename D>
void start(D& device) {
    REQUIRE(device.open());
    REQUIRE(device.claim(1000));
    REQUIRE(device.enable());
}

drivers::PrinterStatus paper_out() {
    drivers::PrinterStatus status;
    status.known = true;
    status.online = true;
    status.paper_out = true;
    return status;
}

drivers::PrinterStatus ready() {
    drivers::PrinterStatus status;
    status.known = true;
    status.online = true;
    return status;
}

}  // namespace

TEST_CASE("the virtual printer writes each job into the spool and reports it complete") {
    TempDir dir;
    drivers::EventQueue events;
    drivers::VirtualPrinter printer(events, dir.path / "spool");
    start(printer);
    printer.print(receipt("job-1", "T01-000001", "Coffee  2.50\n"));
    CHECK(read(dir.path / "spool" / "T01-000001.txt") == "Coffee  2.50\n");
    CHECK(read(dir.path / "spool" / "T01-000001.escpos") == "\x1b@Coffee  2.50\n");
    auto drained = events.drain();
    CHECK(completed_jobs(drained) == std::vector<std::string>{"job-1"});
    CHECK(events_of<drivers::ErrorEvent>(drained).empty());
    CHECK(printer.jobs_in_progress() == 0);
}

TEST_CASE("the virtual printer says what it is on the devices screen") {
    TempDir dir;
    drivers::EventQueue events;
    drivers::VirtualPrinter printer(events, dir.path / "spool");
    auto info = printer.info();
    CHECK(info.id == "virtual:printer");
    CHECK(info.name == "Spool printer");
    CHECK(info.kind == drivers::DeviceKind::printer);
    CHECK(info.transport == "virtual (spool folder " + (dir.path / "spool").string() + ")");
    CHECK(info.state == drivers::DeviceState::closed);
    start(printer);
    info = printer.info();
    CHECK(info.state == drivers::DeviceState::enabled);
    CHECK(info.status == "ready");
    CHECK(printer.status().ready());
}

TEST_CASE("paper out holds the jobs; paper back prints each of them once, in order") {
    TempDir dir;
    drivers::EventQueue events;
    drivers::VirtualPrinter printer(events, dir.path / "spool");
    start(printer);
    printer.set_status(paper_out());
    events.drain();

    printer.print(receipt("job-1", "T01-000001", "first\n"));
    printer.print(receipt("job-2", "T01-000002", "second\n"));
    auto waiting = events.drain();
    CHECK(completed_jobs(waiting).empty());
    CHECK(printer.jobs_in_progress() == 2);
    CHECK_FALSE(fs::exists(dir.path / "spool" / "T01-000001.txt"));
    auto said = events_of<drivers::StatusEvent>(waiting);
    REQUIRE(said.size() == 2);
    CHECK(said[0].change == drivers::StatusEvent::Change::printer);
    CHECK(said[0].printer.paper_out);
    CHECK(said[0].text == "paper out; T01-000001 waits until the printer is ready");
    CHECK(printer.info().status == "paper out");

    printer.set_status(ready());
    auto printed = events.drain();
    CHECK(completed_jobs(printed) == std::vector<std::string>{"job-1", "job-2"});
    CHECK(read(dir.path / "spool" / "T01-000002.txt") == "second\n");
    CHECK(printer.jobs_in_progress() == 0);

    // Ready again later: nothing is printed a second time.
    printer.set_status(ready());
    CHECK(completed_jobs(events.drain()).empty());
}

TEST_CASE("a spool that cannot be written gives a retryable error naming the path") {
    TempDir dir;
    fs::create_directories(dir.path);
    std::ofstream(dir.path / "not-a-folder") << "a file where the spool folder should be";
    drivers::EventQueue events;
    drivers::VirtualPrinter printer(events, dir.path / "not-a-folder");
    start(printer);
    printer.print(receipt("job-7", "T01-000007", "total 9.99\n"));
    auto drained = events.drain();
    CHECK(completed_jobs(drained).empty());
    auto errors = events_of<drivers::ErrorEvent>(drained);
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].device == "virtual:printer");
    CHECK(errors[0].job == "job-7");
    CHECK(errors[0].retryable);
    CHECK(errors[0].message.find((dir.path / "not-a-folder").string()) != std::string::npos);
    CHECK(printer.info().last_error == errors[0].message);
    printer.clear_error();
    CHECK(printer.info().last_error.empty());
    CHECK(printer.jobs_in_progress() == 0);
}

TEST_CASE("a job sent to a printer that is not enabled fails and can be retried") {
    TempDir dir;
    drivers::EventQueue events;
    drivers::VirtualPrinter printer(events, dir.path / "spool");
    REQUIRE(printer.open());
    printer.print(receipt("job-1", "T01-000001", "x\n"));
    auto errors = events_of<drivers::ErrorEvent>(events.drain());
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].message == "Spool printer is not enabled; the job T01-000001 was not printed");
    CHECK(errors[0].retryable);
    CHECK_FALSE(fs::exists(dir.path / "spool" / "T01-000001.txt"));
}

TEST_CASE("closing the printer fails its waiting jobs instead of losing them") {
    TempDir dir;
    drivers::EventQueue events;
    drivers::VirtualPrinter printer(events, dir.path / "spool");
    start(printer);
    printer.set_status(paper_out());
    printer.print(receipt("job-3", "T01-000003", "x\n"));
    events.drain();
    REQUIRE(printer.close());
    auto errors = events_of<drivers::ErrorEvent>(events.drain());
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].job == "job-3");
    CHECK(errors[0].retryable);
    CHECK(printer.jobs_in_progress() == 0);
    CHECK(printer.info().status == "status unknown");
}

TEST_CASE("a drawer pulse opens the virtual drawer, which closes by itself 3 s later") {
    TempDir dir;
    drivers::EventQueue events;
    drivers::VirtualPrinter printer(events, dir.path / "spool");
    auto now = std::chrono::steady_clock::time_point{} + std::chrono::hours(1);
    printer.set_clock([&now] { return now; });
    start(printer);
    drivers::CashDrawer drawer(events, printer, {});
    CHECK(drawer.info().transport == "through Spool printer");
    start(drawer);
    CHECK(drawer.drawer_open() == false);

    REQUIRE(drawer.open_drawer());
    auto drained = events.drain();
    auto said = events_of<drivers::StatusEvent>(drained);
    REQUIRE(said.size() == 1);
    CHECK(said[0].printer.drawer_open);
    CHECK(said[0].text == "drawer open");
    CHECK(completed_jobs(drained) == std::vector<std::string>{"drawer"});
    CHECK(drawer.drawer_open() == true);
    CHECK(drawer.info().status == "open");

    now += std::chrono::seconds(2);
    CHECK(drawer.drawer_open() == true);
    now += std::chrono::seconds(1);
    CHECK(drawer.drawer_open() == false);
    printer.query_status();
    said = events_of<drivers::StatusEvent>(events.drain());
    REQUIRE(said.size() == 1);
    CHECK_FALSE(said[0].printer.drawer_open);
}

TEST_CASE("changing the paper while the drawer is open keeps the drawer closing by itself") {
    TempDir dir;
    drivers::EventQueue events;
    drivers::VirtualPrinter printer(events, dir.path / "spool");
    auto now = std::chrono::steady_clock::time_point{} + std::chrono::hours(1);
    printer.set_clock([&now] { return now; });
    start(printer);
    printer.pulse_drawer({});
    auto status = printer.status();  // as the devices screen does: only the paper changes
    status.paper_out = true;
    printer.set_status(status);
    CHECK(printer.status().drawer_open);
    CHECK(printer.status().paper_out);
    now += std::chrono::seconds(3);
    CHECK_FALSE(printer.status().drawer_open);
    CHECK(printer.status().paper_out);
}

TEST_CASE("a drawer left open by the printer's status stays open until it says closed") {
    TempDir dir;
    drivers::EventQueue events;
    drivers::VirtualPrinter printer(events, dir.path / "spool");
    start(printer);
    drivers::CashDrawer drawer(events, printer, {});
    start(drawer);
    auto status = ready();
    status.drawer_open = true;
    printer.set_status(status);
    CHECK(drawer.drawer_open() == true);
    printer.set_status(ready());
    CHECK(drawer.drawer_open() == false);
}

TEST_CASE("the drawer's state is unknown while its printer's status is") {
    TempDir dir;
    drivers::EventQueue events;
    drivers::VirtualPrinter printer(events, dir.path / "spool");  // never opened
    drivers::CashDrawer drawer(events, printer, {});
    CHECK_FALSE(drawer.drawer_open().has_value());
    CHECK(drawer.info().status == "status unknown");
}

TEST_CASE("the drawer refuses to open unless it and its printer are enabled") {
    TempDir dir;
    drivers::EventQueue events;
    drivers::VirtualPrinter printer(events, dir.path / "spool");
    drivers::CashDrawer drawer(events, printer, {});
    auto refused = drawer.open_drawer();
    CHECK_FALSE(refused);
    CHECK(refused.message == "Cash drawer is not enabled; enable it first");
    start(drawer);
    refused = drawer.open_drawer();
    CHECK_FALSE(refused);
    CHECK(refused.message ==
          "the drawer opens through Spool printer, which is closed, not enabled");
    CHECK(events.drain().empty());
}

TEST_CASE("the on-screen scanner posts scans only while enabled") {
    drivers::EventQueue events;
    drivers::VirtualScanner scanner(events);
    auto info = scanner.info();
    CHECK(info.id == "virtual:scanner");
    CHECK(info.name == "On-screen scanner");
    CHECK(info.transport == "virtual (keyboard and on-screen keys)");
    CHECK(info.kind == drivers::DeviceKind::scanner);

    auto refused = scanner.scan({"4006381333931", {}});
    CHECK(refused.message ==
          "On-screen scanner is not enabled; the scan of 4006381333931 was ignored");
    start(scanner);
    REQUIRE(scanner.scan({"4006381333931", "]E0"}));
    REQUIRE(scanner.disable());
    CHECK_FALSE(scanner.scan({"5449000000996", {}}));
    auto data = events_of<drivers::DataEvent>(events.drain());
    REQUIRE(data.size() == 1);
    CHECK(data[0].device == "virtual:scanner");
    CHECK(data[0].scan.code == "4006381333931");
    CHECK(data[0].scan.symbology == "]E0");
}

TEST_CASE("lifecycle steps out of order are refused with what is needed first") {
    drivers::EventQueue events;
    drivers::VirtualScanner scanner(events);
    SUBCASE("claim before open") {
        auto result = scanner.claim(100);
        CHECK_FALSE(result);
        CHECK(result.message == "On-screen scanner is not open; open it before claiming it");
    }
    SUBCASE("enable before claim") {
        REQUIRE(scanner.open());
        auto result = scanner.enable();
        CHECK_FALSE(result);
        CHECK(result.message == "On-screen scanner is not claimed; claim it before enabling it");
        CHECK(scanner.info().state == drivers::DeviceState::opened);
    }
    SUBCASE("enable before open") {
        CHECK(scanner.enable().message ==
              "On-screen scanner is not open; open and claim it before enabling it");
    }
    SUBCASE("open twice") {
        REQUIRE(scanner.open());
        CHECK(scanner.open().message == "On-screen scanner is already open");
    }
    SUBCASE("release or disable what was never claimed") {
        REQUIRE(scanner.open());
        CHECK(scanner.release().message ==
              "On-screen scanner is not claimed; there is nothing to release");
        CHECK(scanner.disable().message ==
              "On-screen scanner is not claimed; there is nothing to disable");
    }
    SUBCASE("release and close step back down") {
        start(scanner);
        CHECK(scanner.claim(100));  // claiming again is fine
        CHECK(scanner.release());
        CHECK(scanner.info().state == drivers::DeviceState::opened);
        CHECK(scanner.close());
        CHECK(scanner.info().state == drivers::DeviceState::closed);
        CHECK(scanner.close());
    }
}
