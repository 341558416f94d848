#pragma once

#include <string>
#include <vector>

#include "pos/money.hpp"
#include "pos/tax.hpp"

namespace pos {

// What a terminal knows about the store it sells in.
struct StoreSettings {
    std::string store_name;
    std::vector<std::string> address_lines;
    std::string tax_id;       // printed on receipts: "VAT reg. GB 123 4567 89"
    std::string terminal_id;  // "T01": prefixes receipt numbers
    Currency currency;
    PricingMode pricing = PricingMode::tax_inclusive;
};

}  // namespace pos
