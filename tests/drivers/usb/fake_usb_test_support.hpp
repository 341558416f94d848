// Raw libusb helpers for the fake's own tests: what any USB program would do.
#pragma once

#include <libusb.h>

#include <string>
#include <vector>

#include "drivers/device.hpp"
#include "fake_usb.hpp"

namespace fake_usb_test {

using Bytes = std::vector<std::uint8_t>;

// One libusb context, created after the FakeUsb (so it sees the emulated sysfs and udev).
class Libusb {
  public:
    Libusb() { libusb_init(&context_); }
    ~Libusb() {
        if (handle_ != nullptr)
            libusb_close(handle_);
        libusb_exit(context_);
    }
    Libusb(const Libusb&) = delete;
    Libusb& operator=(const Libusb&) = delete;

    libusb_context* context() const { return context_; }

    // Opens the device with that vendor:product; nullptr when it is not there.
    libusb_device_handle* open(std::uint16_t vendor, std::uint16_t product) {
        handle_ = libusb_open_device_with_vid_pid(context_, vendor, product);
        return handle_;
    }
    void close() {
        libusb_close(handle_);
        handle_ = nullptr;
    }

  private:
    libusb_context* context_ = nullptr;
    libusb_device_handle* handle_ = nullptr;
};

struct Found {
    libusb_device_descriptor device{};
    std::string port;
    int interface_class = -1;
    int interface_protocol = -1;
    std::vector<std::uint8_t> endpoints;
};

inline std::vector<Found> enumerate(libusb_context* context) {
    std::vector<Found> found;
    libusb_device** list = nullptr;
    const auto count = libusb_get_device_list(context, &list);
    for (ssize_t i = 0; i < count; ++i) {
        Found item;
        libusb_get_device_descriptor(list[i], &item.device);
        std::uint8_t ports[8];
        const int depth = libusb_get_port_numbers(list[i], ports, 8);
        item.port = std::to_string(libusb_get_bus_number(list[i]));
        for (int p = 0; p < depth; ++p)
            item.port += (p == 0 ? "-" : ".") + std::to_string(ports[p]);
        libusb_config_descriptor* config = nullptr;
        if (libusb_get_active_config_descriptor(list[i], &config) == 0) {
            const auto& setting = config->interface[0].altsetting[0];
            item.interface_class = setting.bInterfaceClass;
            item.interface_protocol = setting.bInterfaceProtocol;
            for (int e = 0; e < setting.bNumEndpoints; ++e)
                item.endpoints.push_back(setting.endpoint[e].bEndpointAddress);
            libusb_free_config_descriptor(config);
        }
        found.push_back(item);
    }
    libusb_free_device_list(list, 1);
    return found;
}

inline int bulk_write(libusb_device_handle* handle, const Bytes& bytes) {
    int sent = 0;
    auto data = bytes;
    const int result =
        libusb_bulk_transfer(handle, 0x01, data.data(), static_cast<int>(data.size()), &sent, 1000);
    return result == 0 ? sent : result;
}

// What came back on bulk IN within the timeout (empty on a timeout).
inline Bytes bulk_read(libusb_device_handle* handle, int timeout_ms = 1000) {
    Bytes buffer(64);
    int got = 0;
    const int result = libusb_bulk_transfer(handle, 0x82, buffer.data(), 64, &got,
                                            static_cast<unsigned>(timeout_ms));
    buffer.resize(result == 0 || result == LIBUSB_ERROR_TIMEOUT ? static_cast<std::size_t>(got)
                                                                : 0);
    return buffer;
}

inline Bytes interrupt_read(libusb_device_handle* handle, int* result, int timeout_ms = 1000) {
    Bytes buffer(64);
    int got = 0;
    *result = libusb_interrupt_transfer(handle, 0x81, buffer.data(), 64, &got,
                                        static_cast<unsigned>(timeout_ms));
    buffer.resize(static_cast<std::size_t>(got));
    return buffer;
}

inline fake_usb::ScannerOptions hid_pos_scanner() {
    fake_usb::ScannerOptions options;
    options.mode = fake_usb::ScannerMode::hid_pos;
    return options;
}

inline fake_usb::ScannerOptions scanner_bound_to(const std::string& driver) {
    fake_usb::ScannerOptions options;
    options.kernel_driver = driver;
    return options;
}

inline fake_usb::PrinterOptions printer_bound_to(const std::string& driver) {
    fake_usb::PrinterOptions options;
    options.kernel_driver = driver;
    return options;
}

inline Bytes text(const std::string& s) {
    return Bytes(s.begin(), s.end());
}

inline drivers::PrinterStatus ready_status() {
    drivers::PrinterStatus status;
    status.known = true;
    status.online = true;
    return status;
}

}  // namespace fake_usb_test
