// The Terminal applies the clerk's intents through the pos/ use cases and builds the view-model
// of whatever screen the clerk is on. Both the window and scripted sessions drive it, so a script
// exercises exactly what a tap does. No ImGui here.
#pragma once

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "db/store.hpp"
#include "headoffice/client/sync_client.hpp"
#include "pos/ports.hpp"
#include "pos/sale.hpp"
#include "receipts/layouts.hpp"
#include "ui/desk_lookup.hpp"
#include "ui/desk_reports.hpp"
#include "ui/desk_service.hpp"
#include "ui/desk_till.hpp"
#include "ui/device_hub.hpp"
#include "ui/intents.hpp"
#include "ui/view_models.hpp"

namespace ui {

struct TerminalServices {
    db::Store& store;
    pos::Clock& clock;
    pos::IdSource& ids;
    DeviceHub& devices;          // printers, scanners, the drawer and the print queue
    int utc_offset_minutes = 0;  // for times shown on screen and printed
    std::string usb_problem{};   // why USB devices are not used; empty when they are
    // Head-office sync (the background worker), when this terminal is enrolled: its status for
    // the status bar and the sync screen, and a wake-up after each completed ticket and for
    // "Sync now". Both are quick and never wait for head office. Empty: not enrolled.
    std::function<headoffice::SyncStatus()> sync_status{};
    std::function<void()> sync_wake{};
    // Asks head office for every store's figures of one product now (a short timeout; called
    // only when the clerk asks). Empty: not enrolled, the lookup shows the snapshot.
    std::function<pos::Result<headoffice::StockReply>(const std::string&)> live_stock{};
    // Where the dashboard's CSV exports are written (created when needed); empty: the current
    // folder's "exports".
    std::filesystem::path export_dir{};
};

enum class Screen {
    login,
    sale,
    tender,
    completed,
    suspended,
    returns,
    ticket_search,
    devices,
    sync,
    lookup,
    customers,
    interactions,
    special_orders,
    till,
    reports,
    dashboard
};

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
    // An action is waiting for an approver (the approval dialog is open).
    bool approval_pending() const { return pending_intent_.has_value(); }

    // Called once per completed sale, after it is durable and before printing.
    std::function<void(const pos::Ticket&)> on_completed;

    // Drains the devices (once per frame, and after each script line) and applies each scan as
    // a Scanned intent. pump_devices does the same and returns the first refused scan.
    void poll_devices();
    pos::Status pump_devices();
    DeviceHub& devices() { return services_.devices; }

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
    pos::Status handle(const StartReturn& intent);
    pos::Status handle(const OpenReceipt& intent);
    pos::Status handle(const ReturnItem& intent);
    pos::Status handle(const ReturnWithoutReceipt& intent);
    pos::Status handle(const ShowTicketSearch& intent);
    pos::Status handle(const FindTickets& intent);
    pos::Status handle(const OpenFound& intent);
    pos::Status handle(const PostVoid& intent);
    pos::Status handle(const Refund& intent);
    pos::Status handle(const Approve& intent);
    pos::Status handle(const Decline& intent);
    pos::Status handle(const CancelApproval& intent);
    pos::Status handle(const Reprint& intent);
    pos::Status handle(const GiftReceipt& intent);
    pos::Status handle(const NewSale& intent);
    pos::Status handle(const DismissMessage& intent);
    pos::Status handle(const Quit&) { return pos::ok(); }  // the window closes itself
    // Devices (terminal_devices.cpp).
    pos::Status handle(const Scanned& intent);
    pos::Status handle(const ShowDevices& intent);
    pos::Status handle(const TestPrint& intent);
    pos::Status handle(const OpenDrawer& intent);
    pos::Status handle(const RetryPrint& intent);
    pos::Status handle(const ReprintJob& intent);
    pos::Status handle(const DismissPrintProblem& intent);
    pos::Status handle(const ClearDeviceError& intent);
    pos::Status handle(const SetVirtualPrinter& intent);
    // Head-office sync (terminal_sync.cpp).
    pos::Status handle(const ShowSync& intent);
    pos::Status handle(const SyncNow& intent);
    // Stock lookup (terminal_lookup.cpp).
    pos::Status handle(const ShowLookup& intent);
    pos::Status handle(const LookupSearch& intent);
    pos::Status handle(const LookupPick& intent);
    pos::Status handle(const LookupLive& intent);
    pos::Status handle(const RequestStock& intent);
    pos::Status handle(const AddLookedUp& intent);
    pos::Status handle(const AddSuggestion& intent);
    // Customers and loyalty (terminal_customers.cpp).
    pos::Status handle(const ShowCustomers& intent);
    pos::Status handle(const CustomerSearch& intent);
    pos::Status handle(const PickCustomer& intent);
    pos::Status handle(const NewCustomer& intent);
    pos::Status handle(const SaveCustomer& intent);
    pos::Status handle(const MergeCustomers& intent);
    pos::Status handle(const AttachCustomer& intent);
    pos::Status handle(const DetachCustomer& intent);
    pos::Status handle(const TenderPoints& intent);
    // Interactions (terminal_interactions.cpp).
    pos::Status handle(const ShowInteractions& intent);
    pos::Status handle(const PickInteraction& intent);
    pos::Status handle(const SaveInteraction& intent);
    pos::Status handle(const ResolveWithReturn& intent);
    // Special orders (terminal_orders.cpp).
    pos::Status handle(const ShowSpecialOrders& intent);
    pos::Status handle(const CreateSpecialOrder& intent);
    pos::Status handle(const TakeDeposit& intent);
    pos::Status handle(const OrderArrived& intent);
    pos::Status handle(const CancelOrder& intent);
    pos::Status handle(const PickUpOrder& intent);
    // Tills (terminal_till.cpp).
    pos::Status handle(const ShowTill& intent);
    pos::Status handle(const OpenTill& intent);
    pos::Status handle(const MoveCash& intent);
    pos::Status handle(const CloseTill& intent);
    pos::Status handle(const PrintTillClose& intent);
    // Reports and the dashboard (terminal_reports.cpp).
    pos::Status handle(const ShowReports& intent);
    pos::Status handle(const RunXReport& intent);
    pos::Status handle(const RunZReport& intent);
    pos::Status handle(const PrintReport& intent);
    pos::Status handle(const ShowZReport& intent);
    pos::Status handle(const ShowDashboard& intent);
    pos::Status handle(const ExportDashboard& intent);

