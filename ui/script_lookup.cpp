// Script commands of the stock lookup, customers, loyalty and suggestions (ui/README.md lists
// them). Each maps onto the intent the screen's button sends.
#include "ui/script_words.hpp"

namespace ui::script {

namespace {

const char* const lookup_form =
    "lookup, lookup TEXT, lookup pick N, lookup live, or lookup add [QUANTITY]";
const char* const request_form = "request hold|transfer STORE QUANTITY [NOTE]";
const char* const customer_form =
    "customer find TEXT, customer pick N, customer new NAME | PHONE | EMAIL [| consent "
    "email,sms,post], customer save anyway, or customer merge KEEP [DUPLICATE_ID]";

ParseResult malformed(const std::string& command, const char* form) {
    return pos::bad_input("'" + command + "' needs the form: " + form);
}

std::string trim(const std::string& text) {
    const auto first = text.find_first_not_of(' ');
    if (first == std::string::npos)
        return {};
    return text.substr(first, text.find_last_not_of(' ') - first + 1);
}

std::vector<std::string> split_bars(const std::string& text) {
    std::vector<std::string> parts;
    std::size_t from = 0;
    for (;;) {
        const auto bar = text.find('|', from);
        parts.push_back(trim(text.substr(from, bar == std::string::npos ? bar : bar - from)));
        if (bar == std::string::npos)
            return parts;
        from = bar + 1;
    }
}

ParseResult parse_lookup(const Words& w) {
    if (w.size() == 1)
        return step(ShowLookup{});
    if (w[1] == "pick") {
        if (w.size() != 3)
            return malformed("lookup pick", lookup_form);
        auto n = position(w[2], "the result");
        if (!n)
            return n.error();
        return step(LookupPick{*n});
    }
    if (w[1] == "live" && w.size() == 2)
        return step(LookupLive{});
    if (w[1] == "add") {
        if (w.size() > 3)
            return malformed("lookup add", lookup_form);
        return step(AddLookedUp{w.size() == 3 ? w[2] : ""});
    }
    return step(LookupSearch{rest(w, 1)});
}

ParseResult parse_request(const Words& w) {
    if (w.size() < 4 || (w[1] != "hold" && w[1] != "transfer"))
        return malformed("request", request_form);
    return step(RequestStock{w[1], w[2], w[3], rest(w, 4)});
}

// "consent email,sms" -> the flags; anything else is refused naming it.
pos::Status set_consents(const std::string& part, SaveCustomer& save) {
    const Words words = words_of(part);
    if (words.size() != 2 || words[0] != "consent")
        return pos::bad_input("the fourth part must be: consent email,sms,post (not '" + part +
                              "')");
    std::string list = words[1] + ",";
    for (std::size_t comma; (comma = list.find(',')) != std::string::npos;
         list.erase(0, comma + 1)) {
        const std::string name = list.substr(0, comma);
        if (name == "email")
            save.consent_email = true;
        else if (name == "sms")
            save.consent_sms = true;
        else if (name == "post")
            save.consent_post = true;
        else
            return pos::bad_input("consent '" + name + "' is not one of email, sms, post");
    }
    return pos::ok();
}

ParseResult parse_new_customer(const Words& w) {
    const auto parts = split_bars(rest(w, 2));
    if (parts.size() < 3 || parts.size() > 4)
        return malformed("customer new", customer_form);
    SaveCustomer save;
    save.name = parts[0];
    save.phone = parts[1];
    save.email = parts[2];
    if (parts.size() == 4) {
        if (auto s = set_consents(parts[3], save); !s)
            return s.error();
    }
    return step(save);
}

ParseResult parse_customer(const Words& w) {
    const std::string how = w.size() > 1 ? w[1] : "";
    if (how == "find" && w.size() >= 3)
        return step(CustomerSearch{rest(w, 2)});
    if (how == "pick" && w.size() == 3) {
        auto n = position(w[2], "the customer");
        if (!n)
            return n.error();
        return step(PickCustomer{*n});
    }
    if (how == "new" && w.size() >= 3)
        return parse_new_customer(w);
    if (how == "save" && w.size() == 3 && w[2] == "anyway") {
        SaveCustomer save;
        save.different_person = true;  // the form just refused as a likely duplicate
        return step(save);
    }
    if (how == "merge" && (w.size() == 3 || w.size() == 4))
        return step(MergeCustomers{w[2], w.size() == 4 ? w[3] : ""});
    return malformed("customer", customer_form);
}

}  // namespace

std::optional<ParseResult> parse_lookup_command(const Words& w) {
    const std::string& name = w[0];
    if (name == "lookup")
        return parse_lookup(w);
    if (name == "request")
        return parse_request(w);
    if (name == "customers") {
        if (w.size() != 1)
            return malformed("customers", "customers");
        return step(ShowCustomers{});
    }
    if (name == "customer")
        return parse_customer(w);
    if (name == "attach") {
        if (w.size() > 2)
            return malformed("attach", "attach [CUSTOMER_ID or CARD]");
        return step(AttachCustomer{w.size() == 2 ? w[1] : ""});
    }
    if (name == "detach") {
        if (w.size() != 1)
            return malformed("detach", "detach");
        return step(DetachCustomer{});
    }
    if (name == "points") {
        if (w.size() > 2)
            return malformed("points", "points [AMOUNT]");
        return step(TenderPoints{w.size() == 2 ? w[1] : ""});
    }
    if (name == "suggest") {
        if (w.size() != 2)
            return malformed("suggest", "suggest N (as shown, from 1)");
        auto n = position(w[1], "the suggestion");
        if (!n)
            return n.error();
        return step(AddSuggestion{*n});
    }
    return std::nullopt;
}

std::string lookup_command_names() {
    return "lookup, request, customers, customer, attach, detach, points, suggest";
}

}  // namespace ui::script
