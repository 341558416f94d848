// A terminal's catalogue download as a process of its own, so a test can kill it mid-apply:
//   sync_child STORE_FILE HEAD_OFFICE_URL CHANGES_BATCH
// Prints "applied N of M" after each batch is committed, then "done N" (exit 0), or the error
// on stderr (exit 1).
#include <cstdio>
#include <string>

#include "db/store.hpp"
#include "headoffice/client/sync_client.hpp"
#include "headoffice/client/transport.hpp"

int main(int argc, char** argv) {
    if (argc != 4) {
        std::fprintf(stderr, "usage: sync_child STORE_FILE HEAD_OFFICE_URL CHANGES_BATCH\n");
        return 2;
    }
    auto opened = db::open_store(argv[1]);
    if (!opened.ok()) {
        std::fprintf(stderr, "cannot open %s: %s\n", argv[1], opened.error().message.c_str());
        return 1;
    }
    const auto store = std::move(opened).value();
    const auto transport = headoffice::http_transport(argv[2]);
    db::SystemClock clock;
    headoffice::SyncOptions options;
    options.changes_batch = std::stoll(argv[3]);
    headoffice::SyncClient client(store->sync(), *transport, clock, options);
    client.on_progress([](const headoffice::SyncStatus& status) {
        std::printf("applied %lld of %lld\n", static_cast<long long>(status.changes_loaded),
                    static_cast<long long>(status.changes_total));
        std::fflush(stdout);
    });
    const auto applied = client.download_changes();
    if (!applied.ok()) {
        std::fprintf(stderr, "download failed: %s\n", applied.error().message.c_str());
        return 1;
    }
    std::printf("done %lld\n", static_cast<long long>(*applied));
    return 0;
}
