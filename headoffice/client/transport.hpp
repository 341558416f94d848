// How the terminal reaches head office: one request, one answer. The real one is HTTP(S) over
// cpp-httplib (http_transport.cpp, the only file here that includes it); tests may put a
// fault-injecting proxy in between.
#pragma once

#include <cstdint>
#include <memory>
#include <string>

namespace headoffice {

struct HttpReply {
    int status = 0;       // 0 when no answer came (connection refused, reset, timed out)
    std::string body;
    std::string failure;  // why there was no answer: "connection refused by 127.0.0.1:8443"
};

class Transport {
  public:
    virtual ~Transport() = default;
    // method "GET" or "POST"; path "/v1/..."; token empty for enrol and health.
    virtual HttpReply send(const std::string& method, const std::string& path,
                           const std::string& body, const std::string& token) = 0;
};

struct HttpOptions {
    std::int64_t connect_timeout_ms = 3000;
    std::int64_t read_timeout_ms = 30000;
    std::string ca_file;  // PEM to trust for https://; empty: the system's
};

// base_url "http://127.0.0.1:8080" or "https://ho.example.com". Thread-safe: each send() uses
// its own connection.
std::unique_ptr<Transport> http_transport(const std::string& base_url, HttpOptions options = {});

}  // namespace headoffice
