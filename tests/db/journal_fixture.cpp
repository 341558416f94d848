// journal_fixture DIR [intact|deleted|edited]: writes DIR/terminal.db with three cash sales on
// T01, then (deleted) removes journal entry 2 or (edited) changes entry 2's payload the way an
// attacker with the file would. Used by the verify-journal command's ctest.
#include <filesystem>
#include <iostream>
#include <string>

#include "db/sqlite.hpp"
#include "db/store.hpp"

namespace {

int fail(const std::string& message) {
    std::cerr << "journal_fixture: " << message << "\n";
    return 1;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 3)
        return fail("usage: journal_fixture DIR intact|deleted|edited");
    const std::filesystem::path dir = argv[1];
    const std::string damage = argv[2];
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    const auto file = dir / "terminal.db";
    {
        auto opened = db::open_store(file);
        if (!opened)
            return fail(opened.error().message);
        db::Store& store = **opened;
        pos::StoreSettings settings;
        settings.store_name = "Fixture Market";
        settings.terminal_id = "T01";
        settings.currency = pos::Currency::of("EUR", 2);
        if (auto saved = store.save_settings(settings); !saved)
            return fail(saved.error().message);
        if (auto added = store.add_tax_rate({"B", "VAT 5%", pos::Rate{50'000}}); !added)
            return fail(added.error().message);
        db::NewProduct bread{{"4000000000037"},    "Sourdough Bread", "Bakery", "B", 349,
                             pos::UnitOfSale::each};
        if (auto added = store.add_products({bread}); !added)
            return fail(added.error().message);
        const auto product = store.catalogue().find_by_code("4000000000037", 0);
        for (int i = 1; i <= 3; ++i) {
            const std::string n = std::to_string(i);
            pos::Ticket ticket("ticket-" + n, "T01", pos::Clerk{7, "Alex Martin"},
                               settings.currency, pos::TaxPolicy{}, 1000 * i);
            ticket.add_line("line-" + n, *product, pos::Quantity::units(i));
            ticket.begin_tender();
            ticket.add_payment(
                {"payment-" + n, pos::PaymentMethod::cash, ticket.totals().due, "", ""});
            if (auto sale = store.sales().complete_sale(ticket, 1000 * i + 500); !sale)
                return fail(sale.error().message);
        }
    }
    if (damage == "intact")
        return 0;
    auto raw = db::Database::open(file);
    raw.exec("DROP TRIGGER journal_append_only_update; DROP TRIGGER journal_append_only_delete",
             "dropping the journal's triggers");
    if (damage == "deleted") {
        raw.exec("DELETE FROM journal WHERE sequence = 2", "deleting entry 2");
    } else if (damage == "edited") {
        raw.exec(
            "UPDATE journal SET payload = replace(payload, 'payment.1.amount=698',"
            " 'payment.1.amount=98') WHERE sequence = 2",
            "editing entry 2");
    } else {
        return fail("unknown damage '" + damage + "'");
    }
    return 0;
}
