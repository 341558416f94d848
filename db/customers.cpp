// CustomerBook over SQLite: search as the clerk types (name words by FTS prefix, phone digits by
// a trigram index, email start and card by b-tree), saves and merges queued for head office.
#include <algorithm>
#include <cctype>
#include <set>

#include "db/format.hpp"
#include "db/service_repositories.hpp"
#include "db/service_rows.hpp"
#include "db/sqlite_store.hpp"

namespace db {

namespace {

constexpr std::int64_t max_rows = 10'000;

std::string trimmed(std::string_view text) {
    const auto first = text.find_first_not_of(" \t");
    if (first == std::string_view::npos)
        return {};
    const auto last = text.find_last_not_of(" \t");
    return std::string(text.substr(first, last - first + 1));
}

std::string lower(std::string text) {
    for (char& c : text)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return text;
}

std::string upper(std::string text) {
    for (char& c : text)
        c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return text;
}

// Typed like a phone number: digits with separators only.
bool phone_like(std::string_view text) {
    return std::all_of(text.begin(), text.end(), [](char c) {
        return std::isdigit(static_cast<unsigned char>(c)) || c == ' ' || c == '+' || c == '-' ||
               c == '(' || c == ')' || c == '.';
    });
}

std::string live_customers(std::string_view where) {
    return "SELECT " + std::string(customer_columns) +
           " FROM customers WHERE merged_into = '' AND " + std::string(where);
}

class SqliteCustomerBook final : public CustomerBook {
  public:
    SqliteCustomerBook(Database& db, const pos::Currency& currency)
        : db_(db),
          currency_(currency),
          rows_(db),
          by_card_(db, live_customers("card = ? ORDER BY id LIMIT ?")),
          by_phone_(db,
                    live_customers("seq IN (SELECT rowid FROM customer_phones"
                                   " WHERE customer_phones MATCH ?) ORDER BY name, id LIMIT ?")),
          by_email_(db, live_customers("email >= ?1 AND email < ?1 || x'ff'"
                                       " ORDER BY email, id LIMIT ?2")),
          by_name_(db, live_customers("seq IN (SELECT rowid FROM customer_names"
                                      " WHERE customer_names MATCH ?) ORDER BY name, id LIMIT ?")),
          card_holder_(db,
                       "SELECT id, name FROM customers WHERE card = ? AND merged_into = ''"
                       " AND id <> ? ORDER BY id LIMIT 1") {}

    std::vector<pos::Customer> search(std::string_view text, std::size_t limit) override {
        const std::string typed = trimmed(text);
        std::vector<pos::Customer> found;
        if (typed.empty() || limit == 0)
            return found;
        std::set<std::string> seen;
        const auto add = [&](Statement& query, auto&&... args) {
            if (found.size() >= limit)
                return;
            auto use = query.use();
            query.bind_all(args..., static_cast<std::int64_t>(limit));
            while (query.step() && found.size() < limit) {
                pos::Customer customer = read_customer(query);
                if (seen.insert(customer.id).second)
                    found.push_back(std::move(customer));
            }
        };
        add(by_card_, upper(typed));
        const std::string digits = digits_of(typed);
        if (phone_like(typed) && digits.size() >= 3)
            add(by_phone_, "\"" + digits + "\"");
        if (typed.find(' ') == std::string::npos && !phone_like(typed))
            add(by_email_, lower(typed));
        if (const std::string query = fts_prefix_query(typed); !query.empty() && !phone_like(typed))
            add(by_name_, query);
        return found;
    }

    std::optional<pos::Customer> find(const std::string& id) override { return rows_.customer(id); }

    std::optional<pos::Customer> find_by_card(std::string_view card) override {
        const std::string typed = upper(trimmed(card));
        if (typed.empty())
            return std::nullopt;
        auto use = by_card_.use();
        by_card_.bind_all(typed, std::int64_t{1});
        if (!by_card_.step())
            return std::nullopt;
        return read_customer(by_card_);
    }

    std::vector<pos::Customer> candidates_for(const pos::Customer& c) override {
        Statement rows(db_, "SELECT " + std::string(customer_columns) +
                                " FROM customers WHERE merged_into = '' AND id <> ?5 AND ("
                                "(card = ?1 AND ?1 <> '') OR (phone = ?2 AND ?2 <> '')"
                                " OR (email = ?3 AND ?3 <> '') OR name = ?4 COLLATE NOCASE)"
                                " ORDER BY id LIMIT 50");
        rows.bind_all(c.card, c.phone, c.email, c.name, c.id);
        std::vector<pos::Customer> found;
        while (rows.step())
            found.push_back(read_customer(rows));
        return found;
    }

