// The emulated printer through raw libusb calls, as any USB program would see it.
#include <doctest/doctest.h>

#include "drivers/escpos_status.hpp"
#include "fake_usb_test_support.hpp"

using namespace fake_usb_test;

TEST_CASE("the fake printer and scanner enumerate with their ids, ports and interfaces") {
    fake_usb::FakeUsb usb;
    const auto printer_port = usb.plug_printer();
    const auto scanner_port = usb.plug_scanner(hid_pos_scanner());
    CHECK(printer_port == "1-1");
    CHECK(scanner_port == "1-2");
    Libusb libusb;

    const auto found = enumerate(libusb.context());
    REQUIRE(found.size() == 3);  // with the root hub
    bool saw_printer = false;
    bool saw_scanner = false;
    for (const auto& device : found) {
        if (device.device.idVendor == 0x04b8) {
            saw_printer = true;
            CHECK(device.device.idProduct == 0x0e15);
            CHECK(device.port == "1-1");
            CHECK(device.interface_class == 7);
            CHECK(device.endpoints == std::vector<std::uint8_t>{0x01, 0x82});
        }
        if (device.device.idVendor == 0x05e0) {
            saw_scanner = true;
            CHECK(device.device.idProduct == 0x1200);
            CHECK(device.port == "1-2");
            CHECK(device.interface_class == 3);
            CHECK(device.interface_protocol == 0);
            CHECK(device.endpoints == std::vector<std::uint8_t>{0x81});
        }
    }
    CHECK(saw_printer);
    CHECK(saw_scanner);
}

TEST_CASE("the fake printer answers DLE EOT from its status and prints what it receives") {
    fake_usb::FakeUsb usb;
    const auto port = usb.plug_printer();
    Libusb libusb;
    auto* handle = libusb.open(0x04b8, 0x0e15);
    REQUIRE(handle != nullptr);
    REQUIRE(libusb_claim_interface(handle, 0) == 0);

    CHECK(bulk_write(handle, drivers::dle_eot(1)) == 3);
    CHECK(bulk_read(handle) == Bytes{drivers::status_byte(1, ready_status())});

    auto status = ready_status();
    status.paper_out = true;
    usb.set_printer_status(port, status);
    bulk_write(handle, drivers::dle_eot(4));
    const auto answer = bulk_read(handle);
    REQUIRE(answer.size() == 1);
    CHECK((answer[0] & 0x60) == 0x60);  // paper end bits
    CHECK(usb.status_queries(port) == 2);

    usb.set_printer_status(port, ready_status());
    bulk_write(handle, text("\x1b@Hello\nWorld\n"));
    CHECK(usb.printed(port) == "Hello\nWorld\n");
    CHECK(libusb_release_interface(handle, 0) == 0);
}

TEST_CASE(
    "the fake printer answers GS r only after printing what came before, even after paper out") {
    fake_usb::FakeUsb usb;
    const auto port = usb.plug_printer();
    Libusb libusb;
    auto* handle = libusb.open(0x04b8, 0x0e15);
    REQUIRE(handle != nullptr);
    REQUIRE(libusb_claim_interface(handle, 0) == 0);

    auto status = ready_status();
    status.paper_out = true;
    usb.set_printer_status(port, status);
    bulk_write(handle, text("\x1b@Total 12.50\n"));
    bulk_write(handle, drivers::job_marker());
    CHECK(bulk_read(handle, 200).empty());  // nothing printed, no answer yet
    CHECK(usb.printed(port).empty());

    bulk_write(handle, drivers::dle_eot(1));  // real-time: answered while printing waits
    const auto realtime = bulk_read(handle);
    REQUIRE(realtime.size() == 1);
    CHECK(drivers::is_realtime_status(realtime[0]));

    usb.set_printer_status(port, ready_status());
    const auto confirmation = bulk_read(handle);
    REQUIRE(confirmation.size() == 1);
    CHECK(drivers::is_job_marker_answer(confirmation[0]));
    CHECK(usb.printed(port) == "Total 12.50\n");
}

