// Headless frame tests of the return screen, finding a ticket, the refund tender screen and the
// sale screen's returns: taps and keys in, intents out.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "headless_ui.hpp"
#include "layout_check.hpp"
#include "return_vms.hpp"

namespace {

using headless::all_of;
using headless::Intents;
using headless::key_enter;
using headless::Ui;
using namespace return_vms;

float height(const Ui& app, const std::string& label) {
    const ui::Rect r = app.state.widgets.at(label);
    return r.y1 - r.y0;
}

}  // namespace

TEST_CASE("More offers Return, which starts a return on this ticket") {
    Ui app;
    const auto vm = frame(exchange_sale());
    const Intents out = app.click_all(vm, {"More##sale", "Return##sale"});
    CHECK(all_of<ui::StartReturn>(out).size() == 1);
    CHECK_FALSE(app.state.more);
}

TEST_CASE("a return line is taller, to show its receipt, reason and disposition under the name") {
    Ui app;
    const auto vm = frame(exchange_sale());
    app.frame(vm);
    CHECK(height(app, "line:0##sale") > height(app, "line:1##sale"));
    CHECK(all_of<ui::Pay>(app.click(vm, "Pay##sale")).size() == 1);  // labelled Refund
}

TEST_CASE("a receipt number typed, scanned or keyed on the pad opens that receipt") {
    Ui app;
    const auto vm = frame(empty_return());
    std::vector<ui::OpenReceipt> opened;
    SUBCASE("typed, then Enter") {
        app.type(vm, "T01-000004");
        opened = all_of<ui::OpenReceipt>(app.press(vm, key_enter));
    }
    SUBCASE("typed, then Find") {
        app.type(vm, "T01-000004");
        opened = all_of<ui::OpenReceipt>(app.click(vm, "Find##return"));
    }
    SUBCASE("scanned from the receipt's barcode") {
        opened = all_of<ui::OpenReceipt>(app.scan_burst(vm, "T01-000004"));
    }
    SUBCASE("keyed on the pad") {
        opened = all_of<ui::OpenReceipt>(app.click_all(
            vm, {"T##receipt", "0##receipt", "1##receipt", "-##receipt", "0##receipt", "0##receipt",
                 "0##receipt", "0##receipt", "0##receipt", "4##receipt", "Enter##receipt"}));
    }
    REQUIRE(opened.size() == 1);
    CHECK(opened[0].receipt == "T01-000004");
    CHECK(app.state.returns.receipt.empty());
}

TEST_CASE("Find with nothing keyed sends nothing") {
    Ui app;
    CHECK(app.click(frame(empty_return()), "Find##return").empty());
}

TEST_CASE("a line comes back with the quantity stepped, the reason and where it goes") {
    Ui app;
    const auto vm = frame(receipt_open());
    // Nothing is returned before the clerk says why and where it goes.
    CHECK(app.click(vm, "return:0##return").empty());
    app.click_all(vm, {"reason:faulty##return", "goes:damaged##return"});
    // Line 0 has 2 returnable: the stepper stops there.
    app.click_all(vm, {"plus:0##return", "plus:0##return", "plus:0##return"});
    CHECK(app.state.returns.count.at(0) == 2);
    const auto items = all_of<ui::ReturnItem>(app.click(vm, "return:0##return"));
    REQUIRE(items.size() == 1);
    CHECK(items[0].index == 0);
    CHECK(items[0].quantity == "2");
    CHECK(items[0].reason == "faulty");
    CHECK(items[0].disposition == "damaged");
    CHECK(app.state.returns.count.at(0) == 1);  // back to one for the next return

    SUBCASE("minus steps down, never below one") {
        app.click_all(vm, {"plus:0##return", "minus:0##return", "minus:0##return"});
        CHECK(app.state.returns.count.at(0) == 1);
    }
    SUBCASE("a weighed line comes back whole, with no stepper") {
        CHECK_FALSE(app.has("plus:1##return"));
        const auto weighed = all_of<ui::ReturnItem>(app.click(vm, "return:1##return"));
        REQUIRE(weighed.size() == 1);
        CHECK(weighed[0].index == 1);
        CHECK(weighed[0].quantity.empty());
    }
    SUBCASE("a line already returned in full cannot come back") {
        CHECK_FALSE(app.has("plus:2##return"));
        CHECK(app.click(vm, "return:2##return").empty());
    }
}

