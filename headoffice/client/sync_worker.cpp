// The sync thread: builds its SyncClient (its own store connection) and runs rounds at start, when
// woken after a sale, every idle_every_ms, and after a failure with jittered exponential backoff.
// Waits use the steady clock, so a wall clock moved backwards never stalls or hurries sync.
#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <exception>
#include <thread>

#include "headoffice/client/backoff.hpp"
#include "headoffice/client/sync_client.hpp"

namespace headoffice {

std::int64_t backoff_base_ms(int failures, std::int64_t first_ms, std::int64_t max_ms) {
    std::int64_t wait = std::max<std::int64_t>(first_ms, 1);
    for (int i = 1; i < failures && wait < max_ms; ++i)
        wait *= 2;
    return std::min(wait, std::max<std::int64_t>(max_ms, 1));
}

std::int64_t backoff_ms(int failures, std::int64_t first_ms, std::int64_t max_ms,
                        std::mt19937& random) {
    const std::int64_t base = backoff_base_ms(failures, first_ms, max_ms);
    const std::int64_t spread = base / 4;
    std::uniform_int_distribution<std::int64_t> jitter(-spread, spread);
    return base + jitter(random);
}

struct SyncWorker::Impl {
    ClientFactory make_client;
    SyncOptions options;
    std::thread thread;
    mutable std::mutex mutex;
    std::condition_variable changed;
    bool stopping = false;
    bool woken = false;
    SyncStatus status;
    SyncClient* client = nullptr;  // while the thread has one; guarded by mutex
    std::mt19937 random{std::random_device{}()};

    void publish(SyncStatus next) {
        std::lock_guard lock(mutex);
        status = std::move(next);
    }

    // Sleeps until the wait is over, a wake() or a stop(); false when stopping.
    bool wait(std::int64_t ms) {
        std::unique_lock lock(mutex);
        const auto until = std::chrono::steady_clock::now() + std::chrono::milliseconds(ms);
        changed.wait_until(lock, until, [this] { return stopping || woken; });
        woken = false;
        return !stopping;
    }

    std::unique_ptr<SyncClient> build_client() {
        try {
            return make_client();
        } catch (const std::exception& error) {
            publish_error(std::string("sync could not start: ") + error.what());
        }
        return nullptr;
    }

    void publish_error(const std::string& message) {
        std::lock_guard lock(mutex);
        status.online = false;
        status.last_error = message;
    }

    void attach(SyncClient* c) {
        std::lock_guard lock(mutex);
        client = c;
        if (c != nullptr && stopping)
            c->request_stop();
    }

    void run() {
        int failures = 0;
        std::unique_ptr<SyncClient> sync;
        while (!sync) {
            sync = build_client();
            if (!sync && !wait(backoff_ms(++failures, options.backoff_first_ms,
                                          options.backoff_max_ms, random)))
                return;
        }
        sync->on_progress([this](const SyncStatus& s) { publish(s); });
        attach(sync.get());
        failures = 0;
        publish(sync->status());
        std::int64_t next = 0;
        do {
            const auto round = sync->run_round();
            SyncStatus now = sync->status();
            next = options.idle_every_ms;
            // Revoked or not enrolled: knocking again changes nothing, so no backoff either;
            // the client itself does not call head office until the token changes.
            if (!round && !now.credentials_revoked && now.enrolled) {
                next = backoff_ms(++failures, options.backoff_first_ms, options.backoff_max_ms,
                                  random);
            } else {
                failures = 0;
            }
            now.retry_in_ms = round ? 0 : next;
            publish(now);
        } while (wait(next));
        attach(nullptr);
    }
};

SyncWorker::SyncWorker(ClientFactory make_client, SyncOptions options)
    : impl_(std::make_unique<Impl>()) {
    impl_->make_client = std::move(make_client);
    impl_->options = options;
}

SyncWorker::~SyncWorker() {
    stop();
}

void SyncWorker::start() {
    if (impl_->thread.joinable())
        return;
    {
        std::lock_guard lock(impl_->mutex);
        impl_->stopping = false;
    }
    impl_->thread = std::thread([this] { impl_->run(); });
}

void SyncWorker::wake() {
    {
        std::lock_guard lock(impl_->mutex);
        impl_->woken = true;
    }
    impl_->changed.notify_all();
}

void SyncWorker::stop() {
    {
        std::lock_guard lock(impl_->mutex);
        impl_->stopping = true;
        if (impl_->client != nullptr)
            impl_->client->request_stop();
    }
    impl_->changed.notify_all();
    if (impl_->thread.joinable())
        impl_->thread.join();
}

SyncStatus SyncWorker::status() const {
    std::lock_guard lock(impl_->mutex);
    return impl_->status;
}

}  // namespace headoffice
