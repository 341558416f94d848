// A head office (server_helpers' Chain, either backend) whose store S001 sells in euros, with
// uploads that report each entry's outcome, and a count of what the till tables hold.
#pragma once

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "server_helpers.hpp"
#include "till_entries.hpp"

namespace till_chain {

using server_test::Backend;
using server_test::Chain;

template <typename T>
std::string message_of(const pos::Result<T>& result) {
    return result.ok() ? std::string() : result.error().message;
}

// A chain whose store S001 sells in euros (as its terminals' settings say).
struct TillChain : Chain {
    explicit TillChain(Backend backend) : Chain(backend) {
        REQUIRE(head_office.set_store_setting("S001", {"currency_code", "EUR"}));
        REQUIRE(head_office.set_store_setting("S001", {"currency_exponent", "2"}));
    }
    std::vector<headoffice::EntryOutcome> upload(const headoffice::Identity& who,
                                                 std::vector<headoffice::JournalEntry> entries) {
        const auto reply = head_office.upload(who, {std::move(entries)});
        REQUIRE_MESSAGE(reply.ok(), message_of(reply));
        std::vector<headoffice::EntryOutcome> outcomes;
        last_messages.clear();
        for (const auto& result : reply->results) {
            outcomes.push_back(result.outcome);
            last_messages.push_back(result.message);
        }
        return outcomes;
    }
    std::int64_t folded_rows() {
        return count("z_reports") + count("z_report_rows") + count("till_closes") +
               count("till_close_tenders");
    }
    std::vector<std::string> last_messages;
};

}  // namespace till_chain
