#include "receipts/text_receipt.hpp"

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <map>
#include <tuple>
#include <vector>

#include "pos/money.hpp"
#include "pos/quantity.hpp"

namespace receipts {

namespace {

// Receipt text is UTF-8: widths count code points, not bytes.
std::size_t display_width(const std::string& s) {
    std::size_t n = 0;
    for (unsigned char c : s)
        n += (c & 0xC0) != 0x80;
    return n;
}

std::string truncate_to(const std::string& s, std::size_t width) {
    std::size_t seen = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) {
            if (seen == width)
                return s.substr(0, i);
            ++seen;
        }
    }
    return s;
}

class Layout {
  public:
    explicit Layout(int columns) : width_(static_cast<std::size_t>(columns)) {}

    void centred(const std::string& text) {
        const std::string t = truncate_to(text, width_);
        out_ += std::string((width_ - display_width(t)) / 2, ' ') + t + "\n";
    }
    // Left text and right text on one line; the left side gives way when both do not fit.
    void columns(const std::string& left, const std::string& right) {
        if (right.empty()) {
            out_ += truncate_to(left, width_) + "\n";
            return;
        }
        const std::size_t right_w = display_width(right);
        const std::size_t room = width_ > right_w + 1 ? width_ - right_w - 1 : 0;
        const std::string l = truncate_to(left, room);
        out_ += l + std::string(width_ - display_width(l) - right_w, ' ') + right + "\n";
    }
    // Text wrapped at spaces onto as many lines as it needs; its leading spaces start the first
    // line, `indent` spaces the others.
    void wrapped(const std::string& text, std::size_t indent) {
        const std::size_t lead = text.find_first_not_of(' ');
        if (lead == std::string::npos)
            return;
        std::string line(lead, ' ');
        bool empty = true;  // no word on `line` yet
        std::size_t start = lead;
        while (start < text.size()) {
            std::size_t end = text.find(' ', start);
            if (end == std::string::npos)
                end = text.size();
            const std::string word = text.substr(start, end - start);
            start = end + 1;
            if (word.empty())
                continue;
            if (!empty && display_width(line) + 1 + display_width(word) > width_) {
                out_ += line + "\n";
                line = std::string(indent, ' ');
                empty = true;
            }
            line += (empty ? "" : " ") + word;
            empty = false;
        }
        out_ += truncate_to(line, width_) + "\n";
    }
    void rule(char c = '-') { out_ += std::string(width_, c) + "\n"; }
    void blank() { out_ += "\n"; }
    std::string take() { return std::move(out_); }

  private:
    std::size_t width_;
    std::string out_;
};

std::string pad_left(const std::string& s, std::size_t width) {
    const std::size_t w = display_width(s);
    return w >= width ? s : std::string(width - w, ' ') + s;
}

void header(Layout& out, const pos::Ticket& ticket, const pos::StoreSettings& store,
            const TextOptions& options) {
    out.centred(store.store_name);
    for (const auto& line : store.address_lines)
        out.centred(line);
    if (!store.tax_id.empty())
        out.centred(store.tax_id);
    out.blank();
    out.columns("Receipt " + ticket.receipt_number(),
                format_local_time(ticket.completed_at_ms(), options.utc_offset_minutes));
    out.columns("Clerk: " + ticket.clerk().name, "Terminal " + ticket.terminal_id());
    out.rule();
}

// Each line at its price before savings; promotions and discounts beneath it, so the
// customer sees both what things cost and what they saved.
// A return line shows its quantity, its (negative) amount, why it came back and where it goes.
// (`reasons` false: a post-void, where every line comes back for the same reason.)
void line(Layout& out, const pos::TicketLine& line, bool reasons = true) {
    const std::string amount =
        line.voided ? "VOID" : pos::format_amount(line.extended) + " " + line.tax.code;
    const bool single =
        line.unit == pos::UnitOfSale::each && line.quantity.milli == 1000 && !line.returned;
    out.columns(line.name, single ? amount : "");
    if (!single) {
        const bool weighed = line.unit == pos::UnitOfSale::kilogram;
        const std::string detail = "  " + pos::format_quantity(line.quantity, line.unit) +
                                   (weighed ? " kg" : "") + " x " +
                                   pos::format_amount(line.unit_price) + (weighed ? "/kg" : "");
        out.columns(detail, amount);
    }
    if (line.voided)
        return;
    if (line.returned) {
        if (!reasons)
            return;
        out.wrapped("  " + std::string(pos::label(line.returned->reason)) + " · " +
                        std::string(pos::label(line.returned->disposition)),
                    4);
        return;
    }
    if (line.price_override) {
        out.columns("  Price changed from " + pos::format_amount(line.list_price), "");
    }
    if (!line.promotion_saving.is_zero()) {
        out.columns("  " + line.promotion,
                    "-" + pos::format_amount(line.promotion_saving) + " " + line.tax.code);
    }
    if (!line.discount_amount.is_zero()) {
        out.columns("  Discount",
                    "-" + pos::format_amount(line.discount_amount) + " " + line.tax.code);
    }
}

