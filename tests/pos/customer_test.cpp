// Customers: contact details as typed, loyalty cards, drafts, duplicates, merges, loyalty points.
#include <doctest/doctest.h>

#include "fakes.hpp"
#include "pos/customer.hpp"

using fakes::eur_cents;

namespace {

std::string refusal(const pos::Result<std::string>& r) {
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == pos::ErrorCode::bad_input);
    return r.error().message;
}

pos::Customer customer(std::string id, std::string name, std::string phone, std::string email,
                       std::string card = {}) {
    pos::Customer c;
    c.id = std::move(id);
    c.name = std::move(name);
    c.phone = std::move(phone);
    c.email = std::move(email);
    c.card = std::move(card);
    return c;
}

}  // namespace

TEST_CASE("phone numbers keep their digits and a leading plus") {
    CHECK(*pos::normalise_phone("(0)20 7946-0958") == "02079460958");
    CHECK(*pos::normalise_phone("+44 20 7946 0958") == "+442079460958");
    CHECK(*pos::normalise_phone(" 020.7946.0958 ") == "02079460958");
}

TEST_CASE("a malformed phone number is refused naming the field and what was typed") {
    CHECK(refusal(pos::normalise_phone("0207-ABC")) ==
          "phone \"0207-ABC\": only digits, spaces, dashes, dots, brackets and a leading +");
    CHECK(refusal(pos::normalise_phone("12345")) ==
          "phone \"12345\": 5 digits; a phone number has 7 to 15");
    CHECK(refusal(pos::normalise_phone("1234567890123456")) ==
          "phone \"1234567890123456\": 16 digits; a phone number has 7 to 15");
    CHECK(refusal(pos::normalise_phone("020+7946 0958")).find("a leading +") != std::string::npos);
    CHECK(refusal(pos::normalise_phone("  ")).find("phone is empty") == 0);
}

TEST_CASE("email addresses are lower-cased and checked piece by piece") {
    CHECK(*pos::normalise_email("  Ann.Smith@Example.COM ") == "ann.smith@example.com");
    CHECK(refusal(pos::normalise_email("ann@example")) ==
          "email \"ann@example\": the part after @ needs a dot (example.com)");
    CHECK(refusal(pos::normalise_email("ann.example.com")) ==
          "email \"ann.example.com\": an email address needs an @ (ann@example.com)");
    CHECK(refusal(pos::normalise_email("ann@@example.com")) ==
          "email \"ann@@example.com\": an email address has only one @");
    CHECK(refusal(pos::normalise_email("@example.com")) ==
          "email \"@example.com\": the part before @ is missing");
    CHECK(refusal(pos::normalise_email("ann smith@example.com")) ==
          "email \"ann smith@example.com\": an email address has no spaces");
    CHECK(refusal(pos::normalise_email("ann@example..com")) ==
          "email \"ann@example..com\": the part after @ has an empty piece between dots");
    CHECK(refusal(pos::normalise_email("ann@")) ==
          "email \"ann@\": the part after @ is missing (example.com)");
}

TEST_CASE("loyalty cards are LC, digits and a check digit") {
    CHECK(pos::new_loyalty_card(42) == "LC0000000420");
    CHECK(pos::new_loyalty_card(123456789).size() == 12);
    CHECK(pos::is_loyalty_card(pos::new_loyalty_card(123456789)));
    CHECK(pos::is_loyalty_card("LC0000000420"));
    CHECK_FALSE(pos::is_loyalty_card("LC0000000421"));  // wrong check digit
    CHECK_FALSE(pos::is_loyalty_card("LC12345"));       // too short
    CHECK_FALSE(pos::is_loyalty_card("XX0000000420"));
    CHECK_FALSE(pos::is_loyalty_card("LC00000A0420"));
}

