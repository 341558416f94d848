// Script commands for interactions (inquiries, complaints, requests) and special orders. The
// forms are listed in ui/README.md. Free text is split into fields by " | ".
#include "ui/script_words.hpp"

namespace ui::script {

namespace {

const char* record_form =
    "complaint|inquiry CATEGORY | WHAT THE CUSTOMER SAID [| receipt T01-000001] "
    "[| follow-up +3] [| status waiting] [| done WHAT WAS DONE]";
const char* interaction_form =
    "interaction complaint|inquiry|request CATEGORY | SAID [| ...], interaction pick N, "
    "interaction update KEY VALUE [| KEY VALUE ...] (keys: status, done, "
    "follow-up, receipt, category, said), or interaction resolve-with-return [NUMBER]";
const char* order_form =
    "order CODE [QUANTITY] [deposit AMOUNT] [expected DATE], or order arrived|cancel|pickup|"
    "deposit NUMBER";

std::string trimmed(const std::string& text) {
    const auto first = text.find_first_not_of(' ');
    if (first == std::string::npos)
        return {};
    return text.substr(first, text.find_last_not_of(' ') - first + 1);
}

// "a | b | c" -> {"a", "b", "c"}, each trimmed.
std::vector<std::string> fields_of(const std::string& text) {
    std::vector<std::string> fields;
    std::size_t from = 0;
    for (;;) {
        const auto bar = text.find('|', from);
        fields.push_back(trimmed(text.substr(from, bar - from)));
        if (bar == std::string::npos)
            return fields;
        from = bar + 1;
    }
}

// "follow-up +3" into the intent's field; false for an unknown key or a missing value.
bool set_field(SaveInteraction& save, const std::string& field) {
    const auto space = field.find(' ');
    if (space == std::string::npos)
        return false;
    const std::string key = field.substr(0, space);
    const std::string value = trimmed(field.substr(space + 1));
    std::string* target = key == "status"      ? &save.status
                          : key == "done"      ? &save.done
                          : key == "follow-up" ? &save.follow_up
                          : key == "receipt"   ? &save.receipt
                          : key == "category"  ? &save.category
                          : key == "said"      ? &save.said
                                               : nullptr;
    if (!target || value.empty())
        return false;
    *target = value;
    return true;
}

ParseResult parse_record(const Words& w) {
    const auto fields = fields_of(rest(w, 1));
    if (fields.size() < 2 || fields[0].empty() || fields[1].empty())
        return pos::bad_input(std::string("'") + w[0] + "' needs the form: " + record_form);
    SaveInteraction save;
    save.kind = w[0];
    save.category = fields[0];
    save.said = fields[1];
    for (std::size_t i = 2; i < fields.size(); ++i) {
        if (!set_field(save, fields[i]))
            return pos::bad_input("'" + fields[i] + "' is not a field of '" + w[0] +
                                  "'; it needs the form: " + record_form);
    }
    return step(std::move(save));
}

ParseResult parse_interaction(const Words& w) {
    const auto malformed =
        pos::bad_input(std::string("'interaction' needs the form: ") + interaction_form);
    if (w[1] == "complaint" || w[1] == "inquiry" || w[1] == "request")  // `request` alone is
        return parse_record(Words(w.begin() + 1, w.end()));             // a stock request
    if (w.size() == 3 && w[1] == "pick") {
        auto index = position(w[2], "The interaction to pick");
        if (!index)
            return index.error();
        return step(PickInteraction{*index});
    }
    if (w[1] == "resolve-with-return" && (w.size() == 2 || w.size() == 3))
        return step(ResolveWithReturn{w.size() == 3 ? w[2] : ""});
    if (w.size() >= 3 && w[1] == "update") {
        SaveInteraction save;  // no id and no kind: the interaction shown
        for (const auto& field : fields_of(rest(w, 2))) {
            if (!set_field(save, field))
                return pos::bad_input("'" + field +
                                      "' is not a KEY VALUE of 'interaction "
                                      "update'; it needs the form: " +
                                      interaction_form);
        }
        return step(std::move(save));
    }
    return malformed;
}

// order CODE [QUANTITY] [deposit AMOUNT] [expected DATE]
ParseResult parse_new_order(const Words& w) {
    CreateSpecialOrder order;
    order.code = w[1];
    std::size_t i = 2;
    if (i < w.size() && w[i] != "deposit" && w[i] != "expected")
        order.quantity = w[i++];
    for (; i + 1 < w.size(); i += 2) {
        if (w[i] == "deposit" && order.deposit.empty())
            order.deposit = w[i + 1];
        else if (w[i] == "expected" && order.expected.empty())
            order.expected = w[i + 1];
        else
            break;
    }
    if (i != w.size())
        return pos::bad_input(std::string("'order' needs the form: ") + order_form);
    return step(std::move(order));
}

ParseResult parse_order(const Words& w) {
    if (w.size() < 2)
        return pos::bad_input(std::string("'order' needs the form: ") + order_form);
    const std::string& verb = w[1];
    const bool action =
        verb == "arrived" || verb == "cancel" || verb == "pickup" || verb == "deposit";
    if (!action)
        return parse_new_order(w);
    if (w.size() != 3)
        return pos::bad_input(std::string("'order' needs the form: ") + order_form);
    if (verb == "arrived")
        return step(OrderArrived{w[2]});
    if (verb == "cancel")
        return step(CancelOrder{w[2]});
    if (verb == "pickup")
        return step(PickUpOrder{w[2]});
    return step(TakeDeposit{w[2]});
}

ParseResult parse_alone(const Words& w, Intent intent) {
    if (w.size() != 1)
        return pos::bad_input("'" + w[0] + "' takes nothing after it");
    return step(std::move(intent));
}

}  // namespace

std::optional<ParseResult> parse_service_command(const Words& words) {
    const std::string& command = words[0];
    if (command == "interactions")
        return parse_alone(words, ShowInteractions{});
    if (command == "interaction") {
        if (words.size() < 2)
            return ParseResult(
                pos::bad_input(std::string("'interaction' needs the form: ") + interaction_form));
        return parse_interaction(words);
    }
    if (command == "complaint" || command == "inquiry")
        return parse_record(words);
    if (command == "orders")
        return parse_alone(words, ShowSpecialOrders{});
    if (command == "order")
        return parse_order(words);
    return std::nullopt;
}

std::string service_command_names() {
    return "interactions, interaction, complaint, inquiry, orders, order";
}

}  // namespace ui::script