    pos::Status save(const pos::Customer& customer) override {
        if (auto problem = check(customer); !problem)
            return problem;
        try {
            Transaction transaction(db_);
            if (auto clash = card_clash(customer); !clash)
                return clash;
            rows_.write_customer(customer);
            rows_.queue("customer", customer.id, customer.updated_at_ms);
            transaction.commit();
        } catch (const std::exception& error) {
            return pos::store_failure("The customer " + in_quotes(customer.name) +
                                      " could not be saved (" + error.what() +
                                      "); nothing was changed");
        }
        return pos::ok();
    }

    pos::Result<pos::Customer> merge(const std::string& keep_id, const std::string& duplicate_id,
                                     std::int64_t at_ms) override {
        if (keep_id == duplicate_id)
            return pos::bad_input("A customer cannot be merged into itself; nothing was changed");
        try {
            Transaction transaction(db_);
            auto keep = rows_.customer(keep_id);
            auto duplicate = rows_.customer(duplicate_id);
            if (auto usable = mergeable(keep, keep_id); !usable)
                return usable.error();
            if (auto usable = mergeable(duplicate, duplicate_id); !usable)
                return usable.error();
            duplicate->merged_into = keep_id;
            duplicate->updated_at_ms = at_ms;
            pos::Customer kept = pos::merged(*keep, *duplicate);
            kept.id = keep_id;
            kept.merged_into.clear();
            kept.updated_at_ms = at_ms;
            rows_.write_customer(*duplicate);
            if (auto clash = card_clash(kept); !clash)
                return clash.error();
            rows_.write_customer(kept);
            rows_.queue("customer", duplicate_id, at_ms);
            rows_.queue("customer", keep_id, at_ms);
            transaction.commit();
            return kept;
        } catch (const std::exception& error) {
            return pos::store_failure(std::string("The customers could not be merged (") +
                                      error.what() + "); nothing was changed");
        }
    }

    std::int64_t points_balance(const std::string& customer_id) override {
        return rows_.points_balance(customer_id);
    }

    std::vector<pos::LoyaltyMovement> points_history(const std::string& customer_id,
                                                     std::size_t limit) override {
        Statement rows(db_,
                       "WITH RECURSIVE family (id) AS (SELECT ?1 UNION SELECT customers.id"
                       " FROM customers JOIN family ON customers.merged_into = family.id)"
                       " SELECT " +
                           std::string(loyalty_columns) +
                           " FROM loyalty_movements WHERE customer_id IN (SELECT id FROM"
                           " family) ORDER BY at_ms DESC, id LIMIT ?2");
        rows.bind_all(customer_id,
                      static_cast<std::int64_t>(std::min<std::size_t>(limit, max_rows)));
        std::vector<pos::LoyaltyMovement> found;
        while (rows.step())
            found.push_back(read_loyalty(rows));
        return found;
    }

    std::vector<pos::TicketSummary> purchases(const std::string& customer_id,
                                              std::size_t limit) override {
        Statement rows(
            db_,
            "SELECT tickets.id, tickets.receipt_number, tickets.terminal_id,"
            " tickets.kind, tickets.completed_at_ms, tickets.clerk_name, tickets.total,"
            " tickets.currency_code, tickets.currency_exponent,"
            " (SELECT coalesce(sum(CASE unit WHEN 'kg' THEN 1"
            "  ELSE quantity_milli / 1000 END), 0) FROM ticket_lines"
            "  WHERE ticket_id = tickets.id AND voided = 0)"
            " FROM ticket_customers JOIN tickets ON tickets.id = ticket_customers.ticket_id"
            " WHERE ticket_customers.customer_id = ? AND tickets.state = 'completed'"
            " ORDER BY tickets.completed_at_ms DESC, tickets.id DESC LIMIT ?");
        rows.bind_all(customer_id,
                      static_cast<std::int64_t>(std::min<std::size_t>(limit, max_rows)));
        std::vector<pos::TicketSummary> found;
        while (rows.step()) {
            const pos::Currency currency =
                pos::Currency::of(rows.column_text(7), rows.column_int(8));
            pos::TicketSummary summary;
            summary.ticket_id = rows.column_text(0);
            summary.receipt_number = rows.column_text(1);
            summary.terminal_id = rows.column_text(2);
            summary.kind =
                pos::ticket_kind_from(rows.column_text(3)).value_or(pos::TicketKind::sale);
            summary.completed_at_ms = rows.column_int64(4);
            summary.clerk_name = rows.column_text(5);
            summary.total = pos::Money(rows.column_int64(6), currency);
            summary.item_count = rows.column_int64(9);
            found.push_back(std::move(summary));
        }
        for (pos::TicketSummary& summary : found)
            summary.tenders = tenders(summary.ticket_id, summary.total.currency());
        return found;
    }

