// Script commands for returns, exchanges, finding tickets, refunds and approvals. The forms are
// listed in ui/README.md.
#include <array>

#include "ui/script_words.hpp"

namespace ui::script {

namespace {

const char* return_forms =
    "return, return line N [QUANTITY] REASON DISPOSITION, or return item CODE [QUANTITY] REASON "
    "DISPOSITION CUSTOMER";

// The approver: `badge BADGE REASON...` or `CODE PIN REASON...`; the reason is required.
pos::Result<std::array<std::string, 4>> approver_of(const Words& w, const std::string& verb) {
    const std::string form = "'" + verb + "' needs the form: " + verb +
                             " STAFF_CODE PIN REASON, or " + verb + " badge BADGE REASON";
    if (w.size() < 4)
        return pos::bad_input(form);
    if (w[1] == "badge")
        return std::array<std::string, 4>{"", "", w[2], rest(w, 3)};
    return std::array<std::string, 4>{w[1], w[2], "", rest(w, 3)};
}

}  // namespace

ParseResult parse_return(const Words& w) {
    if (w.size() == 1)
        return step(StartReturn{});
    if (w[1] == "line" && (w.size() == 5 || w.size() == 6)) {
        auto index = position(w[2], "The receipt line to return");
        if (!index)
            return index.error();
        const bool counted = w.size() == 6;
        return step(
            ReturnItem{*index, counted ? w[3] : "", w[counted ? 4 : 3], w[counted ? 5 : 4]});
    }
    if (w[1] == "item" && (w.size() == 6 || w.size() == 7)) {
        const bool counted = w.size() == 7;
        const std::size_t at = counted ? 4 : 3;
        return step(ReturnWithoutReceipt{w[2], counted ? w[3] : "", w[at], w[at + 1], w[at + 2]});
    }
    return pos::bad_input(std::string("'return' needs the form: ") + return_forms);
}

// find [from=TIME] [to=TIME] [amount=AMOUNT] [card=REF|LAST4] [item=CODE|WORDS]; a value runs
// until the next KEY=, so "from=2026-11-23 14:00 item=whole milk" reads as two criteria.
ParseResult parse_find(const Words& w) {
    FindTickets find;
    std::string* value = nullptr;
    for (std::size_t i = 1; i < w.size(); ++i) {
        const auto equals = w[i].find('=');
        const std::string key = equals == std::string::npos ? "" : w[i].substr(0, equals);
        std::string* field = key == "from"     ? &find.from
                             : key == "to"     ? &find.to
                             : key == "amount" ? &find.amount
                             : key == "card"   ? &find.card
                             : key == "item"   ? &find.item
                                               : nullptr;
        if (field) {
            value = field;
            *value = w[i].substr(equals + 1);
        } else if (value && equals == std::string::npos) {
            *value += (value->empty() ? "" : " ") + w[i];
        } else {
            return pos::bad_input("'find' does not know '" + w[i] +
                                  "': use from=TIME to=TIME amount=AMOUNT card=REF item=TEXT");
        }
    }
    return step(find);
}

ParseResult parse_refund(const Words& w) {
    if (w.size() == 1)
        return step(Refund{});  // back to the original tenders
    const std::string& how = w[1];
    if (how == "cash" && w.size() <= 3)
        return step(Refund{"cash", w.size() == 3 ? w[2] : "", ""});
    if ((how == "card" || how == "gift") && (w.size() == 3 || w.size() == 4))
        return step(Refund{how, w.size() == 4 ? w[3] : "", w[2]});
    if (how == "credit" && w.size() <= 4) {
        const std::string account = w.size() >= 3 && w[2] != "new" ? w[2] : "";
        return step(Refund{"credit", w.size() == 4 ? w[3] : "", account});
    }
    return pos::bad_input(
        "'refund' needs the form: refund, refund cash [AMOUNT], refund card REFERENCE [AMOUNT], "
        "refund gift ACCOUNT [AMOUNT], refund credit [ACCOUNT|new] [AMOUNT]");
}

ParseResult parse_approve(const Words& w) {
    auto who = approver_of(w, "approve");
    if (!who)
        return who.error();
    const auto& [code, pin, badge, reason] = *who;
    return step(Approve{code, pin, badge, reason});
}

ParseResult parse_decline(const Words& w) {
    auto who = approver_of(w, "decline");
    if (!who)
        return who.error();
    const auto& [code, pin, badge, reason] = *who;
    return step(Decline{code, pin, badge, reason});
}

ParseResult parse_expect(const Words& w) {
    if (w[1] == "total")
        return std::optional<ScriptStep>{ExpectTotal{w[2]}};
    if (w[1] == "refund")
        return std::optional<ScriptStep>{ExpectRefund{w[2]}};
    return pos::bad_input("'expect' needs the form: expect total AMOUNT, or expect refund AMOUNT");
}

}  // namespace ui::script
