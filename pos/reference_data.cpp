#include "pos/reference_data.hpp"

namespace pos {

namespace {

std::string_view kind_of(const Customer&) {
    return "customer";
}
std::string_view kind_of(const Interaction&) {
    return "interaction";
}
std::string_view kind_of(const LoyaltyMovement&) {
    return "loyalty";
}
std::string_view kind_of(const StockRequest&) {
    return "stock_request";
}
std::string_view kind_of(const SpecialOrder&) {
    return "special_order";
}

}  // namespace

std::string_view service_kind(const ServiceRecord& record) {
    return std::visit([](const auto& r) { return kind_of(r); }, record);
}

const std::string& service_key(const ServiceRecord& record) {
    return std::visit([](const auto& r) -> const std::string& { return r.id; }, record);
}

}  // namespace pos
