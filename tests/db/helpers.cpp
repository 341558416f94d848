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

pos::Money cents(std::int64_t minor) {
    return pos::Money(minor, eur());
}

pos::Payment payment(pos::PaymentMethod method, std::int64_t minor, std::string reference,
                     std::string card_last4) {
    return {new_id(), method, cents(minor), std::move(reference), std::move(card_last4)};
}

pos::StoreSettings test_settings() {
    pos::StoreSettings settings;
    settings.store_name = "Test Market";
    settings.address_lines = {"1 High Street", "Testville"};
    settings.tax_id = "VAT 1";
    settings.terminal_id = "T01";
    settings.currency = eur();
    settings.pricing = pos::PricingMode::tax_inclusive;
    return settings;
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

pos::Ticket open_ticket(db::Store& store, const std::string& terminal_id,
                        const std::vector<std::pair<std::string, std::int64_t>>& items) {
    pos::Ticket ticket(new_id(), terminal_id, pos::Clerk{7, "Alex Martin"}, eur(), pos::TaxPolicy{},
                       at);
    for (const auto& [code, milli] : items) {
        const auto found = store.catalogue().find_by_code(code, at);
        REQUIRE_MESSAGE(found.has_value(), "no product " << code);
        ticket.add_line(new_id(), *found, pos::Quantity{milli});
    }
    return ticket;
}

void check_same_line_inputs(const pos::TicketLine& a, const pos::TicketLine& b) {
    CHECK(a.id == b.id);
    CHECK(a.product_id == b.product_id);
    CHECK(a.code == b.code);
    CHECK(a.name == b.name);
    CHECK(a.department == b.department);
    CHECK(a.tax == b.tax);
    CHECK(a.unit == b.unit);
    CHECK(a.list_price == b.list_price);
    CHECK(a.price_override == b.price_override);
    CHECK(a.quantity == b.quantity);
    CHECK(a.discount == b.discount);
    CHECK(a.voided == b.voided);
}

void check_same_content(const pos::Ticket& read, const pos::Ticket& written) {
    CHECK(read.policy().pricing == written.policy().pricing);
    CHECK(read.policy().rounding == written.policy().rounding);
    CHECK(read.discount() == written.discount());
    REQUIRE(read.lines().size() == written.lines().size());
    for (std::size_t i = 0; i < read.lines().size(); ++i) {
        const pos::TicketLine& a = read.lines()[i];
        const pos::TicketLine& b = written.lines()[i];
        INFO("line " << i << ": " << b.name);
        check_same_line_inputs(a, b);
        CHECK(a.unit_price == b.unit_price);
        CHECK(a.extended == b.extended);
        CHECK(a.promotion_saving == b.promotion_saving);
        CHECK(a.promotion == b.promotion);
        CHECK(a.discount_amount == b.discount_amount);
        CHECK(a.amounts.net == b.amounts.net);
        CHECK(a.amounts.tax == b.amounts.tax);
        CHECK(a.amounts.gross == b.amounts.gross);
        CHECK(a.returned == b.returned);
    }
    REQUIRE(read.payments().size() == written.payments().size());
    for (std::size_t i = 0; i < read.payments().size(); ++i) {
        const pos::Payment& a = read.payments()[i];
        const pos::Payment& b = written.payments()[i];
        INFO("payment " << i);
        CHECK(a.id == b.id);
        CHECK(a.method == b.method);
        CHECK(a.amount == b.amount);
        CHECK(a.reference == b.reference);
        CHECK(a.card_last4 == b.card_last4);
        CHECK(a.refund_of == b.refund_of);
    }
    CHECK(read.kind() == written.kind());
    CHECK(read.approvals() == written.approvals());
    CHECK(read.post_void_of() == written.post_void_of());
    CHECK(read.post_void_of_receipt() == written.post_void_of_receipt());
    const pos::Totals a = read.totals();
    const pos::Totals b = written.totals();
    CHECK(a.savings == b.savings);
    CHECK(a.discounts == b.discounts);
    CHECK(a.net == b.net);
    CHECK(a.tax == b.tax);
    CHECK(a.total == b.total);
    CHECK(a.paid == b.paid);
    CHECK(a.due.is_zero());
    CHECK(read.change_given() == written.change_given());
}

std::int64_t count_rows(db::SqliteStore& store, const std::string& table) {
    return store.database().query_int("SELECT count(*) FROM " + table, "counting " + table);
}

std::string text_for(db::SqliteStore& store, const std::string& sql, const std::string& key) {
    db::Statement row(store.database(), sql);
    row.bind_all(key);
    REQUIRE_MESSAGE(row.step(), "no row for " << key << ": " << sql);
    return row.column_text(0);
}

db::Database attacker_connection(const std::filesystem::path& file) {
    auto raw = db::Database::open(file);
    raw.exec("DROP TRIGGER journal_append_only_update; DROP TRIGGER journal_append_only_delete;",
             "dropping the journal's triggers");
    return raw;
}

pos::Ticket paid_ticket(db::Store& store, const std::string& terminal_id,
                        const std::vector<std::pair<std::string, std::int64_t>>& items,
                        std::int64_t cash_minor) {
    pos::Ticket ticket = open_ticket(store, terminal_id, items);
    ticket.begin_tender();
    const pos::Money due = ticket.totals().due;
    const pos::Money cash(cash_minor, eur());
    REQUIRE(cash >= due);
    ticket.add_payment(payment(pos::PaymentMethod::cash, cash.minor()));
    if (cash > due)
        ticket.add_payment(payment(pos::PaymentMethod::cash, -(cash - due).minor()));
    return ticket;
}

std::string complete(db::Store& store, const pos::Ticket& ticket, std::int64_t at_ms) {
    const auto done = store.sales().complete_sale(ticket, at_ms);
    REQUIRE_MESSAGE(done.ok(), (done.ok() ? std::string() : done.error().message));
    return done->receipt_number;
}

pos::Ticket empty_ticket(const std::string& terminal_id) {
    return pos::Ticket(new_id(), terminal_id, pos::Clerk{7, "Alex Martin"}, eur(), pos::TaxPolicy{},
                       at);
}

void add_returns(db::Store& store, pos::Ticket& ticket, const std::string& receipt,
                 const std::vector<std::pair<std::size_t, std::int64_t>>& lines,
                 pos::Disposition disposition) {
    const auto original = store.archive().open_for_return(receipt);
    REQUIRE_MESSAGE(original.has_value(), "no receipt " << receipt);
    for (const auto& [index, milli] : lines) {
        auto line =
            pos::make_return_line(*original, index, pos::Quantity{milli},
                                  pos::ReturnReason::changed_mind, disposition, ticket, new_id());
        REQUIRE_MESSAGE(line.ok(), (line.ok() ? std::string() : line.error().message));
        ticket.add_return_line(std::move(line).value());
    }
}

void refund_to_original(db::Store& store, pos::Ticket& ticket, const std::string& receipt) {
    const auto original = store.archive().open_for_return(receipt);
    REQUIRE(original.has_value());
    ticket.begin_tender();
    const pos::Money owed = -ticket.totals().due;
    REQUIRE(owed.minor() > 0);
    auto plan = pos::plan_refund(pos::refund_tenders(*original, ticket), owed);
    REQUIRE_MESSAGE(plan.ok(), (plan.ok() ? std::string() : plan.error().message));
    for (pos::Payment refund : *plan) {
        refund.id = new_id();
        ticket.add_payment(std::move(refund));
    }
}

}  // namespace db_test
