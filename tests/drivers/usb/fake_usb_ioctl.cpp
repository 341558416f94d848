// The usbdevfs side of the emulated devices: answers the ioctls libusb sends on Linux, the way
// the kernel would (see /usr/include/linux/usbdevice_fs.h). Runs on umockdev's worker thread.
#include <linux/ioctl.h>
#include <linux/usbdevice_fs.h>

#include <algorithm>
#include <cerrno>
#include <cstddef>
#include <cstring>

#include "fake_usb_device.hpp"

namespace fake_usb::detail {
namespace {

constexpr std::size_t setup_size = 8;

struct Reply {
    long result = 0;
    int error = 0;
};
Reply ok(long result = 0) {
    return {result, 0};
}
Reply fail(int error) {
    return {-1, error};
}

// A resolved ioctl argument, unreferenced when it goes out of scope.
class Arg {
  public:
    Arg(UMockdevIoctlClient* client, std::size_t size)
        : data_(umockdev_ioctl_data_resolve(umockdev_ioctl_client_get_arg(client), 0, size,
                                            nullptr)) {}
    ~Arg() {
        if (data_ != nullptr)
            umockdev_ioctl_data_unref(data_);
    }
    Arg(const Arg&) = delete;
    Arg& operator=(const Arg&) = delete;
    template <typename T>
    T* as() const {
        return data_ == nullptr ? nullptr : reinterpret_cast<T*>(data_->data);
    }
    UMockdevIoctlData* data() const { return data_; }

