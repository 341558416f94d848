#include "db/journal.hpp"

#include <sodium.h>

#include <array>
#include <stdexcept>

#include "db/format.hpp"

namespace db {

// ---- canonical encoding ----
//
// An entry's payload is UTF-8 text, one field per line, "key=value" followed by LF (the last line
// too). Keys are fixed lower-case ASCII words, dotted, written in the fixed order below: never
// sorted, never skipped (a field without a value is written empty, or 0 for a number). Integers
// are decimal with a leading '-' when negative and no '+', no leading zeros, no separators: money
// in minor units, quantities in milli-units, rates in parts per million, times in Unix ms. There
// is no floating point. Booleans are 0 or 1. Text goes through escape_value, so every value is
// one line. A list is written as its count ("lines=3") and then each item's fields under
// "line.1.", "line.2.", ... in list order.
//
// Header (every entry):
//   format=counter-journal-1, terminal, sequence, kind, entity, ticket, at_ms
// Then the body of its kind: ticket_body (sale, ticket_void of a whole ticket), event_body
// (line_void, ticket_void, no_sale, price_override), and the suspend / resume bodies written by
// the suspended-ticket store (ticket_events.cpp), each listed in db/README.md.

namespace {

std::string_view state_word(const pos::Ticket& ticket) {
    return ticket.state() == pos::TicketState::voided ? "voided" : "completed";
}

void discount_fields(Canonical& out, const std::string& prefix, const pos::Discount& discount) {
    out.field(prefix + "discount.kind", discount_kind_text(discount.kind))
        .field(prefix + "discount.percent_ppm", discount.percent.ppm)
        .field(prefix + "discount.amount", discount.amount_minor)
        .field(prefix + "discount.reason", discount.reason);
}

// A line as scanned and keyed, before anything is computed: ticket_body and suspend_body.
void line_input_fields(Canonical& out, const std::string& p, const pos::TicketLine& line) {
    const pos::PriceOverride none;
    const pos::PriceOverride& price_override = line.price_override.value_or(none);
    out.field(p + "id", line.id)
        .field(p + "product_id", line.product_id)
        .field(p + "code", line.code)
        .field(p + "name", line.name)
        .field(p + "department", line.department)
        .field(p + "tax_code", line.tax.code)
        .field(p + "tax_name", line.tax.name)
        .field(p + "tax_rate_ppm", line.tax.rate.ppm)
        .field(p + "unit", unit_text(line.unit))
        .field(p + "quantity_milli", line.quantity.milli)
        .field(p + "list_price", line.list_price.minor())
        .field(p + "override", line.price_override ? 1 : 0)
        .field(p + "override.price", price_override.unit_price_minor)
        .field(p + "override.approved_by", price_override.approved_by)
        .field(p + "override.reason", price_override.reason);
    discount_fields(out, p, line.discount);
    out.field(p + "voided", line.voided ? 1 : 0);
}

// What a return line gives back (all empty / 0 on a sale line).
void return_fields(Canonical& out, const std::string& p, const pos::TicketLine& line) {
    const pos::ReturnOf none;
    const pos::ReturnOf& returned = line.returned.value_or(none);
    const bool is_return = line.returned.has_value();
    out.field(p + "return", is_return ? 1 : 0)
        .field(p + "return.original_ticket", returned.original_ticket_id)
        .field(p + "return.original_receipt", returned.original_receipt)
        .field(p + "return.original_line", returned.original_line_id)
        .field(p + "return.reason", is_return ? reason_text(returned.reason) : "")
        .field(p + "return.disposition", is_return ? disposition_text(returned.disposition) : "")
        .field(p + "return.customer", returned.customer);
}

}  // namespace

std::string ticket_body(const pos::Ticket& ticket, const std::string& receipt,
                        std::int64_t receipt_sequence, std::int64_t closed_at_ms) {
    Canonical out;
    out.field("ticket.state", state_word(ticket))
        .field("ticket.receipt", receipt)
        .field("ticket.receipt_sequence", receipt_sequence)
        .field("ticket.clerk_id", ticket.clerk().id)
        .field("ticket.clerk_name", ticket.clerk().name)
        .field("ticket.currency", currency_text(ticket.currency()))
        .field("ticket.currency_exponent", ticket.currency().exponent)
        .field("ticket.pricing", pricing_text(ticket.policy().pricing))
        .field("ticket.tax_rounding", tax_rounding_text(ticket.policy().rounding))
        .field("ticket.opened_at_ms", ticket.opened_at_ms())
        .field("ticket.closed_at_ms", closed_at_ms);
    discount_fields(out, "ticket.", ticket.discount());
    out.field("ticket.kind", pos::to_string(ticket.kind()))
        .field("ticket.post_void_of", ticket.post_void_of())
        .field("ticket.post_void_of_receipt", ticket.post_void_of_receipt());
    // Since schema 6, only when set: every entry written before keeps its exact encoding.
    if (ticket.customer())
        out.field("ticket.customer_id", ticket.customer()->id);
    if (ticket.points_earned() != 0)
        out.field("ticket.points_earned", ticket.points_earned());

    out.field("lines", static_cast<std::int64_t>(ticket.lines().size()));
    std::int64_t number = 0;
    for (const pos::TicketLine& line : ticket.lines()) {
        const std::string p = "line." + std::to_string(++number) + ".";
        line_input_fields(out, p, line);
        out.field(p + "unit_price", line.unit_price.minor())
            .field(p + "extended", line.extended.minor())
            .field(p + "promotion_saving", line.promotion_saving.minor())
            .field(p + "promotion", line.promotion)
            .field(p + "discount_amount", line.discount_amount.minor())
            .field(p + "net", line.amounts.net.minor())
            .field(p + "tax", line.amounts.tax.minor())
            .field(p + "gross", line.amounts.gross.minor());
        return_fields(out, p, line);
        if (!line.special_order.empty())
            out.field(p + "special_order", line.special_order);
    }

    out.field("payments", static_cast<std::int64_t>(ticket.payments().size()));
    number = 0;
    for (const pos::Payment& payment : ticket.payments()) {
        const std::string p = "payment." + std::to_string(++number) + ".";
        out.field(p + "id", payment.id)
            .field(p + "method", method_text(payment.method))
            .field(p + "amount", payment.amount.minor())
            .field(p + "reference", payment.reference)
            .field(p + "card_last4", payment.card_last4)
            .field(p + "refund_of", payment.refund_of);
        if (payment.points != 0)
            out.field(p + "points", payment.points);
    }

    out.field("approvals", static_cast<std::int64_t>(ticket.approvals().size()));
    number = 0;
    for (const pos::ApprovalGrant& approval : ticket.approvals()) {
        const std::string p = "approval." + std::to_string(++number) + ".";
        out.field(p + "id", approval.id)
            .field(p + "rule", pos::to_string(approval.permission))
            .field(p + "requested_by", approval.requested_by)
            .field(p + "approved_by", approval.approved_by)
            .field(p + "approver_name", approval.approver_name)
            .field(p + "amount", approval.amount_minor)
            .field(p + "reason", approval.reason)
            .field(p + "at_ms", approval.at_ms);
    }

    const pos::Totals totals = ticket.totals();
    out.field("totals.savings", totals.savings.minor())
        .field("totals.discounts", totals.discounts.minor())
        .field("totals.net", totals.net.minor())
        .field("totals.tax", totals.tax.minor())
        .field("totals.total", totals.total.minor())
        .field("totals.paid", totals.paid.minor())
        .field("totals.change", ticket.change_given().minor());
    return out.text();
}

std::string event_body(const pos::TicketEvent& event) {
    Canonical out;
    out.field("event.line_id", event.line_id)
        .field("event.user_id", event.user_id)
        .field("event.user_name", event.user_name)
        .field("event.approved_by", event.approved_by)
        .field("event.amount", event.amount_minor)
        .field("event.reason", event.reason);
    // Approvals say which rule and who the approver was; other events keep their body as it was.
    if (event.kind == pos::EventKind::approval || event.kind == pos::EventKind::approval_declined) {
        out.field("event.rule", event.rule).field("event.approver_name", event.approver_name);
    }
    return out.text();
}

std::string suspend_body(const pos::Ticket& ticket, const std::string& label) {
    Canonical out;
    out.field("suspend.label", label)
        .field("suspend.clerk_id", ticket.clerk().id)
        .field("suspend.clerk_name", ticket.clerk().name)
        .field("suspend.currency", currency_text(ticket.currency()))
        .field("suspend.currency_exponent", ticket.currency().exponent)
        .field("suspend.pricing", pricing_text(ticket.policy().pricing))
        .field("suspend.tax_rounding", tax_rounding_text(ticket.policy().rounding))
        .field("suspend.opened_at_ms", ticket.opened_at_ms());
    discount_fields(out, "suspend.", ticket.discount());
    out.field("suspend.line_count", static_cast<std::int64_t>(ticket.live_line_count()))
        .field("suspend.total", ticket.totals().total.minor())
        .field("lines", static_cast<std::int64_t>(ticket.lines().size()));
    std::int64_t number = 0;
    for (const pos::TicketLine& line : ticket.lines())
        line_input_fields(out, "line." + std::to_string(++number) + ".", line);
    return out.text();
}

std::string resume_body(const Resumption& resumption) {
    Canonical out;
    out.field("resume.suspension_id", resumption.suspension_id)
        .field("resume.suspended_on", resumption.suspended_on)
        .field("resume.suspended_at_ms", resumption.suspended_at_ms)
        .field("resume.suspended_by", resumption.suspended_by)
        .field("resume.label", resumption.label)
        .field("resume.line_count", resumption.line_count)
        .field("resume.total", resumption.total_minor)
        .field("resume.by_id", resumption.resumed_by.id)
        .field("resume.by_name", resumption.resumed_by.name);
    return out.text();
}

// ---- hashing ----

std::string sha256_hex(std::string_view data) {
    static const bool ready = sodium_init() >= 0;
    if (!ready)
        throw std::runtime_error("libsodium could not be initialised");
    std::array<unsigned char, crypto_hash_sha256_BYTES> digest{};
    crypto_hash_sha256(digest.data(), reinterpret_cast<const unsigned char*>(data.data()),
                       data.size());
    std::array<char, crypto_hash_sha256_BYTES * 2 + 1> hex{};
    sodium_bin2hex(hex.data(), hex.size(), digest.data(), digest.size());
    return std::string(hex.data(), crypto_hash_sha256_BYTES * 2);
}

std::string entry_hash(std::string_view prev_hash, std::string_view payload) {
    std::string data;
    data.reserve(prev_hash.size() + payload.size());
    data += prev_hash;
    data += payload;
    return sha256_hex(data);
}

// ---- appending ----

JournalWriter::JournalWriter(Database& db)
    : db_(db),
      head_(db, "SELECT last_sequence, last_hash FROM journal_heads WHERE terminal_id = ?"),
      insert_entry_(db,
                    "INSERT INTO journal (terminal_id, sequence, kind, entity_id, ticket_id, at_ms,"
                    " payload, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"),
      insert_outbox_(db,
                     "INSERT INTO outbox (journal_id, terminal_id, sequence, created_at_ms)"
                     " VALUES (?, ?, ?, ?)"),
      move_head_(db,
                 "INSERT INTO journal_heads (terminal_id, last_sequence, last_hash)"
                 " VALUES (?, ?, ?)"
                 " ON CONFLICT (terminal_id) DO UPDATE"
                 " SET last_sequence = excluded.last_sequence, last_hash = excluded.last_hash"),
      existing_(db, "SELECT sequence, terminal_id FROM journal WHERE kind = ? AND entity_id = ?") {}

std::int64_t JournalWriter::append(const NewEntry& entry) {
    std::int64_t sequence = 1;
    std::string prev_hash(genesis_hash);
    {
        auto use = head_.use();
        head_.bind_all(entry.terminal_id);
        if (head_.step()) {
            sequence = head_.column_int64(0) + 1;
            prev_hash = head_.column_text(1);
        }
    }
    Canonical header;
    header.field("format", journal_format)
        .field("terminal", entry.terminal_id)
        .field("sequence", sequence)
        .field("kind", entry.kind)
        .field("entity", entry.entity_id)
        .field("ticket", entry.ticket_id)
        .field("at_ms", entry.at_ms);
    const std::string payload = header.text() + entry.body;
    const std::string hash = entry_hash(prev_hash, payload);
    {
        auto use = insert_entry_.use();
        insert_entry_
            .bind_all(entry.terminal_id, sequence, entry.kind, entry.entity_id, entry.ticket_id,
                      entry.at_ms, payload, prev_hash, hash)
            .run();
    }
    const std::int64_t journal_id = db_.last_insert_rowid();
    {
        auto use = insert_outbox_.use();
        insert_outbox_.bind_all(journal_id, entry.terminal_id, sequence, entry.at_ms).run();
    }
    {
        auto use = move_head_.use();
        move_head_.bind_all(entry.terminal_id, sequence, hash).run();
    }
    return sequence;
}

std::optional<std::string> JournalWriter::existing(std::string_view kind,
                                                   std::string_view entity_id) {
    auto use = existing_.use();
    existing_.bind_all(kind, entity_id);
    if (!existing_.step())
        return std::nullopt;
    return "entry " + std::to_string(existing_.column_int64(0)) + " of " + existing_.column_text(1);
}

}  // namespace db
