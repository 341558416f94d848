// The journal: an append-only, hash-chained record per terminal of every completed ticket, void,
// no-sale, price override, suspend and resume, each with its outbox row for head office. The
// canonical encoding of an entry is defined once, in journal.cpp, and documented in db/README.md.
// Internal to db/.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "db/sqlite.hpp"
#include "db/store.hpp"
#include "pos/canonical_text.hpp"
#include "pos/ports.hpp"
#include "pos/ticket.hpp"

namespace db {

// Every entry's payload starts with these header fields, in this order; "format" is
// journal_format.
inline constexpr std::string_view journal_format = "counter-journal-1";
inline constexpr std::array<std::string_view, 7> header_keys{
    "format", "terminal", "sequence", "kind", "entity", "ticket", "at_ms"};

// The previous hash of a terminal's first entry.
inline constexpr std::string_view genesis_hash =
    "0000000000000000000000000000000000000000000000000000000000000000";

// Lower-case hex SHA-256 (libsodium's crypto_hash_sha256).
std::string sha256_hex(std::string_view data);
// An entry's hash: SHA-256 of its previous hash (64 hex characters) followed by its payload.
std::string entry_hash(std::string_view prev_hash, std::string_view payload);

// The canonical text encoding lives in pos/ (head office reads it too).
using pos::Canonical;
using pos::canonical_field;
using pos::escape_value;
using pos::unescape_value;

// Bodies (the fields after the entry header) for each kind of entry.
// A completed or voided ticket; receipt is empty and receipt_sequence 0 for a voided one.
std::string ticket_body(const pos::Ticket& ticket, const std::string& receipt,
                        std::int64_t receipt_sequence, std::int64_t closed_at_ms);
std::string event_body(const pos::TicketEvent& event);
// An open ticket put aside: its inputs (what was scanned and keyed), as stored for resuming.
std::string suspend_body(const pos::Ticket& ticket, const std::string& label);
// Where and by whom it was suspended, and who resumed it.
struct Resumption {
    std::string suspension_id;  // the suspend entry's entity
    std::string suspended_on;   // terminal
    std::int64_t suspended_at_ms = 0;
    std::string suspended_by;  // clerk name
    std::string label;
    std::int64_t line_count = 0;
    std::int64_t total_minor = 0;
    pos::Clerk resumed_by;
};
std::string resume_body(const Resumption& resumption);

// A new entry, before it is numbered and chained.
struct NewEntry {
    std::string terminal_id;
    // sale, return, exchange, post_void, ticket_void, line_void, no_sale, price_override,
    // suspend, resume, approval, approval_declined
    std::string kind;
    std::string entity_id;  // the ticket id (sale, ticket_void of a whole ticket) or the event id
    std::string ticket_id;  // the ticket it concerns; empty for a no-sale
    std::int64_t at_ms = 0;
    std::string body;  // canonical fields from ticket_body, event_body, ...
};

// Appends entries inside the caller's transaction (one BEGIN IMMEDIATE for the document, its
// journal entry and its outbox row). Statements are prepared once.
class JournalWriter {
  public:
    explicit JournalWriter(Database& db);

    // Numbers the entry (the terminal's next sequence), chains it to the terminal's last hash,
    // writes it and its outbox row, and moves the terminal's head. Returns the sequence.
    // Throws (SqliteError) on failure; the caller's transaction then rolls everything back.
    std::int64_t append(const NewEntry& entry);

    // "entry 4 of T01" when an entry of this kind for this entity exists already.
    std::optional<std::string> existing(std::string_view kind, std::string_view entity_id);

  private:
    Database& db_;
    Statement head_;
    Statement insert_entry_;
    Statement insert_outbox_;
    Statement move_head_;
    Statement existing_;
};

// Walks every terminal's journal in sequence order; see Store::verify_journal.
JournalReport verify_journal(Database& db);

std::int64_t pending_outbox_count(Database& db);

}  // namespace db
