// Journal entries a terminal's till sends head office, for the head-office till tests: a Z report
// and a till close written with the terminal's own body functions (db/journal_z.hpp,
// db/journal_till.hpp), chained and hashed as db/journal.cpp does, and a way to spoil one field.
#pragma once

#include <doctest/doctest.h>

#include <string>
#include <utility>

#include "db/journal.hpp"
#include "db/journal_till.hpp"
#include "db/journal_z.hpp"
#include "headoffice/protocol/protocol.hpp"
#include "pos/canonical_text.hpp"
#include "pos/till.hpp"
#include "pos/till_report.hpp"

namespace till_entries {

inline const pos::Currency eur = pos::Currency::of("EUR", 2);
inline pos::Money eur_minor(std::int64_t minor) {
    return pos::Money(minor, eur);
}

// 2026-11-23 08:00 and 21:05 UTC; the business day they fall on.
inline constexpr std::int64_t business_day = 20'780;
inline constexpr std::int64_t day_start_ms = business_day * 86'400'000 + 8 * 3'600'000;
inline constexpr std::int64_t z_at_ms = day_start_ms + 13 * 3'600'000 + 5 * 60'000;

// One terminal's journal: entries numbered from 1 and chained from the genesis hash.
class TerminalJournal {
  public:
    explicit TerminalJournal(std::string terminal_id) : terminal_(std::move(terminal_id)) {}

    headoffice::JournalEntry add(const std::string& kind, const std::string& entity,
                                 std::int64_t at_ms, const std::string& body) {
        pos::Canonical header;
        header.field("format", db::journal_format)
            .field("terminal", terminal_)
            .field("sequence", ++sequence_)
            .field("kind", kind)
            .field("entity", entity)
            .field("ticket", "")
            .field("at_ms", at_ms);
        headoffice::JournalEntry entry{
            terminal_, sequence_, kind, entity, "", at_ms, header.text() + body, prev_hash_, ""};
        entry.hash = db::entry_hash(entry.prev_hash, entry.payload);
        prev_hash_ = entry.hash;
        return entry;
    }

    // The last entry added with `from` replaced by `to` in its payload, re-hashed and chained on
    // (so only its body is wrong).
    headoffice::JournalEntry spoil_last(headoffice::JournalEntry entry, const std::string& from,
                                        const std::string& to) {
        REQUIRE(entry.sequence == sequence_);
        const auto at = entry.payload.find(from);
        REQUIRE_MESSAGE(at != std::string::npos, "no '" << from << "' in the payload");
        entry.payload.replace(at, from.size(), to);
        entry.hash = db::entry_hash(entry.prev_hash, entry.payload);
        prev_hash_ = entry.hash;
        return entry;
    }

  private:
    std::string terminal_;
    std::int64_t sequence_ = 0;
    std::string prev_hash_ = std::string(64, '0');
};

// A day's Z figures with every section filled: two tax rates, cash and card, two clerks, two
// hours.
inline pos::ReportFigures sample_z(const std::string& terminal_id, std::int64_t number) {
    pos::ReportFigures z;
    z.final = true;
    z.number = number;
    z.terminal_id = terminal_id;
    z.business_day = business_day;
    z.from_ms = day_start_ms;
    z.to_ms = z_at_ms;
    z.run_by = "Morgan Lee";
    const std::int64_t sales[][2] = {{5, 12'345}, {1, -899},  {0, 0},     {1, -349}, {7, 11'097},
                                     {1, -120},   {0, 0},     {1, 468},   {2, 238},  {1, 0},
                                     {1, 2'000},  {1, 1'550}, {1, 5'000}, {0, 0}};
    std::size_t row = 0;
    for (const std::string_view label : pos::report_sales_labels) {
        z.sales.push_back({std::string(label), sales[row][0], eur_minor(sales[row][1])});
        ++row;
    }
    z.taxes = {{"A 20%", 3, eur_minor(1'499)}, {"B 5%", 6, eur_minor(212)}};
    z.tenders = {{"Cash", 4, eur_minor(6'097)}, {"Card", 2, eur_minor(5'000)}};
    z.clerks = {{"Alex Martin", 4, eur_minor(8'000)}, {"Sam Taylor", 3, eur_minor(3'097)}};
    z.hours = {{"09:00", 3, eur_minor(4'500)}, {"14:00", 4, eur_minor(6'597)}};
    return z;
}

inline std::string z_entity(const pos::ReportFigures& z) {
    return z.terminal_id + "-Z" + std::to_string(z.number);
}

inline headoffice::JournalEntry z_entry(TerminalJournal& journal, const pos::ReportFigures& z) {
    return journal.add("z_report", z_entity(z), z.to_ms, db::z_report_body(z, 9001, eur));
}

// Shift 3 of the terminal closed by Sam Taylor: cash short 12.30 (expected 245.60, counted
// 233.30), accepted by Morgan Lee; card balanced at 50.00.
inline pos::ShiftClose sample_close(const std::string& terminal_id, const std::string& shift_id) {
    pos::ShiftClose close;
    close.shift_id = shift_id;
    close.terminal_id = terminal_id;
    close.shift_number = 3;
    close.closed_by = 1001;
    close.closed_by_name = "Sam Taylor";
    close.closed_at_ms = day_start_ms + 10 * 3'600'000;
    close.cash_count.counts = {{20'000, 1}, {2'000, 1}, {1'000, 1}, {100, 3}};
    close.tenders = {{pos::PaymentMethod::cash, eur_minor(24'560), eur_minor(23'330)},
                     {pos::PaymentMethod::card, eur_minor(5'000), eur_minor(5'000)}};
    close.approved_by = 9001;
    close.approver_name = "Morgan Lee";
    close.reason = "Paid a delivery from the drawer without a slip";
    return close;
}

inline headoffice::JournalEntry close_entry(TerminalJournal& journal,
                                            const pos::ShiftClose& close) {
    return journal.add("shift_close", close.shift_id, close.closed_at_ms,
                       db::shift_close_body(close, eur));
}

}  // namespace till_entries
