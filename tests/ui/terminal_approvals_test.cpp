// The approval dialog through Terminal::apply: what it shows, approving with a PIN or a badge,
// declining, cancelling, and the bad answers that leave everything as it was.
#include <doctest/doctest.h>

#include "terminal_fixture.hpp"

namespace {

const ui::ReturnWithoutReceipt milk_without_receipt{demo::milk, "1", "changed_mind", "restock",
                                                    "555 123 4567"};

}  // namespace

TEST_CASE_FIXTURE(TerminalFixture,
                  "a return without a receipt waits for a supervisor, who approves it") {
    log_in();
    REQUIRE(terminal.apply(ui::StartReturn{}).ok());
    const auto asked = refusal(milk_without_receipt);
    CHECK(asked.find("supervisor") != std::string::npos);
    REQUIRE(terminal.approval_pending());
    const auto dialog = terminal.view().approval;
    REQUIRE(dialog.has_value());
    CHECK(dialog->title == "Supervisor approval needed");
    CHECK(dialog->needed == "Supervisor or above");
    CHECK(dialog->requested_by == "Alex Martin (Clerk)");
    CHECK(dialog->rule == std::string(pos::describe(pos::Permission::return_without_receipt)));
    CHECK_FALSE(dialog->what.empty());
    CHECK(terminal.ticket()->lines().empty());

    // While the dialog is open the till waits for it.
    CHECK(refusal(ui::BackToSale{}).find("An approval is waiting") != std::string::npos);
    CHECK(refusal(ui::Scan{"NOT-A-BADGE", ""}).find("That badge is not known") !=
          std::string::npos);
    // The clerk cannot approve their own request, and a reason is required.
    const auto self = refusal(ui::Approve{"1001", "1234", "", "my own"});
    CHECK(self.find("Alex Martin") != std::string::npos);
    CHECK(terminal.approval_pending());
    CHECK_FALSE(refusal(ui::Approve{"5001", "5555", "", ""}).empty());
    CHECK(terminal.approval_pending());
    CHECK(terminal.ticket()->lines().empty());

    REQUIRE(terminal.apply(ui::Approve{"5001", "5555", "", "receipt lost, regular"}).ok());
    CHECK_FALSE(terminal.approval_pending());
    CHECK_FALSE(terminal.view().approval.has_value());
    CHECK(terminal.message().text.find("Approved by Jordan Diaz") == 0);
    CHECK(terminal.screen() == ui::Screen::returns);
    const auto& ticket = *terminal.ticket();
    REQUIRE(ticket.lines().size() == 1);
    CHECK(ticket.lines()[0].amounts.gross.minor() == -119);
    REQUIRE(ticket.approvals().size() == 1);
    CHECK(ticket.approvals()[0].approver_name == "Jordan Diaz");
    CHECK(ticket.approvals()[0].reason == "receipt lost, regular");

    REQUIRE(terminal.apply(ui::BackToSale{}).ok());
    CHECK(screen<ui::SaleVm>().lines[0].return_note ==
          "Return without receipt · Changed mind · Back to stock");
    REQUIRE(terminal.apply(ui::Refund{"credit", "", ""}).ok());  // a new store credit account
    const auto stored = store->find_ticket(screen<ui::CompletedVm>().receipt_number);
    REQUIRE(stored.has_value());
    REQUIRE(stored->payments().size() == 1);
    CHECK(stored->payments()[0].method == pos::PaymentMethod::store_credit);
    CHECK(stored->payments()[0].amount.minor() == -119);
    CHECK(stored->payments()[0].reference.rfind("SC", 0) == 0);
    CHECK(stored->approvals().size() == 1);
    CHECK(store->verify_journal().ok);
}

TEST_CASE_FIXTURE(TerminalFixture, "a badge scanned into the dialog waits for the reason") {
    log_in();
    REQUIRE(terminal.apply(ui::StartReturn{}).ok());
    REQUIRE_FALSE(terminal.apply(milk_without_receipt).ok());
    REQUIRE(terminal.apply(ui::Scan{"BADGE-9001-ML", ""}).ok());
    const auto dialog = terminal.view().approval;
    REQUIRE(dialog.has_value());
    CHECK(dialog->badge_read.find("Morgan Lee") != std::string::npos);
    CHECK(terminal.ticket()->lines().empty());
    REQUIRE(terminal.apply(ui::Approve{"", "", "", "known customer"}).ok());
    CHECK(terminal.message().text.find("Approved by Morgan Lee") == 0);
    CHECK(terminal.ticket()->lines().size() == 1);
}

TEST_CASE_FIXTURE(TerminalFixture,
                  "a declined approval is journaled and leaves the ticket as it was") {
    log_in();
    REQUIRE(terminal.apply(ui::StartReturn{}).ok());
    REQUIRE_FALSE(terminal.apply(milk_without_receipt).ok());
    const auto wrong = refusal(ui::Decline{"9001", "0000", "", "no proof"});
    CHECK(wrong.find("Wrong PIN for Morgan Lee") != std::string::npos);
    CHECK(terminal.approval_pending());

    REQUIRE(terminal.apply(ui::Decline{"9001", "4321", "", "no proof of purchase"}).ok());
    CHECK_FALSE(terminal.approval_pending());
    CHECK(terminal.message().text == "Declined by Morgan Lee: no proof of purchase");
    CHECK(terminal.ticket()->lines().empty());
    CHECK(terminal.ticket()->approvals().empty());
    CHECK(store->verify_journal().ok);
    CHECK(refusal(ui::Approve{"9001", "4321", "", "late"}) == "Nothing is waiting for approval");
}

