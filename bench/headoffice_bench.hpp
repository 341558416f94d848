// headoffice-bench: the head-office measurements of issue 7. Each runs against a real head office
// (HeadOffice over a throw-away PostgreSQL, served over HTTP on loopback) and real terminal
// stores; none judges a figure. A functional failure throws std::runtime_error.
#pragma once

#include <cstdint>
#include <string>

namespace bench {

struct IngestFigures {
    int terminals = 0;
    std::int64_t tickets = 0;
    double http_seconds = 0;    // 50 terminals uploading through HTTP into head office
    double direct_seconds = 0;  // the same rows INSERTed straight into PostgreSQL, one per txn
};

// Every terminal sells `sales_per_terminal` real sales in its own store (untimed), then all
// upload at once, each on its own thread and HTTP transport, in batches of `batch`.
IngestFigures measure_ingest(int terminals, int sales_per_terminal, std::size_t batch);

struct CatalogueFigures {
    std::int64_t products = 0;
    double fill_seconds = 0;        // bulk_insert into head office's change log (not the figure)
    double load_seconds = 0;        // SyncClient::download_changes on a fresh terminal
    std::int64_t peak_rss_kib = 0;  // during the load (head office and terminal share the process)
};

CatalogueFigures measure_catalogue_load(std::int64_t products);

}  // namespace bench
