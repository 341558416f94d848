// FakeUsb: the umockdev testbed, the root hub, and devices plugged into its ports.
#include "fake_usb.hpp"

#include <algorithm>
#include <cstdio>
#include <map>
#include <stdexcept>

#include "drivers/hid.hpp"
#include "fake_usb_device.hpp"
#include "receipts/escpos.hpp"
#include "receipts/printer_profile.hpp"

namespace fake_usb {

using detail::Device;

namespace {

const char* const root_hub_record =
    "P: /devices/usb1\n"
    "N: bus/usb/001/001\n"
    "E: SUBSYSTEM=usb\n"
    "E: DEVTYPE=usb_device\n"
    "E: DRIVER=usb\n"
    "E: BUSNUM=001\n"
    "E: DEVNUM=001\n"
    "E: DEVNAME=/dev/bus/usb/001/001\n"
    "A: busnum=1\\n\n"
    "A: devnum=1\\n\n"
    "A: speed=480\\n\n"
    "A: bConfigurationValue=1\\n\n"
    "H: "
    "descriptors="
    "12010002090001406b1d020001060302010109021900010100e0000904000001090000000705810304000c\n";

std::string three_digits(int number) {
    char text[8];
    std::snprintf(text, sizeof text, "%03d", number);
    return text;
}

std::string four_hex(std::uint16_t number) {
    char text[8];
    std::snprintf(text, sizeof text, "%04x", number);
    return text;
}

// The udev record of a device: udev properties (E:), sysfs attributes (A:, "\\n" is a newline
// in the file) and the descriptors libusb reads from sysfs (H:).
std::string device_record(const Device& device) {
    const auto& d = device.device_descriptor;
    const auto vendor = static_cast<std::uint16_t>(d[8] | (d[9] << 8));
    const auto product = static_cast<std::uint16_t>(d[10] | (d[11] << 8));
    const auto devnum = three_digits(device.devnum);
    std::vector<std::uint8_t> descriptors = device.device_descriptor;
    descriptors.insert(descriptors.end(), device.config_descriptor.begin(),
                       device.config_descriptor.end());
    const std::vector<std::string> lines = {
        "P: /devices/usb1/" + device.port,
        "N: bus/usb/001/" + devnum,
        "E: SUBSYSTEM=usb",
        "E: DEVTYPE=usb_device",
        "E: DRIVER=usb",
        "E: BUSNUM=001",
        "E: DEVNUM=" + devnum,
        "E: DEVNAME=" + device.devnode,
        "A: busnum=1\\n",
        "A: devnum=" + std::to_string(device.devnum) + "\\n",
        "A: speed=12\\n",
        "A: bConfigurationValue=1\\n",
        "A: idVendor=" + four_hex(vendor) + "\\n",
        "A: idProduct=" + four_hex(product) + "\\n",
        "A: manufacturer=" + device.strings.at(0) + "\\n",
        "A: product=" + device.strings.at(1) + "\\n",
        "A: serial=" + device.strings.at(2) + "\\n",
        "H: descriptors=" + detail::hex(descriptors),
    };
    std::string record;
    for (const auto& line : lines)
        record += line + "\n";
    return record;
}

[[noreturn]] void fail(const std::string& what) {
    throw std::runtime_error("FakeUsb: " + what);
}

}  // namespace

struct FakeUsb::Impl {
    UMockdevTestbed* testbed = nullptr;
    int next_devnum = 2;
    std::map<std::string, std::unique_ptr<Device>> plugged;  // by port
    // Unplugged devices stay alive: a driver may still hold their node open.
    std::vector<std::unique_ptr<Device>> unplugged;

    std::string free_port() const {
        for (int n = 1;; ++n) {
            const auto port = "1-" + std::to_string(n);
            if (plugged.count(port) == 0)
                return port;
        }
    }

    std::string plug(std::unique_ptr<Device> device, std::string port);

