// What every chain and fault test asserts once the dust settles: head office holds each ticket a
// terminal completed exactly once, the terminal's outbox is fully acknowledged, its catalogue
// equals head office's, its journal verifies, and stock per store adds up.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "head_office_fixture.hpp"

namespace testing_support {

// Product code of chain_product(number).
std::string code(int number);

// Asks `done` every 20 ms until it says yes (true) or timeout_ms passed (false).
bool wait_until(const std::function<bool()>& done, std::int64_t timeout_ms);

// Runs sync rounds until one succeeds with nothing left in the outbox; fails the test with the
// last error after `attempts` rounds.
void sync_fully(TestTerminal& terminal, int attempts = 5);

// Head office's tickets, total and journal entries for the store equal what these terminals (all
// of the store's) completed and journaled, as their own stores hold it; no gaps, no anomalies.
void check_sales_held_once(HeadOfficeFixture& office, const std::string& store_code,
                           const std::vector<TestTerminal*>& terminals);
void check_outbox_acknowledged(TestTerminal& terminal);
void check_journal_verifies(TestTerminal& terminal);
// Every product head office's change log holds (read from cursor 0 as this terminal) is on the
// terminal with the same name, tax rate and price now, and the terminal holds no others.
void check_catalogue_matches(HeadOfficeFixture& office, TestTerminal& terminal);
// Head office's stock for the store equals `expected` (milli-units by product code; products
// not named must be at zero).
void check_stock(HeadOfficeFixture& office, const std::string& store_code,
                 const std::map<std::string, std::int64_t>& expected);
// Adds the terminal's stock changes into `total`.
void add_stock_changes(std::map<std::string, std::int64_t>& total, const TestTerminal& terminal);

// After a fault: sales held once, outbox acknowledged, catalogue equal, journal verifies.
void check_recovered(HeadOfficeFixture& office, const std::string& store_code,
                     const std::vector<TestTerminal*>& terminals);

}  // namespace testing_support
