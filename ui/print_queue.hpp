// The durable print queue: every receipt is stored (db::PrintJobs) before it goes to a
// printer, marked done only when the printer confirms it, sent again after paper is replaced or
// the printer comes back, and reprintable. Runs on the UI thread: the printer reports back
// through device events, which the DeviceHub hands to on_event(). A print that fails never
// blocks or undoes a sale: it becomes a banner and a job the clerk can retry.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "db/print_jobs.hpp"
#include "drivers/device.hpp"
#include "pos/ports.hpp"
#include "pos/result.hpp"

namespace ui {

struct NewPrint {
    std::string name;  // "T01-000042"; PrintQueue::unused_name for copies
    std::string title;
    std::string receipt_number;
    std::vector<db::PrintPart> parts;  // ".escpos" for the printer, ".txt"/".png" for the spool
};

// What the clerk should know about printing right now, for the banner over every screen.
struct PrintProblem {
    std::string job;      // the job's id
    std::string message;  // "Receipt T01-000042 is not printed yet: paper out. It prints when
                          // paper is replaced."
    bool can_retry = false;
};

class PrintQueue {
  public:
    PrintQueue(db::PrintJobs& jobs, pos::Clock& clock, pos::IdSource& ids);

    // The printer jobs go to; nullptr while none is connected (jobs wait, state waiting). On
    // being given a printer, the queue sends its queued and waiting jobs, oldest first.
    void set_printer(drivers::Printer* printer);

    // Stores the job, then hands it to the printer when there is one. The returned id names the
    // job in events and on the devices screen. Only a failure to store it is an error.
    pos::Result<std::string> submit(const NewPrint& print);

    // Called for every device event: OutputComplete -> done (once; a repeat changes nothing);
    // ErrorEvent for a job -> waiting (retryable) or failed; a printer status that is ready again,
    // or a printer arriving -> waiting jobs are sent again.
    void on_event(const drivers::DeviceEvent& event);

    // At start-up: jobs left queued or waiting are sent again; a job that was printing when the
    // terminal stopped is marked failed ("not confirmed before the terminal stopped: reprint it
    // if it did not print"), never sent twice on its own.
    void recover();

    pos::Status retry(const std::string& job_id);                 // failed/waiting -> sent again
    pos::Result<std::string> reprint(const std::string& job_id);  // a new job, named "...-copyN"
    std::string unused_name(const std::string& stem);

    std::optional<db::StoredPrintJob> find(const std::string& job_id);
    std::vector<db::StoredPrintJob> recent(int limit);
    // The newest job that is waiting or failed, as the banner says it; none when all is well.
    std::optional<PrintProblem> problem() const;
    void dismiss_problem();  // the clerk read the banner; the job stays in the queue

  private:
    void send(const db::StoredPrintJob& job);
    // Sends the waiting (and, if asked, queued) jobs, oldest first; a sent job is printing, so
    // each goes once.
    void send_unfinished(bool queued_too);
    // Records why a job cannot print now (waiting) or at all (failed), and says so in the banner.
    void set_aside(const db::StoredPrintJob& job, db::PrintJobState state, const std::string& why);
    void on_complete(const drivers::OutputCompleteEvent& event);
    void on_error(const drivers::ErrorEvent& event);
    void on_status(const drivers::StatusEvent& event);
    void say_held(const std::string& why);
    db::PrintJobs& jobs_;
    pos::Clock& clock_;
    pos::IdSource& ids_;
    drivers::Printer* printer_ = nullptr;
    std::optional<PrintProblem> problem_;
    // Jobs handed to a printer by this run and not yet settled: recover() leaves them alone.
    std::set<std::string> sent_;
};

}  // namespace ui
