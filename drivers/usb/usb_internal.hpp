// Private to drivers/usb: the libusb context and its event thread, descriptor reading, the
// open/claim/release/close steps shared by printers and scanners, and the two device classes.
#pragma once

#include <libusb.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "drivers/device.hpp"
#include "drivers/hid.hpp"
#include "drivers/usb/usb.hpp"

namespace drivers::usb {

// ---- usb_context.cpp ----------------------------------------------------------------------

// A device arrived or left, as the hotplug callback (or the fallback enumeration) saw it. The
// device is referenced; whoever takes the event unreferences it.
struct HotplugEvent {
    bool arrived = true;
    libusb_device* device = nullptr;
};

// One libusb context with one event thread. The hotplug callback only queues; poll() in
// UsbDevices takes the queue on the UI thread.
class UsbContext {
  public:
    UsbContext();
    ~UsbContext();
    UsbContext(const UsbContext&) = delete;
    UsbContext& operator=(const UsbContext&) = delete;

    libusb_context* get() const { return context_; }
    const std::string& problem() const { return problem_; }
    bool has_hotplug() const { return hotplug_registered_; }

    // Arrivals and removals since the last call, oldest first. Without hotplug support, the
    // device list is compared with the last one (at most once a second).
    std::vector<HotplugEvent> take_events();

  private:
    static int LIBUSB_CALL on_hotplug(libusb_context* context, libusb_device* device,
                                      libusb_hotplug_event event, void* self);
    void run_events();
    void enumerate_changes();

    libusb_context* context_ = nullptr;
    std::string problem_;
    bool hotplug_registered_ = false;
    libusb_hotplug_callback_handle hotplug_handle_{};
    std::atomic<bool> stop_{false};
    std::thread event_thread_;

    std::mutex mutex_;
    std::vector<HotplugEvent> queued_;

    // Fallback enumeration (UI thread only).
    std::vector<libusb_device*> last_list_;
    std::chrono::steady_clock::time_point next_enumeration_{};
};

// "LIBUSB_ERROR_TIMEOUT" style text for logs and messages.
std::string usb_error_text(int code);

// ---- usb_descriptors.cpp ------------------------------------------------------------------

// "1-2", "1-2.3": bus number and port path.
std::string port_of(libusb_device* device);
// Every printer (class 7) and scanner (HID with an interrupt IN endpoint) interface of the
// device; empty for anything else.
std::vector<UsbDeviceDescription> describe_device(libusb_device* device);
// "04b8:0e15"
std::string vendor_product(std::uint16_t vendor, std::uint16_t product);
// Whether `config` ("04b8:0e15" or "" for auto) accepts the device. Auto takes any printer and
// HID POS scanner, but a boot keyboard only when it is a known scanner model.
bool matches_config(const std::string& config, const UsbDeviceDescription& description);
// HID POS check on a claimed interface: reads the report descriptor. nullopt when it could not
// be read; true when it uses usage page 0x8C.
std::optional<bool> report_descriptor_is_hid_pos(libusb_device_handle* handle, int interface,
                                                 int timeout_ms);
std::string device_id(const UsbDeviceDescription& description);       // "usb:1-2"
std::string transport_text(const UsbDeviceDescription& description);  // "USB 1-2 04b8:0e15"

// ---- usb_link.cpp -------------------------------------------------------------------------

// The UnifiedPOS steps over libusb for one interface of one device, with the state, the last
// error and the StatusEvents every state change sends. Thread-safe for the parts device
// threads touch (last error, connected).
class UsbLink {
  public:
    UsbLink(EventQueue& events, libusb_device* device, UsbDeviceDescription description);
    ~UsbLink();  // releases (kernel driver re-attached) and closes what is still open
    UsbLink(const UsbLink&) = delete;
    UsbLink& operator=(const UsbLink&) = delete;

    DeviceResult open();
    DeviceResult claim();
    DeviceResult release();
    DeviceResult close();
    // enable / disable are the device's business; the link records the state.
    void set_state(DeviceState state);

    DeviceState state() const;
    libusb_device_handle* handle() const { return handle_; }
    const UsbDeviceDescription& description() const { return description_; }
    const std::string& id() const { return id_; }
    std::string label() const;  // "Epson TM-T20II on USB 1-2"

    // An ErrorEvent, remembered as the last error.
    void report_error(const std::string& message, const std::string& job = {},
                      bool retryable = true);
    void clear_error();
    void mark_disconnected();
    bool disconnected() const;
    DeviceInfo info(const std::string& status) const;
    EventQueue& events() { return events_; }

  private:
    DeviceResult fail(std::string message);

    EventQueue& events_;
    libusb_device* device_ = nullptr;
    UsbDeviceDescription description_;
    std::string id_;
    libusb_device_handle* handle_ = nullptr;
    bool claimed_ = false;
    bool detached_kernel_driver_ = false;

    mutable std::mutex mutex_;
    DeviceState state_ = DeviceState::closed;
    std::string last_error_;
    bool disconnected_ = false;
};

// ---- usb_printer_io.cpp -------------------------------------------------------------------

enum class IoResult { ok, timeout, disconnected, failed, stopped };

// The byte conversation with a receipt printer over bulk OUT / bulk IN: writes with timeouts
// and partial transfers continued, status queries with stale bytes drained first, and the job
// marker (GS r 1) answers picked out of whatever comes back. Used by the printer's worker only.
class PrinterChannel {
  public:
    PrinterChannel(libusb_device_handle* handle, const UsbDeviceDescription& description,
                   const UsbConfig& config, const std::atomic<bool>& stop);

    bool has_status() const { return endpoint_in_ != 0; }

