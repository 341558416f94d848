// Verifying the journal: every terminal's entries in sequence order, each payload's header
// against its columns, each hash against its content and the one before, the head and the
// outbox against the entries. The first problem found is named, with where it is.
#include <algorithm>
#include <array>
#include <charconv>
#include <optional>
#include <string>
#include <vector>

#include "db/journal.hpp"

namespace db {

namespace {

struct Header {
    std::string terminal;
    std::int64_t sequence = 0;
    std::string kind;
    std::string entity;
    std::string ticket;
    std::int64_t at_ms = 0;
};

std::optional<std::int64_t> parse_int(std::string_view text) {
    std::int64_t value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size() || text.empty())
        return std::nullopt;
    return value;
}

// The header fields of a payload, or nullopt when its first lines are not the header.
std::optional<Header> parse_header(std::string_view payload) {
    std::array<std::string, header_keys.size()> values;
    std::size_t start = 0;
    for (std::size_t i = 0; i < header_keys.size(); ++i) {
        const std::size_t end = payload.find('\n', start);
        if (end == std::string_view::npos)
            return std::nullopt;
        const std::string_view line = payload.substr(start, end - start);
        const std::string_view key = header_keys[i];
        if (!line.starts_with(key) || line.size() <= key.size() || line[key.size()] != '=')
            return std::nullopt;
        values[i] = unescape_value(line.substr(key.size() + 1));
        start = end + 1;
    }
    const auto sequence = parse_int(values[2]);
    const auto at = parse_int(values[6]);
    if (values[0] != journal_format || !sequence || !at)
        return std::nullopt;
    return Header{values[1], *sequence, values[3], values[4], values[5], *at};
}

std::string entry_of(std::int64_t sequence, const std::string& terminal) {
    return "entry " + std::to_string(sequence) + " of " + terminal;
}

std::string entries_of(std::int64_t first, std::int64_t last, const std::string& terminal) {
    if (first == last)
        return entry_of(first, terminal);
    return "entries " + std::to_string(first) + (last == first + 1 ? " and " : " to ") +
           std::to_string(last) + " of " + terminal;
}

std::string missing(std::int64_t first, std::int64_t last, const std::string& terminal) {
    return entries_of(first, last, terminal) + (first == last ? " is missing" : " are missing");
}

// Where (by sequence column) the entry whose hashed content says it is entry `written` now sits.
std::optional<std::int64_t> position_of_written(Database& db, const std::string& terminal,
                                                std::int64_t written) {
    Statement rows(db,
                   "SELECT sequence, payload FROM journal WHERE terminal_id = ? ORDER BY sequence");
    rows.bind_all(terminal);
    while (rows.step()) {
        const auto header = parse_header(rows.column_text(1));
        if (header && header->sequence == written)
            return rows.column_int64(0);
    }
    return std::nullopt;
}

std::optional<std::int64_t> position_of_hash(Database& db, const std::string& terminal,
                                             const std::string& hash) {
    Statement rows(db,
                   "SELECT sequence FROM journal WHERE terminal_id = ? AND hash = ?"
                   " ORDER BY sequence");
    rows.bind_all(terminal, hash);
    if (!rows.step())
        return std::nullopt;
    return rows.column_int64(0);
}

// The first problem in one terminal's journal, or nullopt; counts the entries checked.
std::optional<std::string> verify_terminal(Database& db, const std::string& terminal,
                                           std::int64_t& checked) {
    Statement rows(db,
                   "SELECT sequence, kind, entity_id, ticket_id, at_ms, payload, prev_hash, hash"
                   " FROM journal WHERE terminal_id = ? ORDER BY sequence");
    rows.bind_all(terminal);
    std::int64_t expected = 1;
    std::string previous_hash(genesis_hash);
    while (rows.step()) {
        const std::int64_t sequence = rows.column_int64(0);
        const std::string payload = rows.column_text(5);
        const std::string prev_hash = rows.column_text(6);
        const std::string hash = rows.column_text(7);
        const std::string entry = entry_of(sequence, terminal);

        if (sequence != expected) {
            if (expected == 1) {
                return missing(1, sequence - 1, terminal) + " (the journal starts at entry " +
                       std::to_string(sequence) + ")";
            }
            return missing(expected, sequence - 1, terminal) + " (sequence jumps from " +
                   std::to_string(expected - 1) + " to " + std::to_string(sequence) + ")";
        }
        if (entry_hash(prev_hash, payload) != hash)
            return entry + " was edited (its hash does not match its content)";
        const auto header = parse_header(payload);
        if (!header) {
            return entry + " was edited (its hash matches, but its content is not a journal " +
                   "entry: it was rewritten and rehashed)";
        }
        if (header->sequence != sequence) {
            const std::int64_t written = header->sequence;
            const auto moved_to = position_of_written(db, terminal, sequence);
            if (!moved_to) {
                return entry + " is missing (the entries after it were renumbered: the entry " +
                       "now at " + std::to_string(sequence) + " was written as entry " +
                       std::to_string(written) + ")";
            }
            const std::int64_t other = *moved_to;
            const std::string pair = "entries " + std::to_string(std::min(sequence, other)) +
                                     " and " + std::to_string(std::max(sequence, other)) + " of " +
                                     terminal + " are out of order";
            if (written == other) {
                return pair + " (they were swapped: the entry at " + std::to_string(sequence) +
                       " was written as entry " + std::to_string(other) + " and the entry at " +
                       std::to_string(other) + " as entry " + std::to_string(sequence) + ")";
            }
            return pair + " (the entry at " + std::to_string(sequence) + " was written as entry " +
                   std::to_string(written) + ", and entry " + std::to_string(sequence) +
                   " now sits at " + std::to_string(other) + ")";
        }
        const auto column_differs = [&]() -> std::optional<std::string_view> {
            if (header->terminal != terminal)
                return "terminal";
            if (header->kind != rows.column_text(1))
                return "kind";
            if (header->entity != rows.column_text(2))
                return "entity";
            if (header->ticket != rows.column_text(3))
                return "ticket";
            if (header->at_ms != rows.column_int64(4))
                return "time";
            return std::nullopt;
        }();
        if (column_differs) {
            return entry + " was edited (its " + std::string(*column_differs) +
                   " column no longer matches its hashed content)";
        }
        if (prev_hash != previous_hash) {
            if (sequence == 1) {
                return entry + " does not start the journal (its previous hash is not 64 zeros: " +
                       "it was chained after an entry that is gone)";
            }
            const auto chained_after = position_of_hash(db, terminal, prev_hash);
            if (chained_after) {
                const std::int64_t other = *chained_after;
                return "entries " + std::to_string(std::min(sequence, other)) + " and " +
                       std::to_string(std::max(sequence, other)) + " of " + terminal +
                       " are out of order (entry " + std::to_string(sequence) +
                       "'s previous hash is entry " + std::to_string(other) +
                       "'s hash, not entry " + std::to_string(sequence - 1) + "'s)";
            }
            return entry_of(sequence - 1, terminal) +
                   " was edited (its content and hash were both rewritten: entry " +
                   std::to_string(sequence) + " was chained to a different hash)";
        }
        previous_hash = hash;
        ++expected;
        ++checked;
    }
    const std::int64_t last = expected - 1;

    // What the terminal recorded writing: the head moved with every entry, and the outbox row
    // written with it. Entries deleted from the end of the journal leave these behind.
    std::int64_t written_up_to = 0;
    std::optional<std::string> head_hash;
    {
        Statement head(db,
                       "SELECT last_sequence, last_hash FROM journal_heads WHERE terminal_id = ?");
        head.bind_all(terminal);
        if (head.step()) {
            written_up_to = head.column_int64(0);
            if (written_up_to == last)
                head_hash = head.column_text(1);
        }
        Statement outbox(db, "SELECT max(sequence) FROM outbox WHERE terminal_id = ?");
        outbox.bind_all(terminal);
        if (outbox.step() && !outbox.column_is_null(0))
            written_up_to = std::max(written_up_to, outbox.column_int64(0));
    }
    if (written_up_to > last) {
        const std::string ends = last == 0 ? "the journal has no entries for " + terminal
                                           : "the journal ends at entry " + std::to_string(last);
        return missing(last + 1, written_up_to, terminal) + " (" + ends + ", but entries up to " +
               std::to_string(written_up_to) + " were written)";
    }
    if (head_hash && *head_hash != previous_hash) {
        return entry_of(last, terminal) +
               " was edited (its content and hash were both rewritten: its hash is not the one "
               "recorded when it was written)";
    }
    return std::nullopt;
}

}  // namespace

JournalReport verify_journal(Database& db) {
    std::vector<std::string> terminals;
    {
        Statement rows(db,
                       "SELECT terminal_id FROM journal UNION SELECT terminal_id FROM journal_heads"
                       " UNION SELECT terminal_id FROM outbox ORDER BY 1");
        while (rows.step())
            terminals.push_back(rows.column_text(0));
    }
    JournalReport report;
    for (const std::string& terminal : terminals) {
        if (auto problem = verify_terminal(db, terminal, report.entries_checked)) {
            report.ok = false;
            report.message = *problem;
            return report;
        }
    }
    report.message = "journal OK: " + std::to_string(report.entries_checked) +
                     (report.entries_checked == 1 ? " entry" : " entries");
    return report;
}

std::int64_t pending_outbox_count(Database& db) {
    return db.query_int("SELECT count(*) FROM outbox WHERE acknowledged_at_ms IS NULL",
                        "counting unsent outbox rows");
}

}  // namespace db
