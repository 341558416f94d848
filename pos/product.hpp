#pragma once

#include <cstdint>
#include <string>

#include "pos/money.hpp"
#include "pos/quantity.hpp"
#include "pos/tax.hpp"

namespace pos {

struct Product {
    std::int64_t id = 0;
    std::string code;  // the primary barcode or PLU, printed on receipts
    std::string name;
    std::string department;
    TaxRate tax;
    Money unit_price;  // per item, or per kilogram when sold by weight
    UnitOfSale unit = UnitOfSale::each;
};

}  // namespace pos
