#include "pos/stock_lookup.hpp"

#include <algorithm>
#include <tuple>

#include "pos/enum_names.hpp"

namespace pos {

namespace {

constexpr EnumName<StockRequestKind> kind_names[] = {
    {StockRequestKind::hold, "hold", "Hold"},
    {StockRequestKind::transfer, "transfer", "Transfer"},
};

constexpr EnumName<StockRequestStatus> status_names[] = {
    {StockRequestStatus::requested, "requested", "Requested"},
    {StockRequestStatus::accepted, "accepted", "Accepted"},
    {StockRequestStatus::declined, "declined", "Declined"},
    {StockRequestStatus::ready, "ready", "Ready"},
    {StockRequestStatus::completed, "completed", "Completed"},
    {StockRequestStatus::cancelled, "cancelled", "Cancelled"},
};

constexpr std::int64_t max_request_milli = 9'999'000;

std::string units_text(std::int64_t milli) {
    std::string text = std::to_string(milli / 1000);
    if (milli % 1000 != 0) {
        std::string fraction = std::to_string(1000 + milli % 1000).substr(1);
        while (fraction.back() == '0')
            fraction.pop_back();
        text += "." + fraction;
    }
    return text;
}

std::string plural(std::int64_t n, std::string_view one, std::string_view many) {
    return std::to_string(n) + " " + std::string(n == 1 ? one : many);
}

}  // namespace

std::string describe_age(std::int64_t as_of_ms, std::int64_t now_ms) {
    if (as_of_ms <= 0)
        return "age unknown";
    const std::int64_t age = now_ms - as_of_ms;
    constexpr std::int64_t minute = 60'000;
    constexpr std::int64_t hour = 60 * minute;
    constexpr std::int64_t day = 24 * hour;
    if (age < minute)
        return "just now";  // a clock a little behind head office's reads as fresh too
    if (age < hour)
        return std::to_string(age / minute) + " min ago";
    if (age < day)
        return std::to_string(age / hour) + " h ago";
    return plural(age / day, "day", "days") + " ago";
}

void sort_for_lookup(std::vector<StoreStock>& rows, std::string_view own_store) {
    std::sort(rows.begin(), rows.end(), [&](const StoreStock& a, const StoreStock& b) {
        return std::make_tuple(a.store_code != own_store, -a.on_hand_milli,
                               std::string_view(a.store_code)) <
               std::make_tuple(b.store_code != own_store, -b.on_hand_milli,
                               std::string_view(b.store_code));
    });
}

std::string_view to_string(StockRequestKind kind) {
    return name_of(kind_names, kind);
}
std::optional<StockRequestKind> stock_request_kind_from(std::string_view name) {
    return value_named(kind_names, name);
}

std::string_view to_string(StockRequestStatus status) {
    return name_of(status_names, status);
}
std::string_view title(StockRequestStatus status) {
    return label_of(status_names, status);
}
std::optional<StockRequestStatus> stock_request_status_from(std::string_view name) {
    return value_named(status_names, name);
}

bool allowed_transition(StockRequestStatus from, StockRequestStatus to) {
    using S = StockRequestStatus;
    switch (from) {
        case S::requested:
            return to == S::accepted || to == S::declined || to == S::cancelled;
        case S::accepted:
            return to == S::ready || to == S::cancelled;
        case S::ready:
            return to == S::completed || to == S::cancelled;
        case S::declined:
        case S::completed:
        case S::cancelled:
            return false;
    }
    return false;
}

Status check_stock_request(const StockRequest& request, const std::vector<StoreStock>& known) {
    const std::string what(to_string(request.kind));
    if (request.product_code.empty())
        return bad_input("Look a product up first, then ask for a " + what);
    if (request.quantity_milli <= 0 || request.quantity_milli % 1000 != 0) {
        return bad_input("quantity " + units_text(request.quantity_milli) +
                         ": ask for a whole number of items, 1 or more");
    }
    if (request.quantity_milli > max_request_milli) {
        return bad_input("quantity " + units_text(request.quantity_milli) +
                         " is more than one request may ask for (9999)");
    }
    if (request.from_store.empty())
        return bad_input("Choose the store that has the item");
    if (request.from_store == request.to_store) {
        return bad_input("store " + request.from_store +
                         " is this store: ask another store for a " + what);
    }
    const auto row = std::find_if(known.begin(), known.end(), [&](const StoreStock& s) {
        return s.store_code == request.from_store;
    });
    if (row == known.end() || row->on_hand_milli <= 0) {
        return bad_input("store " + request.from_store + " has no " + request.product_name + " (" +
                         request.product_code + ") in the latest figures");
    }
    if (row->on_hand_milli < request.quantity_milli) {
        return bad_input("store " + request.from_store + " has only " +
                         units_text(row->on_hand_milli) + " of " + request.product_name + "; " +
                         units_text(request.quantity_milli) + " asked");
    }
    return ok();
}

}  // namespace pos
