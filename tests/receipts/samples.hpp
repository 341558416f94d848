// Sample tickets, reports and printer profiles, and every layout built from them on both paper
// widths: the documents the text, ESC/POS and PNG golden tests all encode.
#pragma once

#include <string>
#include <vector>

#include "pos/ticket.hpp"
#include "pos/till.hpp"
#include "receipts/document.hpp"
#include "receipts/layouts.hpp"
#include "receipts/printer_profile.hpp"

namespace samples {

// Milk x3, wine, weighed bananas and a long accented pastry name; paid 50.00 cash, EUR.
pos::Ticket sale();
// A promotion, a discount, a price override, a voided line, and card + gift card + cash with
// cash rounding.
pos::Ticket full_sale();
// 1,234,567.89 of one thing, a euro sign and Cyrillic in names, paid by card.
pos::Ticket big_sale();
// Two lines back from T01-000004 and one without a receipt; to the card and store credit.
pos::Ticket a_return();
// A faulty bottle back for a dearer one; the customer pays the difference in cash.
pos::Ticket exchange_customer_pays();
// A bottle back for milk; the difference back to the card, with an approval.
pos::Ticket exchange_refund();
// T01-000004 reversed whole, with its approval.
pos::Ticket post_void();

receipts::ReportFigures x_report();
receipts::ReportFigures z_report();  // "Z report No. 12"
// Shift 3, opened by Alex Martin with a 150.00 float, closed 22.30 short in cash with card
// balanced; Morgan Lee approved it with a reason.
pos::Shift till_shift();
pos::ShiftClose till_close();
// A printer with every code page, as find_profile("virtual") describes it.
receipts::PrinterProfile virtual_printer();

receipts::LayoutOptions options(const receipts::Paper& paper);

struct Sample {
    std::string name;  // "sale-80", "gift-58": its golden files are tests/golden/receipts/NAME.*
    receipts::Document document;
};
// Every layout on 80 mm and 58 mm paper.
std::vector<Sample> all();

}  // namespace samples
