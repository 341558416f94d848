#include "receipts/printer_profile.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>

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

constexpr std::array all_code_pages{CodePage::cp437, CodePage::cp850, CodePage::cp858,
                                    CodePage::cp866, CodePage::cp1252};

std::string_view trim(std::string_view text) {
    const auto space = [](char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; };
    while (!text.empty() && space(text.front()))
        text.remove_prefix(1);
    while (!text.empty() && space(text.back()))
        text.remove_suffix(1);
    return text;
}

bool same_name(std::string_view a, std::string_view b) {
    if (a.size() != b.size())
        return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (std::toupper(static_cast<unsigned char>(a[i])) !=
            std::toupper(static_cast<unsigned char>(b[i])))
            return false;
    }
    return true;
}

std::optional<CodePage> code_page_named(std::string_view name) {
    for (const CodePage page : all_code_pages)
        if (same_name(to_string(page), name))
            return page;
    return std::nullopt;
}

std::string known_code_pages() {
    std::string names;
    for (const CodePage page : all_code_pages) {
        if (!names.empty())
            names += ", ";
        names += to_string(page);
    }
    return names;
}

std::string quoted(std::string_view text) {
    return "\"" + std::string(text) + "\"";
}

// One "CP858:19" entry: a slot, or why it cannot be one.
struct ParsedEntry {
    std::optional<CodePageSlot> slot;
    std::string problem;
};

ParsedEntry parse_entry(std::string_view entry) {
    const std::size_t colon = entry.find(':');
    if (colon == std::string_view::npos) {
        return {std::nullopt, "Code page entry " + quoted(entry) +
                                  " has no ESC t number: write it as page:number, such as "
                                  "\"CP858:19\"; skipped"};
    }
    const std::string_view name = trim(entry.substr(0, colon));
    const std::string_view number = trim(entry.substr(colon + 1));
    const auto page = code_page_named(name);
    if (!page) {
        return {std::nullopt, "Code page " + quoted(name) + " in " + quoted(entry) +
                                  " is not one the receipts know (" + known_code_pages() +
                                  "); skipped"};
    }
    unsigned value = 0;
    const auto [end, error] = std::from_chars(number.data(), number.data() + number.size(), value);
    if (number.empty() || error != std::errc() || end != number.data() + number.size() ||
        value > 255) {
        return {std::nullopt, "Code page entry " + quoted(entry) + ": the ESC t number " +
                                  quoted(number) + " is not a whole number from 0 to 255; " +
                                  "skipped"};
    }
    return {CodePageSlot{*page, static_cast<std::uint8_t>(value)}, {}};
}

}  // namespace

CodePageList parse_code_pages(std::string_view text) {
    CodePageList list;
    while (!text.empty()) {
        const std::size_t comma = text.find(',');
        const std::string_view entry = trim(text.substr(0, comma));
        text = comma == std::string_view::npos ? std::string_view() : text.substr(comma + 1);
        if (entry.empty())
            continue;  // "CP437:0," or ", ,": nothing was meant there
        ParsedEntry parsed = parse_entry(entry);
        if (!parsed.slot) {
            list.problems.push_back(std::move(parsed.problem));
            continue;
        }
        const bool listed =
            std::any_of(list.slots.begin(), list.slots.end(),
                        [&](const CodePageSlot& s) { return s.page == parsed.slot->page; });
        if (listed) {
            list.problems.push_back("Code page " + std::string(to_string(parsed.slot->page)) +
                                    " is listed twice; the second entry " + quoted(entry) +
                                    " is skipped");
            continue;
        }
        list.slots.push_back(*parsed.slot);
    }
    return list;
}

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
