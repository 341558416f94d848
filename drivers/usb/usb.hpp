// USB devices over libusb: one context, one event thread, hotplug. The only code that speaks
// libusb. UsbDevices finds receipt printers (interface class 7) and HID scanners, opens them as
// drivers::Printer / drivers::Scanner, and reconnects them when they come back.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "drivers/device.hpp"
#include "drivers/hid.hpp"

namespace drivers::usb {

// What the terminal was told to use. Empty fields mean "auto-detect": the first printer or
// scanner found.
struct UsbConfig {
    std::string printer;  // "04b8:0e15" (vendor:product, hex) or "" for the first printer
    std::string scanner;  // "05e0:1200" or ""
    WedgeOptions wedge;
    int transfer_timeout_ms = 2000;      // any single USB transfer
    int status_timeout_ms = 500;         // a DLE EOT answer; silence = "status unknown"
    int status_poll_ms = 1000;           // while a job waits for paper / cover
    int job_confirm_timeout_ms = 30000;  // GS r answer while the printer reports nothing wrong
};

// How a found device presents itself (from its descriptors).
struct UsbDeviceDescription {
    std::string port;  // "1-2" (bus-port path), stable across replug in the same socket
    std::uint16_t vendor = 0;
    std::uint16_t product = 0;
    DeviceKind kind = DeviceKind::printer;
    std::string name;  // model name when known, else "USB printer 04b8:0e15"
    int interface_number = 0;
    std::uint8_t endpoint_out = 0;  // printer: bulk OUT
    std::uint8_t endpoint_in = 0;   // printer: bulk IN (0 when it has none); scanner: interrupt IN
    int max_packet = 64;
    bool hid_pos = false;  // scanner: HID POS (usage page 0x8C) rather than a keyboard wedge
};

class UsbDevices {
  public:
    // Starts libusb (one context, one event thread) and registers for hotplug; devices already
    // plugged in are found at once. Failure to start libusb is not fatal: `problem()` says why
    // and no USB devices appear (the terminal runs on virtual devices).
    UsbDevices(EventQueue& events, UsbConfig config);
    ~UsbDevices();  // releases and closes every device (kernel drivers re-attached), stops
    UsbDevices(const UsbDevices&) = delete;
    UsbDevices& operator=(const UsbDevices&) = delete;

    const std::string& problem() const;

    // Called from the UI thread each frame (after draining events): handles arrivals and
    // removals reported by the hotplug callback (opens, claims and enables a new device of the
    // configured kind; closes a removed one and reopens it when it comes back on the same port).
    void poll();

    // The devices currently present (opened or not), for the devices screen.
    std::vector<DeviceInfo> devices() const;
    std::vector<UsbDeviceDescription> descriptions() const;

    // The printer / scanner in use, or nullptr while none is connected. The pointer stays valid
    // until the next poll(). When a printer is unplugged, every job it had not confirmed is
    // reported as a retryable ErrorEvent (the print queue sends it again when a printer
    // arrives), so nothing handed to it is silently lost.
    Printer* printer();
    Scanner* scanner();

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

// The udev rule that lets a non-root user open our devices, and the command that installs it;
// named in every permission error.
inline constexpr const char* udev_rules_file = "drivers/usb/60-counter-pos.rules";
inline constexpr const char* udev_install_command = "sudo scripts/install-udev-rules.sh";

}  // namespace drivers::usb
