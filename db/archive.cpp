// Completed tickets read back: exactly as written (returns, refunds, approvals and post-voids
// included), opened for a return with what earlier returns took, and found without a receipt.
#include <utility>
#include <vector>

#include "db/format.hpp"
#include "db/repositories.hpp"
#include "db/rows.hpp"

namespace db {

namespace {

constexpr std::string_view ticket_head_columns =
    "tickets.id, tickets.terminal_id, tickets.sequence, tickets.clerk_id, tickets.clerk_name,"
    " tickets.currency_code, tickets.currency_exponent, tickets.pricing, tickets.tax_rounding,"
    " tickets.opened_at_ms, tickets.completed_at_ms, tickets.receipt_number,"
    " coalesce(tickets.post_void_of, ''), coalesce(voided.receipt_number, ''),"
    " tickets.discount_kind, tickets.discount_percent_ppm, tickets.discount_fixed,"
    " tickets.discount_reason, ticket_customers.customer_id, ticket_customers.customer_name,"
    " ticket_customers.card, coalesce(ticket_customers.points_earned, 0)";
constexpr int head_discount_column = 14;
constexpr int head_customer_column = 18;

// The customer a ticket was for (ticket_customers, joined: NULL when none).
std::optional<pos::CustomerRef> customer_of(const Statement& row, int first) {
    if (row.column_is_null(first))
        return std::nullopt;
    return pos::CustomerRef{row.column_text(first), row.column_text(first + 1),
                            row.column_text(first + 2)};
}

std::optional<pos::ReturnOf> read_return_of(const Statement& row, int first) {
    if (row.column_is_null(first + 3))
        return std::nullopt;
    pos::ReturnOf returned;
    returned.original_ticket_id = row.column_text(first);
    returned.original_receipt = row.column_text(first + 1);
    returned.original_line_id = row.column_text(first + 2);
    returned.reason = reason_from(row.column_text(first + 3));
    returned.disposition = disposition_from(row.column_text(first + 4));
    returned.customer = row.column_text(first + 5);
    return returned;
}

std::vector<pos::TicketLine> read_lines(Database& db, const std::string& ticket_id,
                                        const pos::Currency& currency) {
    Statement rows(db, "SELECT id, " + std::string(line_input_columns) +
                           ", unit_price, extended, promotion_saving, promotion,"
                           " discount_amount, net, tax, gross, coalesce(original_ticket_id, ''),"
                           " coalesce(original_receipt, ''), coalesce(original_line_id, ''),"
                           " reason, disposition, coalesce(customer, ''),"
                           " coalesce(special_order, '')"
                           " FROM ticket_lines WHERE ticket_id = ? ORDER BY position");
    rows.bind_all(ticket_id);
    std::vector<pos::TicketLine> lines;
    while (rows.step()) {
        pos::TicketLine line;
        line.id = rows.column_text(0);
        read_line_inputs(rows, 1, currency, line);
        constexpr int computed = 1 + line_input_column_count;
        const auto money = [&](int column) {
            return pos::Money(rows.column_int64(column), currency);
        };
        line.unit_price = money(computed);
        line.extended = money(computed + 1);
        line.promotion_saving = money(computed + 2);
        line.promotion = rows.column_text(computed + 3);
        line.discount_amount = money(computed + 4);
        line.amounts = {money(computed + 5), money(computed + 6), money(computed + 7)};
        line.returned = read_return_of(rows, computed + 8);
        line.special_order = rows.column_text(computed + 14);
        lines.push_back(std::move(line));
    }
    return lines;
}

pos::Payment read_payment(const Statement& row, int first, const pos::Currency& currency) {
    pos::Payment payment;
    payment.id = row.column_text(first);
    payment.method = method_from(row.column_text(first + 1));
    payment.amount = pos::Money(row.column_int64(first + 2), currency);
    payment.reference = row.column_text(first + 3);
    payment.card_last4 = row.column_text(first + 4);
    payment.refund_of = row.column_text(first + 5);
    payment.points = row.column_int64(first + 6);
    return payment;
}

constexpr std::string_view payment_columns =
    "payments.id, payments.method, payments.amount, payments.reference, payments.card_last4,"
    " coalesce(payments.refund_of, ''), payments.points";

std::vector<pos::Payment> read_payments(Database& db, const std::string& ticket_id,
                                        const pos::Currency& currency) {
    Statement rows(db, "SELECT " + std::string(payment_columns) +
                           " FROM payments WHERE ticket_id = ? ORDER BY position");
    rows.bind_all(ticket_id);
    std::vector<pos::Payment> payments;
    while (rows.step())
        payments.push_back(read_payment(rows, 0, currency));
    return payments;
}

std::vector<pos::ApprovalGrant> read_approvals(Database& db, const std::string& ticket_id) {
    Statement rows(db,
                   "SELECT event_id, permission, requested_by, approved_by, approver_name, amount,"
                   " reason, at_ms FROM ticket_approvals WHERE ticket_id = ? ORDER BY position");
    rows.bind_all(ticket_id);
    std::vector<pos::ApprovalGrant> approvals;
    while (rows.step()) {
        pos::ApprovalGrant grant;
        grant.id = rows.column_text(0);
        grant.permission = permission_from(rows.column_text(1));
        grant.requested_by = rows.column_int64(2);
        grant.approved_by = rows.column_int64(3);
        grant.approver_name = rows.column_text(4);
        grant.amount_minor = rows.column_int64(5);
        grant.reason = rows.column_text(6);
        grant.at_ms = rows.column_int64(7);
        approvals.push_back(std::move(grant));
    }
    return approvals;
}

// A completed ticket by the column given (receipt_number or id).
std::optional<pos::Ticket> read_completed(Database& db, std::string_view column,
                                          const std::string& value) {
    Statement head(db, "SELECT " + std::string(ticket_head_columns) +
                           " FROM tickets LEFT JOIN tickets AS voided"
                           " ON voided.id = tickets.post_void_of"
                           " LEFT JOIN ticket_customers ON ticket_customers.ticket_id = tickets.id"
                           " WHERE tickets." +
                           std::string(column) + " = ? AND tickets.state = 'completed'");
    head.bind_all(value);
    if (!head.step())
        return std::nullopt;
    const std::string id = head.column_text(0);
    const pos::Currency currency = pos::Currency::of(head.column_text(5), head.column_int(6));
    pos::TaxPolicy policy;
    policy.pricing = pricing_from(head.column_text(7));
    policy.rounding = tax_rounding_from(head.column_text(8));
    return pos::Ticket::restore(
        id, head.column_text(1), pos::Clerk{head.column_int64(3), head.column_text(4)}, currency,
        policy, head.column_int64(9), head.column_int64(10), head.column_text(11),
        head.column_int64(2), read_lines(db, id, currency), read_payments(db, id, currency),
        read_discount(head, head_discount_column), read_approvals(db, id), head.column_text(12),
        head.column_text(13), customer_of(head, head_customer_column),
        head.column_int64(head_customer_column + 3));
}

// Item text: a code (all digits) or words, each a prefix of a word of a line's name.
std::vector<std::string> name_words(std::string_view text) {
    std::vector<std::string> words;
    std::string word;
    for (const char c : text) {
        if (is_ascii_alnum(c) || static_cast<unsigned char>(c) >= 0x80) {
            word += c;
        } else if (!word.empty()) {
            words.push_back(std::move(word));
            word.clear();
        }
    }
    if (!word.empty())
        words.push_back(std::move(word));
    return words;
}

class SqliteTicketArchive final : public pos::TicketArchive {
  public:
    SqliteTicketArchive(Database& db, const pos::Currency& currency)
        : db_(db), currency_(currency) {}

