// Private to pos-headoffice (main.cpp): the small demo chain `pos-headoffice demo` sets up, the
// same shape as the tests' head office fixture: tax A 20% and B 5%, stores S001 and S002,
// terminals T01 and T02 in S001 and T11 in S002, staff 1001/1234 (clerk) and 9001/4321 (manager),
// a few dozen products, some of them on order and shelved.
#pragma once

#include <chrono>
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "headoffice/server/head_office.hpp"
#include "pos/barcode.hpp"

namespace headoffice::demo {

struct DemoProduct {
    const char* name;
    const char* department;
    const char* tax_code;
    std::int64_t price_minor;
    bool weighed;
};

inline constexpr DemoProduct demo_products[] = {
    {"Whole milk 1 l", "Dairy", "B", 119, false},
    {"Semi-skimmed milk 1 l", "Dairy", "B", 109, false},
    {"Butter 250 g", "Dairy", "B", 289, false},
    {"Cheddar 400 g", "Dairy", "B", 459, false},
    {"Greek yoghurt 500 g", "Dairy", "B", 249, false},
    {"Free-range eggs x6", "Dairy", "B", 239, false},
    {"White loaf 800 g", "Bakery", "B", 145, false},
    {"Wholemeal loaf 800 g", "Bakery", "B", 165, false},
    {"Croissant", "Bakery", "B", 89, false},
    {"Bananas", "Fruit & veg", "B", 179, true},
    {"Apples Gala", "Fruit & veg", "B", 249, true},
    {"Carrots", "Fruit & veg", "B", 99, true},
    {"Tomatoes on the vine", "Fruit & veg", "B", 399, true},
    {"Potatoes 2.5 kg", "Fruit & veg", "B", 299, false},
    {"Spaghetti 500 g", "Grocery", "B", 129, false},
    {"Basmati rice 1 kg", "Grocery", "B", 279, false},
    {"Chopped tomatoes 400 g", "Grocery", "B", 69, false},
    {"Baked beans 415 g", "Grocery", "B", 99, false},
    {"Olive oil 500 ml", "Grocery", "B", 649, false},
    {"Ground coffee 227 g", "Grocery", "B", 449, false},
    {"Tea bags x80", "Grocery", "B", 329, false},
    {"Digestive biscuits 400 g", "Grocery", "B", 149, false},
    {"Dark chocolate 100 g", "Grocery", "B", 199, false},
    {"Orange juice 1 l", "Drinks", "A", 229, false},
    {"Sparkling water 6 x 1.5 l", "Drinks", "A", 399, false},
    {"Cola 2 l", "Drinks", "A", 249, false},
    {"Red wine 75 cl", "Drinks", "A", 899, false},
    {"Lager 4 x 440 ml", "Drinks", "A", 549, false},
    {"Washing-up liquid 500 ml", "Household", "A", 149, false},
    {"Kitchen roll x2", "Household", "A", 279, false},
    {"Toilet tissue x9", "Household", "A", 499, false},
    {"Laundry liquid 1.5 l", "Household", "A", 899, false},
    {"Toothpaste 75 ml", "Health & beauty", "A", 199, false},
    {"Shampoo 400 ml", "Health & beauty", "A", 349, false},
    {"AA batteries x4", "Household", "A", 599, false},
    {"Newspaper", "News", "B", 250, false},
};

// EAN-13 "2000000000NN" + check digit for packaged goods; weighed goods get a PLU ("4011"...).
inline std::vector<pos::ProductRecord> products() {
    std::vector<pos::ProductRecord> records;
    int plu = 4011;
    int item = 1;
    for (const auto& p : demo_products) {
        pos::ProductRecord record;
        if (p.weighed) {
            record.code = std::to_string(plu++);
        } else {
            std::string digits = std::to_string(400000000000LL + item++);
            record.code = digits + pos::gtin_check_digit(digits);
        }
        record.barcodes = {record.code};
        record.name = p.name;
        record.department = p.department;
        record.tax_code = p.tax_code;
        record.unit_price_minor = p.price_minor;
        record.unit = p.weighed ? pos::UnitOfSale::kilogram : pos::UnitOfSale::each;
        records.push_back(std::move(record));
    }
    return records;
}

// A few products on order and shelved, so the terminals' stock lookups have something to show.
inline pos::Status stock_details(HeadOffice& office) {
    const auto now = std::chrono::system_clock::now().time_since_epoch();
    const std::int64_t today =
        std::chrono::duration_cast<std::chrono::milliseconds>(now).count() / 86'400'000;
    struct Detail {
        std::size_t product;  // index in demo_products
        const char* store;
        std::int64_t on_order_milli;
        int due_in_days;
        const char* location;
    };
    constexpr Detail details[] = {
        {0, "S001", 24'000, 2, "Aisle 1, chiller"},  {3, "S001", 12'000, 3, "Aisle 1, chiller"},
        {18, "S001", 6'000, 5, "Aisle 3, bay 2"},    {19, "S001", 0, 0, "Aisle 3, bay 4"},
        {18, "S002", 0, 0, "Shelf behind the till"}, {26, "S002", 12'000, 4, "Drinks fridge"},
    };
    const auto records = products();
    for (const auto& d : details) {
        const std::string& code = records[d.product].code;
        if (d.on_order_milli > 0) {
            if (auto done =
                    office.set_on_order(d.store, code, d.on_order_milli, today + d.due_in_days);
                !done)
                return done;
        }
        if (auto done = office.set_location(d.store, code, d.location); !done)
            return done;
    }
    return pos::ok();
}

// Sets the chain up; returns (terminal id, enrolment code) for each terminal, or what failed.
inline pos::Result<std::vector<std::pair<std::string, std::string>>> set_up(HeadOffice& office) {
    const std::vector<std::function<pos::Status()>> steps = {
        [&] {
            return office.add_tax_rate({"A", "VAT 20%", pos::Rate{200'000}});
        },
        [&] {
            return office.add_tax_rate({"B", "VAT 5%", pos::Rate{50'000}});
        },
        [&] {
            return office.create_store(
                {"S001",
                 "Counter Demo Store",
                 {{"receipt_header", "High Street 1\nOpen 8:00-20:00, Monday to Saturday"}}});
        },
        [&] {
            return office.create_store({"S002", "Counter Demo Station Kiosk", {}});
        },
        [&] { return office.create_terminal("S001", "T01"); },
        [&] { return office.create_terminal("S001", "T02"); },
        [&] { return office.create_terminal("S002", "T11"); },
        [&] { return office.create_user("1001", "Demo Clerk", pos::Role::clerk, "1234", ""); },
        [&] { return office.create_user("9001", "Demo Manager", pos::Role::manager, "4321", ""); },
        [&] { return office.add_products(products()); },
        [&] { return stock_details(office); },
    };
    for (const auto& step : steps) {
        if (auto done = step(); !done)
            return done.error();
    }
    std::vector<std::pair<std::string, std::string>> codes;
    for (const char* terminal : {"T01", "T02", "T11"}) {
        constexpr std::int64_t one_week_ms = 7LL * 24 * 3600 * 1000;
        auto code = office.issue_enrolment_code(terminal, one_week_ms);
        if (!code)
            return code.error();
        codes.emplace_back(terminal, code.value());
    }
    return codes;
}

}  // namespace headoffice::demo
