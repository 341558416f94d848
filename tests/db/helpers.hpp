// Shared set-up for the store tests: a temporary folder per test and a small known catalogue.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "db/sqlite_store.hpp"
#include "db/store.hpp"
#include "pos/returns.hpp"
#include "pos/ticket.hpp"

namespace db_test {

// A fresh folder under the system temp folder, removed with everything in it afterwards.
class TempDir {
  public:
    TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    ~TempDir();

    const std::filesystem::path& path() const { return path_; }
    std::filesystem::path file(const std::string& name) const { return path_ / name; }

  private:
    std::filesystem::path path_;
};

std::string read_bytes(const std::filesystem::path& file);
void write_bytes(const std::filesystem::path& file, const std::string& bytes);

// The moment the tests ring things up at (2023-11-14), unless a test says otherwise.
inline constexpr std::int64_t at = 1'700'000'000'000;

pos::Currency eur();
pos::Money cents(std::int64_t minor);
// A payment with a fresh id.
pos::Payment payment(pos::PaymentMethod method, std::int64_t minor, std::string reference = {},
                     std::string card_last4 = {});
pos::StoreSettings test_settings();

// Opens (and migrates) a store, failing the test with the store's message if it cannot.
std::unique_ptr<db::SqliteStore> open(const std::filesystem::path& file);

// A store holding settings, tax rates A (20%) and B (5%) and four products:
//   4000000000013 "Whole Milk 1 L" B 1.19 (also 4000000000020), 4000000000037 "Sourdough Bread"
//   B 3.49, 4000000000044 "Rioja Red 75 cl" A 8.99, 4011 "Bananas loose" B 1.99/kg.
std::unique_ptr<db::SqliteStore> small_store(const std::filesystem::path& file);

db::NewProduct product(std::string code, std::string name, std::int64_t cents,
                       std::string tax_code = "B");

// A ticket on terminal_id with the given items (code, milli-quantity) from the store's
// catalogue, paid with `cash` and given change, ready for complete_sale.
pos::Ticket paid_ticket(db::Store& store, const std::string& terminal_id,
                        const std::vector<std::pair<std::string, std::int64_t>>& items,
                        std::int64_t cash_minor);

// An open ticket with the given items (code, milli-quantity) from the store's catalogue.
pos::Ticket open_ticket(db::Store& store, const std::string& terminal_id,
                        const std::vector<std::pair<std::string, std::int64_t>>& items);

std::string new_id();

// Every field of every line and payment, the ticket discount, the policy and the totals match.
// What was scanned and keyed on a line: the same after any round trip through the store.
void check_same_line_inputs(const pos::TicketLine& read, const pos::TicketLine& written);
// Everything a completed ticket holds, computed amounts and payments included.
void check_same_content(const pos::Ticket& read, const pos::Ticket& written);

// Completes the ticket at at_ms, failing the test with the store's message if it cannot; returns
// the receipt number.
std::string complete(db::Store& store, const pos::Ticket& ticket, std::int64_t at_ms);

// An open ticket with nothing on it yet, on T01 for the test clerk.
pos::Ticket empty_ticket(const std::string& terminal_id = "T01");

// Adds return lines for (line index, milli-quantity) of the original receipt, as the terminal
// builds them (pos::make_return_line over what the archive says was returned before).
void add_returns(db::Store& store, pos::Ticket& ticket, const std::string& receipt,
                 const std::vector<std::pair<std::size_t, std::int64_t>>& lines,
                 pos::Disposition disposition = pos::Disposition::restock);

// Begins tender and refunds what the ticket owes back to the original's tenders, as
// pos::plan_refund spreads it (cards, then stored value, then cash).
void refund_to_original(db::Store& store, pos::Ticket& ticket, const std::string& receipt);

// Rows in a table, for "nothing was written" checks.
std::int64_t count_rows(db::SqliteStore& store, const std::string& table);
// The first column, as text, of the row `sql` finds for `key` (its one `?`): a stored hash or
// payload to look at. Fails the test when there is no such row.
std::string text_for(db::SqliteStore& store, const std::string& sql, const std::string& key);

// A raw connection to the store's file with no triggers on the journal: an attacker holding the
// file, who can change rows the store itself refuses to change.
db::Database attacker_connection(const std::filesystem::path& file);

}  // namespace db_test
