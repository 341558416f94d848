// ESC/POS real-time status (DLE EOT n), the job marker (GS r 1) and the drawer pulse (ESC p).
#include "drivers/escpos_status.hpp"

#include <algorithm>
#include <cstdio>

namespace drivers {

namespace {

constexpr std::uint8_t dle = 0x10;
constexpr std::uint8_t eot = 0x04;
constexpr std::uint8_t esc = 0x1b;
constexpr std::uint8_t gs = 0x1d;

// DLE EOT answers are 0xx1xx10: bits 1 and 4 set, bits 0 and 7 clear.
constexpr std::uint8_t realtime_fixed_mask = 0x93;
constexpr std::uint8_t realtime_fixed_bits = 0x12;
// GS r 1 answers have bits 4 and 7 clear.
constexpr std::uint8_t job_marker_fixed_mask = 0x90;

constexpr std::uint8_t bit(int n) {
    return static_cast<std::uint8_t>(1u << n);
}

// DLE EOT 1: printer.
constexpr std::uint8_t drawer_sensor = bit(2);  // connector pin 3
constexpr std::uint8_t offline = bit(3);
// DLE EOT 2: offline cause.
constexpr std::uint8_t cover_open = bit(2);
constexpr std::uint8_t paper_end_stop = bit(5);
constexpr std::uint8_t error_occurred = bit(6);
// DLE EOT 3: error cause.
constexpr std::uint8_t autocutter_error = bit(3);
constexpr std::uint8_t unrecoverable_error = bit(5);
constexpr std::uint8_t auto_recoverable_error = bit(6);
// DLE EOT 4: paper roll sensor (each condition is reported on two bits).
constexpr std::uint8_t paper_near_end = bit(2) | bit(3);
constexpr std::uint8_t paper_end = bit(5) | bit(6);

bool has(std::uint8_t byte, std::uint8_t bits) {
    return (byte & bits) != 0;
}

std::string hex(std::uint8_t byte) {
    char text[8];
    std::snprintf(text, sizeof text, "0x%02x", byte);
    return text;
}

}  // namespace

std::vector<std::uint8_t> dle_eot(int n) {
    return {dle, eot, static_cast<std::uint8_t>(n)};
}

std::vector<std::uint8_t> job_marker() {
    return {gs, 0x72, 0x01};
}

bool is_realtime_status(std::uint8_t byte) {
    return (byte & realtime_fixed_mask) == realtime_fixed_bits;
}

bool is_job_marker_answer(std::uint8_t byte) {
    return (byte & job_marker_fixed_mask) == 0;
}

std::string apply_status_byte(int n, std::uint8_t byte, PrinterStatus& status) {
    if (n < 1 || n > 4)
        return "DLE EOT " + std::to_string(n) + " is not a status request (1 to 4)";
    if (!is_realtime_status(byte)) {
        return "printer status byte " + hex(byte) + " (DLE EOT " + std::to_string(n) +
               ") does not have the fixed bits of a status answer";
    }
    status.known = true;
    switch (n) {
        case 1:
            status.online = !has(byte, offline);
            status.drawer_open = has(byte, drawer_sensor);
            break;
        case 2:
            status.cover_open = has(byte, cover_open);
            status.paper_out = has(byte, paper_end_stop);
            status.error = has(byte, error_occurred);
            break;
        case 3:  // the cause of an error DLE EOT 2 may already have reported: adds, never clears
            status.error = status.error || has(byte, autocutter_error | unrecoverable_error |
                                                         auto_recoverable_error);
            break;
        default:  // the roll sensor: adds to DLE EOT 2's paper-end stop, never clears it
            status.paper_near_end = has(byte, paper_near_end);
            status.paper_out = status.paper_out || has(byte, paper_end);
            break;
    }
    return {};
}

std::uint8_t status_byte(int n, const PrinterStatus& status) {
    std::uint8_t byte = realtime_fixed_bits;
    const auto set = [&byte](bool condition, std::uint8_t bits) {
        if (condition)
            byte |= bits;
    };
    switch (n) {
        case 1:
            set(!status.online, offline);
            set(status.drawer_open, drawer_sensor);
            break;
        case 2:
            set(status.cover_open, cover_open);
            set(status.paper_out, paper_end_stop);
            set(status.error, error_occurred);
            break;
        case 3:
            set(status.error, unrecoverable_error);
            break;
        case 4:
            set(status.paper_near_end, paper_near_end);
            set(status.paper_out, paper_end);
            break;
        default:
            break;
    }
    return byte;
}

std::vector<std::uint8_t> drawer_pulse_bytes(const DrawerPulse& pulse) {
    const auto units = [](int ms) { return static_cast<std::uint8_t>(std::clamp(ms / 2, 1, 255)); };
    return {esc, 0x70, static_cast<std::uint8_t>(pulse.pin == 1 ? 1 : 0), units(pulse.on_ms),
            units(pulse.off_ms)};
}

}  // namespace drivers
