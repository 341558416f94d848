// Private to pos-headoffice (main.cpp): the real clock and id source the HeadOffice service is
// given. Tests give it fakes instead.
#pragma once

#include <chrono>
#include <string>

#include "headoffice/server/internal.hpp"
#include "pos/ports.hpp"

namespace headoffice {

class SystemClock final : public pos::Clock {
  public:
    std::int64_t now_ms() override {
        const auto since_epoch = std::chrono::system_clock::now().time_since_epoch();
        return std::chrono::duration_cast<std::chrono::milliseconds>(since_epoch).count();
    }
};

// Version 4 (random) UUIDs from libsodium's randombytes, lower-case with dashes.
class RandomIds final : public pos::IdSource {
  public:
    std::string new_id() override {
        std::string hex = detail::random_hex(16);
        hex[12] = '4';                  // version 4
        hex[16] = "89ab"[hex[16] % 4];  // variant 10xx
        return hex.substr(0, 8) + "-" + hex.substr(8, 4) + "-" + hex.substr(12, 4) + "-" +
               hex.substr(16, 4) + "-" + hex.substr(20);
    }
};

}  // namespace headoffice
