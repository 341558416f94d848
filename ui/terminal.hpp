// The Terminal applies the clerk's intents through the pos/ use cases and builds the view-model
// of whatever screen the clerk is on. Both the window and scripted sessions drive it, so a script
// exercises exactly what a tap does. No ImGui here.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "db/store.hpp"
#include "drivers/spool_printer.hpp"
#include "pos/ports.hpp"
#include "pos/sale.hpp"
#include "ui/intents.hpp"
#include "ui/view_models.hpp"

namespace ui {

struct TerminalServices {
    db::Store& store;
    pos::Clock& clock;
    pos::IdSource& ids;
    drivers::SpoolPrinter& printer;
    int utc_offset_minutes = 0;  // for times shown on screen and printed
};

enum class Screen { login, sale, tender, completed, suspended };

class Terminal {
  public:
    explicit Terminal(TerminalServices services);

    // Applies one intent. On failure the returned error is also shown as the screen's message,
    // and nothing about the sale has changed.
    pos::Status apply(const Intent& intent);
    FrameVm view() const;

    Screen screen() const { return screen_; }
    const pos::Ticket* ticket() const { return session_ ? &session_->ticket() : nullptr; }
    const pos::Ticket* completed_ticket() const { return completed_ ? &*completed_ : nullptr; }
    std::optional<std::size_t> selected_line() const { return selected_; }
    const Message& message() const { return message_; }

    // Called once per completed sale, after it is durable and before printing.
    std::function<void(const pos::Ticket&)> on_completed;

  private:
    pos::Status handle(const LogIn& intent);
    pos::Status handle(const LogOut& intent);
    pos::Status handle(const Scan& intent);
    pos::Status handle(const Search& intent);
    pos::Status handle(const PickResult& intent);
    pos::Status handle(const SelectLine& intent);
    pos::Status handle(const SetQuantity& intent);
    pos::Status handle(const VoidLine& intent);
    pos::Status handle(const DiscountLine& intent);
    pos::Status handle(const DiscountTicket& intent);
    pos::Status handle(const OverridePrice& intent);
    pos::Status handle(const VoidTicket& intent);
    pos::Status handle(const NoSale& intent);
    pos::Status handle(const Suspend& intent);
    pos::Status handle(const ShowSuspended& intent);
    pos::Status handle(const ResumeTicket& intent);
    pos::Status handle(const Pay& intent);
    pos::Status handle(const BackToSale& intent);
    pos::Status handle(const TenderCash& intent);
    pos::Status handle(const TenderCard& intent);
    pos::Status handle(const TenderGiftCard& intent);
    pos::Status handle(const TenderStoreCredit& intent);
    pos::Status handle(const NewSale& intent);
    pos::Status handle(const DismissMessage& intent);
    pos::Status handle(const Quit&) { return pos::ok(); }  // the window closes itself

    pos::Status require_screen(Screen wanted, std::string_view action) const;
    pos::Status ready_for_items();
    pos::Status require_selected_line(std::string_view action) const;
    pos::Status with_tender(const pos::Result<pos::TenderOutcome>& outcome);
    pos::Status tender(std::string_view what,
                       const std::function<pos::Result<pos::TenderOutcome>()>& take);
    void line_added(std::size_t index);
    void clear_search();
    void sale_completed();
    void refresh_suspended_count();

    LoginVm login_vm() const;
    SaleVm sale_vm() const;
    TenderVm tender_vm() const;
    CompletedVm completed_vm() const;
    SuspendedListVm suspended_vm() const;
    std::string status_line() const;
    std::string money_text(const pos::Money& amount) const;

    TerminalServices services_;
    pos::StoreSettings settings_;
    Screen screen_ = Screen::login;
    std::vector<pos::User> staff_;  // for the login screen; read once, not every frame
    std::optional<pos::User> user_;
    std::optional<pos::SaleSession> session_;
    // The last completed sale, shown until the next sale starts (a refused scan leaves it).
    std::optional<pos::Ticket> completed_;
    std::optional<std::size_t> selected_;
    std::size_t suspended_count_ = 0;
    std::string search_text_;
    std::vector<pos::Product> results_;
    std::string receipt_text_;
    std::string print_status_;
    Message message_;
};

}  // namespace ui
