// Scripted clerk sessions: plain text lines turned into the same intents the screens send.
// The commands are listed in ui/README.md. Each completed sale is printed to `out` as one line
// of JSON as soon as it is durable.
#pragma once

#include <istream>
#include <optional>
#include <ostream>
#include <string>
#include <variant>
#include <vector>

#include "pos/result.hpp"
#include "ui/intents.hpp"
#include "ui/terminal.hpp"

namespace ui {

// Exit codes of a scripted session.
inline constexpr int script_ok = 0;
inline constexpr int script_refused = 1;    // a line was understood but the terminal refused it
inline constexpr int script_malformed = 2;  // a line is not a command the script language has

struct ExpectTotal {
    std::string amount;
};
struct ResumeNth {  // the Nth suspended sale as listed, from 0
    std::size_t index = 0;
};
struct ExpectRefund {  // the open ticket gives back AMOUNT: its total is -AMOUNT
    std::string amount;
};
// Devices (script_devices.cpp). A code read by the virtual scanner, so it takes the route a
// scanned code takes on the screen showing.
struct DeviceScan {
    std::string code;
};
// The virtual printer's paper or cover changed; the other switch stays as it is.
struct PrinterSwitch {
    bool cover = false;  // false: the paper
    bool on = false;     // paper out / cover open
};
struct ListPrintJobs {};  // `print jobs`: name, title and state of each job, oldest first
using ScriptStep = std::variant<Intent, ExpectTotal, ResumeNth, ExpectRefund, DeviceScan,
                                PrinterSwitch, ListPrintJobs>;

// One line -> a step (none for blank lines and comments), or an error saying what is wrong.
pos::Result<std::optional<ScriptStep>> parse_script_line(const std::string& line);

namespace script {
// The device commands' parsers and steps (script_devices.cpp).
pos::Result<std::optional<ScriptStep>> parse_device(const std::vector<std::string>& words);
pos::Result<std::optional<ScriptStep>> parse_printer(const std::vector<std::string>& words);
pos::Result<std::optional<ScriptStep>> parse_test(const std::vector<std::string>& words);
pos::Result<std::optional<ScriptStep>> parse_retry(const std::vector<std::string>& words);
pos::Result<std::optional<ScriptStep>> parse_print(const std::vector<std::string>& words);
// A device step, or nullopt when `step` is not one.
std::optional<pos::Status> run_device_step(Terminal& terminal, const ScriptStep& step,
                                           std::ostream& out);
// Customer service commands. Each returns nullopt when words[0] is not one of its commands.
// Stock lookup, customers, loyalty, suggestions (script_lookup.cpp).
std::optional<pos::Result<std::optional<ScriptStep>>> parse_lookup_command(
    const std::vector<std::string>& words);
// Interactions and special orders (script_service.cpp).
std::optional<pos::Result<std::optional<ScriptStep>>> parse_service_command(
    const std::vector<std::string>& words);
// Tills: till open/in/out/drop/pickup/close/print (script_till.cpp).
std::optional<pos::Result<std::optional<ScriptStep>>> parse_till_command(
    const std::vector<std::string>& words);
// Reports and the dashboard: report x/z/print/show, dashboard [export] (script_reports.cpp).
std::optional<pos::Result<std::optional<ScriptStep>>> parse_report_command(
    const std::vector<std::string>& words);
// Their command names, for the list of commands an unknown one prints.
std::string lookup_command_names();
std::string service_command_names();
std::string till_command_names();
std::string report_command_names();
}  // namespace script

// Runs the script; stops at the first bad or refused line with "NAME:LINE: what was wrong" on err.
// A line refused only because it needs an approver waits for the next line: an approve,
// decline or cancel line answers it; any other line (or the end of the script) fails the
// waiting line with its message.
int run_script(Terminal& terminal, std::istream& script, const std::string& name, std::ostream& out,
               std::ostream& err);

}  // namespace ui
