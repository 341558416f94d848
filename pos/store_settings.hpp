#pragma once

#include <string>
#include <vector>

#include "pos/customer.hpp"
#include "pos/money.hpp"
#include "pos/permissions.hpp"
#include "pos/pricing.hpp"
#include "pos/tax.hpp"

namespace pos {

// How the store takes goods back.
struct ReturnPolicy {
    // Without a receipt: refunded at the lowest price the item had in the last N days.
    int lowest_price_days = 30;
    // Without a receipt the refund is store credit, unless the store also allows cash.
    bool no_receipt_cash_allowed = false;
    // Per customer (phone or ID) within limit_days: at most limit_count no-receipt returns and
    // at most limit_minor refunded without a receipt.
    int limit_days = 30;
    int limit_count = 3;
    std::int64_t limit_minor = 10'000;
};

// What a terminal knows about the store it sells in.
struct StoreSettings {
    std::string store_name;
    std::vector<std::string> address_lines;
    std::string tax_id;                       // printed on receipts: "VAT reg. GB 123 4567 89"
    std::vector<std::string> receipt_header;  // under the address: "Open 8-20 daily"
    std::vector<std::string> receipt_footer;  // at the end: "Returns within 30 days ..."
    std::string receipt_logo;  // a picture file printed at the top of receipts; empty: none
    std::string store_code;    // "S001": tells this store's receipts from other stores'
    std::string terminal_id;   // "T01": prefixes receipt numbers
    Currency currency;
    int currency_numeric = 978;  // ISO 4217 numeric (978 EUR): checks prices in GS1 AI 393n
    PricingMode pricing = PricingMode::tax_inclusive;
    TaxRounding tax_rounding = TaxRounding::per_line;
    CashRounding cash_rounding;                    // e.g. {5}: cash totals round to 0.05
    std::int64_t cash_overtender_limit_minor = 0;  // most change a cash tender may need; 0: none
    int utc_offset_minutes = 0;                    // the store's local time, for promotion hours
    PermissionTable permissions = default_permissions();
    ReturnPolicy returns;
    LoyaltyRules loyalty;
    std::int64_t min_deposit_ppm = 200'000;  // special orders: least deposit, share of the total
    // Tills: a count over or short by more than this (per tender) needs Permission::over_short.
    std::int64_t over_short_threshold_minor = 500;
    // Selling needs an open till on the terminal (a shift with its opening cash counted). Off:
    // tickets taken with no till open count in the day's reports but in no shift.
    bool require_open_till = false;

    TaxPolicy tax_policy() const { return {pricing, tax_rounding}; }
};

}  // namespace pos
