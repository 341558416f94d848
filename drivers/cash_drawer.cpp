// The cash drawer: a pulse through a printer opens it, the printer's status says if it is open.
#include "drivers/virtual_devices.hpp"

namespace drivers {

namespace {

constexpr const char* drawer_name = "Cash drawer";

}  // namespace

CashDrawer::CashDrawer(EventQueue& events, Printer& printer, DrawerPulse pulse)
    : events_(events), printer_(printer), pulse_(pulse) {}

DeviceInfo CashDrawer::info() const {
    DeviceInfo info;
    info.id = "drawer";
    info.kind = DeviceKind::drawer;
    info.name = drawer_name;
    info.transport = "through " + printer_.info().name;
    info.state = state_;
    const auto open = drawer_open();
    info.status = !open ? "status unknown" : (*open ? "open" : "closed");
    return info;
}

DeviceResult CashDrawer::open() {
    return lifecycle::open(state_, drawer_name);
}
DeviceResult CashDrawer::claim(int) {
    return lifecycle::claim(state_, drawer_name);
}
DeviceResult CashDrawer::enable() {
    return lifecycle::enable(state_, drawer_name);
}
DeviceResult CashDrawer::disable() {
    return lifecycle::disable(state_, drawer_name);
}
DeviceResult CashDrawer::release() {
    return lifecycle::release(state_, drawer_name);
}
DeviceResult CashDrawer::close() {
    return lifecycle::close(state_);
}
void CashDrawer::clear_error() {}  // its failures are the printer's

DeviceResult CashDrawer::open_drawer() {
    if (state_ != DeviceState::enabled)
        return device_error(std::string(drawer_name) + " is not enabled; enable it first");
    const auto printer = printer_.info();
    if (printer.state != DeviceState::enabled) {
        return device_error("the drawer opens through " + printer.name + ", which is " +
                            to_string(printer.state) + ", not enabled");
    }
    printer_.pulse_drawer(pulse_);
    return device_ok();
}

std::optional<bool> CashDrawer::drawer_open() const {
    const auto status = printer_.status();
    if (!status.known)
        return std::nullopt;
    return status.drawer_open;
}

}  // namespace drivers
