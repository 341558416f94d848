// The printer's side of the conversation: real-time status (DLE EOT n) and job completion.
// Pure bytes in and out; the USB printer sends these and parses the answers.
//
// Job completion: after a job's bytes the driver sends GS r 1 (transmit paper sensor status).
// A printer executes commands in order, so that answer comes only once everything before it
// has been printed. DLE EOT answers come at once, even while printing waits for paper. The two
// answers are told apart by their fixed bits: DLE EOT answers have bit 1 and bit 4 set and bits
// 0 and 7 clear (0xx1xx10); a GS r 1 answer has bit 4 and bit 7 clear.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "drivers/device.hpp"

namespace drivers {

std::vector<std::uint8_t> dle_eot(int n);  // 10 04 n, n = 1..4
std::vector<std::uint8_t> job_marker();    // 1D 72 01: GS r 1

// Whether a byte has the fixed bits of a DLE EOT answer.
bool is_realtime_status(std::uint8_t byte);
bool is_job_marker_answer(std::uint8_t byte);

// DLE EOT 1 (printer), 2 (offline cause), 3 (error cause), 4 (paper roll sensor) answers
// folded into a status. A poll starts from a fresh PrinterStatus and asks 1 to 4 in order: the
// cause answers (3 and 4) add to the error and paper end that 2 reported, never clear them. Each
// returns an error message when the byte fails the fixed-bit pattern, and leaves `status` unchanged
// then.
std::string apply_status_byte(int n, std::uint8_t byte, PrinterStatus& status);

// What the emulated printer answers for a status (tests): the byte for DLE EOT n.
std::uint8_t status_byte(int n, const PrinterStatus& status);

// ESC p m t1 t2 for the drawer pulse (t in units of 2 ms, clamped to 1..255).
std::vector<std::uint8_t> drawer_pulse_bytes(const DrawerPulse& pulse);

// A known USB receipt printer or scanner: vendor/product -> model name and receipt profile.
struct UsbModel {
    std::uint16_t vendor = 0;
    std::uint16_t product = 0;
    DeviceKind kind = DeviceKind::printer;
    std::string name;     // "Epson TM-T20II"
    std::string profile;  // receipts profile name for printers: "epson-tm-t20"
};
std::optional<UsbModel> find_usb_model(std::uint16_t vendor, std::uint16_t product);

}  // namespace drivers
