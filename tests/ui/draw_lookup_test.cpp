// Headless frame tests of the stock lookup and customer screens, the sale screen's customer badge,
// suggestions and desk buttons, and the tender screen's points: each button emits its intent.
#include <doctest/doctest.h>

#include "headless_ui.hpp"
#include "lookup_vms.hpp"

namespace {

using headless::all_of;
using headless::Ui;

ui::FrameVm tender_with_points() {
    ui::TenderVm t;
    t.total = "EUR 8.99";
    t.due = "EUR 8.99";
    t.due_amount = "8.99";
    t.cash_due = "EUR 8.99";
    t.quick_cash = {"8.99", "10.00"};
    t.customer_name = "Ann Smith";
    t.points = "1,250 points (12.50)";
    t.can_pay_points = true;
    t.credit_account = "SC1001";
    return lookup_vms::frame(t);
}

}  // namespace

TEST_CASE("the lookup screen picks, asks head office, adds to the sale and goes back") {
    Ui app;
    const auto vm = lookup_vms::frame(lookup_vms::lookup_screen());
    app.frame(vm);
    CHECK(app.state.texts.count("source##lookup") == 1);
    CHECK(app.state.texts.count("stock:0##lookup") == 1);
    CHECK(app.state.texts.count("promotion##lookup") == 1);
    CHECK(app.state.texts.count("request:0##lookup") == 1);
    const auto picked = all_of<ui::LookupPick>(app.click(vm, "result:1##lookup"));
    REQUIRE(picked.size() == 1);
    CHECK(picked[0].index == 1);
    CHECK(all_of<ui::LookupLive>(app.click(vm, "Live##lookup")).size() == 1);
    CHECK(all_of<ui::AddLookedUp>(app.click(vm, "Add to sale##lookup")).size() == 1);
    CHECK(all_of<ui::BackToSale>(app.click(vm, "Back##lookup")).size() == 1);
}

TEST_CASE("Hold and Transfer are offered only where there is stock, and send the form") {
    Ui app;
    const auto vm = lookup_vms::frame(lookup_vms::lookup_screen());
    app.frame(vm);
    CHECK_FALSE(app.has("Hold:S001##lookup"));  // our own store
    CHECK_FALSE(app.has("Hold:S003##lookup"));  // none on hand there
    CHECK(app.has("Transfer:S004##lookup"));
    app.click(vm, "Hold:S002##lookup");
    REQUIRE(app.has("Send request##lookup"));
    app.type(vm, "2");  // quantity field: "1" then 2
    const auto sent = all_of<ui::RequestStock>(app.click(vm, "Send request##lookup"));
    REQUIRE(sent.size() == 1);
    CHECK(sent[0].kind == "hold");
    CHECK(sent[0].store == "S002");
    CHECK(sent[0].quantity == "12");
    CHECK_FALSE(app.has("Send request##lookup"));  // the form closed
}

TEST_CASE("typing on the lookup screen searches as you type") {
    Ui app;
    auto screen = lookup_vms::lookup_screen();
    screen.search_text.clear();
    const auto vm = lookup_vms::frame(screen);
    app.frame(vm);
    const auto searched = all_of<ui::LookupSearch>(app.type(vm, "rio"));
    REQUIRE(searched.size() == 1);
    CHECK(searched[0].text == "rio");
    CHECK(all_of<ui::LookupSearch>(app.frame(vm)).empty());  // sent once
}

TEST_CASE("the customer card attaches, edits and the results pick") {
    Ui app;
    const auto vm = lookup_vms::frame(lookup_vms::customer_screen());
    app.frame(vm);
    CHECK(app.state.texts.count("points##customers") == 1);
    CHECK(app.state.texts.count("credit##customers") == 1);
    CHECK(app.state.texts.count("purchase:0##customers") == 1);
    CHECK(app.state.texts.count("interaction:0##customers") == 1);
    const auto attached = all_of<ui::AttachCustomer>(app.click(vm, "Attach##customers"));
    REQUIRE(attached.size() == 1);
    CHECK(attached[0].id == "c1");
    CHECK(all_of<ui::PickCustomer>(app.click(vm, "result:2##customers")).at(0).index == 2);
    app.click(vm, "Edit##customers");
    REQUIRE(app.has("Save##customers"));
    const auto saved = all_of<ui::SaveCustomer>(app.click(vm, "Save##customers"));
    REQUIRE(saved.size() == 1);
    CHECK(saved[0].id == "c1");
    CHECK(saved[0].phone == "+442079460958");
    CHECK(saved[0].consent_email);
    CHECK_FALSE(saved[0].different_person);
}

