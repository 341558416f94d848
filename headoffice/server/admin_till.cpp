// pos-headoffice's till commands: every store's Z reports, one Z report's figures, and the
// over/short of each till close, as the terminals journaled them.
#include <iostream>

#include "headoffice/server/admin_commands.hpp"
#include "headoffice/server/admin_format_till.hpp"

namespace headoffice::admin {

namespace {

constexpr int exit_refused = 1;

int fail(const pos::Error& error) {
    std::cerr << "pos-headoffice: " << error.message << "\n";
    return exit_refused;
}

struct TillArguments {
    std::string store, terminal;
    std::int64_t number = 0;
};

void add_z_reports(CLI::App& app, TillArguments& a, Command& command) {
    auto* list = app.add_subcommand("z-reports", "list the Z reports the terminals sent");
    list->add_option("STORE", a.store, "store code (default: every store)");
    list->callback([&a, &command] {
        command = [&a](HeadOffice& office, sql::ConnectionPool&) {
            const auto reports = office.z_reports(a.store);
            if (!reports)
                return fail(reports.error());
            std::cout << z_reports_table(*reports);
            return 0;
        };
    });
    auto* one = app.add_subcommand("z-report", "show one Z report's figures");
    one->add_option("STORE", a.store, "store code")->required();
    one->add_option("TERMINAL", a.terminal, "terminal id")->required();
    one->add_option("NUMBER", a.number, "the Z report's number")
        ->required()
        ->check(CLI::PositiveNumber);
    one->callback([&a, &command] {
        command = [&a](HeadOffice& office, sql::ConnectionPool&) {
            const auto report = office.z_report(a.store, a.terminal, a.number);
            if (!report)
                return fail(report.error());
            std::cout << z_report_text(*report);
            return 0;
        };
    });
}

void add_over_short(CLI::App& app, TillArguments& a, Command& command) {
    auto* closes = app.add_subcommand("over-short", "list till closes with over/short per tender");
    closes->add_option("STORE", a.store, "store code (default: every store)");
    closes->callback([&a, &command] {
        command = [&a](HeadOffice& office, sql::ConnectionPool&) {
            const auto found = office.till_closes(a.store);
            if (!found)
                return fail(found.error());
            std::cout << till_closes_text(*found);
            return 0;
        };
    });
}

}  // namespace

void add_till_commands(CLI::App& app, Command& command) {
    // The options bind to these for the whole run of the program.
    static TillArguments arguments;
    add_z_reports(app, arguments, command);
    add_over_short(app, arguments, command);
}

}  // namespace headoffice::admin
