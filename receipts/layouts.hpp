// Layouts: documents built from tickets and reports, for 80 mm (48 columns) and 58 mm (32 columns).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "pos/special_order.hpp"
#include "pos/store_settings.hpp"
#include "pos/ticket.hpp"
#include "pos/till.hpp"
#include "pos/till_report.hpp"
#include "receipts/document.hpp"

namespace receipts {

// What the store configures for every document, and how this one is printed.
struct LayoutOptions {
    Paper paper = paper_80mm;
    std::vector<std::string> header;  // extra lines under the store name ("Open 8-20 daily")
    std::vector<std::string> footer;  // "Thank you for shopping with us", returns policy
    std::optional<Image> logo;        // printed above the store name
    int utc_offset_minutes = 0;       // for printed times
    bool copy = false;                // a reprint: marked "COPY" at the top and bottom
    // The special orders the ticket's deposit lines name: the receipt says the balance due.
    std::vector<pos::SpecialOrder> special_orders{};
};

// The barcode and QR payload naming a receipt: "S001-T01-000042" (store code, receipt number),
// which pos::parse_receipt_reference reads back.
std::string receipt_reference(const pos::StoreSettings& store, const pos::Ticket& ticket);

// Sale, return, exchange or post-void, by the ticket's kind: header, lines (with savings,
// discounts, return reasons and dispositions), totals, tax table, payments and change or refunds,
// approvals, footer, the receipt-number barcode and QR, cut.
Document ticket_receipt(const pos::Ticket& ticket, const pos::StoreSettings& store,
                        const LayoutOptions& options);

// No prices or payments: items and quantities, and the barcode that allows a return.
Document gift_receipt(const pos::Ticket& ticket, const pos::StoreSettings& store,
                      const LayoutOptions& options);

// A slip for the store's records: what was approved, by whom, for whom, the rule, amount, reason.
Document approval_slip(const pos::Ticket& ticket, const pos::ApprovalGrant& grant,
                       const pos::StoreSettings& store, const LayoutOptions& options);

// X and Z reports (pos/till_report.hpp has the figures and what each row sums).
using ReportFigures = pos::ReportFigures;
// Header (store, "X REPORT" / "Z REPORT No. 12", terminal, business day, from/to, who ran it),
// then each section as label, count and amount columns, and for a Z "End of day" and a cut.
Document shift_report(const ReportFigures& figures, const pos::StoreSettings& store,
                      const LayoutOptions& options);

// The slip printed when a till closes: shift number, who opened and closed it and when, the
// float, the cash count by denomination, per tender expected / counted / over-short, and the
// approval (who, reason) when the difference was beyond the threshold.
Document till_close_slip(const pos::Shift& shift, const pos::ShiftClose& close,
                         const pos::StoreSettings& store, const LayoutOptions& options);

struct PrinterProfile;
// Every style, alignment, the code pages with sample characters, a barcode, a QR, a cut.
Document test_page(const PrinterProfile& profile, const pos::StoreSettings& store,
                   const LayoutOptions& options);

}  // namespace receipts