TEST_CASE(
    "the fake printer can run out of paper in the middle of a job and finish it after a refill") {
    fake_usb::FakeUsb usb;
    fake_usb::PrinterOptions options;
    options.paper_out_after_bytes = 13;  // ESC @ and the first line
    const auto port = usb.plug_printer(options);
    Libusb libusb;
    auto* handle = libusb.open(0x04b8, 0x0e15);
    REQUIRE(handle != nullptr);
    REQUIRE(libusb_claim_interface(handle, 0) == 0);

    bulk_write(handle, text("\x1b@First line\nSecond line\n"));
    bulk_write(handle, drivers::job_marker());
    CHECK(usb.printed(port) == "First line\n");
    bulk_write(handle, drivers::dle_eot(4));
    const auto sensor = bulk_read(handle);
    REQUIRE(sensor.size() == 1);
    CHECK((sensor[0] & 0x60) == 0x60);  // paper end: no GS r answer before it

    usb.set_printer_status(port, ready_status());
    const auto confirmation = bulk_read(handle);
    REQUIRE(confirmation.size() == 1);
    CHECK(drivers::is_job_marker_answer(confirmation[0]));
    CHECK(usb.printed(port) == "First line\nSecond line\n");
}

TEST_CASE("the fake printer hands out stale bytes first, and a silent one answers nothing") {
    fake_usb::FakeUsb usb;
    fake_usb::PrinterOptions stale;
    stale.stale_bytes = {0x16, 0x12};
    usb.plug_printer(stale);
    fake_usb::PrinterOptions silent;
    silent.product = 0x0e28;
    silent.answers_status = false;
    usb.plug_printer(silent);
    Libusb libusb;

    auto* handle = libusb.open(0x04b8, 0x0e15);
    REQUIRE(handle != nullptr);
    REQUIRE(libusb_claim_interface(handle, 0) == 0);
    bulk_write(handle, drivers::dle_eot(1));
    CHECK(bulk_read(handle) == Bytes{0x16, 0x12, drivers::status_byte(1, ready_status())});
    libusb.close();

    handle = libusb.open(0x04b8, 0x0e28);
    REQUIRE(handle != nullptr);
    REQUIRE(libusb_claim_interface(handle, 0) == 0);
    bulk_write(handle, drivers::dle_eot(1));
    CHECK(bulk_read(handle, 200).empty());
}

TEST_CASE("a bad status byte is answered instead of the real one") {
    fake_usb::FakeUsb usb;
    fake_usb::PrinterOptions options;
    options.bad_status_byte = 0xff;
    usb.plug_printer(options);
    Libusb libusb;
    auto* handle = libusb.open(0x04b8, 0x0e15);
    REQUIRE(handle != nullptr);
    REQUIRE(libusb_claim_interface(handle, 0) == 0);
    bulk_write(handle, drivers::dle_eot(2));
    CHECK(bulk_read(handle) == Bytes{0xff});
}

TEST_CASE("a kernel driver holds the fake printer until it is detached, and comes back on attach") {
    fake_usb::FakeUsb usb;
    const auto port = usb.plug_printer(printer_bound_to("usblp"));
    Libusb libusb;
    auto* handle = libusb.open(0x04b8, 0x0e15);
    REQUIRE(handle != nullptr);

    CHECK(usb.kernel_driver_attached(port));
    CHECK(libusb_kernel_driver_active(handle, 0) == 1);
    CHECK(libusb_claim_interface(handle, 0) == LIBUSB_ERROR_BUSY);
    CHECK(libusb_detach_kernel_driver(handle, 0) == 0);
    CHECK_FALSE(usb.kernel_driver_attached(port));
    CHECK(libusb_claim_interface(handle, 0) == 0);
    CHECK(libusb_attach_kernel_driver(handle, 0) == LIBUSB_ERROR_BUSY);  // we hold it
    CHECK(libusb_release_interface(handle, 0) == 0);
    CHECK(libusb_attach_kernel_driver(handle, 0) == 0);
    CHECK(usb.kernel_driver_attached(port));
}
