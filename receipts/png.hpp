// A document as a PNG: the on-screen preview and the virtual printer's picture of the receipt.
// Text in DejaVu Sans Mono from Debian (fonts-dejavu-core), Code128 via zint, QR via libqrencode,
// written with stb_image_write. 8 dots per mm like a printer: 576 px wide for 80 mm paper.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "pos/result.hpp"
#include "receipts/document.hpp"

namespace receipts {

struct Raster {
    int width = 0;
    int height = 0;
    std::vector<std::uint8_t> grey;  // row-major, 0 black .. 255 white
};

// The regular and bold monospace fonts text is drawn in.
struct FontFiles {
    std::filesystem::path regular = "/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf";
    std::filesystem::path bold = "/usr/share/fonts/truetype/dejavu/DejaVuSansMono-Bold.ttf";
};

// The document drawn on white paper. Fails only when the fonts cannot be loaded (naming the file).
pos::Result<Raster> render_raster(const Document& document);
pos::Result<Raster> render_raster(const Document& document, const FontFiles& fonts);
// PNG bytes of a raster.
std::vector<std::uint8_t> encode_png(const Raster& raster);
// Both, written atomically to `file`.
pos::Status write_png(const Document& document, const std::filesystem::path& file);

}  // namespace receipts
