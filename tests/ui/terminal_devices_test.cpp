// The Terminal with its devices: where a scanned code goes on each screen, printing through the
// durable queue while the virtual printer is out of paper, the test page, the cash drawer, and
// the devices screen.
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

#include "terminal_fixture.hpp"

namespace {

// The virtual scanner reads a code; the frame loop (poll_devices) applies it.
void scan_with_device(TerminalFixture& f, const std::string& code,
                      const std::string& symbology = "") {
    REQUIRE(f.devices.virtual_scanner().scan({code, symbology}).ok);
    f.terminal.poll_devices();
}

void set_paper(TerminalFixture& f, bool out) {
    REQUIRE(f.terminal.apply(ui::SetVirtualPrinter{out, false}).ok());
}

std::string journal(db::Store& store) {
    return store.verify_journal().message;
}

// The spool's files whose names start with `stem`.
std::vector<std::string> spooled(const std::filesystem::path& spool, const std::string& stem) {
    std::vector<std::string> names;
    if (!std::filesystem::exists(spool))
        return names;
    for (const auto& entry : std::filesystem::directory_iterator(spool)) {
        const std::string name = entry.path().filename().string();
        if (name.rfind(stem, 0) == 0)
            names.push_back(name);
    }
    std::sort(names.begin(), names.end());
    return names;
}

bool log_has(const ui::DeviceHub& hub, const std::string& text) {
    for (const auto& line : hub.log()) {
        if (line.find(text) != std::string::npos)
            return true;
    }
    return false;
}

}  // namespace

TEST_CASE_FIXTURE(TerminalFixture, "a code scanned on the login screen only says to log in") {
    scan_with_device(*this, demo::milk);
    CHECK(terminal.screen() == ui::Screen::login);
    CHECK(terminal.ticket() == nullptr);
    CHECK(terminal.message().kind == ui::MessageKind::error);
    CHECK(terminal.message().text == std::string("Scanned ") + demo::milk + ": log in first");
}

TEST_CASE_FIXTURE(TerminalFixture, "a code scanned on the sale screen adds the item") {
    log_in();
    scan_with_device(*this, demo::wine, "]E0");
    const auto sale = screen<ui::SaleVm>();
    REQUIRE(sale.lines.size() == 1);
    CHECK(sale.lines[0].name == terminal.ticket()->lines()[0].name);
    CHECK(sale.total == "EUR 8.99");
    CHECK(log_has(devices, std::string("virtual:scanner: Scanned ") + demo::wine + " (]E0)"));

    SUBCASE("an unknown code is refused with a message and adds nothing") {
        scan_with_device(*this, "0000000000000");
        CHECK(terminal.message().kind == ui::MessageKind::error);
        CHECK_FALSE(terminal.message().text.empty());
        CHECK(terminal.ticket()->lines().size() == 1);
    }
}

TEST_CASE_FIXTURE(TerminalFixture, "a code scanned after a completed sale starts the next sale") {
    log_in();
    scan_with_device(*this, demo::milk);
    REQUIRE(terminal.apply(ui::TenderCash{"5", false}).ok());
    REQUIRE(terminal.screen() == ui::Screen::completed);
    scan_with_device(*this, demo::chocolate);
    CHECK(terminal.screen() == ui::Screen::sale);
    const auto sale = screen<ui::SaleVm>();
    REQUIRE(sale.lines.size() == 1);
    CHECK(sale.total == "EUR 1.29");
}

TEST_CASE_FIXTURE(TerminalFixture, "a badge scanned while the approval dialog is open is held") {
    log_in();
    REQUIRE(terminal.apply(ui::StartReturn{}).ok());
    REQUIRE_FALSE(terminal
                      .apply(ui::ReturnWithoutReceipt{demo::milk, "1", "changed_mind", "restock",
                                                      "555 123 4567"})
                      .ok());
    REQUIRE(terminal.approval_pending());
    scan_with_device(*this, "BADGE-9001-ML");
    const auto dialog = terminal.view().approval;
    REQUIRE(dialog.has_value());
    CHECK(dialog->badge_read.find("Morgan Lee") != std::string::npos);
    CHECK(terminal.ticket()->lines().empty());
    REQUIRE(terminal.apply(ui::Approve{"", "", "", "known customer"}).ok());
    CHECK(terminal.message().text.find("Approved by Morgan Lee") == 0);
    CHECK(terminal.ticket()->lines().size() == 1);
}

