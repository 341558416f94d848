#include <doctest/doctest.h>

#include "service_helpers.hpp"

using db_test::customer;
using db_test::saved;
using db_test::TempDir;

namespace {

std::vector<std::string> names(const std::vector<pos::Customer>& found) {
    std::vector<std::string> out;
    for (const auto& c : found)
        out.push_back(c.name);
    return out;
}

}  // namespace

TEST_CASE("Customers are found as the clerk types a name, phone digits, email or card") {
    TempDir dir;
    auto store = db_test::service_store(dir.file("t.db"));
    auto ann = saved(*store, customer("Ann Smith", "+442079460958", "ann@example.com",
                                      pos::new_loyalty_card(1)));
    saved(*store, customer("Annabel Jones", "02071234567", "bel@example.org"));
    saved(*store, customer("Bob Smithers", "+441632960001", "bob@example.net"));
    auto& book = store->customers();

    SUBCASE("name words are prefixes, in name order") {
        CHECK(names(book.search("smi", 10)) ==
              std::vector<std::string>{"Ann Smith", "Bob Smithers"});
        CHECK(names(book.search("ann", 10)) ==
              std::vector<std::string>{"Ann Smith", "Annabel Jones"});
        CHECK(names(book.search("an smi", 10)) == std::vector<std::string>{"Ann Smith"});
    }
    SUBCASE("phone digits anywhere in the number, spaces ignored") {
        CHECK(names(book.search("7946 0958", 10)) == std::vector<std::string>{"Ann Smith"});
        CHECK(names(book.search("020 7123", 10)) == std::vector<std::string>{"Annabel Jones"});
    }
    SUBCASE("the start of an email, any case") {
        CHECK(names(book.search("BOB@ex", 10)) == std::vector<std::string>{"Bob Smithers"});
    }
    SUBCASE("a card exactly, first") {
        CHECK(names(book.search(ann.card, 10)) == std::vector<std::string>{"Ann Smith"});
        REQUIRE(book.find_by_card(ann.card));
        CHECK(book.find_by_card(ann.card)->id == ann.id);
        CHECK_FALSE(book.find_by_card(pos::new_loyalty_card(2)));
    }
    SUBCASE("nothing typed, nothing found; the limit holds") {
        CHECK(book.search("  ", 10).empty());
        CHECK(book.search("smi", 1).size() == 1);
        CHECK(book.search("zzz", 10).empty());
    }
}

TEST_CASE("A saved customer reads back whole, edits replace it, and each save is queued") {
    TempDir dir;
    auto store = db_test::service_store(dir.file("t.db"));
    auto ann = customer("Ann Smith", "+442079460958", "ann@example.com");
    ann.consent.email = true;
    ann.note = "prefers calls after 5pm";
    saved(*store, ann);
    CHECK(store->customers().find(ann.id) == ann);
    ann.name = "Ann Smith-Jones";
    ann.updated_at_ms = db_test::at + 10;
    saved(*store, ann);
    CHECK(store->customers().find(ann.id)->name == "Ann Smith-Jones");
    CHECK(names(store->customers().search("jon", 5)) ==
          std::vector<std::string>{"Ann Smith-Jones"});
    CHECK(store->sync().pending_record_count() == 1);  // edited twice, sent once as it is now

    pos::Customer nameless = customer("  ", "+441234567");
    const auto refused = store->customers().save(nameless);
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().message == "The customer has no name; nothing was saved");
}

TEST_CASE("A card on another live customer is refused, naming that customer") {
    TempDir dir;
    auto store = db_test::service_store(dir.file("t.db"));
    const std::string card = pos::new_loyalty_card(7);
    saved(*store, customer("Ann Smith", "+442079460958", "", card));
    const auto bob = customer("Bob Smithers", "+441632960001", "", card);
    const auto refused = store->customers().save(bob);
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().message.find("already belongs to Ann Smith") != std::string::npos);
    CHECK_FALSE(store->customers().find(bob.id));
    CHECK(store->sync().pending_record_count() == 1);
}

TEST_CASE("Merging keeps one record, hides the duplicate and counts its points") {
    TempDir dir;
    auto store = db_test::service_store(dir.file("t.db"));
    auto keep = saved(*store, customer("Ann Smith", "+442079460958"));
    auto dup =
        saved(*store, customer("Ann Smith", "", "ann@example.com", pos::new_loyalty_card(3)));
    auto candidates = store->customers().candidates_for(keep);
    REQUIRE(candidates.size() == 1);
    CHECK(candidates[0].id == dup.id);

    db::ChangeBatch batch;
    pos::ReferenceChange earned;
    earned.sequence = 1;
    earned.kind = "loyalty";
    auto moved = db_test::movement(dup.id, 300);
    earned.key = moved.id;
    earned.record = moved;
    batch.next_cursor = 1;
    batch.changes = {earned};
    REQUIRE(store->sync().apply_changes(batch));
    CHECK(store->customers().points_balance(dup.id) == 300);

    const auto merged = store->customers().merge(keep.id, dup.id, db_test::at + 100);
    REQUIRE_MESSAGE(merged.ok(), (merged.ok() ? "" : merged.error().message));
    CHECK(merged->email == "ann@example.com");  // filled from the duplicate
    CHECK(merged->card == dup.card);
    CHECK(store->customers().points_balance(keep.id) == 300);
    CHECK(store->customers().points_history(keep.id, 10).size() == 1);
    CHECK(store->customers().find(dup.id)->merged_into == keep.id);
    CHECK(names(store->customers().search("ann smith", 10)) ==
          std::vector<std::string>{"Ann Smith"});
    CHECK(store->customers().find_by_card(dup.card)->id == keep.id);

    const auto again = store->customers().merge(keep.id, dup.id, db_test::at + 200);
    REQUIRE_FALSE(again.ok());
    CHECK(again.error().message.find("already merged") != std::string::npos);
    CHECK_FALSE(store->customers().merge(keep.id, "nobody", db_test::at).ok());
}

TEST_CASE("Loyalty card numbers come from a sequence that is never reused") {
    TempDir dir;
    auto store = db_test::service_store(dir.file("t.db"));
    const auto first = store->customers().next_card_sequence();
    const auto second = store->customers().next_card_sequence();
    CHECK(second == first + 1);
}

TEST_CASE("Two terminals never issue the same loyalty card, even offline") {
    TempDir dir;
    auto t01 = db_test::service_store(dir.file("t01.db"));
    auto t11 = db_test::service_store(dir.file("t11.db"));
    pos::StoreSettings settings = t11->settings();
    settings.terminal_id = "T11";
    REQUIRE(t11->save_settings(settings));
    REQUIRE(t01->settings().terminal_id == "T01");

    const auto from_t01 = pos::new_loyalty_card(t01->customers().next_card_sequence());
    const auto from_t11 = pos::new_loyalty_card(t11->customers().next_card_sequence());
    CHECK(from_t01 == "LC0010000014");
    CHECK(from_t11 == "LC0110000013");
    CHECK(pos::is_loyalty_card(from_t01));
    CHECK(pos::is_loyalty_card(from_t11));
}
