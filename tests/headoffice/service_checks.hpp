// Helpers of the customer-service chain test (service_sync_test.cpp): a clerk's till on a test
// terminal, customers made as the counter makes them, sync until both the journal outbox and the
// service records are sent, and what must hold once the dust settles (nothing queued, journals
// verify, head office holds each ticket once).
#pragma once

#include <doctest/doctest.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "db/store.hpp"
#include "head_office_fixture.hpp"
#include "pos/customer.hpp"
#include "pos/interaction.hpp"
#include "pos/sale.hpp"
#include "pos/stock_lookup.hpp"

namespace testing_support {

// Fails the test with the error's message when `result` is not ok.
template <typename R>
void require_done(const R& result, const std::string& what) {
    REQUIRE_MESSAGE(result.ok(), what << ": " << (result.ok() ? "" : result.error().message));
}

// A till at the terminal with clerk 1001 logged in: one ticket per Till.
class Till {
  public:
    explicit Till(TestTerminal& terminal);
    pos::SaleSession& session() { return session_; }
    // Adds `quantity` of the product with this code.
    void add(const std::string& product_code, const std::string& quantity = "1");
    // Goes to the tender screen (once).
    void begin_tender();
    // Pays what is still due in cash; returns the receipt number of the completed ticket.
    std::string pay_rest_in_cash();

  private:
    TestTerminal& terminal_;
    db::RandomIds ids_;
    pos::SaleSession session_;
    bool tendering_ = false;
};

// A UUID-shaped id, distinct per number and terminal letter.
std::string test_uuid(char terminal, int number);

// Creates a customer at the terminal as the customer form does (checked draft, new id, this
// store as home, the terminal's clock for dates) and returns it as stored. `id` replaces the
// test id made from `number` when given.
pos::Customer create_customer(TestTerminal& terminal, int number, const std::string& name,
                              const std::string& phone, const std::string& email,
                              const std::string& id = {});
// Saves an edit made at the terminal at `at_ms` (a lagging clock may make it older).
void save_customer_edit(TestTerminal& terminal, pos::Customer customer, std::int64_t at_ms);

// The customer's name as the terminal holds it (fails the test when it does not know them).
std::string customer_name_at(TestTerminal& terminal, const std::string& id);
// Head office's customer search (at most 10).
std::vector<pos::Customer> customers_at_office(HeadOfficeFixture& office, const std::string& text);

// S001's interaction with this id at head office (open ones only unless all); checks it is
// listed once.
std::optional<pos::Interaction> interaction_at_office(HeadOfficeFixture& office,
                                                      const std::string& id, bool all);
// Whether the terminal lists the interaction among S001's open ones.
bool listed_open(TestTerminal& terminal, const std::string& id);
// Applies the clerk's update to the interaction (by number) at the terminal and saves it.
pos::Interaction update_interaction_at(TestTerminal& terminal, const std::string& number,
                                       const pos::InteractionDraft& draft);

// A request made at the terminal (of S001) for `quantity_milli` of chain product `product` held
// at or sent from S002; submitted (queued for head office) and returned.
pos::StockRequest submit_request(TestTerminal& terminal, int number, pos::StockRequestKind kind,
                                 int product, std::int64_t quantity_milli);
// The request as head office lists it for S001 (checked to be listed once).
std::optional<pos::StockRequest> request_at_office(HeadOfficeFixture& office,
                                                   const std::string& id);
// The request as the terminal's recent list shows it.
std::optional<pos::StockRequest> request_at(TestTerminal& terminal, const std::string& id);
// Head office answers a minute later; fails the test when refused.
void answer_request(HeadOfficeFixture& office, const std::string& id,
                    pos::StockRequestStatus status, const std::string& note);

// The store's local day of the terminal's clock now.
std::int64_t today_at(TestTerminal& terminal);

// Moves head office's clock and every terminal's by the same step, as real clocks do.
void advance(HeadOfficeFixture& office, const std::vector<TestTerminal*>& terminals,
             std::int64_t ms);
// A supplier delivery of the product at the store, booked at head office.
void receive(HeadOfficeFixture& office, const std::string& store, const std::string& product_code,
             std::int64_t quantity_milli);
// Head office's stock of the product at the store (0 when it holds no level).
std::int64_t stock_at(HeadOfficeFixture& office, const std::string& store,
                      const std::string& product_code);

// Runs rounds until the journal outbox and the service records queue are both empty; fails the
// test with the last error after `attempts` rounds.
void sync_service(TestTerminal& terminal, int attempts = 5);

// Nothing queued at the terminal (journal and records), its journal verifies.
void check_terminal_settled(TestTerminal& terminal);
// Every terminal settled, and head office holds the store's tickets and journal entries exactly
// as the terminals hold them (no doubles, no gaps, no anomalies).
void check_settled(HeadOfficeFixture& office, const std::string& store_code,
                   const std::vector<TestTerminal*>& terminals);

}  // namespace testing_support
