// The benchmark store: a generated catalogue (with promotions, the demo's settings, tax rates and
// staff) written through db::Store into a fresh file, once; later runs reuse it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <iosfwd>
#include <memory>
#include <string>
#include <vector>

#include "bench/catalogue_generator.hpp"
#include "db/store.hpp"
#include "pos/promotions.hpp"

namespace bench {

// A promotion over generator indexes; product ids are filled in once the products are stored.
struct PlannedPromotion {
    pos::Promotion promotion;
    std::vector<std::size_t> products;      // product_ids (the X set)
    std::vector<std::size_t> get_products;  // get_product_ids (the Y set of buy X get Y)
};

// `count` promotions over the catalogue, always the same for the same catalogue and count: six
// in ten quantity breaks ("3 for 2", "2 for 3.49"), two in ten "any 3 for 2" mix-and-match
// groups of 30 products, one in ten "buy 2, get 1 half price", and the rest three
// department-wide percent offs (one only in a 17:00-19:00 happy hour) followed by expired
// quantity breaks, as a store that has run promotions for a while keeps.
std::vector<PlannedPromotion> plan_promotions(const CatalogueGenerator& catalogue,
                                              std::size_t count);

struct GenerationFigures {
    bool reused = false;
    std::size_t products = 0;
    std::size_t promotions = 0;
    std::size_t batch_size = 0;
    std::size_t batches = 0;
    double setup_seconds = 0;             // settings, tax rates, two staff (two PIN hashes)
    double rows_seconds = 0;              // building the NewProduct rows in memory
    double add_products_seconds = 0;      // inside Store::add_products (validation + insert + FTS)
    double add_products_cpu_seconds = 0;  // the same, this thread's CPU time (the rest: waiting)
    double promotions_seconds = 0;        // looking up product ids and add_promotion
    double total_seconds = 0;             // all of it, opening and closing the file included
    std::uintmax_t file_bytes = 0;
    std::string created_at;  // UTC, when it was generated
};

struct BenchStore {
    std::filesystem::path folder;  // holds terminal.db: what `pos-terminal --data` takes
    std::unique_ptr<db::Store> store;
    GenerationFigures figures;
};

inline constexpr std::string_view bench_store_name = "Counter Bench Market";

// Opens <data_root>/catalogue-<N>/terminal.db when it holds exactly this catalogue (its count,
// its store name, and a sample of its codes and names); otherwise generates it afresh in a
// ".partial" folder and renames it into place once complete, so an interrupted run never leaves
// a store that looks finished. Progress goes to `log`. Throws std::runtime_error on failure.
BenchStore open_bench_store(const std::filesystem::path& data_root,
                            const CatalogueGenerator& catalogue,
                            const std::vector<PlannedPromotion>& promotions, std::size_t batch_size,
                            std::ostream& log);

}  // namespace bench
