// Upload: every journal entry a terminal sends is checked and stored on its own (one transaction
// each), then folded into the store's sales and stock, and a Z report or till close into
// z_reports and till_closes (till_ingest.cpp). A completed sale is never rejected: an entry whose
// hash or chain does not check out is stored and put on the review list.
#include <optional>

#include "headoffice/server/canonical_fields.hpp"
#include "headoffice/server/head_office.hpp"
#include "headoffice/server/internal.hpp"
#include "headoffice/server/till_internal.hpp"
#include "pos/return_terms.hpp"

namespace headoffice {

namespace {

constexpr std::string_view genesis_hash =
    "0000000000000000000000000000000000000000000000000000000000000000";

using TicketFields = detail::CanonicalFields;

struct ReturnedLine {
    std::string original_receipt;
    std::string original_line_id;
    std::int64_t quantity_milli = 0;
};

// What a completed ticket entry adds to head office's sales and stock.
struct Folded {
    std::string receipt;
    std::string ticket_kind;
    std::int64_t total_minor = 0;
    std::string post_void_of_receipt;
    std::vector<detail::Movement> movements;
    std::vector<ReturnedLine> returned;
};

std::string bucket_of(const std::string& disposition) {
    const auto parsed = pos::disposition_from(disposition);
    if (!parsed)
        throw std::runtime_error("unknown return disposition '" + disposition + "'");
    switch (*parsed) {
        case pos::Disposition::restock:
            return "sellable";
        case pos::Disposition::damaged:
            return "damaged";
        case pos::Disposition::return_to_vendor:
            return "vendor_return";
    }
    return "sellable";
}

// A special order's deposit line (its order number in special_order) sells no goods: nothing moves.
bool is_deposit_line(const TicketFields& ticket, const std::string& prefix) {
    return ticket.has(prefix + "special_order") && !ticket.text(prefix + "special_order").empty();
}

// A sale line takes its quantity out of sellable stock; a return line (a post-void's lines are
// return lines too) puts it into its disposition's bucket, as db/sales.cpp does on the terminal.
Folded fold_ticket(const TicketFields& ticket, const Identity& who, const JournalEntry& entry) {
    Folded folded;
    folded.receipt = ticket.text("ticket.receipt");
    folded.ticket_kind = ticket.text("ticket.kind");
    folded.total_minor = ticket.integer("totals.total");
    folded.post_void_of_receipt = ticket.text("ticket.post_void_of_receipt");
    const std::int64_t lines = ticket.integer("lines");
    for (std::int64_t number = 1; number <= lines; ++number) {
        const std::string p = "line." + std::to_string(number) + ".";
        const std::int64_t quantity = ticket.integer(p + "quantity_milli");
        if (ticket.integer(p + "voided") != 0 || quantity == 0 || is_deposit_line(ticket, p))
            continue;
        const bool returned = ticket.integer(p + "return") != 0;
        detail::Movement movement;
        movement.reference = "journal/" + entry.terminal_id + "/" + std::to_string(entry.sequence) +
                             "/" + std::to_string(number);
        movement.store_code = who.store_code;
        movement.product_code = ticket.text(p + "code");
        movement.bucket = returned ? bucket_of(ticket.text(p + "return.disposition")) : "sellable";
        movement.quantity_milli = returned ? quantity : -quantity;
        movement.source = "journal";
        folded.movements.push_back(std::move(movement));
        if (returned && !ticket.text(p + "return.original_receipt").empty())
            folded.returned.push_back({ticket.text(p + "return.original_receipt"),
                                       ticket.text(p + "return.original_line"), quantity});
    }
    return folded;
}

bool is_ticket_kind(const std::string& kind) {
    return kind == "sale" || kind == "return" || kind == "exchange" || kind == "post_void";
}

// What the checks found wrong with an entry that is stored anyway.
std::vector<std::string> entry_problems(sql::Connection& connection, const JournalEntry& entry) {
    std::vector<std::string> problems;
    const TicketFields header(entry.payload);
    const auto says = [&](const std::string& key) {
        return header.has(key) ? header.text(key) : std::string("(missing)");
    };
    if (says("terminal") != entry.terminal_id ||
        says("sequence") != std::to_string(entry.sequence) || says("kind") != entry.kind ||
        says("entity") != entry.entity_id)
        problems.push_back("the payload's header (terminal " + says("terminal") + ", sequence " +
                           says("sequence") + ", kind " + says("kind") +
                           ") does not match the entry sent");
    if (detail::entry_hash(entry.prev_hash, entry.payload) != entry.hash)
        problems.push_back("hash does not match the entry's content");
    if (entry.sequence == 1) {
        if (entry.prev_hash != genesis_hash)
            problems.push_back("hash chain broken: the first entry does not start the chain");
    } else {
        const auto previous = connection.query(
            "SELECT hash FROM journal_entries WHERE terminal_id = $1 AND sequence = $2",
            {entry.terminal_id, entry.sequence - 1});
        if (!previous.empty() && previous.front().text(0) != entry.prev_hash)
            problems.push_back("hash chain broken: previous hash differs from entry " +
                               std::to_string(entry.sequence - 1) + " held");
    }
    const auto next = connection.query(
        "SELECT prev_hash FROM journal_entries WHERE terminal_id = $1 AND sequence = $2",
        {entry.terminal_id, entry.sequence + 1});
    if (!next.empty() && next.front().text(0) != entry.hash)
        problems.push_back("hash chain broken: entry " + std::to_string(entry.sequence + 1) +
                           " held does not follow this one");
    return problems;
}

void record_anomaly(sql::Connection& connection, const Identity& who, const JournalEntry& entry,
                    const std::string& reason, std::int64_t now) {
    connection.execute(
        "INSERT INTO anomalies (store_code, terminal_id, sequence, reason, payload, hash, at_ms)"
        " VALUES ($1, $2, $3, $4, $5, $6, $7)",
        {who.store_code, entry.terminal_id, entry.sequence, reason, entry.payload, entry.hash,
         now});
}

sql::Value text_or_null(const std::string& text) {
    return text.empty() ? sql::Value(nullptr) : sql::Value(text);
}

// Writes the sales columns, the returned lines and the stock movements of a completed ticket.
void fold_into_sales(sql::Connection& connection, std::int64_t entry_id, const Folded& folded,
                     std::int64_t now) {
    connection.execute(
        "UPDATE journal_entries SET receipt = $1, ticket_kind = $2, total_minor = $3,"
        " post_void_of_receipt = $4 WHERE id = $5",
        {text_or_null(folded.receipt), folded.ticket_kind, folded.total_minor,
         text_or_null(folded.post_void_of_receipt), entry_id});
    std::int64_t number = 0;
    for (const ReturnedLine& line : folded.returned)
        connection.execute(
            "INSERT INTO returned_lines (entry_id, line_number, original_receipt,"
            " original_line_id, quantity_milli) VALUES ($1, $2, $3, $4, $5)",
            {entry_id, ++number, line.original_receipt, line.original_line_id,
             line.quantity_milli});
    detail::apply_movements(connection, folded.movements, now);
}

EntryResult held_outcome(const sql::Row& held, const JournalEntry& entry) {
    if (held.text(1) == entry.hash && held.text(2) == entry.payload &&
        held.text(3) == entry.prev_hash)
        return {entry.sequence, EntryOutcome::repeat, ""};
    return {entry.sequence, EntryOutcome::anomaly,
            "content differs from the entry held (entry " + std::to_string(entry.sequence) +
                " of " + entry.terminal_id + "); the held entry was kept"};
}

std::optional<sql::Row> held_entry(sql::Connection& connection, const JournalEntry& entry) {
    auto found = connection.query(
        "SELECT id, hash, payload, prev_hash FROM journal_entries"
        " WHERE terminal_id = $1 AND sequence = $2",
        {entry.terminal_id, entry.sequence});
    if (found.empty())
        return std::nullopt;
    return found.front();
}

EntryResult apply_entry(sql::Connection& connection, const Identity& who, const JournalEntry& entry,
                        std::int64_t now) {
    sql::Transaction transaction(connection);
    if (const auto held = held_entry(connection, entry)) {
        EntryResult result = held_outcome(*held, entry);
        if (result.outcome == EntryOutcome::anomaly)
            record_anomaly(connection, who, entry, "content differs from the entry held", now);
        transaction.commit();
        return result;
    }
    std::vector<std::string> problems = entry_problems(connection, entry);
    const auto inserted = connection.query(
        "INSERT INTO journal_entries (store_code, terminal_id, sequence, kind, entity_id,"
        " ticket_id, at_ms, payload, prev_hash, hash, received_at_ms)"
        " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) ON CONFLICT DO NOTHING RETURNING "
        "id",
        {who.store_code, entry.terminal_id, entry.sequence, entry.kind, entry.entity_id,
         entry.ticket_id, entry.at_ms, entry.payload, entry.prev_hash, entry.hash, now});
    if (inserted.empty()) {
        // Another upload stored this sequence meanwhile, or another entry holds this document.
        if (const auto held = held_entry(connection, entry)) {
            EntryResult result = held_outcome(*held, entry);
            if (result.outcome == EntryOutcome::anomaly)
                record_anomaly(connection, who, entry, "content differs from the entry held", now);
            transaction.commit();
            return result;
        }
        const std::string reason = "another entry of " + entry.terminal_id + " already holds " +
                                   entry.kind + " " + entry.entity_id + "; this one was not stored";
        record_anomaly(connection, who, entry, reason, now);
        transaction.commit();
        return {entry.sequence, EntryOutcome::anomaly, reason};
    }
    const std::int64_t entry_id = inserted.front().integer(0);
    if (is_ticket_kind(entry.kind)) {
        try {
            const TicketFields ticket(entry.payload);
            if (ticket.text("ticket.state") == "completed")
                fold_into_sales(connection, entry_id, fold_ticket(ticket, who, entry), now);
        } catch (const sql::SqlError&) {
            throw;
        } catch (const std::exception& unreadable) {
            problems.push_back(std::string("the ticket could not be read: ") + unreadable.what());
        }
    }
    if (detail::is_till_report_kind(entry.kind)) {
        try {
            for (std::string& problem : detail::fold_till_entry(connection, who, entry, entry_id))
                problems.push_back(std::move(problem));
        } catch (const sql::SqlError&) {
            throw;
        } catch (const std::exception& unreadable) {
            problems.push_back("the " + entry.kind + " could not be read: " + unreadable.what());
        }
    }
    std::string message;
    for (const std::string& problem : problems) {
        record_anomaly(connection, who, entry, problem, now);
        message += (message.empty() ? "" : "; ") + problem;
    }
    transaction.commit();
    return {entry.sequence, problems.empty() ? EntryOutcome::stored : EntryOutcome::anomaly,
            message};
}

std::int64_t contiguous_through(sql::Connection& connection, const std::string& terminal_id) {
    const auto summary = connection.query(
        "SELECT CAST(COUNT(*) AS BIGINT), CAST(COALESCE(MAX(sequence), 0) AS BIGINT)"
        " FROM journal_entries WHERE terminal_id = $1",
        {terminal_id});
    if (summary.at(0).integer(0) == summary.at(0).integer(1))
        return summary.at(0).integer(1);
    std::int64_t through = 0;
    for (const sql::Row& row :
         connection.query("SELECT sequence FROM journal_entries WHERE terminal_id = $1"
                          " ORDER BY sequence",
                          {terminal_id})) {
        if (row.integer(0) != through + 1)
            break;
        through = row.integer(0);
    }
    return through;
}

}  // namespace

pos::Result<UploadReply> HeadOffice::upload(const Identity& who, const UploadRequest& request) {
    if (request.entries.size() > max_upload_batch)
        return pos::bad_input("An upload holds at most " + std::to_string(max_upload_batch) +
                              " entries, not " + std::to_string(request.entries.size()));
    return detail::guarded<UploadReply>(
        "Storing journal entries", [&]() -> pos::Result<UploadReply> {
            auto connection = pool_.acquire();
            UploadReply reply;
            for (const JournalEntry& entry : request.entries) {
                if (entry.terminal_id != who.terminal_id) {
                    reply.results.push_back({entry.sequence, EntryOutcome::refused,
                                             "the entry names terminal " + entry.terminal_id +
                                                 ", but these credentials are "
                                                 "terminal " +
                                                 who.terminal_id + "'s"});
                    continue;
                }
                if (entry.sequence < 1) {
                    reply.results.push_back(
                        {entry.sequence, EntryOutcome::refused, "an entry's sequence starts at 1"});
                    continue;
                }
                reply.results.push_back(apply_entry(*connection, who, entry, clock_.now_ms()));
            }
            reply.contiguous_through = contiguous_through(*connection, who.terminal_id);
            return reply;
        });
}

}  // namespace headoffice
