// USB scanners through the real drivers::usb::UsbDevices and libusb, against emulated devices:
// what the clerk sees is the exact code scanned, or a message saying what went wrong.
#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <string>
#include <thread>
#include <vector>

#include "drivers/hid.hpp"
#include "drivers/usb/usb.hpp"
#include "fake_usb.hpp"
#include "usb_test_support.hpp"

using drivers::DataEvent;
using drivers::ErrorEvent;
using drivers::StatusEvent;
using drivers::usb::UsbDevices;
using fake_usb::ScannerMode;
using usb_test::scanner_enabled;
using usb_test::scanner_options;
using usb_test::Terminal;

namespace {

const drivers::usb::UsbDeviceDescription* described(
    const std::vector<drivers::usb::UsbDeviceDescription>& all, const std::string& port) {
    const auto found =
        std::find_if(all.begin(), all.end(), [&port](const auto& d) { return d.port == port; });
    return found == all.end() ? nullptr : &*found;
}

bool has_error_containing(const Terminal& terminal, const std::string& text) {
    const auto errors = terminal.all<ErrorEvent>();
    return std::any_of(errors.begin(), errors.end(), [&text](const ErrorEvent& e) {
        return e.message.find(text) != std::string::npos;
    });
}

// The key reports of each character of `code`, without the Enter that ends it.
std::vector<std::vector<std::uint8_t>> keys_without_enter(const std::string& code) {
    return drivers::wedge_reports(code, "");
}

void append(std::vector<std::vector<std::uint8_t>>& reports,
            const std::vector<std::vector<std::uint8_t>>& more) {
    reports.insert(reports.end(), more.begin(), more.end());
}

}  // namespace

TEST_CASE("a keyboard-wedge scanner plugged in at start is found, described and enabled") {
    fake_usb::FakeUsb fake;
    const auto port = fake.plug_scanner();
    Terminal terminal;
    UsbDevices usb(terminal.events, {});
    REQUIRE(terminal.run_until(usb, [&] { return scanner_enabled(usb); }));

    const auto descriptions = usb.descriptions();
    const auto* scanner = described(descriptions, port);
    REQUIRE(scanner != nullptr);
    CHECK(scanner->kind == drivers::DeviceKind::scanner);
    CHECK(scanner->vendor == 0x0c2e);
    CHECK(scanner->product == 0x0b61);
    CHECK(scanner->endpoint_in == 0x81);
    CHECK_FALSE(scanner->hid_pos);

    const auto info = usb.scanner()->info();
    CHECK(info.id == usb_test::usb_id(port));
    CHECK(info.kind == drivers::DeviceKind::scanner);
    CHECK(info.connected);
    CHECK(terminal.saw_status(info.id, StatusEvent::Change::arrived));
}

TEST_CASE("a HID POS scanner plugged in at start is found as HID POS and enabled") {
    fake_usb::FakeUsb fake;
    const auto port = fake.plug_scanner(scanner_options(ScannerMode::hid_pos));
    Terminal terminal;
    UsbDevices usb(terminal.events, {});
    REQUIRE(terminal.run_until(usb, [&] { return scanner_enabled(usb); }));

    const auto descriptions = usb.descriptions();
    const auto* scanner = described(descriptions, port);
    REQUIRE(scanner != nullptr);
    CHECK(scanner->kind == drivers::DeviceKind::scanner);
    CHECK(scanner->vendor == 0x05e0);
    CHECK(scanner->product == 0x1200);
    CHECK(scanner->hid_pos);
    CHECK(usb.scanner()->info().id == usb_test::usb_id(port));
}

TEST_CASE("a wedge scanner delivers capitals, lower case and digits exactly as scanned") {
    fake_usb::FakeUsb fake;
    const auto port = fake.plug_scanner();
    Terminal terminal;
    UsbDevices usb(terminal.events, {});
    REQUIRE(terminal.run_until(usb, [&] { return scanner_enabled(usb); }));

    fake.scan(port, "AB12cd9");
    fake.scan(port, "4006381333931");
    REQUIRE(terminal.run_until(usb, [&] { return terminal.codes().size() >= 2; }));

    CHECK(terminal.codes() == std::vector<std::string>{"AB12cd9", "4006381333931"});
    const auto first = terminal.all<DataEvent>().front();
    CHECK(first.device == usb_test::usb_id(port));
    CHECK(first.scan.symbology.empty());
    CHECK(terminal.all<ErrorEvent>().empty());
}

