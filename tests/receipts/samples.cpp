#include "samples.hpp"

#include <optional>
#include <utility>

#include "fakes.hpp"
#include "pos/till_report.hpp"

namespace samples {

namespace {

using fakes::eur_cents;

const pos::TaxRate vat_a{"A", "VAT 20%", {200'000}};
const pos::TaxRate vat_b{"B", "VAT 5%", {50'000}};
constexpr std::int64_t sold_at = 1'790'000'000'000;  // 2026-09-21 14:13 UTC
constexpr std::int64_t back_at = 1'790'090'000'000;  // the next day
const char* const original_id = "t-original";

// A line as the pricing engine leaves it: `gross` and `tax` are what it costs (negative for a
// return line, whose ReturnOf is given).
pos::TicketLine line(const std::string& id, const std::string& name, const pos::TaxRate& tax,
                     std::int64_t unit_cents, std::int64_t quantity_milli, std::int64_t gross,
                     std::int64_t tax_cents, std::optional<pos::ReturnOf> returned = {}) {
    pos::TicketLine l;
    l.id = id;
    l.code = "400000000" + id;
    l.name = name;
    l.tax = tax;
    l.list_price = eur_cents(unit_cents);
    l.unit_price = l.list_price;
    l.quantity = {quantity_milli};
    l.extended = eur_cents(gross);
    l.promotion_saving = eur_cents(0);
    l.discount_amount = eur_cents(0);
    l.amounts = {eur_cents(gross - tax_cents), eur_cents(tax_cents), eur_cents(gross)};
    l.returned = std::move(returned);
    return l;
}

pos::ReturnOf from_original(const std::string& line_id, pos::ReturnReason reason,
                            pos::Disposition disposition) {
    return {original_id, "T01-000004", line_id, reason, disposition, ""};
}

pos::Payment pay(const std::string& id, pos::PaymentMethod method, std::int64_t cents,
                 const std::string& reference = "", const std::string& last4 = "",
                 const std::string& refund_of = "") {
    return {id, method, eur_cents(cents), reference, last4, refund_of};
}

pos::ApprovalGrant approval(pos::Permission permission, const std::string& approver,
                            std::int64_t amount, const std::string& reason) {
    return {"e-" + approver, permission, 1, 9001, approver, amount, reason, back_at};
}

pos::Ticket completed(const std::string& receipt, std::vector<pos::TicketLine> lines,
                      std::vector<pos::Payment> payments,
                      std::vector<pos::ApprovalGrant> approvals = {},
                      const std::string& post_void_of = "") {
    return pos::Ticket::restore("t-" + receipt, "T01", {1, "Alex Martin"}, fakes::eur,
                                pos::TaxPolicy{}, back_at, back_at + 60'000, receipt, 5,
                                std::move(lines), std::move(payments), {}, std::move(approvals),
                                post_void_of.empty() ? "" : original_id, post_void_of);
}

pos::Ticket new_sale(const std::string& id) {
    return pos::Ticket(id, "T01", {1, "Alex Martin"}, fakes::eur, pos::TaxPolicy{}, sold_at);
}

// A 96 x 48 logo: a frame with a disc in it, so a picture shows where it is printed.
receipts::Image logo() {
    receipts::Image image{96, 48, std::vector<std::uint8_t>(96 * 48, 0)};
    for (int y = 0; y < image.height; ++y) {
        for (int x = 0; x < image.width; ++x) {
            const bool frame = x < 3 || y < 3 || x >= image.width - 3 || y >= image.height - 3;
            const int dx = x - image.width / 2;
            const int dy = y - image.height / 2;
            const bool disc = dx * dx + dy * dy <= 16 * 16;
            image.pixels[static_cast<std::size_t>(y * image.width + x)] = frame || disc ? 1 : 0;
        }
    }
    return image;
}

receipts::ReportFigures report(bool final) {
    receipts::ReportFigures f;
    f.final = final;
    f.number = final ? 12 : 0;
    f.terminal_id = "T01";
    f.business_day = pos::local_day(sold_at, 60);  // 2026-09-21 at UTC+1
    f.from_ms = sold_at - 6 * 3'600'000;
    f.to_ms = sold_at + 2 * 3'600'000;
    f.run_by = "Morgan Lee";
    f.sales = {{"Sales", 42, eur_cents(123'456'789)},     {"Returns", 3, eur_cents(-2'345)},
               {"Exchanges", 1, eur_cents(250)},          {"Post-voids", 1, eur_cents(-1'646)},
               {"Net sales", 47, eur_cents(123'453'048)}, {"Discounts", 5, eur_cents(-1'200)},
               {"Promotions", 4, eur_cents(-836)},        {"Voided sales", 1, eur_cents(1'299)},
               {"Voided lines", 2, eur_cents(-598)},      {"No sales", 1, eur_cents(0)},
               {"Paid in", 1, eur_cents(5'000)},          {"Paid out", 1, eur_cents(1'250)},
               {"Drops", 2, eur_cents(40'000)},           {"Pickups", 0, eur_cents(0)}};
    f.taxes = {{"A 20%", 20, eur_cents(20'576'131)}, {"B 5%", 30, eur_cents(588)}};
    f.tenders = {{"Cash", 25, eur_cents(45'210)},
                 {"Card", 16, eur_cents(123'409'234)},
                 {"Gift card", 1, eur_cents(2'000)}};
    f.clerks = {{"Alex Martin", 30, eur_cents(123'420'000)},
                {"Élodie Durand", 12, eur_cents(36'789)}};
    f.hours = {{"08:00", 10, eur_cents(12'345)}, {"14:00", 32, eur_cents(123'444'444)}};
    return f;
}

}  // namespace

pos::Ticket sale() {
    fakes::Catalogue catalogue;
    auto t = new_sale("t1");
    t.add_line("l1", *catalogue.find_by_code("4000000000013", 0), pos::Quantity::units(3));
    t.add_line("l2", *catalogue.find_by_code("4000000000037", 0), pos::Quantity::units(1));
    t.add_line("l3", *catalogue.find_by_code("4011", 0), {455});
    auto bread = *catalogue.find_by_code("4000000000020", 0);
    bread.name = "Crème brûlée tartlets, pâtisserie selection, 6 pieces";  // long and accented
    t.add_line("l4", bread, pos::Quantity::units(1));
    t.begin_tender();
    const auto total = t.totals().total;
    t.add_payment({"p1", pos::PaymentMethod::cash, eur_cents(5000), "", ""});
    t.add_payment({"p2", pos::PaymentMethod::cash, total - eur_cents(5000), "", ""});
    t.mark_completed("T01-000042", 42, sold_at + 60'000);
    return t;
}

pos::Ticket full_sale() {
    fakes::Catalogue catalogue;
    auto t = new_sale("t2");
    pos::Promotion milk_deal;
    milk_deal.id = "P1";
    milk_deal.name = "3 for 2";
    milk_deal.product_ids = {1};
    milk_deal.buy_quantity = 3;
    milk_deal.pay_quantity = 2;
    t.set_promotions({milk_deal});
    t.add_line("l1", *catalogue.find_by_code("4000000000013", 0), pos::Quantity::units(3));
    t.add_line("l2", *catalogue.find_by_code("4000000000037", 0), pos::Quantity::units(1));
    t.set_line_discount(1, {pos::DiscountKind::percent, {100'000}, 0, "damaged label"});
    t.add_line("l3", *catalogue.find_by_code("4000000000020", 0), pos::Quantity::units(1));
    t.set_price_override(2, pos::PriceOverride{299, 2, "price match"});
    t.add_line("l4", *catalogue.find_by_code("4011", 0), {455});
    t.void_line(3);
    t.begin_tender();
    t.add_payment({"p1", pos::PaymentMethod::card, eur_cents(500), "AUTH-77", "4242"});
    t.add_payment({"p2", pos::PaymentMethod::gift_card, eur_cents(300), "6006000000001", ""});
    // 13.46 less 8.00 on cards leaves 5.46, which cash settles as 5.45 at 0.05 rounding.
    t.add_payment({"p3", pos::PaymentMethod::cash, eur_cents(1000), "", ""});
    t.add_payment({"p4", pos::PaymentMethod::cash, eur_cents(-455), "", ""});
    t.add_payment({"p5", pos::PaymentMethod::cash_rounding, eur_cents(1), "", ""});
    t.mark_completed("T01-000043", 43, sold_at + 60'000);
    return t;
}

pos::Ticket big_sale() {
    fakes::Catalogue catalogue;
    auto t = new_sale("t3");
    auto machine = *catalogue.find_by_code("4000000000037", 0);
    machine.name = "Espresso machine «Élite» €-edition";
    machine.unit_price = eur_cents(123'456'789);
    t.add_line("l1", machine, pos::Quantity::units(1));
    auto tea = *catalogue.find_by_code("4000000000013", 0);
    tea.name = "Чай чёрный «Краснодарский», 100 г";
    t.add_line("l2", tea, pos::Quantity::units(12));
    t.begin_tender();
    t.add_payment({"p1", pos::PaymentMethod::card, t.totals().total, "AUTH-9", "1111"});
    t.mark_completed("T01-000044", 44, sold_at + 60'000);
    return t;
}

pos::Ticket a_return() {
    auto no_receipt = pos::ReturnOf{
        "", "", "", pos::ReturnReason::changed_mind, pos::Disposition::restock, "447700900123"};
    return completed(
        "T01-000005",
        {line("r1", "Rioja Red 75 cl", vat_a, 899, 1000, -899, -150,
              from_original("l2", pos::ReturnReason::faulty, pos::Disposition::damaged)),
         line("r2", "Whole Milk 1 L", vat_b, 119, 2000, -238, -11,
              from_original("l1", pos::ReturnReason::changed_mind, pos::Disposition::restock)),
         line("r3", "Sourdough Bread", vat_b, 249, 1000, -249, -12, no_receipt)},
        {pay("p1", pos::PaymentMethod::card, -1137, "AUTH-77", "4242", original_id),
         pay("p2", pos::PaymentMethod::store_credit, -249, "SC1A2B3C4D5E")},
        {approval(pos::Permission::return_without_receipt, "Jordan Diaz", 249,
                  "Customer satisfaction")});
}

pos::Ticket exchange_customer_pays() {
    return completed(
        "T01-000006",
        {line("r1", "Rioja Red 75 cl", vat_a, 899, 1000, -899, -150,
              from_original("l2", pos::ReturnReason::faulty, pos::Disposition::return_to_vendor)),
         line("n1", "Rioja Reserva 75 cl", vat_a, 1299, 1000, 1299, 217)},
        {pay("p1", pos::PaymentMethod::cash, 500), pay("p2", pos::PaymentMethod::cash, -100)});
}

pos::Ticket exchange_refund() {
    return completed(
        "T01-000007",
        {line("r1", "Rioja Red 75 cl", vat_a, 899, 1000, -899, -150,
              from_original("l2", pos::ReturnReason::wrong_item, pos::Disposition::restock)),
         line("n1", "Whole Milk 1 L", vat_b, 119, 1000, 119, 6)},
        {pay("p1", pos::PaymentMethod::card, -780, "AUTH-77", "4242", original_id)},
        {approval(pos::Permission::refund_over_limit, "Morgan Lee", 780, "Manager discretion")});
}

pos::Ticket post_void() {
    auto bananas = line("r4", "Bananas loose", vat_b, 199, 455, -91, -4,
                        from_original("l4", pos::ReturnReason::other, pos::Disposition::restock));
    bananas.unit = pos::UnitOfSale::kilogram;
    return completed(
        "T01-000008",
        {line("r1", "Whole Milk 1 L", vat_b, 119, 3000, -357, -17,
              from_original("l1", pos::ReturnReason::other, pos::Disposition::restock)),
         line("r2", "Rioja Red 75 cl", vat_a, 899, 1000, -899, -150,
              from_original("l2", pos::ReturnReason::other, pos::Disposition::restock)),
         line("r3", "Sourdough Bread", vat_b, 299, 1000, -299, -14,
              from_original("l3", pos::ReturnReason::other, pos::Disposition::restock)),
         bananas},
        {pay("p1", pos::PaymentMethod::cash, -2000, "", "", original_id),
         pay("p2", pos::PaymentMethod::cash, 354, "", "", original_id)},
        {approval(pos::Permission::post_void, "Morgan Lee", 1646, "Keyed in error")}, "T01-000004");
}

receipts::ReportFigures x_report() {
    return report(false);
}

receipts::ReportFigures z_report() {
    return report(true);
}

pos::Shift till_shift() {
    pos::Shift shift;
    shift.id = "shift-3";
    shift.terminal_id = "T01";
    shift.number = 3;
    shift.opened_by = 1;
    shift.opened_by_name = "Alex Martin";
    shift.opened_at_ms = sold_at - 6 * 3'600'000;
    shift.opening_float = *pos::parse_cash_count("50.00x1 20.00x4 10.00x2", fakes::eur);
    shift.float_amount = eur_cents(shift.opening_float.total_minor());
    shift.closed_at_ms = sold_at + 2 * 3'600'000;
    return shift;
}

pos::ShiftClose till_close() {
    const auto shift = till_shift();
    pos::ShiftClose close;
    close.shift_id = shift.id;
    close.terminal_id = "T01";
    close.shift_number = shift.number;
    close.closed_by = 1;
    close.closed_by_name = "Alex Martin";
    close.closed_at_ms = shift.closed_at_ms;
    close.cash_count = *pos::parse_cash_count(
        "50.00x4 20.00x6 10.00x3 5.00x2 2.00x5 1.00x3 0.50x4 0.10x7 0.05x1", fakes::eur);
    pos::ShiftTotals totals;
    totals.opening_float = shift.float_amount;
    totals.tenders = {{pos::PaymentMethod::cash, 30, eur_cents(28'805)},
                      {pos::PaymentMethod::card, 12, eur_cents(51'240)}};
    totals.paid_in = eur_cents(0);
    totals.paid_out = eur_cents(1'250);
    totals.drops = eur_cents(2'750);
    totals.pickups = eur_cents(0);
    // Expected cash 150.00 + 288.05 - 12.50 - 27.50 = 398.05; counted 375.75: short by 22.30.
    close.tenders = pos::over_short(totals, {close.cash_count, eur_cents(51'240)});
    close.approved_by = 9001;
    close.approver_name = "Morgan Lee";
    close.reason = "Change given twice for a 20.00 note";
    return close;
}

receipts::PrinterProfile virtual_printer() {
    receipts::PrinterProfile p;
    p.name = "Virtual printer";
    p.code_pages = {{receipts::CodePage::cp437, 0},
                    {receipts::CodePage::cp850, 2},
                    {receipts::CodePage::cp858, 19},
                    {receipts::CodePage::cp866, 17},
                    {receipts::CodePage::cp1252, 16}};
    return p;
}

receipts::LayoutOptions options(const receipts::Paper& paper) {
    receipts::LayoutOptions o;
    o.paper = paper;
    o.header = {"Open 8-20 daily"};
    o.footer = {"Thank you for shopping with us", "Returns within 30 days with this receipt"};
    o.logo = logo();
    o.utc_offset_minutes = 60;
    return o;
}

std::vector<Sample> all() {
    using namespace receipts;
    const auto store = fakes::settings();
    std::vector<Sample> out;
    for (const auto& [paper, suffix] :
         {std::pair{paper_80mm, "-80"}, std::pair{paper_58mm, "-58"}}) {
        const LayoutOptions o = options(paper);
        LayoutOptions copy = o;
        copy.copy = true;
        const auto add = [&](const std::string& name, Document document) {
            out.push_back({name + suffix, std::move(document)});
        };
        add("sale", ticket_receipt(sale(), store, o));
        add("split-tender", ticket_receipt(full_sale(), store, o));
        add("large-amounts", ticket_receipt(big_sale(), store, o));
        add("return", ticket_receipt(a_return(), store, o));
        add("exchange", ticket_receipt(exchange_customer_pays(), store, o));
        add("exchange-refund", ticket_receipt(exchange_refund(), store, o));
        add("post-void", ticket_receipt(post_void(), store, o));
        add("gift", gift_receipt(sale(), store, o));
        add("reprint", ticket_receipt(sale(), store, copy));
        add("x-report", shift_report(x_report(), store, o));
        add("z-report", shift_report(z_report(), store, o));
        add("till-close", till_close_slip(till_shift(), till_close(), store, o));
        const auto returned = a_return();
        add("approval-slip", approval_slip(returned, returned.approvals().front(), store, o));
        add("test-page", test_page(virtual_printer(), store, o));
    }
    return out;
}

}  // namespace samples
