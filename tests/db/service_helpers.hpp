// Set-up shared by the customer-service store tests (migration 6).
#pragma once

#include <memory>
#include <string>

#include "helpers.hpp"

namespace db_test {

// small_store() with store code S001 (terminal T01).
inline std::unique_ptr<db::SqliteStore> service_store(const std::filesystem::path& file) {
    auto store = small_store(file);
    pos::StoreSettings settings = store->settings();
    settings.store_code = "S001";
    REQUIRE(store->save_settings(settings));
    return store;
}

inline pos::Customer customer(std::string name, std::string phone, std::string email = {},
                              std::string card = {}) {
    pos::Customer c;
    c.id = new_id();
    c.name = std::move(name);
    c.phone = std::move(phone);
    c.email = std::move(email);
    c.card = std::move(card);
    c.home_store = "S001";
    c.created_at_ms = at;
    c.updated_at_ms = at;
    return c;
}

// Saves the customer, failing the test with the store's message if it cannot.
inline pos::Customer saved(db::Store& store, pos::Customer c) {
    const auto done = store.customers().save(c);
    REQUIRE_MESSAGE(done.ok(), (done.ok() ? std::string() : done.error().message));
    return c;
}

// A loyalty movement already on the customer's card (e.g. synced from another store).
inline pos::LoyaltyMovement movement(const std::string& customer_id, std::int64_t points) {
    return {new_id(), customer_id, points, "", "", "S002", at};
}

}  // namespace db_test
