#include "receipts/png.hpp"

#include <algorithm>
#include <fstream>
#include <map>
#include <memory>
#include <system_error>
#include <tuple>

#include "receipts/png_codes.hpp"

// The only definitions of stb's functions in the program; static so they cannot clash with a copy
// another library carries.
#define STBTT_STATIC
#define STB_TRUETYPE_IMPLEMENTATION
#include <stb/stb_truetype.h>
#define STB_IMAGE_WRITE_STATIC
#define STB_IMAGE_WRITE_IMPLEMENTATION
#include <stb/stb_image_write.h>

namespace receipts {

namespace {

constexpr int side_margin = 8;      // at least this much white paper left and right of the text
constexpr int end_margin = 16;      // white paper above the first block and below the last
constexpr int barcode_height = 80;  // 10 mm at 8 dots per mm
constexpr int barcode_quiet_modules = 10;
constexpr int qr_quiet_modules = 4;
constexpr std::uint8_t white = 255;

// Where the columns are: `columns` cells of `cell` pixels, centred on the paper.
struct Geometry {
    int columns = 0;
    int cell = 0;    // pixels per column
    int margin = 0;  // pixels left of the first column
    int line = 0;    // pixels per text row
};

Geometry geometry_for(const Paper& paper) {
    Geometry g;
    g.columns = std::max(1, paper.columns);
    g.cell = std::max(1, (paper.dots - 2 * side_margin) / g.columns);
    g.margin = std::max(0, (paper.dots - g.cell * g.columns) / 2);
    g.line = g.cell * 2 + 2;  // a printer's font A is twice as tall as wide
    return g;
}

// The paper: white rows appended as blocks need them, so the height grows with the content.
class Canvas {
  public:
    explicit Canvas(int width) : width_(width) {}

    int width() const { return width_; }

    // Appends `rows` white rows and returns the y of the first.
    int add_rows(int rows) {
        const int top = height_;
        height_ += std::max(0, rows);
        grey_.resize(static_cast<std::size_t>(width_) * static_cast<std::size_t>(height_), white);
        return top;
    }

    // Puts `ink` (0 none .. 255 black) on a pixel; what is outside the paper is dropped.
    void ink(int x, int y, int amount) {
        if (x < 0 || y < 0 || x >= width_ || y >= height_)
            return;
        auto& pixel = grey_[static_cast<std::size_t>(y) * static_cast<std::size_t>(width_) +
                            static_cast<std::size_t>(x)];
        pixel = static_cast<std::uint8_t>(std::min<int>(pixel, 255 - std::clamp(amount, 0, 255)));
    }

    void fill(int x, int y, int w, int h, int amount = 255) {
        for (int row = y; row < y + h; ++row)
            for (int col = x; col < x + w; ++col)
                ink(col, row, amount);
    }

    void clear(int x, int y, int w, int h) {
        for (int row = std::max(0, y); row < std::min(height_, y + h); ++row)
            for (int col = std::max(0, x); col < std::min(width_, x + w); ++col)
                grey_[static_cast<std::size_t>(row) * static_cast<std::size_t>(width_) +
                      static_cast<std::size_t>(col)] = white;
    }

    Raster take() { return Raster{width_, height_, std::move(grey_)}; }

