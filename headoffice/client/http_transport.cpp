#include <httplib.h>

#include <exception>

#include "headoffice/client/transport.hpp"

namespace headoffice {

namespace {

// Why no answer came, in words for the status line and the log; cpp-httplib's own name of the
// error follows in brackets for whoever has to dig further.
std::string failure_text(httplib::Error error, const std::string& address) {
    std::string why;
    switch (error) {
        case httplib::Error::Connection:
            why = "could not connect to " + address + " (refused or unreachable)";
            break;
        case httplib::Error::ConnectionTimeout:
            why = "timed out connecting to " + address;
            break;
        case httplib::Error::Read:
            why = "no answer from " + address + " (connection closed or timed out while reading)";
            break;
        case httplib::Error::Write:
            why = "could not send to " + address + " (connection closed while writing)";
            break;
        case httplib::Error::SSLConnection:
            why = "TLS handshake with " + address + " failed";
            break;
        case httplib::Error::SSLLoadingCerts:
            why = "could not load the trusted certificates for " + address;
            break;
        case httplib::Error::SSLServerVerification:
            why = address + " presented a certificate that is not trusted";
            break;
        default:
            why = "request to " + address + " failed";
            break;
    }
    return why + " [httplib: " + httplib::to_string(error) + "]";
}

void set_timeout(std::int64_t ms, const auto& setter) {
    setter(static_cast<time_t>(ms / 1000), static_cast<time_t>((ms % 1000) * 1000));
}

class HttpTransport final : public Transport {
  public:
    HttpTransport(std::string base_url, HttpOptions options)
        : base_url_(std::move(base_url)), options_(std::move(options)) {}

    HttpReply send(const std::string& method, const std::string& path, const std::string& body,
                   const std::string& token) override {
        try {
            return send_once(method, path, body, token);
        } catch (const std::exception& fault) {
            return {0, {}, "request to " + base_url_ + " failed: " + fault.what()};
        } catch (...) {
            return {0, {}, "request to " + base_url_ + " failed"};
        }
    }

  private:
    // A fresh client per request: each send() has its own connection, so threads never share one.
    HttpReply send_once(const std::string& method, const std::string& path, const std::string& body,
                        const std::string& token) {
        httplib::Client client(base_url_);
        if (!client.is_valid())
            return {0, {}, "cannot use head office address '" + base_url_ + "'"};
        set_timeout(options_.connect_timeout_ms,
                    [&](time_t s, time_t us) { client.set_connection_timeout(s, us); });
        set_timeout(options_.read_timeout_ms,
                    [&](time_t s, time_t us) { client.set_read_timeout(s, us); });
        set_timeout(options_.read_timeout_ms,
                    [&](time_t s, time_t us) { client.set_write_timeout(s, us); });
        if (base_url_.starts_with("https://")) {
            client.enable_server_certificate_verification(true);
            if (!options_.ca_file.empty())
                client.set_ca_cert_path(options_.ca_file);
        }
        httplib::Headers headers;
        if (!token.empty())
            headers.emplace("Authorization", "Bearer " + token);

        const auto result = method == "POST"
                                ? client.Post(path.c_str(), headers, body, "application/json")
                                : client.Get(path.c_str(), headers);
        if (!result)
            return {0, {}, failure_text(result.error(), base_url_)};
        return {result->status, result->body, {}};
    }

    std::string base_url_;
    HttpOptions options_;
};

// Refuses every request: the address could not be used at all (the caller shows why).
class BrokenTransport final : public Transport {
  public:
    explicit BrokenTransport(std::string why) : why_(std::move(why)) {}
    HttpReply send(const std::string&, const std::string&, const std::string&,
                   const std::string&) override {
        return {0, {}, why_};
    }

  private:
    std::string why_;
};

}  // namespace

std::unique_ptr<Transport> http_transport(const std::string& base_url, HttpOptions options) {
    std::string url = base_url;
    while (url.ends_with('/'))
        url.pop_back();
    const bool known_scheme = url.starts_with("http://") || url.starts_with("https://");
    const std::size_t host_at = url.find("://") + 3;
    if (!known_scheme || url.size() <= host_at || url.find('/', host_at) != std::string::npos) {
        return std::make_unique<BrokenTransport>("not a head office address: '" + base_url +
                                                 "' (use http://HOST:PORT or https://HOST[:PORT])");
    }
    return std::make_unique<HttpTransport>(std::move(url), std::move(options));
}

}  // namespace headoffice
