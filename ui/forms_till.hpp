// Draw-side state of the till screen's forms (screens_till.cpp). Internal to counter_ui.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>

namespace ui {

struct TillForm {
    // "", "open" (the float), "close" (the blind count), or a movement: "move:paid_in",
    // "move:paid_out", "move:drop", "move:pickup".
    std::string panel;
    std::map<std::int64_t, std::string> counts;  // denomination (minor units) -> count keyed
    std::int64_t counting = 0;  // the denomination the keypad counts; 0: the card total
    std::string card_total;     // the close: the card terminal's batch total
    std::string amount;         // a movement
    std::string reason;
    bool reason_field = false;  // keys go to the reason (the letter keyboard is up)
    // The panel closes once the view shows what it sent done (a refusal keeps what was keyed
    // for another try): a movement, when the list has grown past this.
    std::size_t movements_before = 0;
};

}  // namespace ui
