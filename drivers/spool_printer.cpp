#include "drivers/spool_printer.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <set>
#include <system_error>

namespace drivers {

namespace fs = std::filesystem;

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

// ".txt", ".escpos": a dot and a few letters or digits, so a job cannot name a path.
bool safe_extension(std::string_view extension) {
    return extension.size() >= 2 && extension.size() <= 16 && extension[0] == '.' &&
           safe_name(extension.substr(1));
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

PrintOutcome failed(std::string message) {
    return {false, {}, "spool printer: " + std::move(message), {}};
}

// The folder exists (or is made); an empty string, or why not.
std::string ensure_folder(const fs::path& folder) {
    std::error_code ec;
    fs::create_directories(folder, ec);
    if (ec)
        return "cannot create " + folder.string() + ": " + ec.message();
    return {};
}

// `bytes` in `temp`, fsynced; an empty string, or why not (and no temporary left behind).
std::string write_temp(const fs::path& temp, std::string_view bytes) {
    const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0)
        return "cannot write " + temp.string() + ": " + std::strerror(errno);
    const bool written = write_all(fd, bytes) && ::fsync(fd) == 0;
    const std::string why = written ? "" : std::strerror(errno);
    ::close(fd);
    if (written)
        return {};
    std::error_code ec;
    fs::remove(temp, ec);
    return "writing " + temp.string() + " failed: " + why;
}

std::string_view as_text(const std::vector<std::uint8_t>& bytes) {
    return {reinterpret_cast<const char*>(bytes.data()), bytes.size()};
}

// The folder's entry again so that the renames themselves survive a power cut.
void sync_folder(const fs::path& folder) {
    const int fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        ::fsync(fd);
        ::close(fd);
    }
}

}  // namespace

PrintOutcome SpoolPrinter::print_text(std::string_view name, std::string_view text) {
    if (!safe_name(name))
        return failed("'" + std::string(name) + "' is not a usable file name");
    if (auto why = ensure_folder(folder_); !why.empty())
        return failed(why);
    const auto target = folder_ / (std::string(name) + ".txt");
    const auto temp = folder_ / ("." + std::string(name) + ".txt.tmp");
    if (auto why = write_temp(temp, text); !why.empty())
        return failed(why);
    std::error_code ec;
    fs::rename(temp, target, ec);
    if (ec)
        return failed("cannot rename into " + target.string() + ": " + ec.message());
    return {true, target, {}, {target}};
}

PrintOutcome SpoolPrinter::print_job(std::string_view name, const std::vector<SpoolFile>& files) {
    if (!safe_name(name))
        return failed("'" + std::string(name) + "' is not a usable file name");
    if (files.empty())
        return failed("the job " + std::string(name) + " has no files");
    for (const auto& file : files) {
        if (!safe_extension(file.extension))
            return failed("'" + file.extension + "' is not a usable file extension");
    }
    if (auto why = ensure_folder(folder_); !why.empty())
        return failed(why);

    std::vector<fs::path> targets;
    std::vector<fs::path> temps;
    std::error_code ec;
    for (const auto& file : files) {
        targets.push_back(folder_ / (std::string(name) + file.extension));
        if (fs::exists(targets.back(), ec))
            return failed(targets.back().string() + " is already printed; it is never replaced");
    }
    const auto remove_temps = [&] {
        for (const auto& temp : temps)
            fs::remove(temp, ec);
    };
    for (std::size_t i = 0; i < files.size(); ++i) {
        temps.push_back(folder_ / ("." + std::string(name) + files[i].extension + ".tmp"));
        if (auto why = write_temp(temps.back(), as_text(files[i].bytes)); !why.empty()) {
            temps.pop_back();
            remove_temps();
            return failed(why);
        }
    }
    // link() fails rather than replace a file that appeared meanwhile.
    for (std::size_t i = 0; i < files.size(); ++i) {
        if (::link(temps[i].c_str(), targets[i].c_str()) != 0) {
            const std::string why = std::strerror(errno);
            for (std::size_t j = 0; j < i; ++j)
                fs::remove(targets[j], ec);
            remove_temps();
            return failed("cannot move " + targets[i].string() + " into place: " + why);
        }
    }
    remove_temps();
    sync_folder(folder_);
    return {true, targets.front(), {}, targets};
}

std::string SpoolPrinter::unused_name(std::string_view stem) const {
    std::set<std::string> jobs;  // file names up to their first dot
    std::error_code ec;
    for (fs::directory_iterator it(folder_, ec), end; !ec && it != end; it.increment(ec)) {
        const std::string file = it->path().filename().string();
        jobs.insert(file.substr(0, file.find('.')));
    }
    for (int n = 1;; ++n) {
        std::string name = std::string(stem) + std::to_string(n);
        if (jobs.count(name) == 0)
            return name;
    }
}

}  // namespace drivers
