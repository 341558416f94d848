// Shared set-up for the HeadOffice service tests (server_test.cpp, stock_test.cpp): a chain on
// either backend, called directly (no HTTP), and a real terminal store whose journal entries are
// uploaded exactly as the terminal wrote them.
#pragma once

#include <doctest/doctest.h>

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "db/sqlite.hpp"
#include "db/sqlite_store.hpp"
#include "db/store.hpp"
#include "fakes.hpp"
#include "headoffice/server/head_office.hpp"
#include "headoffice/sql/connection.hpp"
#include "pg_server.hpp"
#include "pos/returns.hpp"
#include "pos/ticket.hpp"
#include "temp_dir.hpp"

namespace server_test {

// The moment tickets are rung up at (2023-11-14).
inline constexpr std::int64_t at = 1'700'000'000'000;

inline const char* const milk = "4000000000013";
inline const char* const milk_second_barcode = "4000000000020";
inline const char* const bread = "4000000000037";
inline const char* const wine = "4000000000044";

enum class Backend { sqlite, postgresql };
inline const Backend backends[] = {Backend::sqlite, Backend::postgresql};
inline const char* name_of(Backend backend) {
    return backend == Backend::sqlite ? "SQLite" : "PostgreSQL";
}

inline std::string database_for(Backend backend, const testing_support::TempDir& dir) {
    if (backend == Backend::sqlite)
        return "sqlite:" + (dir / "headoffice.db").string();
    return testing_support::shared_pg_server().new_database();
}

inline pos::ProductRecord product(std::string code, std::string name, std::int64_t cents,
                                  std::string tax_code = "B") {
    pos::ProductRecord record;
    record.code = std::move(code);
    record.name = std::move(name);
    record.department = "Grocery";
    record.tax_code = std::move(tax_code);
    record.unit_price_minor = cents;
    return record;
}

// A chain: tax rates A (20%) and B (5%), stores S001 (T01, T02) and S002 (T11), and the products
// the test terminals sell (milk also scans as a second barcode).
struct Chain {
    explicit Chain(Backend backend)
        : pool(database_for(backend, dir), 4), head_office(pool, clock, ids) {
        REQUIRE(head_office.add_tax_rate({"A", "VAT 20%", pos::Rate{200'000}}));
        REQUIRE(head_office.add_tax_rate({"B", "VAT 5%", pos::Rate{50'000}}));
        REQUIRE(head_office.create_store({"S001", "High Street", {}}));
        REQUIRE(head_office.create_store({"S002", "Station Road", {}}));
        REQUIRE(head_office.create_terminal("S001", "T01"));
        REQUIRE(head_office.create_terminal("S001", "T02"));
        REQUIRE(head_office.create_terminal("S002", "T11"));
        pos::ProductRecord whole_milk = product(milk, "Whole Milk 1 L", 119);
        whole_milk.barcodes = {milk, milk_second_barcode};
        REQUIRE(head_office.add_products({whole_milk, product(bread, "Sourdough Bread", 349),
                                          product(wine, "Rioja Red 75 cl", 899, "A")}));
    }

    // A row count, for "nothing stored changed" checks.
    std::int64_t count(const std::string& table) {
        auto connection = pool.acquire();
        return connection->query("SELECT CAST(COUNT(*) AS BIGINT) FROM " + table).at(0).integer(0);
    }
    std::int64_t level(const std::string& store, const std::string& code) {
        for (const pos::StockLevel& level : head_office.store_stock(store)) {
            if (level.product_code == code)
                return level.quantity_milli;
        }
        return 0;
    }

    testing_support::TempDir dir;
    fakes::Clock clock;
    fakes::Ids ids;
    headoffice::sql::ConnectionPool pool;
    headoffice::HeadOffice head_office;
};

inline const headoffice::Identity t01{"S001", "T01"};
inline const headoffice::Identity t02{"S001", "T02"};
inline const headoffice::Identity t11{"S002", "T11"};

// A terminal's own store (db::SqliteStore in a temp folder) that rings up real tickets; its
// journal entries are what head office receives.
class Till {
  public:
    explicit Till(const std::string& terminal_id) : terminal_id_(terminal_id) {
        auto opened = db::open_sqlite_store(dir_ / "till.db");
        REQUIRE_MESSAGE(opened.ok(), (opened.ok() ? "" : opened.error().message));
        store_ = std::move(opened).value();
        pos::StoreSettings settings;
        settings.store_name = "High Street";
        settings.terminal_id = terminal_id;
        settings.currency = currency();
        REQUIRE(store_->save_settings(settings));
        REQUIRE(store_->add_tax_rate({"A", "VAT 20%", pos::Rate{200'000}}));
        REQUIRE(store_->add_tax_rate({"B", "VAT 5%", pos::Rate{50'000}}));
        REQUIRE(store_->add_products(
            {{{milk, milk_second_barcode},
              "Whole Milk 1 L",
              "Grocery",
              "B",
              119,
              pos::UnitOfSale::each},
             {{bread}, "Sourdough Bread", "Grocery", "B", 349, pos::UnitOfSale::each},
             {{wine}, "Rioja Red 75 cl", "Grocery", "A", 899, pos::UnitOfSale::each}}));
    }

    static pos::Currency currency() { return pos::Currency::of("EUR", 2); }

    // A cash sale of (code, milli-quantity) items, paid exactly; returns the receipt number.
    std::string sell(const std::vector<std::pair<std::string, std::int64_t>>& items) {
        pos::Ticket ticket = empty_ticket();
        for (const auto& [code, milli] : items) {
            const auto found = store_->catalogue().find_by_code(code, at);
            REQUIRE_MESSAGE(found.has_value(), "no product " << code);
            ticket.add_line(new_id(), *found, pos::Quantity{milli});
        }
        ticket.begin_tender();
        ticket.add_payment({new_id(), pos::PaymentMethod::cash, ticket.totals().due, "", ""});
        return complete(ticket);
    }

    // Returns (line index, milli-quantity) of a receipt sold here, refunded in cash.
    std::string give_back(const std::string& receipt,
                          const std::vector<std::pair<std::size_t, std::int64_t>>& lines,
                          pos::Disposition disposition) {
        const auto original = store_->archive().open_for_return(receipt);
        REQUIRE_MESSAGE(original.has_value(), "no receipt " << receipt);
        pos::Ticket ticket = empty_ticket();
        for (const auto& [index, milli] : lines) {
            auto line = pos::make_return_line(*original, index, pos::Quantity{milli},
                                              pos::ReturnReason::changed_mind, disposition, ticket,
                                              new_id());
            REQUIRE_MESSAGE(line.ok(), (line.ok() ? "" : line.error().message));
            ticket.add_return_line(std::move(line).value());
        }
        refund(ticket, *original);
        return complete(ticket);
    }

    // Reverses a sale made here: every line back to stock, every payment given back.
    std::string post_void(const std::string& receipt) {
        const auto original = store_->archive().open_for_return(receipt);
        REQUIRE(original.has_value());
        pos::Ticket ticket = empty_ticket();
        for (std::size_t i = 0; i < original->ticket.lines().size(); ++i) {
            auto line = pos::make_return_line(*original, i, original->ticket.lines()[i].quantity,
                                              pos::ReturnReason::other, pos::Disposition::restock,
                                              ticket, new_id());
            REQUIRE(line.ok());
            ticket.add_return_line(std::move(line).value());
        }
        ticket.set_post_void_of(original->ticket.id(), receipt);
        refund(ticket, *original);
        return complete(ticket);
    }

    // Every journal entry from `from` on, exactly as the terminal wrote it.
    std::vector<headoffice::JournalEntry> journal(std::int64_t from = 1) {
        std::vector<headoffice::JournalEntry> entries;
        db::Statement rows(store_->database(),
                           "SELECT terminal_id, sequence, kind, entity_id, ticket_id, at_ms,"
                           " payload, prev_hash, hash FROM journal WHERE sequence >= ?"
                           " ORDER BY sequence");
        rows.bind_all(from);
        while (rows.step())
            entries.push_back({rows.column_text(0), rows.column_int64(1), rows.column_text(2),
                               rows.column_text(3), rows.column_text(4), rows.column_int64(5),
                               rows.column_text(6), rows.column_text(7), rows.column_text(8)});
        return entries;
    }
    headoffice::UploadRequest upload_from(std::int64_t from = 1) { return {journal(from)}; }

    db::SqliteStore& store() { return *store_; }

  private:
    pos::Ticket empty_ticket() {
        return pos::Ticket(new_id(), terminal_id_, pos::Clerk{7, "Alex Martin"}, currency(),
                           pos::TaxPolicy{}, at);
    }
    void refund(pos::Ticket& ticket, const pos::OriginalTicket& original) {
        ticket.begin_tender();
        const pos::Money owed = -ticket.totals().due;
        auto plan = pos::plan_refund(pos::refund_tenders(original, ticket), owed);
        REQUIRE_MESSAGE(plan.ok(), (plan.ok() ? "" : plan.error().message));
        for (pos::Payment payment : *plan) {
            payment.id = new_id();
            ticket.add_payment(std::move(payment));
        }
    }
    std::string complete(const pos::Ticket& ticket) {
        const auto done = store_->sales().complete_sale(ticket, at + (++tickets_) * 1000);
        REQUIRE_MESSAGE(done.ok(), (done.ok() ? "" : done.error().message));
        return done->receipt_number;
    }
    std::string new_id() { return ids_.new_id(); }

    std::string terminal_id_;
    testing_support::TempDir dir_;
    std::unique_ptr<db::SqliteStore> store_;
    db::SystemClock clock_;
    db::RandomIds ids_{clock_};
    std::int64_t tickets_ = 0;
};

}  // namespace server_test
