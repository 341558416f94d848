// The view-models of the stock lookup and customer screens: every figure formatted, every age
// in words, stale and offline figures marked.
#include <algorithm>

#include "pos/interaction.hpp"
#include "receipts/text_receipt.hpp"
#include "ui/terminal.hpp"
#include "ui/terminal_text.hpp"

namespace ui {

namespace {

constexpr std::size_t max_requests_shown = 6;
constexpr std::size_t max_card_lines = 5;

std::string join(const std::vector<std::string>& parts, const char* between) {
    std::string out;
    for (const auto& p : parts) {
        if (!p.empty())
            out += (out.empty() ? "" : between) + p;
    }
    return out;
}

std::string count_text(std::int64_t milli, pos::UnitOfSale unit) {
    return pos::format_quantity(pos::Quantity{milli}, unit);
}

StockRowVm stock_row(const pos::StoreStock& s, const std::string& own, pos::UnitOfSale unit,
                     std::int64_t now) {
    StockRowVm row;
    row.store_code = s.store_code;
    row.store = s.store_name.empty() ? s.store_code : s.store_code + " " + s.store_name;
    row.own = s.store_code == own;
    if (row.own)
        row.store += " (here)";
    row.on_hand = count_text(s.on_hand_milli, unit);
    if (s.on_order_milli > 0) {
        row.on_order = count_text(s.on_order_milli, unit) +
                       (s.expected_day > 0 ? ", due " + pos::format_day(s.expected_day) : "");
    }
    row.location = s.location;
    row.age = s.live ? "live" : pos::describe_age(s.as_of_ms, now);
    row.stale = !s.live && now - s.as_of_ms > pos::stale_after_ms;
    row.can_request = !row.own && s.on_hand_milli > 0;
    return row;
}

StockRequestVm request_vm(const pos::StockRequest& r, pos::UnitOfSale unit, int utc_offset) {
    StockRequestVm vm;
    const bool hold = r.kind == pos::StockRequestKind::hold;
    vm.what = std::string(hold ? "Hold " : "Transfer ") + count_text(r.quantity_milli, unit) +
              " × " + r.product_name + (hold ? " at " : " from ") + r.from_store +
              (r.customer_name.empty() ? "" : " for " + r.customer_name);
    vm.status =
        std::string(pos::title(r.status)) + (r.status_note.empty() ? "" : ": " + r.status_note);
    vm.when = receipts::format_local_time(r.updated_at_ms, utc_offset).substr(0, 16);
    return vm;
}

}  // namespace

std::string Terminal::promotion_text(const pos::Product& product) const {
    std::vector<std::string> names;
    const std::int64_t now = services_.clock.now_ms();
    for (const auto& p : services_.store.promotions().promotions_at(now)) {
        if (!pos::is_active(p, now, settings_.utc_offset_minutes))
            continue;
        const bool names_it = std::find(p.product_ids.begin(), p.product_ids.end(), product.id) !=
                                  p.product_ids.end() ||
                              std::find(p.get_product_ids.begin(), p.get_product_ids.end(),
                                        product.id) != p.get_product_ids.end() ||
                              (!p.department.empty() && p.department == product.department);
        if (names_it)
            names.push_back(p.name);
    }
    return join(names, "; ");
}

LookupVm Terminal::lookup_vm() const {
    LookupVm vm;
    vm.search_text = lookup_.search_text;
    for (const auto& r : lookup_.results) {
        vm.results.push_back({r.product.code, r.product.name,
                              join({r.brand, r.product.code}, " · "),
                              text::unit_price(r.product.unit_price, r.product.unit)});
    }
    vm.can_live = static_cast<bool>(services_.live_stock);
    vm.can_add = session_ && before_desk_ != Screen::tender;
    if (const auto* t = ticket(); t && t->customer())
        vm.customer_name = t->customer()->name;
    if (lookup_.shown) {
        const auto& shown = *lookup_.shown;
        const pos::Product& p = shown.product;
        LookupProductVm product;
        product.code = p.code;
        product.name = p.name;
        product.brand = shown.brand;
        product.price = money_text(p.unit_price) + (p.unit == pos::UnitOfSale::each ? "" : " / kg");
        product.promotion = promotion_text(p);
        product.codes = join(shown.barcodes, ", ");
        const auto rows = stock_rows();
        const std::int64_t now = services_.clock.now_ms();
        for (const auto& r : rows) {
            vm.stock.push_back(stock_row(r, settings_.store_code, p.unit, now));
            if (r.store_code == settings_.store_code)
                product.location = r.location;
        }
        vm.stock_source = stock_source(rows);
        const bool stale = std::any_of(vm.stock.begin(), vm.stock.end(),
                                       [](const StockRowVm& r) { return r.stale; });
        vm.stock_warning =
            !lookup_.live && (stale || rows.empty() || !services_.sync_status ||
                              !lookup_.live_problem.empty() || !services_.sync_status().online);
        vm.product = std::move(product);
    }
    const auto unit_of = [&](const pos::StockRequest& r) {
        return lookup_.shown && lookup_.shown->product.code == r.product_code
                   ? lookup_.shown->product.unit
                   : pos::UnitOfSale::each;
    };
    for (const auto& r : services_.store.stock_requests().recent(max_requests_shown))
        vm.requests.push_back(request_vm(r, unit_of(r), services_.utc_offset_minutes));
    return vm;
}

CustomerCardVm Terminal::customer_card(const pos::Customer& c) const {
    CustomerCardVm card;
    card.id = c.id;
    card.name = c.name;
    card.phone = c.phone;
    card.email = c.email;
    card.card = c.card;
    card.note = c.note;
    card.consent_email = c.consent.email;
    card.consent_sms = c.consent.sms;
    card.consent_post = c.consent.post;
    card.consents = join(
        {c.consent.email ? "Email" : "", c.consent.sms ? "SMS" : "", c.consent.post ? "Post" : ""},
        ", ");
    if (card.consents.empty())
        card.consents = "No contact agreed";
    auto& book = services_.store.customers();
    card.points = points_text(book.points_balance(c.id));
    const auto when = [&](std::int64_t ms) {
        return receipts::format_local_time(ms, services_.utc_offset_minutes).substr(0, 10);
    };
    for (const auto& m : book.points_history(c.id, max_card_lines)) {
        card.movements.push_back({when(m.at_ms),
                                  m.receipt_number.empty() ? m.store_code : m.receipt_number,
                                  (m.points > 0 ? "+" : "") + std::to_string(m.points)});
    }
    if (c.store_credit_account.empty()) {
        card.credit = "No store credit";
    } else {
        const auto balance = services_.store.stored_value().balance(
            pos::PaymentMethod::store_credit, c.store_credit_account);
        card.credit = (balance ? money_text(*balance) : std::string("Unknown balance")) +
                      " (account " + c.store_credit_account + ")";
    }
    for (const auto& t : book.purchases(c.id, max_card_lines)) {
        card.purchases.push_back({when(t.completed_at_ms),
                                  t.receipt_number + " · " + text::kind_label(t.kind),
                                  pos::format_amount(t.total)});
    }
    for (const auto& i : services_.store.interactions().for_customer(c.id, max_card_lines)) {
        card.interactions.push_back(
            {when(i.opened_at_ms), i.number + " " + std::string(pos::title(i.kind)) + ": " + i.said,
             std::string(pos::title(i.status))});
    }
    if (const auto* t = ticket(); t && t->customer())
        card.attached = t->customer()->id == c.id;
    return card;
}

CustomersVm Terminal::customers_vm() const {
    CustomersVm vm;
    vm.search_text = customer_desk_.search_text;
    for (const auto& c : customer_desk_.results)
        vm.results.push_back({c.id, c.name, join({c.phone, c.email, c.card}, " · ")});
    if (customer_desk_.shown)
        vm.card = customer_card(*customer_desk_.shown);
    for (const auto& d : customer_desk_.duplicates) {
        const auto& e = d.existing;
        vm.duplicates.push_back({e.id, e.name, join({e.phone, e.email, e.card}, " · "),
                                 std::string(pos::describe(d.reason))});
    }
    if (customer_desk_.refused)
        vm.refused_name = customer_desk_.refused->name;
    vm.can_attach = session_.has_value() && before_desk_ != Screen::login;
    if (const auto* t = ticket(); t && t->customer())
        vm.attached_id = t->customer()->id;
    return vm;
}

}  // namespace ui
