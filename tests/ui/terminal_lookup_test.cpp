// The stock lookup through Terminal::apply: finding a product, its stock in every store with the
// figures' ages, offline and live figures, requests to hold or transfer it, putting it on the
// sale; and the sale screen's suggestions. A real demo store (S001) in a temporary folder.
#include <doctest/doctest.h>

#include "terminal_fixture.hpp"

namespace {

constexpr std::int64_t minute_ms = 60LL * 1000;
const char* const digestives = "5012345000077";  // demo fixed products the history names
const char* const coffee = "5012345000046";

struct LookupFixture : TerminalFixture {
    // The test's own snapshot, of chocolate (a product the demo's snapshot leaves out): 12 here
    // (shelf "Aisle 4"), 3 at S002 and none at S003 (6 on order).
    void stock_snapshot(std::int64_t as_of_ms) {
        REQUIRE(store->sync()
                    .save_stores(
                        {{"S001", "High Street"}, {"S002", "Riverside"}, {"S003", "Station Road"}})
                    .ok());
        std::vector<pos::StockLevel> levels{
            {"S001", demo::chocolate, 12000, 0, 0, "Aisle 4"},
            {"S002", demo::chocolate, 3000, 0, 0, "Sweets aisle"},
            {"S003", demo::chocolate, 0, 6000, 20'790, ""},
        };
        REQUIRE(store->sync().save_stock(levels, as_of_ms).ok());
    }

    void look_up(const std::string& text) {
        REQUIRE(terminal.apply(ui::ShowLookup{}).ok());
        REQUIRE(terminal.apply(ui::LookupSearch{text}).ok());
    }
};

}  // namespace

TEST_CASE_FIXTURE(LookupFixture, "the lookup finds a product by its code and by its name") {
    log_in();
    REQUIRE(terminal.apply(ui::ShowLookup{}).ok());
    CHECK(terminal.screen() == ui::Screen::lookup);
    SUBCASE("a whole code opens the product") {
        REQUIRE(terminal.apply(ui::LookupSearch{demo::wine}).ok());
        const auto vm = screen<ui::LookupVm>();
        REQUIRE(vm.product);
        CHECK(vm.product->code == demo::wine);
        CHECK(vm.product->price == "EUR 8.99");
        CHECK(vm.product->codes.find(demo::wine) != std::string::npos);
    }
    SUBCASE("name words as typed list the matches; a pick opens one") {
        REQUIRE(terminal.apply(ui::LookupSearch{"sourd"}).ok());
        auto vm = screen<ui::LookupVm>();
        REQUIRE(vm.results.size() > 1);  // the demo's loaf and its generated sourdough loaves
        std::size_t loaf = vm.results.size();
        for (std::size_t i = 0; i < vm.results.size(); ++i) {
            CAPTURE(vm.results[i].name);
            CHECK(vm.results[i].name.find("Sourdough") != std::string::npos);
            if (vm.results[i].code == demo::sourdough)
                loaf = i;
        }
        REQUIRE(loaf < vm.results.size());
        CHECK_FALSE(vm.product);  // several found: nothing opened yet
        REQUIRE(terminal.apply(ui::LookupPick{loaf}).ok());
        vm = screen<ui::LookupVm>();
        REQUIRE(vm.product);
        CHECK(vm.product->code == demo::sourdough);
        CHECK(vm.product->name == "Oakmere Sourdough Loaf 800 g");
    }
    SUBCASE("nothing found says so; a pick past the end is refused") {
        REQUIRE(terminal.apply(ui::LookupSearch{"zzqx"}).ok());
        CHECK(terminal.message().text == "No product matches \"zzqx\"");
        CHECK(refusal(ui::LookupPick{3}) == "There is no result 4: the search found 0");
    }
    REQUIRE(terminal.apply(ui::BackToSale{}).ok());
    CHECK(terminal.screen() == ui::Screen::sale);
}

TEST_CASE_FIXTURE(LookupFixture, "stock is listed own store first with each figure's age") {
    log_in();
    stock_snapshot(clock.now - 10 * minute_ms);
    look_up(demo::chocolate);
    auto vm = screen<ui::LookupVm>();
    REQUIRE(vm.stock.size() == 3);
    CHECK(vm.stock[0].store == "S001 High Street (here)");
    CHECK(vm.stock[0].own);
    CHECK(vm.stock[0].on_hand == "12");
    CHECK_FALSE(vm.stock[0].can_request);  // nothing to ask of ourselves
    CHECK(vm.stock[1].store == "S002 Riverside");
    CHECK(vm.stock[1].can_request);
    CHECK(vm.stock[2].on_order.find("6") == 0);
    CHECK_FALSE(vm.stock[2].can_request);  // none on hand there
    CHECK(vm.stock[0].age == pos::describe_age(clock.now - 10 * minute_ms, clock.now));
    CHECK_FALSE(vm.stock[0].stale);
    CHECK(vm.product->location == "Aisle 4");

    clock.now += 3 * 60 * minute_ms;  // three hours later, nothing new came
    vm = screen<ui::LookupVm>();
    CHECK(vm.stock[0].stale);
    CHECK(vm.stock_warning);
}

TEST_CASE_FIXTURE(LookupFixture, "the demo store's own snapshot shows milk in every store") {
    clock.now = db::SystemClock().now_ms();  // the demo's snapshot is two hours before now
    log_in();
    look_up(demo::milk);
    const auto vm = screen<ui::LookupVm>();
    REQUIRE(vm.stock.size() == 3);
    CHECK(vm.stock[0].store == "S001 Counter Demo Market (here)");
    CHECK(vm.stock[0].on_hand == "24");
    CHECK(vm.stock[0].age == "2 h ago");
    CHECK(vm.stock[0].stale);
    CHECK(vm.stock[1].store == "S002 Riverside");
    CHECK(vm.stock[1].on_hand == "60");
    CHECK(vm.stock[2].store == "S003 Old Town");
    CHECK(vm.stock[2].on_order.find("48") == 0);
    CHECK(vm.product->location == "Aisle 1, chiller 2");
    CHECK(vm.stock_warning);
}

TEST_CASE_FIXTURE(LookupFixture, "without head office the snapshot is marked with its age") {
    log_in();
    stock_snapshot(clock.now - 2 * 60 * minute_ms);
    look_up(demo::chocolate);
    auto vm = screen<ui::LookupVm>();
    CHECK(vm.stock_source == "Not connected to head office: figures from " +
                                 pos::describe_age(clock.now - 2 * 60 * minute_ms, clock.now));
    CHECK(vm.stock_warning);
    CHECK_FALSE(vm.can_live);
    CHECK(refusal(ui::LookupLive{}).find("Not connected to head office") == 0);
    vm = screen<ui::LookupVm>();
    REQUIRE(vm.stock.size() == 3);  // the snapshot is still shown
}

TEST_CASE("live figures come from head office; a failure keeps the snapshot and says why") {
    LookupFixture f;
    bool reachable = true;
    ui::TerminalServices services{*f.store, f.clock, f.ids, f.devices, 0};
    services.sync_status = [] {
        headoffice::SyncStatus s;
        s.enrolled = true;
        s.online = false;
        return s;
    };
    services.live_stock = [&](const std::string& code) -> pos::Result<headoffice::StockReply> {
        if (!reachable)
            return pos::Error{pos::ErrorCode::store_failure, "connection refused"};
        headoffice::StockReply reply;
        reply.as_of_ms = f.clock.now;
        reply.levels = {{"S001", code, 11000, 0, 0, "Aisle 4"}, {"S002", code, 1000, 0, 0, ""}};
        reply.stores = {{"S001", "High Street"}, {"S002", "Riverside"}};
        return reply;
    };
    ui::Terminal terminal(services);
    f.stock_snapshot(f.clock.now - 90 * minute_ms);
    REQUIRE(terminal.apply(ui::LogIn{"1001", "1234"}).ok());
    REQUIRE(terminal.apply(ui::ShowLookup{}).ok());
    REQUIRE(terminal.apply(ui::LookupSearch{demo::chocolate}).ok());
    auto vm = std::get<ui::LookupVm>(terminal.view().screen);
    CHECK(vm.stock_source.find("Head office not reachable: figures from") == 0);

    REQUIRE(terminal.apply(ui::LookupLive{}).ok());
    vm = std::get<ui::LookupVm>(terminal.view().screen);
    REQUIRE(vm.stock.size() == 2);
    CHECK(vm.stock[0].on_hand == "11");
    CHECK(vm.stock[0].age == "live");
    CHECK(vm.stock_source.find("Live from head office at") == 0);
    CHECK_FALSE(vm.stock_warning);

    reachable = false;
    auto refused = terminal.apply(ui::LookupLive{});
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().message ==
          "Head office not reachable (connection refused); the snapshot is shown");
    vm = std::get<ui::LookupVm>(terminal.view().screen);
    REQUIRE(vm.stock.size() == 3);  // the snapshot again
    CHECK(vm.stock_warning);
}

