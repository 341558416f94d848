// The USB receipt printer driver (drivers/usb) through the real libusb against an emulated
// ESC/POS printer: enumeration, kernel driver, printing, paper and cover, silence, bad bytes,
// unplug and replug, the drawer.
#include <doctest/doctest.h>

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "drivers/escpos_status.hpp"
#include "drivers/usb/usb.hpp"
#include "fake_usb.hpp"
#include "receipts/escpos.hpp"
#include "receipts/printer_profile.hpp"

namespace {

using drivers::DeviceEvent;
using drivers::ErrorEvent;
using drivers::OutputCompleteEvent;
using drivers::StatusEvent;

constexpr int generous_ms = 10000;  // waiting for an event; never an assertion on time

drivers::usb::UsbConfig fast_config() {
    drivers::usb::UsbConfig config;
    config.transfer_timeout_ms = 500;
    config.status_timeout_ms = 100;
    config.status_poll_ms = 50;
    config.job_confirm_timeout_ms = 3000;
    return config;
}

drivers::PrinterStatus ready_status() {
    drivers::PrinterStatus status;
    status.known = true;
    status.online = true;
    return status;
}

receipts::PrinterProfile tm_t20() {
    return *receipts::find_profile("epson-tm-t20");
}

// A small receipt: `lines` numbered lines after a heading, then a cut.
drivers::PrintJob receipt_job(const std::string& name, int lines = 3) {
    receipts::Document document;
    document.blocks.push_back(
        receipts::TextLine{"Counter POS " + name, {true, false, false, receipts::Align::centre}});
    for (int i = 1; i <= lines; ++i)
        document.blocks.push_back(
            receipts::Row{"Line " + std::to_string(i) + " of " + name, "1 x 2.50", "2.50", false});
    document.blocks.push_back(receipts::TextLine{"End of " + name, {}});
    document.blocks.push_back(receipts::Cut{});
    drivers::PrintJob job;
    job.id = "job-" + name;
    job.name = name;
    job.escpos = receipts::encode_escpos(document, tm_t20());
    return job;
}

std::string decoded(const drivers::PrintJob& job) {
    return receipts::describe(receipts::decode_escpos(job.escpos, tm_t20()));
}

int occurrences(const std::string& text, const std::string& part) {
    int count = 0;
    for (auto at = text.find(part); at != std::string::npos; at = text.find(part, at + 1))
        ++count;
    return count;
}

// The fake devices, the driver, and every event the driver sent, drained the way the UI does.
struct Rig {
    fake_usb::FakeUsb usb;  // before any libusb context
    drivers::EventQueue events;
    std::unique_ptr<drivers::usb::UsbDevices> devices;
    std::vector<DeviceEvent> seen;

    void start(drivers::usb::UsbConfig config = fast_config()) {
        devices = std::make_unique<drivers::usb::UsbDevices>(events, std::move(config));
    }

    // Polls and drains until `done` holds or the generous limit passes.
    bool until(const std::function<bool()>& done, int limit_ms = generous_ms) {
        const auto deadline =
            std::chrono::steady_clock::now() + std::chrono::milliseconds(limit_ms);
        while (true) {
            if (devices)
                devices->poll();
            for (DeviceEvent& event : events.drain())
                seen.push_back(std::move(event));
            if (done())
                return true;
            if (std::chrono::steady_clock::now() > deadline)
                return false;
            events.wait(20);
        }
    }

    drivers::Printer& printer() {
        REQUIRE(until([&] { return devices->printer() != nullptr; }));
        return *devices->printer();
    }

    template <class E>
    std::vector<E> all() const {
        std::vector<E> found;
        for (const DeviceEvent& event : seen)
            if (const auto* e = std::get_if<E>(&event))
                found.push_back(*e);
        return found;
    }

    int completions(const std::string& job) const {
        int count = 0;
        for (const auto& done : all<OutputCompleteEvent>())
            count += done.job == job ? 1 : 0;
        return count;
    }
    bool completed(const std::string& job) const { return completions(job) > 0; }

    std::optional<ErrorEvent> error_for(const std::string& job) const {
        for (const auto& error : all<ErrorEvent>())
            if (error.job == job)
                return error;
        return std::nullopt;
    }

    bool status_said(const std::string& words) const {
        for (const auto& status : all<StatusEvent>())
            if (status.change == StatusEvent::Change::printer &&
                status.text.find(words) != std::string::npos)
                return true;
        return false;
    }
};

}  // namespace

