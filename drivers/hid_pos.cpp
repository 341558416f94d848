// HID POS scanners (usage page 0x8C): "scanned data" reports, a code possibly in several parts.
#include <algorithm>
#include <cstdio>
#include <utility>

#include "drivers/hid.hpp"

namespace drivers {

namespace {

constexpr std::size_t aim_offset = 2;
constexpr std::size_t data_offset = 5;
constexpr std::size_t flags_offset = 61;
constexpr std::uint8_t more_follows = 0x01;
// The longest code worth assembling (a full QR code is about 7 kB); a scanner that keeps saying
// "more follows" past this is broken, not scanning.
constexpr std::size_t max_code_size = 8192;

std::string hex(std::uint8_t byte) {
    char text[8];
    std::snprintf(text, sizeof text, "0x%02x", byte);
    return text;
}

// "]E0"; empty when the scanner sends no AIM identifier (zeros).
std::string aim_id(const std::vector<std::uint8_t>& report) {
    std::string id;
    for (std::size_t i = aim_offset; i < data_offset; ++i) {
        if (report[i] != 0)
            id += static_cast<char>(report[i]);
    }
    return id;
}

std::string shown(const std::string& symbology) {
    return symbology.empty() ? "none" : symbology;
}

}  // namespace

ReportResult HidPosDecoder::drop_code(std::string problem) {
    // A broken part in the middle of a code: the parts still to come belong to it and are
    // ignored up to its last one, so they cannot come out as a shorter, wrong code.
    discarding_ = in_code_;
    in_code_ = false;
    pending_.clear();
    symbology_.clear();
    return {std::nullopt, std::move(problem)};
}

ReportResult HidPosDecoder::feed(const std::vector<std::uint8_t>& report) {
    if (report.size() != hid_pos_report_size) {
        return drop_code("HID POS report of " + std::to_string(report.size()) +
                         " bytes, expected 62; the code being read was dropped");
    }
    if (report[0] != hid_pos_report_id) {
        return drop_code("HID POS report id " + hex(report[0]) +
                         ", expected 0x02 (scanned data); the code being read was dropped");
    }
    const std::size_t length = report[1];
    if (length > hid_pos_data_size) {
        return drop_code("HID POS report claims " + std::to_string(length) +
                         " data bytes, at most 56 fit; the code being read was dropped");
    }
    const bool more = (report[flags_offset] & more_follows) != 0;
    const std::string symbology = aim_id(report);

    if (discarding_) {
        discarding_ = more;  // the broken code's last part ends the discarding
        return {};
    }
    if (in_code_ && symbology != symbology_) {
        ReportResult result =
            drop_code("HID POS symbology changed from " + shown(symbology_) + " to " +
                      shown(symbology) + " in the middle of a code; the code was dropped");
        discarding_ = more;  // this report belongs to the broken code too
        return result;
    }
    pending_.append(report.begin() + data_offset,
                    report.begin() + static_cast<std::ptrdiff_t>(data_offset + length));
    symbology_ = symbology;
    if (pending_.size() > max_code_size) {
        ReportResult result =
            drop_code("HID POS code longer than " + std::to_string(max_code_size) +
                      " bytes without an end; it was dropped");
        discarding_ = more;
        return result;
    }
    in_code_ = more;
    if (more)
        return {};

    ReportResult result;
    if (!pending_.empty())
        result.scan = ScanData{std::move(pending_), std::move(symbology_)};
    pending_.clear();
    symbology_.clear();
    return result;
}

void HidPosDecoder::reset() {
    pending_.clear();
    symbology_.clear();
    in_code_ = false;
    discarding_ = false;
}

std::vector<std::vector<std::uint8_t>> hid_pos_reports(const std::string& code,
                                                       const std::string& symbology) {
    std::vector<std::vector<std::uint8_t>> reports;
    std::size_t offset = 0;
    do {
        const std::size_t length = std::min(hid_pos_data_size, code.size() - offset);
        std::vector<std::uint8_t> report(hid_pos_report_size, 0);
        report[0] = hid_pos_report_id;
        report[1] = static_cast<std::uint8_t>(length);
        for (std::size_t i = 0; i < 3 && i < symbology.size(); ++i)
            report[aim_offset + i] = static_cast<std::uint8_t>(symbology[i]);
        std::copy_n(code.begin() + static_cast<std::ptrdiff_t>(offset), length,
                    report.begin() + data_offset);
        offset += length;
        if (offset < code.size())
            report[flags_offset] = more_follows;
        reports.push_back(std::move(report));
    } while (offset < code.size());
    return reports;
}

}  // namespace drivers