TEST_CASE("a customer draft is checked field by field") {
    pos::CustomerDraft draft;
    draft.name = "  Ann Smith ";
    draft.phone = "+44 20 7946 0958";
    draft.email = "Ann@Example.com";
    draft.card = "lc0000000420";
    draft.consent.email = true;
    auto c = pos::check_customer_draft(draft);
    REQUIRE(c.ok());
    CHECK(c->name == "Ann Smith");
    CHECK(c->phone == "+442079460958");
    CHECK(c->email == "ann@example.com");
    CHECK(c->card == "LC0000000420");
    CHECK(c->consent.email);
    CHECK_FALSE(c->consent.sms);
    CHECK(c->id.empty());

    SUBCASE("a name is required, at most 80 characters") {
        draft.name = " ";
        CHECK(pos::check_customer_draft(draft).error().message ==
              "name is empty: key the customer's name");
        draft.name = std::string(81, 'a');
        CHECK(pos::check_customer_draft(draft).error().message ==
              "name is 81 characters long; at most 80");
    }
    SUBCASE("a phone or an email is required") {
        draft.phone.clear();
        draft.email = " ";
        CHECK(pos::check_customer_draft(draft).error().message ==
              "Key a phone number or an email address (at least one)");
        draft.email = "ann@example.com";
        CHECK(pos::check_customer_draft(draft).ok());
    }
    SUBCASE("a bad phone, email or card names its field") {
        draft.phone = "0207-ABC";
        CHECK(pos::check_customer_draft(draft).error().message.find("phone \"0207-ABC\"") == 0);
        draft.phone = "020 7946 0958";
        draft.email = "ann@example";
        CHECK(pos::check_customer_draft(draft).error().message.find("email \"ann@example\"") == 0);
        draft.email.clear();
        draft.card = "LC0000000421";
        CHECK(pos::check_customer_draft(draft).error().message ==
              "card \"LC0000000421\": wrong check digit (the last digit should be 0); scan the "
              "card again");
        draft.card = "12345";
        CHECK(pos::check_customer_draft(draft).error().message ==
              "card \"12345\": not a loyalty card (LC followed by 6 to 16 digits)");
    }
}

TEST_CASE("duplicates come strongest reason first, never the customer or a merged record") {
    const auto ann = customer("new", "Ann Smith", "02079460958", "ann@example.com", "LC0000000420");
    const std::vector<pos::Customer> candidates{
        customer("c1", "A. Smith", "", "ann@example.com"),
        customer("c2", "ann  smith", "07700 900958", ""),
        customer("c3", "Ann S", "02079460958", ""),
        customer("c4", "Bob", "", "", "LC0000000420"),
        customer("new", "Ann Smith", "02079460958", "ann@example.com"),
        customer("c6", "Someone Else", "01234567", "other@example.com"),
        customer("c3", "Ann S", "02079460958", ""),  // the same record found twice
    };
    auto merged_one = customer("c7", "Ann Smith", "02079460958", "");
    merged_one.merged_into = "c3";
    auto with_merged = candidates;
    with_merged.push_back(merged_one);

    const auto matches = pos::find_duplicates(ann, with_merged);
    REQUIRE(matches.size() == 4);
    CHECK(matches[0].existing.id == "c4");
    CHECK(matches[0].reason == pos::DuplicateReason::same_card);
    CHECK(matches[1].existing.id == "c3");
    CHECK(matches[1].reason == pos::DuplicateReason::same_phone);
    CHECK(matches[2].existing.id == "c1");
    CHECK(matches[2].reason == pos::DuplicateReason::same_email);
    CHECK(matches[3].existing.id == "c2");
    CHECK(matches[3].reason == pos::DuplicateReason::same_name_and_phone_tail);
    CHECK(pos::describe(matches[1].reason) == "same phone number");
    CHECK(pos::describe(pos::DuplicateReason::same_card) == "same loyalty card");
}

