#include "headoffice/server/http_server.hpp"

#include <httplib.h>

#include <algorithm>
#include <charconv>
#include <chrono>
#include <cstdio>
#include <exception>
#include <filesystem>
#include <optional>
#include <thread>

namespace headoffice {

namespace {

constexpr const char* json_type = "application/json";

int status_of(pos::ErrorCode code) {
    switch (code) {
        case pos::ErrorCode::bad_input:
            return 400;
        case pos::ErrorCode::not_found:
            return 404;
        case pos::ErrorCode::not_allowed:
            return 403;
        case pos::ErrorCode::store_failure:
            return 500;
    }
    return 500;
}

void refuse(httplib::Response& response, int status, const std::string& message) {
    response.status = status;
    response.set_content(encode(ErrorReply{message}), json_type);
}

void refuse(httplib::Response& response, const pos::Error& error) {
    refuse(response, status_of(error.code), error.message);
}

// Answers with the message's JSON, or the error's status and ErrorReply.
template <typename T>
void answer(httplib::Response& response, const pos::Result<T>& result) {
    if (!result)
        return refuse(response, result.error());
    response.status = 200;
    response.set_content(encode(result.value()), json_type);
}

// A query parameter that must be a whole number; `fallback` when absent.
pos::Result<std::int64_t> integer_param(const httplib::Request& request, const char* name,
                                        std::int64_t fallback) {
    if (!request.has_param(name))
        return fallback;
    const std::string text = request.get_param_value(name);
    std::int64_t value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc{} || end != text.data() + text.size() || value < 0) {
        return pos::bad_input(std::string(name) + ": '" + text + "' is not a whole number");
    }
    return value;
}

std::string bearer_token(const httplib::Request& request) {
    const std::string header = request.get_header_value("Authorization");
    constexpr std::string_view prefix = "Bearer ";
    if (header.size() <= prefix.size() || header.compare(0, prefix.size(), prefix) != 0)
        return {};
    return header.substr(prefix.size());
}

}  // namespace

struct HttpServer::Impl {
    HeadOffice& head_office;
    ServerOptions options;
    std::unique_ptr<httplib::Server> server;
    std::thread thread;
    int port = 0;

    // The caller's identity, or nullopt after answering 401 (or 500 when the database failed).
    std::optional<Identity> authenticate(const httplib::Request& request,
                                         httplib::Response& response) {
        const std::string token = bearer_token(request);
        if (token.empty()) {
            refuse(response, 401, "no credentials: send \"Authorization: Bearer TOKEN\"");
            return std::nullopt;
        }
        auto who = head_office.authenticate(token);
        if (!who) {
            const bool refused = who.error().code == pos::ErrorCode::not_allowed ||
                                 who.error().code == pos::ErrorCode::not_found;
            refuse(response, refused ? 401 : 500, who.error().message);
            return std::nullopt;
        }
        return std::move(who).value();
    }

    // Wraps a handler: nothing it throws reaches cpp-httplib (500 with the reason instead).
    template <typename Handle>
    httplib::Server::Handler guarded(Handle handle) {
        return [handle](const httplib::Request& request, httplib::Response& response) {
            try {
                handle(request, response);
            } catch (const std::exception& fault) {
                refuse(response, 500, std::string("head office fault: ") + fault.what());
            } catch (...) {
                refuse(response, 500, "head office fault");
            }
        };
    }

    void add_routes();
    void add_terminal_routes();
    void configure();
};

void HttpServer::Impl::add_routes() {
    server->Get("/v1/health", guarded([this](const httplib::Request&, httplib::Response& res) {
                    answer(res, pos::Result<HealthReply>(head_office.health()));
                }));
    server->Post("/v1/enrol", guarded([this](const httplib::Request& req, httplib::Response& res) {
                     const auto request = decode<EnrolRequest>(req.body);
                     if (!request)
                         return refuse(res, request.error());
                     answer(res, head_office.enrol(request.value()));
                 }));
    add_terminal_routes();
}

void HttpServer::Impl::add_terminal_routes() {
    server->Post(
        "/v1/journal", guarded([this](const httplib::Request& req, httplib::Response& res) {
            const auto who = authenticate(req, res);
            if (!who)
                return;
            const auto upload = decode<UploadRequest>(req.body);
            if (!upload)
                return refuse(res, upload.error());
            if (upload->entries.size() > max_upload_batch) {
                return refuse(
                    res, 400,
                    "too many entries in one upload: " + std::to_string(upload->entries.size()) +
                        " (at most " + std::to_string(max_upload_batch) + ")");
            }
            answer(res, head_office.upload(*who, upload.value()));
        }));
    server->Post("/v1/records",
                 guarded([this](const httplib::Request& req, httplib::Response& res) {
                     const auto who = authenticate(req, res);
                     if (!who)
                         return;
                     const auto upload = decode<RecordsUpload>(req.body);
                     if (!upload)
                         return refuse(res, upload.error());
                     answer(res, head_office.upload_records(*who, upload.value()));
                 }));
    server->Get(
        "/v1/changes", guarded([this](const httplib::Request& req, httplib::Response& res) {
            const auto who = authenticate(req, res);
            if (!who)
                return;
            const auto after = integer_param(req, "after", 0);
            if (!after)
                return refuse(res, after.error());
            const auto limit = integer_param(req, "limit", max_changes_batch);
            if (!limit)
                return refuse(res, limit.error());
            answer(res, head_office.changes(
                            *who, *after, std::clamp<std::int64_t>(*limit, 1, max_changes_batch)));
        }));
    server->Get("/v1/stock", guarded([this](const httplib::Request& req, httplib::Response& res) {
                    if (!authenticate(req, res))
                        return;
                    const auto since = integer_param(req, "since_ms", 0);
                    if (!since)
                        return refuse(res, since.error());
                    answer(res, head_office.stock_since(*since));
                }));
    server->Get(R"(/v1/stock/([^/]+))",
                guarded([this](const httplib::Request& req, httplib::Response& res) {
                    if (!authenticate(req, res))
                        return;
                    answer(res, head_office.stock_of(req.matches[1].str()));
                }));
    server->Get(R"(/v1/tickets/([^/]+))",
                guarded([this](const httplib::Request& req, httplib::Response& res) {
                    if (!authenticate(req, res))
                        return;
                    answer(res, head_office.ticket(req.matches[1].str()));
                }));
}

