#include "receipts/png_codes.hpp"

#include <qrencode.h>
#include <zint.h>

#include <memory>

namespace receipts::png_detail {

namespace {

struct ZintDeleter {
    void operator()(zint_symbol* symbol) const { ZBarcode_Delete(symbol); }
};
struct QrDeleter {
    void operator()(QRcode* code) const { QRcode_free(code); }
};

}  // namespace

std::vector<bool> code128_modules(const std::string& data) {
    const std::unique_ptr<zint_symbol, ZintDeleter> symbol(ZBarcode_Create());
    if (!symbol || data.empty())
        return {};
    symbol->symbology = BARCODE_CODE128;
    symbol->scale = 0.5f;  // zint draws 2 px per module at scale 1: this gives one pixel each
    symbol->height = 1;
    symbol->show_hrt = 0;  // the renderer prints the text in its own font
    symbol->output_options = BARCODE_NO_QUIET_ZONES;
    const auto* bytes = reinterpret_cast<const unsigned char*>(data.data());
    if (ZBarcode_Encode_and_Buffer(symbol.get(), bytes, static_cast<int>(data.size()), 0) >=
            ZINT_ERROR ||
        symbol->bitmap == nullptr || symbol->bitmap_width <= 0)
        return {};
    // The bitmap is RGB; its first row is the pattern, black where a bar is.
    std::vector<bool> modules(static_cast<std::size_t>(symbol->bitmap_width));
    for (int x = 0; x < symbol->bitmap_width; ++x)
        modules[static_cast<std::size_t>(x)] = symbol->bitmap[x * 3] < 128;
    return modules;
}

QrMatrix qr_matrix(const std::string& data) {
    const std::unique_ptr<QRcode, QrDeleter> code(
        QRcode_encodeString(data.c_str(), 0, QR_ECLEVEL_M, QR_MODE_8, 1));
    if (!code)
        return {};
    QrMatrix matrix;
    matrix.size = code->width;
    const auto cells =
        static_cast<std::size_t>(code->width) * static_cast<std::size_t>(code->width);
    matrix.dark.resize(cells);
    for (std::size_t i = 0; i < cells; ++i)
        matrix.dark[i] = (code->data[i] & 1) != 0;  // bit 0 is the module's colour
    return matrix;
}

}  // namespace receipts::png_detail