    std::optional<pos::OriginalTicket> open_for_return(const std::string& receipt_number) override {
        auto ticket = read_completed(db_, "receipt_number", receipt_number);
        if (!ticket)
            return std::nullopt;
        pos::OriginalTicket original{*ticket, {}, {}, {}};
        {
            Statement rows(db_,
                           "SELECT lines.original_line_id, sum(lines.quantity_milli)"
                           " FROM ticket_lines AS lines"
                           " JOIN tickets ON tickets.id = lines.ticket_id"
                           " WHERE lines.original_line_id IN"
                           " (SELECT id FROM ticket_lines WHERE ticket_id = ?)"
                           " AND lines.voided = 0 AND tickets.state = 'completed'"
                           " GROUP BY lines.original_line_id ORDER BY lines.original_line_id");
            rows.bind_all(ticket->id());
            while (rows.step())
                original.returned_milli[rows.column_text(0)] = rows.column_int64(1);
        }
        {
            Statement rows(db_, "SELECT " + std::string(payment_columns) +
                                    " FROM payments JOIN tickets ON tickets.id = payments.ticket_id"
                                    " WHERE payments.refund_of = ? AND tickets.state = 'completed'"
                                    " ORDER BY tickets.completed_at_ms, tickets.id,"
                                    " payments.position");
            rows.bind_all(ticket->id());
            while (rows.step())
                original.refunds.push_back(read_payment(rows, 0, ticket->currency()));
        }
        Statement voided(db_,
                         "SELECT receipt_number FROM tickets"
                         " WHERE post_void_of = ? AND state = 'completed'");
        voided.bind_all(ticket->id());
        if (voided.step())
            original.post_voided_by = voided.column_text(0);
        return original;
    }

