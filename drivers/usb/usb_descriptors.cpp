// What a USB device is, read from its descriptors: receipt printers by interface class 7,
// scanners by a HID interface with an interrupt IN endpoint. Endpoints come from the endpoint
// descriptors, never from a table.
#include <array>
#include <cstdio>

#include "drivers/escpos_status.hpp"
#include "drivers/usb/usb_internal.hpp"

namespace drivers::usb {
namespace {

constexpr std::uint8_t printer_class = 7;
constexpr std::uint8_t hid_class = 3;
constexpr std::uint8_t boot_keyboard = 1;
constexpr std::uint8_t boot_mouse = 2;

struct Endpoints {
    std::uint8_t bulk_out = 0;
    std::uint8_t bulk_in = 0;
    std::uint8_t interrupt_in = 0;
    int bulk_out_packet = 64;
    int interrupt_in_packet = 64;
};

Endpoints endpoints_of(const libusb_interface_descriptor& alt) {
    Endpoints found;
    for (int i = 0; i < alt.bNumEndpoints; ++i) {
        const libusb_endpoint_descriptor& endpoint = alt.endpoint[i];
        const auto type = endpoint.bmAttributes & LIBUSB_TRANSFER_TYPE_MASK;
        const bool in =
            (endpoint.bEndpointAddress & LIBUSB_ENDPOINT_DIR_MASK) == LIBUSB_ENDPOINT_IN;
        if (type == LIBUSB_TRANSFER_TYPE_BULK && !in && found.bulk_out == 0) {
            found.bulk_out = endpoint.bEndpointAddress;
            found.bulk_out_packet = endpoint.wMaxPacketSize;
        } else if (type == LIBUSB_TRANSFER_TYPE_BULK && in && found.bulk_in == 0) {
            found.bulk_in = endpoint.bEndpointAddress;
        } else if (type == LIBUSB_TRANSFER_TYPE_INTERRUPT && in && found.interrupt_in == 0) {
            found.interrupt_in = endpoint.bEndpointAddress;
            found.interrupt_in_packet = endpoint.wMaxPacketSize;
        }
    }
    return found;
}

std::string model_name(DeviceKind kind, std::uint16_t vendor, std::uint16_t product) {
    if (auto model = find_usb_model(vendor, product))
        return model->name;
    const char* what = kind == DeviceKind::printer ? "USB printer " : "USB scanner ";
    return what + vendor_product(vendor, product);
}

std::optional<UsbDeviceDescription> describe_interface(const libusb_interface_descriptor& alt,
                                                       const UsbDeviceDescription& base) {
    const Endpoints endpoints = endpoints_of(alt);
    UsbDeviceDescription description = base;
    description.interface_number = alt.bInterfaceNumber;
    if (alt.bInterfaceClass == printer_class && endpoints.bulk_out != 0) {
        description.kind = DeviceKind::printer;
        description.endpoint_out = endpoints.bulk_out;
        description.endpoint_in = endpoints.bulk_in;
        description.max_packet = endpoints.bulk_out_packet;
    } else if (alt.bInterfaceClass == hid_class && endpoints.interrupt_in != 0 &&
               alt.bInterfaceProtocol != boot_mouse) {
        description.kind = DeviceKind::scanner;
        description.endpoint_in = endpoints.interrupt_in;
        description.max_packet = endpoints.interrupt_in_packet;
        // Boot keyboards are wedges; anything else is taken for HID POS until its report
        // descriptor says otherwise (checked once claimed).
        description.hid_pos = alt.bInterfaceProtocol != boot_keyboard;
    } else {
        return std::nullopt;
    }
    description.name = model_name(description.kind, base.vendor, base.product);
    return description;
}

}  // namespace

std::string vendor_product(std::uint16_t vendor, std::uint16_t product) {
    std::array<char, 16> text{};
    std::snprintf(text.data(), text.size(), "%04x:%04x", vendor, product);
    return text.data();
}

std::string port_of(libusb_device* device) {
    std::array<std::uint8_t, 8> ports{};
    const int depth = libusb_get_port_numbers(device, ports.data(), static_cast<int>(ports.size()));
    std::string port = std::to_string(libusb_get_bus_number(device));
    for (int i = 0; i < depth; ++i) {
        port += (i == 0 ? "-" : ".");
        port += std::to_string(ports[static_cast<std::size_t>(i)]);
    }
    return port;
}

std::vector<UsbDeviceDescription> describe_device(libusb_device* device) {
    libusb_device_descriptor device_descriptor{};
    if (libusb_get_device_descriptor(device, &device_descriptor) != LIBUSB_SUCCESS)
        return {};
    if (device_descriptor.bDeviceClass == LIBUSB_CLASS_HUB)
        return {};
    libusb_config_descriptor* config = nullptr;
    if (libusb_get_active_config_descriptor(device, &config) != LIBUSB_SUCCESS &&
        libusb_get_config_descriptor(device, 0, &config) != LIBUSB_SUCCESS)
        return {};

    UsbDeviceDescription base;
    base.port = port_of(device);
    base.vendor = device_descriptor.idVendor;
    base.product = device_descriptor.idProduct;
    std::vector<UsbDeviceDescription> found;
    for (int i = 0; i < config->bNumInterfaces; ++i) {
        const libusb_interface& interface = config->interface[i];
        if (interface.num_altsetting < 1)
            continue;
        if (auto description = describe_interface(interface.altsetting[0], base))
            found.push_back(std::move(*description));
    }
    libusb_free_config_descriptor(config);
    return found;
}

bool matches_config(const std::string& config, const UsbDeviceDescription& description) {
    if (!config.empty())
        return config == vendor_product(description.vendor, description.product);
    // Auto-detect never takes the clerk's own keyboard: a boot keyboard counts as a scanner only
    // when it is a known scanner model (or configured by vendor:product).
    if (description.kind == DeviceKind::scanner && !description.hid_pos) {
        const auto model = find_usb_model(description.vendor, description.product);
        return model && model->kind == DeviceKind::scanner;
    }
    return true;
}

std::optional<bool> report_descriptor_is_hid_pos(libusb_device_handle* handle, int interface,
                                                 int timeout_ms) {
    std::array<unsigned char, 1024> report{};
    constexpr std::uint16_t report_descriptor = 0x2200;  // descriptor type 0x22, index 0
    // IN, standard request, interface recipient (0x81).
    constexpr std::uint8_t request_type = 0x81;
    const int length = libusb_control_transfer(
        handle, request_type, LIBUSB_REQUEST_GET_DESCRIPTOR, report_descriptor,
        static_cast<std::uint16_t>(interface), report.data(),
        static_cast<std::uint16_t>(report.size()), static_cast<unsigned>(timeout_ms));
    if (length <= 0)
        return std::nullopt;
    // Walk the short items; a Usage Page item (global, tag 0) of 0x8C is HID POS.
    int i = 0;
    while (i < length) {
        const std::uint8_t prefix = report[static_cast<std::size_t>(i)];
        if (prefix == 0xFE) {  // long item: FE size tag data...
            if (i + 1 >= length)
                break;
            i += 3 + report[static_cast<std::size_t>(i + 1)];
            continue;
        }
        const int size = (prefix & 0x03) == 3 ? 4 : (prefix & 0x03);
        if ((prefix & 0xFC) == 0x04 && size > 0 && i + size < length &&
            report[static_cast<std::size_t>(i + 1)] == 0x8C &&
            (size == 1 || report[static_cast<std::size_t>(i + 2)] == 0x00))
            return true;
        i += 1 + size;
    }
    return false;
}

std::string device_id(const UsbDeviceDescription& description) {
    return "usb:" + description.port;
}

std::string transport_text(const UsbDeviceDescription& description) {
    return "USB " + description.port + " " +
           vendor_product(description.vendor, description.product);
}

}  // namespace drivers::usb
