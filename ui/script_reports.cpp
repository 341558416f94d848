// Script commands for X and Z reports and the dashboard (listed in ui/README.md): `report`,
// `report x`, `report z`, `report print`, `report show N`, `dashboard`, `dashboard export`.
#include <charconv>

#include "ui/script_words.hpp"

namespace ui::script {

namespace {

const char* report_form = "report, report x, report z, report print or report show N";
const char* dashboard_form = "dashboard or dashboard export";

// A Z number: 1 or more.
pos::Result<std::int64_t> z_number(const std::string& text) {
    std::int64_t n = 0;
    auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
    if (ec != std::errc{} || ptr != text.data() + text.size() || n < 1)
        return pos::bad_input("A Z report number is 1 or more, not '" + text + "'");
    return n;
}

ParseResult parse_report(const Words& w) {
    const auto malformed = pos::bad_input(std::string("'report' needs the form: ") + report_form);
    if (w.size() == 1)
        return step(ShowReports{});
    const std::string& verb = w[1];
    if (verb == "show") {
        if (w.size() != 3)
            return malformed;
        auto number = z_number(w[2]);
        if (!number)
            return number.error();
        return step(ShowZReport{*number});
    }
    if (w.size() != 2)
        return malformed;
    if (verb == "x")
        return step(RunXReport{});
    if (verb == "z")
        return step(RunZReport{});
    if (verb == "print")
        return step(PrintReport{});
    return malformed;
}

ParseResult parse_dashboard(const Words& w) {
    if (w.size() == 1)
        return step(ShowDashboard{});
    if (w.size() == 2 && w[1] == "export")
        return step(ExportDashboard{});
    return pos::bad_input(std::string("'dashboard' needs the form: ") + dashboard_form);
}

}  // namespace

std::optional<ParseResult> parse_report_command(const Words& words) {
    if (words[0] == "report" || words[0] == "reports")
        return parse_report(words);
    if (words[0] == "dashboard")
        return parse_dashboard(words);
    return std::nullopt;
}

std::string report_command_names() {
    return "report, dashboard";
}

}  // namespace ui::script
