// Internal to db/: the till and report repositories' factories, and the running-total hooks the
// sale store and the event log call inside their own transactions.
#pragma once

#include <memory>

#include "db/sqlite.hpp"
#include "db/till.hpp"
#include "pos/ports.hpp"
#include "pos/ticket.hpp"

namespace db {

class JournalWriter;

// till.cpp. currency is the store's (SqliteStore::currency_, which follows head office).
std::unique_ptr<Till> make_till(Database& db, JournalWriter& journal,
                                const pos::Currency& currency);
// reports.cpp.
std::unique_ptr<Reports> make_reports(Database& db, JournalWriter& journal,
                                      const pos::Currency& currency);

// Each runs inside the caller's transaction and throws (SqliteError) on failure, so the caller
// rolls everything back.
// till.cpp: a completed ticket of any kind is recorded against its terminal's open shift
// (tickets.shift_id and the shift's running tender totals); nothing happens when none is open.
void add_ticket_to_shift(Database& db, const pos::Ticket& ticket);
// day_totals.cpp: the terminal's running day totals (scope 'day:' || terminal), every section of
// pos::ReportFigures as pos/till_report.hpp defines its rows.
void add_ticket_to_day(Database& db, const pos::Ticket& ticket, std::int64_t closed_at_ms);
void add_voided_ticket_to_day(Database& db, const pos::Ticket& ticket);
void add_event_to_day(Database& db, const pos::TicketEvent& event);  // line_void, no_sale
void add_movement_to_day(Database& db, const pos::CashMovement& movement);

}  // namespace db
