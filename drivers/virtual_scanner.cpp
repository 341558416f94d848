// The on-screen / keyboard scanner, and the lifecycle checks the virtual devices share.
#include "drivers/virtual_devices.hpp"

namespace drivers {

namespace lifecycle {

namespace {

bool claimed(DeviceState state) {
    return state == DeviceState::claimed || state == DeviceState::enabled;
}

}  // namespace

DeviceResult open(DeviceState& state, const std::string& name) {
    if (state != DeviceState::closed)
        return device_error(name + " is already open");
    state = DeviceState::opened;
    return device_ok();
}

DeviceResult claim(DeviceState& state, const std::string& name) {
    if (state == DeviceState::closed)
        return device_error(name + " is not open; open it before claiming it");
    if (state == DeviceState::opened)
        state = DeviceState::claimed;
    return device_ok();
}

DeviceResult enable(DeviceState& state, const std::string& name) {
    if (state == DeviceState::closed)
        return device_error(name + " is not open; open and claim it before enabling it");
    if (state == DeviceState::opened)
        return device_error(name + " is not claimed; claim it before enabling it");
    state = DeviceState::enabled;
    return device_ok();
}

DeviceResult disable(DeviceState& state, const std::string& name) {
    if (!claimed(state))
        return device_error(name + " is not claimed; there is nothing to disable");
    state = DeviceState::claimed;
    return device_ok();
}

DeviceResult release(DeviceState& state, const std::string& name) {
    if (!claimed(state))
        return device_error(name + " is not claimed; there is nothing to release");
    state = DeviceState::opened;  // releasing an enabled device disables it first
    return device_ok();
}

DeviceResult close(DeviceState& state) {
    state = DeviceState::closed;  // releasing and disabling as needed
    return device_ok();
}

}  // namespace lifecycle

namespace {

constexpr const char* scanner_id = "virtual:scanner";
constexpr const char* scanner_name = "On-screen scanner";

}  // namespace

VirtualScanner::VirtualScanner(EventQueue& events) : events_(events) {}

DeviceInfo VirtualScanner::info() const {
    DeviceInfo info;
    info.id = scanner_id;
    info.kind = DeviceKind::scanner;
    info.name = scanner_name;
    info.transport = "virtual (keyboard and on-screen keys)";
    info.state = state_;
    info.status = state_ == DeviceState::enabled ? "ready" : to_string(state_);
    return info;
}

DeviceResult VirtualScanner::open() {
    return lifecycle::open(state_, scanner_name);
}
DeviceResult VirtualScanner::claim(int) {
    return lifecycle::claim(state_, scanner_name);
}
DeviceResult VirtualScanner::enable() {
    return lifecycle::enable(state_, scanner_name);
}
DeviceResult VirtualScanner::disable() {
    return lifecycle::disable(state_, scanner_name);
}
DeviceResult VirtualScanner::release() {
    return lifecycle::release(state_, scanner_name);
}
DeviceResult VirtualScanner::close() {
    return lifecycle::close(state_);
}
void VirtualScanner::clear_error() {}  // it has no failures of its own

DeviceResult VirtualScanner::scan(const ScanData& scan) {
    if (state_ != DeviceState::enabled) {
        return device_error(std::string(scanner_name) + " is not enabled; the scan of " +
                            scan.code + " was ignored");
    }
    if (scan.code.empty())
        return device_error("an empty code is not a scan");
    events_.push(DataEvent{scanner_id, scan});
    return device_ok();
}

}  // namespace drivers
