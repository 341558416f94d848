// First catalogue load: head office's change log filled with N products through bulk_insert
// (COPY), then a fresh terminal downloads all of it with SyncClient::download_changes.
#include <chrono>
#include <fstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "bench/headoffice_bench.hpp"
#include "head_office_fixture.hpp"
#include "headoffice/sql/connection.hpp"

namespace bench {

namespace {

using headoffice::sql::Params;

void replace_all(std::string& text, const std::string& from, const std::string& to) {
    for (auto at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
        text.replace(at, from.size(), to);
    }
}

// Product n's change-log text, made from product 1's as head office wrote it.
std::string product_data(const std::string& first, int number) {
    const auto one = testing_support::chain_product(1);
    const auto product = testing_support::chain_product(number);
    std::string data = first;
    replace_all(data, "\"" + one.code + "\"", "\"" + product.code + "\"");
    replace_all(data, "\"" + one.name + "\"", "\"" + product.name + "\"");
    return data;
}

// Adds products 2..count to the change log, as head office's own writes would have.
void fill_change_log(const std::string& location, std::int64_t count) {
    auto connection = headoffice::sql::open_connection(location);
    const std::string first_code = testing_support::chain_product(1).code;
    const auto first = connection->query(
        "SELECT data FROM change_log WHERE kind = 'product' AND key = $1", {first_code});
    if (first.empty())
        throw std::runtime_error("head office wrote no change for product 1");
    const std::string template_data = first[0].text(0);
    constexpr std::int64_t chunk = 50'000;
    for (std::int64_t from = 2; from <= count; from += chunk) {
        headoffice::sql::Transaction tx(*connection);
        const std::int64_t last = std::min(count, from + chunk - 1);
        const std::int64_t base =
            connection
                ->query(
                    "UPDATE counters SET value = value + $1 WHERE name = 'change_log'"
                    " RETURNING value",
                    {last - from + 1})[0]
                .integer(0) -
            (last - from + 1);
        std::vector<Params> rows;
        rows.reserve(static_cast<std::size_t>(last - from + 1));
        for (std::int64_t n = from; n <= last; ++n) {
            const int number = static_cast<int>(n);
            rows.push_back({base + (n - from) + 1, std::string("product"),
                            testing_support::chain_product(number).code, std::string(),
                            std::int64_t{0}, product_data(template_data, number)});
        }
        connection->bulk_insert("change_log",
                                {"sequence", "kind", "key", "scope", "deleted", "data"}, rows);
        tx.commit();
    }
}

// Linux: writing 5 to clear_refs resets the peak resident set size (VmHWM) to the current one.
void reset_peak_rss() {
    std::ofstream("/proc/self/clear_refs") << "5";
}

std::int64_t peak_rss_kib() {
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line)) {
        if (line.rfind("VmHWM:", 0) == 0)
            return std::stoll(line.substr(6));
    }
    return 0;
}

}  // namespace

CatalogueFigures measure_catalogue_load(std::int64_t products) {
    testing_support::HeadOfficeFixture office(testing_support::Backend::postgresql, 1);
    CatalogueFigures figures;
    figures.products = products;
    auto start = std::chrono::steady_clock::now();
    fill_change_log(office.location(), products);
    figures.fill_seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();

    testing_support::TerminalOptions options;
    options.load_catalogue = false;
    testing_support::TestTerminal terminal(office, "T01", office.url(), options);
    reset_peak_rss();
    start = std::chrono::steady_clock::now();
    const auto applied = terminal.sync().download_changes();
    figures.load_seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    figures.peak_rss_kib = peak_rss_kib();
    if (!applied)
        throw std::runtime_error("first load failed: " + applied.error().message);
    if (*applied < products) {
        throw std::runtime_error("first load applied " + std::to_string(*applied) +
                                 " changes for " + std::to_string(products) + " products");
    }
    return figures;
}

}  // namespace bench
