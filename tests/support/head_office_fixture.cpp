#include "head_office_fixture.hpp"

#include <doctest/doctest.h>
#include <stdlib.h>
#include <unistd.h>

#include <algorithm>
#include <utility>

#include "pg_server.hpp"
#include "pos/barcode.hpp"
#include "pos/login.hpp"
#include "pos/returns.hpp"

namespace testing_support {

namespace {

constexpr std::int64_t code_valid_for_ms = 24LL * 3'600'000;

// On tmpfs when the machine has one: these tests kill processes, never the machine, so the
// fsync of every SQLite commit buys nothing here and costs seconds on a busy disk.
std::filesystem::path temp_base() {
    std::error_code ec;
    const std::filesystem::path shm = "/dev/shm";
    if (std::filesystem::is_directory(shm, ec) && ::access(shm.c_str(), W_OK) == 0)
        return shm;
    return std::filesystem::temp_directory_path();
}

void require_ok(const pos::Status& status, const std::string& what) {
    REQUIRE_MESSAGE(status.ok(), what << ": " << (status.ok() ? "" : status.error().message));
}

std::vector<pos::SettingRecord> store_settings(const std::string& name) {
    return {{"store_name", name},
            {"address_lines", "1 Chain Street\nTestville"},
            {"tax_id", "VAT 42"},
            {"currency_code", "EUR"},
            {"currency_exponent", "2"}};
}

void set_up_chain(headoffice::HeadOffice& office, int products) {
    require_ok(office.add_tax_rate(fakes::vat20), "adding tax rate A");
    require_ok(office.add_tax_rate(fakes::vat5), "adding tax rate B");
    require_ok(office.create_store({"S001", "Counter Market Centre", store_settings("Centre")}),
               "creating S001");
    require_ok(office.create_store({"S002", "Counter Market Harbour", store_settings("Harbour")}),
               "creating S002");
    require_ok(office.create_terminal("S001", "T01"), "creating T01");
    require_ok(office.create_terminal("S001", "T02"), "creating T02");
    require_ok(office.create_terminal("S002", "T11"), "creating T11");
    require_ok(office.create_user("1001", "Alex Martin", pos::Role::clerk, "1234", ""),
               "creating user 1001");
    require_ok(office.create_user("9001", "Morgan Lee", pos::Role::manager, "4321", ""),
               "creating user 9001");
    std::vector<pos::ProductRecord> catalogue;
    catalogue.reserve(static_cast<std::size_t>(products));
    for (int number = 1; number <= products; ++number)
        catalogue.push_back(chain_product(number));
    if (!catalogue.empty())
        require_ok(office.add_products(catalogue), "adding the catalogue");
}

}  // namespace

const char* backend_name(Backend backend) {
    return backend == Backend::sqlite ? "SQLite" : "PostgreSQL";
}

pos::ProductRecord chain_product(int number) {
    pos::ProductRecord product;
    const std::string data =
        std::to_string(2'000'000 + number);  // 7 digits: a GTIN-8 in-store code
    product.code = data + pos::gtin_check_digit(data);
    product.barcodes = {product.code};
    product.name = "Test product " + std::to_string(number);
    product.department = "Grocery";
    product.tax_code = number % 2 == 1 ? "A" : "B";
    product.unit_price_minor = 100 + number;
    product.unit = pos::UnitOfSale::each;
    return product;
}

std::string LockedIds::new_id() {
    std::lock_guard lock(mutex_);
    std::string number = std::to_string(++next_);
    return "00000000-0000-7000-8000-" +
           std::string(12 - std::min<std::size_t>(12, number.size()), '0') + number;
}

ScratchFolder::ScratchFolder(const std::string& prefix) {
    std::string pattern = (temp_base() / (prefix + "-XXXXXX")).string();
    if (mkdtemp(pattern.data()) == nullptr)
        FAIL("could not create a temporary folder for " << prefix);
    path_ = pattern;
}

ScratchFolder::~ScratchFolder() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
}

// ---- HeadOfficeFixture --------------------------------------------------------------------

HeadOfficeFixture::HeadOfficeFixture(Backend backend, int products)
    : backend_(backend), products_(products), ids_(std::make_unique<LockedIds>()) {
    location_ = backend == Backend::sqlite ? "sqlite:" + (folder_.path() / "headoffice.db").string()
                                           : shared_pg_server().new_database();
    pool_ = std::make_unique<headoffice::sql::ConnectionPool>(location_, 12);
    {
        auto connection = pool_->acquire();
        headoffice::sql::migrate(*connection);
    }
    head_office_ = std::make_unique<headoffice::HeadOffice>(*pool_, clock_, *ids_);
    set_up_chain(*head_office_, products);
    start_server();
}

HeadOfficeFixture::~HeadOfficeFixture() {
    server_.reset();
    head_office_.reset();
    pool_.reset();
}

std::string HeadOfficeFixture::url() const {
    return "http://127.0.0.1:" + std::to_string(port_);
}

int HeadOfficeFixture::port() const {
    return port_;
}

std::string HeadOfficeFixture::enrolment_code(const std::string& terminal_id) {
    auto code = head_office_->issue_enrolment_code(terminal_id, code_valid_for_ms);
    REQUIRE_MESSAGE(code.ok(), "enrolment code for " << terminal_id << ": "
                                                     << (code.ok() ? "" : code.error().message));
    return *code;
}

void HeadOfficeFixture::start_server() {
    headoffice::ServerOptions options;
    options.port = port_;  // 0 the first time: any free port
    server_ = std::make_unique<headoffice::HttpServer>(*head_office_, options);
    require_ok(server_->start(), "starting head office's HTTP server");
    port_ = server_->port();
}

