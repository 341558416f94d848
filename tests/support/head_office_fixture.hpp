// A real head office for tests: the HeadOffice service over SQLite (a temp file) or a fresh
// PostgreSQL database, served over HTTP on a loopback port, with a chain set up through the
// same admin calls pos-headoffice uses; and terminals (a real SQLite store each, enrolled with a
// one-time code) that sell and sync through it.
#pragma once

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "db/store.hpp"
#include "fakes.hpp"
#include "headoffice/client/sync_client.hpp"
#include "headoffice/client/transport.hpp"
#include "headoffice/server/head_office.hpp"
#include "headoffice/server/http_server.hpp"
#include "headoffice/sql/connection.hpp"
#include "pos/sale.hpp"

namespace testing_support {

enum class Backend { sqlite, postgresql };
const char* backend_name(Backend backend);

// Product `number` (1-based) of the demo chain: a GTIN-8 in-store code, 2000000 + number and its
// check digit ("20000011", "20000028", ...), name "Test product N", department "Grocery", tax "A"
// when odd and "B" when even, price 1.00 + N cents.
pos::ProductRecord chain_product(int number);

// Ids safe to take from the HTTP server's threads at once (fakes::Ids is not).
class LockedIds : public pos::IdSource {
  public:
    std::string new_id() override;

  private:
    std::mutex mutex_;
    std::int64_t next_ = 0;
};

// A wall clock a test moves by hand (even backwards), safe to read from sync threads.
class ManualClock : public pos::Clock {
  public:
    explicit ManualClock(std::int64_t now) : now_(now) {}
    std::int64_t now_ms() override { return now_.load(); }
    void set(std::int64_t now) { now_.store(now); }
    void advance(std::int64_t ms) { now_.fetch_add(ms); }

  private:
    std::atomic<std::int64_t> now_;
};

// A fresh folder (on /dev/shm when there is one), removed with everything in it at the end, even
// when the test fails half-way through setting up.
class ScratchFolder {
  public:
    explicit ScratchFolder(const std::string& prefix);
    ~ScratchFolder();
    ScratchFolder(const ScratchFolder&) = delete;
    ScratchFolder& operator=(const ScratchFolder&) = delete;
    const std::filesystem::path& path() const { return path_; }

  private:
    std::filesystem::path path_;
};

class HeadOfficeFixture {
  public:
    // Starts head office on the backend with the demo chain: tax rates A and B, the given
    // number of products (codes "20000011"..., see chain_product), stores S001 and S002,
    // terminals T01 and T02 in S001 and T11 in S002, staff 1001/1234 (clerk) and 9001/4321
    // (manager).
    explicit HeadOfficeFixture(Backend backend, int products = 50);
    ~HeadOfficeFixture();
    HeadOfficeFixture(const HeadOfficeFixture&) = delete;
    HeadOfficeFixture& operator=(const HeadOfficeFixture&) = delete;

    headoffice::HeadOffice& head_office() { return *head_office_; }
    std::string url() const;  // "http://127.0.0.1:PORT"
    int port() const;
    std::string location() const { return location_; }  // the database's location
    fakes::Clock& clock() { return clock_; }
    Backend backend() const { return backend_; }
    int products() const { return products_; }

    // A fresh one-time code for the terminal.
    std::string enrolment_code(const std::string& terminal_id);
    void restart_server();  // stops and starts the HTTP server on the same port (same database)
    void stop_server();
    void start_server();  // after stop_server(), on the same port

  private:
    ScratchFolder folder_{"counter-headoffice"};  // first in, last out: the database lives here
    Backend backend_;
    int products_ = 0;
    std::string location_;
    fakes::Clock clock_;
    std::unique_ptr<LockedIds> ids_;
    std::unique_ptr<headoffice::sql::ConnectionPool> pool_;
    std::unique_ptr<headoffice::HeadOffice> head_office_;
    std::unique_ptr<headoffice::HttpServer> server_;
    int port_ = 0;
};

struct TerminalOptions {
    headoffice::HttpOptions http;
    headoffice::SyncOptions sync;
    bool load_catalogue = true;  // run a first sync round right after enrolling
};

// A terminal with its own store file in a temp folder, enrolled at head office through url.
class TestTerminal {
  public:
    TestTerminal(HeadOfficeFixture& head_office, const std::string& terminal_id,
                 const std::string& url, TerminalOptions options = {});
    ~TestTerminal();
    TestTerminal(const TestTerminal&) = delete;
    TestTerminal& operator=(const TestTerminal&) = delete;

    db::Store& store() { return *store_; }
    db::Store& sync_store() { return *sync_store_; }
    headoffice::SyncClient& sync() { return *client_; }
    ManualClock& clock() { return clock_; }
    const std::string& terminal_id() const { return terminal_id_; }
    const std::filesystem::path& file() const { return file_; }

    // Completes a cash sale of these product codes (one each) and returns its receipt number.
    std::string sell(const std::vector<std::string>& product_codes);
    // Returns one unit of the line with this code of a sale made here (restock).
    std::string return_item(const std::string& receipt, const std::string& product_code);

    // Every ticket completed here (sales and returns), in order.
    const std::vector<std::string>& receipts() const { return receipts_; }
    // The sum of those tickets' totals as this terminal's store holds them (returns negative).
    std::int64_t completed_total_minor();
    // What the tickets completed here did to sellable stock, per product code (milli-units).
    const std::map<std::string, std::int64_t>& stock_change_milli() const { return stock_change_; }

  private:
    pos::SaleServices services();
    pos::User clerk();

    std::string terminal_id_;
    ScratchFolder folder_;
    std::filesystem::path file_;
    ManualClock clock_;
    db::RandomIds ids_{clock_};
    std::unique_ptr<db::Store> store_;
    std::unique_ptr<db::Store> sync_store_;  // the sync thread's own connection
    std::unique_ptr<headoffice::Transport> transport_;
    std::unique_ptr<headoffice::SyncClient> client_;
    std::optional<pos::User> clerk_;
    std::vector<std::string> receipts_;
    std::map<std::string, std::int64_t> stock_change_;
};

}  // namespace testing_support
