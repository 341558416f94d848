// The interactions and special orders screens at the Terminal level: recording, updating and
// resolving interactions, and a special order from deposit to pick-up.
#include <doctest/doctest.h>

#include "terminal_fixture.hpp"

namespace {

constexpr std::int64_t day_ms = 24LL * 60 * 60 * 1000;

struct ServiceFixture : TerminalFixture {
    // A customer in the store's book, attached to the open sale.
    std::string attach_customer(const std::string& name = "Ada Lovelace") {
        pos::Customer c;
        c.id = ids.new_id();
        c.name = name;
        c.phone = "+442079460958";
        c.created_at_ms = clock.now_ms();
        c.updated_at_ms = c.created_at_ms;
        REQUIRE(store->customers().save(c).ok());
        REQUIRE(terminal.apply(ui::AttachCustomer{c.id}).ok());
        return c.id;
    }
    ui::SaveInteraction complaint(const std::string& said = "It stopped working") {
        return {"", "complaint", "product quality", said, "", "", "", ""};
    }
    ui::InteractionsVm interactions() { return screen<ui::InteractionsVm>(); }
    // The row of the open list with that number, or none (the demo store has open ones too).
    static const ui::InteractionRowVm* row_numbered(const ui::InteractionsVm& vm,
                                                    const std::string& number) {
        for (const auto& row : vm.rows) {
            if (row.number == number)
                return &row;
        }
        return nullptr;
    }
    std::string shown_number() { return interactions().shown->number; }
    // The row of the open special orders with that number, or none (the demo has one too).
    static const ui::SpecialOrderRowVm* order_numbered(const ui::SpecialOrdersVm& vm,
                                                       const std::string& number) {
        for (const auto& row : vm.rows) {
            if (row.number == number)
                return &row;
        }
        return nullptr;
    }
    // The numbers of the open special orders, in the order listed.
    std::vector<std::string> order_numbers() {
        std::vector<std::string> numbers;
        for (const auto& row : orders().rows)
            numbers.push_back(row.number);
        return numbers;
    }
    ui::SpecialOrdersVm orders() { return screen<ui::SpecialOrdersVm>(); }
};

}  // namespace

TEST_CASE_FIXTURE(ServiceFixture,
                  "An interaction is opened, waits with a follow-up, is resolved "
                  "only with what was done, and can be reopened") {
    log_in();
    attach_customer();
    REQUIRE(terminal.apply(ui::ShowInteractions{}).ok());
    const std::size_t before = interactions().rows.size();  // the demo store's open ones
    REQUIRE(terminal.apply(complaint()).ok());
    CHECK(terminal.message().text.find("recorded for Ada Lovelace") != std::string::npos);
    auto vm = interactions();
    REQUIRE(vm.shown);
    const std::string number = vm.shown->number;
    CHECK(vm.rows.size() == before + 1);
    const auto* row = row_numbered(vm, number);
    REQUIRE(row);
    CHECK(row->kind == "Complaint");
    CHECK(row->customer == "Ada Lovelace");
    CHECK(row->status == "Open");
    CHECK(row->shown);
    CHECK(vm.shown->said == "It stopped working");
    CHECK(vm.shown->handled_by.find("Handled by") == 0);

    REQUIRE(terminal.apply(ui::SaveInteraction{"", "", "", "", "", "waiting", "+3", ""}).ok());
    vm = interactions();
    CHECK(vm.shown->status == "Waiting");
    CHECK(vm.shown->follow_up == pos::format_day(pos::local_day(clock.now_ms(), 0) + 3));

    SUBCASE("resolving needs what was done") {
        CHECK(refusal(ui::SaveInteraction{"", "", "", "", "", "resolved", "", ""}) != "");
        CHECK(interactions().shown->status == "Waiting");
    }
    SUBCASE("resolved with what was done, then reopened") {
        REQUIRE(
            terminal
                .apply(ui::SaveInteraction{"", "", "", "", "Replaced the part", "resolved", "", ""})
                .ok());
        vm = interactions();
        CHECK(vm.shown->status == "Resolved");
        // The list holds open and waiting ones only.
        CHECK(vm.rows.size() == before);
        CHECK_FALSE(row_numbered(vm, number));
        REQUIRE(
            terminal.apply(ui::SaveInteraction{vm.shown->id, "", "", "", "", "open", "", ""}).ok());
        vm = interactions();
        CHECK(vm.shown->status == "Open");
        CHECK(vm.rows.size() == before + 1);
        CHECK(row_numbered(vm, number));
    }
}

