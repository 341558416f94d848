// One result type for expected failures that cross folder boundaries.
// C++20 has no std::expected; this is the small subset we need.
#pragma once

#include <string>
#include <utility>
#include <variant>

namespace pos {

enum class ErrorCode {
    bad_input,      // the user typed or scanned something malformed
    not_found,      // a code or record that does not exist
    not_allowed,    // refused by policy: wrong PIN, locked out, wrong state
    store_failure,  // the local store could not read or write
};

struct Error {
    ErrorCode code;
    std::string message;  // says what was wrong, in words a clerk understands
};

template <typename T>
class Result {
  public:
    Result(T value) : state_(std::move(value)) {}      // NOLINT: implicit by design
    Result(Error error) : state_(std::move(error)) {}  // NOLINT

    bool ok() const { return std::holds_alternative<T>(state_); }
    explicit operator bool() const { return ok(); }
    const T& value() const& { return std::get<T>(state_); }
    T& value() & { return std::get<T>(state_); }
    T&& value() && { return std::get<T>(std::move(state_)); }
    const T& operator*() const& { return value(); }
    const T* operator->() const { return &value(); }
    const Error& error() const { return std::get<Error>(state_); }

  private:
    std::variant<T, Error> state_;
};

struct Done {};
using Status = Result<Done>;

inline Status ok() {
    return Done{};
}

inline Error bad_input(std::string message) {
    return {ErrorCode::bad_input, std::move(message)};
}
inline Error not_found(std::string message) {
    return {ErrorCode::not_found, std::move(message)};
}
inline Error not_allowed(std::string message) {
    return {ErrorCode::not_allowed, std::move(message)};
}
inline Error store_failure(std::string message) {
    return {ErrorCode::store_failure, std::move(message)};
}

}  // namespace pos