TEST_CASE("the quantities belong to the receipt they were keyed for") {
    Ui app;
    auto vm = frame(receipt_open());
    app.click(vm, "plus:0##return");
    std::get<ui::ReturnVm>(vm.screen).receipt = "T01-000009";
    app.frame(vm);
    CHECK(app.state.returns.count.count(0) == 1);
    CHECK(app.state.returns.count.at(0) == 1);
}

TEST_CASE("a return without a receipt sends the item, quantity, customer, reason and disposition") {
    Ui app;
    const auto vm = frame(empty_return());
    app.click(vm, "No receipt##return");
    REQUIRE(app.has("customer##noreceipt"));
    app.scan_burst(vm, "4000000000013");  // the item's barcode
    CHECK(app.state.returns.code == "4000000000013");
    app.click_all(vm, {"qty##noreceipt", "2##noreceipt"});
    app.click(vm, "customer##noreceipt");
    app.type(vm, "+44 7700 900123");
    CHECK(app.click(vm, "Return it##noreceipt").empty());  // no reason yet
    app.click_all(vm, {"reason:changed_mind##return", "goes:restock##return"});
    const auto sent = all_of<ui::ReturnWithoutReceipt>(app.click(vm, "Return it##noreceipt"));
    REQUIRE(sent.size() == 1);
    CHECK(sent[0].code == "4000000000013");
    CHECK(sent[0].quantity == "2");
    CHECK(sent[0].customer == "+44 7700 900123");
    CHECK(sent[0].reason == "changed_mind");
    CHECK(sent[0].disposition == "restock");
    CHECK(app.state.returns.code.empty());
    CHECK(app.state.returns.customer == "+44 7700 900123");  // for the customer's next item
}

TEST_CASE("Post-void asks why before it is sent, and only when the receipt can be post-voided") {
    Ui app;
    auto vm = frame(receipt_open());
    app.click(vm, "Post-void##return");
    CHECK(app.click(vm, "Confirm##postvoid").empty());  // no reason yet
    const auto sent =
        all_of<ui::PostVoid>(app.click_all(vm, {"reason:0##postvoid", "Confirm##postvoid"}));
    REQUIRE(sent.size() == 1);
    CHECK(sent[0].reason == "Keyed in error");
    CHECK_FALSE(app.state.returns.post_void);

    std::get<ui::ReturnVm>(vm.screen).can_post_void = false;
    app.click(vm, "Post-void##return");
    CHECK_FALSE(app.state.returns.post_void);
}

TEST_CASE("the return screen leads to the ticket search and back to the sale") {
    Ui app;
    const auto vm = frame(receipt_open());
    CHECK(all_of<ui::ShowTicketSearch>(app.click(vm, "Find ticket##return")).size() == 1);
    CHECK(all_of<ui::BackToSale>(app.click(vm, "Back##return")).size() == 1);
}

TEST_CASE("a ticket is found by what the clerk keys, shown, and opened for a return") {
    Ui app;
    auto vm = frame(search_results());
    app.click(vm, "amount##search");
    app.click_all(
        vm, {"2##searchkeys", "7##searchkeys", ".##searchkeys", "3##searchkeys", "6##searchkeys"});
    app.click(vm, "card##search");
    app.type(vm, "4242");
    const auto found = all_of<ui::FindTickets>(app.click(vm, "Find##search"));
    REQUIRE(found.size() == 1);
    CHECK(found[0].amount == "27.36");
    CHECK(found[0].card == "4242");
    CHECK(found[0].from.empty());
    CHECK(found[0].item.empty());

    const auto opened = all_of<ui::OpenFound>(app.click(vm, "found:2##search"));
    REQUIRE(opened.size() == 1);
    CHECK(opened[0].index == 2);

    CHECK(app.click(vm, "Return from##search").empty());  // nothing on show yet
    vm = frame(search_shown());
    const auto back = all_of<ui::OpenReceipt>(app.click(vm, "Return from##search"));
    REQUIRE(back.size() == 1);
    CHECK(back[0].receipt == "T01-000004");
    CHECK(all_of<ui::StartReturn>(app.click(vm, "Back##search")).size() == 1);
}

