#include <doctest/doctest.h>

#include "helpers.hpp"

using db_test::TempDir;

namespace {

db::DeviceSettings configured() {
    db::DeviceSettings s;
    s.printer = "usb:04b8:0e15";
    s.printer_profile = "generic-58";
    s.printer_code_pages = "CP437:0,CP858:19";
    s.scanner = "virtual";
    s.wedge_prefix = "]";
    s.wedge_suffix = "\t";
    s.drawer_pin = 1;
    s.drawer_on_ms = 50;
    s.drawer_off_ms = 510;
    return s;
}

void check_same(const db::DeviceSettings& read, const db::DeviceSettings& written) {
    CHECK(read.printer == written.printer);
    CHECK(read.printer_profile == written.printer_profile);
    CHECK(read.printer_code_pages == written.printer_code_pages);
    CHECK(read.scanner == written.scanner);
    CHECK(read.wedge_prefix == written.wedge_prefix);
    CHECK(read.wedge_suffix == written.wedge_suffix);
    CHECK(read.drawer_pin == written.drawer_pin);
    CHECK(read.drawer_on_ms == written.drawer_on_ms);
    CHECK(read.drawer_off_ms == written.drawer_off_ms);
}

// Saving `bad` is refused with `message`, and the settings saved before read back unchanged.
void check_refused(db::Store& store, const db::DeviceSettings& bad, const std::string& message) {
    const auto saved = store.save_device_settings(bad);
    REQUIRE_FALSE(saved);
    CHECK(saved.error().code == pos::ErrorCode::bad_input);
    CHECK(saved.error().message == message);
    check_same(store.device_settings(), configured());
}

}  // namespace

TEST_CASE("A store that never saved device settings reads the defaults: find every device") {
    TempDir dir;
    auto store = db_test::open(dir.file("terminal.db"));
    const auto s = store->device_settings();
    check_same(s, db::DeviceSettings{});
    CHECK(s.printer.empty());
    CHECK(s.drawer_on_ms == 100);
    CHECK(s.drawer_off_ms == 200);
}

TEST_CASE("Device settings are saved as devices.* settings and read back after reopening") {
    TempDir dir;
    const auto file = dir.file("terminal.db");
    {
        auto store = db_test::open(file);
        REQUIRE(store->save_device_settings(configured()));
        CHECK(db_test::text_for(*store, "SELECT value FROM settings WHERE key = ?",
                                "devices.printer") == "usb:04b8:0e15");
        CHECK(db_test::text_for(*store, "SELECT value FROM settings WHERE key = ?",
                                "devices.drawer_on_ms") == "50");
    }
    auto store = db_test::open(file);
    check_same(store->device_settings(), configured());

    // Back to auto-detect: empty strings are kept as empty.
    db::DeviceSettings automatic;
    automatic.printer_code_pages = "CP999:3";  // stored as given: receipts reports it
    REQUIRE(store->save_device_settings(automatic));
    check_same(store->device_settings(), automatic);
}

TEST_CASE("Upper-case hex digits are accepted in a USB device id") {
    TempDir dir;
    auto store = db_test::open(dir.file("terminal.db"));
    auto s = configured();
    s.scanner = "usb:05E0:1200";
    REQUIRE(store->save_device_settings(s));
    CHECK(store->device_settings().scanner == "usb:05E0:1200");
}

TEST_CASE("Each bad device setting is refused with what was wrong, and nothing changes") {
    TempDir dir;
    auto store = db_test::open(dir.file("terminal.db"));
    REQUIRE(store->save_device_settings(configured()));
    const std::string usb_form =
        " must be empty (find it), \"virtual\", or \"usb:\" then the vendor and product ids as "
        "4 hex digits each, such as usb:04b8:0e15; nothing was saved";

    SUBCASE("a drawer pin other than 0 or 1") {
        auto bad = configured();
        bad.drawer_pin = 2;
        check_refused(*store, bad,
                      "The drawer pin 2 must be 0 (connector pin 2) or 1 (connector pin 5); "
                      "nothing was saved");
        bad.drawer_pin = -1;
        check_refused(*store, bad,
                      "The drawer pin -1 must be 0 (connector pin 2) or 1 (connector pin 5); "
                      "nothing was saved");
    }
    SUBCASE("pulse times outside 10..510 ms") {
        auto bad = configured();
        bad.drawer_on_ms = 9;
        check_refused(*store, bad,
                      "The drawer pulse on time of 9 ms is not between 10 and 510 ms; nothing "
                      "was saved");
        bad = configured();
        bad.drawer_off_ms = 511;
        check_refused(*store, bad,
                      "The drawer pulse off time of 511 ms is not between 10 and 510 ms; "
                      "nothing was saved");
    }
    SUBCASE("a printer that is not auto, virtual or usb:vvvv:pppp") {
        for (const std::string printer :
             {"usb:4b8:e15", "usb:04b8:0e1g", "usb:04b8-0e15", "USB:04b8:0e15", "epson",
              "usb:04b8:0e15 ", "virtual:printer"}) {
            auto bad = configured();
            bad.printer = printer;
            check_refused(*store, bad, "The printer \"" + printer + "\"" + usb_form);
        }
    }
    SUBCASE("a scanner that is not auto, virtual or usb:vvvv:pppp") {
        auto bad = configured();
        bad.scanner = "usb:05e0";
        check_refused(*store, bad, "The scanner \"usb:05e0\"" + usb_form);
    }
    SUBCASE("a profile or code page list with a line break") {
        auto bad = configured();
        bad.printer_profile = "generic-58\nepson";
        check_refused(*store, bad,
                      "The printer profile \"generic-58\nepson\" must be a single line of text; "
                      "nothing was saved");
        bad = configured();
        bad.printer_code_pages = "CP437:0\r";
        check_refused(*store, bad,
                      "The printer code pages \"CP437:0\r\" must be a single line of text; "
                      "nothing was saved");
    }
}

TEST_CASE("A damaged stored drawer time is reported naming its setting") {
    TempDir dir;
    auto store = db_test::open(dir.file("terminal.db"));
    REQUIRE(store->save_device_settings(configured()));
    store->database().exec("UPDATE settings SET value = 'fast' WHERE key = 'devices.drawer_on_ms'",
                           "test");
    try {
        (void)store->device_settings();
        FAIL("a damaged setting was read as if it were fine");
    } catch (const pos::StoreFailure& failure) {
        CHECK(std::string(failure.what()) ==
              "the store's setting devices.drawer_on_ms is damaged: 'fast' is not a whole number");
    }
}
