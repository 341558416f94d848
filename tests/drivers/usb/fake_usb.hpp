// Emulated USB devices for driver tests: umockdev fakes sysfs, udev and /dev/bus/usb, and
// answers libusb's usbdevfs ioctls from these fakes, so the real libusb and our real drivers
// run without hardware (see ../shared/notes/usb-emulation.md).
//
// Create the FakeUsb BEFORE any libusb context (drivers::usb::UsbDevices) exists.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "drivers/device.hpp"

namespace fake_usb {

// A receipt printer: interface class 7/1/2, bulk OUT 0x01 and bulk IN 0x82, Epson TM-T20II
// (04b8:0e15) unless told otherwise. Every byte received goes through receipts::decode_escpos
// (profile "epson-tm-t20"); DLE EOT n is answered at once from `status`; GS r 1 is answered in
// order, only after everything before it was "printed". While paper is out or the cover is
// open, received bytes wait unprinted (and GS r waits) until the condition clears, as on a
// real printer.
struct PrinterOptions {
    std::uint16_t vendor = 0x04b8;
    std::uint16_t product = 0x0e15;
    std::string kernel_driver;   // "usblp": claimed by the kernel until the driver detaches it
    bool answers_status = true;  // false: never answers anything on bulk IN
    std::vector<std::uint8_t> stale_bytes;  // queued on bulk IN before anything is asked
    std::uint8_t bad_status_byte = 0;       // nonzero: answered to DLE EOT instead of the real byte
    // Nonzero: the paper runs out once this many bytes are printed (mid-job, deterministically);
    // printing then waits until set_printer_status() says the paper is back. Happens once.
    std::size_t paper_out_after_bytes = 0;
};

// A scanner: HID interface, interrupt IN 0x81. Keyboard wedge (boot keyboard, protocol 1,
// Honeywell-like 0c2e:0b61) or HID POS (usage page 0x8C, protocol 0, 05e0:1200).
enum class ScannerMode { wedge, hid_pos };
struct ScannerOptions {
    ScannerMode mode = ScannerMode::wedge;
    std::uint16_t vendor = 0;  // 0: the mode's default
    std::uint16_t product = 0;
    std::string kernel_driver;  // "usbhid"
};

class FakeUsb {
  public:
    FakeUsb();  // the testbed and the root hub
    ~FakeUsb();

    // Plugs a device into the next free port ("1-1", "1-2", ...) or the port given; returns
    // the port. Sends the "add" uevent so hotplug sees it.
    std::string plug_printer(const PrinterOptions& options = {}, std::string port = {});
    std::string plug_scanner(const ScannerOptions& options = {}, std::string port = {});
    // A realistic unplug: in-flight URBs fail with ESHUTDOWN, later ioctls with ENODEV, the
    // "remove" uevent, then the device node goes.
    void unplug(const std::string& port);

    // Printer state and what it printed (port of a plugged printer).
    void set_printer_status(const std::string& port, const drivers::PrinterStatus& status);
    // receipts::describe() of everything printed so far (text lines, <cut>, <drawer ...>).
    std::string printed(const std::string& port) const;
    std::vector<std::uint8_t> received(const std::string& port) const;  // raw bytes, all of it
    int drawer_pulses(const std::string& port) const;
    bool kernel_driver_attached(const std::string& port) const;
    int status_queries(const std::string& port) const;  // DLE EOT requests seen

    // Scanner: queue the reports for a code (drivers::wedge_reports / hid_pos_reports) or raw
    // reports; the device hands them out on interrupt IN as the driver asks.
    void scan(const std::string& port, const std::string& code, const std::string& symbology = {});
    void send_reports(const std::string& port,
                      const std::vector<std::vector<std::uint8_t>>& reports);
    // Reports queued and not yet read by the driver (tests wait for 0 before unplugging).
    std::size_t pending_reports(const std::string& port) const;

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace fake_usb
