// A USB HID scanner: one interrupt IN transfer kept submitted while enabled; each report is fed
// to the keyboard-wedge or HID POS decoder on the event thread, and every finished code becomes
// a DataEvent. An unplug mid-code drops the partial code: no phantom scan.
#include <chrono>

#include "drivers/usb/usb_internal.hpp"

namespace drivers::usb {

UsbScanner::UsbScanner(EventQueue& events, const UsbConfig& config, libusb_device* device,
                       UsbDeviceDescription description)
    : link_(events, device, std::move(description)),
      config_(config),
      hid_pos_(link_.description().hid_pos),
      wedge_(config.wedge) {}

UsbScanner::~UsbScanner() {
    disable();
    link_.close();
    if (transfer_ != nullptr)
        libusb_free_transfer(transfer_);
}

DeviceInfo UsbScanner::info() const {
    const DeviceState state = link_.state();
    return link_.info(state == DeviceState::enabled ? "ready" : to_string(state));
}

DeviceResult UsbScanner::open() {
    return link_.open();
}
DeviceResult UsbScanner::release() {
    disable();
    return link_.release();
}
DeviceResult UsbScanner::close() {
    disable();
    return link_.close();
}
void UsbScanner::clear_error() {
    link_.clear_error();
}

DeviceResult UsbScanner::claim(int) {
    DeviceResult claimed = link_.claim();
    if (!claimed || !link_.description().hid_pos)
        return claimed;
    // Not a boot keyboard: confirm HID POS from the report descriptor. If it cannot be read,
    // HID POS is the best guess; if it reads without usage page 0x8C, treat it as a wedge.
    const int timeout = std::min(config_.status_timeout_ms, config_.transfer_timeout_ms);
    const std::optional<bool> hid_pos =
        report_descriptor_is_hid_pos(link_.handle(), link_.description().interface_number, timeout);
    const std::lock_guard lock(mutex_);
    hid_pos_ = hid_pos.value_or(true);
    return claimed;
}

DeviceResult UsbScanner::enable() {
    if (link_.state() == DeviceState::enabled)
        return device_ok();
    if (link_.state() != DeviceState::claimed)
        return device_error(link_.label() + " must be claimed before it is enabled");
    const UsbDeviceDescription& description = link_.description();
    std::unique_lock lock(mutex_);
    if (transfer_ == nullptr)
        transfer_ = libusb_alloc_transfer(0);
    if (transfer_ == nullptr)
        return device_error("Out of memory for " + link_.label());
    buffer_.assign(static_cast<std::size_t>(std::max(description.max_packet, 64)), 0);
    libusb_fill_interrupt_transfer(transfer_, link_.handle(), description.endpoint_in,
                                   buffer_.data(), static_cast<int>(buffer_.size()),
                                   &UsbScanner::on_report, this,
                                   static_cast<unsigned>(config_.transfer_timeout_ms));
    const int rc = libusb_submit_transfer(transfer_);
    if (rc != LIBUSB_SUCCESS) {
        lock.unlock();
        if (rc == LIBUSB_ERROR_NO_DEVICE)
            link_.mark_disconnected();
        const std::string message =
            "Could not read from " + link_.label() + ": " + usb_error_text(rc);
        link_.report_error(message);
        return device_error(message);
    }
    submitted_ = true;
    want_reports_ = true;
    lock.unlock();
    link_.set_state(DeviceState::enabled);
    return device_ok();
}

DeviceResult UsbScanner::disable() {
    {
        const std::lock_guard lock(mutex_);
        want_reports_ = false;
        if (submitted_)
            libusb_cancel_transfer(transfer_);
    }
    wait_transfer_idle();
    reset_decoders();
    if (link_.state() == DeviceState::enabled)
        link_.set_state(DeviceState::claimed);
    return device_ok();
}

void UsbScanner::disconnected() {
    link_.mark_disconnected();
    disable();
}

// The cancelled (or failed) transfer's callback runs on the event thread; wait for it so the
// transfer and this object stay valid until libusb is done with them.
void UsbScanner::wait_transfer_idle() {
    std::unique_lock lock(mutex_);
    const auto limit = std::chrono::milliseconds(config_.transfer_timeout_ms + 2000);
    if (!idle_.wait_for(lock, limit, [this] { return !submitted_; })) {
        transfer_ = nullptr;  // libusb still holds it: leak it rather than free it under libusb
    }
}

void UsbScanner::reset_decoders() {
    const std::lock_guard lock(mutex_);
    wedge_.reset();
    hid_pos_decoder_.reset();
}

void LIBUSB_CALL UsbScanner::on_report(libusb_transfer* transfer) {
    static_cast<UsbScanner*>(transfer->user_data)->handle_report(transfer);
}

// Event thread. Completed: decode and resubmit. Timed out: resubmit. Gone: drop the partial
// code and stop. Everything happens under the lock, so once `submitted_` is false nothing here
// touches this object any more (disable() and the destructor wait for that).
void UsbScanner::handle_report(libusb_transfer* transfer) {
    const std::lock_guard lock(mutex_);
    const libusb_transfer_status status = transfer->status;
    if (status == LIBUSB_TRANSFER_COMPLETED && transfer->actual_length > 0)
        feed({transfer->buffer, transfer->buffer + transfer->actual_length});
    if (status == LIBUSB_TRANSFER_OVERFLOW) {
        wedge_.reset();
        hid_pos_decoder_.reset();
        link_.report_error(link_.label() +
                           " sent a report longer than its endpoint allows; the "
                           "code being read was dropped, scan it again");
    }
    const bool stopped = status == LIBUSB_TRANSFER_NO_DEVICE || status == LIBUSB_TRANSFER_ERROR ||
                         status == LIBUSB_TRANSFER_STALL;
    if (stopped) {
        wedge_.reset();  // no phantom scan from half a code
        hid_pos_decoder_.reset();
        want_reports_ = false;
        if (status == LIBUSB_TRANSFER_NO_DEVICE) {
            link_.mark_disconnected();
        } else {
            link_.report_error(link_.label() + " stopped sending reports; unplug and replug it");
        }
    }
    submitted_ = want_reports_ && libusb_submit_transfer(transfer) == LIBUSB_SUCCESS;
    idle_.notify_all();
}

// Called with mutex_ held.
void UsbScanner::feed(const std::vector<std::uint8_t>& report) {
    // The parts of one code arrive back to back; a pause this long means a new code. After a
    // broken last part the decoder would otherwise keep discarding and swallow the next scan.
    const auto now = std::chrono::steady_clock::now();
    if (now - last_report_ > code_gap)
        hid_pos_decoder_.reset();
    last_report_ = now;
    const ReportResult result = hid_pos_ ? hid_pos_decoder_.feed(report) : wedge_.feed(report);
    if (result.scan)
        link_.events().push(DataEvent{link_.id(), *result.scan});
    if (!result.problem.empty())
        link_.report_error(link_.label() + " sent a report that could not be read: " +
                               result.problem + "; scan the code again",
                           {}, true);
}

}  // namespace drivers::usb
