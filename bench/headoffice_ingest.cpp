// Head-office ingest: many terminals uploading their journals at once over HTTP, against the same
// rows written straight into PostgreSQL by as many connections.
#include <chrono>
#include <memory>
#include <stdexcept>
#include <thread>
#include <vector>

#include "bench/headoffice_bench.hpp"
#include "head_office_fixture.hpp"
#include "headoffice/sql/connection.hpp"
#include "pg_server.hpp"

namespace bench {

namespace {

using testing_support::HeadOfficeFixture;
using testing_support::TestTerminal;

double seconds_since(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

std::string terminal_name(int number) {
    return "B" + std::to_string(1000 + number);  // B1001 ...
}

// A realistic basket: 3 to 8 of the chain's products, varying by sale.
std::vector<std::string> basket(int terminal, int sale, int products) {
    std::vector<std::string> codes;
    const int lines = 3 + (terminal + sale) % 6;
    for (int line = 0; line < lines; ++line) {
        const int number = 1 + (terminal * 7 + sale * 13 + line * 31) % products;
        codes.push_back(testing_support::chain_product(number).code);
    }
    return codes;
}

// Runs fn(i) for i in [0, n) on n threads; the first exception is rethrown after all joined.
template <typename Fn>
void on_threads(int n, Fn fn) {
    std::vector<std::thread> threads;
    std::vector<std::exception_ptr> failures(static_cast<std::size_t>(n));
    for (int i = 0; i < n; ++i) {
        threads.emplace_back([&, i] {
            try {
                fn(i);
            } catch (...) {
                failures[static_cast<std::size_t>(i)] = std::current_exception();
            }
        });
    }
    for (auto& thread : threads)
        thread.join();
    for (auto& failure : failures) {
        if (failure)
            std::rethrow_exception(failure);
    }
}

void upload_everything(TestTerminal& terminal) {
    while (terminal.sync_store().sync().pending_count() > 0) {
        const auto sent = terminal.sync().upload_pending();
        if (!sent) {
            throw std::runtime_error(terminal.terminal_id() +
                                     " could not upload: " + sent.error().message);
        }
        if (*sent == 0)
            throw std::runtime_error(terminal.terminal_id() + ": nothing accepted");
    }
}

double insert_directly(const std::vector<std::vector<db::OutboxEntry>>& journals) {
    const std::string location = testing_support::shared_pg_server().new_database();
    {
        auto connection = headoffice::sql::open_connection(location);
        headoffice::sql::migrate(*connection);
    }
    const auto start = std::chrono::steady_clock::now();
    on_threads(static_cast<int>(journals.size()), [&](int i) {
        auto connection = headoffice::sql::open_connection(location);
        for (const db::OutboxEntry& entry : journals[static_cast<std::size_t>(i)]) {
            headoffice::sql::Transaction tx(*connection);
            connection->execute(
                "INSERT INTO journal_entries (store_code, terminal_id, sequence, kind, entity_id,"
                " ticket_id, at_ms, payload, prev_hash, hash, received_at_ms)"
                " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
                {std::string("S001"), entry.terminal_id, entry.sequence, entry.kind,
                 entry.entity_id, entry.ticket_id, entry.at_ms, entry.payload, entry.prev_hash,
                 entry.hash, entry.at_ms});
            tx.commit();
        }
    });
    return seconds_since(start);
}

}  // namespace

IngestFigures measure_ingest(int terminals, int sales_per_terminal, std::size_t batch) {
    constexpr int products = 200;
    HeadOfficeFixture office(testing_support::Backend::postgresql, products);
    std::vector<std::unique_ptr<TestTerminal>> tills;
    testing_support::TerminalOptions options;
    options.sync.upload_batch = batch;
    for (int t = 0; t < terminals; ++t) {
        const auto status = office.head_office().create_terminal("S001", terminal_name(t));
        if (!status)
            throw std::runtime_error(status.error().message);
        tills.push_back(
            std::make_unique<TestTerminal>(office, terminal_name(t), office.url(), options));
    }
    // Selling is not measured; the terminals' stores fill in parallel.
    on_threads(terminals, [&](int t) {
        for (int sale = 0; sale < sales_per_terminal; ++sale) {
            tills[static_cast<std::size_t>(t)]->sell(basket(t, sale, products));
        }
    });
    std::vector<std::vector<db::OutboxEntry>> journals;
    IngestFigures figures;
    figures.terminals = terminals;
    for (auto& till : tills) {
        journals.push_back(till->sync_store().sync().pending(1'000'000));
        figures.tickets += static_cast<std::int64_t>(journals.back().size());
    }

    const auto start = std::chrono::steady_clock::now();
    on_threads(terminals, [&](int t) { upload_everything(*tills[static_cast<std::size_t>(t)]); });
    figures.http_seconds = seconds_since(start);

    const auto held = office.head_office().store_sales("S001");
    if (!held || held->entries != figures.tickets) {
        throw std::runtime_error("head office does not hold every uploaded entry: " +
                                 (held ? std::to_string(held->entries) : held.error().message) +
                                 " of " + std::to_string(figures.tickets));
    }
    figures.direct_seconds = insert_directly(journals);
    return figures;
}

}  // namespace bench