TEST_CASE_FIXTURE(TerminalFixture, "a receipt barcode scanned on the return screen opens it") {
    log_in();
    const std::string receipt = sell({demo::milk, demo::wine}, "20");
    REQUIRE(terminal.apply(ui::StartReturn{}).ok());

    SUBCASE("a code that is not a receipt number, with no receipt open, says what to do") {
        scan_with_device(*this, demo::milk);
        CHECK(terminal.message().kind == ui::MessageKind::error);
        CHECK(terminal.message().text ==
              std::string("Scanned ") + demo::milk +
                  ": not a receipt number (they look like T01-000042); for an item without its "
                  "receipt use Return without receipt");
        CHECK(terminal.ticket()->lines().empty());
    }
    SUBCASE("the receipt opens, then an item of it is pointed out, and another is not on it") {
        scan_with_device(*this, receipt);
        CHECK(terminal.screen() == ui::Screen::returns);
        CHECK(screen<ui::ReturnVm>().receipt == receipt);
        scan_with_device(*this, demo::wine);
        CHECK(terminal.message().kind == ui::MessageKind::info);
        CHECK(terminal.message().text.find(std::string("Scanned ") + demo::wine + ": ") == 0);
        CHECK(terminal.message().text.find("is line 2 of " + receipt) != std::string::npos);
        scan_with_device(*this, demo::chocolate);
        CHECK(terminal.message().text == std::string("Scanned ") + demo::chocolate +
                                             ": that item is not on receipt " + receipt);
        CHECK(terminal.ticket()->lines().empty());  // nothing returned by a scan alone
    }
}

TEST_CASE_FIXTURE(TerminalFixture, "a code scanned in ticket search finds tickets with that item") {
    log_in();
    const std::string with_wine = sell({demo::wine}, "10");
    sell({demo::milk}, "5");
    REQUIRE(terminal.apply(ui::ShowTicketSearch{}).ok());
    scan_with_device(*this, demo::wine);
    const auto found = screen<ui::TicketSearchVm>();
    REQUIRE(found.results.size() == 1);
    CHECK(found.results[0].receipt == with_wine);
}

TEST_CASE_FIXTURE(TerminalFixture, "a code scanned during payment is refused and changes nothing") {
    log_in();
    scan_with_device(*this, demo::milk);
    REQUIRE(terminal.apply(ui::Pay{}).ok());
    scan_with_device(*this, demo::wine);
    CHECK(terminal.screen() == ui::Screen::tender);
    CHECK(terminal.message().text ==
          std::string("Scanned ") + demo::wine + ": finish or go back from the payment first");
    CHECK(terminal.ticket()->lines().size() == 1);
    CHECK(screen<ui::TenderVm>().due == "EUR 1.19");
}

TEST_CASE_FIXTURE(TerminalFixture, "a code scanned on the devices screen is a scanner test") {
    log_in();
    REQUIRE(terminal.apply(ui::ShowDevices{}).ok());
    scan_with_device(*this, "ABC-123", "]C0");
    CHECK(terminal.screen() == ui::Screen::devices);
    CHECK(terminal.message().text == "Scanned ABC-123 (]C0)");
    CHECK(terminal.ticket()->lines().empty());
    const auto vm = screen<ui::DevicesVm>();
    REQUIRE_FALSE(vm.log.empty());
    CHECK(vm.log.back().find("virtual:scanner: Scanned ABC-123 (]C0)") != std::string::npos);
}

