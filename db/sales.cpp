// SaleStore and StoredValue over SQLite: a completed (or voided) ticket, its lines and payments,
// the gift card / store credit debits, its journal entry and outbox row, in one transaction.
#include <algorithm>
#include <map>
#include <utility>
#include <vector>

#include "db/format.hpp"
#include "db/repositories.hpp"
#include "db/rows.hpp"

namespace db {

namespace {

// A stored-value account a sale pays from, with what the sale takes from it.
struct Debit {
    pos::PaymentMethod kind;
    std::string account;
    std::int64_t account_id = 0;
    std::int64_t amount = 0;  // sum of this ticket's payments from the account
    int payments = 0;
};

class SqliteSaleStore final : public pos::SaleStore {
  public:
    SqliteSaleStore(Database& db, JournalWriter& journal)
        : db_(db),
          journal_(journal),
          existing_(db, "SELECT state, receipt_number FROM tickets WHERE id = ?"),
          next_sequence_(db,
                         "INSERT INTO receipt_sequences (terminal_id, last_sequence) VALUES (?, 1)"
                         " ON CONFLICT (terminal_id) DO UPDATE"
                         " SET last_sequence = last_sequence + 1"
                         " RETURNING last_sequence"),
          insert_ticket_(db,
                         "INSERT INTO tickets (id, terminal_id, state, sequence, receipt_number,"
                         " clerk_id, clerk_name, currency_code, currency_exponent, pricing,"
                         " tax_rounding, " +
                             std::string(discount_columns) +
                             ", opened_at_ms, completed_at_ms, total_savings, total_discounts,"
                             " total_net, total_tax, total)"
                             " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                             " ?, ?, ?)"),
          insert_line_(db,
                       "INSERT INTO ticket_lines (id, ticket_id, position, " +
                           std::string(line_input_columns) +
                           ", unit_price, extended, promotion_saving, promotion, discount_amount,"
                           " net, tax, gross)"
                           " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                           " ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
          insert_payment_(db,
                          "INSERT INTO payments (id, ticket_id, position, method, amount,"
                          " reference, card_last4) VALUES (?, ?, ?, ?, ?, ?, ?)"),
          account_balance_(db,
                           "SELECT accounts.id, coalesce(sum(ledger.amount), 0)"
                           " FROM stored_value_accounts AS accounts"
                           " LEFT JOIN stored_value_ledger AS ledger"
                           " ON ledger.account_id = accounts.id"
                           " WHERE accounts.kind = ? AND accounts.account = ?"
                           " GROUP BY accounts.id"),
          insert_debit_(db,
                        "INSERT INTO stored_value_ledger (account_id, amount, reason, ticket_id,"
                        " payment_id, at_ms) VALUES (?, ?, 'sale', ?, ?, ?)") {}

    pos::Result<pos::CompletedSale> complete_sale(const pos::Ticket& ticket,
                                                  std::int64_t completed_at_ms) override {
        const bool voided = ticket.state() == pos::TicketState::voided;
        try {
            if (auto checked = check(ticket); !checked)
                return checked.error();
            Transaction transaction(db_);
            {
                auto use = existing_.use();
                existing_.bind_all(ticket.id());
                if (existing_.step()) {
                    if (existing_.column_text(0) == "voided") {
                        return pos::store_failure(
                            "This ticket was already voided; it was not written a second time");
                    }
                    return pos::store_failure("This sale was already completed as receipt " +
                                              existing_.column_text(1) +
                                              "; it was not written a second time");
                }
            }
            if (voided) {
                // No receipt number: a void is not a sale. Its lines go on record all the same.
                write(ticket, 0, {}, completed_at_ms);
                journal_.append({ticket.terminal_id(), "ticket_void", ticket.id(), ticket.id(),
                                 completed_at_ms, ticket_body(ticket, {}, 0, completed_at_ms)});
                transaction.commit();
                return pos::CompletedSale{};
            }
            auto debits = stored_value_debits(ticket);
            if (!debits)
                return debits.error();

            std::int64_t sequence = 0;
            {
                auto use = next_sequence_.use();
                next_sequence_.bind_all(ticket.terminal_id());
                if (!next_sequence_.step())
                    throw pos::StoreFailure("no receipt number was handed out");
                sequence = next_sequence_.column_int64(0);
                next_sequence_.run();
            }
            const std::string receipt = receipt_number_for(ticket.terminal_id(), sequence);
            write(ticket, sequence, receipt, completed_at_ms);
            debit(ticket, *debits, completed_at_ms);
            journal_.append({ticket.terminal_id(), "sale", ticket.id(), ticket.id(),
                             completed_at_ms,
                             ticket_body(ticket, receipt, sequence, completed_at_ms)});
            transaction.commit();
            return pos::CompletedSale{receipt, sequence};
        } catch (const std::exception& error) {
            if (voided) {
                return pos::store_failure(std::string("The void could not be saved (") +
                                          error.what() + "); nothing was written");
            }
            return pos::store_failure(std::string("The sale could not be saved (") + error.what() +
                                      "); nothing was written and no receipt number was used");
        }
    }

  private:
    static pos::Status check(const pos::Ticket& ticket) {
        const bool voided = ticket.state() == pos::TicketState::voided;
        const std::string not_saved = voided ? "; the void was not saved" : "; it was not saved";
        const std::string what = voided ? "The voided ticket" : "The sale";
        if (ticket.id().empty())
            return pos::bad_input(what + " has no id" + not_saved);
        if (ticket.terminal_id().empty())
            return pos::bad_input(what + " has no terminal id" + not_saved);
        if (!valid_currency(ticket.currency()))
            return pos::bad_input(what + " has no valid currency" + not_saved);
        if (voided) {
            if (!ticket.payments().empty()) {
                return pos::bad_input(
                    "A ticket with payments cannot be voided (take the payments back first)" +
                    not_saved);
            }
            return pos::ok();
        }
        if (ticket.lines().empty())
            return pos::bad_input("The sale has no items" + not_saved);
        if (!ticket.totals().due.is_zero()) {
            return pos::bad_input("The sale is not paid in full (" +
                                  pos::format_amount(ticket.totals().due) + " due)" + not_saved);
        }
        for (const pos::Payment& payment : ticket.payments()) {
            if (auto checked = check_payment(payment); !checked)
                return checked;
        }
        return pos::ok();
    }

    // Card details are checked without ever repeating them in a message: a message may be
    // logged, and a full card number must not end up anywhere.
    static pos::Status check_payment(const pos::Payment& payment) {
        const std::string refused = "; the sale was not saved";
        if (!payment.card_last4.empty()) {
            if (payment.method != pos::PaymentMethod::card) {
                return pos::bad_input("Only a card payment keeps the last four digits of a card" +
                                      refused);
            }
            if (payment.card_last4.size() != 4 || !all_digits(payment.card_last4)) {
                return pos::bad_input(
                    "A card payment keeps exactly the last four digits of the card, and "
                    "nothing more" +
                    refused);
            }
        }
        if (is_stored_value(payment.method)) {
            const std::string label = stored_value_label(payment.method);
            if (payment.reference.empty())
                return pos::bad_input("The " + label + " payment has no account number" + refused);
            if (payment.amount.minor() <= 0) {
                return pos::bad_input(label + " ending " + last4(payment.reference) +
                                      ": a payment from it must be more than 0" + refused);
            }
        } else if (looks_like_card_number(payment.reference)) {
            return pos::bad_input(
                "The " + std::string(method_text(payment.method)) +
                " payment's reference looks like a full card number; only the last four digits "
                "of a card may be kept" +
                refused);
        }
        return pos::ok();
    }

    // Every gift card and store credit account the ticket pays from must exist and hold enough
    // for all of its payments from it. Read inside the write transaction, so two terminals
    // cannot both spend the same balance.
    pos::Result<std::vector<Debit>> stored_value_debits(const pos::Ticket& ticket) {
        std::vector<Debit> debits;
        for (const pos::Payment& payment : ticket.payments()) {
            if (!is_stored_value(payment.method))
                continue;
            auto found = std::find_if(debits.begin(), debits.end(), [&](const Debit& d) {
                return d.kind == payment.method && d.account == payment.reference;
            });
            if (found == debits.end()) {
                debits.push_back({payment.method, payment.reference, 0, 0, 0});
                found = debits.end() - 1;
            }
            found->amount += payment.amount.minor();
            ++found->payments;
        }
        for (Debit& debit : debits) {
            const std::string label =
                stored_value_label(debit.kind) + " ending " + last4(debit.account);
            auto use = account_balance_.use();
            account_balance_.bind_all(method_text(debit.kind), debit.account);
            if (!account_balance_.step()) {
                return pos::not_found(label +
                                      " is not known to this store; the sale was not saved");
            }
            debit.account_id = account_balance_.column_int64(0);
            const std::int64_t balance = account_balance_.column_int64(1);
            if (balance < debit.amount) {
                const std::string paid = format_price(debit.amount, ticket.currency());
                return pos::not_allowed(label + " has " + format_price(balance, ticket.currency()) +
                                        (debit.payments == 1 ? "; the payment was "
                                                             : "; the payments from it come to ") +
                                        paid);
            }
        }
        return debits;
    }

    void debit(const pos::Ticket& ticket, const std::vector<Debit>& debits,
               std::int64_t completed_at_ms) {
        for (const pos::Payment& payment : ticket.payments()) {
            if (!is_stored_value(payment.method))
                continue;
            const auto account = std::find_if(debits.begin(), debits.end(), [&](const Debit& d) {
                return d.kind == payment.method && d.account == payment.reference;
            });
            auto use = insert_debit_.use();
            insert_debit_
                .bind_all(account->account_id, -payment.amount.minor(), ticket.id(), payment.id,
                          completed_at_ms)
                .run();
        }
    }

    // sequence 0 / empty receipt: a voided ticket, written without a receipt number.
    void write(const pos::Ticket& ticket, std::int64_t sequence, const std::string& receipt,
               std::int64_t completed_at_ms) {
        const bool voided = ticket.state() == pos::TicketState::voided;
        const pos::Totals totals = ticket.totals();
        {
            auto use = insert_ticket_.use();
            insert_ticket_.bind_all(
                ticket.id(), ticket.terminal_id(), voided ? "voided" : "completed", sequence,
                receipt, ticket.clerk().id, ticket.clerk().name, currency_text(ticket.currency()),
                ticket.currency().exponent, pricing_text(ticket.policy().pricing),
                tax_rounding_text(ticket.policy().rounding));
            bind_discount(insert_ticket_, 12, ticket.discount());
            insert_ticket_.bind(16, ticket.opened_at_ms())
                .bind(17, completed_at_ms)
                .bind(18, totals.savings.minor())
                .bind(19, totals.discounts.minor())
                .bind(20, totals.net.minor())
                .bind(21, totals.tax.minor())
                .bind(22, totals.total.minor());
            if (voided)
                insert_ticket_.bind_null(4).bind_null(5);
            insert_ticket_.run();
        }
        std::int64_t position = 0;
        for (const pos::TicketLine& line : ticket.lines()) {
            auto use = insert_line_.use();
            insert_line_.bind_all(line.id, ticket.id(), position++);
            bind_line_inputs(insert_line_, 4, line);
            constexpr int computed = 4 + line_input_column_count;
            insert_line_.bind(computed, line.unit_price.minor())
                .bind(computed + 1, line.extended.minor())
                .bind(computed + 2, line.promotion_saving.minor())
                .bind(computed + 3, line.promotion)
                .bind(computed + 4, line.discount_amount.minor())
                .bind(computed + 5, line.amounts.net.minor())
                .bind(computed + 6, line.amounts.tax.minor())
                .bind(computed + 7, line.amounts.gross.minor())
                .run();
        }
        position = 0;
        for (const pos::Payment& payment : ticket.payments()) {
            auto use = insert_payment_.use();
            insert_payment_
                .bind_all(payment.id, ticket.id(), position++, method_text(payment.method),
                          payment.amount.minor(), payment.reference, payment.card_last4)
                .run();
        }
    }

    Database& db_;
    JournalWriter& journal_;
    Statement existing_;
    Statement next_sequence_;
    Statement insert_ticket_;
    Statement insert_line_;
    Statement insert_payment_;
    Statement account_balance_;
    Statement insert_debit_;
};

class SqliteStoredValue final : public pos::StoredValue {
  public:
    SqliteStoredValue(Database& db, const pos::Currency& currency)
        : currency_(currency),
          balance_(db,
                   "SELECT coalesce(sum(ledger.amount), 0)"
                   " FROM stored_value_accounts AS accounts"
                   " LEFT JOIN stored_value_ledger AS ledger ON ledger.account_id = accounts.id"
                   " WHERE accounts.kind = ? AND accounts.account = ?"
                   " GROUP BY accounts.id") {}

