#include "bench/catalogue_generator.hpp"

#include <algorithm>
#include <array>
#include <cstdio>
#include <map>
#include <set>
#include <stdexcept>
#include <string_view>

#include "db/demo_store.hpp"
#include "pos/barcode.hpp"

namespace bench {

namespace {

// splitmix64 finaliser: a fixed mixing function, so every machine and run picks the same.
std::uint64_t mix(std::uint64_t x) {
    x += 0x9E3779B97F4A7C15ULL;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
    return x ^ (x >> 31);
}

constexpr std::uint64_t catalogue_seed = 20261123;
constexpr std::size_t departments_per_brand = 4;
constexpr std::uint64_t max_items_per_brand = 100'000;  // five digits of the EAN-13
constexpr std::size_t max_brands = 90'000;              // company numbers 10000..99999

// Made-up brand names: every head with every tail ("Ash" + "brook"). The demo's own brands come
// first; these add the long tail a large catalogue has.
constexpr std::array<std::string_view, 48> brand_heads{
    "Ash",   "Birch", "Bram",  "Briar",  "Brook", "Cedar", "Clay",   "Cliff", "Cold", "Corn",
    "Crane", "Dale",  "Deer",  "Dun",    "East",  "Elm",   "Fair",   "Fern",  "Fox",  "Glen",
    "Gold",  "Hart",  "Hazel", "Heath",  "Holly", "Iron",  "Ivy",    "Kings", "Lake", "Lind",
    "Lock",  "Mill",  "Moss",  "North",  "Oat",   "Otter", "Red",    "Rook",  "Rose", "Rush",
    "Sand",  "Swan",  "South", "Silver", "Thorn", "Wheat", "Willow", "Wren"};
constexpr std::array<std::string_view, 32> brand_tails{
    "brook",  "bury",  "by",   "croft", "dale", "den",   "field", "ford", "gate",  "glen",  "hall",
    "ham",    "haven", "holm", "hurst", "ley",  "mead",  "mere",  "moor", "ridge", "stead", "stone",
    "thorpe", "ton",   "vale", "wick",  "wood", "worth", "well",  "acre", "combe", "fold"};

struct RangeWord {
    std::string_view word;
    std::int64_t price_percent;
};
constexpr std::array<RangeWord, 9> range_words{{{"", 100},
                                                {"Organic", 125},
                                                {"Finest", 140},
                                                {"Simply", 85},
                                                {"Family", 160},
                                                {"Heritage", 120},
                                                {"Select", 110},
                                                {"Farmhouse", 115},
                                                {"Signature", 135}}};

std::vector<std::string_view> words_of(std::string_view text) {
    std::vector<std::string_view> words;
    std::size_t at = 0;
    while (at < text.size()) {
        const std::size_t space = text.find(' ', at);
        const std::size_t end = space == std::string_view::npos ? text.size() : space;
        if (end > at)
            words.push_back(text.substr(at, end - at));
        at = end + 1;
    }
    return words;
}

// The words every name in the group starts with: the brand ("Blue Harbour").
std::string common_leading_words(const std::vector<const db::NewProduct*>& group) {
    std::vector<std::string_view> common = words_of(group.front()->name);
    for (const db::NewProduct* product : group) {
        const std::vector<std::string_view> words = words_of(product->name);
        std::size_t same = 0;
        while (same < common.size() && same < words.size() && common[same] == words[same])
            ++same;
        common.resize(same);
    }
    // A name is never all brand.
    if (!common.empty() && common.size() == words_of(group.front()->name).size())
        common.pop_back();
    std::string brand;
    for (std::string_view word : common) {
        if (!brand.empty())
            brand += ' ';
        brand += word;
    }
    return brand;
}

// Under 10.00 a shelf price ends in 9 (1.29, 2.49); from 10.00 in .49 or .99 (as the demo).
std::int64_t shelf_price(std::int64_t minor) {
    if (minor < 1000)
        return std::max<std::int64_t>(29, (minor + 5) / 10 * 10 - 1);
    return (minor + 25) / 50 * 50 - 1;
}

// A pseudo-random permutation of [0, size): a four-round Feistel network on the next even
// power of two, walking the cycle until it lands inside the range.
class Permutation {
  public:
    explicit Permutation(std::uint64_t size) : size_(size) {
        while ((std::uint64_t{1} << bits_) < size)
            bits_ += 2;
        half_ = bits_ / 2;
        mask_ = (std::uint64_t{1} << half_) - 1;
    }
    std::uint64_t operator()(std::uint64_t x) const {
        do {
            x = round_trip(x);
        } while (x >= size_);
        return x;
    }

