#include <doctest/doctest.h>
#include <sodium.h>

#include <array>

#include "helpers.hpp"

using db_test::TempDir;

namespace {

constexpr const char* bread = "4000000000037";
constexpr const char* wine = "4000000000044";
const std::string zeros(64, '0');

// SHA-256 as the README defines the chain, computed here without the store's code.
std::string sha256(const std::string& text) {
    REQUIRE(sodium_init() >= 0);
    std::array<unsigned char, crypto_hash_sha256_BYTES> digest{};
    crypto_hash_sha256(digest.data(), reinterpret_cast<const unsigned char*>(text.data()),
                       text.size());
    std::array<char, 2 * crypto_hash_sha256_BYTES + 1> hex{};
    sodium_bin2hex(hex.data(), hex.size(), digest.data(), digest.size());
    return hex.data();
}

struct Entry {
    std::string terminal;
    std::int64_t sequence = 0;
    std::string kind;
    std::string entity;
    std::string payload;
    std::string prev_hash;
    std::string hash;
};

std::vector<Entry> journal(db::SqliteStore& store) {
    db::Statement rows(store.database(),
                       "SELECT terminal_id, sequence, kind, entity_id, payload, prev_hash, hash"
                       " FROM journal ORDER BY terminal_id, sequence");
    std::vector<Entry> entries;
    while (rows.step()) {
        entries.push_back({rows.column_text(0), rows.column_int64(1), rows.column_text(2),
                           rows.column_text(3), rows.column_text(4), rows.column_text(5),
                           rows.column_text(6)});
    }
    return entries;
}

pos::TicketEvent event(pos::EventKind kind, const std::string& ticket_id = {},
                       const std::string& line_id = {}) {
    pos::TicketEvent e;
    e.id = db_test::new_id();
    e.kind = kind;
    e.terminal_id = "T01";
    e.ticket_id = ticket_id;
    e.line_id = line_id;
    e.user_id = 7;
    e.user_name = "Alex Martin";
    e.at_ms = db_test::at;
    return e;
}

// Five cash sales on T01: journal entries 1 to 5.
std::unique_ptr<db::SqliteStore> five_sales(const std::filesystem::path& file) {
    auto store = db_test::small_store(file);
    for (int i = 0; i < 5; ++i) {
        const auto sale = store->sales().complete_sale(
            db_test::paid_ticket(*store, "T01", {{bread, 1000 * (i + 1)}}, 5000), db_test::at + i);
        REQUIRE(sale.ok());
    }
    REQUIRE(store->verify_journal().ok);
    return store;
}

db::JournalReport verify(const std::filesystem::path& file) {
    return db_test::open(file)->verify_journal();
}

}  // namespace