TEST_CASE_FIXTURE(TerminalFixture,
                  "a sale while the printer is out of paper completes, and prints once paper is "
                  "back") {
    log_in();
    set_paper(*this, true);
    scan_with_device(*this, demo::milk);
    REQUIRE(terminal.apply(ui::TenderCash{"5", false}).ok());
    CHECK(terminal.screen() == ui::Screen::completed);
    CHECK(store->completed_ticket_count() == 1);
    CHECK(journal(*store).find("journal OK") == 0);

    auto frame = terminal.view();
    REQUIRE(frame.print_banner.has_value());
    CHECK(frame.print_banner->message ==
          "Receipt T01-000001 is not printed yet: paper out. It will print when the printer is "
          "ready.");
    CHECK(std::get<ui::CompletedVm>(frame.screen).print_status == "T01-000001 waiting: paper out");
    CHECK(frame.message.text ==
          "Sale T01-000001 completed, but its receipt is not printed yet: paper out. It prints "
          "when the printer is ready.");
    const auto spool = dir.path() / "spool";
    CHECK(spooled(spool, "T01-000001").empty());

    set_paper(*this, false);
    terminal.poll_devices();
    terminal.poll_devices();
    frame = terminal.view();
    CHECK_FALSE(frame.print_banner.has_value());
    CHECK(std::get<ui::CompletedVm>(frame.screen).print_status ==
          "Printed T01-000001 on Spool printer");
    CHECK(spooled(spool, "T01-000001") ==
          std::vector<std::string>{"T01-000001.escpos", "T01-000001.png", "T01-000001.txt"});
    const auto jobs = devices.print_queue().recent(5);
    REQUIRE(jobs.size() == 1);
    CHECK(jobs[0].state == db::PrintJobState::done);
    CHECK(jobs[0].attempts == 1);
}

TEST_CASE_FIXTURE(TerminalFixture, "a test page prints through the queue under a name of its own") {
    log_in();
    REQUIRE(terminal.apply(ui::ShowDevices{}).ok());
    REQUIRE(terminal.apply(ui::TestPrint{}).ok());
    CHECK(terminal.message().text == "Test page test-page-1 printed");
    REQUIRE(terminal.apply(ui::TestPrint{}).ok());
    CHECK(terminal.message().text == "Test page test-page-2 printed");
    std::ifstream page(dir.path() / "spool" / "test-page-1.txt");
    std::stringstream text;
    text << page.rdbuf();
    CHECK(text.str().find("PRINTER TEST") != std::string::npos);
    const auto vm = screen<ui::DevicesVm>();
    REQUIRE(vm.jobs.size() == 2);
    CHECK(vm.jobs[0].name == "test-page-2");  // newest first
    CHECK(vm.jobs[0].title == "Test page");
    CHECK(vm.jobs[0].state == "printed");
    CHECK(vm.jobs[0].can_reprint);
    CHECK_FALSE(vm.jobs[0].can_retry);
    CHECK(terminal.screen() == ui::Screen::devices);

    SUBCASE("nobody logged in: refused") {
        REQUIRE(terminal.apply(ui::BackToSale{}).ok());
        REQUIRE(terminal.apply(ui::LogOut{}).ok());
        CHECK(refusal(ui::TestPrint{}) == "Log in first to print a test page");
        CHECK(devices.print_queue().recent(5).size() == 2);
    }
}

TEST_CASE_FIXTURE(TerminalFixture,
                  "cash opens the drawer once the sale is stored; a card does not") {
    log_in();
    scan_with_device(*this, demo::milk);
    REQUIRE(terminal.apply(ui::TenderCard{"1.19", "A1", "4242"}).ok());
    terminal.poll_devices();
    CHECK_FALSE(terminal.view().drawer_open);
    REQUIRE(terminal.apply(ui::NewSale{}).ok());

    scan_with_device(*this, demo::wine);
    REQUIRE(terminal.apply(ui::TenderCash{"20", false}).ok());
    CHECK(store->completed_ticket_count() == 2);
    const auto frame = terminal.view();
    CHECK(frame.drawer_open);
    CHECK(std::get<ui::CompletedVm>(frame.screen).change == "EUR 11.01");
    CHECK(log_has(devices, "drawer pulse sent"));
}

