// The Terminal's state for the stock lookup and customer screens (terminal_lookup.cpp,
// terminal_customers.cpp). Internal to counter_ui.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "db/customer_service.hpp"
#include "pos/customer.hpp"
#include "pos/stock_lookup.hpp"
#include "ui/intents.hpp"

namespace ui {

struct LookupDesk {
    std::string search_text;
    std::vector<db::LookupProduct> results;
    std::optional<db::LookupProduct> shown;
    // Head office's live figures for the product shown (LookupLive), and when they came; or why
    // they could not be had (the snapshot is shown, marked).
    std::optional<std::vector<pos::StoreStock>> live;
    std::int64_t live_at_ms = 0;
    std::string live_problem;
};

struct CustomerDesk {
    std::string search_text;
    std::vector<pos::Customer> results;
    std::optional<pos::Customer> shown;
    // A save refused because it looks like these records: the form as it was, and the matches.
    std::optional<SaveCustomer> refused;
    std::vector<pos::DuplicateMatch> duplicates;
};

// The sale screen's suggestions, worked out again only when the ticket's products change.
struct SuggestionCache {
    std::vector<std::int64_t> for_products;
    std::vector<pos::Product> products;
    bool filled = false;
};

}  // namespace ui
