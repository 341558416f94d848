#include "bench/report.hpp"

#include <sys/statfs.h>
#include <sys/utsname.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <ostream>

#ifndef COUNTER_BUILD_TYPE
#define COUNTER_BUILD_TYPE "unknown"
#endif

namespace bench {

namespace {

// Nearest rank: the smallest sample with at least p of the samples at or below it.
double percentile(const std::vector<double>& sorted, double p) {
    const auto rank = static_cast<std::size_t>(std::ceil(p * static_cast<double>(sorted.size())));
    return sorted[std::clamp<std::size_t>(rank, 1, sorted.size()) - 1];
}

std::string first_value(const std::filesystem::path& file, const std::string& key) {
    std::ifstream in(file);
    std::string line;
    while (std::getline(in, line)) {
        if (line.rfind(key, 0) != 0)
            continue;
        const auto colon = line.find(':');
        if (colon == std::string::npos)
            continue;
        std::string value = line.substr(colon + 1);
        value.erase(0, value.find_first_not_of(" \t"));
        return value;
    }
    return "unknown";
}

std::string file_system_name(const std::filesystem::path& folder) {
    struct statfs info {};
    if (statfs(folder.c_str(), &info) != 0)
        return "unknown";
    switch (static_cast<unsigned long>(info.f_type)) {
        case 0xEF53:
            return "ext2/3/4";
        case 0x58465342:
            return "xfs";
        case 0x9123683E:
            return "btrfs";
        case 0x01021994:
            return "tmpfs (RAM: fsync costs nothing here)";
        case 0x794C7630:
            return "overlayfs";
        case 0x6969:
            return "nfs";
        case 0x65735546:
            return "fuse";
        case 0x2FC12FC1:
            return "zfs";
        default: {
            char hex[32];
            std::snprintf(hex, sizeof hex, "type 0x%lx", static_cast<unsigned long>(info.f_type));
            return hex;
        }
    }
}

}  // namespace

Summary summarise(std::vector<double> samples) {
    if (samples.empty())
        return {};
    std::sort(samples.begin(), samples.end());
    return {samples.size(), percentile(samples, 0.5), percentile(samples, 0.99), samples.back()};
}

std::string format_fixed(double value, int decimals) {
    char text[64];
    std::snprintf(text, sizeof text, "%.*f", decimals, value);
    return text;
}

std::string format_count(std::size_t n) {
    const std::string digits = std::to_string(n);
    std::string grouped;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0)
            grouped += ',';
        grouped += digits[i];
    }
    return grouped;
}

std::string format_ms(double milliseconds) {
    if (milliseconds < 1)
        return format_fixed(milliseconds, 3) + " ms";
    if (milliseconds < 10)
        return format_fixed(milliseconds, 2) + " ms";
    if (milliseconds < 100)
        return format_fixed(milliseconds, 1) + " ms";
    return format_count(static_cast<std::size_t>(std::lround(milliseconds))) + " ms";
}

void Table::print(std::ostream& out) const {
    std::vector<std::size_t> widths;
    for (const auto& row : rows_) {
        widths.resize(std::max(widths.size(), row.size()));
        for (std::size_t c = 0; c < row.size(); ++c) {
            // Count characters, not bytes, so "µ" or "≤" would not skew the columns.
            const auto chars = static_cast<std::size_t>(std::count_if(
                row[c].begin(), row[c].end(), [](char ch) { return (ch & 0xC0) != 0x80; }));
            widths[c] = std::max(widths[c], chars);
        }
    }
    const auto print_row = [&](const std::vector<std::string>& row) {
        std::string line;
        for (std::size_t c = 0; c < widths.size(); ++c) {
            const std::string cell = c < row.size() ? row[c] : "";
            const auto chars = static_cast<std::size_t>(std::count_if(
                cell.begin(), cell.end(), [](char ch) { return (ch & 0xC0) != 0x80; }));
            const std::string pad(widths[c] - chars, ' ');
            const bool left = c == 0 || c + 1 == widths.size();
            if (c > 0)
                line += "  ";
            line += left ? cell + pad : pad + cell;
        }
        line.erase(line.find_last_not_of(' ') + 1);
        out << line << "\n";
    };
    for (std::size_t r = 0; r < rows_.size(); ++r) {
        print_row(rows_[r]);
        if (r == 0) {
            std::size_t total = 0;
            for (std::size_t w : widths)
                total += w;
            out << std::string(total + 2 * (widths.size() - 1), '-') << "\n";
        }
    }
}

std::string load_average() {
    std::ifstream loadavg("/proc/loadavg");
    std::string one;
    std::string five;
    std::string fifteen;
    if (!(loadavg >> one >> five >> fifteen))
        return "unknown";
    return one + " " + five + " " + fifteen;
}

std::vector<std::pair<std::string, std::string>> describe_machine(
    const std::filesystem::path& data_folder) {
    std::vector<std::pair<std::string, std::string>> facts;
    facts.emplace_back("cores (nproc)", std::to_string(sysconf(_SC_NPROCESSORS_ONLN)));
    facts.emplace_back("cpu", first_value("/proc/cpuinfo", "model name"));
    std::string memory = first_value("/proc/meminfo", "MemTotal");
    if (const auto kb = std::strtoull(memory.c_str(), nullptr, 10); kb > 0)
        memory = format_fixed(static_cast<double>(kb) / (1024.0 * 1024.0), 1) + " GiB";
    facts.emplace_back("memory", memory);
    struct utsname name {};
    if (uname(&name) == 0)
        facts.emplace_back("kernel", std::string(name.sysname) + " " + name.release);
#ifdef __clang__
    const std::string compiler = std::string("clang ") + __clang_version__;
#else
    const std::string compiler = std::string("g++ ") + __VERSION__;
#endif
    facts.emplace_back("compiler", compiler + ", " + COUNTER_BUILD_TYPE);
    facts.emplace_back("load average", load_average() +
                                           " (1/5/15 min; above nproc, the figures "
                                           "include waiting for a core)");
    facts.emplace_back("data folder",
                       data_folder.string() + " (" + file_system_name(data_folder) + ")");
    return facts;
}

}  // namespace bench
