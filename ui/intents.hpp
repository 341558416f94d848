// What a clerk asks for. Draw functions return these; scripted sessions produce them from text
// lines; the Terminal applies them through the pos/ use cases. Nothing here knows about ImGui.
#pragma once

#include <cstddef>
#include <string>
#include <variant>

namespace ui {

struct LogIn {
    std::string staff_code;
    std::string pin;
};
struct LogOut {};
struct Scan {
    std::string code;      // as scanned or keyed, untrimmed
    std::string quantity;  // optional: "3", or kilograms "0.450" for weighed items
};
struct Search {
    std::string text;  // updated as the clerk types; empty clears the results
};
struct PickResult {
    std::size_t index = 0;  // 0-based row of the current search results
    std::string quantity;
};
struct SelectLine {
    std::size_t index = 0;
};
struct SetQuantity {
    std::string quantity;  // applies to the selected line (the newest line by default)
};
struct RemoveLine {};  // removes the selected line
struct Pay {};         // to the cash tender screen
struct BackToSale {};  // leave the tender screen without paying
struct TenderCash {
    std::string amount;  // "20", "20.00"
};
struct NewSale {};
struct DismissMessage {};
struct Quit {};  // close the window; handled by the window itself


using Intent = std::variant<LogIn, LogOut, Scan, Search, PickResult, SelectLine, SetQuantity,
                            RemoveLine, Pay, BackToSale, TenderCash, NewSale, DismissMessage, Quit>;

}  // namespace ui
