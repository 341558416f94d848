// Devices at the till: scanned codes routed where the clerk expects them on each screen, the
// cash drawer (after cash, or a journaled no-sale), and the devices screen's actions: test print,
// retry and reprint of print jobs, clearing a device error, the virtual printer's switches.
#include "pos/returns.hpp"
#include "receipts/layouts.hpp"
#include "ui/terminal.hpp"
#include "ui/terminal_text.hpp"

namespace ui {

void Terminal::poll_devices() {
    pump_devices();
}

pos::Status Terminal::pump_devices() {
    std::vector<drivers::ScanData> scans = std::move(pending_scans_);
    pending_scans_.clear();
    for (auto& scan : services_.devices.pump())
        scans.push_back(std::move(scan));
    refresh_print_state();
    pos::Status first = pos::ok();
    for (const auto& scan : scans) {
        auto applied = apply(Scanned{scan.code, scan.symbology, ""});
        if (!applied && first)
            first = applied;
    }
    return first;
}

pos::Status Terminal::handle(const Scanned& scan) {
    const std::string said = "Scanned " + scan.code;
    switch (screen_) {
        case Screen::login:
            return pos::not_allowed(said + ": log in first");
        case Screen::tender:  // a gift card is keyed in its form
            return pos::not_allowed(said + ": finish or go back from the payment first");
        case Screen::sync:
            return pos::not_allowed(said + ": go back from the sync screen to scan");
        case Screen::devices:  // a scanner test
            message_ = {MessageKind::info,
                        said + (scan.symbology.empty() ? "" : " (" + scan.symbology + ")")};
            return pos::ok();
        case Screen::returns:
            return scanned_on_returns(scan);
        case Screen::ticket_search:
            return handle(FindTickets{"", "", "", "", scan.code});
        case Screen::lookup:  // the floor scans a shelf label to look it up
            return handle(LookupSearch{scan.code});
        case Screen::customers:  // a loyalty card finds its customer
            return handle(CustomerSearch{scan.code});
        case Screen::interactions:
        case Screen::special_orders:
        case Screen::till:
        case Screen::reports:
        case Screen::dashboard:
            return pos::not_allowed(said + ": go back to the sale to scan items");
        case Screen::sale:
        case Screen::completed:
        case Screen::suspended:
            break;
    }
    if (auto card = scanned_loyalty_card(scan.code))  // a loyalty card attaches its customer
        return *card;
    return handle(Scan{scan.code, ""});
}

// A receipt's barcode opens it; an item of the open receipt is pointed out, since returning it
// needs a reason the scan cannot give.
pos::Status Terminal::scanned_on_returns(const Scanned& scan) {
    if (pos::parse_receipt_reference(scan.code))
        return handle(OpenReceipt{scan.code});
    const std::string said = "Scanned " + scan.code;
    if (!original_) {
        return pos::not_allowed(said +
                                ": not a receipt number (they look like T01-000042); for an item "
                                "without its receipt use Return without receipt");
    }
    const auto& lines = original_->ticket.lines();
    const std::string receipt = original_->ticket.receipt_number();
    for (std::size_t i = 0; i < lines.size(); ++i) {
        if (lines[i].code == scan.code && !lines[i].voided) {
            message_ = {MessageKind::info, said + ": " + lines[i].name + " is line " +
                                               std::to_string(i + 1) + " of " + receipt +
                                               ": choose the reason, then Return"};
            return pos::ok();
        }
    }
    return pos::not_allowed(said + ": that item is not on receipt " + receipt);
}

void Terminal::pulse_drawer(const std::string& done) {
    const auto opened = services_.devices.open_drawer();
    settle_devices();
    if (!opened) {
        message_ = {MessageKind::error, (done.empty() ? "" : done + "; ") +
                                            "the cash drawer did not open: " + opened.message};
    }
}

// A no-sale: journaled with its reason through the same permission (and approval) as NoSale,
// then the pulse.
pos::Status Terminal::handle(const OpenDrawer& intent) {
    if (screen_ != Screen::sale && screen_ != Screen::completed && screen_ != Screen::devices)
        return require_screen(Screen::sale, "open the drawer");
    if (auto s = require_open_till(); !s)
        return s;
    if (auto s = session_->no_sale(intent.reason, approval_); !s)
        return s;
    message_ = {MessageKind::info, "Drawer opened: no sale (recorded)"};
    pulse_drawer(message_.text);
    return pos::ok();
}

pos::Status Terminal::handle(const ShowDevices&) {
    if (!user_)
        return pos::not_allowed("Log in first to see the devices");
    if (screen_ != Screen::devices)
        before_devices_ = screen_;
    screen_ = Screen::devices;
    message_ = {};
    return pos::ok();
}

pos::Status Terminal::handle(const TestPrint&) {
    if (!user_)
        return pos::not_allowed("Log in first to print a test page");
    const std::string name = services_.devices.print_queue().unused_name("test-page-");
    const auto& profile = services_.devices.printer_profile();
    const auto job = print_receipt(
        [&] { return receipts::test_page(profile, settings_, layout_options(false)); }, name,
        "Test page", "");
    return said_printed(job, "Test page " + name, "Test page " + name);
}

namespace {

bool unfinished(db::PrintJobState state) {
    return state == db::PrintJobState::waiting || state == db::PrintJobState::failed;
}

}  // namespace

pos::Status Terminal::handle(const RetryPrint& intent) {
    if (!user_)
        return pos::not_allowed("Log in first to print again");
    auto& queue = services_.devices.print_queue();
    std::string id = intent.job_id;
    if (id.empty()) {  // the newest job waiting or failed
        for (const auto& job : queue.recent(50)) {
            if (unfinished(job.state)) {
                id = job.id;
                break;
            }
        }
        if (id.empty())
            return pos::not_found("No print job is waiting or failed");
    }
    const auto job = queue.find(id);
    if (!job)
        return pos::not_found("There is no print job " + id);
    if (auto s = queue.retry(id); !s)
        return s;
    settle_devices();
    const std::string what = job->title + " " + job->name;
    return said_printed(id, what, what);
}

pos::Status Terminal::handle(const ReprintJob& intent) {
    if (!user_)
        return pos::not_allowed("Log in first to reprint");
    auto& queue = services_.devices.print_queue();
    auto copy = queue.reprint(intent.job_id);
    if (!copy)
        return copy.error();
    settle_devices();
    const auto job = queue.find(*copy);
    const std::string what = job ? job->title + " " + job->name : "The copy";
    return said_printed(*copy, what, what);
}

pos::Status Terminal::handle(const DismissPrintProblem&) {
    services_.devices.print_queue().dismiss_problem();
    return pos::ok();
}

pos::Status Terminal::handle(const ClearDeviceError& intent) {
    services_.devices.clear_error(intent.device_id);
    message_ = {MessageKind::info, "Error cleared on " + intent.device_id};
    return pos::ok();
}

// The virtual printer's paper and cover, as a clerk would open and refill a real one.
pos::Status Terminal::handle(const SetVirtualPrinter& intent) {
    auto& printer = services_.devices.virtual_printer();
    auto status = printer.status();
    status.known = true;
    status.online = true;
    status.paper_out = intent.paper_out;
    status.cover_open = intent.cover_open;
    printer.set_status(status);
    settle_devices();
    message_ = {MessageKind::info, "Virtual printer: " + drivers::describe(status)};
    return pos::ok();
}

}  // namespace ui
