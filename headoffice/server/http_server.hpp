// The HTTP(S) face of head office: routes /v1/... to HeadOffice, turning its results into
// status codes and JSON bodies (protocol.hpp). cpp-httplib stays inside http_server.cpp.
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "headoffice/server/head_office.hpp"

namespace headoffice {

struct ServerOptions {
    std::string host = "127.0.0.1";
    int port = 0;                  // 0: any free port (tests); see HttpServer::port()
    std::string certificate_file;  // PEM; with key_file, serve HTTPS
    std::string key_file;
    int threads = 8;
    std::int64_t max_body_bytes = 64 * 1024 * 1024;
    bool log_requests = false;  // one line per request on stderr ("serve --log")
};

class HttpServer {
  public:
    HttpServer(HeadOffice& head_office, ServerOptions options);
    ~HttpServer();  // stops
    HttpServer(const HttpServer&) = delete;
    HttpServer& operator=(const HttpServer&) = delete;

    // Binds and starts serving on a thread of its own; returns once it is accepting connections.
    // bad_input naming the address, or the certificate that could not be read.
    pos::Status start();
    int port() const;  // the bound port
    void stop();

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace headoffice
