// USB descriptors of the emulated devices, as the real ones report them.
#include <cstdio>

#include "fake_usb_device.hpp"

namespace fake_usb::detail {
namespace {

std::uint8_t low(unsigned value) {
    return static_cast<std::uint8_t>(value & 0xffU);
}
std::uint8_t high(unsigned value) {
    return static_cast<std::uint8_t>((value >> 8U) & 0xffU);
}

// String indexes 1, 2, 3: manufacturer, product, serial number.
std::vector<std::uint8_t> device_descriptor(std::uint8_t device_class, std::uint16_t vendor,
                                            std::uint16_t product) {
    return {
        18,           0x01,         0x00,          0x02, device_class, 0x00, 0x00, 64, low(vendor),
        high(vendor), low(product), high(product), 0x00, 0x01,         1,    2,    3,  1};
}

void set_total_length(std::vector<std::uint8_t>& config) {
    config[2] = low(static_cast<unsigned>(config.size()));
    config[3] = high(static_cast<unsigned>(config.size()));
}

// Boot keyboard: modifiers, reserved, six key codes in; five LEDs out.
const std::vector<std::uint8_t> keyboard_report_descriptor = {
    0x05, 0x01, 0x09, 0x06, 0xa1, 0x01, 0x05, 0x07, 0x19, 0xe0, 0x29, 0xe7, 0x15, 0x00, 0x25, 0x01,
    0x75, 0x01, 0x95, 0x08, 0x81, 0x02, 0x95, 0x01, 0x75, 0x08, 0x81, 0x01, 0x95, 0x05, 0x75, 0x01,
    0x05, 0x08, 0x19, 0x01, 0x29, 0x05, 0x91, 0x02, 0x95, 0x01, 0x75, 0x03, 0x91, 0x01, 0x95, 0x06,
    0x75, 0x08, 0x15, 0x00, 0x25, 0x65, 0x05, 0x07, 0x19, 0x00, 0x29, 0x65, 0x81, 0x00, 0xc0};

// HID POS bar code scanner (usage page 0x8C): report 2 = length, AIM id (3 bytes), 56 data
// bytes, flags (bit 0: more reports follow).
const std::vector<std::uint8_t> hid_pos_descriptor = {
    0x06, 0x8c, 0x00,                          // usage page: bar code scanner
    0x09, 0x02,                                // usage: bar code scanner
    0xa1, 0x01,                                // collection (application)
    0x09, 0x12,                                //   usage: scanned data report
    0xa1, 0x02,                                //   collection (logical)
    0x85, 0x02,                                //     report id 2
    0x15, 0x00, 0x26, 0xff, 0x00, 0x75, 0x08,  // logical 0..255, 8 bits
    0x95, 0x01, 0x09, 0xfa, 0x81, 0x02,        //     data length
    0x95, 0x03, 0x09, 0xfb, 0x81, 0x02,        //     symbology identifier (AIM)
    0x95, 0x38, 0x09, 0xfe, 0x82, 0x02, 0x01,  //     decoded data, buffered bytes
    0x95, 0x01, 0x09, 0xff, 0x81, 0x02,        //     decoded data continued
    0xc0,                                      //   end collection
    0xc0};                                     // end collection

}  // namespace

std::vector<std::uint8_t> printer_device_descriptor(std::uint16_t vendor, std::uint16_t product) {
    return device_descriptor(0x00, vendor, product);
}

// Interface 0: printer class 7, subclass 1, protocol 2 (bidirectional); bulk OUT 0x01, bulk
// IN 0x82, 64-byte packets.
std::vector<std::uint8_t> printer_config_descriptor() {
    std::vector<std::uint8_t> config = {
        0x09, 0x02, 0x00, 0x00, 0x01, 0x01, 0x00, 0xc0, 0x32,  // configuration 1
        0x09, 0x04, 0x00, 0x00, 0x02, 0x07, 0x01, 0x02, 0x00,  // interface 0
        0x07, 0x05, 0x01, 0x02, 0x40, 0x00, 0x00,              // bulk OUT 0x01
        0x07, 0x05, 0x82, 0x02, 0x40, 0x00, 0x00};             // bulk IN 0x82
    set_total_length(config);
    return config;
}

std::vector<std::uint8_t> scanner_device_descriptor(std::uint16_t vendor, std::uint16_t product) {
    return device_descriptor(0x00, vendor, product);
}

// Interface 0: HID (class 3), boot keyboard (1/1) or HID POS (0/0), interrupt IN 0x81.
std::vector<std::uint8_t> scanner_config_descriptor(ScannerMode mode) {
    const bool wedge = mode == ScannerMode::wedge;
    const auto report_length = static_cast<unsigned>(scanner_report_descriptor(mode).size());
    const std::uint8_t packet = wedge ? 8 : 64;
    std::vector<std::uint8_t> config = {0x09,
                                        0x02,
                                        0x00,
                                        0x00,
                                        0x01,
                                        0x01,
                                        0x00,
                                        0x80,
                                        0x32,  // configuration 1
                                        0x09,
                                        0x04,
                                        0x00,
                                        0x00,
                                        0x01,
                                        0x03,
                                        static_cast<std::uint8_t>(wedge ? 1 : 0),
                                        static_cast<std::uint8_t>(wedge ? 1 : 0),
                                        0x00,  // interface 0
                                        0x09,
                                        0x21,
                                        0x11,
                                        0x01,
                                        0x00,
                                        0x01,
                                        0x22,
                                        low(report_length),
                                        high(report_length),  // HID
                                        0x07,
                                        0x05,
                                        0x81,
                                        0x03,
                                        packet,
                                        0x00,
                                        0x01};  // interrupt IN 0x81
    set_total_length(config);
    return config;
}

std::vector<std::uint8_t> scanner_report_descriptor(ScannerMode mode) {
    return mode == ScannerMode::wedge ? keyboard_report_descriptor : hid_pos_descriptor;
}

std::vector<std::uint8_t> string_descriptor(const std::string& text) {
    std::vector<std::uint8_t> descriptor = {static_cast<std::uint8_t>(2 + 2 * text.size()), 0x03};
    for (const char c : text) {
        descriptor.push_back(static_cast<std::uint8_t>(c));
        descriptor.push_back(0);
    }
    return descriptor;
}

std::string hex(const std::vector<std::uint8_t>& bytes) {
    std::string text;
    char digits[3];
    for (const std::uint8_t byte : bytes) {
        std::snprintf(digits, sizeof digits, "%02x", byte);
        text += digits;
    }
    return text;
}

}  // namespace fake_usb::detail
