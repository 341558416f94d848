// Driving drivers::usb::UsbDevices the way the terminal does: each "frame" polls, waits briefly
// for events and drains them. Tests wait for what a clerk would notice, with a generous timeout.
#pragma once

#include <doctest/doctest.h>

#include <chrono>
#include <string>
#include <variant>
#include <vector>

#include "drivers/device.hpp"
#include "drivers/usb/usb.hpp"
#include "fake_usb.hpp"

namespace usb_test {

inline constexpr int generous_timeout_ms = 15000;

class Terminal {
  public:
    drivers::EventQueue events;
    std::vector<drivers::DeviceEvent> seen;

    // Runs frames until `done()` or the timeout; returns whether `done()` came true. Events
    // already queued (the constructor finds devices at once) are taken first.
    template <typename Done>
    bool run_until(drivers::usb::UsbDevices& usb, Done done, int timeout_ms = generous_timeout_ms) {
        const auto give_up =
            std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
        for (;;) {
            take_events();
            if (done())
                return true;
            if (std::chrono::steady_clock::now() > give_up)
                return false;
            usb.poll();
            events.wait(50);
        }
    }

    // One frame of the terminal's loop.
    void frame(drivers::usb::UsbDevices& usb) {
        usb.poll();
        events.wait(50);
        take_events();
    }

    void take_events() {
        for (auto& event : events.drain())
            seen.push_back(std::move(event));
    }

    template <typename Event>
    std::vector<Event> all() const {
        std::vector<Event> found;
        for (const auto& event : seen)
            if (const auto* typed = std::get_if<Event>(&event))
                found.push_back(*typed);
        return found;
    }

    std::vector<std::string> codes() const {
        std::vector<std::string> found;
        for (const auto& data : all<drivers::DataEvent>())
            found.push_back(data.scan.code);
        return found;
    }

    bool saw_status(const std::string& device, drivers::StatusEvent::Change change) const {
        for (const auto& status : all<drivers::StatusEvent>())
            if (status.device == device && status.change == change)
                return true;
        return false;
    }
};

inline bool scanner_enabled(drivers::usb::UsbDevices& usb) {
    return usb.scanner() != nullptr && usb.scanner()->info().state == drivers::DeviceState::enabled;
}

inline std::string usb_id(const std::string& port) {
    return "usb:" + port;
}

inline fake_usb::ScannerOptions scanner_options(fake_usb::ScannerMode mode,
                                                const std::string& kernel_driver = {}) {
    fake_usb::ScannerOptions options;
    options.mode = mode;
    options.kernel_driver = kernel_driver;
    return options;
}

}  // namespace usb_test
