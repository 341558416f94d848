// Ports: the small interfaces the use cases need from the outside world. db/, ui/ and the tests
// implement them; pos/ never knows which implementation it has.
#pragma once

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "pos/product.hpp"
#include "pos/result.hpp"
#include "pos/ticket.hpp"

namespace pos {

class Clock {
  public:
    virtual ~Clock() = default;
    virtual std::int64_t now_ms() = 0;  // milliseconds since the Unix epoch, UTC
};

class IdSource {
  public:
    virtual ~IdSource() = default;
    virtual std::string new_id() = 0;  // a UUID, lower-case hex with dashes
};

// Catalogue reads. An I/O failure throws pos::StoreFailure; a missing code is just nullopt.
class Catalogue {
  public:
    virtual ~Catalogue() = default;
    virtual std::optional<Product> find_by_code(std::string_view code) = 0;
    // Name search as you type: every word is a prefix ("choc dig" finds "Chocolate Digestives").
    virtual std::vector<Product> search(std::string_view text, std::size_t limit) = 0;
};

struct CompletedSale {
    std::string receipt_number;  // "T01-000042"
    std::int64_t sequence = 0;   // gap-free per terminal
};

class SaleStore {
  public:
    virtual ~SaleStore() = default;
    // Writes ticket, lines and payments, and takes the next receipt number, in one transaction.
    // When it returns a value the sale is on disk; on error nothing was written.
    virtual Result<CompletedSale> complete_sale(const Ticket& ticket,
                                                std::int64_t completed_at_ms) = 0;
};

enum class Role { clerk, manager };
std::string_view to_string(Role role);

struct User {
    std::int64_t id = 0;
    std::string code;  // staff number typed or scanned at login
    std::string name;
    Role role = Role::clerk;
};

struct LoginState {
    int failed_attempts = 0;
    std::int64_t locked_until_ms = 0;  // 0 when not locked
};

class UserDirectory {
  public:
    virtual ~UserDirectory() = default;
    virtual std::vector<User> active_users() = 0;
    virtual std::optional<User> find_by_code(std::string_view code) = 0;
    virtual bool pin_matches(std::int64_t user_id, std::string_view pin) = 0;
    virtual LoginState login_state(std::int64_t user_id) = 0;
    virtual void save_login_state(std::int64_t user_id, const LoginState& state) = 0;
};

// Thrown by adapters when the store cannot be read at all (disk error, corrupt file).
class StoreFailure : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

}  // namespace pos
