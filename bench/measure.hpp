// The measurements. Each returns raw samples in milliseconds (steady_clock); none of them judges
// a figure, and none fails because something was slow. A functional failure (a code that is not
// found, a sale the store refuses) throws std::runtime_error: a benchmark of a broken path is
// meaningless.
#pragma once

#include <chrono>
#include <cstddef>
#include <filesystem>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "bench/bench_store.hpp"
#include "bench/catalogue_generator.hpp"
#include "db/store.hpp"

namespace bench {

inline constexpr std::size_t ticket_lines = 30;

struct ScanSamples {
    std::vector<double> add_item;      // the figure: SaleSession::add_item, wall time
    std::vector<double> add_item_cpu;  // the same calls, this thread's CPU time
    std::vector<double> lookup;        // of which: Catalogue::find_by_code of another random code
    std::vector<double> add_product;   // of which: SaleSession::add_product of that product
    std::size_t baskets = 0;           // 29-line tickets built
    std::size_t promoted_lines = 0;    // lines of them with a promotion saving
};

// SaleSession::add_item for the 30th line of a ticket that already holds 29 (some on
// promotion), against the store's catalogue: decode, look up, add, re-price the whole ticket.
// Every sample starts from a copy of the same 29-line session; the code scanned is a random
// existing one. A few untimed scans warm the caches first. Beside each sample, the two halves
// are timed on their own (with another random product, so the lookup is not served by the
// page just read).
ScanSamples measure_scan_to_line(db::Store& store, const CatalogueGenerator& catalogue,
                                 const std::vector<PlannedPromotion>& promotions,
                                 std::size_t samples);

struct SearchSamples {
    std::vector<double> all;
    std::vector<double> short_prefix;   // one or two characters typed
    std::vector<double> longer_prefix;  // three or more
};

// One search as typed; returns how many it found (a name that exists must find something).
using SearchCall = std::function<std::size_t(std::string_view typed, std::int64_t at_ms)>;
// `search` after each keystroke of random product names typed from the first character (at most
// 20 characters of each); seed picks the names.
SearchSamples measure_search_as_you_type(const CatalogueGenerator& catalogue, std::size_t samples,
                                         const SearchCall& search, std::uint64_t seed = 2);

// The floor's lookup of one product shown: find by code, then every store's stock snapshot.
std::vector<double> measure_lookup_product(db::Store& store, const CatalogueGenerator& catalogue,
                                           std::size_t samples);

struct DurableSamples {
    std::vector<double> complete_sale;       // SaleStore::complete_sale alone
    std::vector<double> complete_sale_cpu;   // the same calls, this thread's CPU time
    std::vector<double> fsync;               // append 4 KiB + fsync, a file in the same folder
    std::vector<double> fdatasync_in_place;  // rewrite 4 KiB in place + fdatasync, likewise
    // Beside them, what else the clerk waits for around a sale: opening a ticket (a SaleSession;
    // it reads the promotions in effect) and pressing Pay (begin_tender; it reads them again).
    std::vector<double> new_ticket;
    std::vector<double> begin_tender;
};

// Rings up 30-line sales, takes exact cash, and times the store's complete_sale; after each sale
// times one bare append + fsync and one in-place rewrite + fdatasync in the same folder, so all
// three see the same disk at the same time.
DurableSamples measure_durable_sales(db::Store& store, const CatalogueGenerator& catalogue,
                                     const std::filesystem::path& folder, std::size_t samples);

struct ProcessRun {
    double wall_ms = 0;  // from fork to reaping it
    // VmHWM read at its exit (it runs traced, stopping only at exec and exit); 0 if unknown.
    long peak_rss_kib = 0;
    // wait4's ru_maxrss, for comparison: exec carries the parent's peak over into it, so it is
    // at least the parent's, whatever the child used.
    long rusage_max_rss_kib = 0;
    bool traced = false;
    int exit_code = -1;  // -1 when killed by a signal
    std::string output;  // stdout and stderr together
};

// Runs a program to completion (stdin /dev/null, output through output_file) and measures it.
ProcessRun run_measured(const std::vector<std::string>& argv,
                        const std::filesystem::path& output_file);

// The child side of the start measurement: what pos-terminal does before its first frame (open
// the store, wire and construct the Terminal) followed by the first view() — the login screen.
// Prints "view_ready_ms <ms since main>" and returns the exit code.
int startup_probe(const std::filesystem::path& folder,
                  std::chrono::steady_clock::time_point process_main);

}  // namespace bench
