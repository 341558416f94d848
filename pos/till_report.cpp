// Report labels, local days and hours, and the dashboard's CSV export.
#include "pos/till_report.hpp"

#include "pos/enum_names.hpp"
#include "pos/interaction.hpp"

namespace pos {

namespace {

constexpr std::int64_t ms_per_minute = 60'000;
constexpr std::int64_t ms_per_hour = 60 * ms_per_minute;

constexpr EnumName<PaymentMethod> tender_labels[] = {
    {PaymentMethod::cash, "cash", "Cash"},
    {PaymentMethod::card, "card", "Card"},
    {PaymentMethod::gift_card, "gift_card", "Gift card"},
    {PaymentMethod::store_credit, "store_credit", "Store credit"},
    {PaymentMethod::cash_rounding, "cash_rounding", "Cash rounding"},
    {PaymentMethod::loyalty_points, "loyalty_points", "Points"},
    {PaymentMethod::deposit, "deposit", "Deposit"},
};

// Division rounding toward negative infinity, so times before 1970 land in the right day.
std::int64_t floor_div(std::int64_t a, std::int64_t b) {
    const std::int64_t q = a / b;
    return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

std::string two_digits(std::int64_t n) {
    return std::string(1, static_cast<char>('0' + n / 10)) + static_cast<char>('0' + n % 10);
}

// RFC 4180: quoted only when the field holds a comma, a quote or a line break.
std::string csv_field(std::string_view text) {
    if (text.find_first_of(",\"\r\n") == std::string_view::npos)
        return std::string(text);
    std::string quoted = "\"";
    for (char c : text) {
        if (c == '"')
            quoted += '"';
        quoted += c;
    }
    return quoted + '"';
}

std::string csv_row(std::string_view section, std::string_view label, std::string_view count,
                    std::string_view amount) {
    return csv_field(section) + ',' + csv_field(label) + ',' + csv_field(count) + ',' +
           csv_field(amount) + "\r\n";
}

std::string csv_rows(std::string_view section, const std::vector<ReportAmount>& rows) {
    std::string text;
    for (const auto& row : rows)
        text += csv_row(section, row.label, std::to_string(row.count), format_amount(row.amount));
    return text;
}

// "2" for whole units, "1.500" for a fraction (weighed goods).
std::string quantity_text(std::int64_t milli) {
    const std::string sign = milli < 0 ? "-" : "";
    const std::int64_t abs = milli < 0 ? -milli : milli;
    if (abs % 1000 == 0)
        return sign + std::to_string(abs / 1000);
    std::string fraction = std::to_string(abs % 1000);
    fraction.insert(0, 3 - fraction.size(), '0');
    return sign + std::to_string(abs / 1000) + "." + fraction;
}

std::string top_item_label(const TopItem& item) {
    if (item.code.empty())
        return item.name;
    return item.name.empty() ? item.code : item.code + " " + item.name;
}

// The currency of the first row that has one; rows of one report share a currency.
Currency currency_of(const ReportFigures& figures) {
    for (const auto* section :
         {&figures.sales, &figures.tenders, &figures.taxes, &figures.clerks, &figures.hours}) {
        for (const auto& row : *section) {
            if (row.amount.currency().code[0] != '\0')
                return row.amount.currency();
        }
    }
    return {};
}

}  // namespace

std::string tender_label(PaymentMethod method) {
    return std::string(label_of(tender_labels, method));
}

std::string hour_label(std::int64_t at_ms, int utc_offset_minutes) {
    const std::int64_t local_ms = at_ms + utc_offset_minutes * ms_per_minute;
    const std::int64_t hour =
        floor_div(local_ms, ms_per_hour) - local_day(at_ms, utc_offset_minutes) * 24;
    return two_digits(hour) + ":00";
}

// local_day is defined once, in interaction.cpp (declared in both headers).
std::string day_text(std::int64_t day) {
    return format_day(day);
}

ReportAmount ReportFigures::row(const std::vector<Amount>& section, std::string_view label) const {
    for (const auto& amount : section) {
        if (amount.label == label)
            return amount;
    }
    return {std::string(label), 0, Money(0, currency_of(*this))};
}

std::int64_t DashboardFigures::returns_rate_ppm() const {
    if (sales_count <= 0)
        return 0;
    return divide_rounded(returns_count * Rate::one, sales_count, RoundingMode::half_up);
}

std::string dashboard_csv(const DashboardFigures& figures) {
    std::string text = csv_row("section", "label", "count", "amount");
    text += csv_rows("hour", figures.by_hour);
    text += csv_rows("tender", figures.tenders);
    text += csv_row("summary", "sales", std::to_string(figures.sales_count),
                    format_amount(figures.sales_amount));
    text += csv_row("summary", "returns", std::to_string(figures.returns_count),
                    format_amount(figures.returns_amount));
    text +=
        csv_row("summary", "returns rate", "", format_percent(Rate{figures.returns_rate_ppm()}));
    for (const auto& item : figures.top_items)
        text += csv_row("top_item", top_item_label(item), quantity_text(item.quantity_milli),
                        format_amount(item.amount));
    return text;
}

}  // namespace pos
