#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "receipts/escpos.hpp"
#include "receipts/png.hpp"
#include "terminal_fixture.hpp"
#include "ui/script.hpp"

namespace {

std::string file_text(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::stringstream content;
    content << in.rdbuf();
    return content.str();
}

// What the virtual printer's ESC/POS bytes print, as describe() words it.
std::string printed_escpos(const std::filesystem::path& file) {
    const std::string bytes = file_text(file);
    const auto profile = receipts::find_profile("virtual");
    REQUIRE(profile.has_value());
    return receipts::describe(
        receipts::decode_escpos(std::vector<std::uint8_t>(bytes.begin(), bytes.end()), *profile));
}

bool has_line_with(const std::string& text, const std::string& a, const std::string& b) {
    std::istringstream lines(text);
    for (std::string line; std::getline(lines, line);) {
        if (line.find(a) != std::string::npos && line.find(b) != std::string::npos)
            return true;
    }
    return false;
}

}  // namespace

TEST_CASE_FIXTURE(TerminalFixture, "the login screen lists the demo staff") {
    const auto vm = screen<ui::LoginVm>();
    CHECK(vm.store_name == "Counter Demo Market");
    REQUIRE(vm.users.size() == 4);
    CHECK(vm.users[0].name == "Alex Martin");
    CHECK(vm.users[0].role == "Clerk");
    CHECK(vm.users[1].role == "Supervisor");
    CHECK(vm.users[2].role == "Manager");
    CHECK(vm.users[3].name == "Riley Quinn");
    CHECK(vm.users[3].role == "Administrator");
}

TEST_CASE_FIXTURE(TerminalFixture, "a wrong PIN stays on the login screen with a message") {
    auto r = terminal.apply(ui::LogIn{"1001", "0000"});
    CHECK_FALSE(r.ok());
    CHECK(terminal.screen() == ui::Screen::login);
    const auto frame = terminal.view();
    CHECK(frame.message.kind == ui::MessageKind::error);
    CHECK(frame.message.text == "Wrong PIN for Alex Martin: 9 tries left before the account locks");
}

TEST_CASE_FIXTURE(TerminalFixture,
                  "ten wrong PINs lock the clerk out, and the lock survives a restart") {
    for (int i = 0; i < 10; ++i)
        terminal.apply(ui::LogIn{"1001", "0000"});
    ui::Terminal restarted({*store, clock, ids, devices, 0});
    auto r = restarted.apply(ui::LogIn{"1001", "1234"});
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().message.find("locked out") != std::string::npos);
    clock.now += 30 * 60 * 1000;
    CHECK(restarted.apply(ui::LogIn{"1001", "1234"}).ok());
}

TEST_CASE_FIXTURE(TerminalFixture,
                  "scanning adds lines and the sale screen shows them with the total") {
    log_in();
    REQUIRE(terminal.apply(ui::Scan{demo::milk, ""}).ok());
    REQUIRE(terminal.apply(ui::Scan{demo::wine, "2"}).ok());
    REQUIRE(terminal.apply(ui::Scan{demo::bananas, "0.455"}).ok());
    const auto vm = screen<ui::SaleVm>();
    REQUIRE(vm.lines.size() == 3);
    CHECK(vm.lines[0].name == "Hillcrest Whole Milk 1 L");
    CHECK(vm.lines[1].quantity == "2");
    CHECK(vm.lines[1].amount == "17.98");
    CHECK(vm.lines[2].quantity == "0.455 kg");
    CHECK(vm.lines[2].unit_price == "1.99/kg");
    CHECK(vm.lines[2].amount == "0.91");
    CHECK(vm.lines[2].selected);
    CHECK(vm.total == "EUR 20.08");
    CHECK(vm.item_count == "4 items");
    CHECK(vm.can_pay);
}