TEST_CASE(
    "a plugged-in receipt printer is found with its model name and endpoints from descriptors") {
    Rig rig;
    const std::string port = rig.usb.plug_printer();
    rig.start();
    drivers::Printer& printer = rig.printer();

    const auto descriptions = rig.devices->descriptions();
    REQUIRE(descriptions.size() == 1);
    CHECK(descriptions[0].kind == drivers::DeviceKind::printer);
    CHECK(descriptions[0].name == "Epson TM-T20II");
    CHECK(descriptions[0].port == port);
    CHECK(descriptions[0].vendor == 0x04b8);
    CHECK(descriptions[0].product == 0x0e15);
    CHECK(descriptions[0].endpoint_out == 0x01);
    CHECK(descriptions[0].endpoint_in == 0x82);

    const drivers::DeviceInfo info = printer.info();
    CHECK(info.id == "usb:" + port);
    CHECK(info.state == drivers::DeviceState::enabled);
    CHECK(info.transport == "USB " + port + " 04b8:0e15");
    CHECK(rig.until([&] {
        for (const auto& status : rig.all<StatusEvent>())
            if (status.text == "Epson TM-T20II connected on USB " + port)
                return true;
        return false;
    }));
}

TEST_CASE("a printer of an unknown model is named by its vendor and product ids") {
    Rig rig;
    fake_usb::PrinterOptions options;
    options.vendor = 0x1234;
    options.product = 0xabcd;
    rig.usb.plug_printer(options);
    rig.start();
    CHECK(rig.printer().info().name == "USB printer 1234:abcd");
}

TEST_CASE(
    "the usblp kernel driver is detached to claim the printer and re-attached when it is closed") {
    Rig rig;
    fake_usb::PrinterOptions options;
    options.kernel_driver = "usblp";
    const std::string port = rig.usb.plug_printer(options);
    CHECK(rig.usb.kernel_driver_attached(port));
    rig.start();
    CHECK(rig.printer().info().state == drivers::DeviceState::enabled);
    CHECK_FALSE(rig.usb.kernel_driver_attached(port));

    rig.devices.reset();
    CHECK(rig.usb.kernel_driver_attached(port));
}

TEST_CASE("a receipt sent to the printer prints exactly as encoded and is confirmed once") {
    Rig rig;
    const std::string port = rig.usb.plug_printer();
    rig.start();
    const drivers::PrintJob first = receipt_job("T01-000042");
    const drivers::PrintJob second = receipt_job("T01-000043");
    rig.printer().print(first);
    rig.printer().print(second);
    REQUIRE(rig.until([&] { return rig.completed(first.id) && rig.completed(second.id); }));

    CHECK(rig.usb.printed(port) == decoded(first) + decoded(second));
    CHECK(rig.completions(first.id) == 1);
    CHECK(rig.completions(second.id) == 1);
    CHECK(rig.devices->printer()->jobs_in_progress() == 0);
    CHECK(rig.devices->printer()->status().ready());
}

TEST_CASE("a job sent while the paper is out waits and prints once the paper is refilled") {
    Rig rig;
    const std::string port = rig.usb.plug_printer();
    drivers::PrinterStatus paper_out = ready_status();
    paper_out.paper_out = true;
    rig.usb.set_printer_status(port, paper_out);
    rig.start();
    const drivers::PrintJob job = receipt_job("T01-000050");
    rig.printer().print(job);

    REQUIRE(rig.until([&] { return rig.status_said("paper out"); }));
    CHECK_FALSE(rig.completed(job.id));
    CHECK(rig.devices->printer()->jobs_in_progress() == 1);
    CHECK(rig.usb.printed(port).find("T01-000050") == std::string::npos);

    rig.usb.set_printer_status(port, ready_status());
    REQUIRE(rig.until([&] { return rig.completed(job.id); }));
    CHECK(occurrences(rig.usb.printed(port), "End of T01-000050") == 1);
    CHECK_FALSE(rig.error_for(job.id));
}

TEST_CASE(
    "paper running out in the middle of a job: the printer finishes it after the refill, "
    "confirmed once") {
    Rig rig;
    fake_usb::PrinterOptions options;
    options.paper_out_after_bytes = 200;  // a few lines in
    const std::string port = rig.usb.plug_printer(options);
    rig.start();
    const drivers::PrintJob job = receipt_job("T01-000060", 600);
    rig.printer().print(job);

    REQUIRE(rig.until([&] { return rig.status_said("paper out"); }));
    CHECK_FALSE(rig.completed(job.id));
    CHECK(rig.devices->printer()->jobs_in_progress() == 1);
    CHECK(rig.usb.printed(port).find("Counter POS T01-000060") != std::string::npos);
    CHECK(rig.usb.printed(port).find("End of T01-000060") == std::string::npos);

    rig.usb.set_printer_status(port, ready_status());
    REQUIRE(rig.until([&] { return rig.completed(job.id); }));
    rig.until([] { return false; }, 300);  // a second confirmation or copy would show by now
    const std::string printed = rig.usb.printed(port);
    CHECK(printed == decoded(job));
    CHECK(occurrences(printed, "Counter POS T01-000060") == 1);
    CHECK(occurrences(printed, "Line 600 of T01-000060") == 1);
    CHECK(rig.completions(job.id) == 1);
    CHECK_FALSE(rig.error_for(job.id));
}

