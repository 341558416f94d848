// The terminal's clock and id source (declared in db/store.hpp).
#include <sodium.h>

#include <array>
#include <chrono>
#include <cstdint>
#include <stdexcept>

#include "db/store.hpp"

namespace db {

std::int64_t SystemClock::now_ms() {
    const auto since_epoch = std::chrono::system_clock::now().time_since_epoch();
    return std::chrono::duration_cast<std::chrono::milliseconds>(since_epoch).count();
}

// UUIDv7 (RFC 9562): 48 bits of Unix milliseconds, then version 7, then 74 random bits with the
// variant bits 10. Ids minted later sort later, which keeps the primary-key indexes compact.
std::string RandomIds::new_id() {
    static const bool ready = sodium_init() >= 0;
    if (!ready)
        throw std::runtime_error("libsodium could not be initialised");

    std::array<unsigned char, 16> bytes{};
    randombytes_buf(bytes.data(), bytes.size());
    const auto ms = static_cast<std::uint64_t>(clock_.now_ms());
    for (int i = 0; i < 6; ++i) {
        bytes[static_cast<std::size_t>(i)] = static_cast<unsigned char>(ms >> (8 * (5 - i)));
    }
    bytes[6] = static_cast<unsigned char>(0x70 | (bytes[6] & 0x0F));
    bytes[8] = static_cast<unsigned char>(0x80 | (bytes[8] & 0x3F));

    static constexpr char digits[] = "0123456789abcdef";
    std::string out;
    out.reserve(36);
    for (std::size_t i = 0; i < bytes.size(); ++i) {
        if (i == 4 || i == 6 || i == 8 || i == 10)
            out += '-';
        out += digits[bytes[i] >> 4];
        out += digits[bytes[i] & 0x0F];
    }
    return out;
}

}  // namespace db
