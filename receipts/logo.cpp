#include "receipts/logo.hpp"

#include <cstdint>
#include <memory>

// The only definition of stb_image in the program; static so it cannot clash with another copy.
#define STB_IMAGE_STATIC
#define STB_IMAGE_IMPLEMENTATION
#define STBI_ONLY_PNG
#define STBI_ONLY_JPEG
#define STBI_ONLY_BMP
#include <stb/stb_image.h>

namespace receipts {

namespace {

struct StbFree {
    void operator()(unsigned char* pixels) const { stbi_image_free(pixels); }
};

constexpr int max_logo_height = 1024;  // dots: a logo taller than a hand is a mistake

}  // namespace

pos::Result<Image> load_logo(const std::filesystem::path& file, int max_width_dots) {
    int width = 0;
    int height = 0;
    int channels = 0;
    // Grey and alpha: two bytes a pixel.
    std::unique_ptr<unsigned char, StbFree> pixels(
        stbi_load(file.c_str(), &width, &height, &channels, 2));
    if (!pixels) {
        return pos::bad_input("The receipt logo " + file.string() + " could not be read (" +
                              stbi_failure_reason() + "); receipts print without it");
    }
    if (width <= 0 || height <= 0 || max_width_dots <= 0)
        return pos::bad_input("The receipt logo " + file.string() + " is empty");
    const int out_width = width > max_width_dots ? max_width_dots : width;
    const int out_height = static_cast<int>(std::int64_t{height} * out_width / width);
    if (out_height < 1 || out_height > max_logo_height) {
        return pos::bad_input("The receipt logo " + file.string() + " would be " +
                              std::to_string(out_height) + " dots tall; at most " +
                              std::to_string(max_logo_height) + " fit a receipt");
    }
    Image logo{out_width, out_height,
               std::vector<std::uint8_t>(static_cast<std::size_t>(out_width) * out_height, 0)};
    for (int y = 0; y < out_height; ++y) {
        const int sy = static_cast<int>(std::int64_t{y} * height / out_height);
        for (int x = 0; x < out_width; ++x) {
            const int sx = static_cast<int>(std::int64_t{x} * width / out_width);
            const unsigned char* p = pixels.get() + (static_cast<std::size_t>(sy) * width + sx) * 2;
            const bool dark = p[0] < 128 && p[1] >= 128;
            logo.pixels[static_cast<std::size_t>(y) * out_width + x] = dark ? 1 : 0;
        }
    }
    return logo;
}

}  // namespace receipts
