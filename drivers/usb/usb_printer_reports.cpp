// A USB receipt printer's reports: status answers turned into StatusEvents (on change, or
// when asked), and each job's single outcome: OutputComplete, or an ErrorEvent saying why.
#include "drivers/usb/usb_internal.hpp"

namespace drivers::usb {
namespace {

bool same_status(const PrinterStatus& a, const PrinterStatus& b) {
    return a.known == b.known && a.online == b.online && a.cover_open == b.cover_open &&
           a.paper_near_end == b.paper_near_end && a.paper_out == b.paper_out &&
           a.error == b.error && a.drawer_open == b.drawer_open;
}

}  // namespace

std::string job_name(const PrintJob& job) {
    return job.name.empty() ? job.id : job.name;
}

void UsbPrinter::complete(const PrintJob& job) {
    {
        const std::lock_guard lock(mutex_);
        current_.reset();
    }
    link_.events().push(OutputCompleteEvent{link_.id(), job.id});
}

void UsbPrinter::give_up(const PrintJob& job, const std::string& message, bool retryable) {
    {
        const std::lock_guard lock(mutex_);
        current_.reset();
    }
    link_.report_error(message, job.id, retryable);
}

// A query_status() made while a job waits is answered by the wait's own polling.
bool UsbPrinter::status_requested() {
    const std::lock_guard lock(mutex_);
    const std::size_t removed = std::erase_if(
        commands_, [](const Command& command) { return command.kind == Command::Kind::status; });
    return removed > 0;
}

PrinterStatus UsbPrinter::refresh_status(bool always_report) {
    const PrinterChannel::StatusAnswer answer = channel_->query_status();
    if (answer.io == IoResult::disconnected) {
        lost_printer();
        return {};
    }
    if (answer.io == IoResult::stopped)
        return status();
    if (!answer.bad_byte.empty()) {
        if (answer.bad_byte != last_bad_byte_)
            link_.report_error(link_.label() + ": " + answer.bad_byte +
                               "; printer status unknown until it answers properly");
        last_bad_byte_ = answer.bad_byte;
    } else if (answer.status.known) {
        last_bad_byte_.clear();
    }
    set_status(answer.status, always_report);
    return answer.status;
}

void UsbPrinter::set_status(const PrinterStatus& status, bool always_report) {
    {
        const std::lock_guard lock(mutex_);
        const bool changed = !status_reported_ || !same_status(status_, status);
        status_ = status;
        status_reported_ = true;
        if (!changed && !always_report)
            return;
    }
    StatusEvent event;
    event.device = link_.id();
    event.change = StatusEvent::Change::printer;
    event.state = link_.state();
    event.printer = status;
    event.text = link_.description().name + ": " + describe(status);
    link_.events().push(std::move(event));
}

// The printer is gone: the current and every queued job are reported retryable, once each.
void UsbPrinter::lost_printer() {
    std::vector<PrintJob> lost;
    {
        const std::lock_guard lock(mutex_);
        gone_ = true;
        if (current_)
            lost.push_back(std::move(*current_));
        current_.reset();
        for (Command& command : commands_) {
            if (command.kind != Command::Kind::status)
                lost.push_back(std::move(command.job));
        }
        commands_.clear();
    }
    link_.mark_disconnected();
    for (const PrintJob& job : lost) {
        link_.report_error("printer disconnected while printing " + job_name(job) +
                               "; it will print again when a printer is back",
                           job.id, true);
    }
}

// Jobs left when the worker stopped (disable, close): reported so nothing is silently lost. A
// job whose bytes already went out may have printed, so it is not offered for a retry.
void UsbPrinter::fail_unfinished(const std::string& why) {
    std::vector<std::pair<PrintJob, bool>> left;
    {
        const std::lock_guard lock(mutex_);
        if (current_)
            left.emplace_back(std::move(*current_), current_sent_);
        current_.reset();
        for (Command& command : commands_) {
            if (command.kind != Command::Kind::status)
                left.emplace_back(std::move(command.job), false);
        }
        commands_.clear();
    }
    for (const auto& [job, sent] : left) {
        if (sent) {
            link_.report_error(why + " before it confirmed " + job_name(job) +
                                   " (not confirmed); check the printout",
                               job.id, false);
        } else {
            link_.report_error(why + " before " + job_name(job) +
                                   " was printed; it will print again when a printer is back",
                               job.id, true);
        }
    }
}

}  // namespace drivers::usb
