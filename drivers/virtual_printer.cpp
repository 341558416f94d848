// The spool printer behind the Printer interface: jobs become files in the spool folder.
#include "drivers/virtual_devices.hpp"

namespace drivers {

namespace {

constexpr const char* printer_id = "virtual:printer";
constexpr const char* printer_name = "Spool printer";
constexpr const char* drawer_job = "drawer";

PrinterStatus ready_status() {
    PrinterStatus status;
    status.known = true;
    status.online = true;
    return status;
}

std::vector<SpoolFile> spool_files(const PrintJob& job) {
    std::vector<SpoolFile> files;
    for (const auto& rendering : job.renderings)
        files.push_back({rendering.extension, rendering.bytes});
    // A job with printer bytes only is still kept, as what a printer would have received.
    if (files.empty() && !job.escpos.empty())
        files.push_back({".escpos", job.escpos});
    return files;
}

ErrorEvent not_enabled(const std::string& job, const std::string& what) {
    return {printer_id, std::string(printer_name) + " is not enabled; " + what + " was not printed",
            job, true};
}

}  // namespace

VirtualPrinter::VirtualPrinter(EventQueue& events, std::filesystem::path spool_folder)
    : events_(events), spool_(std::move(spool_folder)) {}

DeviceInfo VirtualPrinter::info() const {
    DeviceInfo info;
    info.id = printer_id;
    info.kind = DeviceKind::printer;
    info.name = printer_name;
    info.transport = "virtual (spool folder " + spool_.folder().string() + ")";
    info.state = state_;
    info.status = describe(status());
    info.last_error = last_error_;
    return info;
}

DeviceResult VirtualPrinter::open() {
    auto result = lifecycle::open(state_, printer_name);
    if (result)
        status_ = ready_status();
    return result;
}

DeviceResult VirtualPrinter::claim(int) {
    return lifecycle::claim(state_, printer_name);
}

DeviceResult VirtualPrinter::enable() {
    auto result = lifecycle::enable(state_, printer_name);
    if (result)
        print_waiting();
    return result;
}

DeviceResult VirtualPrinter::disable() {
    return lifecycle::disable(state_, printer_name);
}
DeviceResult VirtualPrinter::release() {
    return lifecycle::release(state_, printer_name);
}

DeviceResult VirtualPrinter::close() {
    // Jobs still waiting go back to whoever queued them: failed, so they can be sent again.
    for (const auto& job : waiting_) {
        events_.push(ErrorEvent{
            printer_id,
            std::string(printer_name) + " was closed; the job " + job.name + " was not printed",
            job.id, true});
    }
    waiting_.clear();
    status_ = {};
    drawer_pulsed_at_.reset();
    return lifecycle::close(state_);
}

void VirtualPrinter::clear_error() {
    last_error_.clear();
}

void VirtualPrinter::print(PrintJob job) {
    if (state_ != DeviceState::enabled) {
        events_.push(not_enabled(job.id, "the job " + job.name));
        return;
    }
    const std::string name = job.name;
    waiting_.push_back(std::move(job));
    if (status().ready()) {
        print_waiting();
        return;
    }
    post_status(describe(status()) + "; " + name + " waits until the printer is ready");
}

void VirtualPrinter::query_status() {
    status_ = status();
    post_status(describe(status_));
}

PrinterStatus VirtualPrinter::status() const {
    PrinterStatus status = status_;
    if (drawer_pulsed_at_ && clock_() - *drawer_pulsed_at_ >= drawer_closes_after)
        status.drawer_open = false;
    return status;
}

void VirtualPrinter::pulse_drawer(const DrawerPulse&) {
    if (state_ != DeviceState::enabled) {
        events_.push(not_enabled(drawer_job, "the drawer pulse"));
        return;
    }
    status_.drawer_open = true;
    drawer_pulsed_at_ = clock_();
    post_status("drawer open");
    events_.push(OutputCompleteEvent{printer_id, drawer_job});
}

std::size_t VirtualPrinter::jobs_in_progress() const {
    return waiting_.size();
}

void VirtualPrinter::set_status(const PrinterStatus& status) {
    // The drawer is as the caller says; one still open from a recent pulse keeps closing by
    // itself (callers pass status() back with only the paper or cover changed).
    const bool pulse_pending =
        drawer_pulsed_at_ && clock_() - *drawer_pulsed_at_ < drawer_closes_after;
    if (!status.drawer_open || !pulse_pending)
        drawer_pulsed_at_.reset();
    status_ = status;
    post_status(describe(status_));
    print_waiting();
}

void VirtualPrinter::print_waiting() {
    // One at a time: a job that fails does not hold up those behind it, and the order stays.
    while (state_ == DeviceState::enabled && status().ready() && !waiting_.empty()) {
        const PrintJob job = std::move(waiting_.front());
        waiting_.erase(waiting_.begin());
        print_now(job);
    }
}

void VirtualPrinter::print_now(const PrintJob& job) {
    const auto outcome = spool_.print_job(job.name, spool_files(job));
    if (outcome.printed) {
        events_.push(OutputCompleteEvent{printer_id, job.id});
        return;
    }
    last_error_ = outcome.message;
    events_.push(ErrorEvent{printer_id, outcome.message, job.id, true});
}

void VirtualPrinter::post_status(std::string text) {
    StatusEvent event;
    event.device = printer_id;
    event.change = StatusEvent::Change::printer;
    event.state = state_;
    event.printer = status();
    event.text = std::move(text);
    events_.push(std::move(event));
}

}  // namespace drivers
