// The fault-injecting proxy: plain POSIX sockets and one thread per client connection. Each
// client connection carries one exchange (the answer says "Connection: close"); every forward
// uses a fresh connection to the target, also with "Connection: close".
#include "fault_proxy.hpp"

#include <arpa/inet.h>
#include <netdb.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <cctype>
#include <chrono>
#include <cstring>
#include <deque>
#include <list>
#include <memory>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <thread>
#include <utility>

namespace testing_support {

namespace {

struct Planned {
    Fault fault = Fault::pass;
    std::int64_t delay_ms = 0;
    std::string path_prefix;  // empty: any exchange
};

// One HTTP message as read from a socket: its head (start line and headers) and body.
struct Message {
    std::string head;  // without the blank line
    std::string body;
};

class Socket {
  public:
    explicit Socket(int fd = -1) : fd_(fd) {}
    ~Socket() { close(); }
    Socket(Socket&& other) noexcept : fd_(other.fd_) { other.fd_ = -1; }
    Socket& operator=(Socket&& other) noexcept {
        if (this != &other) {
            close();
            fd_ = std::exchange(other.fd_, -1);
        }
        return *this;
    }
    Socket(const Socket&) = delete;
    Socket& operator=(const Socket&) = delete;
    int fd() const { return fd_; }
    void close() {
        if (fd_ >= 0)
            ::close(fd_);
        fd_ = -1;
    }
    // Closing with SO_LINGER 0 sends RST: the peer sees "connection reset".
    void reset() {
        if (fd_ < 0)
            return;
        linger hard{1, 0};
        ::setsockopt(fd_, SOL_SOCKET, SO_LINGER, &hard, sizeof hard);
        close();
    }

  private:
    int fd_;
};

std::string lower(std::string text) {
    for (char& c : text)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return text;
}

// The value of a header in a message head, or nullopt.
std::optional<std::string> header(const std::string& head, const std::string& name) {
    const std::string wanted = "\r\n" + lower(name) + ":";
    const std::string low = lower(head);
    const auto at = low.find(wanted);
    if (at == std::string::npos)
        return std::nullopt;
    auto start = at + wanted.size();
    const auto end = head.find("\r\n", start);
    while (start < head.size() && head[start] == ' ')
        ++start;
    return head.substr(start, end == std::string::npos ? std::string::npos : end - start);
}

// The head with any Connection header replaced by "Connection: close".
std::string closing(const std::string& head) {
    std::string out;
    std::size_t at = 0;
    while (at < head.size()) {
        auto end = head.find("\r\n", at);
        if (end == std::string::npos)
            end = head.size();
        const std::string line = head.substr(at, end - at);
        if (lower(line).rfind("connection:", 0) != 0)
            out += (out.empty() ? "" : "\r\n") + line;
        at = end + 2;
    }
    return out + "\r\nConnection: close";
}

std::string path_of(const std::string& head) {
    const auto first = head.find(' ');
    const auto second = head.find(' ', first + 1);
    if (first == std::string::npos)
        return "";
    return head.substr(first + 1,
                       second == std::string::npos ? std::string::npos : second - first - 1);
}

}  // namespace

struct FaultProxy::Impl {
    std::string target_host;
    int target_port = 0;
    Socket listener;
    int port = 0;
    std::atomic<bool> stopping{false};
    std::atomic<std::int64_t> exchanges{0};
    std::mutex mutex;
    std::deque<Planned> planned;
    struct Worker {
        std::thread thread;
        std::shared_ptr<std::atomic<bool>> done;
    };
    std::list<Worker> workers;
    std::thread acceptor;

    // Waits until fd is readable (or writable); false when the proxy is stopping or it timed out.
    bool wait(int fd, short events, std::int64_t timeout_ms = 30'000) const {
        const auto deadline =
            std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
        while (!stopping && std::chrono::steady_clock::now() < deadline) {
            pollfd entry{fd, events, 0};
            const int ready = ::poll(&entry, 1, 100);
            if (ready > 0)
                return true;
            if (ready < 0 && errno != EINTR)
                return false;
        }
        return false;
    }

