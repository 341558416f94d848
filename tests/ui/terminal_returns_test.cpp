// Returns, exchanges and post-voids through Terminal::apply, on a real demo store.
#include <doctest/doctest.h>

#include "terminal_fixture.hpp"

TEST_CASE_FIXTURE(TerminalFixture,
                  "a return with a receipt shows what can come back and refunds it to cash") {
    log_in();
    const auto receipt = sell({demo::wine, demo::chocolate}, "20");  // 10.28
    REQUIRE(terminal.apply(ui::StartReturn{}).ok());
    CHECK(terminal.screen() == ui::Screen::returns);
    CHECK(screen<ui::ReturnVm>().receipt.empty());
    REQUIRE(terminal.apply(ui::Scan{"T01-000001", ""}).ok());  // the receipt's barcode

    auto vm = screen<ui::ReturnVm>();
    CHECK(vm.receipt == receipt);
    CHECK(vm.original_detail.find("Alex Martin · EUR 10.28 · Cash") != std::string::npos);
    REQUIRE(vm.lines.size() == 2);
    CHECK(vm.lines[0].name == "Valbrook Rioja Crianza Red Wine 750 ml");
    CHECK(vm.lines[0].sold == "1");
    CHECK(vm.lines[0].returnable == "1");
    CHECK(vm.lines[0].unit_refund == "8.99");
    CHECK(vm.lines[0].can_return);
    CHECK(vm.reasons.size() == 6);
    CHECK(vm.reasons[1].code == "faulty");
    CHECK(vm.dispositions[0].label == "Back to stock");
    CHECK(vm.can_post_void);
    CHECK(vm.basket == "Nothing returned yet");

    REQUIRE(terminal.apply(ui::ReturnItem{0, "", "faulty", "restock"}).ok());
    vm = screen<ui::ReturnVm>();
    CHECK(vm.lines[0].returned == "1");
    CHECK(vm.lines[0].returnable == "0");
    CHECK_FALSE(vm.lines[0].can_return);
    CHECK_FALSE(vm.can_post_void);  // the ticket being built already returns from it
    CHECK(vm.basket == "1 returned, 0 new · EUR -8.99");

    REQUIRE(terminal.apply(ui::BackToSale{}).ok());
    const auto sale = screen<ui::SaleVm>();
    CHECK(sale.kind == "Return");
    CHECK(sale.refund_due);
    CHECK(sale.total == "EUR -8.99");
    REQUIRE(sale.lines.size() == 1);
    CHECK(sale.lines[0].is_return);
    CHECK(sale.lines[0].amount == "-8.99");
    CHECK(sale.lines[0].return_note == "Return of T01-000001 · Faulty · Back to stock");

    REQUIRE(terminal.apply(ui::Pay{}).ok());
    const auto tender = screen<ui::TenderVm>();
    CHECK(tender.refund);
    CHECK(tender.refund_due == "EUR 8.99");
    CHECK(tender.quick_cash.empty());
    REQUIRE_FALSE(tender.refund_options.empty());
    CHECK(tender.refund_options[0].method == "cash");
    CHECK(tender.refund_options[0].label == "Cash (T01-000001)");
    CHECK(tender.refund_options[0].available == "up to EUR 10.28");

    REQUIRE(terminal.apply(ui::Refund{}).ok());
    const auto done = screen<ui::CompletedVm>();
    CHECK(done.title == "Refund complete");
    CHECK(done.receipt_number == "T01-000002");
    CHECK(done.total == "EUR -8.99");
    CHECK(terminal.message().text == "Return T01-000002 completed");

    auto stored = store->find_ticket("T01-000002");
    REQUIRE(stored.has_value());
    CHECK(stored->kind() == pos::TicketKind::refund);
    REQUIRE(stored->payments().size() == 1);
    CHECK(stored->payments()[0].amount.minor() == -899);
    CHECK(stored->payments()[0].refund_of == store->find_ticket(receipt)->id());
    CHECK(store->stock_movements(stored->id()).size() == 1);
    CHECK(store->verify_journal().ok);

    // The next visit sees the wine as returned already.
    open_receipt(receipt);
    vm = screen<ui::ReturnVm>();
    CHECK(vm.lines[0].returned == "1");
    CHECK(vm.lines[0].returnable == "0");
    CHECK(vm.lines[1].returnable == "1");
}