TEST_CASE_FIXTURE(LookupFixture, "a hold request is stored for head office and listed") {
    log_in();
    stock_snapshot(clock.now - 5 * minute_ms);
    look_up(demo::chocolate);
    REQUIRE(terminal.apply(ui::RequestStock{"hold", "S002", "2", "Collects Saturday"}).ok());
    CHECK(terminal.message().text == "Hold of 2 × " + screen<ui::LookupVm>().product->name +
                                         " from S002 asked of head office");
    const auto vm = screen<ui::LookupVm>();
    REQUIRE(vm.requests.size() == 1);
    CHECK(vm.requests[0].what.find("Hold 2 × ") == 0);
    CHECK(vm.requests[0].what.find("at S002") != std::string::npos);
    CHECK(vm.requests[0].status.find("Requested") == 0);
    const auto stored = store->stock_requests().recent(5);
    REQUIRE(stored.size() == 1);
    CHECK(stored[0].to_store == "S001");
    CHECK(stored[0].note == "Collects Saturday");

    SUBCASE("bad requests change nothing") {
        CHECK(refusal(ui::RequestStock{"borrow", "S002", "1", ""}) ==
              "\"borrow\" is not a request: hold or transfer");
        CHECK_FALSE(terminal.apply(ui::RequestStock{"hold", "S001", "1", ""}).ok());  // here
        CHECK_FALSE(terminal.apply(ui::RequestStock{"transfer", "S002", "0", ""}).ok());
        CHECK(store->stock_requests().recent(5).size() == 1);
    }
}

