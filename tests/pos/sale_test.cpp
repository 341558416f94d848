#include <doctest/doctest.h>

#include "fakes.hpp"
#include "pos/sale.hpp"

namespace {

struct Fixture : fakes::Services {
    fakes::SaleStore& store = fakes::Services::store;
    pos::SaleSession session{sale(), fakes::settings(), fakes::clerk};
};

}  // namespace

TEST_CASE_FIXTURE(Fixture, "a clerk scans three items, pays cash and gets change") {
    REQUIRE(session.add_item("4000000000013").ok());
    REQUIRE(session.add_item("4000000000020").ok());
    REQUIRE(session.add_item("4000000000037\r\n").ok());
    CHECK(session.ticket().totals().total.minor() == 119 + 349 + 899);
    REQUIRE(session.begin_tender().ok());
    auto done = session.tender_cash("20");
    REQUIRE(done.ok());
    REQUIRE(done->completed.has_value());
    CHECK(done->completed->receipt_number == "T01-000001");
    CHECK(session.ticket().state() == pos::TicketState::completed);
    CHECK(session.ticket().change_given().minor() == 2000 - 1367);
    REQUIRE(store.written.size() == 1);
    CHECK(store.written[0].payments().size() == 2);
    CHECK(store.written[0].payments()[1].amount.minor() == -(2000 - 1367));
}

TEST_CASE_FIXTURE(Fixture, "exact cash records no change payment") {
    session.add_item("4000000000020");
    session.begin_tender();
    REQUIRE(session.tender_cash("3.49").ok());
    CHECK(store.written[0].payments().size() == 1);
    CHECK(session.ticket().change_given().is_zero());
}

TEST_CASE_FIXTURE(Fixture, "bad scans are refused and leave the ticket as it was") {
    session.add_item("4000000000013");
    const auto before = session.ticket().totals().total;
    SUBCASE("unknown barcode") {
        auto r = session.add_item("4000000000099");
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().code == pos::ErrorCode::not_found);
        CHECK(r.error().message.find("No product has the code 4000000000099") != std::string::npos);
    }
    SUBCASE("bad check digit") {
        auto r = session.add_item("4000000000014");
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().message.find("check digit") != std::string::npos);
    }
    SUBCASE("zero quantity") {
        CHECK_FALSE(session.add_item("4000000000013", "0").ok());
    }
    SUBCASE("absurd quantity") {
        CHECK_FALSE(session.add_item("4000000000013", "50000").ok());
    }
    SUBCASE("weighed item without a weight") {
        auto r = session.add_item("4011");
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().message.find("sold by weight") != std::string::npos);
    }
    CHECK(session.ticket().lines().size() == 1);
    CHECK(session.ticket().totals().total == before);
}

TEST_CASE_FIXTURE(Fixture, "a weighed item is sold by the keyed weight") {
    REQUIRE(session.add_item("4011", "0.455").ok());
    CHECK(session.ticket().lines()[0].amounts.gross.minor() == 91);
}

TEST_CASE_FIXTURE(Fixture, "a weight too small to cost anything is refused") {
    auto r = session.add_item("4011", "0.002");  // 0.00398 EUR
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().message ==
          "0.002 kg of Bananas loose costs less than the smallest coin: check the weight");
    CHECK(session.ticket().lines().empty());
}

TEST_CASE_FIXTURE(Fixture, "a sale that costs nothing is completed with a zero tender") {
    session.add_item("4000000000037");
    // 100% is over the store's discount limit: a supervisor approves it.
    REQUIRE(session
                .set_ticket_discount({pos::DiscountKind::percent, {1'000'000}, 0, "goodwill"},
                                     {"5001", "5555", "", "goodwill"})
                .ok());
    session.begin_tender();
    auto done = session.tender_cash("0");
    REQUIRE(done.ok());
    CHECK(done->completed.has_value());
    CHECK(session.ticket().payments().empty());
}

TEST_CASE_FIXTURE(Fixture, "quantity changes and voids check their input") {
    session.add_item("4000000000013");
    CHECK(session.change_quantity(0, "4").ok());
    CHECK(session.ticket().totals().total.minor() == 4 * 119);
    CHECK_FALSE(session.change_quantity(0, "0").ok());
    CHECK_FALSE(session.change_quantity(5, "1").ok());
    CHECK(session.ticket().totals().total.minor() == 4 * 119);
    CHECK(session.void_line(0).ok());
    CHECK(session.ticket().lines()[0].voided);
    CHECK(session.ticket().totals().total.is_zero());
}

TEST_CASE_FIXTURE(Fixture, "tendering less than the total is refused and nothing is stored") {
    session.add_item("4000000000037");
    session.begin_tender();
    auto r = session.tender_cash("5");
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().message == "Cash 5.00 is less than the 8.99 due: key the amount received");
    CHECK(session.ticket().payments().empty());
    CHECK(session.ticket().state() == pos::TicketState::tendering);
    CHECK(store.written.empty());
    CHECK_FALSE(session.tender_cash("abc").ok());
    CHECK_FALSE(session.tender_cash("0").ok());
}

TEST_CASE_FIXTURE(Fixture, "a failed store write keeps the sale open for another try") {
    session.add_item("4000000000037");
    session.begin_tender();
    store.fail_next = true;
    auto r = session.tender_cash("10");
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == pos::ErrorCode::store_failure);
    CHECK(session.ticket().payments().empty());
    CHECK(session.ticket().state() == pos::TicketState::tendering);
    REQUIRE(session.tender_cash("10").ok());
    CHECK(store.written.size() == 1);
}

TEST_CASE_FIXTURE(Fixture, "the ticket can only be edited while open") {
    CHECK_FALSE(session.begin_tender().ok());  // nothing to pay for
    session.add_item("4000000000013");
    session.begin_tender();
    CHECK_FALSE(session.add_item("4000000000013").ok());
    CHECK(session.back_to_sale().ok());
    CHECK(session.add_item("4000000000013").ok());
    session.begin_tender();
    session.tender_cash("10");
    CHECK_FALSE(session.void_line(0).ok());
    const auto first_id = session.ticket().id();
    CHECK(session.start_new_ticket().ok());
    CHECK(session.ticket().id() != first_id);
    CHECK(session.ticket().lines().empty());
}