  private:
    int width_;
    int height_ = 0;
    std::vector<std::uint8_t> grey_;
};

// A TrueType font file in memory; stb_truetype reads the bytes in place, so they stay put.
struct Font {
    std::vector<unsigned char> bytes;
    stbtt_fontinfo info{};
    int advance = 1;  // font units per character cell (the font is monospaced)
    int ascent = 0;
    int descent = 0;
};

pos::Result<std::unique_ptr<Font>> load_font(const std::filesystem::path& file) {
    auto font = std::make_unique<Font>();
    std::error_code error;
    const auto size = std::filesystem::file_size(file, error);
    std::ifstream in(file, std::ios::binary);
    if (!error && in) {
        font->bytes.resize(size);
        in.read(reinterpret_cast<char*>(font->bytes.data()), static_cast<std::streamsize>(size));
    }
    if (error || !in || font->bytes.empty() ||
        stbtt_InitFont(&font->info, font->bytes.data(),
                       stbtt_GetFontOffsetForIndex(font->bytes.data(), 0)) == 0)
        return pos::not_found("cannot load the receipt font " + file.string() +
                              ": install the fonts-dejavu-core package");
    int lsb = 0;
    stbtt_GetCodepointHMetrics(&font->info, 'M', &font->advance, &lsb);
    int gap = 0;
    stbtt_GetFontVMetrics(&font->info, &font->ascent, &font->descent, &gap);
    font->advance = std::max(1, font->advance);
    return font;
}

std::u32string decode_utf8(const std::string& text) {
    std::u32string out;
    for (std::size_t i = 0; i < text.size();) {
        const auto lead = static_cast<unsigned char>(text[i]);
        const int extra = lead < 0x80    ? 0
                          : lead >= 0xF0 ? 3
                          : lead >= 0xE0 ? 2
                          : lead >= 0xC0 ? 1
                                         : -1;
        char32_t cp = extra == 0   ? lead
                      : extra == 1 ? lead & 0x1F
                      : extra == 2 ? lead & 0x0F
                                   : lead & 0x07;
        bool valid = extra >= 0 && i + static_cast<std::size_t>(extra) < text.size();
        for (int k = 1; valid && k <= extra; ++k) {
            const auto next = static_cast<unsigned char>(text[i + static_cast<std::size_t>(k)]);
            valid = (next & 0xC0) == 0x80;
            cp = (cp << 6) | (next & 0x3F);
        }
        out.push_back(valid ? cp : U'\uFFFD');
        i += valid ? static_cast<std::size_t>(extra) + 1 : 1;
    }
    return out;
}

// Draws text into character cells: one cell per code point, two for double width.
class TextPainter {
  public:
    TextPainter(const Font& regular, const Font& bold, Geometry g)
        : regular_(regular), bold_(bold), g_(g) {}

    const Geometry& geometry() const { return g_; }

    // Rows a line in this style takes.
    int height(const Style& style) const { return g_.line * (style.double_height ? 2 : 1); }

    // Draws `text` from column `column` in the band of rows starting at `top`. Characters past the
    // last column are not drawn, so nothing ever leaves the paper.
    void draw(Canvas& canvas, int top, int column, const std::u32string& text,
              const Style& style) const {
        const Font& font = style.bold ? bold_ : regular_;
        const int wide = style.double_width ? 2 : 1;
        const int tall = style.double_height ? 2 : 1;
        // Font units to pixels is cell / advance; only stb's rasteriser is given it as a float.
        const int em = g_.cell * tall;
        const float sx = static_cast<float>(g_.cell * wide) / static_cast<float>(font.advance);
        const float sy = static_cast<float>(em) / static_cast<float>(font.advance);
        const int glyph_height = (font.ascent - font.descent) * em / font.advance;
        const int baseline =
            top + (height(style) - glyph_height) / 2 + font.ascent * em / font.advance;
        for (char32_t cp : text) {
            if (column + wide > g_.columns)
                break;
            if (cp != U' ')
                draw_glyph(canvas, glyph(style, font, cp, sx, sy), g_.margin + column * g_.cell,
                           baseline);
            column += wide;
        }
    }

  private:
    // A glyph's coverage (0 none .. 255 full) and where it sits from the pen and the baseline.
    struct Glyph {
        int x0 = 0, y0 = 0, w = 0, h = 0;
        std::vector<unsigned char> coverage;
    };
    using GlyphKey = std::tuple<bool, bool, bool, char32_t>;  // bold, wide, tall, code point

    // Each glyph is rasterised once per picture: receipts repeat few characters many times.
    const Glyph& glyph(const Style& style, const Font& font, char32_t cp, float sx,
                       float sy) const {
        const GlyphKey key{style.bold, style.double_width, style.double_height, cp};
        if (const auto found = glyphs_.find(key); found != glyphs_.end())
            return found->second;
        Glyph& g = glyphs_[key];
        int index = stbtt_FindGlyphIndex(&font.info, static_cast<int>(cp));
        if (index == 0)  // not in the font: a visible stand-in rather than an empty box
            index = stbtt_FindGlyphIndex(&font.info, '?');
        int x1 = 0, y1 = 0;
        stbtt_GetGlyphBitmapBox(&font.info, index, sx, sy, &g.x0, &g.y0, &x1, &y1);
        g.w = std::max(0, x1 - g.x0);
        g.h = std::max(0, y1 - g.y0);
        g.coverage.resize(static_cast<std::size_t>(g.w * g.h));
        if (g.w > 0 && g.h > 0)
            stbtt_MakeGlyphBitmap(&font.info, g.coverage.data(), g.w, g.h, g.w, sx, sy, index);
        return g;
    }

