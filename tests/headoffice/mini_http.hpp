// A tiny HTTP/1.1 server and client on loopback for testing the fault proxy on its own: the
// server counts the requests it saw and answers "request N: BODY"; the client sends one request
// per connection and reads until the server closes.
#pragma once

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <mutex>
#include <stdexcept>
#include <string>
#include <thread>

namespace testing_support {

inline int listen_on_loopback(int& port) {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    auto* generic = reinterpret_cast<sockaddr*>(&address);
    socklen_t size = sizeof address;
    if (fd < 0 || ::bind(fd, generic, sizeof address) != 0 || ::listen(fd, 16) != 0 ||
        ::getsockname(fd, generic, &size) != 0) {
        throw std::runtime_error("cannot listen on 127.0.0.1");
    }
    port = ntohs(address.sin_port);
    return fd;
}

// Reads until the head and its Content-Length body are in, or the peer closes.
inline std::string read_request(int fd) {
    std::string data;
    char buffer[4096];
    while (true) {
        const auto head_end = data.find("\r\n\r\n");
        if (head_end != std::string::npos) {
            const auto at = data.find("Content-Length: ");
            const std::size_t length =
                at == std::string::npos || at > head_end ? 0 : std::stoul(data.substr(at + 16));
            if (data.size() >= head_end + 4 + length)
                return data;
        }
        const auto got = ::recv(fd, buffer, sizeof buffer, 0);
        if (got <= 0)
            return data;
        data.append(buffer, static_cast<std::size_t>(got));
    }
}

class MiniHttpServer {
  public:
    MiniHttpServer() : listener_(listen_on_loopback(port_)) {
        thread_ = std::thread([this] { serve(); });
    }
    ~MiniHttpServer() {
        stopping_ = true;
        thread_.join();
        ::close(listener_);
    }
    MiniHttpServer(const MiniHttpServer&) = delete;
    MiniHttpServer& operator=(const MiniHttpServer&) = delete;

    int port() const { return port_; }
    int requests_seen() const { return seen_; }

  private:
    void serve() {
        while (!stopping_) {
            pollfd entry{listener_, POLLIN, 0};
            if (::poll(&entry, 1, 50) <= 0)
                continue;
            const int client = ::accept(listener_, nullptr, nullptr);
            if (client < 0)
                continue;
            const std::string request = read_request(client);
            const int number = ++seen_;
            const auto head_end = request.find("\r\n\r\n");
            const std::string body =
                "request " + std::to_string(number) + ": " +
                (head_end == std::string::npos ? "" : request.substr(head_end + 4));
            const std::string answer =
                "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n"
                "Content-Length: " +
                std::to_string(body.size()) + "\r\n\r\n" + body;
            ::send(client, answer.data(), answer.size(), MSG_NOSIGNAL);
            ::close(client);
        }
    }

    int port_ = 0;
    int listener_;
    std::atomic<bool> stopping_{false};
    std::atomic<int> seen_{0};
    std::thread thread_;
};

struct MiniReply {
    int status = 0;  // 0: no answer (reset or closed without one)
    std::string body;
};

inline MiniReply mini_request(int port, const std::string& method, const std::string& path,
                              const std::string& body) {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = htons(static_cast<std::uint16_t>(port));
    MiniReply reply;
    if (::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
        ::close(fd);
        return reply;
    }
    const std::string request = method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" +
                                "Content-Length: " + std::to_string(body.size()) +
                                "\r\nConnection: close\r\n\r\n" + body;
    ::send(fd, request.data(), request.size(), MSG_NOSIGNAL);
    std::string data;
    char buffer[4096];
    while (true) {
        const auto got = ::recv(fd, buffer, sizeof buffer, 0);
        if (got < 0)
            data.clear();  // reset: whatever came is not an answer
        if (got <= 0)
            break;
        data.append(buffer, static_cast<std::size_t>(got));
    }
    ::close(fd);
    const auto head_end = data.find("\r\n\r\n");
    if (data.rfind("HTTP/1.1 ", 0) != 0 || head_end == std::string::npos)
        return reply;
    reply.status = std::stoi(data.substr(9, 3));
    reply.body = data.substr(head_end + 4);
    return reply;
}

}  // namespace testing_support