TEST_CASE("Every sale and event appends an entry chained to the one before, per terminal") {
    TempDir dir;
    auto store = db_test::small_store(dir.file("terminal.db"));
    auto& sales = store->sales();
    const pos::Ticket first = db_test::paid_ticket(*store, "T01", {{bread, 1000}}, 500);
    REQUIRE(sales.complete_sale(first, 1).ok());
    REQUIRE(sales.complete_sale(db_test::paid_ticket(*store, "T02", {{wine, 1000}}, 899), 2).ok());
    REQUIRE(store->events().record(event(pos::EventKind::no_sale)));
    pos::TicketEvent line_void = event(pos::EventKind::line_void, "ticket-9", "line-3");
    line_void.amount_minor = 349;
    line_void.reason = "customer changed their mind";
    REQUIRE(store->events().record(line_void));
    pos::TicketEvent price_override = event(pos::EventKind::price_override, "ticket-9", "line-4");
    price_override.approved_by = 9;
    price_override.amount_minor = 799;
    REQUIRE(store->events().record(price_override));
    REQUIRE(store->events().record(event(pos::EventKind::ticket_void, "ticket-9")));
    REQUIRE(sales.complete_sale(db_test::paid_ticket(*store, "T01", {{bread, 2000}}, 698), 3).ok());

    const auto entries = journal(*store);
    REQUIRE(entries.size() == 7);
    std::vector<std::string> t01_kinds;
    std::string previous_t01 = zeros;
    std::string previous_t02 = zeros;
    std::int64_t t01 = 0;
    for (const Entry& entry : entries) {
        INFO(entry.terminal << " entry " << entry.sequence);
        std::string& previous = entry.terminal == "T01" ? previous_t01 : previous_t02;
        CHECK(entry.prev_hash == previous);
        CHECK(entry.hash == sha256(entry.prev_hash + entry.payload));
        CHECK(entry.payload.starts_with("format=counter-journal-1\nterminal=" + entry.terminal +
                                        "\nsequence=" + std::to_string(entry.sequence) +
                                        "\nkind=" + entry.kind + "\n"));
        previous = entry.hash;
        if (entry.terminal == "T01") {
            CHECK(entry.sequence == ++t01);
            t01_kinds.push_back(entry.kind);
        } else {
            CHECK(entry.sequence == 1);
            CHECK(entry.kind == "sale");
        }
    }
    CHECK(t01_kinds == std::vector<std::string>{"sale", "no_sale", "line_void", "price_override",
                                                "ticket_void", "sale"});
    CHECK(entries.front().entity == first.id());
    CHECK(entries[2].entity == line_void.id);

    const db::JournalReport report = store->verify_journal();
    CHECK(report.ok);
    CHECK(report.entries_checked == 7);
    CHECK(report.message == "journal OK: 7 entries");

    // One outbox row per entry, waiting for head office.
    CHECK(store->pending_outbox_count() == 7);
    CHECK(store->database().query_int(
              "SELECT count(*) FROM journal JOIN outbox ON outbox.journal_id = journal.id"
              " AND outbox.terminal_id = journal.terminal_id"
              " AND outbox.sequence = journal.sequence AND outbox.acknowledged_at_ms IS NULL",
              "test") == 7);
}

TEST_CASE("An entry's payload is the documented canonical encoding, and its hash is reproducible") {
    TempDir dir;
    auto store = db_test::small_store(dir.file("terminal.db"));
    pos::TicketEvent no_sale = event(pos::EventKind::no_sale);
    no_sale.id = "0190c6a2-0000-7000-8000-000000000001";
    no_sale.reason = "float\\check\nsecond line\t=ok";
    REQUIRE(store->events().record(no_sale));
    const Entry entry = journal(*store).front();
    const std::string expected =
        "format=counter-journal-1\n"
        "terminal=T01\n"
        "sequence=1\n"
        "kind=no_sale\n"
        "entity=0190c6a2-0000-7000-8000-000000000001\n"
        "ticket=\n"
        "at_ms=1700000000000\n"
        "event.line_id=\n"
        "event.user_id=7\n"
        "event.user_name=Alex Martin\n"
        "event.approved_by=0\n"
        "event.amount=0\n"
        "event.reason=float\\\\check\\nsecond line\\t=ok\n";
    CHECK(entry.payload == expected);
    CHECK(entry.prev_hash == zeros);
    CHECK(entry.hash == sha256(zeros + expected));
}

TEST_CASE(
    "A sale's entry holds the completed ticket: receipt, lines with amounts, payments, totals") {
    TempDir dir;
    auto store = db_test::small_store(dir.file("terminal.db"));
    const pos::Ticket ticket = db_test::paid_ticket(*store, "T01", {{wine, 2000}}, 2000);
    const auto sale = store->sales().complete_sale(ticket, db_test::at + 5);
    REQUIRE(sale.ok());
    const std::string payload = journal(*store).front().payload;
    const std::string id = ticket.id();
    for (const std::string& line :
         std::vector<std::string>{"entity=" + id,
                                  "ticket=" + id,
                                  "at_ms=1700000000005",
                                  "ticket.state=completed",
                                  std::string("ticket.receipt=T01-000001"),
                                  std::string("ticket.receipt_sequence=1"),
                                  std::string("ticket.clerk_name=Alex Martin"),
                                  std::string("ticket.currency=EUR"),
                                  std::string("lines=1"),
                                  "line.1.id=" + ticket.lines()[0].id,
                                  std::string("line.1.code=4000000000044"),
                                  std::string("line.1.name=Rioja Red 75 cl"),
                                  std::string("line.1.quantity_milli=2000"),
                                  std::string("line.1.unit_price=899"),
                                  std::string("line.1.gross=1798"),
                                  std::string("line.1.tax=300"),
                                  std::string("payments=2"),
                                  std::string("payment.1.method=cash"),
                                  std::string("payment.1.amount=2000"),
                                  std::string("payment.2.amount=-202"),
                                  std::string("totals.total=1798"),
                                  std::string("totals.change=202")}) {
        INFO(line);
        CHECK(payload.find("\n" + line + "\n") != std::string::npos);
    }
}

