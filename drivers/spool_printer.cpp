#include "drivers/spool_printer.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <system_error>

namespace drivers {

namespace {

bool safe_name(std::string_view name) {
    if (name.empty() || name.size() > 100)
        return false;
    for (char c : name) {
        const bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
                        (c >= '0' && c <= '9') || c == '-' || c == '_';
        if (!ok)
            return false;
    }
    return true;
}

bool write_all(int fd, std::string_view text) {
    while (!text.empty()) {
        const ssize_t n = ::write(fd, text.data(), text.size());
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return false;
        }
        text.remove_prefix(static_cast<std::size_t>(n));
    }
    return true;
}

}  // namespace

PrintOutcome SpoolPrinter::print_text(std::string_view name, std::string_view text) {
    if (!safe_name(name)) {
        return {false, {}, "spool printer: '" + std::string(name) + "' is not a usable file name"};
    }
    std::error_code ec;
    std::filesystem::create_directories(folder_, ec);
    if (ec) {
        return {
            false, {}, "spool printer: cannot create " + folder_.string() + ": " + ec.message()};
    }
    const auto target = folder_ / (std::string(name) + ".txt");
    const auto temp = folder_ / ("." + std::string(name) + ".txt.tmp");
    const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) {
        return {false,
                {},
                "spool printer: cannot write " + temp.string() + ": " + std::strerror(errno)};
    }
    const bool written = write_all(fd, text) && ::fsync(fd) == 0;
    const std::string why = written ? "" : std::strerror(errno);
    ::close(fd);
    if (!written) {
        std::filesystem::remove(temp, ec);
        return {false, {}, "spool printer: writing " + target.string() + " failed: " + why};
    }
    std::filesystem::rename(temp, target, ec);
    if (ec) {
        return {false,
                {},
                "spool printer: cannot rename into " + target.string() + ": " + ec.message()};
    }
    return {true, target, {}};
}

}  // namespace drivers
