// Hand-built view-models of the devices screen and the print banner, as the Terminal would fill
// them for a till with a USB Epson printer out of paper, a USB HID POS scanner, the spool
// printer and a cash drawer.
#pragma once

#include <string>
#include <vector>

#include "ui/view_models.hpp"

namespace device_vms {

inline const char* const status = "Corner Shop · T01 · Alex Martin";

inline ui::DevicesVm devices() {
    ui::DevicesVm d;
    d.devices = {
        {"usb:1-2:04b8:0e15", "Printer", "Epson TM-T20II", "USB 1-2 04b8:0e15", "enabled",
         "paper out", "Paper out: receipt T01-000043 waits until paper is loaded", true, true},
        {"usb:1-3:05e0:1200", "Scanner", "Zebra DS2208 (HID POS)", "USB 1-3 05e0:1200", "enabled",
         "ready", "", false, true},
        {"spool", "Printer", "Spool printer", "virtual (spool folder data/spool)", "enabled",
         "ready", "", false, false},
        {"drawer", "Cash drawer", "Drawer on Epson TM-T20II", "pin 2 pulse through the printer",
         "enabled", "closed", "", false, true},
    };
    d.jobs = {
        {"44", "T01-000043", "Receipt", "waiting: paper out", "14:06", true, false},
        {"43", "T01-000042-copy1", "Copy", "failed: not confirmed", "14:04", true, true},
        {"42", "T01-000042", "Receipt", "printed", "14:02", false, true},
        {"41", "T01-000041", "Receipt", "printed", "13:58", false, true},
    };
    d.log = {
        "13:55:02 usb: libusb 1.0.26, hotplug supported",
        "13:55:02 printer usb:1-2: Epson TM-T20II (profile tm-t20ii) claimed, kernel driver "
        "usblp detached",
        "13:55:03 scanner usb:1-3: HID POS (usage page 0x8C) enabled",
        "14:02:11 printer usb:1-2: job 42 T01-000042 confirmed (GS r answered)",
        "14:04:40 printer usb:1-2: job 43 not confirmed within 10000 ms; not resent",
        "14:06:05 printer usb:1-2: status: paper end (DLE EOT 4 = 0x7e)",
        "14:06:05 printer usb:1-2: job 44 T01-000043 waiting: paper out",
    };
    d.printer = "Receipts print on: Epson TM-T20II (profile tm-t20ii, 80 mm, 48 columns)";
    d.drawer = "Drawer closed";
    d.can_test_print = true;
    d.can_open_drawer = true;
    return d;
}

// The same without hardware: the spool printer in use, with its paper out switch on.
inline ui::DevicesVm virtual_devices() {
    ui::DevicesVm d;
    d.devices = {
        {"spool", "Printer", "Spool printer", "virtual (spool folder data/spool)", "enabled",
         "paper out", "", true, true},
        {"keyboard", "Scanner", "Keyboard and on-screen scanner", "virtual", "enabled", "ready", "",
         false, true},
    };
    d.jobs = {{"7", "T01-000007", "Receipt", "waiting: paper out", "09:12", true, false}};
    d.log = {"09:10:00 usb: no printer or scanner found; using virtual devices"};
    d.printer = "Receipts print on: Spool printer (profile virtual)";
    d.drawer = "Drawer: unknown";
    d.usb_problem =
        "USB access denied: install the udev rule (sudo cp packaging/60-counter-pos.rules "
        "/etc/udev/rules.d/ && sudo udevadm control --reload) and plug the devices in again.";
    d.can_test_print = true;
    d.virtual_printer_in_use = true;
    d.virtual_paper_out = true;
    return d;
}

inline ui::PrintBannerVm paper_out_banner() {
    return {"44",
            "Receipt T01-000043 is not printed yet: paper out. Load paper, then Retry; the sale "
            "is complete.",
            true};
}

// A cash sale done while the printer is out of paper: the drawer is still open.
inline ui::CompletedVm cash_sale_done() {
    ui::CompletedVm done;
    done.receipt_number = "T01-000043";
    done.total = "EUR 12.34";
    done.paid = "EUR 20.00";
    done.change = "EUR 7.66";
    done.receipt_text = "Corner Shop\nSparkling water 1.5 l   2 x 0.89   1.78 A\nTOTAL EUR 12.34\n";
    done.print_status = "Not printed yet: paper out. It prints when paper is loaded.";
    return done;
}

inline ui::FrameVm frame(ui::ScreenVm screen) {
    ui::FrameVm vm;
    vm.screen = std::move(screen);
    vm.status_line = status;
    return vm;
}

}  // namespace device_vms
