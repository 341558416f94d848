// A deterministic catalogue of any size up to a few million products, for benchmarks.
//
// The vocabulary is the demo store's: every product description ("Greek Style Yogurt 500 g"),
// its department, tax code and base price comes from db::demo_products(). The demo's 24 brands
// are joined by about 1,500 made-up ones, each stocking a few departments, and an optional range
// word ("Organic", "Finest", ...). Every (brand, description, range) combination is one possible
// product; a fixed pseudo-random permutation picks which of them a catalogue of N holds, so the
// same N always gives the same products, in the same order, with the same EAN-13 codes.
//
// Products are addressed by index (0 .. size()-1), so a benchmark can draw random existing codes
// or names without reading them back from the store.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "db/store.hpp"

namespace bench {

class CatalogueGenerator {
  public:
    // Throws std::invalid_argument when count is 0 or more than capacity().
    explicit CatalogueGenerator(std::size_t count);

    std::size_t size() const { return selected_.size(); }
    std::size_t capacity() const { return space_; }
    std::size_t brand_count() const { return brands_.size(); }
    std::size_t department_count() const { return departments_.size(); }
    std::size_t description_count() const { return descriptions_.size(); }

    // Product `index`: one EAN-13 code (GS1 prefix 40, a company number per brand), a unique
    // name, the department and tax code of its description, a shelf price ending in 9.
    db::NewProduct product(std::size_t index) const;
    // product(index).barcodes.front() and .name, without building the rest.
    std::string code(std::size_t index) const;
    std::string name(std::size_t index) const;

  private:
    struct Description {
        std::string text;  // the demo name without its brand: "Greek Style Yogurt 500 g"
        std::size_t department = 0;
        std::string tax_code;
        std::int64_t base_price_minor = 0;
    };
    struct Department {
        std::string name;
        std::vector<std::size_t> descriptions;  // indexes into descriptions_
    };
    struct Brand {
        std::string name;
        std::int64_t price_percent = 100;
    };
    struct Range {
        std::string word;  // empty: the brand's standard range
        std::int64_t price_percent = 100;
    };
    // One brand's stock of one department: descriptions x ranges consecutive positions.
    struct Cell {
        std::uint64_t start = 0;        // first position in the whole space
        std::uint64_t brand_start = 0;  // first position of this brand (for item numbers)
        std::size_t brand = 0;
        std::size_t department = 0;
    };
    struct Parts {
        std::size_t brand;
        std::size_t description;
        std::size_t range;
        std::uint64_t item;  // within the brand
        std::uint64_t position;
    };

    Parts decode(std::size_t index) const;
    std::string name_of(const Parts& parts) const;
    std::string code_of(const Parts& parts) const;

    std::vector<Description> descriptions_;
    std::vector<Department> departments_;
    std::vector<Brand> brands_;
    std::vector<Range> ranges_;
    std::vector<Cell> cells_;
    std::uint64_t space_ = 0;
    std::vector<std::uint32_t> selected_;  // positions in the space, ascending
};

}  // namespace bench
