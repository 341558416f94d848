// The terminal's devices in one place: the virtual scanner and spool printer (always there),
// the USB printer and scanner when plugged in, the cash drawer behind the printer in use, and
// the durable print queue. The frame loop calls pump() once per frame; scripted sessions call it
// after each line. No ImGui here.
#pragma once

#include <deque>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "db/store.hpp"
#include "drivers/device.hpp"
#include "drivers/virtual_devices.hpp"
#include "receipts/printer_profile.hpp"
#include "ui/print_queue.hpp"

namespace drivers::usb {
class UsbDevices;
}

namespace ui {

struct DeviceHubOptions {
    std::filesystem::path spool_folder;
    // USB devices, when the terminal looks for them (pos-terminal does; most tests do not).
    drivers::usb::UsbDevices* usb = nullptr;
    // The queue those USB devices post to (they are made before the hub, so it cannot be the
    // hub's own); pump() drains it with the hub's. Must outlive the USB devices.
    drivers::EventQueue* usb_events = nullptr;
};

class DeviceHub {
  public:
    DeviceHub(db::Store& store, pos::Clock& clock, pos::IdSource& ids, DeviceHubOptions options);
    ~DeviceHub();

    drivers::EventQueue& events();

    // Polls USB, drains the event queue, keeps the print queue, drawer and device list up to
    // date, logs what happened, and returns the scans that arrived, oldest first.
    std::vector<drivers::ScanData> pump();

    // Where receipts go: the configured or first USB printer when connected, else the virtual
    // printer (unless the settings name a USB printer: then jobs wait for it).
    drivers::Printer* printer();
    // The receipt profile of that printer (its model's, or the configured one, with configured
    // code pages applied); unknown names fall back to "generic-58" and are logged.
    const receipts::PrinterProfile& printer_profile() const;
    std::string printer_name() const;

    PrintQueue& print_queue();
    drivers::VirtualScanner& virtual_scanner();
    drivers::VirtualPrinter& virtual_printer();

    drivers::DeviceResult open_drawer();
    std::optional<bool> drawer_open() const;  // nullopt: unknown (no printer status)

    std::vector<drivers::DeviceInfo> devices() const;
    // Recent device log lines, newest last ("10:42:01 printer: paper out"); also sent to stderr.
    const std::deque<std::string>& log() const;
    void clear_error(const std::string& device_id);

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace ui