bool is_return(const pos::TicketLine& l) {
    return l.returned.has_value();
}

// Return lines under the receipt they came from, in the order they were added; those returned
// without a receipt under a heading of their own.
void return_lines(Layout& out, const pos::Ticket& ticket, bool with_origin) {
    std::vector<std::string> origins;
    for (const auto& l : ticket.lines()) {
        if (is_return(l) && std::find(origins.begin(), origins.end(),
                                      l.returned->original_receipt) == origins.end())
            origins.push_back(l.returned->original_receipt);
    }
    for (const auto& origin : origins) {
        if (with_origin)
            out.columns(
                origin.empty() ? "Returned without a receipt" : "Original receipt " + origin, "");
        for (const auto& l : ticket.lines()) {
            if (is_return(l) && l.returned->original_receipt == origin)
                line(out, l, with_origin);
        }
    }
}

void sale_lines(Layout& out, const pos::Ticket& ticket) {
    for (const auto& l : ticket.lines()) {
        if (!is_return(l))
            line(out, l);
    }
}

// What the post-void was for: the reason given with its approval.
std::string post_void_reason(const pos::Ticket& ticket) {
    for (const auto& grant : ticket.approvals()) {
        if (grant.permission == pos::Permission::post_void)
            return grant.reason;
    }
    return {};
}

void lines(Layout& out, const pos::Ticket& ticket) {
    switch (ticket.kind()) {
        case pos::TicketKind::sale:
            sale_lines(out, ticket);
            break;
        case pos::TicketKind::refund:
            return_lines(out, ticket, true);
            break;
        case pos::TicketKind::post_void:
            return_lines(out, ticket, false);
            break;
        case pos::TicketKind::exchange:
            out.columns("RETURNED", "");
            return_lines(out, ticket, true);
            out.rule();
            out.columns("NEW ITEMS", "");
            sale_lines(out, ticket);
            break;
    }
    out.rule();
}

pos::Money gross_of(const pos::Ticket& ticket, bool returns) {
    pos::Money sum(0, ticket.currency());
    for (const auto& l : ticket.lines()) {
        if (!l.voided && is_return(l) == returns)
            sum = sum + l.amounts.gross;
    }
    return sum;
}

// Money going back, one line per tender (a post-void's negated change nets off its cash).
void refund_tenders(Layout& out, const pos::Ticket& ticket) {
    using Key = std::tuple<pos::PaymentMethod, std::string, std::string>;
    std::vector<Key> order;
    std::map<Key, pos::Money> sums;
    for (const auto& p : ticket.payments()) {
        const Key key{p.method, p.reference, p.card_last4};
        if (!sums.count(key)) {
            order.push_back(key);
            sums.emplace(key, pos::Money(0, ticket.currency()));
        }
        sums.at(key) = sums.at(key) + p.amount;
    }
    for (const auto& key : order) {
        const auto& [method, reference, last4] = key;
        const pos::Money amount = sums.at(key);
        switch (method) {
            case pos::PaymentMethod::cash:
                out.columns("Refund in cash", pos::format_amount(amount));
                break;
            case pos::PaymentMethod::card:
                out.columns("Refund to card ending " + last4, pos::format_amount(amount));
                break;
            case pos::PaymentMethod::gift_card:
                out.columns("Refund to gift card " + reference, pos::format_amount(amount));
                break;
            case pos::PaymentMethod::store_credit:
                // Credited to the account: a plus for the customer.
                out.columns("Store credit " + reference, "+" + pos::format_amount(-amount));
                break;
            case pos::PaymentMethod::cash_rounding:
                out.columns("Cash rounding", pos::format_amount(amount));
                break;
        }
    }
}

