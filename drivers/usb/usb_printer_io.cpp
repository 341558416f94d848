// The byte conversation with a receipt printer: every transfer has a timeout, partial transfers
// are continued, stale bytes are drained before a status query, and answers are told apart by
// their fixed bits (DLE EOT: 0xx1xx10; GS r 1: bits 4 and 7 clear).
#include <algorithm>

#include "drivers/escpos_status.hpp"
#include "drivers/usb/usb_internal.hpp"

namespace drivers::usb {
namespace {

using Clock = std::chrono::steady_clock;

// Bytes per bulk OUT transfer: big enough to keep the printer busy, small enough that a
// stalled printer is noticed and a stop request is seen between chunks.
constexpr std::size_t chunk_size = 1024;
// How long a read waits for leftovers when draining: stale bytes are already there.
constexpr int drain_timeout_ms = 20;
constexpr int max_drain_reads = 64;

IoResult io_result(int rc) {
    switch (rc) {
        case LIBUSB_SUCCESS:
            return IoResult::ok;
        case LIBUSB_ERROR_TIMEOUT:
            return IoResult::timeout;
        case LIBUSB_ERROR_NO_DEVICE:
        case LIBUSB_ERROR_IO:
            return IoResult::disconnected;
        default:
            return IoResult::failed;
    }
}

int remaining_ms(Clock::time_point deadline) {
    const auto left =
        std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
    return static_cast<int>(std::max<long long>(left, 0));
}

}  // namespace

PrinterChannel::PrinterChannel(libusb_device_handle* handle,
                               const UsbDeviceDescription& description, const UsbConfig& config,
                               const std::atomic<bool>& stop)
    : handle_(handle),
      endpoint_out_(description.endpoint_out),
      endpoint_in_(description.endpoint_in),
      in_packet_(std::max(description.max_packet, 64)),
      config_(config),
      stop_(stop) {}

IoResult PrinterChannel::write(const std::vector<std::uint8_t>& bytes, std::size_t& sent) {
    sent = 0;
    std::vector<std::uint8_t> chunk;
    bool halt_cleared = false;
    while (sent < bytes.size()) {
        if (stop_)
            return IoResult::stopped;
        const std::size_t size = std::min(chunk_size, bytes.size() - sent);
        chunk.assign(bytes.begin() + static_cast<std::ptrdiff_t>(sent),
                     bytes.begin() + static_cast<std::ptrdiff_t>(sent + size));
        int transferred = 0;
        const int rc =
            libusb_bulk_transfer(handle_, endpoint_out_, chunk.data(), static_cast<int>(size),
                                 &transferred, static_cast<unsigned>(config_.transfer_timeout_ms));
        sent += static_cast<std::size_t>(std::max(transferred, 0));
        if (rc == LIBUSB_ERROR_TIMEOUT && transferred > 0)
            continue;                                    // partial: go on
        if (rc == LIBUSB_ERROR_PIPE && !halt_cleared) {  // a stalled endpoint: clear once
            halt_cleared = true;
            libusb_clear_halt(handle_, endpoint_out_);
            continue;
        }
        if (rc != LIBUSB_SUCCESS)
            return io_result(rc);
    }
    return IoResult::ok;
}

bool PrinterChannel::keep_marker(std::uint8_t byte) {
    if (markers_answered_ >= markers_sent_ || !is_job_marker_answer(byte))
        return false;
    ++markers_answered_;
    return true;
}

IoResult PrinterChannel::read_some(int timeout_ms, std::vector<std::uint8_t>& bytes) {
    bytes.assign(static_cast<std::size_t>(in_packet_), 0);
    int got = 0;
    const int rc = libusb_bulk_transfer(handle_, endpoint_in_, bytes.data(), in_packet_, &got,
                                        static_cast<unsigned>(std::max(timeout_ms, 1)));
    bytes.resize(static_cast<std::size_t>(std::max(got, 0)));
    if (rc == LIBUSB_ERROR_OVERFLOW)
        return IoResult::ok;  // keep what fitted
    if (rc == LIBUSB_ERROR_TIMEOUT && got > 0)
        return IoResult::ok;
    return io_result(rc);
}

IoResult PrinterChannel::drain() {
    pending_.clear();
    std::vector<std::uint8_t> bytes;
    // Bounded: a printer that never stops talking cannot hold the worker here.
    for (int reads = 0; reads < max_drain_reads && !stop_; ++reads) {
        const IoResult io = read_some(drain_timeout_ms, bytes);
        if (io == IoResult::timeout)
            return IoResult::ok;
        if (io != IoResult::ok)
            return io;
        if (bytes.empty())
            return IoResult::ok;
        // A late job marker answer is still an answer; anything else is stale.
        for (std::uint8_t byte : bytes)
            keep_marker(byte);
    }
    return stop_ ? IoResult::stopped : IoResult::ok;
}

IoResult PrinterChannel::listen(int timeout_ms) {
    if (!has_status())
        return IoResult::timeout;
    std::vector<std::uint8_t> bytes;
    const IoResult io = read_some(timeout_ms, bytes);
    if (io != IoResult::ok)
        return io;
    // Anything but a job marker answer is a late status answer: stale.
    for (std::uint8_t byte : bytes)
        keep_marker(byte);
    return IoResult::ok;
}

IoResult PrinterChannel::ask(int n, PrinterStatus& status, std::string& bad, bool& answered) {
    answered = false;
    std::size_t sent = 0;
    const IoResult written = write(dle_eot(n), sent);
    if (written == IoResult::timeout)
        return IoResult::ok;  // not answered: status unknown
    if (written != IoResult::ok)
        return written;
    const auto deadline = Clock::now() + std::chrono::milliseconds(config_.status_timeout_ms);
    std::vector<std::uint8_t> bytes;
    while (!stop_) {
        while (!pending_.empty()) {
            const std::uint8_t byte = pending_.front();
            pending_.pop_front();
            if (is_realtime_status(byte)) {
                apply_status_byte(n, byte, status);
                answered = true;
                return IoResult::ok;
            }
            if (keep_marker(byte))
                continue;
            bad = apply_status_byte(n, byte, status);  // the byte fails the pattern
            if (bad.empty())
                bad = "status byte failed the fixed-bit pattern";
            return IoResult::ok;
        }
        const int left = remaining_ms(deadline);
        if (left == 0)
            return IoResult::ok;
        const IoResult io = read_some(left, bytes);
        if (io == IoResult::timeout)
            return IoResult::ok;
        if (io != IoResult::ok)
            return io;
        pending_.insert(pending_.end(), bytes.begin(), bytes.end());
    }
    return IoResult::stopped;
}

PrinterChannel::StatusAnswer PrinterChannel::query_status() {
    StatusAnswer answer;
    if (!has_status())
        return answer;
    answer.io = drain();
    if (answer.io != IoResult::ok)
        return answer;
    PrinterStatus status;
    for (int n = 1; n <= 4; ++n) {
        bool answered = false;
        answer.io = ask(n, status, answer.bad_byte, answered);
        if (answer.io != IoResult::ok || !answered)
            return answer;  // unknown
    }
    status.known = true;
    answer.status = status;
    return answer;
}

}  // namespace drivers::usb
