// The sale use cases: what a clerk does to ring up a basket and take cash for it.
#pragma once

#include <optional>
#include <string_view>

#include "pos/ports.hpp"
#include "pos/result.hpp"
#include "pos/store_settings.hpp"
#include "pos/ticket.hpp"

namespace pos {

struct SaleServices {
    Catalogue& catalogue;
    SaleStore& store;
    Clock& clock;
    IdSource& ids;
};

class SaleSession {
  public:
    SaleSession(SaleServices services, StoreSettings settings, Clerk clerk);

    const Ticket& ticket() const { return ticket_; }
    const StoreSettings& settings() const { return settings_; }

    // Looks the code up (after checking it, see normalise_scanned_code) and adds a line.
    // quantity is "3" or, for weighed items, kilograms "0.450"; weighed items need one.
    // Returns the index of the new line.
    Result<std::size_t> add_item(std::string_view code, std::string_view quantity = {});
    Result<std::size_t> add_product(const Product& product, std::string_view quantity = {});
    Status change_quantity(std::size_t line, std::string_view quantity);
    Status remove_line(std::size_t line);

    Status begin_tender();  // needs at least one line
    Status back_to_sale();  // leave the tender screen without paying
    // Cash of at least the amount due: records the cash and the change (a negative cash
    // payment), then completes the sale. Less than due is refused and nothing changes.
    Result<CompletedSale> tender_cash(std::string_view amount);
    Result<CompletedSale> tender_cash(const Money& amount);

    // Starts the next ticket; only once the current one is completed or empty.
    Status start_new_ticket();

  private:
    Status require_state(TicketState wanted, std::string_view action) const;
    Ticket fresh_ticket();

    SaleServices services_;
    StoreSettings settings_;
    Clerk clerk_;
    Ticket ticket_;
};

}  // namespace pos
