#include "bench/measure.hpp"

#include <fcntl.h>
#include <sys/ptrace.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstring>
#include <ctime>
#include <fstream>
#include <iostream>
#include <limits>
#include <optional>
#include <stdexcept>

#include "pos/sale.hpp"
#include "ui/device_hub.hpp"
#include "ui/terminal.hpp"

namespace bench {

namespace {

using Clock = std::chrono::steady_clock;

double ms_between(Clock::time_point from, Clock::time_point to) {
    return std::chrono::duration<double, std::milli>(to - from).count();
}

double thread_cpu_ms() {
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return static_cast<double>(now.tv_sec) * 1e3 + static_cast<double>(now.tv_nsec) / 1e6;
}

// A fixed-seed splitmix64 generator: the same samples on every run.
class Draw {
  public:
    explicit Draw(std::uint64_t seed) : state_(seed) {}
    std::size_t below(std::size_t bound) {
        state_ += 0x9E3779B97F4A7C15ULL;
        std::uint64_t z = state_;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return static_cast<std::size_t>((z ^ (z >> 31)) % bound);
    }

  private:
    std::uint64_t state_;
};

// Times each complete_sale the session makes, and nothing else.
class TimedSaleStore final : public pos::SaleStore {
  public:
    explicit TimedSaleStore(pos::SaleStore& inner) : inner_(inner) {}

    pos::Result<pos::CompletedSale> complete_sale(const pos::Ticket& ticket,
                                                  std::int64_t completed_at_ms) override {
        const double cpu_start = thread_cpu_ms();
        const auto start = Clock::now();
        auto completed = inner_.complete_sale(ticket, completed_at_ms);
        last_ms = ms_between(start, Clock::now());
        last_cpu_ms = thread_cpu_ms() - cpu_start;
        return completed;
    }

    double last_ms = 0;
    double last_cpu_ms = 0;

  private:
    pos::SaleStore& inner_;
};

// What a SaleSession needs, wired to the store as the terminal wires it.
struct Services {
    explicit Services(db::Store& s) : store(s), ids(clock), timed_sales(s.sales()) {}

    pos::SaleServices sale_services() {
        return {store.catalogue(),
                timed_sales,
                clock,
                ids,
                store.promotions(),
                store.events(),
                store.suspended(),
                store.stored_value(),
                store.users(),
                store.archive()};
    }
    pos::User clerk() {
        auto user = store.users().find_by_code("1001");
        if (!user)
            throw std::runtime_error("the bench store has no clerk 1001");
        return *user;
    }

