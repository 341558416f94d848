// Stock lookup on the floor: find a product as typed or scanned, its stock here and in the other
// stores (the dated snapshot, or live from head office), requests to hold or transfer it, and
// putting it on the sale. Also the sale screen's suggestions.
#include <algorithm>

#include "receipts/text_receipt.hpp"
#include "ui/terminal.hpp"
#include "ui/terminal_text.hpp"

namespace ui {

namespace {

constexpr std::size_t max_lookup_results = 20;
constexpr std::size_t max_suggestions = 4;

std::string trimmed(const std::string& text) {
    const auto first = text.find_first_not_of(" \t");
    if (first == std::string::npos)
        return {};
    return text.substr(first, text.find_last_not_of(" \t") - first + 1);
}

std::string store_name(const std::vector<pos::StoreInfo>& stores, const std::string& code) {
    for (const auto& s : stores) {
        if (s.code == code)
            return s.name;
    }
    return {};
}

pos::StoreStock row_of(const pos::StockLevel& level, std::int64_t as_of_ms,
                       const std::vector<pos::StoreInfo>& stores, bool live) {
    pos::StoreStock row;
    row.store_code = level.store_code;
    row.store_name = store_name(stores, level.store_code);
    row.on_hand_milli = level.quantity_milli;
    row.on_order_milli = level.on_order_milli;
    row.expected_day = level.expected_day;
    row.location = level.location;
    row.as_of_ms = as_of_ms;
    row.live = live;
    return row;
}

}  // namespace

pos::Status Terminal::open_desk(Screen desk) {
    if (!user_)
        return pos::not_allowed("Log in first");
    const bool on_desk = screen_ == Screen::lookup || screen_ == Screen::customers ||
                         screen_ == Screen::interactions || screen_ == Screen::special_orders;
    if (!on_desk)
        before_desk_ = screen_;
    screen_ = desk;
    message_ = {};
    return pos::ok();
}

pos::Status Terminal::handle(const ShowLookup&) {
    return open_desk(Screen::lookup);
}

void Terminal::show_looked_up(const db::LookupProduct& product) {
    lookup_.shown = product;
    lookup_.live.reset();
    lookup_.live_problem.clear();
}

pos::Status Terminal::handle(const LookupSearch& intent) {
    if (auto s = require_screen(Screen::lookup, "look up stock"); !s)
        return s;
    const std::string text = trimmed(intent.text);
    lookup_.search_text = intent.text;
    lookup_.results.clear();
    message_ = {};
    if (text.empty())
        return pos::ok();
    const std::int64_t now = services_.clock.now_ms();
    auto& lookup = services_.store.lookup();
    if (auto found = lookup.find(text, now)) {  // a whole code (scanned, or keyed) opens it
        lookup_.results = {*found};
    } else {
        lookup_.results = lookup.search(text, max_lookup_results, now);
    }
    if (lookup_.results.size() == 1) {
        show_looked_up(lookup_.results.front());
    } else if (lookup_.results.empty()) {
        message_ = {MessageKind::info, "No product matches \"" + text + "\""};
    }
    return pos::ok();
}

pos::Status Terminal::handle(const LookupPick& intent) {
    if (auto s = require_screen(Screen::lookup, "pick a product"); !s)
        return s;
    if (intent.index >= lookup_.results.size()) {
        return pos::bad_input("There is no result " + std::to_string(intent.index + 1) +
                              ": the search found " + std::to_string(lookup_.results.size()));
    }
    show_looked_up(lookup_.results[intent.index]);
    message_ = {};
    return pos::ok();
}

pos::Status Terminal::handle(const LookupLive&) {
    if (auto s = require_screen(Screen::lookup, "ask head office"); !s)
        return s;
    if (!lookup_.shown)
        return pos::not_allowed("Look up a product first");
    if (!services_.live_stock) {
        lookup_.live_problem =
            "Not connected to head office: live figures need an enrolled terminal";
        return pos::not_allowed(lookup_.live_problem + "; the snapshot is shown");
    }
    const std::string& code = lookup_.shown->product.code;
    auto reply = services_.live_stock(code);
    if (!reply) {
        lookup_.live.reset();
        lookup_.live_problem = "Head office not reachable (" + reply.error().message + ")";
        return pos::Error{reply.error().code, lookup_.live_problem + "; the snapshot is shown"};
    }
    auto stores = reply->stores.empty() ? services_.store.sync().stores() : reply->stores;
    std::vector<pos::StoreStock> rows;
    for (const auto& level : reply->levels) {
        if (level.product_code == code)
            rows.push_back(row_of(level, reply->as_of_ms, stores, true));
    }
    lookup_.live = std::move(rows);
    lookup_.live_at_ms = services_.clock.now_ms();
    lookup_.live_problem.clear();
    message_ = {MessageKind::info, "Live figures from head office"};
    return pos::ok();
}

std::vector<pos::StoreStock> Terminal::stock_rows() const {
    if (!lookup_.shown)
        return {};
    std::vector<pos::StoreStock> rows;
    if (lookup_.live) {
        rows = *lookup_.live;
    } else {
        auto& sync = services_.store.sync();
        const auto stores = sync.stores();
        for (const auto& r : sync.stock_of(lookup_.shown->product.code))
            rows.push_back(row_of(r.level, r.as_of_ms, stores, false));
    }
    pos::sort_for_lookup(rows, settings_.store_code);
    return rows;
}

// Where the figures come from, and how much to trust them.
std::string Terminal::stock_source(const std::vector<pos::StoreStock>& rows) const {
    if (lookup_.live) {
        return "Live from head office at " +
               receipts::format_local_time(lookup_.live_at_ms, services_.utc_offset_minutes)
                   .substr(11);
    }
    if (rows.empty())
        return "No stock figures yet: head office has sent none for this product";
    std::int64_t oldest = rows.front().as_of_ms;
    for (const auto& r : rows)
        oldest = std::min(oldest, r.as_of_ms);
    const std::string age = pos::describe_age(oldest, services_.clock.now_ms());
    if (!lookup_.live_problem.empty())
        return lookup_.live_problem + ": figures from " + age;
    if (!services_.sync_status)
        return "Not connected to head office: figures from " + age;
    if (!services_.sync_status().online)
        return "Head office not reachable: figures from " + age;
    return "Snapshot from " + age;
}

pos::Status Terminal::handle(const RequestStock& intent) {
    if (auto s = require_screen(Screen::lookup, "ask for stock"); !s)
        return s;
    if (!lookup_.shown)
        return pos::not_allowed("Look up a product first");
    const auto kind = pos::stock_request_kind_from(intent.kind);
    if (!kind)
        return pos::bad_input("\"" + intent.kind + "\" is not a request: hold or transfer");
    const pos::Product& product = lookup_.shown->product;
    auto quantity =
        pos::parse_quantity(intent.quantity.empty() ? "1" : intent.quantity, product.unit);
    if (!quantity)
        return quantity.error();
    pos::StockRequest request;
    request.id = services_.ids.new_id();
    request.kind = *kind;
    request.product_code = product.code;
    request.product_name = product.name;
    request.quantity_milli = quantity->milli;
    request.from_store = intent.store;
    request.to_store = settings_.store_code;
    if (const auto* t = ticket(); t && t->customer()) {
        request.customer_id = t->customer()->id;
        request.customer_name = t->customer()->name;
    }
    request.note = intent.note;
    request.requested_by = user_->id;
    request.requested_by_name = user_->name;
    request.created_at_ms = request.updated_at_ms = services_.clock.now_ms();
    if (auto s = pos::check_stock_request(request, stock_rows()); !s)
        return s;
    if (auto s = services_.store.stock_requests().submit(request); !s)
        return s;
    const std::string what = *kind == pos::StockRequestKind::hold ? "Hold" : "Transfer";
    message_ = {MessageKind::info, what + " of " + pos::format_quantity(*quantity, product.unit) +
                                       " × " + product.name + " from " + intent.store +
                                       " asked of head office"};
    return pos::ok();
}

pos::Status Terminal::handle(const AddLookedUp& intent) {
    if (auto s = require_screen(Screen::lookup, "add the product to the sale"); !s)
        return s;
    if (!lookup_.shown)
        return pos::not_allowed("Look up a product first");
    if (before_desk_ == Screen::tender)
        return pos::not_allowed("Payment is in progress: go back to the sale to add items");
    const Screen was = screen_;
    screen_ = before_desk_ == Screen::completed ? Screen::completed : Screen::sale;
    if (auto s = handle(Scan{lookup_.shown->product.code, intent.quantity}); !s) {
        screen_ = was;
        return s;
    }
    return pos::ok();
}

const std::vector<pos::Product>& Terminal::suggested_products() const {
    auto& cache = suggestion_cache_;
    std::vector<std::int64_t> ids;
    if (session_) {
        for (const auto& line : session_->ticket().lines()) {
            if (!line.voided && !line.returned && line.product_id != 0)
                ids.push_back(line.product_id);
        }
    }
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    if (cache.filled && cache.for_products == ids)
        return cache.products;
    cache = {ids, {}, true};
    if (ids.empty())
        return cache.products;
    try {  // suggestions are a help, never a reason to stop selling
        auto& lookup = services_.store.lookup();
        const auto counts = lookup.bought_together(ids, 20);
        const std::int64_t now = services_.clock.now_ms();
        for (const auto& s : pos::rank_suggestions(ids, counts, max_suggestions)) {
            if (auto p = lookup.product_by_id(s.product_id, now))
                cache.products.push_back(*p);
        }
    } catch (const pos::StoreFailure&) {
        cache.products.clear();
    }
    return cache.products;
}

std::vector<SuggestionVm> Terminal::suggestions() const {
    std::vector<SuggestionVm> out;
    if (!session_ || session_->ticket().state() != pos::TicketState::open)
        return out;
    for (const auto& p : suggested_products())
        out.push_back({p.code, p.name, text::unit_price(p.unit_price, p.unit)});
    return out;
}

pos::Status Terminal::handle(const AddSuggestion& intent) {
    if (auto s = require_screen(Screen::sale, "add a suggestion"); !s)
        return s;
    const auto& products = suggested_products();
    if (intent.index >= products.size()) {
        return pos::bad_input("There is no suggestion " + std::to_string(intent.index + 1) + ": " +
                              std::to_string(products.size()) + " shown");
    }
    const std::string code = products[intent.index].code;
    return handle(Scan{code, ""});
}

}  // namespace ui
