#include "ui/sync_commands.hpp"

#include <chrono>
#include <ostream>
#include <random>
#include <thread>

#include "headoffice/client/backoff.hpp"
#include "headoffice/client/transport.hpp"
#include "ui/sync_text.hpp"

namespace ui {

namespace {

constexpr int exit_refused = 1;
constexpr int exit_store_unusable = 4;

// Everything a SyncClient borrows, owned together; the client is declared last so it goes first.
struct SyncParts {
    std::unique_ptr<db::Store> store;
    db::SystemClock clock;
    std::unique_ptr<headoffice::Transport> transport;
    std::unique_ptr<headoffice::SyncClient> client;
};

pos::Result<std::unique_ptr<SyncParts>> open_sync(const std::filesystem::path& file,
                                                  const std::string& server_url,
                                                  const headoffice::SyncOptions& options) {
    auto store = db::open_store(file);
    if (!store)
        return store.error();
    auto parts = std::make_unique<SyncParts>();
    parts->store = std::move(store).value();
    std::string url = server_url;
    if (url.empty()) {
        const auto state = parts->store->sync().state();
        if (!state.enrolment) {
            return pos::not_allowed(
                "this terminal is not enrolled with head office: run "
                "pos-terminal enrol --server URL --code CODE first");
        }
        url = state.enrolment->server_url;
    }
    parts->transport = headoffice::http_transport(url);
    parts->client = std::make_unique<headoffice::SyncClient>(
        parts->store->sync(), *parts->transport, parts->clock, options);
    return parts;
}

void print_round(const pos::Result<headoffice::RoundResult>& round,
                 const headoffice::SyncStatus& status, std::ostream& out, std::ostream& err) {
    if (!round) {
        err << "pos-terminal: sync failed: " << round.error().message << "\n";
        out << "waiting " << status.queue_depth << std::endl;
        return;
    }
    out << "sent " << round->sent << " journal entries, refused " << round->refused << ", applied "
        << round->changes_applied << " changes, waiting " << status.queue_depth << ", anomalies "
        << status.anomalies << std::endl;
    if (!status.last_error.empty())
        err << "pos-terminal: " << status.last_error << "\n";
}

}  // namespace

int enrol_terminal(const std::filesystem::path& dir, const std::string& server_url,
                   const std::string& code, const std::string& name, std::ostream& out,
                   std::ostream& err) {
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    auto parts = open_sync(dir / "terminal.db", server_url, {});
    if (!parts) {
        err << "pos-terminal: " << parts.error().message << "\n";
        return exit_store_unusable;
    }
    const auto enrolled = (*parts)->client->enrol(server_url, code, name);
    if (!enrolled) {
        err << "pos-terminal: enrolment failed: " << enrolled.error().message << "\n";
        return exit_refused;
    }
    out << "enrolled: store " << enrolled->store_code << " (" << enrolled->store_name
        << "), terminal " << enrolled->terminal_id << ", head office " << enrolled->server_url
        << std::endl;
    return 0;
}

int sync_in_foreground(const std::filesystem::path& dir, bool once,
                       const headoffice::SyncOptions& options, std::ostream& out,
                       std::ostream& err) {
    const auto file = dir / "terminal.db";
    std::error_code ec;
    if (!std::filesystem::is_regular_file(file, ec)) {
        err << "pos-terminal: there is no store at " << file.string() << "\n";
        return exit_store_unusable;
    }
    auto parts = open_sync(file, "", options);
    if (!parts) {
        err << "pos-terminal: " << parts.error().message << "\n";
        return parts.error().code == pos::ErrorCode::not_allowed ? exit_refused
                                                                 : exit_store_unusable;
    }
    auto& client = *(*parts)->client;
    std::int64_t shown = 0;
    client.on_progress([&](const headoffice::SyncStatus& s) {
        const std::int64_t batch = s.changes_loaded - shown;
        shown = s.changes_loaded;
        out << "applied changes " << batch << " (loaded " << sync_text::grouped(s.changes_loaded)
            << " of " << sync_text::grouped(s.changes_total) << ")" << std::endl;
    });
    std::mt19937 random{std::random_device{}()};
    int failures = 0;
    while (true) {
        shown = 0;
        const auto round = client.run_round();
        print_round(round, client.status(), out, err);
        if (once)
            return round ? 0 : exit_refused;
        if (client.status().credentials_revoked)
            return exit_refused;
        failures = round ? 0 : failures + 1;
        const std::int64_t wait = round ? options.idle_every_ms
                                        : headoffice::backoff_ms(failures, options.backoff_first_ms,
                                                                 options.backoff_max_ms, random);
        std::this_thread::sleep_for(std::chrono::milliseconds(wait));
    }
}

std::unique_ptr<headoffice::SyncWorker> start_sync_worker(const std::filesystem::path& store_file,
                                                          db::Store& store) {
    if (!store.sync().state().enrolment)
        return nullptr;
    const headoffice::SyncOptions options;
    // The parts live as long as the worker's factory; the client is rebuilt only if it failed.
    auto parts = std::make_shared<std::unique_ptr<SyncParts>>();
    auto worker = std::make_unique<headoffice::SyncWorker>(
        [store_file, options, parts]() -> std::unique_ptr<headoffice::SyncClient> {
            auto opened = open_sync(store_file, "", options);
            if (!opened)
                throw std::runtime_error(opened.error().message);
            *parts = std::move(opened).value();
            // The worker owns the client; the parts keep what it borrows.
            return std::move((*parts)->client);
        },
        options);
    worker->start();
    return worker;
}

}  // namespace ui
