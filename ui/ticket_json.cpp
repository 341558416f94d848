#include "ui/ticket_json.hpp"

#include <nlohmann/json.hpp>

#include "pos/quantity.hpp"

namespace ui {

namespace {

nlohmann::json line_json(const pos::TicketLine& line) {
    nlohmann::json j = {{"id", line.id},
                        {"code", line.code},
                        {"name", line.name},
                        {"department", line.department},
                        {"unit", pos::to_string(line.unit)},
                        {"quantity_milli", line.quantity.milli},
                        {"list_price", line.list_price.minor()},
                        {"unit_price", line.unit_price.minor()},
                        {"extended", line.extended.minor()},
                        {"promotion_saving", line.promotion_saving.minor()},
                        {"promotion", line.promotion},
                        {"discount", line.discount_amount.minor()},
                        {"voided", line.voided},
                        {"tax_code", line.tax.code},
                        {"tax_rate_ppm", line.tax.rate.ppm},
                        {"net", line.amounts.net.minor()},
                        {"tax", line.amounts.tax.minor()},
                        {"gross", line.amounts.gross.minor()}};
    if (line.price_override) {
        j["price_override"] = {{"unit_price", line.price_override->unit_price_minor},
                               {"approved_by", line.price_override->approved_by},
                               {"reason", line.price_override->reason}};
    }
    if (line.returned) {
        const auto& r = *line.returned;
        j["return_of"] = {{"original_ticket_id", r.original_ticket_id},
                          {"original_receipt", r.original_receipt},
                          {"original_line_id", r.original_line_id},
                          {"reason", pos::to_string(r.reason)},
                          {"disposition", pos::to_string(r.disposition)}};
        if (!r.customer.empty())
            j["return_of"]["customer"] = r.customer;
    }
    return j;
}

nlohmann::json payment_json(const pos::Payment& p) {
    nlohmann::json j = {
        {"id", p.id}, {"method", pos::to_string(p.method)}, {"amount", p.amount.minor()}};
    if (!p.reference.empty())
        j["reference"] = p.reference;
    if (!p.card_last4.empty())
        j["card_last4"] = p.card_last4;
    if (!p.refund_of.empty())
        j["refund_of"] = p.refund_of;
    return j;
}

nlohmann::json approval_json(const pos::ApprovalGrant& a) {
    return {{"id", a.id},
            {"rule", pos::to_string(a.permission)},
            {"requested_by", a.requested_by},
            {"approved_by", a.approved_by},
            {"approver_name", a.approver_name},
            {"amount", a.amount_minor},
            {"reason", a.reason},
            {"at_ms", a.at_ms}};
}

}  // namespace

std::string ticket_json(const pos::Ticket& ticket) {
    const auto totals = ticket.totals();
    nlohmann::json lines = nlohmann::json::array();
    for (const auto& line : ticket.lines())
        lines.push_back(line_json(line));
    nlohmann::json payments = nlohmann::json::array();
    for (const auto& p : ticket.payments())
        payments.push_back(payment_json(p));
    nlohmann::json tax_summary = nlohmann::json::array();
    for (const auto& row : totals.tax_summary) {
        tax_summary.push_back({{"tax_code", row.tax.code},
                               {"net", row.net.minor()},
                               {"tax", row.tax_amount.minor()},
                               {"gross", row.gross.minor()}});
    }
    nlohmann::json doc = {
        {"receipt_number", ticket.receipt_number()},
        {"sequence", ticket.sequence()},
        {"ticket_id", ticket.id()},
        {"terminal_id", ticket.terminal_id()},
        {"clerk", ticket.clerk().name},
        {"opened_at_ms", ticket.opened_at_ms()},
        {"completed_at_ms", ticket.completed_at_ms()},
        {"currency", std::string(ticket.currency().iso())},
        {"currency_exponent", ticket.currency().exponent},
        {"pricing", pos::to_string(ticket.pricing())},
        {"lines", lines},
        {"payments", payments},
        {"totals",
         {{"savings", totals.savings.minor()},
          {"discounts", totals.discounts.minor()},
          {"net", totals.net.minor()},
          {"tax", totals.tax.minor()},
          {"total", totals.total.minor()},
          {"tendered", ticket.tendered().minor()},
          {"change", ticket.change_given().minor()},
          {"paid", totals.paid.minor()}}},
        {"tax_summary", tax_summary},
    };
    // Only on returns, exchanges, post-voids and approved tickets, so a plain sale's JSON reads
    // as it always did.
    if (ticket.kind() != pos::TicketKind::sale)
        doc["kind"] = pos::to_string(ticket.kind());
    if (!ticket.post_void_of().empty()) {
        doc["post_void_of"] = ticket.post_void_of();
        doc["post_void_of_receipt"] = ticket.post_void_of_receipt();
    }
    if (!ticket.approvals().empty()) {
        nlohmann::json approvals = nlohmann::json::array();
        for (const auto& a : ticket.approvals())
            approvals.push_back(approval_json(a));
        doc["approvals"] = approvals;
    }
    return doc.dump();
}

}  // namespace ui
