// The till close slip: what the shift held, what was counted, and the over/short per tender.
#include <string>

#include "pos/money.hpp"
#include "pos/till.hpp"
#include "pos/till_report.hpp"
#include "receipts/layout_parts.hpp"
#include "receipts/layouts.hpp"
#include "receipts/text_receipt.hpp"

namespace receipts {

namespace {

using parts::Builder;

// The till's currency: the float's, or the first tender's when the float was never set.
pos::Currency currency_of(const pos::Shift& shift, const pos::ShiftClose& close) {
    if (shift.float_amount.currency().code[0] != '\0' || close.tenders.empty())
        return shift.float_amount.currency();
    return close.tenders.front().expected.currency();
}

// Who and when: the shift's opening and its close.
void shift_details(Builder& out, const pos::Shift& shift, const pos::ShiftClose& close,
                   const LayoutOptions& options) {
    out.labelled("Terminal", close.terminal_id.empty() ? shift.terminal_id : close.terminal_id);
    out.labelled("Opened by", shift.opened_by_name);
    out.labelled("Opened", format_local_time(shift.opened_at_ms, options.utc_offset_minutes));
    out.labelled("Closed by", close.closed_by_name);
    out.labelled("Closed", format_local_time(close.closed_at_ms, options.utc_offset_minutes));
    out.labelled("Float", pos::format_amount(shift.float_amount));
    out.rule();
}

// The blind count, one row per denomination ("20.00 x 5", 100.00), values right-aligned, and its
// total. Each row's figure is pos's CashCount::total_minor of that one denomination: no sums made
// here.
void cash_count(Builder& out, const pos::CashCount& count, const pos::Currency& currency) {
    out.text("CASH COUNT", parts::bold_text);
    if (count.counts.empty())
        out.text("  Empty drawer");
    const int width = count.counts.empty()
                          ? 0
                          : text_width(parts::amount(count.counts.front().value_minor, currency));
    for (const auto& c : count.counts) {
        const pos::CashCount one{{c}};
        const std::string value = parts::amount(c.value_minor, currency);
        const std::string padding(static_cast<std::size_t>(width - text_width(value)), ' ');
        out.row("  " + padding + value + " x " + std::to_string(c.count), "",
                parts::amount(one.total_minor(), currency));
    }
    out.row("  Counted", "", parts::amount(count.total_minor(), currency), true);
    out.rule();
}

std::string difference_label(const pos::Money& difference) {
    if (difference.is_negative())
        return "  Short";
    return difference.is_zero() ? "  Balanced" : "  Over";
}

// Per tender: what the shift expected, what was counted, and the difference (short negative).
void tenders(Builder& out, const std::vector<pos::TenderDifference>& differences) {
    out.text("OVER / SHORT", parts::bold_text);
    for (const auto& d : differences) {
        out.text(pos::tender_label(d.method), parts::bold_text);
        out.row("  Expected", "", pos::format_amount(d.expected));
        out.row("  Counted", "", pos::format_amount(d.counted));
        const pos::Money difference = d.difference();
        out.row(difference_label(difference), "", pos::format_amount(difference), true);
    }
    out.rule();
}

// Who accepted a difference beyond the store's threshold, and why.
void approval(Builder& out, const pos::ShiftClose& close) {
    if (close.approved_by == 0 && close.reason.empty())
        return;
    if (close.approved_by != 0)
        out.labelled("Approved by", close.approver_name);
    if (!close.reason.empty())
        out.labelled("Reason", close.reason);
    out.rule();
}

}  // namespace

Document till_close_slip(const pos::Shift& shift, const pos::ShiftClose& close,
                         const pos::StoreSettings& store, const LayoutOptions& given) {
    LayoutOptions options = given;
    options.footer.clear();  // the store's own paper carries no customer footer
    Builder out(options.paper);
    parts::store_header(out, store, options);
    out.text("TILL CLOSE", parts::heading);
    out.text("Shift No. " + std::to_string(close.shift_number), parts::centred);
    out.rule();
    shift_details(out, shift, close, options);
    cash_count(out, close.cash_count, currency_of(shift, close));
    tenders(out, close.tenders);
    out.text(pos::describe_differences(close.tenders));
    out.rule();
    approval(out, close);
    out.feed(2);
    out.text("Counted by _____________________");
    out.feed(1);
    out.text("Checked by _____________________");
    parts::ending(out, options);
    return out.take();
}

}  // namespace receipts
