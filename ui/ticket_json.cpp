#include "ui/ticket_json.hpp"

#include <nlohmann/json.hpp>

#include "pos/quantity.hpp"

namespace ui {

namespace {

std::string unit_name(pos::UnitOfSale unit) {
    return unit == pos::UnitOfSale::kilogram ? "kg" : "each";
}

nlohmann::json line_json(const pos::TicketLine& line) {
    return {{"id", line.id},
            {"code", line.code},
            {"name", line.name},
            {"department", line.department},
            {"unit", unit_name(line.unit)},
            {"quantity_milli", line.quantity.milli},
            {"unit_price", line.unit_price.minor()},
            {"tax_code", line.tax.code},
            {"tax_rate_ppm", line.tax.rate.ppm},
            {"net", line.amounts.net.minor()},
            {"tax", line.amounts.tax.minor()},
            {"gross", line.amounts.gross.minor()}};
}

}  // namespace

std::string ticket_json(const pos::Ticket& ticket) {
    const auto totals = ticket.totals();
    nlohmann::json lines = nlohmann::json::array();
    for (const auto& line : ticket.lines())
        lines.push_back(line_json(line));
    nlohmann::json payments = nlohmann::json::array();
    for (const auto& p : ticket.payments()) {
        payments.push_back(
            {{"id", p.id}, {"method", pos::to_string(p.method)}, {"amount", p.amount.minor()}});
    }
    nlohmann::json tax_summary = nlohmann::json::array();
    for (const auto& row : totals.tax_summary) {
        tax_summary.push_back({{"tax_code", row.tax.code},
                               {"net", row.net.minor()},
                               {"tax", row.tax_amount.minor()},
                               {"gross", row.gross.minor()}});
    }
    const nlohmann::json doc = {
        {"receipt_number", ticket.receipt_number()},
        {"sequence", ticket.sequence()},
        {"ticket_id", ticket.id()},
        {"terminal_id", ticket.terminal_id()},
        {"clerk", ticket.clerk().name},
        {"opened_at_ms", ticket.opened_at_ms()},
        {"completed_at_ms", ticket.completed_at_ms()},
        {"currency", std::string(ticket.currency().iso())},
        {"currency_exponent", ticket.currency().exponent},
        {"pricing",
         ticket.pricing() == pos::PricingMode::tax_inclusive ? "tax_inclusive" : "tax_exclusive"},
        {"lines", lines},
        {"payments", payments},
        {"totals",
         {{"net", totals.net.minor()},
          {"tax", totals.tax.minor()},
          {"total", totals.total.minor()},
          {"paid", totals.paid.minor()},
          {"change", ticket.change_given().minor()}}},
        {"tax_summary", tax_summary},
    };
    return doc.dump();
}

}  // namespace ui
