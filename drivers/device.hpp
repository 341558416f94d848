// The device model, after UnifiedPOS: a device is opened, claimed, enabled, disabled, released
// and closed; what it has to say (a scan, a failure, a sensor change, a finished print job)
// arrives as an event on one queue that the UI drains once per frame. Every method here is
// called from the UI thread; a device does its I/O on threads of its own and only ever talks
// back through the queue, so a printer out of paper never blocks or unwinds a sale.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <mutex>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace drivers {

enum class DeviceKind { scanner, printer, drawer };
// UnifiedPOS lifecycle. open: the device is known and usable by us; claimed: we hold it
// exclusively (USB interface claimed); enabled: it delivers data events.
enum class DeviceState { closed, opened, claimed, enabled };

std::string to_string(DeviceKind kind);    // "scanner", "printer", "cash drawer"
std::string to_string(DeviceState state);  // "closed", "open", "claimed", "enabled"

// A device outcome: ok, or a message saying what went wrong, for the clerk and the log.
struct DeviceResult {
    bool ok = true;
    std::string message;
    explicit operator bool() const { return ok; }
};
inline DeviceResult device_ok() {
    return {};
}
inline DeviceResult device_error(std::string message) {
    return {false, std::move(message)};
}

// A printer's real-time status (DLE EOT). `known` is false when the printer did not answer:
// "status unknown", never a guess.
struct PrinterStatus {
    bool known = false;
    bool online = false;
    bool cover_open = false;
    bool paper_near_end = false;
    bool paper_out = false;
    bool error = false;        // mechanical, cutter or unrecoverable error
    bool drawer_open = false;  // the drawer's sensor, read through the printer
    // It can print now: answered, online, cover shut, paper in, no error.
    bool ready() const { return known && online && !cover_open && !paper_out && !error; }
};
// "ready", "paper near end", "paper out", "cover open", "offline", "error", "status unknown";
// several conditions are joined with ", ".
std::string describe(const PrinterStatus& status);

// A scanned code. `symbology` is the AIM identifier ("]E0" EAN-13, "]C0" Code 128, "]Q1" QR)
// when the scanner sends one, else empty.
struct ScanData {
    std::string code;
    std::string symbology;
};

struct DataEvent {
    std::string device;  // DeviceInfo::id
    ScanData scan;
};
// A failure. `job` names the print job it concerns, if any. `retryable`: the same thing may
// work after the clerk fixes something (paper, cover, cable); the UI offers Retry / Clear.
struct ErrorEvent {
    std::string device;
    std::string message;
    std::string job;
    bool retryable = true;
};
// Something about the device changed: it arrived, left, changed state, or its sensors moved.
struct StatusEvent {
    enum class Change { arrived, removed, state, printer };
    std::string device;
    Change change = Change::state;
    DeviceState state = DeviceState::closed;
    PrinterStatus printer;  // for Change::printer
    std::string text;       // readable: "Epson TM-T20II connected", "paper out"
};
// A print job the printer confirmed as printed (for a drawer: the pulse was sent).
struct OutputCompleteEvent {
    std::string device;
    std::string job;
};
using DeviceEvent = std::variant<DataEvent, ErrorEvent, StatusEvent, OutputCompleteEvent>;

// Many producers (device threads), one consumer (the UI frame loop).
class EventQueue {
  public:
    void push(DeviceEvent event);
    std::vector<DeviceEvent> drain();  // everything queued, oldest first; never blocks
    // Waits up to `timeout_ms` for at least one event (tests and scripts use this).
    bool wait(int timeout_ms);

  private:
    std::mutex mutex_;
    std::condition_variable ready_;
    std::deque<DeviceEvent> events_;
};

// What the devices screen shows about one device.
struct DeviceInfo {
    std::string id;  // stable while the process runs: "usb:1-2", "virtual:printer"
    DeviceKind kind = DeviceKind::printer;
    std::string name;       // "Epson TM-T20II", "On-screen scanner"
    std::string transport;  // "USB 1-2 04b8:0e15", "virtual (spool folder /x/spool)"
    DeviceState state = DeviceState::closed;
    bool connected = true;
    std::string status;      // "ready", "paper out", "status unknown", "disconnected"
    std::string last_error;  // empty when none
};

class Device {
  public:
    virtual ~Device() = default;
    virtual DeviceInfo info() const = 0;
    virtual DeviceResult open() = 0;
    virtual DeviceResult claim(int timeout_ms) = 0;
    virtual DeviceResult enable() = 0;
    virtual DeviceResult disable() = 0;
    virtual DeviceResult release() = 0;
    virtual DeviceResult close() = 0;
    // UnifiedPOS ClearError: forget the last error (the clerk acknowledged it).
    virtual void clear_error() = 0;
};

// A scanner reports scans as DataEvents while enabled; nothing else to ask of it.
class Scanner : public Device {};

// One job for a printer. A real printer sends `escpos`; the spool printer writes `renderings`
// (".txt", ".png", ".escpos"), so the terminal's virtual printer keeps readable receipts.
struct PrintJob {
    std::string id;    // the print queue's id, echoed in OutputComplete / Error events
    std::string name;  // "T01-000042", "T01-000042-copy1": spool file name, log lines
    std::vector<std::uint8_t> escpos;
    struct Rendering {
        std::string extension;
        std::vector<std::uint8_t> bytes;
    };
    std::vector<Rendering> renderings;
};

// Cash drawer pulse through the printer (ESC p m t1 t2).
struct DrawerPulse {
    int pin = 0;  // 0: connector pin 2, 1: pin 5
    int on_ms = 100;
    int off_ms = 200;
};

class Printer : public Device {
  public:
    // Queues the job and returns at once. The printer sends it when it is ready (waiting while
    // paper is out or the cover is open), then reports OutputComplete once the printer confirms
    // it, or an ErrorEvent with the job's id. A job is never reported complete twice.
    virtual void print(PrintJob job) = 0;
    // Asks for the real-time status; the answer arrives as a StatusEvent (Change::printer).
    virtual void query_status() = 0;
    // The last status heard (known == false before any answer or after a silence).
    virtual PrinterStatus status() const = 0;
    // Sends the drawer pulse (ESC p); reports OutputComplete with job "drawer" when sent.
    virtual void pulse_drawer(const DrawerPulse& pulse) = 0;
    // Jobs handed over and not yet confirmed or failed.
    virtual std::size_t jobs_in_progress() const = 0;
};

}  // namespace drivers