TEST_CASE("the item is searched by words keyed on the letter keyboard") {
    Ui app;
    const auto vm = frame(search_results());
    app.click(vm, "item##search");
    app.click_all(vm, {"W##letters", "I##letters", "N##letters", "E##letters"});
    const auto found = all_of<ui::FindTickets>(app.click(vm, "Enter##letters"));
    REQUIRE(found.size() == 1);
    CHECK(found[0].item == "wine");
}

TEST_CASE("a refund goes back to the original payment, or to one tender for the amount keyed") {
    Ui app;
    const auto vm = frame(refund_tender());
    const auto all = all_of<ui::Refund>(app.click(vm, "Refund all##tender"));
    REQUIRE(all.size() == 1);
    CHECK(all[0].method.empty());
    CHECK(all[0].amount.empty());

    app.click_all(vm, {"5##keypad", "0##keypad"});
    const auto card = all_of<ui::Refund>(app.click(vm, "refund:0##tender"));
    REQUIRE(card.size() == 1);
    CHECK(card[0].method == "card");
    CHECK(card[0].amount == "50");
    CHECK(card[0].reference == "AUTH-77");
    CHECK(app.state.tender_amount.empty());

    const auto credit = all_of<ui::Refund>(app.click(vm, "refund:2##tender"));
    REQUIRE(credit.size() == 1);
    CHECK(credit[0].method == "credit");
    CHECK(credit[0].amount.empty());     // all that is due
    CHECK(credit[0].reference.empty());  // a new account
}

TEST_CASE("the refund due is drawn in the large fonts") {
    Ui app;
    app.frame(frame(refund_tender()));
    const ui::Rect due = app.state.texts.at("refund due##tender");
    CHECK(due.y1 - due.y0 >= 2 * ui::base_font_px(static_cast<int>(headless::display_h)));
}

TEST_CASE("a completed refund shows what went back, large, in place of the change") {
    Ui app;
    ui::CompletedVm done;
    done.title = "Refund complete";
    done.total = "EUR -9.85";
    done.change = "EUR 0.00";
    done.refunded = "EUR 9.85";
    app.frame(frame(done));
    const ui::Rect shown = app.state.texts.at("change##done");
    CHECK(shown.y1 - shown.y0 >= 3 * ui::base_font_px(static_cast<int>(headless::display_h)));
}

TEST_CASE("every widget of the return screens is finger-sized, on the display, and apart") {
    using headless::Layout;
    using headless::taps;
    ui::CompletedVm done;
    done.title = "Refund complete";
    done.receipt_number = "T01-000007";
    done.total = "EUR -62.00";
    done.paid = "EUR -62.00";
    done.change = "EUR 0.00";
    done.receipt_text = "RETURN\nOriginal receipt T01-000004\n";
    done.refunded = "EUR 62.00";
    auto part_refunded = refund_tender();
    part_refunded.payments = {{"Card ••4242", "-50.00"}};
    part_refunded.can_go_back = false;
    const std::vector<Layout> layouts = {
        {"exchange on the sale screen", frame(exchange_sale())},
        {"exchange, More", frame(exchange_sale()), taps({"More##sale"})},
        {"return, no receipt open", frame(empty_return())},
        {"return, receipt open", frame(receipt_open())},
        {"return, choices made", frame(receipt_open()),
         taps({"reason:other##return", "goes:return_to_vendor##return"})},
        {"return, no receipt", frame(empty_return()), taps({"No receipt##return"})},
        {"return, post-void", frame(receipt_open()), taps({"Post-void##return"})},
        {"ticket search, empty", frame(ui::TicketSearchVm{})},
        {"ticket search, results", frame(search_results())},
        {"ticket search, shown", frame(search_shown())},
        {"ticket search, keying an item", frame(search_shown()), taps({"item##search"})},
        {"refund tender", frame(refund_tender())},
        {"refund tender, part refunded", frame(part_refunded)},
        {"refund complete", frame(done)},
    };
    for (const Layout& layout : layouts) {
        headless::check_layout(layout.name, layout.vm, layout.act);
    }
}
