#include "pos/return_terms.hpp"

#include "pos/enum_names.hpp"

namespace pos {

namespace {

constexpr EnumName<ReturnReason> reason_names[] = {
    {ReturnReason::changed_mind, "changed_mind", "Changed mind"},
    {ReturnReason::faulty, "faulty", "Faulty"},
    {ReturnReason::damaged, "damaged", "Damaged"},
    {ReturnReason::wrong_item, "wrong_item", "Wrong item"},
    {ReturnReason::not_as_described, "not_as_described", "Not as described"},
    {ReturnReason::other, "other", "Other"},
};

constexpr EnumName<Disposition> disposition_names[] = {
    {Disposition::restock, "restock", "Back to stock"},
    {Disposition::damaged, "damaged", "Damaged stock"},
    {Disposition::return_to_vendor, "return_to_vendor", "Return to vendor"},
};

}  // namespace

std::string_view to_string(ReturnReason reason) {
    return name_of(reason_names, reason);
}

std::string_view label(ReturnReason reason) {
    return label_of(reason_names, reason);
}

std::optional<ReturnReason> return_reason_from(std::string_view name) {
    return value_named(reason_names, name);
}

std::string_view to_string(Disposition disposition) {
    return name_of(disposition_names, disposition);
}

std::string_view label(Disposition disposition) {
    return label_of(disposition_names, disposition);
}

std::optional<Disposition> disposition_from(std::string_view name) {
    return value_named(disposition_names, name);
}

}  // namespace pos
