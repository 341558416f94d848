// View-models: plain data for each screen, every string already formatted for display.
// Built by the Terminal from the domain; drawn by the draw functions; checked by tests.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "ui/view_models_lookup.hpp"
#include "ui/view_models_reports.hpp"
#include "ui/view_models_service.hpp"
#include "ui/view_models_till.hpp"

namespace ui {

enum class MessageKind { none, info, error };

struct Message {
    MessageKind kind = MessageKind::none;
    std::string text;
};

struct LoginUserVm {
    std::string code;  // staff code sent with LogIn
    std::string name;
    std::string role;  // "Clerk", "Manager"
};

struct LoginVm {
    std::string store_name;
    std::vector<LoginUserVm> users;
};

struct TicketLineVm {
    std::string name;
    std::string quantity;    // "2", "0.450 kg"
    std::string unit_price;  // "1.99", "2.49/kg"; an overridden price is marked "7.50*"
    std::string amount;      // what the line costs after savings and discounts: "3.98"
    std::string tax_code;    // "A"
    std::string saving;      // "3 for 2 -1.29" or "Discount -0.50"; empty when none
    bool voided = false;     // drawn struck through, amount "VOID"
    bool selected = false;
    bool is_return = false;   // a return line: amount negative, drawn in the refund colour
    std::string return_note;  // "Return of T01-000004 · Faulty · Back to stock"
};

struct SearchResultVm {
    std::string code;
    std::string name;
    std::string price;  // "1.99", "2.49/kg"
};

struct SaleVm {
    std::vector<TicketLineVm> lines;
    std::string item_count;  // "3 items"
    std::string subtotal;    // net
    std::string tax;
    std::string savings;  // "-2.58" from promotions and discounts; empty when none
    std::string total;    // large, with currency: "EUR 12.34"
    bool can_pay = false;
    bool can_edit_line = false;   // a live line is selected: Qty, Void, Discount, Price
    bool can_suspend = false;     // the sale has live lines
    bool can_resume = false;      // the sale is empty and suspended sales exist
    bool can_return = true;       // the Return button (returns join this ticket)
    std::string kind;             // "Sale", "Return", "Exchange": the ticket's heading
    bool refund_due = false;      // the total is negative: the Pay button says "Refund"
    std::string suspended_count;  // "2 suspended"; empty when none
    std::string search_text;
    std::vector<SearchResultVm> search_results;
    std::optional<CustomerBadgeVm> customer{};
    std::vector<SuggestionVm> suggestions{};
};

struct PaymentVm {
    std::string method;  // "Cash", "Card ••4242", "Gift card ••0001", "Change", "Rounding"
    std::string amount;
};

struct RefundOptionVm {
    std::string method;     // sent with Refund: "card", "gift", "credit", "cash"
    std::string reference;  // sent with Refund
    std::string label;      // "Card ending 4242 (T01-000004)", "New store credit"
    std::string available;  // "up to EUR 12.34"; empty when unlimited (store credit)
};

struct TenderVm {
    std::string total;       // "EUR 12.34"
    std::string due;         // amount still due
    std::string cash_due;    // what cash settles it, after cash rounding: "EUR 12.35"
    std::string due_amount;  // what is due as it would be keyed, "12.34": prefills a card amount
    std::vector<std::string> quick_cash;  // cash_due exact, then notes above it
    std::vector<PaymentVm> payments;      // taken so far (split tender)
    bool can_go_back = true;              // false once a payment is taken
    // A refund (the total is below zero): refund_due is what goes back, "EUR 12.34", and the
    // options are the tenders it may go back to, each with what is still available.
    bool refund = false;
    std::string refund_due;
    std::vector<RefundOptionVm> refund_options;
    // The attached customer: their points as a tender ("1,250 points (12.50)"; empty: no customer
    // or no points) and their store credit account (prefills the store credit panel).
    std::string customer_name{};
    std::string points{};
    bool can_pay_points = false;
    std::string credit_account{};
};

// A greyscale picture drawn on screen (the receipt preview). The pixels are shared, not copied:
// the view-model is rebuilt every frame.
struct PictureVm {
    int width = 0;
    int height = 0;
    std::shared_ptr<const std::vector<std::uint8_t>> grey;  // row-major, 0 black .. 255 white
    // Changes whenever the picture does, so the window uploads a texture only then.
    std::uint64_t version = 0;
    // Set by the window (an ImTextureID) once the picture is on the GPU; null in headless draws
    // and when it could not be uploaded, which show the receipt's text instead.
    void* texture = nullptr;
    bool empty() const { return !grey || width <= 0 || height <= 0; }
};

struct CompletedVm {
    // "Sale complete", "Refund complete", "Exchange complete", "Post-void complete"
    std::string title;
    std::string receipt_number;
    std::string total;
    std::string paid;
    std::string change;        // "EUR 7.66"
    std::string receipt_text;  // the plain-text receipt, as printed
    std::string print_status;  // "Printed to spool/T01-000001.txt" or why it did not print
    // What went back to the customer, "EUR 9.85", when the ticket refunded money (a return, a
    // post-void, an exchange worth less than what came back): shown large instead of the change.
    std::string refunded{};  // {}: positional initialisers without it stay warning-free
    // The receipt on show as printed (the sale's, or the copy or gift receipt printed last),
    // what it is ("Receipt", "Copy", "Gift receipt"), and the buttons under it.
    PictureVm preview{};
    std::string preview_title{};
    bool can_reprint = false;  // a copy marked COPY, under a new name in the spool
    bool can_gift = false;     // a sale with items: a gift receipt (no prices)
};

struct SuspendedRowVm {
    std::string ticket_id;  // sent with ResumeTicket
    std::string label;
    std::string detail;  // "Alex Martin · 14:02 · 3 items · EUR 12.34"
};

struct SuspendedListVm {
    std::vector<SuspendedRowVm> tickets;
};

struct Choice {
    std::string code;   // sent with the intent: "faulty"
    std::string label;  // shown: "Faulty"
};

struct ReturnLineVm {
    std::string name;
    std::string sold;         // "2", "0.450 kg"
    std::string returned;     // already returned, here and on earlier returns: "1"
    std::string returnable;   // "1"; "0" greys the row out
    std::string paid;         // what the line cost: "3.98"
    std::string unit_refund;  // what one more unit refunds: "1.99"
    bool can_return = false;
};

// The return screen: a receipt number field (scans land here), the original's lines to pick
// from, and a no-receipt form.
struct ReturnVm {
    std::string receipt;  // the open original: "T01-000004"; empty until one is opened
    std::string
        original_detail;  // "23 Nov 2026 14:02 · Alex Martin · EUR 12.34 · Card ending 4242"
    std::vector<ReturnLineVm> lines;
    std::vector<Choice> reasons;
    std::vector<Choice> dispositions;
    bool can_post_void = false;  // sold here today, nothing returned yet
    std::string basket;          // the ticket so far: "2 returned, 1 new · EUR -4.00"
    std::string
        no_receipt_policy;  // "Lowest price of the last 30 days, as store credit; approval needed"
};

struct FoundTicketVm {
    std::string receipt;  // "T01-000004"
    std::string when;     // "23 Nov 14:02"
    std::string kind;     // "Sale", "Return", ...
    std::string total;    // "EUR 12.34"
    std::string tenders;  // "Card ending 4242 12.34"
    std::string clerk;
};

// Find a ticket without its receipt; the chosen one is shown as it was printed.
struct TicketSearchVm {
    std::vector<FoundTicketVm> results;
    std::string summary;        // "3 tickets found" or "No ticket matches: ..."
    std::string shown_receipt;  // the one on show; empty when none
    std::string shown_text;     // its receipt text, as printed
    bool can_return = false;    // the one on show can be opened for a return
};

// Drawn over any screen while an action waits for an approver.
struct ApprovalVm {
    std::string title;         // "Supervisor approval needed"
    std::string what;          // "Refund EUR 62.00 (over EUR 50.00)"
    std::string rule;          // "a refund over the limit"
    std::string amount;        // "EUR 62.00"; empty when no amount is at stake
    std::string requested_by;  // "Alex Martin (Clerk)"
    std::string needed;        // "Supervisor or above"
    // A badge scanned while the dialog is open, waiting for the reason: "Badge of Jordan Diaz
    // read: key the reason, then Approve or Decline". Empty when none.
    std::string badge_read;
};

// Shown instead of the terminal when its store cannot be opened (not a Counter database, written
// by a newer version, unreadable): nothing can be sold, and the clerk needs to know why.
struct StoreProblemVm {
    std::string title;
    std::string detail;  // the store's own message, naming the file and what is wrong
    std::string advice;  // what to do about it
};

// The devices screen: what is connected, its state and last error, the print queue, and the
// actions a clerk or manager needs (test print, open drawer, retry, clear an error).
struct DeviceRowVm {
    std::string id;          // sent with ClearDeviceError
    std::string kind;        // "Printer", "Scanner", "Cash drawer"
    std::string name;        // "Epson TM-T20II"
    std::string transport;   // "USB 1-2 04b8:0e15", "virtual (spool folder ...)"
    std::string state;       // "enabled", "claimed", "closed"
    std::string status;      // "ready", "paper out", "status unknown", "disconnected"
    std::string last_error;  // empty when none
    bool problem = false;    // drawn in the warning colour
    bool in_use = false;     // the printer / scanner receipts and scans go through
};
struct PrintJobRowVm {
    std::string id;     // sent with RetryPrint / ReprintJob
    std::string name;   // "T01-000042"
    std::string title;  // "Receipt"
    std::string state;  // "printed", "waiting: paper out", "failed: not confirmed"
    std::string time;   // "14:02"
    bool can_retry = false;
    bool can_reprint = false;
};
struct DevicesVm {
    std::vector<DeviceRowVm> devices;
    std::vector<PrintJobRowVm> jobs;  // newest first
    std::vector<std::string> log;     // recent device log lines, newest last
    std::string printer;              // "Receipts print on: Spool printer (profile virtual)"
    std::string drawer;               // "Drawer closed", "Drawer open", "Drawer: unknown"
    std::string usb_problem;          // why USB is unavailable; empty when fine
    bool can_test_print = false;
    bool can_open_drawer = false;
    bool virtual_printer_in_use = false;  // shows the paper out / cover open switches
    bool virtual_paper_out = false;
    bool virtual_cover_open = false;
};

// Head-office sync, as the status bar shows it on every screen: one line (tap it for the sync
// screen) and, while a first or full catalogue load runs, a progress bar under the bar (the
// terminal keeps selling with what is loaded).
enum class SyncTone { off, good, waiting, problem };  // grey, green, amber, red
struct SyncProgressVm {
    std::string text;  // "Loading catalogue 340,000 of 1,000,000"
    std::int64_t done = 0;
    std::int64_t total = 0;
};
struct SyncBarVm {
    // "Head office: online · 0 waiting · synced 12:04", "Head office: offline · 3 waiting · last
    // sync 11:50 — no answer from head office: ...", "Not connected to head office",
    // "Credentials revoked — ask head office to enrol this terminal again"
    std::string text = "Not connected to head office";
    SyncTone tone = SyncTone::off;
    std::optional<SyncProgressVm> progress;
};

// The sync screen: the state in a word, its details and "Sync now".
struct SyncRowVm {
    std::string label;  // "Waiting to send"
    std::string value;  // "3 journal entries"
    bool problem = false;
};
struct SyncVm {
    std::string headline;  // "Online", "Offline", "Connecting", "Not connected", ...
    std::string advice;    // what it means for the clerk, one or two sentences
    SyncTone tone = SyncTone::off;
    std::vector<SyncRowVm> rows;  // head office, store and terminal, queue, last success, ...
    std::optional<SyncProgressVm> progress;
    bool can_sync_now = false;
};

using ScreenVm =
    std::variant<LoginVm, SaleVm, TenderVm, CompletedVm, SuspendedListVm, StoreProblemVm, ReturnVm,
                 TicketSearchVm, DevicesVm, SyncVm, LookupVm, CustomersVm, InteractionsVm,
                 SpecialOrdersVm, TillVm, ReportsVm, DashboardVm>;

// A print that has not happened: over every screen until it prints or is dismissed.
struct PrintBannerVm {
    std::string job_id;
    std::string message;  // "Receipt T01-000042 is not printed yet: paper out. ..."
    bool can_retry = false;
};

struct FrameVm {
    ScreenVm screen;
    Message message;          // shown as a banner over any screen until dismissed or replaced
    std::string status_line;  // store, terminal, clerk, clock
    std::optional<ApprovalVm> approval;  // the approval dialog, over the screen
    std::optional<PrintBannerVm> print_banner{};
    // The cash drawer is open (after a cash sale or a no-sale): shown on the tender and
    // completed screens and in the status bar until the drawer reports closed.
    bool drawer_open = false;
    // Head office, at the right of the status bar; none where there is no terminal (the store
    // problem screen).
    std::optional<SyncBarVm> sync{};
};

}  // namespace ui