    std::optional<pos::Ticket> find_ticket(const std::string& receipt_number) override {
        return read_completed(db_, "receipt_number", receipt_number);
    }

    std::vector<pos::TicketSummary> find_tickets(const pos::TicketQuery& query) override {
        std::string sql =
            "SELECT tickets.id, tickets.receipt_number, tickets.terminal_id, tickets.kind,"
            " tickets.completed_at_ms, tickets.clerk_name, tickets.total,"
            " tickets.currency_code, tickets.currency_exponent FROM tickets"
            " WHERE tickets.state = 'completed'";
        std::vector<std::string> texts;  // bound in order after the numbers below
        std::vector<std::int64_t> numbers;
        if (query.from_ms != 0) {
            sql += " AND tickets.completed_at_ms >= ?";
            numbers.push_back(query.from_ms);
        }
        if (query.to_ms != 0) {
            sql += " AND tickets.completed_at_ms < ?";
            numbers.push_back(query.to_ms);
        }
        if (query.total_minor) {
            sql += " AND tickets.total = ?";
            numbers.push_back(*query.total_minor);
        }
        if (!query.card.empty()) {
            sql +=
                " AND EXISTS (SELECT 1 FROM payments WHERE payments.ticket_id = tickets.id"
                " AND payments.method = 'card'"
                " AND (payments.reference = ? OR payments.card_last4 = ?))";
            texts.push_back(query.card);
            texts.push_back(query.card);
        }
        if (all_digits(query.item)) {
            sql +=
                " AND EXISTS (SELECT 1 FROM ticket_lines AS lines"
                " WHERE lines.ticket_id = tickets.id AND (lines.code = ? OR lines.product_id"
                " IN (SELECT product_id FROM barcodes WHERE code = ?)))";
            texts.push_back(query.item);
            texts.push_back(query.item);
        } else if (const auto words = name_words(query.item); !words.empty()) {
            sql +=
                " AND EXISTS (SELECT 1 FROM ticket_lines AS lines"
                " WHERE lines.ticket_id = tickets.id";
            for (const std::string& word : words) {
                sql += " AND (' ' || lines.name) LIKE ? ESCAPE '\\'";
                texts.push_back("% " + like_escaped(word) + "%");
            }
            sql += ")";
        }
        sql += " ORDER BY tickets.completed_at_ms DESC, tickets.id DESC LIMIT ?";

        Statement rows(db_, sql);
        int index = 0;
        for (const std::int64_t number : numbers)
            rows.bind(++index, number);
        for (const std::string& text : texts)
            rows.bind(++index, text);
        rows.bind(++index, static_cast<std::int64_t>(std::min<std::size_t>(query.limit, 10'000)));
        std::vector<pos::TicketSummary> found;
        while (rows.step()) {
            const pos::Currency currency =
                pos::Currency::of(rows.column_text(7), rows.column_int(8));
            pos::TicketSummary summary;
            summary.ticket_id = rows.column_text(0);
            summary.receipt_number = rows.column_text(1);
            summary.terminal_id = rows.column_text(2);
            summary.kind = kind_from(rows.column_text(3));
            summary.completed_at_ms = rows.column_int64(4);
            summary.clerk_name = rows.column_text(5);
            summary.total = pos::Money(rows.column_int64(6), currency);
            summary.item_count = item_count(summary.ticket_id);
            summary.tenders = tenders(summary.ticket_id, currency);
            found.push_back(std::move(summary));
        }
        return found;
    }

    // The price in effect at from_ms (the latest book entry not after it, else the product's
    // base price) and every book entry that took effect within (from_ms, to_ms].
    std::optional<pos::Money> lowest_price(std::int64_t product_id, std::int64_t from_ms,
                                           std::int64_t to_ms) override {
        Statement lowest(db_,
                         "SELECT min(price) FROM ("
                         " SELECT coalesce((SELECT unit_price FROM prices WHERE product_id = ?1"
                         "   AND effective_from_ms <= ?2 ORDER BY effective_from_ms DESC LIMIT 1),"
                         "  (SELECT unit_price FROM products WHERE id = ?1)) AS price"
                         " UNION ALL"
                         " SELECT unit_price FROM prices WHERE product_id = ?1"
                         "  AND effective_from_ms > ?2 AND effective_from_ms <= ?3)");
        lowest.bind_all(product_id, from_ms, to_ms);
        if (!lowest.step() || lowest.column_is_null(0))
            return std::nullopt;
        return pos::Money(lowest.column_int64(0), currency_);
    }

    pos::NoReceiptHistory no_receipt_returns(const std::string& customer,
                                             std::int64_t since_ms) override {
        Statement rows(db_,
                       "SELECT count(DISTINCT tickets.id), coalesce(-sum(lines.gross), 0)"
                       " FROM ticket_lines AS lines JOIN tickets ON tickets.id = lines.ticket_id"
                       " WHERE lines.customer = ? AND lines.voided = 0"
                       " AND tickets.state = 'completed' AND tickets.completed_at_ms >= ?");
        rows.bind_all(customer, since_ms);
        pos::NoReceiptHistory history;
        if (rows.step()) {
            history.returns = rows.column_int64(0);
            history.amount_minor = rows.column_int64(1);
        }
        return history;
    }

  private:
    static std::string like_escaped(const std::string& word) {
        std::string out;
        for (const char c : word) {
            if (c == '%' || c == '_' || c == '\\')
                out += '\\';
            out += c;
        }
        return out;
    }

    static pos::TicketKind kind_from(const std::string& text) {
        if (const auto kind = pos::ticket_kind_from(text))
            return *kind;
        throw pos::StoreFailure("the store holds an unknown ticket kind '" + text + "'");
    }

    // Items as a customer counts them: units of counted lines, one per weighed line.
    std::int64_t item_count(const std::string& ticket_id) {
        Statement count(db_,
                        "SELECT coalesce(sum(CASE unit WHEN 'kg' THEN 1"
                        " ELSE quantity_milli / 1000 END), 0)"
                        " FROM ticket_lines WHERE ticket_id = ? AND voided = 0");
        count.bind_all(ticket_id);
        count.step();
        return count.column_int64(0);
    }

    // "Card ending 4242 12.34, Cash 5.00": what was taken or refunded, without change and
    // cash rounding.
    std::string tenders(const std::string& ticket_id, const pos::Currency& currency) {
        std::string text;
        for (const pos::Payment& payment : read_payments(db_, ticket_id, currency)) {
            const bool change = payment.method == pos::PaymentMethod::cash &&
                                payment.amount.is_negative() && payment.refund_of.empty();
            if (change || payment.method == pos::PaymentMethod::cash_rounding)
                continue;
            if (!text.empty())
                text += ", ";
            text += pos::payment_label(payment) + " " + pos::format_amount(payment.amount);
        }
        return text;
    }

    Database& db_;
    const pos::Currency& currency_;
};

}  // namespace

std::unique_ptr<pos::TicketArchive> make_ticket_archive(Database& db,
                                                        const pos::Currency& currency) {
    return std::make_unique<SqliteTicketArchive>(db, currency);
}

std::optional<pos::Ticket> read_completed_ticket(Database& db, const std::string& receipt_number) {
    return read_completed(db, "receipt_number", receipt_number);
}

std::vector<StockMovement> read_stock_movements(Database& db, const std::string& ticket_id) {
    Statement rows(db,
                   "SELECT ticket_id, line_id, product_id, bucket, quantity_milli, at_ms"
                   " FROM stock_movements WHERE ticket_id = ? ORDER BY id");
    rows.bind_all(ticket_id);
    std::vector<StockMovement> movements;
    while (rows.step()) {
        movements.push_back({rows.column_text(0), rows.column_text(1), rows.column_int64(2),
                             rows.column_text(3), rows.column_int64(4), rows.column_int64(5)});
    }
    return movements;
}

}  // namespace db
