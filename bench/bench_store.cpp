#include "bench/bench_store.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <fstream>
#include <map>
#include <ostream>
#include <stdexcept>
#include <system_error>

#include "bench/report.hpp"
#include "db/demo_store.hpp"

namespace bench {

namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

double thread_cpu_seconds() {
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) / 1e9;
}

std::uint64_t mix(std::uint64_t x) {
    x += 0x9E3779B97F4A7C15ULL;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
    return x ^ (x >> 31);
}

constexpr std::uint64_t promotion_seed = 77'001;
constexpr std::size_t mix_and_match_group = 30;
constexpr std::size_t buy_x_set = 10;
constexpr std::size_t get_y_set = 5;
constexpr std::size_t department_promotions = 3;
constexpr std::int64_t expired_at_ms = 1'000'000'000'000;  // 2001
constexpr const char* figures_file = "generation.txt";

std::int64_t shelf_price(std::int64_t minor) {
    if (minor < 1000)
        return std::max<std::int64_t>(29, (minor + 5) / 10 * 10 - 1);
    return (minor + 25) / 50 * 50 - 1;
}

std::string utc_now_text() {
    const std::time_t now = std::time(nullptr);
    std::tm utc{};
    gmtime_r(&now, &utc);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%d %H:%M UTC", &utc);
    return text;
}

void require(const pos::Status& status, const std::string& what) {
    if (!status)
        throw std::runtime_error(what + ": " + status.error().message);
}

std::int64_t now_ms() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

void write_figures(const std::filesystem::path& file, const GenerationFigures& f) {
    std::ofstream out(file);
    out << "products " << f.products << "\n"
        << "promotions " << f.promotions << "\n"
        << "batch_size " << f.batch_size << "\n"
        << "batches " << f.batches << "\n"
        << "setup_seconds " << f.setup_seconds << "\n"
        << "rows_seconds " << f.rows_seconds << "\n"
        << "add_products_seconds " << f.add_products_seconds << "\n"
        << "add_products_cpu_seconds " << f.add_products_cpu_seconds << "\n"
        << "promotions_seconds " << f.promotions_seconds << "\n"
        << "total_seconds " << f.total_seconds << "\n"
        << "file_bytes " << f.file_bytes << "\n"
        << "created_at " << f.created_at << "\n";
    if (!out)
        throw std::runtime_error("cannot write " + file.string());
}

GenerationFigures read_figures(const std::filesystem::path& file) {
    std::ifstream in(file);
    std::map<std::string, std::string> values;
    std::string key;
    std::string value;
    while (in >> key && std::getline(in >> std::ws, value))
        values[key] = value;
    const auto number = [&](const char* name) {
        const auto found = values.find(name);
        return found == values.end() ? 0.0 : std::stod(found->second);
    };
    GenerationFigures f;
    f.products = static_cast<std::size_t>(number("products"));
    f.promotions = static_cast<std::size_t>(number("promotions"));
    f.batch_size = static_cast<std::size_t>(number("batch_size"));
    f.batches = static_cast<std::size_t>(number("batches"));
    f.setup_seconds = number("setup_seconds");
    f.rows_seconds = number("rows_seconds");
    f.add_products_seconds = number("add_products_seconds");
    f.add_products_cpu_seconds = number("add_products_cpu_seconds");
    f.promotions_seconds = number("promotions_seconds");
    f.total_seconds = number("total_seconds");
    f.file_bytes = static_cast<std::uintmax_t>(number("file_bytes"));
    f.created_at = values.contains("created_at") ? values["created_at"] : "unknown";
    return f;
}

// True when the folder holds exactly this catalogue and these promotions, complete.
bool holds_catalogue(db::Store& store, const std::filesystem::path& folder,
                     const CatalogueGenerator& catalogue, std::size_t promotions) {
    if (store.product_count() != static_cast<std::int64_t>(catalogue.size()))
        return false;
    if (store.settings().store_name != bench_store_name)
        return false;
    const GenerationFigures figures = read_figures(folder / figures_file);
    if (figures.products != catalogue.size() || figures.promotions != promotions)
        return false;
    const std::int64_t at = now_ms();
    constexpr std::size_t probes = 16;
    for (std::size_t k = 0; k < probes; ++k) {
        const std::size_t index = (catalogue.size() - 1) * k / (probes - 1);
        const auto found = store.catalogue().find_by_code(catalogue.code(index), at);
        if (!found || found->name != catalogue.name(index))
            return false;
    }
    return true;
}

