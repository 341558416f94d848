// A TCP proxy on loopback between a sync client and head office that injects faults, one HTTP
// exchange at a time: pass it on, reset the connection, answer 500 itself, delay, forward the
// request but drop head office's answer (so the server committed and the client never heard),
// or deliver the same request twice. Faults are queued: each exchange takes the next one, then
// the proxy passes everything on.
#pragma once

#include <cstdint>
#include <memory>
#include <string>

namespace testing_support {

enum class Fault {
    pass,
    reset_before_forwarding,  // the request never reaches head office
    answer_500,               // head office never sees it; the client gets a 500
    drop_answer,              // head office applies it; the client's connection is reset
    delay_answer,             // forwarded; the answer is held for delay_ms first
    deliver_twice,            // forwarded twice on two connections; the client gets the 2nd answer
};

class FaultProxy {
  public:
    FaultProxy(std::string target_host, int target_port);
    ~FaultProxy();
    FaultProxy(const FaultProxy&) = delete;
    FaultProxy& operator=(const FaultProxy&) = delete;

    int port() const;                 // where clients connect (127.0.0.1)
    std::string url() const;          // "http://127.0.0.1:PORT"
    void inject(Fault fault, std::int64_t delay_ms = 0);  // queue one fault for the next exchange
    void inject_for_path(const std::string& path_prefix, Fault fault, std::int64_t delay_ms = 0);
    std::int64_t exchanges() const;   // requests seen so far

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace testing_support
