#include "pos/customer.hpp"

#include <algorithm>

#include "pos/barcode.hpp"

namespace pos {

namespace {

bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

std::string_view trimmed(std::string_view text) {
    while (!text.empty() && is_space(text.front()))
        text.remove_prefix(1);
    while (!text.empty() && is_space(text.back()))
        text.remove_suffix(1);
    return text;
}

std::string lower(std::string_view text) {
    std::string out(text);
    for (char& c : out) {
        if (c >= 'A' && c <= 'Z')
            c = static_cast<char>(c - 'A' + 'a');
    }
    return out;
}

std::string quoted(std::string_view field, std::string_view value) {
    return std::string(field) + " \"" + std::string(value) + "\"";
}

// UTF-8 characters, not bytes: a name's length is what people count.
std::size_t characters(std::string_view text) {
    return static_cast<std::size_t>(
        std::count_if(text.begin(), text.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

std::string digits_of(std::string_view phone) {
    std::string out;
    for (char c : phone) {
        if (is_digit(c))
            out += c;
    }
    return out;
}

// The same person written two ways: "Ann  Smith" and "ann smith".
std::string name_key(std::string_view name) {
    std::string out;
    for (char c : lower(trimmed(name))) {
        if (is_space(c)) {
            if (!out.empty() && out.back() != ' ')
                out += ' ';
        } else {
            out += c;
        }
    }
    return out;
}

std::string pence_text(const LoyaltyRules& rules, std::int64_t points, const Currency& currency) {
    return format_amount(points_value(rules, points, currency));
}

}  // namespace

Result<std::string> normalise_phone(std::string_view typed) {
    const std::string_view text = trimmed(typed);
    if (text.empty())
        return bad_input("phone is empty: key a number, or leave the field out");
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (is_digit(c)) {
            out += c;
        } else if (c == '+' && i == 0) {
            out += c;
        } else if (c != ' ' && c != '-' && c != '.' && c != '(' && c != ')') {
            return bad_input(quoted("phone", text) +
                             ": only digits, spaces, dashes, dots, brackets and a leading +");
        }
    }
    const std::size_t digits = digits_of(out).size();
    if (digits < 7 || digits > 15) {
        return bad_input(quoted("phone", text) + ": " + std::to_string(digits) +
                         " digits; a phone number has 7 to 15");
    }
    return out;
}

Result<std::string> normalise_email(std::string_view typed) {
    const std::string_view text = trimmed(typed);
    const std::string what = quoted("email", text);
    if (text.empty())
        return bad_input("email is empty: key an address, or leave the field out");
    if (std::any_of(text.begin(), text.end(), is_space))
        return bad_input(what + ": an email address has no spaces");
    const auto at = text.find('@');
    if (at == std::string_view::npos)
        return bad_input(what + ": an email address needs an @ (ann@example.com)");
    if (text.find('@', at + 1) != std::string_view::npos)
        return bad_input(what + ": an email address has only one @");
    if (at == 0)
        return bad_input(what + ": the part before @ is missing");
    const std::string_view domain = text.substr(at + 1);
    if (domain.empty())
        return bad_input(what + ": the part after @ is missing (example.com)");
    if (domain.find('.') == std::string_view::npos)
        return bad_input(what + ": the part after @ needs a dot (example.com)");
    if (domain.front() == '.' || domain.back() == '.' ||
        domain.find("..") != std::string_view::npos) {
        return bad_input(what + ": the part after @ has an empty piece between dots");
    }
    return lower(text);
}

bool is_loyalty_card(std::string_view code) {
    if (code.size() < 2 + 6 || code.size() > 2 + 16 || code.substr(0, 2) != "LC")
        return false;
    const std::string_view digits = code.substr(2);
    if (!std::all_of(digits.begin(), digits.end(), is_digit))
        return false;
    return gtin_check_digit(digits.substr(0, digits.size() - 1)) == digits.back();
}

std::string new_loyalty_card(std::int64_t seq) {
    std::string digits = std::to_string(seq < 0 ? -seq : seq);
    if (digits.size() < 9)
        digits.insert(0, 9 - digits.size(), '0');
    return "LC" + digits + gtin_check_digit(digits);
}

namespace {

Result<std::string> check_card(std::string_view typed) {
    std::string card(trimmed(typed));
    for (char& c : card) {
        if (c >= 'a' && c <= 'z')
            c = static_cast<char>(c - 'a' + 'A');
    }
    if (is_loyalty_card(card))
        return card;
    const std::string what = quoted("card", typed);
    if (card.size() >= 8 && card.substr(0, 2) == "LC" && card.size() <= 18 &&
        std::all_of(card.begin() + 2, card.end(), is_digit)) {
        return bad_input(what + ": wrong check digit (the last digit should be " +
                         gtin_check_digit(std::string_view(card).substr(2, card.size() - 3)) +
                         "); scan the card again");
    }
    return bad_input(what + ": not a loyalty card (LC followed by 6 to 16 digits)");
}

}  // namespace

Result<Customer> check_customer_draft(const CustomerDraft& draft) {
    Customer c;
    const std::string_view name = trimmed(draft.name);
    if (name.empty())
        return bad_input("name is empty: key the customer's name");
    if (characters(name) > 80) {
        return bad_input("name is " + std::to_string(characters(name)) +
                         " characters long; at most 80");
    }
    c.name = std::string(name);
    if (trimmed(draft.phone).empty() && trimmed(draft.email).empty())
        return bad_input("Key a phone number or an email address (at least one)");
    if (!trimmed(draft.phone).empty()) {
        auto phone = normalise_phone(draft.phone);
        if (!phone)
            return phone.error();
        c.phone = *phone;
    }
    if (!trimmed(draft.email).empty()) {
        auto email = normalise_email(draft.email);
        if (!email)
            return email.error();
        c.email = *email;
    }
    if (!trimmed(draft.card).empty()) {
        auto card = check_card(draft.card);
        if (!card)
            return card.error();
        c.card = *card;
    }
    c.consent = draft.consent;
    c.note = std::string(trimmed(draft.note));
    return c;
}

std::string_view describe(DuplicateReason reason) {
    switch (reason) {
        case DuplicateReason::same_card:
            return "same loyalty card";
        case DuplicateReason::same_phone:
            return "same phone number";
        case DuplicateReason::same_email:
            return "same email address";
        case DuplicateReason::same_name_and_phone_tail:
            return "same name, phone ending alike";
    }
    return "?";
}

namespace {

// The strongest reason `candidate` looks like `customer`, if any.
std::optional<DuplicateReason> duplicate_reason(const Customer& customer,
                                                const Customer& candidate) {
    if (!customer.card.empty() && customer.card == candidate.card)
        return DuplicateReason::same_card;
    if (!customer.phone.empty() && digits_of(customer.phone) == digits_of(candidate.phone))
        return DuplicateReason::same_phone;
    if (!customer.email.empty() && lower(customer.email) == lower(candidate.email))
        return DuplicateReason::same_email;
    const std::string a = digits_of(customer.phone);
    const std::string b = digits_of(candidate.phone);
    if (a.size() >= 4 && b.size() >= 4 && a.substr(a.size() - 4) == b.substr(b.size() - 4) &&
        !name_key(customer.name).empty() && name_key(customer.name) == name_key(candidate.name)) {
        return DuplicateReason::same_name_and_phone_tail;
    }
    return std::nullopt;
}

}  // namespace

std::vector<DuplicateMatch> find_duplicates(const Customer& customer,
                                            const std::vector<Customer>& candidates) {
    std::vector<DuplicateMatch> matches;
    for (const Customer& candidate : candidates) {
        if (candidate.id == customer.id || !candidate.merged_into.empty())
            continue;
        const bool seen = std::any_of(matches.begin(), matches.end(), [&](const DuplicateMatch& m) {
            return m.existing.id == candidate.id;
        });
        if (seen)
            continue;
        if (auto reason = duplicate_reason(customer, candidate))
            matches.push_back({candidate, *reason});
    }
    // The enum lists reasons strongest first; equal reasons keep the candidates' order.
    std::stable_sort(matches.begin(), matches.end(),
                     [](const DuplicateMatch& a, const DuplicateMatch& b) {
                         return static_cast<int>(a.reason) < static_cast<int>(b.reason);
                     });
    return matches;
}

Customer merged(const Customer& keep, const Customer& duplicate) {
    Customer out = keep;
    auto fill = [](std::string& field, const std::string& other) {
        if (field.empty())
            field = other;
    };
    fill(out.card, duplicate.card);
    fill(out.name, duplicate.name);
    fill(out.phone, duplicate.phone);
    fill(out.email, duplicate.email);
    fill(out.store_credit_account, duplicate.store_credit_account);
    fill(out.home_store, duplicate.home_store);
    if (!duplicate.note.empty() && duplicate.note != keep.note)
        out.note = keep.note.empty() ? duplicate.note : keep.note + "; " + duplicate.note;
    if (duplicate.created_at_ms > 0 &&
        (out.created_at_ms == 0 || duplicate.created_at_ms < out.created_at_ms)) {
        out.created_at_ms = duplicate.created_at_ms;
    }
    out.updated_at_ms = std::max(keep.updated_at_ms, duplicate.updated_at_ms);
    out.consent = keep.consent;  // consent is never widened by a merge
    out.merged_into.clear();
    return out;
}

namespace {

std::int64_t one_unit(const Currency& currency) {
    std::int64_t unit = 1;
    for (int i = 0; i < currency.exponent; ++i)
        unit *= 10;
    return unit;
}

}  // namespace

std::int64_t points_earned(const LoyaltyRules& rules, Money total, Money paid_with_points) {
    if (!rules.enabled)
        return 0;
    const Money paid = total - paid_with_points;
    // Toward zero both ways, so returning what was bought takes back what it earned.
    return paid.minor() / one_unit(paid.currency()) * rules.points_per_unit;
}

Money points_value(const LoyaltyRules& rules, std::int64_t points, const Currency& currency) {
    return Money(points * rules.point_value_minor, currency);
}

std::int64_t points_for(const LoyaltyRules& rules, Money amount) {
    if (rules.point_value_minor <= 0)
        return 0;
    return divide_rounded(amount.minor(), rules.point_value_minor, RoundingMode::up);
}

Result<std::int64_t> check_redemption(const LoyaltyRules& rules, Money amount,
                                      std::int64_t balance_points) {
    if (!rules.enabled || rules.point_value_minor <= 0)
        return not_allowed("Loyalty points are not in use at this store");
    if (amount.is_negative() || amount.is_zero())
        return bad_input("Enter the amount to pay with points: it must be more than zero");
    const std::int64_t points = points_for(rules, amount);
    const Currency& cur = amount.currency();
    if (points > balance_points) {
        const std::int64_t have = std::max<std::int64_t>(balance_points, 0);
        return bad_input("Only " + std::to_string(have) + " points (" +
                         pence_text(rules, have, cur) + ") on the card; " + format_amount(amount) +
                         " asked");
    }
    if (points < rules.min_redeem_points) {
        return bad_input("At least " + std::to_string(rules.min_redeem_points) + " points (" +
                         pence_text(rules, rules.min_redeem_points, cur) +
                         ") are redeemed at a time; " + format_amount(amount) + " is " +
                         std::to_string(points) + " points");
    }
    return points;
}

CustomerRef ref_of(const Customer& customer) {
    return {customer.id, customer.name, customer.card};
}

}  // namespace pos
