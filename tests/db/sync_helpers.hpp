// Building head-office change batches for the sync store tests.
#pragma once

#include <doctest/doctest.h>

#include <map>
#include <string>
#include <type_traits>
#include <variant>
#include <vector>

#include "db/journal.hpp"
#include "db/pin_hash.hpp"
#include "helpers.hpp"
#include "pos/barcode.hpp"

namespace sync_test {

inline constexpr std::int64_t day_ms = 24LL * 60 * 60 * 1000;
inline const std::string milk = "4000000000013";

// A 13-digit GTIN from its first 12 digits.
inline std::string gtin(const std::string& first12) {
    return first12 + std::string(1, pos::gtin_check_digit(first12));
}

inline pos::ProductRecord product(const std::string& code, const std::string& name,
                                  std::int64_t price, const std::string& tax = "B") {
    pos::ProductRecord p;
    p.code = code;
    p.barcodes = {code};
    p.name = name;
    p.department = "Grocery";
    p.tax_code = tax;
    p.unit_price_minor = price;
    return p;
}

inline pos::ReferenceChange change(std::int64_t sequence, pos::ReferenceRecord record) {
    pos::ReferenceChange c;
    c.sequence = sequence;
    c.record = std::move(record);
    std::visit(
        [&](const auto& r) {
            using R = std::decay_t<decltype(r)>;
            if constexpr (std::is_same_v<R, pos::ProductRecord>) {
                c.kind = "product";
                c.key = r.code;
            } else if constexpr (std::is_same_v<R, pos::PromotionRecord>) {
                c.kind = "promotion";
                c.key = r.promotion.id;
            } else if constexpr (std::is_same_v<R, pos::UserRecord>) {
                c.kind = "user";
                c.key = r.code;
            } else if constexpr (std::is_same_v<R, pos::SettingRecord>) {
                c.kind = "setting";
                c.key = r.key;
            } else {
                c.kind = std::string(pos::service_kind(pos::ServiceRecord(r)));
                c.key = r.id;
            }
        },
        c.record);
    return c;
}

inline pos::ReferenceChange deletion(std::int64_t sequence, std::string kind, std::string key) {
    pos::ReferenceChange c;
    c.sequence = sequence;
    c.kind = std::move(kind);
    c.key = std::move(key);
    c.deleted = true;
    return c;
}

inline const std::vector<pos::TaxRate> tax_table = {{"A", "VAT 20%", pos::Rate{200'000}},
                                                    {"B", "VAT 5%", pos::Rate{50'000}},
                                                    {"C", "VAT 10%", pos::Rate{100'000}}};

inline db::ChangeBatch batch(std::int64_t from, std::vector<pos::ReferenceChange> changes,
                             bool reached_end = true) {
    db::ChangeBatch b;
    b.from_cursor = from;
    b.next_cursor = changes.empty() ? from : changes.back().sequence;
    b.reached_end = reached_end;
    b.tax_rates = tax_table;
    b.changes = std::move(changes);
    return b;
}

inline void apply(db::Store& store, const db::ChangeBatch& b) {
    const auto applied = store.sync().apply_changes(b);
    REQUIRE_MESSAGE(applied.ok(), applied.error().message);
    REQUIRE(applied.value());
}

inline pos::PromotionRecord oat_deal() {
    pos::PromotionRecord record;
    record.promotion.id = "oat-2-for-3";
    record.promotion.name = "Any 2 oat drinks for 3.00";
    record.promotion.kind = pos::PromotionKind::mix_and_match;
    record.promotion.buy_quantity = 2;
    record.promotion.deal_price_minor = 300;
    record.product_codes = {"20001", "20002"};
    return record;
}

// Head office's hash of the PIN (made once per PIN: Argon2 is slow on purpose).
inline const std::string& pin_hash_of(const std::string& pin) {
    static std::map<std::string, std::string> made;
    if (!made.contains(pin)) {
        const auto hash = db::hash_pin(pin);
        REQUIRE(hash.ok());
        made[pin] = hash.value();
    }
    return made[pin];
}

inline pos::UserRecord synced_user(const std::string& pin) {
    return {"S100",
            "Sam Supervisor",
            pos::Role::supervisor,
            pin_hash_of(pin),
            db::sha256_hex("BADGE-0100"),
            true};
}

// Everything reference data touches, to show a refused batch left it all as it was.
inline std::string reference_rows(db::SqliteStore& store) {
    return store.database().query_text(
        "SELECT (SELECT group_concat(id || name || tax_code || unit_price, ',') FROM products)"
        " || '|' || (SELECT group_concat(code || product_id, ',') FROM barcodes)"
        " || '|' || (SELECT count(*) FROM prices) || '|' || (SELECT count(*) FROM promotions)"
        " || '|' || (SELECT group_concat(code, ',') FROM users)"
        " || '|' || (SELECT group_concat(key || '=' || value, ',') FROM settings)"
        " || '|' || (SELECT group_concat(code || rate_ppm, ',') FROM tax_rates)",
        "test");
}

}  // namespace sync_test