TEST_CASE(
    "A voided ticket is kept with its lines and journaled as a void, without a receipt number") {
    TempDir dir;
    auto store = db_test::small_store(dir.file("terminal.db"));
    pos::Ticket ticket = db_test::open_ticket(*store, "T01", {{wine, 1000}, {bread, 1000}});
    ticket.mark_voided();
    const auto voided = store->sales().complete_sale(ticket, db_test::at);
    REQUIRE_MESSAGE(voided.ok(), voided.error().message);
    CHECK(voided->receipt_number.empty());
    CHECK(voided->sequence == 0);
    CHECK(store->completed_ticket_count() == 0);
    CHECK(store->database().query_text("SELECT state FROM tickets", "test") == "voided");
    CHECK(db_test::count_rows(*store, "ticket_lines") == 2);

    const Entry entry = journal(*store).front();
    CHECK(entry.kind == "ticket_void");
    CHECK(entry.entity == ticket.id());
    CHECK(entry.payload.find("\nticket.state=voided\nticket.receipt=\n") != std::string::npos);
    CHECK(entry.payload.find("\nline.2.name=Sourdough Bread\n") != std::string::npos);

    const auto again = store->sales().complete_sale(ticket, db_test::at);
    REQUIRE_FALSE(again.ok());
    CHECK(again.error().message ==
          "This ticket was already voided; it was not written a second time");
    // The next sale still gets the terminal's first receipt number.
    CHECK(store->sales()
              .complete_sale(db_test::paid_ticket(*store, "T01", {{bread, 1000}}, 349), 2)
              ->receipt_number == "T01-000001");
    CHECK(store->verify_journal().message == "journal OK: 2 entries");
}

TEST_CASE("A completion that fails leaves no journal entry and no outbox row") {
    TempDir dir;
    auto store = db_test::small_store(dir.file("terminal.db"));
    const pos::Ticket first = db_test::paid_ticket(*store, "T01", {{bread, 1000}}, 349);
    REQUIRE(store->sales().complete_sale(first, 1).ok());

    // The second line reuses a line id already on disk: ticket and first line are written before
    // the clash, so all of it must go, the journal entry and outbox row included.
    pos::Ticket clash = db_test::open_ticket(*store, "T01", {{bread, 1000}});
    const auto bread_product = store->catalogue().find_by_code(bread, db_test::at);
    clash.add_line(first.lines().front().id, *bread_product, pos::Quantity::units(1));
    clash.begin_tender();
    clash.add_payment(db_test::payment(pos::PaymentMethod::cash, clash.totals().due.minor()));
    REQUIRE_FALSE(store->sales().complete_sale(clash, 2).ok());

    CHECK(db_test::count_rows(*store, "journal") == 1);
    CHECK(db_test::count_rows(*store, "outbox") == 1);
    CHECK(store->database().query_int("SELECT last_sequence FROM journal_heads", "test") == 1);
    REQUIRE(store->sales()
                .complete_sale(db_test::paid_ticket(*store, "T01", {{bread, 1000}}, 349), 3)
                .ok());
    CHECK(store->verify_journal().message == "journal OK: 2 entries");
}

TEST_CASE("Events with something missing, or recorded twice, are refused and not journaled") {
    TempDir dir;
    auto store = db_test::small_store(dir.file("terminal.db"));
    auto& events = store->events();
    const auto refused = [&](const pos::TicketEvent& e, const std::string& message) {
        const auto recorded = events.record(e);
        REQUIRE_FALSE(recorded.ok());
        CHECK(recorded.error().message == message);
    };
    refused(event(pos::EventKind::line_void, "ticket-1"),
            "The line_void event does not say which line; it was not recorded");
    refused(event(pos::EventKind::ticket_void),
            "The ticket_void event does not say which ticket; it was not recorded");
    refused(event(pos::EventKind::suspend, "ticket-1"),
            "A suspend is recorded by suspending or resuming the ticket (the suspended-tickets "
            "store journals it); it was not recorded");
    pos::TicketEvent no_terminal = event(pos::EventKind::no_sale);
    no_terminal.terminal_id.clear();
    refused(no_terminal, "The no_sale event has no terminal id; it was not recorded");

    const pos::TicketEvent once = event(pos::EventKind::no_sale);
    REQUIRE(events.record(once));
    refused(once,
            "This no_sale was already recorded as entry 1 of T01; it was not recorded a "
            "second time");
    CHECK(db_test::count_rows(*store, "journal") == 1);
}

