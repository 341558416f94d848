// HID scanner reports -> scanned codes. Pure decoding, no I/O: the USB scanner feeds each
// interrupt-IN report in as it arrives, tests feed them from arrays.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "drivers/device.hpp"

namespace drivers {

// What one report gave: at most one finished code, or a problem with the report (garbage,
// truncated, a key the layout does not know). A bad report never produces a phantom scan: the
// partial code it belonged to is dropped and the problem is said.
struct ReportResult {
    std::optional<ScanData> scan;
    std::string problem;  // empty when the report was fine
};

// Keyboard-wedge scanners send 8-byte boot keyboard reports: modifiers, reserved, six key
// codes; a key down report then an all-zero key up report. US layout; shift for capitals and
// symbols. The code ends at the terminator key (Enter or Tab); a configured prefix and suffix
// are stripped when present.
struct WedgeOptions {
    std::string prefix;         // e.g. "]" sent before every code; stripped
    std::string suffix;         // stripped from the end
    bool tab_ends_code = true;  // Enter always ends a code
};

class WedgeDecoder {
  public:
    explicit WedgeDecoder(WedgeOptions options = {}) : options_(std::move(options)) {}
    ReportResult feed(const std::vector<std::uint8_t>& report);
    void reset();  // drop a partial code (device unplugged mid-code)

  private:
    void key_pressed(std::uint8_t code, bool shift, ReportResult& result);
    void finish_code(ReportResult& result);

    WedgeOptions options_;
    std::string pending_;
    std::vector<std::uint8_t> keys_down_;  // keys held in the previous report
    bool discarding_ = false;              // a broken code: ignore keys up to its terminator
};

// HID POS scanners (usage page 0x8C) send "scanned data" reports:
//   byte 0     report id (0x02)
//   byte 1     number of data bytes in this report (0..56)
//   bytes 2-4  AIM symbology identifier, e.g. ']', 'E', '0' (zeros when the scanner sends none)
//   bytes 5-60 data, padded with zeros
//   byte 61    flags: bit 0 set = more reports follow with the rest of this code
// (62 bytes; a code longer than 56 bytes spans several reports, each with the same AIM id).
inline constexpr std::uint8_t hid_pos_report_id = 0x02;
inline constexpr std::size_t hid_pos_report_size = 62;
inline constexpr std::size_t hid_pos_data_size = 56;

class HidPosDecoder {
  public:
    ReportResult feed(const std::vector<std::uint8_t>& report);
    void reset();

  private:
    ReportResult drop_code(std::string problem);

    std::string pending_;
    std::string symbology_;
    bool in_code_ = false;     // a report said more follows
    bool discarding_ = false;  // the parts of a broken code still to come are ignored
};

// Builds the reports a scanner would send for `code`: for the fake scanner in tests and the
// decoders' own tests.
std::vector<std::vector<std::uint8_t>> wedge_reports(const std::string& code,
                                                     const std::string& terminator = "\n");
std::vector<std::vector<std::uint8_t>> hid_pos_reports(const std::string& code,
                                                       const std::string& symbology);

}  // namespace drivers
