// Private to pos-headoffice (main.cpp): reading quantities typed on the command line and printing
// stock, sales and the review list as plain text tables. No floating point.
#pragma once

#include <cstdint>
#include <iomanip>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "headoffice/server/head_office.hpp"
#include "pos/interaction.hpp"
#include "pos/money.hpp"

namespace headoffice::admin {

// "12" -> 12000, "1.5" -> 1500, "1.500" -> 1500 (milli-units; at most 3 decimals, not negative).
inline pos::Result<std::int64_t> parse_milli(std::string_view text) {
    const std::string shown = "quantity '" + std::string(text) + "'";
    const auto dot = text.find('.');
    const std::string_view whole = text.substr(0, dot);
    const std::string_view fraction =
        dot == std::string_view::npos ? std::string_view{} : text.substr(dot + 1);
    const auto digits = [](std::string_view s) {
        return s.find_first_not_of("0123456789") == std::string_view::npos;
    };
    if (whole.empty() || !digits(whole) || !digits(fraction) ||
        (dot != std::string_view::npos && fraction.empty())) {
        return pos::bad_input(shown + " is not a quantity: use 12 or 1.500");
    }
    if (fraction.size() > 3)
        return pos::bad_input(shown + " has more than 3 decimals");
    if (whole.size() > 12)
        return pos::bad_input(shown + " is too large");
    std::int64_t milli = 0;
    for (char c : whole)
        milli = milli * 10 + (c - '0');
    for (std::size_t place = 0; place < 3; ++place)
        milli = milli * 10 + (place < fraction.size() ? fraction[place] - '0' : 0);
    return milli;
}

// 12000 -> "12", 1500 -> "1.500", -250 -> "-0.250".
inline std::string format_milli(std::int64_t milli) {
    const bool negative = milli < 0;
    const std::uint64_t magnitude =
        negative ? 0 - static_cast<std::uint64_t>(milli) : static_cast<std::uint64_t>(milli);
    std::string text = std::to_string(magnitude / 1000);
    if (magnitude % 1000 != 0) {
        std::string fraction = std::to_string(magnitude % 1000);
        text += "." + std::string(3 - fraction.size(), '0') + fraction;
    }
    return negative ? "-" + text : text;
}

// Unix ms -> "2026-11-23 12:05 UTC" (Howard Hinnant's civil_from_days).
inline std::string format_utc(std::int64_t ms) {
    const std::int64_t minutes = (ms >= 0 ? ms : ms - 59'999) / 60'000;
    std::int64_t days = (minutes >= 0 ? minutes : minutes - 1439) / 1440;
    const std::int64_t minute_of_day = minutes - days * 1440;
    days += 719468;
    const std::int64_t era = (days >= 0 ? days : days - 146096) / 146097;
    const std::int64_t doe = days - era * 146097;
    const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const std::int64_t mp = (5 * doy + 2) / 153;
    const std::int64_t day = doy - (153 * mp + 2) / 5 + 1;
    const std::int64_t month = mp < 10 ? mp + 3 : mp - 9;
    const std::int64_t year = yoe + era * 400 + (month <= 2);
    std::ostringstream out;
    out << std::setfill('0') << std::setw(4) << year << "-" << std::setw(2) << month << "-"
        << std::setw(2) << day << " " << std::setw(2) << minute_of_day / 60 << ":" << std::setw(2)
        << minute_of_day % 60 << " UTC";
    return out.str();
}

inline std::string stock_table(const std::vector<pos::StockLevel>& levels) {
    std::ostringstream out;
    out << std::left << std::setw(16) << "code" << std::right << std::setw(14) << "quantity"
        << "\n";
    for (const auto& level : levels) {
        out << std::left << std::setw(16) << level.product_code << std::right << std::setw(14)
            << format_milli(level.quantity_milli);
        if (level.on_order_milli > 0) {
            out << "  on order " << format_milli(level.on_order_milli) << " due "
                << (level.expected_day > 0 ? pos::format_day(level.expected_day) : "?");
        }
        if (!level.location.empty())
            out << "  at " << level.location;
        out << "\n";
    }
    if (levels.empty())
        out << "(no stock recorded)\n";
    return out.str();
}

inline std::string sales_report(const std::string& store, const StoreSales& sales, int exponent) {
    std::ostringstream out;
    out << "store " << store << "\n"
        << "tickets: " << sales.tickets << "\n"
        << "total: "
        << pos::format_amount(pos::Money(sales.total_minor, pos::Currency::of("XXX", exponent)))
        << "\n"
        << "journal entries: " << sales.entries << "\n";
    out << "gaps: " << (sales.gaps.empty() ? "none" : std::to_string(sales.gaps.size())) << "\n";
    for (const auto& gap : sales.gaps)
        out << "  " << gap << "\n";
    out << "anomalies: "
        << (sales.anomalies.empty() ? "none" : std::to_string(sales.anomalies.size())) << "\n";
    for (const auto& anomaly : sales.anomalies)
        out << "  " << anomaly << "\n";
    return out.str();
}

inline std::string review_list(const std::vector<Anomaly>& anomalies) {
    if (anomalies.empty())
        return "nothing to review\n";
    std::ostringstream out;
    for (const auto& anomaly : anomalies) {
        out << format_utc(anomaly.at_ms) << "  " << anomaly.store_code << " " << anomaly.terminal_id
            << " entry " << anomaly.sequence << ": " << anomaly.reason << "\n";
    }
    return out.str();
}

}  // namespace headoffice::admin