TEST_CASE_FIXTURE(TerminalFixture, "each bad input shows a message and leaves the sale unchanged") {
    log_in();
    REQUIRE(terminal.apply(ui::Scan{demo::milk, ""}).ok());
    struct Case {
        ui::Intent intent;
        std::string says;
    };
    const std::vector<Case> cases = {
        {ui::Scan{"4009999999995", ""}, "No product has the code 4009999999995"},
        {ui::Scan{"5012345000016", ""}, "wrong check digit"},
        {ui::Scan{"50123X5000015", ""}, "digits only"},
        {ui::Scan{demo::milk, "0"}, "more than zero"},
        {ui::Scan{demo::milk, "100000"}, "too large"},
        {ui::Scan{demo::bananas, ""}, "sold by weight"},
        {ui::SetQuantity{"0"}, "more than zero"},
        {ui::SetQuantity{"1.5"}, "whole number"},
        {ui::PickResult{3, ""}, "no search result 4"},
    };
    for (const auto& c : cases) {
        CAPTURE(c.says);
        auto r = terminal.apply(c.intent);
        REQUIRE_FALSE(r.ok());
        CAPTURE(r.error().message);
        CHECK(r.error().message.find(c.says) != std::string::npos);
        const auto frame = terminal.view();
        CHECK(frame.message.kind == ui::MessageKind::error);
        CHECK(frame.message.text == r.error().message);
        const auto vm = screen<ui::SaleVm>();
        REQUIRE(vm.lines.size() == 1);
        CHECK(vm.lines[0].quantity == "1");
        CHECK(vm.total == "EUR 1.19");
    }
}

TEST_CASE_FIXTURE(TerminalFixture, "search as you type and pick a result") {
    log_in();
    REQUIRE(terminal.apply(ui::Search{"nordv choc dig"}).ok());
    auto vm = screen<ui::SaleVm>();
    REQUIRE(vm.search_results.size() == 1);
    CHECK(vm.search_results[0].name == "Nordvik Chocolate Digestives 300 g");
    CHECK(vm.search_results[0].price == "1.39");
    REQUIRE(terminal.apply(ui::PickResult{0, "2"}).ok());
    vm = screen<ui::SaleVm>();
    REQUIRE(vm.lines.size() == 1);
    CHECK(vm.lines[0].quantity == "2");
    CHECK(vm.search_results.empty());  // picking clears the search
}

TEST_CASE_FIXTURE(TerminalFixture, "quantity changes and voids act on the selected line") {
    log_in();
    terminal.apply(ui::Scan{demo::milk, ""});
    terminal.apply(ui::Scan{demo::sourdough, ""});
    REQUIRE(terminal.apply(ui::SelectLine{0}).ok());
    REQUIRE(terminal.apply(ui::SetQuantity{"3"}).ok());
    CHECK(screen<ui::SaleVm>().lines[0].amount == "3.19");  // "2 for 2.00" + 1.19
    CHECK(screen<ui::SaleVm>().lines[0].saving == "2 for 2.00  -0.38");
    REQUIRE(terminal.apply(ui::VoidLine{"wrong item"}).ok());
    const auto vm = screen<ui::SaleVm>();
    REQUIRE(vm.lines.size() == 2);
    CHECK(vm.lines[0].voided);
    CHECK(vm.lines[0].amount == "VOID");
    CHECK(vm.total == "EUR 2.24");  // 10% off Bakery
    CHECK_FALSE(vm.can_edit_line);  // the voided line is still selected
    CHECK_FALSE(terminal.apply(ui::SelectLine{5}).ok());
}

