// SaleStore and StoredValue over SQLite: a completed (or voided) ticket, its lines and payments,
// the gift card / store credit debits, its journal entry and outbox row, in one transaction.
#include <algorithm>
#include <map>
#include <utility>
#include <vector>

#include "db/format.hpp"
#include "db/repositories.hpp"
#include "db/return_guard.hpp"
#include "db/rows.hpp"
#include "db/sale_service.hpp"
#include "db/till_internal.hpp"

namespace db {

namespace {

// A stored-value account a sale pays from, with what the sale takes from it, or an account a
// refund credits (amount 0, credit > 0).
struct Debit {
    pos::PaymentMethod kind;
    std::string account;
    std::int64_t account_id = 0;
    std::int64_t amount = 0;  // sum of this ticket's payments from the account
    int payments = 0;
    std::int64_t credit = 0;  // sum of this ticket's refunds to the account (positive)
};

// The word journal entries and tickets.kind use: "sale", "return", "exchange", "post_void".
std::string kind_word(const pos::Ticket& ticket) {
    return std::string(pos::to_string(ticket.kind()));
}

// NULL for an empty text: the return and refund columns are NULL on sale lines and payments.
void bind_text_or_null(Statement& statement, int index, const std::string& text) {
    if (text.empty())
        statement.bind_null(index);
    else
        statement.bind(index, text);
}

class SqliteSaleStore final : public pos::SaleStore {
  public:
    SqliteSaleStore(Database& db, JournalWriter& journal)
        : db_(db),
          journal_(journal),
          guard_(db),
          service_(db),
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
                             " total_net, total_tax, total, kind, post_void_of, shift_id)"
                             " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                             " ?, ?, ?, ?, ?,"
                             // A completed ticket belongs to its terminal's open shift, if any
                             // (tickets cannot be updated once written).
                             " CASE WHEN ?3 = 'completed' THEN (SELECT id FROM shifts"
                             " WHERE terminal_id = ?2 AND closed_at_ms IS NULL) END)"),
          insert_line_(db,
                       "INSERT INTO ticket_lines (id, ticket_id, position, " +
                           std::string(line_input_columns) +
                           ", unit_price, extended, promotion_saving, promotion, discount_amount,"
                           " net, tax, gross, original_ticket_id, original_receipt,"
                           " original_line_id, reason, disposition, customer, special_order)"
                           " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                           " ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
          insert_payment_(db,
                          "INSERT INTO payments (id, ticket_id, position, method, amount,"
                          " reference, card_last4, refund_of, points)"
                          " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"),
          account_balance_(db,
                           "SELECT accounts.id, coalesce(sum(ledger.amount), 0)"
                           " FROM stored_value_accounts AS accounts"
                           " LEFT JOIN stored_value_ledger AS ledger"
                           " ON ledger.account_id = accounts.id"
                           " WHERE accounts.kind = ? AND accounts.account = ?"
                           " GROUP BY accounts.id"),
          insert_debit_(db,
                        "INSERT INTO stored_value_ledger (account_id, amount, reason, ticket_id,"
                        " payment_id, at_ms) VALUES (?, ?, ?, ?, ?, ?)"),
          open_store_credit_(db,
                             "INSERT INTO stored_value_accounts (kind, account, opened_at_ms)"
                             " VALUES ('store_credit', ?, ?) RETURNING id"),
          insert_movement_(db,
                           "INSERT INTO stock_movements (ticket_id, line_id, product_id, bucket,"
                           " quantity_milli, at_ms) VALUES (?, ?, ?, ?, ?, ?)"),
          insert_approval_(db,
                           "INSERT INTO ticket_approvals (ticket_id, position, event_id,"
                           " permission, requested_by, approved_by, approver_name, amount,"
                           " reason, at_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)") {}

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
                add_voided_ticket_to_day(db_, ticket);
                transaction.commit();
                return pos::CompletedSale{};
            }
            if (auto guarded = guard_.check(ticket); !guarded)
                return guarded.error();
            auto debits = stored_value_debits(ticket, completed_at_ms);
            if (!debits)
                return debits.error();
            if (auto checked = service_.check(ticket); !checked)
                return checked.error();

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
            write_stock_movements(ticket, completed_at_ms);
            service_.write(ticket, receipt, completed_at_ms);
            journal_.append({ticket.terminal_id(), kind_word(ticket), ticket.id(), ticket.id(),
                             completed_at_ms,
                             ticket_body(ticket, receipt, sequence, completed_at_ms)});
            add_ticket_to_shift(db_, ticket);
            add_ticket_to_day(db_, ticket, completed_at_ms);
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
    // Points and deposits name the terminal's own records (a customer's UUID, an order number),
    // which may hold long digit runs and are never card numbers.
    static bool names_own_record(pos::PaymentMethod method) {
        return method == pos::PaymentMethod::loyalty_points ||
               method == pos::PaymentMethod::deposit;
    }

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
            if (payment.amount.is_zero()) {
                return pos::bad_input(label + " ending " + last4(payment.reference) +
                                      ": a payment from it (or a refund to it) must not be 0" +
                                      refused);
            }
        } else if (!names_own_record(payment.method) && looks_like_card_number(payment.reference)) {
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
    // cannot both spend the same balance. A refund (negative payment) credits its account: a
    // gift card must exist; a store credit account that does not is opened here.
    pos::Result<std::vector<Debit>> stored_value_debits(const pos::Ticket& ticket,
                                                        std::int64_t at_ms) {
        std::vector<Debit> debits;
        for (const pos::Payment& payment : ticket.payments()) {
            if (!is_stored_value(payment.method))
                continue;
            auto found = std::find_if(debits.begin(), debits.end(), [&](const Debit& d) {
                return d.kind == payment.method && d.account == payment.reference;
            });
            if (found == debits.end()) {
                debits.push_back({payment.method, payment.reference, 0, 0, 0, 0});
                found = debits.end() - 1;
            }
            if (payment.amount.is_negative()) {
                found->credit -= payment.amount.minor();
            } else {
                found->amount += payment.amount.minor();
                ++found->payments;
            }
        }
        for (Debit& debit : debits) {
            const std::string label =
                stored_value_label(debit.kind) + " ending " + last4(debit.account);
            std::int64_t balance = 0;
            {
                auto use = account_balance_.use();
                account_balance_.bind_all(method_text(debit.kind), debit.account);
                if (account_balance_.step()) {
                    debit.account_id = account_balance_.column_int64(0);
                    balance = account_balance_.column_int64(1);
                }
            }
            if (debit.account_id == 0 && debit.amount == 0 &&
                debit.kind == pos::PaymentMethod::store_credit) {
                if (auto opened = open_store_credit(debit, at_ms); !opened)
                    return opened.error();
                continue;
            }
            if (debit.account_id == 0) {
                return pos::not_found(label + " is not known to this store; " +
                                      (debit.amount > 0 ? "the sale" : "the refund") +
                                      " was not saved");
            }
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

    // A new store credit account for a refund, numbered by the terminal ("SC" + hex digits).
    pos::Status open_store_credit(Debit& debit, std::int64_t at_ms) {
        const std::string& account = debit.account;
        if (account.size() < 4 || account.size() > 32 ||
            !std::all_of(account.begin(), account.end(), is_ascii_alnum)) {
            return pos::bad_input("Store credit account " + in_quotes(account) +
                                  " is not 4 to 32 letters or digits; the refund was not saved");
        }
        auto use = open_store_credit_.use();
        open_store_credit_.bind_all(account, at_ms);
        if (!open_store_credit_.step())
            throw pos::StoreFailure("the store credit account was not opened");
        debit.account_id = open_store_credit_.column_int64(0);
        open_store_credit_.run();
        return pos::ok();
    }

    // Debits and credits in payment order, each pointing at its ticket and payment.
    void debit(const pos::Ticket& ticket, const std::vector<Debit>& debits,
               std::int64_t completed_at_ms) {
        for (const pos::Payment& payment : ticket.payments()) {
            if (!is_stored_value(payment.method))
                continue;
            const auto account = std::find_if(debits.begin(), debits.end(), [&](const Debit& d) {
                return d.kind == payment.method && d.account == payment.reference;
            });
            const bool refund = payment.amount.is_negative();
            auto use = insert_debit_.use();
            insert_debit_
                .bind_all(account->account_id, -payment.amount.minor(), refund ? "refund" : "sale",
                          ticket.id(), payment.id, completed_at_ms)
                .run();
        }
    }

    // A sale line takes its quantity out of sellable stock; a return line puts it into its
    // disposition's bucket. Voided lines moved nothing.
    void write_stock_movements(const pos::Ticket& ticket, std::int64_t at_ms) {
        for (const pos::TicketLine& line : ticket.lines()) {
            if (line.voided || line.quantity.milli == 0 || !line.special_order.empty())
                continue;  // a deposit line moves no stock
            const bool returned = line.returned.has_value();
            const std::string_view bucket =
                returned ? stock_bucket(line.returned->disposition) : "sellable";
            auto use = insert_movement_.use();
            insert_movement_
                .bind_all(ticket.id(), line.id, line.product_id, bucket,
                          returned ? line.quantity.milli : -line.quantity.milli, at_ms)
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
                .bind(22, totals.total.minor())
                .bind(23, kind_word(ticket));
            bind_text_or_null(insert_ticket_, 24, ticket.post_void_of());
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
                .bind(computed + 7, line.amounts.gross.minor());
            bind_return_of(insert_line_, computed + 8, line);
            bind_text_or_null(insert_line_, computed + 14, line.special_order);
            insert_line_.run();
        }
        position = 0;
        for (const pos::Payment& payment : ticket.payments()) {
            auto use = insert_payment_.use();
            insert_payment_.bind_all(payment.id, ticket.id(), position++,
                                     method_text(payment.method), payment.amount.minor(),
                                     payment.reference, payment.card_last4);
            bind_text_or_null(insert_payment_, 8, payment.refund_of);
            insert_payment_.bind(9, payment.points);
            insert_payment_.run();
        }
        position = 0;
        for (const pos::ApprovalGrant& approval : ticket.approvals()) {
            auto use = insert_approval_.use();
            insert_approval_
                .bind_all(ticket.id(), position++, approval.id, pos::to_string(approval.permission),
                          approval.requested_by, approval.approved_by, approval.approver_name,
                          approval.amount_minor, approval.reason, approval.at_ms)
                .run();
        }
    }

    // original_ticket_id, original_receipt, original_line_id, reason, disposition, customer:
    // all NULL on a sale line; the original's three NULL on a return without a receipt.
    static void bind_return_of(Statement& statement, int first, const pos::TicketLine& line) {
        if (!line.returned) {
            for (int i = 0; i < 6; ++i)
                statement.bind_null(first + i);
            return;
        }
        const pos::ReturnOf& returned = *line.returned;
        bind_text_or_null(statement, first, returned.original_ticket_id);
        bind_text_or_null(statement, first + 1, returned.original_receipt);
        bind_text_or_null(statement, first + 2, returned.original_line_id);
        statement.bind(first + 3, reason_text(returned.reason))
            .bind(first + 4, disposition_text(returned.disposition));
        bind_text_or_null(statement, first + 5, returned.customer);
    }

    Database& db_;
    JournalWriter& journal_;
    ReturnGuard guard_;
    SaleServiceWrites service_;
    Statement existing_;
    Statement next_sequence_;
    Statement insert_ticket_;
    Statement insert_line_;
    Statement insert_payment_;
    Statement account_balance_;
    Statement insert_debit_;
    Statement open_store_credit_;
    Statement insert_movement_;
    Statement insert_approval_;
};

class SqliteStoredValue final : public pos::StoredValue {
  public:
    SqliteStoredValue(Database& db, const pos::Currency& currency)
        : currency_(currency),
          rows_(db),
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

    std::int64_t points_balance(const std::string& customer_id) override {
        return rows_.points_balance(customer_id);
    }

    std::optional<pos::Money> deposit_held(std::string_view order_number) override {
        const auto order = rows_.special_order(std::string(order_number), currency_);
        if (!order)
            return std::nullopt;
        return order->deposit_held;
    }

  private:
    const pos::Currency& currency_;
    ServiceRows rows_;
    Statement balance_;
};

}  // namespace

std::unique_ptr<pos::SaleStore> make_sale_store(Database& db, JournalWriter& journal) {
    return std::make_unique<SqliteSaleStore>(db, journal);
}

std::unique_ptr<pos::StoredValue> make_stored_value(Database& db, const pos::Currency& currency) {
    return std::make_unique<SqliteStoredValue>(db, currency);
}

}  // namespace db
