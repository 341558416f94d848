// The store's logo for the top of its receipts: a picture file (PNG, JPEG, BMP) turned into black
// and white dots a thermal printer can print, scaled down to fit the paper.
#pragma once

#include <filesystem>

#include "pos/result.hpp"
#include "receipts/document.hpp"

namespace receipts {

// Dark, opaque pixels become black; light or transparent ones white. A picture wider than
// max_width_dots is scaled down (keeping its proportions). A file that cannot be read or decoded
// is an error naming the file and why.
pos::Result<Image> load_logo(const std::filesystem::path& file, int max_width_dots);

}  // namespace receipts