void HeadOfficeFixture::stop_server() {
    if (server_)
        server_->stop();
    server_.reset();
}

void HeadOfficeFixture::restart_server() {
    stop_server();
    start_server();
}

// ---- TestTerminal -------------------------------------------------------------------------

namespace {

std::unique_ptr<db::Store> open_terminal_store(const std::filesystem::path& file) {
    auto opened = db::open_store(file);
    REQUIRE_MESSAGE(opened.ok(),
                    "opening " << file << ": " << (opened.ok() ? "" : opened.error().message));
    return std::move(opened).value();
}

}  // namespace

TestTerminal::TestTerminal(HeadOfficeFixture& head_office, const std::string& terminal_id,
                           const std::string& url, TerminalOptions options)
    : terminal_id_(terminal_id),
      folder_("counter-terminal-" + terminal_id),
      file_(folder_.path() / "terminal.db"),
      clock_(head_office.clock().now_ms()) {
    store_ = open_terminal_store(file_);
    sync_store_ = open_terminal_store(file_);
    transport_ = headoffice::http_transport(url, options.http);
    client_ = std::make_unique<headoffice::SyncClient>(sync_store_->sync(), *transport_, clock_,
                                                       options.sync);
    const auto enrolled =
        client_->enrol(url, head_office.enrolment_code(terminal_id), "test till " + terminal_id);
    REQUIRE_MESSAGE(enrolled.ok(), terminal_id << " enrolling: "
                                               << (enrolled.ok() ? "" : enrolled.error().message));
    REQUIRE(enrolled->terminal_id == terminal_id);
    if (options.load_catalogue) {
        const auto round = client_->run_round();
        REQUIRE_MESSAGE(round.ok(), terminal_id << " first sync round: "
                                                << (round.ok() ? "" : round.error().message));
    }
}

TestTerminal::~TestTerminal() {
    client_.reset();
    transport_.reset();
    sync_store_.reset();
    store_.reset();
}

pos::SaleServices TestTerminal::services() {
    db::Store& s = *store_;
    return {s.catalogue(), s.sales(),     clock_,           ids_,      s.promotions(),
            s.events(),    s.suspended(), s.stored_value(), s.users(), s.archive()};
}

// Logs the clerk in once with the PIN head office sent down (a hash only), as the till does.
pos::User TestTerminal::clerk() {
    if (!clerk_) {
        auto user = pos::log_in(store_->users(), clock_, "1001", "1234");
        REQUIRE_MESSAGE(user.ok(), terminal_id_ << " logging in 1001: "
                                                << (user.ok() ? "" : user.error().message));
        clerk_ = *user;
    }
    return *clerk_;
}

std::string TestTerminal::sell(const std::vector<std::string>& product_codes) {
    pos::SaleSession session(services(), store_->settings(), clerk());
    for (const auto& code : product_codes) {
        const auto product = store_->catalogue().find_by_code(code, clock_.now_ms());
        REQUIRE_MESSAGE(product.has_value(), terminal_id_ << " has no product " << code);
        const auto added = session.add_product(*product);
        REQUIRE_MESSAGE(added.ok(),
                        "adding " << code << ": " << (added.ok() ? "" : added.error().message));
    }
    const auto tender = session.begin_tender();
    REQUIRE_MESSAGE(tender.ok(), "tender: " << (tender.ok() ? "" : tender.error().message));
    const auto paid = session.tender_cash(pos::format_amount(session.cash_due()));
    REQUIRE_MESSAGE(paid.ok(), "cash: " << (paid.ok() ? "" : paid.error().message));
    REQUIRE_MESSAGE(paid->completed.has_value(), "the cash tender did not complete the sale");
    for (const auto& code : product_codes)
        stock_change_[code] -= 1000;
    receipts_.push_back(paid->completed->receipt_number);
    return receipts_.back();
}

std::string TestTerminal::return_item(const std::string& receipt, const std::string& product_code) {
    pos::SaleSession session(services(), store_->settings(), clerk());
    const auto original = session.open_original(receipt);
    REQUIRE_MESSAGE(original.ok(), "opening " << receipt << ": "
                                              << (original.ok() ? "" : original.error().message));
    const auto& lines = original->ticket.lines();
    std::size_t index = lines.size();
    for (std::size_t i = 0; i < lines.size() && index == lines.size(); ++i) {
        if (lines[i].code == product_code)
            index = i;
    }
    REQUIRE_MESSAGE(index < lines.size(), receipt << " has no line " << product_code);
    const auto added = session.add_return(*original, index, "1", pos::ReturnReason::changed_mind,
                                          pos::Disposition::restock);
    REQUIRE_MESSAGE(added.ok(), "return line: " << (added.ok() ? "" : added.error().message));
    const auto tender = session.begin_tender();
    REQUIRE_MESSAGE(tender.ok(), "refund: " << (tender.ok() ? "" : tender.error().message));
    const auto refunded = session.refund_to_original();
    REQUIRE_MESSAGE(refunded.ok(), "refund: " << (refunded.ok() ? "" : refunded.error().message));
    REQUIRE_MESSAGE(refunded->completed.has_value(), "the refund did not complete the return");
    stock_change_[product_code] += 1000;
    receipts_.push_back(refunded->completed->receipt_number);
    return receipts_.back();
}

std::int64_t TestTerminal::completed_total_minor() {
    std::int64_t total = 0;
    for (const auto& receipt : receipts_) {
        const auto ticket = store_->find_ticket(receipt);
        REQUIRE_MESSAGE(ticket.has_value(), terminal_id_ << " does not hold " << receipt);
        total += ticket->totals().total.minor();
    }
    return total;
}

}  // namespace testing_support