TEST_CASE("a HID POS code longer than one report arrives whole with its AIM identifier") {
    fake_usb::FakeUsb fake;
    const auto port = fake.plug_scanner(scanner_options(ScannerMode::hid_pos));
    Terminal terminal;
    UsbDevices usb(terminal.events, {});
    REQUIRE(terminal.run_until(usb, [&] { return scanner_enabled(usb); }));

    const std::string url =
        "https://counter.example/receipt/T01-000042?total=12.50&check=7f3a9c21d4e6b580";
    REQUIRE(url.size() > drivers::hid_pos_data_size);
    REQUIRE(drivers::hid_pos_reports(url, "]Q1").size() == 2);
    fake.scan(port, url, "]Q1");
    fake.scan(port, "4006381333931", "]E0");
    REQUIRE(terminal.run_until(usb, [&] { return terminal.codes().size() >= 2; }));

    const auto scans = terminal.all<DataEvent>();
    CHECK(scans[0].scan.code == url);
    CHECK(scans[0].scan.symbology == "]Q1");
    CHECK(scans[1].scan.code == "4006381333931");
    CHECK(scans[1].scan.symbology == "]E0");
    CHECK(scans.size() == 2);
}

TEST_CASE(
    "a HID POS report with a wrong report id is reported, scans nothing, and the next scan "
    "arrives") {
    fake_usb::FakeUsb fake;
    const auto port = fake.plug_scanner(scanner_options(ScannerMode::hid_pos));
    Terminal terminal;
    UsbDevices usb(terminal.events, {});
    REQUIRE(terminal.run_until(usb, [&] { return scanner_enabled(usb); }));

    std::vector<std::uint8_t> garbage(drivers::hid_pos_report_size, 0x5a);
    garbage[0] = 0x07;
    fake.send_reports(port, {garbage});
    REQUIRE(terminal.run_until(usb, [&] { return !terminal.all<ErrorEvent>().empty(); }));
    CHECK(has_error_containing(terminal, "report id 0x07"));
    CHECK(terminal.all<ErrorEvent>().front().device == usb_test::usb_id(port));
    CHECK(terminal.codes().empty());

    fake.scan(port, "5901234123457", "]E0");
    REQUIRE(terminal.run_until(usb, [&] { return !terminal.codes().empty(); }));
    CHECK(terminal.codes() == std::vector<std::string>{"5901234123457"});
}

TEST_CASE(
    "a truncated HID POS report drops the partial code, says so, and the next scan is whole") {
    fake_usb::FakeUsb fake;
    const auto port = fake.plug_scanner(scanner_options(ScannerMode::hid_pos));
    Terminal terminal;
    UsbDevices usb(terminal.events, {});
    REQUIRE(terminal.run_until(usb, [&] { return scanner_enabled(usb); }));

    const std::string long_code(130, '7');
    auto reports = drivers::hid_pos_reports(long_code, "]C0");
    REQUIRE(reports.size() == 3);
    reports[1].resize(20);  // the middle part of the code, cut short
    fake.send_reports(port, reports);
    REQUIRE(terminal.run_until(usb, [&] { return !terminal.all<ErrorEvent>().empty(); }));
    CHECK(has_error_containing(terminal, "20 bytes, expected 62"));
    CHECK(terminal.codes().empty());

    fake.scan(port, "ABC-123", "]C0");
    REQUIRE(terminal.run_until(usb, [&] { return !terminal.codes().empty(); }));
    CHECK(terminal.codes() == std::vector<std::string>{"ABC-123"});
    CHECK(terminal.all<ErrorEvent>().size() == 1);
}

TEST_CASE("a truncated last part of a HID POS code does not swallow the next scan") {
    fake_usb::FakeUsb fake;
    const auto port = fake.plug_scanner(scanner_options(ScannerMode::hid_pos));
    Terminal terminal;
    UsbDevices usb(terminal.events, {});
    REQUIRE(terminal.run_until(usb, [&] { return scanner_enabled(usb); }));

    auto reports = drivers::hid_pos_reports(std::string(100, '5'), "]C0");
    REQUIRE(reports.size() == 2);
    reports[1].resize(9);  // the last part, cut short: its "more follows" flag is lost
    fake.send_reports(port, reports);
    REQUIRE(terminal.run_until(usb, [&] { return !terminal.all<ErrorEvent>().empty(); }));
    CHECK(terminal.codes().empty());

    // A person scans the next item a moment later: a new code, not the rest of the broken one.
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    fake.scan(port, "4006381333931", "]E0");
    REQUIRE(terminal.run_until(usb, [&] { return !terminal.codes().empty(); }));
    CHECK(terminal.codes() == std::vector<std::string>{"4006381333931"});
}