    static void draw_glyph(Canvas& canvas, const Glyph& g, int x, int baseline) {
        for (int row = 0; row < g.h; ++row)
            for (int col = 0; col < g.w; ++col)
                canvas.ink(x + g.x0 + col, baseline + g.y0 + row,
                           g.coverage[static_cast<std::size_t>(row * g.w + col)]);
    }

    const Font& regular_;
    const Font& bold_;
    Geometry g_;
    mutable std::map<GlyphKey, Glyph> glyphs_;
};

// Draws each block in turn below the previous one.
class Renderer {
  public:
    Renderer(Canvas& canvas, const TextPainter& text) : canvas_(canvas), text_(text) {}

    void operator()(const TextLine& line) {
        const int wide = line.style.double_width ? 2 : 1;
        const int room = std::max(1, g().columns / wide);
        // Layouts keep lines within the paper; a longer one is wrapped rather than lost.
        const auto lines = text_width(line.text) <= room ? std::vector<std::string>{line.text}
                                                         : wrap_text(line.text, room);
        for (const auto& text : lines)
            aligned(decode_utf8(text), line.style);
    }
    void operator()(const Row& row) {
        Style style;
        style.bold = row.bold;
        for (const auto& text : layout_row(row, g().columns))
            aligned(decode_utf8(text), style);
    }
    void operator()(const TaxTable& table) {
        for (const auto& text : layout_tax_table(table, g().columns))
            aligned(decode_utf8(text), Style{});
    }
    void operator()(const Separator& separator) {
        const int top = canvas_.add_rows(g().line);
        const int x = g().margin;
        const int w = g().cell * g().columns;
        if (separator.glyph == U'=') {
            canvas_.fill(x, top + g().line / 2 - 3, w, 2);
            canvas_.fill(x, top + g().line / 2 + 1, w, 2);
        } else {
            canvas_.fill(x, top + g().line / 2 - 1, w, 1);
        }
    }
    void operator()(const Image& image) {
        if (image.width <= 0 || image.height <= 0 ||
            image.pixels.size() < static_cast<std::size_t>(image.width * image.height))
            return;
        const int top = canvas_.add_rows(image.height);
        const int left = (canvas_.width() - image.width) / 2;
        for (int y = 0; y < image.height; ++y)
            for (int x = 0; x < image.width; ++x)
                if (image.pixels[static_cast<std::size_t>(y * image.width + x)] != 0)
                    canvas_.ink(left + x, top + y, 255);
    }
    void operator()(const Barcode& barcode);
    void operator()(const QrCode& qr);
    void operator()(const Feed& feed) { canvas_.add_rows(g().line * std::max(0, feed.lines)); }
    void operator()(const Cut& cut);
    void operator()(const DrawerPulse&) {}

  private:
    const Geometry& g() const { return text_.geometry(); }

    void aligned(const std::u32string& text, const Style& style) {
        const int width = static_cast<int>(text.size()) * (style.double_width ? 2 : 1);
        const int spare = std::max(0, g().columns - width);
        const int column = style.align == Align::left     ? 0
                           : style.align == Align::centre ? spare / 2
                                                          : spare;
        text_.draw(canvas_, canvas_.add_rows(text_.height(style)), column, text, style);
    }

