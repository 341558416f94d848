// Script commands for the till: open with a counted float, cash movements, the blind close and
// its slip. The forms are listed in ui/README.md.
#include "ui/script_words.hpp"

namespace ui::script {

namespace {

const char* till_form =
    "till, till open COUNT (like 20.00x5 1.00x20), till in AMOUNT REASON, till out AMOUNT "
    "REASON, till drop AMOUNT [REASON], till pickup AMOUNT [REASON], till close COUNT "
    "[card AMOUNT], or till print";

ParseResult malformed(const std::string& what) {
    return pos::bad_input("'" + what + "' needs the form: " + till_form);
}

// till in|out|drop|pickup AMOUNT [REASON]: paid in and paid out need their reason.
ParseResult parse_movement(const Words& w, pos::CashMovementKind kind) {
    const bool needs_reason =
        kind == pos::CashMovementKind::paid_in || kind == pos::CashMovementKind::paid_out;
    if (w.size() < 3 || (needs_reason && w.size() < 4))
        return malformed("till " + w[1]);
    return step(MoveCash{kind, w[2], rest(w, 3)});
}

// till close COUNT... [card AMOUNT]: everything before "card" is the cash count.
ParseResult parse_close(const Words& w) {
    CloseTill close;
    std::size_t i = 2;
    for (; i < w.size() && w[i] != "card"; ++i)
        close.cash_count += (close.cash_count.empty() ? "" : " ") + w[i];
    if (i < w.size()) {
        if (i + 2 != w.size())
            return malformed("till close");
        close.card_total = w[i + 1];
    }
    if (close.cash_count.empty())
        return pos::bad_input(
            "'till close' needs the cash counted (like 20.00x5 1.00x20, or 0 for an empty "
            "drawer): " +
            std::string(till_form));
    return step(std::move(close));
}

ParseResult parse_till(const Words& w) {
    if (w.size() == 1)
        return step(ShowTill{});
    const std::string& verb = w[1];
    if (verb == "open") {
        if (w.size() < 3)
            return malformed("till open");
        return step(OpenTill{rest(w, 2)});
    }
    if (verb == "in")
        return parse_movement(w, pos::CashMovementKind::paid_in);
    if (verb == "out")
        return parse_movement(w, pos::CashMovementKind::paid_out);
    if (verb == "drop")
        return parse_movement(w, pos::CashMovementKind::drop);
    if (verb == "pickup")
        return parse_movement(w, pos::CashMovementKind::pickup);
    if (verb == "close")
        return parse_close(w);
    if (verb == "print" && w.size() == 2)
        return step(PrintTillClose{});
    return malformed(rest(w, 0));
}

}  // namespace

std::optional<ParseResult> parse_till_command(const Words& words) {
    if (words[0] == "till")
        return parse_till(words);
    return std::nullopt;
}

std::string till_command_names() {
    return "till";
}

}  // namespace ui::script
