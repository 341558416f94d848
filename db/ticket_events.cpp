// EventLog and SuspendedTickets over SQLite: what happens at the till besides completed sales,
// each journaled (with its outbox row) in the same transaction as anything it stores.
#include <utility>
#include <vector>

#include "db/format.hpp"
#include "db/repositories.hpp"
#include "db/rows.hpp"
#include "db/store.hpp"
#include "db/till_internal.hpp"

namespace db {

namespace {

// Ids for journal entries the store itself creates (suspend, resume): UUIDv7 at the entry's time.
class FixedTime final : public pos::Clock {
  public:
    explicit FixedTime(std::int64_t at_ms) : at_ms_(at_ms) {}
    std::int64_t now_ms() override { return at_ms_; }

  private:
    std::int64_t at_ms_;
};

std::string new_entry_id(std::int64_t at_ms) {
    FixedTime clock(at_ms);
    RandomIds ids(clock);
    return ids.new_id();
}

class SqliteEventLog final : public pos::EventLog {
  public:
    SqliteEventLog(Database& db, JournalWriter& journal) : db_(db), journal_(journal) {}

    pos::Status record(const pos::TicketEvent& event) override {
        const std::string kind(event_kind_text(event.kind));
        const std::string refused = "; it was not recorded";
        if (event.kind == pos::EventKind::suspend || event.kind == pos::EventKind::resume) {
            return pos::bad_input("A " + kind +
                                  " is recorded by suspending or resuming the ticket (the "
                                  "suspended-tickets store journals it)" +
                                  refused);
        }
        if (event.id.empty())
            return pos::bad_input("The " + kind + " event has no id" + refused);
        if (event.terminal_id.empty())
            return pos::bad_input("The " + kind + " event has no terminal id" + refused);
        const bool approval = event.kind == pos::EventKind::approval ||
                              event.kind == pos::EventKind::approval_declined;
        // An approval may be for something outside a ticket (a no-sale, a paid-out).
        if (event.kind != pos::EventKind::no_sale && !approval && event.ticket_id.empty())
            return pos::bad_input("The " + kind + " event does not say which ticket" + refused);
        if (approval && !pos::permission_from(event.rule)) {
            return pos::bad_input("The " + kind + " event names no known rule (" +
                                  in_quotes(event.rule) + ")" + refused);
        }
        if (approval && (event.approved_by == 0 || is_blank(event.approver_name))) {
            return pos::bad_input("The " + kind + " event does not say who the approver was" +
                                  refused);
        }
        if ((event.kind == pos::EventKind::line_void ||
             event.kind == pos::EventKind::price_override) &&
            event.line_id.empty()) {
            return pos::bad_input("The " + kind + " event does not say which line" + refused);
        }
        try {
            Transaction transaction(db_);
            if (auto existing = journal_.existing(kind, event.id)) {
                return pos::not_allowed("This " + kind + " was already recorded as " + *existing +
                                        refused + " a second time");
            }
            journal_.append({event.terminal_id, kind, event.id, event.ticket_id, event.at_ms,
                             event_body(event)});
            add_event_to_day(db_, event);
            transaction.commit();
        } catch (const std::exception& error) {
            return pos::store_failure("The " + kind + " could not be recorded (" + error.what() +
                                      "); nothing was written");
        }
        return pos::ok();
    }

  private:
    Database& db_;
    JournalWriter& journal_;
};

class SqliteSuspendedTickets final : public pos::SuspendedTickets {
  public:
    SqliteSuspendedTickets(Database& db, JournalWriter& journal) : db_(db), journal_(journal) {}

