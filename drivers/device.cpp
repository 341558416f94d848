#include "drivers/device.hpp"

#include <chrono>
#include <iterator>

namespace drivers {

std::string to_string(DeviceKind kind) {
    switch (kind) {
        case DeviceKind::scanner:
            return "scanner";
        case DeviceKind::printer:
            return "printer";
        case DeviceKind::drawer:
            return "cash drawer";
    }
    return "device";
}

std::string to_string(DeviceState state) {
    switch (state) {
        case DeviceState::closed:
            return "closed";
        case DeviceState::opened:
            return "open";
        case DeviceState::claimed:
            return "claimed";
        case DeviceState::enabled:
            return "enabled";
    }
    return "unknown";
}

std::string describe(const PrinterStatus& status) {
    if (!status.known)
        return "status unknown";
    std::string text;
    const auto add = [&text](bool condition, const char* what) {
        if (!condition)
            return;
        if (!text.empty())
            text += ", ";
        text += what;
    };
    add(!status.online, "offline");
    add(status.cover_open, "cover open");
    add(status.paper_out, "paper out");
    add(status.paper_near_end && !status.paper_out, "paper near end");
    add(status.error, "error");
    return text.empty() ? "ready" : text;
}

void EventQueue::push(DeviceEvent event) {
    {
        std::lock_guard lock(mutex_);
        events_.push_back(std::move(event));
    }
    ready_.notify_all();
}

std::vector<DeviceEvent> EventQueue::drain() {
    std::deque<DeviceEvent> taken;
    {
        std::lock_guard lock(mutex_);
        taken.swap(events_);
    }
    return {std::make_move_iterator(taken.begin()), std::make_move_iterator(taken.end())};
}

bool EventQueue::wait(int timeout_ms) {
    std::unique_lock lock(mutex_);
    return ready_.wait_for(lock, std::chrono::milliseconds(timeout_ms),
                           [this] { return !events_.empty(); });
}

}  // namespace drivers
