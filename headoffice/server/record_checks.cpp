// The checks a service record passes before head office stores it: well-formed values, and only
// the caller's own store's interactions, loyalty movements, requests and special orders (a
// customer may be edited anywhere in the chain). Each refusal names the record and what is wrong.
#include <algorithm>
#include <cctype>
#include <type_traits>
#include <variant>

#include "headoffice/server/records_internal.hpp"
#include "pos/customer.hpp"

namespace headoffice::detail {

namespace {

constexpr std::size_t max_id_length = 64;

bool blank(const std::string& text) {
    return std::all_of(text.begin(), text.end(),
                       [](unsigned char c) { return std::isspace(c) != 0; });
}

std::string name_of(const pos::Customer& c) {
    return "customer " + c.id;
}
std::string name_of(const pos::Interaction& i) {
    return "interaction " + (i.number.empty() ? i.id : i.number);
}
std::string name_of(const pos::LoyaltyMovement& m) {
    return "loyalty movement " + m.id;
}
std::string name_of(const pos::StockRequest& r) {
    return "stock request " + r.id;
}
std::string name_of(const pos::SpecialOrder& o) {
    return "special order " + (o.number.empty() ? o.id : o.number);
}

// The first problem found, or empty.
std::string first_of(std::initializer_list<std::pair<bool, const char*>> checks) {
    for (const auto& [wrong, message] : checks) {
        if (wrong)
            return message;
    }
    return {};
}

std::string problem_in(const pos::Customer& c, sql::Connection&) {
    if (!c.phone.empty()) {
        if (auto phone = pos::normalise_phone(c.phone); !phone)
            return phone.error().message;
    }
    if (!c.email.empty()) {
        if (auto email = pos::normalise_email(c.email); !email)
            return email.error().message;
    }
    return first_of({
        {blank(c.name), "the name is empty"},
        {!c.card.empty() && !pos::is_loyalty_card(c.card),
         "the card number is not a loyalty card (LC and digits with a check digit)"},
        {c.merged_into == c.id, "it cannot be merged into itself"},
        {c.updated_at_ms <= 0, "updated_at_ms must be a time after 1970"},
    });
}

std::string problem_in(const pos::Interaction& i, sql::Connection&) {
    return first_of({
        {blank(i.number), "the number is empty"},
        {blank(i.store_code), "the store code is empty"},
        {blank(i.category), "the category is empty"},
        {i.status == pos::InteractionStatus::resolved && blank(i.done),
         "a resolved interaction needs what was done"},
        {i.updated_at_ms <= 0, "updated_at_ms must be a time after 1970"},
    });
}

std::string problem_in(const pos::LoyaltyMovement& m, sql::Connection&) {
    return first_of({
        {blank(m.customer_id), "it names no customer"},
        {blank(m.store_code), "the store code is empty"},
        {m.at_ms <= 0, "at_ms must be a time after 1970"},
    });
}

std::string problem_in(const pos::StockRequest& r, sql::Connection& connection) {
    auto problem = first_of({
        {blank(r.product_code), "it names no product"},
        {r.quantity_milli <= 0, "the quantity must be above zero"},
        {blank(r.from_store), "it names no store to take the stock from"},
        {r.from_store == r.to_store, "the stock must come from another store"},
        {r.updated_at_ms <= 0, "updated_at_ms must be a time after 1970"},
    });
    if (problem.empty() &&
        connection.query("SELECT code FROM stores WHERE code = $1", {r.from_store}).empty())
        problem = "there is no store '" + r.from_store + "'";
    return problem;
}

std::string problem_in(const pos::SpecialOrder& o, sql::Connection&) {
    return first_of({
        {blank(o.number), "the number is empty"},
        {blank(o.product_code), "it names no product"},
        {o.quantity.milli <= 0, "the quantity must be above zero"},
        {o.total.minor() < 0 || o.deposit.minor() < 0 || o.deposit_held.minor() < 0,
         "an amount is below zero"},
        {o.updated_at_ms <= 0, "updated_at_ms must be a time after 1970"},
    });
}

// The store the record says it belongs to, when it must be the caller's own.
std::string owning_store(const pos::Customer&) {
    return {};
}
std::string owning_store(const pos::Interaction& i) {
    return i.store_code;
}
std::string owning_store(const pos::LoyaltyMovement& m) {
    return m.store_code;
}
std::string owning_store(const pos::StockRequest& r) {
    return r.to_store;
}
std::string owning_store(const pos::SpecialOrder& o) {
    return o.store_code;
}

}  // namespace

std::string record_problem(sql::Connection& connection, const Identity& who,
                           const pos::ServiceRecord& record) {
    return std::visit(
        [&](const auto& r) -> std::string {
            const std::string what = name_of(r);
            if (blank(r.id) || r.id.size() > max_id_length)
                return what + ": the id must be 1 to 64 characters";
            if (auto problem = problem_in(r, connection); !problem.empty())
                return what + ": " + problem;
            const std::string owner = owning_store(r);
            if (!owner.empty() && owner != who.store_code) {
                return what + " belongs to store " + owner + ", but these credentials are store " +
                       who.store_code + "'s; only its own store may send it";
            }
            return {};
        },
        record);
}

std::string duplicate_message(const pos::ServiceRecord& record) {
    return std::visit(
        [](const auto& r) -> std::string {
            return name_of(r) + ": another record already has this number; nothing was stored";
        },
        record);
}

}  // namespace headoffice::detail