    bool send_all(int fd, const std::string& data) const {
        std::size_t sent = 0;
        while (sent < data.size()) {
            if (!wait(fd, POLLOUT))
                return false;
            const auto wrote = ::send(fd, data.data() + sent, data.size() - sent, MSG_NOSIGNAL);
            if (wrote <= 0)
                return false;
            sent += static_cast<std::size_t>(wrote);
        }
        return true;
    }

    // Reads one message: the head, then Content-Length bytes of body, or (for an answer
    // without one) everything until the peer closes. nullopt when the peer closed first.
    std::optional<Message> read_message(int fd, bool until_close_without_length) const {
        std::string data;
        std::size_t head_end = std::string::npos;
        char buffer[16384];
        while (true) {
            if (head_end == std::string::npos) {
                head_end = data.find("\r\n\r\n");
                if (head_end != std::string::npos) {
                    const auto length = header(data.substr(0, head_end), "Content-Length");
                    if (!length && !until_close_without_length)
                        break;
                    if (length && data.size() >= head_end + 4 + std::stoull(*length))
                        break;
                }
            } else if (const auto length = header(data.substr(0, head_end), "Content-Length")) {
                if (data.size() >= head_end + 4 + std::stoull(*length))
                    break;
            }
            if (!wait(fd, POLLIN))
                return std::nullopt;
            const auto got = ::recv(fd, buffer, sizeof buffer, 0);
            if (got < 0)
                return std::nullopt;
            if (got == 0) {
                if (head_end == std::string::npos)
                    return std::nullopt;
                break;  // closed by the peer: the body is what came
            }
            data.append(buffer, static_cast<std::size_t>(got));
        }
        Message message;
        message.head = data.substr(0, head_end);
        message.body = data.substr(head_end + 4);
        if (const auto length = header(message.head, "Content-Length")) {
            message.body.resize(std::stoull(*length));
        }
        return message;
    }

    Socket connect_target() const {
        addrinfo hints{};
        hints.ai_family = AF_UNSPEC;
        hints.ai_socktype = SOCK_STREAM;
        addrinfo* found = nullptr;
        const std::string port_text = std::to_string(target_port);
        if (::getaddrinfo(target_host.c_str(), port_text.c_str(), &hints, &found) != 0) {
            return Socket();
        }
        for (addrinfo* at = found; at != nullptr; at = at->ai_next) {
            Socket socket(::socket(at->ai_family, at->ai_socktype, at->ai_protocol));
            if (socket.fd() >= 0 && ::connect(socket.fd(), at->ai_addr, at->ai_addrlen) == 0) {
                ::freeaddrinfo(found);
                return socket;
            }
        }
        ::freeaddrinfo(found);
        return Socket();
    }

    // Sends the request to the target on a fresh connection; the whole answer, or nullopt.
    std::optional<Message> forward(const Message& request) const {
        Socket target = connect_target();
        if (target.fd() < 0)
            return std::nullopt;
        if (!send_all(target.fd(), closing(request.head) + "\r\n\r\n" + request.body)) {
            return std::nullopt;
        }
        return read_message(target.fd(), true);
    }

    Planned next_fault(const std::string& path) {
        std::lock_guard lock(mutex);
        for (auto at = planned.begin(); at != planned.end(); ++at) {
            if (!at->path_prefix.empty() && path.rfind(at->path_prefix, 0) == 0) {
                Planned chosen = *at;
                planned.erase(at);
                return chosen;
            }
        }
        for (auto at = planned.begin(); at != planned.end(); ++at) {
            if (at->path_prefix.empty()) {
                Planned chosen = *at;
                planned.erase(at);
                return chosen;
            }
        }
        return {};
    }

    void sleep_for(std::int64_t ms) const {
        const auto until = std::chrono::steady_clock::now() + std::chrono::milliseconds(ms);
        while (!stopping && std::chrono::steady_clock::now() < until) {
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        }
    }

