// Reading catalogue and price book CSV files for head office. Pure parsing: every row is either a
// record or a rejected row with its line number and the reason, in words an admin understands
// ("line 7: price '12,50' is not an amount: use 12.50"). HeadOffice::import_* stores the records.
#pragma once

#include <string_view>
#include <vector>

#include "headoffice/server/head_office.hpp"
#include "pos/reference_data.hpp"

namespace headoffice {

struct ParsedCatalogue {
    std::vector<pos::ProductRecord> products;
    std::vector<std::int64_t> lines;  // the CSV line of each product, for rejections found later
    std::vector<RejectedRow> rejected;
};
struct ParsedPrices {
    std::vector<pos::PriceRecord> prices;
    std::vector<std::int64_t> lines;
    std::vector<RejectedRow> rejected;
};

// RFC 4180 (quoted fields, doubled quotes, CRLF or LF). Columns are found by the header's names,
// in any order; a missing required column rejects the whole file (line 1). Prices are decimal
// amounts with at most `exponent` decimals ("12.50"), never parsed through floating point.
ParsedCatalogue parse_catalogue_csv(std::string_view csv, int exponent);
ParsedPrices parse_prices_csv(std::string_view csv, int exponent);

}  // namespace headoffice
