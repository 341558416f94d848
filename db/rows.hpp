// Reading and writing the columns a ticket line keeps as typed in (the inputs shared by
// ticket_lines and suspended_lines), and the discount columns of tickets. Internal to db/.
#pragma once

#include <string>

#include "db/sqlite.hpp"
#include "pos/ticket.hpp"

namespace db {

// The input columns of a line, in this order (18 columns):
inline constexpr std::string_view line_input_columns =
    "product_id, code, name, department, tax_code, tax_name, tax_rate_ppm, unit, quantity_milli,"
    " list_price, override_price, override_approved_by, override_reason, discount_kind,"
    " discount_percent_ppm, discount_fixed, discount_reason, voided";
inline constexpr int line_input_column_count = 18;

// Binds the line's inputs to parameters first .. first + 17 (the override columns NULL when the
// price was not overridden).
void bind_line_inputs(Statement& statement, int first, const pos::TicketLine& line);
// Reads columns first .. first + 17 into a line's inputs; its computed fields are left alone.
void read_line_inputs(const Statement& row, int first, const pos::Currency& currency,
                      pos::TicketLine& line);

// discount_kind, discount_percent_ppm, discount_fixed, discount_reason (4 columns).
inline constexpr std::string_view discount_columns =
    "discount_kind, discount_percent_ppm, discount_fixed, discount_reason";
void bind_discount(Statement& statement, int first, const pos::Discount& discount);
pos::Discount read_discount(const Statement& row, int first);

}  // namespace db