TEST_CASE_FIXTURE(TerminalFixture, "an exchange where the customer pays the difference") {
    log_in();
    sell({demo::chocolate}, "2");
    open_receipt("T01-000001");
    REQUIRE(terminal.apply(ui::ReturnItem{0, "1", "changed_mind", "restock"}).ok());
    REQUIRE(terminal.apply(ui::BackToSale{}).ok());
    REQUIRE(terminal.apply(ui::Scan{demo::wine, ""}).ok());
    auto sale = screen<ui::SaleVm>();
    CHECK(sale.kind == "Exchange");
    CHECK_FALSE(sale.refund_due);
    CHECK(sale.total == "EUR 7.70");
    REQUIRE(terminal.apply(ui::TenderCash{"10", false}).ok());
    const auto done = screen<ui::CompletedVm>();
    CHECK(done.title == "Exchange complete");
    CHECK(done.change == "EUR 2.30");
    CHECK(store->find_ticket("T01-000002")->kind() == pos::TicketKind::exchange);
    CHECK(store->verify_journal().ok);
}

TEST_CASE_FIXTURE(TerminalFixture, "an exchange that gives money back, and an even exchange") {
    log_in();
    sell({demo::wine, demo::chocolate}, "20");
    open_receipt("T01-000001");
    REQUIRE(terminal.apply(ui::ReturnItem{0, "", "wrong_item", "restock"}).ok());
    REQUIRE(terminal.apply(ui::BackToSale{}).ok());
    REQUIRE(terminal.apply(ui::Scan{demo::chocolate, ""}).ok());
    CHECK(screen<ui::SaleVm>().total == "EUR -7.70");
    CHECK(screen<ui::SaleVm>().refund_due);
    REQUIRE(terminal.apply(ui::Refund{"cash", "", ""}).ok());  // straight from the sale screen
    CHECK(screen<ui::CompletedVm>().title == "Exchange complete");
    CHECK(store->find_ticket("T01-000002")->payments()[0].amount.minor() == -770);

    REQUIRE(terminal.apply(ui::NewSale{}).ok());
    open_receipt("T01-000001");
    REQUIRE(terminal.apply(ui::ReturnItem{1, "", "changed_mind", "restock"}).ok());
    REQUIRE(terminal.apply(ui::BackToSale{}).ok());
    REQUIRE(terminal.apply(ui::Scan{demo::chocolate, ""}).ok());
    CHECK(screen<ui::SaleVm>().total == "EUR 0.00");
    CHECK(store->verify_journal().ok);
}

TEST_CASE_FIXTURE(TerminalFixture, "a post-void of today's sale needs a manager and reverses it") {
    log_in();
    sell({demo::wine}, "10");  // change 1.01
    open_receipt("T01-000001");
    CHECK(screen<ui::ReturnVm>().can_post_void);

    const auto asked = refusal(ui::PostVoid{"rang up twice"});
    CHECK(asked.find("manager") != std::string::npos);
    REQUIRE(terminal.approval_pending());
    const auto approval = terminal.view().approval;
    REQUIRE(approval.has_value());
    CHECK(approval->title == "Manager approval needed");
    CHECK(approval->needed == "Manager or above");
    CHECK(approval->requested_by == "Alex Martin (Clerk)");
    CHECK(approval->rule == std::string(pos::describe(pos::Permission::post_void)));

    // A supervisor may not approve it; a wrong PIN is refused; the dialog stays for both.
    const auto supervisor = refusal(ui::Approve{"5001", "5555", "", "rang up twice"});
    CHECK(supervisor.find("Jordan Diaz") != std::string::npos);
    CHECK(supervisor.find("manager") != std::string::npos);
    CHECK(terminal.approval_pending());
    const auto wrong_pin = refusal(ui::Approve{"9001", "0000", "", "rang up twice"});
    CHECK(wrong_pin.find("Wrong PIN for Morgan Lee") != std::string::npos);
    CHECK(terminal.approval_pending());
    CHECK(terminal.view().message.text == wrong_pin);
    CHECK(store->completed_ticket_count() == 1);

    REQUIRE(terminal.apply(ui::Approve{"9001", "4321", "", "rang up twice"}).ok());
    CHECK_FALSE(terminal.approval_pending());
    const auto done = screen<ui::CompletedVm>();
    CHECK(done.title == "Post-void complete");
    CHECK(done.total == "EUR -8.99");
    CHECK(terminal.message().text.find("Approved by Morgan Lee") == 0);
    const auto voided = store->find_ticket("T01-000002");
    REQUIRE(voided.has_value());
    CHECK(voided->kind() == pos::TicketKind::post_void);
    CHECK(voided->post_void_of() == store->find_ticket("T01-000001")->id());
    REQUIRE(voided->approvals().size() == 1);
    CHECK(voided->approvals()[0].approver_name == "Morgan Lee");
    CHECK(store->verify_journal().ok);

    // Once post-voided it can be neither post-voided again nor returned.
    REQUIRE(terminal.apply(ui::NewSale{}).ok());
    REQUIRE(terminal.apply(ui::StartReturn{}).ok());
    if (terminal.apply(ui::OpenReceipt{"T01-000001"}).ok())
        CHECK_FALSE(screen<ui::ReturnVm>().can_post_void);
}