TEST_CASE_FIXTURE(TerminalFixture,
                  "too little cash is refused, enough completes, prints and stores the sale") {
    log_in();
    terminal.apply(ui::Scan{demo::milk, ""});
    terminal.apply(ui::Scan{demo::sourdough, ""});
    terminal.apply(ui::Scan{demo::wine, ""});
    REQUIRE(terminal.apply(ui::Pay{}).ok());
    const auto tender = screen<ui::TenderVm>();
    // Milk 1.19 + sourdough 2.49 less 10% off Bakery (2.24) + wine 8.99.
    CHECK(tender.due == "EUR 12.42");
    CHECK(tender.quick_cash == std::vector<std::string>{"12.42", "20.00", "50.00", "100.00"});

    auto short_cash = terminal.apply(ui::TenderCash{"10"});
    REQUIRE_FALSE(short_cash.ok());
    CHECK(short_cash.error().message ==
          "Cash 10.00 is less than the 12.42 due: key the amount received");
    CHECK(terminal.screen() == ui::Screen::tender);
    CHECK(store->completed_ticket_count() == 0);

    REQUIRE(terminal.apply(ui::TenderCash{"20"}).ok());
    const auto done = screen<ui::CompletedVm>();
    CHECK(done.receipt_number == "T01-000001");
    CHECK(done.change == "EUR 7.58");
    CHECK(done.receipt_text.find("Receipt T01-000001") != std::string::npos);
    CHECK(done.print_status == "Printed T01-000001 on Spool printer");

    auto stored = store->find_ticket("T01-000001");
    REQUIRE(stored.has_value());
    CHECK(stored->lines().size() == 3);
    CHECK(stored->totals().total.minor() == 1242);
    CHECK(stored->totals().savings.minor() == 25);
    CHECK(stored->change_given().minor() == 758);

    std::ifstream printed(dir.path() / "spool" / "T01-000001.txt");
    std::stringstream text;
    text << printed.rdbuf();
    CHECK(text.str() == done.receipt_text);
}

TEST_CASE_FIXTURE(TerminalFixture, "a failed print does not undo the sale, and says so") {
    ui::DeviceHub broken(*store, clock, ids, {dir.path() / "terminal.db" / "not-a-folder"});
    ui::Terminal t({*store, clock, ids, broken, 0});
    REQUIRE(t.apply(ui::LogIn{"1001", "1234"}).ok());
    t.apply(ui::Scan{demo::milk, ""});
    REQUIRE(t.apply(ui::TenderCash{"5"}).ok());
    auto frame = t.view();
    const auto& done = std::get<ui::CompletedVm>(frame.screen);
    CHECK(done.print_status.find("T01-000001 waiting: spool printer: cannot create ") == 0);
    CHECK(done.change == "EUR 3.81");
    // The banner says the sale is done and the receipt is not.
    CHECK(frame.message.kind == ui::MessageKind::error);
    CHECK(frame.message.text.find("Sale T01-000001 completed, but its receipt was not printed: "
                                  "spool printer: cannot create ") == 0);
    CHECK(t.screen() == ui::Screen::completed);
    CHECK(store->completed_ticket_count() == 1);
    // The banner over every screen keeps saying it until the receipt prints.
    REQUIRE(frame.print_banner.has_value());
    CHECK(frame.print_banner->message.find(
              "Receipt T01-000001 is not printed yet: spool printer: cannot create ") == 0);

    // Reprint tries again, and says again why it cannot.
    auto again = t.apply(ui::Reprint{});
    REQUIRE_FALSE(again.ok());
    CHECK(again.error().message.find("The copy of T01-000001 was not printed") == 0);
    CHECK(t.screen() == ui::Screen::completed);
    CHECK(store->completed_ticket_count() == 1);
}

TEST_CASE_FIXTURE(TerminalFixture, "scanning after a completed sale starts the next one") {
    log_in();
    terminal.apply(ui::Scan{demo::milk, ""});
    REQUIRE(terminal.apply(ui::TenderCash{"1.19"}).ok());
    REQUIRE(terminal.apply(ui::Scan{demo::chocolate, ""}).ok());
    CHECK(terminal.screen() == ui::Screen::sale);
    const auto vm = screen<ui::SaleVm>();
    REQUIRE(vm.lines.size() == 1);
    CHECK(vm.total == "EUR 1.29");
    REQUIRE(terminal.apply(ui::TenderCash{"2"}).ok());
    CHECK(screen<ui::CompletedVm>().receipt_number == "T01-000002");
}

