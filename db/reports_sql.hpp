// Internal to db/: the report queries, named so a test can check their query plans use indexes.
#pragma once

#include <string_view>

namespace db::reports_sql {

inline constexpr std::string_view open_shift =
    "SELECT number, opened_by_name, opened_at_ms FROM shifts"
    " WHERE terminal_id = ? AND closed_at_ms IS NULL";
inline constexpr std::string_view z_of_day =
    "SELECT number, to_ms FROM z_reports WHERE terminal_id = ? AND business_day = ?";
inline constexpr std::string_view last_z =
    "SELECT number, business_day, to_ms FROM z_reports WHERE terminal_id = ?"
    " ORDER BY number DESC LIMIT 1";
// Before a terminal's first Z: where its running totals began (migration 7).
inline constexpr std::string_view report_start =
    "SELECT from_ms FROM report_starts WHERE terminal_id = ?";
inline constexpr std::string_view z_list =
    "SELECT terminal_id, number, business_day, to_ms, run_by_name, net_minor FROM z_reports"
    " WHERE terminal_id = ? ORDER BY number DESC LIMIT ?";
inline constexpr std::string_view z_figures =
    "SELECT figures FROM z_reports WHERE terminal_id = ? AND number = ?";
inline constexpr std::string_view day_totals =
    "SELECT section, label, count, amount_minor FROM running_totals"
    " WHERE scope = ? ORDER BY section, label";
// The dashboard, over completed tickets in [from, to) of every terminal.
inline constexpr std::string_view dashboard_tickets =
    "SELECT kind, total, completed_at_ms FROM tickets"
    " WHERE state = 'completed' AND completed_at_ms >= ? AND completed_at_ms < ?"
    " ORDER BY completed_at_ms, id";
inline constexpr std::string_view dashboard_tenders =
    "SELECT p.method, SUM(p.amount > 0), SUM(p.amount) FROM tickets AS t"
    " JOIN payments AS p ON p.ticket_id = t.id"
    " WHERE t.state = 'completed' AND t.completed_at_ms >= ? AND t.completed_at_ms < ?"
    " GROUP BY p.method ORDER BY p.method";
// Return lines (reason set: returns, exchanges' returned lines, post-voids) count against sales.
inline constexpr std::string_view dashboard_items =
    "SELECT l.code, MIN(l.name),"
    " SUM(CASE WHEN l.reason IS NULL THEN l.quantity_milli ELSE -l.quantity_milli END),"
    " SUM(l.gross) AS amount FROM tickets AS t JOIN ticket_lines AS l ON l.ticket_id = t.id"
    " WHERE t.state = 'completed' AND t.completed_at_ms >= ? AND t.completed_at_ms < ?"
    " AND l.voided = 0 AND l.code <> ''"
    " GROUP BY l.code ORDER BY amount DESC, l.code LIMIT 10";

}  // namespace db::reports_sql
