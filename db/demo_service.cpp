// The demo store's customer service: customers with loyalty cards and points, the chain's other
// stores with a stock snapshot, what sells together, an open complaint and a special order, so a
// demo terminal's lookup, customer and suggestion screens show something. Written straight into
// the tables (not queued: demo records are never sent to a head office). Deterministic except
// the snapshot's time, which is two hours before now so it reads as "2 h ago".
#include <cstdio>

#include "db/demo_store.hpp"
#include "db/service_rows.hpp"
#include "db/sqlite_store.hpp"
#include "pos/interaction.hpp"

namespace db {

namespace {

constexpr std::int64_t hour_ms = 3'600'000;

std::string demo_id(int n) {
    char id[40];
    std::snprintf(id, sizeof id, "00000000-0000-7000-8000-%012d", n);
    return id;
}

// "S001-000001": a prefix and the next number of the named sequence.
std::string numbered(Database& db, const std::string& prefix, const std::string& sequence) {
    char digits[24];
    std::snprintf(digits, sizeof digits, "%06lld",
                  static_cast<long long>(next_sequence(db, sequence)));
    return prefix + digits;
}

pos::Customer demo_customer(int n, std::string name, std::string phone, std::string email,
                            bool consent_email) {
    pos::Customer c;
    c.id = demo_id(n);
    c.card = pos::new_loyalty_card(n);
    c.name = std::move(name);
    c.phone = std::move(phone);
    c.email = std::move(email);
    c.consent.email = consent_email;
    c.home_store = "S001";
    c.created_at_ms = demo_opened_at_ms;
    c.updated_at_ms = demo_opened_at_ms;
    return c;
}

// How often the fixed demo products sold together (codes, both ways).
struct DemoPair {
    std::string_view code;
    std::string_view other;
    std::int64_t times;
};
constexpr DemoPair demo_pairs[] = {
    {"5012345000015", "5012345000022", 14},  // milk, sourdough
    {"5012345000015", "5012345000077", 9},   // milk, chocolate digestives
    {"5012345000046", "5012345000077", 11},  // coffee, chocolate digestives
    {"5012345000046", "5012345000015", 7},   // coffee, milk
    {"5012345000053", "5012345000039", 4},   // Rioja, milk chocolate
    {"5012345000022", "4011", 5},            // sourdough, bananas
};

void write_people(Database& db, ServiceRows& rows) {
    const pos::Customer customers[] = {
        demo_customer(1, "Ann Smith", "+442079460958", "ann.smith@example.com", true),
        demo_customer(2, "Bob Jones", "+441632960123", "", false),
        demo_customer(3, "Chloe Martin", "", "chloe.martin@example.org", true),
    };
    const std::int64_t points[] = {1250, 80, 400};
    for (int i = 0; i < 3; ++i) {
        rows.write_customer(customers[i]);
        rows.write_loyalty(
            {demo_id(100 + i), customers[i].id, points[i], "", "", "S001", demo_opened_at_ms});
    }
    // Cards issued from here on follow the demo's three.
    for (int i = 0; i < 3; ++i)
        next_sequence(db, "loyalty_card:T01");
}

void write_complaint_and_order(Database& db, ServiceRows& rows, const pos::Currency& currency,
                               std::int64_t now_ms, int utc_offset_minutes) {
    pos::Interaction complaint;
    complaint.id = demo_id(200);
    complaint.number = numbered(db, "S001-", "interaction:S001");
    complaint.kind = pos::InteractionKind::complaint;
    complaint.category = "product quality";
    complaint.customer_id = demo_id(1);
    complaint.customer_name = "Ann Smith";
    complaint.said = "The sourdough loaf bought yesterday was mouldy inside";
    complaint.store_code = "S001";
    complaint.handled_by_name = "Alex Martin";
    complaint.opened_at_ms = now_ms - 3 * hour_ms;
    complaint.updated_at_ms = complaint.opened_at_ms;
    complaint.follow_up_day = pos::local_day(now_ms, utc_offset_minutes) + 2;
    rows.write_interaction(complaint);

    pos::SpecialOrder order;
    order.id = demo_id(300);
    order.number = numbered(db, "SO-T01-", "special_order:T01");
    order.customer_id = demo_id(2);
    order.customer_name = "Bob Jones";
    order.product_code = "5012345000053";
    order.product_name = "Valbrook Rioja Crianza Red Wine 750 ml";
    order.quantity = pos::Quantity::units(12);
    order.unit_price = pos::Money(899, currency);
    order.total = pos::Money(10788, currency);
    order.deposit = pos::Money(2158, currency);  // 20%, rounded up
    order.deposit_held = pos::Money(0, currency);
    order.store_code = "S001";
    order.note = "A case for a birthday party";
    order.created_at_ms = now_ms - 3 * hour_ms;
    order.updated_at_ms = order.created_at_ms;
    rows.write_special_order(order);
}

void write_bought_together(Database& db, pos::Catalogue& catalogue) {
    Statement insert(db,
                     "INSERT INTO bought_together (product_id, other_id, times) VALUES (?, ?, ?)"
                     " ON CONFLICT (product_id, other_id) DO UPDATE SET times = excluded.times");
    for (const DemoPair& pair : demo_pairs) {
        const auto a = catalogue.find_by_code(pair.code, demo_opened_at_ms);
        const auto b = catalogue.find_by_code(pair.other, demo_opened_at_ms);
        if (!a || !b)
            throw pos::StoreFailure("a demo product is missing: " + std::string(pair.code));
        for (const auto& [one, other] : {std::pair{a->id, b->id}, std::pair{b->id, a->id}}) {
            auto use = insert.use();
            insert.bind_all(one, other, pair.times).run();
        }
    }
}

// Own store S001 with shelf locations; S002 and S003 with their figures, some on order.
std::vector<pos::StockLevel> demo_stock(std::int64_t today) {
    return {
        {"S001", "5012345000015", 24000, 0, 0, "Aisle 1, chiller 2"},
        {"S002", "5012345000015", 60000, 0, 0, ""},
        {"S003", "5012345000015", 0, 48000, today + 1, ""},
        {"S001", "5012345000022", 6000, 0, 0, "Bakery, shelf 1"},
        {"S002", "5012345000022", 11000, 0, 0, ""},
        {"S001", "5012345000046", 0, 24000, today + 3, "Aisle 5, bay 3"},
        {"S002", "5012345000046", 7000, 0, 0, ""},
        {"S003", "5012345000046", 2000, 0, 0, ""},
        {"S001", "5012345000053", 2000, 12000, today + 4, "Aisle 9, wine wall"},
        {"S002", "5012345000053", 18000, 0, 0, ""},
        {"S003", "5012345000053", 5000, 0, 0, ""},
        {"S001", "5012345000060", 9000, 0, 0, "Aisle 7, bay 1"},
        {"S003", "5012345000060", 0, 0, 0, ""},
    };
}

}  // namespace

pos::Status add_demo_service_records(Store& store) {
    auto* sqlite = dynamic_cast<SqliteStore*>(&store);
    if (sqlite == nullptr)
        return pos::ok();  // another kind of store: no service records to show
    const pos::StoreSettings settings = store.settings();
    const std::int64_t now_ms = SystemClock().now_ms();
    const std::int64_t today = pos::local_day(now_ms, settings.utc_offset_minutes);
    if (auto saved = store.sync().save_stores(
            {{"S001", settings.store_name}, {"S002", "Riverside"}, {"S003", "Old Town"}});
        !saved)
        return saved;
    if (auto saved = store.sync().save_stock(demo_stock(today), now_ms - 2 * hour_ms); !saved)
        return saved;
    Database& db = sqlite->database();
    try {
        Transaction transaction(db);
        ServiceRows rows(db);
        write_people(db, rows);
        write_complaint_and_order(db, rows, settings.currency, now_ms, settings.utc_offset_minutes);
        write_bought_together(db, store.catalogue());
        transaction.commit();
    } catch (const std::exception& error) {
        return pos::store_failure(std::string("The demo customers could not be written (") +
                                  error.what() + ")");
    }
    return pos::ok();
}

}  // namespace db
