// The re-check complete_sale makes, inside its write transaction, before it writes a return,
// an exchange or a post-void: another terminal sharing the file may have returned the same line
// or refunded the same tender since this one looked. Internal to db/.
#pragma once

#include <string>

#include "db/sqlite.hpp"
#include "pos/result.hpp"
#include "pos/ticket.hpp"

namespace db {

class ReturnGuard {
  public:
    explicit ReturnGuard(Database& db);

    // ok, or why the ticket must be refused: a line returning more than remains returnable
    // (across every completed ticket), a refund giving a tender more than remains of what it
    // paid, a refund naming a ticket this store does not have, a card refund whose reference
    // matches no card payment of the original, a post-void of a ticket already post-voided or
    // returned from. Messages end "; nothing was written".
    pos::Status check(const pos::Ticket& ticket);

  private:
    pos::Status check_return_line(const pos::Ticket& ticket, const pos::TicketLine& line);
    pos::Status check_post_void(const pos::Ticket& ticket);
    pos::Status check_refunds(const pos::Ticket& ticket);

    Statement original_line_;
    Statement returned_of_line_;
    Statement original_ticket_;
    Statement post_voided_by_;
    Statement returned_from_;
    Statement paid_cash_;
    Statement paid_by_reference_;
    Statement refunded_cash_;
    Statement refunded_by_reference_;
};

}  // namespace db