std::unique_ptr<db::Store> open_file(const std::filesystem::path& file) {
    auto opened = db::open_store(file);
    if (!opened)
        throw std::runtime_error("cannot open " + file.string() + ": " + opened.error().message);
    return std::move(opened).value();
}

GenerationFigures generate(const std::filesystem::path& folder, const CatalogueGenerator& catalogue,
                           const std::vector<PlannedPromotion>& promotions, std::size_t batch_size,
                           std::ostream& log) {
    GenerationFigures f;
    f.products = catalogue.size();
    f.promotions = promotions.size();
    f.batch_size = batch_size;
    f.created_at = utc_now_text();
    const auto started = Clock::now();
    {
        auto store = open_file(folder / "terminal.db");

        auto step = Clock::now();
        pos::StoreSettings settings = db::demo_settings();
        settings.store_name = std::string(bench_store_name);
        require(store->save_settings(settings), "saving the settings");
        for (const pos::TaxRate& rate : db::demo_tax_rates())
            require(store->add_tax_rate(rate), "adding tax rate " + rate.code);
        for (const db::NewUser& user : db::demo_users())
            require(store->add_user(user), "adding staff member " + user.code);
        f.setup_seconds = seconds_since(step);

        std::vector<db::NewProduct> batch;
        batch.reserve(batch_size);
        for (std::size_t first = 0; first < catalogue.size(); first += batch_size) {
            const std::size_t last = std::min(catalogue.size(), first + batch_size);
            step = Clock::now();
            batch.clear();
            for (std::size_t i = first; i < last; ++i)
                batch.push_back(catalogue.product(i));
            f.rows_seconds += seconds_since(step);
            step = Clock::now();
            const double cpu_before = thread_cpu_seconds();
            require(store->add_products(batch),
                    "adding products " + std::to_string(first + 1) + " to " + std::to_string(last));
            const double took = seconds_since(step);
            f.add_products_seconds += took;
            f.add_products_cpu_seconds += thread_cpu_seconds() - cpu_before;
            ++f.batches;
            log << "  products " << format_count(last) << " / " << format_count(catalogue.size())
                << " (batch of " << format_count(last - first) << " in " << took << " s)\n"
                << std::flush;
        }

        step = Clock::now();
        const std::int64_t at = now_ms();
        std::map<std::size_t, std::int64_t> ids;
        const auto id_of = [&](std::size_t index) {
            auto [found, added] = ids.emplace(index, 0);
            if (added) {
                const auto product = store->catalogue().find_by_code(catalogue.code(index), at);
                if (!product) {
                    throw std::runtime_error("product " + catalogue.code(index) +
                                             " was added but cannot be found");
                }
                found->second = product->id;
            }
            return found->second;
        };
        for (const PlannedPromotion& planned : promotions) {
            pos::Promotion promotion = planned.promotion;
            for (std::size_t index : planned.products)
                promotion.product_ids.push_back(id_of(index));
            for (std::size_t index : planned.get_products)
                promotion.get_product_ids.push_back(id_of(index));
            require(store->add_promotion(promotion), "adding promotion " + promotion.id);
        }
        f.promotions_seconds = seconds_since(step);
        log << "  promotions " << promotions.size() << " in " << f.promotions_seconds << " s\n";
    }  // closing the last connection checkpoints the WAL into the file
    f.total_seconds = seconds_since(started);
    f.file_bytes = std::filesystem::file_size(folder / "terminal.db");
    write_figures(folder / figures_file, f);
    return f;
}

}  // namespace

