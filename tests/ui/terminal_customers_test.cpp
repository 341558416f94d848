// Customers through Terminal::apply: search as typed, create with checked phone and email, a
// duplicate offered and never created, merge, attach by pick and by a scanned card, and points
// and store credit as tenders. A real demo store (S001) in a temporary folder.
#include <doctest/doctest.h>

#include "terminal_fixture.hpp"

namespace {

ui::SaveCustomer form(const std::string& name, const std::string& phone, const std::string& email) {
    ui::SaveCustomer save;
    save.name = name;
    save.phone = phone;
    save.email = email;
    return save;
}

struct CustomerFixture : TerminalFixture {
    CustomerFixture() { log_in(); }

    // Creates a customer on the customer screen; returns them as stored.
    pos::Customer create(const std::string& name, const std::string& phone,
                         const std::string& email) {
        REQUIRE(terminal.apply(ui::ShowCustomers{}).ok());
        REQUIRE(terminal.apply(form(name, phone, email)).ok());
        const auto vm = screen<ui::CustomersVm>();
        REQUIRE(vm.duplicates.empty());
        REQUIRE(vm.card);
        auto found = store->customers().find(vm.card->id);
        REQUIRE(found);
        return *found;
    }

    std::size_t live_customers(const std::string& text) {
        return store->customers().search(text, 50).size();
    }
};

}  // namespace

TEST_CASE_FIXTURE(CustomerFixture, "a new customer is saved with a card and found as typed") {
    const auto dana = create("Dana Wells", "+44 20 7946 0321", "Dana@Example.com");
    CHECK(dana.phone == "+442079460321");
    CHECK(dana.email == "dana@example.com");
    CHECK(pos::is_loyalty_card(dana.card));
    CHECK(dana.home_store == "S001");
    CHECK(terminal.message().text == "Saved Dana Wells (card " + dana.card + ")");

    for (const char* typed : {"dana", "wel", "7946 0321", "dana@ex"}) {
        CAPTURE(typed);
        REQUIRE(terminal.apply(ui::CustomerSearch{typed}).ok());
        const auto vm = screen<ui::CustomersVm>();
        REQUIRE(vm.results.size() == 1);
        CHECK(vm.results[0].name == "Dana Wells");
    }
    REQUIRE(terminal.apply(ui::CustomerSearch{"zed"}).ok());
    CHECK(screen<ui::CustomersVm>().results.empty());
    CHECK(terminal.message().text == "No customer matches \"zed\"");
}

TEST_CASE_FIXTURE(CustomerFixture, "a malformed phone or email is refused naming it") {
    REQUIRE(terminal.apply(ui::ShowCustomers{}).ok());
    const std::string bad_phone = refusal(form("Zed Quill", "0207-ABC", ""));
    CHECK(bad_phone.find("phone \"0207-ABC\"") == 0);
    const std::string bad_email = refusal(form("Zed Quill", "", "zed@example"));
    CHECK(bad_email.find("email \"zed@example\"") == 0);
    CHECK_FALSE(refusal(form("", "020 7946 0000", "")).empty());  // no name
    CHECK(live_customers("quill") == 0);
}

