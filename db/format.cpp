#include "db/format.hpp"

#include <algorithm>
#include <array>
#include <cstdio>
#include <utility>

namespace db {

namespace {

// One table per enum: the value and its word in the file.
template <typename Enum, std::size_t N>
std::string_view word_of(const std::array<std::pair<Enum, std::string_view>, N>& words,
                         Enum value) {
    for (const auto& [candidate, word] : words) {
        if (candidate == value)
            return word;
    }
    throw pos::StoreFailure("a value has no spelling in the store's format");
}

template <typename Enum, std::size_t N>
Enum value_of(const std::array<std::pair<Enum, std::string_view>, N>& words,
              const std::string& text, std::string_view what) {
    for (const auto& [value, word] : words) {
        if (word == text)
            return value;
    }
    throw pos::StoreFailure("the store holds an unknown " + std::string(what) + " '" + text + "'");
}

constexpr std::array<std::pair<pos::UnitOfSale, std::string_view>, 2> units{{
    {pos::UnitOfSale::each, "each"},
    {pos::UnitOfSale::kilogram, "kg"},
}};

constexpr std::array<std::pair<pos::PricingMode, std::string_view>, 2> pricing_modes{{
    {pos::PricingMode::tax_inclusive, "tax_inclusive"},
    {pos::PricingMode::tax_exclusive, "tax_exclusive"},
}};

constexpr std::array<std::pair<pos::TaxRounding, std::string_view>, 2> tax_roundings{{
    {pos::TaxRounding::per_line, "per_line"},
    {pos::TaxRounding::per_ticket, "per_ticket"},
}};

constexpr std::array<std::pair<pos::RoundingMode, std::string_view>, 7> rounding_modes{{
    {pos::RoundingMode::half_up, "half_up"},
    {pos::RoundingMode::half_even, "half_even"},
    {pos::RoundingMode::half_down, "half_down"},
    {pos::RoundingMode::up, "up"},
    {pos::RoundingMode::down, "down"},
    {pos::RoundingMode::floor, "floor"},
    {pos::RoundingMode::ceiling, "ceiling"},
}};

constexpr std::array<std::pair<pos::PaymentMethod, std::string_view>, 7> methods{{
    {pos::PaymentMethod::cash, "cash"},
    {pos::PaymentMethod::card, "card"},
    {pos::PaymentMethod::gift_card, "gift_card"},
    {pos::PaymentMethod::store_credit, "store_credit"},
    {pos::PaymentMethod::cash_rounding, "cash_rounding"},
    {pos::PaymentMethod::loyalty_points, "loyalty_points"},
    {pos::PaymentMethod::deposit, "deposit"},
}};

constexpr std::array<std::pair<pos::DiscountKind, std::string_view>, 3> discount_kinds{{
    {pos::DiscountKind::none, "none"},
    {pos::DiscountKind::percent, "percent"},
    {pos::DiscountKind::amount, "amount"},
}};

constexpr std::array<std::pair<pos::PromotionKind, std::string_view>, 4> promotion_kinds{{
    {pos::PromotionKind::quantity_break, "quantity_break"},
    {pos::PromotionKind::mix_and_match, "mix_and_match"},
    {pos::PromotionKind::buy_x_get_y, "buy_x_get_y"},
    {pos::PromotionKind::department_percent, "department_percent"},
}};

constexpr std::array<std::pair<pos::EventKind, std::string_view>, 8> event_kinds{{
    {pos::EventKind::line_void, "line_void"},
    {pos::EventKind::ticket_void, "ticket_void"},
    {pos::EventKind::no_sale, "no_sale"},
    {pos::EventKind::price_override, "price_override"},
    {pos::EventKind::suspend, "suspend"},
    {pos::EventKind::resume, "resume"},
    {pos::EventKind::approval, "approval"},
    {pos::EventKind::approval_declined, "approval_declined"},
}};

}  // namespace

std::string_view unit_text(pos::UnitOfSale unit) {
    return word_of(units, unit);
}
pos::UnitOfSale unit_from(const std::string& text) {
    return value_of(units, text, "unit of sale");
}
std::string_view pricing_text(pos::PricingMode mode) {
    return word_of(pricing_modes, mode);
}
pos::PricingMode pricing_from(const std::string& text) {
    return value_of(pricing_modes, text, "pricing mode");
}
std::string_view tax_rounding_text(pos::TaxRounding rounding) {
    return word_of(tax_roundings, rounding);
}
pos::TaxRounding tax_rounding_from(const std::string& text) {
    return value_of(tax_roundings, text, "tax rounding");
}
std::string_view rounding_mode_text(pos::RoundingMode mode) {
    return word_of(rounding_modes, mode);
}
pos::RoundingMode rounding_mode_from(const std::string& text) {
    return value_of(rounding_modes, text, "rounding mode");
}
std::string_view role_text(pos::Role role) {
    return pos::to_string(role);
}
pos::Role role_from(const std::string& text) {
    if (const auto role = pos::role_from(text))
        return *role;
    throw pos::StoreFailure("the store holds an unknown staff role '" + text + "'");
}
std::string_view reason_text(pos::ReturnReason reason) {
    return pos::to_string(reason);
}
pos::ReturnReason reason_from(const std::string& text) {
    if (const auto reason = pos::return_reason_from(text))
        return *reason;
    throw pos::StoreFailure("the store holds an unknown return reason '" + text + "'");
}
std::string_view disposition_text(pos::Disposition disposition) {
    return pos::to_string(disposition);
}
pos::Disposition disposition_from(const std::string& text) {
    if (const auto disposition = pos::disposition_from(text))
        return *disposition;
    throw pos::StoreFailure("the store holds an unknown disposition '" + text + "'");
}
pos::Permission permission_from(const std::string& text) {
    if (const auto permission = pos::permission_from(text))
        return *permission;
    throw pos::StoreFailure("the store holds an unknown permission '" + text + "'");
}
std::string_view stock_bucket(pos::Disposition disposition) {
    switch (disposition) {
        case pos::Disposition::restock:
            return "sellable";
        case pos::Disposition::damaged:
            return "damaged";
        case pos::Disposition::return_to_vendor:
            return "vendor_return";
    }
    throw pos::StoreFailure("a disposition has no stock bucket");
}
std::string_view method_text(pos::PaymentMethod method) {
    return word_of(methods, method);
}
pos::PaymentMethod method_from(const std::string& text) {
    return value_of(methods, text, "payment method");
}
std::string_view discount_kind_text(pos::DiscountKind kind) {
    return word_of(discount_kinds, kind);
}
pos::DiscountKind discount_kind_from(const std::string& text) {
    return value_of(discount_kinds, text, "discount kind");
}
std::string_view promotion_kind_text(pos::PromotionKind kind) {
    return word_of(promotion_kinds, kind);
}
pos::PromotionKind promotion_kind_from(const std::string& text) {
    return value_of(promotion_kinds, text, "promotion kind");
}
std::string_view event_kind_text(pos::EventKind kind) {
    return word_of(event_kinds, kind);
}

bool is_stored_value(pos::PaymentMethod method) {
    return method == pos::PaymentMethod::gift_card || method == pos::PaymentMethod::store_credit;
}

std::string stored_value_label(pos::PaymentMethod method) {
    return method == pos::PaymentMethod::store_credit ? "Store credit account" : "Gift card";
}

bool all_digits(std::string_view text) {
    return !text.empty() &&
           std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool is_blank(std::string_view text) {
    return std::all_of(text.begin(), text.end(),
                       [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; });
}

bool has_control_character(std::string_view text) {
    return std::any_of(text.begin(), text.end(), [](char c) {
        const auto byte = static_cast<unsigned char>(c);
        return byte < 0x20 || byte == 0x7F;
    });
}

bool is_ascii_alnum(char c) {
    return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

std::string in_quotes(std::string_view text) {
    return "\"" + std::string(text) + "\"";
}

std::string last4(std::string_view text) {
    return std::string(text.substr(text.size() > 4 ? text.size() - 4 : 0));
}

bool looks_like_card_number(std::string_view text) {
    std::size_t run = 0;
    for (const char c : text) {
        if (c >= '0' && c <= '9') {
            if (++run >= 12)
                return true;
        } else if (c != ' ' && c != '-') {
            run = 0;
        }
    }
    return false;
}

std::string currency_text(const pos::Currency& currency) {
    std::string code(currency.iso());
    code.erase(std::find(code.begin(), code.end(), '\0'), code.end());
    return code;
}

bool valid_currency(const pos::Currency& currency) {
    const std::string code = currency_text(currency);
    return code.size() == 3 &&
           std::all_of(code.begin(), code.end(), [](char c) { return c >= 'A' && c <= 'Z'; }) &&
           currency.exponent >= 0 && currency.exponent <= 4;
}

std::string format_price(std::int64_t minor, const pos::Currency& currency) {
    return pos::format_amount(pos::Money(minor, currency));
}

std::string receipt_number_for(const std::string& terminal_id, std::int64_t sequence) {
    char digits[24];
    std::snprintf(digits, sizeof digits, "%06lld", static_cast<long long>(sequence));
    return terminal_id + "-" + digits;
}

}  // namespace db
