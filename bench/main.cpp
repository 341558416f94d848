// counter-bench: generates (once) a store with a large catalogue, measures what a clerk waits for
// against it, and prints the machine and an aligned table of figures. Figures are reported, never
// judged by the exit code: a slow run still exits 0. A broken path (a scan that fails, a sale the
// store refuses) exits 1.
#include <CLI/CLI.hpp>

#include <chrono>
#include <fstream>
#include <iostream>
#include <set>

#include "bench/bench_store.hpp"
#include "bench/catalogue_generator.hpp"
#include "bench/measure.hpp"
#include "bench/report.hpp"
#include "bench/till_bench.hpp"

#ifndef COUNTER_BENCH_DATA_DIR
#define COUNTER_BENCH_DATA_DIR "bench-data"
#endif
#ifndef COUNTER_POS_TERMINAL
#define COUNTER_POS_TERMINAL "pos-terminal"
#endif

namespace {

using bench::format_count;
using bench::format_fixed;
using bench::format_ms;
using SteadyClock = std::chrono::steady_clock;

const std::vector<std::string> all_parts{"scan", "search", "lookup", "sale", "till", "start"};

struct Options {
    std::size_t products = 1'000'000;
    std::size_t samples = 2'000;
    std::size_t sales = 0;  // 0: samples / 10, at least 10
    std::size_t starts = 5;
    std::size_t promotions = 1'000;
    std::size_t batch = 50'000;
    std::vector<std::string> only = all_parts;
    std::filesystem::path data_dir = COUNTER_BENCH_DATA_DIR;
    std::filesystem::path pos_terminal = COUNTER_POS_TERMINAL;
};

std::string verdict(bool met) {
    return met ? "meets" : "MISSES";
}

std::string mib(long kib) {
    return format_fixed(static_cast<double>(kib) / 1024.0, 1) + " MiB";
}

double seconds_since(SteadyClock::time_point start) {
    return std::chrono::duration<double>(SteadyClock::now() - start).count();
}

double view_ready_ms(const std::string& output) {
    const auto at = output.find("view_ready_ms ");
    return at == std::string::npos ? -1 : std::stod(output.substr(at + 14));
}

void add_timed(bench::Table& table, std::string what, const bench::Summary& s,
               std::string target = "", std::string result = "") {
    table.add({std::move(what), format_count(s.count), format_ms(s.median), format_ms(s.p99),
               format_ms(s.max), std::move(target), std::move(result)});
}

void print_catalogue(const bench::CatalogueGenerator& catalogue, const bench::BenchStore& store,
                     double setup_seconds) {
    const bench::GenerationFigures& f = store.figures;
    const auto per_second = static_cast<std::size_t>(static_cast<double>(f.products) /
                                                     std::max(f.add_products_seconds, 1e-9));
    std::cout << "\ncatalogue\n"
              << "  " << format_count(catalogue.size()) << " products (of "
              << format_count(catalogue.capacity())
              << " possible: " << format_count(catalogue.brand_count()) << " brands, "
              << catalogue.department_count() << " departments, " << catalogue.description_count()
              << " demo descriptions), " << f.promotions << " promotions\n"
              << "  " << (f.reused ? "reused; it was generated " + f.created_at : "generated now")
              << " in " << format_fixed(f.total_seconds, 1) << " s: add_products "
              << format_fixed(f.add_products_seconds, 1) << " s"
              << (f.add_products_cpu_seconds > 0
                      ? " (" + format_fixed(f.add_products_cpu_seconds, 1) + " s of it on a core)"
                      : "")
              << " in " << f.batches << " batches of " << format_count(f.batch_size) << " ("
              << format_count(per_second) << " products/s), building rows "
              << format_fixed(f.rows_seconds, 1) << " s, settings and staff "
              << format_fixed(f.setup_seconds, 1) << " s, promotions "
              << format_fixed(f.promotions_seconds, 1) << " s\n"
              << "  generator set-up (vocabulary and selection) " << format_fixed(setup_seconds, 2)
              << " s\n"
              << "  store " << (store.folder / "terminal.db").string() << ", "
              << format_fixed(static_cast<double>(f.file_bytes) / (1024.0 * 1024.0), 0)
              << " MiB when generated\n"
              << std::flush;
}

void measure_starts(const Options& options, const std::filesystem::path& data_dir,
                    const std::filesystem::path& folder, bench::Table& table) {
    const std::filesystem::path script = data_dir / "start-only.script";
    std::ofstream(script) << "# counter-bench: start the terminal on this store, then stop\n";
    const std::filesystem::path output = data_dir / "start-output.txt";
    const std::string self = std::filesystem::canonical("/proc/self/exe").string();

    bool rss_from_rusage = false;
    const auto peak_rss = [&](const bench::ProcessRun& run) {
        if (run.peak_rss_kib > 0)
            return run.peak_rss_kib;
        rss_from_rusage = true;
        return run.rusage_max_rss_kib;
    };
    std::vector<double> terminal_wall;
    std::vector<double> probe_wall;
    std::vector<double> probe_ready;
    long terminal_rss = 0;
    long probe_rss = 0;
    for (std::size_t r = 0; r < options.starts; ++r) {
        const auto terminal = bench::run_measured(
            {options.pos_terminal.string(), "--data", folder.string(), "--script", script.string()},
            output);
        if (terminal.exit_code != 0) {
            throw std::runtime_error("pos-terminal exited with " +
                                     std::to_string(terminal.exit_code) + ": " + terminal.output);
        }
        terminal_wall.push_back(terminal.wall_ms);
        terminal_rss = std::max(terminal_rss, peak_rss(terminal));

        const auto probe = bench::run_measured({self, "--startup-probe", folder.string()}, output);
        if (probe.exit_code != 0)
            throw std::runtime_error("the start probe failed: " + probe.output);
        probe_wall.push_back(probe.wall_ms);
        probe_ready.push_back(view_ready_ms(probe.output));
        probe_rss = std::max(probe_rss, peak_rss(probe));
    }
    std::filesystem::remove(output);

    constexpr long rss_target_kib = 150 * 1024;
    const std::string rss_label =
        rss_from_rusage ? "  peak RSS (rusage: over-reports)" : "  peak RSS (VmHWM at exit)";
    const auto terminal_start = bench::summarise(terminal_wall);
    const auto probe_start = bench::summarise(probe_wall);
    const auto probe_view = bench::summarise(probe_ready);
    table.add({"start: pos-terminal --script (a comment), wall", format_count(terminal_start.count),
               format_ms(terminal_start.median), "", format_ms(terminal_start.max), "< 1 s",
               verdict(terminal_start.max < 1000.0) + " (max)"});
    table.add({rss_label, "", "", "", mib(terminal_rss), "< 150 MiB",
               verdict(terminal_rss < rss_target_kib)});
    table.add({"start to login view() (probe process), wall", format_count(probe_start.count),
               format_ms(probe_start.median), "", format_ms(probe_start.max), "< 1 s",
               verdict(probe_start.max < 1000.0) + " (max)"});
    table.add({"  main() to first view() built", format_count(probe_view.count),
               format_ms(probe_view.median), "", format_ms(probe_view.max), "", ""});
    table.add(
        {rss_label, "", "", "", mib(probe_rss), "< 150 MiB", verdict(probe_rss < rss_target_kib)});
}

// The till after a day of sales: its running totals, the X report, the close and the Z.
void measure_till_part(db::Store& store, const bench::CatalogueGenerator& catalogue,
                       const std::filesystem::path& folder, std::size_t sales, std::size_t samples,
                       bench::Table& table) {
    const auto till = bench::measure_till(store, catalogue, folder, sales, samples);
    const auto totals = bench::summarise(till.shift_totals);
    const auto x = bench::summarise(till.x_report);
    add_timed(table,
              "till: shift totals read (" +
                  format_count(static_cast<std::size_t>(till.shift_tickets)) + " tickets in shift)",
              totals, "p99 < 10 ms", verdict(totals.p99 < 10.0));
    add_timed(table, "till: X report (running day totals)", x, "p99 < 10 ms",
              verdict(x.p99 < 10.0));
    table.add({"till: close (one transaction, journaled)", "1", format_ms(till.close_ms), "", "",
               "", ""});
    table.add({"till: Z report (one transaction, journaled)", till.z_ms > 0 ? "1" : "0",
               till.z_ms > 0 ? format_ms(till.z_ms) : "not run: " + till.z_note, "", "", "", ""});
}

int run(const Options& options) {
    const auto started = SteadyClock::now();
    const std::set<std::string> parts(options.only.begin(), options.only.end());
    std::filesystem::create_directories(options.data_dir);
    const std::filesystem::path data_dir = std::filesystem::canonical(options.data_dir);

    std::cout << "counter-bench\n\nmachine\n";
    for (const auto& [what, value] : bench::describe_machine(data_dir))
        std::cout << "  " << what << ": " << value << "\n";
    std::cout << std::flush;

    const auto setup_start = SteadyClock::now();
    const bench::CatalogueGenerator catalogue(options.products);
    const auto plan = bench::plan_promotions(catalogue, options.promotions);
    const double setup_seconds = seconds_since(setup_start);
    bench::BenchStore bench_store =
        bench::open_bench_store(data_dir, catalogue, plan, options.batch, std::cerr);
    print_catalogue(catalogue, bench_store, setup_seconds);
    db::Store& store = *bench_store.store;

    bench::Table table({"what", "n", "median", "p99", "max", "target", "result"});
    std::string promoted_lines;
    if (parts.contains("scan")) {
        std::cerr << "counter-bench: scan-to-line, " << options.samples << " scans\n";
        const auto scans = bench::measure_scan_to_line(store, catalogue, plan, options.samples);
        const auto add_item = bench::summarise(scans.add_item);
        add_timed(table, "scan-to-line: add_item, 30th line, promotions + tax", add_item,
                  "p99 < 1 ms", verdict(add_item.p99 < 1.0));
        add_timed(table, "  the same calls, thread CPU time", bench::summarise(scans.add_item_cpu));
        add_timed(table, "  lookup alone (find_by_code)", bench::summarise(scans.lookup));
        add_timed(table, "  add + re-price alone (add_product)",
                  bench::summarise(scans.add_product));
        promoted_lines =
            format_fixed(static_cast<double>(scans.promoted_lines) /
                             static_cast<double>(std::max<std::size_t>(1, scans.baskets)),
                         1);
    }
    if (parts.contains("search")) {
        std::cerr << "counter-bench: name search, " << options.samples << " keystrokes\n";
        const auto search = bench::measure_search_as_you_type(
            catalogue, options.samples, [&store](std::string_view typed, std::int64_t at) {
                return store.catalogue().search(typed, 20, at).size();
            });
        const auto all = bench::summarise(search.all);
        add_timed(table, "name search as you type, top 20, every keystroke", all, "p99 < 10 ms",
                  verdict(all.p99 < 10.0));
        add_timed(table, "  of which 1-2 characters typed", bench::summarise(search.short_prefix));
        add_timed(table, "  of which 3+ characters typed", bench::summarise(search.longer_prefix));
    }
    if (parts.contains("lookup")) {
        std::cerr << "counter-bench: stock lookup, " << options.samples << " keystrokes\n";
        const auto typed = bench::measure_search_as_you_type(
            catalogue, options.samples,
            [&store](std::string_view text, std::int64_t at) {
                return store.lookup().search(text, 20, at).size();
            },
            4);
        const auto all = bench::summarise(typed.all);
        add_timed(table, "stock lookup search (names, brands, codes), top 20, every keystroke", all,
                  "p99 < 10 ms", verdict(all.p99 < 10.0));
        const auto shown =
            bench::summarise(bench::measure_lookup_product(store, catalogue, options.samples));
        add_timed(table, "stock lookup of one product: find + every store's snapshot", shown);
    }
    if (parts.contains("sale")) {
        const std::size_t sales =
            options.sales ? options.sales : std::max<std::size_t>(10, options.samples / 10);
        std::cerr << "counter-bench: durable sales, " << sales << " sales\n";
        const auto durable =
            bench::measure_durable_sales(store, catalogue, bench_store.folder, sales);
        const auto sale = bench::summarise(durable.complete_sale);
        const auto fsync = bench::summarise(durable.fsync);
        const auto in_place = bench::summarise(durable.fdatasync_in_place);
        const auto ratio = [](double a, double b) {
            return format_fixed(a / std::max(b, 1e-9), 1) + "x";
        };
        add_timed(table, "complete_sale, 30 lines (WAL, synchronous=FULL)", sale, "<= 2x fsync",
                  verdict(sale.median <= 2.0 * fsync.median) + " (median)");
        add_timed(table, "  the same calls, thread CPU time",
                  bench::summarise(durable.complete_sale_cpu));
        add_timed(table, "  bare fsync: append 4 KiB + fsync, same folder", fsync);
        table.add({"  complete_sale / bare fsync", "", ratio(sale.median, fsync.median),
                   ratio(sale.p99, fsync.p99), "", "", ""});
        add_timed(table, "  floor: rewrite 4 KiB in place + fdatasync", in_place);
        table.add({"  complete_sale / floor", "", ratio(sale.median, in_place.median),
                   ratio(sale.p99, in_place.p99), "", "", ""});
        add_timed(table, "  beside it: new ticket (SaleSession, reads promotions)",
                  bench::summarise(durable.new_ticket));
        add_timed(table, "  beside it: Pay (begin_tender, re-reads promotions)",
                  bench::summarise(durable.begin_tender));
    }
    if (parts.contains("till")) {
        const std::size_t sales =
            options.sales ? options.sales : std::max<std::size_t>(10, options.samples / 10);
        std::cerr << "counter-bench: till, " << sales << " sales into a shift\n";
        measure_till_part(store, catalogue, bench_store.folder, sales, options.samples, table);
    }
    bench_store.store.reset();  // the children open the file themselves
    if (parts.contains("start")) {
        std::cerr << "counter-bench: terminal start, " << options.starts << " runs of each\n";
        measure_starts(options, data_dir, bench_store.folder, table);
    }

    std::cout << "\nresults (" << format_count(catalogue.size())
              << " products; steady_clock wall time unless marked; nearest-rank percentiles)\n\n";
    table.print(std::cout);
    std::cout << "\nnotes\n";
    if (parts.contains("scan")) {
        std::cout
            << "  scan-to-line: each sample copies one 29-line session (a third of its lines on\n"
            << "    a quantity break, a third in mix-and-match groups; " << promoted_lines
            << " lines on average\n"
            << "    carried a promotion saving) and times add_item of a random existing EAN-13;\n"
            << "    50 untimed scans first. The two halves are timed separately with another\n"
            << "    random product. Wall time far above CPU time is time spent waiting for a\n"
            << "    core.\n";
    }
    if (parts.contains("search")) {
        std::cout
            << "  search: random product names typed a character at a time (at most 20), each\n"
            << "    keystroke one Catalogue::search(text, 20); 20 untimed keystrokes first.\n";
    }
    if (parts.contains("lookup")) {
        std::cout
            << "  lookup: the same typing through the floor's ProductLookup::search (name words,\n"
            << "    brand or code start), then find + SyncStore::stock_of of random codes.\n";
    }
    if (parts.contains("sale")) {
        std::cout << "  complete_sale is timed inside the SaleSession's tender_cash; each sale is\n"
                  << "    followed by one sample of each probe; 3 untimed sales first. SQLite\n"
                  << "    commits with one fdatasync of its WAL, rewritten in place once it has\n"
                  << "    grown: the floor is the cheapest durable write this disk offers.\n";
    }
    if (parts.contains("start")) {
        std::cout
            << "  start: fork to exit, page cache warm; each child runs under ptrace, stopping\n"
            << "    only at exec and at exit, where its VmHWM is read. pos-terminal --script\n"
            << "    does not build a view; the probe (counter-bench --startup-probe) does what\n"
            << "    ui/main.cpp does and then Terminal::view(), without a window.\n";
    }
    std::cout << "  load average at the end " << bench::load_average() << "; total run "
              << format_fixed(seconds_since(started), 1) << " s\n";
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    const auto process_main = SteadyClock::now();
    CLI::App app{"Counter benchmarks: scan-to-line, name search, durable sales, terminal start"};
    Options options;
    std::filesystem::path probe_folder;
    app.add_option("--products", options.products, "Products in the generated catalogue")
        ->capture_default_str()
        ->check(CLI::PositiveNumber);
    app.add_option("--samples", options.samples, "Scans timed, and keystrokes searched")
        ->capture_default_str()
        ->check(CLI::PositiveNumber);
    app.add_option("--sales", options.sales,
                   "Sales completed (default: samples / 10, at least 10)");
    app.add_option("--starts", options.starts, "Terminal starts timed, of each kind")
        ->capture_default_str()
        ->check(CLI::PositiveNumber);
    app.add_option("--promotions", options.promotions, "Promotions in the generated store")
        ->capture_default_str();
    app.add_option("--batch", options.batch, "Products per add_products call (one transaction)")
        ->capture_default_str()
        ->check(CLI::PositiveNumber);
    app.add_option("--only", options.only,
                   "Measure only these: scan, search, lookup, sale, till, start")
        ->delimiter(',')
        ->check(CLI::IsMember(all_parts))
        ->capture_default_str();
    app.add_option("--data-dir", options.data_dir,
                   "Where generated stores are kept (catalogue-N/), and reused from")
        ->capture_default_str();
    app.add_option("--pos-terminal", options.pos_terminal, "The pos-terminal to start")
        ->capture_default_str();
    app.add_option("--startup-probe", probe_folder,
                   "Internal: start as the terminal would on FOLDER, build the login view, exit")
        ->group("");
    CLI11_PARSE(app, argc, argv);

    try {
        if (!probe_folder.empty())
            return bench::startup_probe(probe_folder, process_main);
        return run(options);
    } catch (const std::exception& error) {
        std::cerr << "counter-bench: " << error.what() << "\n";
        return 1;
    }
}
