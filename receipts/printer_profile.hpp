// What a receipt printer model can do: paper, code pages, cutter, QR, drawer pulse timing.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "receipts/document.hpp"

namespace receipts {

enum class CodePage { cp437, cp850, cp858, cp866, cp1252 };
std::string_view to_string(CodePage page);  // "CP858"

// A code page and the number ESC t selects it by on this printer model.
struct CodePageSlot {
    CodePage page = CodePage::cp437;
    std::uint8_t escpos_number = 0;
};

struct PrinterProfile {
    std::string name;  // "Epson TM-T20III"
    Paper paper = paper_80mm;
    std::vector<CodePageSlot> code_pages;  // in order of preference
    bool cutter = true;
    bool qr = true;           // GS ( k QR supported
    bool code128 = true;      // GS k 73 supported
    int drawer_pin = 0;       // ESC p m: 0 (pin 2) or 1 (pin 5)
    int drawer_on_ms = 100;   // pulse on time (ESC p t1 = ms / 2)
    int drawer_off_ms = 200;  // pulse off time
};

// Built-in profiles: "epson-tm-t20" (80 mm, CP437 0, CP850 2, CP866 17, CP858 19, CP1252 16),
// "generic-58" (58 mm, CP437 0, CP858 19, no QR), "virtual" (80 mm, everything).
std::optional<PrinterProfile> find_profile(std::string_view name);
std::vector<std::string> profile_names();

// A code page list from the device settings: "CP437:0,CP858:19" (page name, ESC t number), in
// order of preference. Entries that cannot be used (an unknown page such as "CP999", a missing
// or bad number, a page listed twice) are skipped, each with a problem saying what was wrong;
// the valid ones are kept. Names are case-insensitive; spaces around entries are ignored.
struct CodePageList {
    std::vector<CodePageSlot> slots;
    std::vector<std::string> problems;
};
CodePageList parse_code_pages(std::string_view text);

}  // namespace receipts
