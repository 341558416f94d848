// A SaleSession on the in-memory fakes that sells, completes and comes back for returns.
#pragma once

#include <initializer_list>
#include <optional>
#include <string>
#include <utility>

#include <doctest/doctest.h>

#include "fakes.hpp"
#include "pos/sale.hpp"

namespace session_returns {

inline const std::string milk = "4000000000013";   // 1.19, VAT 5%
inline const std::string bread = "4000000000020";  // 3.49, VAT 5%
inline const std::string wine = "4000000000037";   // 8.99, VAT 20%
inline const std::string bananas = "4011";         // 1.99 per kg

inline constexpr std::int64_t day_ms = 86'400'000;

inline pos::Approval supervisor(std::string reason = "regular customer") {
    return {"5001", "5555", "", std::move(reason)};
}
inline pos::Approval manager(std::string reason = "rang up twice") {
    return {"9001", "4321", "", std::move(reason)};
}

using Items = std::initializer_list<std::pair<std::string, std::string>>;

struct Fixture : fakes::Services {
    std::optional<pos::SaleSession> session;

    Fixture() { open(fakes::settings()); }
    void open(pos::StoreSettings settings, pos::User who = fakes::clerk) {
        session.emplace(sale(), std::move(settings), std::move(who));
    }

    void ring_up(Items items) {
        for (const auto& [code, quantity] : items)
            REQUIRE(session->add_item(code, quantity).ok());
        REQUIRE(session->begin_tender().ok());
    }
    std::string finish(const pos::Result<pos::TenderOutcome>& outcome) {
        REQUIRE(outcome.ok());
        REQUIRE(outcome->completed.has_value());
        const std::string receipt = outcome->completed->receipt_number;
        REQUIRE(session->start_new_ticket().ok());
        return receipt;
    }
    // Sells the items, paid in full by card ending 4242 (reference AUTH-1); returns the receipt.
    std::string sell_by_card(Items items) {
        ring_up(items);
        const std::string total = pos::format_amount(session->ticket().totals().due);
        return finish(session->tender_card({total, "AUTH-1", "4242"}));
    }
    std::string sell_for_cash(Items items, const std::string& cash) {
        ring_up(items);
        return finish(session->tender_cash(cash));
    }
    pos::OriginalTicket original(const std::string& receipt) {
        auto found = session->open_original(receipt);
        REQUIRE(found.ok());
        return found.value();
    }
    void take_back(const pos::OriginalTicket& sale, std::size_t line, const std::string& qty) {
        REQUIRE(session
                    ->add_return(sale, line, qty, pos::ReturnReason::changed_mind,
                                 pos::Disposition::restock)
                    .ok());
    }
    // Tenders the open return and gives it all back to the original tenders.
    std::string refund_all() {
        REQUIRE(session->begin_tender().ok());
        return finish(session->refund_to_original());
    }
    const pos::Ticket& last_written() const { return store.written.back(); }
};

}  // namespace session_returns
