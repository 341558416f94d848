// UsbDevices: what is plugged in, and the printer and scanner in use. Hotplug arrivals and
// removals are acted on here, on the UI thread, in poll().
#include <algorithm>

#include "drivers/usb/usb_internal.hpp"

namespace drivers::usb {
namespace {

// A device found on the bus that is a printer and/or a scanner.
struct Present {
    libusb_device* device = nullptr;  // referenced
    std::vector<UsbDeviceDescription> descriptions;
    bool tried = false;  // opening it failed: wait for it to be replugged
    std::string last_error;
};

StatusEvent presence_event(const UsbDeviceDescription& description, bool arrived) {
    StatusEvent event;
    event.device = device_id(description);
    event.change = arrived ? StatusEvent::Change::arrived : StatusEvent::Change::removed;
    event.state = DeviceState::closed;
    event.text = description.name + (arrived ? " connected on USB " : " disconnected from USB ") +
                 description.port;
    return event;
}

// Open, claim, enable; nullptr (the device already reported why) when a step fails.
template <class D>
std::unique_ptr<D> start_device(EventQueue& events, const UsbConfig& config, libusb_device* device,
                                const UsbDeviceDescription& description, std::string& problem) {
    auto started = std::make_unique<D>(events, config, device, description);
    DeviceResult result = started->open();
    if (result)
        result = started->claim(config.transfer_timeout_ms);
    if (result)
        result = started->enable();
    if (result)
        return started;
    problem = result.message;
    return nullptr;
}

}  // namespace

struct UsbDevices::Impl {
    EventQueue& events;
    UsbConfig config;
    std::unique_ptr<UsbContext> context;
    std::string problem;
    std::vector<Present> present;
    std::unique_ptr<UsbPrinter> printer;
    std::unique_ptr<UsbScanner> scanner;

    Impl(EventQueue& queue, UsbConfig usb_config)
        : events(queue), config(std::move(usb_config)), context(std::make_unique<UsbContext>()) {
        problem = context->problem();
    }

    ~Impl() {
        printer.reset();  // disabled, released (kernel driver back), closed
        scanner.reset();
        for (Present& entry : present)
            libusb_unref_device(entry.device);
        context.reset();  // event thread stopped, libusb_exit
    }

    void poll() {
        for (const HotplugEvent& event : context->take_events()) {
            if (event.arrived) {
                arrived(event.device);
            } else {
                removed(event.device);
            }
            libusb_unref_device(event.device);
        }
        if (!printer)
            printer = start_first<UsbPrinter>(DeviceKind::printer, config.printer);
        if (!scanner)
            scanner = start_first<UsbScanner>(DeviceKind::scanner, config.scanner);
    }

    void arrived(libusb_device* device) {
        const bool known = std::any_of(present.begin(), present.end(),
                                       [&](const Present& p) { return p.device == device; });
        if (known)
            return;  // enumerated and announced by hotplug both
        std::vector<UsbDeviceDescription> descriptions = describe_device(device);
        if (descriptions.empty())
            return;                              // a hub, a mouse, a disk: not ours
        forget_port(descriptions.front().port);  // a missed removal on this port
        for (const UsbDeviceDescription& description : descriptions)
            events.push(presence_event(description, true));
        present.push_back({libusb_ref_device(device), std::move(descriptions), false, {}});
    }

    void removed(libusb_device* device) {
        const auto entry = std::find_if(present.begin(), present.end(),
                                        [&](const Present& p) { return p.device == device; });
        if (entry == present.end())
            return;
        forget_port(entry->descriptions.front().port);
    }

    // The device on `port` is gone: stop using it, say so.
    void forget_port(const std::string& port) {
        const auto entry = std::find_if(present.begin(), present.end(), [&](const Present& p) {
            return p.descriptions.front().port == port;
        });
        if (entry == present.end())
            return;
        if (printer && printer->description().port == port) {
            printer->disconnected();  // unconfirmed jobs reported retryable
            printer.reset();
        }
        if (scanner && scanner->description().port == port) {
            scanner->disconnected();  // partial code dropped
            scanner.reset();
        }
        for (const UsbDeviceDescription& description : entry->descriptions)
            events.push(presence_event(description, false));
        libusb_unref_device(entry->device);
        present.erase(entry);
    }

    // The first present device of `kind` the configuration accepts, opened, claimed, enabled.
    template <class D>
    std::unique_ptr<D> start_first(DeviceKind kind, const std::string& wanted) {
        for (Present& entry : present) {
            if (entry.tried)
                continue;
            for (const UsbDeviceDescription& description : entry.descriptions) {
                if (description.kind != kind || !matches_config(wanted, description))
                    continue;
                auto started =
                    start_device<D>(events, config, entry.device, description, entry.last_error);
                if (started)
                    return started;
                entry.tried = true;
            }
        }
        return nullptr;
    }

    DeviceInfo idle_info(const Present& entry, const UsbDeviceDescription& description) const {
        DeviceInfo info;
        info.id = device_id(description);
        info.kind = description.kind;
        info.name = description.name;
        info.transport = transport_text(description);
        info.state = DeviceState::closed;
        info.connected = true;
        info.status = "not in use";
        info.last_error = entry.last_error;
        return info;
    }
};

UsbDevices::UsbDevices(EventQueue& events, UsbConfig config)
    : impl_(std::make_unique<Impl>(events, std::move(config))) {
    if (impl_->problem.empty())
        impl_->poll();  // devices already plugged in
}

UsbDevices::~UsbDevices() = default;

const std::string& UsbDevices::problem() const {
    return impl_->problem;
}

void UsbDevices::poll() {
    if (impl_->problem.empty())
        impl_->poll();
}

std::vector<DeviceInfo> UsbDevices::devices() const {
    std::vector<DeviceInfo> infos;
    for (const Present& entry : impl_->present) {
        for (const UsbDeviceDescription& description : entry.descriptions) {
            const bool is_printer = impl_->printer && description.kind == DeviceKind::printer &&
                                    impl_->printer->description().port == description.port;
            const bool is_scanner = impl_->scanner && description.kind == DeviceKind::scanner &&
                                    impl_->scanner->description().port == description.port;
            if (is_printer) {
                infos.push_back(impl_->printer->info());
            } else if (is_scanner) {
                infos.push_back(impl_->scanner->info());
            } else {
                infos.push_back(impl_->idle_info(entry, description));
            }
        }
    }
    return infos;
}

std::vector<UsbDeviceDescription> UsbDevices::descriptions() const {
    std::vector<UsbDeviceDescription> all;
    for (const Present& entry : impl_->present)
        all.insert(all.end(), entry.descriptions.begin(), entry.descriptions.end());
    return all;
}

Printer* UsbDevices::printer() {
    return impl_->printer.get();
}
Scanner* UsbDevices::scanner() {
    return impl_->scanner.get();
}

}  // namespace drivers::usb
