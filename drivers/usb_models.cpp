// USB devices we know by vendor/product: a readable name and, for printers, the receipt profile.
// Anything else still works (printers by interface class 7, scanners by HID descriptors); it is
// just shown by its ids and printed with the configured or default profile.
#include <array>

#include "drivers/escpos_status.hpp"

namespace drivers {

namespace {

struct KnownModel {
    std::uint16_t vendor;
    std::uint16_t product;
    DeviceKind kind;
    const char* name;
    const char* profile;
};

constexpr std::array<KnownModel, 5> known_models{{
    {0x04b8, 0x0e15, DeviceKind::printer, "Epson TM-T20II", "epson-tm-t20"},
    {0x04b8, 0x0202, DeviceKind::printer, "Epson TM-T88V", "epson-tm-t20"},
    {0x0416, 0x5011, DeviceKind::printer, "POS58 58 mm receipt printer", "generic-58"},
    {0x0c2e, 0x0b61, DeviceKind::scanner, "Honeywell barcode scanner (keyboard)", ""},
    {0x05e0, 0x1200, DeviceKind::scanner, "Zebra (Symbol) barcode scanner (HID POS)", ""},
}};

}  // namespace

std::optional<UsbModel> find_usb_model(std::uint16_t vendor, std::uint16_t product) {
    for (const auto& model : known_models) {
        if (model.vendor == vendor && model.product == product)
            return UsbModel{model.vendor, model.product, model.kind, model.name, model.profile};
    }
    return std::nullopt;
}

}  // namespace drivers