TEST_CASE_FIXTURE(LookupFixture, "the product looked up goes onto the sale") {
    log_in();
    look_up(demo::chocolate);
    REQUIRE(terminal.apply(ui::AddLookedUp{"2"}).ok());
    CHECK(terminal.screen() == ui::Screen::sale);
    REQUIRE(terminal.ticket()->lines().size() == 1);
    CHECK(terminal.ticket()->lines()[0].code == demo::chocolate);
    CHECK(terminal.ticket()->lines()[0].quantity.milli == 2000);
}

TEST_CASE_FIXTURE(LookupFixture, "suggestions are what sold most with the ticket, and a tap adds") {
    log_in();
    // The demo's history: milk sold with sourdough 14 times, with digestives 9, with coffee 7;
    // sourdough with bananas 5. Here milk sells with sourdough 3 more times, with chocolate twice
    // and with wine once (too rare to suggest).
    for (int i = 0; i < 3; ++i)
        sell({demo::milk, demo::sourdough}, "10");
    for (int i = 0; i < 2; ++i)
        sell({demo::milk, demo::chocolate}, "10");
    sell({demo::milk, demo::wine}, "20");
    REQUIRE(terminal.apply(ui::Scan{demo::milk, ""}).ok());
    auto vm = screen<ui::SaleVm>();
    REQUIRE(vm.suggestions.size() == 4);
    CHECK(vm.suggestions[0].code == demo::sourdough);  // 17 times
    CHECK(vm.suggestions[0].price == "2.49");
    CHECK(vm.suggestions[1].code == digestives);       // 9
    CHECK(vm.suggestions[2].code == coffee);           // 7
    CHECK(vm.suggestions[3].code == demo::chocolate);  // 2

    REQUIRE(terminal.apply(ui::AddSuggestion{0}).ok());
    REQUIRE(terminal.ticket()->lines().size() == 2);
    CHECK(terminal.ticket()->lines()[1].code == demo::sourdough);
    vm = screen<ui::SaleVm>();
    REQUIRE(vm.suggestions.size() == 4);  // bread is on the ticket now; bananas go with it
    CHECK(vm.suggestions[0].code == digestives);
    CHECK(vm.suggestions[1].code == coffee);
    CHECK(vm.suggestions[2].code == demo::bananas);  // 5, with the sourdough
    CHECK(vm.suggestions[3].code == demo::chocolate);
    CHECK(refusal(ui::AddSuggestion{5}) == "There is no suggestion 6: 4 shown");
}
