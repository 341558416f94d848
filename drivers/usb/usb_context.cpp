// One libusb context, one event thread, hotplug arrivals and removals queued for the UI thread.
#include <algorithm>

#include "drivers/usb/usb_internal.hpp"

namespace drivers::usb {

std::string usb_error_text(int code) {
    return std::string(libusb_error_name(code)) + " (" + libusb_strerror(code) + ")";
}

UsbContext::UsbContext() {
    const int rc = libusb_init(&context_);
    if (rc != LIBUSB_SUCCESS) {
        context_ = nullptr;
        problem_ = "USB is not available: " + usb_error_text(rc);
        return;
    }
    event_thread_ = std::thread([this] { run_events(); });
    if (libusb_has_capability(LIBUSB_CAP_HAS_HOTPLUG) == 0)
        return;
    // ENUMERATE: devices already plugged in arrive through the same callback.
    const int registered = libusb_hotplug_register_callback(
        context_,
        static_cast<libusb_hotplug_event>(LIBUSB_HOTPLUG_EVENT_DEVICE_ARRIVED |
                                          LIBUSB_HOTPLUG_EVENT_DEVICE_LEFT),
        LIBUSB_HOTPLUG_ENUMERATE, LIBUSB_HOTPLUG_MATCH_ANY, LIBUSB_HOTPLUG_MATCH_ANY,
        LIBUSB_HOTPLUG_MATCH_ANY, &UsbContext::on_hotplug, this, &hotplug_handle_);
    hotplug_registered_ = registered == LIBUSB_SUCCESS;
}

UsbContext::~UsbContext() {
    if (context_ == nullptr)
        return;
    if (hotplug_registered_)
        libusb_hotplug_deregister_callback(context_, hotplug_handle_);
    stop_ = true;
    libusb_interrupt_event_handler(context_);
    if (event_thread_.joinable())
        event_thread_.join();
    for (const HotplugEvent& event : queued_)
        libusb_unref_device(event.device);
    for (libusb_device* device : last_list_)
        libusb_unref_device(device);
    libusb_exit(context_);
}

void UsbContext::run_events() {
    while (!stop_) {
        timeval timeout{0, 200 * 1000};
        libusb_handle_events_timeout_completed(context_, &timeout, nullptr);
    }
}

// Runs on the event thread (or inside register_callback for ENUMERATE): queue, never block.
int LIBUSB_CALL UsbContext::on_hotplug(libusb_context*, libusb_device* device,
                                       libusb_hotplug_event event, void* self) {
    auto* context = static_cast<UsbContext*>(self);
    const std::lock_guard lock(context->mutex_);
    context->queued_.push_back(
        {event == LIBUSB_HOTPLUG_EVENT_DEVICE_ARRIVED, libusb_ref_device(device)});
    return 0;  // stay registered
}

std::vector<HotplugEvent> UsbContext::take_events() {
    if (context_ == nullptr)
        return {};
    if (!hotplug_registered_)
        enumerate_changes();
    const std::lock_guard lock(mutex_);
    std::vector<HotplugEvent> events;
    events.swap(queued_);
    return events;
}

// Without hotplug: compare the device list with the previous one, once a second.
void UsbContext::enumerate_changes() {
    const auto now = std::chrono::steady_clock::now();
    if (now < next_enumeration_)
        return;
    next_enumeration_ = now + std::chrono::seconds(1);

    libusb_device** list = nullptr;
    const ssize_t count = libusb_get_device_list(context_, &list);
    if (count < 0)
        return;
    std::vector<libusb_device*> current(list, list + count);
    const std::lock_guard lock(mutex_);
    for (libusb_device* device : last_list_) {
        if (std::find(current.begin(), current.end(), device) == current.end()) {
            queued_.push_back({false, device});  // hands our reference to the event
        } else {
            libusb_unref_device(device);
        }
    }
    for (libusb_device* device : current) {
        if (std::find(last_list_.begin(), last_list_.end(), device) == last_list_.end())
            queued_.push_back({true, libusb_ref_device(device)});
    }
    last_list_.clear();
    for (libusb_device* device : current)
        last_list_.push_back(libusb_ref_device(device));
    libusb_free_device_list(list, 1);
}

}  // namespace drivers::usb
