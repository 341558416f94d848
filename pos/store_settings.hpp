#pragma once

#include <string>
#include <vector>

#include "pos/money.hpp"
#include "pos/pricing.hpp"
#include "pos/tax.hpp"

namespace pos {

// What a terminal knows about the store it sells in.
struct StoreSettings {
    std::string store_name;
    std::vector<std::string> address_lines;
    std::string tax_id;       // printed on receipts: "VAT reg. GB 123 4567 89"
    std::string terminal_id;  // "T01": prefixes receipt numbers
    Currency currency;
    int currency_numeric = 978;  // ISO 4217 numeric (978 EUR): checks prices in GS1 AI 393n
    PricingMode pricing = PricingMode::tax_inclusive;
    TaxRounding tax_rounding = TaxRounding::per_line;
    CashRounding cash_rounding;                    // e.g. {5}: cash totals round to 0.05
    std::int64_t cash_overtender_limit_minor = 0;  // most change a cash tender may need; 0: none
    int utc_offset_minutes = 0;                    // the store's local time, for promotion hours

    TaxPolicy tax_policy() const { return {pricing, tax_rounding}; }
};

}  // namespace pos
