// PINs are stored only as libsodium crypto_pwhash strings (Argon2id, interactive limits): a stolen
// store file does not give away a PIN without a brute-force search per user.
#pragma once

#include <string>
#include <string_view>

#include "pos/result.hpp"

namespace db {

// A self-describing hash string ("$argon2id$v=19$m=...") with its own random salt. Fails only
// when the machine cannot spare the memory the hash needs.
pos::Result<std::string> hash_pin(std::string_view pin);

// Constant-time check of a PIN against a stored hash; false for a malformed hash.
bool pin_matches_hash(std::string_view stored_hash, std::string_view pin);

}  // namespace db
