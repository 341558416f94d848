#include "ui/script.hpp"

#include <charconv>
#include <functional>
#include <map>
#include <sstream>
#include <vector>

#include "pos/money.hpp"
#include "ui/script_words.hpp"
#include "ui/ticket_json.hpp"

namespace ui {

namespace {

using script::ParseResult;
using script::position;
using script::rest;
using script::step;
using script::Words;
using script::words_of;

struct Command {
    std::string form;  // shown when the line does not fit it
    std::size_t min_args;
    std::size_t max_args;  // SIZE_MAX: free text at the end
    std::function<ParseResult(const Words&)> parse;
};

constexpr std::size_t any = static_cast<std::size_t>(-1);

ParseResult parse_pay(const Words& w) {
    const std::string& how = w.size() > 1 ? w[1] : "";
    if (w.size() == 1)
        return step(Pay{});
    if (how == "cash" && (w.size() == 3 || (w.size() == 4 && w[3] == "part"))) {
        return step(TenderCash{w[2], w.size() == 4});
    }
    if (how == "card" && w.size() == 5)
        return step(TenderCard{w[2], w[3], w[4]});
    if (how == "gift" && (w.size() == 3 || w.size() == 4)) {
        return step(TenderGiftCard{w[2], w.size() == 4 ? w[3] : ""});
    }
    if (how == "credit" && (w.size() == 3 || w.size() == 4)) {
        return step(TenderStoreCredit{w[2], w.size() == 4 ? w[3] : ""});
    }
    if (how == "points" && w.size() <= 3)  // the attached customer's loyalty points
        return step(TenderPoints{w.size() == 3 ? w[2] : ""});
    return pos::bad_input(
        "'pay' needs the form: pay, pay cash AMOUNT [part], pay card AMOUNT "
        "REFERENCE LAST4, pay gift ACCOUNT [AMOUNT], pay credit ACCOUNT [AMOUNT], "
        "pay points [AMOUNT]");
}

ParseResult parse_void(const Words& w) {
    if (w.size() > 1 && w[1] == "sale")
        return step(VoidTicket{rest(w, 2)});
    return step(VoidLine{rest(w, 1)});
}

ParseResult parse_discount(const Words& w) {
    if (w[1] == "sale") {
        if (w.size() != 3)
            return pos::bad_input("'discount sale' needs the form: discount sale 10% or 2.00");
        return step(DiscountTicket{w[2]});
    }
    if (w.size() != 2)
        return pos::bad_input("'discount' needs the form: discount 10% or 2.00");
    return step(DiscountLine{w[1]});
}

const std::map<std::string, Command>& commands() {
    static const std::map<std::string, Command> table = {
        {"login",
         {"login STAFF_CODE PIN", 2, 2,
          [](const Words& w) {
              return step(LogIn{w[1], w[2]});
          }}},
        {"logout", {"logout", 0, 0, [](const Words&) { return step(LogOut{}); }}},
        {"scan",
         {"scan CODE [QUANTITY]", 1, 2,
          [](const Words& w) {
              return step(Scan{w[1], w.size() == 3 ? w[2] : ""});
          }}},
        {"search",
         {"search TEXT", 1, any, [](const Words& w) { return step(Search{rest(w, 1)}); }}},
        {"pick",
         {"pick N [QUANTITY]", 1, 2,
          [](const Words& w) -> ParseResult {
              auto index = position(w[1], "The result to pick");
              if (!index)
                  return index.error();
              return step(PickResult{*index, w.size() == 3 ? w[2] : ""});
          }}},
        {"select",
         {"select LINE_NUMBER", 1, 1,
          [](const Words& w) -> ParseResult {
              auto index = position(w[1], "The line to select");
              if (!index)
                  return index.error();
              return step(SelectLine{*index});
          }}},
        {"qty", {"qty QUANTITY", 1, 1, [](const Words& w) { return step(SetQuantity{w[1]}); }}},
        {"void", {"void [REASON], or void sale [REASON]", 0, any, parse_void}},
        {"remove", {"remove", 0, 0, [](const Words&) { return step(VoidLine{}); }}},
        {"discount", {"discount 10% or 2.00, or discount sale 10%", 1, 2, parse_discount}},
        {"price",
         {"price AMOUNT [approve STAFF_CODE PIN] [REASON]", 1, any,
          [](const Words& w) {
              const bool approved = w.size() >= 5 && w[2] == "approve";
              return step(OverridePrice{w[1], approved ? w[3] : "", approved ? w[4] : "",
                                        rest(w, approved ? 5 : 2)});
          }}},
        {"nosale",
         {"nosale [REASON]", 0, any, [](const Words& w) { return step(NoSale{rest(w, 1)}); }}},
        {"suspend",
         {"suspend [LABEL]", 0, any, [](const Words& w) { return step(Suspend{rest(w, 1)}); }}},
        {"resume",
         {"resume N (as listed, from 1)", 1, 1,
          [](const Words& w) -> ParseResult {
              auto index = position(w[1], "The suspended sale to resume");
              if (!index)
                  return index.error();
              return std::optional<ScriptStep>{ResumeNth{*index}};
          }}},
        {"pay", {"pay ...", 0, 4, parse_pay}},
        {"back", {"back", 0, 0, [](const Words&) { return step(BackToSale{}); }}},
        {"new", {"new", 0, 0, [](const Words&) { return step(NewSale{}); }}},
        // Receipts of the completed ticket (or the ticket opened after `find`).
        {"reprint", {"reprint", 0, 0, [](const Words&) { return step(Reprint{}); }}},
        {"gift",
         {"gift receipt", 1, 1,
          [](const Words& w) -> ParseResult {
              if (w[1] != "receipt")
                  return pos::bad_input("'gift' needs the form: gift receipt");
              return step(GiftReceipt{});
          }}},
        {"expect", {"expect total AMOUNT, or expect refund AMOUNT", 2, 2, script::parse_expect}},
        // Returns, exchanges, finding tickets, post-voids and approvals.
        {"return", {"return ...", 0, any, script::parse_return}},
        {"receipt",
         {"receipt RECEIPT_NUMBER", 1, 1, [](const Words& w) { return step(OpenReceipt{w[1]}); }}},
        {"find",
         {"find [from=TIME] [to=TIME] [amount=AMOUNT] [card=REF] [item=TEXT]", 0, any,
          script::parse_find}},
        {"open",
         {"open N (a found ticket, from 1), or open drawer REASON", 1, any,
          [](const Words& w) -> ParseResult {
              if (w[1] == "drawer")
                  return step(OpenDrawer{rest(w, 2)});
              if (w.size() != 2)
                  return pos::bad_input("'open' needs the form: open N, or open drawer REASON");
              auto index = position(w[1], "The found ticket to open");
              if (!index)
                  return index.error();
              return step(OpenFound{*index});
          }}},
        {"postvoid",
         {"postvoid [REASON]", 0, any, [](const Words& w) { return step(PostVoid{rest(w, 1)}); }}},
        {"refund", {"refund ...", 0, any, script::parse_refund}},
        {"approve", {"approve STAFF_CODE PIN REASON", 0, any, script::parse_approve}},
        {"decline", {"decline STAFF_CODE PIN REASON", 0, any, script::parse_decline}},
        {"cancel", {"cancel", 0, 0, [](const Words&) { return step(CancelApproval{}); }}},
        // Devices (script_devices.cpp).
        {"devices", {"devices", 0, 0, [](const Words&) { return step(ShowDevices{}); }}},
        {"device", {"device scan CODE", 2, 2, script::parse_device}},
        {"printer",
         {"printer paper out|in, printer cover open|closed", 2, 2, script::parse_printer}},
        {"test", {"test print", 1, 1, script::parse_test}},
        {"retry", {"retry print", 1, 1, script::parse_retry}},
        {"print", {"print jobs", 1, 1, script::parse_print}},
        // Head-office sync: the sync screen, or a round at once.
        {"sync",
         {"sync, or sync now", 0, 1,
          [](const Words& w) -> ParseResult {
              if (w.size() == 1)
                  return step(ShowSync{});
              if (w[1] != "now")
                  return pos::bad_input("'sync' needs the form: sync, or sync now");
              return step(SyncNow{});
          }}},
    };
    return table;
}

std::string command_names() {
    std::string names;
    for (const auto& [name, command] : commands())
        names += (names.empty() ? "" : ", ") + name;
    return names;
}

}  // namespace

ParseResult parse_script_line(const std::string& line) {
    const Words words = words_of(line);
    if (words.empty() || words[0][0] == '#')
        return std::optional<ScriptStep>{};
    const auto found = commands().find(words[0]);
    if (found == commands().end()) {
        if (auto step = script::parse_lookup_command(words))
            return *step;
        if (auto step = script::parse_service_command(words))
            return *step;
        if (auto step = script::parse_till_command(words))
            return *step;
        if (auto step = script::parse_report_command(words))
            return *step;
        return pos::bad_input(
            "unknown command '" + rest(words, 0) + "' (commands: " + command_names() + ", " +
            script::lookup_command_names() + ", " + script::service_command_names() + ", " +
            script::till_command_names() + ", " + script::report_command_names() + ")");
    }
    const Command& command = found->second;
    const std::size_t args = words.size() - 1;
    if (args < command.min_args || args > command.max_args) {
        return pos::bad_input("'" + words[0] + "' needs the form: " + command.form);
    }
    return command.parse(words);
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

pos::Status check_refund(const Terminal& terminal, const ExpectRefund& expect) {
    const auto* ticket = terminal.ticket();
    if (!ticket)
        return pos::not_allowed("expect refund: nobody is logged in");
    auto wanted = pos::parse_amount(expect.amount, ticket->currency());
    if (!wanted)
        return wanted.error();
    const auto total = ticket->totals().total;
    if (total != -*wanted) {
        const std::string actual = total.is_negative()
                                       ? "the ticket refunds " + pos::format_amount(-total)
                                       : "the customer owes " + pos::format_amount(total);
        return pos::not_allowed("expected a refund of " + pos::format_amount(*wanted) + " but " +
                                actual);
    }
    return pos::ok();
}

pos::Status resume_nth(Terminal& terminal, const ResumeNth& resume) {
    if (auto s = terminal.apply(ShowSuspended{}); !s)
        return s;
    const auto frame = terminal.view();
    const auto& list = std::get<SuspendedListVm>(frame.screen).tickets;
    if (resume.index >= list.size()) {
        terminal.apply(BackToSale{});
        return pos::bad_input("There is no suspended sale " + std::to_string(resume.index + 1) +
                              " (there are " + std::to_string(list.size()) + ")");
    }
    return terminal.apply(ResumeTicket{list[resume.index].ticket_id});
}

pos::Status run_step(Terminal& terminal, const ScriptStep& step, std::ostream& out) {
    if (auto done = script::run_device_step(terminal, step, out))
        return *done;
    if (const auto* expect = std::get_if<ExpectTotal>(&step))
        return check_total(terminal, *expect);
    if (const auto* resume = std::get_if<ResumeNth>(&step))
        return resume_nth(terminal, *resume);
    if (const auto* expect = std::get_if<ExpectRefund>(&step))
        return check_refund(terminal, *expect);
    return terminal.apply(std::get<Intent>(step));
}

// An approve, decline or cancel line: what may follow a line waiting for approval.
bool answers_approval(const ScriptStep& step) {
    const auto* intent = std::get_if<Intent>(&step);
    return intent &&
           (std::holds_alternative<Approve>(*intent) || std::holds_alternative<Decline>(*intent) ||
            std::holds_alternative<CancelApproval>(*intent));
}

// A line refused because it needs approval, held until the next line says whether it is given.
struct WaitingLine {
    std::string where;  // "FILE:LINE: "
    std::string text;
    std::string message;
};

// The print banner a clerk would see appear (a receipt waiting for paper, a failed print),
// said once on `err` when it appears or changes; it never fails the script: the sale is done.
void say_print_banner(Terminal& terminal, const std::string& where, std::string& said,
                      std::ostream& err) {
    const auto banner = terminal.view().print_banner;
    const std::string message = banner ? banner->message : "";
    if (!message.empty() && message != said)
        err << where << "print banner: " << message << "\n";
    said = message;
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
    std::optional<WaitingLine> waiting;
    std::string banner_said;
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
        if (waiting && !answers_approval(**parsed)) {
            err << waiting->where << waiting->text << ": " << waiting->message
                << " (the next line neither approves nor declines it)\n";
            exit_code = script_refused;
            break;
        }
        waiting.reset();
        const std::string text = rest(words_of(line), 0);
        pos::Status done = run_step(terminal, **parsed, out);
        terminal.poll_devices();  // what the devices said meanwhile, as a frame would
        say_print_banner(terminal, where, banner_said, err);
        if (!done) {
            if (terminal.approval_pending() && !answers_approval(**parsed)) {
                waiting = WaitingLine{where, text, done.error().message};
                continue;
            }
            err << where << text << ": " << done.error().message << "\n";
            exit_code = script_refused;
            break;
        }
    }
    if (exit_code == script_ok && waiting) {
        err << waiting->where << waiting->text << ": " << waiting->message
            << " (the script ended while it waited for approval: add an approve or decline "
               "line)\n";
        exit_code = script_refused;
    }
    const auto* open = terminal.ticket();
    if (exit_code == script_ok && open && open->state() != pos::TicketState::completed &&
        open->live_line_count() > 0) {
        err << name << ": the script ended with a sale still open (" << open->live_line_count()
            << " lines, " << pos::format_amount(open->totals().total)
            << "); it was not completed\n";
    }
    terminal.on_completed = previous;
    return exit_code;
}

}  // namespace ui