  private:
    UMockdevIoctlData* data_;
};

usbdevfs_urb* urb_struct(const Urb& urb) {
    return reinterpret_cast<usbdevfs_urb*>(urb.data->data);
}

void release(Urb& urb) {
    if (urb.buffer != nullptr)
        umockdev_ioctl_data_unref(urb.buffer);
    umockdev_ioctl_data_unref(urb.data);
    urb = {};
}

void finish(Device& device, Urb urb, int status, std::size_t actual_length) {
    urb_struct(urb)->status = status;
    urb_struct(urb)->actual_length = static_cast<int>(actual_length);
    device.completed.push_back(urb);
}

// ---- control transfers -------------------------------------------------------------------

std::vector<std::uint8_t> ieee1284_device_id() {
    const std::string id = "MFG:EPSON;CMD:ESC/POS;MDL:TM-T20II;CLS:PRINTER;";
    const auto length = static_cast<unsigned>(id.size() + 2);
    std::vector<std::uint8_t> bytes = {static_cast<std::uint8_t>(length >> 8U),
                                       static_cast<std::uint8_t>(length & 0xffU)};
    bytes.insert(bytes.end(), id.begin(), id.end());
    return bytes;
}

std::optional<std::vector<std::uint8_t>> get_descriptor(const Device& device, unsigned value) {
    const unsigned type = value >> 8U;
    const unsigned index = value & 0xffU;
    if (type == 1)
        return device.device_descriptor;
    if (type == 2)
        return device.config_descriptor;
    if (type == 3 && index == 0)
        return std::vector<std::uint8_t>{4, 3, 0x09, 0x04};  // US English
    if (type == 3 && index <= device.strings.size())
        return string_descriptor(device.strings[index - 1]);
    if (type == 0x21 && !device.report_descriptor.empty())  // HID descriptor
        return std::vector<std::uint8_t>(device.config_descriptor.begin() + 18,
                                         device.config_descriptor.begin() + 27);
    if (type == 0x22 && !device.report_descriptor.empty())
        return device.report_descriptor;
    return std::nullopt;
}

// The data stage of a control request, or nullopt for a STALL.
std::optional<std::vector<std::uint8_t>> control_answer(const Device& device,
                                                        const std::uint8_t* setup) {
    const std::uint8_t request_type = setup[0];
    const std::uint8_t request = setup[1];
    const unsigned value = setup[2] | (static_cast<unsigned>(setup[3]) << 8U);
    const bool hid = !device.report_descriptor.empty();
    if ((request_type == 0x80 || request_type == 0x81) && request == 0x06)
        return get_descriptor(device, value);
    if (request_type == 0x80 && request == 0x08)  // GET_CONFIGURATION
        return std::vector<std::uint8_t>{1};
    if (request_type == 0x80 && request == 0x00)  // GET_STATUS
        return std::vector<std::uint8_t>{0, 0};
    if ((request_type & 0x80U) == 0 && request_type <= 0x02)  // standard OUT: no-ops
        return std::vector<std::uint8_t>{};
    if (hid && request_type == 0x21)  // SET_IDLE, SET_PROTOCOL, SET_REPORT
        return std::vector<std::uint8_t>{};
    if (hid && request_type == 0xa1 && request == 0x03)  // GET_PROTOCOL
        return std::vector<std::uint8_t>{1};
    if (device.printer && request_type == 0xa1 && request == 0x00)  // GET_DEVICE_ID
        return ieee1284_device_id();
    if (device.printer && request_type == 0xa1 && request == 0x01)  // GET_PORT_STATUS
        return std::vector<std::uint8_t>{0x18};
    return std::nullopt;
}

void control_transfer(Device& device, Urb urb) {
    const auto length = static_cast<std::size_t>(urb_struct(urb)->buffer_length);
    if (urb.buffer == nullptr || length < setup_size) {
        finish(device, urb, -EPIPE, 0);
        return;
    }
    const auto answer = control_answer(device, urb.buffer->data);
    if (!answer) {
        finish(device, urb, -EPIPE, 0);
        return;
    }
    const auto count = std::min(answer->size(), length - setup_size);
    if ((urb.buffer->data[0] & 0x80U) != 0)
        std::memcpy(urb.buffer->data + setup_size, answer->data(), count);
    finish(device, urb, 0, (urb.buffer->data[0] & 0x80U) != 0 ? count : 0);
}

// ---- bulk and interrupt ------------------------------------------------------------------

// Hands data to waiting IN URBs: printer answers as a byte stream, scanner reports one per URB.
void fill_waiting_in(Device& device) {
    while (!device.waiting_in.empty()) {
        Urb urb = device.waiting_in.front();
        const auto capacity = static_cast<std::size_t>(urb_struct(urb)->buffer_length);
        std::vector<std::uint8_t> bytes;
        if (device.printer && device.printer->has_answers()) {
            bytes = device.printer->take_answers(capacity);
        } else if (!device.printer && !device.reports.empty()) {
            bytes = std::move(device.reports.front());
            device.reports.pop_front();
        } else {
            return;
        }
        // A report longer than the read is babble, as the host controller reports it.
        const int status = bytes.size() > capacity ? -EOVERFLOW : 0;
        bytes.resize(std::min(bytes.size(), capacity));
        if (!bytes.empty())
            std::memcpy(urb.buffer->data, bytes.data(), bytes.size());
        device.waiting_in.pop_front();
        finish(device, urb, status, bytes.size());
    }
}

Reply submit_urb(Device& device, UMockdevIoctlClient* client) {
    Urb urb;
    urb.data = umockdev_ioctl_data_resolve(umockdev_ioctl_client_get_arg(client), 0,
                                           sizeof(usbdevfs_urb), nullptr);
    if (urb.data == nullptr)
        return fail(EFAULT);
    const auto* header = urb_struct(urb);
    if (header->buffer_length > 0)
        urb.buffer =
            umockdev_ioctl_data_resolve(urb.data, offsetof(usbdevfs_urb, buffer),
                                        static_cast<gsize>(header->buffer_length), nullptr);
    if (header->buffer_length > 0 && urb.buffer == nullptr) {
        release(urb);
        return fail(EFAULT);
    }
    if (header->type == USBDEVFS_URB_TYPE_CONTROL) {
        control_transfer(device, urb);
    } else if ((header->endpoint & 0x80U) != 0) {
        device.waiting_in.push_back(urb);
        fill_waiting_in(device);
    } else if (device.printer) {
        const auto length = static_cast<std::size_t>(header->buffer_length);
        device.printer->receive(urb.buffer != nullptr ? urb.buffer->data : nullptr, length);
        finish(device, urb, 0, length);
        fill_waiting_in(device);
    } else {
        release(urb);
        return fail(EINVAL);  // the scanner has no OUT endpoint
    }
    return ok();
}

Reply reap_urb(Device& device, UMockdevIoctlClient* client) {
    if (device.gone) {
        for (auto& urb : device.waiting_in)
            finish(device, urb, -ESHUTDOWN, 0);
        device.waiting_in.clear();
    } else {
        fill_waiting_in(device);
    }
    if (device.completed.empty())
        return fail(device.gone ? ENODEV : EAGAIN);
    Urb urb = device.completed.front();
    device.completed.pop_front();
    Arg pointer(client, sizeof(void*));
    umockdev_ioctl_data_set_ptr(pointer.data(), 0, urb.data);
    umockdev_ioctl_client_complete(client, 0, 0);
    release(urb);
    return {1, -1};  // already completed
}

Reply discard_urb(Device& device, UMockdevIoctlClient* client) {
    const auto* arg = umockdev_ioctl_client_get_arg(client);
    const auto address = reinterpret_cast<gulong>(*reinterpret_cast<void**>(arg->data));
    const auto found =
        std::find_if(device.waiting_in.begin(), device.waiting_in.end(),
                     [address](const Urb& urb) { return urb.data->client_addr == address; });
    if (found == device.waiting_in.end())
        return fail(EINVAL);
    const Urb urb = *found;
    device.waiting_in.erase(found);
    finish(device, urb, -ENOENT, 0);
    return ok();
}

// ---- interfaces and kernel drivers -------------------------------------------------------

Reply claim_interface(Device& device) {
    if (device.kernel_driver_attached)
        return fail(EBUSY);
    device.claimed = true;
    return ok();
}

Reply get_driver(Device& device, UMockdevIoctlClient* client) {
    Arg arg(client, sizeof(usbdevfs_getdriver));
    auto* request = arg.as<usbdevfs_getdriver>();
    if (request == nullptr)
        return fail(EFAULT);
    std::string name;
    if (device.kernel_driver_attached)
        name = device.kernel_driver;
    else if (device.claimed)
        name = "usbfs";
    else
        return fail(ENODATA);
    std::memset(request->driver, 0, sizeof request->driver);
    std::memcpy(request->driver, name.data(), std::min(name.size(), sizeof request->driver - 1));
    return ok();
}

Reply driver_ioctl(Device& device, UMockdevIoctlClient* client) {
    Arg arg(client, sizeof(usbdevfs_ioctl));
    const auto* request = arg.as<usbdevfs_ioctl>();
    if (request == nullptr)
        return fail(EFAULT);
    if (request->ioctl_code == static_cast<int>(USBDEVFS_DISCONNECT)) {
        if (!device.kernel_driver_attached)
            return fail(ENODATA);
        device.kernel_driver_attached = false;
        return ok();
    }
    if (request->ioctl_code == static_cast<int>(USBDEVFS_CONNECT)) {
        if (device.claimed || device.kernel_driver_attached)
            return fail(EBUSY);
        // Like device_attach(): 1 when a driver was bound, 0 when none wanted it.
        device.kernel_driver_attached = !device.kernel_driver.empty();
        return ok(device.kernel_driver_attached ? 1 : 0);
    }
    return fail(ENOTTY);
}

Reply disconnect_claim(Device& device, UMockdevIoctlClient* client) {
    Arg arg(client, sizeof(usbdevfs_disconnect_claim));
    const auto* request = arg.as<usbdevfs_disconnect_claim>();
    if (request == nullptr)
        return fail(EFAULT);
    if (device.kernel_driver_attached) {
        const bool named = device.kernel_driver == request->driver;
        const bool keep =
            ((request->flags & USBDEVFS_DISCONNECT_CLAIM_IF_DRIVER) != 0 && !named) ||
            ((request->flags & USBDEVFS_DISCONNECT_CLAIM_EXCEPT_DRIVER) != 0 && named);
        if (!keep)
            device.kernel_driver_attached = false;
    }
    return claim_interface(device);
}

Reply answer(Device& device, UMockdevIoctlClient* client, unsigned long request) {
    if (device.gone && request != USBDEVFS_REAPURB && request != USBDEVFS_REAPURBNDELAY)
        return fail(ENODEV);
    switch (request) {
        case USBDEVFS_GET_CAPABILITIES: {
            Arg arg(client, sizeof(std::uint32_t));
            *arg.as<std::uint32_t>() =
                USBDEVFS_CAP_BULK_CONTINUATION | USBDEVFS_CAP_NO_PACKET_SIZE_LIM |
                USBDEVFS_CAP_REAP_AFTER_DISCONNECT | USBDEVFS_CAP_ZERO_PACKET;
            return ok();
        }
        case USBDEVFS_GET_SPEED:
            return ok(2);  // USB_SPEED_FULL
        case USBDEVFS_CONNECTINFO: {
            Arg arg(client, sizeof(usbdevfs_connectinfo));
            arg.as<usbdevfs_connectinfo>()->devnum = static_cast<unsigned>(device.devnum);
            arg.as<usbdevfs_connectinfo>()->slow = 0;
            return ok();
        }
        case USBDEVFS_CLAIMINTERFACE:
            return claim_interface(device);
        case USBDEVFS_RELEASEINTERFACE:
            device.claimed = false;
            return ok();
        case USBDEVFS_GETDRIVER:
            return get_driver(device, client);
        case USBDEVFS_IOCTL:
            return driver_ioctl(device, client);
        case USBDEVFS_DISCONNECT_CLAIM:
            return disconnect_claim(device, client);
        case USBDEVFS_SUBMITURB:
            return submit_urb(device, client);
        case USBDEVFS_REAPURB:
        case USBDEVFS_REAPURBNDELAY:
            return reap_urb(device, client);
        case USBDEVFS_DISCARDURB:
            return discard_urb(device, client);
        case USBDEVFS_SETINTERFACE:
        case USBDEVFS_SETCONFIGURATION:
        case USBDEVFS_CLEAR_HALT:
        case USBDEVFS_RESETEP:
        case USBDEVFS_RESET:
            return ok();
        default:
            return fail(ENOTTY);
    }
}

}  // namespace

Device::~Device() {
    for (auto& urb : waiting_in)
        release(urb);
    for (auto& urb : completed)
        release(urb);
}

gboolean handle_ioctl(UMockdevIoctlBase* /*handler*/, UMockdevIoctlClient* client,
                      gpointer user_data) {
    auto& device = *static_cast<Device*>(user_data);
    const std::lock_guard lock(device.mutex);
    const Reply reply = answer(device, client, umockdev_ioctl_client_get_request(client));
    if (reply.error >= 0)
        umockdev_ioctl_client_complete(client, reply.result, reply.error);
    return TRUE;
}

}  // namespace fake_usb::detail
