// Scanners coming and going while the terminal runs: found and enabled on arrival, closed on
// removal without a phantom scan from a half-read code, and back in use when plugged in again.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "drivers/hid.hpp"
#include "drivers/usb/usb.hpp"
#include "fake_usb.hpp"
#include "usb_test_support.hpp"

using drivers::DataEvent;
using drivers::StatusEvent;
using drivers::usb::UsbDevices;
using fake_usb::ScannerMode;
using usb_test::scanner_enabled;
using usb_test::scanner_options;
using usb_test::Terminal;
using usb_test::usb_id;

namespace {

bool listed(UsbDevices& usb, const std::string& id) {
    for (const auto& device : usb.devices())
        if (device.id == id && device.connected)
            return true;
    return false;
}

}  // namespace

TEST_CASE("a scanner plugged in after start is found, enabled and delivers scans") {
    fake_usb::FakeUsb fake;
    Terminal terminal;
    UsbDevices usb(terminal.events, {});
    terminal.frame(usb);
    CHECK(usb.scanner() == nullptr);

    const auto port = fake.plug_scanner();
    REQUIRE(terminal.run_until(usb, [&] { return scanner_enabled(usb); }));
    CHECK(terminal.saw_status(usb_id(port), StatusEvent::Change::arrived));
    CHECK(listed(usb, usb_id(port)));

    fake.scan(port, "4006381333931");
    REQUIRE(terminal.run_until(usb, [&] { return !terminal.codes().empty(); }));
    CHECK(terminal.codes() == std::vector<std::string>{"4006381333931"});
    CHECK(terminal.all<DataEvent>().front().device == usb_id(port));
}

TEST_CASE("a wedge scanner unplugged halfway through a code is removed without a phantom scan") {
    fake_usb::FakeUsb fake;
    const auto port = fake.plug_scanner();
    Terminal terminal;
    UsbDevices usb(terminal.events, {});
    REQUIRE(terminal.run_until(usb, [&] { return scanner_enabled(usb); }));

    fake.send_reports(port, drivers::wedge_reports("12345", ""));  // no Enter: half a code
    REQUIRE(terminal.run_until(usb, [&] { return fake.pending_reports(port) == 0; }));
    fake.unplug(port);
    REQUIRE(terminal.run_until(
        usb, [&] { return terminal.saw_status(usb_id(port), StatusEvent::Change::removed); }));
    CHECK(usb.scanner() == nullptr);
    CHECK_FALSE(listed(usb, usb_id(port)));
    CHECK(terminal.codes().empty());

    SUBCASE("plugged back into the same port, it scans again and the half code stays lost") {
        CHECK(fake.plug_scanner({}, port) == port);
        REQUIRE(terminal.run_until(usb, [&] { return scanner_enabled(usb); }));
        CHECK(usb.scanner()->info().id == usb_id(port));
        fake.scan(port, "678");
        REQUIRE(terminal.run_until(usb, [&] { return !terminal.codes().empty(); }));
        CHECK(terminal.codes() == std::vector<std::string>{"678"});
    }
}

TEST_CASE(
    "a HID POS scanner unplugged between the parts of a long code scans nothing from it, then "
    "works again") {
    fake_usb::FakeUsb fake;
    const auto port = fake.plug_scanner(scanner_options(ScannerMode::hid_pos));
    Terminal terminal;
    UsbDevices usb(terminal.events, {});
    REQUIRE(terminal.run_until(usb, [&] { return scanner_enabled(usb); }));

    const auto reports = drivers::hid_pos_reports(std::string(100, 'Q'), "]Q1");
    REQUIRE(reports.size() == 2);
    fake.send_reports(port, {reports.front()});  // the first part only
    REQUIRE(terminal.run_until(usb, [&] { return fake.pending_reports(port) == 0; }));
    fake.unplug(port);
    REQUIRE(terminal.run_until(
        usb, [&] { return terminal.saw_status(usb_id(port), StatusEvent::Change::removed); }));
    CHECK(usb.scanner() == nullptr);

    fake.plug_scanner(scanner_options(ScannerMode::hid_pos), port);
    REQUIRE(terminal.run_until(usb, [&] { return scanner_enabled(usb); }));
    fake.scan(port, "9780201633610", "]E0");
    REQUIRE(terminal.run_until(usb, [&] { return !terminal.codes().empty(); }));
    CHECK(terminal.codes() == std::vector<std::string>{"9780201633610"});
}

TEST_CASE("unplugging the scanner leaves a printer on another port in use") {
    fake_usb::FakeUsb fake;
    const auto printer_port = fake.plug_printer();
    const auto scanner_port = fake.plug_scanner();
    Terminal terminal;
    UsbDevices usb(terminal.events, {});
    REQUIRE(
        terminal.run_until(usb, [&] { return scanner_enabled(usb) && usb.printer() != nullptr; }));

    fake.unplug(scanner_port);
    REQUIRE(terminal.run_until(usb, [&] {
        return terminal.saw_status(usb_id(scanner_port), StatusEvent::Change::removed);
    }));
    CHECK(usb.scanner() == nullptr);
    REQUIRE(usb.printer() != nullptr);
    CHECK(usb.printer()->info().id == usb_id(printer_port));
    CHECK_FALSE(terminal.saw_status(usb_id(printer_port), StatusEvent::Change::removed));
}
