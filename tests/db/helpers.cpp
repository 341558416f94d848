#include "helpers.hpp"

#include <doctest/doctest.h>
#include <stdlib.h>

#include <fstream>
#include <iterator>
#include <sstream>

namespace db_test {

TempDir::TempDir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "counter-db-test-XXXXXX");
    if (mkdtemp(pattern.data()) == nullptr)
        FAIL("could not create a temporary folder");
    path_ = pattern;
}

TempDir::~TempDir() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
}

std::string read_bytes(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void write_bytes(const std::filesystem::path& file, const std::string& bytes) {
    std::ofstream out(file, std::ios::binary);
    out << bytes;
}

pos::Currency eur() {
    return pos::Currency::of("EUR", 2);
}

pos::StoreSettings test_settings() {
    return {"Test Market", {"1 High Street", "Testville"}, "VAT 1", "T01",
            eur(),         pos::PricingMode::tax_inclusive};
}

std::unique_ptr<db::SqliteStore> open(const std::filesystem::path& file) {
    auto opened = db::open_sqlite_store(file);
    if (!opened)
        FAIL("opening the store failed: " << opened.error().message);
    return std::move(opened).value();
}

db::NewProduct product(std::string code, std::string name, std::int64_t cents,
                       std::string tax_code) {
    return {{std::move(code)},   std::move(name), "Grocery",
            std::move(tax_code), cents,           pos::UnitOfSale::each};
}

std::unique_ptr<db::SqliteStore> small_store(const std::filesystem::path& file) {
    auto store = open(file);
    REQUIRE(store->save_settings(test_settings()));
    REQUIRE(store->add_tax_rate({"A", "VAT 20%", pos::Rate{200'000}}));
    REQUIRE(store->add_tax_rate({"B", "VAT 5%", pos::Rate{50'000}}));
    db::NewProduct milk = product("4000000000013", "Whole Milk 1 L", 119);
    milk.barcodes.push_back("4000000000020");
    db::NewProduct bananas = product("4011", "Bananas loose", 199);
    bananas.unit = pos::UnitOfSale::kilogram;
    const auto added =
        store->add_products({milk, product("4000000000037", "Sourdough Bread", 349),
                             product("4000000000044", "Rioja Red 75 cl", 899, "A"), bananas});
    if (!added)
        FAIL(added.error().message);
    return store;
}

std::string new_id() {
    static db::SystemClock clock;
    static db::RandomIds ids(clock);
    return ids.new_id();
}

pos::Ticket paid_ticket(db::Store& store, const std::string& terminal_id,
                        const std::vector<std::pair<std::string, std::int64_t>>& items,
                        std::int64_t cash_minor) {
    pos::Ticket ticket(new_id(), terminal_id, pos::Clerk{7, "Alex Martin"}, eur(),
                       pos::PricingMode::tax_inclusive, 1'700'000'000'000);
    for (const auto& [code, milli] : items) {
        const auto found = store.catalogue().find_by_code(code);
        REQUIRE_MESSAGE(found.has_value(), "no product " << code);
        ticket.add_line(new_id(), *found, pos::Quantity{milli});
    }
    ticket.begin_tender();
    const pos::Money due = ticket.totals().due;
    const pos::Money cash(cash_minor, eur());
    REQUIRE(cash >= due);
    ticket.add_payment({new_id(), pos::PaymentMethod::cash, cash});
    if (cash > due)
        ticket.add_payment({new_id(), pos::PaymentMethod::cash, -(cash - due)});
    return ticket;
}

}  // namespace db_test
