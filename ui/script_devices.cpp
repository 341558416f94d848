// The device commands of scripted sessions: scans through the virtual scanner, test prints, the
// virtual printer's paper and cover, retrying a print and listing the print queue.
#include "ui/script.hpp"
#include "ui/script_words.hpp"
#include "ui/terminal_text.hpp"

namespace ui::script {

ParseResult parse_device(const Words& w) {
    if (w.size() != 3 || w[1] != "scan")
        return pos::bad_input("'device' needs the form: device scan CODE");
    return std::optional<ScriptStep>{DeviceScan{w[2]}};
}

ParseResult parse_printer(const Words& w) {
    const std::string what = w.size() == 3 ? w[1] + " " + w[2] : "";
    if (what == "paper out" || what == "paper in")
        return std::optional<ScriptStep>{PrinterSwitch{false, w[2] == "out"}};
    if (what == "cover open" || what == "cover closed")
        return std::optional<ScriptStep>{PrinterSwitch{true, w[2] == "open"}};
    return pos::bad_input(
        "'printer' needs the form: printer paper out, printer paper in, printer cover open, "
        "printer cover closed");
}

ParseResult parse_test(const Words& w) {
    if (w.size() != 2 || w[1] != "print")
        return pos::bad_input("'test' needs the form: test print");
    return step(TestPrint{});
}

ParseResult parse_retry(const Words& w) {
    if (w.size() != 2 || w[1] != "print")
        return pos::bad_input("'retry' needs the form: retry print");
    return step(RetryPrint{});
}

ParseResult parse_print(const Words& w) {
    if (w.size() != 2 || w[1] != "jobs")
        return pos::bad_input("'print' needs the form: print jobs");
    return std::optional<ScriptStep>{ListPrintJobs{}};
}

namespace {

pos::Status device_scan(Terminal& terminal, const DeviceScan& scan) {
    const auto read = terminal.devices().virtual_scanner().scan({scan.code, ""});
    if (!read)
        return pos::not_allowed("the virtual scanner did not read " + scan.code + ": " +
                                read.message);
    return terminal.pump_devices();
}

pos::Status switch_printer(Terminal& terminal, const PrinterSwitch& change) {
    const auto status = terminal.devices().virtual_printer().status();
    SetVirtualPrinter wanted{status.paper_out, status.cover_open};
    (change.cover ? wanted.cover_open : wanted.paper_out) = change.on;
    return terminal.apply(wanted);
}

// One job a line, oldest first: "T01-000001<TAB>Receipt<TAB>printed".
pos::Status list_jobs(Terminal& terminal, std::ostream& out) {
    constexpr int all_jobs = 1000;
    auto& devices = terminal.devices();
    const auto* printer = devices.printer();
    const auto status = printer ? printer->status() : drivers::PrinterStatus{};
    auto jobs = devices.print_queue().recent(all_jobs);
    for (auto job = jobs.rbegin(); job != jobs.rend(); ++job)
        out << job->name << '\t' << job->title << '\t' << text::job_state(*job, status) << '\n';
    out.flush();
    return pos::ok();
}

}  // namespace

std::optional<pos::Status> run_device_step(Terminal& terminal, const ScriptStep& step,
                                           std::ostream& out) {
    if (const auto* scan = std::get_if<DeviceScan>(&step))
        return device_scan(terminal, *scan);
    if (const auto* change = std::get_if<PrinterSwitch>(&step))
        return switch_printer(terminal, *change);
    if (std::holds_alternative<ListPrintJobs>(step))
        return list_jobs(terminal, out);
    return std::nullopt;
}

}  // namespace ui::script