TEST_CASE("The store refuses to change or delete journal entries, heads and unsent outbox rows") {
    TempDir dir;
    auto store = five_sales(dir.file("terminal.db"));
    db::Database& db = store->database();
    CHECK_THROWS_AS(db.exec("UPDATE journal SET payload = 'x' WHERE sequence = 2", "test"),
                    pos::StoreFailure);
    CHECK_THROWS_AS(db.exec("DELETE FROM journal WHERE sequence = 5", "test"), pos::StoreFailure);
    CHECK_THROWS_AS(db.exec("UPDATE journal_heads SET last_sequence = 2", "test"),
                    pos::StoreFailure);
    CHECK_THROWS_AS(db.exec("DELETE FROM journal_heads", "test"), pos::StoreFailure);
    CHECK_THROWS_AS(db.exec("DELETE FROM outbox WHERE sequence = 1", "test"), pos::StoreFailure);
    CHECK_THROWS_AS(db.exec("UPDATE outbox SET sequence = 9 WHERE sequence = 1", "test"),
                    pos::StoreFailure);

    // Head office's acknowledgement is the one change an outbox row takes, once; then it may go.
    db.exec("UPDATE outbox SET acknowledged_at_ms = 99 WHERE sequence = 1", "test");
    CHECK(store->pending_outbox_count() == 4);
    CHECK_THROWS_AS(
        db.exec("UPDATE outbox SET acknowledged_at_ms = 100 WHERE sequence = 1", "test"),
        pos::StoreFailure);
    db.exec("DELETE FROM outbox WHERE sequence = 1", "test");
    CHECK(store->verify_journal().message == "journal OK: 5 entries");
}

TEST_CASE("verify-journal names an edited entry") {
    TempDir dir;
    const auto file = dir.file("terminal.db");
    five_sales(file);
    auto attacker = db_test::attacker_connection(file);
    std::string message;
    SUBCASE("its content changed") {
        attacker.exec(
            "UPDATE journal SET payload = replace(payload, 'totals.total=1047',"
            " 'totals.total=47') WHERE sequence = 3",
            "tamper");
        message = "entry 3 of T01 was edited (its hash does not match its content)";
    }
    SUBCASE("its time changed in the column only") {
        attacker.exec("UPDATE journal SET at_ms = at_ms + 3600000 WHERE sequence = 3", "tamper");
        message =
            "entry 3 of T01 was edited (its time column no longer matches its hashed "
            "content)";
    }
    SUBCASE("its content changed and its hash recomputed to match") {
        db::Statement rows(attacker, "SELECT prev_hash, payload FROM journal WHERE sequence = 3");
        REQUIRE(rows.step());
        std::string payload = rows.column_text(1);
        const std::string prev = rows.column_text(0);
        rows.reset();
        payload.replace(payload.find("totals.total=1047"), 17, "totals.total=0047");
        db::Statement update(attacker,
                             "UPDATE journal SET payload = ?, hash = ? WHERE sequence = 3");
        update.bind_all(payload, sha256(prev + payload)).run();
        message =
            "entry 3 of T01 was edited (its content and hash were both rewritten: entry 4 "
            "was chained to a different hash)";
    }
    SUBCASE("the last entry's content changed and its hash recomputed to match") {
        db::Statement rows(attacker, "SELECT prev_hash, payload FROM journal WHERE sequence = 5");
        REQUIRE(rows.step());
        std::string payload = rows.column_text(1) + "note=nothing to see\n";
        const std::string prev = rows.column_text(0);
        rows.reset();
        db::Statement update(attacker,
                             "UPDATE journal SET payload = ?, hash = ? WHERE sequence = 5");
        update.bind_all(payload, sha256(prev + payload)).run();
        message =
            "entry 5 of T01 was edited (its content and hash were both rewritten: its hash "
            "is not the one recorded when it was written)";
    }
    const db::JournalReport report = verify(file);
    CHECK_FALSE(report.ok);
    CHECK(report.message == message);
}