  private:
    std::uint64_t round_trip(std::uint64_t x) const {
        std::uint64_t left = x >> half_;
        std::uint64_t right = x & mask_;
        for (std::uint64_t round = 0; round < 4; ++round) {
            const std::uint64_t next = left ^ (mix(right ^ (catalogue_seed + round)) & mask_);
            left = right;
            right = next;
        }
        return (left << half_) | right;
    }

    std::uint64_t size_;
    unsigned bits_ = 2;
    unsigned half_ = 1;
    std::uint64_t mask_ = 1;
};

}  // namespace

CatalogueGenerator::CatalogueGenerator(std::size_t count) {
    if (count == 0)
        throw std::invalid_argument("a catalogue needs at least one product");

    // 1. The demo catalogue, grouped by the company number inside its EAN-13 codes ("50" +
    //    five digits per brand); each group's common leading words are its brand.
    const std::vector<db::NewProduct> demo = db::demo_products();
    std::map<std::string, std::vector<const db::NewProduct*>> by_company;
    for (const db::NewProduct& product : demo) {
        if (product.barcodes.empty() || product.barcodes.front().size() != 13 ||
            product.unit != pos::UnitOfSale::each)
            continue;
        by_company[product.barcodes.front().substr(2, 5)].push_back(&product);
    }
    std::map<std::string, std::size_t> department_index;
    std::set<std::string, std::less<>> seen_descriptions;
    for (const auto& [company, group] : by_company) {
        if (group.size() < 2)
            continue;
        const std::string brand = common_leading_words(group);
        if (brand.empty())
            continue;  // the demo's fixed products share a company number but not a brand
        if (std::none_of(brands_.begin(), brands_.end(),
                         [&](const Brand& b) { return b.name == brand; }))
            brands_.push_back({brand, 0});
        for (const db::NewProduct* product : group) {
            std::string text = product->name.substr(brand.size() + 1);
            if (!seen_descriptions.insert(text).second)
                continue;
            auto [at, added] = department_index.emplace(product->department, departments_.size());
            if (added)
                departments_.push_back({product->department, {}});
            departments_[at->second].descriptions.push_back(descriptions_.size());
            descriptions_.push_back(
                {std::move(text), at->second, product->tax_code, product->unit_price_minor});
        }
    }
    if (descriptions_.empty())
        throw std::logic_error("the demo catalogue has no branded products to learn from");

    // 2. Brands: the demo's, then the made-up ones; each with a price tier of 80..140%.
    for (std::string_view head : brand_heads) {
        for (std::string_view tail : brand_tails) {
            std::string name = std::string(head) + std::string(tail);
            if (std::none_of(brands_.begin(), brands_.end(),
                             [&](const Brand& b) { return b.name == name; }))
                brands_.push_back({std::move(name), 0});
        }
    }
    brands_.resize(std::min(brands_.size(), max_brands));
    for (std::size_t b = 0; b < brands_.size(); ++b)
        brands_[b].price_percent = 80 + static_cast<std::int64_t>(mix(catalogue_seed ^ b) % 61);

    // 3. Range words, leaving out any a description starts with (so names stay unique).
    std::set<std::string, std::less<>> first_words;
    for (const Description& description : descriptions_)
        first_words.insert(std::string(words_of(description.text).front()));
    for (const RangeWord& range : range_words) {
        if (!range.word.empty() && first_words.contains(range.word))
            continue;
        ranges_.push_back({std::string(range.word), range.price_percent});
    }

    // 4. The space of possible products: brand by brand, the departments each one stocks.
    const std::size_t stocked = std::min(departments_per_brand, departments_.size());
    for (std::size_t b = 0; b < brands_.size(); ++b) {
        std::vector<std::size_t> order(departments_.size());
        for (std::size_t d = 0; d < order.size(); ++d)
            order[d] = d;
        for (std::size_t i = order.size() - 1; i > 0; --i)
            std::swap(order[i], order[mix(catalogue_seed + b * 131 + i) % (i + 1)]);
        order.resize(stocked);
        std::sort(order.begin(), order.end());
        const std::uint64_t brand_start = space_;
        for (std::size_t d : order) {
            cells_.push_back({space_, brand_start, b, d});
            space_ += departments_[d].descriptions.size() * ranges_.size();
        }
        if (space_ - brand_start > max_items_per_brand)
            throw std::logic_error("a brand has more products than its EAN-13 item number holds");
    }
    if (count > space_) {
        throw std::invalid_argument("the generator holds at most " + std::to_string(space_) +
                                    " distinct products; " + std::to_string(count) +
                                    " were asked for");
    }

    // 5. Which of them this catalogue holds: the positions a fixed permutation maps below count,
    //    kept in position order (brand by brand, as a supplier's catalogue export would be).
    const Permutation permutation(space_);
    selected_.reserve(count);
    for (std::uint64_t position = 0; position < space_; ++position) {
        if (permutation(position) < count)
            selected_.push_back(static_cast<std::uint32_t>(position));
    }
}

CatalogueGenerator::Parts CatalogueGenerator::decode(std::size_t index) const {
    if (index >= selected_.size())
        throw std::out_of_range("no product " + std::to_string(index) + " in this catalogue");
    const std::uint64_t position = selected_[index];
    const auto cell =
        std::prev(std::upper_bound(cells_.begin(), cells_.end(), position,
                                   [](std::uint64_t p, const Cell& c) { return p < c.start; }));
    const std::uint64_t offset = position - cell->start;
    const Department& department = departments_[cell->department];
    return {cell->brand, department.descriptions[offset / ranges_.size()],
            static_cast<std::size_t>(offset % ranges_.size()), position - cell->brand_start,
            position};
}

std::string CatalogueGenerator::name_of(const Parts& parts) const {
    std::string name = brands_[parts.brand].name;
    if (!ranges_[parts.range].word.empty())
        name += ' ' + ranges_[parts.range].word;
    name += ' ' + descriptions_[parts.description].text;
    return name;
}

std::string CatalogueGenerator::code_of(const Parts& parts) const {
    char digits[16];
    std::snprintf(digits, sizeof digits, "40%05u%05u", static_cast<unsigned>(10'000 + parts.brand),
                  static_cast<unsigned>(parts.item));
    return std::string(digits) + pos::gtin_check_digit(digits);
}

db::NewProduct CatalogueGenerator::product(std::size_t index) const {
    const Parts parts = decode(index);
    const Description& description = descriptions_[parts.description];
    // Brand tier, range tier and a little spread (-10% .. +12%), in integers.
    const auto spread = 90 + static_cast<std::int64_t>(mix(catalogue_seed + parts.position) % 23);
    const std::int64_t minor = description.base_price_minor * brands_[parts.brand].price_percent *
                               ranges_[parts.range].price_percent * spread / 1'000'000;
    return {{code_of(parts)},     name_of(parts),     departments_[description.department].name,
            description.tax_code, shelf_price(minor), pos::UnitOfSale::each};
}

std::string CatalogueGenerator::code(std::size_t index) const {
    return code_of(decode(index));
}

std::string CatalogueGenerator::name(std::size_t index) const {
    return name_of(decode(index));
}

}  // namespace bench