std::vector<PlannedPromotion> plan_promotions(const CatalogueGenerator& catalogue,
                                              std::size_t count) {
    std::vector<PlannedPromotion> plan;
    plan.reserve(count);
    std::uint64_t draw = promotion_seed;
    const auto random_product = [&] {
        return static_cast<std::size_t>(mix(++draw) % catalogue.size());
    };
    std::size_t departments = 0;
    for (std::size_t k = 0; k < count; ++k) {
        PlannedPromotion p;
        pos::Promotion& promotion = p.promotion;
        char id[32];
        std::snprintf(id, sizeof id, "bench-%06zu", k + 1);
        promotion.id = id;
        switch (k % 10) {
            case 6:
            case 7:
                promotion.kind = pos::PromotionKind::mix_and_match;
                promotion.name = "Any 3 for 2";
                promotion.priority = 5;
                promotion.buy_quantity = 3;
                promotion.pay_quantity = 2;
                for (std::size_t i = 0; i < mix_and_match_group; ++i)
                    p.products.push_back(random_product());
                break;
            case 8:
                promotion.kind = pos::PromotionKind::buy_x_get_y;
                promotion.name = "Buy 2, get 1 half price";
                promotion.priority = 5;
                promotion.buy_quantity = 2;
                promotion.get_quantity = 1;
                promotion.get_percent_off = pos::Rate{500'000};
                for (std::size_t i = 0; i < buy_x_set; ++i)
                    p.products.push_back(random_product());
                for (std::size_t i = 0; i < get_y_set; ++i)
                    p.get_products.push_back(random_product());
                break;
            case 9:
                if (departments < department_promotions) {
                    promotion.kind = pos::PromotionKind::department_percent;
                    promotion.priority = 1;
                    promotion.department = catalogue.product(random_product()).department;
                    promotion.percent_off = pos::Rate{departments == 0 ? 50'000 : 100'000};
                    promotion.name =
                        (departments == 0 ? "5% off " : "10% off ") + promotion.department;
                    if (departments == 2) {
                        promotion.name += " (happy hour)";
                        promotion.daily_from_minute = 17 * 60;
                        promotion.daily_to_minute = 19 * 60;
                    }
                    ++departments;
                    break;
                }
                promotion.ends_at_ms = expired_at_ms;
                [[fallthrough]];
            default: {
                promotion.kind = pos::PromotionKind::quantity_break;
                promotion.priority = 10;
                const std::size_t product = random_product();
                p.products.push_back(product);
                promotion.buy_quantity = (k / 10) % 2 == 0 ? 3 : 2;
                if (promotion.buy_quantity == 3) {
                    promotion.name = "3 for 2";
                    promotion.pay_quantity = 2;
                } else {
                    const std::int64_t price = catalogue.product(product).unit_price_minor;
                    promotion.deal_price_minor = shelf_price(2 * price * 85 / 100);
                    promotion.name = "2 for a deal price";
                }
                break;
            }
        }
        plan.push_back(std::move(p));
    }
    return plan;
}

BenchStore open_bench_store(const std::filesystem::path& data_root,
                            const CatalogueGenerator& catalogue,
                            const std::vector<PlannedPromotion>& promotions, std::size_t batch_size,
                            std::ostream& log) {
    const std::filesystem::path folder =
        data_root / ("catalogue-" + std::to_string(catalogue.size()));
    if (std::filesystem::exists(folder / "terminal.db")) {
        auto store = open_file(folder / "terminal.db");
        if (holds_catalogue(*store, folder, catalogue, promotions.size())) {
            GenerationFigures figures = read_figures(folder / figures_file);
            figures.reused = true;
            return {folder, std::move(store), figures};
        }
        log << "counter-bench: " << folder.string()
            << " does not hold this catalogue; generating it again\n";
    }
    const std::filesystem::path partial = folder.string() + ".partial";
    std::filesystem::remove_all(partial);
    std::filesystem::create_directories(partial);
    log << "counter-bench: generating " << format_count(catalogue.size()) << " products and "
        << promotions.size() << " promotions into " << folder.string() << "\n";
    GenerationFigures figures = generate(partial, catalogue, promotions, batch_size, log);
    std::filesystem::remove_all(folder);
    std::filesystem::rename(partial, folder);
    return {folder, open_file(folder / "terminal.db"), figures};
}

}  // namespace bench