    // Terminal ids are unique across the chain, so the terminal's number leads the sequence
    // (T01 issues 001000001, 001000002, ...; T11 011000001, ...): two terminals never issue the
    // same card, even offline.
    std::int64_t next_card_sequence() override {
        Transaction transaction(db_);
        const std::string terminal = setting_text(db_, "terminal_id");
        const std::int64_t sequence = next_sequence(db_, "loyalty_card:" + terminal);
        transaction.commit();
        return terminal_number(terminal) * cards_per_terminal + sequence % cards_per_terminal;
    }

  private:
    static constexpr std::int64_t cards_per_terminal = 1'000'000;
    // The digits of a terminal id ("T01" -> 1, "T11" -> 11), at most three of them.
    static std::int64_t terminal_number(const std::string& terminal_id) {
        std::int64_t number = 0;
        for (const char c : terminal_id) {
            if (c >= '0' && c <= '9')
                number = (number * 10 + (c - '0')) % 1000;
        }
        return number;
    }

    static pos::Status check(const pos::Customer& customer) {
        if (customer.id.empty())
            return pos::bad_input("The customer has no id; nothing was saved");
        if (is_blank(customer.name))
            return pos::bad_input("The customer has no name; nothing was saved");
        if (!customer.merged_into.empty() && customer.merged_into == customer.id)
            return pos::bad_input("A customer cannot be merged into itself; nothing was saved");
        return pos::ok();
    }

    static pos::Status mergeable(const std::optional<pos::Customer>& record,
                                 const std::string& id) {
        if (!record)
            return pos::not_found("No customer " + in_quotes(id) +
                                  " is known here; nothing was merged");
        if (!record->merged_into.empty()) {
            return pos::not_allowed(record->name + " was already merged into another record (" +
                                    record->merged_into + "); nothing was merged");
        }
        return pos::ok();
    }

    // A card belongs to one live customer: refused naming the one who has it.
    pos::Status card_clash(const pos::Customer& customer) {
        if (customer.card.empty() || !customer.merged_into.empty())
            return pos::ok();
        auto use = card_holder_.use();
        card_holder_.bind_all(customer.card, customer.id);
        if (!card_holder_.step())
            return pos::ok();
        return pos::not_allowed("Card " + customer.card + " already belongs to " +
                                card_holder_.column_text(1) + " (customer " +
                                card_holder_.column_text(0) + "); nothing was saved");
    }

    // "Cash 5.00, Loyalty points (250) 2.50": what paid, without change and cash rounding.
    std::string tenders(const std::string& ticket_id, const pos::Currency& currency) {
        Statement rows(db_,
                       "SELECT method, amount, reference, card_last4, points FROM payments"
                       " WHERE ticket_id = ? ORDER BY position");
        rows.bind_all(ticket_id);
        std::string text;
        while (rows.step()) {
            pos::Payment payment;
            payment.method = method_from(rows.column_text(0));
            payment.amount = pos::Money(rows.column_int64(1), currency);
            payment.reference = rows.column_text(2);
            payment.card_last4 = rows.column_text(3);
            payment.points = rows.column_int64(4);
            if (payment.method == pos::PaymentMethod::cash_rounding ||
                (payment.method == pos::PaymentMethod::cash && payment.amount.is_negative()))
                continue;
            text += (text.empty() ? "" : ", ") + pos::payment_label(payment) + " " +
                    pos::format_amount(payment.amount);
        }
        return text;
    }

    Database& db_;
    const pos::Currency& currency_;
    ServiceRows rows_;
    Statement by_card_;
    Statement by_phone_;
    Statement by_email_;
    Statement by_name_;
    Statement card_holder_;
};

}  // namespace

std::unique_ptr<CustomerBook> make_customer_book(Database& db, const pos::Currency& currency) {
    return std::make_unique<SqliteCustomerBook>(db, currency);
}

}  // namespace db
