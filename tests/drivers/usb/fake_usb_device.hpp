// The inside of FakeUsb: one emulated device (its descriptors, its usbdevfs state and the
// ESC/POS engine or HID report queue behind its endpoints) and the ioctl handler that answers
// libusb for it. The handler runs on umockdev's worker thread; the test thread changes the
// same state through FakeUsb, so everything here is guarded by Device::mutex.
#pragma once

#include <umockdev.h>

#include <cstdint>
#include <deque>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "drivers/device.hpp"
#include "fake_usb.hpp"

namespace fake_usb::detail {

// Bytes in, answers out, like an Epson TM printer: DLE EOT answered at once, everything else
// printed in order, GS r 1 answered when everything before it was printed. Printing stops
// while paper is out or the cover is open.
class PrinterEngine {
  public:
    explicit PrinterEngine(const PrinterOptions& options);

    void receive(const std::uint8_t* bytes, std::size_t count);  // a bulk OUT transfer
    void set_status(const drivers::PrinterStatus& status);
    // Up to `max` bytes waiting on bulk IN (answers, stale bytes).
    std::vector<std::uint8_t> take_answers(std::size_t max);
    bool has_answers() const { return !answers_.empty(); }

    const std::vector<std::uint8_t>& printed_bytes() const { return printed_; }
    const std::vector<std::uint8_t>& received() const { return received_; }
    int status_queries() const { return status_queries_; }

  private:
    bool halted() const { return status_.paper_out || status_.cover_open; }
    void take_realtime_command();
    void print_what_can_be_printed();
    void answer(std::uint8_t byte);

    PrinterOptions options_;
    drivers::PrinterStatus status_;
    std::vector<std::uint8_t> received_;
    std::deque<std::uint8_t> unprinted_;
    std::vector<std::uint8_t> printed_;
    std::deque<std::uint8_t> answers_;
    int status_queries_ = 0;
    std::size_t paper_runs_out_at_ = 0;  // printed_ size; 0: never (again)
};

// A URB libusb submitted and the fake has not handed back yet.
struct Urb {
    UMockdevIoctlData* data = nullptr;    // the struct usbdevfs_urb, resolved (owned ref)
    UMockdevIoctlData* buffer = nullptr;  // its buffer, resolved (owned ref; null if empty)
};

struct Device {
    Device() = default;
    Device(const Device&) = delete;
    Device& operator=(const Device&) = delete;
    ~Device();

    mutable std::mutex mutex;
    std::string port;  // "1-2"
    int devnum = 0;
    std::string syspath;  // as umockdev returned it
    std::string devnode;  // /dev/bus/usb/001/00N
    UMockdevIoctlBase* handler = nullptr;

    std::vector<std::uint8_t> device_descriptor;
    std::vector<std::uint8_t> config_descriptor;
    std::vector<std::uint8_t> report_descriptor;  // scanners
    std::vector<std::string> strings;             // string descriptors 1..n

    std::string kernel_driver;
    bool kernel_driver_attached = false;
    bool claimed = false;
    bool gone = false;  // unplugged: URBs in flight fail with ESHUTDOWN, ioctls with ENODEV

    std::optional<PrinterEngine> printer;
    std::deque<std::vector<std::uint8_t>> reports;  // scanner: waiting for interrupt IN

    std::deque<Urb> waiting_in;  // IN URBs with no data yet
    std::deque<Urb> completed;   // ready to be reaped
};

// The "handle-ioctl" signal handler; `user_data` is the Device.
gboolean handle_ioctl(UMockdevIoctlBase* handler, UMockdevIoctlClient* client, gpointer user_data);

// Descriptors.
std::vector<std::uint8_t> printer_device_descriptor(std::uint16_t vendor, std::uint16_t product);
std::vector<std::uint8_t> printer_config_descriptor();
std::vector<std::uint8_t> scanner_device_descriptor(std::uint16_t vendor, std::uint16_t product);
std::vector<std::uint8_t> scanner_config_descriptor(ScannerMode mode);
std::vector<std::uint8_t> scanner_report_descriptor(ScannerMode mode);
std::vector<std::uint8_t> string_descriptor(const std::string& text);  // UTF-16LE, ASCII only
std::string hex(const std::vector<std::uint8_t>& bytes);

}  // namespace fake_usb::detail
