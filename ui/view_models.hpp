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
    std::string code;
    std::string name;
    std::string quantity;    // "2", "0.450 kg"
    std::string unit_price;  // "1.99", "2.49/kg"
    std::string amount;      // line total "3.98"
    std::string tax_code;    // "A"
    bool selected = false;
};

struct SearchResultVm {
    std::string code;
    std::string name;
    std::string price;  // "1.99", "2.49/kg"
};

struct SaleVm {
    std::string clerk_name;
    std::string terminal_id;
    std::vector<TicketLineVm> lines;
    std::string item_count;  // "3 items"
    std::string subtotal;    // net
    std::string tax;
    std::string total;  // large, with currency: "EUR 12.34"
    bool can_pay = false;
    std::string search_text;
    std::vector<SearchResultVm> search_results;
};

struct TenderVm {
    std::string total;                    // "EUR 12.34"
    std::string due;                      // amount still due
    std::vector<std::string> quick_cash;  // "12.34" (exact), "15.00", "20.00", "50.00"
};

struct CompletedVm {
    std::string receipt_number;
    std::string total;
    std::string paid;
    std::string change;        // "EUR 7.66"
    std::string receipt_text;  // the plain-text receipt, as printed
    std::string print_status;  // "Printed to spool/T01-000001.txt" or why it did not print
};

// Shown instead of the terminal when its store cannot be opened (not a Counter database, written
// by a newer version, unreadable): nothing can be sold, and the clerk needs to know why.
struct StoreProblemVm {
    std::string title;
    std::string detail;  // the store's own message, naming the file and what is wrong
    std::string advice;  // what to do about it
};

using ScreenVm = std::variant<LoginVm, SaleVm, TenderVm, CompletedVm, StoreProblemVm>;

struct FrameVm {
    ScreenVm screen;
    Message message;          // shown as a banner over any screen until dismissed or replaced
    std::string status_line;  // store, terminal, clerk, clock
};

}  // namespace ui
