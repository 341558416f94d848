// Hand-built view-models of the return, ticket search, refund and approval screens, as the
// Terminal would fill them for a return of receipt T01-000004.
#pragma once

#include <string>
#include <vector>

#include "ui/view_models.hpp"

namespace return_vms {

inline const char* const status = "Corner Shop · T01 · Alex Martin";

inline std::vector<ui::Choice> reasons() {
    return {{"changed_mind", "Changed mind"},
            {"faulty", "Faulty"},
            {"damaged", "Damaged"},
            {"wrong_item", "Wrong item"},
            {"not_as_described", "Not as described"},
            {"other", "Other"}};
}

inline std::vector<ui::Choice> dispositions() {
    return {{"restock", "Back to stock"},
            {"damaged", "Damaged"},
            {"return_to_vendor", "Return to vendor"}};
}

inline ui::ReturnVm empty_return() {
    ui::ReturnVm r;
    r.reasons = reasons();
    r.dispositions = dispositions();
    r.no_receipt_policy =
        "Refunded at the lowest price of the last 30 days, as store credit. A supervisor "
        "approves.";
    return r;
}

// Receipt T01-000004 open: three lines, one of them already returned in full.
inline ui::ReturnVm receipt_open() {
    ui::ReturnVm r = empty_return();
    r.receipt = "T01-000004";
    r.original_detail = "23 Nov 2026 14:02 · Alex Martin · EUR 27.36 · Card ending 4242";
    r.lines = {
        {"Nordvik Chocolate Digestives 300 g", "3", "1", "2", "5.38", "1.79", true},
        {"Bananas", "0.450 kg", "0", "0.450 kg", "0.90", "0.90", true},
        {"Red wine Tempranillo 0.75 l", "1", "1", "0", "8.99", "8.99", false},
    };
    r.can_post_void = true;
    r.basket = "1 returned · EUR -1.79";
    return r;
}

inline ui::FrameVm frame(ui::ScreenVm screen) {
    ui::FrameVm vm;
    vm.screen = std::move(screen);
    vm.status_line = status;
    return vm;
}

inline ui::TicketSearchVm search_results() {
    ui::TicketSearchVm s;
    s.summary = "3 tickets found";
    s.results = {
        {"T01-000004", "23 Nov 14:02", "Sale", "EUR 27.36", "Card ending 4242 27.36",
         "Alex Martin"},
        {"T01-000005", "23 Nov 14:10", "Sale", "EUR 4.20", "Cash 5.00", "Alex Martin"},
        {"T01-000006", "23 Nov 14:31", "Return", "EUR -1.79", "Card ending 4242 -1.79",
         "Jordan Diaz"},
    };
    return s;
}

inline ui::TicketSearchVm search_shown() {
    ui::TicketSearchVm s = search_results();
    s.shown_receipt = "T01-000004";
    s.shown_text =
        "Corner Shop\nReceipt T01-000004\nDigestives   3 x 1.79   5.38 A\nTOTAL EUR 27.36\n";
    s.can_return = true;
    return s;
}

inline ui::TenderVm refund_tender() {
    ui::TenderVm t;
    t.total = "EUR -62.00";
    t.due = "EUR -62.00";
    t.refund = true;
    t.refund_due = "EUR 62.00";
    t.refund_options = {
        {"card", "AUTH-77", "Card ending 4242 (T01-000004)", "up to EUR 50.00"},
        {"cash", "", "Cash (T01-000004)", "up to EUR 12.00"},
        {"credit", "", "New store credit", ""},
    };
    return t;
}

inline ui::ApprovalVm refund_approval() {
    ui::ApprovalVm a;
    a.title = "Supervisor approval needed";
    a.what = "Refund EUR 62.00 to card ending 4242 (over EUR 50.00)";
    a.rule = "a refund over the limit";
    a.amount = "EUR 62.00";
    a.requested_by = "Alex Martin (Clerk)";
    a.needed = "Supervisor or above";
    return a;
}

// As the Terminal asks for a return without a receipt on the demo store.
inline ui::ApprovalVm no_receipt_approval() {
    ui::ApprovalVm a = refund_approval();
    a.what =
        "Return without a receipt: 1 x Hillcrest Whole Milk 1 L, refund EUR 1.19 (lowest "
        "price in 30 days)";
    a.rule = "a return without a receipt";
    a.amount = "EUR 1.19";
    return a;
}

// An exchange on the sale screen: a return line and a new item, a refund due.
inline ui::SaleVm exchange_sale() {
    ui::SaleVm s;
    ui::TicketLineVm back;
    back.name = "Red wine Tempranillo 0.75 l";
    back.quantity = "1";
    back.unit_price = "8.99";
    back.amount = "-8.99";
    back.tax_code = "A";
    back.is_return = true;
    back.return_note = "Return of T01-000004 · Faulty · Damaged";
    ui::TicketLineVm milk{"Whole milk 1 l", "1", "1.19", "1.19", "B", "", false, true, false, ""};
    s.lines = {back, milk};
    s.item_count = "1 returned, 1 new";
    s.subtotal = "-6.68";
    s.tax = "-1.12";
    s.total = "EUR -7.80";
    s.kind = "Exchange";
    s.refund_due = true;
    s.can_pay = true;
    s.can_edit_line = true;
    s.can_suspend = true;
    return s;
}

}  // namespace return_vms
