// Stock lookup: ages people read, the order of stores, requests and their status moves.
#include <doctest/doctest.h>

#include "pos/stock_lookup.hpp"

namespace {

constexpr std::int64_t now = 1'795'000'000'000;
constexpr std::int64_t minute = 60'000;

pos::StoreStock stock(std::string store, std::int64_t on_hand) {
    pos::StoreStock s;
    s.store_code = std::move(store);
    s.on_hand_milli = on_hand;
    return s;
}

pos::StockRequest hold(std::string from, std::int64_t quantity_milli) {
    pos::StockRequest r;
    r.kind = pos::StockRequestKind::hold;
    r.product_code = "4000000000037";
    r.product_name = "Rioja Red 75 cl";
    r.quantity_milli = quantity_milli;
    r.from_store = std::move(from);
    r.to_store = "S001";
    return r;
}

}  // namespace

TEST_CASE("the age of a figure reads in words") {
    CHECK(pos::describe_age(now, now) == "just now");
    CHECK(pos::describe_age(now - 59'000, now) == "just now");
    CHECK(pos::describe_age(now + 5'000, now) == "just now");  // clocks a little apart
    CHECK(pos::describe_age(now - 4 * minute, now) == "4 min ago");
    CHECK(pos::describe_age(now - 3 * 60 * minute - 5, now) == "3 h ago");
    CHECK(pos::describe_age(now - 24 * 60 * minute, now) == "1 day ago");
    CHECK(pos::describe_age(now - 2 * 24 * 60 * minute, now) == "2 days ago");
    CHECK(pos::describe_age(0, now) == "age unknown");
}

TEST_CASE("the own store comes first, then most on hand, then by code") {
    std::vector<pos::StoreStock> rows{stock("S004", 2000), stock("S002", 5000), stock("S001", 0),
                                      stock("S003", 5000)};
    pos::sort_for_lookup(rows, "S001");
    std::vector<std::string> order;
    for (const auto& r : rows)
        order.push_back(r.store_code);
    CHECK(order == std::vector<std::string>{"S001", "S002", "S003", "S004"});
}

TEST_CASE("request statuses move forward only, and any open one may be cancelled") {
    using S = pos::StockRequestStatus;
    CHECK(pos::allowed_transition(S::requested, S::accepted));
    CHECK(pos::allowed_transition(S::requested, S::declined));
    CHECK(pos::allowed_transition(S::accepted, S::ready));
    CHECK(pos::allowed_transition(S::ready, S::completed));
    CHECK(pos::allowed_transition(S::requested, S::cancelled));
    CHECK(pos::allowed_transition(S::accepted, S::cancelled));
    CHECK(pos::allowed_transition(S::ready, S::cancelled));
    CHECK_FALSE(pos::allowed_transition(S::requested, S::ready));
    CHECK_FALSE(pos::allowed_transition(S::declined, S::accepted));
    CHECK_FALSE(pos::allowed_transition(S::completed, S::cancelled));
    CHECK_FALSE(pos::allowed_transition(S::cancelled, S::requested));
    CHECK_FALSE(pos::allowed_transition(S::ready, S::accepted));
    CHECK(pos::to_string(S::ready) == "ready");
    CHECK(pos::title(S::declined) == "Declined");
    CHECK(pos::stock_request_status_from("completed") == S::completed);
    CHECK(pos::stock_request_kind_from("transfer") == pos::StockRequestKind::transfer);
    CHECK_FALSE(pos::stock_request_kind_from("steal").has_value());
}

TEST_CASE("a request is checked against the stores' figures") {
    const std::vector<pos::StoreStock> known{stock("S001", 0), stock("S002", 3000),
                                             stock("S003", 0)};
    CHECK(pos::check_stock_request(hold("S002", 2000), known).ok());
    CHECK(pos::check_stock_request(hold("S002", 3000), known).ok());

    CHECK(pos::check_stock_request(hold("S002", 4000), known).error().message ==
          "store S002 has only 3 of Rioja Red 75 cl; 4 asked");
    CHECK(pos::check_stock_request(hold("S003", 1000), known).error().message ==
          "store S003 has no Rioja Red 75 cl (4000000000037) in the latest figures");
    CHECK(pos::check_stock_request(hold("S009", 1000), known).error().message ==
          "store S009 has no Rioja Red 75 cl (4000000000037) in the latest figures");
    CHECK(pos::check_stock_request(hold("S001", 1000), known).error().message ==
          "store S001 is this store: ask another store for a hold");
    CHECK(pos::check_stock_request(hold("S002", 0), known).error().message ==
          "quantity 0: ask for a whole number of items, 1 or more");
    CHECK(pos::check_stock_request(hold("S002", 1500), known).error().message ==
          "quantity 1.5: ask for a whole number of items, 1 or more");
    CHECK(pos::check_stock_request(hold("", 1000), known).error().message ==
          "Choose the store that has the item");
    auto transfer = hold("S001", 1000);
    transfer.kind = pos::StockRequestKind::transfer;
    CHECK(pos::check_stock_request(transfer, known).error().message ==
          "store S001 is this store: ask another store for a transfer");
    auto no_product = hold("S002", 1000);
    no_product.product_code.clear();
    CHECK(pos::check_stock_request(no_product, known).error().message ==
          "Look a product up first, then ask for a hold");
}