TEST_CASE_FIXTURE(CustomerFixture, "a likely duplicate is offered, not created, then resolved") {
    const auto dana = create("Dana Wells", "020 7946 0321", "");
    REQUIRE(terminal.apply(form("Danielle Wells", "(020) 7946-0321", "danielle@example.com")).ok());
    auto vm = screen<ui::CustomersVm>();
    REQUIRE(vm.duplicates.size() == 1);
    CHECK(vm.duplicates[0].id == dana.id);
    CHECK(vm.duplicates[0].reason == "same phone number");
    CHECK(vm.refused_name == "Danielle Wells");
    CHECK(terminal.message().kind == ui::MessageKind::error);
    CHECK(terminal.message().text.find("Not saved: looks like Dana Wells") == 0);
    CHECK(live_customers("wells") == 1);  // nothing saved

    SUBCASE("merge: the new details fill the gaps of the record kept") {
        REQUIRE(terminal.apply(ui::MergeCustomers{dana.id, ""}).ok());
        CHECK(live_customers("wells") == 1);
        const auto kept = store->customers().find(dana.id);
        REQUIRE(kept);
        CHECK(kept->name == "Dana Wells");
        CHECK(kept->email == "danielle@example.com");
        CHECK(screen<ui::CustomersVm>().duplicates.empty());
    }
    SUBCASE("merge by the number of the duplicate shown") {
        REQUIRE(terminal.apply(ui::MergeCustomers{"1", ""}).ok());
        CHECK(store->customers().find(dana.id)->email == "danielle@example.com");
    }
    SUBCASE("different person: saved anyway once the clerk says so") {
        ui::SaveCustomer anyway;
        anyway.different_person = true;
        REQUIRE(terminal.apply(anyway).ok());
        CHECK(live_customers("wells") == 2);
    }
}

TEST_CASE_FIXTURE(CustomerFixture, "two existing records are merged into one") {
    const auto dana = create("Dana Wells", "020 7946 0321", "");
    ui::SaveCustomer other = form("Dana Wels", "020 7000 1111", "dana@example.com");
    other.different_person = true;
    REQUIRE(terminal.apply(other).ok());
    const std::string dup_id = screen<ui::CustomersVm>().card->id;
    REQUIRE(terminal.apply(ui::MergeCustomers{dana.id, dup_id}).ok());
    CHECK(terminal.message().text == "Merged into Dana Wells");
    CHECK(store->customers().find(dup_id)->merged_into == dana.id);
    CHECK(live_customers("dana") == 1);
}

TEST_CASE_FIXTURE(CustomerFixture, "a customer is attached by pick, and by scanning their card") {
    const auto dana = create("Dana Wells", "020 7946 0321", "");
    REQUIRE(terminal.apply(ui::BackToSale{}).ok());
    SUBCASE("picked on the customer screen") {
        REQUIRE(terminal.apply(ui::ShowCustomers{}).ok());
        REQUIRE(terminal.apply(ui::CustomerSearch{"dana"}).ok());
        REQUIRE(terminal.apply(ui::PickCustomer{0}).ok());
        REQUIRE(terminal.apply(ui::AttachCustomer{}).ok());
        CHECK(terminal.screen() == ui::Screen::sale);  // back to the sale they are buying
    }
    SUBCASE("scanned on the sale screen") {
        REQUIRE(terminal.apply(ui::Scanned{dana.card, "", ""}).ok());
        CHECK(terminal.ticket()->lines().empty());  // not an item
    }
    REQUIRE(terminal.ticket()->customer());
    CHECK(terminal.ticket()->customer()->id == dana.id);
    const auto vm = screen<ui::SaleVm>();
    REQUIRE(vm.customer);
    CHECK(vm.customer->name == "Dana Wells");
    CHECK(vm.customer->points == "0 points (0.00)");
    REQUIRE(terminal.apply(ui::DetachCustomer{}).ok());
    CHECK_FALSE(terminal.ticket()->customer());
}

TEST_CASE_FIXTURE(CustomerFixture, "an unknown loyalty card is refused; other codes stay items") {
    const std::string unknown = pos::new_loyalty_card(987654);
    CHECK(refusal(ui::Scanned{unknown, "", ""}).find("Loyalty card " + unknown + " is not known") ==
          0);
    CHECK(terminal.ticket()->lines().empty());
    REQUIRE(terminal.apply(ui::Scanned{demo::milk, "", ""}).ok());
    CHECK(terminal.ticket()->lines().size() == 1);
}

