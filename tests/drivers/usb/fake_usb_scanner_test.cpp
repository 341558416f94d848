// The emulated scanner, kernel drivers and unplugging, through raw libusb calls.
#include <doctest/doctest.h>

#include <chrono>

#include "drivers/hid.hpp"
#include "fake_usb_test_support.hpp"

using namespace fake_usb_test;

TEST_CASE("auto-detach claims the fake scanner from usbhid and gives it back on release") {
    fake_usb::FakeUsb usb;
    const auto port = usb.plug_scanner(scanner_bound_to("usbhid"));
    Libusb libusb;
    auto* handle = libusb.open(0x0c2e, 0x0b61);
    REQUIRE(handle != nullptr);
    libusb_set_auto_detach_kernel_driver(handle, 1);
    CHECK(libusb_claim_interface(handle, 0) == 0);
    CHECK_FALSE(usb.kernel_driver_attached(port));
    CHECK(libusb_release_interface(handle, 0) == 0);
    CHECK(usb.kernel_driver_attached(port));
}

TEST_CASE("the fake wedge scanner keeps reads pending until a code is scanned") {
    fake_usb::FakeUsb usb;
    const auto port = usb.plug_scanner();
    Libusb libusb;
    auto* handle = libusb.open(0x0c2e, 0x0b61);
    REQUIRE(handle != nullptr);
    REQUIRE(libusb_claim_interface(handle, 0) == 0);

    int result = 0;
    interrupt_read(handle, &result, 100);
    CHECK(result == LIBUSB_ERROR_TIMEOUT);

    usb.scan(port, "A1");
    const auto expected = drivers::wedge_reports("A1");
    for (const auto& report : expected) {
        CHECK(interrupt_read(handle, &result) == report);
        CHECK(result == 0);
    }
    interrupt_read(handle, &result, 100);
    CHECK(result == LIBUSB_ERROR_TIMEOUT);
}

TEST_CASE("the fake HID POS scanner reports usage page 0x8C and sends its code in reports") {
    fake_usb::FakeUsb usb;
    const auto port = usb.plug_scanner(hid_pos_scanner());
    Libusb libusb;
    auto* handle = libusb.open(0x05e0, 0x1200);
    REQUIRE(handle != nullptr);
    REQUIRE(libusb_claim_interface(handle, 0) == 0);

    Bytes descriptor(256);
    const int length = libusb_control_transfer(handle, 0x81, LIBUSB_REQUEST_GET_DESCRIPTOR, 0x2200,
                                               0, descriptor.data(), 256, 1000);
    REQUIRE(length > 3);
    CHECK(descriptor[0] == 0x06);
    CHECK(descriptor[1] == 0x8c);
    CHECK(descriptor[2] == 0x00);

    usb.scan(port, "4006381333931", "]E0");
    int result = 0;
    CHECK(interrupt_read(handle, &result) ==
          drivers::hid_pos_reports("4006381333931", "]E0").front());
    CHECK(result == 0);
}

namespace {

int count_left(libusb_context*, libusb_device*, libusb_hotplug_event event, void* user_data) {
    if (event == LIBUSB_HOTPLUG_EVENT_DEVICE_LEFT)
        ++*static_cast<int*>(user_data);
    return 0;
}

}  // namespace

TEST_CASE(
    "unplugging fails a pending read with NO_DEVICE, tells hotplug, and the port can be reused") {
    fake_usb::FakeUsb usb;
    const auto port = usb.plug_scanner();
    Libusb libusb;
    int left = 0;
    libusb_hotplug_callback_handle callback = 0;
    REQUIRE(libusb_hotplug_register_callback(libusb.context(), LIBUSB_HOTPLUG_EVENT_DEVICE_LEFT, 0,
                                             0x0c2e, 0x0b61, LIBUSB_HOTPLUG_MATCH_ANY, count_left,
                                             &left, &callback) == 0);
    auto* handle = libusb.open(0x0c2e, 0x0b61);
    REQUIRE(handle != nullptr);
    REQUIRE(libusb_claim_interface(handle, 0) == 0);

    usb.send_reports(port, {drivers::wedge_reports("A").front()});  // half a code
    int result = 0;
    interrupt_read(handle, &result);
    CHECK(result == 0);

    auto* transfer = libusb_alloc_transfer(0);
    Bytes buffer(8);
    int done = 0;
    libusb_fill_interrupt_transfer(
        transfer, handle, 0x81, buffer.data(), 8,
        [](libusb_transfer* t) { *static_cast<int*>(t->user_data) = 1; }, &done, 0);
    REQUIRE(libusb_submit_transfer(transfer) == 0);
    timeval tick{0, 20000};
    libusb_handle_events_timeout_completed(libusb.context(), &tick, &done);
    CHECK(done == 0);  // pending: no data

    usb.unplug(port);
    const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while ((done == 0 || left == 0) && std::chrono::steady_clock::now() < give_up)
        libusb_handle_events_timeout_completed(libusb.context(), &tick, nullptr);
    CHECK(done == 1);
    CHECK(transfer->status == LIBUSB_TRANSFER_NO_DEVICE);
    CHECK(left == 1);
    libusb_free_transfer(transfer);
    interrupt_read(handle, &result);
    CHECK(result == LIBUSB_ERROR_NO_DEVICE);
    libusb.close();

    CHECK(usb.plug_scanner({}, port) == port);
    handle = libusb.open(0x0c2e, 0x0b61);
    REQUIRE(handle != nullptr);
    REQUIRE(libusb_claim_interface(handle, 0) == 0);
    usb.scan(port, "7");
    interrupt_read(handle, &result);
    CHECK(result == 0);
    libusb_hotplug_deregister_callback(libusb.context(), callback);
}