TEST_CASE_FIXTURE(TerminalFixture, "the clerk cannot log out in the middle of a sale") {
    log_in();
    terminal.apply(ui::Scan{demo::milk, ""});
    CHECK_FALSE(terminal.apply(ui::LogOut{}).ok());
    terminal.apply(ui::VoidLine{});
    CHECK(terminal.apply(ui::LogOut{}).ok());
    CHECK(terminal.screen() == ui::Screen::login);
}

TEST_CASE_FIXTURE(TerminalFixture, "nothing can be sold before logging in") {
    auto r = terminal.apply(ui::Scan{demo::milk, ""});
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().message.find("Log in first") != std::string::npos);
    CHECK(terminal.screen() == ui::Screen::login);
}

TEST_CASE_FIXTURE(TerminalFixture,
                  "the sale screen counts suspended sales as they are parked and resumed") {
    log_in();
    CHECK(screen<ui::SaleVm>().suspended_count.empty());
    terminal.apply(ui::Scan{demo::milk, ""});
    REQUIRE(terminal.apply(ui::Suspend{"blue coat"}).ok());
    auto vm = screen<ui::SaleVm>();
    CHECK(vm.suspended_count == "1 suspended");
    CHECK(vm.can_resume);
    REQUIRE(terminal.apply(ui::ShowSuspended{}).ok());
    const auto list = screen<ui::SuspendedListVm>();
    REQUIRE(list.tickets.size() == 1);
    CHECK(list.tickets[0].label == "blue coat");
    REQUIRE(terminal.apply(ui::ResumeTicket{list.tickets[0].ticket_id}).ok());
    vm = screen<ui::SaleVm>();
    CHECK(vm.suspended_count.empty());
    CHECK(vm.total == "EUR 1.19");
}

TEST_CASE_FIXTURE(TerminalFixture,
                  "a completed sale is spooled as text, picture and printer bytes, and previewed") {
    log_in();
    terminal.apply(ui::Scan{demo::milk, ""});
    terminal.apply(ui::Scan{demo::sourdough, ""});
    terminal.apply(ui::Scan{demo::wine, ""});
    REQUIRE(terminal.apply(ui::TenderCash{"20"}).ok());
    const auto spool = dir.path() / "spool";

    const std::string text = file_text(spool / "T01-000001.txt");
    CHECK(text.find("T01-000001") != std::string::npos);
    CHECK(has_line_with(text, "TOTAL", "12.42"));
    CHECK(file_text(spool / "T01-000001.png").substr(0, 8) == "\x89PNG\r\n\x1a\n");
    CHECK(has_line_with(printed_escpos(spool / "T01-000001.escpos"), "TOTAL", "12.42"));

    const auto done = screen<ui::CompletedVm>();
    CHECK(done.receipt_text == text);
    CHECK(done.print_status == "Printed T01-000001 on Spool printer");
    CHECK(done.preview_title == "Receipt");
    CHECK(done.preview.width == 576);  // 80 mm at 8 dots per mm
    CHECK(done.preview.height > 576);
    REQUIRE(done.preview.grey != nullptr);
    CHECK(done.preview.grey->size() == 576u * static_cast<std::size_t>(done.preview.height));
    CHECK(done.can_reprint);
    CHECK(done.can_gift);
}

