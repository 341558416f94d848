// Internal to png.cpp: the module patterns of a Code128 barcode (zint) and a QR code
// (libqrencode), kept apart so the PNG renderer draws them with its own pixel sizes.
#pragma once

#include <string>
#include <vector>

namespace receipts::png_detail {

// One flag per module across the symbol, true for a bar; empty when zint cannot encode `data`.
std::vector<bool> code128_modules(const std::string& data);

// A square of size x size modules, row-major, true for a dark module; size 0 when the data does
// not fit a QR code. Error correction level M.
struct QrMatrix {
    int size = 0;
    std::vector<bool> dark;
};
QrMatrix qr_matrix(const std::string& data);

}  // namespace receipts::png_detail
