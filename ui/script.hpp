// Scripted clerk sessions: plain text lines turned into the same intents the screens send.
// The commands are listed in ui/README.md. Each completed sale is printed to `out` as one line
// of JSON as soon as it is durable.
#pragma once

#include <istream>
#include <optional>
#include <ostream>
#include <string>
#include <variant>

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
using ScriptStep = std::variant<Intent, ExpectTotal, ResumeNth, ExpectRefund>;

// One line -> a step (none for blank lines and comments), or an error saying what is wrong.
pos::Result<std::optional<ScriptStep>> parse_script_line(const std::string& line);

// Runs the script; stops at the first bad or refused line with "NAME:LINE: what was wrong" on err.
// A line refused only because it needs an approver waits for the next line: an approve,
// decline or cancel line answers it; any other line (or the end of the script) fails the
// waiting line with its message.
int run_script(Terminal& terminal, std::istream& script, const std::string& name, std::ostream& out,
               std::ostream& err);

}  // namespace ui