TEST_CASE_FIXTURE(TerminalFixture,
                  "a reprint is marked COPY under a new name, and the original stays as printed") {
    log_in();
    terminal.apply(ui::Scan{demo::wine, ""});
    REQUIRE(terminal.apply(ui::TenderCash{"10"}).ok());
    const auto spool = dir.path() / "spool";
    const std::string original = file_text(spool / "T01-000001.txt");
    const auto first = screen<ui::CompletedVm>().preview.version;
    CHECK(original.find("COPY") == std::string::npos);

    REQUIRE(terminal.apply(ui::Reprint{}).ok());
    const std::string copy = file_text(spool / "T01-000001-copy1.txt");
    CHECK(copy.find("COPY") != std::string::npos);
    CHECK(copy.find("T01-000001") != std::string::npos);
    CHECK(has_line_with(copy, "TOTAL", "8.99"));
    CHECK(printed_escpos(spool / "T01-000001-copy1.escpos").find("COPY") != std::string::npos);
    CHECK(file_text(spool / "T01-000001-copy1.png").substr(0, 4) == "\x89PNG");
    CHECK(file_text(spool / "T01-000001.txt") == original);

    auto done = screen<ui::CompletedVm>();
    CHECK(done.preview_title == "Copy");
    CHECK(done.receipt_text == copy);
    CHECK(done.preview.version != first);  // the window uploads the new picture
    CHECK(done.print_status.find("Printed T01-000001-copy1 ") == 0);
    CHECK(terminal.message().text == "Copy of T01-000001 printed");

    REQUIRE(terminal.apply(ui::Reprint{}).ok());
    CHECK(std::filesystem::exists(spool / "T01-000001-copy2.txt"));
    CHECK(file_text(spool / "T01-000001-copy1.txt") == copy);
}

TEST_CASE_FIXTURE(TerminalFixture, "a gift receipt lists the items with no prices or payments") {
    log_in();
    terminal.apply(ui::Scan{demo::wine, ""});
    terminal.apply(ui::Scan{demo::milk, ""});
    REQUIRE(terminal.apply(ui::TenderCash{"20"}).ok());
    REQUIRE(terminal.apply(ui::GiftReceipt{}).ok());
    const std::string gift = file_text(dir.path() / "spool" / "T01-000001-gift1.txt");
    CHECK(gift.find("Hillcrest Whole Milk 1 L") != std::string::npos);
    CHECK(gift.find("S001-T01-000001") != std::string::npos);  // the barcode for a return
    for (const char* amount : {"8.99", "1.19", "10.18", "20.00", "9.82"}) {
        CAPTURE(amount);
        CHECK(gift.find(amount) == std::string::npos);
    }
    CHECK(screen<ui::CompletedVm>().preview_title == "Gift receipt");
    CHECK(std::filesystem::exists(dir.path() / "spool" / "T01-000001-gift1.png"));
}

TEST_CASE_FIXTURE(TerminalFixture,
                  "a return has no gift receipt, and nothing to reprint mid-sale") {
    log_in();
    const std::string sold = sell({demo::wine}, "10");
    CHECK(refusal(ui::Reprint{}) == "Cannot reprint its receipt on this screen");
    open_receipt(sold);
    REQUIRE(terminal.apply(ui::ReturnItem{0, "", "faulty", "restock"}).ok());
    REQUIRE(terminal.apply(ui::BackToSale{}).ok());
    REQUIRE(terminal.apply(ui::Pay{}).ok());
    REQUIRE(terminal.apply(ui::Refund{}).ok());
    CHECK_FALSE(screen<ui::CompletedVm>().can_gift);
    CHECK(refusal(ui::GiftReceipt{}) ==
          "A gift receipt lists items sold, and T01-000002 sold none");
    CHECK(terminal.apply(ui::Reprint{}).ok());
    CHECK(std::filesystem::exists(dir.path() / "spool" / "T01-000002-copy1.txt"));
}

TEST_CASE_FIXTURE(TerminalFixture, "a ticket found in ticket search can be reprinted") {
    log_in();
    sell({demo::wine}, "10");
    REQUIRE(terminal.apply(ui::ShowTicketSearch{}).ok());
    CHECK(refusal(ui::Reprint{}) == "Open a ticket first, then reprint its receipt");
    REQUIRE(terminal.apply(ui::FindTickets{}).ok());
    REQUIRE(terminal.apply(ui::OpenFound{0}).ok());
    REQUIRE(terminal.apply(ui::Reprint{}).ok());
    CHECK(file_text(dir.path() / "spool" / "T01-000001-copy1.txt").find("COPY") !=
          std::string::npos);
    REQUIRE(terminal.apply(ui::GiftReceipt{}).ok());
    CHECK(std::filesystem::exists(dir.path() / "spool" / "T01-000001-gift1.txt"));
    CHECK(terminal.screen() == ui::Screen::ticket_search);
}

