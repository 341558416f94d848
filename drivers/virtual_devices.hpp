// Devices for running with no hardware, behind the same interfaces as the USB ones: the
// on-screen / keyboard scanner and the spool printer. The devices screen shows them like any
// other device; tests can make the virtual printer run out of paper.
#pragma once

#include <chrono>
#include <functional>
#include <memory>
#include <mutex>
#include <string>

#include "drivers/device.hpp"
#include "drivers/spool_printer.hpp"

namespace drivers {

// The UnifiedPOS lifecycle checks shared by devices with no transport of their own: each moves
// `state` when the step is allowed and otherwise says what `name` needs first. Repeating a step
// already done (claim when claimed, enable when enabled, close when closed) is fine.
namespace lifecycle {
DeviceResult open(DeviceState& state, const std::string& name);
DeviceResult claim(DeviceState& state, const std::string& name);
DeviceResult enable(DeviceState& state, const std::string& name);
DeviceResult disable(DeviceState& state, const std::string& name);
DeviceResult release(DeviceState& state, const std::string& name);
DeviceResult close(DeviceState& state);
}  // namespace lifecycle

// Scans keyed on screen or typed on a keyboard; `scan` posts a DataEvent while enabled.
class VirtualScanner : public Scanner {
  public:
    explicit VirtualScanner(EventQueue& events);
    DeviceInfo info() const override;
    DeviceResult open() override;
    DeviceResult claim(int timeout_ms) override;
    DeviceResult enable() override;
    DeviceResult disable() override;
    DeviceResult release() override;
    DeviceResult close() override;
    void clear_error() override;
    // Refused (and said) unless enabled.
    DeviceResult scan(const ScanData& scan);

  private:
    EventQueue& events_;
    DeviceState state_ = DeviceState::closed;
};

// Writes each job's renderings into the spool folder (SpoolPrinter::print_job) and reports
// OutputComplete at once, or an ErrorEvent when the spool cannot be written. Its status is
// settable (set_status), so "paper out" can be shown without hardware: jobs then wait until
// the status is ready again, exactly as on a real printer.
class VirtualPrinter : public Printer {
  public:
    VirtualPrinter(EventQueue& events, std::filesystem::path spool_folder);
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

    // Posts a StatusEvent; ready -> prints the waiting jobs.
    void set_status(const PrinterStatus& status);
    SpoolPrinter& spool() { return spool_; }

    // The virtual drawer closes by itself this long after a pulse (as if the clerk shut it).
    static constexpr std::chrono::seconds drawer_closes_after{3};
    using Clock = std::function<std::chrono::steady_clock::time_point()>;
    void set_clock(Clock clock) { clock_ = std::move(clock); }  // tests

  private:
    void print_waiting();
    void print_now(const PrintJob& job);
    void post_status(std::string text);
    EventQueue& events_;
    SpoolPrinter spool_;
    DeviceState state_ = DeviceState::closed;
    PrinterStatus status_;
    std::vector<PrintJob> waiting_;
    std::string last_error_;
    Clock clock_ = [] { return std::chrono::steady_clock::now(); };
    std::optional<std::chrono::steady_clock::time_point> drawer_pulsed_at_;
};

// The cash drawer, opened by a pulse through a printer and sensed through its status.
class CashDrawer : public Device {
  public:
    CashDrawer(EventQueue& events, Printer& printer, DrawerPulse pulse);
    DeviceInfo info() const override;
    DeviceResult open() override;
    DeviceResult claim(int timeout_ms) override;
    DeviceResult enable() override;
    DeviceResult disable() override;
    DeviceResult release() override;
    DeviceResult close() override;
    void clear_error() override;
    // Sends the pulse; refused (and said) unless enabled.
    DeviceResult open_drawer();
    // From the printer's last status: nullopt when unknown (the printer did not answer).
    std::optional<bool> drawer_open() const;
    void set_pulse(const DrawerPulse& pulse) { pulse_ = pulse; }

  private:
    EventQueue& events_;  // the pulse's own events come from the printer
    Printer& printer_;
    DrawerPulse pulse_;
    DeviceState state_ = DeviceState::closed;
};

}  // namespace drivers
