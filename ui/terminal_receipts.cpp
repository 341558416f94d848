// Receipts at the till: once a ticket is durable its receipt is laid out (receipts/), stored in the
// durable print queue as ESC/POS for the printer in use plus text and PNG for the spool, and shown
// on the completed screen. A copy (marked COPY) and a gift receipt (no prices) print the same way
// under names of their own. The completed screen follows its job: queued, printing, printed,
// waiting (paper out) or failed; a print never blocks or undoes the sale.
#include <exception>

#include "receipts/escpos.hpp"
#include "receipts/logo.hpp"
#include "receipts/png.hpp"
#include "receipts/text.hpp"
#include "ui/terminal.hpp"
#include "ui/terminal_text.hpp"

namespace ui {

namespace {

// How many of the newest jobs are looked at before asking for one job with all its parts.
constexpr int recent_jobs = 20;

std::vector<std::uint8_t> bytes_of(const std::string& text) {
    return {text.begin(), text.end()};
}

PictureVm picture_of(std::optional<receipts::Raster> raster, std::uint64_t version) {
    PictureVm picture;
    picture.version = version;
    if (raster) {
        picture.width = raster->width;
        picture.height = raster->height;
        picture.grey = std::make_shared<const std::vector<std::uint8_t>>(std::move(raster->grey));
    }
    return picture;
}

// One document as the print queue stores it, with what the completed screen shows of it.
struct Rendered {
    NewPrint print;
    std::string text;
    std::optional<receipts::Raster> raster;  // none when the fonts could not be loaded
    std::string missing;                     // "no picture: ..." when there is none
};

Rendered render(const receipts::Document& document, const receipts::PrinterProfile& profile) {
    Rendered out;
    out.text = receipts::to_text(document);
    out.print.parts.push_back({".escpos", receipts::encode_escpos(document, profile)});
    out.print.parts.push_back({".txt", bytes_of(out.text)});
    if (auto raster = receipts::render_raster(document)) {
        out.print.parts.push_back({".png", receipts::encode_png(*raster)});
        out.raster = std::move(raster).value();
    } else {
        out.missing = "no picture: " + raster.error().message;
    }
    return out;
}

std::optional<db::StoredPrintJob> job_row(PrintQueue& queue, const std::string& id) {
    for (auto& job : queue.recent(recent_jobs)) {
        if (job.id == id)
            return job;
    }
    auto job = queue.find(id);
    if (job)
        job->parts.clear();
    return job;
}

}  // namespace

void Terminal::load_logo() {
    if (settings_.receipt_logo.empty())
        return;
    auto logo =
        receipts::load_logo(settings_.receipt_logo, services_.devices.printer_profile().paper.dots);
    if (logo)
        logo_ = std::move(logo).value();
    else
        logo_problem_ = logo.error().message;
}

receipts::LayoutOptions Terminal::layout_options(bool copy) const {
    receipts::LayoutOptions options;
    options.paper = services_.devices.printer_profile().paper;
    options.header = settings_.receipt_header;
    options.footer = settings_.receipt_footer;
    options.logo = logo_;
    options.utc_offset_minutes = services_.utc_offset_minutes;
    options.copy = copy;
    return options;
}

pos::Result<std::string> Terminal::print_receipt(const std::function<receipts::Document()>& layout,
                                                 const std::string& name, const std::string& title,
                                                 const std::string& receipt_number) {
    Rendered rendered;
    try {
        rendered = render(layout(), services_.devices.printer_profile());
    } catch (const std::exception& failure) {
        return pos::bad_input("the receipt could not be made: " + std::string(failure.what()));
    }
    rendered.print.name = name;
    rendered.print.title = title;
    rendered.print.receipt_number = receipt_number;
    const auto job = services_.devices.print_queue().submit(rendered.print);
    if (screen_ == Screen::completed) {  // the completed screen shows what was printed last
        receipt_text_ = std::move(rendered.text);
        preview_ = picture_of(std::move(rendered.raster), preview_.version + 1);
        preview_title_ = title;
        print_printer_ = services_.devices.printer_name();
        print_job_.reset();
        print_status_ = job ? rendered.missing : "Not printed: " + job.error().message;
        if (!logo_problem_.empty())
            print_status_ += (print_status_.empty() ? "" : "; ") + logo_problem_;
        if (job) {
            print_job_.emplace();
            print_job_->id = *job;
            print_job_->name = name;
            print_job_->title = title;
        }
    }
    if (!job)
        return job.error();
    settle_devices();
    return *job;
}

void Terminal::settle_devices() {
    auto scans = services_.devices.pump();
    pending_scans_.insert(pending_scans_.end(), scans.begin(), scans.end());
    refresh_print_state();
}

void Terminal::refresh_print_state() {
    if (!print_job_ || print_job_->state == db::PrintJobState::done)
        return;
    if (auto job = job_row(services_.devices.print_queue(), print_job_->id))
        print_job_ = std::move(job);
}

// Why the job has not printed: the printer holding it is not ready (it prints once it is), or
// the queue's reason for a job waiting or failed.
Terminal::PrintTrouble Terminal::print_trouble(const std::string& job_id) {
    const auto job = job_row(services_.devices.print_queue(), job_id);
    if (!job)
        return {"the print job is lost", true, false};
    if (job->state == db::PrintJobState::done)
        return {};
    const auto* printer = services_.devices.printer();
    if (!printer)
        return {services_.devices.printer_name() + " is not connected", false, true};
    const auto status = printer->status();
    const bool failed = job->state == db::PrintJobState::failed;
    if (!failed && status.known && !status.ready())
        return {drivers::describe(status), false, true};
    if (job->state == db::PrintJobState::waiting || failed)
        return {job->last_error.empty() ? db::to_string(job->state) : job->last_error, true, false};
    return {};
}

std::string Terminal::print_status_text() const {
    if (!print_job_)
        return print_status_;
    const auto& job = *print_job_;
    const auto* printer = services_.devices.printer();
    const auto status = printer ? printer->status() : drivers::PrinterStatus{};
    const std::string state = text::job_state(job, status);  // as on the devices screen
    std::string line;
    if (job.state == db::PrintJobState::done)
        line = "Printed " + job.name + " on " + print_printer_;
    else if (state == "printing")
        line = "Printing " + job.name + " on " + print_printer_;
    else
        line = job.name + " " + state;  // "T01-000001 waiting: paper out", "... queued"
    return print_status_.empty() ? line : line + "; " + print_status_;
}

// The sale is durable now; everything here is display and printing, which may fail alone.
void Terminal::sale_completed() {
    completed_ = session_->ticket();
    screen_ = Screen::completed;
    selected_.reset();
    ticket_started();
    if (on_completed)
        on_completed(*completed_);
    const auto& t = *completed_;
    const std::string done = text::kind_label(t.kind()) + " " + t.receipt_number() + " completed";
    auto options = layout_options(false);
    options.special_orders = orders_named_by(t);  // a deposit receipt says the balance due
    const auto job = print_receipt([&] { return receipts::ticket_receipt(t, settings_, options); },
                                   t.receipt_number(), "Receipt", t.receipt_number());
    const auto trouble = job ? print_trouble(*job) : PrintTrouble{job.error().message, true, false};
    if (trouble.why.empty()) {
        message_ = {MessageKind::info, done};
    } else if (trouble.printer_not_ready) {
        message_ = {MessageKind::error, done + ", but its receipt is not printed yet: " +
                                            trouble.why + ". It prints when the printer is ready."};
    } else {
        message_ = {MessageKind::error, done + ", but its receipt was not printed: " + trouble.why +
                                            ". Tap Reprint to try again."};
    }
    service_after_completion(*completed_);  // adds to the message what it did
}

// What the clerk is told about a copy or gift receipt just queued: printed, on its way, waiting
// for the printer (info: it prints by itself), or failed (refused, with why).
pos::Status Terminal::said_printed(const pos::Result<std::string>& job, const std::string& what,
                                   const std::string& the_what) {
    if (!job)
        return pos::not_allowed(the_what + " was not printed: " + job.error().message);
    const auto trouble = print_trouble(*job);
    if (trouble.failed)
        return pos::not_allowed(the_what + " was not printed: " + trouble.why);
    if (trouble.printer_not_ready) {
        message_ = {MessageKind::info, what + " is not printed yet: " + trouble.why +
                                           ". It prints when the printer is ready."};
    } else if (const auto row = job_row(services_.devices.print_queue(), *job);
               row && row->state == db::PrintJobState::done) {
        message_ = {MessageKind::info, what + " printed"};
    } else {
        message_ = {MessageKind::info, what + " sent to " + services_.devices.printer_name()};
    }
    return pos::ok();
}

pos::Result<const pos::Ticket*> Terminal::ticket_to_print(std::string_view action) const {
    if (screen_ == Screen::completed && completed_)
        return &*completed_;
    if (screen_ == Screen::ticket_search) {
        if (shown_)
            return &*shown_;
        return pos::bad_input("Open a ticket first, then " + std::string(action));
    }
    if (auto s = require_screen(Screen::completed, action); !s)
        return s.error();
    return pos::not_found("There is no completed ticket to " + std::string(action));
}

pos::Status Terminal::handle(const Reprint&) {
    auto ticket = ticket_to_print("reprint its receipt");
    if (!ticket)
        return ticket.error();
    const pos::Ticket& t = **ticket;
    const std::string number = t.receipt_number();
    const std::string name = services_.devices.print_queue().unused_name(number + "-copy");
    const auto job =
        print_receipt([&] { return receipts::ticket_receipt(t, settings_, layout_options(true)); },
                      name, "Copy", number);
    return said_printed(job, "Copy of " + number, "The copy of " + number);
}

bool Terminal::can_gift(const pos::Ticket& ticket) {
    if (ticket.kind() != pos::TicketKind::sale && ticket.kind() != pos::TicketKind::exchange)
        return false;
    for (const auto& line : ticket.lines()) {
        if (!line.voided && !line.returned)
            return true;
    }
    return false;
}

pos::Status Terminal::handle(const GiftReceipt&) {
    auto ticket = ticket_to_print("print a gift receipt");
    if (!ticket)
        return ticket.error();
    const pos::Ticket& t = **ticket;
    if (!can_gift(t)) {
        return pos::not_allowed("A gift receipt lists items sold, and " + t.receipt_number() +
                                " sold none");
    }
    const std::string number = t.receipt_number();
    const std::string name = services_.devices.print_queue().unused_name(number + "-gift");
    const auto job =
        print_receipt([&] { return receipts::gift_receipt(t, settings_, layout_options(false)); },
                      name, "Gift receipt", number);
    return said_printed(job, "Gift receipt for " + number, "The gift receipt for " + number);
}

}  // namespace ui
