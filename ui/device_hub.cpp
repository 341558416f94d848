// The terminal's devices in one place. Receipts go to the USB printer when one is connected and
// the settings allow it, else to the virtual spool printer; when the settings name a USB printer
// that is not there, jobs wait for it. Every device event is logged, handed to the print queue,
// and scans are returned to the Terminal in the order they came.
#include "ui/device_hub.hpp"

#include <cstdio>
#include <ctime>
#include <iostream>
#include <map>

#include "drivers/escpos_status.hpp"
#include "drivers/usb/usb.hpp"
#include "receipts/printer_profile.hpp"

namespace ui {

namespace {

constexpr std::size_t max_log_lines = 200;
constexpr int max_rounds = 4;
constexpr const char* fallback_profile = "generic-58";
constexpr const char* spool_profile = "virtual";

// "usb:04b8:0e15" -> "04b8:0e15"; "" for anything else.
std::string usb_pair(const std::string& setting) {
    return setting.rfind("usb:", 0) == 0 ? setting.substr(4) : std::string();
}

std::string hex_pair(std::uint16_t vendor, std::uint16_t product) {
    char text[10];
    std::snprintf(text, sizeof text, "%04x:%04x", vendor, product);
    return text;
}

// "04b8:0e15" -> the known model, if any.
std::optional<drivers::UsbModel> model_of_pair(const std::string& pair) {
    unsigned vendor = 0;
    unsigned product = 0;
    if (std::sscanf(pair.c_str(), "%4x:%4x", &vendor, &product) != 2)
        return std::nullopt;
    return drivers::find_usb_model(static_cast<std::uint16_t>(vendor),
                                   static_cast<std::uint16_t>(product));
}

// "10:42:01", local time, as the status bar shows it.
std::string clock_text(std::int64_t ms) {
    const std::time_t seconds = static_cast<std::time_t>(ms / 1000);
    std::tm local{};
    localtime_r(&seconds, &local);
    char text[16];
    std::snprintf(text, sizeof text, "%02d:%02d:%02d", local.tm_hour, local.tm_min, local.tm_sec);
    return text;
}

}  // namespace

struct DeviceHub::Impl {
    Impl(db::Store& store_, pos::Clock& clock_, pos::IdSource& ids, DeviceHubOptions options_)
        : store(store_),
          clock(clock_),
          options(std::move(options_)),
          virtual_scanner(events),
          virtual_printer(events, options.spool_folder),
          queue(store.print_jobs(), clock, ids),
          settings(store.device_settings()) {}

    db::Store& store;
    pos::Clock& clock;
    DeviceHubOptions options;
    drivers::EventQueue events;
    drivers::VirtualScanner virtual_scanner;
    drivers::VirtualPrinter virtual_printer;
    PrintQueue queue;
    db::DeviceSettings settings;
    drivers::Printer* printer = nullptr;  // the one in use; nullptr while waiting for a USB one
    std::unique_ptr<drivers::CashDrawer> drawer;
    receipts::PrinterProfile profile;
    std::deque<std::string> log;
    std::map<std::string, std::string> printer_status_said;  // by device: the last status logged

    void say(const std::string& line) {
        const std::string stamped = clock_text(clock.now_ms()) + " " + line;
        std::cerr << "pos-terminal: devices: " << stamped << "\n";
        log.push_back(stamped);
        while (log.size() > max_log_lines)
            log.pop_front();
    }

    void start_virtual_devices() {
        for (drivers::Device* device : {static_cast<drivers::Device*>(&virtual_scanner),
                                        static_cast<drivers::Device*>(&virtual_printer)}) {
            const auto name = device->info().name;
            for (const auto& step : {device->open(), device->claim(0), device->enable()}) {
                if (!step)
                    say(name + ": " + step.message);
            }
        }
    }

    // The USB printer, when connected and allowed by the settings.
    drivers::Printer* usb_printer() const {
        if (!options.usb || settings.printer == "virtual")
            return nullptr;
        drivers::Printer* found = options.usb->printer();
        if (!found)
            return nullptr;
        const std::string wanted = usb_pair(settings.printer);
        if (wanted.empty())
            return found;
        const auto pair = usb_pair_of(*found);
        return !pair || *pair == wanted ? found : nullptr;
    }

