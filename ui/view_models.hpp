// View-models: plain data for each screen, every string already formatted for display.
// Built by the Terminal from the domain; drawn by the draw functions; checked by tests.
#pragma once

#include <string>
#include <variant>
#include <vector>

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
    std::string suspended_count;  // "2 suspended"; empty when none
    std::string search_text;
    std::vector<SearchResultVm> search_results;
};

struct PaymentVm {
    std::string method;  // "Cash", "Card ••4242", "Gift card ••0001", "Change", "Rounding"
    std::string amount;
};

struct TenderVm {
    std::string total;       // "EUR 12.34"
    std::string due;         // amount still due
    std::string cash_due;    // what cash settles it, after cash rounding: "EUR 12.35"
    std::string due_amount;  // what is due as it would be keyed, "12.34": prefills a card amount
    std::vector<std::string> quick_cash;  // cash_due exact, then notes above it
    std::vector<PaymentVm> payments;      // taken so far (split tender)
    bool can_go_back = true;              // false once a payment is taken
};

struct CompletedVm {
    std::string receipt_number;
    std::string total;
    std::string paid;
    std::string change;        // "EUR 7.66"
    std::string receipt_text;  // the plain-text receipt, as printed
    std::string print_status;  // "Printed to spool/T01-000001.txt" or why it did not print
};

struct SuspendedRowVm {
    std::string ticket_id;  // sent with ResumeTicket
    std::string label;
    std::string detail;  // "Alex Martin · 14:02 · 3 items · EUR 12.34"
};

struct SuspendedListVm {
    std::vector<SuspendedRowVm> tickets;
};

// Shown instead of the terminal when its store cannot be opened (not a Counter database, written
// by a newer version, unreadable): nothing can be sold, and the clerk needs to know why.
struct StoreProblemVm {
    std::string title;
    std::string detail;  // the store's own message, naming the file and what is wrong
    std::string advice;  // what to do about it
};

using ScreenVm =
    std::variant<LoginVm, SaleVm, TenderVm, CompletedVm, SuspendedListVm, StoreProblemVm>;

struct FrameVm {
    ScreenVm screen;
    Message message;          // shown as a banner over any screen until dismissed or replaced
    std::string status_line;  // store, terminal, clerk, clock
};

}  // namespace ui