TEST_CASE_FIXTURE(TerminalFixture,
                  "a no-sale opens the drawer only through the no-sale rules, and is journaled") {
    log_in();
    const std::string before = journal(*store);
    scan_with_device(*this, demo::milk);
    CHECK(refusal(ui::OpenDrawer{"change for the float"}) ==
          "Finish the sale first: a no-sale opens the drawer only between sales");
    CHECK_FALSE(terminal.view().drawer_open);
    CHECK(journal(*store) == before);
    REQUIRE(terminal.apply(ui::VoidTicket{"not needed"}).ok());
    const std::string voided = journal(*store);

    REQUIRE(terminal.apply(ui::ShowDevices{}).ok());
    REQUIRE(terminal.apply(ui::OpenDrawer{"change for the float"}).ok());
    CHECK(terminal.message().text == "Drawer opened: no sale (recorded)");
    CHECK(terminal.view().drawer_open);
    CHECK(screen<ui::DevicesVm>().drawer == "Drawer open");
    CHECK(journal(*store) != voided);  // one more entry: the no-sale with its reason

    SUBCASE("from the payment screen it is refused") {
        REQUIRE(terminal.apply(ui::BackToSale{}).ok());
        scan_with_device(*this, demo::milk);
        REQUIRE(terminal.apply(ui::Pay{}).ok());
        const std::string paying = journal(*store);
        CHECK(refusal(ui::OpenDrawer{"x"}) == "Cannot open the drawer on this screen");
        CHECK(journal(*store) == paying);
    }
}

TEST_CASE_FIXTURE(TerminalFixture, "the devices screen lists the devices, the jobs and the log") {
    CHECK(refusal(ui::ShowDevices{}) == "Log in first to see the devices");
    log_in();
    sell({demo::milk}, "5");
    REQUIRE(terminal.apply(ui::ShowDevices{}).ok());
    auto vm = screen<ui::DevicesVm>();
    REQUIRE(vm.devices.size() == 3);
    const auto& printer = vm.devices[0];
    CHECK(printer.id == "virtual:printer");
    CHECK(printer.kind == "Printer");
    CHECK(printer.name == "Spool printer");
    CHECK(printer.state == "enabled");
    CHECK(printer.status == "ready");
    CHECK(printer.in_use);
    CHECK_FALSE(printer.problem);
    CHECK(vm.devices[1].kind == "Scanner");
    CHECK(vm.devices[1].in_use);
    CHECK(vm.devices[2].kind == "Cash drawer");
    CHECK(vm.printer ==
          "Receipts print on: Spool printer (profile " + devices.printer_profile().name + ")");
    CHECK(vm.virtual_printer_in_use);
    CHECK(vm.can_open_drawer);
    REQUIRE(vm.jobs.size() == 1);
    CHECK(vm.jobs[0].name == "T01-000001");
    CHECK(vm.jobs[0].title == "Receipt");
    CHECK(vm.jobs[0].state == "printed");
    CHECK(vm.usb_problem.empty());

    set_paper(*this, true);
    vm = screen<ui::DevicesVm>();
    CHECK(vm.virtual_paper_out);
    CHECK(vm.devices[0].status == "paper out");
    CHECK(vm.devices[0].problem);
    CHECK(log_has(devices, "virtual:printer: paper out"));

    REQUIRE(terminal.apply(ui::BackToSale{}).ok());
    CHECK(terminal.screen() == ui::Screen::sale);
}

