#include "db/demo_store.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdio>
#include <set>
#include <stdexcept>
#include <string>
#include <string_view>

#include "pos/barcode.hpp"
#include "pos/variable_measure.hpp"

namespace db {

namespace {

// splitmix64: a tiny, fixed-seed generator, so the demo is the same on every machine and run.
class SplitMix64 {
  public:
    explicit SplitMix64(std::uint64_t seed) : state_(seed) {}

    std::uint64_t next() {
        std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    }
    // 0 <= result < bound
    std::int64_t below(std::int64_t bound) {
        return static_cast<std::int64_t>(next() % static_cast<std::uint64_t>(bound));
    }

  private:
    std::uint64_t state_;
};

constexpr std::uint64_t demo_seed = 20240601;

struct Size {
    std::string_view label;   // "500 g"
    std::int64_t base_cents;  // shelf price for a standard brand
};

struct Template {
    std::string_view product;                // "Milk"
    std::vector<std::string_view> variants;  // "Whole", "Semi-Skimmed"
    std::vector<Size> sizes;
    bool variant_after = false;  // "Chicken Breast Fillets" rather than "Breast Fillets Chicken"
};

struct Department {
    std::string_view name;
    std::string_view tax_code;
    std::vector<Template> templates;
};

struct Brand {
    std::string_view name;
    std::int64_t price_percent;  // value, standard or premium pricing
};

constexpr std::array<Brand, 24> brands{{
    {"Hillcrest", 100},    {"Nordvik", 115},   {"Brightfield", 100},  {"Oakmere", 125},
    {"Valbrook", 130},     {"Larkspur", 120},  {"Sunvale", 85},       {"Greenacre", 105},
    {"Blue Harbour", 110}, {"Kestrel", 95},    {"Alder & Co", 135},   {"Fenwick", 100},
    {"Meadowgold", 105},   {"Riverside", 90},  {"Stonebridge", 115},  {"Westhaven", 100},
    {"Copperleaf", 125},   {"Tidewell", 95},   {"Orchard Lane", 110}, {"Marlow", 120},
    {"Pinecrest", 90},     {"Saltmarsh", 105}, {"Everyday", 80},      {"Bellhaven", 140},
}};

std::vector<Department> departments() {
    return {
        {"Dairy & Eggs",
         "B",
         {{"Milk",
           {"Whole", "Semi-Skimmed", "Skimmed", "Lactose-Free"},
           {{"1 L", 119}, {"2 L", 199}}},
          {"Yogurt",
           {"Natural", "Greek Style", "Strawberry", "Vanilla", "Peach"},
           {{"150 g", 59}, {"500 g", 179}}},
          {"Butter", {"Salted", "Unsalted", "Spreadable"}, {{"250 g", 249}}},
          {"Cheese",
           {"Mature Cheddar", "Mild Cheddar", "Gouda", "Emmental", "Mozzarella"},
           {{"200 g", 229}, {"400 g", 399}}},
          {"Cream", {"Single", "Double", "Whipping", "Sour"}, {{"250 ml", 129}}},
          {"Free Range Eggs", {"Medium", "Large"}, {{"6 pack", 199}, {"12 pack", 359}}},
          {"Cream Cheese", {"Original", "Light", "Garlic & Herb"}, {{"200 g", 169}}}}},
        {"Bakery",
         "B",
         {{"Loaf",
           {"White", "Wholemeal", "Sourdough", "Seeded", "Rye"},
           {{"400 g", 129}, {"800 g", 199}}},
          {"Rolls", {"White", "Brioche", "Seeded"}, {{"6 pack", 149}}},
          {"Croissants", {"Butter", "Chocolate", "Almond"}, {{"4 pack", 229}}},
          {"Bagels", {"Plain", "Sesame", "Cinnamon & Raisin"}, {{"5 pack", 199}}},
          {"Muffins", {"Blueberry", "Chocolate Chip", "Lemon"}, {{"4 pack", 249}}},
          {"Wraps", {"Plain", "Wholemeal", "Spinach"}, {{"8 pack", 189}}}}},
        {"Fruit & Vegetables",
         "B",
         {{"Apples",
           {"Gala", "Braeburn", "Granny Smith", "Pink Lady"},
           {{"1 kg", 249}, {"6 pack", 229}}},
          {"Grapes", {"Red Seedless", "White Seedless"}, {{"500 g", 249}}},
          {"Salad",
           {"Mixed Leaf", "Rocket", "Baby Spinach", "Iceberg"},
           {{"100 g", 99}, {"200 g", 169}}},
          {"Tomatoes", {"Cherry", "Vine", "Plum"}, {{"250 g", 149}, {"500 g", 249}}},
          {"Mushrooms", {"Closed Cup", "Chestnut", "Portobello"}, {{"250 g", 119}}},
          {"Peppers", {"Mixed", "Red", "Yellow"}, {{"3 pack", 179}}},
          {"Berries", {"Strawberry", "Blueberry", "Raspberry"}, {{"150 g", 219}, {"400 g", 399}}}}},
        {"Meat & Fish",
         "B",
         {{"Chicken",
           {"Breast Fillets", "Thighs", "Drumsticks", "Wings"},
           {{"500 g", 399}, {"1 kg", 699}},
           true},
          {"Beef Mince", {"5% Fat", "12% Fat", "20% Fat"}, {{"500 g", 449}}, true},
          {"Sausages", {"Pork", "Beef", "Chicken", "Cumberland", "Lincolnshire"}, {{"400 g", 299}}},
          {"Bacon", {"Smoked Back", "Unsmoked Back", "Streaky"}, {{"200 g", 249}}},
          {"Salmon Fillets", {"Scottish", "Smoked", "Lemon & Herb"}, {{"240 g", 449}}},
          {"Ham", {"Honey Roast", "Smoked", "Wiltshire"}, {{"125 g", 199}}}}},
        {"Frozen",
         "B",
         {{"Pizza",
           {"Margherita", "Pepperoni", "Four Cheese", "Vegetable", "Ham & Pineapple"},
           {{"350 g", 249}}},
          {"Peas", {"Garden", "Petits Pois"}, {{"1 kg", 179}}},
          {"Oven Chips", {"Crinkle Cut", "Straight Cut", "Steak Cut"}, {{"1 kg", 199}}},
          {"Ice Cream",
           {"Vanilla", "Chocolate", "Strawberry", "Salted Caramel", "Mint Choc Chip"},
           {{"500 ml", 249}, {"1 L", 399}}},
          {"Fish Fingers", {"Cod", "Pollock"}, {{"10 pack", 249}, {"20 pack", 449}}},
          {"Vegetables", {"Mixed", "Stir Fry", "Mediterranean"}, {{"750 g", 199}}}}},
        {"Pantry",
         "B",
         {{"Pasta",
           {"Spaghetti", "Penne", "Fusilli", "Farfalle", "Linguine", "Tagliatelle"},
           {{"500 g", 99}, {"1 kg", 169}}},
          {"Rice",
           {"Basmati", "Long Grain", "Jasmine", "Arborio", "Brown"},
           {{"500 g", 149}, {"1 kg", 249}}},
          {"Chopped Tomatoes", {"Plain", "Garlic", "Herb"}, {{"400 g", 59}}},
          {"Baked Beans", {"Original", "Reduced Sugar"}, {{"415 g", 79}}},
          {"Olive Oil", {"Extra Virgin", "Light"}, {{"500 ml", 549}, {"1 L", 899}}},
          {"Pasta Sauce",
           {"Tomato & Basil", "Arrabbiata", "Bolognese", "Carbonara"},
           {{"500 g", 189}}},
          {"Soup", {"Tomato", "Chicken", "Lentil", "Minestrone", "Mushroom"}, {{"400 g", 119}}},
          {"Flour", {"Plain", "Self-Raising", "Strong Bread"}, {{"1 kg", 99}}}}},
        {"Breakfast & Spreads",
         "B",
         {{"Corn Flakes", {"Original", "Honey"}, {{"500 g", 199}, {"750 g", 279}}},
          {"Muesli", {"Fruit & Nut", "No Added Sugar", "Swiss Style"}, {{"750 g", 299}}},
          {"Granola", {"Honey", "Berry", "Chocolate"}, {{"500 g", 329}}},
          {"Porridge Oats", {"Rolled", "Jumbo"}, {{"1 kg", 159}}},
          {"Jam", {"Strawberry", "Raspberry", "Apricot", "Blackcurrant"}, {{"340 g", 189}}},
          {"Peanut Butter", {"Smooth", "Crunchy"}, {{"340 g", 229}}},
          {"Honey", {"Clear", "Set", "Manuka"}, {{"340 g", 349}}},
          {"Chocolate Spread", {"Hazelnut", "Milk"}, {{"400 g", 299}}}}},
        {"Snacks & Sweets",
         "B",
         {{"Crisps",
           {"Ready Salted", "Salt & Vinegar", "Cheese & Onion", "Sour Cream", "Paprika"},
           {{"150 g", 149}, {"6 pack", 199}}},
          {"Digestives", {"Original", "Chocolate", "Dark Chocolate"}, {{"300 g", 129}}},
          {"Chocolate Bar",
           {"Milk", "Dark 70%", "White", "Hazelnut", "Caramel"},
           {{"100 g", 129}, {"200 g", 229}}},
          {"Cookies", {"Chocolate Chip", "Double Chocolate", "Oat & Raisin"}, {{"200 g", 179}}},
          {"Popcorn", {"Salted", "Sweet", "Sweet & Salty"}, {{"100 g", 129}}},
          {"Mixed Nuts", {"Salted", "Roasted", "Honey Roasted"}, {{"200 g", 299}}},
          {"Fruit Gums", {"Original", "Sour"}, {{"200 g", 119}}}}},
        {"Soft Drinks",
         "A",
         {{"Cola",
           {"Original", "Zero Sugar", "Cherry"},
           {{"330 ml", 79}, {"1.5 L", 169}, {"6 x 330 ml", 399}}},
          {"Lemonade", {"Cloudy", "Traditional", "Pink"}, {{"1.5 L", 129}}},
          {"Sparkling Water",
           {"Natural", "Lemon & Lime", "Raspberry"},
           {{"1.5 L", 69}, {"6 x 500 ml", 249}}},
          {"Orange Juice", {"Smooth", "With Bits"}, {{"1 L", 179}}},
          {"Energy Drink",
           {"Original", "Sugar Free", "Tropical"},
           {{"250 ml", 119}, {"4 x 250 ml", 399}}},
          {"Iced Tea", {"Peach", "Lemon"}, {{"500 ml", 109}}}}},
        {"Hot Drinks",
         "B",
         {{"Ground Coffee",
           {"Medium Roast", "Dark Roast", "Espresso", "Decaf"},
           {{"250 g", 399}, {"500 g", 699}}},
          {"Coffee Beans",
           {"Medium Roast", "Dark Roast", "Espresso"},
           {{"500 g", 749}, {"1 kg", 1299}}},
          {"Instant Coffee", {"Original", "Gold", "Decaf"}, {{"100 g", 349}, {"200 g", 599}}},
          {"Tea",
           {"English Breakfast", "Earl Grey", "Green", "Peppermint", "Chamomile"},
           {{"40 bags", 199}, {"80 bags", 349}}},
          {"Hot Chocolate", {"Original", "Dark", "Salted Caramel"}, {{"400 g", 329}}}}},
        {"Beer & Wine",
         "A",
         {{"Lager",
           {"Premium", "Pilsner", "Alcohol Free"},
           {{"500 ml", 139}, {"4 x 500 ml", 499}, {"12 x 330 ml", 1199}}},
          {"Ale", {"Pale", "IPA", "Amber", "Stout"}, {{"500 ml", 199}}},
          {"Red Wine",
           {"Merlot", "Cabernet Sauvignon", "Shiraz", "Pinot Noir", "Rioja Crianza", "Malbec"},
           {{"750 ml", 699}}},
          {"White Wine",
           {"Sauvignon Blanc", "Chardonnay", "Pinot Grigio", "Riesling"},
           {{"750 ml", 649}}},
          {"Rosé Wine", {"Provence", "Grenache"}, {{"750 ml", 749}}},
          {"Sparkling Wine", {"Prosecco Brut", "Cava", "Crémant"}, {{"750 ml", 999}}},
          {"Cider", {"Apple", "Pear", "Mixed Berry"}, {{"500 ml", 189}, {"4 x 440 ml", 549}}}}},
        {"Household",
         "A",
         {{"Washing Up Liquid",
           {"Original", "Lemon", "Sensitive"},
           {{"500 ml", 129}, {"1 L", 219}}},
          {"Laundry Liquid", {"Bio", "Non-Bio", "Colour"}, {{"1 L", 599}, {"2 L", 999}}},
          {"Toilet Roll", {"Soft", "Quilted", "Recycled"}, {{"4 pack", 249}, {"9 pack", 499}}},
          {"Kitchen Roll", {"Absorbent", "Jumbo"}, {{"2 pack", 229}}},
          {"Bin Bags", {"Kitchen", "Pedal Bin", "Heavy Duty"}, {{"20 pack", 199}}},
          {"Surface Cleaner", {"Lemon", "Original", "Antibacterial"}, {{"750 ml", 179}}},
          {"Dishwasher Tablets", {"All in One", "Lemon"}, {{"30 pack", 499}, {"60 pack", 849}}}}},
        {"Health & Beauty",
         "A",
         {{"Shampoo",
           {"Normal Hair", "Dry Hair", "Anti-Dandruff", "Colour Care"},
           {{"250 ml", 299}, {"400 ml", 429}},
           true},
          {"Conditioner", {"Normal Hair", "Dry Hair", "Colour Care"}, {{"250 ml", 299}}, true},
          {"Shower Gel", {"Fresh", "Sensitive", "Sport", "Coconut"}, {{"250 ml", 199}}},
          {"Toothpaste", {"Whitening", "Sensitive", "Fresh Mint", "Total Care"}, {{"75 ml", 179}}},
          {"Deodorant", {"Original", "Sensitive", "Fresh"}, {{"150 ml", 229}}},
          {"Hand Soap", {"Aloe Vera", "Lavender", "Antibacterial"}, {{"250 ml", 149}}},
          {"Body Lotion", {"Dry Skin", "Shea Butter", "Aloe Vera"}, {{"400 ml", 399}}}}},
    };
}

// A shelf price: under 10.00 it ends in 9 (1.29, 2.49); from 10.00 in .49 or .99.
std::int64_t shelf_price(std::int64_t cents) {
    if (cents < 1000)
        return std::max<std::int64_t>(29, (cents + 5) / 10 * 10 - 1);
    return (cents + 25) / 50 * 50 - 1;
}

std::string ean13(std::string_view first_twelve) {
    return std::string(first_twelve) + pos::gtin_check_digit(first_twelve);
}

// "50" + a 5-digit company prefix per brand + a 5-digit item number + the check digit.
std::string brand_code(std::size_t brand, std::int64_t item) {
    char digits[16];
    std::snprintf(digits, sizeof digits, "50%05d%05d", static_cast<int>(20100 + brand),
                  static_cast<int>(item));
    return ean13(digits);
}

NewProduct fixed(std::string_view first_twelve, std::string_view name, std::string_view department,
                 std::string_view tax, std::int64_t cents) {
    return {
        {ean13(first_twelve)}, std::string(name), std::string(department), std::string(tax), cents,
        pos::UnitOfSale::each};
}

// A variable-measure item sold from the deli counter with an in-store label: its base code is the
// label's 13 digits with the value digits zeroed and the EAN-13 check digit recomputed, by the
// preset layout pos/ reads such labels with.
NewProduct deli(const pos::VariableMeasureLayout& layout, std::string_view prefix,
                std::string_view item_reference, std::string_view name, std::int64_t cents_per_kg) {
    auto code = pos::variable_measure_base_code(layout, prefix, item_reference);
    if (!code)
        throw std::logic_error("demo deli code: " + code.error().message);
    return {{*code}, std::string(name), "Deli", "B", cents_per_kg, pos::UnitOfSale::kilogram};
}

NewProduct weighed(std::string_view plu, std::string_view name, std::int64_t cents_per_kg) {
    return {{std::string(plu)}, std::string(name),        "Fruit & Vegetables", "B",
            cents_per_kg,       pos::UnitOfSale::kilogram};
}

constexpr std::size_t brands_per_department = 15;
// About one combination in eight is left out, so ranges differ from brand to brand.
constexpr std::int64_t skip_one_in = 8;

}  // namespace

pos::StoreSettings demo_settings() {
    pos::StoreSettings settings;
    settings.store_name = "Counter Demo Market";
    settings.address_lines = {"Hauptstraße 12", "10115 Berlin"};
    settings.tax_id = "VAT reg. DE 123 456 789";
    settings.receipt_header = {"Open 8:00-20:00, Monday to Saturday"};
    settings.receipt_footer = {"Thank you for shopping with us",
                               "Returns within 30 days with this receipt"};
    settings.terminal_id = "T01";
    settings.currency = pos::Currency::of("EUR", 2);
    settings.pricing = pos::PricingMode::tax_inclusive;
    settings.tax_rounding = pos::TaxRounding::per_line;
    settings.cash_rounding = {0, pos::RoundingMode::half_up};  // Germany: no cash rounding
    settings.cash_overtender_limit_minor = 0;
    settings.utc_offset_minutes = 60;  // Berlin, CET (promotion hours are local)
    settings.store_code = "S001";
    settings.permissions = pos::default_permissions();
    settings.returns = pos::ReturnPolicy{};
    return settings;
}

std::vector<pos::TaxRate> demo_tax_rates() {
    return {{"A", "VAT 20%", pos::Rate{200'000}}, {"B", "VAT 5%", pos::Rate{50'000}}};
}

std::vector<NewUser> demo_users() {
    return {{"1001", "Alex Martin", pos::Role::clerk, "1234", ""},
            {"5001", "Jordan Diaz", pos::Role::supervisor, "5555", "BADGE-5001-JD"},
            {"9001", "Morgan Lee", pos::Role::manager, "4321", "BADGE-9001-ML"},
            {"9901", "Riley Quinn", pos::Role::administrator, "2468", ""}};
}

std::vector<NewProduct> demo_products() {
    // Fixed first, so docs and tests can rely on them (listed in db/README.md).
    std::vector<NewProduct> products{
        fixed("501234500001", "Hillcrest Whole Milk 1 L", "Dairy & Eggs", "B", 119),
        fixed("501234500002", "Oakmere Sourdough Loaf 800 g", "Bakery", "B", 249),
        fixed("501234500003", "Nordvik Milk Chocolate Bar 100 g", "Snacks & Sweets", "B", 129),
        fixed("501234500004", "Brightfield Medium Roast Ground Coffee 250 g", "Hot Drinks", "B",
              449),
        fixed("501234500005", "Valbrook Rioja Crianza Red Wine 750 ml", "Beer & Wine", "A", 899),
        fixed("501234500006", "Larkspur Shampoo Normal Hair 250 ml", "Health & Beauty", "A", 349),
        fixed("501234500007", "Nordvik Chocolate Digestives 300 g", "Snacks & Sweets", "B", 139),
        weighed("4011", "Bananas loose", 199),
        weighed("4133", "Gala Apples loose", 299),
        weighed("4562", "Carrots loose", 129),
        weighed("4664", "Tomatoes loose", 349),
        weighed("4072", "Potatoes loose", 149),
        weighed("4082", "Red Onions loose", 189),
        weighed("4409", "Conference Pears loose", 249),
        // Scale labels: 23 IIIII WWWWW C (weight in grams), 22 IIIII PPPPP C (price in cents).
        deli(pos::layouts::weight_in_grams(), "23", "12345", "Deli Ham sliced", 1499),
        deli(pos::layouts::price_in_cents(), "22", "12346", "Mature Cheddar Wedge", 1299),
    };
    std::set<std::string> names;
    for (const NewProduct& product : products)
        names.insert(product.name);

    struct Candidate {
        std::size_t department;
        std::size_t brand;
        NewProduct product;
    };
    std::vector<Candidate> generated;
    SplitMix64 random(demo_seed);
    const std::vector<Department> all = departments();
    for (std::size_t d = 0; d < all.size(); ++d) {
        const Department& department = all[d];
        // Each department stocks its own selection of brands.
        std::array<std::size_t, brands.size()> order{};
        for (std::size_t i = 0; i < order.size(); ++i)
            order[i] = i;
        for (std::size_t i = order.size() - 1; i > 0; --i) {
            const auto j = static_cast<std::size_t>(random.below(static_cast<std::int64_t>(i + 1)));
            std::swap(order[i], order[j]);
        }
        for (std::size_t b = 0; b < brands_per_department; ++b) {
            const Brand& brand = brands[order[b]];
            for (const Template& item : department.templates) {
                for (std::string_view variant : item.variants) {
                    for (const Size& size : item.sizes) {
                        if (random.below(skip_one_in) == 0)
                            continue;
                        std::string name(brand.name);
                        if (item.variant_after) {
                            name += " " + std::string(item.product) + " " + std::string(variant);
                        } else {
                            name += " " + std::string(variant) + " " + std::string(item.product);
                        }
                        name += " " + std::string(size.label);
                        if (!names.insert(name).second)
                            continue;
                        // Brand tier and a little spread (-10% .. +12%), in integers.
                        const std::int64_t spread = 90 + random.below(23);
                        const std::int64_t cents =
                            size.base_cents * brand.price_percent * spread / 10'000;
                        generated.push_back({d,
                                             order[b],
                                             {{},
                                              std::move(name),
                                              std::string(department.name),
                                              std::string(department.tax_code),
                                              shelf_price(cents),
                                              pos::UnitOfSale::each}});
                    }
                }
            }
        }
    }
    // Ids follow departments and names, as a catalogue export would.
    std::sort(generated.begin(), generated.end(), [](const Candidate& a, const Candidate& b) {
        if (a.department != b.department)
            return a.department < b.department;
        return a.product.name < b.product.name;
    });
    std::array<std::int64_t, brands.size()> next_item{};
    for (Candidate& candidate : generated) {
        candidate.product.barcodes.push_back(
            brand_code(candidate.brand, ++next_item[candidate.brand]));
        products.push_back(std::move(candidate.product));
    }
    return products;
}

std::vector<DemoPrice> demo_prices() {
    std::vector<DemoPrice> prices{{"5012345000015", 125, demo_milk_price_change_ms}};
    // Deal of the week: in the last week of every four, from 2024 to the end of 2031, the
    // shampoo is 2.99 (else 3.49) and loose tomatoes 2.99/kg (else 3.49). No 30-day window in
    // those years misses a deal week, so a return without a receipt shows the lowest-price rule
    // whatever the date.
    for (std::int64_t start = demo_opened_at_ms; start < demo_deals_end_ms;
         start += demo_deal_cycle_ms) {
        const std::int64_t deal = start + demo_deal_cycle_ms - demo_deal_length_ms;
        const std::int64_t after = start + demo_deal_cycle_ms;
        for (const char* code : {"5012345000060", "4664"}) {
            prices.push_back({code, 299, deal});
            prices.push_back({code, 349, after});
        }
    }
    return prices;
}

std::vector<DemoAccount> demo_accounts() {
    return {{pos::PaymentMethod::gift_card, "6006000000001", 5000},
            {pos::PaymentMethod::gift_card, "6006000000002", 500},
            {pos::PaymentMethod::store_credit, "SC1001", 1500}};
}

pos::Result<std::vector<pos::Promotion>> demo_promotions(pos::Catalogue& catalogue) {
    std::string missing;
    const auto id_of = [&](const std::string& code) -> std::int64_t {
        const auto found = catalogue.find_by_code(code, demo_opened_at_ms);
        if (!found) {
            missing = code;
            return 0;
        }
        return found->id;
    };
    const auto make = [](std::string id, std::string name, pos::PromotionKind kind, int priority) {
        pos::Promotion promotion;
        promotion.id = std::move(id);
        promotion.name = std::move(name);
        promotion.kind = kind;
        promotion.priority = priority;
        promotion.starts_at_ms = demo_opened_at_ms;
        return promotion;
    };
    std::vector<pos::Promotion> promotions;

    pos::Promotion chocolate =
        make("demo-chocolate-3-for-2", "3 for 2", pos::PromotionKind::quantity_break, 30);
    chocolate.product_ids = {id_of("5012345000039")};
    chocolate.buy_quantity = 3;
    chocolate.pay_quantity = 2;
    promotions.push_back(chocolate);

    pos::Promotion milk =
        make("demo-milk-2-for-2", "2 for 2.00", pos::PromotionKind::quantity_break, 30);
    milk.product_ids = {id_of("5012345000015")};
    milk.buy_quantity = 2;
    milk.deal_price_minor = 200;
    promotions.push_back(milk);

    // The Rioja and the first four other red wines of the catalogue.
    pos::Promotion wine = make("demo-red-wine-any-3-for-20", "Any 3 red wines for 20.00",
                               pos::PromotionKind::mix_and_match, 20);
    wine.product_ids = {id_of("5012345000053")};
    for (const NewProduct& product : demo_products()) {
        if (wine.product_ids.size() == 5)
            break;
        if (product.name.find("Red Wine 750 ml") != std::string::npos &&
            product.barcodes.front() != "5012345000053") {
            wine.product_ids.push_back(id_of(product.barcodes.front()));
        }
    }
    wine.buy_quantity = 3;
    wine.deal_price_minor = 2000;
    promotions.push_back(wine);

    pos::Promotion coffee = make("demo-coffee-digestives-free", "Buy 2 coffees, digestives free",
                                 pos::PromotionKind::buy_x_get_y, 20);
    coffee.product_ids = {id_of("5012345000046")};
    coffee.buy_quantity = 2;
    coffee.get_product_ids = {id_of("5012345000077")};
    coffee.get_quantity = 1;
    coffee.get_percent_off = pos::Rate{pos::Rate::one};
    promotions.push_back(coffee);

    pos::Promotion bakery =
        make("demo-bakery-10-off", "10% off Bakery", pos::PromotionKind::department_percent, 10);
    bakery.department = "Bakery";
    bakery.percent_off = pos::Rate{100'000};
    promotions.push_back(bakery);

    pos::Promotion happy_hour =
        make("demo-soft-drinks-happy-hour", "Happy hour: 20% off soft drinks",
             pos::PromotionKind::department_percent, 15);
    happy_hour.department = "Soft Drinks";
    happy_hour.percent_off = pos::Rate{200'000};
    happy_hour.daily_from_minute = 17 * 60;
    happy_hour.daily_to_minute = 19 * 60;
    promotions.push_back(happy_hour);

    if (!missing.empty()) {
        return pos::not_found("The demo promotions need product " + missing +
                              ", which is not in the catalogue");
    }
    return promotions;
}

pos::Status create_demo_store(Store& store) {
    if (const std::int64_t count = store.product_count(); count > 0) {
        return pos::not_allowed("The store already holds " + std::to_string(count) +
                                " products; the demo catalogue is only written into an empty "
                                "store");
    }
    if (auto saved = store.save_settings(demo_settings()); !saved)
        return saved;
    for (const pos::TaxRate& rate : demo_tax_rates()) {
        if (auto added = store.add_tax_rate(rate); !added)
            return added;
    }
    if (auto added = store.add_products(demo_products()); !added)
        return added;
    for (const NewUser& user : demo_users()) {
        if (auto added = store.add_user(user); !added)
            return added;
    }
    std::vector<NewPrice> prices;
    for (const DemoPrice& price : demo_prices())
        prices.push_back({price.code, price.unit_price_minor, price.effective_from_ms});
    if (auto added = store.add_prices(prices); !added)
        return added;
    auto promotions = demo_promotions(store.catalogue());
    if (!promotions)
        return promotions.error();
    for (const pos::Promotion& promotion : *promotions) {
        if (auto added = store.add_promotion(promotion); !added)
            return added;
    }
    for (const DemoAccount& account : demo_accounts()) {
        if (auto issued = store.issue_stored_value(account.kind, account.account,
                                                   account.amount_minor, demo_opened_at_ms);
            !issued)
            return issued;
    }
    return add_demo_service_records(store);
}

}  // namespace db
