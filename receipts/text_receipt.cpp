#include "receipts/text_receipt.hpp"

#include <cstdio>
#include <ctime>

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
void line(Layout& out, const pos::TicketLine& line) {
    const std::string amount =
        line.voided ? "VOID" : pos::format_amount(line.extended) + " " + line.tax.code;
    const bool single = line.unit == pos::UnitOfSale::each && line.quantity.milli == 1000;
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

void lines(Layout& out, const pos::Ticket& ticket) {
    for (const auto& l : ticket.lines())
        line(out, l);
    out.rule();
}

void totals_and_payments(Layout& out, const pos::Ticket& ticket) {
    const auto totals = ticket.totals();
    const std::string currency(ticket.currency().iso());
    const pos::Money saved = totals.savings + totals.discounts;
    if (!saved.is_zero())
        out.columns("You saved", pos::format_amount(saved));
    out.columns("TOTAL", currency + " " + pos::format_amount(totals.total));
    for (const auto& payment : ticket.payments()) {
        if (payment.method == pos::PaymentMethod::cash && payment.amount.is_negative()) {
            continue;  // change is shown on its own line
        }
        out.columns(pos::payment_label(payment), pos::format_amount(payment.amount));
    }
    out.columns("Change", pos::format_amount(ticket.change_given()));
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
    lines(out, ticket);
    totals_and_payments(out, ticket);
    tax_summary(out, ticket);
    out.centred(item_count(ticket));
    out.centred("Thank you for shopping with us");
    out.centred("Keep this receipt for returns");
    return out.take();
}

}  // namespace receipts
