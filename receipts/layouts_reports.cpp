// The store's own documents: the approval slip, X and Z reports, and the printer test page.
#include <algorithm>
#include <string>

#include "pos/money.hpp"
#include "pos/till_report.hpp"
#include "receipts/layout_parts.hpp"
#include "receipts/layouts.hpp"
#include "receipts/printer_profile.hpp"
#include "receipts/text_receipt.hpp"

namespace receipts {

namespace {

using parts::Builder;

// Who asked for the approval: the ticket's clerk, or a staff number when someone else did.
std::string requested_by(const pos::Ticket& ticket, const pos::ApprovalGrant& grant) {
    if (grant.requested_by == ticket.clerk().id)
        return ticket.clerk().name;
    return "Staff #" + std::to_string(grant.requested_by);
}

// One section of a report: a bold heading, then label, count and amount per row. Amounts are
// padded to the report's widest so that the counts line up in one column.
void report_section(Builder& out, const std::string& heading,
                    const std::vector<ReportFigures::Amount>& amounts, int amount_width) {
    out.text(heading, parts::bold_text);
    if (amounts.empty())
        out.text("  None");
    for (const auto& a : amounts) {
        const std::string amount = pos::format_amount(a.amount);
        out.row(
            "  " + a.label, std::to_string(a.count),
            std::string(static_cast<std::size_t>(amount_width - text_width(amount)), ' ') + amount);
    }
    out.rule();
}

int widest_amount(const ReportFigures& figures) {
    int widest = 0;
    for (const auto* section :
         {&figures.sales, &figures.taxes, &figures.tenders, &figures.clerks, &figures.hours}) {
        for (const auto& a : *section)
            widest = std::max(widest, text_width(pos::format_amount(a.amount)));
    }
    return widest;
}

// A terminal's first report covers everything since its first entry: from_ms is 0 then.
std::string report_start(const ReportFigures& figures, const LayoutOptions& options) {
    if (figures.from_ms == 0)
        return "first entry";
    return format_local_time(figures.from_ms, options.utc_offset_minutes);
}

// The store's own papers carry no customer footer.
LayoutOptions without_footer(LayoutOptions options) {
    options.footer.clear();
    return options;
}

std::string paper_name(const Paper& paper) {
    return std::string(paper.dots <= paper_58mm.dots ? "58 mm" : "80 mm") + ", " +
           std::to_string(paper.columns) + " columns, " + std::to_string(paper.dots) + " dots";
}

std::string yes_no(bool value) {
    return value ? "yes" : "no";
}

void test_styles(Builder& out) {
    out.text("Styles", parts::bold_text);
    out.text("Normal text");
    out.text("Bold text", parts::bold_text);
    out.text("Double height", {false, false, true, Align::left});
    out.text("Double width", {false, true, false, Align::left});
    out.text("Big bold", {true, true, true, Align::left});
    out.text("Left");
    out.text("Centre", parts::centred);
    out.text("Right", {false, false, false, Align::right});
    out.row("Row: left", "2 x 1.50", "3.00 A");
    out.rule(U'=');
}

// Characters the encoder must find a code page for, and one (the curly quotes) that none has.
void test_characters(Builder& out, const PrinterProfile& profile) {
    out.text("Code pages", parts::bold_text);
    for (const auto& slot : profile.code_pages)
        out.text("  " + std::string(to_string(slot.page)) + " (ESC t " +
                 std::to_string(slot.escpos_number) + ")");
    out.text("Accents: àáâäçèéêëìíîïñòóôöùúûüÿß");
    out.text("Capitals: ÀÁÂÄÇÈÉÊËÌÍÎÏÑÒÓÔÖÙÚÛÜ");
    out.text("Crème brûlée, Smørrebrød, Straße");
    out.text("Euro: € 12.34");
    out.text("Cyrillic: Привет, мир! Ёё Щщ");
    out.text("Curly quotes: “quoted” and ‘single’");
    out.rule();
}

}  // namespace

Document approval_slip(const pos::Ticket& ticket, const pos::ApprovalGrant& grant,
                       const pos::StoreSettings& store, const LayoutOptions& given) {
    const LayoutOptions options = without_footer(given);
    Builder out(options.paper);
    parts::store_header(out, store, options);
    out.text("APPROVAL", parts::heading);
    out.rule();
    out.labelled("Receipt",
                 ticket.receipt_number().empty() ? "not yet completed" : ticket.receipt_number());
    out.labelled("Terminal", ticket.terminal_id());
    out.labelled("Time", format_local_time(grant.at_ms, options.utc_offset_minutes));
    out.labelled("Rule", std::string(pos::describe(grant.permission)));
    out.labelled("Amount", std::string(ticket.currency().iso()) + " " +
                               parts::amount(grant.amount_minor, ticket.currency()));
    out.labelled("Requested by", requested_by(ticket, grant));
    out.labelled("Approved by", grant.approver_name);
    out.labelled("Reason", grant.reason);
    out.rule();
    out.feed(2);
    out.text("Signature ______________________");
    parts::ending(out, options);
    return out.take();
}

Document shift_report(const ReportFigures& figures, const pos::StoreSettings& store,
                      const LayoutOptions& given) {
    const LayoutOptions options = without_footer(given);
    Builder out(options.paper);
    parts::store_header(out, store, options);
    if (figures.final) {
        out.text("Z report No. " + std::to_string(figures.number), parts::heading);
        out.text("End of day: totals reset", parts::centred);
    } else {
        out.text("X report", parts::heading);
        out.text("A reading: nothing is reset", parts::centred);
    }
    out.rule();
    out.labelled("Terminal", figures.terminal_id);
    out.labelled("Business day", pos::day_text(figures.business_day));
    out.labelled("From", report_start(figures, options));
    out.labelled("To", format_local_time(figures.to_ms, options.utc_offset_minutes));
    out.labelled("Run by", figures.run_by);
    out.rule(U'=');
    const int width = widest_amount(figures);
    report_section(out, "SALES", figures.sales, width);
    report_section(out, "TAXES", figures.taxes, width);
    report_section(out, "TENDERS", figures.tenders, width);
    report_section(out, "CLERKS", figures.clerks, width);
    report_section(out, "HOURS", figures.hours, width);
    parts::ending(out, options);
    return out.take();
}

Document test_page(const PrinterProfile& profile, const pos::StoreSettings& store,
                   const LayoutOptions& given) {
    const LayoutOptions options = without_footer(given);
    Builder out(options.paper);
    parts::store_header(out, store, options);
    out.text("PRINTER TEST", parts::heading);
    out.text(profile.name, parts::centred);
    out.rule(U'=');
    out.labelled("Paper", paper_name(options.paper));
    out.labelled("Cutter", yes_no(profile.cutter));
    out.labelled("QR codes", yes_no(profile.qr));
    out.labelled("Code128", yes_no(profile.code128));
    out.rule();
    test_styles(out);
    test_characters(out, profile);
    const std::string reference = store.store_code.empty()
                                      ? store.terminal_id + "-000000"
                                      : store.store_code + "-" + store.terminal_id + "-000000";
    out.add(Barcode{reference, true});
    out.add(QrCode{reference});
    parts::ending(out, options);
    return out.take();
}

}  // namespace receipts
