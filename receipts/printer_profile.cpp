#include "receipts/printer_profile.hpp"

#include <array>

namespace receipts {
namespace {

struct NamedProfile {
    std::string_view key;
    PrinterProfile (*make)();
};

// ESC t numbers from Epson's ESC/POS reference (PC437 0, PC850 2, WPC1252 16, PC866 17,
// PC858 19); most clones use the same numbers.
PrinterProfile epson_tm_t20() {
    PrinterProfile p;
    p.name = "Epson TM-T20III";
    p.paper = paper_80mm;
    p.code_pages = {{CodePage::cp437, 0},
                    {CodePage::cp850, 2},
                    {CodePage::cp866, 17},
                    {CodePage::cp858, 19},
                    {CodePage::cp1252, 16}};
    return p;
}

PrinterProfile generic_58() {
    PrinterProfile p;
    p.name = "Generic 58 mm";
    p.paper = paper_58mm;
    p.code_pages = {{CodePage::cp437, 0}, {CodePage::cp858, 19}};
    p.qr = false;
    return p;
}

// The emulated printer (drivers/): everything a real one might have.
PrinterProfile virtual_printer() {
    PrinterProfile p = epson_tm_t20();
    p.name = "Virtual printer";
    return p;
}

constexpr std::array<NamedProfile, 3> profiles{{
    {"epson-tm-t20", epson_tm_t20},
    {"generic-58", generic_58},
    {"virtual", virtual_printer},
}};

}  // namespace

std::string_view to_string(CodePage page) {
    switch (page) {
        case CodePage::cp437:
            return "CP437";
        case CodePage::cp850:
            return "CP850";
        case CodePage::cp858:
            return "CP858";
        case CodePage::cp866:
            return "CP866";
        case CodePage::cp1252:
            return "CP1252";
    }
    return "?";
}

std::optional<PrinterProfile> find_profile(std::string_view name) {
    for (const auto& profile : profiles)
        if (profile.key == name)
            return profile.make();
    return std::nullopt;
}

std::vector<std::string> profile_names() {
    std::vector<std::string> names;
    for (const auto& profile : profiles)
        names.emplace_back(profile.key);
    return names;
}

}  // namespace receipts