    // Sends everything. `sent` counts the bytes the printer took (also on failure). A transfer
    // timeout with some bytes taken continues from there; one with none is `timeout`.
    IoResult write(const std::vector<std::uint8_t>& bytes, std::size_t& sent);

    struct StatusAnswer {
        IoResult io = IoResult::ok;
        PrinterStatus status;  // known == false: no answer (or a bad byte)
        std::string bad_byte;  // apply_status_byte's message for a byte failing the pattern
    };
    // Drains stale bytes, then DLE EOT 1..4, each answer within status_timeout_ms.
    StatusAnswer query_status();

    // Waits up to `timeout_ms` for bytes on bulk IN (job marker answers are counted).
    IoResult listen(int timeout_ms);

    // The driver sent a GS r 1; returns its number. Answers come in order, so marker k is
    // answered once `markers_answered() >= k`.
    std::uint64_t expect_marker() { return ++markers_sent_; }
    std::uint64_t markers_answered() const { return markers_answered_; }

  private:
    IoResult read_some(int timeout_ms, std::vector<std::uint8_t>& bytes);
    IoResult drain();
    // One DLE EOT n: `answered` when a status byte came back; a byte failing the pattern sets
    // `bad` (silence sets neither: status unknown).
    IoResult ask(int n, PrinterStatus& status, std::string& bad, bool& answered);
    bool keep_marker(std::uint8_t byte);

    libusb_device_handle* handle_;
    std::uint8_t endpoint_out_;
    std::uint8_t endpoint_in_;
    int in_packet_;
    UsbConfig config_;
    const std::atomic<bool>& stop_;
    std::deque<std::uint8_t> pending_;
    std::uint64_t markers_sent_ = 0;
    std::uint64_t markers_answered_ = 0;
};

// ---- usb_printer.cpp, usb_printer_reports.cpp -----------------------------------------------

std::string job_name(const PrintJob& job);  // "T01-000042" (the id when it has no name)

class UsbPrinter final : public Printer {
  public:
    UsbPrinter(EventQueue& events, const UsbConfig& config, libusb_device* device,
               UsbDeviceDescription description);
    ~UsbPrinter() override;  // stops the worker, fails unconfirmed jobs, releases, closes

    DeviceInfo info() const override;
    DeviceResult open() override;
    DeviceResult claim(int timeout_ms) override;
    DeviceResult enable() override;
    DeviceResult disable() override;
    DeviceResult release() override;
    DeviceResult close() override;
    void clear_error() override;

    void print(PrintJob job) override;
    void query_status() override;
    PrinterStatus status() const override;
    void pulse_drawer(const DrawerPulse& pulse) override;
    std::size_t jobs_in_progress() const override;

    const UsbDeviceDescription& description() const { return link_.description(); }
    // The device left: the worker stops and every unconfirmed job is reported retryable.
    void disconnected();

  private:
    // A job, a status query, or the drawer pulse (a job "drawer" carrying ESC p).
    struct Command {
        enum class Kind { job, status, drawer } kind = Kind::job;
        PrintJob job;
    };

    void start_worker();
    void stop_worker();
    void run();
    std::optional<Command> next_command();
    void run_job(const PrintJob& job);
    void run_drawer(const PrintJob& pulse);
    bool wait_until_ready();
    bool send(const PrintJob& job);
    void wait_confirmation(const PrintJob& job, std::uint64_t marker);
    void complete(const PrintJob& job);
    void give_up(const PrintJob& job, const std::string& message, bool retryable);
    PrinterStatus refresh_status(bool always_report);
    bool status_requested();
    void set_status(const PrinterStatus& status, bool always_report);
    void lost_printer();
    void fail_unfinished(const std::string& why);
    bool pause(int ms);

    UsbLink link_;
    UsbConfig config_;
    std::unique_ptr<PrinterChannel> channel_;

    mutable std::mutex mutex_;
    std::condition_variable wake_;
    std::deque<Command> commands_;
    std::optional<PrintJob> current_;
    bool current_sent_ = false;      // some of the current job's bytes reached the printer
    std::atomic<bool> gone_{false};  // unplugged: jobs fail at once
    PrinterStatus status_;
    bool status_reported_ = false;
    std::string last_bad_byte_;  // worker only: report a bad status byte once per run of them
    std::atomic<bool> stop_{false};
    std::thread worker_;
};

// ---- usb_scanner.cpp ----------------------------------------------------------------------

class UsbScanner final : public Scanner {
  public:
    UsbScanner(EventQueue& events, const UsbConfig& config, libusb_device* device,
               UsbDeviceDescription description);
    ~UsbScanner() override;

    DeviceInfo info() const override;
    DeviceResult open() override;
    DeviceResult claim(int timeout_ms) override;
    DeviceResult enable() override;
    DeviceResult disable() override;
    DeviceResult release() override;
    DeviceResult close() override;
    void clear_error() override;

    const UsbDeviceDescription& description() const { return link_.description(); }
    void disconnected();

  private:
    static void LIBUSB_CALL on_report(libusb_transfer* transfer);
    void handle_report(libusb_transfer* transfer);
    void feed(const std::vector<std::uint8_t>& report);
    void reset_decoders();
    void wait_transfer_idle();

    UsbLink link_;
    UsbConfig config_;
    bool hid_pos_ = false;

    std::mutex mutex_;  // decoders and the transfer's state (event thread vs UI thread)
    std::condition_variable idle_;
    WedgeDecoder wedge_;
    HidPosDecoder hid_pos_decoder_;
    static constexpr std::chrono::milliseconds code_gap{150};
    std::chrono::steady_clock::time_point last_report_{};
    libusb_transfer* transfer_ = nullptr;
    std::vector<std::uint8_t> buffer_;
    bool submitted_ = false;
    bool want_reports_ = false;
};

}  // namespace drivers::usb
