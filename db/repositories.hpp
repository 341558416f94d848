// The port implementations SqliteStore hands out, each over the store's one connection.
// Internal to db/.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "db/journal.hpp"
#include "db/sqlite.hpp"
#include "db/store.hpp"
#include "pos/ports.hpp"
#include "pos/promotions.hpp"
#include "pos/ticket.hpp"

namespace db {

// catalogue.cpp: products by code and by name, at the price in effect (prices are in `currency`).
std::unique_ptr<pos::Catalogue> make_catalogue(Database& db, const pos::Currency& currency);

// sales.cpp: completed and voided tickets, gift card / store credit debits, journal entry.
std::unique_ptr<pos::SaleStore> make_sale_store(Database& db, JournalWriter& journal);
std::unique_ptr<pos::StoredValue> make_stored_value(Database& db, const pos::Currency& currency);

// archive.cpp: completed tickets read back, opened for returns, searched.
std::unique_ptr<pos::TicketArchive> make_ticket_archive(Database& db,
                                                        const pos::Currency& currency);
// A completed ticket by receipt number, exactly as written.
std::optional<pos::Ticket> read_completed_ticket(Database& db, const std::string& receipt_number);
std::vector<StockMovement> read_stock_movements(Database& db, const std::string& ticket_id);

// users.cpp: staff, PINs, badges and login state.
std::unique_ptr<pos::UserDirectory> make_user_directory(Database& db);

// ticket_events.cpp: voids, no-sales, price overrides; suspended tickets.
std::unique_ptr<pos::EventLog> make_event_log(Database& db, JournalWriter& journal);
std::unique_ptr<pos::SuspendedTickets> make_suspended_tickets(Database& db, JournalWriter& journal);

// promotions.cpp
// Promotions kept in memory; forget() after this connection writes one.
class PromotionCache : public pos::PromotionSource {
  public:
    virtual void forget() = 0;
};
std::unique_ptr<PromotionCache> make_promotion_source(Database& db);
// Validates and writes (or replaces, by id) one promotion in one transaction.
pos::Status write_promotion(Database& db, const pos::Promotion& promotion);

}  // namespace db
