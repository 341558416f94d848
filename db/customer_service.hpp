// The terminal's records of customer service: customers and their loyalty points, interactions
// (inquiries, complaints, requests), special orders, requests to hold or transfer stock, what
// sells together, and the product lookup the floor uses. Every write is one transaction that also
// queues the record for head office (SyncStore::pending_records), so nothing waits for the
// network and nothing is lost when it is down.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "pos/customer.hpp"
#include "pos/interaction.hpp"
#include "pos/ports.hpp"
#include "pos/product.hpp"
#include "pos/result.hpp"
#include "pos/special_order.hpp"
#include "pos/stock_lookup.hpp"
#include "pos/suggestions.hpp"

namespace db {

class CustomerBook {
  public:
    virtual ~CustomerBook() = default;
    // As the clerk types: every word a prefix of a name word, or digits found in the phone
    // (typed "7946 0958" finds "+442079460958"), or the start of the email, or the card exactly.
    // Merged records are never listed. Best matches first (card, phone, email, then name order).
    virtual std::vector<pos::Customer> search(std::string_view text, std::size_t limit) = 0;
    virtual std::optional<pos::Customer> find(const std::string& id) = 0;
    // A scanned loyalty card; nullopt when no live customer has it.
    virtual std::optional<pos::Customer> find_by_card(std::string_view card) = 0;
    // Records that may be the same person (same card, phone or email, or same name): the input
    // for pos::find_duplicates.
    virtual std::vector<pos::Customer> candidates_for(const pos::Customer& customer) = 0;
    // Creates or updates (by id) and queues it for head office. A card already on another live
    // customer is refused naming that customer. Keeps the newer updated_at_ms when applied from
    // head office (see SyncStore::apply_changes); a save from the terminal always wins locally.
    virtual pos::Status save(const pos::Customer& customer) = 0;
    // Merges `duplicate_id` into `keep_id`: keep saved as pos::merged(keep, duplicate), the
    // duplicate marked merged_into keep, its points counted for keep; both queued; one
    // transaction. Refused when either is missing or already merged.
    virtual pos::Result<pos::Customer> merge(const std::string& keep_id,
                                             const std::string& duplicate_id,
                                             std::int64_t at_ms) = 0;
    // Points: the sum of every movement the terminal holds for the customer and the records
    // merged into it.
    virtual std::int64_t points_balance(const std::string& customer_id) = 0;
    virtual std::vector<pos::LoyaltyMovement> points_history(const std::string& customer_id,
                                                             std::size_t limit) = 0;
    // Completed tickets (this store's) naming the customer, newest first.
    virtual std::vector<pos::TicketSummary> purchases(const std::string& customer_id,
                                                      std::size_t limit) = 0;
    // The next number for pos::new_loyalty_card (unique per terminal and never reused).
    virtual std::int64_t next_card_sequence() = 0;
};

class InteractionLog {
  public:
    virtual ~InteractionLog() = default;
    // Stores a new interaction (pos::open_interaction made it), giving it the store's next
    // number ("S001-000042" from the store code), and queues it. Returns it as stored.
    virtual pos::Result<pos::Interaction> open(pos::Interaction interaction) = 0;
    // Stores an update of a known interaction (by id) and queues it; not_found otherwise.
    virtual pos::Status save(const pos::Interaction& interaction) = 0;
    virtual std::optional<pos::Interaction> find(const std::string& id_or_number) = 0;
    // Open and waiting ones of the store, in pos::sort_for_follow_up order.
    virtual std::vector<pos::Interaction> open_for_store(const std::string& store_code,
                                                         std::size_t limit) = 0;
    // Every one of the customer's (any store, as synced), newest first.
    virtual std::vector<pos::Interaction> for_customer(const std::string& customer_id,
                                                       std::size_t limit) = 0;
};

class SpecialOrders {
  public:
    virtual ~SpecialOrders() = default;
    // Stores a new order awaiting its deposit, numbering it "SO-<terminal>-000007"; queued.
    virtual pos::Result<pos::SpecialOrder> create(pos::SpecialOrder order) = 0;
    virtual std::optional<pos::SpecialOrder> find(const std::string& number_or_id) = 0;
    // ordered -> arrived, or any open one -> cancelled (a held deposit then stays held until it
    // is refunded; the message says so). Queued.
    virtual pos::Status set_status(const std::string& number, pos::SpecialOrderStatus status,
                                   std::int64_t at_ms) = 0;
    // Not collected or cancelled, newest first.
    virtual std::vector<pos::SpecialOrder> open_orders(std::size_t limit) = 0;
    virtual std::vector<pos::SpecialOrder> for_customer(const std::string& customer_id,
                                                        std::size_t limit) = 0;
};

class StockRequests {
  public:
    virtual ~StockRequests() = default;
    // Stores a request this terminal made and queues it for head office.
    virtual pos::Status submit(const pos::StockRequest& request) = 0;
    // This store's requests (asked here), newest first, with the status head office sent back.
    virtual std::vector<pos::StockRequest> recent(std::size_t limit) = 0;
    // The asking store withdraws an open request; queued.
    virtual pos::Status cancel(const std::string& id, std::int64_t at_ms) = 0;
};

// A product as the floor looks it up: the catalogue's product (price in effect now) and what
// else is known of it.
struct LookupProduct {
    pos::Product product;
    std::string brand;
    std::vector<std::string> barcodes;  // every code it scans as, the primary first
};

class ProductLookup {
  public:
    virtual ~ProductLookup() = default;
    // A code (any barcode or PLU, after pos::normalise_scanned_code) or the product's code.
    virtual std::optional<LookupProduct> find(std::string_view code, std::int64_t at_ms) = 0;
    // As you type: name words as prefixes (the catalogue's FTS), a brand's start, or the start of
    // a code; at most limit, fast on a million products.
    virtual std::vector<LookupProduct> search(std::string_view text, std::size_t limit,
                                              std::int64_t at_ms) = 0;
    // What sold together with these products (counted as sales complete, this store's own
    // history), for pos::rank_suggestions.
    virtual std::vector<pos::BoughtTogether> bought_together(
        const std::vector<std::int64_t>& product_ids, std::size_t limit_per_product) = 0;
    virtual std::optional<pos::Product> product_by_id(std::int64_t product_id,
                                                      std::int64_t at_ms) = 0;
};

}  // namespace db