    Device& find(const std::string& port) const {
        const auto found = plugged.find(port);
        if (found != plugged.end())
            return *found->second;
        // A device that was unplugged: its last state still answers questions.
        const auto last =
            std::find_if(unplugged.rbegin(), unplugged.rend(),
                         [&port](const auto& device) { return device->port == port; });
        if (last == unplugged.rend())
            fail("nothing was plugged into port " + port);
        return **last;
    }
};

std::string FakeUsb::Impl::plug(std::unique_ptr<Device> device, std::string port) {
    if (port.empty())
        port = free_port();
    if (plugged.count(port) != 0)
        fail("port " + port + " is taken");
    device->port = port;
    device->devnum = next_devnum++;
    device->devnode = "/dev/bus/usb/001/" + three_digits(device->devnum);
    device->syspath = "/sys/devices/usb1/" + port;
    device->kernel_driver_attached = !device->kernel_driver.empty();
    device->handler = umockdev_ioctl_base_new();
    g_signal_connect_data(device->handler, "handle-ioctl",
                          reinterpret_cast<GCallback>(&detail::handle_ioctl), device.get(), nullptr,
                          static_cast<GConnectFlags>(0));
    GError* error = nullptr;
    if (!umockdev_testbed_attach_ioctl(testbed, device->devnode.c_str(), device->handler, &error))
        fail(std::string("cannot emulate ") + device->devnode + ": " +
             (error ? error->message : "?"));
    if (!umockdev_testbed_add_from_string(testbed, device_record(*device).c_str(), &error))
        fail("cannot add device " + port + ": " + (error ? error->message : "?"));
    plugged[port] = std::move(device);
    return port;
}

FakeUsb::FakeUsb() : impl_(std::make_unique<Impl>()) {
    impl_->testbed = umockdev_testbed_new();
    GError* error = nullptr;
    if (!umockdev_testbed_add_from_string(impl_->testbed, root_hub_record, &error))
        fail(std::string("cannot add the root hub: ") + (error ? error->message : "?"));
}

FakeUsb::~FakeUsb() {
    auto forget = [this](Device& device) {
        g_signal_handlers_disconnect_matched(device.handler, G_SIGNAL_MATCH_DATA, 0, 0, nullptr,
                                             nullptr, &device);
        umockdev_testbed_detach_ioctl(impl_->testbed, device.devnode.c_str(), nullptr);
        g_object_unref(device.handler);
    };
    for (auto& [port, device] : impl_->plugged)
        forget(*device);
    for (auto& device : impl_->unplugged)
        forget(*device);
    g_object_unref(impl_->testbed);
}

std::string FakeUsb::plug_printer(const PrinterOptions& options, std::string port) {
    auto device = std::make_unique<Device>();
    device->device_descriptor = detail::printer_device_descriptor(options.vendor, options.product);
    device->config_descriptor = detail::printer_config_descriptor();
    device->strings = {"EPSON", "TM-T20II", "FAKE" + std::to_string(impl_->next_devnum)};
    device->kernel_driver = options.kernel_driver;
    device->printer.emplace(options);
    return impl_->plug(std::move(device), std::move(port));
}

std::string FakeUsb::plug_scanner(const ScannerOptions& options, std::string port) {
    const bool wedge = options.mode == ScannerMode::wedge;
    const std::uint16_t vendor = options.vendor != 0 ? options.vendor : (wedge ? 0x0c2e : 0x05e0);
    const std::uint16_t product =
        options.product != 0 ? options.product : (wedge ? 0x0b61 : 0x1200);
    auto device = std::make_unique<Device>();
    device->device_descriptor = detail::scanner_device_descriptor(vendor, product);
    device->config_descriptor = detail::scanner_config_descriptor(options.mode);
    device->report_descriptor = detail::scanner_report_descriptor(options.mode);
    device->strings = {wedge ? "Honeywell" : "Symbol",
                       wedge ? "Barcode Scanner" : "HID POS Scanner",
                       "FAKE" + std::to_string(impl_->next_devnum)};
    device->kernel_driver = options.kernel_driver;
    return impl_->plug(std::move(device), std::move(port));
}

void FakeUsb::unplug(const std::string& port) {
    const auto found = impl_->plugged.find(port);
    if (found == impl_->plugged.end())
        fail("nothing to unplug at port " + port);
    Device& device = *found->second;
    {
        const std::lock_guard lock(device.mutex);
        device.gone = true;  // URBs in flight fail with ESHUTDOWN, then everything with ENODEV
    }
    umockdev_testbed_uevent(impl_->testbed, device.syspath.c_str(), "remove");
    umockdev_testbed_remove_device(impl_->testbed, device.syspath.c_str());
    impl_->unplugged.push_back(std::move(found->second));
    impl_->plugged.erase(found);
}

void FakeUsb::set_printer_status(const std::string& port, const drivers::PrinterStatus& status) {
    Device& device = impl_->find(port);
    const std::lock_guard lock(device.mutex);
    if (!device.printer)
        fail(port + " is not a printer");
    device.printer->set_status(status);
}

namespace {

std::vector<receipts::PrintEvent> decode_printed(const Device& device) {
    static const auto profile = receipts::find_profile("epson-tm-t20");
    if (!device.printer)
        fail(device.port + " is not a printer");
    if (!profile)
        fail("no receipt profile epson-tm-t20");
    return receipts::decode_escpos(device.printer->printed_bytes(), *profile);
}

}  // namespace

std::string FakeUsb::printed(const std::string& port) const {
    const Device& device = impl_->find(port);
    const std::lock_guard lock(device.mutex);
    return receipts::describe(decode_printed(device));
}

std::vector<std::uint8_t> FakeUsb::received(const std::string& port) const {
    const Device& device = impl_->find(port);
    const std::lock_guard lock(device.mutex);
    if (!device.printer)
        fail(port + " is not a printer");
    return device.printer->received();
}

int FakeUsb::drawer_pulses(const std::string& port) const {
    const Device& device = impl_->find(port);
    const std::lock_guard lock(device.mutex);
    const auto events = decode_printed(device);
    return static_cast<int>(std::count_if(events.begin(), events.end(), [](const auto& event) {
        return std::holds_alternative<receipts::PrintedDrawerPulse>(event);
    }));
}

bool FakeUsb::kernel_driver_attached(const std::string& port) const {
    const Device& device = impl_->find(port);
    const std::lock_guard lock(device.mutex);
    return device.kernel_driver_attached;
}

int FakeUsb::status_queries(const std::string& port) const {
    const Device& device = impl_->find(port);
    const std::lock_guard lock(device.mutex);
    if (!device.printer)
        fail(port + " is not a printer");
    return device.printer->status_queries();
}

void FakeUsb::scan(const std::string& port, const std::string& code, const std::string& symbology) {
    Device& device = impl_->find(port);
    const bool hid_pos = device.report_descriptor.size() > 2 && device.report_descriptor[1] == 0x8c;
    send_reports(
        port, hid_pos ? drivers::hid_pos_reports(code, symbology) : drivers::wedge_reports(code));
}

void FakeUsb::send_reports(const std::string& port,
                           const std::vector<std::vector<std::uint8_t>>& reports) {
    Device& device = impl_->find(port);
    const std::lock_guard lock(device.mutex);
    if (device.printer)
        fail(port + " is not a scanner");
    device.reports.insert(device.reports.end(), reports.begin(), reports.end());
}

std::size_t FakeUsb::pending_reports(const std::string& port) const {
    const Device& device = impl_->find(port);
    const std::lock_guard lock(device.mutex);
    return device.reports.size();
}

}  // namespace fake_usb