TEST_CASE_FIXTURE(TerminalFixture, "cancelling the dialog changes nothing") {
    log_in();
    REQUIRE(terminal.apply(ui::StartReturn{}).ok());
    REQUIRE_FALSE(terminal.apply(milk_without_receipt).ok());
    REQUIRE(terminal.apply(ui::CancelApproval{}).ok());
    CHECK_FALSE(terminal.approval_pending());
    CHECK(terminal.message().text.find("Not approved, nothing changed") == 0);
    CHECK(terminal.ticket()->lines().empty());
    REQUIRE(terminal.apply(ui::BackToSale{}).ok());
}

TEST_CASE_FIXTURE(TerminalFixture,
                  "a price override is approved in the dialog or with the approver keyed along") {
    log_in();
    REQUIRE(terminal.apply(ui::Scan{demo::wine, ""}).ok());
    REQUIRE_FALSE(terminal.apply(ui::OverridePrice{"7.99", "", "", "price match"}).ok());
    REQUIRE(terminal.approval_pending());
    CHECK(terminal.view().approval->title == "Manager approval needed");
    CHECK(screen<ui::SaleVm>().lines[0].amount == "8.99");
    REQUIRE(terminal.apply(ui::Approve{"9001", "4321", "", "price match"}).ok());
    CHECK(screen<ui::SaleVm>().lines[0].unit_price == "7.99*");

    REQUIRE(terminal.apply(ui::OverridePrice{"6.99", "9001", "4321", "damaged box"}).ok());
    CHECK_FALSE(terminal.approval_pending());
    CHECK(screen<ui::SaleVm>().lines[0].unit_price == "6.99*");
}

TEST_CASE_FIXTURE(TerminalFixture,
                  "a refund over the limit waits for a supervisor before any money goes back") {
    log_in();
    REQUIRE(terminal.apply(ui::Scan{demo::wine, "3"}).ok());        // any 3 for 20.00
    REQUIRE(terminal.apply(ui::Scan{demo::chocolate, "30"}).ok());  // 3 for 2: 25.80
    REQUIRE(terminal.apply(ui::Scan{demo::sourdough, "3"}).ok());
    REQUIRE(terminal.apply(ui::TenderCash{"100", false}).ok());
    const auto paid = terminal.completed_ticket()->totals().total;
    REQUIRE(paid.minor() > 5000);
    REQUIRE(terminal.apply(ui::NewSale{}).ok());
    open_receipt("T01-000001");
    for (std::size_t line = 0; line < 3; ++line) {
        const std::string all = line == 1 ? "30" : "3";
        REQUIRE(terminal.apply(ui::ReturnItem{line, all, "changed_mind", "restock"}).ok());
    }
    REQUIRE(terminal.apply(ui::BackToSale{}).ok());
    CHECK(screen<ui::SaleVm>().total == "EUR -" + pos::format_amount(paid));

    CHECK(refusal(ui::Refund{}).find("supervisor") != std::string::npos);
    REQUIRE(terminal.approval_pending());
    CHECK(terminal.view().approval->amount == "EUR " + pos::format_amount(paid));
    CHECK(terminal.screen() == ui::Screen::sale);  // nothing went back yet
    REQUIRE(terminal.apply(ui::Approve{"5001", "5555", "", "whole order returned"}).ok());
    const auto done = screen<ui::CompletedVm>();
    CHECK(done.title == "Refund complete");
    const auto stored = store->find_ticket(done.receipt_number);
    REQUIRE(stored.has_value());
    CHECK(stored->payments()[0].amount == -paid);
    REQUIRE(stored->approvals().size() == 1);
    CHECK(stored->approvals()[0].permission == pos::Permission::refund_over_limit);
    CHECK(store->verify_journal().ok);
}

TEST_CASE_FIXTURE(TerminalFixture,
                  "a discount over the limit is approved by a supervisor's badge") {
    log_in();
    REQUIRE(terminal.apply(ui::Scan{demo::wine, ""}).ok());
    REQUIRE(terminal.apply(ui::DiscountLine{"10%"}).ok());  // within the 20% a clerk may give
    CHECK(refusal(ui::DiscountLine{"30%"}).find("supervisor") != std::string::npos);
    CHECK(screen<ui::SaleVm>().total == "EUR 8.09");  // still the 10% discount
    REQUIRE(terminal.apply(ui::Scan{"BADGE-5001-JD", ""}).ok());
    CHECK(terminal.view().approval->badge_read.find("Jordan Diaz") != std::string::npos);
    REQUIRE(terminal.apply(ui::Approve{"", "", "", "scuffed label"}).ok());
    CHECK(screen<ui::SaleVm>().total == "EUR 6.29");
    CHECK(terminal.ticket()->approvals().size() == 1);
}