void totals_and_payments(Layout& out, const pos::Ticket& ticket) {
    const auto totals = ticket.totals();
    const std::string currency(ticket.currency().iso());
    const pos::Money saved = totals.savings + totals.discounts;
    if (!saved.is_zero())
        out.columns("You saved", pos::format_amount(saved));
    if (ticket.kind() == pos::TicketKind::exchange) {
        out.columns("Returned", pos::format_amount(gross_of(ticket, true)));
        out.columns("New items", pos::format_amount(gross_of(ticket, false)));
        if (totals.total.is_negative())
            out.columns("REFUND", currency + " " + pos::format_amount(-totals.total));
        else
            out.columns("CUSTOMER PAYS", currency + " " + pos::format_amount(totals.total));
    } else {
        out.columns("TOTAL", currency + " " + pos::format_amount(totals.total));
    }
    if (totals.total.is_negative()) {
        refund_tenders(out, ticket);  // never change on a refund
        out.rule();
        return;
    }
    for (const auto& payment : ticket.payments()) {
        if (payment.method == pos::PaymentMethod::cash && payment.amount.is_negative()) {
            continue;  // change is shown on its own line
        }
        out.columns(pos::payment_label(payment), pos::format_amount(payment.amount));
    }
    out.columns("Change", pos::format_amount(ticket.change_given()));
    out.rule();
}

// Every approval given on the ticket: who, for what, and why.
void approvals(Layout& out, const pos::Ticket& ticket) {
    if (ticket.approvals().empty())
        return;
    for (const auto& grant : ticket.approvals()) {
        out.wrapped("Approved by " + grant.approver_name + ": " +
                        std::string(pos::describe(grant.permission)) + " — " + grant.reason,
                    2);
    }
    out.rule();
}

// The kind of document under the store's name: RETURN, EXCHANGE, POST-VOID of ...
void heading(Layout& out, const pos::Ticket& ticket) {
    switch (ticket.kind()) {
        case pos::TicketKind::sale:
            return;
        case pos::TicketKind::refund:
            out.centred("RETURN");
            break;
        case pos::TicketKind::exchange:
            out.centred("EXCHANGE");
            break;
        case pos::TicketKind::post_void:
            out.centred("POST-VOID of " + ticket.post_void_of_receipt());
            if (const std::string reason = post_void_reason(ticket); !reason.empty())
                out.wrapped("Reason: " + reason, 2);
            break;
    }
    out.rule();
}

void tax_summary(Layout& out, const pos::Ticket& ticket) {
    const auto totals = ticket.totals();
    const bool inclusive = ticket.pricing() == pos::PricingMode::tax_inclusive;
    out.columns(inclusive ? "Tax included" : "Tax added", "");
    out.columns("  Rate", pad_left("Net", 10) + pad_left("Tax", 10) + pad_left("Gross", 10));
    for (const auto& row : totals.tax_summary) {
        out.columns("  " + row.tax.code + " " + pos::format_percent(row.tax.rate),
                    pad_left(pos::format_amount(row.net), 10) +
                        pad_left(pos::format_amount(row.tax_amount), 10) +
                        pad_left(pos::format_amount(row.gross), 10));
    }
    out.rule();
}

std::string item_count(const pos::Ticket& ticket) {
    const std::int64_t items = ticket.item_count();
    return std::to_string(items) + (items == 1 ? " item" : " items");
}

}  // namespace

std::string format_local_time(std::int64_t unix_ms, int utc_offset_minutes) {
    const std::time_t seconds =
        static_cast<std::time_t>(unix_ms / 1000 + std::int64_t{utc_offset_minutes} * 60);
    std::tm tm{};
    gmtime_r(&seconds, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%d %H:%M", &tm);
    return buf;
}

std::string render_text(const pos::Ticket& ticket, const pos::StoreSettings& store,
                        const TextOptions& options) {
    Layout out(options.columns);
    header(out, ticket, store, options);
    heading(out, ticket);
    lines(out, ticket);
    totals_and_payments(out, ticket);
    approvals(out, ticket);
    tax_summary(out, ticket);
    out.centred(item_count(ticket));
    out.centred("Thank you for shopping with us");
    if (ticket.kind() != pos::TicketKind::post_void)
        out.centred("Keep this receipt for returns");
    return out.take();
}

}  // namespace receipts
