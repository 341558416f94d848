// The emulated printer's ESC/POS engine: what a TM printer does with the bytes it receives.
#include <algorithm>
#include <array>

#include "drivers/escpos_status.hpp"
#include "fake_usb_device.hpp"

namespace fake_usb::detail {
namespace {

constexpr std::uint8_t dle = 0x10;
constexpr std::uint8_t eot = 0x04;
constexpr std::array<std::uint8_t, 3> gs_r_1 = {0x1d, 0x72, 0x01};

bool is_status_request(std::uint8_t n) {
    return n >= 1 && n <= 4;
}

// GS r 1: bits 0-1 paper near end, bits 2-3 paper end.
std::uint8_t paper_sensor_byte(const drivers::PrinterStatus& status) {
    std::uint8_t byte = 0;
    if (status.paper_near_end)
        byte |= 0x03;
    if (status.paper_out)
        byte |= 0x0c;
    return byte;
}

// The bytes at the front could still become GS r 1 or DLE EOT n once more arrive.
bool could_be_command_start(const std::deque<std::uint8_t>& bytes) {
    if (bytes.size() == 1)
        return bytes[0] == gs_r_1[0] || bytes[0] == dle;
    if (bytes.size() == 2)
        return (bytes[0] == gs_r_1[0] && bytes[1] == gs_r_1[1]) ||
               (bytes[0] == dle && bytes[1] == eot);
    return false;
}

bool starts_with_gs_r_1(const std::deque<std::uint8_t>& bytes) {
    return bytes.size() >= 3 && std::equal(gs_r_1.begin(), gs_r_1.end(), bytes.begin());
}

}  // namespace

PrinterEngine::PrinterEngine(const PrinterOptions& options) : options_(options) {
    status_.known = true;
    status_.online = true;
    answers_.assign(options.stale_bytes.begin(), options.stale_bytes.end());
    paper_runs_out_at_ = options.paper_out_after_bytes;
}

void PrinterEngine::receive(const std::uint8_t* bytes, std::size_t count) {
    for (std::size_t i = 0; i < count; ++i) {
        received_.push_back(bytes[i]);
        unprinted_.push_back(bytes[i]);
        take_realtime_command();
    }
    print_what_can_be_printed();
}

void PrinterEngine::set_status(const drivers::PrinterStatus& status) {
    status_ = status;
    print_what_can_be_printed();
}

std::vector<std::uint8_t> PrinterEngine::take_answers(std::size_t max) {
    const auto count = std::min(max, answers_.size());
    std::vector<std::uint8_t> bytes(answers_.begin(), answers_.begin() + static_cast<long>(count));
    answers_.erase(answers_.begin(), answers_.begin() + static_cast<long>(count));
    return bytes;
}

// DLE EOT n is a real-time command: answered on reception, even while printing is stopped.
void PrinterEngine::take_realtime_command() {
    const auto size = unprinted_.size();
    if (size < 3 || unprinted_[size - 3] != dle || unprinted_[size - 2] != eot ||
        !is_status_request(unprinted_[size - 1]))
        return;
    const int n = unprinted_[size - 1];
    unprinted_.resize(size - 3);
    ++status_queries_;
    answer(options_.bad_status_byte != 0 ? options_.bad_status_byte
                                         : drivers::status_byte(n, status_));
}

// Prints in order up to the end or until paper runs out; GS r 1 is answered when reached.
void PrinterEngine::print_what_can_be_printed() {
    while (!unprinted_.empty() && !halted()) {
        if (starts_with_gs_r_1(unprinted_)) {
            unprinted_.erase(unprinted_.begin(), unprinted_.begin() + 3);
            answer(paper_sensor_byte(status_));
            continue;
        }
        if (could_be_command_start(unprinted_))
            return;  // wait for the rest of it
        if (paper_runs_out_at_ != 0 && printed_.size() >= paper_runs_out_at_) {
            paper_runs_out_at_ = 0;
            status_.paper_out = true;  // the roll ends here; the rest waits for a refill
            return;
        }
        printed_.push_back(unprinted_.front());
        unprinted_.pop_front();
    }
}

void PrinterEngine::answer(std::uint8_t byte) {
    if (options_.answers_status)
        answers_.push_back(byte);
}

}  // namespace fake_usb::detail
