#include <doctest/doctest.h>

#include <fstream>
#include <string>

#include "receipts/logo.hpp"
#include "receipts/png.hpp"
#include "temp_dir.hpp"

namespace {

// A grey picture: the left half black, the right half white.
receipts::Raster half_black(int width, int height) {
    receipts::Raster raster{width, height,
                            std::vector<std::uint8_t>(static_cast<std::size_t>(width) * height)};
    for (int y = 0; y < height; ++y) {
        for (int x = 0; x < width; ++x)
            raster.grey[static_cast<std::size_t>(y) * width + x] = x < width / 2 ? 0 : 255;
    }
    return raster;
}

void write_file(const std::filesystem::path& file, const std::vector<std::uint8_t>& bytes) {
    std::ofstream(file, std::ios::binary)
        .write(reinterpret_cast<const char*>(bytes.data()),
               static_cast<std::streamsize>(bytes.size()));
}

}  // namespace

TEST_CASE("a logo picture becomes black and white dots, scaled down to the paper") {
    testing_support::TempDir dir;
    const auto file = dir / "logo.png";
    write_file(file, receipts::encode_png(half_black(800, 200)));
    auto logo = receipts::load_logo(file, receipts::paper_80mm.dots);
    REQUIRE_MESSAGE(logo.ok(), (logo.ok() ? "" : logo.error().message));
    CHECK(logo->width == 576);
    CHECK(logo->height == 144);                               // proportions kept
    CHECK(logo->pixels[0] == 1);                              // top left: black
    CHECK(logo->pixels[static_cast<std::size_t>(575)] == 0);  // top right: white
    CHECK(logo->pixels[static_cast<std::size_t>(143) * 576 + 100] == 1);
}

TEST_CASE("a small logo keeps its size") {
    testing_support::TempDir dir;
    const auto file = dir / "logo.png";
    write_file(file, receipts::encode_png(half_black(120, 40)));
    auto logo = receipts::load_logo(file, receipts::paper_58mm.dots);
    REQUIRE(logo.ok());
    CHECK(logo->width == 120);
    CHECK(logo->height == 40);
}

TEST_CASE("a logo that cannot be read says which file and why") {
    testing_support::TempDir dir;
    SUBCASE("missing") {
        auto logo = receipts::load_logo(dir / "nowhere.png", 576);
        REQUIRE_FALSE(logo.ok());
        CHECK(logo.error().message.find("nowhere.png could not be read") != std::string::npos);
    }
    SUBCASE("not a picture") {
        std::ofstream(dir / "logo.png") << "this is text, not a PNG";
        auto logo = receipts::load_logo(dir / "logo.png", 576);
        REQUIRE_FALSE(logo.ok());
        CHECK(logo.error().message.find("logo.png could not be read") != std::string::npos);
    }
}