    pos::Status suspend(const pos::Ticket& ticket, const std::string& label,
                        std::int64_t at_ms) override {
        const std::string refused = "; it was not suspended";
        if (ticket.state() == pos::TicketState::completed ||
            ticket.state() == pos::TicketState::voided) {
            return pos::not_allowed(
                "Only an open ticket can be suspended; this one is " +
                std::string(ticket.state() == pos::TicketState::voided ? "voided" : "completed"));
        }
        if (!ticket.payments().empty()) {
            return pos::not_allowed("A ticket with payments taken cannot be suspended" + refused);
        }
        if (ticket.lines().empty())
            return pos::bad_input("There is nothing to suspend: the ticket has no items");
        if (ticket.id().empty() || ticket.terminal_id().empty())
            return pos::bad_input("The ticket has no id or no terminal id" + refused);
        if (!valid_currency(ticket.currency()))
            return pos::bad_input("The ticket has no valid currency" + refused);
        if (has_control_character(label) || label.size() > 200) {
            return pos::bad_input("The label must be one line of text, at most 200 characters" +
                                  refused);
        }
        try {
            Transaction transaction(db_);
            {
                Statement done(db_, "SELECT state FROM tickets WHERE id = ?");
                done.bind_all(ticket.id());
                if (done.step()) {
                    return pos::not_allowed("This ticket was already " + done.column_text(0) +
                                            refused);
                }
                Statement already(db_,
                                  "SELECT terminal_id FROM suspended_tickets WHERE ticket_id = ?");
                already.bind_all(ticket.id());
                if (already.step()) {
                    return pos::not_allowed("This ticket is already suspended (on " +
                                            already.column_text(0) + ")");
                }
            }
            const std::string suspension_id = new_entry_id(at_ms);
            {
                Statement insert(db_,
                                 "INSERT INTO suspended_tickets (ticket_id, suspension_id,"
                                 " terminal_id, clerk_id, clerk_name, label, suspended_at_ms,"
                                 " opened_at_ms, currency_code, currency_exponent, pricing,"
                                 " tax_rounding, " +
                                     std::string(discount_columns) +
                                     ", line_count, total)"
                                     " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                                     " ?)");
                insert.bind_all(ticket.id(), suspension_id, ticket.terminal_id(), ticket.clerk().id,
                                ticket.clerk().name, label, at_ms, ticket.opened_at_ms(),
                                currency_text(ticket.currency()), ticket.currency().exponent,
                                pricing_text(ticket.policy().pricing),
                                tax_rounding_text(ticket.policy().rounding));
                bind_discount(insert, 13, ticket.discount());
                insert.bind(17, static_cast<std::int64_t>(ticket.live_line_count()))
                    .bind(18, ticket.totals().total.minor())
                    .run();
            }
            Statement insert_line(db_,
                                  "INSERT INTO suspended_lines (ticket_id, position, id, " +
                                      std::string(line_input_columns) +
                                      ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                                      " ?, ?, ?, ?, ?)");
            std::int64_t position = 0;
            for (const pos::TicketLine& line : ticket.lines()) {
                auto use = insert_line.use();
                insert_line.bind_all(ticket.id(), position++, line.id);
                bind_line_inputs(insert_line, 4, line);
                insert_line.run();
            }
            journal_.append({ticket.terminal_id(), "suspend", suspension_id, ticket.id(), at_ms,
                             suspend_body(ticket, label)});
            transaction.commit();
        } catch (const std::exception& error) {
            return pos::store_failure(std::string("The ticket could not be suspended (") +
                                      error.what() + "); nothing was written");
        }
        return pos::ok();
    }

    std::vector<pos::SuspendedTicket> list() override {
        Statement rows(db_,
                       "SELECT ticket_id, terminal_id, clerk_name, suspended_at_ms, line_count,"
                       " total, currency_code, currency_exponent, label"
                       " FROM suspended_tickets ORDER BY suspended_at_ms, rowid");
        std::vector<pos::SuspendedTicket> found;
        while (rows.step()) {
            pos::SuspendedTicket ticket;
            ticket.ticket_id = rows.column_text(0);
            ticket.terminal_id = rows.column_text(1);
            ticket.clerk_name = rows.column_text(2);
            ticket.suspended_at_ms = rows.column_int64(3);
            ticket.line_count = static_cast<std::size_t>(rows.column_int64(4));
            ticket.total = pos::Money(rows.column_int64(5),
                                      pos::Currency::of(rows.column_text(6), rows.column_int(7)));
            ticket.label = rows.column_text(8);
            found.push_back(std::move(ticket));
        }
        return found;
    }

