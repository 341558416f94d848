// Interactions at the counter: opening one, its status moves, follow-up dates, the open list.
#include <doctest/doctest.h>

#include "pos/interaction.hpp"

namespace {

constexpr std::int64_t today = 20'780;  // 2026-11-23
constexpr std::int64_t t0 = 1'795'000'000'000;

pos::InteractionDraft complaint() {
    pos::InteractionDraft d;
    d.kind = "complaint";
    d.category = "product quality";
    d.said = "The kettle leaks after a week";
    return d;
}

pos::Interaction opened() {
    auto i = pos::open_interaction(complaint(), today, t0);
    REQUIRE(i.ok());
    return *i;
}

pos::InteractionDraft status(std::string s, std::string done = {}) {
    pos::InteractionDraft d;
    d.status = std::move(s);
    d.done = std::move(done);
    return d;
}

}  // namespace

TEST_CASE("days are parsed as dates or days from today and printed back") {
    CHECK(*pos::parse_day("2026-11-23", 0) == today);
    CHECK(pos::format_day(today) == "2026-11-23");
    CHECK(*pos::parse_day("+3", today) == today + 3);
    CHECK(pos::format_day(*pos::parse_day("2028-02-29", today)) == "2028-02-29");
    CHECK(pos::format_day(0) == "1970-01-01");
    auto not_real = pos::parse_day("2026-02-30", today);
    REQUIRE_FALSE(not_real.ok());
    CHECK(not_real.error().message ==
          "\"2026-02-30\" is not a real date: use a date like 2026-11-30, or +3 for three days "
          "from today");
    CHECK(pos::parse_day("30/11/2026", today).error().message.find("is not a date") !=
          std::string::npos);
    CHECK(pos::parse_day("+x", today).error().message.find("is not a number of days") !=
          std::string::npos);
    CHECK_FALSE(pos::parse_day("2026-13-01", today).ok());
}