    // The vendor:product of a USB device in use, from its description.
    std::optional<std::string> usb_pair_of(const drivers::Device& device) const {
        const std::string id = device.info().id;
        for (const auto& d : options.usb->descriptions()) {
            if ("usb:" + d.port == id)
                return hex_pair(d.vendor, d.product);
        }
        return std::nullopt;
    }

    drivers::Printer* choose_printer() {
        if (auto* usb = usb_printer())
            return usb;
        if (!usb_pair(settings.printer).empty())
            return nullptr;  // the settings name a USB printer: its jobs wait for it
        return &virtual_printer;
    }

    // The profile's name: configured, else the model's, else the spool printer's.
    std::string profile_name() const {
        if (!settings.printer_profile.empty())
            return settings.printer_profile;
        if (printer == &virtual_printer)
            return spool_profile;
        std::string pair = usb_pair(settings.printer);
        if (printer && options.usb) {
            if (auto found = usb_pair_of(*printer))
                pair = *found;
        }
        if (auto model = model_of_pair(pair); model && !model->profile.empty())
            return model->profile;
        return fallback_profile;
    }

    void choose_profile() {
        const std::string name = profile_name();
        if (auto found = receipts::find_profile(name)) {
            profile = *found;
        } else {
            profile = *receipts::find_profile(fallback_profile);
            say("printer profile: unknown profile '" + name + "', using " + fallback_profile);
        }
        if (settings.printer_code_pages.empty())
            return;
        const auto parsed = receipts::parse_code_pages(settings.printer_code_pages);
        for (const auto& problem : parsed.problems)
            say("printer profile: " + problem);
        if (!parsed.slots.empty())
            profile.code_pages = parsed.slots;
    }

    void use_printer(drivers::Printer* chosen) {
        printer = chosen;
        drawer.reset();
        if (printer) {
            drawer = std::make_unique<drivers::CashDrawer>(
                events, *printer,
                drivers::DrawerPulse{settings.drawer_pin, settings.drawer_on_ms,
                                     settings.drawer_off_ms});
            for (const auto& step : {drawer->open(), drawer->claim(0), drawer->enable()}) {
                if (!step)
                    say("cash drawer: " + step.message);
            }
        }
        choose_profile();
        say(printer
                ? "receipts print on " + printer->info().name + " (profile " + profile.name + ")"
                : "receipts wait for the USB printer " + usb_pair(settings.printer) +
                      " (not connected)");
    }

    // Logs what a clerk or technician would want to read back; repeated printer status polls
    // that say nothing new are not logged.
    void log_event(const drivers::DeviceEvent& event) {
        if (const auto* data = std::get_if<drivers::DataEvent>(&event)) {
            say(data->device + ": Scanned " + data->scan.code +
                (data->scan.symbology.empty() ? "" : " (" + data->scan.symbology + ")"));
        } else if (const auto* error = std::get_if<drivers::ErrorEvent>(&event)) {
            say(error->device + ": " + error->message +
                (error->job.empty() ? "" : " (job " + job_name(error->job) + ")"));
        } else if (const auto* status = std::get_if<drivers::StatusEvent>(&event)) {
            if (status->change == drivers::StatusEvent::Change::printer) {
                const std::string said = drivers::describe(status->printer);
                auto& last = printer_status_said[status->device];
                if (said == last)
                    return;
                last = said;
            }
            const std::string text =
                status->text.empty() ? drivers::to_string(status->state) : status->text;
            say(status->device + ": " + text);
        } else if (const auto* done = std::get_if<drivers::OutputCompleteEvent>(&event)) {
            say(done->device + ": " +
                (done->job == "drawer" ? "drawer pulse sent" : "printed " + job_name(done->job)));
        }
    }

    std::string job_name(const std::string& id) {
        if (auto job = queue.find(id))
            return job->name;
        return id;
    }

    bool allowed_scan(const drivers::DataEvent& data) const {
        return settings.scanner != "virtual" || data.device == virtual_scanner.info().id;
    }

    std::vector<drivers::DeviceEvent> drain_all() {
        auto drained = events.drain();
        if (options.usb_events && options.usb_events != &events) {
            for (auto& event : options.usb_events->drain())
                drained.push_back(std::move(event));
        }
        return drained;
    }