TEST_CASE("an open cover is reported and the job waits until it is closed") {
    Rig rig;
    const std::string port = rig.usb.plug_printer();
    drivers::PrinterStatus cover_open = ready_status();
    cover_open.cover_open = true;
    rig.usb.set_printer_status(port, cover_open);
    rig.start();
    const drivers::PrintJob job = receipt_job("T01-000070");
    rig.printer().print(job);

    REQUIRE(rig.until([&] { return rig.status_said("cover open"); }));
    CHECK(rig.devices->printer()->status().cover_open);
    CHECK(rig.devices->printer()->info().status == "cover open");
    CHECK_FALSE(rig.completed(job.id));
    CHECK(rig.usb.printed(port).find("T01-000070") == std::string::npos);

    rig.usb.set_printer_status(port, ready_status());
    REQUIRE(rig.until([&] { return rig.completed(job.id); }));
    CHECK(occurrences(rig.usb.printed(port), "End of T01-000070") == 1);
}

TEST_CASE(
    "a printer that never answers is 'status unknown' and its job is reported not confirmed") {
    Rig rig;
    fake_usb::PrinterOptions silent;
    silent.answers_status = false;
    rig.usb.plug_printer(silent);
    auto config = fast_config();
    config.job_confirm_timeout_ms = 1000;
    rig.start(config);
    rig.printer().query_status();
    REQUIRE(rig.until([&] { return rig.status_said("status unknown"); }));
    CHECK_FALSE(rig.devices->printer()->status().known);
    CHECK(rig.devices->printer()->info().status == "status unknown");

    const drivers::PrintJob job = receipt_job("T01-000080");
    rig.printer().print(job);
    REQUIRE(rig.until([&] { return rig.error_for(job.id).has_value(); }));
    const ErrorEvent error = *rig.error_for(job.id);
    CHECK(error.message.find("not confirmed") != std::string::npos);
    CHECK(error.message.find("T01-000080") != std::string::npos);
    CHECK_FALSE(error.retryable);  // it may have printed: never sent twice on its own
    CHECK_FALSE(rig.completed(job.id));
    CHECK(rig.devices->printer()->jobs_in_progress() == 0);
}

TEST_CASE("stale status bytes waiting on the printer are drained, not read as the answer") {
    Rig rig;
    fake_usb::PrinterOptions options;
    // Unread, these would say "drawer open" to DLE EOT 1 and "paper out, error" to DLE EOT 2.
    options.stale_bytes = {0x16, 0x72, 0x72};
    const std::string port = rig.usb.plug_printer(options);
    rig.start();
    rig.printer().query_status();
    const drivers::PrintJob job = receipt_job("T01-000090");
    rig.printer().print(job);
    REQUIRE(rig.until([&] { return rig.completed(job.id); }));

    CHECK(rig.devices->printer()->status().ready());
    CHECK_FALSE(rig.devices->printer()->status().drawer_open);
    CHECK_FALSE(rig.status_said("paper out"));
    CHECK_FALSE(rig.status_said("error"));
    CHECK(occurrences(rig.usb.printed(port), "End of T01-000090") == 1);
}

TEST_CASE(
    "a status byte failing the fixed-bit pattern is an error event; status stays unknown, the job "
    "still prints") {
    Rig rig;
    fake_usb::PrinterOptions options;
    options.bad_status_byte = 0xff;
    const std::string port = rig.usb.plug_printer(options);
    rig.start();
    rig.printer().query_status();
    REQUIRE(rig.until([&] {
        for (const auto& error : rig.all<ErrorEvent>())
            if (error.job.empty() && error.message.find("0xff") != std::string::npos)
                return true;
        return false;
    }));
    const auto errors = rig.all<ErrorEvent>();
    CHECK(errors.front().message.find("fixed bits") != std::string::npos);
    CHECK(errors.front().message.find("status unknown") != std::string::npos);
    CHECK(rig.devices->printer()->info().last_error == errors.front().message);
    CHECK_FALSE(rig.devices->printer()->status().known);

    const drivers::PrintJob job = receipt_job("T01-000100");
    rig.printer().print(job);
    REQUIRE(rig.until([&] { return rig.completed(job.id); }));
    CHECK(occurrences(rig.usb.printed(port), "End of T01-000100") == 1);
}