TEST_CASE_FIXTURE(TerminalFixture,
                  "a script reprints and prints a gift receipt; its JSON is the sale's") {
    for (const char* line : {"gift", "gift card", "reprint now"}) {
        CAPTURE(line);
        CHECK_FALSE(ui::parse_script_line(line).ok());
    }
    std::istringstream script(
        "login 1001 1234\n"
        "scan 5012345000053\n"
        "pay cash 10\n"
        "reprint\n"
        "gift receipt\n");
    std::ostringstream out;
    std::ostringstream err;
    REQUIRE(ui::run_script(terminal, script, "receipts.script", out, err) == ui::script_ok);
    CHECK(err.str().empty());
    // One line of JSON: the sale, printed once however often its receipt is.
    const std::string json = out.str();
    CHECK(std::count(json.begin(), json.end(), '\n') == 1);
    CHECK(json.find("\"receipt_number\":\"T01-000001\"") != std::string::npos);
    for (const char* file : {"T01-000001.escpos", "T01-000001-copy1.png", "T01-000001-gift1.txt"}) {
        CAPTURE(file);
        CHECK(std::filesystem::exists(dir.path() / "spool" / file));
    }
}

// A terminal started on the demo store after its settings name a receipt logo.
struct LogoFixture {
    testing_support::TempDir dir;
    std::unique_ptr<db::Store> store = TerminalFixture::open_demo(dir.path() / "terminal.db");
    fakes::Clock clock;
    db::RandomIds ids{clock};
    std::unique_ptr<ui::DeviceHub> devices;

    std::unique_ptr<ui::Terminal> start_with_logo(const std::filesystem::path& logo) {
        auto settings = store->settings();
        settings.receipt_logo = logo.string();
        REQUIRE(store->save_settings(settings).ok());
        devices = std::make_unique<ui::DeviceHub>(*store, clock, ids,
                                                  ui::DeviceHubOptions{dir.path() / "spool"});
        return std::make_unique<ui::Terminal>(
            ui::TerminalServices{*store, clock, ids, *devices, 0});
    }
    void sell_milk(ui::Terminal& terminal) {
        REQUIRE(terminal.apply(ui::LogIn{"1001", "1234"}).ok());
        REQUIRE(terminal.apply(ui::Scan{demo::milk, ""}).ok());
        REQUIRE(terminal.apply(ui::TenderCash{"5"}).ok());
    }
};

TEST_CASE_FIXTURE(LogoFixture, "the store's logo is printed at the top of its receipts") {
    receipts::Raster square{64, 64, std::vector<std::uint8_t>(64 * 64, 0)};  // all black
    const auto logo = dir.path() / "logo.png";
    const auto png = receipts::encode_png(square);
    std::ofstream(logo, std::ios::binary)
        .write(reinterpret_cast<const char*>(png.data()), static_cast<std::streamsize>(png.size()));
    auto terminal = start_with_logo(logo);
    sell_milk(*terminal);
    const std::string printed = printed_escpos(dir.path() / "spool" / "T01-000001.escpos");
    CHECK(printed.find("<image 64x64>") < printed.find("Counter Demo Market"));
}

TEST_CASE_FIXTURE(LogoFixture, "a logo file that cannot be read is named, and the sale prints") {
    auto terminal = start_with_logo(dir.path() / "missing-logo.png");
    sell_milk(*terminal);
    const std::string printed = printed_escpos(dir.path() / "spool" / "T01-000001.escpos");
    CHECK(printed.find("<image") == std::string::npos);
    CHECK(printed.find("Counter Demo Market") != std::string::npos);
    const auto done = std::get<ui::CompletedVm>(terminal->view().screen);
    CHECK(done.print_status.find("missing-logo.png could not be read") != std::string::npos);
}