TEST_CASE("a merge keeps the kept record's fields and consents and fills the gaps") {
    auto keep = customer("k", "Ann Smith", "02079460958", "");
    keep.consent.sms = true;
    keep.note = "prefers calls after 5pm";
    keep.created_at_ms = 2000;
    keep.updated_at_ms = 5000;
    auto dup = customer("d", "Annie Smith", "07700900958", "ann@example.com", "LC0000000420");
    dup.consent = {true, true, true};
    dup.note = "allergic to wool";
    dup.store_credit_account = "SC1";
    dup.created_at_ms = 1000;
    dup.updated_at_ms = 9000;

    const auto m = pos::merged(keep, dup);
    CHECK(m.id == "k");
    CHECK(m.name == "Ann Smith");
    CHECK(m.phone == "02079460958");
    CHECK(m.email == "ann@example.com");
    CHECK(m.card == "LC0000000420");
    CHECK(m.store_credit_account == "SC1");
    CHECK(m.consent == pos::ContactConsent{false, true, false});
    CHECK(m.note == "prefers calls after 5pm; allergic to wool");
    CHECK(m.created_at_ms == 1000);
    CHECK(m.updated_at_ms == 9000);
    CHECK(m.merged_into.empty());
}

TEST_CASE("points are earned per whole unit paid, not on what points paid") {
    const pos::LoyaltyRules rules;
    CHECK(pos::points_earned(rules, eur_cents(1248), eur_cents(0)) == 12);
    CHECK(pos::points_earned(rules, eur_cents(1248), eur_cents(300)) == 9);
    CHECK(pos::points_earned(rules, eur_cents(99), eur_cents(0)) == 0);
    SUBCASE("a refund takes back what the sale earned") {
        CHECK(pos::points_earned(rules, eur_cents(-1248), eur_cents(0)) == -12);
        CHECK(pos::points_earned(rules, eur_cents(-1248), eur_cents(-300)) == -9);
    }
    SUBCASE("rules scale it, and switched off earns nothing") {
        pos::LoyaltyRules doubled = rules;
        doubled.points_per_unit = 2;
        CHECK(pos::points_earned(doubled, eur_cents(1248), eur_cents(0)) == 24);
        pos::LoyaltyRules off = rules;
        off.enabled = false;
        CHECK(pos::points_earned(off, eur_cents(1248), eur_cents(0)) == 0);
    }
}

TEST_CASE("points are worth their value and an amount needs whole points") {
    pos::LoyaltyRules rules;
    CHECK(pos::points_value(rules, 250, fakes::eur) == eur_cents(250));
    CHECK(pos::points_for(rules, eur_cents(400)) == 400);
    rules.point_value_minor = 5;
    CHECK(pos::points_value(rules, 3, fakes::eur) == eur_cents(15));
    CHECK(pos::points_for(rules, eur_cents(11)) == 3);  // rounded up
}

TEST_CASE("a redemption over the balance says what the card holds") {
    const pos::LoyaltyRules rules;
    auto over = pos::check_redemption(rules, eur_cents(400), 250);
    REQUIRE_FALSE(over.ok());
    CHECK(over.error().message == "Only 250 points (2.50) on the card; 4.00 asked");
    CHECK(*pos::check_redemption(rules, eur_cents(250), 250) == 250);
    auto small = pos::check_redemption(rules, eur_cents(50), 250);
    REQUIRE_FALSE(small.ok());
    CHECK(small.error().message ==
          "At least 100 points (1.00) are redeemed at a time; 0.50 is 50 points");
    auto zero = pos::check_redemption(rules, eur_cents(0), 250);
    REQUIRE_FALSE(zero.ok());
    pos::LoyaltyRules off = rules;
    off.enabled = false;
    auto disabled = pos::check_redemption(off, eur_cents(100), 250);
    REQUIRE_FALSE(disabled.ok());
    CHECK(disabled.error().code == pos::ErrorCode::not_allowed);
    CHECK(disabled.error().message == "Loyalty points are not in use at this store");
}

TEST_CASE("a ticket names the customer by id, name and card") {
    const auto ann = customer("c1", "Ann Smith", "02079460958", "", "LC0000000420");
    CHECK(pos::ref_of(ann) == pos::CustomerRef{"c1", "Ann Smith", "LC0000000420"});
}
