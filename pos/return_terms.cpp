#include "pos/return_terms.hpp"

namespace pos {

namespace {

template <typename Enum>
struct Names {
    Enum value;
    std::string_view name;
    std::string_view label;
};

constexpr Names<ReturnReason> reason_names[] = {
    {ReturnReason::changed_mind, "changed_mind", "Changed mind"},
    {ReturnReason::faulty, "faulty", "Faulty"},
    {ReturnReason::damaged, "damaged", "Damaged"},
    {ReturnReason::wrong_item, "wrong_item", "Wrong item"},
    {ReturnReason::not_as_described, "not_as_described", "Not as described"},
    {ReturnReason::other, "other", "Other"},
};

constexpr Names<Disposition> disposition_names[] = {
    {Disposition::restock, "restock", "Back to stock"},
    {Disposition::damaged, "damaged", "Damaged stock"},
    {Disposition::return_to_vendor, "return_to_vendor", "Return to vendor"},
};

template <typename Enum, std::size_t N>
const Names<Enum>* find(const Names<Enum> (&table)[N], Enum value) {
    for (const auto& n : table) {
        if (n.value == value)
            return &n;
    }
    return nullptr;
}

template <typename Enum, std::size_t N>
std::optional<Enum> parse(const Names<Enum> (&table)[N], std::string_view name) {
    for (const auto& n : table) {
        if (n.name == name)
            return n.value;
    }
    return std::nullopt;
}

}  // namespace

std::string_view to_string(ReturnReason reason) {
    const auto* n = find(reason_names, reason);
    return n ? n->name : "?";
}

std::string_view label(ReturnReason reason) {
    const auto* n = find(reason_names, reason);
    return n ? n->label : "?";
}

std::optional<ReturnReason> return_reason_from(std::string_view name) {
    return parse(reason_names, name);
}

std::string_view to_string(Disposition disposition) {
    const auto* n = find(disposition_names, disposition);
    return n ? n->name : "?";
}

std::string_view label(Disposition disposition) {
    const auto* n = find(disposition_names, disposition);
    return n ? n->label : "?";
}

std::optional<Disposition> disposition_from(std::string_view name) {
    return parse(disposition_names, name);
}

}  // namespace pos