TEST_CASE("a new customer's form sends what was typed, with the consents tapped") {
    Ui app;
    auto screen = lookup_vms::customer_screen();
    screen.card.reset();
    const auto vm = lookup_vms::frame(screen);
    CHECK(all_of<ui::NewCustomer>(app.click(vm, "New##customers")).size() == 1);
    app.type(vm, "Bo Lee");
    app.click(vm, "phone field##customers");
    app.type(vm, "0207 946 0000");
    app.click(vm, "SMS##consent");
    const auto saved = all_of<ui::SaveCustomer>(app.click(vm, "Save##customers"));
    REQUIRE(saved.size() == 1);
    CHECK(saved[0].id.empty());
    CHECK(saved[0].name == "Bo Lee");
    CHECK(saved[0].phone == "0207 946 0000");
    CHECK(saved[0].consent_sms);
    CHECK_FALSE(saved[0].consent_email);
}

TEST_CASE("a refused duplicate offers Use this one, Merge and save anyway") {
    Ui app;
    const auto vm = lookup_vms::frame(lookup_vms::duplicate_screen());
    app.frame(vm);
    CHECK(app.state.texts.count("duplicates##customers") == 1);
    CHECK(all_of<ui::AttachCustomer>(app.click(vm, "Use this one:0##customers")).at(0).id == "c1");
    const auto merged = all_of<ui::MergeCustomers>(app.click(vm, "Merge:0##customers"));
    REQUIRE(merged.size() == 1);
    CHECK(merged[0].keep_id == "c1");
    CHECK(merged[0].duplicate_id.empty());
    const auto anyway = all_of<ui::SaveCustomer>(app.click(vm, "Save anyway##customers"));
    REQUIRE(anyway.size() == 1);
    CHECK(anyway[0].different_person);
}

TEST_CASE("the sale screen shows the customer and suggestions; a tap adds one") {
    Ui app;
    const auto vm = lookup_vms::frame(lookup_vms::sale_with_customer());
    app.frame(vm);
    CHECK(app.state.texts.count("customer##sale") == 1);
    const auto added = all_of<ui::AddSuggestion>(app.click(vm, "suggestion:1##sale"));
    REQUIRE(added.size() == 1);
    CHECK(added[0].index == 1);
}

TEST_CASE("More on the sale screen opens lookup, customers, service and orders") {
    Ui app;
    const auto vm = lookup_vms::frame(lookup_vms::sale_with_customer());
    app.click(vm, "More##sale");
    CHECK(all_of<ui::ShowLookup>(app.click(vm, "Lookup##sale")).size() == 1);
    app.click(vm, "More##sale");
    CHECK(all_of<ui::ShowCustomers>(app.click(vm, "Customer##sale")).size() == 1);
    app.click(vm, "More##sale");
    CHECK(all_of<ui::ShowInteractions>(app.click(vm, "Service##sale")).size() == 1);
    app.click(vm, "More##sale");
    CHECK(all_of<ui::ShowSpecialOrders>(app.click(vm, "Orders##sale")).size() == 1);
}

TEST_CASE("the tender screen pays with points and prefills the customer's credit account") {
    Ui app;
    const auto vm = tender_with_points();
    const auto points = all_of<ui::TenderPoints>(app.click(vm, "Points##tender"));
    REQUIRE(points.size() == 1);
    CHECK(points[0].amount.empty());  // as much as the points cover
    app.click(vm, "Store credit##tender");
    CHECK(app.state.tender.account == "SC1001");
}
