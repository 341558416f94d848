// headoffice-bench: head office's figures for issue 7. Starts its own PostgreSQL
// server in a temporary folder (tests/support/pg_server), measures, and prints the machine and
// a table. Figures are reported, never judged by the exit code; a broken path exits 1.
//
// Ingest: --terminals terminals (threads), each a real terminal store that first sells --sales
// real sales (untimed), then uploads its hash-chained journal over its own HTTP transport in
// batches of --batch, all at once, into head office over PostgreSQL: tickets/s. Beside it, the
// same journal rows INSERTed into a fresh PostgreSQL database by as many connections, one
// transaction per row as head office does, and the ratio of the two times.
// First load: the change log gets --products products through bulk_insert (COPY), then a fresh
// terminal runs SyncClient::download_changes: seconds, products/s and the peak RSS while loading.
#define DOCTEST_CONFIG_IMPLEMENT  // the test fixture's REQUIRE checks, outside any test
#include <doctest/doctest.h>

#include <CLI/CLI.hpp>

#include <iostream>
#include <stdexcept>

#include "bench/headoffice_bench.hpp"
#include "bench/report.hpp"

namespace {

using bench::format_count;
using bench::format_fixed;

struct Options {
    int terminals = 50;
    int sales = 100;  // per terminal
    std::size_t batch = 50;
    std::int64_t products = 1'000'000;
};

// A failed fixture check throws instead of aborting, so main reports it and exits 1.
void throw_on_failed_check(const doctest::AssertData& check) {
    throw std::runtime_error(std::string("check failed: ") + check.m_expr + " " +
                             check.m_decomp.c_str());
}

std::string per_second(double count, double seconds) {
    return seconds > 0 ? format_count(static_cast<std::size_t>(count / seconds)) + " /s" : "-";
}

void add_ingest(bench::Table& table, const bench::IngestFigures& f) {
    const std::string n = format_count(static_cast<std::size_t>(f.tickets));
    const auto tickets = static_cast<double>(f.tickets);
    table.add({"ingest over HTTP, " + std::to_string(f.terminals) + " terminals", n,
               format_fixed(f.http_seconds, 2) + " s", per_second(tickets, f.http_seconds)});
    table.add({"same rows INSERTed directly, " + std::to_string(f.terminals) + " connections", n,
               format_fixed(f.direct_seconds, 2) + " s", per_second(tickets, f.direct_seconds)});
    table.add(
        {"ratio direct / HTTP (tickets/s)", "", "",
         f.direct_seconds > 0 ? format_fixed(f.http_seconds / f.direct_seconds, 2) + " x" : "-"});
}

void add_catalogue(bench::Table& table, const bench::CatalogueFigures& f) {
    const std::string n = format_count(static_cast<std::size_t>(f.products));
    const auto products = static_cast<double>(f.products);
    table.add({"change log filled by bulk_insert (COPY)", n, format_fixed(f.fill_seconds, 2) + " s",
               per_second(products, f.fill_seconds)});
    table.add({"first catalogue load to a new terminal", n, format_fixed(f.load_seconds, 2) + " s",
               per_second(products, f.load_seconds)});
    table.add({"peak RSS during the load (one process)", "", "",
               format_fixed(static_cast<double>(f.peak_rss_kib) / 1024.0, 1) + " MiB"});
}

}  // namespace

int main(int argc, char** argv) {
    Options options;
    bool quick = false;
    CLI::App app{"headoffice-bench: head office ingest and first catalogue load"};
    app.add_option("--terminals", options.terminals, "simulated terminals uploading at once");
    app.add_option("--sales", options.sales, "sales each terminal uploads");
    app.add_option("--batch", options.batch, "entries per upload request");
    app.add_option("--products", options.products, "products in the first catalogue load");
    app.add_flag("--quick", quick, "small sizes: a smoke run in seconds");
    CLI11_PARSE(app, argc, argv);
    if (quick) {
        options = {4, 10, 5, 2'000};
    }

    doctest::Context context;
    context.setAsDefaultForAssertsOutOfTestCases();
    context.setAssertHandler(throw_on_failed_check);

    try {
        for (const auto& [what, value] : bench::describe_machine("/tmp")) {
            std::cout << what << ": " << value << "\n";
        }
        std::cout << "\n" << std::flush;
        bench::Table table({"what", "n", "time", "rate"});
        add_ingest(table, bench::measure_ingest(options.terminals, options.sales, options.batch));
        add_catalogue(table, bench::measure_catalogue_load(options.products));
        table.print(std::cout);
        std::cout << "\nHead office: HeadOffice over PostgreSQL 15 (throw-away server, fsync off), "
                     "HTTP on loopback (test fixture: 8 server threads, pool of 12); terminals "
                     "in the same process.\n";
    } catch (const std::exception& failure) {
        std::cerr << "headoffice-bench: " << failure.what() << "\n";
        return 1;
    }
    return 0;
}