TEST_CASE_FIXTURE(ServiceFixture,
                  "An interaction with bad input is refused and nothing is stored") {
    log_in();
    REQUIRE(terminal.apply(ui::ShowInteractions{}).ok());
    const auto before = interactions().rows;  // the demo store's open ones
    SUBCASE("no category") {
        CHECK(refusal(ui::SaveInteraction{"", "inquiry", "", "Do you sell kettles?", "", "", "",
                                          ""}) != "");
    }
    SUBCASE("nothing said") {
        CHECK(refusal(ui::SaveInteraction{"", "inquiry", "price", "", "", "", "", ""}) != "");
    }
    SUBCASE("a follow-up date that is not a date") {
        CHECK(refusal(ui::SaveInteraction{"", "request", "stock", "Call me", "", "", "2026-02-30",
                                          ""}) != "");
    }
    SUBCASE("a follow-up date in the past") {
        CHECK(refusal(ui::SaveInteraction{"", "request", "stock", "Call me", "", "", "2000-01-01",
                                          ""}) != "");
    }
    SUBCASE("a receipt that is not a receipt number") {
        CHECK(
            refusal(ui::SaveInteraction{"", "complaint", "price", "Overcharged", "", "", "", "X42"})
                .find("not a receipt number") != std::string::npos);
    }
    SUBCASE("an update with nothing picked") {
        CHECK(refusal(ui::SaveInteraction{"", "", "", "", "", "waiting", "", ""})
                  .find("Choose inquiry, complaint or request") != std::string::npos);
    }
    const auto after = interactions().rows;
    REQUIRE(after.size() == before.size());
    for (std::size_t i = 0; i < after.size(); ++i)
        CHECK(after[i].number == before[i].number);
}

TEST_CASE_FIXTURE(ServiceFixture, "The open list puts the overdue follow-up first and marks it") {
    log_in();
    REQUIRE(terminal.apply(ui::ShowInteractions{}).ok());
    // The demo store's open complaint follows up two days after the real today, well after this
    // test's clock, so it is never the overdue one.
    const std::size_t before = interactions().rows.size();
    REQUIRE(
        terminal.apply(ui::SaveInteraction{"", "inquiry", "price", "No follow-up", "", "", "", ""})
            .ok());
    const std::string no_follow_up = shown_number();
    REQUIRE(
        terminal.apply(ui::SaveInteraction{"", "request", "stock", "In two days", "", "", "+2", ""})
            .ok());
    const std::string in_two_days = shown_number();
    REQUIRE(
        terminal.apply(ui::SaveInteraction{"", "request", "stock", "Tomorrow", "", "", "+1", ""})
            .ok());
    clock.now += 2 * day_ms + 1000;  // "Tomorrow" is now overdue; "In two days" is today
    REQUIRE(terminal.apply(ui::BackToSale{}).ok());
    REQUIRE(terminal.apply(ui::ShowInteractions{}).ok());
    const auto vm = interactions();
    REQUIRE(vm.rows.size() == before + 3);
    REQUIRE(terminal.apply(ui::PickInteraction{0}).ok());
    CHECK(interactions().shown->said == "Tomorrow");
    CHECK(vm.rows[0].overdue);
    for (std::size_t i = 1; i < vm.rows.size(); ++i)
        CHECK_FALSE(vm.rows[i].overdue);
    REQUIRE(row_numbered(vm, in_two_days));
    CHECK(row_numbered(vm, in_two_days)->follow_up != "");
    // The one with no follow-up comes after all that have one.
    CHECK(vm.rows.back().number == no_follow_up);
    CHECK(vm.rows.back().follow_up.empty());
    CHECK(vm.summary == std::to_string(before + 3) + " open · 1 overdue");
}