    void serve(Socket client) {
        auto request = read_message(client.fd(), false);
        if (!request)
            return;
        ++exchanges;
        const Planned plan = next_fault(path_of(request->head));
        std::optional<Message> answer;
        switch (plan.fault) {
            case Fault::reset_before_forwarding:
                client.reset();
                return;
            case Fault::answer_500: {
                const std::string body = R"({"error":"injected fault: head office unavailable"})";
                answer = Message{
                    "HTTP/1.1 500 Internal Server Error\r\nContent-Type: "
                    "application/json\r\nContent-Length: " +
                        std::to_string(body.size()),
                    body};
                break;
            }
            case Fault::drop_answer:
                forward(*request);
                client.reset();
                return;
            case Fault::deliver_twice:
                forward(*request);
                answer = forward(*request);
                break;
            case Fault::delay_answer:
                answer = forward(*request);
                sleep_for(plan.delay_ms);
                break;
            case Fault::pass:
                answer = forward(*request);
                break;
        }
        if (!answer) {
            client.reset();  // the target could not be reached or did not answer
            return;
        }
        send_all(client.fd(), closing(answer->head) + "\r\n\r\n" + answer->body);
        ::shutdown(client.fd(), SHUT_WR);
    }

    void reap_finished() {
        for (auto at = workers.begin(); at != workers.end();) {
            if (*at->done) {
                at->thread.join();
                at = workers.erase(at);
            } else {
                ++at;
            }
        }
    }

    void accept_loop() {
        while (!stopping) {
            if (!wait(listener.fd(), POLLIN, 1'000))
                continue;
            Socket client(::accept(listener.fd(), nullptr, nullptr));
            if (client.fd() < 0)
                continue;
            std::lock_guard lock(mutex);
            reap_finished();
            auto done = std::make_shared<std::atomic<bool>>(false);
            std::thread thread([this, done, socket = std::move(client)]() mutable {
                try {
                    serve(std::move(socket));
                } catch (const std::exception&) {
                    // a malformed message: the connection just closes
                }
                *done = true;
            });
            workers.push_back({std::move(thread), std::move(done)});
        }
    }
};

FaultProxy::FaultProxy(std::string target_host, int target_port) : impl_(std::make_unique<Impl>()) {
    impl_->target_host = std::move(target_host);
    impl_->target_port = target_port;
    Socket listener(::socket(AF_INET, SOCK_STREAM, 0));
    const int yes = 1;
    ::setsockopt(listener.fd(), SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = 0;
    auto* generic = reinterpret_cast<sockaddr*>(&address);
    socklen_t size = sizeof address;
    if (listener.fd() < 0 || ::bind(listener.fd(), generic, sizeof address) != 0 ||
        ::listen(listener.fd(), 64) != 0 || ::getsockname(listener.fd(), generic, &size) != 0) {
        throw std::runtime_error(std::string("fault proxy cannot listen on 127.0.0.1: ") +
                                 std::strerror(errno));
    }
    impl_->port = ntohs(address.sin_port);
    impl_->listener = std::move(listener);
    impl_->acceptor = std::thread([impl = impl_.get()] { impl->accept_loop(); });
}

FaultProxy::~FaultProxy() {
    impl_->stopping = true;
    impl_->acceptor.join();
    std::list<Impl::Worker> workers;
    {
        std::lock_guard lock(impl_->mutex);
        workers.swap(impl_->workers);
    }
    for (auto& worker : workers)
        worker.thread.join();
}

int FaultProxy::port() const {
    return impl_->port;
}

std::string FaultProxy::url() const {
    return "http://127.0.0.1:" + std::to_string(impl_->port);
}

void FaultProxy::inject(Fault fault, std::int64_t delay_ms) {
    std::lock_guard lock(impl_->mutex);
    impl_->planned.push_back({fault, delay_ms, ""});
}

void FaultProxy::inject_for_path(const std::string& path_prefix, Fault fault,
                                 std::int64_t delay_ms) {
    std::lock_guard lock(impl_->mutex);
    impl_->planned.push_back({fault, delay_ms, path_prefix});
}

std::int64_t FaultProxy::exchanges() const {
    return impl_->exchanges;
}

}  // namespace testing_support