TEST_CASE("verify-journal names a deleted entry") {
    TempDir dir;
    const auto file = dir.file("terminal.db");
    five_sales(file);
    auto attacker = db_test::attacker_connection(file);
    std::string message;
    SUBCASE("one in the middle") {
        attacker.exec("DELETE FROM journal WHERE sequence = 3", "tamper");
        message = "entry 3 of T01 is missing (sequence jumps from 2 to 4)";
    }
    SUBCASE("two in the middle") {
        attacker.exec("DELETE FROM journal WHERE sequence IN (3, 4)", "tamper");
        message = "entries 3 and 4 of T01 are missing (sequence jumps from 2 to 5)";
    }
    SUBCASE("the first") {
        attacker.exec("DELETE FROM journal WHERE sequence = 1", "tamper");
        message = "entry 1 of T01 is missing (the journal starts at entry 2)";
    }
    SUBCASE("the last") {
        attacker.exec("DELETE FROM journal WHERE sequence = 5", "tamper");
        message =
            "entry 5 of T01 is missing (the journal ends at entry 4, but entries up to 5 "
            "were written)";
    }
    SUBCASE("the last, with its outbox row, the head moved back") {
        attacker.exec(
            "DROP TRIGGER outbox_kept_until_acknowledged; DROP TRIGGER journal_heads_forward_only;"
            " DELETE FROM journal WHERE sequence = 5; DELETE FROM outbox WHERE sequence = 5;"
            " UPDATE journal_heads SET last_sequence = 4,"
            " last_hash = (SELECT hash FROM journal WHERE sequence = 4)",
            "tamper");
        // Nothing in the file can tell now; head office holds entry 5 (see db/README.md).
        message = "journal OK: 4 entries";
    }
    SUBCASE("one in the middle, the later ones renumbered to close the gap") {
        attacker.exec(
            "DELETE FROM journal WHERE sequence = 3;"
            " UPDATE journal SET sequence = sequence - 1 WHERE sequence > 3",
            "tamper");
        message =
            "entry 3 of T01 is missing (the entries after it were renumbered: the entry now "
            "at 3 was written as entry 4)";
    }
    CHECK(verify(file).message == message);
}

TEST_CASE("verify-journal names entries that were reordered") {
    TempDir dir;
    const auto file = dir.file("terminal.db");
    five_sales(file);
    auto attacker = db_test::attacker_connection(file);
    attacker.exec(
        "UPDATE journal SET sequence = 1000 WHERE sequence = 3;"
        " UPDATE journal SET sequence = 3 WHERE sequence = 4;"
        " UPDATE journal SET sequence = 4 WHERE sequence = 1000",
        "swap entries 3 and 4");
    const db::JournalReport report = verify(file);
    CHECK_FALSE(report.ok);
    CHECK(report.entries_checked == 2);
    CHECK(report.message ==
          "entries 3 and 4 of T01 are out of order (they were swapped: the entry "
          "at 3 was written as entry 4 and the entry at 4 as entry 3)");
}

TEST_CASE("verify-journal names the terminal whose journal is wrong") {
    TempDir dir;
    const auto file = dir.file("terminal.db");
    {
        auto store = db_test::small_store(file);
        for (const char* terminal : {"T01", "T02", "T02"}) {
            REQUIRE(
                store->sales()
                    .complete_sale(db_test::paid_ticket(*store, terminal, {{bread, 1000}}, 349), 1)
                    .ok());
        }
        CHECK(store->verify_journal().message == "journal OK: 3 entries");
    }
    auto attacker = db_test::attacker_connection(file);
    attacker.exec(
        "UPDATE journal SET payload = payload || 'x' WHERE terminal_id = 'T02'"
        " AND sequence = 2",
        "tamper");
    CHECK(verify(file).message ==
          "entry 2 of T02 was edited (its hash does not match its content)");
}
