// X and Z reports and the manager's dashboard. Reports are for a supervisor or above. An X is a
// reading (on screen, printed on request); a Z ends the terminal's day: the store numbers it,
// journals it and zeroes the day's totals, then it is printed and shown. Earlier Zs are listed
// and shown again. The dashboard reads today's figures of the whole store file and exports them
// as CSV into the export folder.
#include <filesystem>
#include <fstream>
#include <system_error>

#include "receipts/text.hpp"
#include "receipts/text_receipt.hpp"
#include "ui/terminal.hpp"
#include "ui/terminal_text.hpp"

namespace ui {

namespace {

constexpr std::size_t z_list_limit = 60;
constexpr std::int64_t day_ms = 24LL * 60 * 60 * 1000;

std::string report_name(const pos::ReportFigures& f) {
    return f.final ? "Z report No. " + std::to_string(f.number) : std::string("X report");
}

// "T01-Z4" as the journal names it; an X has no number: "T01-X-1", "T01-X-2" ...
std::string print_stem(const pos::ReportFigures& f) {
    return f.terminal_id + (f.final ? "-Z" + std::to_string(f.number) : std::string("-X-"));
}

// Writes `text` to `path` whole or not at all (a part file renamed into place).
pos::Status write_file(const std::filesystem::path& path, const std::string& text) {
    std::error_code ec;
    std::filesystem::create_directories(path.parent_path(), ec);
    if (ec) {
        return pos::store_failure("The dashboard was not exported: the folder " +
                                  path.parent_path().string() + " cannot be made: " + ec.message());
    }
    auto part = path;
    part += ".part";
    {
        std::ofstream out(part, std::ios::binary | std::ios::trunc);
        out << text;
        if (!out.flush()) {
            std::filesystem::remove(part, ec);
            return pos::store_failure("The dashboard was not exported: " + part.string() +
                                      " cannot be written");
        }
    }
    std::filesystem::rename(part, path, ec);
    if (ec) {
        std::filesystem::remove(part, ec);
        return pos::store_failure("The dashboard was not exported: " + path.string() +
                                  " cannot be written: " + ec.message());
    }
    return pos::ok();
}

}  // namespace

pos::Status Terminal::require_report_role(std::string_view action) const {
    if (!user_)
        return pos::not_allowed("Log in first, then " + std::string(action));
    if (user_->role >= pos::Role::supervisor)
        return pos::ok();
    return pos::not_allowed("Only a supervisor or above may " + std::string(action) + " (" +
                            user_->name + " is a " + std::string(pos::to_string(user_->role)) +
                            ")");
}

// The report and dashboard intents work from wherever a desk screen can be opened: they open
// their screen first.
pos::Status Terminal::open_report_screen(Screen screen, std::string_view action) {
    if (auto s = require_report_role(action); !s)
        return s;
    if (screen_ == screen)
        return pos::ok();
    const Screen before = before_desk_;
    const bool from_report = screen_ == Screen::reports || screen_ == Screen::dashboard;
    if (auto s = enter_desk(screen, action); !s)
        return s;
    if (from_report)  // Reports <-> Dashboard: Back still goes where the first one came from
        before_desk_ = before;
    return pos::ok();
}

void Terminal::refresh_reports() {
    auto& desk = reports_desk_;
    desk.past = services_.store.reports().z_reports(settings_.terminal_id, z_list_limit);
    desk.z_blocked.clear();
    if (const auto shift = services_.store.till().current_shift(settings_.terminal_id)) {
        const std::string since =
            receipts::format_local_time(shift->opened_at_ms, services_.utc_offset_minutes);
        desk.z_blocked = "Close the till first: shift " + std::to_string(shift->number) +
                         " is open (" + shift->opened_by_name + " since " + since.substr(11) + ")";
    } else if (!desk.past.empty() && desk.past.front().business_day == today()) {
        desk.z_blocked = "Z report No. " + std::to_string(desk.past.front().number) +
                         " already ran today; the next one can run tomorrow";
    }
}

void Terminal::show_report(pos::ReportFigures figures) {
    reports_desk_.shown_text =
        receipts::to_text(receipts::shift_report(figures, settings_, layout_options(false)));
    reports_desk_.shown = std::move(figures);
}

pos::Status Terminal::handle(const ShowReports&) {
    if (auto s = open_report_screen(Screen::reports, "see the reports"); !s)
        return s;
    refresh_reports();
    message_ = {MessageKind::info, "X report reads the day so far; Z report ends it"};
    return pos::ok();
}

pos::Status Terminal::handle(const RunXReport&) {
    if (auto s = open_report_screen(Screen::reports, "run an X report"); !s)
        return s;
    auto figures = services_.store.reports().x_report(
        settings_.terminal_id, services_.clock.now_ms(), services_.utc_offset_minutes);
    figures.run_by = user_->name;
    const auto net = figures.row(figures.sales, "Net sales");
    show_report(std::move(figures));
    refresh_reports();
    message_ = {MessageKind::info, "X report: net sales " + money_text(net.amount) + " (" +
                                       std::to_string(net.count) + " tickets); nothing changed"};
    return pos::ok();
}

pos::Status Terminal::handle(const RunZReport&) {
    if (auto s = require_report_role("run a Z report"); !s)
        return s;
    if (session_ && session_->ticket().state() != pos::TicketState::completed &&
        !session_->ticket().lines().empty()) {
        return pos::not_allowed("A sale is open: finish or suspend it before the Z report");
    }
    if (auto s = open_report_screen(Screen::reports, "run a Z report"); !s)
        return s;
    db::ZRequest request{settings_.terminal_id, services_.clock.now_ms(),
                         services_.utc_offset_minutes, user_->id, user_->name};
    auto z = services_.store.reports().run_z_report(request);
    refresh_reports();
    if (!z)
        return z.error();
    const auto net = z->row(z->sales, "Net sales");
    const std::string name = report_name(*z);
    show_report(std::move(*z));
    const pos::ReportFigures& f = *reports_desk_.shown;
    const auto job =
        print_receipt([&] { return receipts::shift_report(f, settings_, layout_options(false)); },
                      print_stem(f), name, "");
    const std::string done = name + " done: net sales " + money_text(net.amount) +
                             "; the day's totals start again from zero";
    if (const auto printed = said_printed(job, name, "The " + name); !printed)
        message_ = {MessageKind::error,
                    done + ", but " + printed.error().message + ". Tap Print to try again."};
    else
        message_.text = done + ". " + message_.text;
    return pos::ok();
}

pos::Status Terminal::handle(const PrintReport&) {
    if (auto s = require_screen(Screen::reports, "print a report"); !s)
        return s;
    if (!reports_desk_.shown)
        return pos::bad_input("Run an X or Z report, or pick an earlier Z, then print it");
    const pos::ReportFigures& f = *reports_desk_.shown;
    const std::string name = report_name(f);
    const std::string stem = f.final ? print_stem(f) + "-copy" : print_stem(f);
    const auto job =
        print_receipt([&] { return receipts::shift_report(f, settings_, layout_options(f.final)); },
                      services_.devices.print_queue().unused_name(stem), name, "");
    return said_printed(job, name, "The " + name);
}

pos::Status Terminal::handle(const ShowZReport& intent) {
    if (auto s = open_report_screen(Screen::reports, "see a Z report"); !s)
        return s;
    refresh_reports();
    auto z = services_.store.reports().z_report(settings_.terminal_id, intent.number);
    if (!z) {
        const std::string last =
            reports_desk_.past.empty()
                ? "none has run yet"
                : "the last is No. " + std::to_string(reports_desk_.past.front().number);
        return pos::not_found("There is no Z report No. " + std::to_string(intent.number) +
                              " on terminal " + settings_.terminal_id + " (" + last + ")");
    }
    const std::string said =
        report_name(*z) + " of " + pos::day_text(z->business_day) + ", run by " + z->run_by;
    show_report(std::move(*z));
    message_ = {MessageKind::info, said};
    return pos::ok();
}

void Terminal::refresh_dashboard() {
    const std::int64_t day = today();
    const std::int64_t from = day * day_ms - std::int64_t{services_.utc_offset_minutes} * 60'000;
    reports_desk_.dashboard =
        services_.store.reports().dashboard(from, from + day_ms, services_.utc_offset_minutes);
    reports_desk_.dashboard->day = day;
}

pos::Status Terminal::handle(const ShowDashboard&) {
    if (auto s = open_report_screen(Screen::dashboard, "see the dashboard"); !s)
        return s;
    refresh_dashboard();
    message_ = {MessageKind::info, "Today's figures of this store, every terminal"};
    return pos::ok();
}

pos::Status Terminal::handle(const ExportDashboard&) {
    if (auto s = open_report_screen(Screen::dashboard, "export the dashboard"); !s)
        return s;
    refresh_dashboard();
    const auto& figures = *reports_desk_.dashboard;
    std::filesystem::path dir =
        services_.export_dir.empty() ? std::filesystem::path("exports") : services_.export_dir;
    std::error_code ec;
    if (auto absolute = std::filesystem::absolute(dir, ec); !ec)
        dir = absolute.lexically_normal();
    const auto path = dir / ("dashboard-" + pos::day_text(figures.day) + ".csv");
    if (auto s = write_file(path, pos::dashboard_csv(figures)); !s)
        return s;
    reports_desk_.exported = path.string();
    message_ = {MessageKind::info, "Dashboard exported to " + path.string()};
    return pos::ok();
}

}  // namespace ui