TEST_CASE_FIXTURE(TerminalFixture, "a sale of another day cannot be post-voided") {
    log_in();
    sell({demo::wine}, "10");
    clock.now += 24LL * 60 * 60 * 1000;
    open_receipt("T01-000001");
    CHECK_FALSE(screen<ui::ReturnVm>().can_post_void);
    CHECK_FALSE(terminal.apply(ui::PostVoid{"too late"}).ok());
    CHECK(store->completed_ticket_count() == 1);
}

TEST_CASE_FIXTURE(TerminalFixture, "each bad return input names the problem and changes nothing") {
    log_in();
    sell({demo::wine}, "10");
    REQUIRE(terminal.apply(ui::StartReturn{}).ok());
    struct Case {
        ui::Intent intent;
        std::string says;
    };
    const std::vector<Case> cases = {
        {ui::OpenReceipt{"T01-000099"}, "No receipt T01-000099 in this store"},
        {ui::OpenReceipt{"S002-T01-000001"},
         "Receipt S002-T01-000001 is from store S002; returns of another store's receipts need "
         "the head-office lookup, which comes with sync"},
        {ui::OpenReceipt{"X42"}, "'X42' is not a receipt number"},
        {ui::ReturnItem{0, "1", "faulty", "restock"}, "Scan or key the receipt number first"},
    };
    for (const auto& c : cases) {
        CAPTURE(c.says);
        const auto message = refusal(c.intent);
        CHECK(message.find(c.says) != std::string::npos);
        CHECK(terminal.view().message.kind == ui::MessageKind::error);
        CHECK(screen<ui::ReturnVm>().receipt.empty());
        CHECK(terminal.ticket()->lines().empty());
    }

    REQUIRE(terminal.apply(ui::OpenReceipt{"T01-000001"}).ok());
    const std::vector<Case> on_receipt = {
        {ui::ReturnItem{0, "2", "faulty", "restock"}, "Only 1 of 1 Valbrook Rioja"},
        {ui::ReturnItem{3, "1", "faulty", "restock"}, "There is no line 4 on receipt T01-000001"},
        {ui::ReturnItem{0, "1", "bored", "restock"}, "'bored' is not a return reason"},
        {ui::ReturnItem{0, "1", "faulty", "bin"}, "'bin' is not a disposition"},
        {ui::ReturnItem{0, "1", "", "restock"}, "Choose a reason"},
    };
    for (const auto& c : on_receipt) {
        CAPTURE(c.says);
        const auto message = refusal(c.intent);
        CAPTURE(message);
        CHECK(message.find(c.says) != std::string::npos);
        CHECK(terminal.ticket()->lines().empty());
        CHECK(screen<ui::ReturnVm>().lines[0].returnable == "1");
    }

    // What remains after an earlier return is all that can come back.
    REQUIRE(terminal.apply(ui::ReturnItem{0, "1", "faulty", "restock"}).ok());
    const auto again = refusal(ui::ReturnItem{0, "1", "faulty", "restock"});
    CHECK(again.find("None of 1 Valbrook Rioja") != std::string::npos);
    CHECK(terminal.ticket()->lines().size() == 1);
}

TEST_CASE_FIXTURE(TerminalFixture, "returns cannot start while payment is in progress") {
    log_in();
    terminal.apply(ui::Scan{demo::wine, ""});
    REQUIRE(terminal.apply(ui::Pay{}).ok());
    CHECK(refusal(ui::StartReturn{}).find("Payment is in progress") != std::string::npos);
    CHECK(refusal(ui::OpenReceipt{"T01-000001"}).find("Payment is in progress") !=
          std::string::npos);
    CHECK(terminal.screen() == ui::Screen::tender);
    CHECK(refusal(ui::Refund{}).find("Nothing is to be refunded") != std::string::npos);
}
