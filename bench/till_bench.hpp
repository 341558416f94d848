// The till's figures on a busy day: reading the running totals (the till screen, the close) and
// the X report, and the close and Z transactions, after a day of 30-line sales.
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

#include "bench/catalogue_generator.hpp"
#include "db/store.hpp"

namespace bench {

struct TillSamples {
    std::vector<double> shift_totals;  // Till::shift_totals, the figures a close compares with
    std::vector<double> x_report;      // Reports::x_report
    double close_ms = 0;               // Till::close_shift, one transaction
    double z_ms = 0;                   // Reports::run_z_report, one transaction; 0 when refused
    std::int64_t shift_tickets = 0;    // tickets recorded against the shift
    std::string z_note;                // why the Z did not run (one per business day)
};

// Opens a shift (closing one left open), rings up `sales` 30-line cash sales into it, then times
// `samples` reads of its totals and of the X report, the close (counted exactly as expected) and
// a Z for today (refused, and said, when today's Z already ran on this store file).
TillSamples measure_till(db::Store& store, const CatalogueGenerator& catalogue,
                         const std::filesystem::path& folder, std::size_t sales,
                         std::size_t samples);

}  // namespace bench