    pos::Status dispatch(const Intent& intent);
    pos::Status require_screen(Screen wanted, std::string_view action) const;
    // The open ticket may take return lines or be searched from here (starting a fresh ticket
    // on the completed screen).
    pos::Status ready_for_returns(std::string_view action);
    // The return screen with a receipt open: to return one of its lines or post-void it.
    pos::Status require_open_receipt(std::string_view action) const;
    // While the approval dialog is open: a scan is the approver's badge; other intents wait.
    std::optional<pos::Status> answer_dialog(const Intent& intent);
    void remember_for_approval(const Intent& intent);
    void close_approval();
    pos::Result<pos::User> find_approver(const pos::Approval& approval);
    pos::Approval approval_from(const std::string& code, const std::string& pin,
                                const std::string& badge, const std::string& reason) const;
    pos::Status ready_for_items();
    pos::Status require_selected_line(std::string_view action) const;
    pos::Status with_tender(const pos::Result<pos::TenderOutcome>& outcome);
    pos::Status tender(std::string_view what,
                       const std::function<pos::Result<pos::TenderOutcome>()>& take);
    void line_added(std::size_t index);
    void return_added(std::size_t index, std::string_view how);  // "Returning 1 × Wine" + how
    void clear_search();
    void sale_completed();
    // Receipts (terminal_receipts.cpp): laid out, stored in the print queue as ESC/POS for the
    // printer in use plus text and PNG for the spool, and put on the completed screen. A print
    // that fails is said (message, banner), never thrown, and never undoes the sale.
    receipts::LayoutOptions layout_options(bool copy) const;
    void load_logo();  // the store's receipt logo, read once; a bad file is reported when printing
    // The job's id, or why it could not even be queued.
    pos::Result<std::string> print_receipt(const std::function<receipts::Document()>& layout,
                                           const std::string& name, const std::string& title,
                                           const std::string& receipt_number);
    // Lets the printer answer what it can at once (the spool printer prints at once), keeping
    // any scans for poll_devices; then refreshes the state of the job on the completed screen.
    void settle_devices();
    void refresh_print_state();
    std::string print_status_text() const;  // the completed screen's line about its job
    // Why a job has not printed ("paper out"); empty while all is well. `printer_not_ready`:
    // it waits for the printer (paper, cover, cable) and prints by itself once that is fixed.
    struct PrintTrouble {
        std::string why;
        bool failed = false;
        bool printer_not_ready = false;
    };
    PrintTrouble print_trouble(const std::string& job_id);
    // Says how a copy, gift receipt or test page went: `what` printed / is waiting / was sent;
    // refused with "<the_what> was not printed: why" when it failed.
    pos::Status said_printed(const pos::Result<std::string>& job, const std::string& what,
                             const std::string& the_what);
    // The drawer pulse after cash is taken or for a no-sale; a failure becomes the message.
    void pulse_drawer(const std::string& done);
    // Scans (terminal_devices.cpp): where a scanned code goes on each screen.
    pos::Status scanned_on_returns(const Scanned& scan);
    static bool can_gift(const pos::Ticket& ticket);  // a sale or exchange with items sold
    // The ticket Reprint and GiftReceipt print: the completed one, or the one shown in search.
    pos::Result<const pos::Ticket*> ticket_to_print(std::string_view action) const;
    void ticket_started();  // a new ticket: forget the open receipt and the search
    void refresh_suspended_count();

