// pos-headoffice: head office's server and admin commands. Every command takes --db LOCATION
// (default $COUNTER_HEADOFFICE_DB, else sqlite:headoffice.db) and brings the schema up to date
// first. Exit codes: 0 done, 1 refused or failed (the message says why), 2 usage.
#include <CLI/CLI.hpp>
#include <csignal>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <iostream>
#include <sstream>

#include "headoffice/server/admin_commands.hpp"
#include "headoffice/server/admin_format.hpp"
#include "headoffice/server/demo_chain.hpp"
#include "headoffice/server/http_server.hpp"
#include "headoffice/server/system_ports.hpp"

namespace {

using namespace headoffice;

constexpr int exit_refused = 1;
constexpr int exit_usage = 2;

struct UsageError {
    std::string message;
};

using admin::Command;

int fail(const pos::Error& error) {
    std::cerr << "pos-headoffice: " << error.message << "\n";
    return exit_refused;
}

int done(const pos::Status& status) {
    return status ? 0 : fail(status.error());
}

// Opens the database, migrates it, and runs the command against a HeadOffice over it.
int with_head_office(const std::string& location, std::size_t connections, const Command& run) {
    try {
        sql::migrate(*sql::open_connection(location));
        sql::ConnectionPool pool(location, connections);
        SystemClock clock;
        RandomIds ids;
        HeadOffice office(pool, clock, ids);
        return run(office, pool);
    } catch (const UsageError& usage) {
        std::cerr << "pos-headoffice: " << usage.message << "\n";
        return exit_usage;
    } catch (const std::exception& fault) {
        std::cerr << "pos-headoffice: " << location << ": " << fault.what() << "\n";
        return exit_refused;
    }
}

std::string default_location() {
    const char* from_environment = std::getenv("COUNTER_HEADOFFICE_DB");
    return from_environment && *from_environment ? from_environment : "sqlite:headoffice.db";
}

// ---- serve -----------------------------------------------------------------------------------

int serve(HeadOffice& office, sql::ConnectionPool& pool, const ServerOptions& options) {
    // Block the stop signals before any thread starts, so only sigwait below receives them.
    sigset_t stop_signals;
    sigemptyset(&stop_signals);
    sigaddset(&stop_signals, SIGINT);
    sigaddset(&stop_signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

    HttpServer server(office, options);
    if (auto started = server.start(); !started)
        return fail(started.error());
    const bool tls = !options.certificate_file.empty();
    std::cout << "pos-headoffice listening on " << (tls ? "https" : "http") << "://" << options.host
              << ":" << server.port() << " (storage: " << sql::to_string(pool.dialect()) << ")"
              << std::endl;
    int received = 0;
    sigwait(&stop_signals, &received);
    std::cerr << "pos-headoffice: stopping (signal " << received << ")\n";
    server.stop();
    return 0;
}

// ---- imports ---------------------------------------------------------------------------------

int import_file(const std::string& file,
                const std::function<pos::Result<ImportReport>(const std::string&)>& import) {
    std::ifstream in(file, std::ios::binary);
    std::stringstream text;
    if (!in || !(text << in.rdbuf())) {
        std::cerr << "pos-headoffice: cannot read " << file << "\n";
        return exit_refused;
    }
    const auto report = import(text.str());
    if (!report)
        return fail(report.error());
    std::cout << "accepted " << report->accepted << ", rejected " << report->rejected.size()
              << "\n";
    for (const auto& row : report->rejected)
        std::cout << "line " << row.line << ": " << row.reason << "\n";
    return 0;
}

// ---- the command line ------------------------------------------------------------------------

struct Arguments {
    std::string location = default_location();
    ServerOptions server;
    std::string code, name, store, terminal, to_store, role, pin, badge, rate, file, quantity,
        reference;
    std::vector<std::string> settings;
    int valid_hours = 24;
};

void add_adjustment(CLI::App& app, const char* name, const char* help, StockAdjustment::Kind kind,
                    Arguments& a, Command& command) {
    auto* sub = app.add_subcommand(name, help);
    sub->add_option("STORE", a.store, "store code")->required();
    if (kind == StockAdjustment::Kind::transfer)
        sub->add_option("TO", a.to_store, "receiving store code")->required();
    sub->add_option("CODE", a.code, "product code")->required();
    sub->add_option("QTY", a.quantity, "quantity: 12 or 1.500")->required();
    sub->add_option("--reference", a.reference, "unique reference (delivery note, count sheet)")
        ->required();
    sub->callback([&a, &command, kind] {
        command = [&a, kind](HeadOffice& office, sql::ConnectionPool&) {
            const auto milli = admin::parse_milli(a.quantity);
            if (!milli)
                return fail(milli.error());
            StockAdjustment adjustment;
            adjustment.kind = kind;
            adjustment.reference = a.reference;
            adjustment.store_code = a.store;
            adjustment.to_store_code = a.to_store;
            adjustment.product_code = a.code;
            adjustment.quantity_milli = *milli;
            return done(office.adjust_stock(adjustment));
        };
    });
}

void add_chain_commands(CLI::App& app, Arguments& a, Command& command) {
    app.add_subcommand("init", "create or upgrade the database")->callback([&] {
        command = [&a](HeadOffice&, sql::ConnectionPool&) {
            std::cout << "head office database ready: " << a.location << "\n";
            return 0;
        };
    });
    auto* store = app.add_subcommand("create-store", "add a store");
    store->add_option("CODE", a.code, "store code: 1 to 8 letters or digits")->required();
    store->add_option("--name", a.name, "store name")->required();
    store->add_option("--setting", a.settings, "store setting for its terminals: key=value");
    store->callback([&] {
        command = [&a](HeadOffice& office, sql::ConnectionPool&) {
            NewStore fresh{a.code, a.name, {}};
            for (const auto& setting : a.settings) {
                const auto equals = setting.find('=');
                if (equals == std::string::npos || equals == 0)
                    throw UsageError{"--setting '" + setting + "' is not key=value"};
                fresh.settings.push_back({setting.substr(0, equals), setting.substr(equals + 1)});
            }
            return done(office.create_store(fresh));
        };
    });
    auto* terminal = app.add_subcommand("create-terminal", "add a terminal to a store");
    terminal->add_option("STORE", a.store, "store code")->required();
    terminal->add_option("TERMINAL", a.terminal, "terminal id, unique in the chain")->required();
    terminal->callback([&] {
        command = [&a](HeadOffice& office, sql::ConnectionPool&) {
            return done(office.create_terminal(a.store, a.terminal));
        };
    });
    auto* code = app.add_subcommand("enrolment-code", "issue a one-time enrolment code");
    code->add_option("TERMINAL", a.terminal, "terminal id")->required();
    code->add_option("--valid-hours", a.valid_hours, "how long the code works")
        ->check(CLI::Range(1, 24 * 365));
    code->callback([&] {
        command = [&a](HeadOffice& office, sql::ConnectionPool&) {
            const auto issued =
                office.issue_enrolment_code(a.terminal, std::int64_t{a.valid_hours} * 3'600'000);
            if (!issued)
                return fail(issued.error());
            std::cout << issued.value() << "\n";
            return 0;
        };
    });
    auto* revoke = app.add_subcommand("revoke", "revoke a terminal's credentials");
    revoke->add_option("TERMINAL", a.terminal, "terminal id")->required();
    revoke->callback([&] {
        command = [&a](HeadOffice& office, sql::ConnectionPool&) {
            return done(office.revoke_terminal(a.terminal));
        };
    });
}

void add_reference_commands(CLI::App& app, Arguments& a, Command& command) {
    auto* user = app.add_subcommand("create-user", "add a member of staff");
    user->add_option("CODE", a.code, "staff number")->required();
    user->add_option("--name", a.name, "name")->required();
    user->add_option("--role", a.role, "clerk, supervisor, manager or administrator")->required();
    user->add_option("--pin", a.pin, "PIN")->required();
    user->add_option("--badge", a.badge, "badge barcode");
    user->callback([&] {
        command = [&a](HeadOffice& office, sql::ConnectionPool&) {
            const auto role = pos::role_from(a.role);
            if (!role) {
                throw UsageError{
                    "--role '" + a.role +
                    "' is not a role: use clerk, supervisor, manager or administrator"};
            }
            return done(office.create_user(a.code, a.name, *role, a.pin, a.badge));
        };
    });
    auto* tax = app.add_subcommand("add-tax-rate", "add or change a tax rate");
    tax->add_option("CODE", a.code, "tax code printed on receipts: A")->required();
    tax->add_option("--name", a.name, "name: VAT 20%")->required();
    tax->add_option("--rate", a.rate, "percent: 20 or 5.5")->required();
    tax->callback([&] {
        command = [&a](HeadOffice& office, sql::ConnectionPool&) {
            const auto rate = pos::parse_percent(a.rate);
            if (!rate)
                return fail(pos::bad_input("--rate: " + rate.error().message));
            return done(office.add_tax_rate({a.code, a.name, *rate}));
        };
    });
    for (const bool prices : {false, true}) {
        auto* import = app.add_subcommand(prices ? "import-prices" : "import-catalogue",
                                          prices ? "import a price book CSV: code,price,"
                                                   "effective_from"
                                                 : "import a catalogue CSV: code,name,department,"
                                                   "tax_code,price,unit[,barcodes][,brand]");
        import->add_option("FILE", a.file, "CSV file")->required();
        import->callback([&a, &command, prices] {
            command = [&a, prices](HeadOffice& office, sql::ConnectionPool&) {
                return import_file(a.file, [&](const std::string& text) {
                    return prices ? office.import_prices_csv(text)
                                  : office.import_catalogue_csv(text);
    });
};
}  // namespace
);
}
}

void add_report_commands(CLI::App& app, Arguments& a, Command& command) {
    auto* stock = app.add_subcommand("stock", "show a store's stock");
    stock->add_option("STORE", a.store, "store code")->required();
    stock->callback([&] {
        command = [&a](HeadOffice& office, sql::ConnectionPool&) {
            std::cout << admin::stock_table(office.store_stock(a.store));
            return 0;
        };
    });
    auto* sales = app.add_subcommand("sales", "show a store's sales, gaps and anomalies");
    sales->add_option("STORE", a.store, "store code")->required();
    sales->callback([&] {
        command = [&a](HeadOffice& office, sql::ConnectionPool& pool) {
            const auto sold = office.store_sales(a.store);
            if (!sold)
                return fail(sold.error());
            const int exponent = detail::chain_exponent(*pool.acquire());
            std::cout << admin::sales_report(a.store, *sold, exponent);
            return 0;
        };
    });
    app.add_subcommand("review", "list the anomalies held for review")->callback([&] {
        command = [](HeadOffice& office, sql::ConnectionPool&) {
            std::cout << admin::review_list(office.review_list());
            return 0;
        };
    });
    add_adjustment(app, "receive", "goods received from a supplier",
                   StockAdjustment::Kind::supplier_receipt, a, command);
    add_adjustment(app, "transfer", "goods moved from one store to another",
                   StockAdjustment::Kind::transfer, a, command);
    add_adjustment(app, "count", "a stock count: sets the level", StockAdjustment::Kind::count, a,
                   command);
    app.add_subcommand("demo", "set up a small demo chain and print enrolment codes")
        ->callback([&] {
            command = [](HeadOffice& office, sql::ConnectionPool&) {
                const auto codes = demo::set_up(office);
                if (!codes)
                    return fail(pos::bad_input(codes.error().message +
                                               " (the demo needs a fresh database)"));
                std::cout << "demo chain ready: stores S001 and S002, staff 1001 (PIN 1234) and "
                             "9001 (PIN 4321)\n";
                for (const auto& [terminal, code] : codes.value())
                    std::cout << "enrolment code for " << terminal << ": " << code << "\n";
                return 0;
            };
        });
}

void add_serve(CLI::App& app, Arguments& a, Command& command) {
    auto* serve_command = app.add_subcommand("serve", "serve terminals over HTTP(S)");
    serve_command->add_option("--host", a.server.host, "address to listen on");
    a.server.port = 8080;
    serve_command->add_option("--port", a.server.port, "port (0: any free port)")
        ->check(CLI::Range(0, 65535));
    serve_command->add_option("--cert", a.server.certificate_file, "TLS certificate (PEM)");
    serve_command->add_option("--key", a.server.key_file, "TLS private key (PEM)");
    serve_command->add_option("--threads", a.server.threads, "worker threads")
        ->check(CLI::Range(1, 256));
    serve_command->add_flag("--log", a.server.log_requests, "one line per request on stderr");
    serve_command->callback([&] {
        if (a.server.certificate_file.empty() != a.server.key_file.empty())
            throw CLI::ValidationError("--cert and --key", "TLS needs both --cert and --key");
        command = [&a](HeadOffice& office, sql::ConnectionPool& pool) {
            return serve(office, pool, a.server);
        };
    });
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"pos-headoffice: the Counter POS head office (server and admin commands)"};
    app.fallthrough();  // --db may come before or after the command
    app.require_subcommand(1);
    Arguments a;
    Command command;
    app.add_option("--db", a.location,
                   "database: sqlite:FILE, postgresql://... or host=... (default "
                   "$COUNTER_HEADOFFICE_DB, else sqlite:headoffice.db)");
    add_serve(app, a, command);
    add_chain_commands(app, a, command);
    add_reference_commands(app, a, command);
    add_report_commands(app, a, command);
    admin::add_service_commands(app, command);
    admin::add_till_commands(app, command);
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& error) {
        const int code = app.exit(error);
        return code == 0 ? 0 : exit_usage;
    }
    const std::size_t connections = static_cast<std::size_t>(a.server.threads) + 1;
    return with_head_office(a.location, connections, command);
}
