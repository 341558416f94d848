// A completed ticket as JSON, as scripted sessions print it. Money is integer minor units with
// the currency named once; quantities are integer milli-units. No floating point.
#pragma once

#include <string>

#include "pos/ticket.hpp"

namespace ui {

std::string ticket_json(const pos::Ticket& ticket);

}  // namespace ui
