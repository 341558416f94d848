// The DeviceHub without USB: the virtual scanner and spool printer, the printer profile and code
// pages from the device settings, the drawer, the log, and the print queue's recovery at start.
#include <doctest/doctest.h>

#include "terminal_fixture.hpp"
#include "ui/device_hub.hpp"

namespace {

struct HubFixture {
    testing_support::TempDir dir;
    std::unique_ptr<db::Store> store = TerminalFixture::open_demo(dir.path() / "terminal.db");
    fakes::Clock clock;
    db::RandomIds ids{clock};

    std::unique_ptr<ui::DeviceHub> start(const db::DeviceSettings& settings = {}) {
        REQUIRE(store->save_device_settings(settings).ok());
        return std::make_unique<ui::DeviceHub>(*store, clock, ids,
                                               ui::DeviceHubOptions{dir.path() / "spool"});
    }

    // A job as an earlier run of the terminal left it in the store.
    std::string left_behind(const std::string& name, db::PrintJobState state) {
        db::StoredPrintJob job;
        job.id = ids.new_id();
        job.name = name;
        job.title = "Receipt";
        job.receipt_number = name;
        job.created_ms = clock.now_ms();
        job.parts = {{".txt", {'h', 'i', '\n'}}};
        REQUIRE(store->print_jobs().add(job).ok());
        if (state != db::PrintJobState::queued)
            REQUIRE(store->print_jobs().mark(job.id, state, "", clock.now_ms()).ok());
        return job.id;
    }
};

bool log_has(const ui::DeviceHub& hub, const std::string& text) {
    for (const auto& line : hub.log()) {
        if (line.find(text) != std::string::npos)
            return true;
    }
    return false;
}

}  // namespace

TEST_CASE_FIXTURE(HubFixture, "with nothing plugged in the virtual printer and scanner are used") {
    auto hub = start();
    CHECK(hub->printer() == &hub->virtual_printer());
    CHECK(hub->printer_name() == "Spool printer");
    CHECK(hub->printer_profile().name == receipts::find_profile("virtual")->name);
    const auto devices = hub->devices();
    REQUIRE(devices.size() == 3);
    CHECK(devices[0].id == "virtual:printer");
    CHECK(devices[0].state == drivers::DeviceState::enabled);
    CHECK(devices[0].status == "ready");
    CHECK(devices[1].id == "virtual:scanner");
    CHECK(devices[1].state == drivers::DeviceState::enabled);
    CHECK(devices[2].kind == drivers::DeviceKind::drawer);
    CHECK(devices[2].state == drivers::DeviceState::enabled);
    CHECK(log_has(*hub, "receipts print on Spool printer"));
}

TEST_CASE_FIXTURE(HubFixture, "scans come out of pump once each, in order, and are logged") {
    auto hub = start();
    REQUIRE(hub->virtual_scanner().scan({"5012345000015", "]E0"}).ok);
    REQUIRE(hub->virtual_scanner().scan({"ABC", ""}).ok);
    const auto scans = hub->pump();
    REQUIRE(scans.size() == 2);
    CHECK(scans[0].code == "5012345000015");
    CHECK(scans[0].symbology == "]E0");
    CHECK(scans[1].code == "ABC");
    CHECK(hub->pump().empty());  // no phantom repeat
    CHECK(log_has(*hub, "virtual:scanner: Scanned 5012345000015 (]E0)"));
}

TEST_CASE_FIXTURE(HubFixture, "the device log keeps the newest 200 lines") {
    auto hub = start();
    for (int i = 0; i < 250; ++i)
        REQUIRE(hub->virtual_scanner().scan({"CODE" + std::to_string(i), ""}).ok);
    CHECK(hub->pump().size() == 250);
    CHECK(hub->log().size() == 200);
    CHECK(hub->log().back().find("Scanned CODE249") != std::string::npos);
}

TEST_CASE_FIXTURE(HubFixture, "an unknown printer profile falls back to generic-58 and says so") {
    db::DeviceSettings settings;
    settings.printer_profile = "tm-nonesuch";
    auto hub = start(settings);
    CHECK(hub->printer_profile().name == receipts::find_profile("generic-58")->name);
    CHECK(log_has(*hub, "printer profile: unknown profile 'tm-nonesuch', using generic-58"));
    CHECK(hub->printer() == &hub->virtual_printer());  // it still prints
}

TEST_CASE_FIXTURE(HubFixture, "an unknown code page in the settings is logged and the rest apply") {
    db::DeviceSettings settings;
    settings.printer_profile = "epson-tm-t20";
    settings.printer_code_pages = "CP858:19,CP999:5,CP437:0";
    auto hub = start(settings);
    const auto& pages = hub->printer_profile().code_pages;
    REQUIRE(pages.size() == 2);
    CHECK(pages[0].page == receipts::CodePage::cp858);
    CHECK(pages[0].escpos_number == 19);
    CHECK(pages[1].page == receipts::CodePage::cp437);
    CHECK(log_has(*hub, "printer profile: Code page \"CP999\""));
}

TEST_CASE_FIXTURE(HubFixture, "settings naming a USB printer that is not there make jobs wait") {
    db::DeviceSettings settings;
    settings.printer = "usb:04b8:0e15";
    auto hub = start(settings);
    CHECK(hub->printer() == nullptr);
    CHECK(hub->printer_name() == "USB printer 04b8:0e15");
    CHECK(hub->printer_profile().name == receipts::find_profile("epson-tm-t20")->name);
    const auto id = hub->print_queue().submit({"T01-000001", "Receipt", "T01-000001", {}});
    REQUIRE(id.ok());
    hub->pump();
    CHECK(hub->print_queue().find(*id)->state == db::PrintJobState::waiting);
    CHECK_FALSE(std::filesystem::exists(dir.path() / "spool" / "T01-000001.txt"));
    const auto drawer = hub->open_drawer();
    CHECK_FALSE(drawer.ok);
    CHECK(drawer.message.find("USB printer 04b8:0e15 is not connected") != std::string::npos);
    CHECK_FALSE(hub->drawer_open().has_value());
}

TEST_CASE_FIXTURE(HubFixture, "the drawer opens through the printer and reads open") {
    auto hub = start();
    CHECK(hub->drawer_open() == std::optional<bool>(false));
    REQUIRE(hub->open_drawer().ok);
    hub->pump();
    CHECK(hub->drawer_open() == std::optional<bool>(true));
    CHECK(log_has(*hub, "drawer pulse sent"));
}

TEST_CASE_FIXTURE(HubFixture,
                  "at start a job left printing is failed, never resent; one left queued prints") {
    const std::string printing = left_behind("T01-000007", db::PrintJobState::printing);
    const std::string queued = left_behind("T01-000008", db::PrintJobState::queued);
    auto hub = start();
    hub->pump();
    const auto stopped = hub->print_queue().find(printing);
    REQUIRE(stopped.has_value());
    CHECK(stopped->state == db::PrintJobState::failed);
    CHECK(stopped->last_error.find("not confirmed before the terminal stopped") == 0);
    CHECK_FALSE(std::filesystem::exists(dir.path() / "spool" / "T01-000007.txt"));
    CHECK(hub->print_queue().find(queued)->state == db::PrintJobState::done);
    CHECK(std::filesystem::exists(dir.path() / "spool" / "T01-000008.txt"));
    const auto problem = hub->print_queue().problem();
    REQUIRE(problem.has_value());
    CHECK(problem->job == printing);
}