void HttpServer::Impl::configure() {
    const int threads = std::max(1, options.threads);
    server->new_task_queue = [threads] {
        return new httplib::ThreadPool(static_cast<std::size_t>(threads));
    };
    server->set_payload_max_length(
        static_cast<std::size_t>(std::max<std::int64_t>(1, options.max_body_bytes)));
    // SO_REUSEADDR (restart on the same port at once) but not cpp-httplib's SO_REUSEPORT, which
    // would let a second server share a port already in use instead of failing to start.
    server->set_socket_options([](socket_t sock) {
        int yes = 1;
        setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    });
    const std::int64_t limit = options.max_body_bytes;
    // Statuses cpp-httplib sets itself (no route, body too large) get an ErrorReply body too.
    server->set_error_handler(httplib::Server::HandlerWithResponse(
        [limit](const httplib::Request& req, httplib::Response& res) {
            if (!res.body.empty())
                return httplib::Server::HandlerResponse::Unhandled;
            if (res.status == 404)
                refuse(res, 404, "no such path: " + req.method + " " + req.path);
            else if (res.status == 413)
                refuse(res, 413,
                       "request body too large (at most " + std::to_string(limit) + " bytes)");
            else
                refuse(res, res.status,
                       "request refused (HTTP " + std::to_string(res.status) + ")");
            return httplib::Server::HandlerResponse::Handled;
        }));
    server->set_exception_handler(
        [](const httplib::Request&, httplib::Response& res, std::exception_ptr fault) {
            std::string why = "head office fault";
            try {
                if (fault)
                    std::rethrow_exception(fault);
            } catch (const std::exception& error) {
                why += std::string(": ") + error.what();
            } catch (...) {
            }
            refuse(res, 500, why);
        });
    if (options.log_requests) {
        server->set_logger([](const httplib::Request& req, const httplib::Response& res) {
            std::fprintf(stderr, "%s %s %s -> %d\n", req.remote_addr.c_str(), req.method.c_str(),
                         req.path.c_str(), res.status);
        });
    }
}

HttpServer::HttpServer(HeadOffice& head_office, ServerOptions options)
    : impl_(std::make_unique<Impl>(Impl{head_office, std::move(options), nullptr, {}, 0})) {}

HttpServer::~HttpServer() {
    stop();
}

pos::Status HttpServer::start() {
    stop();
    Impl& s = *impl_;
    const bool tls = !s.options.certificate_file.empty() || !s.options.key_file.empty();
    if (tls) {
        for (const auto* file : {&s.options.certificate_file, &s.options.key_file}) {
            std::error_code error;
            if (file->empty() || !std::filesystem::is_regular_file(*file, error)) {
                return pos::bad_input("TLS needs both a certificate and a key file: '" + *file +
                                      "' cannot be read");
            }
        }
        s.server = std::make_unique<httplib::SSLServer>(s.options.certificate_file.c_str(),
                                                        s.options.key_file.c_str());
    } else {
        s.server = std::make_unique<httplib::Server>();
    }
    if (!s.server->is_valid()) {
        s.server.reset();
        return pos::bad_input("cannot use the certificate '" + s.options.certificate_file +
                              "' with the key '" + s.options.key_file +
                              "' (not PEM, or they do not match)");
    }
    s.configure();
    s.add_routes();
    const std::string address = s.options.host + ":" + std::to_string(s.options.port);
    if (s.options.port == 0) {
        s.port = s.server->bind_to_any_port(s.options.host);
    } else {
        s.port = s.server->bind_to_port(s.options.host, s.options.port) ? s.options.port : -1;
    }
    if (s.port <= 0) {
        s.server.reset();
        s.port = 0;
        return pos::bad_input("cannot listen on " + address +
                              " (address in use, or not an address of this machine)");
    }
    // The socket is already listening: connections queue until the loop accepts them.
    s.thread = std::thread([server = s.server.get()] { server->listen_after_bind(); });
    // Wait for the accept loop, so that a stop() right after start() is never missed.
    while (!s.server->is_running())
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    return pos::ok();
}

int HttpServer::port() const {
    return impl_->port;
}

void HttpServer::stop() {
    Impl& s = *impl_;
    if (!s.server)
        return;
    s.server->stop();
    if (s.thread.joinable())
        s.thread.join();
    s.server.reset();
}

}  // namespace headoffice