    Canvas& canvas_;
    const TextPainter& text_;
};

void Renderer::operator()(const Barcode& barcode) {
    const auto modules = png_detail::code128_modules(barcode.data);
    if (!modules.empty()) {
        const int count = static_cast<int>(modules.size());
        // Modules of at least 2 px scan reliably; wider when the paper has room for the quiet zone.
        const int module = std::clamp(canvas_.width() / (count + 2 * barcode_quiet_modules), 2, 4);
        const int left = (canvas_.width() - count * module) / 2;
        const int top = canvas_.add_rows(barcode_height + g().line / 2 + 4) + g().line / 2;
        for (int i = 0; i < count; ++i)
            if (modules[static_cast<std::size_t>(i)])
                canvas_.fill(left + i * module, top, module, barcode_height);
    }
    if (barcode.human_readable || modules.empty()) {
        Style style;
        style.align = Align::centre;
        aligned(decode_utf8(barcode.data), style);
    }
    canvas_.add_rows(g().line / 2);  // white paper between the code and what follows
}

void Renderer::operator()(const QrCode& qr) {
    const auto matrix = png_detail::qr_matrix(qr.data);
    if (matrix.size == 0) {
        Style style;
        style.align = Align::centre;
        aligned(decode_utf8(qr.data), style);
        return;
    }
    const int span = matrix.size + 2 * qr_quiet_modules;
    const int module = std::clamp(canvas_.width() / span, 4, 6);
    const int top = canvas_.add_rows(span * module) + qr_quiet_modules * module;
    const int left = (canvas_.width() - matrix.size * module) / 2;
    for (int y = 0; y < matrix.size; ++y)
        for (int x = 0; x < matrix.size; ++x)
            if (matrix.dark[static_cast<std::size_t>(y * matrix.size + x)])
                canvas_.fill(left + x * module, top + y * module, module, module);
}

// A dashed line across the paper with large scissors at its left, where the printer cuts.
void Renderer::operator()(const Cut& cut) {
    Style scissors;
    scissors.double_width = true;
    scissors.double_height = true;
    const int top = canvas_.add_rows(text_.height(scissors));
    const int middle = top + text_.height(scissors) / 2;
    const int dash = cut.partial ? 6 : 10;
    for (int x = 0; x < canvas_.width(); x += dash * 2)
        canvas_.fill(x, middle, dash, 1);
    canvas_.clear(g().margin - 4, top, 2 * g().cell + 8, text_.height(scissors));
    text_.draw(canvas_, top, 0, U"\u2702", scissors);
}

struct LoadedFonts {
    std::unique_ptr<Font> regular;
    std::unique_ptr<Font> bold;
};

pos::Result<LoadedFonts> load_fonts(const FontFiles& files) {
    auto regular = load_font(files.regular);
    if (!regular)
        return regular.error();
    auto bold = load_font(files.bold);
    if (!bold)
        return bold.error();
    return LoadedFonts{std::move(regular).value(), std::move(bold).value()};
}

void append_bytes(void* context, void* data, int size) {
    auto* out = static_cast<std::vector<std::uint8_t>*>(context);
    const auto* bytes = static_cast<const std::uint8_t*>(data);
    out->insert(out->end(), bytes, bytes + size);
}

}  // namespace

pos::Result<Raster> render_raster(const Document& document) {
    return render_raster(document, FontFiles{});
}

pos::Result<Raster> render_raster(const Document& document, const FontFiles& fonts) {
    auto loaded = load_fonts(fonts);
    if (!loaded)
        return loaded.error();
    const TextPainter text(*loaded->regular, *loaded->bold, geometry_for(document.paper));
    Canvas canvas(std::max(1, document.paper.dots));
    canvas.add_rows(end_margin);
    Renderer renderer(canvas, text);
    for (const auto& block : document.blocks)
        std::visit(renderer, block);
    canvas.add_rows(end_margin);
    return canvas.take();
}

std::vector<std::uint8_t> encode_png(const Raster& raster) {
    std::vector<std::uint8_t> png;
    if (raster.width <= 0 || raster.height <= 0 ||
        raster.grey.size() <
            static_cast<std::size_t>(raster.width) * static_cast<std::size_t>(raster.height))
        return png;
    stbi_write_png_to_func(append_bytes, &png, raster.width, raster.height, 1, raster.grey.data(),
                           raster.width);
    return png;
}

pos::Status write_png(const Document& document, const std::filesystem::path& file) {
    const auto raster = render_raster(document);
    if (!raster)
        return raster.error();
    const auto png = encode_png(*raster);
    // Written beside the target and renamed over it, so a reader never sees half a picture.
    auto temp = file;
    temp += ".tmp";
    {
        std::ofstream out(temp, std::ios::binary | std::ios::trunc);
        out.write(reinterpret_cast<const char*>(png.data()),
                  static_cast<std::streamsize>(png.size()));
        if (!out.flush())
            return pos::store_failure("cannot write the receipt picture " + temp.string());
    }
    std::error_code error;
    std::filesystem::rename(temp, file, error);
    if (error) {
        std::filesystem::remove(temp, error);
        return pos::store_failure("cannot write the receipt picture " + file.string());
    }
    return pos::ok();
}

}  // namespace receipts