    pos::Result<pos::Ticket> resume(const std::string& ticket_id, const pos::Clerk& by,
                                    std::int64_t at_ms) override {
        try {
            Transaction transaction(db_);
            Statement head(db_,
                           "SELECT suspension_id, terminal_id, clerk_name, label, suspended_at_ms,"
                           " opened_at_ms, currency_code, currency_exponent, pricing,"
                           " tax_rounding, " +
                               std::string(discount_columns) +
                               ", line_count, total FROM suspended_tickets WHERE ticket_id = ?");
            head.bind_all(ticket_id);
            if (!head.step())
                return not_suspended(ticket_id);
            Resumption resumption;
            resumption.suspension_id = head.column_text(0);
            resumption.suspended_on = head.column_text(1);
            resumption.suspended_by = head.column_text(2);
            resumption.label = head.column_text(3);
            resumption.suspended_at_ms = head.column_int64(4);
            const std::int64_t opened_at_ms = head.column_int64(5);
            const pos::Currency currency =
                pos::Currency::of(head.column_text(6), head.column_int(7));
            pos::TaxPolicy policy;
            policy.pricing = pricing_from(head.column_text(8));
            policy.rounding = tax_rounding_from(head.column_text(9));
            const pos::Discount discount = read_discount(head, 10);
            resumption.line_count = head.column_int64(14);
            resumption.total_minor = head.column_int64(15);
            resumption.resumed_by = by;
            head.reset();

            std::vector<pos::TicketLine> lines;
            {
                Statement rows(db_, "SELECT id, " + std::string(line_input_columns) +
                                        " FROM suspended_lines WHERE ticket_id = ?"
                                        " ORDER BY position");
                rows.bind_all(ticket_id);
                while (rows.step()) {
                    pos::TicketLine line;
                    line.id = rows.column_text(0);
                    read_line_inputs(rows, 1, currency, line);
                    lines.push_back(std::move(line));
                }
            }
            Statement delete_lines(db_, "DELETE FROM suspended_lines WHERE ticket_id = ?");
            delete_lines.bind_all(ticket_id).run();
            Statement delete_ticket(db_, "DELETE FROM suspended_tickets WHERE ticket_id = ?");
            delete_ticket.bind_all(ticket_id).run();

            // The ticket carries on at this terminal: it is journaled and completed here.
            std::string terminal = db_.query_text(
                "SELECT coalesce((SELECT value FROM settings WHERE key = 'terminal_id'), '')",
                "reading this terminal's id");
            if (terminal.empty())
                terminal = resumption.suspended_on;
            journal_.append({terminal, "resume", new_entry_id(at_ms), ticket_id, at_ms,
                             resume_body(resumption)});
            transaction.commit();
            return pos::Ticket::restore_open(ticket_id, terminal, by, currency, policy,
                                             opened_at_ms, std::move(lines), discount);
        } catch (const std::exception& error) {
            return pos::store_failure(std::string("The ticket could not be resumed (") +
                                      error.what() + "); it is still suspended");
        }
    }

  private:
    // Says where a ticket that is not (or no longer) suspended went, when the journal knows.
    pos::Error not_suspended(const std::string& ticket_id) {
        Statement last(db_,
                       "SELECT terminal_id, payload FROM journal"
                       " WHERE ticket_id = ? AND kind = 'resume' ORDER BY at_ms DESC, id DESC"
                       " LIMIT 1");
        last.bind_all(ticket_id);
        if (last.step()) {
            const std::string by = canonical_field(last.column_text(1), "resume.by_name")
                                       .value_or(std::string("someone"));
            return pos::not_found("This ticket was already resumed, on " + last.column_text(0) +
                                  " by " + by + "; it is no longer suspended");
        }
        return pos::not_found("There is no suspended ticket " + ticket_id);
    }

    Database& db_;
    JournalWriter& journal_;
};

}  // namespace

std::unique_ptr<pos::EventLog> make_event_log(Database& db, JournalWriter& journal) {
    return std::make_unique<SqliteEventLog>(db, journal);
}

std::unique_ptr<pos::SuspendedTickets> make_suspended_tickets(Database& db,
                                                              JournalWriter& journal) {
    return std::make_unique<SqliteSuspendedTickets>(db, journal);
}

}  // namespace db