TEST_CASE(
    "a wedge key the layout lacks is reported and the half code is not glued to the next scan") {
    fake_usb::FakeUsb fake;
    const auto port = fake.plug_scanner();
    Terminal terminal;
    UsbDevices usb(terminal.events, {});
    REQUIRE(terminal.run_until(usb, [&] { return scanner_enabled(usb); }));

    auto reports = keys_without_enter("12");
    reports.push_back({0, 0, 0x70, 0, 0, 0, 0, 0});  // F21: no character in the US layout
    reports.push_back(std::vector<std::uint8_t>(8, 0));
    append(reports, drivers::wedge_reports("34"));  // the rest of that code, and Enter
    fake.send_reports(port, reports);
    REQUIRE(terminal.run_until(usb, [&] { return !terminal.all<ErrorEvent>().empty(); }));
    CHECK(has_error_containing(terminal, "key code 0x70"));
    CHECK(terminal.codes().empty());

    fake.scan(port, "345");
    REQUIRE(terminal.run_until(usb, [&] { return !terminal.codes().empty(); }));
    CHECK(terminal.codes() == std::vector<std::string>{"345"});
}

TEST_CASE("a truncated wedge report is reported and the next scan still arrives") {
    fake_usb::FakeUsb fake;
    const auto port = fake.plug_scanner();
    Terminal terminal;
    UsbDevices usb(terminal.events, {});
    REQUIRE(terminal.run_until(usb, [&] { return scanner_enabled(usb); }));

    auto reports = keys_without_enter("9");
    reports.push_back({0, 0, 0x1f});                // three bytes of a key report
    append(reports, drivers::wedge_reports("77"));  // the rest of that code, and Enter
    fake.send_reports(port, reports);
    REQUIRE(terminal.run_until(usb, [&] { return !terminal.all<ErrorEvent>().empty(); }));
    CHECK(has_error_containing(terminal, "keyboard report of 3 bytes, expected 8"));
    CHECK(terminal.codes().empty());

    fake.scan(port, "X42");
    REQUIRE(terminal.run_until(usb, [&] { return !terminal.codes().empty(); }));
    CHECK(terminal.codes() == std::vector<std::string>{"X42"});
}

TEST_CASE("a report longer than the scanner's endpoint is reported as an error, not a scan") {
    fake_usb::FakeUsb fake;
    const auto port = fake.plug_scanner(scanner_options(ScannerMode::hid_pos));
    Terminal terminal;
    UsbDevices usb(terminal.events, {});
    REQUIRE(terminal.run_until(usb, [&] { return scanner_enabled(usb); }));

    auto babble = drivers::hid_pos_reports("12345", "]E0").front();
    babble.resize(200, 0x33);
    fake.send_reports(port, {babble});
    REQUIRE(terminal.run_until(usb, [&] { return !terminal.all<ErrorEvent>().empty(); }));
    CHECK(has_error_containing(terminal, "longer than its endpoint allows"));
    CHECK(terminal.codes().empty());

    fake.scan(port, "12345", "]E0");
    REQUIRE(terminal.run_until(usb, [&] { return !terminal.codes().empty(); }));
    CHECK(terminal.codes() == std::vector<std::string>{"12345"});
}

TEST_CASE("a scanner held by usbhid is detached to be used and given back to usbhid afterwards") {
    fake_usb::FakeUsb fake;
    const auto port = fake.plug_scanner(scanner_options(ScannerMode::wedge, "usbhid"));
    REQUIRE(fake.kernel_driver_attached(port));
    {
        Terminal terminal;
        UsbDevices usb(terminal.events, {});
        REQUIRE(terminal.run_until(usb, [&] { return scanner_enabled(usb); }));
        CHECK_FALSE(fake.kernel_driver_attached(port));

        fake.scan(port, "Z9");
        REQUIRE(terminal.run_until(usb, [&] { return !terminal.codes().empty(); }));
        CHECK(terminal.codes() == std::vector<std::string>{"Z9"});
    }
    CHECK(fake.kernel_driver_attached(port));
}