    std::optional<pos::Money> balance(pos::PaymentMethod kind, std::string_view account) override {
        if (!is_stored_value(kind))
            return std::nullopt;
        auto use = balance_.use();
        balance_.bind_all(method_text(kind), account);
        if (!balance_.step())
            return std::nullopt;
        return pos::Money(balance_.column_int64(0), currency_);
    }

  private:
    const pos::Currency& currency_;
    Statement balance_;
};

}  // namespace

std::unique_ptr<pos::SaleStore> make_sale_store(Database& db, JournalWriter& journal) {
    return std::make_unique<SqliteSaleStore>(db, journal);
}

std::unique_ptr<pos::StoredValue> make_stored_value(Database& db, const pos::Currency& currency) {
    return std::make_unique<SqliteStoredValue>(db, currency);
}

std::optional<pos::Ticket> read_completed_ticket(Database& db, const std::string& receipt_number) {
    Statement head(db,
                   "SELECT id, terminal_id, sequence, clerk_id, clerk_name, currency_code,"
                   " currency_exponent, pricing, tax_rounding, opened_at_ms, completed_at_ms, " +
                       std::string(discount_columns) +
                       " FROM tickets WHERE receipt_number = ? AND state = 'completed'");
    head.bind_all(receipt_number);
    if (!head.step())
        return std::nullopt;
    const std::string id = head.column_text(0);
    const std::string terminal = head.column_text(1);
    const std::int64_t sequence = head.column_int64(2);
    const pos::Clerk clerk{head.column_int64(3), head.column_text(4)};
    const pos::Currency currency = pos::Currency::of(head.column_text(5), head.column_int(6));
    pos::TaxPolicy policy;
    policy.pricing = pricing_from(head.column_text(7));
    policy.rounding = tax_rounding_from(head.column_text(8));
    const std::int64_t opened = head.column_int64(9);
    const std::int64_t completed = head.column_int64(10);
    const pos::Discount discount = read_discount(head, 11);

    Statement line_rows(db, "SELECT id, " + std::string(line_input_columns) +
                                ", unit_price, extended, promotion_saving, promotion,"
                                " discount_amount, net, tax, gross"
                                " FROM ticket_lines WHERE ticket_id = ? ORDER BY position");
    line_rows.bind_all(id);
    std::vector<pos::TicketLine> lines;
    while (line_rows.step()) {
        pos::TicketLine line;
        line.id = line_rows.column_text(0);
        read_line_inputs(line_rows, 1, currency, line);
        constexpr int computed = 1 + line_input_column_count;
        const auto money = [&](int column) {
            return pos::Money(line_rows.column_int64(column), currency);
        };
        line.unit_price = money(computed);
        line.extended = money(computed + 1);
        line.promotion_saving = money(computed + 2);
        line.promotion = line_rows.column_text(computed + 3);
        line.discount_amount = money(computed + 4);
        line.amounts = {money(computed + 5), money(computed + 6), money(computed + 7)};
        lines.push_back(std::move(line));
    }

    Statement payment_rows(db,
                           "SELECT id, method, amount, reference, card_last4 FROM payments"
                           " WHERE ticket_id = ? ORDER BY position");
    payment_rows.bind_all(id);
    std::vector<pos::Payment> payments;
    while (payment_rows.step()) {
        payments.push_back({payment_rows.column_text(0), method_from(payment_rows.column_text(1)),
                            pos::Money(payment_rows.column_int64(2), currency),
                            payment_rows.column_text(3), payment_rows.column_text(4)});
    }
    return pos::Ticket::restore(id, terminal, clerk, currency, policy, opened, completed,
                                receipt_number, sequence, std::move(lines), std::move(payments),
                                discount);
}

}  // namespace db
