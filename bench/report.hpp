// Statistics over timing samples, the aligned plain-text table, and a description of the machine.
#pragma once

#include <cstddef>
#include <filesystem>
#include <iosfwd>
#include <string>
#include <utility>
#include <vector>

namespace bench {

struct Summary {
    std::size_t count = 0;
    double median = 0;  // nearest-rank percentiles over the samples, in the samples' unit
    double p99 = 0;
    double max = 0;
};

Summary summarise(std::vector<double> samples);

// "0.184 ms", "12.3 ms", "1,204 ms": three significant digits or whole milliseconds.
std::string format_ms(double milliseconds);
std::string format_count(std::size_t n);  // "1,000,000"
std::string format_fixed(double value, int decimals);

class Table {
  public:
    explicit Table(std::vector<std::string> header) : rows_{std::move(header)} {}
    void add(std::vector<std::string> row) { rows_.push_back(std::move(row)); }
    // Columns padded to their widest cell; the first left-aligned, the others right-aligned
    // except the last (a verdict), with a rule under the header.
    void print(std::ostream& out) const;

  private:
    std::vector<std::vector<std::string>> rows_;
};

// /proc/loadavg's 1, 5 and 15 minute figures: "0.52 0.61 0.40".
std::string load_average();

// nproc, CPU model, memory, kernel, compiler and the file system the data folder is on.
std::vector<std::pair<std::string, std::string>> describe_machine(
    const std::filesystem::path& data_folder);

}  // namespace bench
