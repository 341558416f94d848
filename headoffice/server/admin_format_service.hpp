// Private to pos-headoffice (admin_service.cpp): customer service lists as plain text tables,
// in the manner of admin_format.hpp. No floating point.
#pragma once

#include <iomanip>
#include <sstream>
#include <string>
#include <vector>

#include "headoffice/server/admin_format.hpp"
#include "pos/interaction.hpp"

namespace headoffice::admin {

// A column of `width` characters, left-aligned, then two spaces.
inline void cell(std::ostream& out, const std::string& text, int width) {
    out << std::left << std::setw(width) << text << "  ";
}

inline std::string day_or_dash(std::int64_t day) {
    return day > 0 ? pos::format_day(day) : "-";
}

inline std::string requests_table(const std::vector<pos::StockRequest>& requests) {
    if (requests.empty())
        return "(no stock requests)\n";
    std::ostringstream out;
    cell(out, "id", 36);
    cell(out, "kind", 8);
    cell(out, "product", 14);
    cell(out, "qty", 6);
    cell(out, "from", 6);
    cell(out, "to", 6);
    cell(out, "status", 10);
    out << "note\n";
    for (const auto& r : requests) {
        cell(out, r.id, 36);
        cell(out, std::string(pos::to_string(r.kind)), 8);
        cell(out, r.product_code, 14);
        cell(out, format_milli(r.quantity_milli), 6);
        cell(out, r.from_store, 6);
        cell(out, r.to_store, 6);
        cell(out, std::string(pos::to_string(r.status)), 10);
        out << (r.status_note.empty() ? r.note : r.status_note) << "\n";
    }
    return out.str();
}

// One customer a line, with the points head office holds for them.
struct CustomerLine {
    pos::Customer customer;
    std::int64_t points = 0;
};

inline std::string customers_table(const std::vector<CustomerLine>& customers) {
    if (customers.empty())
        return "(no customer found)\n";
    std::ostringstream out;
    cell(out, "name", 24);
    cell(out, "phone", 16);
    cell(out, "email", 28);
    cell(out, "card", 14);
    cell(out, "points", 7);
    out << "id\n";
    for (const auto& [c, points] : customers) {
        cell(out, c.name, 24);
        cell(out, c.phone.empty() ? "-" : c.phone, 16);
        cell(out, c.email.empty() ? "-" : c.email, 28);
        cell(out, c.card.empty() ? "-" : c.card, 14);
        out << std::right << std::setw(7) << points << "  " << c.id << "\n";
    }
    return out.str();
}

inline std::string interactions_table(const std::vector<pos::Interaction>& interactions) {
    if (interactions.empty())
        return "(no interactions)\n";
    std::ostringstream out;
    cell(out, "number", 13);
    cell(out, "status", 8);
    cell(out, "kind", 9);
    cell(out, "category", 16);
    cell(out, "customer", 20);
    cell(out, "follow up", 10);
    out << "said\n";
    for (const auto& i : interactions) {
        cell(out, i.number, 13);
        cell(out, std::string(pos::to_string(i.status)), 8);
        cell(out, std::string(pos::to_string(i.kind)), 9);
        cell(out, i.category, 16);
        cell(out, i.customer_name.empty() ? "-" : i.customer_name, 20);
        cell(out, day_or_dash(i.follow_up_day), 10);
        out << i.said << "\n";
    }
    return out.str();
}

inline std::string special_orders_table(const std::vector<pos::SpecialOrder>& orders) {
    if (orders.empty())
        return "(no special orders)\n";
    std::ostringstream out;
    cell(out, "number", 16);
    cell(out, "store", 6);
    cell(out, "status", 16);
    cell(out, "customer", 20);
    cell(out, "product", 14);
    cell(out, "qty", 6);
    cell(out, "deposit", 10);
    cell(out, "total", 10);
    out << "expected\n";
    for (const auto& o : orders) {
        cell(out, o.number, 16);
        cell(out, o.store_code, 6);
        cell(out, std::string(pos::to_string(o.status)), 16);
        cell(out, o.customer_name, 20);
        cell(out, o.product_code, 14);
        cell(out, format_milli(o.quantity.milli), 6);
        cell(out, pos::format_amount(o.deposit_held), 10);
        cell(out, pos::format_amount(o.total), 10);
        out << day_or_dash(o.expected_day) << "\n";
    }
    return out.str();
}

}  // namespace headoffice::admin
