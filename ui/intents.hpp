// What a clerk asks for. Draw functions return these; scripted sessions produce them from text
// lines; the Terminal applies them through the pos/ use cases. Nothing here knows about ImGui.
#pragma once

#include <cstddef>
#include <string>
#include <variant>

#include "pos/till.hpp"

namespace ui {

struct LogIn {
    std::string staff_code;
    std::string pin;
};
struct LogOut {};
struct Scan {
    std::string code;      // as scanned or keyed, untrimmed
    std::string quantity;  // optional: "3", or kilograms "0.450" for weighed items
};
struct Search {
    std::string text;  // updated as the clerk types; empty clears the results
};
struct PickResult {
    std::size_t index = 0;  // 0-based row of the current search results
    std::string quantity;
};
struct SelectLine {
    std::size_t index = 0;
};
struct SetQuantity {
    std::string quantity;  // applies to the selected line (the newest line by default)
};
struct VoidLine {  // voids the selected line: it stays on the ticket, struck through
    std::string reason;
};
// A discount keyed as "10%" (percent) or "2.00" (amount), on the selected line or the ticket.
struct DiscountLine {
    std::string discount;
};
struct DiscountTicket {
    std::string discount;
};
// A new unit price for the selected line; a manager approves with their code and PIN unless the
// clerk is a manager.
struct OverridePrice {
    std::string unit_price;
    std::string approver_code;
    std::string approver_pin;
    std::string reason;
};
struct VoidTicket {
    std::string reason;
};
struct NoSale {
    std::string reason;
};
struct Suspend {
    std::string label;  // helps find it again: "blue coat"
};
struct ShowSuspended {};  // the list of suspended sales
struct ResumeTicket {
    std::string ticket_id;
};
struct Pay {};         // to the tender screen
struct BackToSale {};  // leave the tender screen (or the suspended list) without paying
struct TenderCash {
    std::string amount;         // "20", "20.00"
    bool part_payment = false;  // less than due, the rest on another tender
};
struct TenderCard {
    std::string amount;  // as charged on the external payment terminal
    std::string reference;
    std::string last4;
};
struct TenderGiftCard {
    std::string account;
    std::string amount;  // empty: as much as the card holds, up to what is due
};
struct TenderStoreCredit {
    std::string account;
    std::string amount;
};
// --- Returns, exchanges, finding tickets, post-void ---
struct StartReturn {};  // to the return screen; return lines join the open ticket (an exchange)
struct OpenReceipt {    // a receipt number typed or scanned: its lines, to pick what comes back
    std::string receipt;
};
struct ReturnItem {           // a line of the open receipt
    std::size_t index = 0;    // 0-based line of the original receipt
    std::string quantity;     // empty: 1 (or the whole weight of a weighed line)
    std::string reason;       // pos::ReturnReason name: "faulty"
    std::string disposition;  // pos::Disposition name: "restock"
};
struct ReturnWithoutReceipt {
    std::string code;  // the item's barcode or PLU
    std::string quantity;
    std::string reason;
    std::string disposition;
    std::string customer;  // phone or ID, for the per-customer limits
};
struct ShowTicketSearch {};  // the find-a-ticket screen
// Every field optional. Times are the store's local time: "2026-11-23 14:00" or "14:00" (today).
struct FindTickets {
    std::string from;
    std::string to;
    std::string amount;  // the ticket's total: "12.34"
    std::string card;    // a card reference or last four digits
    std::string item;    // a product code or words of its name
};
struct OpenFound {  // a row of the found tickets: shown as it was printed; can start a return
    std::size_t index = 0;
};
struct PostVoid {  // the receipt open on the return screen
    std::string reason;
};
// While a refund is due: method "" gives all of it back to the original tenders; otherwise
// "cash", "card", "gift", "credit" with an optional amount and reference (card reference or
// account; credit with no account opens a new store credit account).
struct Refund {
    std::string method;
    std::string amount;
    std::string reference;
};
// --- Approvals: answer the approval dialog for whatever is pending ---
struct Approve {
    std::string staff_code;
    std::string pin;
    std::string badge;  // scanned instead of code and PIN
    std::string reason;
};
struct Decline {
    std::string staff_code;
    std::string pin;
    std::string badge;
    std::string reason;
};
struct CancelApproval {};
// The receipt of the completed ticket (or the one shown in ticket search) printed again: a copy
// marked COPY, or a gift receipt with no prices.
struct Reprint {};
struct GiftReceipt {};
struct NewSale {};
struct DismissMessage {};
struct Quit {};  // close the window; handled by the window itself

// Devices. A code from a scanner (USB, the on-screen scanner, or a keyboard-wedge burst the
// window recognised by key timing): the Terminal routes it where the clerk expects: the
// approval dialog's badge, the receipt field on the return screen, ticket search, or the sale.
struct Scanned {
    std::string code;
    std::string symbology;  // AIM id ("]E0") when the scanner sent one
    std::string device;     // DeviceInfo::id, for the log
};
struct ShowDevices {};  // the devices screen; BackToSale leaves it
struct TestPrint {};    // a printer test page through the print queue
struct OpenDrawer {     // a drawer pulse outside a cash sale: a no-sale, journaled with a reason
    std::string reason;
};
struct RetryPrint {  // a waiting or failed job sent again
    std::string job_id;
};
struct ReprintJob {  // a new copy of a stored job
    std::string job_id;
};
struct DismissPrintProblem {};  // hide the print banner; the job stays in the queue
struct ClearDeviceError {
    std::string device_id;
};
// The virtual printer's paper / cover, for demonstrations and scripted sessions without hardware.
struct SetVirtualPrinter {
    bool paper_out = false;
    bool cover_open = false;
};

// Head-office sync: the sync screen (tapping the status bar's head-office line; BackToSale
// leaves it), and a round at once instead of at the next scheduled one.
struct ShowSync {};
struct SyncNow {};

// --- Stock lookup (staff on the floor; any logged-in role). BackToSale leaves it. ---
struct ShowLookup {};
struct LookupSearch {  // as typed: name words, brand, or a code; a whole known code opens it
    std::string text;
};
struct LookupPick {  // a row of the lookup results: price, promotion, stock everywhere
    std::size_t index = 0;
};
struct LookupLive {};  // ask head office now for every store's figures (online only)
// Ask head office to hold the product at another store for a customer ("hold"), or to transfer
// it here ("transfer"). The attached customer (if any) is named on the request.
struct RequestStock {
    std::string kind;      // "hold" or "transfer"
    std::string store;     // the store that has it: "S002"
    std::string quantity;  // "1"
    std::string note;
};
struct AddLookedUp {  // the product shown goes onto the sale (back to the sale screen)
    std::string quantity;
};
// --- Customers. BackToSale leaves the screen. ---
struct ShowCustomers {};
struct CustomerSearch {  // name, phone, email or card, as typed
    std::string text;
};
struct PickCustomer {  // a row of the results: the customer's card (history, points, credit)
    std::size_t index = 0;
};
struct NewCustomer {};  // an empty form
// Saves the form: id empty creates. A record that looks like an existing one (same phone,
// email, card) is not saved: the screen offers to merge or use the existing one, or to save
// anyway once the clerk confirms they are different people (different_person).
struct SaveCustomer {
    std::string id;
    std::string name;
    std::string phone;
    std::string email;
    std::string card;
    std::string note;
    bool consent_email = false;
    bool consent_sms = false;
    bool consent_post = false;
    bool different_person = false;
};
// Merge: duplicate_id empty merges the form just refused (its details fill the gaps) into keep.
struct MergeCustomers {
    std::string keep_id;
    std::string duplicate_id;
};
struct AttachCustomer {  // to the open ticket; id empty: the customer shown
    std::string id;
};
struct DetachCustomer {};
struct TenderPoints {  // the attached customer's loyalty points; amount empty: as much as covers
    std::string amount;
};
struct AddSuggestion {  // a suggestion shown on the sale screen
    std::size_t index = 0;
};
// --- Interactions (inquiries, complaints, requests). BackToSale leaves the screen. ---
struct ShowInteractions {};  // the store's open ones, follow-ups first
struct PickInteraction {
    std::size_t index = 0;
};
// id empty opens a new one for the customer shown or attached (if any); otherwise updates it.
// Fields as pos::InteractionDraft.
struct SaveInteraction {
    std::string id;
    std::string kind;
    std::string category;
    std::string said;
    std::string done;
    std::string status;
    std::string follow_up;
    std::string receipt;
};
// Resolving a complaint with a return or exchange: the return screen opens with its receipt;
// when that ticket completes, the interaction records it and is resolved.
struct ResolveWithReturn {
    std::string id;
};
// --- Special orders. BackToSale leaves the screen. ---
struct ShowSpecialOrders {};
// For the attached customer: the product (code), quantity, deposit ("" = the minimum), expected
// date ("2026-12-01" or "+7"). Puts its deposit line on the (empty) ticket, ready to pay.
struct CreateSpecialOrder {
    std::string code;
    std::string quantity;
    std::string deposit;
    std::string expected;
    std::string note;
};
struct TakeDeposit {  // an order still awaiting its deposit
    std::string number;
};
struct OrderArrived {
    std::string number;
};
struct CancelOrder {
    std::string number;
};
struct PickUpOrder {  // the order's item onto the sale; Pay then takes the deposit first
    std::string number;
};

// --- Tills (terminal_till.cpp). BackToSale leaves the screen. ---
struct ShowTill {};
// Opens this terminal's till with the float counted by denomination: "50.00x2 20.00x5 1.00x20"
// (pos::parse_cash_count).
struct OpenTill {
    std::string count;
};
// Paid in / paid out (a reason), drop to the safe, pickup; cash out of the drawer may need
// approval (Permission::cash_paid_out).
struct MoveCash {
    pos::CashMovementKind kind = pos::CashMovementKind::paid_in;
    std::string amount;
    std::string reason;
};
// The blind close: the cash counted by denomination and the card terminal's batch total. The
// expected figures are shown only after this; beyond the store's threshold the close waits for
// an approver (Permission::over_short) whose reason is kept with it. Needs close_till.
struct CloseTill {
    std::string cash_count;
    std::string card_total;
};
struct PrintTillClose {};  // the last close's slip, again
// --- Reports and the dashboard (terminal_reports.cpp). BackToSale leaves the screens. ---
struct ShowReports {};
struct RunXReport {};   // on screen; changes nothing
struct RunZReport {};   // ends the day: numbered, stored, journaled, printed
struct PrintReport {};  // the report on screen, on the printer
struct ShowZReport {    // an earlier Z, by number
    std::int64_t number = 0;
};
struct ShowDashboard {};
struct ExportDashboard {};  // today's dashboard as CSV into the export folder

using Intent = std::variant<
    LogIn, LogOut, Scan, Search, PickResult, SelectLine, SetQuantity, VoidLine, DiscountLine,
    DiscountTicket, OverridePrice, VoidTicket, NoSale, Suspend, ShowSuspended, ResumeTicket, Pay,
    BackToSale, TenderCash, TenderCard, TenderGiftCard, TenderStoreCredit, StartReturn, OpenReceipt,
    ReturnItem, ReturnWithoutReceipt, ShowTicketSearch, FindTickets, OpenFound, PostVoid, Refund,
    Approve, Decline, CancelApproval, Reprint, GiftReceipt, NewSale, DismissMessage, Quit, Scanned,
    ShowDevices, TestPrint, OpenDrawer, RetryPrint, ReprintJob, DismissPrintProblem,
    ClearDeviceError, SetVirtualPrinter, ShowSync, SyncNow, ShowLookup, LookupSearch, LookupPick,
    LookupLive, RequestStock, AddLookedUp, ShowCustomers, CustomerSearch, PickCustomer, NewCustomer,
    SaveCustomer, MergeCustomers, AttachCustomer, DetachCustomer, TenderPoints, AddSuggestion,
    ShowInteractions, PickInteraction, SaveInteraction, ResolveWithReturn, ShowSpecialOrders,
    CreateSpecialOrder, TakeDeposit, OrderArrived, CancelOrder, PickUpOrder, ShowTill, OpenTill,
    MoveCash, CloseTill, PrintTillClose, ShowReports, RunXReport, RunZReport, PrintReport,
    ShowZReport, ShowDashboard, ExportDashboard>;

}  // namespace ui