    LoginVm login_vm() const;
    SaleVm sale_vm() const;
    TenderVm tender_vm() const;
    CompletedVm completed_vm() const;
    SuspendedListVm suspended_vm() const;
    ReturnVm return_vm() const;
    TicketSearchVm ticket_search_vm() const;
    DevicesVm devices_vm() const;
    SyncVm sync_vm() const;
    // --- Lookup and customers (terminal_lookup.cpp, terminal_customers.cpp,
    // terminal_views_lookup.cpp). Members the lookup/customer work adds go in this block. ---
    LookupVm lookup_vm() const;
    CustomersVm customers_vm() const;
    std::optional<CustomerBadgeVm> customer_badge() const;
    std::vector<SuggestionVm> suggestions() const;
    // A scanned loyalty card on the sale or tender screen attaches its customer; false when the
    // code is not a loyalty card (the scan then goes on as an item).
    std::optional<pos::Status> scanned_loyalty_card(const std::string& code);
    // Opens a desk screen (lookup, customers), remembering where BackToSale returns.
    pos::Status open_desk(Screen desk);
    void show_looked_up(const db::LookupProduct& product);
    std::vector<pos::StoreStock> stock_rows() const;  // the product shown: live, else snapshot
    std::string stock_source(const std::vector<pos::StoreStock>& rows) const;
    std::string promotion_text(const pos::Product& product) const;
    void show_customer(const pos::Customer& customer);
    std::string resolved_keep(const std::string& keep) const;
    pos::Status save_checked(const pos::Customer& customer, const std::string& said);
    std::string points_text(std::int64_t points) const;  // "1,250 points (12.50)"
    CustomerCardVm customer_card(const pos::Customer& customer) const;
    void add_customer_tender(TenderVm& vm) const;  // the points and the customer's credit account
    const std::vector<pos::Product>& suggested_products() const;
    mutable SuggestionCache suggestion_cache_;
    // --- end of the lookup/customer block ---
    // --- Interactions and special orders (terminal_interactions.cpp, terminal_orders.cpp,
    // terminal_views_service.cpp). Members that work adds go in this block. ---
    InteractionsVm interactions_vm() const;
    SpecialOrdersVm special_orders_vm() const;
    // After every completed ticket (sale_completed): an interaction being resolved by this return
    // or exchange records it and is resolved; a deposit or pick-up refreshes the orders.
    void service_after_completion(const pos::Ticket& ticket);
    // On Pay with a pick-up order on the ticket: its deposit is taken first.
    pos::Status take_pickup_deposit();
    // The desk screens are opened from the sale or completed screen, logged in, not paying.
    pos::Status enter_desk(Screen screen, std::string_view action);
    std::int64_t today() const;  // the store's local day, for follow-up and expected dates
    // Who a new interaction or order is for: the customer attached to the ticket, else (for an
    // interaction) the one shown on the customer screen.
    std::optional<pos::CustomerRef> attached_customer() const;
    std::optional<pos::CustomerRef> desk_customer() const;
    void refresh_interactions();
    // The interaction an intent names: by id or number, or (empty) the one shown.
    pos::Result<pos::Interaction> interaction_named(const std::string& id) const;
    pos::Status save_new_interaction(const SaveInteraction& intent);
    pos::Status save_interaction_update(pos::Interaction interaction,
                                        const SaveInteraction& intent);
    void interaction_shown(const pos::Interaction& interaction);
    // A return or exchange just completed for the interaction being resolved: records it.
    std::string resolve_by_ticket(const pos::Ticket& ticket);
    void refresh_orders();
    pos::Result<pos::SpecialOrder> order_named(const std::string& number) const;
    // The special orders a ticket's deposit lines name, for its receipt.
    std::vector<pos::SpecialOrder> orders_named_by(const pos::Ticket& ticket) const;
    std::string service_note_;  // what service_after_completion did, for the message
    // --- end of the interactions/orders block ---
    // --- Tills (terminal_till.cpp, terminal_views_till.cpp). Members the till work adds go in
    // this block. ---
    TillVm till_vm() const;
    // When the store requires an open till (StoreSettings::require_open_till): refused with
    // "Open the till first: More → Till" while this terminal has no shift open.
    pos::Status require_open_till() const;
    // The till intents work from wherever a desk screen opens: they open the till screen first.
    pos::Status open_till_screen(std::string_view action);
    pos::Result<pos::Shift> open_shift_or_refuse(std::string_view action) const;
    void refresh_till();
    // The close, once counted and approved: stored, journaled, printed and shown.
    pos::Result<std::optional<pos::ApprovalGrant>> accept_over_short(
        const pos::Shift& shift, const std::vector<pos::TenderDifference>& differences,
        const std::string& counted);
    pos::Status close_shift(const pos::Shift& shift, const pos::CashCount& cash,
                            std::vector<pos::TenderDifference> differences,
                            const std::optional<pos::ApprovalGrant>& grant);
    pos::Status print_till_close(bool copy);
    TillDesk till_desk_;
    // --- end of the till block ---
    // --- Reports and dashboard (terminal_reports.cpp, terminal_views_reports.cpp). Members the
    // reports work adds go in this block. ---
    ReportsVm reports_vm() const;
    DashboardVm dashboard_vm() const;
    // Reports and the dashboard are for a supervisor or above.
    pos::Status require_report_role(std::string_view action) const;
    // Opens the reports or dashboard screen (as a desk screen) unless it is showing.
    pos::Status open_report_screen(Screen screen, std::string_view action);
    void refresh_reports();    // the Z list and why a Z cannot run now
    void refresh_dashboard();  // today's figures, every terminal of the store file
    void show_report(pos::ReportFigures figures);  // on screen, as printed
    ReportsDesk reports_desk_;
    // --- end of the reports block ---
    SyncBarVm sync_bar_vm() const;
    std::optional<ApprovalVm> approval_vm() const;
    std::vector<RefundOptionVm> refund_options() const;
    bool can_post_void() const;
    bool cash_went_back() const;  // the ticket being paid or just done gave cash back
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
    // The receipt on the completed screen: its text, its picture and what it is; and what the
    // last print did.
    std::string receipt_text_;
    PictureVm preview_;
    std::string preview_title_;
    std::string print_status_;  // why the receipt could not be queued; else from the job
    std::optional<db::StoredPrintJob> print_job_;  // the completed screen's job, as last read
    std::string print_printer_;  // the printer it went to, as named when it was printed
    std::optional<receipts::Image> logo_;
    std::string logo_problem_;  // why the configured logo is not printed; empty when fine
    Message message_;
    Screen before_devices_ = Screen::sale;  // where BackToSale leaves devices and sync for
    std::string sync_server_;               // head office's address, read when sync is shown
    std::vector<drivers::ScanData> pending_scans_;  // pumped mid-intent, applied next poll

    // The receipt open on the return screen, with what earlier returns took from it.
    std::optional<pos::OriginalTicket> original_;
    // Ticket search: what was found and the ticket on show, as printed.
    std::vector<pos::TicketSummary> found_;
    std::string found_summary_;
    std::optional<pos::Ticket> shown_;
    std::string shown_text_;

    // The approval dialog: the intent that needs approval, what it asks for, and a badge
    // scanned before the reason was given. approval_ is what the handlers pass to the session
    // while the remembered intent is applied again with the approver's details.
    std::optional<Intent> pending_intent_;
    std::optional<pos::ApprovalRequest> pending_request_;
    std::string held_badge_;
    std::string held_badge_name_;
    pos::Approval approval_;

    // Customer service screens.
    LookupDesk lookup_;
    CustomerDesk customer_desk_;
    InteractionDesk interaction_desk_;
    OrderDesk order_desk_;
    Screen before_desk_ = Screen::sale;  // where BackToSale leaves the desk screens for
};

}  // namespace ui