TEST_CASE_FIXTURE(TerminalFixture,
                  "a job the spool could not take is retried from the devices "
                  "screen and prints once") {
    // The spool folder's name is taken by a file: nothing can be written until it is moved.
    const auto spool = dir.path() / "spool";
    std::ofstream(spool) << "in the way";
    log_in();
    scan_with_device(*this, demo::milk);
    REQUIRE(terminal.apply(ui::TenderCash{"5", false}).ok());
    CHECK(store->completed_ticket_count() == 1);
    CHECK(terminal.message().text.find("Sale T01-000001 completed, but its receipt was not "
                                       "printed: ") == 0);
    const auto frame = terminal.view();
    REQUIRE(frame.print_banner.has_value());
    CHECK(frame.print_banner->message.find("Receipt T01-000001") == 0);

    std::filesystem::remove(spool);
    REQUIRE(terminal.apply(ui::ShowDevices{}).ok());
    const auto before = screen<ui::DevicesVm>();
    REQUIRE(before.jobs.size() == 1);
    CHECK(before.jobs[0].can_retry);
    CHECK(before.jobs[0].state.find("waiting: ") == 0);
    REQUIRE(terminal.apply(ui::RetryPrint{before.jobs[0].id}).ok());
    CHECK(terminal.message().text == "Receipt T01-000001 printed");
    CHECK(spooled(spool, "T01-000001") ==
          std::vector<std::string>{"T01-000001.escpos", "T01-000001.png", "T01-000001.txt"});
    CHECK_FALSE(terminal.view().print_banner.has_value());
    CHECK(screen<ui::DevicesVm>().jobs[0].state == "printed");

    REQUIRE(terminal.apply(ui::ReprintJob{before.jobs[0].id}).ok());
    CHECK(std::filesystem::exists(spool / "T01-000001-copy1.txt"));
}

TEST_CASE_FIXTURE(TerminalFixture,
                  "cash handed back for a return opens the drawer; a card refund does not") {
    log_in();
    sell({demo::wine, demo::chocolate}, "20");
    auto shut_drawer = [&] {
        auto status = devices.virtual_printer().status();
        status.drawer_open = false;
        devices.virtual_printer().set_status(status);
        terminal.poll_devices();
        REQUIRE_FALSE(terminal.view().drawer_open);
    };
    shut_drawer();

    open_receipt("T01-000001");
    REQUIRE(terminal.apply(ui::ReturnItem{1, "", "changed_mind", "restock"}).ok());
    REQUIRE(terminal.apply(ui::BackToSale{}).ok());
    REQUIRE(terminal.apply(ui::Refund{"cash", "", ""}).ok());
    CHECK(screen<ui::CompletedVm>().title == "Refund complete");
    CHECK(terminal.view().drawer_open);

    shut_drawer();
    REQUIRE(terminal.apply(ui::NewSale{}).ok());
    scan_with_device(*this, demo::milk);
    REQUIRE(terminal.apply(ui::TenderCard{"1.19", "A7", "4242"}).ok());
    REQUIRE(terminal.apply(ui::NewSale{}).ok());
    open_receipt("T01-000003");
    REQUIRE(terminal.apply(ui::ReturnItem{0, "", "changed_mind", "restock"}).ok());
    REQUIRE(terminal.apply(ui::BackToSale{}).ok());
    REQUIRE(terminal.apply(ui::Refund{}).ok());  // back to the card it was paid with
    CHECK_FALSE(terminal.view().drawer_open);
}

TEST_CASE_FIXTURE(TerminalFixture,
                  "a post-void of a cash sale opens the drawer to give the cash back") {
    log_in();
    sell({demo::wine}, "10");
    auto status = devices.virtual_printer().status();
    status.drawer_open = false;
    devices.virtual_printer().set_status(status);
    terminal.poll_devices();
    REQUIRE_FALSE(terminal.view().drawer_open);

    open_receipt("T01-000001");
    CHECK_FALSE(terminal.apply(ui::PostVoid{"rang up twice"}).ok());  // asks for a manager
    REQUIRE(terminal.apply(ui::Approve{"9001", "4321", "", "rang up twice"}).ok());
    CHECK(screen<ui::CompletedVm>().title == "Post-void complete");
    CHECK(terminal.view().drawer_open);
}
