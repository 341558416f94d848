#include "ui/script.hpp"

#include <charconv>
#include <sstream>
#include <vector>

#include "pos/money.hpp"
#include "ui/ticket_json.hpp"

namespace ui {

namespace {

using ParseResult = pos::Result<std::optional<ScriptStep>>;

std::vector<std::string> words_of(const std::string& line) {
    std::istringstream in(line);
    std::vector<std::string> words;
    for (std::string w; in >> w;)
        words.push_back(w);
    return words;
}

pos::Error usage(const std::string& command, const std::string& form) {
    return pos::bad_input("'" + command + "' needs the form: " + form);
}

// "3" -> index 2; the script counts lines and results from 1, as the screen shows them.
pos::Result<std::size_t> position(const std::string& text, const std::string& what) {
    std::size_t n = 0;
    auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
    if (ec != std::errc{} || ptr != text.data() + text.size() || n == 0) {
        return pos::bad_input(what + " must be a number from 1, not '" + text + "'");
    }
    return n - 1;
}

std::optional<ScriptStep> step(Intent intent) {
    return ScriptStep{std::move(intent)};
}

}  // namespace

ParseResult parse_script_line(const std::string& line) {
    const auto words = words_of(line);
    if (words.empty() || words[0][0] == '#')
        return std::optional<ScriptStep>{};
    const std::string& cmd = words[0];
    const std::size_t args = words.size() - 1;
    if (cmd == "login") {
        if (args != 2)
            return usage(cmd, "login STAFF_CODE PIN");
        return step(LogIn{words[1], words[2]});
    }
    if (cmd == "logout" && args == 0)
        return step(LogOut{});
    if (cmd == "scan") {
        if (args < 1 || args > 2)
            return usage(cmd, "scan CODE [QUANTITY]");
        return step(Scan{words[1], args == 2 ? words[2] : ""});
    }
    if (cmd == "search") {
        if (args == 0)
            return usage(cmd, "search TEXT");
        return step(Search{line.substr(line.find("search") + 7)});
    }
    if (cmd == "pick") {
        if (args < 1 || args > 2)
            return usage(cmd, "pick N [QUANTITY]");
        auto index = position(words[1], "The result to pick");
        if (!index)
            return index.error();
        return step(PickResult{*index, args == 2 ? words[2] : ""});
    }
    if (cmd == "select") {
        if (args != 1)
            return usage(cmd, "select LINE_NUMBER");
        auto index = position(words[1], "The line to select");
        if (!index)
            return index.error();
        return step(SelectLine{*index});
    }
    if (cmd == "qty") {
        if (args != 1)
            return usage(cmd, "qty QUANTITY");
        return step(SetQuantity{words[1]});
    }
    if (cmd == "remove" && args == 0)
        return step(RemoveLine{});
    if (cmd == "pay") {
        if (args == 0)
            return step(Pay{});
        if (args == 2 && words[1] == "cash")
            return step(TenderCash{words[2]});
        return usage(cmd, "pay, or pay cash AMOUNT");
    }
    if (cmd == "back" && args == 0)
        return step(BackToSale{});
    if (cmd == "new" && args == 0)
        return step(NewSale{});
    if (cmd == "expect") {
        if (args != 2 || words[1] != "total")
            return usage(cmd, "expect total AMOUNT");
        return std::optional<ScriptStep>{ExpectTotal{words[2]}};
    }
    return pos::bad_input("unknown command '" + line +
                          "' (commands: login, logout, scan, search, "
                          "pick, select, qty, remove, pay, back, new, expect)");
}

namespace {

pos::Status check_total(const Terminal& terminal, const ExpectTotal& expect) {
    const auto* ticket = terminal.ticket();
    if (!ticket)
        return pos::not_allowed("expect total: nobody is logged in");
    auto wanted = pos::parse_amount(expect.amount, ticket->currency());
    if (!wanted)
        return wanted.error();
    const auto total = ticket->totals().total;
    if (total != *wanted) {
        return pos::not_allowed("expected a total of " + pos::format_amount(*wanted) +
                                " but the sale totals " + pos::format_amount(total));
    }
    return pos::ok();
}

}  // namespace

int run_script(Terminal& terminal, std::istream& script, const std::string& name, std::ostream& out,
               std::ostream& err) {
    auto previous = terminal.on_completed;
    terminal.on_completed = [&](const pos::Ticket& ticket) {
        if (previous)
            previous(ticket);
        out << ticket_json(ticket) << std::endl;  // flushed: the sale is durable, say so now
    };
    int number = 0;
    int exit_code = script_ok;
    for (std::string line; std::getline(script, line);) {
        ++number;
        const std::string where = name + ":" + std::to_string(number) + ": ";
        auto parsed = parse_script_line(line);
        if (!parsed) {
            err << where << parsed.error().message << "\n";
            exit_code = script_malformed;
            break;
        }
        if (!parsed->has_value())
            continue;
        const ScriptStep& step = **parsed;
        const pos::Status done = std::holds_alternative<ExpectTotal>(step)
                                     ? check_total(terminal, std::get<ExpectTotal>(step))
                                     : terminal.apply(std::get<Intent>(step));
        if (!done) {
            err << where << line << ": " << done.error().message << "\n";
            exit_code = script_refused;
            break;
        }
    }
    terminal.on_completed = previous;
    return exit_code;
}

}  // namespace ui
