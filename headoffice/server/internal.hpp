// Internal to headoffice/server: helpers the HeadOffice files share (hashing, random secrets, the
// change log, stock movements, turning database faults into pos::Result errors).
#pragma once

#include <algorithm>
#include <cstdint>
#include <exception>
#include <string>
#include <string_view>
#include <vector>

#include "headoffice/server/head_office.hpp"
#include "headoffice/sql/connection.hpp"
#include "pos/reference_data.hpp"
#include "pos/result.hpp"
#include "pos/tax.hpp"

namespace headoffice::detail {

// Lower-case hex SHA-256 (libsodium crypto_hash_sha256), as the terminal's db::sha256_hex.
std::string sha256_hex(std::string_view data);
// A journal entry's hash: SHA-256 of its previous hash followed by its payload.
std::string entry_hash(std::string_view prev_hash, std::string_view payload);
// `bytes` random bytes (libsodium randombytes_buf) as lower-case hex.
std::string random_hex(std::size_t bytes);
// A one-time enrolment code people can type: "7KQ2-9XMD" (no 0/O or 1/I).
std::string random_code();

// Runs `work`; a database fault becomes a store_failure naming what was being done.
template <typename T, typename Work>
pos::Result<T> guarded(std::string_view doing, Work&& work) {
    try {
        return work();
    } catch (const std::exception& fault) {
        return pos::store_failure(std::string(doing) + " failed: " + fault.what());
    }
}

// ---- change log (change_log.cpp) ----

// Takes the next change-log sequence (the counter row stays locked until the caller commits, so
// sequences follow commit order) and upserts the row for (kind, key, scope).
void write_change(sql::Connection& connection, std::string_view kind, const std::string& key,
                  const std::string& scope, bool deleted, const pos::ReferenceRecord& record);
// The change log's data column holds the record as encode_record() writes it (protocol.hpp).
std::vector<pos::TaxRate> read_tax_rates(sql::Connection& connection);
// The product as it now stands (barcodes and price book included), for its change-log row.
pos::ProductRecord read_product(sql::Connection& connection, const std::string& code);
// The chain's currency exponent (setting currency_exponent, 2 when unset).
int chain_exponent(sql::Connection& connection);

// ---- stock (stock.cpp) ----

struct Movement {
    std::string reference;  // unique: a movement seen again is not counted twice
    std::string store_code;
    std::string product_code;
    std::string bucket;  // sellable, damaged, vendor_return
    std::int64_t quantity_milli = 0;
    std::string source;  // "journal", "supplier_receipt", "transfer", "count"
};

// Records the movements not already recorded and folds sellable ones into stock levels, in
// product-code order (rows are locked in one order everywhere: no deadlocks). Inside the
// caller's transaction. Returns how many were new.
std::int64_t apply_movements(sql::Connection& connection, std::vector<Movement> movements,
                             std::int64_t at_ms);

// The product a scanned code belongs to (its primary code), or the code itself when head office
// does not know it (a terminal may sell items of its own).
std::string product_code_of(sql::Connection& connection, const std::string& code);

// An admin stock adjustment inside the caller's transaction (checked; a repeated reference
// changes nothing).
pos::Status adjust_in(sql::Connection& connection, const StockAdjustment& adjustment,
                      std::int64_t now);

// ---- on order and shelf locations (stock_details.cpp) ----

// A supplier receipt takes what arrived off what is on order (never below zero; the expected day
// is cleared once nothing is left on order).
void take_off_order(sql::Connection& connection, const std::string& store_code,
                    const std::string& product_code, std::int64_t received_milli, std::int64_t now);

inline bool is_sql_unique_violation(const sql::SqlError& error) {
    return error.kind() == sql::SqlError::Kind::unique_violation;
}

}  // namespace headoffice::detail
