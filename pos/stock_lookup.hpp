// Stock lookup on the floor: what one product has here and in the chain's other stores, how old
// each figure is, what is on order, and requests to hold an item elsewhere or transfer it here.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "pos/result.hpp"

namespace pos {

// One store's figures for a product, as the snapshot (or head office, live) gave them.
struct StoreStock {
    std::string store_code;
    std::string store_name;           // may be empty when not known
    std::int64_t on_hand_milli = 0;   // sellable, in milli-units of sale
    std::int64_t on_order_milli = 0;  // ordered from the supplier, not yet received
    std::int64_t expected_day = 0;    // local day the order is due; 0: unknown
    std::string location;             // shelf location in that store: "Aisle 4, bay 2"
    std::int64_t as_of_ms = 0;        // when head office folded it
    bool live = false;                // asked of head office just now
    friend bool operator==(const StoreStock&, const StoreStock&) = default;
};

// How old a figure is, for people: "just now", "4 min ago", "3 h ago", "2 days ago".
std::string describe_age(std::int64_t as_of_ms, std::int64_t now_ms);
// A snapshot older than this is marked stale on screen.
inline constexpr std::int64_t stale_after_ms = 30LL * 60 * 1000;
// Own store first, then by on-hand descending, then store code.
void sort_for_lookup(std::vector<StoreStock>& rows, std::string_view own_store);

enum class StockRequestKind { hold, transfer };
std::string_view to_string(StockRequestKind kind);  // "hold", "transfer"
std::optional<StockRequestKind> stock_request_kind_from(std::string_view name);

// requested -> accepted | declined; accepted -> ready (held, or shipped for a transfer) ->
// collected (hold) / received (transfer); any open one may be cancelled by the asking store.
enum class StockRequestStatus { requested, accepted, declined, ready, completed, cancelled };
std::string_view to_string(StockRequestStatus status);  // "requested"
std::string_view title(StockRequestStatus status);      // "Requested"
std::optional<StockRequestStatus> stock_request_status_from(std::string_view name);
// Whether head office (or the store holding the stock) may move a request from `from` to `to`.
bool allowed_transition(StockRequestStatus from, StockRequestStatus to);

// Hold: keep `quantity` at from_store for a customer to collect there. Transfer: send it from
// from_store to to_store (the asking store).
struct StockRequest {
    std::string id;  // UUID minted at the asking terminal
    StockRequestKind kind = StockRequestKind::hold;
    std::string product_code;
    std::string product_name;
    std::int64_t quantity_milli = 1000;
    std::string from_store;  // where the stock is
    std::string to_store;    // the asking store
    std::string customer_id;  // may be empty
    std::string customer_name;
    std::string note;
    StockRequestStatus status = StockRequestStatus::requested;
    std::string status_note;  // head office's word: "Held until Saturday", "None left"
    std::int64_t requested_by = 0;
    std::string requested_by_name;
    std::int64_t created_at_ms = 0;
    std::int64_t updated_at_ms = 0;
    friend bool operator==(const StockRequest&, const StockRequest&) = default;
};

// A request as the clerk asked: a quantity ("1", "2"), a store that is not this one and has the
// product in the snapshot. Refused with a message otherwise.
Status check_stock_request(const StockRequest& request, const std::vector<StoreStock>& known);

}  // namespace pos
