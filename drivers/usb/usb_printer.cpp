// A USB receipt printer: the UnifiedPOS steps on the UI thread, a worker thread with a job FIFO
// doing the printer protocol (escpos_status.hpp): wait until ready, send, GS r 1, confirm.
#include "drivers/escpos_status.hpp"
#include "drivers/usb/usb_internal.hpp"

namespace drivers::usb {
namespace {

using Clock = std::chrono::steady_clock;

Clock::duration ms(int value) {
    return std::chrono::milliseconds(value);
}

}  // namespace

UsbPrinter::UsbPrinter(EventQueue& events, const UsbConfig& config, libusb_device* device,
                       UsbDeviceDescription description)
    : link_(events, device, std::move(description)), config_(config) {}

UsbPrinter::~UsbPrinter() {
    stop_worker();
    fail_unfinished("the printer was closed");
    link_.close();
}

DeviceInfo UsbPrinter::info() const {
    return link_.info(describe(status()));
}
DeviceResult UsbPrinter::open() {
    return link_.open();
}
DeviceResult UsbPrinter::claim(int) {
    return link_.claim();
}
DeviceResult UsbPrinter::release() {
    disable();
    return link_.release();
}
DeviceResult UsbPrinter::close() {
    disable();
    return link_.close();
}
void UsbPrinter::clear_error() {
    link_.clear_error();
}

DeviceResult UsbPrinter::enable() {
    if (link_.state() == DeviceState::enabled)
        return device_ok();
    if (link_.state() != DeviceState::claimed)
        return device_error(link_.label() + " must be claimed before it is enabled");
    channel_ =
        std::make_unique<PrinterChannel>(link_.handle(), link_.description(), config_, stop_);
    start_worker();
    link_.set_state(DeviceState::enabled);
    return device_ok();
}

DeviceResult UsbPrinter::disable() {
    if (link_.state() != DeviceState::enabled)
        return device_ok();
    stop_worker();
    fail_unfinished("the printer was disabled");
    link_.set_state(DeviceState::claimed);
    return device_ok();
}

void UsbPrinter::disconnected() {
    link_.mark_disconnected();
    stop_worker();
    lost_printer();
}

void UsbPrinter::print(PrintJob job) {
    std::unique_lock lock(mutex_);
    if (gone_ || link_.state() != DeviceState::enabled) {
        lock.unlock();
        const std::string why = gone_ ? "is disconnected" : "is not ready (not enabled)";
        link_.report_error(link_.label() + " " + why + "; " + job_name(job) +
                               " will print again when a printer is back",
                           job.id, true);
        return;
    }
    commands_.push_back({Command::Kind::job, std::move(job)});
    wake_.notify_all();
}

void UsbPrinter::query_status() {
    const std::lock_guard lock(mutex_);
    commands_.push_back({Command::Kind::status, {}});
    wake_.notify_all();
}

void UsbPrinter::pulse_drawer(const DrawerPulse& pulse) {
    PrintJob job;
    job.id = "drawer";
    job.name = "drawer";
    job.escpos = drawer_pulse_bytes(pulse);
    const std::lock_guard lock(mutex_);
    if (gone_ || link_.state() != DeviceState::enabled) {
        link_.report_error(link_.label() + " is not connected; the drawer was not opened", "drawer",
                           true);
        return;
    }
    commands_.push_back({Command::Kind::drawer, std::move(job)});
    wake_.notify_all();
}

PrinterStatus UsbPrinter::status() const {
    const std::lock_guard lock(mutex_);
    return status_;
}

std::size_t UsbPrinter::jobs_in_progress() const {
    const std::lock_guard lock(mutex_);
    std::size_t count = current_ ? 1 : 0;
    for (const Command& command : commands_)
        count += command.kind == Command::Kind::job ? 1 : 0;
    return count;
}

// ---- worker ---------------------------------------------------------------------------------

void UsbPrinter::start_worker() {
    stop_ = false;
    worker_ = std::thread([this] { run(); });
}

void UsbPrinter::stop_worker() {
    {
        const std::lock_guard lock(mutex_);
        stop_ = true;
    }
    wake_.notify_all();
    if (worker_.joinable())
        worker_.join();  // every transfer has a timeout: this ends
}

bool UsbPrinter::pause(int duration_ms) {
    std::unique_lock lock(mutex_);
    wake_.wait_for(lock, ms(duration_ms), [this] { return stop_.load(); });
    return !stop_;
}

std::optional<UsbPrinter::Command> UsbPrinter::next_command() {
    std::unique_lock lock(mutex_);
    wake_.wait_for(lock, ms(config_.status_poll_ms),
                   [this] { return stop_.load() || !commands_.empty(); });
    if (stop_ || commands_.empty())
        return std::nullopt;
    Command command = std::move(commands_.front());
    commands_.pop_front();
    if (command.kind == Command::Kind::job) {
        current_ = command.job;
        current_sent_ = false;
    }
    return command;
}

void UsbPrinter::run() {
    refresh_status(true);
    while (!stop_ && !gone_) {
        const std::optional<Command> command = next_command();
        if (stop_ || gone_)
            break;
        if (!command) {
            refresh_status(false);  // idle: keep drawer, cover and paper up to date
        } else if (command->kind == Command::Kind::status) {
            refresh_status(true);
        } else if (command->kind == Command::Kind::drawer) {
            run_drawer(command->job);
        } else {
            run_job(command->job);
        }
    }
}

void UsbPrinter::run_job(const PrintJob& job) {
    if (!wait_until_ready() || !send(job))
        return;
    if (!channel_->has_status()) {
        complete(job);  // no bulk IN: the printer cannot confirm; sent is all we can know
        return;
    }
    std::size_t sent = 0;
    const IoResult io = channel_->write(job_marker(), sent);
    if (io == IoResult::disconnected)
        return lost_printer();
    if (io != IoResult::ok) {
        give_up(job,
                link_.label() + " did not take the end-of-job check for " + job_name(job) + " (" +
                    (io == IoResult::timeout ? "timeout" : "transfer failed") +
                    "); it may have printed",
                false);
        return;
    }
    wait_confirmation(job, channel_->expect_marker());
}

void UsbPrinter::run_drawer(const PrintJob& pulse) {
    std::size_t sent = 0;
    const IoResult io = channel_->write(pulse.escpos, sent);
    if (io == IoResult::ok) {
        link_.events().push(OutputCompleteEvent{link_.id(), pulse.id});
    } else if (io == IoResult::disconnected) {
        link_.report_error(link_.label() + " was disconnected; the drawer was not opened", pulse.id,
                           true);
        lost_printer();
    } else if (io != IoResult::stopped) {
        link_.report_error(link_.label() + " did not take the drawer pulse", pulse.id, true);
    }
}

// Polls the status until the printer can print. A printer that does not answer is sent the
// job anyway: only its confirmation can tell.
bool UsbPrinter::wait_until_ready() {
    while (!stop_) {
        const PrinterStatus status = refresh_status(status_requested());
        if (gone_)
            return false;
        if (!status.known || status.ready())
            return true;
        if (!pause(config_.status_poll_ms))
            return false;
    }
    return false;
}

bool UsbPrinter::send(const PrintJob& job) {
    std::size_t offset = 0;
    auto progress_at = Clock::now();
    while (!stop_) {
        const std::vector<std::uint8_t> rest(
            job.escpos.begin() + static_cast<std::ptrdiff_t>(offset), job.escpos.end());
        std::size_t sent = 0;
        const IoResult io = channel_->write(rest, sent);
        offset += sent;
        if (sent > 0) {
            const std::lock_guard lock(mutex_);
            current_sent_ = true;
            progress_at = Clock::now();
        }
        if (io == IoResult::ok)
            return true;
        if (io == IoResult::stopped)
            return false;
        if (io == IoResult::disconnected) {
            lost_printer();
            return false;
        }
        if (io == IoResult::failed) {
            give_up(job, link_.label() + " refused " + job_name(job), offset == 0);
            return false;
        }
        // A full printer buffer: wait while it reports why, give up on silent stalls.
        const PrinterStatus status = refresh_status(false);
        if (gone_)
            return false;
        if (status.known && !status.ready())
            progress_at = Clock::now();
        if (Clock::now() - progress_at > ms(config_.job_confirm_timeout_ms)) {
            give_up(job, link_.label() + " stopped taking data while printing " + job_name(job),
                    offset == 0);
            return false;
        }
    }
    return false;
}

void UsbPrinter::wait_confirmation(const PrintJob& job, std::uint64_t marker) {
    auto quiet_since = Clock::now();
    auto next_poll = Clock::now() + ms(config_.status_poll_ms);
    const int listen_ms = std::max(1, std::min(config_.status_poll_ms, 100));
    while (!stop_) {
        const IoResult io = channel_->listen(listen_ms);
        if (io == IoResult::disconnected)
            return lost_printer();
        if (io == IoResult::failed && !pause(listen_ms))  // a stalled IN: do not spin
            return;
        if (channel_->markers_answered() >= marker)
            return complete(job);
        if (Clock::now() >= next_poll) {
            const PrinterStatus status = refresh_status(status_requested());
            if (gone_)
                return;
            if (channel_->markers_answered() >= marker)
                return complete(job);
            // Paper out or cover open: the printer finishes the job itself once fixed.
            if (status.known && !status.ready())
                quiet_since = Clock::now();
            next_poll = Clock::now() + ms(config_.status_poll_ms);
        }
        if (Clock::now() - quiet_since >= ms(config_.job_confirm_timeout_ms)) {
            give_up(job,
                    link_.label() + " did not confirm " + job_name(job) +
                        " (not confirmed); check the printout before printing it again",
                    false);
            return;
        }
    }
}

}  // namespace drivers::usb