TEST_CASE("the local day follows the store's offset from UTC") {
    const std::int64_t midnight_utc = today * 86'400'000;
    CHECK(pos::local_day(midnight_utc, 0) == today);
    CHECK(pos::local_day(midnight_utc - 1, 0) == today - 1);
    CHECK(pos::local_day(midnight_utc - 30 * 60'000, 60) == today);  // 00:30 in UTC+1
    CHECK(pos::local_day(midnight_utc + 30 * 60'000, -60) == today - 1);
}

TEST_CASE("an interaction opens from the draft") {
    auto d = complaint();
    d.follow_up = "+2";
    d.receipt_number = " T01-000042 ";
    auto i = pos::open_interaction(d, today, t0);
    REQUIRE(i.ok());
    CHECK(i->kind == pos::InteractionKind::complaint);
    CHECK(i->category == "product quality");
    CHECK(i->status == pos::InteractionStatus::open);
    CHECK(i->follow_up_day == today + 2);
    CHECK(i->receipt_number == "T01-000042");
    CHECK(i->opened_at_ms == t0);
    CHECK(i->updated_at_ms == t0);
    CHECK(i->resolved_at_ms == 0);
    CHECK(pos::title(i->kind) == "Complaint");
    CHECK(pos::to_string(pos::InteractionStatus::waiting) == "waiting");
    CHECK(pos::interaction_status_from("resolved") == pos::InteractionStatus::resolved);
    CHECK_FALSE(pos::interaction_kind_from("moan").has_value());
    CHECK_FALSE(pos::interaction_categories().empty());
}

TEST_CASE("a bad draft is refused with the field named") {
    auto d = complaint();
    SUBCASE("unknown kind") {
        d.kind = "moan";
        CHECK(pos::open_interaction(d, today, t0).error().message ==
              "kind \"moan\": choose inquiry, complaint or request");
    }
    SUBCASE("no category, or one too long") {
        d.category = " ";
        CHECK(pos::open_interaction(d, today, t0).error().message.find("category is empty") == 0);
        d.category = std::string(41, 'x');
        CHECK(pos::open_interaction(d, today, t0).error().message.find("at most 40") !=
              std::string::npos);
    }
    SUBCASE("nothing said, or too much") {
        d.said = "";
        CHECK(pos::open_interaction(d, today, t0).error().message ==
              "what the customer said is empty: write it down in their words");
        d.said = std::string(2001, 'x');
        CHECK(pos::open_interaction(d, today, t0).error().message ==
              "what the customer said is 2001 characters long; at most 2000");
    }
    SUBCASE("resolved at once needs what was done") {
        d.status = "resolved";
        CHECK(pos::open_interaction(d, today, t0).error().message ==
              "To resolve it, write what was done");
        d.done = "Exchanged it";
        auto i = pos::open_interaction(d, today, t0);
        REQUIRE(i.ok());
        CHECK(i->resolved_at_ms == t0);
    }
    SUBCASE("a follow-up in the past or not a date") {
        d.follow_up = "2026-11-20";
        CHECK(pos::open_interaction(d, today, t0).error().message ==
              "follow-up 2026-11-20 is in the past (today is 2026-11-23)");
        d.follow_up = "next week";
        CHECK(pos::open_interaction(d, today, t0).error().message ==
              "follow-up: \"next week\" is not a date: use a date like 2026-11-30, or +3 for "
              "three days from today");
        d.follow_up = "2026-11-23";
        CHECK(pos::open_interaction(d, today, t0)->follow_up_day == today);
    }
    SUBCASE("an unknown status") {
        d.status = "closed";
        CHECK(pos::open_interaction(d, today, t0).error().message ==
              "status \"closed\": choose open, waiting or resolved");
    }
}

TEST_CASE("an interaction moves open, waiting, resolved and may be reopened") {
    auto i = opened();
    REQUIRE(pos::update_interaction(i, status("waiting"), today, t0 + 1).ok());
    CHECK(i.status == pos::InteractionStatus::waiting);
    CHECK(i.updated_at_ms == t0 + 1);
    REQUIRE(pos::update_interaction(i, status("open"), today, t0 + 2).ok());
    CHECK(i.status == pos::InteractionStatus::open);

    SUBCASE("resolving needs what was done, and a refusal changes nothing") {
        const auto before = i;
        auto r = pos::update_interaction(i, status("resolved"), today, t0 + 3);
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().message == "To resolve it, write what was done");
        CHECK(i == before);
    }
    SUBCASE("done written earlier is enough to resolve later") {
        pos::InteractionDraft d;
        d.done = "Ordered a replacement";
        REQUIRE(pos::update_interaction(i, d, today, t0 + 3).ok());
        REQUIRE(pos::update_interaction(i, status("resolved"), today, t0 + 4).ok());
        CHECK(i.status == pos::InteractionStatus::resolved);
        CHECK(i.resolved_at_ms == t0 + 4);
        CHECK(i.done == "Ordered a replacement");
        CHECK(i.said == "The kettle leaks after a week");  // empty fields keep what was there

        REQUIRE(pos::update_interaction(i, status("open"), today, t0 + 5).ok());
        CHECK(i.status == pos::InteractionStatus::open);
        CHECK(i.resolved_at_ms == 0);
    }
    SUBCASE("waiting straight to resolved with done given") {
        REQUIRE(pos::update_interaction(i, status("waiting"), today, t0 + 3).ok());
        REQUIRE(pos::update_interaction(i, status("resolved", "Refunded"), today, t0 + 4).ok());
        CHECK(i.resolved_at_ms == t0 + 4);
    }
}

TEST_CASE("an update sets, keeps or clears the follow-up") {
    auto i = opened();
    pos::InteractionDraft d;
    d.follow_up = "2026-11-30";
    REQUIRE(pos::update_interaction(i, d, today, t0 + 1).ok());
    CHECK(i.follow_up_day == today + 7);
    REQUIRE(pos::update_interaction(i, status("waiting"), today, t0 + 2).ok());
    CHECK(i.follow_up_day == today + 7);
    d.follow_up = "2026-11-01";
    const auto before = i;
    CHECK(pos::update_interaction(i, d, today, t0 + 3).error().message ==
          "follow-up 2026-11-01 is in the past (today is 2026-11-23)");
    CHECK(i == before);
    d.follow_up = "-";
    REQUIRE(pos::update_interaction(i, d, today, t0 + 4).ok());
    CHECK(i.follow_up_day == 0);
}

TEST_CASE("the follow-up list: active by follow-up day, none after, resolved last") {
    auto make = [](std::string id, pos::InteractionStatus s, std::int64_t follow_up,
                   std::int64_t opened_at) {
        pos::Interaction i;
        i.id = std::move(id);
        i.status = s;
        i.follow_up_day = follow_up;
        i.opened_at_ms = opened_at;
        return i;
    };
    using S = pos::InteractionStatus;
    std::vector<pos::Interaction> list{
        make("resolved", S::resolved, today - 5, 1), make("none-new", S::open, 0, 30),
        make("later", S::waiting, today + 3, 5),     make("overdue", S::open, today - 2, 20),
        make("none-old", S::waiting, 0, 10),         make("today", S::open, today, 2),
    };
    pos::sort_for_follow_up(list);
    std::vector<std::string> ids;
    for (const auto& i : list)
        ids.push_back(i.id);
    CHECK(ids == std::vector<std::string>{"overdue", "today", "later", "none-old", "none-new",
                                          "resolved"});
}