TEST_CASE(
    "a printer unplugged with a job in hand reports it retryable, and prints again once plugged "
    "back") {
    Rig rig;
    const std::string port = rig.usb.plug_printer();
    drivers::PrinterStatus paper_out = ready_status();
    paper_out.paper_out = true;
    rig.usb.set_printer_status(port, paper_out);
    rig.start();
    const drivers::PrintJob waiting = receipt_job("T01-000110");
    const drivers::PrintJob queued = receipt_job("T01-000111");
    rig.printer().print(waiting);
    rig.printer().print(queued);
    REQUIRE(rig.until([&] { return rig.status_said("paper out"); }));

    rig.usb.unplug(port);
    REQUIRE(rig.until([&] { return rig.error_for(waiting.id) && rig.error_for(queued.id); }));
    const ErrorEvent error = *rig.error_for(waiting.id);
    CHECK(error.message ==
          "printer disconnected while printing T01-000110; it will print again when a printer is "
          "back");
    CHECK(error.retryable);
    CHECK(rig.error_for(queued.id)->retryable);
    REQUIRE(rig.until([&] { return rig.devices->printer() == nullptr; }));
    CHECK(rig.until([&] {
        for (const auto& status : rig.all<StatusEvent>())
            if (status.change == StatusEvent::Change::removed &&
                status.text == "Epson TM-T20II disconnected from USB " + port)
                return true;
        return false;
    }));
    CHECK_FALSE(rig.completed(waiting.id));

    rig.usb.plug_printer({}, port);
    drivers::Printer& again = rig.printer();
    again.print(waiting);
    REQUIRE(rig.until([&] { return rig.completed(waiting.id); }));
    CHECK(occurrences(rig.usb.printed(port), "End of T01-000110") == 1);
    CHECK(rig.completions(waiting.id) == 1);
}

TEST_CASE("a drawer pulse reaches the printer as ESC p with the configured timing") {
    Rig rig;
    const std::string port = rig.usb.plug_printer();
    rig.start();
    rig.printer().pulse_drawer({0, 100, 200});
    REQUIRE(rig.until([&] { return rig.completed("drawer"); }));
    CHECK(rig.usb.drawer_pulses(port) == 1);
    CHECK(rig.usb.printed(port).find("<drawer pin 2 100/200 ms>") != std::string::npos);
}

TEST_CASE("an ordinary USB keyboard is not taken for a scanner unless it is configured") {
    Rig rig;
    fake_usb::ScannerOptions keyboard;
    keyboard.mode = fake_usb::ScannerMode::wedge;
    keyboard.vendor = 0x046d;  // a Logitech keyboard: boot protocol, like a wedge scanner
    keyboard.product = 0xc31c;
    const std::string port = rig.usb.plug_scanner(keyboard);
    rig.usb.plug_printer();

    SUBCASE("auto-detect leaves it to the clerk") {
        rig.start();
        rig.printer();  // everything present has been looked at
        rig.until([] { return false; }, 200);
        CHECK(rig.devices->scanner() == nullptr);
        bool listed = false;
        for (const auto& info : rig.devices->devices())
            listed = listed || (info.id == "usb:" + port && info.status == "not in use");
        CHECK(listed);
    }
    SUBCASE("configured by vendor:product it is used") {
        auto config = fast_config();
        config.scanner = "046d:c31c";
        rig.start(config);
        REQUIRE(rig.until([&] { return rig.devices->scanner() != nullptr; }));
        CHECK(rig.devices->scanner()->info().name == "USB scanner 046d:c31c");
    }
}

TEST_CASE("disabling a printer hands back the job it was holding, and release gives usblp back") {
    Rig rig;
    fake_usb::PrinterOptions options;
    options.kernel_driver = "usblp";
    const std::string port = rig.usb.plug_printer(options);
    drivers::PrinterStatus paper_out = ready_status();
    paper_out.paper_out = true;
    rig.usb.set_printer_status(port, paper_out);
    rig.start();
    const drivers::PrintJob job = receipt_job("T01-000120");
    rig.printer().print(job);
    REQUIRE(rig.until([&] { return rig.status_said("paper out"); }));

    drivers::Printer& printer = *rig.devices->printer();
    CHECK(printer.disable().ok);
    REQUIRE(rig.until([&] { return rig.error_for(job.id).has_value(); }));
    CHECK(rig.error_for(job.id)->retryable);
    CHECK(rig.error_for(job.id)->message.find("T01-000120") != std::string::npos);
    CHECK(printer.jobs_in_progress() == 0);
    CHECK(printer.info().state == drivers::DeviceState::claimed);

    CHECK(printer.release().ok);
    CHECK(rig.usb.kernel_driver_attached(port));
    CHECK(printer.close().ok);
    CHECK(printer.info().state == drivers::DeviceState::closed);
    CHECK(rig.usb.printed(port).find("T01-000120") == std::string::npos);
}