TEST_CASE_FIXTURE(CustomerFixture, "points pay as a tender up to the balance") {
    const auto dana = create("Dana Wells", "020 7946 0321", "");
    REQUIRE(terminal.apply(ui::BackToSale{}).ok());
    // 12 bottles of wine are four of the demo's "any 3 red wines for 20.00": the 80.00 paid
    // earns 80 points, worth 0.80.
    REQUIRE(terminal.apply(ui::AttachCustomer{dana.id}).ok());
    REQUIRE(terminal.apply(ui::Scan{demo::wine, "12"}).ok());
    REQUIRE(terminal.apply(ui::TenderCash{"110", false}).ok());
    REQUIRE(terminal.apply(ui::NewSale{}).ok());
    CHECK(store->customers().points_balance(dana.id) == 80);

    // Fewer than the 100 points redeemed at a time: no Points button, and a refusal saying so.
    REQUIRE(terminal.apply(ui::AttachCustomer{dana.card}).ok());
    REQUIRE(terminal.apply(ui::Scan{demo::milk, ""}).ok());
    REQUIRE(terminal.apply(ui::Pay{}).ok());
    auto tender = screen<ui::TenderVm>();
    CHECK(tender.points == "80 points (0.80)");
    CHECK_FALSE(tender.can_pay_points);
    CHECK(refusal(ui::TenderPoints{"0.50"}).find("At least 100 points (1.00)") == 0);
    REQUIRE(terminal.apply(ui::TenderCash{"1.19", false}).ok());  // earns 1 point
    REQUIRE(terminal.apply(ui::NewSale{}).ok());

    // Three more bottles (20.00): 101 points.
    REQUIRE(terminal.apply(ui::AttachCustomer{dana.card}).ok());
    REQUIRE(terminal.apply(ui::Scan{demo::wine, "3"}).ok());
    REQUIRE(terminal.apply(ui::TenderCash{"20", false}).ok());
    REQUIRE(terminal.apply(ui::NewSale{}).ok());
    REQUIRE(store->customers().points_balance(dana.id) == 101);

    REQUIRE(terminal.apply(ui::AttachCustomer{dana.card}).ok());
    REQUIRE(terminal.apply(ui::Scan{demo::milk, ""}).ok());
    REQUIRE(terminal.apply(ui::Pay{}).ok());
    tender = screen<ui::TenderVm>();
    CHECK(tender.points == "101 points (1.01)");
    CHECK(tender.can_pay_points);
    const std::string over = refusal(ui::TenderPoints{"1.19"});
    CHECK(over.find("101 points") != std::string::npos);
    CHECK(terminal.ticket()->payments().empty());

    REQUIRE(terminal.apply(ui::TenderPoints{"1.00"}).ok());
    REQUIRE(terminal.apply(ui::TenderCash{"0.19", false}).ok());
    REQUIRE(terminal.completed_ticket());
    CHECK(store->customers().points_balance(dana.id) == 1);  // 0.19 in cash earns none
}

TEST_CASE_FIXTURE(CustomerFixture,
                  "the customer's store credit account pays and shows its balance") {
    auto dana = create("Dana Wells", "020 7946 0321", "");
    dana.store_credit_account = "SC1001";  // the demo store's account with 15.00
    REQUIRE(store->customers().save(dana).ok());
    REQUIRE(terminal.apply(ui::CustomerSearch{"dana"}).ok());
    REQUIRE(terminal.apply(ui::PickCustomer{0}).ok());
    CHECK(screen<ui::CustomersVm>().card->credit == "EUR 15.00 (account SC1001)");
    REQUIRE(terminal.apply(ui::AttachCustomer{}).ok());
    REQUIRE(terminal.apply(ui::Scan{demo::wine, ""}).ok());
    REQUIRE(terminal.apply(ui::Pay{}).ok());
    const auto tender = screen<ui::TenderVm>();
    CHECK(tender.credit_account == "SC1001");
    REQUIRE(terminal.apply(ui::TenderStoreCredit{tender.credit_account, ""}).ok());
    REQUIRE(terminal.completed_ticket());
    CHECK(store->stored_value().balance(pos::PaymentMethod::store_credit, "SC1001")->minor() ==
          601);
}
