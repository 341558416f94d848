// Receipts at the till: once a ticket is durable its receipt is laid out (receipts/), printed to
// the virtual printer as text, PNG and ESC/POS, and shown on the completed screen. A copy (marked
// COPY) and a gift receipt (no prices) print the same way under names of their own, so nothing
// printed is ever overwritten.
#include <exception>

#include "receipts/escpos.hpp"
#include "receipts/logo.hpp"
#include "receipts/png.hpp"
#include "receipts/text.hpp"
#include "ui/terminal.hpp"
#include "ui/terminal_text.hpp"

namespace ui {

namespace {

// The virtual printer takes every feature, so its .escpos file shows everything a receipt has.
constexpr const char* spool_profile = "virtual";

// One receipt as it went to the spool.
struct PrintedReceipt {
    std::string text;
    std::optional<receipts::Raster> raster;  // none when the fonts could not be loaded
    drivers::PrintOutcome outcome;
    std::string status;  // for the completed screen: what was printed where, or why not
};

std::vector<std::uint8_t> bytes_of(const std::string& text) {
    return {text.begin(), text.end()};
}

// "Printed T01-000001 (.txt .png .escpos) to /data/spool"; "Not printed: <why>".
std::string print_status(const std::string& name, const drivers::PrintOutcome& outcome,
                         const std::string& missing) {
    if (!outcome.printed)
        return "Not printed: " + outcome.message;
    std::string kinds;
    for (const auto& file : outcome.files)
        kinds += (kinds.empty() ? "" : " ") + file.extension().string();
    std::string status =
        "Printed " + name + " (" + kinds + ") to " + outcome.file.parent_path().string();
    return missing.empty() ? status : status + "; " + missing;
}

// The document as text, PNG and ESC/POS, in one spool job named `name`. Nothing here throws
// past the caller's guard: the ticket is already stored, and printing may fail alone.
PrintedReceipt print_document(drivers::SpoolPrinter& printer, const receipts::Document& document,
                              const std::string& name) {
    PrintedReceipt printed;
    printed.text = receipts::to_text(document);
    std::vector<drivers::SpoolFile> files{{".txt", bytes_of(printed.text)}};
    std::string missing;
    if (auto raster = receipts::render_raster(document)) {
        files.push_back({".png", receipts::encode_png(*raster)});
        printed.raster = std::move(raster).value();
    } else {
        missing = "no picture: " + raster.error().message;
    }
    if (const auto profile = receipts::find_profile(spool_profile)) {
        files.push_back({".escpos", receipts::encode_escpos(document, *profile)});
    }
    printed.outcome = printer.print_job(name, files);
    printed.status = print_status(name, printed.outcome, missing);
    return printed;
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

}  // namespace

void Terminal::load_logo() {
    if (settings_.receipt_logo.empty())
        return;
    auto logo = receipts::load_logo(settings_.receipt_logo, receipts::paper_80mm.dots);
    if (logo)
        logo_ = std::move(logo).value();
    else
        logo_problem_ = logo.error().message;
}

receipts::LayoutOptions Terminal::layout_options(bool copy) const {
    receipts::LayoutOptions options;
    options.paper = receipts::paper_80mm;
    options.header = settings_.receipt_header;
    options.footer = settings_.receipt_footer;
    options.logo = logo_;
    options.utc_offset_minutes = services_.utc_offset_minutes;
    options.copy = copy;
    return options;
}

drivers::PrintOutcome Terminal::print_receipt(const std::function<receipts::Document()>& layout,
                                              const std::string& name, const std::string& title) {
    PrintedReceipt printed;
    try {
        printed = print_document(services_.printer, layout(), name);
    } catch (const std::exception& failure) {
        printed.outcome = {
            false, {}, "the receipt could not be made: " + std::string(failure.what()), {}};
        printed.status = "Not printed: " + printed.outcome.message;
    }
    print_status_ = printed.status;
    if (!logo_problem_.empty())
        print_status_ += " (" + logo_problem_ + ")";
    if (screen_ == Screen::completed) {  // the completed screen shows what was printed last
        receipt_text_ = std::move(printed.text);
        preview_ = picture_of(std::move(printed.raster), preview_.version + 1);
        preview_title_ = title;
    }
    return printed.outcome;
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
    const auto outcome =
        print_receipt([&] { return receipts::ticket_receipt(t, settings_, layout_options(false)); },
                      t.receipt_number(), "Receipt");
    if (outcome.printed) {
        message_ = {MessageKind::info, done};
    } else {
        message_ = {MessageKind::error, done + ", but its receipt was not printed: " +
                                            outcome.message + ". Tap Reprint to try again."};
    }
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
    const std::string name = services_.printer.unused_name(t.receipt_number() + "-copy");
    const auto outcome = print_receipt(
        [&] { return receipts::ticket_receipt(t, settings_, layout_options(true)); }, name, "Copy");
    if (!outcome.printed)
        return pos::not_allowed("The copy of " + t.receipt_number() +
                                " was not printed: " + outcome.message);
    message_ = {MessageKind::info, "Copy of " + t.receipt_number() + " printed"};
    return pos::ok();
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
    const std::string name = services_.printer.unused_name(t.receipt_number() + "-gift");
    const auto outcome =
        print_receipt([&] { return receipts::gift_receipt(t, settings_, layout_options(false)); },
                      name, "Gift receipt");
    if (!outcome.printed)
        return pos::not_allowed("The gift receipt for " + t.receipt_number() +
                                " was not printed: " + outcome.message);
    message_ = {MessageKind::info, "Gift receipt for " + t.receipt_number() + " printed"};
    return pos::ok();
}

}  // namespace ui
