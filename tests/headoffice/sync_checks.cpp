#include "sync_checks.hpp"

#include <doctest/doctest.h>

#include <chrono>
#include <sstream>
#include <thread>

namespace testing_support {

std::string code(int number) {
    return chain_product(number).code;
}

bool wait_until(const std::function<bool()>& done, std::int64_t timeout_ms) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
    while (!done()) {
        if (std::chrono::steady_clock::now() > deadline)
            return false;
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return true;
}

void sync_fully(TestTerminal& terminal, int attempts) {
    std::string last_error = "the outbox was never empty";
    for (int attempt = 0; attempt < attempts; ++attempt) {
        const auto round = terminal.sync().run_round();
        if (!round.ok()) {
            last_error = round.error().message;
            continue;
        }
        if (terminal.store().pending_outbox_count() == 0)
            return;
    }
    FAIL(terminal.terminal_id() << " could not sync fully: " << last_error);
}

void check_sales_held_once(HeadOfficeFixture& office, const std::string& store_code,
                           const std::vector<TestTerminal*>& terminals) {
    std::int64_t tickets = 0;
    std::int64_t total = 0;
    std::int64_t entries = 0;
    for (TestTerminal* terminal : terminals) {
        CHECK(terminal->store().completed_ticket_count() ==
              static_cast<std::int64_t>(terminal->receipts().size()));
        tickets += terminal->store().completed_ticket_count();
        total += terminal->completed_total_minor();
        entries += terminal->store().verify_journal().entries_checked;
    }
    const auto sales = office.head_office().store_sales(store_code);
    REQUIRE_MESSAGE(sales.ok(), (sales.ok() ? "" : sales.error().message));
    INFO("head office's sales of " << store_code);
    CHECK(sales->tickets == tickets);
    CHECK(sales->total_minor == total);
    CHECK(sales->entries == entries);  // every journal entry, not only the tickets, once
    std::ostringstream gaps;
    for (const auto& gap : sales->gaps)
        gaps << gap << "; ";
    CHECK_MESSAGE(sales->gaps.empty(), "gaps: " << gaps.str());
    std::ostringstream anomalies;
    for (const auto& anomaly : sales->anomalies)
        anomalies << anomaly << "; ";
    CHECK_MESSAGE(sales->anomalies.empty(), "anomalies: " << anomalies.str());
}

void check_outbox_acknowledged(TestTerminal& terminal) {
    INFO(terminal.terminal_id() << "'s outbox");
    CHECK(terminal.store().pending_outbox_count() == 0);
    CHECK(terminal.sync_store().sync().pending_count() == 0);
}

void check_journal_verifies(TestTerminal& terminal) {
    const db::JournalReport report = terminal.store().verify_journal();
    CHECK_MESSAGE(report.ok, terminal.terminal_id() << ": " << report.message);
}

namespace {

// The whole catalogue as head office sends it to this terminal from cursor 0.
std::map<std::string, pos::ProductRecord> head_office_catalogue(HeadOfficeFixture& office,
                                                                TestTerminal& terminal) {
    const headoffice::Identity who{terminal.store().settings().store_code, terminal.terminal_id()};
    std::map<std::string, pos::ProductRecord> products;
    std::int64_t cursor = 0;
    for (;;) {
        const auto reply = office.head_office().changes(who, cursor, headoffice::max_changes_batch);
        REQUIRE_MESSAGE(reply.ok(), (reply.ok() ? "" : reply.error().message));
        for (const auto& change : reply->changes) {
            if (const auto* product = std::get_if<pos::ProductRecord>(&change.record);
                product != nullptr && change.kind == "product" && !change.deleted)
                products[product->code] = *product;
        }
        if (reply->remaining == 0 || reply->next_cursor == cursor)
            break;
        cursor = reply->next_cursor;
    }
    return products;
}

std::int64_t price_at(const pos::ProductRecord& product, std::int64_t at_ms) {
    std::int64_t price = product.unit_price_minor;
    for (const auto& entry : product.prices) {
        if (entry.effective_from_ms <= at_ms)
            price = entry.unit_price_minor;
    }
    return price;
}

}  // namespace

void check_catalogue_matches(HeadOfficeFixture& office, TestTerminal& terminal) {
    INFO(terminal.terminal_id() << "'s catalogue against head office's");
    const auto products = head_office_catalogue(office, terminal);
    CHECK(terminal.store().product_count() == static_cast<std::int64_t>(products.size()));
    const std::int64_t now = terminal.clock().now_ms();
    std::int64_t differ = 0;
    std::string first;
    for (const auto& [product_code, record] : products) {
        const auto held = terminal.store().catalogue().find_by_code(product_code, now);
        std::ostringstream why;
        if (!held)
            why << product_code << " is missing";
        else if (held->name != record.name || held->tax.code != record.tax_code ||
                 held->unit_price.minor() != price_at(record, now))
            why << product_code << " is '" << held->name << "' " << held->tax.code << " "
                << held->unit_price.minor() << ", head office says '" << record.name << "' "
                << record.tax_code << " " << price_at(record, now);
        if (!why.str().empty() && differ++ == 0)
            first = why.str();
    }
    CHECK_MESSAGE(differ == 0, differ << " products differ, first: " << first);
}

void check_stock(HeadOfficeFixture& office, const std::string& store_code,
                 const std::map<std::string, std::int64_t>& expected) {
    std::map<std::string, std::int64_t> held;
    for (const auto& level : office.head_office().store_stock(store_code)) {
        CHECK(level.store_code == store_code);
        held[level.product_code] = level.quantity_milli;
    }
    for (const auto& [product_code, quantity] : expected) {
        INFO("stock of " << product_code << " at " << store_code);
        CHECK(held[product_code] == quantity);
    }
    for (const auto& [product_code, quantity] : held) {
        if (expected.count(product_code) == 0) {
            INFO("stock of " << product_code << " at " << store_code << " (never moved)");
            CHECK(quantity == 0);
        }
    }
}

void add_stock_changes(std::map<std::string, std::int64_t>& total, const TestTerminal& terminal) {
    for (const auto& [product_code, change] : terminal.stock_change_milli())
        total[product_code] += change;
}

void check_recovered(HeadOfficeFixture& office, const std::string& store_code,
                     const std::vector<TestTerminal*>& terminals) {
    check_sales_held_once(office, store_code, terminals);
    for (TestTerminal* terminal : terminals) {
        check_outbox_acknowledged(*terminal);
        check_journal_verifies(*terminal);
        check_catalogue_matches(office, *terminal);
    }
}

}  // namespace testing_support