    db::Store& store;
    db::SystemClock clock;
    db::RandomIds ids;
    TimedSaleStore timed_sales;
};

void require(const pos::Status& status, const std::string& what) {
    if (!status)
        throw std::runtime_error(what + ": " + status.error().message);
}

template <typename T>
T required(pos::Result<T> result, const std::string& what) {
    if (!result)
        throw std::runtime_error(what + ": " + result.error().message);
    return std::move(result).value();
}

// 29 lines: every third a product on a quantity break (three of it, so the deal applies), every
// third one of a mix-and-match group, the rest random products.
std::vector<std::pair<std::string, std::string>> basket(
    const CatalogueGenerator& catalogue, const std::vector<PlannedPromotion>& promotions,
    Draw& draw) {
    std::vector<std::size_t> breaks;
    std::vector<std::size_t> groups;
    for (const PlannedPromotion& p : promotions) {
        if (p.promotion.ends_at_ms < std::numeric_limits<std::int64_t>::max())
            continue;
        if (p.promotion.kind == pos::PromotionKind::quantity_break)
            breaks.push_back(p.products.front());
        if (p.promotion.kind == pos::PromotionKind::mix_and_match)
            groups.insert(groups.end(), p.products.begin(), p.products.end());
    }
    std::vector<std::pair<std::string, std::string>> lines;
    for (std::size_t k = 0; k + 1 < ticket_lines; ++k) {
        if (k % 3 == 0 && !breaks.empty())
            lines.emplace_back(catalogue.code(breaks[draw.below(breaks.size())]), "3");
        else if (k % 3 == 1 && !groups.empty())
            lines.emplace_back(catalogue.code(groups[draw.below(groups.size())]), "1");
        else
            lines.emplace_back(catalogue.code(draw.below(catalogue.size())), "1");
    }
    return lines;
}

// VmHWM of a process: the peak resident set of the program it runs now (not of its parent,
// which a vfork+exec child's rusage would report).
long peak_rss_kib(pid_t pid) {
    std::ifstream status("/proc/" + std::to_string(pid) + "/status");
    std::string line;
    while (std::getline(status, line)) {
        if (line.rfind("VmHWM:", 0) == 0)
            return std::strtol(line.c_str() + 6, nullptr, 10);
    }
    return 0;
}

std::int64_t wall_ms() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

}  // namespace

ScanSamples measure_scan_to_line(db::Store& store, const CatalogueGenerator& catalogue,
                                 const std::vector<PlannedPromotion>& promotions,
                                 std::size_t samples) {
    constexpr std::size_t warm_up = 50;
    constexpr std::size_t new_basket_every = 250;
    Services services(store);
    const pos::User clerk = services.clerk();
    const pos::StoreSettings settings = store.settings();
    Draw draw(1);
    std::optional<pos::SaleSession> base;
    ScanSamples result;
    for (std::size_t s = 0; s < warm_up + samples; ++s) {
        if (s % new_basket_every == 0) {
            base.emplace(services.sale_services(), settings, clerk);
            for (const auto& [code, quantity] : basket(catalogue, promotions, draw))
                required(base->add_item(code, quantity), "scanning " + code);
            for (const pos::TicketLine& line : base->ticket().lines())
                result.promoted_lines += line.promotion_saving.is_zero() ? 0 : 1;
            ++result.baskets;
        }
        const bool timed = s >= warm_up;
        {
            pos::SaleSession session = *base;
            const std::string code = catalogue.code(draw.below(catalogue.size()));
            const double cpu_start = thread_cpu_ms();
            const auto start = Clock::now();
            auto added = session.add_item(code);
            const auto end = Clock::now();
            const double cpu_end = thread_cpu_ms();
            const std::size_t line = required(std::move(added), "scanning " + code);
            if (line + 1 != ticket_lines) {
                throw std::runtime_error("the scanned item went to line " +
                                         std::to_string(line + 1));
            }
            if (timed) {
                result.add_item.push_back(ms_between(start, end));
                result.add_item_cpu.push_back(cpu_end - cpu_start);
            }
        }
        {
            pos::SaleSession session = *base;
            const std::string code = catalogue.code(draw.below(catalogue.size()));
            const auto start = Clock::now();
            const auto product = store.catalogue().find_by_code(code, services.clock.now_ms());
            const auto looked_up = Clock::now();
            if (!product)
                throw std::runtime_error("no product has the code " + code);
            required(session.add_product(*product), "adding " + code);
            const auto end = Clock::now();
            if (timed) {
                result.lookup.push_back(ms_between(start, looked_up));
                result.add_product.push_back(ms_between(looked_up, end));
            }
        }
    }
    return result;
}

SearchSamples measure_search_as_you_type(const CatalogueGenerator& catalogue, std::size_t samples,
                                         const SearchCall& search, std::uint64_t seed) {
    constexpr std::size_t warm_up = 20;
    constexpr std::size_t most_typed = 20;
    Draw draw(seed);
    SearchSamples result;
    std::size_t done = 0;
    while (done < warm_up + samples) {
        const std::string name = catalogue.name(draw.below(catalogue.size()));
        std::size_t typed = 0;  // characters, not bytes: "Rosé" is four keystrokes
        for (std::size_t end = 1; end <= name.size() && typed < most_typed; ++end) {
            if (end < name.size() && (static_cast<unsigned char>(name[end]) & 0xC0) == 0x80)
                continue;  // inside a multi-byte character
            if (done == warm_up + samples)
                break;
            ++typed;
            const std::string_view text(name.data(), end);
            const std::int64_t at = wall_ms();
            const auto start = Clock::now();
            const std::size_t found = search(text, at);
            const double took = ms_between(start, Clock::now());
            if (found == 0) {
                throw std::runtime_error("searching \"" + std::string(text) +
                                         "\" found nothing, though \"" + name + "\" exists");
            }
            if (done++ < warm_up)
                continue;
            result.all.push_back(took);
            (typed <= 2 ? result.short_prefix : result.longer_prefix).push_back(took);
        }
    }
    return result;
}

std::vector<double> measure_lookup_product(db::Store& store, const CatalogueGenerator& catalogue,
                                           std::size_t samples) {
    constexpr std::size_t warm_up = 20;
    Draw draw(3);
    std::vector<double> result;
    for (std::size_t i = 0; i < warm_up + samples; ++i) {
        const std::string code = catalogue.code(draw.below(catalogue.size()));
        const auto start = Clock::now();
        const auto product = store.lookup().find(code, wall_ms());
        [[maybe_unused]] const auto stock = store.sync().stock_of(code);  // may be empty
        const double took = ms_between(start, Clock::now());
        if (!product)
            throw std::runtime_error("the lookup found no product with the code " + code);
        if (i >= warm_up)
            result.push_back(took);
    }
    return result;
}

DurableSamples measure_durable_sales(db::Store& store, const CatalogueGenerator& catalogue,
                                     const std::filesystem::path& folder, std::size_t samples) {
    constexpr std::size_t warm_up = 3;
    constexpr std::size_t block = 4096;
    Services services(store);
    const pos::User clerk = services.clerk();
    const pos::StoreSettings settings = store.settings();
    Draw draw(3);

    // Two probe files: one that grows by 4 KiB per sample (write + fsync, as the brief puts
    // it), and one whose first 4 KiB are rewritten in place (pwrite + fdatasync: no size or
    // metadata change, like SQLite's WAL once it has reached its working size).
    const std::filesystem::path append_file = folder / "fsync-probe-append.bin";
    const std::filesystem::path overwrite_file = folder / "fsync-probe-overwrite.bin";
    const int append_fd =
        ::open(append_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    const int overwrite_fd =
        ::open(overwrite_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    std::array<char, block> bytes{};
    bytes.fill('x');
    const auto fail = [&](const std::string& what) {
        const std::string why = std::strerror(errno);
        ::close(append_fd);
        ::close(overwrite_fd);
        throw std::runtime_error(what + ": " + why);
    };
    if (append_fd < 0 || overwrite_fd < 0)
        fail("cannot create the fsync probes in " + folder.string());
    if (::pwrite(overwrite_fd, bytes.data(), bytes.size(), 0) != static_cast<ssize_t>(block) ||
        ::fsync(overwrite_fd) != 0)
        fail("cannot write " + overwrite_file.string());

    DurableSamples result;
    for (std::size_t s = 0; s < warm_up + samples; ++s) {
        const auto open_start = Clock::now();
        pos::SaleSession session(services.sale_services(), settings, clerk);
        const double open_ms = ms_between(open_start, Clock::now());
        for (std::size_t k = 0; k < ticket_lines; ++k) {
            const std::string code = catalogue.code(draw.below(catalogue.size()));
            required(session.add_item(code), "scanning " + code);
        }
        const auto tender_start = Clock::now();
        require(session.begin_tender(), "starting the tender");
        const double tender_ms = ms_between(tender_start, Clock::now());
        if (s >= warm_up) {
            result.new_ticket.push_back(open_ms);
            result.begin_tender.push_back(tender_ms);
        }
        const auto paid = required(session.tender_cash(pos::format_amount(session.cash_due())),
                                   "taking exact cash");
        if (!paid.completed)
            throw std::runtime_error("exact cash did not complete the sale");

        const auto append_start = Clock::now();
        if (::write(append_fd, bytes.data(), bytes.size()) != static_cast<ssize_t>(block) ||
            ::fsync(append_fd) != 0)
            fail("cannot write and fsync " + append_file.string());
        const auto overwrite_start = Clock::now();
        if (::pwrite(overwrite_fd, bytes.data(), bytes.size(), 0) != static_cast<ssize_t>(block) ||
            ::fdatasync(overwrite_fd) != 0)
            fail("cannot write and fdatasync " + overwrite_file.string());
        const auto end = Clock::now();
        if (s >= warm_up) {
            result.complete_sale.push_back(services.timed_sales.last_ms);
            result.complete_sale_cpu.push_back(services.timed_sales.last_cpu_ms);
            result.fsync.push_back(ms_between(append_start, overwrite_start));
            result.fdatasync_in_place.push_back(ms_between(overwrite_start, end));
        }
    }
    ::close(append_fd);
    ::close(overwrite_fd);
    std::filesystem::remove(append_file);
    std::filesystem::remove(overwrite_file);
    return result;
}

ProcessRun run_measured(const std::vector<std::string>& argv,
                        const std::filesystem::path& output_file) {
    const int out = ::open(output_file.c_str(), O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (out < 0) {
        throw std::runtime_error("cannot create " + output_file.string() + ": " +
                                 std::strerror(errno));
    }
    std::vector<char*> args;
    for (const std::string& arg : argv)
        args.push_back(const_cast<char*>(arg.c_str()));
    args.push_back(nullptr);

    ProcessRun run;
    const auto start = Clock::now();
    const pid_t pid = fork();
    if (pid < 0) {
        ::close(out);
        throw std::runtime_error(std::string("fork: ") + std::strerror(errno));
    }
    if (pid == 0) {
        // The child: stdin from /dev/null, stdout and stderr to the file; stop at exec and at
        // exit for the parent, which reads the peak RSS of the new program at its exit.
        const int null = ::open("/dev/null", O_RDONLY);
        if (null < 0 || dup2(null, 0) < 0 || dup2(out, 1) < 0 || dup2(out, 2) < 0)
            _exit(126);
        ptrace(PTRACE_TRACEME, 0, nullptr, nullptr);
        execv(args[0], args.data());
        _exit(127);
    }
    int status = 0;
    struct rusage usage {};
    for (;;) {
        if (wait4(pid, &status, 0, &usage) < 0) {
            if (errno == EINTR)
                continue;
            break;
        }
        if (WIFEXITED(status) || WIFSIGNALED(status))
            break;
        if (!WIFSTOPPED(status))
            continue;
        int deliver = 0;
        if (status >> 8 == (SIGTRAP | (PTRACE_EVENT_EXIT << 8))) {
            run.peak_rss_kib = peak_rss_kib(pid);
        } else if (WSTOPSIG(status) == SIGTRAP && !run.traced) {
            run.traced = true;  // stopped after exec: now ask to stop again at exit
            ptrace(PTRACE_SETOPTIONS, pid, nullptr, PTRACE_O_TRACEEXIT | PTRACE_O_EXITKILL);
        } else {
            deliver = WSTOPSIG(status);
        }
        ptrace(PTRACE_CONT, pid, nullptr, deliver);
    }
    run.wall_ms = ms_between(start, Clock::now());
    run.rusage_max_rss_kib = usage.ru_maxrss;
    run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    std::array<char, 4096> buffer{};
    ::lseek(out, 0, SEEK_SET);
    for (ssize_t got; (got = ::read(out, buffer.data(), buffer.size())) > 0;)
        run.output.append(buffer.data(), static_cast<std::size_t>(got));
    ::close(out);
    return run;
}

int startup_probe(const std::filesystem::path& folder, Clock::time_point process_main) {
    // As ui/main.cpp: open the store, the real clock and ids, the virtual devices, the Terminal.
    auto store = db::open_store(folder / "terminal.db");
    if (!store) {
        std::cerr << "counter-bench: " << store.error().message << "\n";
        return 4;
    }
    db::SystemClock clock;
    db::RandomIds ids(clock);
    ui::DeviceHub devices(**store, clock, ids, {folder / "spool"});
    ui::Terminal terminal({**store, clock, ids, devices, 0});
    [[maybe_unused]] const ui::FrameVm frame = terminal.view();
    const double ready = ms_between(process_main, Clock::now());
    if (terminal.screen() != ui::Screen::login) {
        std::cerr << "counter-bench: the first screen is not the login screen\n";
        return 1;
    }
    std::cout << "view_ready_ms " << ready << "\n";
    return 0;
}

}  // namespace bench
