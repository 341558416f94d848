// Open, claim, release, close over libusb for one interface, with the messages a clerk can act
// on: a permission error names the udev rule and its install command, a busy interface says
// another program holds it. Kernel drivers (usblp, usbhid) are detached before claiming and
// re-attached on release.
#include "drivers/usb/usb_internal.hpp"

namespace drivers::usb {

UsbLink::UsbLink(EventQueue& events, libusb_device* device, UsbDeviceDescription description)
    : events_(events),
      device_(libusb_ref_device(device)),
      description_(std::move(description)),
      id_(device_id(description_)) {}

UsbLink::~UsbLink() {
    release();
    close();
    libusb_unref_device(device_);
}

std::string UsbLink::label() const {
    return description_.name + " on USB " + description_.port;
}

DeviceState UsbLink::state() const {
    const std::lock_guard lock(mutex_);
    return state_;
}

void UsbLink::set_state(DeviceState state) {
    {
        const std::lock_guard lock(mutex_);
        if (state_ == state)
            return;
        state_ = state;
    }
    StatusEvent event;
    event.device = id_;
    event.change = StatusEvent::Change::state;
    event.state = state;
    event.text = label() + ": " + to_string(state);
    events_.push(std::move(event));
}

DeviceResult UsbLink::fail(std::string message) {
    report_error(message);
    return device_error(std::move(message));
}

DeviceResult UsbLink::open() {
    if (handle_ != nullptr)
        return device_ok();
    const int rc = libusb_open(device_, &handle_);
    if (rc == LIBUSB_ERROR_ACCESS) {
        handle_ = nullptr;
        return fail("No permission to open " + label() + ". Install the udev rule " +
                    udev_rules_file + " with `" + udev_install_command +
                    "`, then unplug and replug the device.");
    }
    if (rc != LIBUSB_SUCCESS) {
        handle_ = nullptr;
        if (rc == LIBUSB_ERROR_NO_DEVICE)
            mark_disconnected();
        return fail("Could not open " + label() + ": " + usb_error_text(rc));
    }
    set_state(DeviceState::opened);
    return device_ok();
}

DeviceResult UsbLink::claim() {
    if (handle_ == nullptr)
        return fail(label() + " is not open");
    if (claimed_)
        return device_ok();
    const int interface = description_.interface_number;
    if (libusb_kernel_driver_active(handle_, interface) == 1) {
        const int rc = libusb_detach_kernel_driver(handle_, interface);
        if (rc != LIBUSB_SUCCESS && rc != LIBUSB_ERROR_NOT_FOUND)
            return fail("Could not detach the system driver from " + label() + ": " +
                        usb_error_text(rc));
        detached_kernel_driver_ = rc == LIBUSB_SUCCESS;
    }
    const int rc = libusb_claim_interface(handle_, interface);
    if (rc == LIBUSB_ERROR_BUSY)
        return fail(label() +
                    " is in use by another program or system driver; close that "
                    "program (or unplug and replug the device) and try again.");
    if (rc == LIBUSB_ERROR_ACCESS)
        return fail("No permission to use " + label() + ". Install the udev rule " +
                    udev_rules_file + " with `" + udev_install_command + "`.");
    if (rc != LIBUSB_SUCCESS)
        return fail("Could not claim " + label() + ": " + usb_error_text(rc));
    claimed_ = true;
    set_state(DeviceState::claimed);
    return device_ok();
}

DeviceResult UsbLink::release() {
    if (handle_ == nullptr)
        return device_ok();
    if (claimed_) {
        // After an unplug these fail with NO_DEVICE; there is nothing left to give back.
        libusb_release_interface(handle_, description_.interface_number);
        claimed_ = false;
    }
    if (detached_kernel_driver_) {
        libusb_attach_kernel_driver(handle_, description_.interface_number);
        detached_kernel_driver_ = false;
    }
    if (state() != DeviceState::closed)
        set_state(DeviceState::opened);
    return device_ok();
}

DeviceResult UsbLink::close() {
    if (handle_ == nullptr)
        return device_ok();
    release();
    libusb_close(handle_);
    handle_ = nullptr;
    set_state(DeviceState::closed);
    return device_ok();
}

void UsbLink::report_error(const std::string& message, const std::string& job, bool retryable) {
    {
        const std::lock_guard lock(mutex_);
        last_error_ = message;
    }
    events_.push(ErrorEvent{id_, message, job, retryable});
}

void UsbLink::clear_error() {
    const std::lock_guard lock(mutex_);
    last_error_.clear();
}

void UsbLink::mark_disconnected() {
    const std::lock_guard lock(mutex_);
    disconnected_ = true;
}

bool UsbLink::disconnected() const {
    const std::lock_guard lock(mutex_);
    return disconnected_;
}

DeviceInfo UsbLink::info(const std::string& status) const {
    const std::lock_guard lock(mutex_);
    DeviceInfo info;
    info.id = id_;
    info.kind = description_.kind;
    info.name = description_.name;
    info.transport = transport_text(description_);
    info.state = state_;
    info.connected = !disconnected_;
    info.status = disconnected_ ? "disconnected" : status;
    info.last_error = last_error_;
    return info;
}

}  // namespace drivers::usb
