// Returns: what of a completed sale can still come back, what each returned unit refunds, and
// which of the sale's tenders the refund goes back to. Pure functions over tickets; the use
// cases in pos/sale.hpp call them and db/ re-checks the quantities and tender caps inside the
// transaction that completes the return (two terminals may return the same line at once).
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "pos/money.hpp"
#include "pos/product.hpp"
#include "pos/quantity.hpp"
#include "pos/result.hpp"
#include "pos/return_terms.hpp"
#include "pos/tax.hpp"
#include "pos/ticket.hpp"

namespace pos {

// A receipt number as typed or scanned: "T01-000042", or with the store it was sold in,
// "S001-T01-000042" (the receipt barcode carries that form).
struct ReceiptReference {
    std::string store_code;      // empty when not given
    std::string receipt_number;  // "T01-000042"
};
// bad_input for anything else: "'X42' is not a receipt number: they look like T01-000042".
Result<ReceiptReference> parse_receipt_reference(std::string_view text);

// A completed sale opened for a return, with what earlier returns already took from it.
struct OriginalTicket {
    Ticket ticket;
    std::map<std::string, std::int64_t> returned_milli;  // by line id, over all earlier returns
    std::vector<Payment> refunds;  // earlier refund payments against it (negative amounts)
    std::string post_voided_by;    // receipt number of its post-void; empty when none
};

struct ReturnableLine {
    std::size_t index = 0;  // in the original ticket's lines
    Quantity sold;
    Quantity returned;    // on earlier returns and on the ticket being built
    Quantity returnable;  // sold - returned; zero for voided lines and return lines
    Money paid;           // what the whole line cost after promotions and discounts (gross)
    Money unit_refund;    // what one more unit refunds now (for display; the last unit may differ)
};

// Every line of the original, with what can still be returned. `in_progress` is the ticket being
// built: its return lines against this original count as returned.
std::vector<ReturnableLine> returnable_lines(const OriginalTicket& original,
                                             const Ticket& in_progress);

// The refund for `quantity` more of a sold line when `already_returned` of it came back before:
// the line's gross and tax shared out cumulatively (gross * (r + q) / sold - gross * r / sold), so
// all the returns of a line add up exactly to what was paid for it, tax included. Negative.
LineAmounts refund_amounts(const TicketLine& sold, Quantity already_returned, Quantity quantity);

// A ready return line for `quantity` of original line `index` (amounts negative, ReturnOf set),
// or why not: a voided line, more than remains returnable (naming how many), zero, a post-voided
// ticket, a fractional quantity of a counted item.
Result<TicketLine> make_return_line(const OriginalTicket& original, std::size_t index,
                                    Quantity quantity, ReturnReason reason,
                                    Disposition disposition, const Ticket& in_progress,
                                    std::string line_id);

// A return line without a receipt: refunded at `unit_price` (the lowest price of the last N
// days), tax reversed at the product's rate. Negative amounts; ReturnOf has no original.
TicketLine make_unreceipted_return_line(const Product& product, Money unit_price,
                                        Quantity quantity, ReturnReason reason,
                                        Disposition disposition, std::string customer,
                                        PricingMode pricing, std::string line_id);

// Phone or ID as keyed -> digits and upper-case letters only; bad_input when fewer than 6 remain.
Result<std::string> normalise_customer_key(std::string_view keyed);

// A tender of an original sale that a refund may go back to.
struct RefundTender {
    std::string original_ticket_id;
    std::string original_receipt;
    PaymentMethod method = PaymentMethod::cash;
    std::string reference;   // card reference, or gift card / store credit account
    std::string card_last4;  // card only
    Money paid;              // what the sale took on it (cash: net of change and rounding)
    Money refunded;          // what earlier refunds and this ticket's refunds gave back (>= 0)
    Money available() const { return paid - refunded; }
};

// The original's tenders, one per method and reference, in the order a refund uses them by
// default: cards first, then gift cards and store credit, then cash. `in_progress`' refund
// payments against the original count as refunded.
std::vector<RefundTender> refund_tenders(const OriginalTicket& original, const Ticket& in_progress);

// The refund of `amount` (positive) spread over the tenders in their order, each taking at most
// what is available: negative payments with refund_of set (ids left empty for the caller).
// not_allowed when the tenders cannot take it all, naming what they can.
Result<std::vector<Payment>> plan_refund(const std::vector<RefundTender>& tenders, Money amount);

}  // namespace pos
