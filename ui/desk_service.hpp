// The Terminal's state for the interactions and special orders screens
// (terminal_interactions.cpp, terminal_orders.cpp). Internal to counter_ui.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "pos/interaction.hpp"
#include "pos/special_order.hpp"

namespace ui {

struct InteractionDesk {
    std::vector<pos::Interaction> open;
    std::optional<pos::Interaction> shown;
    // The interaction a return or exchange in progress resolves when it completes.
    std::string resolving_id;
};

struct OrderDesk {
    std::vector<pos::SpecialOrder> open;
    // The order whose deposit line is on the open ticket (its deposit ticket), if any.
    std::string deposit_for;
};

}  // namespace ui