    void handle(const drivers::DeviceEvent& event, std::vector<drivers::ScanData>& scans) {
        log_event(event);
        queue.on_event(event);
        if (const auto* data = std::get_if<drivers::DataEvent>(&event)) {
            if (allowed_scan(*data))
                scans.push_back(data->scan);
        }
    }

    std::vector<drivers::ScanData> pump() {
        if (options.usb)
            options.usb->poll();
        // A printer that left may be gone after poll(): switch before anything reaches it.
        drivers::Printer* chosen = choose_printer();
        const bool switched = chosen != printer;
        if (switched) {
            queue.set_printer(nullptr);
            use_printer(chosen);
        }
        std::vector<drivers::ScanData> scans;
        // Handing events to the queue can make a device answer at once (the spool printer
        // prints when told paper is back): drain again, a few rounds at most.
        for (int round = 0; round < max_rounds; ++round) {
            auto drained = drain_all();
            if (drained.empty())
                break;
            for (auto& event : drained)
                handle(event, scans);
        }
        // Jobs the old printer gave back (its errors above) now go to the new one.
        if (switched)
            queue.set_printer(printer);
        return scans;
    }
};

DeviceHub::DeviceHub(db::Store& store, pos::Clock& clock, pos::IdSource& ids,
                     DeviceHubOptions options)
    : impl_(std::make_unique<Impl>(store, clock, ids, std::move(options))) {
    impl_->start_virtual_devices();
    if (impl_->options.usb && !impl_->options.usb->problem().empty())
        impl_->say("USB: " + impl_->options.usb->problem());
    impl_->use_printer(impl_->choose_printer());
    impl_->queue.set_printer(impl_->printer);
    impl_->queue.recover();
}

DeviceHub::~DeviceHub() = default;

drivers::EventQueue& DeviceHub::events() {
    return impl_->events;
}

std::vector<drivers::ScanData> DeviceHub::pump() {
    return impl_->pump();
}

drivers::Printer* DeviceHub::printer() {
    return impl_->printer;
}

const receipts::PrinterProfile& DeviceHub::printer_profile() const {
    return impl_->profile;
}

std::string DeviceHub::printer_name() const {
    if (impl_->printer)
        return impl_->printer->info().name;
    return "USB printer " + usb_pair(impl_->settings.printer);
}

PrintQueue& DeviceHub::print_queue() {
    return impl_->queue;
}

drivers::VirtualScanner& DeviceHub::virtual_scanner() {
    return impl_->virtual_scanner;
}

drivers::VirtualPrinter& DeviceHub::virtual_printer() {
    return impl_->virtual_printer;
}

drivers::DeviceResult DeviceHub::open_drawer() {
    if (!impl_->drawer) {
        return drivers::device_error("The cash drawer opens through the receipt printer, and " +
                                     printer_name() + " is not connected");
    }
    auto opened = impl_->drawer->open_drawer();
    if (!opened)
        impl_->say("cash drawer: " + opened.message);
    return opened;
}

std::optional<bool> DeviceHub::drawer_open() const {
    if (!impl_->drawer)
        return std::nullopt;
    return impl_->drawer->drawer_open();
}

std::vector<drivers::DeviceInfo> DeviceHub::devices() const {
    std::vector<drivers::DeviceInfo> all;
    if (impl_->options.usb)
        all = impl_->options.usb->devices();
    all.push_back(impl_->virtual_printer.info());
    all.push_back(impl_->virtual_scanner.info());
    if (impl_->drawer)
        all.push_back(impl_->drawer->info());
    return all;
}

const std::deque<std::string>& DeviceHub::log() const {
    return impl_->log;
}

void DeviceHub::clear_error(const std::string& device_id) {
    std::vector<drivers::Device*> candidates{&impl_->virtual_printer, &impl_->virtual_scanner,
                                             impl_->drawer.get()};
    if (impl_->options.usb) {
        candidates.push_back(impl_->options.usb->printer());
        candidates.push_back(impl_->options.usb->scanner());
    }
    for (auto* device : candidates) {
        if (device && device->info().id == device_id) {
            device->clear_error();
            impl_->say(device_id + ": error cleared");
            return;
        }
    }
}

}  // namespace ui
