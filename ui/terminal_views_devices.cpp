// The devices screen's view-model: every device with its state and last error, the newest print
// jobs, the device log, where receipts print, the drawer, and the virtual printer's switches.
#include "receipts/text_receipt.hpp"
#include "ui/terminal.hpp"
#include "ui/terminal_text.hpp"

namespace ui {

namespace {

constexpr int shown_jobs = 20;

std::string kind_title(drivers::DeviceKind kind) {
    std::string title = drivers::to_string(kind);
    if (!title.empty())
        title[0] = static_cast<char>(title[0] - 'a' + 'A');
    return title;
}

DeviceRowVm device_row(const drivers::DeviceInfo& info, const std::string& printer_in_use) {
    DeviceRowVm row;
    row.id = info.id;
    row.kind = kind_title(info.kind);
    row.name = info.name;
    row.transport = info.transport;
    row.state = drivers::to_string(info.state);
    row.status = info.connected ? info.status : "disconnected";
    row.last_error = info.last_error;
    row.problem = !info.connected || !info.last_error.empty() ||
                  (info.kind == drivers::DeviceKind::printer && info.status != "ready");
    row.in_use = info.kind == drivers::DeviceKind::printer
                     ? info.id == printer_in_use
                     : info.connected && info.state == drivers::DeviceState::enabled;
    return row;
}

std::string drawer_line(std::optional<bool> open) {
    if (!open)
        return "Drawer: unknown";
    return *open ? "Drawer open" : "Drawer closed";
}

}  // namespace

DevicesVm Terminal::devices_vm() const {
    auto& hub = services_.devices;
    DevicesVm vm;
    auto* printer = hub.printer();
    const std::string in_use = printer ? printer->info().id : "";
    for (const auto& info : hub.devices())
        vm.devices.push_back(device_row(info, in_use));
    const auto printer_status = printer ? printer->status() : drivers::PrinterStatus{};
    for (const auto& job : hub.print_queue().recent(shown_jobs)) {
        PrintJobRowVm row;
        row.id = job.id;
        row.name = job.name;
        row.title = job.title;
        row.state = text::job_state(job, printer_status);
        row.time =
            receipts::format_local_time(job.created_ms, services_.utc_offset_minutes).substr(11);
        row.can_retry =
            job.state == db::PrintJobState::waiting || job.state == db::PrintJobState::failed;
        row.can_reprint =
            job.state == db::PrintJobState::done || job.state == db::PrintJobState::failed;
        vm.jobs.push_back(std::move(row));
    }
    vm.log.assign(hub.log().begin(), hub.log().end());
    vm.printer = printer ? "Receipts print on: " + hub.printer_name() + " (profile " +
                               hub.printer_profile().name + ")"
                         : "Receipts wait for " + hub.printer_name() + ": not connected";
    vm.drawer = drawer_line(hub.drawer_open());
    vm.usb_problem = services_.usb_problem;
    vm.can_test_print = true;
    vm.can_open_drawer = printer != nullptr;
    auto& virtual_printer = hub.virtual_printer();
    vm.virtual_printer_in_use = printer == &virtual_printer;
    const auto status = virtual_printer.status();
    vm.virtual_paper_out = status.paper_out;
    vm.virtual_cover_open = status.cover_open;
    return vm;
}

}  // namespace ui
