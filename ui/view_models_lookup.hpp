// View-models of the stock lookup and customer screens, and what the sale and tender screens show
// of them (the attached customer, suggestions). Plain data; see ui/view_models.hpp.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace ui {

// The customer attached to the open ticket, on the sale and tender screens.
struct CustomerBadgeVm {
    std::string name;
    std::string points;  // "1,250 points (12.50)"
};

// "Often bought with": tapping one adds it (AddSuggestion).
struct SuggestionVm {
    std::string code;
    std::string name;
    std::string price;
};

// --- Stock lookup ---

struct LookupResultVm {
    std::string code;
    std::string name;
    std::string detail;  // "Brand · 5012345000015"
    std::string price;
};

// One store's figures for the product shown; own store first.
struct StockRowVm {
    std::string store;       // "S002 Riverside"
    std::string store_code;  // "S002": for a Hold / Transfer request
    bool own = false;
    std::string on_hand;       // "12"
    std::string on_order;      // "6, due 2026-12-01"; empty: none
    std::string location;      // "Aisle 4, bay 2"
    std::string age;           // "3 h ago", "live"
    bool stale = false;        // older than pos::stale_after_ms: drawn as a warning
    bool can_request = false;  // another store with some on hand
};

struct LookupProductVm {
    std::string code;
    std::string name;
    std::string brand;
    std::string price;      // "EUR 1.19" or "EUR 1.99 / kg"
    std::string promotion;  // "3 for 2 (until 2026-12-01)"; empty: none running
    std::string codes;      // every code it scans as
    std::string location;   // this store's shelf; empty: not known
};

// A request to hold or transfer stock, with head office's answer.
struct StockRequestVm {
    std::string what;    // "Hold 1 × Red wine at S002 for Ann Smith"
    std::string status;  // "Requested", "Accepted: Held until Saturday"
    std::string when;    // "14:02"
};

struct LookupVm {
    std::string search_text;
    std::vector<LookupResultVm> results;
    std::optional<LookupProductVm> product;
    std::vector<StockRowVm> stock;
    // Where the figures come from: "Live from head office at 14:02", "Snapshot from 2 h ago",
    // "Head office not reachable: figures from 2 h ago". stock_warning: drawn as a warning.
    std::string stock_source;
    bool stock_warning = false;
    bool can_live = false;                 // enrolled: LookupLive may ask head office
    bool can_add = false;                  // a sale is open to take the product
    std::string customer_name;             // the attached customer, named on a request; empty: none
    std::vector<StockRequestVm> requests;  // this store's recent requests
};

// --- Customers ---

struct CustomerRowVm {
    std::string id;
    std::string name;
    std::string detail;  // "+442079460958 · ann@example.com · LC0000000012"
};

struct CustomerLineVm {  // a dated line of the card: a purchase, a points movement, an interaction
    std::string when;
    std::string text;
    std::string amount;
};

struct CustomerCardVm {
    std::string id;
    std::string name;
    std::string phone;
    std::string email;
    std::string card;
    std::string note;
    bool consent_email = false;
    bool consent_sms = false;
    bool consent_post = false;
    std::string consents;  // "Email, SMS" / "No contact"
    std::string points;    // "1,250 points (12.50)"
    std::string credit;    // "EUR 12.00 (account SC-000001)" / "No store credit"
    std::vector<CustomerLineVm> movements;
    std::vector<CustomerLineVm> purchases;
    std::vector<CustomerLineVm> interactions;
    bool attached = false;  // on the open ticket
};

// A record that looks like the one the clerk tried to save.
struct DuplicateVm {
    std::string id;
    std::string name;
    std::string detail;
    std::string reason;  // "same phone number"
};

struct CustomersVm {
    std::string search_text;
    std::vector<CustomerRowVm> results;
    std::optional<CustomerCardVm> card;
    // A save refused because these look like the same person: nothing was saved.
    std::vector<DuplicateVm> duplicates;
    std::string refused_name;  // the name on the refused form
    bool can_attach = false;   // a sale is open
    std::string attached_id;   // the customer on the open ticket; empty: none
};

}  // namespace ui
