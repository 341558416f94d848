// HeadOffice over both backends: enrolment and credentials, journal upload, ticket lookup.
// The change log is in changes_test.cpp, stock in stock_test.cpp. Every case runs on SQLite and on
// PostgreSQL.
#include <doctest/doctest.h>

#include "db/journal.hpp"
#include "headoffice/server/internal.hpp"
#include "pos/canonical_text.hpp"
#include "server_helpers.hpp"

using headoffice::EntryOutcome;
using namespace server_test;

namespace {

template <typename T>
std::string message_of(const pos::Result<T>& result) {
    return result.ok() ? std::string() : result.error().message;
}

std::string replaced(std::string text, const std::string& from, const std::string& to) {
    const auto at_ = text.find(from);
    REQUIRE_MESSAGE(at_ != std::string::npos, "no '" << from << "' in the payload");
    return text.replace(at_, from.size(), to);
}

}  // namespace

TEST_CASE("A terminal enrols once with its code and then signs in with the token it was given") {
    for (const Backend backend : backends) {
        const std::string backend_name = name_of(backend);
        CAPTURE(backend_name);
        Chain chain(backend);
        auto code = chain.head_office.issue_enrolment_code("T02", 60'000);
        REQUIRE(code.ok());
        const auto enrolled = chain.head_office.enrol({*code, "till by the door"});
        REQUIRE_MESSAGE(enrolled.ok(), message_of(enrolled));
        CHECK(enrolled->store_code == "S001");
        CHECK(enrolled->store_name == "High Street");
        CHECK(enrolled->terminal_id == "T02");
        const auto who = chain.head_office.authenticate(enrolled->token);
        REQUIRE(who.ok());
        CHECK(who->store_code == "S001");
        CHECK(who->terminal_id == "T02");

        const auto again = chain.head_office.enrol({*code, "another till"});
        REQUIRE_FALSE(again.ok());
        CHECK(again.error().message.find("used already") != std::string::npos);
        CHECK(chain.head_office.authenticate(enrolled->token).ok());  // still the first till's
    }
}

TEST_CASE("An expired or replaced enrolment code is refused and gives no credentials") {
    for (const Backend backend : backends) {
        const std::string backend_name = name_of(backend);
        CAPTURE(backend_name);
        Chain chain(backend);
        const auto first = chain.head_office.issue_enrolment_code("T01", 60'000);
        const auto second = chain.head_office.issue_enrolment_code("T01", 60'000);
        REQUIRE((first.ok() && second.ok()));
        const auto replaced_code = chain.head_office.enrol({*first, "till"});
        REQUIRE_FALSE(replaced_code.ok());
        CHECK(replaced_code.error().message.find("not known") != std::string::npos);

        chain.clock.now += 60'001;
        const auto expired = chain.head_office.enrol({*second, "till"});
        REQUIRE_FALSE(expired.ok());
        CHECK(expired.error().message.find("expired") != std::string::npos);
        CHECK(chain.count("terminals WHERE token_hash IS NOT NULL") == 0);
    }
}

TEST_CASE("A wrong token or a revoked terminal's token is refused, saying which") {
    for (const Backend backend : backends) {
        const std::string backend_name = name_of(backend);
        CAPTURE(backend_name);
        Chain chain(backend);
        const auto code = chain.head_office.issue_enrolment_code("T01", 60'000);
        REQUIRE(code.ok());
        const auto enrolled = chain.head_office.enrol({*code, "till"});
        REQUIRE(enrolled.ok());

        const auto unknown = chain.head_office.authenticate("0123456789abcdef");
        REQUIRE_FALSE(unknown.ok());
        CHECK(unknown.error().message == "unknown credentials");
        CHECK(unknown.error().code == pos::ErrorCode::not_allowed);

        REQUIRE(chain.head_office.revoke_terminal("T01"));
        const auto revoked = chain.head_office.authenticate(enrolled->token);
        REQUIRE_FALSE(revoked.ok());
        CHECK(revoked.error().message.rfind("credentials revoked on 2026-", 0) == 0);
    }
}

TEST_CASE("Terminal ids are unique across the chain") {
    for (const Backend backend : backends) {
        const std::string backend_name = name_of(backend);
        CAPTURE(backend_name);
        Chain chain(backend);
        const auto twice = chain.head_office.create_terminal("S002", "T01");
        REQUIRE_FALSE(twice.ok());
        CHECK(twice.error().message.find("T01 exists already (store S001)") != std::string::npos);
        CHECK(chain.count("terminals") == 3);
    }
}

TEST_CASE("Head office computes the same entry hash as the terminal that wrote it") {
    Till till("T01");
    till.sell({{milk, 2000}});
    const auto entries = till.journal();
    REQUIRE(entries.size() == 1);
    const headoffice::JournalEntry& entry = entries.front();
    CHECK(headoffice::detail::entry_hash(entry.prev_hash, entry.payload) == entry.hash);
    CHECK(db::entry_hash(entry.prev_hash, entry.payload) == entry.hash);
    CHECK(headoffice::detail::sha256_hex("abc") == db::sha256_hex("abc"));
}

TEST_CASE("A sale uploaded twice is stored and counted once") {
    for (const Backend backend : backends) {
        const std::string backend_name = name_of(backend);
        CAPTURE(backend_name);
        Chain chain(backend);
        Till till("T01");
        const std::string receipt = till.sell({{milk, 2000}, {bread, 1000}});

        const auto first = chain.head_office.upload(t01, till.upload_from());
        REQUIRE_MESSAGE(first.ok(), message_of(first));
        REQUIRE(first->results.size() == 1);
        CHECK(first->results[0].outcome == EntryOutcome::stored);
        CHECK(first->contiguous_through == 1);

        const auto again = chain.head_office.upload(t01, till.upload_from());
        REQUIRE(again.ok());
        CHECK(again->results[0].outcome == EntryOutcome::repeat);
        CHECK(again->contiguous_through == 1);

        const auto sales = chain.head_office.store_sales("S001");
        REQUIRE(sales.ok());
        CHECK(sales->tickets == 1);
        CHECK(sales->total_minor == 2 * 119 + 349);
        CHECK(sales->entries == 1);
        CHECK(sales->gaps.empty());
        CHECK(sales->anomalies.empty());
        CHECK(chain.head_office.ticket(receipt).ok());
    }
}

TEST_CASE("An entry sent again with other content is put on the review list; the held one stays") {
    for (const Backend backend : backends) {
        const std::string backend_name = name_of(backend);
        CAPTURE(backend_name);
        Chain chain(backend);
        Till till("T01");
        const std::string receipt = till.sell({{milk, 1000}});
        REQUIRE(chain.head_office.upload(t01, till.upload_from()).ok());

        headoffice::JournalEntry forged = till.journal().front();
        forged.payload =
            replaced(forged.payload, "ticket.clerk_name=Alex Martin", "ticket.clerk_name=Mallory");
        forged.hash = headoffice::detail::entry_hash(forged.prev_hash, forged.payload);
        const auto reply = chain.head_office.upload(t01, {{forged}});
        REQUIRE(reply.ok());
        CHECK(reply->results[0].outcome == EntryOutcome::anomaly);
        CHECK(reply->results[0].message.find("content differs from the entry held") !=
              std::string::npos);

        const auto held = chain.head_office.ticket(receipt);
        REQUIRE(held.ok());
        CHECK(held->entry == till.journal().front());
        const auto review = chain.head_office.review_list();
        REQUIRE(review.size() == 1);
        CHECK(review[0].terminal_id == "T01");
        CHECK(review[0].sequence == 1);
        CHECK(review[0].reason == "content differs from the entry held");
        CHECK(chain.head_office.store_sales("S001")->total_minor == 119);
    }
}

TEST_CASE("An entry whose hash does not match is still stored, and put on the review list") {
    for (const Backend backend : backends) {
        const std::string backend_name = name_of(backend);
        CAPTURE(backend_name);
        Chain chain(backend);
        Till till("T01");
        till.sell({{milk, 1000}});
        till.sell({{bread, 1000}});
        auto entries = till.journal();
        entries[0].payload = replaced(entries[0].payload, "ticket.clerk_name=Alex Martin",
                                      "ticket.clerk_name=Mallory");
        entries[1].prev_hash = std::string(64, 'f');
        entries[1].hash = headoffice::detail::entry_hash(entries[1].prev_hash, entries[1].payload);
        const auto reply = chain.head_office.upload(t01, {entries});
        REQUIRE(reply.ok());
        CHECK(reply->results[0].outcome == EntryOutcome::anomaly);
        CHECK(reply->results[0].message == "hash does not match the entry's content");
        CHECK(reply->results[1].outcome == EntryOutcome::anomaly);
        CHECK(reply->results[1].message ==
              "hash chain broken: previous hash differs from entry 1 held");
        CHECK(reply->contiguous_through == 2);

        const auto sales = chain.head_office.store_sales("S001");
        CHECK(sales->tickets == 2);  // a completed sale is never rejected
        CHECK(sales->total_minor == 119 + 349);
        REQUIRE(sales->anomalies.size() == 2);
        CHECK(sales->anomalies[0] == "T01 entry 1: hash does not match the entry's content");
    }
}

TEST_CASE("An entry naming another terminal is refused while the rest of the batch is stored") {
    for (const Backend backend : backends) {
        const std::string backend_name = name_of(backend);
        CAPTURE(backend_name);
        Chain chain(backend);
        Till till("T01");
        till.sell({{milk, 1000}});
        till.sell({{bread, 1000}});
        till.sell({{wine, 1000}});
        auto entries = till.journal();
        entries[1].terminal_id = "T02";
        const auto reply = chain.head_office.upload(t01, {entries});
        REQUIRE(reply.ok());
        CHECK(reply->results[0].outcome == EntryOutcome::stored);
        CHECK(reply->results[1].outcome == EntryOutcome::refused);
        CHECK(reply->results[1].message.find("names terminal T02") != std::string::npos);
        CHECK(reply->results[2].outcome == EntryOutcome::stored);
        CHECK(reply->contiguous_through == 1);
        CHECK(chain.count("journal_entries WHERE terminal_id = 'T02'") == 0);
        CHECK(chain.head_office.store_sales("S001")->tickets == 2);
    }
}

TEST_CASE("A gap holds contiguous_through back and is reported until it is filled") {
    for (const Backend backend : backends) {
        const std::string backend_name = name_of(backend);
        CAPTURE(backend_name);
        Chain chain(backend);
        Till till("T01");
        for (int i = 0; i < 4; ++i)
            till.sell({{milk, 1000}});
        auto entries = till.journal();
        const auto partial = chain.head_office.upload(t01, {{entries[0], entries[2], entries[3]}});
        REQUIRE(partial.ok());
        CHECK(partial->contiguous_through == 1);
        CHECK(chain.head_office.store_sales("S001")->gaps ==
              std::vector<std::string>{"T01: entry 2 missing"});

        const auto filled = chain.head_office.upload(t01, {{entries[1]}});
        REQUIRE(filled.ok());
        CHECK(filled->results[0].outcome == EntryOutcome::stored);  // its chain checks out
        CHECK(filled->contiguous_through == 4);
        CHECK(chain.head_office.store_sales("S001")->gaps.empty());
        CHECK(chain.head_office.review_list().empty());
    }
}

TEST_CASE("A receipt is found with what later returns took from each of its lines") {
    for (const Backend backend : backends) {
        const std::string backend_name = name_of(backend);
        CAPTURE(backend_name);
        Chain chain(backend);
        Till till("T01");
        const std::string sold = till.sell({{milk, 3000}, {bread, 1000}});
        const std::string returned = till.give_back(sold, {{0, 2000}}, pos::Disposition::restock);
        REQUIRE(chain.head_office.upload(t01, till.upload_from()).ok());

        const auto found = chain.head_office.ticket(sold);
        REQUIRE(found.ok());
        CHECK(found->store_code == "S001");
        CHECK(found->entry.sequence == 1);
        const std::string milk_line = *pos::canonical_field(found->entry.payload, "line.1.id");
        CHECK(found->returned_milli == std::map<std::string, std::int64_t>{{milk_line, 2000}});
        CHECK(found->post_voided_by.empty());
        CHECK(chain.head_office.store_sales("S001")->total_minor == 3 * 119 + 349 - 2 * 119);

        const auto missing = chain.head_office.ticket("T09-000001");
        REQUIRE_FALSE(missing.ok());
        CHECK(missing.error().code == pos::ErrorCode::not_found);
        CHECK(missing.error().message == "Head office holds no receipt T09-000001");
    }
}

TEST_CASE("A ticket entry head office cannot read is kept for review and moves no stock") {
    for (const Backend backend : backends) {
        const std::string backend_name = name_of(backend);
        CAPTURE(backend_name);
        Chain chain(backend);
        Till till("T01");
        till.sell({{milk, 2000}});
        headoffice::JournalEntry entry = till.journal().front();
        entry.payload = replaced(entry.payload, "\nlines=1\n", "\nlines=one\n");
        entry.hash = headoffice::detail::entry_hash(entry.prev_hash, entry.payload);
        const auto reply = chain.head_office.upload(t01, {{entry}});
        REQUIRE(reply.ok());
        CHECK(reply->results[0].outcome == EntryOutcome::anomaly);
        CHECK(reply->results[0].message ==
              "the ticket could not be read: the payload's lines is not a number: 'one'");
        CHECK(reply->contiguous_through == 1);  // received: the terminal may let it go
        CHECK(chain.count("stock_movements") == 0);
        CHECK(chain.count("stock_levels") == 0);
        REQUIRE(chain.head_office.review_list().size() == 1);
    }
}

TEST_CASE("An upload of more entries than a batch may hold is refused whole") {
    for (const Backend backend : backends) {
        const std::string backend_name = name_of(backend);
        CAPTURE(backend_name);
        Chain chain(backend);
        Till till("T01");
        till.sell({{milk, 1000}});
        headoffice::UploadRequest request;
        request.entries.assign(headoffice::max_upload_batch + 1, till.journal().front());
        const auto reply = chain.head_office.upload(t01, request);
        REQUIRE_FALSE(reply.ok());
        CHECK(reply.error().message == "An upload holds at most 500 entries, not 501");
        CHECK(chain.count("journal_entries") == 0);
    }
}
