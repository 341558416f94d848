#include "db/pin_hash.hpp"

#include <sodium.h>

#include <array>
#include <stdexcept>

namespace db {

namespace {

void ensure_sodium() {
    // sodium_init is safe to call repeatedly; the static makes it once per process anyway.
    static const bool ready = sodium_init() >= 0;
    if (!ready)
        throw std::runtime_error("libsodium could not be initialised");
}

}  // namespace

pos::Result<std::string> hash_pin(std::string_view pin) {
    ensure_sodium();
    std::array<char, crypto_pwhash_STRBYTES> out{};
    if (crypto_pwhash_str(out.data(), pin.data(), pin.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                          crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0) {
        return pos::store_failure("the PIN could not be hashed: not enough memory");
    }
    return std::string(out.data());
}

bool pin_matches_hash(std::string_view stored_hash, std::string_view pin) {
    ensure_sodium();
    // crypto_pwhash_str_verify reads a NUL-terminated string of at most STRBYTES.
    if (stored_hash.empty() || stored_hash.size() >= crypto_pwhash_STRBYTES)
        return false;
    const std::string hash(stored_hash);
    return crypto_pwhash_str_verify(hash.c_str(), pin.data(), pin.size()) == 0;
}

}  // namespace db
