// The view-models of the reports screen and the dashboard: every string as the manager reads it.
#include "receipts/text_receipt.hpp"
#include "ui/terminal.hpp"
#include "ui/terminal_text.hpp"

namespace ui {

namespace {

std::string counted(std::int64_t count, const std::string& one, const std::string& many) {
    return std::to_string(count) + " " + (count == 1 ? one : many);
}

// 71'000 ppm -> "7.1%", rounded half up to a tenth of a percent.
std::string percent_text(std::int64_t ppm) {
    const std::int64_t tenths = (ppm + 500) / 1000;
    return std::to_string(tenths / 10) + "." + std::to_string(tenths % 10) + "%";
}

// 2'000 -> "2", 1'500 -> "1.500" (weighed goods keep their grams).
std::string quantity_text(std::int64_t milli) {
    const bool negative = milli < 0;
    const std::int64_t m = negative ? -milli : milli;
    std::string text = std::to_string(m / 1000);
    if (m % 1000 != 0) {
        const std::string grams = std::to_string(1000 + m % 1000).substr(1);
        text += "." + grams;
    }
    return (negative ? "-" : "") + text;
}

// In the store's currency: a zero amount the store left default-constructed has none.
std::string money_in(const pos::Money& amount, const pos::Currency& currency) {
    return text::money(pos::Money(amount.minor(), currency));
}

ChartBarVm bar_of(const pos::ReportAmount& row, const pos::Currency& currency) {
    return {row.label, money_in(row.amount, currency) + " (" + std::to_string(row.count) + ")",
            pos::format_amount(row.amount), row.amount.minor()};
}

ChartBarVm bar_of(const pos::TopItem& item, const pos::Currency& currency) {
    return {item.name.empty() ? item.code : item.name,
            quantity_text(item.quantity_milli) + " · " + money_in(item.amount, currency),
            pos::format_amount(item.amount), item.amount.minor()};
}

}  // namespace

ReportsVm Terminal::reports_vm() const {
    const auto& desk = reports_desk_;
    ReportsVm vm;
    if (desk.shown) {
        vm.title = desk.shown->final ? "Z report No. " + std::to_string(desk.shown->number)
                                     : std::string("X report (changes nothing)");
        vm.text = desk.shown_text;
    }
    for (const auto& z : desk.past) {
        ZSummaryVm row;
        row.number = z.number;
        row.text = receipts::format_local_time(z.to_ms, services_.utc_offset_minutes) + " · " +
                   z.run_by_name;
        row.net = text::money(pos::Money(z.net_minor, settings_.currency));
        row.shown = desk.shown && desk.shown->final && desk.shown->number == z.number;
        vm.past.push_back(std::move(row));
    }
    vm.can_z = desk.z_blocked.empty();
    vm.z_note =
        vm.can_z ? "Z ends the day: numbered, printed, totals back to zero" : desk.z_blocked;
    vm.can_print = desk.shown.has_value();
    return vm;
}

DashboardVm Terminal::dashboard_vm() const {
    DashboardVm vm;
    vm.exported = reports_desk_.exported;
    if (!reports_desk_.dashboard)
        return vm;
    const auto& d = *reports_desk_.dashboard;
    vm.title = (d.day == today() ? "Today, " : "") + pos::day_text(d.day);
    for (const auto& row : d.by_hour)
        vm.by_hour.push_back(bar_of(row, settings_.currency));
    for (const auto& row : d.tenders)
        vm.tenders.push_back(bar_of(row, settings_.currency));
    for (const auto& item : d.top_items)
        vm.top_items.push_back(bar_of(item, settings_.currency));
    vm.sales = counted(d.sales_count, "sale", "sales") + ", " +
               money_in(d.sales_amount, settings_.currency);
    vm.returns = counted(d.returns_count, "return", "returns") + ", " +
                 money_in(d.returns_amount, settings_.currency);
    vm.returns_rate_ppm = d.returns_rate_ppm();
    vm.returns_rate = percent_text(vm.returns_rate_ppm) + " of sales";
    return vm;
}

}  // namespace ui