TEST_CASE_FIXTURE(ServiceFixture,
                  "A special order needs a customer and an empty ticket, and a "
                  "deposit of at least the minimum") {
    log_in();
    REQUIRE(terminal.apply(ui::ShowSpecialOrders{}).ok());
    const auto before = order_numbers();  // the demo store's open one
    REQUIRE(terminal.apply(ui::BackToSale{}).ok());
    SUBCASE("no customer attached") {
        REQUIRE(terminal.apply(ui::ShowSpecialOrders{}).ok());
        CHECK_FALSE(orders().can_create);
        CHECK(refusal(ui::CreateSpecialOrder{demo::wine, "2", "", "", ""})
                  .find("Attach the customer") != std::string::npos);
    }
    SUBCASE("items on the ticket") {
        attach_customer();
        REQUIRE(terminal.apply(ui::Scan{demo::milk, ""}).ok());
        REQUIRE(terminal.apply(ui::ShowSpecialOrders{}).ok());
        CHECK(refusal(ui::CreateSpecialOrder{demo::wine, "2", "", "", ""})
                  .find("finish or suspend") != std::string::npos);
    }
    SUBCASE("a deposit below the minimum") {
        attach_customer();
        REQUIRE(terminal.apply(ui::ShowSpecialOrders{}).ok());
        CHECK(refusal(ui::CreateSpecialOrder{demo::wine, "2", "1.00", "", ""})
                  .find("below the minimum") != std::string::npos);
    }
    SUBCASE("an expected date in the past") {
        attach_customer();
        REQUIRE(terminal.apply(ui::ShowSpecialOrders{}).ok());
        CHECK(refusal(ui::CreateSpecialOrder{demo::wine, "2", "", "2000-01-01", ""})
                  .find("in the past") != std::string::npos);
    }
    CHECK(order_numbers() == before);
}

TEST_CASE_FIXTURE(ServiceFixture,
                  "A special order's deposit is paid, and at pick-up the deposit "
                  "and the balance pay for it") {
    log_in();
    attach_customer();
    REQUIRE(terminal.apply(ui::ShowSpecialOrders{}).ok());
    const std::size_t before = orders().rows.size();  // the demo store's open one
    REQUIRE(terminal.apply(ui::CreateSpecialOrder{demo::wine, "2", "", "+7", ""}).ok());
    CHECK(terminal.screen() == ui::Screen::sale);
    REQUIRE(terminal.ticket()->lines().size() == 1);
    const std::string number = terminal.ticket()->lines()[0].special_order;
    CHECK(number.rfind("SO-", 0) == 0);
    CHECK(terminal.ticket()->totals().total.minor() == 360);  // 20% of 17.98, rounded up
    REQUIRE(terminal.apply(ui::TenderCash{"3.60", false}).ok());
    CHECK(terminal.screen() == ui::Screen::completed);
    REQUIRE(terminal.apply(ui::ShowSpecialOrders{}).ok());
    auto vm = orders();
    CHECK(vm.rows.size() == before + 1);
    const auto* row = order_numbered(vm, number);
    REQUIRE(row);
    CHECK(row->status == "Ordered");
    CHECK(row->deposit_held == "EUR 3.60");
    CHECK(row->balance_due == "EUR 14.38");

    SUBCASE("arrived, then picked up: the deposit pays first, then the balance") {
        REQUIRE(terminal.apply(ui::OrderArrived{number}).ok());
        const auto arrived = orders();
        REQUIRE(order_numbered(arrived, number));
        CHECK(order_numbered(arrived, number)->status == "Arrived");
        REQUIRE(terminal.apply(ui::PickUpOrder{number}).ok());
        CHECK(terminal.screen() == ui::Screen::sale);
        REQUIRE(terminal.apply(ui::Pay{}).ok());
        const auto& payments = terminal.ticket()->payments();
        REQUIRE(payments.size() == 1);
        CHECK(payments[0].method == pos::PaymentMethod::deposit);
        CHECK(payments[0].amount.minor() == 360);
        REQUIRE(terminal.apply(ui::TenderCash{"14.38", false}).ok());
        CHECK(terminal.screen() == ui::Screen::completed);
        REQUIRE(terminal.apply(ui::ShowSpecialOrders{}).ok());
        CHECK(orders().rows.size() == before);  // collected
        CHECK_FALSE(order_numbered(orders(), number));
        CHECK(store->special_orders().find(number)->status == pos::SpecialOrderStatus::collected);
    }
    SUBCASE("a cancelled order cannot be picked up") {
        REQUIRE(terminal.apply(ui::CancelOrder{number}).ok());
        CHECK(terminal.message().text.find("stays held") != std::string::npos);
        CHECK(orders().rows.size() == before);
        CHECK_FALSE(order_numbered(orders(), number));
        CHECK_FALSE(terminal.apply(ui::PickUpOrder{number}).ok());
    }
}
