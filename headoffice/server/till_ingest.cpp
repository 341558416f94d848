// Folding the terminals' z_report and shift_close journal entries into head office's z_reports
// and till_closes, as they arrive. The body is read whole before anything is written, so an entry
// that cannot be read leaves nothing half-folded; the tables' keys (terminal and Z number, shift
// id) make a repeat change nothing.
#include <set>

#include "headoffice/server/canonical_fields.hpp"
#include "headoffice/server/till_internal.hpp"
#include "pos/ticket.hpp"

namespace headoffice::detail {

namespace {

constexpr std::string_view z_sections[] = {"sales", "taxes", "tenders", "clerks", "hours"};
constexpr std::int64_t max_rows = 10'000;  // per section or per close: more is not a real report

struct ZRow {
    std::string section;
    std::int64_t position = 0;
    std::string label;
    std::int64_t count = 0;
    std::int64_t amount_minor = 0;
};

struct ZBody {
    std::int64_t number = 0, business_day = 0, from_ms = 0, to_ms = 0, run_by_id = 0;
    std::string run_by_name, currency;
    std::int64_t exponent = 0;
    std::int64_t net_count = 0, net_minor = 0;
    std::vector<ZRow> rows;
};

std::int64_t list_size(const CanonicalFields& fields, const std::string& key) {
    const std::int64_t size = fields.integer(key);
    if (size < 0 || size > max_rows)
        throw std::runtime_error("the payload's " + key +
                                 " is not a list size: " + std::to_string(size));
    return size;
}

ZBody read_z(const CanonicalFields& fields) {
    ZBody z;
    z.number = fields.integer("z.number");
    if (z.number < 1)
        throw std::runtime_error("z.number " + std::to_string(z.number) + " is not a Z number");
    z.business_day = fields.integer("z.business_day");
    z.from_ms = fields.integer("z.from_ms");
    z.to_ms = fields.integer("z.to_ms");
    z.run_by_id = fields.integer("z.run_by_id");
    z.run_by_name = fields.text("z.run_by_name");
    z.currency = fields.text("z.currency");
    if (z.currency.size() != 3)
        throw std::runtime_error("z.currency '" + z.currency + "' is not a 3-letter currency code");
    z.exponent = fields.integer("z.currency_exponent");
    if (z.exponent < 0 || z.exponent > 4)
        throw std::runtime_error("z.currency_exponent " + std::to_string(z.exponent) +
                                 " is not 0 to 4");
    for (const std::string_view name : z_sections) {
        const std::string section(name);
        const std::int64_t rows = list_size(fields, "z." + section);
        for (std::int64_t i = 1; i <= rows; ++i) {
            const std::string p = "z." + section + "." + std::to_string(i) + ".";
            z.rows.push_back({section, i, fields.text(p + "label"), fields.integer(p + "count"),
                              fields.integer(p + "amount")});
            if (section == "sales" && z.rows.back().label == "Net sales") {
                z.net_count = z.rows.back().count;
                z.net_minor = z.rows.back().amount_minor;
            }
        }
    }
    return z;
}

struct CloseTender {
    std::string method;
    std::int64_t expected = 0, counted = 0, difference = 0;
};

struct CloseBody {
    std::int64_t shift_number = 0, user_id = 0, approved_by = 0;
    std::string user_name, cash_count, approver_name, reason;
    std::vector<CloseTender> tenders;
};

CloseBody read_close(const CanonicalFields& fields) {
    CloseBody close;
    close.shift_number = fields.integer("close.shift_number");
    close.user_id = fields.integer("close.user_id");
    close.user_name = fields.text("close.user_name");
    close.cash_count = fields.text("close.cash_count");
    close.approved_by = fields.integer("close.approved_by");
    close.approver_name = fields.text("close.approver_name");
    close.reason = fields.text("close.reason");
    std::set<std::string> methods;
    const std::int64_t tenders = list_size(fields, "close.tenders");
    for (std::int64_t i = 1; i <= tenders; ++i) {
        const std::string p = "close.tenders." + std::to_string(i) + ".";
        CloseTender tender{fields.text(p + "method"), fields.integer(p + "expected"),
                           fields.integer(p + "counted"), fields.integer(p + "difference")};
        if (!pos::payment_method_from(tender.method))
            throw std::runtime_error("the payload's " + p + "method '" + tender.method +
                                     "' is not a tender");
        if (!methods.insert(tender.method).second)
            throw std::runtime_error("the close lists tender " + tender.method + " twice");
        close.tenders.push_back(std::move(tender));
    }
    return close;
}

std::vector<std::string> store_z(sql::Connection& connection, const Identity& who,
                                 const JournalEntry& entry, std::int64_t entry_id, const ZBody& z) {
    std::vector<std::string> problems;
    const std::string named = entry.terminal_id + "-Z" + std::to_string(z.number);
    if (entry.entity_id != named)
        problems.push_back("the Z report's entity " + entry.entity_id + " should be " + named);
    const auto inserted = connection.query(
        "INSERT INTO z_reports (terminal_id, number, store_code, business_day, from_ms, to_ms,"
        " run_by_id, run_by_name, currency, currency_exponent, net_count, net_minor, entry_id)"
        " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)"
        " ON CONFLICT DO NOTHING RETURNING number",
        {entry.terminal_id, z.number, who.store_code, z.business_day, z.from_ms, z.to_ms,
         z.run_by_id, z.run_by_name, z.currency, z.exponent, z.net_count, z.net_minor, entry_id});
    if (inserted.empty()) {
        problems.push_back("Z report No. " + std::to_string(z.number) + " of " + entry.terminal_id +
                           " is held already; this one was not counted");
        return problems;
    }
    std::vector<sql::Params> rows;
    for (const ZRow& row : z.rows)
        rows.push_back({entry.terminal_id, z.number, row.section, row.position, row.label,
                        row.count, row.amount_minor});
    if (!rows.empty())
        connection.bulk_insert(
            "z_report_rows",
            {"terminal_id", "number", "section", "position", "label", "count", "amount_minor"},
            rows);
    return problems;
}

std::vector<std::string> store_close(sql::Connection& connection, const Identity& who,
                                     const JournalEntry& entry, std::int64_t entry_id,
                                     const CloseBody& close) {
    std::vector<std::string> problems;
    const auto inserted = connection.query(
        "INSERT INTO till_closes (shift_id, store_code, terminal_id, shift_number, closed_at_ms,"
        " closed_by_id, closed_by_name, cash_count, approved_by_id, approver_name, reason,"
        " entry_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)"
        " ON CONFLICT DO NOTHING RETURNING shift_id",
        {entry.entity_id, who.store_code, entry.terminal_id, close.shift_number, entry.at_ms,
         close.user_id, close.user_name, close.cash_count, close.approved_by, close.approver_name,
         close.reason, entry_id});
    if (inserted.empty()) {
        problems.push_back("the close of shift " + entry.entity_id +
                           " is held already; this one was not counted");
        return problems;
    }
    std::vector<sql::Params> rows;
    std::int64_t position = 0;
    for (const CloseTender& tender : close.tenders) {
        // The difference is what the count says (counted - expected), whatever the body wrote.
        const std::int64_t difference = tender.counted - tender.expected;
        if (difference != tender.difference)
            problems.push_back("the close's " + tender.method + " difference " +
                               std::to_string(tender.difference) + " is not counted - expected (" +
                               std::to_string(difference) + ")");
        rows.push_back({entry.entity_id, ++position, tender.method, tender.expected, tender.counted,
                        difference});
    }
    if (!rows.empty())
        connection.bulk_insert("till_close_tenders",
                               {"shift_id", "position", "method", "expected_minor", "counted_minor",
                                "difference_minor"},
                               rows);
    return problems;
}

}  // namespace

bool is_till_report_kind(std::string_view kind) {
    return kind == "z_report" || kind == "shift_close";
}

std::vector<std::string> fold_till_entry(sql::Connection& connection, const Identity& who,
                                         const JournalEntry& entry, std::int64_t entry_id) {
    const CanonicalFields fields(entry.payload);
    if (entry.kind == "z_report")
        return store_z(connection, who, entry, entry_id, read_z(fields));
    return store_close(connection, who, entry, entry_id, read_close(fields));
}

std::int64_t fold_held_till_entries(sql::Connection& connection) {
    const auto held = connection.query(
        "SELECT j.id, j.store_code, j.terminal_id, j.sequence, j.kind, j.entity_id, j.at_ms,"
        " j.payload FROM journal_entries j WHERE j.kind IN ('z_report', 'shift_close')"
        " AND NOT EXISTS (SELECT z.number FROM z_reports z WHERE z.entry_id = j.id)"
        " AND NOT EXISTS (SELECT c.shift_id FROM till_closes c WHERE c.entry_id = j.id)"
        " ORDER BY j.id");
    std::int64_t folded = 0;
    for (const sql::Row& row : held) {
        const Identity who{row.text(1), row.text(2)};
        const JournalEntry entry{row.text(2),    row.integer(3), row.text(4), row.text(5), "",
                                 row.integer(6), row.text(7),    "",          ""};
        try {
            sql::Transaction transaction(connection);
            fold_till_entry(connection, who, entry, row.integer(0));
            transaction.commit();
            ++folded;
        } catch (const sql::SqlError&) {
            throw;
        } catch (const std::exception&) {
            // Unreadable: left as it is (uploaded since issue 9, it went to the review list).
        }
    }
    return folded;
}

}  // namespace headoffice::detail
