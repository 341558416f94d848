#include "ui/print_queue.hpp"

#include <type_traits>
#include <utility>
#include <variant>

namespace ui {

namespace {

using db::PrintJobState;

constexpr std::string_view drawer_job = "drawer";  // the drawer pulse's OutputComplete
constexpr std::string_view no_printer = "no printer connected";
constexpr std::string_view not_confirmed_at_start =
    "not confirmed before the terminal stopped: reprint it if it did not print";

// "Receipt T01-000042", "Copy T01-000042", "Test page": what the clerk calls the job.
std::string what(const db::StoredPrintJob& job) {
    const std::string title = job.title.empty() ? std::string("Print job") : job.title;
    if (!job.receipt_number.empty())
        return title + " " + job.receipt_number;
    return job.title.empty() ? title + " " + job.name : title;
}

std::string without_final_stop(std::string text) {
    while (!text.empty() && (text.back() == '.' || text.back() == ' '))
        text.pop_back();
    return text;
}

bool unconfirmed(const std::string& why) {
    return why.find("not confirmed") != std::string::npos;
}

// The banner: what happened to the job, why, and what the clerk can do about it.
PrintProblem problem_for(const db::StoredPrintJob& job, PrintJobState state,
                         const std::string& why) {
    const std::string reason = without_final_stop(why);
    PrintProblem problem;
    problem.job = job.id;
    if (state == PrintJobState::waiting) {
        problem.message = what(job) + " is not printed yet: " + reason +
                          ". It will print when the printer is ready.";
    } else if (unconfirmed(why)) {
        // It may well have printed: sending it again on its own could print it twice.
        problem.message = what(job) + " may not have printed: " + reason +
                          ". Tap Reprint if it is not in the printer.";
        problem.can_retry = true;
    } else {
        problem.message = what(job) + " was not printed: " + reason + ". Tap Retry or Reprint.";
        problem.can_retry = true;
    }
    return problem;
}

drivers::PrintJob printer_job(const db::StoredPrintJob& job) {
    drivers::PrintJob out;
    out.id = job.id;
    out.name = job.name;
    for (const db::PrintPart& part : job.parts) {
        if (part.extension == ".escpos")
            out.escpos = part.bytes;
        out.renderings.push_back({part.extension, part.bytes});
    }
    return out;
}

// "T01-000042-copy2" -> "T01-000042": a copy of a copy is another copy of the original.
std::string original_name(const std::string& name) {
    const std::size_t at = name.rfind("-copy");
    if (at == std::string::npos || at + 5 == name.size())
        return name;
    for (std::size_t i = at + 5; i < name.size(); ++i)
        if (name[i] < '0' || name[i] > '9')
            return name;
    return name.substr(0, at);
}

pos::Error unknown_job(const std::string& job_id) {
    return pos::not_found("Print job \"" + job_id + "\" is not in the queue");
}

}  // namespace

PrintQueue::PrintQueue(db::PrintJobs& jobs, pos::Clock& clock, pos::IdSource& ids)
    : jobs_(jobs), clock_(clock), ids_(ids) {}

void PrintQueue::set_printer(drivers::Printer* printer) {
    if (printer == printer_)
        return;  // the same printer again: what it holds is on its way already
    printer_ = printer;
    if (printer_ != nullptr)
        send_unfinished(true);
}

pos::Result<std::string> PrintQueue::submit(const NewPrint& print) {
    db::StoredPrintJob job;
    job.id = ids_.new_id();
    job.name = print.name;
    job.title = print.title;
    job.receipt_number = print.receipt_number;
    job.created_ms = clock_.now_ms();
    job.updated_ms = job.created_ms;
    job.parts = print.parts;
    if (auto stored = jobs_.add(job); !stored)
        return stored.error();
    if (printer_ != nullptr)
        send(job);
    else
        set_aside(job, PrintJobState::waiting, std::string(no_printer));
    return job.id;
}

void PrintQueue::on_event(const drivers::DeviceEvent& event) {
    try {
        std::visit(
            [this](const auto& e) {
                using Event = std::decay_t<decltype(e)>;
                if constexpr (std::is_same_v<Event, drivers::OutputCompleteEvent>)
                    on_complete(e);
                else if constexpr (std::is_same_v<Event, drivers::ErrorEvent>)
                    on_error(e);
                else if constexpr (std::is_same_v<Event, drivers::StatusEvent>)
                    on_status(e);
            },
            event);
    } catch (const pos::StoreFailure& failure) {
        // A device event must never take the frame loop down; the banner says what happened.
        problem_ = PrintProblem{"",
                                std::string("The print queue could not be updated (") +
                                    failure.what() + "); check the store.",
                                false};
    }
}

void PrintQueue::on_complete(const drivers::OutputCompleteEvent& event) {
    if (event.job.empty() || event.job == drawer_job)
        return;
    const auto job = jobs_.find(event.job);
    if (!job || job->state == PrintJobState::done)
        return;  // not ours, or a repeat: nothing changes
    if (!jobs_.mark(job->id, PrintJobState::done, "", clock_.now_ms()))
        return;
    sent_.erase(job->id);
    if (problem_ && problem_->job == job->id)
        problem_.reset();
}

void PrintQueue::on_error(const drivers::ErrorEvent& event) {
    if (event.job.empty() || event.job == drawer_job)
        return;  // a device error, not a job's: the device list shows it
    const auto job = jobs_.find(event.job);
    if (!job || job->state == PrintJobState::done)
        return;
    set_aside(*job, event.retryable ? PrintJobState::waiting : PrintJobState::failed,
              event.message);
}

void PrintQueue::on_status(const drivers::StatusEvent& event) {
    if (printer_ == nullptr)
        return;
    const bool ready =
        event.change == drivers::StatusEvent::Change::printer && event.printer.ready();
    const bool arrived = event.change == drivers::StatusEvent::Change::arrived &&
                         event.device == printer_->info().id;
    if (ready || arrived)
        send_unfinished(false);
    else if (event.change == drivers::StatusEvent::Change::printer && event.printer.known)
        say_held(drivers::describe(event.printer));
}

// The printer keeps a job through paper out or an open cover and prints it when it can: the
// job stays printing, but the clerk should know why the receipt has not come out.
void PrintQueue::say_held(const std::string& why) {
    if (sent_.empty() || (problem_ && problem_->can_retry))
        return;
    for (const db::StoredPrintJob& job : jobs_.unfinished()) {
        if (job.state == PrintJobState::printing && sent_.count(job.id) > 0) {
            problem_ = problem_for(job, PrintJobState::waiting, why);
            return;
        }
    }
}

void PrintQueue::recover() {
    for (const db::StoredPrintJob& job : jobs_.unfinished()) {
        if (job.state != PrintJobState::printing || sent_.count(job.id) > 0)
            continue;
        // It may have printed before the terminal stopped: never sent twice on its own.
        set_aside(job, PrintJobState::failed, std::string(not_confirmed_at_start));
    }
    if (printer_ != nullptr) {
        send_unfinished(true);
        return;
    }
    for (const db::StoredPrintJob& job : jobs_.unfinished())
        if (job.state == PrintJobState::queued)
            set_aside(job, PrintJobState::waiting, std::string(no_printer));
}

pos::Status PrintQueue::retry(const std::string& job_id) {
    const auto job = jobs_.find(job_id);
    if (!job)
        return unknown_job(job_id);
    if (job->state == PrintJobState::done) {
        return pos::not_allowed(what(*job) + " was already printed; tap Reprint for another copy");
    }
    if (job->state == PrintJobState::printing) {
        return pos::not_allowed(what(*job) +
                                " is still with the printer; wait for it, or tap Reprint");
    }
    if (problem_ && problem_->job == job_id)
        problem_.reset();
    if (printer_ == nullptr) {
        set_aside(*job, PrintJobState::waiting, std::string(no_printer));
        return pos::ok();
    }
    send(*job);
    return pos::ok();
}

pos::Result<std::string> PrintQueue::reprint(const std::string& job_id) {
    const auto job = jobs_.find(job_id);
    if (!job)
        return unknown_job(job_id);
    NewPrint copy;
    copy.name = unused_name(original_name(job->name) + "-copy");
    copy.title = "Copy";
    copy.receipt_number = job->receipt_number;
    copy.parts = job->parts;
    if (problem_ && problem_->job == job_id)
        problem_.reset();
    return submit(copy);
}

std::string PrintQueue::unused_name(const std::string& stem) {
    return jobs_.unused_name(stem);
}

std::optional<db::StoredPrintJob> PrintQueue::find(const std::string& job_id) {
    return jobs_.find(job_id);
}

std::vector<db::StoredPrintJob> PrintQueue::recent(int limit) {
    return jobs_.recent(limit);
}

std::optional<PrintProblem> PrintQueue::problem() const {
    return problem_;
}

void PrintQueue::dismiss_problem() {
    problem_.reset();
}

void PrintQueue::send(const db::StoredPrintJob& job) {
    // Marked before it is handed over: if the terminal stops now, recover() knows it may print.
    if (auto marked = jobs_.mark(job.id, PrintJobState::printing, "", clock_.now_ms()); !marked) {
        problem_ = PrintProblem{job.id,
                                what(job) + " was not sent to the printer: " +
                                    without_final_stop(marked.error().message) + ".",
                                true};
        return;
    }
    sent_.insert(job.id);
    printer_->print(printer_job(job));
}

void PrintQueue::send_unfinished(bool queued_too) {
    for (const db::StoredPrintJob& job : jobs_.unfinished()) {
        const bool due = job.state == PrintJobState::waiting ||
                         (queued_too && job.state == PrintJobState::queued);
        if (due && printer_ != nullptr)
            send(job);
    }
}

void PrintQueue::set_aside(const db::StoredPrintJob& job, PrintJobState state,
                           const std::string& why) {
    sent_.erase(job.id);
    if (!jobs_.mark(job.id, state, why, clock_.now_ms()))
        return;  // done meanwhile: nothing to say
    // A job that needs the clerk (failed) keeps the banner over one that will print by itself.
    const bool failure_shown = problem_ && problem_->can_retry && problem_->job != job.id;
    if (state == PrintJobState::waiting && failure_shown)
        return;
    problem_ = problem_for(job, state, why);
}

}  // namespace ui
