// pos-headoffice's customer service commands: what is on order and where it is shelved, the
// stores' hold and transfer requests and head office's answers, customers, interactions and
// special orders.
#include <chrono>
#include <iostream>
#include <memory>

#include "headoffice/server/admin_commands.hpp"
#include "headoffice/server/admin_format_service.hpp"

namespace headoffice::admin {

namespace {

constexpr int exit_refused = 1;
constexpr int exit_usage = 2;

int fail(const pos::Error& error) {
    std::cerr << "pos-headoffice: " << error.message << "\n";
    return exit_refused;
}

int usage(const std::string& message) {
    std::cerr << "pos-headoffice: " << message << "\n";
    return exit_usage;
}

std::int64_t today_utc() {
    const auto now = std::chrono::system_clock::now().time_since_epoch();
    return pos::local_day(std::chrono::duration_cast<std::chrono::milliseconds>(now).count(), 0);
}

std::string joined(const std::vector<std::string>& words) {
    std::string text;
    for (const auto& word : words)
        text += (text.empty() ? "" : " ") + word;
    return text;
}

struct ServiceArguments {
    std::string store, code, quantity, expected, id, status, note, text;
    std::vector<std::string> location;
    bool all = false;
};

void add_order(CLI::App& app, ServiceArguments& a, Command& command) {
    auto* order = app.add_subcommand("order", "goods ordered from the supplier for a store");
    order->add_option("STORE", a.store, "store code")->required();
    order->add_option("CODE", a.code, "product code")->required();
    order->add_option("QTY", a.quantity, "quantity on order: 24 or 1.500 (0: nothing)")->required();
    order->add_option("--expected", a.expected, "day it is due: YYYY-MM-DD or +N days");
    order->callback([&a, &command] {
        command = [&a](HeadOffice& office, sql::ConnectionPool&) {
            const auto milli = parse_milli(a.quantity);
            if (!milli)
                return fail(milli.error());
            std::int64_t day = 0;
            if (!a.expected.empty()) {
                const auto parsed = pos::parse_day(a.expected, today_utc());
                if (!parsed)
                    return fail(pos::bad_input("--expected: " + parsed.error().message));
                day = *parsed;
            } else if (*milli > 0) {
                return usage("order: --expected YYYY-MM-DD is needed for a quantity above 0");
            }
            if (auto done = office.set_on_order(a.store, a.code, *milli, day); !done)
                return fail(done.error());
            std::cout << a.store << " " << a.code << ": " << format_milli(*milli) << " on order"
                      << (day > 0 ? ", expected " + pos::format_day(day) : "") << "\n";
            return 0;
        };
    });
}

void add_locate(CLI::App& app, ServiceArguments& a, Command& command) {
    auto* locate = app.add_subcommand("locate", "where a product is shelved in a store");
    locate->add_option("STORE", a.store, "store code")->required();
    locate->add_option("CODE", a.code, "product code")->required();
    locate->add_option("LOCATION", a.location, "shelf location: Aisle 4, bay 2 (empty: none)");
    locate->callback([&a, &command] {
        command = [&a](HeadOffice& office, sql::ConnectionPool&) {
            const std::string where = joined(a.location);
            if (auto done = office.set_location(a.store, a.code, where); !done)
                return fail(done.error());
            std::cout << a.store << " " << a.code << ": "
                      << (where.empty() ? "no location" : "at " + where) << "\n";
            return 0;
        };
    });
}

void add_requests(CLI::App& app, ServiceArguments& a, Command& command) {
    auto* requests = app.add_subcommand("requests", "list hold and transfer requests");
    requests->add_option("STORE", a.store, "only those asked by or of this store");
    requests->callback([&a, &command] {
        command = [&a](HeadOffice& office, sql::ConnectionPool&) {
            std::cout << requests_table(office.stock_requests(a.store));
            return 0;
        };
    });
    auto* answer = app.add_subcommand("answer-request", "answer a hold or transfer request");
    answer->add_option("ID", a.id, "request id")->required();
    answer->add_option("STATUS", a.status, "accepted, declined, ready, completed or cancelled")
        ->required();
    answer->add_option("--note", a.note, "for the asking store: Held until Saturday");
    answer->callback([&a, &command] {
        command = [&a](HeadOffice& office, sql::ConnectionPool&) {
            const auto status = pos::stock_request_status_from(a.status);
            if (!status) {
                return usage("answer-request: '" + a.status +
                             "' is not a status: use accepted, declined, ready, completed or "
                             "cancelled");
            }
            if (auto done = office.answer_stock_request(a.id, *status, a.note); !done)
                return fail(done.error());
            std::cout << "stock request " << a.id << ": " << pos::to_string(*status) << "\n";
            return 0;
        };
    });
}

void add_lists(CLI::App& app, ServiceArguments& a, Command& command) {
    auto* customers =
        app.add_subcommand("customers", "find customers by name, phone, email or card");
    customers->add_option("TEXT", a.text, "part of a name, phone or email, or a card number")
        ->required();
    customers->callback([&a, &command] {
        command = [&a](HeadOffice& office, sql::ConnectionPool&) {
            std::vector<CustomerLine> lines;
            for (auto& customer : office.find_customers(a.text, 50)) {
                const std::int64_t points = office.customer_points(customer.id);
                lines.push_back({std::move(customer), points});
            }
            std::cout << customers_table(lines);
            return 0;
        };
    });
    auto* interactions = app.add_subcommand("interactions", "list a store's open interactions");
    interactions->add_option("STORE", a.store, "store code (default: every store)");
    interactions->add_flag("--all", a.all, "resolved ones too");
    interactions->callback([&a, &command] {
        command = [&a](HeadOffice& office, sql::ConnectionPool&) {
            std::cout << interactions_table(office.interactions(a.store, a.all));
            return 0;
        };
    });
    auto* orders = app.add_subcommand("special-orders", "list special orders");
    orders->add_option("STORE", a.store, "store code (default: every store)");
    orders->callback([&a, &command] {
        command = [&a](HeadOffice& office, sql::ConnectionPool&) {
            std::cout << special_orders_table(office.special_orders(a.store));
            return 0;
        };
    });
}

}  // namespace

void add_service_commands(CLI::App& app, Command& command) {
    // The options bind to these for the whole run of the program.
    static ServiceArguments arguments;
    add_order(app, arguments, command);
    add_locate(app, arguments, command);
    add_requests(app, arguments, command);
    add_lists(app, arguments, command);
}

}  // namespace headoffice::admin
